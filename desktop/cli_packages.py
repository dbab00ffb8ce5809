"""Package sub-commands of `dxnavi` (DESIGN.md §5): `package export` and `package import`.

`package export --kind needs|progress|full --out F` (a prefecture: `--kind catalog --to CODE`) writes a signed
.dxpkg. `package import F` applies one: a key not yet pinned needs `--approve-key FP`, and `--dry-run` prints the
sender, the key's fingerprint (64 hex digits, to compare with a town's 支援ニーズ調書 or, from a prefecture, by
phone) and what would change, writing nothing. Exit codes follow desktop.cli: 0 applied, 1 refused (reason on stderr), 2 bad
arguments. A refused import writes nothing, not even the daily backup.
"""

import argparse
from collections.abc import Sequence
from pathlib import Path

from desktop.exchange.keys import normalise_fingerprint
from desktop.exchange.manifest import KINDS
from desktop.services import output_paths, package_keys, packages
from desktop.services.workspace import Workspace
from desktop.store import Store

EXIT_OK = 0


def register(
    commands: "argparse._SubParsersAction[argparse.ArgumentParser]",
    *,
    parents: Sequence[argparse.ArgumentParser],
) -> None:
    """Add `package export` and `package import` to `commands`."""
    package = commands.add_parser(
        "package",
        help="署名付きパッケージ（.dxpkg）を作成・取込します",
        description="署名付きパッケージ（.dxpkg）",
    )
    actions = package.add_subparsers(
        title="操作", metavar="ACTION", parser_class=type(package), required=True
    )
    export = actions.add_parser(
        "export",
        help="パッケージを作成します",
        description="この団体の記録を署名付きパッケージに書き出します。",
        parents=list(parents),
    )
    export.add_argument(
        "--kind",
        choices=KINDS,
        required=True,
        help="needs=支援ニーズ、progress=進捗、full=全データ、catalog=都道府県から市区町村へ",
    )
    export.add_argument("--out", type=Path, required=True, metavar="F", help="保存先の .dxpkg ファイル")
    export.add_argument("--to", default="", metavar="CODE", help="宛先の団体コード（catalog のとき）")
    export.add_argument(
        "--no-documents", action="store_true", help="PDF と Excel の要約を添付しません（記録だけ）"
    )
    export.set_defaults(run=run_export, store_mode="open", precheck=output_paths.precheck_out)
    imp = actions.add_parser(
        "import",
        help="パッケージを取り込みます",
        description="署名付きパッケージを確認して取り込みます。",
        parents=list(parents),
    )
    imp.add_argument("file", type=Path, metavar="F", help="取り込む .dxpkg ファイル")
    imp.add_argument(
        "--dry-run", action="store_true", help="取り込まずに、送信元・鍵の指紋・変更内容を表示します"
    )
    imp.add_argument(
        "--approve-key",
        default=None,
        type=fingerprint_arg,
        metavar="FP",
        help="まだ承認していない署名鍵を指紋（64桁の16進数）で承認します",
    )
    imp.set_defaults(run=run_import, store_mode="quiet")


def fingerprint_arg(text: str) -> str:
    """--approve-key: 64 hex digits (spaces and colons allowed), else a usage error (exit 2)."""
    try:
        return normalise_fingerprint(text)
    except ValueError as err:
        raise argparse.ArgumentTypeError(str(err)) from None


def run_export(args: argparse.Namespace, store: Store) -> int:
    """Write a signed package of this data dir's records."""
    ws = Workspace(store, actor="cli")
    done = packages.export_package(ws, args.kind, args.out, to=args.to, with_documents=not args.no_documents)
    m = done.manifest
    attached = f"、添付 {len(done.documents)}件" if done.documents else ""
    print(f"パッケージを作成しました: {done.path}（記録 {done.records}件{attached}、通番 {m.sequence}）")
    print(f"署名鍵の指紋: {package_keys.device_key(ws).fingerprint}")
    return EXIT_OK


def run_import(args: argparse.Namespace, store: Store) -> int:
    """Check a package and show it (--dry-run) or apply it."""
    ws = Workspace(store, actor="cli")
    if args.dry_run:
        opened = packages.open_for_import(ws, args.file)
        m = opened.manifest
        print(f"送信元: {m.sender_name}（{m.sender_code}）")
        print(f"種類: {opened.kind_label}  通番: {m.sequence}  作成: {m.created_at}")
        print(f"鍵ID: {m.key_id}（{'承認済み' if opened.key_status == 'pinned' else '未承認'}）")
        print(f"指紋: {opened.fingerprint}")
        print(f"内容: {opened.preview.describe()}")
        if opened.key_status == "new":
            print(f"確認: {opened.where_to_check}が、上の指紋と一致する場合だけ取り込んでください。")
            print(f"取り込むには: dxnavi package import {args.file} --approve-key {opened.fingerprint}")
        return EXIT_OK
    applied = packages.apply_package(ws, args.file, approve_key=args.approve_key or "")
    m = applied.opened.manifest
    if applied.backup is None:
        print(f"取込済みのパッケージです。何も変更していません: {args.file}")
    else:
        print(f"{m.sender_name}（{m.sender_code}）のパッケージを取り込みました: {applied.preview.describe()}")
        print(f"取込前のデータは次に保存しました: {applied.backup}")
    return EXIT_OK
