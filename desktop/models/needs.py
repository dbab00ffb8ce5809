"""Needs requests to the prefecture (支援ニーズ) and job descriptions (募集要項)."""

from datetime import date, datetime
from typing import ClassVar

from sqlalchemy import String, Text
from sqlalchemy.orm import Mapped, mapped_column

from desktop.models.base import Base, Synced


class NeedsRequest(Synced, Base):
    """One support need; the response_* fields belong to the prefecture (never edited locally)."""

    __tablename__ = "needs_request"
    kind = "needs_request"

    # Municipality-owned fields.
    title: Mapped[str] = mapped_column(String(200))
    category: Mapped[str] = mapped_column(String(30), default="talent")
    skill_role: Mapped[str] = mapped_column(String(30), default="")
    engagement: Mapped[str] = mapped_column(String(20), default="on_call")
    days_per_month: Mapped[float | None] = mapped_column(default=None)
    period_start: Mapped[date | None] = mapped_column(default=None)
    period_end: Mapped[date | None] = mapped_column(default=None)
    purpose: Mapped[str] = mapped_column(Text, default="")
    detail: Mapped[str] = mapped_column(Text, default="")
    priority: Mapped[str] = mapped_column(String(10), default="medium")
    funding: Mapped[str] = mapped_column(String(30), default="")
    status: Mapped[str] = mapped_column(String(20), default="draft")
    # Prefecture-owned response fields (DESIGN.md §4: fields are owned, so these never conflict).
    response_status: Mapped[str] = mapped_column(String(20), default="")
    response_text: Mapped[str] = mapped_column(Text, default="")
    responded_at: Mapped[datetime | None] = mapped_column(default=None)

    RESPONSE_FIELDS: ClassVar[tuple[str, ...]] = ("response_status", "response_text", "responded_at")


class JobDescription(Synced, Base):
    """募集要項 / ジョブディスクリプション for one digital-talent post."""

    __tablename__ = "job_description"
    kind = "job_description"

    title: Mapped[str] = mapped_column(String(200))
    skill_role: Mapped[str] = mapped_column(String(30), default="producer")
    department: Mapped[str] = mapped_column(String(100), default="")
    duties: Mapped[str] = mapped_column(Text, default="")
    required_skills: Mapped[str] = mapped_column(Text, default="")
    preferred_skills: Mapped[str] = mapped_column(Text, default="")
    appointment_type: Mapped[str] = mapped_column(String(40), default="")
    term: Mapped[str] = mapped_column(String(200), default="")
    work_days: Mapped[str] = mapped_column(String(200), default="")
    work_place: Mapped[str] = mapped_column(String(200), default="")
    pay: Mapped[str] = mapped_column(String(200), default="")
    side_job: Mapped[str] = mapped_column(Text, default="")
    confidentiality: Mapped[str] = mapped_column(Text, default="")
    selection: Mapped[str] = mapped_column(Text, default="")
    documents: Mapped[str] = mapped_column(Text, default="")
    funding: Mapped[str] = mapped_column(
        String(30), default=""
    )  # internal: never printed in the public notice
    status: Mapped[str] = mapped_column(String(10), default="draft")
    positions: Mapped[int | None] = mapped_column(default=None)  # 募集人数
    deadline: Mapped[date | None] = mapped_column(default=None)  # 応募期限
    how_to_apply: Mapped[str] = mapped_column(Text, default="")  # 応募方法・提出先
    selection_schedule: Mapped[str] = mapped_column(Text, default="")  # 選考日程
    result_notice: Mapped[str] = mapped_column(Text, default="")  # 結果の通知
