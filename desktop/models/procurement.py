"""調達仕様書 (chapters ア〜サ) with its 要件定義書 rows and, for 共同調達, the participants."""

from sqlalchemy import ForeignKey, String, Text
from sqlalchemy.orm import Mapped, mapped_column

from desktop.models.base import Base, Synced


class ProcurementSpec(Synced, Base):
    """A procurement specification; `chapters` maps chapter key (a〜sa) to its text."""

    __tablename__ = "procurement_spec"
    kind = "procurement_spec"

    title: Mapped[str] = mapped_column(String(200))
    mode: Mapped[str] = mapped_column(String(10), default="single")
    method: Mapped[str] = mapped_column(String(20), default="proposal")  # vocab.PROCUREMENT_METHOD
    template_key: Mapped[str] = mapped_column(String(40), default="")
    chapters: Mapped[dict] = mapped_column(default=dict)
    lead_body: Mapped[str] = mapped_column(String(100), default="")
    cost_split: Mapped[str] = mapped_column(String(20), default="")
    status: Mapped[str] = mapped_column(String(10), default="draft")


class ProcurementRequirement(Synced, Base):
    """One row of the 要件定義書 (機能要件 or 非機能要件)."""

    __tablename__ = "procurement_requirement"
    kind = "procurement_requirement"

    spec_id: Mapped[str] = mapped_column(ForeignKey("procurement_spec.id"), index=True)
    req_kind: Mapped[str] = mapped_column(String(20), default="functional")
    category: Mapped[str] = mapped_column(String(60), default="")
    text: Mapped[str] = mapped_column(Text, default="")
    mandatory: Mapped[bool] = mapped_column(default=True)
    sort_order: Mapped[int] = mapped_column(default=0)


class ProcurementParticipant(Synced, Base):
    """A body joining a 共同調達 and its share of the cost (percent)."""

    __tablename__ = "procurement_participant"
    kind = "procurement_participant"

    spec_id: Mapped[str] = mapped_column(ForeignKey("procurement_spec.id"), index=True)
    code: Mapped[str] = mapped_column(String(6))
    name: Mapped[str] = mapped_column(String(100))
    population: Mapped[int | None] = mapped_column(default=None)
    share_percent: Mapped[float | None] = mapped_column(default=None)
