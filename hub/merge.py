"""The per-field three-way merge of one pushed change into the hub's copy (desktop/sync/protocol.py).

Pure: no database. The hub keeps, per record, the version that last changed each field and the deletion flag,
so "changed on the hub since base_version" is a comparison of numbers, never of clocks.

After a restore from a backup (docs/SYNC.md), a PC may hold a record at a version v the hub lost. It sends the
record back as it had it at v (a *lost copy*: base_version v, every field it may write), and its own edits made
since then afterwards as an ordinary change. A lost copy is the backup's copy plus writes the hub lost, so the
hub merges it against the backup. Per field the lost copy's value differs from the hub's:
- nobody wrote the field after the restore: take it (that is how a lost write comes back);
- another lost copy wrote it: take it if this copy is newer (v above that copy's version), else keep the hub's;
- an edit after the restore wrote it: keep the edit if its author had seen version v or newer of the record, or
  if this copy has the backup's value (the lost writes did not touch the field); otherwise the two really
  disagree: a conflict.
For this, a record's first write after a restore keeps its copy as the restore left it (`restored`), and notes
per field which lost copy wrote it (`restoring`: its version) or the newest lost version the author of the edit
that wrote it had seen (`seen`).
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

    def meets(self, name: str, value: Any) -> str:
        """What this copy's `value` of a field written after the restore does: "take", "keep" (the hub's value
        stands) or "conflict" (see the module doc)."""
        if self.backup is None:
            return "conflict"  # nothing known of the record at the restore: a person decides
        restoring = self.backup["restoring"]
        if name in restoring:
            return "take" if self.version > restoring[name] else "keep"
        if self.backup["seen"].get(name, 0) >= self.version or self.backup_value(name) == value:
            return "keep"
        return "conflict"


def lost_point(restores: Sequence[RestorePoint], base_version: int) -> RestorePoint | None:
    """The restore that lost `base_version`, if any."""
    return next((point for point in reversed(restores) if point.lost(base_version)), None)


def _restored(stored: Stored, point: RestorePoint) -> dict[str, Any] | None:
    """The record's copy as `point` left it, if the hub knows it."""
    if stored.version <= point.lost_after:  # not written since that restore: it is the backup's copy
        return _at_restore(point, stored.deleted, stored.fields)
    if stored.restored is not None and stored.restored.get("after") == point.lost_after:
        return stored.restored
    return None


def _at_restore(point: RestorePoint, deleted: bool, fields: dict[str, Any]) -> dict[str, Any]:
    return {"after": point.lost_after, "deleted": deleted, "fields": fields, "restoring": {}, "seen": {}}


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
            record.restored = _noted(_at_restore(latest, False, {}), change, [*fields, DELETED], restores)
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
        later = stored.deleted_version > base or (change.deleted and hub_edited)
        verdict = lost.meets(DELETED, change.deleted) if later and lost is not None else "conflict"
        if later and verdict == "keep":
            kept.append(DELETED)
        elif later and verdict == "conflict":
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
            verdict = lost.meets(name, value) if lost is not None else "conflict"
            if verdict == "keep":
                kept.append(name)
                continue
            if verdict == "conflict":
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
            at_restore = _restored(stored, latest) or _at_restore(latest, False, {})
            record.restored = _noted(at_restore, change, taken, restores)
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
    """`restored` with, for each field the change wrote, who wrote it: a lost copy (its version), or an edit and
    the newest lost version its author had seen (what the field showed it: the writer whose base is after the
    restore saw the field's current value; one whose base is older than the backup saw nothing lost)."""
    from_lost_copy = lost_point(restores, change.base_version) is not None
    before_backup = change.base_version <= restores[-1].lost_after
    restoring, seen = dict(restored["restoring"]), dict(restored["seen"])
    for name in taken:
        if from_lost_copy:
            restoring[name] = change.base_version
            seen.pop(name, None)
            continue
        shown = 0 if before_backup else restoring.get(name, seen.get(name, 0))
        restoring.pop(name, None)
        seen[name] = shown
    return {**restored, "restoring": restoring, "seen": seen}
