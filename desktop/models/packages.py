"""Local-only tables of the package channel (DESIGN.md §5): pinned sender keys, imported packages, and which
package last set each record (so an older package never rolls a record back)."""

from datetime import datetime

from sqlalchemy import Integer, String, Text
from sqlalchemy.orm import Mapped, mapped_column

from desktop.models.base import Base

# How a key came to be trusted.
KEY_SOURCES = {"approved": "担当者が承認", "hub": "ハブで登録"}


class PinnedKey(Base):
    """A sender's device key this data dir trusts, pinned per (団体コード, key id)."""

    __tablename__ = "package_key"

    owner_code: Mapped[str] = mapped_column(String(6), primary_key=True)
    key_id: Mapped[str] = mapped_column(String(16), primary_key=True)
    public_key: Mapped[str] = mapped_column(String(64))  # base64 of the raw Ed25519 key
    fingerprint: Mapped[str] = mapped_column(String(64))
    sender_name: Mapped[str] = mapped_column(String(100), default="")
    source: Mapped[str] = mapped_column(String(10), default="approved")
    pinned_at: Mapped[datetime]


class PackageReceipt(Base):
    """A package applied here: importing the same package_id again changes nothing."""

    __tablename__ = "package_receipt"

    package_id: Mapped[str] = mapped_column(String(36), primary_key=True)
    sender_code: Mapped[str] = mapped_column(String(6), index=True)
    key_id: Mapped[str] = mapped_column(String(16))
    sequence: Mapped[int] = mapped_column(Integer)
    kind: Mapped[str] = mapped_column(String(10))
    imported_at: Mapped[datetime]
    summary: Mapped[str] = mapped_column(Text, default="")


class PackageOrigin(Base):
    """The package (device key and its sequence) that last set a record here: an older package of the same
    device leaves the record alone. The record's merge base is sync's (SyncBase), whichever side brought it."""

    __tablename__ = "package_origin"

    kind: Mapped[str] = mapped_column(String(64), primary_key=True)
    record_id: Mapped[str] = mapped_column(String(36), primary_key=True)
    key_id: Mapped[str] = mapped_column(String(16))
    sequence: Mapped[int] = mapped_column(Integer)
