"""DX推進計画 as DOCX (python-docx), for the last edits in Word before the plan goes to council.

Same chapters as the PDF. Headings use Word's built-in 見出し styles (so the navigation pane and the 目次 field
work), tables are real Word tables, and the Japanese fonts are set on w:eastAsia: BIZ UD明朝 / BIZ UDゴシック
where this machine has them (Windows 10+), else ＭＳ 明朝 / ＭＳ ゴシック, which every Japanese Windows has.
"""

from __future__ import annotations

from pathlib import Path

from docx import Document
from docx.enum.table import WD_TABLE_ALIGNMENT
from docx.enum.text import WD_ALIGN_PARAGRAPH, WD_BREAK
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Mm, Pt, RGBColor

from desktop.documents.data import BuildResult, PlanData
from desktop.documents.fonts import FontSet, find_fonts
from desktop.documents.output import atomic_output
from desktop.documents.plan_pdf import CHAPTERS, period_text, status_line
from desktop.documents.tables import number
from desktop.models.progress import NO_PROGRESS, Progress
from desktop.models.wareki import fiscal_year_label, fiscal_year_label_both

# Windows names the fonts by family: the 明朝 ships only in Medium weight, hence 「BIZ UD明朝 Medium」.
BIZ_BODY, BIZ_HEADING = "BIZ UD明朝 Medium", "BIZ UDゴシック"
MS_BODY, MS_HEADING = "ＭＳ 明朝", "ＭＳ ゴシック"
LATIN_BODY, LATIN_HEADING = "Century", "Arial"
HEAD_FILL = "E4E8EE"
BAR_FILL = "2F5D8A"


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
    """Insert a Word field (PAGE, NUMPAGES, TOC …); Word computes it when the document is opened or printed."""
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

    def __init__(self, data: PlanData, fonts: FontSet):
        self.data = data
        self.body_font, self.heading_font = docx_fonts(fonts)
        self.doc = Document()
        self._setup()

    # setup

    def _setup(self) -> None:
        doc = self.doc
        section = doc.sections[0]
        section.page_width, section.page_height = Mm(210), Mm(297)
        section.left_margin, section.right_margin = Mm(25), Mm(20)
        section.top_margin, section.bottom_margin = Mm(27), Mm(22)
        section.different_first_page_header_footer = True  # the cover carries no header or page number
        styles = doc.styles
        _set_font(styles["Normal"], self.body_font, LATIN_BODY, 10.5)
        styles["Normal"].paragraph_format.line_spacing = 1.5
        styles["Normal"].paragraph_format.space_after = Pt(2)
        for name, size in (("Title", 24), ("Heading 1", 14), ("Heading 2", 12), ("Heading 3", 10.5)):
            style = styles[name]
            _set_font(style, self.heading_font, LATIN_HEADING, size, True)
            style.font.color.rgb = RGBColor(0x1A, 0x1A, 0x1A)
            style.font.italic = False
        _set_font(styles["Table Grid"], self.body_font, LATIN_BODY, 9)
        meta = self.data.meta
        header = section.header.paragraphs[0]
        header.text = meta.municipality + ("\t\t【案】" if meta.draft else "\t\t" + meta.title)
        footer = section.footer.paragraphs[0]
        footer.alignment = WD_ALIGN_PARAGRAPH.CENTER
        _field(footer, "PAGE", "1")
        footer.add_run(" / ")
        _field(footer, "NUMPAGES", "1")
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
            self.para("（記載なし）", indent=False)
        for ln in lines:
            self.para(ln)

    def table(self, header: list[str], rows: list[list[str]], widths_mm: list[float]):
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
        return t

    @staticmethod
    def _repeat_header(row) -> None:
        trpr = row._tr.get_or_add_trPr()
        el = OxmlElement("w:tblHeader")
        el.set(qn("w:val"), "true")
        trpr.append(el)

    def form(self, rows: list[tuple[str, str]]) -> None:
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
        self.doc.add_paragraph()

    # sections

    def cover(self) -> None:
        d = self.data
        for _ in range(8):
            self.doc.add_paragraph()
        title = self.doc.add_paragraph(d.title, style="Title")
        title.alignment = WD_ALIGN_PARAGRAPH.CENTER
        if d.start_fy is not None and d.end_fy is not None:
            period = f"計画期間　{fiscal_year_label_both(d.start_fy)}〜{fiscal_year_label_both(d.end_fy)}"
        else:
            period = "計画期間　未設定"
        self.para(period, indent=False, align=WD_ALIGN_PARAGRAPH.CENTER, size=13)
        if not d.approved:
            self.para("（案）", indent=False, align=WD_ALIGN_PARAGRAPH.CENTER, size=14, bold=True)
        for _ in range(10):
            self.doc.add_paragraph()
        self.para(status_line(d), indent=False, align=WD_ALIGN_PARAGRAPH.CENTER, size=13)
        self.para(d.meta.municipality, indent=False, align=WD_ALIGN_PARAGRAPH.CENTER, size=14, bold=True)
        if d.meta.department:
            self.para(d.meta.department, indent=False, align=WD_ALIGN_PARAGRAPH.CENTER, size=12)
        self.doc.add_paragraph().add_run().add_break(WD_BREAK.PAGE)

    def contents(self) -> None:
        p = self.para("目　次", indent=False, align=WD_ALIGN_PARAGRAPH.CENTER, size=16, bold=True)
        p.paragraph_format.space_after = Pt(12)
        _field(
            self.doc.add_paragraph(),
            'TOC \\o "1-2" \\h \\z \\u',
            "（目次は、Word で開いたときに「フィールドの更新」で作成されます）",
        )
        self.doc.add_paragraph().add_run().add_break(WD_BREAK.PAGE)

    def chapters(self) -> list:
        d = self.data
        return [
            lambda: (self.doc.add_heading(CHAPTERS[0], 1), self.text(d.purpose)),
            self.period,
            self.vision,
            self.structure,
            self.priorities,
            self.roadmap,
            self.kpis,
            lambda: (self.doc.add_heading(CHAPTERS[7], 1), self.text(d.progress_management)),
        ]

    def period(self) -> None:
        d = self.data
        self.doc.add_heading(CHAPTERS[1], 1)
        if d.start_fy is None or d.end_fy is None:
            self.para("計画期間は未設定です。")
            return
        self.para(
            f"本計画の期間は、{fiscal_year_label_both(d.start_fy)}から{fiscal_year_label_both(d.end_fy)}までの"
            f"{d.end_fy - d.start_fy + 1}年間とします。"
        )
        self.para(
            "なお、国の「自治体DX推進計画」の改定や社会情勢の変化、取組の進捗状況等を踏まえ、"
            "必要に応じて計画期間中であっても見直しを行います。"
        )

    def vision(self) -> None:
        d = self.data
        self.doc.add_heading(CHAPTERS[2], 1)
        self.doc.add_heading("1　ビジョン", 3)
        lines = [ln.strip() for ln in d.vision.splitlines() if ln.strip()] or ["（記載なし）"]
        for ln in lines:
            self.para(ln, indent=False, align=WD_ALIGN_PARAGRAPH.CENTER, size=12, bold=True)
        self.doc.add_heading("2　基本理念", 3)
        self.text(d.principles)

    def structure(self) -> None:
        d = self.data
        self.doc.add_heading(CHAPTERS[3], 1)
        self.para(
            "本計画を全庁的・横断的に推進するため、首長のリーダーシップの下、次の体制により取り組みます。"
        )
        if not d.roles:
            self.para("（推進体制の役職は登録されていません）", indent=False)
            return
        rows = [
            [
                r.title,
                r.person_name or "（未定）",
                r.position,
                "、".join(x for x in ("外部人材" if r.external else "", r.note) if x),
            ]
            for r in d.roles
        ]
        self.table(["役職", "氏名", "現職", "備考"], rows, [34, 24, 37, 70])

    def priorities(self) -> None:
        d = self.data
        self.doc.add_heading(CHAPTERS[4], 1)
        if not d.priorities:
            self.para("（重点取組事項は登録されていません）", indent=False)
            return
        self.para("本計画では、次の事項に重点的に取り組みます。各事項のアクションプランは以下のとおりです。")
        self.table(
            ["No.", "重点取組事項", "取組期間"],
            [[str(p.number), p.title, period_text(p.start_fy, p.end_fy)] for p in d.priorities],
            [12, 103, 50],
        )
        for p in d.priorities:
            self.doc.add_heading(f"{p.number}　{p.title}", 2)
            indicators = "\n".join([p.indicators.strip(), *(f"・{n}" for n in p.kpi_names)]).strip()
            schedule = f"取組期間：{period_text(p.start_fy, p.end_fy)}\n{p.schedule}".strip()
            self.form(
                [
                    ("概要", p.overview.strip()),
                    ("現状・課題", p.current_issues.strip()),
                    ("今後の展開", p.next_steps.strip()),
                    ("評価指標", indicators),
                    ("実施スケジュール", schedule),
                ]
            )

    def roadmap(self) -> None:
        d = self.data
        self.doc.add_heading(CHAPTERS[5], 1)
        years = d.years
        if not d.priorities or not years:
            self.para("（重点取組事項または期間が未設定のため、工程表はありません）", indent=False)
            return
        self.para("重点取組事項ごとの年度別の取組期間は、次のとおりです（網掛けが取組期間）。")
        t = self.table(
            ["重点取組事項", *(fiscal_year_label(y) for y in years)],
            [],
            [65] + [100 / len(years)] * len(years),
        )
        for p in d.priorities:
            cells = t.add_row().cells
            cells[0].text = f"{p.number}　{p.title}"
            start = p.start_fy if p.start_fy is not None else years[0]
            end = p.end_fy if p.end_fy is not None else years[-1]
            for i, y in enumerate(years, start=1):
                if start <= y <= end:
                    _shade(cells[i], BAR_FILL)

    def kpis(self) -> None:
        d = self.data
        self.doc.add_heading(CHAPTERS[6], 1)
        if not d.kpis:
            self.para("（KPIは登録されていません）", indent=False)
        else:
            self.para("取組の成果を測る指標（KPI）と年度ごとの目標値・実績値は、次のとおりです。")
            years = d.years
            header = ["指標", "単位", "基準値"]
            for y in years:
                header += [f"{fiscal_year_label(y)}目標", f"{fiscal_year_label(y)}実績"]
            rows = []
            for k in d.kpis:
                base = number(k.baseline) + (
                    f"（{fiscal_year_label(k.baseline_fy)}）"
                    if k.baseline_fy and k.baseline is not None
                    else ""
                )
                row = [k.name, k.unit, base]
                for y in years:
                    v = k.year(y)
                    row += [number(v.target), number(v.actual)]
                rows.append(row)
            rest = max(len(years) * 2, 1)
            self.table(header, rows, [45, 12, 22] + [86 / rest] * (len(years) * 2))
        self.doc.add_heading("取組の進捗状況", 3)
        if d.steps:
            self.table(
                ["ステップ", "完了", "対象項目", "完了率"],
                [
                    [
                        f"ステップ{s.number}　{s.title}",
                        str(s.done),
                        str(s.applicable),
                        f"{round(s.ratio * 100)}%",
                    ]
                    for s in d.steps
                ],
                [95, 20, 25, 25],
            )


def build_plan_docx(
    data: PlanData, out: Path, fonts: FontSet | None = None, progress: Progress = NO_PROGRESS
) -> BuildResult:
    """Write the plan as DOCX to `out` (atomically)."""
    fonts = fonts or find_fonts()
    w = _Writer(data, fonts)
    steps = [w.cover, w.contents, *w.chapters()]
    for i, step in enumerate(steps):
        progress.report(i, len(steps) + 1, "Word文書を作成しています")
        step()
    w.doc.core_properties.title = data.title
    w.doc.core_properties.author = data.meta.municipality
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
