"""Applying records that arrive from elsewhere (a package, a pull) to the local store, field by field.

One decision per record, made before anything is written, so a preview and the apply agree exactly:

- ``added``: the record is new here;
- ``changed``: fields (or the tombstone) differ and are taken;
- ``unchanged``: nothing differs (the same package twice lands here);
- ``older``: this source already gave a newer state of the record (an older package rolls nothing back);
- ``conflict``: a field this side may also write was edited here and not yet sent, to a different value.
  Ours is kept for those fields, the others are taken.

Fields this side may not write (desktop.models.ownership: the other side owns them) are always taken: with one
writer per field they cannot conflict. A record held here under another owner is refused, never overwritten.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import datetime
from typing import Any, Literal

from sqlalchemy.orm import Session

from desktop.models.base import Synced
from desktop.models.errors import DomainError

Outcome = Literal["added", "changed", "unchanged", "older", "conflict"]


class ForeignRecordError(DomainError):
    """An incoming record's id is held here by another owner."""


@dataclass(frozen=True)
class Incoming:
    """One record as the source has it: validated column values (desktop.sync.wire.from_wire)."""

    cls: type[Synced]
    id: str
    owner_code: str
    version: int
    deleted: bool
    values: dict[str, Any]
    updated_by: str = ""


@dataclass(frozen=True)
class Decision:
    incoming: Incoming
    outcome: Outcome
    take: dict[str, Any] = field(default_factory=dict)  # column values to write
    conflicts: tuple[str, ...] = ()
    take_deleted: bool | None = None  # the new tombstone state, when it changes


def decide(
    session: Session,
    item: Incoming,
    *,
    we_may_write: Callable[[str], bool],
    newer_here: bool = False,
    base: dict[str, Any] | None = None,
    known: dict[str, Synced] | None = None,
) -> Decision:
    """What applying `item` would do; `base` is the last state both sides shared, when known.

    `known` holds this store's rows of a whole batch, read at once (a record not in it has no row here).
    """
    row = known.get(item.id) if known is not None else session.get(item.cls, item.id)
    if row is not None and row.owner_code != item.owner_code:
        raise ForeignRecordError(
            f"記録（{item.cls.kind} {item.id[:8]}）は別の団体（{row.owner_code}）のものとしてこちらにあります。"
        )
    if row is None:
        return Decision(item, "added", dict(item.values), take_deleted=item.deleted)
    if newer_here:
        return Decision(item, "older")
    ours_edited = row.dirty

    def conflicting(name: str, theirs: Any) -> bool:
        if not ours_edited or not we_may_write(name):
            return False
        ours = getattr(row, name) if name != "deleted" else row.deleted
        return base is None or ours != base.get(name, theirs)

    take: dict[str, Any] = {}
    conflicts: list[str] = []
    for name, theirs in item.values.items():
        if getattr(row, name) == theirs:
            continue
        if conflicting(name, theirs):
            conflicts.append(name)
        else:
            take[name] = theirs
    take_deleted: bool | None = None
    if row.deleted != item.deleted:
        if ours_edited and we_may_write("deleted"):  # an edit against a delete, either way round
            conflicts.append("deleted")
        else:
            take_deleted = item.deleted
    if conflicts:
        return Decision(item, "conflict", take, tuple(conflicts), take_deleted)
    if take or take_deleted is not None:
        return Decision(item, "changed", take, take_deleted=take_deleted)
    return Decision(item, "unchanged")


def apply(session: Session, decision: Decision, *, actor: str, now: datetime) -> Synced | None:
    """Write what `decide` chose (in the caller's transaction); returns the row touched, if any."""
    item = decision.incoming
    if decision.outcome in ("unchanged", "older"):
        return None
    if decision.outcome == "added":
        row = item.cls(
            id=item.id,
            owner_code=item.owner_code,
            version=item.version,
            dirty=False,
            deleted=item.deleted,
            updated_at=now,
            updated_by=item.updated_by or actor,
            **decision.take,
        )
        session.add(row)
        return row
    row = session.get(item.cls, item.id)
    assert row is not None
    for name, value in decision.take.items():
        setattr(row, name, value)
    if decision.take_deleted is not None:
        row.deleted = decision.take_deleted
    row.version = max(row.version, item.version)
    row.updated_at = now
    row.updated_by = item.updated_by or actor
    return row
