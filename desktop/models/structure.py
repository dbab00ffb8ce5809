"""ステップ2: the promotion structure (roles and people) and the talent gaps."""

from datetime import date

from sqlalchemy import String, Text
from sqlalchemy.orm import Mapped, mapped_column

from desktop.models.base import Base, Synced


class OrgRole(Synced, Base):
    """A post in the DX structure (CIO, CIO補佐官, 本部長 …) and who holds it."""

    __tablename__ = "org_role"
    kind = "org_role"

    role_key: Mapped[str] = mapped_column(String(50))
    # Which holder of this role (1 for the first CIO, 2 for a second DX推進リーダー …): with role_key, the natural
    # key, so two PCs that each named the town's CIO offline sync into one CIO.
    seat: Mapped[int] = mapped_column(default=1)
    title: Mapped[str] = mapped_column(String(100))
    person_name: Mapped[str] = mapped_column(String(100), default="")
    position: Mapped[str] = mapped_column(String(100), default="")
    appointed_on: Mapped[date | None] = mapped_column(default=None)
    is_external: Mapped[bool] = mapped_column(default=False)
    note: Mapped[str] = mapped_column(Text, default="")
    sort_order: Mapped[int] = mapped_column(default=0)


class TalentGap(Synced, Base):
    """A missing skill (by スキル標準 role) and how the municipality means to fill it."""

    __tablename__ = "talent_gap"
    kind = "talent_gap"

    skill_role: Mapped[str] = mapped_column(String(30))
    description: Mapped[str] = mapped_column(Text, default="")
    approach: Mapped[str] = mapped_column(String(30), default="pool")
    priority: Mapped[str] = mapped_column(String(10), default="medium")
