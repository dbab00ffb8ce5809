"""支援ニーズ across every town of the prefecture, and the prefecture's response to each.

The response fields (ownership.PREFECTURE_FIELDS) are the only part of a town's need the prefecture writes;
every write is checked against ownership.may_write, so a response can never touch what the town wrote.
"""

from dataclasses import dataclass
from datetime import date, datetime
from typing import Any

from sqlalchemy import select

from desktop.models import NeedsRequest, TalentPoolEntry
from desktop.models.errors import NotFoundError, ValidationError
from desktop.models.ownership import may_write
from desktop.models.vocab import NEEDS_CATEGORY, PRIORITY, RESPONSE_STATUS, SKILL_ROLES
from desktop.services import records
from desktop.services.prefecture.towns import require_prefecture, town_names
from desktop.services.workspace import Workspace

MESSAGE_MAX = 4000
_PRIORITY_ORDER = {key: i for i, key in enumerate(PRIORITY)}


@dataclass(frozen=True)
class NeedRow:
    """A submitted need of a town, as the prefecture lists it."""

    id: str
    town_code: str
    town_name: str
    title: str
    category: str
    skill_role: str
    engagement: str
    days_per_month: float | None
    period_start: date | None
    period_end: date | None
    priority: str
    purpose: str
    response_status: str
    response_text: str
    responded_at: datetime | None


@dataclass(frozen=True)
class NeedsFilter:
    """Equality filters of the 支援ニーズ list; empty means any. response "none" means not yet answered."""

    role: str = ""
    category: str = ""
    priority: str = ""
    response: str = ""
    town: str = ""


def all_needs(ws: Workspace, flt: NeedsFilter = NeedsFilter()) -> list[NeedRow]:
    """Submitted needs of every town (drafts stay the town's own), high priority first."""
    require_prefecture(ws)
    names = town_names(ws)
    stmt = select(NeedsRequest).where(
        NeedsRequest.deleted.is_(False),
        NeedsRequest.status != "draft",
        NeedsRequest.owner_code.in_(list(names)),
    )
    for column, value in (
        (NeedsRequest.skill_role, flt.role),
        (NeedsRequest.category, flt.category),
        (NeedsRequest.priority, flt.priority),
        (NeedsRequest.owner_code, flt.town),
    ):
        if value:
            stmt = stmt.where(column == value)
    if flt.response:
        stmt = stmt.where(NeedsRequest.response_status == ("" if flt.response == "none" else flt.response))
    with ws.store.read() as s:
        needs = list(s.scalars(stmt))
    rows = [
        NeedRow(
            n.id,
            n.owner_code,
            names[n.owner_code],
            n.title,
            n.category,
            n.skill_role,
            n.engagement,
            n.days_per_month,
            n.period_start,
            n.period_end,
            n.priority,
            n.purpose,
            n.response_status,
            n.response_text,
            n.responded_at,
        )  # fmt: skip
        for n in needs
    ]
    return sorted(rows, key=lambda r: (_PRIORITY_ORDER.get(r.priority, 9), r.town_code, r.title))


def respond(
    ws: Workspace, need_id: str, status: str, message: str, now: datetime | None = None
) -> NeedsRequest:
    """Write the prefecture's response (受付/調整中/マッチ済/対応不可 and a message) to a town's need."""
    pref = require_prefecture(ws)
    if status not in RESPONSE_STATUS or not status:
        choices = "、".join(f"{k}（{v}）" for k, v in RESPONSE_STATUS.items() if k)
        raise ValidationError(
            f"回答状況「{status}」は選べません。次のいずれかです：{choices}。", "response_status"
        )
    message = (message or "").strip()
    if len(message) > MESSAGE_MAX:
        raise ValidationError(f"回答内容は{MESSAGE_MAX}文字以内で入力してください。", "response_text")
    if status == "declined" and not message:
        raise ValidationError("対応不可とする場合は、理由を回答内容に入力してください。", "response_text")
    values: dict[str, Any] = {
        "response_status": status,
        "response_text": message,
        "responded_at": now or ws.now(),
    }
    with ws.store.write() as s:
        need = s.get(NeedsRequest, need_id)
        if need is None or need.deleted or need.status == "draft":
            raise NotFoundError("指定された支援ニーズが見つかりません（取り下げられた可能性があります）。")
        for field in values:
            if not may_write(pref, need.owner_code, NeedsRequest.kind, field):
                raise ValidationError("この支援ニーズは管轄外の団体のものです。回答できません。", field)
        records.apply_change(s, ws, need, values, action="respond")
    return need


def suggestions(ws: Workspace, need_id: str) -> list[TalentPoolEntry]:
    """人材プール entries for a need: same スキル標準 role, those free to take a town first."""
    require_prefecture(ws)
    with ws.store.read() as s:
        need = s.get(NeedsRequest, need_id)
    if need is None or need.deleted:
        raise NotFoundError("指定された支援ニーズが見つかりません。")
    if not need.skill_role:
        return []
    order = {"available": 0, "limited": 1, "assigned": 2}
    entries = records.find(ws, TalentPoolEntry, skill_role=need.skill_role)
    return sorted(entries, key=lambda e: (order.get(e.availability, 9), e.listing))


def labels_for_filters() -> dict[str, dict[str, str]]:
    """The choices of each filter (key → Japanese label), for the view and the CLI."""
    return {
        "role": SKILL_ROLES,
        "category": NEEDS_CATEGORY,
        "priority": PRIORITY,
        "response": {"none": "未回答", **{k: v for k, v in RESPONSE_STATUS.items() if k}},
    }
