"""The documents the app produces, in which formats, and which are about one chosen record.

A table only (no builder is imported here), so the command line can list the documents without loading the
PDF, XLSX and DOCX writers; desktop.services.documents builds them.
"""

from __future__ import annotations

from dataclasses import dataclass

from desktop.models import JobDescription, NeedsRequest, ProcurementSpec


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

LETTER = ("needs", "pdf")  # sent as an official letter: 宛先, 文書番号, 発信日

FORMAT_NAMES = {"pdf": "PDF", "xlsx": "Excel（XLSX）", "docx": "Word（DOCX）"}


def record_needed(key: str, fmt: str) -> bool:
    """True when this document in this format is about one chosen record (the XLSX exports take all)."""
    kind = DOCUMENT_KINDS.get(key)
    return kind is not None and kind.needs_record and fmt == "pdf"


def record_required(key: str, fmt: str) -> bool:
    """True when a record must be chosen (no 'all records' choice for this document)."""
    return record_needed(key, fmt) and not DOCUMENT_KINDS[key].all_records
