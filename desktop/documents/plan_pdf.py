"""DX推進計画 as a PDF for council approval: cover, 目次 and chapters 1–8 (DESIGN.md §6, DOMAIN.md §1.2).

The chapter structure follows municipal plans built on the 自治体DX推進計画 (e.g. 伊豆の国市): 趣旨, 計画期間,
基本理念・ビジョン, 推進体制, 重点取組事項 with one アクションプラン each (概要, 現状・課題, 今後の展開, 評価指標,
実施スケジュール), 工程表 by 年度, KPI and 進捗管理 (PDCA).
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from xml.sax.saxutils import escape

from reportlab.lib.units import mm
from reportlab.platypus import Flowable, HRFlowable, NextPageTemplate, PageBreak

from desktop.documents import charts
from desktop.documents.contents import toc
from desktop.documents.data import BuildResult, KpiLine, PlanData
from desktop.documents.fonts import FontSet, find_fonts
from desktop.documents.headings import heading, keep_together, lead_in
from desktop.documents.pages import ProgressMark, spacer, write_pdf
from desktop.documents.styles import CONTENT_WIDTH, GRID, Styles, make_styles
from desktop.documents.tables import col_widths, data_table, form_table, number
from desktop.documents.text import Para, para, paras
from desktop.models.progress import NO_PROGRESS, Progress
from desktop.models.wareki import fiscal_year_label, fiscal_year_label_both, wareki_date

CHAPTERS = (
    "第1章　計画策定の趣旨",
    "第2章　計画期間",
    "第3章　基本理念・ビジョン",
    "第4章　推進体制",
    "第5章　重点取組事項",
    "第6章　工程表",
    "第7章　成果指標（KPI）",
    "第8章　進捗管理",
)
YEARS_PER_KPI_TABLE = 4


def period_text(start_fy: int | None, end_fy: int | None) -> str:
    """令和7年度〜令和9年度 (or 「未設定」)."""
    if start_fy is None or end_fy is None:
        return "未設定"
    return f"{fiscal_year_label(start_fy)}〜{fiscal_year_label(end_fy)}"


def status_line(data: PlanData) -> str:
    """議決 date once approved; 作成日 and 案 while a draft."""
    if data.approved:
        return f"{wareki_date(data.approved_on)}　議決" if data.approved_on else "議決済"
    return f"{wareki_date(data.meta.created_on)}　作成（案）"


def glyph_fields(data: PlanData) -> Iterator[tuple[str, str]]:
    """Every user-entered text of the plan, labelled as the user knows the field."""
    yield "計画名", data.title
    yield "担当部署", data.meta.department
    yield "計画策定の趣旨", data.purpose
    yield "ビジョン", data.vision
    yield "基本理念", data.principles
    yield "進捗管理", data.progress_management
    for r in data.roles:
        yield f"推進体制「{r.title}」の役職", r.title
        yield f"推進体制「{r.title}」の氏名", r.person_name
        yield f"推進体制「{r.title}」の現職", r.position
        yield f"推進体制「{r.title}」の備考", r.note
    for p in data.priorities:
        name = f"重点取組事項{p.number}"
        yield f"{name}の名称", p.title
        yield f"{name}の概要", p.overview
        yield f"{name}の現状・課題", p.current_issues
        yield f"{name}の今後の展開", p.next_steps
        yield f"{name}の評価指標", p.indicators
        yield f"{name}の実施スケジュール", p.schedule
    for k in data.kpis:
        yield f"KPI「{k.name}」の指標名", k.name
        yield f"KPI「{k.name}」の単位", k.unit


def build_plan_pdf(
    data: PlanData, out: Path, fonts: FontSet | None = None, progress: Progress = NO_PROGRESS
) -> BuildResult:
    """Write the plan PDF to `out` (atomically); raises MissingGlyphsError before writing anything."""
    fonts = fonts or find_fonts()
    st = make_styles(fonts)
    sections = [
        ("表紙・目次", lambda: _cover(data, st) + _contents(st)),
        (CHAPTERS[0], lambda: _purpose(data, st)),
        (CHAPTERS[1], lambda: _period(data, st)),
        (CHAPTERS[2], lambda: _vision(data, st)),
        (CHAPTERS[3], lambda: _structure(data, st)),
        (CHAPTERS[4], lambda: _priorities(data, st)),
        (CHAPTERS[5], lambda: _roadmap(data, st)),
        (CHAPTERS[6], lambda: _kpis(data, st)),
        (CHAPTERS[7], lambda: _management(data, st)),
    ]
    story: list[Flowable] = []
    for i, (label, make) in enumerate(sections):
        progress.check()
        story.append(ProgressMark(i, len(sections), f"{label}を組版しています"))
        story += make()
    return write_pdf(out, data.meta, fonts, story, progress=progress, check=glyph_fields(data), cover=True)


# --- cover and contents --------------------------------------------------------------------------------


def _cover(data: PlanData, st: Styles) -> list[Flowable]:
    rule = HRFlowable(width="100%", thickness=1.4, color=GRID, spaceBefore=4, spaceAfter=4)
    thin = HRFlowable(width="100%", thickness=0.5, color=GRID, spaceBefore=0, spaceAfter=10)
    period = "計画期間　" + (
        f"{fiscal_year_label_both(data.start_fy)}〜{fiscal_year_label_both(data.end_fy)}"
        if data.start_fy is not None and data.end_fy is not None
        else "未設定"
    )
    out: list[Flowable] = [spacer(52), rule, thin, para(data.title, st.cover_title), thin, rule, spacer(10)]
    out.append(para(period, st.cover_line))
    if not data.approved:
        out += [spacer(4), para("（案）", st.cover_sub)]
    out += [
        spacer(78),
        para(status_line(data), st.cover_line),
        spacer(6),
        para(data.meta.municipality, st.cover_sub),
    ]
    if data.meta.department:
        out.append(para(data.meta.department, st.cover_line))
    out += [NextPageTemplate("body"), PageBreak()]
    return out


def _contents(st: Styles) -> list[Flowable]:
    return [Para("目　次", st.toc_title), toc(st, levels=2), PageBreak()]


# --- chapters ------------------------------------------------------------------------------------------


def _purpose(data: PlanData, st: Styles) -> list[Flowable]:
    return [heading(CHAPTERS[0], 1, st), *paras(data.purpose, st.body, st.empty)]


def _period(data: PlanData, st: Styles) -> list[Flowable]:
    out: list[Flowable] = [heading(CHAPTERS[1], 1, st)]
    if data.start_fy is None or data.end_fy is None:
        return [*out, para("計画期間は未設定です。", st.empty)]
    years = data.end_fy - data.start_fy + 1
    out.append(
        para(
            f"本計画の期間は、{fiscal_year_label_both(data.start_fy)}から"
            f"{fiscal_year_label_both(data.end_fy)}までの{years}年間とします。",
            st.body,
        )
    )
    out.append(
        para(
            "なお、国の「自治体DX推進計画」の改定や社会情勢の変化、取組の進捗状況等を踏まえ、"
            "必要に応じて計画期間中であっても見直しを行います。",
            st.body,
        )
    )
    return out


def _vision(data: PlanData, st: Styles) -> list[Flowable]:
    out: list[Flowable] = [heading(CHAPTERS[2], 1, st), heading("1　ビジョン", 2, st, toc=False)]
    out.append(para(data.vision.strip(), st.box) if data.vision.strip() else para("（記載なし）", st.empty))
    out.append(heading("2　基本理念", 2, st, toc=False))
    out += paras(data.principles, st.body_flat, st.empty)
    return out


def _structure(data: PlanData, st: Styles) -> list[Flowable]:
    out: list[Flowable] = [heading(CHAPTERS[3], 1, st)]
    out.append(
        para(
            "本計画を全庁的・横断的に推進するため、首長のリーダーシップの下、次の体制により取り組みます。",
            st.body,
        )
    )
    if not data.roles:
        return [*out, para("（推進体制の役職は登録されていません）", st.empty)]
    rows = []
    for r in data.roles:
        note = "、".join(x for x in ("外部人材" if r.external else "", r.note) if x)
        rows.append([r.title, r.person_name or "（未定）", r.position, note])
    out.append(data_table(["役職", "氏名", "現職", "備考"], rows, col_widths(25, 16, 23, 36), st))
    return out


def _priorities(data: PlanData, st: Styles) -> list[Flowable]:
    out: list[Flowable] = [heading(CHAPTERS[4], 1, st)]
    if not data.priorities:
        return [*out, para("（重点取組事項は登録されていません）", st.empty)]
    out.append(
        para(
            "本計画では、次の事項に重点的に取り組みます。各事項のアクションプランは以下のとおりです。",
            st.body,
        )
    )
    rows = [[str(p.number), p.title, period_text(p.start_fy, p.end_fy)] for p in data.priorities]
    out += [
        data_table(["No.", "重点取組事項", "取組期間"], rows, col_widths(7, 63, 30), st, align="CLC"),
        spacer(4),
    ]
    for p in data.priorities:
        indicators = p.indicators
        if p.kpi_names:
            # The linked KPIs (第7章) are named under a label, so they do not read as a repeat of the text.
            kpi_list = "、".join(p.kpi_names)
            kpi_line = f"（KPI：{kpi_list}。第7章参照）"
            indicators = f"{indicators}\n{kpi_line}" if indicators.strip() else kpi_line
        schedule_head = f"取組期間：{period_text(p.start_fy, p.end_fy)}"
        schedule = f"{schedule_head}\n{p.schedule}" if p.schedule.strip() else schedule_head
        out += lead_in(
            heading(f"{p.number}　{p.title}", 2, st),
            form_table(
                [
                    ("概要", _text_or_dash(p.overview)),
                    ("現状・課題", _text_or_dash(p.current_issues)),
                    ("今後の展開", _text_or_dash(p.next_steps)),
                    ("評価指標", _text_or_dash(indicators)),
                    ("実施スケジュール", schedule),
                ],
                st,
                label_width=32 * mm,
            ),
            rows=2,
        )
        out.append(spacer(3))
    return out


def _text_or_dash(text: str) -> str:
    return text.strip() or "—"


def _roadmap(data: PlanData, st: Styles) -> list[Flowable]:
    out: list[Flowable] = [heading(CHAPTERS[5], 1, st)]
    years = data.years
    if not data.priorities:
        return [*out, para("（重点取組事項が登録されていないため、工程表はありません）", st.empty)]
    if not years:
        return [*out, para("（計画期間と取組期間が未設定のため、工程表を作成できません）", st.empty)]
    intro = para("重点取組事項ごとの年度別の取組期間は、次のとおりです。", st.body)
    bars = [charts.GanttBar(f"{p.number}　{p.title}", p.start_fy, p.end_fy) for p in data.priorities]
    for i, chart in enumerate(charts.gantt(years, bars, st.fonts, CONTENT_WIDTH)):
        out += [keep_together(intro, chart) if i == 0 else chart, spacer(3)]
    if any(p.start_fy is None and p.end_fy is None for p in data.priorities):
        out.append(para("※ 取組期間が未設定の事項は、計画期間全体を薄い色で示しています。", st.note))
    if any(
        (p.start_fy or years[0]) < years[0] or (p.end_fy or years[-1]) > years[-1] for p in data.priorities
    ):
        out.append(para("※ ▶ は計画期間を越えて継続する取組を示します。", st.note))
    return out


def _kpis(data: PlanData, st: Styles) -> list[Flowable]:
    out: list[Flowable] = [heading(CHAPTERS[6], 1, st), heading("1　KPI一覧", 2, st, toc=False)]
    years = data.years
    if not data.kpis:
        out.append(para("（KPIは登録されていません）", st.empty))
    else:
        out.append(para("取組の成果を測る指標（KPI）と年度ごとの目標値・実績値は、次のとおりです。", st.body))
        chunks = [years[i : i + YEARS_PER_KPI_TABLE] for i in range(0, len(years), YEARS_PER_KPI_TABLE)] or [
            []
        ]
        for chunk in chunks:
            out += [kpi_table(data.kpis, chunk, st), spacer(4)]
        out.append(para("※ 「—」は未設定または未集計であることを示します。", st.note))
    out.append(heading("2　取組の進捗状況", 2, st, toc=False))
    if data.steps:
        intro = para(
            "自治体DX全体手順書のステップごとのチェック項目の完了状況は、次のとおりです"
            f"（{wareki_date(data.meta.created_on)}現在）。",
            st.body,
        )
        out.append(keep_together(intro, charts.progress_bars(step_bars(data.steps), st.fonts, CONTENT_WIDTH)))
    else:
        out.append(para("（進捗の記録はありません）", st.empty))
    return out


def step_bars(steps) -> list[charts.ProgressBar]:
    """ステップ0–3 as progress bars (shared with the 進捗報告)."""
    return [
        charts.ProgressBar(f"ステップ{s.number}　{s.title}", s.ratio, f"{s.done} / {s.applicable}項目")
        for s in steps
    ]


def kpi_table(kpis: tuple[KpiLine, ...], years: list[int], st: Styles):
    """指標 | 単位 | 基準値 | per 年度: 目標 / 実績 (two header rows, the 年度 spanning its two columns)."""
    head1: list = ["指標", "単位", "基準値"]
    head2: list = ["", "", ""]
    spans: list[tuple] = [("SPAN", (c, 0), (c, 1)) for c in range(3)]
    for i, fy in enumerate(years):
        head1 += [fiscal_year_label(fy), ""]
        head2 += ["目標", "実績"]
        spans.append(("SPAN", (3 + 2 * i, 0), (4 + 2 * i, 0)))
    rows = []
    for k in kpis:
        base = escape(number(k.baseline))
        if k.baseline is not None and k.baseline_fy is not None:
            base += f"<br/><font size=7>（{escape(fiscal_year_label(k.baseline_fy))}）</font>"
        row: list = [k.name, k.unit, Para(base, st.cell_right)]
        for fy in years:
            y = k.year(fy)
            row += [number(y.target), number(y.actual)]
        rows.append(row)
    fixed = [34.0, 9.0, 13.0]
    per_year = [44.0 / max(len(years) * 2, 1)] * (len(years) * 2)
    widths = col_widths(*fixed, *per_year)
    return data_table([head1, head2], rows, widths, st, align="LCR" + "R" * len(years) * 2, extra_style=spans)


def _management(data: PlanData, st: Styles) -> list[Flowable]:
    # The PDCA cycle comes first so that it never ends up alone on the last page.
    out: list[Flowable] = [heading(CHAPTERS[7], 1, st), charts.pdca_cycle(st.fonts, CONTENT_WIDTH), spacer(4)]
    out += paras(data.progress_management, st.body, st.empty)
    return out
