"""One sync with the hub (DESIGN.md §4): push what changed here, pull what changed elsewhere, check, repair.

Qt-free; the caller passes the store's sessions, a backup function, a HubClient and a Progress (cancel).
Push goes first, in batches of the protocol's size; every answer is applied in its own transaction. Then pages
are pulled and each page is applied together with its cursor, so a dropped connection never skips or repeats a
page. Afterwards the per-kind digests of client and hub are compared; a mismatch backs up the store and
re-pulls those kinds from version 0, without asking anyone.
"""

from __future__ import annotations

import logging
import uuid
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor
from contextlib import AbstractContextManager
from dataclasses import dataclass, field
from datetime import UTC, datetime
from typing import Protocol

from sqlalchemy import and_, func, literal, or_, select, union_all
from sqlalchemy.orm import Session

from desktop.models import ENTITY_BY_KIND, SYNCED_ENTITIES, Synced
from desktop.models.catalog import record_contact
from desktop.models.ownership import is_prefecture_code
from desktop.models.progress import NO_PROGRESS, Progress
from desktop.models.sync_state import Conflict, ParkedRecord, SyncBase, SyncState
from desktop.sync import bookkeeping, merge
from desktop.sync.client import HubClient
from desktop.sync.errors import SyncError
from desktop.sync.protocol import (
    MAX_BODY_BYTES,
    MAX_PAGE_LIMIT,
    MAX_PUSH_CHANGES,
    Change,
    ChangesPage,
    Digest,
    PushRequest,
    Record,
    RestorePoint,
    record_digest,
)

log = logging.getLogger(__name__)


class Storage(Protocol):
    """The store, as the engine needs it: short sessions that commit at once."""

    def write(self) -> AbstractContextManager[Session]: ...

    def read(self) -> AbstractContextManager[Session]: ...

    def clock(self) -> datetime: ...


@dataclass
class SyncReport:
    """What one sync did, for the status bar, the 同期 page, the history and the CLI."""

    pushed: int = 0
    pulled: int = 0
    new_conflicts: int = 0
    open_conflicts: int = 0
    rejected: list[str] = field(default_factory=list)
    repaired: list[str] = field(default_factory=list)
    recovered: int = 0  # records sent again because a restore of the hub lost the version they are at
    retries: int = 0
    warning: str = ""

    @property
    def outcome(self) -> str:
        return "conflicts" if self.open_conflicts else "synced"


def ensure_state(s: Session) -> SyncState:
    """This PC's sync bookkeeping, made on first use with a new device id."""
    state = s.get(SyncState, 1)
    if state is None:
        state = SyncState(id=1, device_id=f"pc-{uuid.uuid4()}", cursor=0)
        s.add(state)
        s.flush()
    return state


def count_open_conflicts(s: Session) -> int:
    return s.scalar(select(func.count()).select_from(Conflict)) or 0


class SyncEngine:
    """Runs one sync; construct per run."""

    def __init__(
        self,
        storage: Storage,
        client: HubClient,
        owner_code: str,
        *,
        backup: Callable[[str], object] = lambda reason: None,
        progress: Progress = NO_PROGRESS,
        page_limit: int = MAX_PAGE_LIMIT,  # the biggest page: fewer round trips and commits
        batch_size: int = MAX_PUSH_CHANGES,
    ):
        self.storage = storage
        self.client = client
        self.owner_code = owner_code
        self.backup = backup
        self.progress = progress
        self.page_limit = page_limit
        self.batch_size = min(batch_size, MAX_PUSH_CHANGES)
        self.report = SyncReport(warning=client.warning)

    def run(self) -> SyncReport:
        status = self.client.status()
        if status.code != self.owner_code:
            raise SyncError(
                f"このトークンは団体コード {status.code} のものです。このデータの団体（{self.owner_code}）の"
                "トークンを入力してください。"
            )
        with self.storage.read() as s:
            state = s.get(SyncState, 1)
            first = state is None or state.first_synced_at is None
        if first:
            self.backup("before-sync")
        self.recover(status.restores)
        self.push()
        self.pull()
        self.check_and_repair()
        if first:
            with self.storage.write() as s:
                ensure_state(s).first_synced_at = self.storage.clock()
        with self.storage.read() as s:
            self.report.open_conflicts = count_open_conflicts(s)
        self.report.retries = self.client.retries
        return self.report

    # -- after a restore of the hub ------------------------------------------------------------------------
    def recover(self, restores: list[RestorePoint]) -> None:
        """Before anything else is pushed or pulled after the hub was restored from a backup, send back every
        record this PC holds at a version the restore lost, as it was at that version (merge.lost_copy,
        docs/SYNC.md); edits made here since then follow as ordinary changes in the push after this. Once this PC
        has pulled past the latest restore, that was done."""
        if not restores:
            return
        with self.storage.read() as s:
            cursor = ensure_state(s).cursor
        if cursor > max(p.resumed_at for p in restores):
            return
        copies: list[Change] = []
        with self.storage.write() as s:
            device = ensure_state(s).device_id
            for cls in SYNCED_ENTITIES:  # parents first
                lost = or_(*(and_(cls.version > p.lost_after, cls.version <= p.resumed_at) for p in restores))
                for row in s.scalars(select(cls).where(lost)):
                    copy = merge.lost_copy(s, row, self.owner_code)
                    if copy is not None:
                        copies.append(copy)
        if copies:
            log.warning(
                "the hub lost %d records' latest versions in a restore: sending them back", len(copies)
            )
            self._send(device, copies)
            self.report.recovered = len(copies)

    # -- push ----------------------------------------------------------------------------------------------
    def _pending(self) -> tuple[list[Change], set[str]]:
        """The changes to send, and the kinds that have dirty rows."""
        with self.storage.read() as s:
            changes = []
            # One query finds the kinds with anything to send (a sync with nothing to do stays cheap).
            probes = [
                select(literal(cls.kind)).where(cls.dirty.is_(True)).limit(1) for cls in SYNCED_ENTITIES
            ]
            dirty_kinds = set(s.scalars(union_all(*(p.subquery().select() for p in probes))))
            for cls in SYNCED_ENTITIES:  # parents first, so the hub sees a parent before its children
                if cls.kind not in dirty_kinds:
                    continue
                rows = list(s.scalars(select(cls).where(cls.dirty.is_(True))))
                book = bookkeeping.Bookkeeping(s).read((row.kind, row.id) for row in rows)
                for row in rows:
                    change = merge.change_for(s, row, self.owner_code, book)
                    if change is not None:
                        changes.append(change)
            return changes, dirty_kinds

    def _batches(self, changes: list[Change]) -> list[list[Change]]:
        batches: list[list[Change]] = []
        size = 0
        for change in changes:
            weight = len(change.model_dump_json()) + 1
            if not batches or len(batches[-1]) >= self.batch_size or size + weight > MAX_BODY_BYTES // 2:
                batches.append([])
                size = 0
            batches[-1].append(change)
            size += weight
        return batches

    def push(self) -> None:
        changes, dirty_kinds = self._pending()
        if not dirty_kinds:
            return  # nothing to send, nothing to write (a sync with nothing to do stays cheap)
        with self.storage.write() as s:
            device = ensure_state(s).device_id
            # Made and deleted here before the hub saw them: nothing will ever be sent.
            for cls in SYNCED_ENTITIES:
                if cls.kind not in dirty_kinds:
                    continue
                for row in s.scalars(
                    select(cls).where(cls.dirty.is_(True), cls.version == 0, cls.deleted.is_(True))
                ):
                    row.dirty = False
        self._send(device, changes)

    def _send(self, device: str, changes: list[Change]) -> None:
        """Push `changes` in batches; each answer is met in its own transaction."""
        done = 0
        for batch in self._batches(changes):
            self.progress.report(done, len(changes), "送信しています")
            request = PushRequest(device_id=device, batch_id=str(uuid.uuid4()), changes=batch)
            response = self.client.push(request)
            now = self.storage.clock()
            with self.storage.write() as s:
                # The batch's rows and bookkeeping, read at once (a few queries per batch, not per record):
                # rows edited again while the batch was on its way are read as they are now.
                known = merge.prefetch(s, [result.record for result in response.results if result.record])
                book = bookkeeping.Bookkeeping(s).read((sent.kind, sent.id) for sent in batch)
                for sent, result in zip(batch, response.results, strict=True):
                    if result.outcome == "rejected" or result.record is None:
                        book.refuse(sent, result.reason, now)
                        self.report.rejected.append(result.reason)
                        log.warning("hub refused %s %s: %s", sent.kind, sent.id, result.reason)
                        continue
                    outcome = merge.meet(
                        s,
                        result.record,
                        now,
                        sent=sent,
                        refused=frozenset(result.conflict_fields),
                        known=known,
                        book=book,
                    )
                    row = s.get(ENTITY_BY_KIND[sent.kind], sent.id)
                    if (
                        row is not None and row.dirty
                    ):  # nothing left to send if only another body's values differ
                        merge.settle(s, row, self.owner_code)
                    self.report.new_conflicts += len(outcome.conflicts)
                    self.report.pushed += 1
            done += len(batch)
        self.progress.report(done, len(changes), "送信しました")

    # -- pull ----------------------------------------------------------------------------------------------
    def pull(self, *, since: int | None = None, force: bool = False, seen: set[str] | None = None) -> None:
        """Pull pages from `since` (the cursor) to the hub's head, each applied with its cursor in one transaction.

        The next page is fetched while this one is applied (its `since` is known as soon as this page arrives),
        so the hub's work and this PC's overlap; pages are still applied strictly in order.
        """
        with self.storage.read() as s:
            cursor = ensure_state(s).cursor if since is None else since
        with ThreadPoolExecutor(max_workers=1, thread_name_prefix="sync-fetch") as fetcher:
            coming = fetcher.submit(self.client.changes, cursor, self.page_limit)
            while True:
                page = coming.result()
                if page.more:
                    coming = fetcher.submit(self.client.changes, max(page.next, cursor), self.page_limit)
                self._apply(page, cursor, force, seen)
                cursor = max(page.next, cursor)
                self.progress.report(cursor, max(page.head, 1), "受信しています")
                if not page.more:
                    return

    def _apply(self, page: ChangesPage, cursor: int, force: bool, seen: set[str] | None) -> None:
        """One pulled page and its cursor, in one transaction (none when the page moves nothing)."""
        if not page.changes and page.next == cursor:
            return
        now = self.storage.clock()
        with self.storage.write() as s:
            with s.no_autoflush:  # one flush per page, not one per record
                outcomes = merge.meet_many(s, page.changes, now, force=force)
                self.report.new_conflicts += sum(len(o.conflicts) for o in outcomes)
                self._note_contacts(s, page.changes, now)
            merge.unpark(s, now)
            ensure_state(s).cursor = max(page.next, cursor)
        if seen is not None:
            seen.update(record.id for record in page.changes)
        self.report.pulled += len(page.changes)

    def _note_contacts(self, s: Session, records: list[Record], now: datetime) -> None:
        """At a prefecture, the 市町村一覧 shows when each town's data last arrived (by the hub's write time)."""
        latest: dict[str, datetime] = {}
        for record in records:
            code = record.owner_code
            if code == self.owner_code or is_prefecture_code(code):
                continue
            at = _hub_time(record.updated_at) or now
            latest[code] = max(latest.get(code, at), at)
        for code, at in latest.items():
            record_contact(s, code, "sync", at)

    # -- sanity check ----------------------------------------------------------------------------------------
    def local_digests(self) -> dict[str, LocalKind]:
        """Per kind: the (id, version) pairs of every record this PC has from the hub, with count and digest."""
        out: dict[str, LocalKind] = {}
        with self.storage.read() as s:
            parked = _parked_pairs(s)
            conn = s.connection()
            driver = conn.connection.driver_connection  # plain tuples: 50,000 rows are sorted and joined
            for cls in SYNCED_ENTITIES:
                table = conn.dialect.identifier_preparer.quote(cls.__table__.name)  # type: ignore[attr-defined]
                # In id order: record_digest then has nothing to merge.
                sql = f"SELECT id, version FROM {table} WHERE version > 0 ORDER BY id"  # noqa: S608
                pairs = [*driver.execute(sql).fetchall(), *parked.get(cls.kind, [])]
                out[cls.kind] = LocalKind.of(pairs)
        return out

    def local_totals(self) -> dict[str, tuple[int, int]]:
        """Per kind: how many records this PC has from the hub and the sum of their versions (one aggregate per
        table, no digest): what the tables hold, cheaply enough for every sync with nothing to do."""
        out: dict[str, tuple[int, int]] = {}
        with self.storage.read() as s:
            parked = _parked_pairs(s)
            conn = s.connection()
            for cls in SYNCED_ENTITIES:
                table = conn.dialect.identifier_preparer.quote(cls.__table__.name)  # type: ignore[attr-defined]
                count, total = conn.exec_driver_sql(
                    f"SELECT count(*), coalesce(sum(version), 0) FROM {table} WHERE version > 0"  # noqa: S608
                ).one()
                waiting = parked.get(cls.kind, [])
                out[cls.kind] = (count + len(waiting), total + sum(v for _, v in waiting))
        return out

    def check_and_repair(self) -> None:
        """Compare per-kind digests with the hub after every sync; repair the kinds that differ.

        The hub answers as of this PC's cursor: records that changed after it (another town pushed meanwhile) are
        listed and left out on both sides, so the check is conclusive however busy the hub is. When neither side
        moved since a check that agreed (same cursor, same newest hub version, nothing pushed or pulled), only
        each table's count and sum of versions are compared with the hub's (a row lost here, deleted by a tool or
        by restoring an older local backup, changes them); the digests are not recomputed, so a sync with nothing
        to do stays cheap. A hub restored from an older backup (its newest version below the cursor) never
        agrees, so its loss is found and sent again.
        """
        moved = bool(self.report.pushed or self.report.pulled)
        with self.storage.read() as s:
            state = ensure_state(s)
            cursor, checked = state.cursor, state.checked_head
        with ThreadPoolExecutor(max_workers=1, thread_name_prefix="sync-digest") as asker:
            coming = asker.submit(self.client.digest, cursor)
            local = self.local_digests() if moved else None  # while the hub computes its own
            digest = coming.result()
        if digest.head == cursor == checked and not moved and self._same_totals(digest):
            return
        wrong = self._differing(digest, local if local is not None else self.local_digests())
        if not wrong:
            self._checked(cursor)
            return
        self._repair(wrong)

    def _same_totals(self, digest: Digest) -> bool:
        hub = {kind: (d.count, d.version_sum) for kind, d in digest.kinds.items()}
        return all(hub.get(kind, (0, 0)) == totals for kind, totals in self.local_totals().items())

    @staticmethod
    def _differing(digest: Digest, local: dict[str, LocalKind]) -> list[str]:
        """The kinds whose count or digest differs between this PC and the hub (as of the hub's `at`)."""
        wrong = []
        for kind, mine in local.items():
            hub = digest.kinds.get(kind)
            if hub is not None and hub.after:
                mine = mine.without(frozenset(hub.after))
            if (hub is None and mine.count) or (hub is not None and (hub.count, hub.digest) != mine.key):
                wrong.append(kind)
        return wrong

    def _repair(self, wrong: list[str]) -> None:
        """Back up, pull everything again, and send again what the hub lacks or holds only in an older version."""
        log.warning("sync digest mismatch in %s: repairing", ", ".join(wrong))
        self.backup("before-repair")
        seen: set[str] = set()
        self.pull(since=0, force=True, seen=seen)
        with self.storage.write() as s:
            for kind in wrong:
                cls = next(c for c in SYNCED_ENTITIES if c.kind == kind)
                self._forget_unknown(s, cls, seen)
        self.report.repaired = wrong
        # What the hub lost goes back now, not at the next sync; then the hub's new versions come back here.
        self.push()
        self.pull()

    def _checked(self, head: int) -> None:
        with self.storage.write() as s:
            ensure_state(s).checked_head = head

    @staticmethod
    def _forget_unknown(s: Session, cls: type[Synced], seen: set[str]) -> None:
        """Rows claiming a hub version the hub does not have become new again, so they are pushed whole
        (against the kind's defaults: their old base copy is of a version the hub no longer has)."""
        for row in s.scalars(select(cls).where(cls.version > 0)):
            if row.id not in seen:
                row.version = 0
                row.dirty = True
                stale = s.get(SyncBase, (row.kind, row.id))
                if stale is not None:
                    s.delete(stale)


def _parked_pairs(s: Session) -> dict[str, list[tuple[str, int]]]:
    """Records pulled but parked until their parent comes: this PC has them from the hub too."""
    parked: dict[str, list[tuple[str, int]]] = {}
    for p in s.scalars(select(ParkedRecord)):
        parked.setdefault(p.kind, []).append((p.record_id, int(p.record["version"])))
    return parked


@dataclass(frozen=True)
class LocalKind:
    """One kind's (id, version) pairs on this PC, with their count and digest."""

    pairs: list[tuple[str, int]]
    count: int
    digest: str

    @classmethod
    def of(cls, pairs: list[tuple[str, int]]) -> LocalKind:
        return cls(pairs, len(pairs), record_digest(pairs))

    @property
    def key(self) -> tuple[int, str]:
        return self.count, self.digest

    def without(self, ids: frozenset[str]) -> LocalKind:
        """The same kind, leaving out records the hub changed after the version it compares at."""
        return LocalKind.of([pair for pair in self.pairs if pair[0] not in ids])


def _hub_time(text: str) -> datetime | None:
    """The hub's ISO 8601 write time of a record, timezone-aware; None when it cannot be read."""
    try:
        at = datetime.fromisoformat(text)
    except ValueError:
        return None
    return at if at.tzinfo is not None else at.replace(tzinfo=UTC)
