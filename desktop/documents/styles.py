"""Page geometry, colours and the paragraph styles every PDF is set in (DESIGN.md §6).

Usage::

    fonts = find_fonts(user_font_file)            # desktop.documents.fonts
    st = make_styles(fonts)                        # paragraph styles (wordWrap="CJK": 禁則処理)
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from reportlab.lib import colors
from reportlab.lib.enums import TA_CENTER, TA_LEFT, TA_RIGHT
from reportlab.lib.pagesizes import A4
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm

from desktop.documents.fonts import FontSet

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
