"""Document sub-commands of `dxnavi`: `pdf KIND --out F [--id ID]` and `export {xlsx,docx} KIND --out F`.

desktop.cli calls register() while building its parser. A command added here follows the cli contract:
`sub.set_defaults(run=handler, store_mode="open")` where `handler(args, store) -> int` returns the exit code;
cli.main opens the store, closes it afterwards, and reports a DomainError in Japanese with exit code 1.
Documents are written atomically, so a refused or failed command leaves no file behind. Warnings (e.g. the
font fallback) go to stderr, the written path to stdout.
"""

import argparse
import sys
from collections.abc import Sequence
from datetime import date
from pathlib import Path

from desktop.models.errors import ValidationError
from desktop.services import output_paths
from desktop.services.document_kinds import DOCUMENT_KINDS, record_required
from desktop.services.workspace import Workspace
from desktop.store import Store

EXIT_OK, EXIT_ERROR = 0, 1


def _kinds(fmt: str) -> list[str]:
    return [k for k, kind in DOCUMENT_KINDS.items() if fmt in kind.formats]


def _kind_help(fmt: str) -> str:
    return "、".join(f"{k}={DOCUMENT_KINDS[k].title}" for k in _kinds(fmt))


def register(
    commands: "argparse._SubParsersAction[argparse.ArgumentParser]",
    *,
    export_formats: "argparse._SubParsersAction[argparse.ArgumentParser]",
    parents: Sequence[argparse.ArgumentParser],
) -> None:
    """Add the document commands: top-level ones to `commands`, `export <format>` ones to `export_formats`."""
    pdf = commands.add_parser(
        "pdf",
        help="文書をPDFで出力します",
        description="文書をPDF（フォント埋め込み・A4）で出力します。",
        parents=list(parents),
    )
    pdf.add_argument("kind", choices=_kinds("pdf"), help=f"文書の種類（{_kind_help('pdf')}）")
    pdf.add_argument("--out", type=Path, required=True, metavar="F", help="保存先のPDFファイル")
    pdf.add_argument(
        "--id",
        dest="record_id",
        metavar="ID",
        help="対象の記録のID（needs / spec / jd で指定。省略すると一覧を表示）",
    )
    letter = pdf.add_argument_group("支援ニーズ調書（needs）の発信")
    letter.add_argument(
        "--addressee", metavar="課", help="宛先の都道府県の担当課（例: 総務部市町村課。次回も使われます）"
    )
    letter.add_argument("--number", metavar="番号", default="", help="文書番号（省略すると手書き用の空欄）")
    letter.add_argument(
        "--sent-on", type=_iso_date, metavar="YYYY-MM-DD", help="発信日（省略すると手書き用の空欄）"
    )
    pdf.set_defaults(run=run_document, store_mode="open", fmt="pdf", precheck=output_paths.precheck_out)
    for fmt, what in (("xlsx", "Excel（XLSX）"), ("docx", "Word（DOCX）")):
        sub = export_formats.add_parser(
            fmt,
            help=f"文書を{what}で書き出します",
            description=f"文書を{what}で書き出します。",
            parents=list(parents),
        )
        sub.add_argument("kind", choices=_kinds(fmt), help=f"書き出す内容（{_kind_help(fmt)}）")
        sub.add_argument(
            "--out", type=Path, required=True, metavar="F", help=f"保存先の{fmt.upper()}ファイル"
        )
        sub.set_defaults(
            run=run_document, store_mode="open", fmt=fmt, record_id=None, precheck=output_paths.precheck_out
        )


def _iso_date(text: str) -> date:
    try:
        return date.fromisoformat(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"日付「{text}」は 2026-12-01 の形で指定してください") from None


def run_document(args: argparse.Namespace, store: Store) -> int:
    """Build one document; list the choices when a record is needed but --id was not given."""
    # The builders (reportlab, openpyxl, python-docx) load only when a document is made.
    from desktop.services import documents
    from desktop.services.form_documents import NeedsIssue

    ws = Workspace(store, actor="cli")
    kind = DOCUMENT_KINDS[args.kind]
    if record_required(args.kind, args.fmt) and not args.record_id:
        choices = documents.records_for(ws, args.kind)
        if not choices:
            raise ValidationError(f"「{kind.title}」の記録がまだありません。先にアプリで作成してください。")
        lines = "\n".join(f"  {rid}  {label}" for rid, label in choices)
        print(
            f"エラー: 出力する「{kind.title}」を --id で指定してください。次の記録があります:\n{lines}",
            file=sys.stderr,
        )
        return EXIT_ERROR
    issue = None
    if documents.issued_as_letter(args.kind, args.fmt):
        addressee = args.addressee if args.addressee is not None else documents.needs_addressee(ws)
        issue = NeedsIssue(addressee, args.number, args.sent_on)
    result = documents.build_document(ws, args.kind, args.fmt, args.out, args.record_id, issue=issue)
    for warning in result.warnings:
        print(f"警告: {warning}", file=sys.stderr)
    pages = f"（{result.pages}ページ）" if result.pages else ""
    print(f"「{kind.title}」を出力しました: {result.path}{pages}")
    return EXIT_OK
