"""POST /v1/push: one transaction per batch under the version-counter lock; answers stored for good."""

from __future__ import annotations

import logging
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import UTC, datetime

from sqlalchemy import Engine, insert, select, update

from desktop.models import ENTITY_BY_KIND
from desktop.models.ownership import prefecture_of
from desktop.sync.protocol import Change, PushRequest, PushResponse, PushResult, Record
from desktop.sync.wire import default_fields
from hub import db
from hub.merge import Stored, merge
from hub.restores import restore_points
from hub.schema import audit, counter, record
from hub.schema import batch as hub_batch
from hub.tokens import Caller
from hub.validation import Rejected, check_ownership, clean_fields

log = logging.getLogger("dxnavi.hub")
LOAD_CHUNK = 1000


def to_wire(stored: Stored) -> Record:
    return Record(
        kind=stored.kind, id=stored.id, owner_code=stored.owner_code, version=stored.version,
        deleted=stored.deleted, updated_at=stored.updated_at.isoformat(), updated_by=stored.updated_by,
        fields=stored.fields,
    )  # fmt: skip


def utc(at: datetime) -> datetime:
    return at if at.tzinfo else at.replace(tzinfo=UTC)  # SQLite keeps no zone; the hub writes UTC only


def row_to_stored(row) -> Stored:
    return Stored(
        kind=row.kind, id=row.id, owner_code=row.owner_code, version=row.version, deleted=row.deleted,
        deleted_version=row.deleted_version, fields=dict(row.fields), field_versions=dict(row.field_versions),
        updated_at=utc(row.updated_at), updated_by=row.updated_by, restored=row.restored,
    )  # fmt: skip


def stored_answer(conn, code: str, device_id: str, batch_id: str) -> PushResponse | None:
    """The answer kept for a batch that was applied before, if any."""
    row = conn.execute(
        select(hub_batch.c.response).where(
            hub_batch.c.code == code, hub_batch.c.device_id == device_id, hub_batch.c.batch_id == batch_id
        )
    ).first()
    return PushResponse.model_validate(row.response) if row else None


def _load(conn, changes: Sequence[Change]) -> dict[tuple[str, str], Stored]:
    keys = {(c.kind, c.id) for c in changes}
    if not keys:
        return {}
    ids = sorted({i for _, i in keys})
    out: dict[tuple[str, str], Stored] = {}
    for start in range(0, len(ids), LOAD_CHUNK):  # a package may hold far more than a push
        rows = conn.execute(select(record).where(record.c.id.in_(ids[start : start + LOAD_CHUNK]))).all()
        out.update(((r.kind, r.id), row_to_stored(r)) for r in rows if (r.kind, r.id) in keys)
    return out


def _store(conn, written: dict[tuple[str, str], tuple[Stored, bool]]) -> None:
    """Write the batch's new versions: one executemany for new records, one for changed ones."""
    rows = []
    for (kind, rid), (rec, existed) in written.items():
        values = dict(
            owner_code=rec.owner_code, prefecture_code=prefecture_of(rec.owner_code), version=rec.version,
            deleted=rec.deleted, deleted_version=rec.deleted_version, fields=rec.fields,
            field_versions=rec.field_versions, updated_at=rec.updated_at, updated_by=rec.updated_by,
            restored=rec.restored,
        )  # fmt: skip
        rows.append((kind, rid, values, existed))
    db.write_by_kind_and_id(conn, record, rows)


@dataclass
class Batch:
    """What merging a batch of changes did, inside the caller's transaction (nothing stored yet)."""

    results: list[PushResult]
    written: dict[tuple[str, str], tuple[Stored, bool]]
    head: int

    def count(self, outcome: str) -> int:
        return sum(1 for r in self.results if r.outcome == outcome)


def merge_batch(conn, caller: Caller, changes: Sequence[Change], head: int, now: datetime) -> Batch:
    """Check ownership and values of every change and merge it into the hub's copy (the counter is locked)."""
    current = _load(conn, changes)
    in_database = set(current)
    restores = restore_points(conn)
    results: list[PushResult] = []
    written: dict[tuple[str, str], tuple[Stored, bool]] = {}
    for change in changes:
        key = (change.kind, change.id)
        stored = current.get(key)
        try:
            check_ownership(caller.code, change, stored.owner_code if stored else None)
            fields = clean_fields(change, stored.fields if stored else None)
        except Rejected as exc:
            results.append(PushResult(kind=change.kind, id=change.id, outcome="rejected", reason=str(exc)))
            continue
        defaults = default_fields(ENTITY_BY_KIND[change.kind]) if restores else None
        merged = merge(stored, change, fields, head + 1, now, restores, defaults)
        if merged.written:
            head += 1
            written[key] = (merged.record, key in in_database)
            current[key] = merged.record
        results.append(
            PushResult(
                kind=change.kind, id=change.id, outcome=merged.outcome, version=merged.record.version,
                record=to_wire(merged.record), conflict_fields=merged.conflict_fields,
            )
        )  # fmt: skip
    return Batch(results, written, head)


def store_batch(
    conn,
    caller: Caller,
    device_id: str,
    batch_id: str,
    batch: Batch,
    now: datetime,
    *,
    action: str = "push",
    detail: str = "",
) -> PushResponse:
    """Write the merged records, the counter, the answer kept for replays and the audit entry."""  # fmt: skip
    _store(conn, batch.written)
    conn.execute(update(counter).where(counter.c.id == 1).values(value=batch.head))
    response = PushResponse(batch_id=batch_id, results=batch.results)
    conn.execute(
        insert(hub_batch).values(
            code=caller.code, device_id=device_id, batch_id=batch_id,
            response=response.model_dump(mode="json"), created_at=now,
        )
    )  # fmt: skip
    if batch.written:
        outcomes = {(r.kind, r.id): r.outcome for r in batch.results}
        conn.execute(
            insert(audit).values(
                at=now, code=caller.code, token_id=caller.token_id, device_id=device_id, batch_id=batch_id,
                action=action, detail=detail,
                records=[[k, i, rec.version, outcomes[(k, i)]] for (k, i), (rec, _) in batch.written.items()],
            )
        )  # fmt: skip
    return response


def push(engine: Engine, caller: Caller, req: PushRequest, now: datetime) -> PushResponse:
    """Apply a batch for `caller`, or return the answer stored when the same batch came before."""
    with engine.connect() as conn:
        with conn.begin():
            answer = stored_answer(conn, caller.code, req.device_id, req.batch_id)
        if answer is not None:
            log.info("push replay code=%s device=%s batch=%s", caller.code, req.device_id, req.batch_id)
            return answer
        conn = conn.execution_options(**db.WRITE)
        with conn.begin():
            head = db.lock_counter(conn)
            # the same batch may have committed while we waited
            answer = stored_answer(conn, caller.code, req.device_id, req.batch_id)
            if answer is not None:
                return answer
            batch = merge_batch(conn, caller, req.changes, head, now)
            response = store_batch(conn, caller, req.device_id, req.batch_id, batch, now)
    counts: dict[str, int] = {}
    for r in batch.results:
        counts[r.outcome] = counts.get(r.outcome, 0) + 1
    log.info(
        "push code=%s token=%s device=%s batch=%s written=%d %s",
        caller.code, caller.token_id, req.device_id, req.batch_id, len(batch.written), counts,
    )  # fmt: skip
    return response
