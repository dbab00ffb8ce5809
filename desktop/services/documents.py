"""文書出力: the registry of document kinds, and gathering the data of the plan, 進捗報告 and plan DOCX.

Used by the CLI (`dxnavi pdf …`, `dxnavi export xlsx|docx …`) and the 文書出力 page. Builders in
desktop.documents are pure (plain data in, file out); this module reads the store and fills their data classes.
The 支援ニーズ調書, 調達仕様書 and 募集要項 and the XLSX exports are gathered in desktop.services.form_documents.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import date
from pathlib import Path

from desktop.content import load_catalog
from desktop.documents.data import (
    ActionPlan,
    BuildResult,
    BusinessLine,
    CheckLine,
    DocMeta,
    KpiLine,
    KpiYear,
    PlanData,
    ProgressData,
    RoleLine,
    StepLine,
)
from desktop.documents.fonts import FontSet, find_fonts
from desktop.models import JobDescription, NeedsRequest, ProcurementSpec
from desktop.models.errors import DomainError, NotFoundError, ValidationError
from desktop.models.progress import NO_PROGRESS, Progress
from desktop.models.vocab import CHECK_STATUS, SPECIFIC_SUPPORT_REASON
from desktop.models.wareki import fiscal_year_of
from desktop.services import plan as plan_service
from desktop.services import records, settings, standardization, steps, structure
from desktop.services.municipality import get_municipality
from desktop.services.output_paths import check_output, writing
from desktop.services.workspace import Workspace


@dataclass(frozen=True)
class DocumentKind:
    """A document the user can produce; `needs_record`: its PDF is about one record of `record_kind`.

    With `all_records` set, choosing no record is allowed and means every record (the label says so).
    """

    key: str
    title: str
    formats: tuple[str, ...]
    needs_record: bool = False
    record_kind: str = ""
    all_records: str = ""


DOCUMENT_KINDS: dict[str, DocumentKind] = {
    k.key: k
    for k in (
        DocumentKind("plan", "DX推進計画", ("pdf", "docx")),
        DocumentKind(
            "needs", "支援ニーズ調書", ("pdf", "xlsx"), True, NeedsRequest.kind, "すべての支援ニーズ"
        ),
        DocumentKind("spec", "調達仕様書・要件定義書", ("pdf",), True, ProcurementSpec.kind),
        DocumentKind("jd", "募集要項（ジョブディスクリプション）", ("pdf",), True, JobDescription.kind),
        DocumentKind("progress", "進捗報告", ("pdf",)),
        DocumentKind("tracker", "標準化(20業務)進捗表", ("xlsx",)),
        DocumentKind("kpi", "KPI一覧", ("xlsx",)),
    )
}

FORMAT_NAMES = {"pdf": "PDF", "xlsx": "Excel（XLSX）", "docx": "Word（DOCX）"}

NO_PLAN_MESSAGE = (
    "計画の内容がまだ入力されていません。ステップ1「全体方針の決定」で、計画策定の趣旨・ビジョン・"
    "重点取組事項などを入力してから出力してください。"
)


def record_needed(key: str, fmt: str) -> bool:
    """True when this document in this format is about one chosen record (the XLSX exports take all)."""
    kind = DOCUMENT_KINDS.get(key)
    return kind is not None and kind.needs_record and fmt == "pdf"


def record_required(key: str, fmt: str) -> bool:
    """True when a record must be chosen (no 'all records' choice for this document)."""
    return record_needed(key, fmt) and not DOCUMENT_KINDS[key].all_records


def records_for(ws: Workspace, key: str) -> list[tuple[str, str]]:
    """(id, label) of the records a document of this kind can be made from, newest first."""
    kind = _kind(key)
    model = {
        NeedsRequest.kind: NeedsRequest,
        ProcurementSpec.kind: ProcurementSpec,
        JobDescription.kind: JobDescription,
    }.get(kind.record_kind)
    if model is None:
        return []
    rows = records.summaries(ws, model, ("title",), order_by=(model.updated_at.desc(),))
    return [(r.id, r.title or "（件名なし）") for r in rows]


def build_document(
    ws: Workspace,
    key: str,
    fmt: str,
    out: Path | str,
    record_id: str | None = None,
    progress: Progress = NO_PROGRESS,
) -> BuildResult:
    """Build one document into `out`; a DomainError (Japanese) if it cannot be made, and nothing written."""
    kind = _kind(key)
    fmt = fmt.lower().lstrip(".")
    if fmt not in kind.formats:
        shown = "・".join(FORMAT_NAMES.get(f, f) for f in kind.formats)
        raise ValidationError(
            f"「{kind.title}」は{FORMAT_NAMES.get(fmt, fmt)}形式では出力できません（{shown}）。"
        )
    out = check_output(ws.store.data_dir, out)
    ws.owner_code  # noqa: B018 - a store without a municipality fails here with its own message
    if record_needed(key, fmt):
        if not record_id and record_required(key, fmt):
            raise ValidationError(f"出力する「{kind.title}」の対象を指定してください。")
        if record_id and record_id not in dict(records_for(ws, key)):
            raise NotFoundError(f"指定された「{kind.title}」の記録（{record_id}）が見つかりません。")
    with writing(out):
        return _BUILDERS[(key, fmt)](ws, out, record_id, progress)


def _kind(key: str) -> DocumentKind:
    try:
        return DOCUMENT_KINDS[key]
    except KeyError:
        names = "、".join(DOCUMENT_KINDS)
        raise ValidationError(f"文書の種類「{key}」はありません（{names}）。") from None


# --- shared by the gatherers ---------------------------------------------------------------------------


def fonts_for(ws: Workspace) -> FontSet:
    """The PDF fonts, honouring the font file named in the settings."""
    return find_fonts(settings.get(ws.store, "pdf_font_file") or None)


def doc_meta(ws: Workspace, title: str, draft: bool = False, today: date | None = None) -> DocMeta:
    """Header/footer data of a document of this municipality: its printed name, head's title and DX contact."""
    from desktop.services.form_documents import printed_name  # one rule for the printed 団体名

    muni = get_municipality(ws)
    return DocMeta(
        printed_name(muni),
        title,
        today or ws.today(),
        draft,
        department=muni.department,
        head_title=muni.head_title,
        contact_person=muni.contact_person,
        contact_phone=muni.contact_phone,
        contact_email=muni.contact_email,
    )


# --- DX推進計画 -----------------------------------------------------------------------------------------


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


def plan_data(ws: Workspace, today: date | None = None, progress: Progress = NO_PROGRESS) -> PlanData:
    """Everything the plan PDF/DOCX prints; DomainError while the plan is still empty."""
    plan = plan_service.get_or_create_plan(ws)
    priorities = plan_service.priorities(ws, plan.id)
    progress.report(0, 4, "計画の内容を読み込んでいます")
    if not priorities and not any(t.strip() for t in (plan.purpose, plan.vision, plan.principles)):
        raise DomainError(NO_PLAN_MESSAGE)
    kpis = kpi_lines(ws, plan.id, priorities)
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
        )
        for i, p in enumerate(priorities, start=1)
    )
    progress.report(1, 4, "推進体制を読み込んでいます")
    roles = tuple(
        RoleLine(r.title, r.person_name, r.position, r.is_external, r.note) for r in structure.roles(ws)
    )
    progress.report(2, 4, "進捗状況を読み込んでいます")
    approved = plan.status == "approved"
    return PlanData(
        meta=doc_meta(ws, plan.title or "DX推進計画", draft=not approved, today=today),
        title=plan.title or "DX推進計画",
        purpose=plan.purpose,
        vision=plan.vision,
        principles=plan.principles,
        start_fy=plan.start_fy,
        end_fy=plan.end_fy,
        approved=approved,
        approved_on=plan.approved_on if approved else None,
        progress_management=plan.progress_management,
        roles=roles,
        priorities=actions,
        kpis=kpis,
        steps=_step_lines(ws),
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
        meta=doc_meta(ws, "自治体DX 進捗報告", draft=False, today=today),
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


# --- dispatch to the form documents (支援ニーズ調書, 仕様書, 募集要項, XLSX) ---------------------------------


def _form(name: str, with_record: bool) -> Callable[[Workspace, Path, str | None, Progress], BuildResult]:
    """Call desktop.services.form_documents.<name> (imported when first used)."""

    def run(ws: Workspace, out: Path, record_id: str | None, progress: Progress) -> BuildResult:
        from desktop.services import form_documents

        fn = getattr(form_documents, name)
        if with_record:
            return fn(ws, out, record_id, progress)
        return fn(ws, out, progress)

    run.__name__ = name
    return run


_BUILDERS: dict[tuple[str, str], Callable[[Workspace, Path, str | None, Progress], BuildResult]] = {
    ("plan", "pdf"): build_plan_pdf,
    ("plan", "docx"): build_plan_docx,
    ("progress", "pdf"): build_progress_pdf,
    ("needs", "pdf"): _form("build_needs_pdf", True),
    ("spec", "pdf"): _form("build_spec_pdf", True),
    ("jd", "pdf"): _form("build_jd_pdf", True),
    ("needs", "xlsx"): _form("export_needs_xlsx", False),
    ("tracker", "xlsx"): _form("export_tracker_xlsx", False),
    ("kpi", "xlsx"): _form("export_kpi_xlsx", False),
}
