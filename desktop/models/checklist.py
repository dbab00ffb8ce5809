"""Progress on the catalog checkpoints of steps 0–3."""

from datetime import date

from sqlalchemy import String, Text, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column

from desktop.models.base import Base, Synced


class ChecklistState(Synced, Base):
    """State of one checkpoint (by its stable catalog key) for the owning municipality."""

    __tablename__ = "checklist_state"
    __table_args__ = (UniqueConstraint("owner_code", "item_key"),)
    kind = "checklist_state"

    item_key: Mapped[str] = mapped_column(String(80))
    status: Mapped[str] = mapped_column(String(10), default="todo")
    note: Mapped[str] = mapped_column(Text, default="")
    done_on: Mapped[date | None] = mapped_column(default=None)
    assignee: Mapped[str] = mapped_column(String(100), default="")
    evidence: Mapped[str] = mapped_column(String(500), default="")
