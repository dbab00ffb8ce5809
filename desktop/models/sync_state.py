"""What the store remembers about sync with the hub (DESIGN.md §4): local tables, never synced themselves."""

from datetime import datetime
from typing import Any

from sqlalchemy import JSON, Integer, String, Text
from sqlalchemy.orm import Mapped, mapped_column

from desktop.models.base import Base, new_id

DELETED = "deleted"  # the field name of an edit-against-delete conflict, as in the protocol


class SyncState(Base):
    """The one row of sync bookkeeping: this PC's device id and how far it has pulled."""

    __tablename__ = "sync_state"

    id: Mapped[int] = mapped_column(Integer, primary_key=True, default=1)
    device_id: Mapped[str] = mapped_column(String(100))
    cursor: Mapped[int] = mapped_column(Integer, default=0)  # `since`: the hub version pulled up to
    checked_head: Mapped[int] = mapped_column(Integer, default=-1)  # the head the last digest check agreed at
    first_synced_at: Mapped[datetime | None] = mapped_column(default=None)


class SyncBase(Base):
    """The last synced copy of a record (wire fields), kept from its first local edit until the hub has it.

    The three-way merge needs it: a field differs from the base only if this PC changed it.
    """

    __tablename__ = "sync_base"

    kind: Mapped[str] = mapped_column(String(64), primary_key=True)
    record_id: Mapped[str] = mapped_column(String(36), primary_key=True)
    version: Mapped[int] = mapped_column(Integer)
    deleted: Mapped[bool] = mapped_column(default=False)
    fields: Mapped[dict[str, Any]] = mapped_column(JSON, default=dict)


class Conflict(Base):
    """One field changed both here and elsewhere since the common base (or an edit against a delete).

    Kept until a person chooses mine, theirs or an edited value; the record's other fields keep syncing.
    """

    __tablename__ = "sync_conflict"

    id: Mapped[str] = mapped_column(String(36), primary_key=True, default=new_id)
    kind: Mapped[str] = mapped_column(String(64), index=True)
    record_id: Mapped[str] = mapped_column(String(36), index=True)
    field: Mapped[str] = mapped_column(String(64))  # DELETED for an edit against a delete
    mine: Mapped[Any] = mapped_column(JSON, nullable=True)
    theirs: Mapped[Any] = mapped_column(JSON, nullable=True)
    base: Mapped[Any] = mapped_column(JSON, nullable=True)
    hub_version: Mapped[int] = mapped_column(Integer)  # the hub's version that "theirs" comes from
    detected_at: Mapped[datetime]

    @property
    def edit_vs_delete(self) -> bool:
        """One side deleted the record while the other edited it."""
        return self.field == DELETED


class SyncRejection(Base):
    """A change the hub refused (another owner's field, a bad value …): never retried unchanged."""

    __tablename__ = "sync_rejection"

    kind: Mapped[str] = mapped_column(String(64), primary_key=True)
    record_id: Mapped[str] = mapped_column(String(36), primary_key=True)
    fingerprint: Mapped[str] = mapped_column(String(64))  # of the refused change; an edit makes a new one
    reason: Mapped[str] = mapped_column(Text, default="")
    at: Mapped[datetime]


class ParkedRecord(Base):
    """A pulled record whose parent has not arrived yet (pages are ordered by version, not by parent)."""

    __tablename__ = "sync_parked"

    kind: Mapped[str] = mapped_column(String(64), primary_key=True)
    record_id: Mapped[str] = mapped_column(String(36), primary_key=True)
    record: Mapped[dict[str, Any]] = mapped_column(JSON)  # the wire Record


class SyncRun(Base):
    """One sync attempt, for the 同期 page's short history and the status bar."""

    __tablename__ = "sync_run"

    seq: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    started_at: Mapped[datetime]
    finished_at: Mapped[datetime | None] = mapped_column(default=None)
    outcome: Mapped[str] = mapped_column(
        String(20)
    )  # synced, conflicts, unreachable, refused, error, cancelled
    pushed: Mapped[int] = mapped_column(Integer, default=0)
    pulled: Mapped[int] = mapped_column(Integer, default=0)
    conflicts: Mapped[int] = mapped_column(Integer, default=0)
    repaired: Mapped[str] = mapped_column(String(500), default="")  # kinds repaired after a digest mismatch
    message: Mapped[str] = mapped_column(Text, default="")
