"""Headings (章・節・項): 目次 entries and PDF bookmarks that never sit alone at the bottom of a page.

Usage::

    story = [heading("第1章　計画策定の趣旨", 1, st), *paras(text, st.body),
             *lead_in(heading("1　現状", 2, st), data_table(...)), keep_together(intro, chart)]
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator

from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.platypus import CondPageBreak, Flowable, KeepTogether, Paragraph, Table

from desktop.documents.styles import CONTENT_HEIGHT, CONTENT_WIDTH, Styles
from desktop.documents.tables import first_rows_height
from desktop.documents.text import Para, markup

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


def story_headings(flowables: Iterable[Flowable]) -> Iterator[Heading]:
    """Headings of a story in order, including those inside KeepTogether groups."""
    for f in flowables:
        if isinstance(f, Heading):
            yield f
        inner = getattr(f, "_content", None)
        if isinstance(inner, list | tuple):
            yield from story_headings(inner)


def keep_together(*flowables: Flowable) -> KeepTogether:
    """Keep a heading with its table or chart on one page when they fit on a page (else they split)."""
    return KeepTogether(list(flowables))


def keep_space(height_mm: float = 35) -> CondPageBreak:
    """Start a new page unless `height_mm` is left, so a heading never sits alone at a page bottom."""
    return CondPageBreak(height_mm * mm)


def lead_in(head: Heading, body: Table, rows: int = 1) -> list[Flowable]:
    """A heading followed by a table: both move to the next page unless the heading and the table's first
    row(s) fit here. Unlike KeepTogether, a long table still starts on this page and splits by rows."""
    _, head_h = Paragraph.wrap(head, CONTENT_WIDTH, CONTENT_HEIGHT)
    style = head.style
    need = head_h + style.spaceBefore + style.spaceAfter + first_rows_height(body, rows) + 4
    return [CondPageBreak(need), head, body]
