"""Form documents: 支援ニーズ調書, 調達仕様書, 募集要項 (PDF) and the needs / 20業務 / KPI workbooks (XLSX).

Each function gathers plain data from the services and hands it to a pure builder in desktop.documents; the
document registry (desktop.services.documents) calls them.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from pathlib import Path

from desktop.content import load_catalog
from desktop.content.templates import load_spec_templates
from desktop.documents import jd_pdf, needs_pdf, spec_pdf, xlsx_export
from desktop.documents.data import BuildResult
from desktop.models import Plan, PlanPriority, StandardizationSystem
from desktop.models.errors import DomainError
from desktop.models.progress import NO_PROGRESS, Progress
from desktop.models.vocab import (
    COST_SPLIT,
    ENGAGEMENT,
    FUNDING,
    NEEDS_CATEGORY,
    NEEDS_STATUS,
    PRIORITY,
    PROCUREMENT_METHOD,
    PROCUREMENT_MODE,
    SKILL_ROLES,
    SPECIFIC_SUPPORT_REASON,
)
from desktop.services import jobs, needs, procurement, records, settings
from desktop.services import plan as plan_service
from desktop.services.document_parts import (
    doc_meta,
    draft_mark,
    fonts_for,
    kpi_lines,
    label,
    plan_mark,
    record_for_document,
)
from desktop.services.municipality import get_municipality
from desktop.services.workspace import Workspace

NO_SENT_NEEDS = (
    "提出済の支援ニーズがありません。支援ニーズ調書には、状況を「提出済」にした支援ニーズだけを載せます。"
)
NOT_SENT = "この支援ニーズはまだ提出していません（状況：{0}）。状況を「提出済」にしてから出力してください。"
NO_NEED = "指定された支援ニーズが見つかりません（削除された可能性があります）。"
NO_SPEC = "指定された調達仕様書が見つかりません（削除された可能性があります）。"
NO_JOB = "指定された募集要項が見つかりません（削除された可能性があります）。"
NO_KPI = "評価指標（KPI）がまだ登録されていません。DX推進計画に評価指標を登録してください。"


# --- 支援ニーズ ----------------------------------------------------------------------------------------------


# Needs the municipality has handed to the prefecture: only these go on the 調書 (a draft is not sent yet).
SENT = ("submitted", "answered")


@dataclass(frozen=True)
class NeedsIssue:
    """How one copy of the 調書 is issued: to whom, under which 文書番号, on which 発信日 (blank: by hand)."""

    addressee: str = ""
    doc_number: str = ""
    sent_on: date | None = None


def needs_data(
    ws: Workspace, record_id: str | None = None, fingerprint: str = "", issue: NeedsIssue | None = None
) -> needs_pdf.NeedsDocData:
    """What the 支援ニーズ調書 prints: every submitted need, or the one named (which must be submitted)."""
    if record_id is None:
        rows = [n for n in needs.needs(ws) if n.status in SENT]
        if not rows:
            raise DomainError(NO_SENT_NEEDS)
    else:
        rows = [record_for_document(needs.get, ws, record_id, NO_NEED)]
        if rows[0].status not in SENT:
            raise DomainError(NOT_SENT.format(label(NEEDS_STATUS, rows[0].status)))
    issue = issue or NeedsIssue(addressee=settings.get(ws.store, "needs_addressee") or "")
    muni = get_municipality(ws)
    lines = tuple(
        needs_pdf.NeedLine(
            title=n.title,
            category=label(NEEDS_CATEGORY, n.category),
            skill_role=label(SKILL_ROLES, n.skill_role),
            engagement=label(ENGAGEMENT, n.engagement),
            days_per_month=n.days_per_month,
            period_start=n.period_start,
            period_end=n.period_end,
            purpose=n.purpose,
            detail=n.detail,
            priority=label(PRIORITY, n.priority),
            funding=label(FUNDING, n.funding),
        )
        for n in rows
    )
    return needs_pdf.NeedsDocData(
        meta=doc_meta(ws, "支援ニーズ調書"),
        code=muni.code,
        prefecture=muni.prefecture,
        needs=lines,
        population=muni.population,
        staff_count=muni.staff_count,
        department=muni.department,
        contact_person=muni.contact_person,
        contact_phone=muni.contact_phone,
        contact_email=muni.contact_email,
        fingerprint=fingerprint,
        addressee=issue.addressee,
        doc_number=issue.doc_number,
        sent_on=issue.sent_on,
    )


def build_needs_pdf(
    ws: Workspace,
    out: Path,
    record_id: str | None = None,
    progress: Progress = NO_PROGRESS,
    *,
    fingerprint: str = "",
    issue: NeedsIssue | None = None,
) -> BuildResult:
    """支援ニーズ調書 (PDF) of all submitted needs, or of one; `fingerprint` is printed when the paper goes with a
    package; `issue` gives the 宛先, 文書番号 and 発信日 (the stored 宛先 and blanks when not given)."""
    if issue is not None and issue.addressee:
        settings.put(ws.store, "needs_addressee", issue.addressee)  # the same department next time
    return needs_pdf.build_needs_pdf(
        needs_data(ws, record_id, fingerprint, issue), Path(out), fonts_for(ws), progress
    )


def export_needs_xlsx(
    ws: Workspace, out: Path, record_id: str | None = None, progress: Progress = NO_PROGRESS
) -> BuildResult:
    """The submitted needs as a workbook the prefecture can filter and merge (団体コード on every row)."""
    return xlsx_export.write_needs_xlsx(needs_data(ws), Path(out), progress)


# --- 調達仕様書 --------------------------------------------------------------------------------------------


def spec_data(ws: Workspace, record_id: str) -> spec_pdf.SpecDocData:
    """What the 調達仕様書 prints: chapters ア〜サ, 参加団体 (共同調達), the 要件定義書 rows and the 特記事項.

    A 共同調達 is issued by its 代表団体 (cover, headers, file properties); its 負担割合 are computed from the
    按分方法 with the stated rounding rule, so that the rows add up to 100％.
    """
    spec = record_for_document(procurement.get, ws, record_id, NO_SPEC)
    defs = load_spec_templates()
    texts = spec.chapters or {}
    chapters = tuple(
        spec_pdf.ChapterBlock(c.title_for(spec.method), texts.get(c.key, "")) for c in defs.chapters
    )
    reqs = tuple(
        spec_pdf.RequirementLine(r.req_kind, r.category, r.text, r.mandatory)
        for r in procurement.requirements(ws, spec.id)
    )
    joint = spec.mode == "joint"
    people = procurement.participants(ws, spec.id) if joint else []
    computed = procurement.formula_shares(spec.cost_split, [p.population for p in people]) if people else None
    shares = computed or [p.share_percent for p in people]
    lines = tuple(
        spec_pdf.ParticipantLine(p.code, p.name, p.population, share)
        for p, share in zip(people, shares, strict=True)
    )
    issuer = spec.lead_body.strip() if joint and spec.lead_body.strip() else ""
    return spec_pdf.SpecDocData(
        meta=doc_meta(ws, f"{spec.title} 調達仕様書", draft_mark(spec.status != "final"), issuer=issuer),
        title=spec.title,
        mode=label(PROCUREMENT_MODE, spec.mode),
        method=label(PROCUREMENT_METHOD, spec.method),
        joint=joint,
        chapters=chapters,
        requirements=reqs,
        functional_categories=defs.functional_categories,
        non_functional_categories=defs.non_functional_categories,
        lead_body=spec.lead_body,
        cost_split=label(COST_SPLIT, spec.cost_split) if spec.cost_split else "",
        participants=lines,
        share_rule=procurement.SHARE_ROUNDING_RULE if computed else "",
        personal_data_title=defs.personal_data_title,
        personal_data_text=defs.personal_data_text,
    )


def build_spec_pdf(ws: Workspace, out: Path, record_id: str, progress: Progress = NO_PROGRESS) -> BuildResult:
    """調達仕様書 with 別紙 要件定義書 (and 別表 参加団体一覧 for 共同調達)."""
    return spec_pdf.build_spec_pdf(spec_data(ws, record_id), Path(out), fonts_for(ws), progress)


# --- 募集要項 ----------------------------------------------------------------------------------------------


def job_data(ws: Workspace, record_id: str) -> jd_pdf.JobDocData:
    """What the 募集要項 prints."""
    job = record_for_document(jobs.get, ws, record_id, NO_JOB)
    muni = get_municipality(ws)
    role = next((r for r in load_catalog().skill_roles if r.key == job.skill_role), None)
    return jd_pdf.JobDocData(
        meta=doc_meta(ws, f"{job.title} 募集要項", draft_mark(job.status != "final")),
        title=job.title,
        skill_role=label(SKILL_ROLES, job.skill_role),
        role_summary=f"{role.role}（主なスキル：{role.skills}）" if role else "",
        department=job.department,
        duties=job.duties,
        required_skills=job.required_skills,
        preferred_skills=job.preferred_skills,
        appointment_type=appointment_label(job.appointment_type),
        term=job.term,
        work_days=job.work_days,
        work_place=job.work_place,
        pay=job.pay,
        side_job=job.side_job,
        confidentiality=job.confidentiality,
        selection=job.selection,
        documents=job.documents,
        positions=job.positions,
        deadline=job.deadline,
        how_to_apply=job.how_to_apply,
        selection_schedule=job.selection_schedule,
        result_notice=job.result_notice,
        contact_department=muni.department,
        contact_person=muni.contact_person,
        contact_phone=muni.contact_phone,
        contact_email=muni.contact_email,
    )


def appointment_label(value: str) -> str:
    """任用形態 as printed: free text stays as typed; a catalog key becomes its title.

    The 地方公務員法 article is added only where a primary source confirms it: paper never carries a guessed
    article number (DOMAIN.md §10.6).
    """
    kind = next((a for a in load_catalog().appointment_types if a.key == value), None)
    if kind is None:
        return value
    if kind.legal_basis.startswith("地方公務員法") and kind.confidence == "primary":
        return f"{kind.title}（{kind.legal_basis}）"
    return kind.title


def build_jd_pdf(ws: Workspace, out: Path, record_id: str, progress: Progress = NO_PROGRESS) -> BuildResult:
    """募集要項 / ジョブディスクリプション of one post."""
    return jd_pdf.build_jd_pdf(job_data(ws, record_id), Path(out), fonts_for(ws), progress)


# --- 20業務 and KPI workbooks -------------------------------------------------------------------------------


def tracker_data(ws: Workspace) -> xlsx_export.TrackerSheetData:
    """The 20 業務 in official order with this municipality's migration record (blank when none yet)."""
    catalog = load_catalog()
    systems = {s.business_key: s for s in records.find(ws, StandardizationSystem)}
    phases = {p.key: p.title for p in catalog.phases}
    muni = get_municipality(ws)
    lines = []
    for b in catalog.businesses:
        s = systems.get(b.key)
        lines.append(
            xlsx_export.TrackerLine(
                number=b.number,
                name=b.name,
                group=b.group,
                phase=phases.get(s.phase_key, s.phase_key) if s and s.phase_key else "未着手",
                vendor=s.vendor if s else "",
                package_name=s.package_name if s else "",
                planned_go_live=s.planned_go_live if s else None,
                specific_support=bool(s and s.specific_support),
                specific_reason=SPECIFIC_SUPPORT_REASON.get(s.specific_reason, "")
                if s and s.specific_reason
                else "",
                gov_cloud=bool(s and s.gov_cloud),
                contract_end=s.contract_end if s else None,
                note=s.note if s else "",
            )
        )
    return xlsx_export.TrackerSheetData(doc_meta(ws, "標準化（20業務）進捗"), muni.code, tuple(lines))


def export_tracker_xlsx(
    ws: Workspace, out: Path, record_id: str | None = None, progress: Progress = NO_PROGRESS
) -> BuildResult:
    """The 20業務 standardisation tracker as a workbook."""
    return xlsx_export.write_tracker_xlsx(tracker_data(ws), Path(out), progress)


def kpi_data(ws: Workspace) -> xlsx_export.KpiSheetData:
    """KPIs of the plan with targets and actuals per 年度."""
    plans = records.find(ws, Plan, order_by=(Plan.updated_at,))
    if not plans:
        raise DomainError(NO_KPI)
    plan = plans[0]
    rows = plan_service.kpis(ws, plan.id)
    if not rows:
        raise DomainError(NO_KPI)
    lines = kpi_lines(ws, plan.id, records.find(ws, PlanPriority, plan_id=plan.id))
    years = plan_service.plan_years(plan)
    if not years:
        found = sorted({y.fiscal_year for k in lines for y in k.years})
        years = list(range(found[0], found[-1] + 1)) if found else []
    muni = get_municipality(ws)
    return xlsx_export.KpiSheetData(
        doc_meta(ws, f"{plan.title} 評価指標（KPI）", plan_mark(plan.status)),
        muni.code,
        lines,
        tuple(years),
    )


def export_kpi_xlsx(
    ws: Workspace, out: Path, record_id: str | None = None, progress: Progress = NO_PROGRESS
) -> BuildResult:
    """KPI targets and actuals per 年度 as a workbook."""
    return xlsx_export.write_kpi_xlsx(kpi_data(ws), Path(out), progress)
