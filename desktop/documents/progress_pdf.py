"""進捗報告: where the municipality stands — steps 0–3, checkpoints, KPIs of the 年度, the 20 標準化対象業務.

Made for the DX推進本部 and the prefecture's 進捗把握 (DOMAIN.md §10.3): one table per topic, dates in 和暦.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

from reportlab.platypus import Flowable

from desktop.documents import charts
from desktop.documents.data import BuildResult, ProgressData
from desktop.documents.fonts import FontSet, find_fonts
from desktop.documents.headings import heading
from desktop.documents.pages import ProgressMark, spacer, write_pdf
from desktop.documents.styles import CONTENT_WIDTH, Styles, make_styles
from desktop.documents.tables import col_widths, data_table, number
from desktop.documents.text import para
from desktop.models.progress import NO_PROGRESS, Progress
from desktop.models.wareki import fiscal_year_label, wareki_date

SECTIONS = (
    "1　ステップ別の進捗状況",
    "2　チェック項目の実施状況",
    "3　成果指標（KPI）の状況",
    "4　標準化対象20業務の移行状況",
)


def glyph_fields(data: ProgressData) -> Iterator[tuple[str, str]]:
    """User-entered texts of the report."""
    yield "計画名", data.plan_title
    for c in data.checks:
        yield f"チェック項目「{c.title}」の担当", c.assignee
    for k in data.kpis:
        yield f"KPI「{k.name}」の指標名", k.name
        yield f"KPI「{k.name}」の単位", k.unit


def build_progress_pdf(
    data: ProgressData, out: Path, fonts: FontSet | None = None, progress: Progress = NO_PROGRESS
) -> BuildResult:
    """Write the 進捗報告 PDF to `out` (atomically)."""
    fonts = fonts or find_fonts()
    st = make_styles(fonts)
    makers = (_steps, _checks, _kpis, _businesses)
    story: list[Flowable] = _title(data, st)
    for i, make in enumerate(makers):
        progress.check()
        story.append(ProgressMark(i, len(makers), f"{SECTIONS[i]}を組版しています"))
        story += make(data, st)
    return write_pdf(out, data.meta, fonts, story, progress=progress, check=glyph_fields(data))


def _title(data: ProgressData, st: Styles) -> list[Flowable]:
    out: list[Flowable] = [para(data.meta.title, st.toc_title)]
    out.append(
        para(f"{data.meta.municipality}　{wareki_date(data.meta.printed_on)}現在", st.cover_line),
    )
    out.append(spacer(4))
    return out


def _steps(data: ProgressData, st: Styles) -> list[Flowable]:
    out: list[Flowable] = [heading(SECTIONS[0], 2, st)]
    out.append(
        para(
            "自治体DX全体手順書のステップごとに、チェック項目の完了状況を示します（対象外とした項目は数えません）。",
            st.body,
        )
    )
    rows = [
        [
            f"ステップ{s.number}",
            s.title,
            str(s.done),
            str(s.doing),
            str(s.todo),
            str(s.applicable),
            f"{round(s.ratio * 100)}%",
        ]
        for s in data.steps
    ]
    done = sum(s.done for s in data.steps)
    total = sum(s.applicable for s in data.steps)
    doing = sum(s.doing for s in data.steps)
    rows.append(
        ["合計", "", str(done), str(doing), str(max(total - done - doing, 0)), str(total),
         f"{round(done / total * 100) if total else 100}%"]
    )  # fmt: skip
    head = ["ステップ", "内容", "完了", "対応中", "未着手", "対象項目", "完了率"]
    out.append(
        data_table(
            head,
            rows,
            col_widths(13, 35, 10, 10, 10, 11, 11),
            st,
            align="LLRRRRR",
            extra_style=[("SPAN", (0, len(rows)), (1, len(rows)))],
        )
    )
    out += [spacer(4), charts.progress_bars(_step_bars(data.steps), st.fonts, CONTENT_WIDTH)]
    return out


def _checks(data: ProgressData, st: Styles) -> list[Flowable]:
    out: list[Flowable] = [heading(SECTIONS[1], 2, st)]
    out.append(para("完了した項目と対応中の項目を、ステップごとに示します。", st.body))
    for s in data.steps:
        items = [c for c in data.checks if c.step == s.number]
        out.append(heading(f"ステップ{s.number}　{s.title}", 3, st, toc=False))
        if not items:
            out.append(para("（完了・対応中の項目はありません）", st.empty))
            continue
        items.sort(key=lambda c: (c.status != "完了", c.done_on is None, c.done_on))
        rows = [[c.title, c.status, wareki_date(c.done_on) if c.done_on else "—", c.assignee] for c in items]
        out.append(
            data_table(
                ["チェック項目", "状況", "完了日", "担当"], rows, col_widths(52, 10, 20, 18), st, align="LCCL"
            )
        )
    return out


def _kpis(data: ProgressData, st: Styles) -> list[Flowable]:
    fy = data.fiscal_year
    out: list[Flowable] = [heading(SECTIONS[2], 2, st)]
    if not data.kpis:
        return [*out, para("（KPIは登録されていません）", st.empty)]
    out.append(para(f"{fiscal_year_label(fy)}の目標値と実績値を示します。", st.body))
    rows = []
    for k in data.kpis:
        y = k.year(fy)
        rate = achievement(k.baseline, y.target, y.actual)
        rows.append([k.name, k.unit, number(k.baseline), number(y.target), number(y.actual), rate])
    out.append(
        data_table(
            [
                "指標",
                "単位",
                "基準値",
                f"{fiscal_year_label(fy)}\n目標",
                f"{fiscal_year_label(fy)}\n実績",
                "達成率",
            ],
            rows,
            col_widths(40, 10, 12, 13, 13, 12),
            st,
            align="LCRRRR",
        )
    )
    out.append(
        para(
            "※ 達成率は（実績値−基準値）÷（目標値−基準値）で、減らすことを目指す指標（待ち時間など）にも当てはまります。"
            "基準値のない指標は実績値÷目標値。「—」は未設定または未集計を示します。",
            st.note,
        )
    )
    return out


def achievement(baseline: float | None, target: float | None, actual: float | None) -> str:
    """How far the actual has come from the baseline toward the target, in percent (also right for KPIs
    that should fall, such as waiting times)."""
    if target is None or actual is None:
        return "—"
    if baseline is not None and target != baseline:
        return f"{(actual - baseline) / (target - baseline) * 100:.0f}%"
    return f"{actual / target * 100:.0f}%" if target else "—"


def _businesses(data: ProgressData, st: Styles) -> list[Flowable]:
    out: list[Flowable] = [heading(SECTIONS[3], 2, st)]
    live = sum(1 for b in data.businesses if b.live)
    special = sum(1 for b in data.businesses if b.specific_support)
    cloud = sum(1 for b in data.businesses if b.gov_cloud)
    out.append(
        para(
            f"標準化対象{len(data.businesses)}業務のうち、本稼働 {live}業務、特定移行支援システム {special}業務、"
            f"ガバメントクラウド利用 {cloud}業務です。",
            st.body,
        )
    )
    rows = []
    for b in data.businesses:
        phase = b.phase + (f"\n（特定移行支援の理由：{b.specific_reason}）" if b.specific_reason else "")
        rows.append(
            [
                b.name,
                phase,
                _migration_day(b),
                "該当" if b.specific_support else "—",
                "利用" if b.gov_cloud else "—",
            ]
        )
    # widths fit the longest values on one line: 「子ども・子育て支援」, 「⑫ 本稼働・現行システムの契約変更・解約」,
    # 「令和10年10月20日」; the 業務 order is the official one, so no number column is needed
    out.append(
        data_table(
            ["業務", "段階", "移行日", "特定移行\n支援", "ガバクラ"],
            rows,
            col_widths(32.5, 69, 29.5, 17, 17),
            st,
            align="LLCCC",
        )
    )
    out.append(
        para("※ 段階は「自治体情報システムの標準化・共通化に係る手順書」の作業項目①〜⑫によります。", st.note)
    )
    return out


def _migration_day(b) -> str:
    """The day the 業務 moved (once live), or the day it is planned to, marked as such; 「未定」 without one."""
    if b.planned_go_live is None:
        return "未定"
    day = wareki_date(b.planned_go_live)
    return day if b.live else f"{day}\n（予定）"


def _step_bars(steps) -> list[charts.ProgressBar]:
    """ステップ0–3 as progress bars."""
    return [
        charts.ProgressBar(f"ステップ{s.number}　{s.title}", s.ratio, f"{s.done} / {s.applicable}項目")
        for s in steps
    ]
