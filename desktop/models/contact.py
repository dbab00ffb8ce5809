"""The municipality's own details: the head's title its name implies, and e-mail and telephone formats.

Checked wherever these details enter (first run, the 団体情報 page); a bad value raises a ValidationError whose
message says what is expected and names the field, and nothing is stored. The head's title itself is a
vocabulary (vocab.HEAD_TITLE), checked with the others in models/rules.py.
"""

import re
import unicodedata

from desktop.models.errors import ValidationError
from desktop.models.vocab import HEAD_TITLE

_NOTE = re.compile(r"[（(][^（()）]*[)）]\s*$")
_EMAIL = re.compile(r"[A-Za-z0-9._%+\-]+@[A-Za-z0-9\-]+(\.[A-Za-z0-9\-]+)+")
# 内線 (extension) written after the number: 「（内線215）」, 「内線 215」, 「ext. 215」.
_EXTENSION = re.compile(r"\s*[（(]?\s*(内線|ext\.?)\s*\d{1,6}\s*[)）]?\s*$", re.IGNORECASE)
_PHONE_CHARS = re.compile(r"[0-9\-() ]+")
EMAIL_EXAMPLE = "dx@city.example.lg.jp"
PHONE_EXAMPLE = "0778-53-2200"


def head_title_for(name: str) -> str:
    """The head's title a 団体名 implies (鯖江市 → 市長, デモ町（架空） → 町長); '' when it implies none."""
    base = _NOTE.sub("", (name or "").strip()).strip()
    return next((title for title in HEAD_TITLE if title and base.endswith(title[0])), "")


def check_email(value: str) -> str:
    """An e-mail address such as dx@city.example.lg.jp ('' when not given); 全角 letters are read as 半角."""
    text = unicodedata.normalize("NFKC", value or "").strip()
    if text and not _EMAIL.fullmatch(text):
        raise ValidationError(
            f"「メールアドレス」は {EMAIL_EXAMPLE} のように、@ の前後を半角英数字で入力してください。",
            "contact_email",
        )
    return text


def check_phone(value: str) -> str:
    """A telephone number from its 市外局番 (0778-53-2200), optionally with 内線; kept as typed ('' when not given)."""
    typed = (value or "").strip()
    number = _EXTENSION.sub("", unicodedata.normalize("NFKC", typed))
    if not typed:
        return ""
    digits = re.sub(r"\D", "", number)
    if not (_PHONE_CHARS.fullmatch(number) and digits.startswith("0") and len(digits) in (10, 11)):
        raise ValidationError(
            f"「電話番号」は {PHONE_EXAMPLE} のように市外局番から入力してください"
            "（内線は「0778-53-2200（内線215）」のように後ろに付けられます）。",
            "contact_phone",
        )
    return typed
