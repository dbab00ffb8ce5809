"""The A4 pages of every PDF and writing them (DESIGN.md §6).

Public API for document builders::

    fonts = find_fonts(user_font_file)            # desktop.documents.fonts
    st = make_styles(fonts)                        # desktop.documents.styles
    story = [heading("第1章　計画策定の趣旨", 1, st), *paras(text, st.body),   # .headings, .text
             data_table(["業務", "段階"], rows, col_widths(0.6, 0.4), st),      # .tables
             form_table([("概要", text), ...], st)]
    result = write_pdf(out, meta, fonts, story, progress=progress, check=[("計画名", title), ...])

`write_pdf` checks glyphs first, renders A4 pages with the issuer in the header, 「n / N ページ」 and the 印刷日 (和暦)
in the footer and the 「案」/「改定案」 mark on drafts (meta.mark), fills a table of contents if the story holds one
(`toc(st)`, desktop.documents.contents), and writes atomically (temp file + rename; a cancel leaves nothing
behind).
"""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path
from typing import Any

from reportlab.lib import colors
from reportlab.lib.pagesizes import A4
from reportlab.lib.units import mm
from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import BaseDocTemplate, Flowable, Frame, PageTemplate, Spacer

from desktop.documents.contents import DeferredToc
from desktop.documents.data import BuildResult, DocMeta
from desktop.documents.fonts import FontSet
from desktop.documents.glyphs import check_glyphs
from desktop.documents.headings import Heading, story_headings
from desktop.documents.output import atomic_output
from desktop.documents.styles import (
    CONTENT_HEIGHT,
    CONTENT_WIDTH,
    INK,
    MARGIN_BOTTOM,
    MARGIN_LEFT,
    MARGIN_RIGHT,
    MARGIN_TOP,
    MUTED,
    PAGE_HEIGHT,
    PAGE_WIDTH,
    WATERMARK,
)
from desktop.models.progress import NO_PROGRESS, Progress
from desktop.models.wareki import wareki_date


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
    """A4 pages: issuer header, 「n / N ページ」 + 印刷日 footer, 「案」/「改定案」 stamp and watermark on drafts.

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
        right = PAGE_WIDTH - MARGIN_RIGHT - (self._stamp_width() + 4 * mm if meta.draft else 0)
        canv.setFont(self.fonts.body, 8.5)
        canv.drawRightString(right, top, meta.title)
        canv.setStrokeColor(colors.HexColor("#9a9a9a"))
        canv.setLineWidth(0.5)
        canv.line(MARGIN_LEFT, top - 2.2 * mm, PAGE_WIDTH - MARGIN_RIGHT, top - 2.2 * mm)
        canv.setFont(self.fonts.body, 8)
        canv.drawRightString(PAGE_WIDTH - MARGIN_RIGHT, 11 * mm, f"印刷日　{wareki_date(meta.printed_on)}")
        canv.restoreState()

    def draw_page_number(self, canv: Canvas, n: int, total: int) -> None:
        """Footer 「n / N ページ」, centred (drawn once the total is known)."""
        canv.saveState()
        canv.setFont(self.fonts.body, 9)
        canv.setFillColor(INK)
        canv.drawCentredString(PAGE_WIDTH / 2, 11 * mm, f"{n} / {total} ページ")
        canv.restoreState()

    STAMP_PT = 22

    def _stamp_width(self) -> float:
        """Width of the mark's box: a square for 「案」, wider for 「改定案」."""
        text = stringWidth(self.meta.mark, self.fonts.heading, self.STAMP_PT)
        return max(13 * mm, text + 4 * mm)

    def _draw_stamp(self, canv: Canvas) -> None:
        """The 「案」 (or 「改定案」) box at the top right, as drafts carry before they are adopted."""
        size = 13 * mm
        width = self._stamp_width()
        x = PAGE_WIDTH - MARGIN_RIGHT - width
        y = PAGE_HEIGHT - 9 * mm - size
        canv.saveState()
        canv.setStrokeColor(INK)
        canv.setLineWidth(1.2)
        canv.rect(x, y, width, size, stroke=1, fill=0)
        canv.setFillColor(INK)
        canv.setFont(self.fonts.heading, self.STAMP_PT)
        canv.drawCentredString(x + width / 2, y + size / 2 - 8, self.meta.mark)
        canv.restoreState()

    def _draw_watermark(self, canv: Canvas) -> None:
        """A large, light diagonal 「案」 (or 「改定案」) under the text of every draft page."""
        canv.saveState()
        canv.setFillColor(WATERMARK)
        canv.setFillAlpha(0.06)
        canv.translate(PAGE_WIDTH / 2, PAGE_HEIGHT / 2)
        canv.rotate(35)
        canv.setFont(self.fonts.heading, 260 if len(self.meta.mark) == 1 else 150)
        canv.drawCentredString(0, -90 if len(self.meta.mark) == 1 else -50, self.meta.mark)
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
        t.planned = [(h.level - 1, h.plain) for h in story_headings(story) if h.toc and h.level <= t.levels]
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
