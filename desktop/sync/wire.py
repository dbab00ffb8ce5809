"""Local rows ⇄ wire fields: JSON scalars, dates and datetimes as ISO 8601 text, a JSON column (the 調達仕様書's
chapters) as canonical JSON text (protocol.FieldValue carries scalars only)."""

from __future__ import annotations

import json
from datetime import UTC, date, datetime
from functools import cache
from typing import Any

from sqlalchemy import JSON, Date, DateTime

from desktop.models import Synced
from desktop.models.errors import ValidationError


def to_wire(value: Any) -> Any:
    """One local value as it travels."""
    if isinstance(value, datetime):
        return (value if value.tzinfo else value.replace(tzinfo=UTC)).isoformat()
    if isinstance(value, date):
        return value.isoformat()
    if isinstance(value, dict | list):
        return json.dumps(value, ensure_ascii=False, sort_keys=True, separators=(",", ":"))
    return value


def row_fields(row: Synced) -> dict[str, Any]:
    """A row's own fields (not the sync columns) as they travel."""
    return {key: to_wire(getattr(row, key)) for key in field_names(type(row))}


def default_fields(cls: type[Synced]) -> dict[str, Any]:
    """The base of a record never synced: its kind's defaults, as they travel (a fresh copy)."""
    return dict(_defaults(cls))


@cache
def _defaults(cls: type[Synced]) -> dict[str, Any]:
    return {key: to_wire(value) for key, value in cls.defaults().items()}


@cache
def field_names(cls: type[Synced]) -> tuple[str, ...]:
    """The fields of a kind that travel."""
    return tuple(c.key for c in cls.__table__.columns if c.key not in Synced.SYNC_COLUMNS)  # type: ignore[attr-defined]


@cache
def parsers(cls: type[Synced]) -> dict[str, Any]:
    """Per field: how a wire text becomes the column value (None: taken as it is)."""
    out: dict[str, Any] = {}
    for c in cls.__table__.columns:  # type: ignore[attr-defined]
        if c.key in Synced.SYNC_COLUMNS:
            continue
        if isinstance(c.type, DateTime):
            out[c.key] = datetime.fromisoformat
        elif isinstance(c.type, Date):
            out[c.key] = lambda text: date.fromisoformat(text[:10])
        elif isinstance(c.type, JSON):
            out[c.key] = json.loads
        else:
            out[c.key] = None
    return out


def from_wire(cls: type[Synced], fields: dict[str, Any]) -> dict[str, Any]:
    """Wire fields of a kind as column values; fields this version does not know are left out."""
    known = parsers(cls)
    out: dict[str, Any] = {}
    for key, value in fields.items():
        if key not in known:
            continue
        parse = known[key]
        out[key] = parse(value) if parse is not None and isinstance(value, str) and value else value
    return out


@cache
def _json_fields(cls: type[Synced]) -> frozenset[str]:
    return frozenset(c.key for c in cls.__table__.columns if isinstance(c.type, JSON))  # type: ignore[attr-defined]


def decode_json(cls: type[Synced], fields: dict[str, Any]) -> dict[str, Any]:
    """Wire fields with each JSON column's text read back (the rest as they are), for the forms' rules to check;
    unreadable text is a ValidationError naming the field."""
    out = dict(fields)
    for key in _json_fields(cls) & out.keys():
        if isinstance(out[key], str):
            try:
                out[key] = json.loads(out[key])
            except ValueError:
                raise ValidationError(f"項目「{key}」の値が正しい形式ではありません。", key) from None
    return out


def parse_time(text: str) -> datetime:
    """The hub's updated_at (display only); an unreadable one becomes the epoch rather than an error."""
    try:
        moment = datetime.fromisoformat(text)
    except ValueError:
        return datetime(1970, 1, 1, tzinfo=UTC)
    return moment if moment.tzinfo else moment.replace(tzinfo=UTC)
