"""The per-field three-way merge of one pushed change into the hub's copy (desktop/sync/protocol.py).

Pure: no database. The hub keeps, per record, the version that last changed each field and the deletion flag,
so "changed on the hub since base_version" is a comparison of numbers, never of clocks.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime

from desktop.sync.protocol import Change, FieldValue, Outcome


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


@dataclass
class Merged:
    outcome: Outcome
    record: Stored
    written: bool  # a new version was stamped
    conflict_fields: list[str] = field(default_factory=list)


def merge(
    stored: Stored | None, change: Change, fields: dict[str, FieldValue], next_version: int, now: datetime
) -> Merged:
    """Merge `change` (its `fields` already validated) into `stored`; `next_version` is used if anything changes."""
    if stored is None:
        record = Stored(
            kind=change.kind, id=change.id, owner_code=change.owner_code, version=next_version,
            deleted=change.deleted, deleted_version=next_version if change.deleted else 0, fields=dict(fields),
            field_versions=dict.fromkeys(fields, next_version), updated_at=now, updated_by=change.updated_by,
        )  # fmt: skip
        return Merged("applied", record, written=True)

    base = change.base_version
    conflicts: list[str] = []
    new_fields = dict(stored.fields)
    new_versions = dict(stored.field_versions)
    deleted = stored.deleted
    changed = False

    if change.deleted != stored.deleted:
        hub_edited = any(v > base for v in stored.field_versions.values())
        if stored.deleted_version > base or (change.deleted and hub_edited):
            conflicts.append("deleted")  # an edit against a delete, either way round
        else:
            deleted = change.deleted
            changed = True

    for name, value in fields.items():
        if name in stored.fields and stored.fields[name] == value:
            continue
        if stored.field_versions.get(name, 0) > base:
            conflicts.append(name)
            continue
        new_fields[name] = value
        new_versions[name] = next_version
        changed = True

    if not changed:
        record = stored
    else:
        record = Stored(
            kind=stored.kind, id=stored.id, owner_code=stored.owner_code, version=next_version, deleted=deleted,
            deleted_version=next_version if deleted != stored.deleted else stored.deleted_version,
            fields=new_fields, field_versions=new_versions, updated_at=now, updated_by=change.updated_by,
        )  # fmt: skip
    if conflicts:
        return Merged("conflict", record, written=changed, conflict_fields=conflicts)
    kept_elsewhere = stored.deleted_version > base or any(
        v > base for name, v in stored.field_versions.items() if name not in fields
    )
    return Merged("merged" if kept_elsewhere else "applied", record, written=changed)
