"""Field rules applied to every edit before it is stored: bad input raises and changes nothing.

Text is valid Unicode without control characters (a multi-line text keeps its line breaks and tabs) and within
its stated length; numbers are finite and in their range; booleans are true or false (the text "false" is
never read as True); dates lie in 2000–2100. Labels and limits come from the one table in
desktop.models.field_table.
"""

import math
import re
from collections.abc import Callable
from datetime import date, datetime
from functools import cache
from typing import Any
from urllib.parse import urlsplit

from sqlalchemy import JSON, Boolean, Date, DateTime, Float, Integer, String, Text

from desktop.models import municipal_code, vocab
from desktop.models.base import Synced
from desktop.models.errors import ValidationError
from desktop.models.field_table import DATES, LIST_ITEMS, URL_CHARS, field

# Field → allowed keys, for fields that hold a vocabulary key.
VOCAB_FIELDS: dict[str, dict[str, str]] = {
    "status@checklist_state": vocab.CHECK_STATUS,
    "head_title@municipality": vocab.HEAD_TITLE,
    "status@plan": vocab.PLAN_STATUS,
    "status@initiative": vocab.INITIATIVE_STATUS,
    "status@needs_request": vocab.NEEDS_STATUS,
    "status@job_description": vocab.DOC_STATUS,
    "status@procurement_spec": vocab.DOC_STATUS,
    "phase@pdca_review": vocab.PDCA_PHASE,
    "activity_kind@awareness_activity": vocab.ACTIVITY_KIND,
    "category@needs_request": vocab.NEEDS_CATEGORY,
    "engagement@needs_request": vocab.ENGAGEMENT,
    "priority@needs_request": vocab.PRIORITY,
    "priority@talent_gap": vocab.PRIORITY,
    "approach@talent_gap": vocab.TALENT_APPROACH,
    "funding@needs_request": vocab.FUNDING,
    "funding@job_description": vocab.FUNDING,
    "mode@procurement_spec": vocab.PROCUREMENT_MODE,
    "method@procurement_spec": vocab.PROCUREMENT_METHOD,
    "req_kind@procurement_requirement": vocab.REQUIREMENT_KIND,
    "skill_role@job_description": vocab.SKILL_ROLES,
    "skill_role@talent_gap": vocab.SKILL_ROLES,
    "skill_role@needs_request": {"": "（該当なし）", **vocab.SKILL_ROLES},
    "specific_reason@standardization_system": vocab.SPECIFIC_SUPPORT_REASON,
    "response_status@needs_request": vocab.RESPONSE_STATUS,
    "skill_role@talent_pool_entry": vocab.SKILL_ROLES,
    "engagement@talent_pool_entry": vocab.ENGAGEMENT,
    "availability@talent_pool_entry": vocab.POOL_AVAILABILITY,
    "cost_split@joint_procurement_offer": vocab.COST_SPLIT,
    "status@joint_procurement_offer": vocab.OFFER_STATUS,
    "intent@joint_procurement_intent": vocab.INTENT,
}

# Field → what each item of a JSON list holds: a line of text, a web address, or a picture or film by reference
# ({title, url, license}: the file itself is never stored). Any other JSON field holds texts by key (_chapters).
LIST_FIELDS: dict[str, str] = {
    "keywords@good_practice": "text",
    "schemes@good_practice": "text",
    "collaborators@good_practice": "text",
    "related_practices@good_practice": "text",
    "related_urls@good_practice": "url",
    "images@good_practice": "media",
    "videos@good_practice": "media",
}
URL_FIELDS = frozenset({"contact_url@good_practice"})  # text fields that hold one web address
YEAR_FIELDS = frozenset({"carried_out_year@good_practice"})  # whole numbers that are a 西暦 year
MEDIA_KEYS = ("title", "url", "license")

TRUE_WORDS = frozenset({"true", "1", "yes", "on", "はい"})
FALSE_WORDS = frozenset({"false", "0", "no", "off", "いいえ"})
INT64 = (-(2**63), 2**63 - 1)
LINE_BREAKS = "\n\t"  # the only control characters a multi-line text may hold
SHOWN_CHARS = 40  # how much of a refused value a message repeats


def label(kind: str, key: str) -> str:
    """Japanese label of a field for messages (as the form shows it); "deleted" (a record's deletion, as sync
    and packages name it in a conflict) is 削除."""
    return "削除" if key == "deleted" else field(kind, key).label


def _shown_number(number: float) -> str:
    return f"{int(number):,}" if float(number).is_integer() else f"{number:,}"


def _bad_format(kind: str, key: str, value: Any) -> ValidationError:
    shown = str(value)
    if len(shown) > SHOWN_CHARS:
        shown = shown[:SHOWN_CHARS] + "…"
    shown = "".join(c if c.isprintable() and not 0xD800 <= ord(c) <= 0xDFFF else "�" for c in shown)
    return ValidationError(f"「{label(kind, key)}」の値「{shown}」は正しい形式ではありません。", key)


# Characters a text may not hold: control characters (C0, DEL, C1) and lone surrogates; a multi-line text may
# hold tabs and line breaks (LINE_BREAKS).
_REFUSED = re.compile("[\x00-\x1f\x7f-\x9f\ud800-\udfff]")
_REFUSED_MULTI_LINE = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f\ud800-\udfff]")


@cache
def _text_rule(kind: str, key: str, col: Any) -> tuple[bool, int | None]:
    """Whether a text column keeps line breaks, and its length limit (read once per field)."""
    return isinstance(col.type, Text | JSON), field(kind, key).max_chars or getattr(col.type, "length", None)


def _text(kind: str, key: str, col: Any, value: Any) -> str:
    if isinstance(value, bool) or not isinstance(value, str | int | float):
        raise _bad_format(kind, key, value)
    text = str(value)
    if "\r" in text:
        text = text.replace("\r\n", "\n").replace("\r", "\n")
    multi_line, limit = _text_rule(kind, key, col)
    refused = (_REFUSED_MULTI_LINE if multi_line else _REFUSED).search(text)
    if refused:
        raise _refused_character(label(kind, key), key, text[refused.start()], multi_line)
    if limit and len(text) > limit:
        raise ValidationError(
            f"「{label(kind, key)}」は{limit:,}文字以内で入力してください（いま{len(text):,}文字あります）。",
            key,
        )
    return text


def _refused_character(name: str, key: str, char: str, multi_line: bool) -> ValidationError:
    """Why a text may not hold `char` (found by _REFUSED or _REFUSED_MULTI_LINE)."""
    code = ord(char)
    if 0xD800 <= code <= 0xDFFF:
        return ValidationError(f"「{name}」に文字として扱えないデータ（U+{code:04X}）が含まれています。", key)
    if not multi_line and char in LINE_BREAKS:
        return ValidationError(f"「{name}」は改行やタブを含めず、1行で入力してください。", key)
    return ValidationError(f"「{name}」に使えない文字（制御文字 U+{code:04X}）が含まれています。", key)


def _chapters(kind: str, key: str, col: Any, value: Any) -> dict[str, str]:
    """A JSON column of texts by key (the 調達仕様書's chapters): each text under the text rules."""
    if not isinstance(value, dict):
        raise _bad_format(kind, key, type(value).__name__)
    out = {}
    for chapter, text in value.items():
        if not isinstance(chapter, str) or not chapter.isascii() or len(chapter) > SHOWN_CHARS:
            raise _bad_format(kind, key, chapter)
        out[chapter] = _text(kind, key, col, text)
    return out


def _url(kind: str, key: str, text: str) -> str:
    """A web address a town's officer can open: http(s), a host, no spaces."""
    try:
        parts = urlsplit(text)
    except ValueError:
        parts = None
    if parts is None or parts.scheme.lower() not in ("http", "https") or not parts.netloc or " " in text:
        shown = text if len(text) <= SHOWN_CHARS else text[:SHOWN_CHARS] + "…"
        raise ValidationError(
            f"「{label(kind, key)}」の「{shown}」はURLではありません。http:// または https:// で始まるURLを入力して"
            "ください。",
            key,
        )
    return text


def _list_line(kind: str, key: str, value: Any, limit: int) -> str:
    """One item of a list: a line of text under the text rules, within `limit` characters."""
    if isinstance(value, bool) or not isinstance(value, str | int | float):
        raise _bad_format(kind, key, value)
    text = str(value).strip()
    refused = _REFUSED.search(text)
    if refused:
        raise _refused_character(label(kind, key), key, text[refused.start()], False)
    if len(text) > limit:
        raise ValidationError(
            f"「{label(kind, key)}」の1件は{limit:,}文字以内で入力してください（いま{len(text):,}文字あります）。",
            key,
        )
    return text


def _list_item(kind: str, key: str, shape: str, value: Any) -> Any:
    """One item of a list field (LIST_FIELDS), normalised; None for an empty one."""
    limit = field(kind, key).max_chars or URL_CHARS
    if shape != "media":
        text = _list_line(kind, key, value, limit)
        return (_url(kind, key, text) if shape == "url" else text) or None
    if not isinstance(value, dict) or not set(value) <= set(MEDIA_KEYS):
        raise _bad_format(kind, key, value)
    item = {name: _list_line(kind, key, value.get(name, ""), limit) for name in MEDIA_KEYS}
    if not any(item.values()):
        return None
    if not item["url"]:
        raise ValidationError(
            f"「{label(kind, key)}」にはURLを入力してください（ファイルそのものは保存しません）。", key
        )
    _url(kind, key, item["url"])
    return item


def _json(kind: str, key: str, col: Any, value: Any) -> Any:
    """A JSON column: a list (LIST_FIELDS: at most LIST_ITEMS, empty items dropped) or texts by key."""
    shape = LIST_FIELDS.get(f"{key}@{kind}")
    if shape is None:
        return _chapters(kind, key, col, value)
    if not isinstance(value, list | tuple):
        raise _bad_format(kind, key, type(value).__name__)
    items = [item for item in (_list_item(kind, key, shape, v) for v in value) if item is not None]
    if len(items) > LIST_ITEMS:
        raise ValidationError(
            f"「{label(kind, key)}」は{LIST_ITEMS}件までです（いま{len(items)}件あります）。", key
        )
    return items


def _in_range(kind: str, key: str, number: float) -> None:
    rule = field(kind, key)
    low = rule.low if rule.low is not None else INT64[0]
    high = rule.high if rule.high is not None else INT64[1]
    if low <= number <= high:
        return
    span = f"{_shown_number(low)}〜{_shown_number(high)}"
    if key.endswith("_fy") or key == "fiscal_year":
        raise ValidationError(f"「{rule.label}」は{span}の西暦年度で入力してください。", key)
    if f"{key}@{kind}" in YEAR_FIELDS:
        raise _not_a_year(kind, key)
    raise ValidationError(f"「{rule.label}」は{span}の範囲で入力してください。", key)


def _not_a_year(kind: str, key: str) -> ValidationError:
    rule = field(kind, key)
    return ValidationError(
        f"「{rule.label}」は{_shown_number(rule.low or 0)}〜{_shown_number(rule.high or 0)}の西暦年（例: 2024）で"
        "入力してください。",
        key,
    )


def _plain(value: Any) -> Any:
    """A number typed with thousands separators, as written: 12,000 or 12，000."""
    return value.strip().replace(",", "").replace("，", "") if isinstance(value, str) else value


def _integer(kind: str, key: str, value: Any) -> int:
    if isinstance(value, bool):
        raise _bad_format(kind, key, value)
    if isinstance(value, float):
        if not math.isfinite(value) or not value.is_integer():
            raise _bad_format(kind, key, value)
        number = int(value)
    elif isinstance(value, int):
        number = value
    elif isinstance(value, str) and len(value) <= SHOWN_CHARS:
        number = int(_plain(value))  # int() reads full-width digits too
    else:
        raise _bad_format(kind, key, value)
    _in_range(kind, key, number)
    return number


def _float(kind: str, key: str, value: Any) -> float:
    if isinstance(value, bool) or not isinstance(value, str | int | float):
        raise _bad_format(kind, key, value)
    if isinstance(value, str) and len(value) > SHOWN_CHARS:
        raise _bad_format(kind, key, value)
    try:
        number = float(_plain(value))
    except OverflowError:  # an int too large for a float
        number = math.inf
    if not math.isfinite(number):
        raise ValidationError(
            f"「{label(kind, key)}」には有限の数値を入力してください（無限大や非数は使えません）。", key
        )
    _in_range(kind, key, number)
    return number


def _boolean(kind: str, key: str, value: Any) -> bool:
    if isinstance(value, bool):
        return value
    if isinstance(value, int) and value in (0, 1):
        return bool(value)
    word = value.strip().casefold() if isinstance(value, str) else None
    if word in TRUE_WORDS:
        return True
    if word in FALSE_WORDS:
        return False
    raise ValidationError(f"「{label(kind, key)}」は「はい」か「いいえ」で指定してください。", key)


def _date(kind: str, key: str, value: Any) -> date:
    if isinstance(value, datetime):
        day = value.date()
    elif isinstance(value, date):
        day = value
    elif isinstance(value, str) and len(value) <= SHOWN_CHARS:
        day = date.fromisoformat(value.strip())
    else:
        raise _bad_format(kind, key, value)
    if not DATES[0] <= day.year <= DATES[1]:
        raise ValidationError(
            f"「{label(kind, key)}」は{DATES[0]}年〜{DATES[1]}年の日付で入力してください。", key
        )
    return day


def _datetime(kind: str, key: str, value: Any) -> datetime:
    if isinstance(value, datetime):
        return value
    if isinstance(value, str) and len(value) <= SHOWN_CHARS:
        return datetime.fromisoformat(value.strip())
    raise _bad_format(kind, key, value)


def _blank(value: Any) -> bool:
    return value is None or (isinstance(value, str) and value.strip() == "")


def _required(col: Any) -> bool:
    """A column the user must fill: not nullable and without a default (件名, 指標名 …)."""
    return not col.nullable and col.default is None and col.server_default is None and not col.primary_key


@cache
def _converter(cls: type[Synced], key: str) -> tuple[Any, Callable[[str, str, Any, Any], Any] | None]:
    """A field's column and how a value that is not blank becomes the column's value (read once per field)."""
    col = cls.__table__.columns[key]  # type: ignore[attr-defined]
    t = col.type
    for types, convert in (
        (Boolean, lambda kind, key, col, value: _boolean(kind, key, value)),
        (Integer, lambda kind, key, col, value: _integer(kind, key, value)),
        (Float, lambda kind, key, col, value: _float(kind, key, value)),
        (DateTime, lambda kind, key, col, value: _datetime(kind, key, value)),
        (Date, lambda kind, key, col, value: _date(kind, key, value)),
        (String | Text, _text),
        (JSON, _json),
    ):
        if isinstance(t, types):
            return col, convert
    return col, None


def _coerce(cls: type[Synced], key: str, value: Any) -> Any:
    col, convert = _converter(cls, key)
    kind = cls.kind
    if _blank(value):
        if _required(col) or not (col.nullable or isinstance(col.type, String | Text)):
            raise ValidationError(f"「{label(kind, key)}」を入力してください。", key)
        if col.nullable:
            return None
        return "" if value is None else _text(kind, key, col, value)
    if convert is None:
        raise _bad_format(kind, key, value)
    try:
        out = convert(kind, key, col, value)
        return _url(kind, key, out) if f"{key}@{kind}" in URL_FIELDS else out
    except ValidationError:
        raise
    except (TypeError, ValueError):
        if f"{key}@{kind}" in YEAR_FIELDS:
            raise _not_a_year(kind, key) from None
        raise _bad_format(kind, key, value) from None


@cache
def required_fields(cls: type[Synced]) -> frozenset[str]:
    """The fields a new record of a kind cannot be made without (件名 …): not the sync columns."""
    columns = cls.__table__.columns  # type: ignore[attr-defined]
    return frozenset(c.key for c in columns if c.key not in Synced.SYNC_COLUMNS and _required(c))


def require(cls: type[Synced], fields: dict[str, Any]) -> None:
    """Refuse a new record that lacks a field it cannot do without, before the database would."""
    for col in cls.__table__.columns:  # type: ignore[attr-defined]
        if col.key in required_fields(cls) and _blank(fields.get(col.key)):
            raise ValidationError(f"「{label(cls.kind, col.key)}」を入力してください。", col.key)


@cache
def _editable(cls: type[Synced]) -> frozenset[str]:
    """The fields of a kind an edit may set (its columns, not the sync columns)."""
    return frozenset(c.key for c in cls.__table__.columns if c.key not in Synced.SYNC_COLUMNS)  # type: ignore[attr-defined]


def _field_check(cls: type[Synced], key: str) -> Callable[[Any], Any]:
    """One field's whole rule as a function of its value, built once per field: the column's conversion, a
    団体コード's check digit, a vocabulary. An empty value where one is allowed, and a text that needs nothing done
    (most of them), take a short way with the same outcome; anything else goes the long way (_coerce), which also
    says what is wrong."""
    col, _ = _converter(cls, key)
    kind = cls.kind
    allowed = VOCAB_FIELDS.get(f"{key}@{kind}")
    is_code = key == "code"
    refused, limit = None, None
    text_column = isinstance(col.type, String | Text)
    if text_column and f"{key}@{kind}" not in URL_FIELDS:  # a web address always goes the long way
        multi_line, limit = _text_rule(kind, key, col)
        refused = _REFUSED_MULTI_LINE if multi_line else _REFUSED
    # None or "" in a field that may be left blank: what _coerce makes of it.
    blank_allowed = not (_required(col) or not (col.nullable or text_column))
    blank = None if col.nullable else ""

    def check(value: Any) -> Any:
        if blank_allowed and (value is None or value == ""):
            out = blank
        elif (
            refused is not None
            and value.__class__ is str
            and value
            and not value.isspace()  # blank: _coerce knows whether the field may be
            and "\r" not in value
            and not (limit and len(value) > limit)
            and refused.search(value) is None
        ):
            out = value
        else:
            out = _coerce(cls, key, value)
        if is_code and out is not None:
            out = municipal_code.validate(out)
        if allowed is not None and out not in allowed and not (out == "" and "" in allowed):
            raise ValidationError(f"「{label(kind, key)}」の値「{out}」は選択肢にありません。", key)
        return out

    return check


@cache
def _field_checks(cls: type[Synced]) -> dict[str, Callable[[Any], Any]]:
    """Every editable field's check (_field_check), by field."""
    return {key: _field_check(cls, key) for key in _editable(cls)}


_ORDERED = (("start_fy", "end_fy"), ("period_start", "period_end"), ("start_on", "end_on"))


@cache
def _ordered(cls: type[Synced]) -> tuple[tuple[str, str], ...]:
    """The (start, end) pairs of a kind that must not end before they start."""
    return tuple((start, end) for start, end in _ORDERED if {start, end} <= _editable(cls))


def clean(cls: type[Synced], fields: dict[str, Any], current: dict[str, Any] | None = None) -> dict[str, Any]:
    """Validate and normalise an edit of `cls`; raise ValidationError (Japanese) on bad input."""
    checks = _field_checks(cls)
    out: dict[str, Any] = {}
    for key, value in fields.items():
        check = checks.get(key)
        if check is None:
            raise ValidationError(f"項目「{label(cls.kind, key)}」は編集できません。", key)
        out[key] = check(value)
    ordered = _ordered(cls)
    if not ordered:
        return out
    merged = {**(current or {}), **out}
    for start, end in ordered:
        if merged.get(start) is not None and merged.get(end) is not None and merged[end] < merged[start]:
            raise ValidationError(
                f"「{label(cls.kind, end)}」は「{label(cls.kind, start)}」以降にしてください。", end
            )
    return out
