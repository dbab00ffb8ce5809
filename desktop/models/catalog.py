"""The prefecture's catalog (人材プール, 好事例, 共同調達, お知らせ) and the towns' 参加意向 on its offers.

Catalog records are owned by the prefecture (owner_code = its PP000c code, ownership.CATALOG_KINDS): every town
of the prefecture reads them and none writes them. A town's 参加意向 on an offer is the town's own record, one per
(town, offer), so the prefecture reads it and never writes it.
"""

from datetime import UTC, date, datetime

from sqlalchemy import String, Text
from sqlalchemy.orm import Mapped, Session, mapped_column

from desktop.models.base import Base, Synced
from desktop.models.natural_keys import natural_id


class TalentPoolEntry(Synced, Base):
    """A listing in the prefecture's 人材プール: role per スキル標準, skills and availability, no personal data."""

    __tablename__ = "talent_pool_entry"
    kind = "talent_pool_entry"

    listing: Mapped[str] = mapped_column(String(100))  # a listing label such as 「登録人材A」, never a name
    skill_role: Mapped[str] = mapped_column(String(30), default="producer")
    skills: Mapped[str] = mapped_column(Text, default="")
    engagement: Mapped[str] = mapped_column(String(20), default="on_call")
    days_per_month: Mapped[float | None] = mapped_column(default=None)
    available_from: Mapped[date | None] = mapped_column(default=None)
    available_until: Mapped[date | None] = mapped_column(default=None)
    availability: Mapped[str] = mapped_column(String(20), default="available")
    note: Mapped[str] = mapped_column(Text, default="")


class GoodPractice(Synced, Base):
    """好事例: a case one body carried out, shared with every town of the prefecture.

    Its fields are those of the 事例 class of the GIF 事例データモデル (451-3, docs/GOOD_PRACTICES.md gives the
    mapping). The first six columns predate that model and keep their names (hubs and packages already carry
    them): title = タイトル, body_name = 対象組織, priority_key = テーマ (as a 重点取組事項), summary = 取り組みの概要,
    outcome = 成果, published_on = 公開日. ID is the record id; 最終更新日 is the record's updated_at.
    Multi-valued items are JSON lists (texts; images and videos as {title, url, license}, never the file).
    """

    __tablename__ = "good_practice"
    kind = "good_practice"

    title: Mapped[str] = mapped_column(String(200))
    body_name: Mapped[str] = mapped_column(String(100), default="")  # 対象組織（実施団体）
    priority_key: Mapped[str] = mapped_column(
        String(80), default=""
    )  # テーマ: 関連する重点取組事項 (catalog key)
    summary: Mapped[str] = mapped_column(Text, default="")  # 取り組みの概要
    outcome: Mapped[str] = mapped_column(Text, default="")  # 成果
    published_on: Mapped[date | None] = mapped_column(default=None)  # 公開日
    subtitle: Mapped[str] = mapped_column(String(200), default="")
    carried_out_year: Mapped[int | None] = mapped_column(default=None)  # 事例実施年 (西暦)
    place: Mapped[str] = mapped_column(String(200), default="")  # 事例の場所 (住所の連結表記)
    service_category: Mapped[str] = mapped_column(String(100), default="")  # 行政サービス分類
    keywords: Mapped[list] = mapped_column(default=list)
    reason: Mapped[str] = mapped_column(Text, default="")  # 取り組み理由
    purpose: Mapped[str] = mapped_column(Text, default="")  # 目的
    challenges: Mapped[str] = mapped_column(Text, default="")  # 挑戦したこと
    activities: Mapped[str] = mapped_column(Text, default="")  # 取り組み内容
    lessons: Mapped[str] = mapped_column(Text, default="")  # 学んだこと
    ingenuity: Mapped[str] = mapped_column(Text, default="")  # 導入での工夫
    constraints: Mapped[str] = mapped_column(Text, default="")  # 制約条件
    spread: Mapped[str] = mapped_column(Text, default="")  # 普及
    sustainability: Mapped[str] = mapped_column(Text, default="")  # 持続させる仕組み
    evaluation: Mapped[str] = mapped_column(Text, default="")  # 評価の方法
    schemes: Mapped[list] = mapped_column(default=list)  # 利用した制度
    collaborators: Mapped[list] = mapped_column(default=list)  # 協力者
    images: Mapped[list] = mapped_column(default=list)  # イメージ: {title, url, license}
    videos: Mapped[list] = mapped_column(default=list)  # ビデオ: {title, url, license}
    related_urls: Mapped[list] = mapped_column(default=list)  # 関連URL
    related_practices: Mapped[list] = mapped_column(default=list)  # 関連事例
    contact_name: Mapped[str] = mapped_column(String(100), default="")  # 連絡先情報: 連絡先名称
    contact_phone: Mapped[str] = mapped_column(String(30), default="")  # 連絡先電話番号
    contact_email: Mapped[str] = mapped_column(String(200), default="")  # 連絡先メールアドレス
    contact_url: Mapped[str] = mapped_column(String(500), default="")  # 連絡先URL


class JointProcurementOffer(Synced, Base):
    """共同調達の案内: the system, its schedule and how the cost is split among the participants."""

    __tablename__ = "joint_procurement_offer"
    kind = "joint_procurement_offer"

    title: Mapped[str] = mapped_column(String(200))
    system: Mapped[str] = mapped_column(String(200), default="")
    lead_body: Mapped[str] = mapped_column(String(100), default="")  # 代表団体
    description: Mapped[str] = mapped_column(Text, default="")
    survey_deadline: Mapped[date | None] = mapped_column(default=None)  # 参加意向の回答期限
    planned_start: Mapped[date | None] = mapped_column(default=None)  # 利用開始予定
    schedule: Mapped[str] = mapped_column(Text, default="")
    cost_split: Mapped[str] = mapped_column(String(20), default="equal")
    cost_note: Mapped[str] = mapped_column(Text, default="")
    status: Mapped[str] = mapped_column(String(20), default="open")


class Announcement(Synced, Base):
    """お知らせ from the prefecture to its towns."""

    __tablename__ = "announcement"
    kind = "announcement"

    title: Mapped[str] = mapped_column(String(200))
    body: Mapped[str] = mapped_column(Text, default="")
    published_on: Mapped[date | None] = mapped_column(default=None)


class JointProcurementIntent(Synced, Base):
    """A town's 参加意向 on one joint-procurement offer (the town's record: one per town and offer)."""

    __tablename__ = "joint_procurement_intent"
    kind = "joint_procurement_intent"

    # No foreign key: the offer belongs to the prefecture and may arrive after the intent (sync order).
    offer_id: Mapped[str] = mapped_column(String(36), index=True)
    intent: Mapped[str] = mapped_column(String(20), default="considering")
    contract_end: Mapped[date | None] = mapped_column(default=None)  # 現行契約の満了日
    budget_fy: Mapped[int | None] = mapped_column(default=None)  # 予算化の予定年度
    note: Mapped[str] = mapped_column(Text, default="")


def intent_id(owner_code: str, offer_id: str) -> str:
    """Deterministic id of a town's intent on an offer: two PCs of one town never make two."""
    return natural_id(owner_code, JointProcurementIntent.kind, offer_id)


class TownContact(Base):
    """When data of a town last arrived here, and by which channel (local to this store; never synced).

    The sync engine and the package importer record a contact for every town whose records they applied;
    the prefecture's 市町村一覧 shows it as 最終連絡.
    """

    __tablename__ = "town_contact"

    code: Mapped[str] = mapped_column(String(6), primary_key=True)
    channel: Mapped[str] = mapped_column(String(10), default="sync")  # sync | package
    at: Mapped[datetime]
    detail: Mapped[str] = mapped_column(String(200), default="")


def record_contact(session: Session, code: str, channel: str, at: datetime, detail: str = "") -> None:
    """Note that data of town `code` arrived now by `channel` (sync | package); call inside the apply transaction."""
    contact = session.get(TownContact, code)
    if contact is None:
        session.add(TownContact(code=code, channel=channel, at=at, detail=detail[:200]))
    elif contact.at is None or _aware(contact.at) <= _aware(at):
        contact.channel, contact.at, contact.detail = channel, at, detail[:200]


def _aware(value: datetime) -> datetime:
    # SQLite hands back naive datetimes for values stored as UTC.
    return value if value.tzinfo is not None else value.replace(tzinfo=UTC)
