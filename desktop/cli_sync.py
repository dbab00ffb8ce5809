"""`dxnavi sync` and `dxnavi conflicts`: sync with the prefecture hub and settle conflicts from a terminal.

Exit codes of sync (for scripts and schedulers): 0 synced, 3 hub unreachable, 4 token refused,
5 synced with conflicts pending, 1 anything else. Each ends with one Japanese line saying which.
"""

from __future__ import annotations

import argparse
import json
import sys

from desktop.models.errors import DomainError
from desktop.services import sync
from desktop.services.workspace import Workspace
from desktop.store import Store

EXIT_OK, EXIT_ERROR, EXIT_CONFLICTS = 0, 1, 5


def register(
    commands: argparse._SubParsersAction[argparse.ArgumentParser], *, parents: list[argparse.ArgumentParser]
) -> None:
    """Add the sync sub-commands to dxnavi's parser."""
    run = commands.add_parser(
        "sync", help="都道府県のハブと同期します", description="都道府県のハブと同期します", parents=parents
    )
    run.add_argument("--hub", metavar="URL", help="ハブのURL（省略時は設定済みのURL）")
    run.add_argument("--ca-bundle", metavar="FILE", help="ハブの証明書を検証するCA証明書ファイル")
    run.add_argument(
        "--token-stdin",
        action="store_true",
        help="トークンを標準入力から読み取ります（OSの資格情報ストアに保存）",
    )
    run.set_defaults(run=run_sync, store_mode="open")

    conflicts = commands.add_parser(
        "conflicts",
        help="同期の競合を表示・解決します",
        description="同期の競合を表示・解決します",
        parents=parents,
    )
    conflicts.add_argument("--json", action="store_true", help="JSONで表示します")
    conflicts.set_defaults(run=run_conflicts, store_mode="open", action=None)
    actions = conflicts.add_subparsers(title="操作", metavar="ACTION")
    resolve = actions.add_parser(
        "resolve", help="競合を解決します", description="競合を解決します", parents=parents
    )
    resolve.add_argument("id", help="競合のID（dxnavi conflicts の1列目）")
    resolve.add_argument(
        "--keep", required=True, choices=("mine", "theirs"), help="残す内容（mine: この端末、theirs: ハブ）"
    )
    resolve.set_defaults(run=run_resolve, store_mode="open", action="resolve")


def run_sync(args: argparse.Namespace, store: Store) -> int:
    ws = Workspace(store, actor="cli")
    if args.hub or args.ca_bundle is not None:
        current = sync.hub_settings(ws)
        warning = sync.save_hub_settings(ws, args.hub or current.url, args.ca_bundle or current.ca_bundle)
        if warning:
            print(f"警告: {warning}", file=sys.stderr)
    if args.token_stdin and sync.set_token(ws, sys.stdin.readline()):
        print(f"注意: {sync.token_notice()}", file=sys.stderr)
    try:
        report = sync.run(ws)
    except sync.SyncError as err:
        print(f"同期できませんでした: {err}", file=sys.stderr)
        return err.exit_code
    except DomainError as err:
        print(f"同期できませんでした: {err}", file=sys.stderr)
        return EXIT_ERROR
    if report.warning:
        print(f"警告: {report.warning}", file=sys.stderr)
    if report.repaired:
        print(f"ハブとの照合で差異が見つかったため自動で修復しました: {', '.join(report.repaired)}")
    for reason in report.rejected:
        print(f"ハブが受け付けなかった変更があります: {reason}", file=sys.stderr)
    counts = f"送信 {report.pushed}件、受信 {report.pulled}件"
    if report.open_conflicts:
        print(
            f"同期しました（{counts}）。競合が{report.open_conflicts}件あります。"
            "dxnavi conflicts で確認して解決してください。"
        )
        return EXIT_CONFLICTS
    print(f"同期しました（{counts}）。")
    return EXIT_OK


def _show(value: object) -> str:
    if value is None or value == "":
        return "（空欄）"
    if isinstance(value, bool):
        return "はい" if value else "いいえ"
    return str(value).replace("\n", " ")[:80]


def run_conflicts(args: argparse.Namespace, store: Store) -> int:
    items = sync.conflicts(Workspace(store, actor="cli"))
    if args.json:
        rows = [
            {
                "id": c.id,
                "kind": c.kind,
                "record_id": c.record_id,
                "record": c.record_title,
                "field": c.field,
                "mine": c.mine,
                "theirs": c.theirs,
                "base": c.base,
                "edit_vs_delete": c.edit_vs_delete,
            }
            for c in items
        ]
        print(json.dumps(rows, ensure_ascii=False, indent=2))
        return EXIT_OK
    if not items:
        print("競合はありません。")
        return EXIT_OK
    for c in items:
        if c.edit_vs_delete:
            mine = "削除" if c.mine else "編集"
            theirs = "削除" if c.theirs else "編集"
        else:
            mine, theirs = _show(c.mine), _show(c.theirs)
        print(
            f"{c.id}\t{c.kind_label}「{c.record_title}」\t{c.field_label}\tこの端末: {mine}\tハブ: {theirs}"
        )
    print(f"競合 {len(items)}件。dxnavi conflicts resolve ID --keep mine|theirs で解決できます。")
    return EXIT_OK


def run_resolve(args: argparse.Namespace, store: Store) -> int:
    sync.resolve(Workspace(store, actor="cli"), args.id, args.keep)
    side = "この端末" if args.keep == "mine" else "ハブ"
    print(f"競合を解決しました（{side}の内容を残します）。次の同期でハブに反映されます。")
    return EXIT_OK
