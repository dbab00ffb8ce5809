"""The per-field three-way merge of one pushed change into the hub's copy (desktop/sync/protocol.py).

Pure: no database. The hub keeps, per record, the version that last changed each field and the deletion flag,
so "changed on the hub since base_version" is a comparison of numbers, never of clocks.

After a restore from a backup (docs/SYNC.md), a PC may hold a record at a version the hub lost. It sends its
whole copy with that version as base_version. The copy descends from the backup's copy of the record plus the
lost writes, so the hub merges it against the backup: a field nobody wrote after the restore takes the PC's
value (that is how a lost write comes back); a field written after the restore keeps that later value when the
PC's copy does not claim otherwise (its value is the backup's, or the later write was made by a PC that had seen
this copy's version or a newer one), and is a conflict when the PC's copy really disagrees. For this, a record's
first write after a restore keeps its copy as the restore left it (`restored`), and each write after the restore
notes, per field, the newest lost version its writer had seen (`seen`).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import datetime
from typing import Any

from desktop.sync.protocol import Change, FieldValue, Outcome, RestorePoint

DELETED = "deleted"  # the name `seen` keeps the deletion flag under
_MISSING = object()


@dataclass
class Stored:
    """The hub's copy of one record."""

    kind: str
    id: str
    owner_code: str
    version: int
    deleted: bool
    deleted_version: int
    fields: dict[str, FieldValue]
    field_versions: dict[str, int]
    updated_at: datetime
    updated_by: str
    restored: dict[str, Any] | None = None  # the record as the latest restore left it (see the module doc)


@dataclass
class Merged:
    outcome: Outcome
    record: Stored
    written: bool  # a new version was stamped
    conflict_fields: list[str] = field(default_factory=list)


@dataclass(frozen=True)
class _LostCopy:
    """A pushed change whose base version the hub lost in a restore: what the hub knows of that restore."""

    point: RestorePoint
    version: int  # the lost version the PC's copy is at
    backup: dict[str, Any] | None  # `restored` of the record for this restore (None: not known)
    defaults: dict[str, Any]  # the kind's defaults: a field never written has that value

    def backup_value(self, name: str) -> Any:
        if self.backup is None:
            return _MISSING
        if name == DELETED:
            return self.backup["deleted"]
        return self.backup["fields"].get(name, self.defaults.get(name, _MISSING))

    def superseded(self, name: str, value: Any) -> bool:
        """Whether the hub's later value of a field stands against this copy's `value` without a conflict: the copy
        has what the backup had (neither the lost writes nor the PC changed it), or whoever wrote it after the
        restore had seen this copy's version or a newer one."""
        if self.backup is not None and self.backup["seen"].get(name, 0) >= self.version:
            return True
        return self.backup_value(name) == value


def lost_point(restores: Sequence[RestorePoint], base_version: int) -> RestorePoint | None:
    """The restore that lost `base_version`, if any."""
    return next((point for point in reversed(restores) if point.lost(base_version)), None)


def _restored(stored: Stored, point: RestorePoint) -> dict[str, Any] | None:
    """The record's copy as `point` left it, if the hub knows it."""
    if stored.version <= point.lost_after:  # not written since that restore: it is the backup's copy
        return {"after": point.lost_after, "deleted": stored.deleted, "fields": stored.fields, "seen": {}}
    if stored.restored is not None and stored.restored.get("after") == point.lost_after:
        return stored.restored
    return None


def merge(
    stored: Stored | None,
    change: Change,
    fields: dict[str, FieldValue],
    next_version: int,
    now: datetime,
    restores: Sequence[RestorePoint] = (),
    defaults: dict[str, Any] | None = None,
) -> Merged:
    """Merge `change` (its `fields` already validated) into `stored`; `next_version` is used if anything changes.

    `restores` are the hub's restore points (oldest first) and `defaults` the kind's field defaults: a change
    whose base version a restore lost is merged against the backup's copy (see the module doc)."""
    latest = restores[-1] if restores else None
    if stored is None:
        record = Stored(
            kind=change.kind, id=change.id, owner_code=change.owner_code, version=next_version,
            deleted=change.deleted, deleted_version=next_version if change.deleted else 0, fields=dict(fields),
            field_versions=dict.fromkeys(fields, next_version), updated_at=now, updated_by=change.updated_by,
        )  # fmt: skip
        if latest is not None:  # made after the restore: the restore left it absent
            record.restored = _noted(
                {"after": latest.lost_after, "deleted": False, "fields": {}, "seen": {}},
                change, [*fields, DELETED], restores,
            )  # fmt: skip
        return Merged("applied", record, written=True)

    point = lost_point(restores, change.base_version)
    lost = None
    base = change.base_version
    if point is not None:
        lost = _LostCopy(point, change.base_version, _restored(stored, point), defaults or {})
        base = point.lost_after  # the copy descends from the backup's: anything newer on the hub came later
    conflicts: list[str] = []
    kept: list[str] = []  # fields written after the restore that stand against a lost copy
    new_fields = dict(stored.fields)
    new_versions = dict(stored.field_versions)
    deleted = stored.deleted
    changed = False
    taken: list[str] = []

    if change.deleted != stored.deleted:
        hub_edited = any(v > base for v in stored.field_versions.values())
        if stored.deleted_version > base or (change.deleted and hub_edited):
            if lost is not None and lost.superseded(DELETED, change.deleted):
                kept.append(DELETED)
            else:
                conflicts.append(DELETED)  # an edit against a delete, either way round
        else:
            deleted = change.deleted
            changed = True
            taken.append(DELETED)

    for name, value in fields.items():
        current = stored.fields.get(name, lost.defaults.get(name, _MISSING) if lost else _MISSING)
        if current == value:
            continue
        if stored.field_versions.get(name, 0) > base:
            if lost is not None and lost.superseded(name, value):
                kept.append(name)
            else:
                conflicts.append(name)
            continue
        new_fields[name] = value
        new_versions[name] = next_version
        changed = True
        taken.append(name)

    if not changed:
        record = stored
    else:
        record = Stored(
            kind=stored.kind, id=stored.id, owner_code=stored.owner_code, version=next_version, deleted=deleted,
            deleted_version=next_version if deleted != stored.deleted else stored.deleted_version,
            fields=new_fields, field_versions=new_versions, updated_at=now, updated_by=change.updated_by,
            restored=stored.restored,
        )  # fmt: skip
        if latest is not None:
            kept_copy = _restored(stored, latest) or {
                "after": latest.lost_after, "deleted": False, "fields": {}, "seen": {}
            }  # fmt: skip
            record.restored = _noted(kept_copy, change, taken, restores)
    if conflicts:
        return Merged("conflict", record, written=changed, conflict_fields=conflicts)
    kept_elsewhere = (
        bool(kept)
        or stored.deleted_version > base
        or any(v > base for name, v in stored.field_versions.items() if name not in fields)
    )
    return Merged("merged" if kept_elsewhere else "applied", record, written=changed)


def _noted(
    restored: dict[str, Any], change: Change, taken: list[str], restores: Sequence[RestorePoint]
) -> dict[str, Any]:
    """`restored` with, for each field the change wrote, the newest lost version its writer had seen: the change's
    base if a restore lost it, else what the field's previous writer had seen (a writer that saw the hub's copy
    after the restore saw that), or nothing for a writer whose copy is older than the restore."""
    from_lost_copy = lost_point(restores, change.base_version) is not None
    before_backup = change.base_version <= restores[-1].lost_after
    seen = dict(restored["seen"])
    for name in taken:
        if from_lost_copy:
            seen[name] = max(seen.get(name, 0), change.base_version)
        elif before_backup:
            seen.pop(name, None)
    return {**restored, "seen": seen}
