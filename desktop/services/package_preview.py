"""What importing a package does, as a person reads it (DESIGN.md §5: a preview before one transaction): the
outcome of each record and the summary line, the records' Japanese names, and what the import dialog shows of
the package itself (its attachments, when it was made)."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from typing import Any

from desktop.exchange.manifest import Manifest
from desktop.exchange.package import Package
from desktop.models.base import Synced
from desktop.models.clock import local_date
from desktop.models.rules import label
from desktop.models.wareki import wareki_date

# In the order a person reads a preview: what needs a person first (conflicts), then what changes (what was
# there and is now different, then what is new), then what is left alone.
OUTCOME_LABELS = {
    "conflict": "競合",
    "changed": "変更",
    "added": "追加",
    "unchanged": "変更なし",
    "older": "より新しい内容を取込済み",
    "absent": "この端末にない記録（対象外）",
}


@dataclass(frozen=True)
class RecordOutcome:
    """What importing does to one record of a package (desktop.sync.merge.Result), as the preview lists it."""

    kind: str
    name: str  # what a person recognises the record by
    outcome: str
    conflicts: tuple[str, ...] = ()  # fields newly in conflict, or whose incoming value in a conflict changed


@dataclass(frozen=True)
class Preview:
    """What applying does, per record; for a preview, found in a transaction that was rolled back."""

    decisions: tuple[RecordOutcome, ...]
    already_imported: bool = False

    def count(self, outcome: str) -> int:
        return sum(1 for d in self.decisions if d.outcome == outcome)

    @property
    def counts(self) -> dict[str, int]:
        return {o: self.count(o) for o in OUTCOME_LABELS}

    def describe(self) -> str:
        if self.already_imported:
            return "このパッケージは取込済みです。取り込んでも何も変わりません。"
        c = self.counts
        text = (
            f"競合 {c['conflict']}件、変更 {c['changed']}件、追加 {c['added']}件、"
            f"そのまま {c['unchanged'] + c['older']}件（うち新しい内容を取込済み {c['older']}件）"
        )
        if c[
            "absent"
        ]:  # the prefecture's answer to a need not here yet: it comes with the need (sync, package)
            text += f"。この端末にない記録 {c['absent']}件への回答は対象外です（記録が届いた後の同期か次のパッケージで届きます）"
        return text


# Japanese names of the record kinds, for the preview list.
RECORD_LABELS = {
    "municipality": "団体情報", "awareness_activity": "機運醸成の取組", "checklist_state": "チェック項目",
    "plan": "DX推進計画", "plan_priority": "重点取組事項", "kpi": "KPI", "kpi_value": "KPIの値",
    "org_role": "推進体制の役割", "talent_gap": "人材の不足", "initiative": "取組", "pdca_review": "PDCAの振り返り",
    "standardization_system": "標準化の対象業務", "needs_request": "支援ニーズ", "job_description": "募集要項",
    "procurement_spec": "調達仕様書", "procurement_requirement": "要件", "procurement_participant": "共同調達の参加団体",
    "talent_pool_entry": "人材プール", "good_practice": "好事例", "joint_procurement_offer": "共同調達の案内",
    "announcement": "お知らせ",
}  # fmt: skip
_NAME_FIELDS = ("title", "name", "listing", "item_key", "business_key", "text", "description", "fiscal_year")


def record_name(values: dict[str, Any], record_id: str, row: Synced | None = None) -> str:
    """What a person recognises a record by (its title or name), else the start of its id.

    A package carries only the sender's own fields (a prefecture's answer has no title): the rest comes from this
    PC's copy of the record, `row`.
    """
    for key in _NAME_FIELDS:
        value = values.get(key) if key in values else getattr(row, key, None)
        if value not in (None, ""):
            return str(value)[:80]
    return record_id[:8]


def preview_rows(preview: Preview) -> list[tuple[str, str, str]]:
    """(outcome, record kind, name) per record in the order of OUTCOME_LABELS (conflicts first, unchanged last);
    a conflict names its fields as the forms do."""
    order = {outcome: i for i, outcome in enumerate(OUTCOME_LABELS)}
    rows = sorted(preview.decisions, key=lambda d: order[d.outcome])
    out = []
    for d in rows:
        outcome = OUTCOME_LABELS[d.outcome]
        if d.conflicts:
            outcome += f"（{'、'.join(label(d.kind, key) for key in d.conflicts)}）"
        out.append((outcome, RECORD_LABELS.get(d.kind, d.kind), d.name))
    return out


def attachment_names(package: Package) -> list[str]:
    """The files that travel with a package besides its records."""
    names = [n.removeprefix("documents/") for n in package.documents]
    return names + (["summary.xlsx"] if package.summary is not None else [])


def created_label(manifest: Manifest) -> str:
    """When the sender made the package, in its local time (the sender's clock: shown, never compared)."""
    try:
        moment = datetime.fromisoformat(manifest.created_at)
    except ValueError:
        return manifest.created_at
    return f"{wareki_date(local_date(moment))} {moment.astimezone():%H:%M}"
