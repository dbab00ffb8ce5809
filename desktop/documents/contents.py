"""The 目次 (table of contents): laid out in one pass, filled with the page numbers the footers show.

Usage::

    story = [Para("目　次", st.toc_title), toc(st, levels=2), PageBreak(), heading("第1章　…", 1, st), ...]

`write_pdf` gives each 目次 the headings it lists and draws it when the document is saved, with dotted leaders,
page numbers and links to the headings' bookmarks.
"""

from __future__ import annotations

from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import Flowable, Paragraph

from desktop.documents.styles import CONTENT_HEIGHT, MUTED, Styles
from desktop.documents.text import Para, markup

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
