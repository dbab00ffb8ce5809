"""Declarative base and the columns every synced record carries (DESIGN.md §3)."""

import uuid
from datetime import date, datetime
from typing import Any, ClassVar

from sqlalchemy import JSON, Boolean, Date, DateTime, Integer, MetaData, String
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column

NAMING = {
    "ix": "ix_%(column_0_label)s",
    "uq": "uq_%(table_name)s_%(column_0_name)s",
    "ck": "ck_%(table_name)s_%(constraint_name)s",
    "fk": "fk_%(table_name)s_%(column_0_name)s_%(referred_table_name)s",
    "pk": "pk_%(table_name)s",
}


def new_id() -> str:
    """Record ids are UUIDs so that records can be made offline on any device."""
    return str(uuid.uuid4())


class Base(DeclarativeBase):
    """Base of every table."""

    metadata = MetaData(naming_convention=NAMING)
    type_annotation_map = {dict: JSON, list: JSON, date: Date, datetime: DateTime(timezone=True)}


class Synced:
    """Sync columns: id made offline, owner 団体コード, hub version, dirty flag, tombstone."""

    kind: ClassVar[str] = ""  # the change-format kind name, set by each entity

    id: Mapped[str] = mapped_column(String(36), primary_key=True, default=new_id)
    owner_code: Mapped[str] = mapped_column(String(6), index=True)
    version: Mapped[int] = mapped_column(Integer, default=0)
    dirty: Mapped[bool] = mapped_column(Boolean, default=True, index=True)
    updated_at: Mapped[datetime]  # stamped by the service from the store's clock
    updated_by: Mapped[str] = mapped_column(String(100), default="")
    deleted: Mapped[bool] = mapped_column(Boolean, default=False, index=True)

    SYNC_COLUMNS: ClassVar[tuple[str, ...]] = (
        "id",
        "owner_code",
        "version",
        "dirty",
        "updated_at",
        "updated_by",
        "deleted",
    )

    @classmethod
    def defaults(cls) -> dict[str, Any]:
        """The fields a new record starts with: the base of a record never synced (DESIGN.md §4)."""
        out: dict[str, Any] = {}
        for col in cls.__table__.columns:  # type: ignore[attr-defined]
            if col.key in Synced.SYNC_COLUMNS:
                continue
            if col.default is not None and not callable(col.default.arg):
                out[col.key] = col.default.arg
            elif col.nullable:
                out[col.key] = None
        return out

    def data(self) -> dict:
        """The record's own fields (not the sync columns), JSON-ready."""
        out = {}
        for col in self.__table__.columns:  # type: ignore[attr-defined]
            if col.key in Synced.SYNC_COLUMNS:
                continue
            value = getattr(self, col.key)
            if isinstance(value, date | datetime):
                value = value.isoformat()
            out[col.key] = value
        return out
