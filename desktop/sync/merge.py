"""The client side of the three-way merge (DESIGN.md §4): what to push, and how another side's copy meets a row.

One rule serves pulled records, push answers and the records of an imported package (DESIGN.md §5) alike.
For each field, with L the local value, B the base (the last shared copy, or the kind's defaults for a record
never shared) and R the other side's value:
L == B → take R (only the other side changed it); R == B → keep L (only this PC changed it); L == R → nothing;
otherwise the field is a Conflict, kept for a person to resolve, and L stays on screen. A delete on one side
against an edit on the other is a conflict on the field ``deleted``. Nothing here opens a transaction: the
caller's session is the transaction (a pulled page and its cursor, one push answer, or a whole package).

The base of a record is the last copy this PC shared with another side: the hub's copy, or, for a record the
hub has never given this PC (version 0), the copy a package brought. A record the hub has never had is still
pushed whole.

A package's copy is never the base of the hub's next copy. Once this PC holds a hub copy of a record (version >
0), only the hub moves its version and its base: a package's values are taken like an edit made here, against
the hub's copy, which is kept in SyncBase (and the row keeps the hub's version). So when the prefecture answers
a need by a catalog package only, the hub's next copy of the need (say the town's other PC edited its purpose)
meets the answer as this PC's value against a base without it: the purpose is taken, the answer stays, and a
hub copy that really changed the answer too is a Conflict, never a silent loss. Nor does a package's version
stand for a hub copy this PC has not seen: a record a package brought here holds the hub version its sender's
copy stood on (what an edit made here is sent against), but it is not the hub's copy of that version (it lacks
another body's values, and may hold edits the sender had not sent yet). So the hub's copy at that very version
is still met, not skipped as older, for every row a package set (it has a PackageOrigin). Values another body owns (a need's response at a town) cannot be
pushed from here: such a row is not dirty (nothing to send) but keeps its base until the hub's copy agrees;
nor can an edit made here stand against such a value, so a newer package's value of it is taken, never a
Conflict, even where an earlier package set it and this PC edited other fields beside it.
"""

from __future__ import annotations

from collections.abc import Container, Sequence
from dataclasses import dataclass, field
from datetime import datetime
from functools import cache
from operator import itemgetter
from typing import Any, Literal

from sqlalchemy import Dialect, select
from sqlalchemy.orm import Session

from desktop.models import ENTITY_BY_KIND, SYNCED_ENTITIES, PackageOrigin, Synced
from desktop.models.ownership import may_write
from desktop.models.rules import required_fields
from desktop.models.sync_state import DELETED, Conflict, ParkedRecord
from desktop.sync.bookkeeping import Bookkeeping, fingerprint
from desktop.sync.protocol import Change, Record
from desktop.sync.wire import default_fields, field_names, from_wire, parse_time, parsers, row_fields

_MISSING = object()
_CHUNK = 900  # ids per IN (…) query


@dataclass(frozen=True)
class Base:
    """The common ancestor of a local row and the hub's copy."""

    version: int
    deleted: bool
    fields: dict[str, Any]


@dataclass(frozen=True)
class Copy:
    """Another side's copy of one record, as :func:`meet` takes it: a hub Record, or one change of a package.

    A `whole` copy tells every field (a field the hub never got is at its kind's default); a package's change
    tells only its sender's own fields, and the others are left as they are here.
    """

    kind: str
    id: str
    owner_code: str
    version: int
    deleted: bool
    updated_at: str  # ISO 8601, the other side's clock: for display only, never for ordering
    updated_by: str
    fields: dict[str, Any]  # wire values
    whole: bool = True

    @classmethod
    def of(cls, record: Record) -> Copy:
        return cls(
            kind=record.kind,
            id=record.id,
            owner_code=record.owner_code,
            version=record.version,
            deleted=record.deleted,
            updated_at=record.updated_at,
            updated_by=record.updated_by,
            fields=record.fields,
        )


# What meeting a copy did: added, parked (its parent is not here yet), older (this PC has a newer state),
# unchanged, changed, conflict (some fields wait for a person; the others were taken), or absent (a package's
# copy of a record this PC does not have, telling too little to make it: the prefecture's answer to a need that
# has not reached this PC; left out).
Result = Literal["added", "parked", "older", "unchanged", "changed", "conflict", "absent"]


@dataclass
class Outcome:
    """What meeting one copy did to the local store."""

    result: Result = "unchanged"
    conflicts: list[str] = field(default_factory=list)  # fields newly in conflict
    renewed: list[str] = field(default_factory=list)  # fields of open conflicts whose incoming value changed

    @property
    def changed(self) -> bool:
        """The local row was written."""
        return self.result in ("added", "changed", "conflict")

    @property
    def parked(self) -> bool:
        return self.result == "parked"


def keep_base(s: Session, row: Synced) -> None:
    """Before the first local edit of a clean row shared with another side (synced, or brought by a package):
    remember the shared copy (the merge base)."""
    book = Bookkeeping(s)
    if row.dirty or book.base(row.kind, row.id) is not None:
        return
    if row.version > 0 or s.get(PackageOrigin, (row.kind, row.id)) is not None:
        stored = book.keep_base(row.kind, row.id)
        stored.version, stored.deleted, stored.fields = row.version, row.deleted, row_fields(row)


def base_of(s: Session, row: Synced, book: Bookkeeping | None = None) -> Base:
    """The merge base of a local row: its stored base copy, else (a row as it was shared) the row itself."""
    book = book if book is not None else Bookkeeping(s)
    stored = book.base(row.kind, row.id) if row.dirty or row.version > 0 else None
    if stored is not None:
        return Base(stored.version, stored.deleted, dict(stored.fields))
    if row.dirty and row.version == 0:
        return Base(0, False, default_fields(type(row)))
    return Base(row.version, row.deleted, row_fields(row))


def change_of(row: Synced, fields: dict[str, Any], *, deleted: bool | None = None) -> Change:
    """A change of `row` with `fields` (wire values), against the version the row is at; deleted as the row is,
    unless told."""
    return Change(
        kind=row.kind,
        id=row.id,
        owner_code=row.owner_code,
        base_version=row.version,
        deleted=row.deleted if deleted is None else deleted,
        updated_by=(row.updated_by or "")[:100],
        fields=fields,
    )


def change_for(s: Session, row: Synced, scope_code: str, book: Bookkeeping | None = None) -> Change | None:
    """What this PC has to say about a dirty row: only the fields it changed since the base, or None.

    A record the hub has never had is told whole (all that differs from its kind's defaults), whatever copy a
    package brought. `book` holds the bookkeeping of many rows read at once (:meth:`Bookkeeping.read`).
    """
    if row.version == 0 and row.deleted:
        return None  # made and deleted here before the hub ever saw it
    book = book if book is not None else Bookkeeping(s)
    blocked = {c.field for c in book.conflicts(row.kind, row.id)}
    if DELETED in blocked:
        return None  # the whole record waits for a person
    base = base_of(s, row, book) if row.version > 0 else Base(0, False, default_fields(type(row)))
    fields = {
        key: value
        for key, value in row_fields(row).items()
        if key not in blocked
        and base.fields.get(key, _MISSING) != value
        and may_write(scope_code, row.owner_code, row.kind, key)
    }
    if not fields and row.deleted == base.deleted and row.version > 0:
        return None
    change = change_of(row, fields)
    refused = book.refusal(row.kind, row.id)
    if refused is not None and refused.fingerprint == fingerprint(change):
        return None
    return change


def settle(
    s: Session, row: Synced, scope_code: str | None = None, *, book: Bookkeeping | None = None
) -> None:
    """Clear dirty and forget the base when a row equals its base again (and nothing waits for a person).

    With `scope_code` (this PC's 団体コード), a row that differs from its base only in fields this PC may not
    write (values another body's package brought, which the hub has not had yet) has nothing to send: it is no
    longer dirty, and keeps its base.
    """
    book = book if book is not None else Bookkeeping(s)
    stored = book.base(row.kind, row.id) if row.dirty or row.version > 0 else None
    if (not row.dirty and stored is None) or row.version == 0 or book.conflicts(row.kind, row.id):
        return
    base = base_of(s, row, book)
    differing = [k for k, v in row_fields(row).items() if base.fields.get(k, _MISSING) != v]
    if row.deleted != base.deleted:
        return
    if not differing:
        row.dirty = False
        book.drop_base(row.kind, row.id)
    elif scope_code is not None and not any(
        may_write(scope_code, row.owner_code, row.kind, k) for k in differing
    ):
        row.dirty = False


@cache
def _references(cls: type[Synced]) -> tuple[tuple[str, type[Synced]], ...]:
    """A kind's foreign keys: (column, the parent kind) pairs."""
    return tuple(
        (col.key, ENTITY_BY_KIND[fk.column.table.name])
        for col in cls.__table__.columns  # type: ignore[attr-defined]
        for fk in col.foreign_keys
    )


def _parents_present(s: Session, cls: type[Synced], values: dict[str, Any], known: Container[str]) -> bool:
    for key, parent in _references(cls):
        ref = values.get(key)
        if ref and ref not in known and s.get(parent, ref) is None:
            return False
    return True


def meet(
    s: Session,
    record: Record | Copy,
    now: datetime,
    *,
    sent: Change | None = None,
    refused: frozenset[str] = frozenset(),
    force: bool = False,
    known: dict[str, Synced] | None = None,
    newer_here: bool | None = None,
    book: Bookkeeping | None = None,
    scope_code: str | None = None,
    set_by_package: bool | None = None,
) -> Outcome:
    """Bring another side's copy of one record into the local store, by the three-way rule.

    `sent` is the change this PC pushed for it (a push answer) and `refused` the hub's conflict fields: the
    fields the hub took count as base, so an edit made while the push was under way is kept as this PC's
    change, not mistaken for a conflict, and the refused ones become conflicts.
    Whether this PC already has a newer state is told by `newer_here` (a package: its sender's sequence), else
    by the hub's versions: `force` re-applies a hub copy of the version the local row claims (repair); a hub copy
    older than the local row (the hub was restored from an older backup and lost the newer write) is not
    applied: see :func:`_send_again`.
    `known` holds the local rows of a whole page or package, read at once (a record not in it has no local row);
    a record added here joins it, so its children later in the same batch find it. `book` holds the
    bookkeeping of a whole batch (push answers), read at once. `scope_code` is this PC's 団体コード: a field of a
    package's copy that this PC may not write was never edited here, so the newer package's value is taken, never
    a conflict (without it, such fields merge like any other). `set_by_package` tells whether a package set the
    row (asked when needed if None): its version may be a package's, so the hub's copy at that version is met.
    A hub record whose parent is not here yet is parked until the parent comes; a package's is not (it says
    so in the outcome, and the package is refused).
    """
    copy = record if isinstance(record, Copy) else Copy.of(record)
    cls = ENTITY_BY_KIND.get(copy.kind)
    if cls is None:
        return Outcome()  # a kind this version does not keep (yet)
    remote = {**default_fields(cls), **copy.fields} if copy.whole else dict(copy.fields)
    values = from_wire(cls, remote)
    row = known.get(copy.id) if known is not None else s.get(cls, copy.id)
    if row is None:
        if not copy.whole and not required_fields(cls) <= values.keys():
            return Outcome("absent")  # only another body's fields of a record not here: nothing to attach them to
        if not _parents_present(s, cls, values, known or {}):
            if isinstance(record, Record):
                s.merge(ParkedRecord(kind=record.kind, record_id=record.id, record=record.model_dump()))
            return Outcome("parked")
        row = cls(id=copy.id, owner_code=copy.owner_code, **values)
        _stamp(row, copy)
        row.dirty = False
        s.add(row)
        if known is not None:
            known[row.id] = row
        return Outcome("added")
    book = book if book is not None else Bookkeeping(s)
    if newer_here is None:  # a hub copy: ordered by the hub's versions
        if row.version > copy.version and (force or sent is not None):
            return _send_again(book, row, copy, remote)  # a repair's pull, or the hub's answer to a push
        if row.version > copy.version and not force:
            return Outcome("older")
        if row.version == copy.version and not force:
            if set_by_package is None:
                set_by_package = s.get(PackageOrigin, (row.kind, row.id)) is not None
            if not set_by_package:
                return Outcome("older")
    elif newer_here:
        return Outcome("older")
    elif row.version > 0:
        return _over_hub_copy(book, row, copy, remote, values, now, scope_code)
    if not row.dirty and (row.version == 0 or book.base(row.kind, row.id) is None):
        changed = _take(row, values) | (row.deleted != copy.deleted)
        _stamp(row, copy)
        return Outcome("changed" if changed else "unchanged")
    return _three_way(s, row, copy, remote, values, sent, refused, now, book=book, scope_code=scope_code)


def _take(row: Synced, values: dict[str, Any]) -> bool:
    """Set the given column values; whether any differed."""
    changed = False
    for key, value in values.items():
        if getattr(row, key) != value:
            setattr(row, key, value)
            changed = True
    return changed


def lost_copy(s: Session, row: Synced, scope_code: str) -> Change | None:
    """The hub was restored from a backup and lost the version this row is at (docs/SYNC.md): the change that
    sends back the record as this PC had it at that version (its base copy; the whole of what this PC may write),
    with that version as its base. The hub merges it against the backup's copy. The row is marked changed with
    that base, so the hub's answer meets it three-way: a field the hub refuses is a conflict, and an edit made
    here since is kept and goes to the hub next as an ordinary change. None when nothing here is this PC's."""
    keep_base(s, row)
    base = base_of(s, row)
    fields = {
        key: value
        for key, value in base.fields.items()
        if may_write(scope_code, row.owner_code, row.kind, key)
    }
    if not fields and not may_write(scope_code, row.owner_code, row.kind, DELETED):
        return None  # the side that may write it sends it back
    row.dirty = True
    return change_of(row, fields, deleted=base.deleted)


def _send_again(book: Bookkeeping, row: Synced, copy: Copy, remote: dict[str, Any]) -> Outcome:
    """The hub holds an older copy than this PC has seen: it lost the newer write (restored from a backup).

    This PC's copy is kept and becomes a change against the hub's copy (the new base), so the next push sends
    again exactly what the hub lacks; the hub merges it like any other change.
    """
    row.version = copy.version
    same = row.deleted == copy.deleted and all(
        remote.get(key, _MISSING) == value for key, value in row_fields(row).items()
    )
    if same and not book.conflicts(row.kind, row.id):  # nothing to send: the hub's copy is this PC's
        _stamp(row, copy)
        book.drop_base(row.kind, row.id)
        return Outcome("changed")
    stored = book.keep_base(row.kind, row.id)
    stored.version, stored.deleted, stored.fields = copy.version, copy.deleted, dict(remote)
    row.dirty = True
    return Outcome("changed")


def _over_hub_copy(
    book: Bookkeeping,
    row: Synced,
    copy: Copy,
    remote: dict[str, Any],
    values: dict[str, Any],
    now: datetime,
    scope_code: str | None,
) -> Outcome:
    """A package's copy of a record this PC holds a hub copy of: the package's values are taken like an edit
    made here, against the hub's copy, which stays the base (and the row's version the hub's).

    A clean row takes every field the package tells (nothing was edited here since it was last shared); a
    dirty one merges three-way against its base. See the module docstring: a package's copy is never the base
    of the hub's next copy.
    """
    if book.base(row.kind, row.id) is None:  # the row as it is: the hub's copy, from now on the base
        stored = book.keep_base(row.kind, row.id)
        stored.version, stored.deleted, stored.fields = row.version, row.deleted, row_fields(row)
    base = base_of(book.s, row, book) if row.dirty else Base(row.version, row.deleted, row_fields(row))
    return _three_way(
        book.s, row, copy, remote, values, None, frozenset(), now,
        base=base, over_hub_copy=True, book=book, scope_code=scope_code,
    )  # fmt: skip


def _three_way(
    s: Session,
    row: Synced,
    copy: Copy,
    remote: dict[str, Any],
    values: dict[str, Any],
    sent: Change | None,
    refused: frozenset[str],
    now: datetime,
    *,
    base: Base | None = None,
    over_hub_copy: bool = False,
    book: Bookkeeping | None = None,
    scope_code: str | None = None,
) -> Outcome:
    """Merge field by field against `base` (by default the row's). The other side's copy becomes the row's new
    base and version, except a package's copy over a hub copy (`over_hub_copy`), which leaves both as they are.
    A field of a package's copy that this PC (`scope_code`) may not write is taken whenever it differs here."""
    book = book if book is not None else Bookkeeping(s)
    base = base or base_of(s, row, book)
    if sent is not None:
        taken = {k: v for k, v in sent.fields.items() if k not in refused}
        deleted = base.deleted if DELETED in refused else sent.deleted
        base = Base(base.version, deleted, {**base.fields, **taken})
    local = row_fields(row)
    outcome = Outcome()
    changed = False
    existing = {c.field: c for c in book.conflicts(row.kind, row.id)}
    locally_edited = any(local.get(k) != base.fields.get(k, _MISSING) for k in local)
    remotely_edited = any(remote.get(k, _MISSING) != base.fields.get(k, _MISSING) for k in remote)
    deleted_conflict = (
        DELETED in refused
        or (copy.deleted != base.deleted and row.deleted == base.deleted and locally_edited)
        or (row.deleted != base.deleted and copy.deleted == base.deleted and remotely_edited)
    )
    if deleted_conflict or DELETED in existing:
        _conflict(book, row, DELETED, row.deleted, copy.deleted, base.deleted, copy, existing, outcome, now)
    else:
        if copy.deleted != row.deleted and row.deleted == base.deleted:
            row.deleted = copy.deleted
            changed = True
        for key, theirs in remote.items():
            if key not in local:
                continue
            mine, ancestor = local[key], base.fields.get(key, _MISSING)
            if key in existing or key in refused:  # refused: the hub keeps its value against this PC's
                _conflict(book, row, key, mine, theirs, ancestor, copy, existing, outcome, now)
            elif mine == ancestor or (theirs != mine and _not_ours(copy, row, key, scope_code)):
                changed |= _take(row, {key: values[key]})
            elif theirs in (ancestor, mine):
                continue
            else:
                _conflict(book, row, key, mine, theirs, ancestor, copy, existing, outcome, now)
    if outcome.conflicts:
        row.dirty = True  # a conflict waits for a person, whose answer is this PC's change
    if not over_hub_copy:
        row.version = copy.version
        stored = book.keep_base(row.kind, row.id)
        # The new shared copy: the other side's, and for the fields a package does not tell, the base as it was.
        shared = dict(remote) if copy.whole else {**base.fields, **remote}
        stored.version, stored.deleted, stored.fields = copy.version, copy.deleted, shared
    settle(s, row, book=book)
    if not row.dirty:
        _stamp(row, copy, version=not over_hub_copy)
    outcome.result = (
        "conflict" if outcome.conflicts or outcome.renewed else "changed" if changed else "unchanged"
    )
    return outcome


def _not_ours(copy: Copy, row: Synced, key: str, scope_code: str | None) -> bool:
    """A field a package tells that this PC may not write: only its sender's side writes it, so no edit made here
    can stand against it (e.g. the prefecture's answer on a town's need, set by an earlier package)."""
    return (
        scope_code is not None and not copy.whole and not may_write(scope_code, row.owner_code, row.kind, key)
    )


def _conflict(
    book: Bookkeeping,
    row: Synced,
    key: str,
    mine: Any,
    theirs: Any,
    ancestor: Any,
    copy: Copy,
    existing: dict[str, Conflict],
    outcome: Outcome,
    now: datetime,
) -> None:
    known = existing.get(key)
    if mine == theirs:
        if known is not None:
            book.drop_conflict(known)
        return
    if known is not None:
        if known.theirs != theirs:  # a newer incoming value: the person decides against that one
            outcome.renewed.append(key)
        known.theirs, known.hub_version = theirs, copy.version
        return
    book.add_conflict(
        Conflict(
            kind=row.kind,
            record_id=row.id,
            field=key,
            mine=mine,
            theirs=theirs,
            base=None if ancestor is _MISSING else ancestor,
            hub_version=copy.version,
            detected_at=now,
        )
    )
    outcome.conflicts.append(key)


def _stamp(row: Synced, copy: Copy, *, version: bool = True) -> None:
    if version:
        row.version = copy.version
    row.deleted = copy.deleted
    row.dirty = False
    row.updated_at = parse_time(copy.updated_at)
    row.updated_by = copy.updated_by


def prefetch(s: Session, records: Sequence[Record | Copy]) -> dict[str, Synced]:
    """The local rows of the records of a page or package, and of their parents, in a few queries."""
    ids: dict[type[Synced], list[str]] = {}
    parents: dict[type[Synced], set[str]] = {}
    for record in records:
        cls = ENTITY_BY_KIND.get(record.kind)
        if cls is None:
            continue
        ids.setdefault(cls, []).append(record.id)
        for key, parent in _references(cls):
            ref = record.fields.get(key)
            if isinstance(ref, str) and ref:
                parents.setdefault(parent, set()).add(ref)
    known: dict[str, Synced] = {}
    conn = s.connection()
    for cls, wanted in [*ids.items(), *((c, list(p)) for c, p in parents.items())]:
        table = conn.dialect.identifier_preparer.quote(cls.__table__.name)  # type: ignore[attr-defined]
        for start in range(0, len(wanted), _CHUNK):
            chunk = wanted[start : start + _CHUNK]
            # Which of them are here, through the driver (a first sync asks about thousands, none here yet);
            # only those are loaded as rows.
            marks = ", ".join(_mark(conn.dialect) for _ in chunk)
            here = [
                rid
                for (rid,) in conn.exec_driver_sql(
                    f"SELECT id FROM {table} WHERE id IN ({marks})", tuple(chunk)
                )
            ]  # noqa: S608 - a table name and placeholders
            if here:
                for row in s.scalars(select(cls).where(cls.id.in_(here))):
                    known[row.id] = row
    return known


def _mark(dialect: Dialect) -> str:
    return "?" if dialect.paramstyle == "qmark" else "%s"


@cache
def _made_by_default(cls: type[Synced]) -> frozenset[str]:
    """A kind's fields whose default is made by a function (a new dict …), which only the ORM calls."""
    return frozenset(
        c.key
        for c in cls.__table__.columns  # type: ignore[attr-defined]
        if c.key not in Synced.SYNC_COLUMNS and c.default is not None and callable(c.default.arg)
    )


_SYNC_VALUES = ("id", "owner_code", "version", "deleted", "dirty", "updated_at", "updated_by")


class _Insert:
    """The driver's INSERT of a kind's new, clean record with the fields `keys`, and how another side's copy
    becomes its row: each wire value parsed as wire.from_wire does and passed through its column's bind
    processor (the dialect's own conversion, exactly what the ORM would store); no ORM object, no dict per row."""

    def __init__(self, cls: type[Synced], keys: tuple[str, ...], dialect: Dialect) -> None:
        table = cls.__table__  # type: ignore[attr-defined]
        quote = dialect.identifier_preparer.quote
        columns = (*_SYNC_VALUES, *keys)
        marks = ", ".join(_mark(dialect) for _ in columns)
        self.entity = cls
        self.sql = f"INSERT INTO {quote(table.name)} ({', '.join(map(quote, columns))}) VALUES ({marks})"
        processor = {key: table.c[key].type._cached_bind_processor(dialect) or _same for key in columns}
        self.take = itemgetter(*keys) if len(keys) > 1 else lambda fields: tuple(fields[k] for k in keys)
        parse = parsers(cls)
        self.convert = tuple(
            (i, parse[key], processor[key])
            for i, key in enumerate(keys)
            if parse[key] is not None or processor[key] is not _same
        )
        self.deleted = {flag: processor["deleted"](flag) for flag in (False, True)}
        self.clean = processor["dirty"](False)
        self.stamp = processor["updated_at"]

    def row(self, copy: Record | Copy, fields: dict[str, Any], stamps: dict[str, Any]) -> tuple[Any, ...]:
        """The row of `copy`, whose wire `fields` hold every one of `keys`; `stamps` caches updated_at values
        (the records of one push share theirs)."""
        stamp = stamps.get(copy.updated_at)
        if stamp is None:
            stamp = stamps[copy.updated_at] = self.stamp(parse_time(copy.updated_at))
        values = self.take(fields)
        if self.convert:
            values = list(values)
            for i, parse, process in self.convert:
                value = values[i]
                values[i] = process(
                    parse(value) if parse is not None and isinstance(value, str) and value else value
                )
        sync = (
            copy.id,
            copy.owner_code,
            copy.version,
            self.deleted[copy.deleted],
            self.clean,
            stamp,
            copy.updated_by,
        )
        return (*sync, *values)


def _same(value: Any) -> Any:
    return value


@cache
def _insert(cls: type[Synced], keys: tuple[str, ...], dialect: Dialect) -> _Insert:
    return _Insert(cls, keys, dialect)


def meet_many(
    s: Session,
    copies: Sequence[Record | Copy],
    now: datetime,
    *,
    known: dict[str, Synced] | None = None,
    newer_here: Container[str] | None = None,
    force: bool = False,
    scope_code: str | None = None,
) -> list[Outcome]:
    """Meet many copies in order, in the caller's transaction: a pulled page or a package's records.

    What each copy did, as :func:`meet` would say. Records this PC has never had, whose parents it has or that
    come earlier among the copies, need no merge: they are inserted as the other side sent them, with one
    executemany per kind through the driver (no ORM object each). Every other record meets its local row one
    by one (:func:`meet`) after those inserts, with `force` (repair) and, for a package, `newer_here`: the ids
    of which this PC already has a newer state by the source's own order (None: a hub's copies, ordered by its
    versions). `known` holds the local rows of the copies, read at once; without it they are read here
    (:func:`prefetch`). `scope_code`: this PC's 団体コード, as :func:`meet` takes it.
    """
    if known is None:
        known = prefetch(s, copies)
    outcomes: list[Outcome] = []
    present = set(known)  # ids of rows here, and of those inserted here
    fresh: dict[_Insert, list[tuple[Any, ...]]] = {}
    stamps: dict[str, Any] = {}
    kinds: dict[str, tuple[type[Synced], dict[str, Any], frozenset[str]]] = {}
    dialect = s.get_bind().dialect
    rest: list[int] = []
    at_version: list[tuple[str, str]] = []  # rows at a hub copy's very version: did a package set them?
    for i, copy in enumerate(copies):
        outcomes.append(Outcome("added"))
        kind = kinds.get(copy.kind)
        if kind is None and copy.kind in ENTITY_BY_KIND:
            cls = ENTITY_BY_KIND[copy.kind]
            kind = kinds[copy.kind] = (cls, default_fields(cls), frozenset(field_names(cls)))
        if kind is None or copy.id in known:
            rest.append(i)
            row = known.get(copy.id)
            if newer_here is None and row is not None and row.version == copy.version:
                at_version.append((copy.kind, copy.id))
            continue
        cls, defaults, names = kind
        fields = {**defaults, **copy.fields}  # wire values, as from_wire takes them
        if len(fields) == len(names) and names.issuperset(fields):
            keys = field_names(cls)
        else:  # fields this version does not know, or a field with no default left out
            keys = tuple(key for key in fields if key in names)
            if not _made_by_default(cls) <= set(keys) or not required_fields(cls) <= set(keys):
                rest.append(i)  # a column the ORM fills by calling its default, or one the copy cannot tell
                continue
        if not _parents_present(s, cls, fields, present):
            rest.append(i)  # a parent not here (yet)
            continue
        insert = _insert(cls, keys, dialect)
        fresh.setdefault(insert, []).append(insert.row(copy, fields, stamps))
        present.add(copy.id)
    if fresh:
        conn = s.connection()
        # Parents first (the kinds' declared order): one executemany per kind.
        for insert, rows in sorted(fresh.items(), key=lambda item: SYNCED_ENTITIES.index(item[0].entity)):
            conn.exec_driver_sql(insert.sql, rows)
    by_package = _set_by_package(s, at_version) if at_version and not force else set()
    for i in rest:
        copy = copies[i]
        newer = None if newer_here is None else copy.id in newer_here
        outcomes[i] = meet(
            s, copy, now, force=force, known=known, newer_here=newer, scope_code=scope_code,
            set_by_package=(copy.kind, copy.id) in by_package,
        )  # fmt: skip
    return outcomes


def _set_by_package(s: Session, keys: Sequence[tuple[str, str]]) -> set[tuple[str, str]]:
    """Which of these records a package set here (they have a PackageOrigin), in one query per kind and chunk."""
    ids: dict[str, list[str]] = {}
    for kind, record_id in keys:
        ids.setdefault(kind, []).append(record_id)
    found: set[tuple[str, str]] = set()
    for kind, wanted in ids.items():
        for start in range(0, len(wanted), _CHUNK):
            chunk = wanted[start : start + _CHUNK]
            found.update(
                (kind, record_id)
                for record_id in s.scalars(
                    select(PackageOrigin.record_id).where(
                        PackageOrigin.kind == kind, PackageOrigin.record_id.in_(chunk)
                    )
                )
            )
    return found


def unpark(s: Session, now: datetime) -> int:
    """Apply parked records whose parents have arrived; returns how many were applied."""
    applied = 0
    progress = True
    while progress:
        progress = False
        for parked in list(s.scalars(select(ParkedRecord))):
            record = Record.model_validate(parked.record)
            cls = ENTITY_BY_KIND[record.kind]
            if _parents_present(s, cls, from_wire(cls, {**default_fields(cls), **record.fields}), {}):
                s.delete(parked)
                s.flush()
                meet(s, record, now)
                applied += 1
                progress = True
    return applied
