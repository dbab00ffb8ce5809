"""DX推進計画 as DOCX (python-docx), for the last edits in Word before the plan goes to council.

Same chapters and words as the PDF (desktop.documents.plan_text). Headings use Word's built-in 見出し styles
at levels 1–2 without jumps (so the navigation pane and the 目次 field work); the 目次 already lists the headings
before Word updates the field. Tables are real Word tables, and the Japanese fonts are set on w:eastAsia:
BIZ UD明朝 / BIZ UDゴシック where this machine has them (Windows 10+), else ＭＳ 明朝 / ＭＳ ゴシック, which every
Japanese Windows has. As in the PDF, the cover is not counted: the body's footer reads 「n / N ページ」 from 1.
"""

from __future__ import annotations

import tempfile
from datetime import UTC, datetime
from pathlib import Path

from docx import Document
from docx.enum.section import WD_SECTION
from docx.enum.table import WD_TABLE_ALIGNMENT
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Mm, Pt, RGBColor

from desktop.documents import plan_text as T
from desktop.documents.data import BuildResult, PlanData
from desktop.documents.fonts import FontSet, find_fonts
from desktop.documents.output import atomic_output
from desktop.documents.plan_pdf import KPI_BASE, KPI_BUDGET, KPI_PAIR, KPI_SINGLE, KPI_UNIT
from desktop.documents.tables import number
from desktop.models.progress import NO_PROGRESS, Progress
from desktop.models.wareki import fiscal_year_label

CHAPTERS = T.CHAPTERS

# Windows names the fonts by family: the 明朝 ships only in Medium weight, hence 「BIZ UD明朝 Medium」.
BIZ_BODY, BIZ_HEADING = "BIZ UD明朝 Medium", "BIZ UDゴシック"
MS_BODY, MS_HEADING = "ＭＳ 明朝", "ＭＳ ゴシック"
LATIN_BODY, LATIN_HEADING = "Century", "Arial"
HEAD_FILL = "E4E8EE"
ACTIVE_FILL = "DBE5F0"  # 工程表: the 年度 of an item's 取組期間 (as in the PDF)


def docx_fonts(fonts: FontSet) -> tuple[str, str]:
    """(body, heading) east-Asian font names for Word: BIZ UD where present, else the MS fonts."""
    if fonts.body_family.startswith("BIZ"):
        return BIZ_BODY, BIZ_HEADING
    return MS_BODY, MS_HEADING


def _set_font(
    target, east_asia: str, latin: str, size: float | None = None, bold: bool | None = None
) -> None:
    """Set the fonts of a style or run, including w:eastAsia which python-docx's font.name leaves alone."""
    font = target.font
    font.name = latin
    if size is not None:
        font.size = Pt(size)
    if bold is not None:
        font.bold = bold
    rpr = target.element.get_or_add_rPr()
    rfonts = rpr.find(qn("w:rFonts"))
    if rfonts is None:
        rfonts = OxmlElement("w:rFonts")
        rpr.insert(0, rfonts)
    for attr, value in (("w:eastAsia", east_asia), ("w:ascii", latin), ("w:hAnsi", latin)):
        rfonts.set(qn(attr), value)
    for theme in ("w:asciiTheme", "w:hAnsiTheme", "w:eastAsiaTheme", "w:cstheme"):
        rfonts.attrib.pop(qn(theme), None)


def _shade(cell, fill: str) -> None:
    tcpr = cell._tc.get_or_add_tcPr()
    shd = OxmlElement("w:shd")
    shd.set(qn("w:val"), "clear")
    shd.set(qn("w:color"), "auto")
    shd.set(qn("w:fill"), fill)
    tcpr.append(shd)


def _field(paragraph, instruction: str, placeholder: str = "") -> None:
    """Insert a Word field (PAGE, SECTIONPAGES …); Word computes it when the document is opened or printed."""
    run = paragraph.add_run()
    begin = OxmlElement("w:fldChar")
    begin.set(qn("w:fldCharType"), "begin")
    begin.set(qn("w:dirty"), "true")
    run._r.append(begin)
    run = paragraph.add_run()
    instr = OxmlElement("w:instrText")
    instr.set(qn("xml:space"), "preserve")
    instr.text = f" {instruction} "
    run._r.append(instr)
    run = paragraph.add_run()
    sep = OxmlElement("w:fldChar")
    sep.set(qn("w:fldCharType"), "separate")
    run._r.append(sep)
    paragraph.add_run(placeholder)
    run = paragraph.add_run()
    end = OxmlElement("w:fldChar")
    end.set(qn("w:fldCharType"), "end")
    run._r.append(end)


def _field_start(paragraph, instruction: str) -> None:
    """Open a field whose result (the runs and paragraphs that follow) Word replaces when it updates it."""
    for kind, text in (("begin", None), (None, instruction), ("separate", None)):
        run = paragraph.add_run()
        if kind is None:
            instr = OxmlElement("w:instrText")
            instr.set(qn("xml:space"), "preserve")
            instr.text = f" {text} "
            run._r.append(instr)
        else:
            char = OxmlElement("w:fldChar")
            char.set(qn("w:fldCharType"), kind)
            if kind == "begin":
                char.set(qn("w:dirty"), "true")  # Word offers to update the 目次 when the file is opened
            run._r.append(char)


def _field_end(paragraph) -> None:
    """Close the field opened by _field_start."""
    char = OxmlElement("w:fldChar")
    char.set(qn("w:fldCharType"), "end")
    paragraph.add_run()._r.append(char)


def _set_widths(table, widths_mm: list[float]) -> None:
    """Fixed column widths: Word reads the cells' widths, LibreOffice the table grid, so set both."""
    table.autofit = False
    for col, w in zip(table._tbl.tblGrid.findall(qn("w:gridCol")), widths_mm, strict=False):
        col.set(qn("w:w"), str(int(Mm(w).twips)))
    for row in table.rows:
        for cell, w in zip(row.cells, widths_mm, strict=False):
            cell.width = Mm(w)


class _Writer:
    """Builds the Word document section by section."""

    def __init__(self, data: PlanData, fonts: FontSet, body_pages: int = 1):
        self.data = data
        self.body_pages = body_pages
        self.body_font, self.heading_font = docx_fonts(fonts)
        self.doc = Document()
        self.headings: list[tuple[int, str]] = []  # (level, text) of every heading written, for the 目次
        self._setup()

    # setup

    def _setup(self) -> None:
        doc = self.doc
        section = doc.sections[0]
        section.page_width, section.page_height = Mm(210), Mm(297)
        section.left_margin, section.right_margin = Mm(25), Mm(20)
        section.top_margin, section.bottom_margin = Mm(27), Mm(22)
        styles = doc.styles
        _set_font(styles["Normal"], self.body_font, LATIN_BODY, 10.5)
        styles["Normal"].paragraph_format.line_spacing = 1.5
        styles["Normal"].paragraph_format.space_after = Pt(2)
        for name, size in (("Title", 24), ("Heading 1", 14), ("Heading 2", 12)):
            style = styles[name]
            _set_font(style, self.heading_font, LATIN_HEADING, size, True)
            style.font.color.rgb = RGBColor(0x1A, 0x1A, 0x1A)
            style.font.italic = False
        for name, indent in (("TOC Heading", 0), ("toc 1", 0), ("toc 2", 10.5)):
            style = styles[name] if name in [s.name for s in styles] else styles.add_style(name, 1)
            style.base_style = styles["Normal"]
            style.paragraph_format.left_indent = Pt(indent)
        _set_font(styles["Table Grid"], self.body_font, LATIN_BODY, 9)

    def _body_section(self) -> None:
        """The body starts a new section: header, and a footer numbering its own pages 「1 / N ページ」."""
        section = self.doc.add_section(WD_SECTION.NEW_PAGE)
        section.header.is_linked_to_previous = False
        section.footer.is_linked_to_previous = False
        numbering = OxmlElement("w:pgNumType")
        numbering.set(qn("w:start"), "1")
        section._sectPr.append(numbering)
        meta = self.data.meta
        header = section.header.paragraphs[0]
        header.text = meta.municipality + "\t\t" + meta.title + (f"　【{meta.mark}】" if meta.mark else "")
        footer = section.footer.paragraphs[0]
        footer.alignment = WD_ALIGN_PARAGRAPH.CENTER
        _field(footer, "PAGE", "1")
        footer.add_run(" / ")
        # Word counts this section's pages itself; LibreOffice shows the stored result (the PDF's count).
        _field(footer, "SECTIONPAGES", str(self.body_pages))
        footer.add_run(" ページ")

    # helpers

    def para(self, text: str, indent: bool = True, align=None, size: float | None = None, bold: bool = False):
        p = self.doc.add_paragraph()
        if indent:
            p.paragraph_format.first_line_indent = Pt(10.5)
        if align is not None:
            p.alignment = align
        run = p.add_run(text)
        if size is not None:
            run.font.size = Pt(size)
        if bold:
            _set_font(run, self.heading_font, LATIN_HEADING, size, True)
        return p

    def text(self, text: str) -> None:
        lines = [ln.strip() for ln in (text or "").splitlines() if ln.strip()]
        if not lines:
            self.para(T.EMPTY, indent=False)
        for ln in lines:
            self.para(ln)

    def table(self, header: list[str], rows: list[list[str]], widths_mm: list[float]):
        self._lead_in()
        t = self.doc.add_table(rows=1, cols=len(header))
        t.style = self.doc.styles["Table Grid"]
        t.alignment = WD_TABLE_ALIGNMENT.CENTER
        for i, h in enumerate(header):
            cell = t.rows[0].cells[i]
            cell.text = ""
            run = cell.paragraphs[0].add_run(h)
            _set_font(run, self.heading_font, LATIN_HEADING, 9, True)
            cell.paragraphs[0].alignment = WD_ALIGN_PARAGRAPH.CENTER
            _shade(cell, HEAD_FILL)
        self._repeat_header(t.rows[0])
        for r in rows:
            cells = t.add_row().cells
            for i, v in enumerate(r):
                cells[i].text = v
        _set_widths(t, widths_mm)
        self.doc.add_paragraph()
        if rows:
            self._keep_rows(t)
        return t

    @staticmethod
    def _repeat_header(row) -> None:
        trpr = row._tr.get_or_add_trPr()
        el = OxmlElement("w:tblHeader")
        el.set(qn("w:val"), "true")
        trpr.append(el)

    def _lead_in(self) -> None:
        """The paragraph before a table (its heading or introductory sentence) stays on the table's page."""
        if self.doc.paragraphs:
            self.doc.paragraphs[-1].paragraph_format.keep_with_next = True

    @staticmethod
    def _keep_rows(table, whole: bool = False, head: int = 1) -> None:
        """Rows never split across pages; a table of `whole` (an アクションプラン) moves to the next page whole
        when it fits on one, and any other table keeps its first two and last two rows together, as in the
        PDF (Word keeps a row with the next when its paragraphs are 「次の段落と分離しない」)."""
        rows = list(table.rows)
        for row in rows:
            trpr = row._tr.get_or_add_trPr()
            el = OxmlElement("w:cantSplit")
            el.set(qn("w:val"), "true")
            trpr.append(el)
        body = rows[head:]
        edges = [*body[:1], *body[-2:-1]] if len(body) >= 3 else []
        kept = rows[:-1] if whole else edges
        for row in kept:
            for cell in row.cells:
                for paragraph in cell.paragraphs:
                    paragraph.paragraph_format.keep_with_next = True

    def form(self, rows: list[tuple[str, str]]) -> None:
        self._lead_in()
        t = self.doc.add_table(rows=0, cols=2)
        t.style = self.doc.styles["Table Grid"]
        for label, value in rows:
            cells = t.add_row().cells
            cells[0].text = ""
            run = cells[0].paragraphs[0].add_run(label)
            _set_font(run, self.heading_font, LATIN_HEADING, 9, True)
            _shade(cells[0], HEAD_FILL)
            lines = (value or "—").splitlines() or ["—"]
            cells[1].text = lines[0]
            for ln in lines[1:]:
                cells[1].add_paragraph(ln)
        _set_widths(t, [32, 133])
        self._keep_rows(t, whole=True, head=0)
        self.doc.add_paragraph()

    def heading(self, text: str, level: int) -> None:
        self.doc.add_heading(text, level)
        self.headings.append((level, text))

    # sections

    def cover(self) -> None:
        d = self.data
        for _ in range(8):
            self.doc.add_paragraph()
        title = self.doc.add_paragraph(d.title, style="Title")
        title.alignment = WD_ALIGN_PARAGRAPH.CENTER
        self.para(T.plan_period(d), indent=False, align=WD_ALIGN_PARAGRAPH.CENTER, size=13)
        if T.cover_mark(d):
            self.para(T.cover_mark(d), indent=False, align=WD_ALIGN_PARAGRAPH.CENTER, size=14, bold=True)
        dates = T.cover_dates(d)
        for _ in range(10 - len(dates)):
            self.doc.add_paragraph()
        for line in dates:
            self.para(line, indent=False, align=WD_ALIGN_PARAGRAPH.CENTER, size=13)
        self.para(d.meta.municipality, indent=False, align=WD_ALIGN_PARAGRAPH.CENTER, size=14, bold=True)
        if d.meta.department:
            self.para(d.meta.department, indent=False, align=WD_ALIGN_PARAGRAPH.CENTER, size=12)
        self._body_section()

    def contents(self, entries: list[tuple[int, str]]) -> None:
        """The 目次 as a Word TOC field whose result already lists the headings (without page numbers until
        Word updates the field), so the page is never empty in Word, LibreOffice or a viewer."""
        p = self.para("目　次", indent=False, align=WD_ALIGN_PARAGRAPH.CENTER, size=16, bold=True)
        p.paragraph_format.space_after = Pt(12)
        first = self.doc.add_paragraph(style="toc 1")
        _field_start(first, 'TOC \\o "1-2" \\h \\z \\u')
        paragraphs = [first] + [self.doc.add_paragraph() for _ in entries[1:]]
        for paragraph, (level, text) in zip(paragraphs, entries, strict=True):
            paragraph.style = self.doc.styles[f"toc {level}"]
            paragraph.add_run(text)
        _field_end(paragraphs[-1])
        self.doc.add_page_break()

    def chapters(self) -> list:
        d = self.data
        return [
            lambda: (self.heading(CHAPTERS[0], 1), self.text(d.purpose)),
            lambda: (self.heading(CHAPTERS[1], 1), self.para(T.period_sentence(d))),
            self.situation,
            self.vision,
            self.structure,
            self.priorities,
            self.roadmap,
            self.kpis,
            lambda: (self.heading(CHAPTERS[8], 1), self.text(d.progress_management)),
            self.glossary,
        ]

    def situation(self) -> None:
        d = self.data
        self.heading(CHAPTERS[2], 1)
        self.heading("1　国の動向", 2)
        self.text(d.national_trends)
        self.heading(T.situation_heading(d), 2)
        self.text(d.current_situation)

    def vision(self) -> None:
        d = self.data
        self.heading(CHAPTERS[3], 1)
        self.heading("1　ビジョン", 2)
        lines = [ln.strip() for ln in d.vision.splitlines() if ln.strip()] or [T.EMPTY]
        for ln in lines:
            self.para(ln, indent=False, align=WD_ALIGN_PARAGRAPH.CENTER, size=12, bold=True)
        self.heading("2　基本理念", 2)
        self.text(d.principles)

    def structure(self) -> None:
        d = self.data
        self.heading(CHAPTERS[4], 1)
        self.para(T.structure_intro(d))
        if not d.roles:
            self.para(T.NO_ROLES, indent=False)
            return
        header, rows = T.post_table(d)
        self.table(header, rows, [40, 85, 40] if d.show_names else [45, 120])

    def priorities(self) -> None:
        d = self.data
        self.heading(CHAPTERS[5], 1)
        if not d.priorities:
            self.para(T.NO_PRIORITIES, indent=False)
            return
        self.para(T.PRIORITIES_INTRO)
        self.table(
            ["No.", "重点取組事項", "取組期間"],
            [[str(p.number), p.title, T.period_text(p.start_fy, p.end_fy)] for p in d.priorities],
            [12, 103, 50],
        )
        for p in d.priorities:
            self.heading(f"{p.number}　{p.title}", 2)
            self.form(
                [
                    ("概要", p.overview.strip()),
                    ("現状・課題", p.current_issues.strip()),
                    ("今後の展開", p.next_steps.strip()),
                    ("評価指標", T.indicator_text(p)),
                    ("実施スケジュール", T.schedule_text(p)),
                ]
            )

    def roadmap(self) -> None:
        d = self.data
        self.heading(CHAPTERS[6], 1)
        years = d.years
        if not d.priorities or not years:
            self.para(T.NO_ROADMAP, indent=False)
            return
        self.para(T.ROADMAP_INTRO)
        t = self.table(
            ["重点取組事項", *(f"{fiscal_year_label(y)}\n（{y}年度）" for y in years)],
            [],
            [55] + [110 / len(years)] * len(years),
        )
        for p in d.priorities:
            cells = t.add_row().cells
            cells[0].text = f"{p.number}　{p.title}"
            for i, y in enumerate(years, start=1):
                text = p.activity(y)
                if p.active_in(y):
                    _shade(cells[i], ACTIVE_FILL)
                    if y == years[-1] and T.runs_on(p, years):
                        text = f"{text} ▶" if text else "▶"
                cells[i].text = text
        _set_widths(t, [55] + [110 / len(years)] * len(years))
        self._keep_rows(t)
        self.para(T.ROADMAP_SHADE_NOTE, indent=False, size=9)
        if any(T.runs_on(p, years) for p in d.priorities):
            self.para(T.ROADMAP_ONWARD_NOTE, indent=False, size=9)

    def kpis(self) -> None:
        d = self.data
        self.heading(CHAPTERS[7], 1)
        if not d.kpis:
            self.para(T.NO_KPIS, indent=False)
            return
        self.para(T.kpi_intro(d))
        for chunk in T.kpi_tables(T.kpi_columns(d), KPI_BUDGET, KPI_PAIR, KPI_SINGLE):
            self.kpi_table(chunk)
        self.para(T.KPI_DASH_NOTE, indent=False, size=9)

    def kpi_table(self, columns: list[T.KpiColumn]) -> None:
        """Two header rows as in the PDF: the 年度 spans its 目標 (and 実績) columns."""
        d = self.data
        values = sum(2 if c.with_actual else 1 for c in columns)
        self._lead_in()
        t = self.doc.add_table(rows=2, cols=3 + values)
        t.style = self.doc.styles["Table Grid"]
        t.alignment = WD_TABLE_ALIGNMENT.CENTER
        top, sub = t.rows[0].cells, t.rows[1].cells
        for i, label in enumerate(("指標", "単位", "基準値")):
            top[i].merge(sub[i])
            self._head_cell(top[i], label)
        col = 3
        for c in columns:
            width = 2 if c.with_actual else 1
            cell = top[col].merge(top[col + width - 1]) if width == 2 else top[col]
            self._head_cell(cell, fiscal_year_label(c.fiscal_year))
            for k, label in enumerate(("目標", "実績")[:width]):
                self._head_cell(sub[col + k], label)
            col += width
        for row in t.rows[:2]:
            self._repeat_header(row)
        for k in d.kpis:
            cells = t.add_row().cells
            values_row = [k.name, k.unit, number(k.baseline)]
            for c in columns:
                y = k.year(c.fiscal_year)
                values_row += [number(y.target), number(y.actual)] if c.with_actual else [number(y.target)]
            for i, value in enumerate(values_row):
                cells[i].text = value
                paragraph = cells[i].paragraphs[0]
                paragraph.alignment = WD_ALIGN_PARAGRAPH.RIGHT if i >= 2 else None
                for run in paragraph.runs:
                    run.font.size = Pt(8.5)
            if k.baseline is not None and k.baseline_fy is not None:
                year = cells[2].add_paragraph().add_run(f"（{fiscal_year_label(k.baseline_fy)}）")
                year.font.size = Pt(7)
                cells[2].paragraphs[-1].alignment = WD_ALIGN_PARAGRAPH.RIGHT
        value_widths = T.kpi_value_widths(columns, KPI_PAIR, KPI_SINGLE)
        _set_widths(t, [165 - KPI_UNIT - KPI_BASE - sum(value_widths), KPI_UNIT, KPI_BASE, *value_widths])
        self._keep_rows(t, head=2)
        self.doc.add_paragraph()

    def glossary(self) -> None:
        rows = T.glossary_rows(self.data.glossary)
        if not rows:
            return
        self.doc.add_page_break()
        self.heading(T.GLOSSARY, 1)
        self.table(["用語", "説明"], [list(r) for r in rows], [40, 125])

    def _head_cell(self, cell, text: str) -> None:
        cell.text = ""
        run = cell.paragraphs[0].add_run(text)
        _set_font(run, self.heading_font, LATIN_HEADING, 9, True)
        cell.paragraphs[0].alignment = WD_ALIGN_PARAGRAPH.CENTER
        _shade(cell, HEAD_FILL)


def build_plan_docx(
    data: PlanData, out: Path, fonts: FontSet | None = None, progress: Progress = NO_PROGRESS
) -> BuildResult:
    """Write the plan as DOCX to `out` (atomically)."""
    fonts = fonts or find_fonts()
    # Written twice: the first pass records the headings, which the 目次 of the second pass lists.
    dry = _Writer(data, fonts)
    for chapter in dry.chapters():
        chapter()
    w = _Writer(data, fonts, _body_pages(data, fonts))
    steps = [w.cover, lambda: w.contents(dry.headings), *w.chapters()]
    for i, step in enumerate(steps):
        progress.report(i, len(steps) + 1, "Word文書を作成しています")
        step()
    _set_properties(w.doc, data)
    progress.report(len(steps), len(steps) + 1, "保存しています")
    with atomic_output(out) as tmp:
        w.doc.save(str(tmp))
        progress.check()
    warnings = []
    if not fonts.body_family.startswith("BIZ"):
        warnings.append(
            "BIZ UD明朝が見つからないため、Word文書のフォントを「ＭＳ 明朝」「ＭＳ ゴシック」に設定しました。"
        )
    return BuildResult(Path(out), warnings)


def _body_pages(data: PlanData, fonts: FontSet) -> int:
    """Pages after the cover in the PDF of the same plan: the total the footer shows until Word repaginates."""
    from desktop.documents.plan_pdf import build_plan_pdf

    with tempfile.TemporaryDirectory() as folder:
        result = build_plan_pdf(data, Path(folder) / "plan.pdf", fonts)
    return max((result.pages or 2) - 1, 1)


def _set_properties(doc, data: PlanData) -> None:
    """The file's own properties: this plan and this municipality, made now (not python-docx's template)."""
    made = (data.meta.printed_at or datetime(*data.meta.printed_on.timetuple()[:3])).astimezone(UTC)
    props = doc.core_properties
    props.title = data.title
    props.subject = "DX推進計画" + (f"（{data.meta.mark}）" if data.meta.mark else "")
    props.author = data.meta.municipality
    props.last_modified_by = data.meta.municipality
    props.created = props.modified = made
    props.revision = 1
    props.keywords = ""
    props.comments = ""
    props.category = ""
    props.identifier = ""
    props.language = "ja-JP"
    props.version = ""
