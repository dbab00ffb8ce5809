"""The DX推進計画 (PDF, DOCX) and the 進捗報告 (PDF): gathering what they print from the store.

Builders in desktop.documents are pure (plain data in, file out); these functions read the store and fill
their data classes. The registry of document kinds is desktop.services.documents.
"""

from __future__ import annotations

from datetime import date
from pathlib import Path

from desktop.content import load_catalog
from desktop.documents.data import (
    ActionPlan,
    BuildResult,
    BusinessLine,
    CheckLine,
    PlanData,
    ProgressData,
    RoleLine,
    StepLine,
)
from desktop.models.errors import DomainError
from desktop.models.progress import NO_PROGRESS, Progress
from desktop.models.vocab import CHECK_STATUS, SPECIFIC_SUPPORT_REASON
from desktop.models.wareki import fiscal_year_of
from desktop.services import plan as plan_service
from desktop.services import standardization, steps, structure
from desktop.services.document_parts import doc_meta, fonts_for, kpi_lines, plan_mark
from desktop.services.workspace import Workspace

NO_PLAN_MESSAGE = (
    "計画の内容がまだ入力されていません。ステップ1「全体方針の決定」で、計画策定の趣旨・ビジョン・"
    "重点取組事項などを入力してから出力してください。"
)


# --- DX推進計画 -----------------------------------------------------------------------------------------


def plan_data(ws: Workspace, today: date | None = None, progress: Progress = NO_PROGRESS) -> PlanData:
    """Everything the plan PDF/DOCX prints; DomainError while the plan is still empty."""
    plan = plan_service.get_or_create_plan(ws)
    priorities = plan_service.priorities(ws, plan.id)
    progress.report(0, 3, "計画の内容を読み込んでいます")
    if not priorities and not any(t.strip() for t in (plan.purpose, plan.vision, plan.principles)):
        raise DomainError(NO_PLAN_MESSAGE)
    kpis = kpi_lines(ws, plan.id, priorities)
    yearly = plan_service.yearly_activities(ws, plan.id)
    actions = tuple(
        ActionPlan(
            number=i,
            title=p.title,
            overview=p.overview,
            current_issues=p.current_issues,
            next_steps=p.next_steps,
            indicators=p.indicators,
            schedule=p.schedule,
            start_fy=p.start_fy,
            end_fy=p.end_fy,
            kpi_names=tuple(k.name for k in kpis if k.priority_id == p.id),
            activities=tuple(sorted(yearly.get(p.id, {}).items())),
        )
        for i, p in enumerate(priorities, start=1)
    )
    progress.report(1, 3, "推進体制を読み込んでいます")
    roles = tuple(
        RoleLine(r.title, r.person_name, r.position, r.is_external, r.note) for r in structure.roles(ws)
    )
    return PlanData(
        meta=doc_meta(ws, plan.title or "DX推進計画", plan_mark(plan.status), today),
        title=plan.title or "DX推進計画",
        status=plan.status,
        adopted_on=plan.adopted_on,
        approved_on=plan.approved_on,
        revised_on=plan.revised_on,
        purpose=plan.purpose,
        national_trends=plan.national_trends,
        current_situation=plan.current_situation,
        vision=plan.vision,
        principles=plan.principles,
        start_fy=plan.start_fy,
        end_fy=plan.end_fy,
        progress_management=plan.progress_management,
        glossary=plan.glossary,
        show_names=plan.show_names,
        roles=roles,
        priorities=actions,
        kpis=kpis,
    )


def _step_lines(ws: Workspace) -> tuple[StepLine, ...]:
    return tuple(StepLine(s.number, s.title, s.done, s.doing, s.applicable) for s in steps.progress(ws))


def build_plan_pdf(ws: Workspace, out: Path, record_id: str | None = None, progress: Progress = NO_PROGRESS):
    """DX推進計画 (PDF)."""
    from desktop.documents.plan_pdf import build_plan_pdf as build

    return build(plan_data(ws, progress=progress), out, fonts_for(ws), progress)


def build_plan_docx(ws: Workspace, out: Path, record_id: str | None = None, progress: Progress = NO_PROGRESS):
    """DX推進計画 (DOCX, for last edits in Word before council)."""
    from desktop.documents.plan_docx import build_plan_docx as build

    return build(plan_data(ws, progress=progress), out, fonts_for(ws), progress)


# --- 進捗報告 --------------------------------------------------------------------------------------------

_CIRCLED = "①②③④⑤⑥⑦⑧⑨⑩⑪⑫⑬⑭⑮⑯⑰⑱⑲⑳"


def phase_label(phase_key: str) -> str:
    """「⑫ 本稼働・…」 for a 標準化手順書 work item; 「未着手」 when none."""
    if not phase_key:
        return "未着手"
    try:
        phase = load_catalog().phase(phase_key)
    except StopIteration:
        return phase_key
    mark = _CIRCLED[phase.number - 1] if 0 < phase.number <= len(_CIRCLED) else f"({phase.number})"
    return f"{mark} {phase.title}"


def progress_data(ws: Workspace, today: date | None = None, progress: Progress = NO_PROGRESS) -> ProgressData:
    """Everything the 進捗報告 prints: steps, checkpoints, KPIs of the current 年度, the 20業務."""
    today = today or ws.today()
    fy = fiscal_year_of(today)
    progress.report(0, 4, "進捗状況を読み込んでいます")
    checks = []
    for step in load_catalog().steps:
        for item in steps.checklist(ws, step.number):
            if item.status in ("done", "doing"):
                checks.append(
                    CheckLine(
                        step.number,
                        item.checkpoint.title,
                        CHECK_STATUS.get(item.status, item.status),
                        item.done_on,
                        item.assignee,
                        item.note,
                    )
                )
    progress.report(1, 4, "KPIを読み込んでいます")
    plan = plan_service.get_or_create_plan(ws)
    kpis = kpi_lines(ws, plan.id)
    progress.report(2, 4, "標準化の状況を読み込んでいます")
    go_live = load_catalog().phases[-1].key  # 本稼働 is the last work item of the 標準化手順書
    businesses = tuple(
        BusinessLine(
            number=row.business.number,
            name=row.business.name,
            phase=phase_label(row.system.phase_key),
            planned_go_live=row.system.planned_go_live,
            specific_support=row.system.specific_support,
            specific_reason=SPECIFIC_SUPPORT_REASON.get(row.system.specific_reason, "")
            if row.system.specific_reason
            else "",
            gov_cloud=row.system.gov_cloud,
            live=row.system.phase_key == go_live,
        )
        for row in standardization.tracker(ws)
    )
    return ProgressData(
        meta=doc_meta(ws, "自治体DX 進捗報告", now=today),
        fiscal_year=fy,
        steps=_step_lines(ws),
        checks=tuple(checks),
        kpis=kpis,
        businesses=businesses,
        plan_title=plan.title,
    )


def build_progress_pdf(
    ws: Workspace, out: Path, record_id: str | None = None, progress: Progress = NO_PROGRESS
) -> BuildResult:
    """進捗報告 (PDF)."""
    from desktop.documents.progress_pdf import build_progress_pdf as build

    return build(progress_data(ws, progress=progress), out, fonts_for(ws), progress)
