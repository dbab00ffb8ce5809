"""A person's answer to a conflict: keep mine, keep theirs, or an edited value (DESIGN.md §4).

The record already carries the hub's version the conflict came from, so the answer is pushed as an ordinary
change on the next sync: "mine" and an edit are sent, "theirs" leaves nothing to send.
"""

from __future__ import annotations

from datetime import datetime
from typing import Any, Literal

from sqlalchemy.orm import Session

from desktop.models import ENTITY_BY_KIND
from desktop.models.errors import NotFoundError, ValidationError
from desktop.models.rules import clean
from desktop.models.sync_state import Conflict, SyncBase
from desktop.sync.merge import settle
from desktop.sync.wire import from_wire

Choice = Literal["mine", "theirs", "edit"]


def resolve(
    s: Session, conflict_id: str, choice: Choice, value: Any, *, actor: str, now: datetime
) -> Conflict:
    """Settle one conflict in the caller's transaction; returns the (now deleted) conflict."""
    conflict = s.get(Conflict, conflict_id)
    if conflict is None:
        raise NotFoundError("指定された競合が見つかりません（すでに解決済みの可能性があります）。")
    cls = ENTITY_BY_KIND[conflict.kind]
    row = s.get(cls, conflict.record_id)
    if row is None:  # pragma: no cover - a conflict is only made for a local row
        raise NotFoundError("競合している記録が見つかりません。")
    if choice not in ("mine", "theirs", "edit"):
        raise ValidationError("「mine」「theirs」「edit」のいずれかを指定してください。")
    if conflict.edit_vs_delete:
        if choice == "edit":
            raise ValidationError("削除と編集の競合は、こちらの内容か相手の内容のどちらかを選んでください。")
        if choice == "theirs":
            base = s.get(SyncBase, (conflict.kind, conflict.record_id))
            if base is not None:
                for key, val in from_wire(cls, base.fields).items():
                    setattr(row, key, val)
                row.deleted = base.deleted
    elif choice == "theirs":
        setattr(row, conflict.field, from_wire(cls, {conflict.field: conflict.theirs})[conflict.field])
    elif choice == "edit":
        current = {c.key: getattr(row, c.key) for c in cls.__table__.columns}  # type: ignore[attr-defined]
        setattr(row, conflict.field, clean(cls, {conflict.field: value}, current)[conflict.field])
    s.delete(conflict)
    s.flush()
    row.dirty = True
    row.updated_at = now
    row.updated_by = actor
    settle(s, row)
    return conflict
