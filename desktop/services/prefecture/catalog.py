"""The prefecture's catalog: 人材プール, 好事例, 共同調達 offers with each town's 参加意向, and お知らせ.

The prefecture edits its catalog through `records` (it owns these records). A town reads the catalog of its own
prefecture read-only and states its 参加意向 on an offer as its own record (one per town and offer).
"""

from dataclasses import dataclass
from datetime import date
from typing import Any

from sqlalchemy import select

from desktop.models import (
    Announcement,
    GoodPractice,
    JointProcurementIntent,
    JointProcurementOffer,
    Synced,
    TalentPoolEntry,
)
from desktop.models.catalog import intent_id
from desktop.models.errors import NotFoundError, ValidationError
from desktop.models.municipal_code import is_prefecture, prefecture_code
from desktop.services import records
from desktop.services.prefecture.towns import require_prefecture, town_names
from desktop.services.workspace import Workspace

CATALOG_ENTITIES: dict[str, type[Synced]] = {
    "talent_pool": TalentPoolEntry,
    "good_practices": GoodPractice,
    "joint_procurement": JointProcurementOffer,
    "announcements": Announcement,
}
# How each list is ordered (newest first for dated entries).
_ORDER: dict[type[Synced], tuple[Any, ...]] = {
    TalentPoolEntry: (TalentPoolEntry.listing,),
    GoodPractice: (GoodPractice.published_on.desc(), GoodPractice.title),
    JointProcurementOffer: (JointProcurementOffer.survey_deadline.desc(), JointProcurementOffer.title),
    Announcement: (Announcement.published_on.desc(), Announcement.title),
}
_NEW_TITLE = {
    TalentPoolEntry: ("listing", "新しい登録人材"),
    GoodPractice: ("title", "新しい好事例"),
    JointProcurementOffer: ("title", "新しい共同調達"),
    Announcement: ("title", "新しいお知らせ"),
}


def entries(ws: Workspace, cls: type[Synced]) -> list[Any]:
    """A catalog list: the prefecture's own, or (for a town) its prefecture's, read-only."""
    owner = ws.owner_code if is_prefecture(ws.owner_code) else prefecture_code(ws.owner_code)
    stmt = select(cls).where(cls.owner_code == owner, cls.deleted.is_(False)).order_by(*_ORDER[cls])
    with ws.store.read() as s:
        return list(s.scalars(stmt))


def create(ws: Workspace, cls: type[Synced], today: date | None = None, **fields: Any) -> Synced:
    """A new catalog entry of the prefecture (dated today where the entry carries a date)."""
    require_prefecture(ws)
    name, default = _NEW_TITLE[cls]
    fields.setdefault(name, default)
    if "published_on" in cls.__table__.columns:  # type: ignore[attr-defined]
        fields.setdefault("published_on", today or ws.today())
    return records.create(ws, cls, **fields)


def update(ws: Workspace, cls: type[Synced], record_id: str, **fields: Any) -> Synced:
    """Edit a catalog entry (the prefecture only)."""
    require_prefecture(ws)
    return records.update(ws, cls, record_id, **fields)


def delete(ws: Workspace, cls: type[Synced], record_id: str) -> list[tuple[str, str]]:
    """Tombstone a catalog entry; returns the undo token."""
    require_prefecture(ws)
    return records.delete(ws, cls, record_id)


@dataclass(frozen=True)
class Participation:
    """One town's 参加意向 on an offer, as the prefecture sees it."""

    town_code: str
    town_name: str
    intent: str
    contract_end: date | None
    budget_fy: int | None
    note: str


def participation(ws: Workspace, offer_id: str) -> list[Participation]:
    """Every town's stated 参加意向 on an offer, by 団体コード."""
    require_prefecture(ws)
    names = town_names(ws)
    stmt = select(JointProcurementIntent).where(
        JointProcurementIntent.offer_id == offer_id, JointProcurementIntent.deleted.is_(False)
    )
    with ws.store.read() as s:
        intents = [i for i in s.scalars(stmt) if i.owner_code in names]
    return sorted(
        (
            Participation(i.owner_code, names[i.owner_code], i.intent, i.contract_end, i.budget_fy, i.note)
            for i in intents
        ),
        key=lambda p: p.town_code,
    )


def intent_counts(ws: Workspace) -> dict[str, dict[str, int]]:
    """offer id → intent → number of towns: the participants column of the 共同調達 list."""
    require_prefecture(ws)
    names = town_names(ws)
    out: dict[str, dict[str, int]] = {}
    with ws.store.read() as s:
        rows = s.execute(
            select(
                JointProcurementIntent.offer_id,
                JointProcurementIntent.intent,
                JointProcurementIntent.owner_code,
            ).where(JointProcurementIntent.deleted.is_(False))
        )
        for offer, intent, owner in rows:
            if owner in names:
                counts = out.setdefault(offer, {})
                counts[intent] = counts.get(intent, 0) + 1
    return out


def my_intent(ws: Workspace, offer_id: str) -> JointProcurementIntent | None:
    """This town's 参加意向 on an offer (None until stated)."""
    with ws.store.read() as s:
        intent = s.get(JointProcurementIntent, intent_id(ws.owner_code, offer_id))
    return None if intent is None or intent.deleted else intent


def state_intent(ws: Workspace, offer_id: str, intent: str, **fields: Any) -> JointProcurementIntent:
    """The town states (or changes) its 参加意向 on an offer of its prefecture."""
    if is_prefecture(ws.owner_code):
        raise ValidationError("参加意向は各市町村が表明します。都道府県モードでは変更できません。")
    with ws.store.read() as s:
        offer = s.get(JointProcurementOffer, offer_id)
    if offer is None or offer.deleted or offer.owner_code != prefecture_code(ws.owner_code):
        raise NotFoundError("指定された共同調達の案内が見つかりません。")
    rid = intent_id(ws.owner_code, offer_id)
    with ws.store.read() as s:
        existing = s.get(JointProcurementIntent, rid)
    if existing is None:
        return records.create(ws, JointProcurementIntent, offer_id=offer_id, intent=intent, **fields)
    if existing.deleted:
        records.undelete(ws, [(JointProcurementIntent.kind, rid)])
    return records.update(ws, JointProcurementIntent, rid, intent=intent, **fields)
