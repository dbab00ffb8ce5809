"""Procedure content (steps, 重点取組事項, 20業務, roles, deadlines) as typed, validated, Qt-free data."""

from desktop.content.catalog import (
    AppointmentType,
    Business,
    Catalog,
    Checkpoint,
    Deadline,
    MigrationPhase,
    OrgRoleTemplate,
    PriorityItem,
    SkillRole,
    Step,
)
from desktop.content.loader import ContentError, load_catalog, read_catalog, resources_dir

__all__ = [
    "AppointmentType",
    "Business",
    "Catalog",
    "Checkpoint",
    "ContentError",
    "Deadline",
    "MigrationPhase",
    "OrgRoleTemplate",
    "PriorityItem",
    "SkillRole",
    "Step",
    "load_catalog",
    "read_catalog",
    "resources_dir",
]
