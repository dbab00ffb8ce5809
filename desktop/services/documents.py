"""文書出力: the registry of document kinds and the one entry point that builds any of them.

Used by the CLI (`dxnavi pdf …`, `dxnavi export xlsx|docx …`) and the 文書出力 page. The data each document
prints is gathered in plan_documents (計画, 進捗報告) and form_documents (支援ニーズ調書, 調達仕様書, 募集要項,
XLSX); shared pieces are in document_parts. This module imports them, never the other way round.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from desktop.documents.data import BuildResult
from desktop.models import JobDescription, NeedsRequest, ProcurementSpec
from desktop.models.errors import NotFoundError, ValidationError
from desktop.models.progress import NO_PROGRESS, Progress
from desktop.services import form_documents, plan_documents, records, settings
from desktop.services.document_kinds import (
    DOCUMENT_KINDS,
    FORMAT_NAMES,
    LETTER,
    DocumentKind,
    record_needed,
    record_required,
)
from desktop.services.form_documents import NeedsIssue
from desktop.services.output_paths import check_output, writing
from desktop.services.workspace import Workspace


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
    rows = records.summaries(ws, model, ("title", "status"), order_by=(model.updated_at.desc(),))
    if model is NeedsRequest:  # only what has been submitted goes on the 支援ニーズ調書
        rows = [r for r in rows if r.status in form_documents.SENT]
    return [(r.id, r.title or "（件名なし）") for r in rows]


def build_document(
    ws: Workspace,
    key: str,
    fmt: str,
    out: Path | str,
    record_id: str | None = None,
    progress: Progress = NO_PROGRESS,
    issue: NeedsIssue | None = None,
) -> BuildResult:
    """Build one document into `out`; a DomainError (Japanese) if it cannot be made, and nothing written.

    `issue` (宛先, 文書番号, 発信日) is for the documents sent as a letter: the 支援ニーズ調書 PDF.
    """
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
        if (key, fmt) == LETTER:
            return form_documents.build_needs_pdf(ws, out, record_id, progress, issue=issue)
        return _BUILDERS[(key, fmt)](ws, out, record_id, progress)


def issued_as_letter(key: str, fmt: str) -> bool:
    """True for the document that carries a 宛先, 文書番号 and 発信日 (the 支援ニーズ調書 PDF)."""
    return (key, fmt) == LETTER


def needs_addressee(ws: Workspace) -> str:
    """The prefecture's department the last 支援ニーズ調書 went to (to prefill the next one)."""
    return settings.get(ws.store, "needs_addressee") or ""


def _kind(key: str) -> DocumentKind:
    try:
        return DOCUMENT_KINDS[key]
    except KeyError:
        names = "、".join(DOCUMENT_KINDS)
        raise ValidationError(f"文書の種類「{key}」はありません（{names}）。") from None


Builder = Callable[[Workspace, Path, str | None, Progress], BuildResult]

_BUILDERS: dict[tuple[str, str], Builder] = {
    ("plan", "pdf"): plan_documents.build_plan_pdf,
    ("plan", "docx"): plan_documents.build_plan_docx,
    ("progress", "pdf"): plan_documents.build_progress_pdf,
    ("spec", "pdf"): form_documents.build_spec_pdf,
    ("jd", "pdf"): form_documents.build_jd_pdf,
    ("needs", "xlsx"): form_documents.export_needs_xlsx,
    ("tracker", "xlsx"): form_documents.export_tracker_xlsx,
    ("kpi", "xlsx"): form_documents.export_kpi_xlsx,
}
