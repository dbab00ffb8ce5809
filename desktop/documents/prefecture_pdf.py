"""県内市町村のDX推進状況: the prefecture-wide progress report (cover, indicators, steps, 20業務, needs).

Pure: plain data in (PrefectureReportData), PDF out. The indicator table mirrors the seven 推進体制 columns of
デジタル庁「自治体DXの取組に関するダッシュボード」 (DOMAIN.md §10.5), each derived from the town's own data.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

from reportlab.platypus import Flowable, HRFlowable, NextPageTemplate, PageBreak

from desktop.documents import charts
from desktop.documents.data import BuildResult, DocMeta
from desktop.documents.fonts import FontSet, find_fonts
from desktop.documents.headings import heading
from desktop.documents.pages import ProgressMark, spacer, write_pdf
from desktop.documents.styles import CONTENT_WIDTH, GRID, Styles, make_styles
from desktop.documents.tables import col_widths, data_table
from desktop.documents.text import para
from desktop.models.progress import NO_PROGRESS, Progress
from desktop.models.wareki import wareki_date

SECTIONS = (
    "1　推進体制の状況（国のダッシュボードの7指標）",
    "2　ステップ別の進捗状況",
    "3　標準化対象20業務の移行状況",
    "4　支援ニーズの状況",
)
INDICATOR_SOURCE = "指標の区分：デジタル庁「自治体DXの取組に関するダッシュボード」自治体DXの推進体制"


@dataclass(frozen=True)
class TownLine:
    """One town in the report."""

    code: str
    name: str
    step_ratios: tuple[float, ...]
    current_step: int
    live: int
    businesses: int
    indicators: tuple[bool, ...]


@dataclass(frozen=True)
class NeedsCount:
    """How many needs of one category stand at each response state."""

    category: str
    counts: tuple[int, ...]  # in the order of PrefectureReportData.response_labels


@dataclass(frozen=True)
class PrefectureReportData:
    """Everything the report shows, gathered by desktop.services.prefecture.reports."""

    meta: DocMeta
    indicator_labels: tuple[str, ...]
    towns: tuple[TownLine, ...]
    rates: tuple[tuple[int, float], ...]  # per indicator: yes count, share
    step_titles: tuple[str, ...]
    response_labels: tuple[str, ...]
    needs: tuple[NeedsCount, ...]
    open_needs: tuple[tuple[str, str, str, str], ...]  # town, title, category, priority (not yet answered)


def glyph_fields(data: PrefectureReportData) -> Iterator[tuple[str, str]]:
    """Texts that came from the towns (names, need titles)."""
    for t in data.towns:
        yield "団体名", t.name
    for town, title, _c, _p in data.open_needs:
        yield f"{town}の支援ニーズの件名", title


def build_prefecture_pdf(
    data: PrefectureReportData, out: Path, fonts: FontSet | None = None, progress: Progress = NO_PROGRESS
) -> BuildResult:
    """Write the report to `out` (atomically)."""
    fonts = fonts or find_fonts()
    st = make_styles(fonts)
    story: list[Flowable] = _cover(data, st)
    makers = (_indicators, _steps, _businesses, _needs)
    for i, make in enumerate(makers):
        progress.check()
        story.append(ProgressMark(i, len(makers), f"{SECTIONS[i]}を組版しています"))
        story += make(data, st)
    return write_pdf(out, data.meta, fonts, story, progress=progress, check=glyph_fields(data), cover=True)


def _pct(ratio: float) -> str:
    return f"{round(ratio * 100)}%"


def _cover(data: PrefectureReportData, st: Styles) -> list[Flowable]:
    rule = HRFlowable(width="100%", thickness=1.4, color=GRID, spaceBefore=4, spaceAfter=4)
    thin = HRFlowable(width="100%", thickness=0.5, color=GRID, spaceBefore=0, spaceAfter=10)
    return [
        spacer(52), rule, thin, para(data.meta.title, st.cover_title), thin, rule, spacer(10),
        para(f"対象：県内{len(data.towns)}市町村", st.cover_line),
        para(f"{wareki_date(data.meta.printed_on)}現在", st.cover_line),
        spacer(78),
        para(data.meta.municipality, st.cover_sub),
        NextPageTemplate("body"), PageBreak(),
    ]  # fmt: skip


def _indicators(data: PrefectureReportData, st: Styles) -> list[Flowable]:
    out: list[Flowable] = [heading(SECTIONS[0], 2, st)]
    out.append(
        para(
            "各市町村が本アプリに記録したデータ（推進体制・計画・チェック項目・研修の記録・支援ニーズ）から判定しています。"
            "○は該当、×は非該当です。最下行は該当する団体の数と割合です。",
            st.body,
        )
    )
    out.append(para(INDICATOR_SOURCE, st.body))
    n = len(data.indicator_labels)
    head = ["団体名", *data.indicator_labels]
    rows = [[t.name, *("○" if v else "×" for v in t.indicators)] for t in data.towns]
    rows.append(["県内計", *(f"{yes}（{_pct(rate)}）" for yes, rate in data.rates)])
    widths = col_widths(22, *([78 / n] * n))
    last = len(rows)
    out.append(
        data_table(
            head,
            rows,
            widths,
            st,
            align="L" + "C" * n,
            extra_style=[("FONT", (0, last), (-1, last), st.heading_font, 8.5)],
        )  # fmt: skip
    )
    bars = [charts.ProgressBar(label, rate, f"{yes} / {len(data.towns)}団体")
            for label, (yes, rate) in zip(data.indicator_labels, data.rates, strict=True)]  # fmt: skip
    out += [spacer(4), charts.progress_bars(bars, st.fonts, CONTENT_WIDTH)]
    return out


def _steps(data: PrefectureReportData, st: Styles) -> list[Flowable]:
    out: list[Flowable] = [PageBreak(), heading(SECTIONS[1], 2, st)]
    out.append(
        para(
            "自治体DX全体手順書のステップごとに、各市町村のチェック項目の完了率（対象外の項目を除く）を示します。"
            "「取組中」は、まだ完了していない最初のステップです。",
            st.body,
        )
    )
    steps = len(data.step_titles)
    working = [sum(1 for t in data.towns if min(t.current_step, steps) == i) for i in range(steps + 1)]
    bars = [
        charts.ProgressBar(f"ステップ{i}　{title}", working[i] / len(data.towns) if data.towns else 0.0,
                           f"{working[i]}団体が取組中")
        for i, title in enumerate(data.step_titles)
    ]  # fmt: skip
    bars.append(charts.ProgressBar("ステップ0〜3をすべて完了", working[steps] / len(data.towns) if data.towns else 0.0,
                                   f"{working[steps]}団体"))  # fmt: skip
    out += [charts.progress_bars(bars, st.fonts, CONTENT_WIDTH), spacer(4)]
    head = ["団体名", *(f"ステップ{i}" for i in range(steps)), "取組中"]
    rows = [
        [
            t.name,
            *(_pct(r) for r in t.step_ratios),
            "完了" if t.current_step >= steps else f"ステップ{t.current_step}",
        ]
        for t in data.towns
    ]
    out.append(data_table(head, rows, col_widths(30, *([14] * steps), 14), st, align="L" + "R" * steps + "C"))
    return out


def _businesses(data: PrefectureReportData, st: Styles) -> list[Flowable]:
    out: list[Flowable] = [PageBreak(), heading(SECTIONS[2], 2, st)]
    total = sum(t.businesses for t in data.towns)
    live = sum(t.live for t in data.towns)
    out.append(
        para(
            f"20業務のうち本稼働した業務の数を団体ごとに示します。県内計 {live} / {total}業務（{_pct(live / total) if total else '0%'}）。",
            st.body,
        )
    )
    bars = [charts.ProgressBar(t.name, t.live / t.businesses if t.businesses else 0.0, f"{t.live} / {t.businesses}")
            for t in data.towns]  # fmt: skip
    out.append(charts.progress_bars(bars, st.fonts, CONTENT_WIDTH))
    return out


def _needs(data: PrefectureReportData, st: Styles) -> list[Flowable]:
    out: list[Flowable] = [PageBreak(), heading(SECTIONS[3], 2, st)]
    out.append(para("市町村から提出された支援ニーズの件数を、区分と県の回答状況ごとに示します。", st.body))
    n = len(data.response_labels)
    head = ["区分", *data.response_labels, "計"]
    rows = [[c.category, *(str(x) for x in c.counts), str(sum(c.counts))] for c in data.needs]
    totals = [sum(c.counts[i] for c in data.needs) for i in range(n)]
    rows.append(["計", *(str(x) for x in totals), str(sum(totals))])
    out.append(
        data_table(head, rows, col_widths(34, *([56 / (n + 1)] * (n + 1))), st, align="L" + "R" * (n + 1))
    )
    if data.open_needs:
        out += [spacer(4), heading("未回答の支援ニーズ", 3, st)]
        rows = [list(r) for r in data.open_needs]
        out.append(
            data_table(
                ["団体名", "件名", "区分", "優先度"], rows, col_widths(20, 46, 24, 10), st, align="LLLC"
            )
        )
    return out
