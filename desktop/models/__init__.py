"""Domain entities and rules. No Qt, no I/O beyond the ORM (DESIGN.md §2)."""

from desktop.models.audit import AuditEntry, Setting
from desktop.models.base import Base, Synced
from desktop.models.catalog import (
    Announcement,
    GoodPractice,
    JointProcurementIntent,
    JointProcurementOffer,
    TalentPoolEntry,
    TownContact,
)
from desktop.models.checklist import ChecklistState
from desktop.models.initiatives import Initiative, PdcaReview, StandardizationSystem
from desktop.models.municipality import AwarenessActivity, Municipality
from desktop.models.needs import JobDescription, NeedsRequest
from desktop.models.packages import PackageOrigin, PackageReceipt, PinnedKey
from desktop.models.plan import Kpi, KpiValue, Plan, PlanPriority, PlanPriorityYear
from desktop.models.procurement import ProcurementParticipant, ProcurementRequirement, ProcurementSpec
from desktop.models.structure import OrgRole, TalentGap
from desktop.models.sync_state import Conflict, ParkedRecord, SyncBase, SyncRejection, SyncRun, SyncState

# Every synced entity, parents before children (the order changes are applied in).
SYNCED_ENTITIES: tuple[type[Synced], ...] = (
    Municipality,
    AwarenessActivity,
    ChecklistState,
    Plan,
    PlanPriority,
    PlanPriorityYear,
    Kpi,
    KpiValue,
    OrgRole,
    TalentGap,
    Initiative,
    PdcaReview,
    StandardizationSystem,
    NeedsRequest,
    JobDescription,
    ProcurementSpec,
    ProcurementRequirement,
    ProcurementParticipant,
    TalentPoolEntry,
    GoodPractice,
    JointProcurementOffer,
    Announcement,
    JointProcurementIntent,
)
ENTITY_BY_KIND: dict[str, type[Synced]] = {cls.kind: cls for cls in SYNCED_ENTITIES}

__all__ = [
    "Announcement", "GoodPractice", "JointProcurementIntent", "JointProcurementOffer", "TalentPoolEntry",
    "TownContact", "AuditEntry", "AwarenessActivity", "Base", "ChecklistState", "Conflict", "ENTITY_BY_KIND",
    "Initiative", "JobDescription", "Kpi", "KpiValue", "Municipality", "NeedsRequest", "OrgRole", "PackageOrigin",
    "PackageReceipt", "ParkedRecord", "PdcaReview", "PinnedKey", "Plan",
    "PlanPriority", "PlanPriorityYear", "ProcurementParticipant", "ProcurementRequirement", "ProcurementSpec",
    "SYNCED_ENTITIES",
    "Setting", "StandardizationSystem", "SyncBase", "SyncRejection", "SyncRun", "SyncState", "Synced", "TalentGap",
]  # fmt: skip
