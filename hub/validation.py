"""A pushed change checked against desktop.models: known kind, known fields, valid values, field ownership."""

from __future__ import annotations

from desktop.models import ENTITY_BY_KIND
from desktop.models.errors import ValidationError
from desktop.models.ownership import CATALOG_KINDS, PREFECTURE_FIELDS, is_prefecture_code, may_write
from desktop.models.rules import clean, label, require
from desktop.sync.protocol import Change, FieldValue
from desktop.sync.wire import decode_json, to_wire


class Rejected(Exception):
    """The change is refused as a whole; `str(exc)` is the Japanese reason."""


def clean_fields(change: Change, stored_fields: dict[str, FieldValue] | None) -> dict[str, FieldValue]:
    """The change's fields normalised to wire values, or Rejected with the reason."""
    cls = ENTITY_BY_KIND.get(change.kind)
    if cls is None:
        raise Rejected(f"種類「{change.kind}」の記録はこのハブでは扱えません。")
    try:
        current = clean(cls, decode_json(cls, stored_fields)) if stored_fields else None
    except ValidationError:
        current = None  # a stored copy that no longer passes today's rules is not the pusher's fault
    try:
        cleaned = clean(cls, decode_json(cls, dict(change.fields)), current)
        if stored_fields is None and not change.deleted:
            require(cls, cleaned)  # a new record needs its 件名, 指標名 … like a form does
    except ValidationError as exc:
        raise Rejected(str(exc)) from None
    return {name: to_wire(value) for name, value in cleaned.items()}


def check_ownership(scope_code: str, change: Change, stored_owner: str | None) -> None:
    """Rejected unless this token may write every field the change touches (DESIGN.md §4, field ownership)."""
    if stored_owner is not None and stored_owner != change.owner_code:
        raise Rejected("この記録は別の団体の記録として登録されています。団体コードを変えることはできません。")
    touched = list(change.fields)
    if stored_owner is None or change.deleted:
        touched.append("deleted")  # creating or deleting a record writes its existence
    for name in touched:
        if may_write(scope_code, change.owner_code, change.kind, name):
            continue
        if name in PREFECTURE_FIELDS.get(change.kind, ()):
            raise Rejected(
                f"「{label(change.kind, name)}」は都道府県が記入する項目です。市町村からは変更できません。"
            )
        if change.kind in CATALOG_KINDS and not is_prefecture_code(scope_code):
            raise Rejected("この記録は都道府県の記録です。市町村からは変更できません。")
        if is_prefecture_code(scope_code) and change.owner_code != scope_code:
            if stored_owner is None:
                raise Rejected("都道府県は市町村の記録を作成・削除できません。")
            raise Rejected(
                f"「{label(change.kind, name)}」は市町村が記入する項目です。都道府県からは変更できません。"
            )
        raise Rejected(f"団体コード「{change.owner_code}」の記録は、この接続では変更できません。")
