"""募集要項 (ジョブディスクリプション): job descriptions for digital talent, started from a スキル標準 template."""

from typing import Any

from sqlalchemy import Row

from desktop.content.templates import JobTemplate, load_job_templates
from desktop.models import JobDescription
from desktop.models.errors import ValidationError
from desktop.models.vocab import SKILL_ROLES
from desktop.services import records
from desktop.services.municipality import get_municipality
from desktop.services.workspace import Workspace

_ROLE_ORDER = {key: i for i, key in enumerate(SKILL_ROLES)}


def _by_role(job: Any) -> tuple[int, str]:
    return _ROLE_ORDER.get(job.skill_role, 9), job.title


def jobs(ws: Workspace) -> list[JobDescription]:
    """Live job descriptions in スキル標準 role order, then by title."""
    return sorted(records.find(ws, JobDescription), key=_by_role)


def job_summaries(ws: Workspace) -> list[Row[Any]]:
    """List rows of the job descriptions (id, title, skill_role, status) in the order of `jobs`."""
    return sorted(records.summaries(ws, JobDescription, ("title", "skill_role", "status")), key=_by_role)


def get(ws: Workspace, job_id: str) -> JobDescription:
    """One job description (NotFoundError if unknown or deleted)."""
    return records.get(ws, JobDescription, job_id)


def templates() -> tuple[JobTemplate, ...]:
    """The four role templates, for a 「ひな形から作成」 menu."""
    return load_job_templates()


def create_from_template(ws: Workspace, template_key: str, **overrides: Any) -> JobDescription:
    """A draft JD filled from the template of one スキル標準 role, with this municipality's name in place."""
    template = next((t for t in load_job_templates() if t.key == template_key), None)
    if template is None:
        names = "、".join(t.key for t in load_job_templates())
        raise ValidationError(f"募集要項のひな形「{template_key}」はありません（{names}）。", "template_key")
    values: dict[str, Any] = {
        **template.record_fields(get_municipality(ws).name),
        "status": "draft",
        **overrides,
    }
    return records.create(ws, JobDescription, **values)


def create(ws: Workspace, title: str, skill_role: str = "producer", **fields: Any) -> JobDescription:
    """An empty draft JD."""
    if not title.strip():
        raise ValidationError("職名を入力してください。", "title")
    return records.create(ws, JobDescription, title=title.strip(), skill_role=skill_role, **fields)


def delete(ws: Workspace, job_id: str) -> list[tuple[str, str]]:
    """Tombstone a JD; returns the undo token for records.undelete."""
    return records.delete(ws, JobDescription, job_id)
