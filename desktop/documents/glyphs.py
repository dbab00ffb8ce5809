"""Characters the chosen font cannot draw are found BEFORE rendering, never printed as empty boxes.

Municipal text often holds 異体字 such as 𠮷 (つちよし) or 髙 outside the font, or emoji pasted from mail. A box in
a council document is worse than an error, so the user is told which field holds which character.
"""

from __future__ import annotations

import unicodedata
from collections.abc import Iterable

from desktop.documents.fonts import FontSet
from desktop.models.errors import DomainError

_IGNORED = {"\n", "\r", "\t", "\f", "\v", "\u200b", "\ufeff"}


class MissingGlyphsError(DomainError):
    """Some text cannot be drawn with the font; `missing` maps field label → the characters."""

    def __init__(self, missing: dict[str, str], font_family: str = ""):
        self.missing = missing
        font = f"（{font_family}）" if font_family else ""
        parts = [
            f"「{field}」の「{'」「'.join(_show(c) for c in chars)}」" for field, chars in missing.items()
        ]
        shown = "、".join(parts[:8]) + (f" ほか{len(parts) - 8}項目" if len(parts) > 8 else "")
        super().__init__(
            f"使用するフォント{font}で表示できない文字があるため、出力を中止しました: {shown}。"
            "常用の字体（例: 𠮷→吉）に置き換えるか、設定でその文字を含むフォントファイルを指定してください。"
        )


def _show(char: str) -> str:
    """The character itself, or its code point when it is invisible (variation selectors, controls)."""
    cat = unicodedata.category(char)
    if cat in ("Mn", "Cf", "Cc", "Co", "Cs") or char.isspace():
        return f"U+{ord(char):04X}"
    return char


def missing_glyphs(fonts: FontSet, fields: Iterable[tuple[str, str | None]]) -> dict[str, str]:
    """Field label → characters (in order, once each) that the body or heading font lacks."""
    fields = [(label, text) for label, text in fields if text]
    names = dict.fromkeys([fonts.body, fonts.heading])
    # One pass over the set of all characters first: nearly always nothing is missing.
    chars = set().union(*(text for _, text in fields))
    candidates = {ch for ch in chars if not 0x20 <= ord(ch) < 0x7F} - _IGNORED  # the fonts all cover ASCII
    bad = {ch for ch in candidates if not all(fonts.covers(n, ch) for n in names)}
    out: dict[str, str] = {}
    if not bad:
        return out
    for label, text in fields:
        found = "".join(ch for ch in dict.fromkeys(text) if ch in bad)
        if found:
            out[label] = "".join(dict.fromkeys(out.get(label, "") + found))
    return out


def check_glyphs(fonts: FontSet, fields: Iterable[tuple[str, str | None]]) -> None:
    """Raise MissingGlyphsError naming each field and character the font cannot draw."""
    missing = missing_glyphs(fonts, fields)
    if missing:
        raise MissingGlyphsError(missing, fonts.body_family)
