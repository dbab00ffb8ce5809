"""ステップ2: posts of the DX promotion structure and the talent gaps."""

from typing import Any

from sqlalchemy import Row

from desktop.content import load_catalog
from desktop.models import OrgRole, TalentGap
from desktop.models.errors import ValidationError
from desktop.models.field_table import SEATS_MAX
from desktop.services import records
from desktop.services.workspace import Workspace


def roles(ws: Workspace) -> list[OrgRole]:
    """Posts in display order."""
    return records.find(ws, OrgRole, order_by=(OrgRole.sort_order,))


def role_summaries(ws: Workspace) -> list[Row[Any]]:
    """List rows of the posts (id, title, person_name, is_external) in display order."""
    return records.summaries(ws, OrgRole, ("title", "person_name", "is_external"), order_by=("sort_order",))


def add_role(ws: Workspace, role_key: str, **fields) -> OrgRole:
    """Add a post from the catalog of role templates (CIO, CIO補佐官 …).

    The post takes the first free seat of its role, and its place in the list follows the catalog: two PCs of a
    town that each added the CIO offline made the same record (natural key: role and seat), not two CIOs.
    """
    templates = load_catalog().org_roles
    try:
        index, template = next((i, r) for i, r in enumerate(templates) if r.key == role_key)
    except StopIteration:
        raise ValidationError(f"役職「{role_key}」はありません。") from None
    taken = {r.seat for r in records.find(ws, OrgRole, role_key=role_key)}
    seat = next(n for n in range(1, SEATS_MAX + 2) if n not in taken)
    if seat > SEATS_MAX:
        raise ValidationError(f"「{template.title}」は{SEATS_MAX}人までです。")
    fields.setdefault("title", template.title)
    order = (index + 1) * (SEATS_MAX + 1) + seat
    return records.create(ws, OrgRole, role_key=role_key, seat=seat, sort_order=order, **fields)


_URGENCY = {"high": 0, "medium": 1, "low": 2}


def talent_gaps(ws: Workspace) -> list[TalentGap]:
    """Talent gaps, most urgent first."""
    return sorted(records.find(ws, TalentGap), key=lambda g: _URGENCY.get(g.priority, 3))


def talent_gap_summaries(ws: Workspace) -> list[Row[Any]]:
    """List rows of the talent gaps (id, skill_role, priority), most urgent first."""
    rows = records.summaries(ws, TalentGap, ("skill_role", "priority"))
    return sorted(rows, key=lambda g: _URGENCY.get(g.priority, 3))
