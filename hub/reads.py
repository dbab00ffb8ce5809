"""What a token reads: GET /v1/status, /v1/changes and /v1/digest (ownership.may_read, as SQL)."""

from __future__ import annotations

from sqlalchemy import Engine, and_, or_, select

from desktop.models.ownership import CATALOG_KINDS, is_prefecture_code, may_read, prefecture_of
from desktop.sync.protocol import PROTOCOL_VERSION, ChangesPage, Digest, HubStatus, KindDigest, record_digest
from hub import __version__
from hub.push import row_to_stored, to_wire
from hub.schema import counter, record
from hub.tokens import Caller


def readable(code: str):
    """SQL condition for the records a token scoped to `code` may read (the same rule as may_read)."""
    if is_prefecture_code(code):
        return record.c.prefecture_code == code
    return or_(
        and_(record.c.owner_code == code, record.c.kind.not_in(CATALOG_KINDS)),
        and_(record.c.owner_code == prefecture_of(code), record.c.kind.in_(CATALOG_KINDS)),
    )


def _snapshot(engine: Engine):
    """A connection whose reads form one consistent snapshot (the head and the records agree)."""
    conn = engine.connect()
    if engine.dialect.name == "postgresql":
        conn = conn.execution_options(isolation_level="REPEATABLE READ")
    return conn


def _head(conn) -> int:
    return conn.execute(select(counter.c.value).where(counter.c.id == 1)).scalar_one()


def status(engine: Engine, caller: Caller) -> HubStatus:
    with engine.connect() as conn:
        head = _head(conn)
    return HubStatus(
        protocol=PROTOCOL_VERSION, hub_version=__version__, code=caller.code, name=caller.name,
        scope=caller.scope, head=head,
    )  # fmt: skip


def changes(engine: Engine, caller: Caller, since: int, limit: int) -> ChangesPage:
    with _snapshot(engine) as conn, conn.begin():
        head = _head(conn)
        rows = conn.execute(
            select(record)
            .where(readable(caller.code), record.c.version > since)
            .order_by(record.c.version)
            .limit(limit + 1)
        ).all()
    more = len(rows) > limit
    rows = rows[:limit]
    page = [to_wire(row_to_stored(r)) for r in rows if may_read(caller.code, r.owner_code, r.kind)]
    return ChangesPage(changes=page, next=rows[-1].version if rows else since, more=more, head=head)


def digest(engine: Engine, caller: Caller) -> Digest:
    with _snapshot(engine) as conn, conn.begin():
        head = _head(conn)
        rows = conn.execute(
            select(record.c.kind, record.c.id, record.c.version, record.c.owner_code).where(
                readable(caller.code)
            )
        ).all()
    pairs: dict[str, list[tuple[str, int]]] = {}
    for kind, rid, version, owner in rows:
        if may_read(caller.code, owner, kind):
            pairs.setdefault(kind, []).append((rid, version))
    kinds = {kind: KindDigest(count=len(p), digest=record_digest(p)) for kind, p in sorted(pairs.items())}
    return Digest(head=head, kinds=kinds)
