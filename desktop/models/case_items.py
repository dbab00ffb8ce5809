"""The list items of a 好事例 (GIF 事例データモデル) as lines of text: how forms, lists and XLSX write them.

A text item (キーワード, 協力者 …) is one line. An image or video is a reference, never the file: one line
「タイトル | URL | ライセンス」 (a full-width ｜ reads the same; title and licence may be left out).
"""

from typing import Any

from desktop.models.errors import ValidationError

SEPARATOR = " | "


def media_line(item: dict[str, str]) -> str:
    """An image or video as the one line a form shows (empty parts at the end left out)."""
    parts = [item.get("title", ""), item.get("url", ""), item.get("license", "")]
    while parts and not parts[-1]:
        parts.pop()
    return SEPARATOR.join(parts)


def media_from_line(line: str, label: str) -> dict[str, str]:
    """A line 「タイトル | URL | ライセンス」 (or a bare URL) as an image or video; more than three parts are refused."""
    parts = [p.strip() for p in line.replace("｜", "|").split("|")]
    if len(parts) == 1:
        return {"title": "", "url": parts[0], "license": ""}
    if len(parts) > 3:
        raise ValidationError(
            f"「{label}」は1行に「タイトル | URL | ライセンス」の形で入力してください（区切りの「|」が多すぎます）。"
        )
    title, url, licence = [*parts, ""][:3]
    return {"title": title, "url": url, "license": licence}


def item_lines(value: Any) -> list[str]:
    """A list field's items as lines of text (images and videos as media_line)."""
    return [media_line(v) if isinstance(v, dict) else str(v) for v in value or []]
