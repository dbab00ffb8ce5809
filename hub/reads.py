"""What a token reads: GET /v1/status, /v1/changes and /v1/digest (ownership.may_read, as SQL)."""

from __future__ import annotations

import json

from sqlalchemy import Engine, Text, and_, cast, or_, select, union_all

from desktop.models.ownership import CATALOG_KINDS, is_prefecture_code, may_read, prefecture_of
from desktop.sync.protocol import PROTOCOL_VERSION, Digest, HubStatus, KindDigest, record_digest
from hub import __version__
from hub.push import utc
from hub.restores import restore_points
from hub.schema import counter, record
from hub.tokens import Caller


def _readable_parts(code: str) -> list:
    """The SQL conditions whose union is what a token scoped to `code` may read (the same rule as may_read).

    Each part is served by one index in version order, so a page is read one part at a time (an OR of them
    would make the database collect and sort every record above the cursor for each page)."""
    if is_prefecture_code(code):
        return [record.c.prefecture_code == code]
    return [
        and_(record.c.owner_code == code, record.c.kind.not_in(CATALOG_KINDS)),
        and_(record.c.owner_code == prefecture_of(code), record.c.kind.in_(CATALOG_KINDS)),
    ]


def readable(code: str):
    """SQL condition for the records a token scoped to `code` may read (the same rule as may_read)."""
    return or_(*_readable_parts(code))


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
        restores = restore_points(conn)
    return HubStatus(
        protocol=PROTOCOL_VERSION, hub_version=__version__, code=caller.code, name=caller.name,
        scope=caller.scope, head=head, restores=restores,
    )  # fmt: skip


# What a page holds of a record: the stored fields travel as the JSON text they are kept as, never decoded.
_PAGE_COLUMNS = (
    record.c.kind, record.c.id, record.c.owner_code, record.c.version, record.c.deleted,
    record.c.updated_at, record.c.updated_by, cast(record.c.fields, Text).label("fields"),
)  # fmt: skip


def changes(engine: Engine, caller: Caller, since: int, limit: int) -> bytes:
    """One page of GET /v1/changes as its JSON body (a ChangesPage), written straight from the stored rows."""
    parts = [
        select(*_PAGE_COLUMNS)
        .where(part, record.c.version > since)
        .order_by(record.c.version)
        .limit(limit + 1)
        for part in _readable_parts(caller.code)
    ]
    union = union_all(*(p.subquery().select() for p in parts)).subquery()
    with _snapshot(engine) as conn, conn.begin():
        head = _head(conn)
        rows = conn.execute(select(union).order_by(union.c.version).limit(limit + 1)).all()
    more = len(rows) > limit
    rows = rows[:limit]
    body = []
    stamp_of, stamp = None, ""
    for kind, rid, owner, version, deleted, at, by, fields in rows:
        if not may_read(caller.code, owner, kind):
            continue
        if at != stamp_of:  # the records of one push share their write time
            stamp_of, stamp = at, json.dumps(utc(at).isoformat())
        # kind, id and owner_code matched their patterns (letters, digits, _ and -) when they were pushed.
        body.append(
            f'{{"kind":"{kind}","id":"{rid}","owner_code":"{owner}","version":{int(version)},'
            f'"deleted":{"true" if deleted else "false"},"updated_at":{stamp},"updated_by":{json.dumps(by)},'
            f'"fields":{fields}}}'
        )
    last = rows[-1].version if rows else since
    return (
        f'{{"changes":[{",".join(body)}],"next":{int(last)},"more":{"true" if more else "false"},'
        f'"head":{int(head)}}}'
    ).encode()


DIGESTS_KEPT = 1000  # token scopes whose last digest a DigestCache keeps


class DigestCache(dict):
    """The last digest of each token scope (one per app, so per worker process and per database), with the
    newest version it covers. Versions only grow (after a restore, `after-restore` moves the counter past every
    lost one), so while the newest readable version is the same, so are the records: a sync with nothing to do
    gets its digest without reading every record."""

    def keep(self, code: str, answer: Digest) -> None:
        if code not in self and len(self) >= DIGESTS_KEPT:
            self.pop(next(iter(self)))
        self[code] = answer


def _readable_head(conn, code: str) -> int:
    """The newest version among the records a token scoped to `code` reads (an index's last entry per part)."""
    newest = (
        select(record.c.version).where(part).order_by(record.c.version.desc()).limit(1)
        for part in _readable_parts(code)
    )
    return max((conn.execute(q).scalar() or 0 for q in newest), default=0)


def digest(engine: Engine, caller: Caller, kept: DigestCache | None = None, at: int | None = None) -> Digest:
    """Per kind, count and digest of (id, version) of what `caller` reads as of version `at` (default: all);
    `head` is the newest such version. A record changed after `at` has lost the version it had then, so it is
    listed in its kind's `after` instead of counted: a PC that pulled up to `at` compares everything else, even
    while other towns keep pushing."""
    with _snapshot(engine) as conn, conn.begin():
        head = _readable_head(conn, caller.code)
        whole = at is None or at >= head  # nothing changed after `at`: the digest of everything
        known = kept.get(caller.code) if kept is not None else None
        if whole and known is not None and known.head == head:
            return known
        rows = conn.execute(
            select(record.c.kind, record.c.id, record.c.version, record.c.owner_code)
            .where(readable(caller.code))
            .order_by(record.c.id)  # record_digest then merges nothing
        ).all()
    pairs: dict[str, list[tuple[str, int]]] = {}
    after: dict[str, list[str]] = {}
    for kind, rid, version, owner in rows:
        if not may_read(caller.code, owner, kind):
            continue
        if not whole and version > at:
            after.setdefault(kind, []).append(rid)
        else:
            pairs.setdefault(kind, []).append((rid, version))
    kinds = {
        kind: KindDigest(
            count=len(pairs.get(kind, [])),
            digest=record_digest(pairs.get(kind, [])),
            version_sum=sum(v for _, v in pairs.get(kind, [])),
            after=sorted(after.get(kind, [])),
        )
        for kind in sorted(pairs.keys() | after.keys())
    }
    answer = Digest(head=head, kinds=kinds)
    if whole and kept is not None:
        kept.keep(caller.code, answer)
    return answer
