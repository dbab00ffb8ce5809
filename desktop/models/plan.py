"""ステップ1: the DX推進計画 with its 重点取組事項 (アクションプラン) and KPIs."""

from datetime import date

from sqlalchemy import ForeignKey, String, Text
from sqlalchemy.orm import Mapped, mapped_column

from desktop.models.base import Base, Synced


class Plan(Synced, Base):
    """全体方針 / DX推進計画: vision, period, where it stands (案 / 策定済 / 改定案) and its dates."""

    __tablename__ = "plan"
    kind = "plan"

    title: Mapped[str] = mapped_column(String(200), default="DX推進計画")
    purpose: Mapped[str] = mapped_column(Text, default="")
    vision: Mapped[str] = mapped_column(Text, default="")
    principles: Mapped[str] = mapped_column(Text, default="")
    start_fy: Mapped[int | None] = mapped_column(default=None)
    end_fy: Mapped[int | None] = mapped_column(default=None)
    status: Mapped[str] = mapped_column(String(10), default="draft")  # vocab.PLAN_STATUS
    adopted_on: Mapped[date | None] = mapped_column(default=None)  # 策定日
    approved_on: Mapped[date | None] = mapped_column(default=None)  # 議決日 (when the council voted on it)
    revised_on: Mapped[date | None] = mapped_column(default=None)  # 改定日 of the latest revision in force
    progress_management: Mapped[str] = mapped_column(Text, default="")
    national_trends: Mapped[str] = mapped_column(Text, default="")  # 現状と課題: 国の動向
    current_situation: Mapped[str] = mapped_column(Text, default="")  # 現状と課題: the town's own situation
    glossary: Mapped[str] = mapped_column(
        Text, default=""
    )  # 用語解説: one 「用語：説明」 per line (optional)
    show_names: Mapped[bool] = mapped_column(default=False)  # print names in the 推進体制 (posts only if not)


class PlanPriority(Synced, Base):
    """A 重点取組事項 (catalog item or the municipality's own) with its アクションプラン."""

    __tablename__ = "plan_priority"
    kind = "plan_priority"

    plan_id: Mapped[str] = mapped_column(ForeignKey("plan.id"), index=True)
    catalog_key: Mapped[str] = mapped_column(String(80), default="")
    title: Mapped[str] = mapped_column(String(200))
    sort_order: Mapped[int] = mapped_column(default=0)
    overview: Mapped[str] = mapped_column(Text, default="")
    current_issues: Mapped[str] = mapped_column(Text, default="")
    next_steps: Mapped[str] = mapped_column(Text, default="")
    indicators: Mapped[str] = mapped_column(Text, default="")
    schedule: Mapped[str] = mapped_column(Text, default="")
    start_fy: Mapped[int | None] = mapped_column(default=None)
    end_fy: Mapped[int | None] = mapped_column(default=None)


class PlanPriorityYear(Synced, Base):
    """What an アクションプラン does in one 年度 (e.g. 「検討・調達」): one cell of the 工程表."""

    __tablename__ = "plan_priority_year"
    kind = "plan_priority_year"

    priority_id: Mapped[str] = mapped_column(ForeignKey("plan_priority.id"), index=True)
    fiscal_year: Mapped[int]
    activity: Mapped[str] = mapped_column(Text, default="")


class Kpi(Synced, Base):
    """評価指標 with a unit and baseline; targets and actuals live in KpiValue per 年度."""

    __tablename__ = "kpi"
    kind = "kpi"

    plan_id: Mapped[str] = mapped_column(ForeignKey("plan.id"), index=True)
    priority_id: Mapped[str | None] = mapped_column(ForeignKey("plan_priority.id"), default=None)
    name: Mapped[str] = mapped_column(String(200))
    unit: Mapped[str] = mapped_column(String(30), default="")
    baseline: Mapped[float | None] = mapped_column(default=None)
    baseline_fy: Mapped[int | None] = mapped_column(default=None)
    sort_order: Mapped[int] = mapped_column(default=0)


class KpiValue(Synced, Base):
    """Target and actual of one KPI for one 年度."""

    __tablename__ = "kpi_value"
    kind = "kpi_value"

    kpi_id: Mapped[str] = mapped_column(ForeignKey("kpi.id"), index=True)
    fiscal_year: Mapped[int]
    target: Mapped[float | None] = mapped_column(default=None)
    actual: Mapped[float | None] = mapped_column(default=None)
