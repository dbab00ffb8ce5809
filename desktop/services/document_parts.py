"""What every document gathers the same way: its fonts, header/footer data, the printed 団体名 and KPI lines.

The gatherers (plan_documents, form_documents) import this module and the registry (documents) imports them,
so no gatherer ever needs the registry.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date, datetime
from typing import TypeVar

from desktop.documents.data import DocMeta, KpiLine, KpiYear
from desktop.documents.fonts import FontSet, find_fonts
from desktop.models import Municipality
from desktop.models.contact import head_title_for
from desktop.models.errors import NotFoundError
from desktop.services import plan as plan_service
from desktop.services import settings
from desktop.services.municipality import get_municipality
from desktop.services.workspace import Workspace

T = TypeVar("T")


def fonts_for(ws: Workspace) -> FontSet:
    """The PDF fonts, honouring the font file named in the settings."""
    return find_fonts(settings.get(ws.store, "pdf_font_file") or None)


def printed_name(muni: Municipality) -> str:
    """団体名 as printed on documents: with its prefecture (福井県鯖江市), unless already written so."""
    return muni.name if muni.name.startswith(muni.prefecture) else f"{muni.prefecture}{muni.name}"


def doc_meta(
    ws: Workspace, title: str, mark: str = "", now: datetime | date | None = None, issuer: str = ""
) -> DocMeta:
    """Header/footer data of a document of this municipality (or of `issuer`, e.g. a 共同調達's 代表団体): its
    printed name, head's title and DX contact.

    `mark` is 「案」/「改定案」 on drafts; `now` is when the file is made (the 印刷日; the store's clock if None).
    """
    muni = get_municipality(ws)
    if now is None:
        now = ws.now().astimezone()
    elif not isinstance(now, datetime):
        now = datetime(now.year, now.month, now.day).astimezone()
    return DocMeta(
        issuer or printed_name(muni),
        title,
        now.date(),
        mark,
        department=muni.department,
        printed_at=now,
        head_title=muni.head_title or head_title_for(muni.name),
        contact_person=muni.contact_person,
        contact_phone=muni.contact_phone,
        contact_email=muni.contact_email,
    )


def plan_mark(status: str) -> str:
    """The mark a plan carries: 「案」 while first drafted, 「改定案」 while a plan in force is revised, none in force."""
    return {"draft": "案", "revising": "改定案"}.get(status, "")


def draft_mark(is_draft: bool) -> str:
    """「案」 on a draft, nothing on a final document."""
    return "案" if is_draft else ""


def label(vocabulary: dict[str, str], key: str | None) -> str:
    """The Japanese label of a stored key (the key itself when the vocabulary does not know it)."""
    return vocabulary.get(key or "", key or "")


def record_for_document(get: Callable[[Workspace, str], T], ws: Workspace, record_id: str, gone: str) -> T:
    """The record a document is about; `gone` says which one when it was deleted since it was chosen."""
    try:
        return get(ws, record_id)
    except NotFoundError:
        raise NotFoundError(gone) from None


def kpi_lines(ws: Workspace, plan_id: str, priorities: list | None = None) -> tuple[KpiLine, ...]:
    """The plan's KPIs as documents print them, each with its 重点取組事項 when `priorities` are given."""
    titles = {p.id: p.title for p in priorities or ()}
    return tuple(
        KpiLine(
            name=r.kpi.name,
            unit=r.kpi.unit,
            baseline=r.kpi.baseline,
            baseline_fy=r.kpi.baseline_fy,
            years=tuple(KpiYear(fy, v.target, v.actual) for fy, v in sorted(r.values.items())),
            priority_title=titles.get(r.kpi.priority_id or "", ""),
            priority_id=r.kpi.priority_id or "",
        )
        for r in plan_service.kpis(ws, plan_id)
    )
