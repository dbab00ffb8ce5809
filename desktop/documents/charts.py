"""Charts drawn with reportlab.graphics: step progress bars and the PDCA cycle.

Drawn by hand rather than with reportlab's chart widgets so that Japanese labels wrap inside their column
and the charts look like the ones in municipal plans (flat, monochrome-friendly, printed on A4).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from reportlab.graphics.shapes import Drawing, Line, Polygon, Rect, String
from reportlab.lib import colors
from reportlab.lib.units import mm
from reportlab.pdfbase.pdfmetrics import stringWidth

from desktop.documents.fonts import FontSet


def _drawing(width: float, height: float, fonts: FontSet) -> Drawing:
    """A Drawing whose initial font is ours (reportlab's default Helvetica would be listed, not embedded)."""
    d = Drawing(width, height)
    d.initialFontName = fonts.body
    return d


BAR = colors.HexColor("#2f5d8a")
BAR_LIGHT = colors.HexColor("#b7c6d6")
TRACK = colors.HexColor("#e9edf2")
LINE = colors.HexColor("#8c8c8c")
HEAD = colors.HexColor("#e4e8ee")
INK = colors.HexColor("#1a1a1a")
MUTED = colors.HexColor("#666666")


def wrap_text(text: str, font: str, size: float, width: float, max_lines: int = 2) -> list[str]:
    """Break Japanese text into lines of at most `width` points (character by character); 「…」 if cut."""
    lines: list[str] = []
    current = ""
    for ch in text.replace("\n", " "):
        if stringWidth(current + ch, font, size) > width and current:
            lines.append(current)
            current = ch.lstrip()
        else:
            current += ch
    if current:
        lines.append(current)
    if len(lines) > max_lines:
        lines = lines[:max_lines]
        last = lines[-1]
        while last and stringWidth(last + "…", font, size) > width:
            last = last[:-1]
        lines[-1] = last + "…"
    return lines or [""]


def _arrow(x: float, y: float, direction: int, color: colors.Color) -> Polygon:
    """A small triangle: an arrow head."""
    s = 2.2 * mm
    return Polygon([x, y - s, x, y + s, x + direction * s * 1.2, y], fillColor=color, strokeColor=None)


@dataclass(frozen=True)
class ProgressBar:
    """A labelled share (0–1) with the count it comes from."""

    label: str
    ratio: float
    detail: str = ""  # e.g. 「13 / 20項目」


def progress_bars(items: Sequence[ProgressBar], fonts: FontSet, width: float) -> Drawing:
    """Horizontal bars with the percentage: the progress of ステップ0–3 (or any shares)."""
    label_w, value_w, row_h = min(58 * mm, width * 0.36), 34 * mm, 9 * mm
    axis_h = 7 * mm
    height = row_h * len(items) + axis_h
    d = _drawing(width, height, fonts)
    track_w = width - label_w - value_w
    for i, item in enumerate(items):
        y = height - row_h * (i + 1)
        lines = wrap_text(item.label, fonts.body, 8.5, label_w - 3 * mm, 2)
        base = y + row_h / 2 + (len(lines) - 1) * 5 - 3
        for k, ln in enumerate(lines):
            d.add(String(0, base - k * 10, ln, fontName=fonts.body, fontSize=8.5, fillColor=INK))
        ratio = min(max(item.ratio, 0.0), 1.0)
        d.add(Rect(label_w, y + row_h * 0.22, track_w, row_h * 0.56, fillColor=TRACK, strokeColor=None))
        if ratio > 0:
            d.add(
                Rect(
                    label_w, y + row_h * 0.22, track_w * ratio, row_h * 0.56, fillColor=BAR, strokeColor=None
                )
            )
        text = f"{round(ratio * 100)}%" + (f"（{item.detail}）" if item.detail else "")
        d.add(String(label_w + track_w + 2 * mm, y + row_h / 2 - 3, text, fontName=fonts.heading, fontSize=8.5,
                     fillColor=INK))  # fmt: skip
    # axis 0–100%
    for pct in (0, 25, 50, 75, 100):
        x = label_w + track_w * pct / 100
        d.add(
            Line(x, axis_h - 1.5 * mm, x, height, strokeColor=LINE, strokeWidth=0.3, strokeDashArray=[1, 2])
        )
        d.add(
            String(
                x, 1 * mm, f"{pct}%", fontName=fonts.body, fontSize=7, textAnchor="middle", fillColor=MUTED
            )
        )
    return d


def pdca_cycle(fonts: FontSet, width: float, labels: Sequence[tuple[str, str]] | None = None) -> Drawing:
    """Four boxes Plan → Do → Check → Act with arrows and the return to Plan: the 進捗管理 cycle."""
    labels = labels or (
        ("Plan（計画）", "計画・KPIの設定"),
        ("Do（実行）", "アクションプランの実施"),
        ("Check（評価）", "KPI・進捗の点検"),
        ("Act（改善）", "取組・計画の見直し"),
    )
    gap = 8 * mm
    box_w = (width - gap * 3) / 4
    box_h, height = 17 * mm, 27 * mm
    d = _drawing(width, height, fonts)
    y = height - box_h
    for i, (title, sub) in enumerate(labels):
        x = i * (box_w + gap)
        d.add(
            Rect(x, y, box_w, box_h, rx=2 * mm, ry=2 * mm, fillColor=HEAD, strokeColor=BAR, strokeWidth=0.8)
        )
        d.add(String(x + box_w / 2, y + box_h - 6.5 * mm, title, fontName=fonts.heading, fontSize=9,
                     textAnchor="middle", fillColor=INK))  # fmt: skip
        for k, ln in enumerate(wrap_text(sub, fonts.body, 7.5, box_w - 3 * mm, 2)):
            d.add(String(x + box_w / 2, y + 5 * mm - k * 9, ln, fontName=fonts.body, fontSize=7.5,
                         textAnchor="middle", fillColor=INK))  # fmt: skip
        if i < 3:
            ax = x + box_w + 1.5 * mm
            d.add(Line(ax, y + box_h / 2, ax + gap - 3 * mm, y + box_h / 2, strokeColor=BAR, strokeWidth=1.2))
            d.add(_arrow(ax + gap - 3 * mm, y + box_h / 2, 1, BAR))
    # return arrow Act → Plan underneath
    ry = 4 * mm
    x_last = 3 * (box_w + gap) + box_w / 2
    x_first = box_w / 2
    d.add(Line(x_last, y, x_last, ry, strokeColor=BAR, strokeWidth=1.2))
    d.add(Line(x_last, ry, x_first, ry, strokeColor=BAR, strokeWidth=1.2))
    d.add(Line(x_first, ry, x_first, y - 2.5 * mm, strokeColor=BAR, strokeWidth=1.2))
    s = 2.2 * mm
    d.add(
        Polygon(
            [x_first - s, y - 2.6 * mm, x_first + s, y - 2.6 * mm, x_first, y],
            fillColor=BAR,
            strokeColor=None,
        )
    )
    d.add(String((x_first + x_last) / 2, ry + 1.5 * mm, "毎年度の見直しを次の計画に反映", fontName=fonts.body,
                 fontSize=7.5, textAnchor="middle", fillColor=MUTED))  # fmt: skip
    return d
