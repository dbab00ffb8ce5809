"""Japanese text in PDFs: user text as paragraphs and list items, line breaking with 禁則 (DESIGN.md §6).

Usage::

    story = [para(title, st.h3), *paras(text, st.body, st.empty)]

User text is escaped (`markup`); each line break starts a paragraph and typed list items (「1.」「(1)」「・」…)
get a hanging indent. `Para` breaks lines once per width and never ends a line with an opening bracket.
"""

from __future__ import annotations

import re
from typing import Any
from xml.sax.saxutils import escape

from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.textsplit import ALL_CANNOT_END
from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.platypus import Flowable, Paragraph

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
