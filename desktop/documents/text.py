"""Japanese text in PDFs: user text as paragraphs and list items, line breaking with 禁則 (DESIGN.md §6).

Usage::

    story = [para(title, st.h3), *paras(text, st.body, st.empty)]

User text is escaped (`markup`); each line break starts a paragraph and typed list items (「1.」「(1)」「・」…)
get a hanging indent. `Para` breaks lines once per width and never ends a line with an opening bracket.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any
from xml.sax.saxutils import escape

from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.textsplit import ALL_CANNOT_END, ALL_CANNOT_START
from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.platypus import Flowable, Paragraph

# 行末禁則 (JIS X 4051): an opening bracket or quote never ends a line; a closing mark never starts one.
# reportlab's CJK splitter only keeps closing marks (。、」) off the start of a line, so Para re-splits with a
# shorter line where a rule below asks for it.
CANNOT_END = frozenset(ALL_CANNOT_END)
CANNOT_START = frozenset(ALL_CANNOT_START)
_MAX_PASSES = 64  # each pass fixes one line further down; a bound against endless re-splitting
_MAX_CUTS_PER_LINE = 4  # a line that cannot be fixed by shortening it a few times is left as it is

# Runs a reader takes in at once and that a line never splits (分離禁止): dates and 年度 in 和暦 or 西暦,
# a number with its unit, 「第3章」, and a Latin-script name with its inner spaces (「JIS X 8341-3」, an e-mail
# address). A run longer than _MAX_RUN characters may break like any text.
_NO_BREAK = re.compile(
    "|".join(
        (
            r"(?:令和|平成|昭和|大正)(?:元|[0-9０-９]{1,2})年(?:度|[0-9０-９]{1,2}月(?:[0-9０-９]{1,2}日)?)?",
            r"[0-9０-９]{4}年(?:度|[0-9０-９]{1,2}月(?:[0-9０-９]{1,2}日)?)?",
            r"[0-9０-９]{1,2}月[0-9０-９]{1,2}日",
            r"第[0-9０-９]{1,3}(?:章|節|条|項|号|期|回)",
            r"[0-9０-９][0-9０-９,.，．]*(?:万|千|億)?(?:か月|ヶ月|時間|人|円|件|日|名|回|%|％|歳|社|台|者)",
            r"[A-Za-z0-9][A-Za-z0-9\-‐./:@_+]*(?: [A-Za-z0-9(][A-Za-z0-9\-‐./:@_+)]*)*",
        )
    )
)
_MAX_RUN = 32


def no_break_runs(text: str) -> list[tuple[int, int]]:
    """(start, end) of each run of `text` that a line must not split."""
    return [m.span() for m in _NO_BREAK.finditer(text) if 1 < m.end() - m.start() <= _MAX_RUN]


@dataclass
class _Line:
    """One laid-out line: its text, where it starts in the paragraph's text, the width of each character,
    its unused width and whether it ends in a forced break (<br/>)."""

    text: str
    start: int
    widths: list[float]
    extra: float
    forced: bool

    @property
    def end(self) -> int:
        return self.start + len(self.text)


def _laid_out(bl: Any, frags: list, whole: str) -> list[_Line]:
    """The lines of a CJK blPara (kind 0: single fragment; kind 1: FragLines), placed in `whole`."""
    out: list[_Line] = []
    pos = 0
    for line in bl.lines:
        if isinstance(line, tuple | list):  # kind 0: (extraSpace, [text])
            text = "".join(line[1])
            f = frags[0]
            chars = [(ch, f.fontName, f.fontSize) for ch in text]
            extra, forced = line[0], False
        else:  # kind 1 FragLine from makeCJKParaLine
            words = [w for w in line.words if getattr(w, "text", "")]
            chars = [(ch, w.fontName, w.fontSize) for w in words for ch in w.text]
            text = "".join(c[0] for c in chars)
            extra, forced = line.extraSpace, bool(getattr(line, "lineBreak", False))
        found = whole.find(text, pos) if text else -1
        start = found if found >= 0 else pos
        out.append(_Line(text, start, [stringWidth(c, font, size) for c, font, size in chars], extra, forced))
        pos = start + len(text)
    return out


def _visible(text: str) -> str:
    """A line's text without spaces and closing marks: what a reader counts as its characters."""
    return "".join(ch for ch in text if not ch.isspace() and ch not in CANNOT_START)


def _wanted_end(lines: list[_Line], k: int, runs: list[tuple[int, int]]) -> int | None:
    """How many characters line k should keep so that no rule is broken at its end; None when it is fine
    as it is or cannot be helped by shortening it.

    The rules: an opening bracket does not end the line and a closing mark does not start the next one (the
    mark comes down with the character before it); the line does not split a no-break run; and the
    last line of a paragraph (or before a forced break) is not a single character such as 「定」 or
    「定。」 — one more character comes down with it.
    """
    line, nxt = lines[k], lines[k + 1]
    if line.forced or len(line.text) < 2:
        return None
    wanted: list[int] = []
    tail = len(line.text) - len(line.text.rstrip("".join(CANNOT_END)))
    if tail:
        wanted.append(len(line.text) - tail)
    if nxt.text[:1] in CANNOT_START:  # reportlab hangs one closing mark, not two (（4業務）、)
        wanted.append(len(line.text) - 1)
    for s, e in runs:
        if line.start < s < line.end and e > nxt.start:
            wanted.append(s - line.start)
    last_of_block = k + 1 == len(lines) - 1 or nxt.forced
    if not wanted and last_of_block and len(_visible(nxt.text)) <= 1 and len(_visible(line.text)) >= 4:
        wanted.append(len(line.text) - 1)
    if not wanted:
        return None
    kept = _settled(line, min(wanted), runs)
    if kept is None and runs:  # a run that cannot move whole gives way to 禁則
        kept = _settled(line, min(wanted), [])
    return kept


def _settled(line: _Line, keep: int, runs: list[tuple[int, int]]) -> int | None:
    """`keep` moved back until the break after it breaks no rule; None when no break in the line does."""
    for _ in range(len(line.text)):  # settle: each step only moves the break further back
        before = keep
        while keep > 0 and line.text[keep] in CANNOT_START:
            keep -= 1  # the character that would start the next line cannot: its neighbour comes too
        while keep > 0 and line.text[keep - 1] in CANNOT_END:
            keep -= 1
        for s, e in runs:
            if line.start < s < line.start + keep < e:
                keep = s - line.start
        if keep == before:
            break
    return keep if 0 < keep < len(line.text) else None


class Para(Paragraph):
    """A Paragraph that remembers its line breaking for a given width and breaks Japanese lines as a
    typesetter would: no opening bracket at a line end (「『（【 move down to start the next line), no date,
    年度, number with its unit or name such as 「JIS X 8341-3」 split across lines, and no last line of a
    single character (策／定: a second character comes down).

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
        """reportlab's CJK line breaking, re-run with a line shortened wherever a line (not the last) ends
        against one of the rules of `_wanted_end`, so that the characters it names start the next line."""
        if getattr(self, "_splitpara", 0) and hasattr(self, "blPara"):
            return super().breakLinesCJK(maxWidths)  # first part of a split: its lines are already set
        given = list(maxWidths) if isinstance(maxWidths, list | tuple) else [maxWidths]
        bl = super().breakLinesCJK(maxWidths)
        if len(bl.lines) < 2:
            return bl
        whole = "".join(getattr(f, "text", "") or "" for f in self.frags)
        runs = no_break_runs(whole)
        cut: dict[int, float] = {}  # line index → how much shorter than given that line is broken
        tries: dict[int, int] = {}
        start = 0
        for _ in range(_MAX_PASSES):
            lines = _laid_out(bl, self.frags, whole)
            for k in range(start, len(lines) - 1):
                keep = _wanted_end(lines, k, runs) if tries.get(k, 0) < _MAX_CUTS_PER_LINE else None
                if keep is not None:
                    break
            else:
                break
            line = lines[k]
            # The line's width becomes that of the characters it keeps plus half the first one that goes:
            # everything kept fits as it did, the rest no longer does and moves down.
            cut[k] = cut.get(k, 0.0) + line.extra + sum(line.widths[keep:]) - line.widths[keep] / 2
            tries[k] = tries.get(k, 0) + 1
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


def is_list_item(line: str) -> bool:
    """True for a line typed as a list item: a number or bullet followed by text."""
    m = _ITEM.match(line.strip())
    return m is not None and m.end() < len(line.strip())


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
        out.append(Para(markup(ln), _item_style(style, m.group(0)) if m and is_list_item(ln) else style))
    if not out and empty is not None:
        out.append(Para("（記載なし）", empty))
    return out
