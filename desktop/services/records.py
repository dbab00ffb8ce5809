"""Generic create/update/delete of synced records: the one way every edit reaches the store.

Each call is one short transaction that commits at once, marks the row dirty for sync, stamps who and when,
and writes an audit entry. The first local edit of a synced row first keeps its synced copy (the merge base). Deletes are tombstones, so they can be undone and synced.
"""

from collections.abc import Iterable
from typing import Any, TypeVar

from sqlalchemy import Row, select
from sqlalchemy.orm import Session

from desktop.models import AuditEntry, Synced
from desktop.models.errors import NotFoundError, ValidationError
from desktop.models.natural_keys import natural_id_of
from desktop.models.rules import clean, label, require
from desktop.services.workspace import Workspace
from desktop.sync.merge import keep_base

T = TypeVar("T", bound=Synced)

# Child records tombstoned together with their parent (and restored with it).
CHILDREN: dict[str, tuple[tuple[str, str], ...]] = {
    "plan": (("plan_priority", "plan_id"), ("kpi", "plan_id")),
    "plan_priority": (("plan_priority_year", "priority_id"),),
    "kpi": (("kpi_value", "kpi_id"),),
    "initiative": (("pdca_review", "initiative_id"),),
    "procurement_spec": (("procurement_requirement", "spec_id"), ("procurement_participant", "spec_id")),
}


def _entity(kind: str) -> type[Synced]:
    from desktop.models import ENTITY_BY_KIND

    return ENTITY_BY_KIND[kind]


def _summary(fields: dict[str, Any]) -> str:
    return ", ".join(f"{k}={str(v)[:40]}" for k, v in fields.items())


def get(ws: Workspace, cls: type[T], record_id: str) -> T:
    """One live record of this municipality, or NotFoundError."""
    with ws.store.read() as s:
        obj = s.get(cls, record_id)
        if obj is None or obj.deleted or obj.owner_code != ws.owner_code:
            raise NotFoundError("指定された記録が見つかりません（削除された可能性があります）。")
        return obj


def find(ws: Workspace, cls: type[T], order_by: Iterable[Any] = (), **filters: Any) -> list[T]:
    """Live records of this municipality matching equality filters."""
    stmt = select(cls).where(cls.owner_code == ws.owner_code, cls.deleted.is_(False))
    for key, value in filters.items():
        stmt = stmt.where(getattr(cls, key) == value)
    stmt = stmt.order_by(*order_by) if order_by else stmt
    with ws.store.read() as s:
        return list(s.scalars(stmt))


def summaries(
    ws: Workspace, cls: type[Synced], fields: Iterable[str], order_by: Iterable[Any] = (), **filters: Any
) -> list[Row[Any]]:
    """Lightweight list rows: `id` plus the named columns of live records of this municipality.

    Rows are plain SQLAlchemy `Row`s (read-only, attribute access by column name, e.g. `row.title`), a small
    fraction of the memory of ORM instances: lists hold these and fetch the full record (`get`) only for the
    one being shown. `order_by` takes column names or column expressions; `filters` are equalities.
    """
    columns = [getattr(cls, name) for name in fields if name != "id"]
    stmt = select(cls.id, *columns).where(cls.owner_code == ws.owner_code, cls.deleted.is_(False))
    for key, value in filters.items():
        stmt = stmt.where(getattr(cls, key) == value)
    order = [getattr(cls, o) if isinstance(o, str) else o for o in order_by]
    stmt = stmt.order_by(*order) if order else stmt
    with ws.store.read() as s:
        return list(s.execute(stmt))


def _check_references(s: Session, ws: Workspace, cls: type[Synced], values: dict[str, Any]) -> None:
    """A reference must name a live record of this municipality (else the database would refuse it raw)."""
    for key, value in values.items():
        col = cls.__table__.columns[key]  # type: ignore[attr-defined]
        if value is None or not col.foreign_keys:
            continue
        parent = s.get(_entity(next(iter(col.foreign_keys)).column.table.name), value)
        if parent is None or parent.deleted or parent.owner_code != ws.owner_code:
            raise ValidationError(
                f"指定された「{label(cls.kind, key)}」が見つかりません（削除された可能性があります）。", key
            )


def create(ws: Workspace, cls: type[T], **fields: Any) -> T:
    """Insert a new record (validated) and return it.

    A record with a natural key (a checkpoint's state, the plan …) gets its deterministic id; making one whose
    tombstone exists brings the tombstone back with the new values instead of a second row.
    """
    require(cls, fields)
    values = clean(cls, fields)
    now = ws.now()
    with ws.store.write() as s:
        _check_references(s, ws, cls, values)
        rid = natural_id_of(ws.owner_code, cls.kind, values)
        obj = s.get(cls, rid) if rid is not None else None
        if obj is not None and not obj.deleted:
            raise ValidationError("同じ記録がすでにあります。")
        if obj is not None:
            keep_base(s, obj)
            for key, value in {**cls.defaults(), **values}.items():
                setattr(obj, key, value)
            obj.deleted = False
            obj.dirty = True
            obj.updated_by = ws.actor
            obj.updated_at = now
        else:
            obj = cls(owner_code=ws.owner_code, updated_by=ws.actor, updated_at=now, dirty=True, **values)
            if rid is not None:
                obj.id = rid
            s.add(obj)
        s.flush()
        s.add(
            AuditEntry(
                at=now,
                actor=ws.actor,
                entity=cls.kind,
                entity_id=obj.id,
                action="create",
                summary=_summary(values),
            )
        )
    return obj


def update(ws: Workspace, cls: type[T], record_id: str, **fields: Any) -> T:
    """Change fields of a record; unchanged values do not mark it dirty."""
    with ws.store.write() as s:
        obj = s.get(cls, record_id)
        if obj is None or obj.deleted or obj.owner_code != ws.owner_code:
            raise NotFoundError("指定された記録が見つかりません（削除された可能性があります）。")
        current = {c.key: getattr(obj, c.key) for c in cls.__table__.columns}  # type: ignore[attr-defined]
        values = clean(cls, fields, current)
        _check_references(s, ws, cls, values)
        changed = {k: v for k, v in values.items() if current.get(k) != v}
        if changed:
            apply_change(s, ws, obj, changed, action="update")
    return obj


def apply_change(s: Session, ws: Workspace, obj: Synced, changed: dict[str, Any], action: str) -> None:
    """Set already validated fields inside a write: mark the row for sync, stamp who and when, audit it."""
    now = ws.now()
    keep_base(s, obj)
    for k, v in changed.items():
        setattr(obj, k, v)
    obj.dirty = True
    obj.updated_at = now
    obj.updated_by = ws.actor
    s.add(
        AuditEntry(
            at=now,
            actor=ws.actor,
            entity=obj.kind,
            entity_id=obj.id,
            action=action,
            summary=_summary(changed),
        )
    )


def delete(ws: Workspace, cls: type[Synced], record_id: str) -> list[tuple[str, str]]:
    """Tombstone a record and its live children; returns exactly what was deleted (the undo token)."""
    touched: list[tuple[str, str]] = []
    now = ws.now()
    with ws.store.write() as s:
        pending: list[tuple[type[Synced], str]] = [(cls, record_id)]
        while pending:
            kind_cls, rid = pending.pop()
            obj = s.get(kind_cls, rid)
            if obj is None or obj.owner_code != ws.owner_code:
                raise NotFoundError("指定された記録が見つかりません。")
            if obj.deleted:
                continue
            keep_base(s, obj)
            obj.deleted = True
            obj.dirty = True
            obj.updated_at = now
            obj.updated_by = ws.actor
            touched.append((kind_cls.kind, rid))
            s.add(AuditEntry(at=now, actor=ws.actor, entity=kind_cls.kind, entity_id=rid, action="delete"))
            for child_kind, fk in CHILDREN.get(kind_cls.kind, ()):
                child = _entity(child_kind)
                ids = s.scalars(select(child.id).where(getattr(child, fk) == rid, child.deleted.is_(False)))
                pending.extend((child, cid) for cid in ids)
    return touched


def undelete(ws: Workspace, deleted: list[tuple[str, str]]) -> None:
    """Undo a delete: bring back exactly the records a delete() returned, in one transaction."""
    now = ws.now()
    with ws.store.write() as s:
        for kind, rid in deleted:
            obj = s.get(_entity(kind), rid)
            if obj is not None and obj.deleted and obj.owner_code == ws.owner_code:
                keep_base(s, obj)
                obj.deleted = False
                obj.dirty = True
                obj.updated_at = now
                obj.updated_by = ws.actor
                s.add(AuditEntry(at=now, actor=ws.actor, entity=kind, entity_id=rid, action="undelete"))
