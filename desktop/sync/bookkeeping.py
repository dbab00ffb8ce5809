"""What the merge keeps beside records (their base copies, open conflicts and refused changes), read once per
batch and kept right by the code that writes them (see :class:`Bookkeeping`)."""

from __future__ import annotations

import hashlib
import json
from collections.abc import Iterable
from datetime import datetime

from sqlalchemy import inspect, select
from sqlalchemy.orm import Session

from desktop.models.sync_state import Conflict, SyncBase, SyncRejection
from desktop.sync.protocol import Change

_CHUNK = 900  # ids per IN (…) query


def fingerprint(change: Change) -> str:
    """Identifies a change's content (not its base version): a refused change is not sent again unchanged."""
    body = json.dumps([change.deleted, change.fields], sort_keys=True, ensure_ascii=False)
    return hashlib.sha256(body.encode()).hexdigest()


Key = tuple[str, str]  # (kind, record id)


class Bookkeeping:
    """What the merge keeps beside records: their base copies, open conflicts and refused changes.

    Read in a few queries for a whole batch (:meth:`read`: one query per kind and table for up to _CHUNK ids),
    or, for a record not read so, asked once when first needed. It is kept right by the code that adds and
    removes those rows (only through its methods), so a read sees this transaction's writes without a flush,
    even under ``no_autoflush`` (where Session.get would miss an object not flushed yet).
    """

    def __init__(self, s: Session):
        self.s = s
        self._bases: dict[Key, SyncBase | None] = {}
        self._conflicts: dict[Key, list[Conflict]] = {}
        self._refusals: dict[Key, SyncRejection | None] = {}

    def read(self, keys: Iterable[Key]) -> Bookkeeping:
        """Read the bookkeeping of many records at once."""
        ids: dict[str, list[str]] = {}
        for kind, record_id in keys:
            ids.setdefault(kind, []).append(record_id)
        for kind, wanted in ids.items():
            for start in range(0, len(wanted), _CHUNK):
                chunk = wanted[start : start + _CHUNK]
                for record_id in chunk:
                    self._bases[(kind, record_id)] = None
                    self._conflicts[(kind, record_id)] = []
                    self._refusals[(kind, record_id)] = None
                for base in self.s.scalars(
                    select(SyncBase).where(SyncBase.kind == kind, SyncBase.record_id.in_(chunk))
                ):
                    self._bases[(kind, base.record_id)] = base
                for conflict in self.s.scalars(
                    select(Conflict).where(Conflict.kind == kind, Conflict.record_id.in_(chunk))
                ):
                    self._conflicts[(kind, conflict.record_id)].append(conflict)
                for refusal in self.s.scalars(
                    select(SyncRejection).where(
                        SyncRejection.kind == kind, SyncRejection.record_id.in_(chunk)
                    )
                ):
                    self._refusals[(kind, refusal.record_id)] = refusal
        return self

    def base(self, kind: str, record_id: str) -> SyncBase | None:
        key = (kind, record_id)
        if key not in self._bases:
            self._bases[key] = self.s.get(SyncBase, key)
        return self._bases[key]

    def conflicts(self, kind: str, record_id: str) -> list[Conflict]:
        key = (kind, record_id)
        if key not in self._conflicts:
            self._conflicts[key] = list(
                self.s.scalars(select(Conflict).where(Conflict.kind == kind, Conflict.record_id == record_id))
            )
        return list(self._conflicts[key])

    def refusal(self, kind: str, record_id: str) -> SyncRejection | None:
        key = (kind, record_id)
        if key not in self._refusals:
            self._refusals[key] = self.s.get(SyncRejection, key)
        return self._refusals[key]

    def keep_base(self, kind: str, record_id: str) -> SyncBase:
        """The stored base of a record, made (empty) if it has none."""
        stored = self.base(kind, record_id)
        if stored is None:
            stored = SyncBase(kind=kind, record_id=record_id)
            self.s.add(stored)
            self._bases[(kind, record_id)] = stored
        return stored

    def drop_base(self, kind: str, record_id: str) -> None:
        stored = self.base(kind, record_id)
        if stored is not None:
            self._discard(stored)
            self._bases[(kind, record_id)] = None

    def add_conflict(self, conflict: Conflict) -> None:
        self.conflicts(conflict.kind, conflict.record_id)  # read (if need be) before it is added
        self.s.add(conflict)
        self._conflicts[(conflict.kind, conflict.record_id)].append(conflict)

    def drop_conflict(self, conflict: Conflict) -> None:
        self._discard(conflict)
        self._conflicts[(conflict.kind, conflict.record_id)].remove(conflict)

    def refuse(self, change: Change, reason: str, now: datetime) -> None:
        """Remember that the hub refused a change (this content is not sent again)."""
        refusal = self.refusal(change.kind, change.id)
        if refusal is None:
            refusal = SyncRejection(kind=change.kind, record_id=change.id)
            self.s.add(refusal)
            self._refusals[(change.kind, change.id)] = refusal
        refusal.fingerprint, refusal.reason, refusal.at = fingerprint(change), reason, now

    def _discard(self, obj: SyncBase | Conflict) -> None:
        if inspect(obj).pending:  # added in this transaction, never flushed
            self.s.expunge(obj)
        else:
            self.s.delete(obj)
