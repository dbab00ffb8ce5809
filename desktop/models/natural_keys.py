"""Deterministic ids for records that exist once per town (DESIGN.md §4, natural keys).

Two PCs of one town that were both set up offline must sync into one municipality, one plan, one state per
checkpoint …, not two of each. Such records get the id uuid5(団体コード + kind + natural key), so both PCs make the
same id for the same thing. The namespace and the name layout are part of the sync contract: never change them.
"""

import uuid
from collections.abc import Mapping
from typing import Any

NAMESPACE = uuid.UUID("6f1c7a52-3d0e-5b8e-9a8e-2f4d6c1b7e10")

# kind → the fields that identify the record within its town (empty: once per town).
NATURAL_KEYS: dict[str, tuple[str, ...]] = {
    "municipality": (),
    "plan": (),
    "checklist_state": ("item_key",),
    "standardization_system": ("business_key",),
    "plan_priority": ("catalog_key",),  # only catalog items; the town's own items are not keyed
    "kpi_value": ("kpi_id", "fiscal_year"),
    "plan_priority_year": ("priority_id", "fiscal_year"),  # what an アクションプラン does in one 年度
    "joint_procurement_intent": ("offer_id",),  # a town's 参加意向 on one offer of its prefecture
    "org_role": ("role_key", "seat"),  # the town's CIO, its first and second DX推進リーダー …
}


def natural_id(code: str, kind: str, *key: object) -> str:
    """The id of the `kind` record of town `code` identified by `key` (the same on every PC)."""
    name = "\x1f".join((code, kind, *(str(part) for part in key)))
    return str(uuid.uuid5(NAMESPACE, name))


def natural_id_of(code: str, kind: str, fields: Mapping[str, Any]) -> str | None:
    """The natural id of a record about to be made, or None when it has no natural key."""
    if kind not in NATURAL_KEYS:
        return None
    key = [fields.get(name) for name in NATURAL_KEYS[kind]]
    if any(part is None or part == "" for part in key):
        return None  # e.g. a plan priority of the town's own (no catalog key)
    return natural_id(code, kind, *key)
