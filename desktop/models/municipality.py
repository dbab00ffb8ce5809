"""The municipality whose data this store holds, and the step-0 activity log."""

from datetime import date

from sqlalchemy import Index, String, Text
from sqlalchemy.orm import Mapped, mapped_column

from desktop.models.base import Base, Synced


class Municipality(Synced, Base):
    """団体: code, name, the head's title and the DX contact (the one row of a municipality store)."""

    __tablename__ = "municipality"
    kind = "municipality"

    code: Mapped[str] = mapped_column(String(6), unique=True)
    name: Mapped[str] = mapped_column(String(100))
    prefecture: Mapped[str] = mapped_column(String(10))
    population: Mapped[int | None] = mapped_column(default=None)
    staff_count: Mapped[int | None] = mapped_column(default=None)
    department: Mapped[str] = mapped_column(String(100), default="")
    contact_person: Mapped[str] = mapped_column(String(100), default="")
    contact_email: Mapped[str] = mapped_column(String(200), default="")
    contact_phone: Mapped[str] = mapped_column(String(50), default="")
    head_title: Mapped[str] = mapped_column(
        String(10), default=""
    )  # 市長・町長・村長・区長 (models/contact.py)
    is_demo: Mapped[bool] = mapped_column(default=False)


class AwarenessActivity(Synced, Base):
    """ステップ0 の実施記録: a seminar, training or briefing that was held."""

    __tablename__ = "awareness_activity"
    # The prefecture's 市町村一覧 asks, for every town at once, when it last held each kind of training.
    __table_args__ = (
        Index("ix_awareness_activity_kind_owner", "activity_kind", "deleted", "owner_code", "held_on"),
    )
    kind = "awareness_activity"

    held_on: Mapped[date | None] = mapped_column(default=None)
    activity_kind: Mapped[str] = mapped_column(String(30), default="other")
    title: Mapped[str] = mapped_column(String(200))
    participants: Mapped[int | None] = mapped_column(default=None)
    note: Mapped[str] = mapped_column(Text, default="")
