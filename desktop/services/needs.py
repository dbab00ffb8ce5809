"""支援ニーズ: what the municipality asks of the prefecture (人材派遣, 伴走支援, 共同調達 …) and submitting it.

The response_* fields belong to the prefecture (DESIGN.md §4, fields are owned): they arrive by sync or package
and are never written here, so a municipality edit can never conflict with the prefecture's answer.
"""

from datetime import date
from typing import Any

from sqlalchemy import Row

from desktop.models import NeedsRequest
from desktop.models.errors import ValidationError
from desktop.models.vocab import NEEDS_CATEGORY, PRIORITY, SKILL_ROLES
from desktop.models.wareki import fiscal_year_end, fiscal_year_of, fiscal_year_start
from desktop.services import records
from desktop.services.workspace import Workspace

_PRIORITY_ORDER = {key: i for i, key in enumerate(PRIORITY)}
_CATEGORY_ORDER = {key: i for i, key in enumerate(NEEDS_CATEGORY)}
RESPONSE_READ_ONLY = (
    "回答欄（回答状況・回答内容・回答日）は都道府県が記入する項目のため、ここでは変更できません。"
)


def _by_priority(need: Any) -> tuple[int, int, str]:
    return _PRIORITY_ORDER.get(need.priority, 9), _CATEGORY_ORDER.get(need.category, 99), need.title


def needs(ws: Workspace) -> list[NeedsRequest]:
    """Live needs, high priority first, then by category and title."""
    return sorted(records.find(ws, NeedsRequest), key=_by_priority)


def need_summaries(ws: Workspace) -> list[Row[Any]]:
    """List rows of the needs (id, title, status, priority, category and what delivery() reads) in order."""
    fields = ("title", "status", "priority", "category", "version", "dirty", "response_status")
    rows = records.summaries(ws, NeedsRequest, fields)
    return sorted(rows, key=_by_priority)


def get(ws: Workspace, need_id: str) -> NeedsRequest:
    """One need (NotFoundError if unknown or deleted)."""
    return records.get(ws, NeedsRequest, need_id)


def default_period(today: date) -> tuple[date, date]:
    """The next 年度: needs surveys run in the autumn for the following year's budget."""
    fy = fiscal_year_of(today) + 1
    return fiscal_year_start(fy), fiscal_year_end(fy)


def create(ws: Workspace, title: str = "", category: str = "talent", **fields: Any) -> NeedsRequest:
    """A new draft need: 随時, priority 中, the next 年度 as its period unless given."""
    _check_writable(fields)
    if "status" in fields:
        raise ValidationError(
            "新しい支援ニーズは「作成中」で作成されます。提出は「提出」操作で行ってください。", "status"
        )
    start, end = default_period(ws.today())
    values: dict[str, Any] = {
        "title": title.strip() or "新しい支援ニーズ",
        "category": category,
        "engagement": "on_call",
        "priority": "medium",
        "period_start": start,
        "period_end": end,
        **fields,
    }
    _check_role(values.get("skill_role", ""))
    return records.create(ws, NeedsRequest, **values)


def update(ws: Workspace, need_id: str, **fields: Any) -> NeedsRequest:
    """Edit municipality-owned fields; setting status to 提出済 goes through the same checks as submit()."""
    _check_writable(fields)
    if "skill_role" in fields:
        _check_role(fields["skill_role"])
    if fields.get("status") == "submitted":
        current = get(ws, need_id)
        _require_complete({**current.data(), **fields})
    return records.update(ws, NeedsRequest, need_id, **fields)


def delete(ws: Workspace, need_id: str) -> list[tuple[str, str]]:
    """Tombstone a need; returns the undo token for records.undelete."""
    return records.delete(ws, NeedsRequest, need_id)


def delivery(need: Any) -> str:
    """Where a submitted need stands: "waiting" (送信待ち) until the hub has acknowledged this very version,
    then "sent" (送信済); "answered" once the prefecture's response has arrived; "" for a draft.

    Nothing claims a delivery before it happened (DESIGN.md §4, status is truthful).
    """
    if need.status == "draft":
        return ""
    if need.response_status:
        return "answered"
    return "waiting" if need.version == 0 or need.dirty else "sent"


def missing_fields(need: NeedsRequest | dict[str, Any]) -> list[str]:
    """Japanese labels of the fields a need must have before it can be submitted."""
    values = need.data() if isinstance(need, NeedsRequest) else need
    missing = []
    if not str(values.get("title") or "").strip():
        missing.append("件名")
    if not str(values.get("purpose") or "").strip():
        missing.append("目的")
    if values.get("category") == "talent":
        if not values.get("skill_role"):
            missing.append("人材像（スキル標準）")
        if not values.get("days_per_month"):
            missing.append("月あたり日数")
    return missing


def submit(ws: Workspace, need_id: str) -> NeedsRequest:
    """Mark a need 提出済 (ready to send to the prefecture); refuses while required fields are empty."""
    need = get(ws, need_id)
    if need.status == "submitted":
        return need
    if need.status in ("answered", "closed"):
        raise ValidationError(
            "回答済または完了の支援ニーズは提出し直せません。新しい支援ニーズとして作成してください。"
        )
    _require_complete(need.data())
    return records.update(ws, NeedsRequest, need_id, status="submitted")


def withdraw(ws: Workspace, need_id: str) -> NeedsRequest:
    """Take a submitted need back to 作成中 (before the prefecture has answered)."""
    need = get(ws, need_id)
    if need.status != "submitted":
        raise ValidationError("提出済の支援ニーズだけを取り下げられます。")
    return records.update(ws, NeedsRequest, need_id, status="draft")


def _require_complete(values: dict[str, Any]) -> None:
    missing = missing_fields(values)
    if missing:
        raise ValidationError(f"提出できません。次の項目を入力してください：{'、'.join(missing)}。", "status")


def _check_writable(fields: dict[str, Any]) -> None:
    for key in fields:
        if key in NeedsRequest.RESPONSE_FIELDS:
            raise ValidationError(RESPONSE_READ_ONLY, key)


def _check_role(role: str) -> None:
    if role and role not in SKILL_ROLES:
        raise ValidationError(f"「人材像（スキル標準）」の値「{role}」は選択肢にありません。", "skill_role")
