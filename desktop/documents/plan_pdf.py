"""DX推進計画 as a PDF for council approval: cover, 目次, chapters 1–9 and an optional 用語解説 (DESIGN.md §6).

The chapter structure follows municipal plans built on the 自治体DX推進計画 (e.g. 伊豆の国市): 趣旨, 計画期間,
現状と課題, 基本理念・ビジョン, 推進体制, 重点取組事項 with one アクションプラン each (概要, 現状・課題, 今後の展開,
評価指標, 実施スケジュール), 工程表 by 年度, KPI and 進捗管理 (PDCA). What it says is in plan_text (shared with
the DOCX); this module lays it out.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from xml.sax.saxutils import escape

from reportlab.lib import colors
from reportlab.lib.units import mm
from reportlab.platypus import Flowable, HRFlowable, KeepTogether, NextPageTemplate, PageBreak

from desktop.documents import charts
from desktop.documents import plan_text as T
from desktop.documents.contents import toc
from desktop.documents.data import BuildResult, KpiLine, PlanData
from desktop.documents.fonts import FontSet, find_fonts
from desktop.documents.headings import heading, keep_together, lead_in
from desktop.documents.pages import ProgressMark, spacer, write_pdf
from desktop.documents.styles import CONTENT_WIDTH, GRID, Styles, make_styles
from desktop.documents.tables import col_widths, data_table, form_table, number
from desktop.documents.text import Para, para, paras
from desktop.models.progress import NO_PROGRESS, Progress
from desktop.models.wareki import fiscal_year_label

CHAPTERS = T.CHAPTERS
# KPI table (mm): 単位 and 基準値, a 目標 or 実績 column under a shared 年度 label, a 目標-only 年度, and the
# most the value columns may take (the 指標 column gets the rest, at least 52 mm).
KPI_UNIT, KPI_BASE, KPI_PAIR, KPI_SINGLE = 12, 22, 14.5, 21
KPI_BUDGET = 165 - KPI_UNIT - KPI_BASE - 52
ACTIVE_FILL = colors.HexColor("#dbe5f0")  # 工程表: the 年度 of an item's 取組期間


def glyph_fields(data: PlanData) -> Iterator[tuple[str, str]]:
    """Every user-entered text of the plan, labelled as the user knows the field."""
    yield "計画名", data.title
    yield "担当部署", data.meta.department
    yield "計画策定の趣旨", data.purpose
    yield "国の動向", data.national_trends
    yield "団体の現状と課題", data.current_situation
    yield "ビジョン", data.vision
    yield "基本理念", data.principles
    yield "進捗管理", data.progress_management
    yield "用語解説", data.glossary
    for r in data.roles:
        yield f"推進体制「{r.title}」の役職", r.title
        yield f"推進体制「{r.title}」の氏名", r.person_name
        yield f"推進体制「{r.title}」の現職", r.position
    for p in data.priorities:
        name = f"重点取組事項{p.number}"
        yield f"{name}の名称", p.title
        yield f"{name}の概要", p.overview
        yield f"{name}の現状・課題", p.current_issues
        yield f"{name}の今後の展開", p.next_steps
        yield f"{name}の評価指標", p.indicators
        yield f"{name}の実施スケジュール", p.schedule
        for fy, text in p.activities:
            yield f"{name}の{fiscal_year_label(fy)}の取組", text
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
        (CHAPTERS[0], lambda: [heading(CHAPTERS[0], 1, st), *paras(data.purpose, st.body, st.empty)]),
        (CHAPTERS[1], lambda: [heading(CHAPTERS[1], 1, st), para(T.period_sentence(data), st.body)]),
        (CHAPTERS[2], lambda: _situation(data, st)),
        (CHAPTERS[3], lambda: _vision(data, st)),
        (CHAPTERS[4], lambda: _structure(data, st)),
        (CHAPTERS[5], lambda: _priorities(data, st)),
        (CHAPTERS[6], lambda: _roadmap(data, st)),
        (CHAPTERS[7], lambda: _kpis(data, st)),
        (CHAPTERS[8], lambda: _management(data, st)),
        (T.GLOSSARY, lambda: _glossary(data, st)),
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
    out: list[Flowable] = [spacer(52), rule, thin, para(data.title, st.cover_title), thin, rule, spacer(10)]
    out.append(para(T.plan_period(data), st.cover_line))
    if T.cover_mark(data):
        out += [spacer(4), para(T.cover_mark(data), st.cover_sub)]
    dates = T.cover_dates(data)
    out.append(spacer(78 - 9 * len(dates)))
    out += [para(line, st.cover_line) for line in dates]
    out += [spacer(6), para(data.meta.municipality, st.cover_sub)]
    if data.meta.department:
        out.append(para(data.meta.department, st.cover_line))
    out += [NextPageTemplate("body"), PageBreak()]
    return out


def _contents(st: Styles) -> list[Flowable]:
    return [Para("目　次", st.toc_title), toc(st, levels=2), PageBreak()]


# --- chapters ------------------------------------------------------------------------------------------


def _situation(data: PlanData, st: Styles) -> list[Flowable]:
    return [
        heading(CHAPTERS[2], 1, st),
        heading("1　国の動向", 2, st, toc=False),
        *paras(data.national_trends, st.body, st.empty),
        heading(T.situation_heading(data), 2, st, toc=False),
        *paras(data.current_situation, st.body, st.empty),
    ]


def _vision(data: PlanData, st: Styles) -> list[Flowable]:
    out: list[Flowable] = [heading(CHAPTERS[3], 1, st), heading("1　ビジョン", 2, st, toc=False)]
    out.append(para(data.vision.strip(), st.box) if data.vision.strip() else para(T.EMPTY, st.empty))
    out.append(heading("2　基本理念", 2, st, toc=False))
    out += paras(data.principles, st.body_flat, st.empty)
    return out


def _structure(data: PlanData, st: Styles) -> list[Flowable]:
    out: list[Flowable] = [heading(CHAPTERS[4], 1, st), para(T.structure_intro(data), st.body)]
    if not data.roles:
        return [*out, para(T.NO_ROLES, st.empty)]
    header, rows = T.post_table(data)
    widths = col_widths(26, 50, 24) if data.show_names else col_widths(30, 70)
    out.append(data_table(header, rows, widths, st))
    return out


def _priorities(data: PlanData, st: Styles) -> list[Flowable]:
    out: list[Flowable] = [heading(CHAPTERS[5], 1, st)]
    if not data.priorities:
        return [*out, para(T.NO_PRIORITIES, st.empty)]
    out.append(para(T.PRIORITIES_INTRO, st.body))
    rows = [[str(p.number), p.title, T.period_text(p.start_fy, p.end_fy)] for p in data.priorities]
    out += [
        data_table(["No.", "重点取組事項", "取組期間"], rows, col_widths(7, 63, 30), st, align="CLC"),
        spacer(4),
    ]
    for p in data.priorities:
        # An アクションプラン that fits on a page is read on one page: it moves whole to the next page rather
        # than leaving its last rows to the next one; a longer one splits, its heading kept with two rows.
        out += [
            KeepTogether(
                lead_in(
                    heading(f"{p.number}　{p.title}", 2, st),
                    form_table(
                        [
                            ("概要", _text_or_dash(p.overview)),
                            ("現状・課題", _text_or_dash(p.current_issues)),
                            ("今後の展開", _text_or_dash(p.next_steps)),
                            ("評価指標", _text_or_dash(T.indicator_text(p))),
                            ("実施スケジュール", T.schedule_text(p)),
                        ],
                        st,
                        label_width=32 * mm,
                    ),
                    rows=2,
                )
            )
        ]
        out.append(spacer(3))
    return out


def _text_or_dash(text: str) -> str:
    return text.strip() or "—"


def _roadmap(data: PlanData, st: Styles) -> list[Flowable]:
    out: list[Flowable] = [heading(CHAPTERS[6], 1, st)]
    years = data.years
    if not data.priorities or not years:
        return [*out, para(T.NO_ROADMAP, st.empty)]
    label_share = 34 if len(years) <= 4 else 26
    widths = col_widths(label_share, *[(100 - label_share) / len(years)] * len(years))
    header = ["重点取組事項", *(f"{fiscal_year_label(fy)}\n（{fy}年度）" for fy in years)]
    rows, shade = [], []
    for r, p in enumerate(data.priorities, start=1):
        row = [f"{p.number}　{p.title}"]
        for c, fy in enumerate(years, start=1):
            text = p.activity(fy)
            if p.active_in(fy):
                shade.append(("BACKGROUND", (c, r), (c, r), ACTIVE_FILL))
                if fy == years[-1] and T.runs_on(p, years):
                    text = f"{text} ▶" if text else "▶"
            row.append(text)
        rows.append(row)
    table = data_table(header, rows, widths, st, zebra=False, extra_style=shade)
    notes = [para(T.ROADMAP_SHADE_NOTE, st.note)]
    if any(T.runs_on(p, years) for p in data.priorities):
        notes.append(para(T.ROADMAP_ONWARD_NOTE, st.note))
    return [keep_together(*out, para(T.ROADMAP_INTRO, st.body), table, *notes)]


def _kpis(data: PlanData, st: Styles) -> list[Flowable]:
    out: list[Flowable] = [heading(CHAPTERS[7], 1, st)]
    if not data.kpis:
        return [*out, para(T.NO_KPIS, st.empty)]
    chunks = T.kpi_tables(T.kpi_columns(data), KPI_BUDGET, KPI_PAIR, KPI_SINGLE)
    tables = [kpi_table(data.kpis, c, st) for c in chunks]
    note = para(T.KPI_DASH_NOTE, st.note)
    # The chapter heading, its sentence and the first table stay on one page (the last table with the note).
    first = keep_together(
        *out, para(T.kpi_intro(data), st.body), tables[0], *([note] if len(tables) == 1 else [])
    )
    rest = [
        keep_together(spacer(4), t, *([note] if i == len(tables) - 1 else [])) for i, t in enumerate(tables)
    ]
    return [first, *rest[1:]]


def kpi_table(kpis: tuple[KpiLine, ...], columns: list[T.KpiColumn], st: Styles):
    """指標 | 単位 | 基準値 | per 年度: 目標 (and 実績 once the 年度 has begun), the 年度 label spanning them."""
    head1: list = ["指標", "単位", "基準値"]
    head2: list = ["", "", ""]
    spans: list[tuple] = [("SPAN", (c, 0), (c, 1)) for c in range(3)]
    col = 3
    for c in columns:
        head1 += [fiscal_year_label(c.fiscal_year)] + ([""] if c.with_actual else [])
        head2 += ["目標", "実績"] if c.with_actual else ["目標"]
        if c.with_actual:
            spans.append(("SPAN", (col, 0), (col + 1, 0)))
        col += 2 if c.with_actual else 1
    rows = []
    for k in kpis:
        base = escape(number(k.baseline))
        if k.baseline is not None and k.baseline_fy is not None:
            base += f"<br/><font size=7>（{escape(fiscal_year_label(k.baseline_fy))}）</font>"
        row: list = [k.name, k.unit, Para(base, st.cell_right)]
        for c in columns:
            y = k.year(c.fiscal_year)
            row += [number(y.target), number(y.actual)] if c.with_actual else [number(y.target)]
        rows.append(row)
    values = col - 3
    fixed = [w * mm for w in (KPI_UNIT, KPI_BASE, *T.kpi_value_widths(columns, KPI_PAIR, KPI_SINGLE))]
    widths = [CONTENT_WIDTH - sum(fixed), *fixed]
    return data_table([head1, head2], rows, widths, st, align="LCR" + "R" * values, extra_style=spans)


def _management(data: PlanData, st: Styles) -> list[Flowable]:
    # The PDCA cycle comes first so that it never ends up alone on the last page.
    out: list[Flowable] = [heading(CHAPTERS[8], 1, st), charts.pdca_cycle(st.fonts, CONTENT_WIDTH), spacer(4)]
    out += paras(data.progress_management, st.body, st.empty)
    return out


def _glossary(data: PlanData, st: Styles) -> list[Flowable]:
    rows = T.glossary_rows(data.glossary)
    if not rows:
        return []
    return [
        PageBreak(),
        heading(T.GLOSSARY, 1, st),
        data_table(["用語", "説明"], [list(r) for r in rows], col_widths(26, 74), st),
    ]
