"""ステップ3: initiatives with PDCA reviews, and the 20-業務 standardisation tracker."""

from datetime import date

from sqlalchemy import ForeignKey, String, Text, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column

from desktop.models.base import Base, Synced


class Initiative(Synced, Base):
    """A DX initiative being carried out (often one アクションプラン item)."""

    __tablename__ = "initiative"
    kind = "initiative"

    title: Mapped[str] = mapped_column(String(200))
    priority_key: Mapped[str] = mapped_column(String(80), default="")
    department: Mapped[str] = mapped_column(String(100), default="")
    status: Mapped[str] = mapped_column(String(10), default="planned")
    start_on: Mapped[date | None] = mapped_column(default=None)
    end_on: Mapped[date | None] = mapped_column(default=None)
    description: Mapped[str] = mapped_column(Text, default="")
    kpi_note: Mapped[str] = mapped_column(Text, default="")


class PdcaReview(Synced, Base):
    """One PDCA review entry of an initiative."""

    __tablename__ = "pdca_review"
    kind = "pdca_review"

    initiative_id: Mapped[str] = mapped_column(ForeignKey("initiative.id"), index=True)
    reviewed_on: Mapped[date | None] = mapped_column(default=None)
    phase: Mapped[str] = mapped_column(String(10), default="check")
    summary: Mapped[str] = mapped_column(Text, default="")
    next_action: Mapped[str] = mapped_column(Text, default="")


class StandardizationSystem(Synced, Base):
    """Migration state of one of the 20 標準化対象業務."""

    __tablename__ = "standardization_system"
    __table_args__ = (UniqueConstraint("owner_code", "business_key"),)
    kind = "standardization_system"

    business_key: Mapped[str] = mapped_column(String(40))
    phase_key: Mapped[str] = mapped_column(String(40), default="")
    vendor: Mapped[str] = mapped_column(String(100), default="")
    package_name: Mapped[str] = mapped_column(String(100), default="")
    planned_go_live: Mapped[date | None] = mapped_column(default=None)
    specific_support: Mapped[bool] = mapped_column(default=False)
    specific_reason: Mapped[str] = mapped_column(String(40), default="")
    gov_cloud: Mapped[bool] = mapped_column(default=False)
    contract_end: Mapped[date | None] = mapped_column(default=None)
    note: Mapped[str] = mapped_column(Text, default="")
