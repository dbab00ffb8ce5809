"""The common page template and building blocks of every PDF (DESIGN.md §6).

Public API for document builders::

    fonts = find_fonts(user_font_file)            # desktop.documents.fonts
    st = make_styles(fonts)                        # paragraph styles (wordWrap="CJK": 禁則処理)
    story = [heading("第1章　計画策定の趣旨", 1, st), *paras(text, st.body),
             data_table(["業務", "段階"], rows, col_widths(0.6, 0.4), st),
             form_table([("概要", text), ...], st)]
    result = write_pdf(out, meta, fonts, story, progress=progress, check=[("計画名", title), ...])

`write_pdf` checks glyphs first, renders A4 pages with 団体名 in the header, 「n / N ページ」 and the 作成日 (和暦)
in the footer and the 「案」 mark on drafts (meta.draft), fills a table of contents if the story holds one
(`toc(st)`), and writes atomically (temp file + rename; a cancel leaves nothing behind).
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any
from xml.sax.saxutils import escape

from reportlab.lib import colors
from reportlab.lib.enums import TA_CENTER, TA_LEFT, TA_RIGHT
from reportlab.lib.pagesizes import A4
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.textsplit import ALL_CANNOT_END
from reportlab.lib.units import mm
from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import (
    BaseDocTemplate,
    CondPageBreak,
    Flowable,
    Frame,
    KeepTogether,
    LongTable,
    PageTemplate,
    Paragraph,
    Spacer,
    Table,
    TableStyle,
)

from desktop.documents.data import BuildResult, DocMeta
from desktop.documents.fonts import FontSet
from desktop.documents.glyphs import check_glyphs
from desktop.documents.output import atomic_output
from desktop.models.progress import NO_PROGRESS, Progress
from desktop.models.wareki import wareki_date

PAGE_WIDTH, PAGE_HEIGHT = A4
MARGIN_LEFT = 25 * mm  # binding side of a 公用文 A4 page
MARGIN_RIGHT = 20 * mm
MARGIN_TOP = 27 * mm
MARGIN_BOTTOM = 22 * mm
# 禁則 lets a closing mark (」、。ー) hang past the line end; wrapped cell text stops this much short of the
# cell edge (rightIndent of the cell style) so the hanging mark never touches the border.
HANG = 5
CONTENT_WIDTH = PAGE_WIDTH - MARGIN_LEFT - MARGIN_RIGHT
CONTENT_HEIGHT = PAGE_HEIGHT - MARGIN_TOP - MARGIN_BOTTOM

INK = colors.HexColor("#1a1a1a")
GRID = colors.HexColor("#595959")
HEAD_FILL = colors.HexColor("#e4e8ee")  # table header rows and form-table labels
BAND_FILL = colors.HexColor("#eef1f5")  # chapter heading band
MUTED = colors.HexColor("#666666")
WATERMARK = colors.HexColor("#000000")

BODY_PT = 10.5  # 公用文の標準的な本文の大きさ
TABLE_PT = 9.0


# --- styles --------------------------------------------------------------------------------------------


@dataclass(frozen=True)
class Styles:
    """Paragraph styles of every document; all wrap Japanese with 禁則 (wordWrap="CJK")."""

    fonts: FontSet
    body: ParagraphStyle  # 本文: 明朝 10.5pt, 1字下げ
    body_flat: ParagraphStyle  # 本文 without the first-line indent (lists, notes)
    note: ParagraphStyle  # small grey note
    empty: ParagraphStyle  # 「（記載なし）」 placeholder
    h1: ParagraphStyle  # 章 (第1章 …): ゴシック on a light band
    h2: ParagraphStyle  # 節 (1 …)
    h3: ParagraphStyle  # 項 ((1) …)
    cell: ParagraphStyle  # table cell text
    cell_right: ParagraphStyle  # numbers
    cell_center: ParagraphStyle
    cell_head: ParagraphStyle  # table header cell: ゴシック, centred
    cell_label: ParagraphStyle  # form-table label column: ゴシック
    cover_title: ParagraphStyle
    cover_sub: ParagraphStyle
    cover_line: ParagraphStyle
    toc_title: ParagraphStyle
    toc_levels: tuple[ParagraphStyle, ...]
    box: ParagraphStyle  # boxed emphasis (ビジョン)

    @property
    def body_font(self) -> str:
        """Registered name of the body (明朝) font."""
        return self.fonts.body

    @property
    def heading_font(self) -> str:
        """Registered name of the heading (ゴシック) font."""
        return self.fonts.heading


def make_styles(fonts: FontSet, body_pt: float = BODY_PT, table_pt: float = TABLE_PT) -> Styles:
    """Build the paragraph styles for a font set."""
    base = ParagraphStyle(
        "dxn-base",
        fontName=fonts.body,
        fontSize=body_pt,
        leading=body_pt * 1.75,
        wordWrap="CJK",
        textColor=INK,
        alignment=TA_LEFT,
        allowWidows=0,  # no lone last line at the top of a page …
        allowOrphans=0,  # … nor a lone first line at the bottom
    )

    def s(name: str, parent: ParagraphStyle = base, **kw: Any) -> ParagraphStyle:
        return ParagraphStyle(f"dxn-{name}", parent=parent, **kw)

    cell = s("cell", fontSize=table_pt, leading=table_pt * 1.5, rightIndent=HANG)
    head = s("cell-head", cell, fontName=fonts.heading, alignment=TA_CENTER, rightIndent=0)
    toc_levels = (
        s("toc1", fontName=fonts.heading, fontSize=body_pt, leading=body_pt * 2.0, leftIndent=0),
        s("toc2", fontSize=body_pt * 0.95, leading=body_pt * 1.7, leftIndent=body_pt * 2),
        s("toc3", fontSize=body_pt * 0.9, leading=body_pt * 1.6, leftIndent=body_pt * 4),
    )
    return Styles(
        fonts=fonts,
        body=s("body", firstLineIndent=body_pt, spaceAfter=body_pt * 0.3),
        body_flat=s("body-flat", spaceAfter=body_pt * 0.2),
        note=s(
            "note",
            fontSize=body_pt * 0.82,
            leading=body_pt * 1.35,
            textColor=MUTED,
            spaceBefore=3,
            spaceAfter=3,
        ),
        empty=s("empty", textColor=MUTED),
        h1=s(
            "h1",
            fontName=fonts.heading,
            fontSize=body_pt * 1.35,
            leading=body_pt * 1.9,
            backColor=BAND_FILL,
            borderPadding=(4, 6, 4, 6),
            spaceBefore=body_pt * 1.2,
            spaceAfter=body_pt * 1.2,
        ),
        h2=s(
            "h2",
            fontName=fonts.heading,
            fontSize=body_pt * 1.12,
            leading=body_pt * 1.7,
            spaceBefore=body_pt * 0.9,
            spaceAfter=body_pt * 0.4,
        ),
        h3=s(
            "h3",
            fontName=fonts.heading,
            fontSize=body_pt,
            leading=body_pt * 1.6,
            spaceBefore=body_pt * 0.6,
            spaceAfter=body_pt * 0.2,
        ),
        cell=cell,
        cell_right=s("cell-right", cell, alignment=TA_RIGHT, rightIndent=0),
        cell_center=s("cell-center", cell, alignment=TA_CENTER, rightIndent=0),
        cell_head=head,
        cell_label=s("cell-label", cell, fontName=fonts.heading),
        cover_title=s(
            "cover-title", fontName=fonts.heading, fontSize=26, leading=38, alignment=TA_CENTER, spaceAfter=6
        ),
        cover_sub=s("cover-sub", fontName=fonts.heading, fontSize=14, leading=22, alignment=TA_CENTER),
        cover_line=s("cover-line", fontSize=13, leading=22, alignment=TA_CENTER),
        toc_title=s(
            "toc-title", fontName=fonts.heading, fontSize=16, leading=24, alignment=TA_CENTER, spaceAfter=14
        ),
        toc_levels=toc_levels,
        box=s(
            "box",
            fontName=fonts.heading,
            fontSize=body_pt * 1.15,
            leading=body_pt * 1.9,
            borderColor=GRID,
            borderWidth=0.8,
            borderPadding=(8, 10, 8, 10),
            alignment=TA_CENTER,
            spaceBefore=8,
            spaceAfter=14,
        ),
    )


# --- text ----------------------------------------------------------------------------------------------


# 行末禁則 (JIS X 4051): an opening bracket or quote never ends a line. reportlab's CJK splitter only keeps
# closing marks (。、」) off the start of a line, so Para re-splits with a shorter line where it must.
CANNOT_END = frozenset(ALL_CANNOT_END)
_MAX_KINSOKU_PASSES = 64  # each pass fixes one line further down; a bound against endless re-splitting


def _line_tail(line: Any, frags: list) -> tuple[str, list[tuple[str, float]]]:
    """(line text, widths of its trailing CANNOT_END characters) of one line of a CJK blPara; ("", [])
    for a line ending in a forced break, an image or nothing."""
    if isinstance(line, tuple | list):  # kind 0 (single frag): (extraSpace, [text])
        text = line[1][0] if line[1] else ""
        if not text or text[-1] not in CANNOT_END:
            return "", []
        f = frags[0]
        chars = [(text, f.fontName, f.fontSize)]
    else:  # kind 1 FragLine from makeCJKParaLine
        if getattr(line, "lineBreak", False):
            return "", []
        words = line.words
        n = len(words) - 1
        while n >= 0 and not getattr(words[n], "text", "") and not hasattr(words[n], "cbDefn"):
            n -= 1
        last = getattr(words[n], "text", "") if n >= 0 else ""
        if not last or last[-1] not in CANNOT_END:
            return "", []
        chars = [(getattr(w, "text", ""), w.fontName, w.fontSize) for w in words[: n + 1]]
        text = "".join(c[0] for c in chars)
    tail: list[tuple[str, float]] = []
    for part, font, size in reversed(chars):
        for ch in reversed(part):
            if ch not in CANNOT_END:
                return text, tail
            tail.append((ch, stringWidth(ch, font, size)))
    return text, tail  # nothing but brackets: left as it is


class Para(Paragraph):
    """A Paragraph that remembers its line breaking for a given width and never ends a line with an
    opening bracket (行末禁則: 「『（【 move down to start the next line).

    Tables wrap each cell several times (row heights, splitting, drawing) at the same width; breaking
    Japanese text into lines is the costliest step of a build, so it is done once per width.
    """

    _wrapped_at: float | None = None

    def wrap(self, availWidth: float, availHeight: float) -> tuple[float, float]:
        if self._wrapped_at == availWidth and getattr(self, "blPara", None) is not None:
            return self.width, self.height
        w, h = super().wrap(availWidth, availHeight)
        self._wrapped_at = availWidth
        return w, h

    def breakLinesCJK(self, maxWidths: Any) -> Any:  # noqa: N802 - reportlab API
        """reportlab's CJK line breaking, re-run with a line shortened wherever a line (not the last)
        would end with an opening bracket, so that the bracket starts the next line instead."""
        if getattr(self, "_splitpara", 0) and hasattr(self, "blPara"):
            return super().breakLinesCJK(maxWidths)  # first part of a split: its lines are already set
        given = list(maxWidths) if isinstance(maxWidths, list | tuple) else [maxWidths]
        bl = super().breakLinesCJK(maxWidths)
        cut: dict[int, float] = {}  # line index → how much shorter than given that line is broken
        start = 0
        for _ in range(_MAX_KINSOKU_PASSES):
            lines = bl.lines
            k, tail = start, []
            while k < len(lines) - 1:
                text, tail = _line_tail(lines[k], self.frags)
                if tail and len(tail) < len(text):
                    break
                k += 1
            else:
                break
            line = lines[k]
            extra = line[0] if isinstance(line, tuple | list) else line.extraSpace
            # The line's width becomes that of its text before the brackets plus half the first bracket:
            # everything before fits as it did, the first bracket no longer does and moves down.
            cut[k] = cut.get(k, 0.0) + extra + sum(w for _, w in tail) - tail[-1][1] / 2
            widths = [given[min(i, len(given) - 1)] for i in range(max(len(given), k + 2))]
            for i, c in cut.items():
                widths[i] -= c
            bl = super().breakLinesCJK(widths)
            start = k
        return _full_width_lines(bl, cut) if cut else bl


def _full_width_lines(bl: Any, cut: dict[int, float]) -> Any:
    """Give the shortened lines back their full width as unused space, so that centred, right-aligned and
    justified lines are placed as on any other line."""
    lines = bl.lines
    for k, c in cut.items():
        if k >= len(lines):
            continue
        line = lines[k]
        if isinstance(line, tuple | list):
            lines[k] = (line[0] + c, *line[1:])
        else:
            line.extraSpace += c
            line.maxWidth += c
    return bl


def markup(text: str | None) -> str:
    """Escape user text for Paragraph markup; line breaks stay line breaks."""
    return escape(text or "").replace("\r\n", "\n").replace("\n", "<br/>")


def para(text: str | None, style: ParagraphStyle) -> Paragraph:
    """One paragraph of user text (escaped)."""
    return Para(markup(text), style)


# A list item typed by the user: 「1　」「1.」「(1)」「①」「・」… (a year such as 「2026年」 is not one).
_ITEM = re.compile(
    r"^(?:[0-9０-９]{1,2}(?:[.．、)）]\s*|\s+)|[（(][0-9０-９]{1,2}[)）]\s*|[①-⑳]\s*|[・●○■□◆◇※]\s*)"
)


def _item_style(style: ParagraphStyle, marker: str) -> ParagraphStyle:
    """Hanging indent so that wrapped lines of a list item align after its number or bullet."""
    hang = stringWidth(marker, style.fontName, style.fontSize)
    return ParagraphStyle(
        f"{style.name}-item-{hang:.0f}",
        parent=style,
        leftIndent=style.leftIndent + hang,
        firstLineIndent=-hang,
    )


def paras(text: str | None, style: ParagraphStyle, empty: ParagraphStyle | None = None) -> list[Flowable]:
    """User text split into paragraphs at line breaks (list items get a hanging indent); 「（記載なし）」 when
    empty and `empty` is given."""
    lines = [ln.strip() for ln in (text or "").replace("\r\n", "\n").split("\n")]
    out: list[Flowable] = []
    for ln in lines:
        if not ln:
            continue
        m = _ITEM.match(ln)
        item = m is not None and m.end() < len(ln)
        out.append(Para(markup(ln), _item_style(style, m.group(0)) if item else style))
    if not out and empty is not None:
        out.append(Para("（記載なし）", empty))
    return out


# --- headings and table of contents --------------------------------------------------------------------


# Space a heading wants below it on the same page; otherwise it moves to the next page with its text.
HEADING_RESERVE = {1: 45 * mm, 2: 28 * mm, 3: 18 * mm}


class Heading(Para):
    """A heading that becomes a TOC entry and a PDF bookmark (outline) at `level` (1 = 章).

    It never sits alone at the bottom of a page: with less than HEADING_RESERVE left it moves to the next page
    (unlike keepWithNext, which would push a whole long table along with it).
    """

    def __init__(self, text: str, style: ParagraphStyle, level: int, toc: bool = True):
        super().__init__(markup(text), style)
        self.plain = text
        self.level = level
        self.toc = toc

    def _reserve(self) -> float:
        return HEADING_RESERVE.get(self.level, 18 * mm)

    def wrap(self, availWidth: float, availHeight: float) -> tuple[float, float]:
        w, h = super().wrap(availWidth, availHeight)
        if availHeight < h + self._reserve() and availHeight < CONTENT_HEIGHT * 0.95:
            return w, h + self._reserve()
        return w, h

    def split(self, availWidth: float, availHeight: float) -> list[Flowable]:
        return []


def heading(text: str, level: int, st: Styles, toc: bool = True) -> Heading:
    """章 (1), 節 (2) or 項 (3) heading; listed in the 目次 when `toc`."""
    style = {1: st.h1, 2: st.h2}.get(level, st.h3)
    return Heading(text, style, level, toc)


TOC_NUMBER_WIDTH = 14 * mm  # right column of the 目次 holding the page numbers


class DeferredToc(Flowable):
    """A 目次 laid out in ONE pass: it reserves the height of its entries (the titles are known from the
    story, the page numbers are not) and is drawn when the document is saved, once every heading's page is
    known. reportlab's own TableOfContents needs a second full layout pass (multiBuild) for the same result.
    A 目次 longer than the page splits into parts, each drawn on its own page.
    """

    def __init__(self, st: Styles, levels: int, entries: list[tuple[int, str]] | None = None, root=None):
        super().__init__()
        self.st = st
        self.levels = levels
        self.planned: list[tuple[int, str]] = entries or []  # (level 0-based, plain title), set by write_pdf
        self.root: DeferredToc = root or self
        self.first = 0  # index of this part's first entry in the root's list
        self.slots: list[tuple[int, float, float, DeferredToc]] = []  # root only: (page index, x, y, part)
        self.numbers: list[tuple[int, str]] = []  # root only: (shown page, bookmark key) per entry
        self._paras: list[Paragraph] = []
        self._heights: list[float] = []
        self._width = -1.0

    def _style(self, level: int) -> ParagraphStyle:
        base = self.st.toc_levels[min(level, len(self.st.toc_levels) - 1)]
        return ParagraphStyle(f"{base.name}-toc", parent=base, rightIndent=TOC_NUMBER_WIDTH)

    def _layout(self, width: float) -> None:
        if width == self._width:
            return
        self._paras = [Para(markup(text), self._style(level)) for level, text in self.planned]
        self._heights = [p.wrap(width, CONTENT_HEIGHT)[1] + p.style.spaceBefore for p in self._paras]
        self._width = width

    def wrap(self, availWidth: float, availHeight: float) -> tuple[float, float]:
        self._layout(availWidth)
        self.width, self.height = availWidth, sum(self._heights)
        return self.width, self.height

    def split(self, availWidth: float, availHeight: float) -> list[Flowable]:
        self._layout(availWidth)
        used, n = 0.0, 0
        while n < len(self._heights) and used + self._heights[n] <= availHeight:
            used += self._heights[n]
            n += 1
        if n == 0 or n == len(self.planned):
            return []
        parts = []
        for lo, hi in ((0, n), (n, len(self.planned))):
            part = DeferredToc(self.st, self.levels, self.planned[lo:hi], self.root)
            part.first = self.first + lo
            parts.append(part)
        return parts

    def drawOn(self, canvas: Canvas, x: float, y: float, _sW: float = 0) -> None:  # noqa: N802
        self.root.slots.append((len(getattr(canvas, "_pages", [])), x, y, self))

    def draw_final(self, canvas: Canvas, x: float, y: float) -> None:
        """Draw this part's entries with dotted leaders and their page numbers (while saving the page)."""
        top = y + self.height
        for i, (p, h) in enumerate(zip(self._paras, self._heights, strict=True)):
            top -= h
            p.drawOn(canvas, x, top)
            index = self.first + i
            if index >= len(self.root.numbers):
                continue
            page, key = self.root.numbers[index]
            style = p.style
            last = p.blPara.lines[-1]
            extra = last[0] if isinstance(last, tuple) else getattr(last, "extraSpace", 0)
            text_end = x + self.width - style.rightIndent - extra
            # reportlab sets the first baseline one ascent below the paragraph top, then steps by the leading
            ascent = getattr(p.blPara, "ascent", style.fontSize)
            baseline = top + p.height - ascent - (len(p.blPara.lines) - 1) * style.leading
            right = x + self.width
            canvas.saveState()
            canvas.setFont(style.fontName, style.fontSize)
            canvas.drawRightString(right, baseline, str(page))
            canvas.setStrokeColor(MUTED)
            canvas.setLineWidth(0.9)
            canvas.setLineCap(1)
            canvas.setDash(0.01, 3.2)
            number_w = stringWidth(str(page), style.fontName, style.fontSize)
            if right - number_w - 4 > text_end + 4:
                canvas.line(text_end + 4, baseline + 2, right - number_w - 4, baseline + 2)
            canvas.restoreState()
            canvas.linkRect(
                "", key, (x, top, right, top + h), relative=0, thickness=0, name=f"dxn-toc-{index}"
            )


def toc(st: Styles, levels: int = 2) -> DeferredToc:
    """A 目次 listing the headings of levels 1..levels with the page numbers the footers show."""
    return DeferredToc(st, levels)


def _headings(flowables: Iterable[Flowable]) -> Iterator[Heading]:
    """Headings of a story in order, including those inside KeepTogether groups."""
    for f in flowables:
        if isinstance(f, Heading):
            yield f
        inner = getattr(f, "_content", None)
        if isinstance(inner, list | tuple):
            yield from _headings(inner)


def keep_together(*flowables: Flowable) -> KeepTogether:
    """Keep a heading with its table or chart on one page when they fit on a page (else they split)."""
    return KeepTogether(list(flowables))


def keep_space(height_mm: float = 35) -> CondPageBreak:
    """Start a new page unless `height_mm` is left, so a heading never sits alone at a page bottom."""
    return CondPageBreak(height_mm * mm)


# --- tables --------------------------------------------------------------------------------------------

Cell = str | Flowable | None


def col_widths(*fractions: float) -> list[float]:
    """Column widths as shares of the text width (they are scaled to add up to the full width)."""
    total = sum(fractions)
    return [CONTENT_WIDTH * f / total for f in fractions]


CELL_PAD = 4  # left/right padding of data-table cells (points)


def _cell(value: Cell, style: ParagraphStyle, width: float | None = None) -> Flowable | str:
    """A table cell: text that fits on one line stays a plain string (drawn directly, much cheaper than a
    Paragraph); anything longer becomes a Paragraph that wraps with 禁則."""
    if isinstance(value, Flowable):
        return value
    text = "" if value is None else str(value)
    if (
        width is not None
        and "\n" not in text
        and stringWidth(text, style.fontName, style.fontSize) <= width - 2 * CELL_PAD - 3
    ):
        return text
    return Para(markup(text), style)


def data_table(
    header: Sequence[Cell] | Sequence[Sequence[Cell]],
    rows: Sequence[Sequence[Cell]],
    widths: Sequence[float],
    st: Styles,
    *,
    align: Sequence[str] | None = None,
    extra_style: Iterable[tuple] = (),
    zebra: bool = True,
) -> LongTable:
    """A grid table whose header row(s) repeat on every page it spans; cells wrap long Japanese text.

    `header` is one row of labels or a list of rows (for spanned headers, pass SPAN commands in
    `extra_style`). `align` per column: "L", "R" or "C". Rows taller than a page split inside the row.
    """
    head_rows = (
        [list(header)] if header and not isinstance(header[0], list | tuple) else [list(r) for r in header]
    )  # type: ignore[arg-type]
    styles = {"L": st.cell, "R": st.cell_right, "C": st.cell_center}
    keys = [(align or "")[i] if align and i < len(align) else "L" for i in range(len(widths))]
    col_styles = [styles.get(k, st.cell) for k in keys]
    span_cols = _spanned_header_widths(extra_style, widths)
    data: list[list[Flowable | str]] = [
        [_cell(v, st.cell_head, span_cols.get((c, r), widths[c])) for c, v in enumerate(row)]
        for r, row in enumerate(head_rows)
    ]
    for row in rows:
        data.append([_cell(v, col_styles[i], widths[i]) for i, v in enumerate(row)])
    n_head = len(head_rows)
    cmds: list[tuple] = [
        ("FONT", (0, 0), (-1, -1), st.body_font, TABLE_PT),  # else Table selects Helvetica for each cell
        ("FONT", (0, 0), (-1, n_head - 1), st.heading_font, TABLE_PT),
        ("ALIGN", (0, 0), (-1, n_head - 1), "CENTER"),
        *(
            ("ALIGN", (i, n_head), (i, -1), {"R": "RIGHT", "C": "CENTER"}.get(k, "LEFT"))
            for i, k in enumerate(keys)
        ),
        ("GRID", (0, 0), (-1, -1), 0.5, GRID),
        ("BOX", (0, 0), (-1, -1), 0.9, GRID),
        ("BACKGROUND", (0, 0), (-1, n_head - 1), HEAD_FILL),
        ("VALIGN", (0, 0), (-1, n_head - 1), "MIDDLE"),
        ("VALIGN", (0, n_head), (-1, -1), "TOP"),
        ("TOPPADDING", (0, 0), (-1, -1), 3),
        ("BOTTOMPADDING", (0, 0), (-1, -1), 4),
        ("LEFTPADDING", (0, 0), (-1, -1), CELL_PAD),
        ("RIGHTPADDING", (0, 0), (-1, -1), CELL_PAD),
    ]
    if zebra:
        cmds += [
            ("BACKGROUND", (0, i), (-1, i), colors.HexColor("#f7f8fa"))
            for i in range(n_head + 1, len(data), 2)
        ]
    cmds += list(extra_style)
    table = LongTable(
        data, colWidths=list(widths), repeatRows=n_head, splitInRow=_split_in_row(data, widths), hAlign="LEFT"
    )
    table.setStyle(TableStyle(cmds))
    return table


def _spanned_header_widths(
    commands: Iterable[tuple], widths: Sequence[float]
) -> dict[tuple[int, int], float]:
    """Width available to the first cell of each SPAN (a 年度 label over its 目標/実績 columns)."""
    out = {}
    for cmd in commands:
        if cmd[0] == "SPAN":
            (c0, r0), (c1, _r1) = cmd[1], cmd[2]
            out[(c0, r0)] = sum(widths[c0 : c1 + 1])
    return out


def _estimated_height(cell: Flowable | str, width: float) -> float:
    """Height of a table cell, estimated from its text width (cheap: no line breaking)."""
    if isinstance(cell, str):
        return TABLE_PT * 1.5 + 8
    if not isinstance(cell, Paragraph):
        return cell.wrap(width, CONTENT_HEIGHT)[1]
    style = cell.style
    text = cell.getPlainText()
    breaks = sum(1 for f in cell.frags if getattr(f, "lineBreak", False))
    lines = stringWidth(text, style.fontName, style.fontSize) / max(width - 10 - HANG, 1) + 1 + breaks
    return lines * style.leading + 8


def _split_in_row(data: list[list[Flowable | str]], widths: Sequence[float]) -> int:
    """Split inside a row only for rows too tall to move whole to the next page; others split between rows.

    A row split mid-text leaves its label cell empty on the next page, which reads badly for short rows.
    """
    for row in data:
        height = max((_estimated_height(c, w) for c, w in zip(row, widths, strict=False)), default=0)
        if height > CONTENT_HEIGHT * 0.45:
            return 1
    return 0


def first_rows_height(table: Table, rows: int = 1) -> float:
    """Estimated height of the header rows plus the first `rows` body rows of a table."""
    widths = table._colWidths  # reportlab keeps the column widths here
    total = 0.0
    for row in table._cellvalues[: table.repeatRows + rows]:
        total += max((_estimated_height(c, w) for c, w in zip(row, widths, strict=False)), default=0)
    return total


def lead_in(head: Heading, body: Table, rows: int = 1) -> list[Flowable]:
    """A heading followed by a table: both move to the next page unless the heading and the table's first
    row(s) fit here. Unlike KeepTogether, a long table still starts on this page and splits by rows."""
    _, head_h = Paragraph.wrap(head, CONTENT_WIDTH, CONTENT_HEIGHT)
    style = head.style
    need = head_h + style.spaceBefore + style.spaceAfter + first_rows_height(body, rows) + 4
    return [CondPageBreak(need), head, body]


def form_table(
    rows: Sequence[tuple[str, Cell]], st: Styles, label_width: float = 30 * mm, width: float = CONTENT_WIDTH
) -> Table:
    """A two-column form (項目 | 内容) such as an アクションプラン or a 調書; splits between rows across pages
    (inside a row only when a row is too tall to move whole)."""
    widths = [label_width, width - label_width]
    data = [
        [_cell(label, st.cell_label, label_width), _cell(value, st.cell, widths[1])] for label, value in rows
    ]
    table = Table(data, colWidths=widths, splitInRow=_split_in_row(data, widths), hAlign="LEFT")
    table.setStyle(
        TableStyle(
            [
                ("FONT", (0, 0), (-1, -1), st.body_font, TABLE_PT),
                ("FONT", (0, 0), (0, -1), st.heading_font, TABLE_PT),
                ("GRID", (0, 0), (-1, -1), 0.5, GRID),
                ("BOX", (0, 0), (-1, -1), 0.9, GRID),
                ("BACKGROUND", (0, 0), (0, -1), HEAD_FILL),
                ("VALIGN", (0, 0), (-1, -1), "TOP"),
                ("TOPPADDING", (0, 0), (-1, -1), 4),
                ("BOTTOMPADDING", (0, 0), (-1, -1), 5),
                ("LEFTPADDING", (0, 0), (-1, -1), 5),
                ("RIGHTPADDING", (0, 0), (-1, -1), 5),
            ]
        )
    )
    return table


def number(value: float | None, digits: int = 1) -> str:
    """A value for a table: 1,234 or 12.5; 「—」 when not entered."""
    if value is None:
        return "—"
    if float(value).is_integer():
        return f"{int(value):,}"
    return f"{value:,.{digits}f}"


# --- progress ------------------------------------------------------------------------------------------


class ProgressMark(Flowable):
    """Zero-size flowable: reports section progress (and honours cancel) while pages are laid out."""

    def __init__(self, index: int, total: int, label: str):
        super().__init__()
        self.index, self.total, self.label = index, total, label
        self.width = self.height = 0

    def wrap(self, availWidth: float, availHeight: float) -> tuple[float, float]:
        return 0, 0

    def draw(self) -> None:
        doc = getattr(self.canv, "_doctemplate", None)
        progress: Progress = getattr(doc, "progress", NO_PROGRESS)
        progress.report(self.index, self.total, self.label)


# --- document template ---------------------------------------------------------------------------------


def _canvas_class(doc: DxDocTemplate) -> type[Canvas]:
    """A canvas that holds pages back until the end so the footer can say 「n / N ページ」."""

    class NumberedCanvas(Canvas):
        def __init__(self, *args: Any, **kwargs: Any):
            super().__init__(*args, **kwargs)
            self._pages: list[dict] = []
            self._unnumbered_page = False

        def showPage(self) -> None:  # noqa: N802 - reportlab API
            self._pages.append({"state": dict(self.__dict__), "unnumbered": self._unnumbered_page})
            self._unnumbered_page = False
            self._startPage()

        def save(self) -> None:
            numbered = sum(1 for p in self._pages if not p["unnumbered"])
            n = 0
            slots = [slot for toc in doc.tocs for slot in toc.slots]
            for index, page in enumerate(self._pages):
                self.__dict__.update(page["state"])
                for page_index, x, y, part in slots:
                    if page_index == index:
                        part.draw_final(self, x, y)
                if not page["unnumbered"]:
                    n += 1
                    doc.draw_page_number(self, n, numbered)
                super().showPage()
            doc.page_count = len(self._pages)
            super().save()

    return NumberedCanvas


class DxDocTemplate(BaseDocTemplate):
    """A4 pages: 団体名 header, 「n / N ページ」 + 作成日 footer, 「案」 stamp and watermark on drafts.

    Pages drawn with the "cover" template carry no header, footer or page number and are not counted,
    so the body starts at 「1 / N ページ」 and the 目次 shows the same numbers as the footers.
    """

    def __init__(self, filename: str, meta: DocMeta, fonts: FontSet, cover: bool = False, **kw: Any):
        super().__init__(
            filename,
            pagesize=A4,
            leftMargin=MARGIN_LEFT,
            rightMargin=MARGIN_RIGHT,
            topMargin=MARGIN_TOP,
            bottomMargin=MARGIN_BOTTOM,
            title=meta.title,
            author=meta.municipality,
            subject=meta.title,
            creator="自治体DXナビ",
            initialFontName=fonts.body,  # else every page lists Helvetica, a font that is not embedded
            **kw,
        )
        self.meta = meta
        self.fonts = fonts
        self.progress: Progress = NO_PROGRESS
        self.page_count = 0
        self._unnumbered = 0
        self._heading_seq = 0
        self._outline_level = -1
        self.tocs: list[DeferredToc] = []
        frame = Frame(MARGIN_LEFT, MARGIN_BOTTOM, CONTENT_WIDTH, CONTENT_HEIGHT, id="body", showBoundary=0)
        cover_frame = Frame(MARGIN_LEFT, MARGIN_BOTTOM, CONTENT_WIDTH, CONTENT_HEIGHT, id="cover")
        templates = [PageTemplate("body", [frame], onPage=self._on_body_page)]
        if cover:
            templates.insert(0, PageTemplate("cover", [cover_frame], onPage=self._on_cover_page))
        self.addPageTemplates(templates)

    # TOC entries and bookmarks

    def build(self, flowables: list[Flowable], **kw: Any) -> None:  # type: ignore[override]
        self._unnumbered = 0
        self._heading_seq = 0
        self._outline_level = -1
        for t in self.tocs:
            t.slots, t.numbers = [], []
        super().build(flowables, **kw)

    def afterFlowable(self, flowable: Flowable) -> None:  # noqa: N802 - reportlab API
        if isinstance(flowable, Heading) and flowable.toc:
            self._heading_seq += 1
            key = f"h{self._heading_seq}"
            self.canv.bookmarkPage(key)
            # PDF outlines may not skip a level (a report may start at 節 without a 章)
            level = min(flowable.level - 1, self._outline_level + 1)
            self._outline_level = level
            self.canv.addOutlineEntry(flowable.plain, key, level=level, closed=level > 0)
            for t in self.tocs:
                if flowable.level <= t.levels:
                    t.numbers.append((self.page - self._unnumbered, key))

    # page decoration

    def _on_cover_page(self, canv: Canvas, doc: BaseDocTemplate) -> None:
        self._unnumbered += 1
        canv._unnumbered_page = True  # type: ignore[attr-defined]
        if self.meta.draft:
            self._draw_watermark(canv)
            self._draw_stamp(canv)

    def _on_body_page(self, canv: Canvas, doc: BaseDocTemplate) -> None:
        meta = self.meta
        canv.saveState()
        if meta.draft:
            self._draw_watermark(canv)
            self._draw_stamp(canv)
        top = PAGE_HEIGHT - 16 * mm
        canv.setFillColor(MUTED)
        canv.setFont(self.fonts.heading, 8.5)
        canv.drawString(MARGIN_LEFT, top, meta.municipality)
        right = PAGE_WIDTH - MARGIN_RIGHT - (17 * mm if meta.draft else 0)
        canv.setFont(self.fonts.body, 8.5)
        canv.drawRightString(right, top, meta.title)
        canv.setStrokeColor(colors.HexColor("#9a9a9a"))
        canv.setLineWidth(0.5)
        canv.line(MARGIN_LEFT, top - 2.2 * mm, PAGE_WIDTH - MARGIN_RIGHT, top - 2.2 * mm)
        canv.setFont(self.fonts.body, 8)
        canv.drawRightString(PAGE_WIDTH - MARGIN_RIGHT, 11 * mm, f"作成日　{wareki_date(meta.created_on)}")
        canv.restoreState()

    def draw_page_number(self, canv: Canvas, n: int, total: int) -> None:
        """Footer 「n / N ページ」, centred (drawn once the total is known)."""
        canv.saveState()
        canv.setFont(self.fonts.body, 9)
        canv.setFillColor(INK)
        canv.drawCentredString(PAGE_WIDTH / 2, 11 * mm, f"{n} / {total} ページ")
        canv.restoreState()

    def _draw_stamp(self, canv: Canvas) -> None:
        """The 「案」 box at the top right, as drafts carry before approval."""
        size = 13 * mm
        x = PAGE_WIDTH - MARGIN_RIGHT - size
        y = PAGE_HEIGHT - 9 * mm - size
        canv.saveState()
        canv.setStrokeColor(INK)
        canv.setLineWidth(1.2)
        canv.rect(x, y, size, size, stroke=1, fill=0)
        canv.setFillColor(INK)
        canv.setFont(self.fonts.heading, 22)
        canv.drawCentredString(x + size / 2, y + size / 2 - 8, "案")
        canv.restoreState()

    def _draw_watermark(self, canv: Canvas) -> None:
        """A large, light diagonal 「案」 under the text of every draft page."""
        canv.saveState()
        canv.setFillColor(WATERMARK)
        canv.setFillAlpha(0.06)
        canv.translate(PAGE_WIDTH / 2, PAGE_HEIGHT / 2)
        canv.rotate(35)
        canv.setFont(self.fonts.heading, 260)
        canv.drawCentredString(0, -90, "案")
        canv.restoreState()


def write_pdf(
    out: Path,
    meta: DocMeta,
    fonts: FontSet,
    story: list[Flowable],
    *,
    progress: Progress = NO_PROGRESS,
    check: Iterable[tuple[str, str | None]] = (),
    cover: bool = False,
) -> BuildResult:
    """Check glyphs, lay out `story` and write the PDF atomically; returns the path, warnings and page count.

    `check` lists (field label, text) of every user-entered text in the story: a character the font lacks
    raises MissingGlyphsError before anything is written. With `cover`, the story starts on an unnumbered
    cover page and must switch with `NextPageTemplate("body")` before its first PageBreak.
    """
    check_glyphs(fonts, [("団体名", meta.municipality), ("文書名", meta.title), *check])
    progress.check()
    tocs = [f for f in story if isinstance(f, DeferredToc)]
    for t in tocs:
        t.planned = [(h.level - 1, h.plain) for h in _headings(story) if h.toc and h.level <= t.levels]
        t._width = -1.0
    with atomic_output(out) as tmp:
        doc = DxDocTemplate(str(tmp), meta, fonts, cover=cover)
        doc.progress = progress
        doc.tocs = tocs
        doc.build(list(story), canvasmaker=_canvas_class(doc))
        progress.report(1, 1, "保存しています")
        pages = doc.page_count
    return BuildResult(Path(out), list(fonts.warnings), pages)


def spacer(height_mm: float) -> Spacer:
    """Vertical space in millimetres."""
    return Spacer(1, height_mm * mm)
