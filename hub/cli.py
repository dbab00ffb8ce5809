"""dxnavi-hub: serve the sync API, issue and revoke tokens, register the prefecture's towns."""

from __future__ import annotations

import argparse
import copy
import os
import sys
from datetime import UTC, datetime
from pathlib import Path

from desktop.exchange import archive, keys
from desktop.exchange.archive import PackageRefused
from desktop.exchange.manifest import KIND_LABELS
from desktop.models.errors import DomainError
from hub import __version__, backup, db, municipalities, packages, tokens

DEFAULT_PORT = 8765


def _now() -> datetime:
    return datetime.now(UTC)


def _db_option(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--db",
        default=os.environ.get("DXNAVI_HUB_DB", db.DEFAULT_URL),
        help="データベースのURL（既定: 環境変数 DXNAVI_HUB_DB、なければ現在のフォルダの dxnavi-hub.sqlite3）",
    )


def _parser() -> argparse.ArgumentParser:
    p = argparse.ArgumentParser(prog="dxnavi-hub", description="自治体DXナビの都道府県ハブ（同期サーバー）")
    p.add_argument("--version", action="version", version=f"dxnavi-hub {__version__}")
    sub = p.add_subparsers(dest="command", required=True)

    serve = sub.add_parser("serve", help="同期APIを起動します")
    _db_option(serve)
    serve.add_argument("--host", default="127.0.0.1", help="待ち受けるアドレス（既定: 127.0.0.1）")
    serve.add_argument("--port", type=int, default=DEFAULT_PORT, help=f"ポート番号（既定: {DEFAULT_PORT}）")
    serve.add_argument("--workers", type=int, default=1, help="ワーカープロセス数（PostgreSQL のとき複数可）")

    token = sub.add_parser("token", help="トークンの発行・一覧・失効").add_subparsers(
        dest="action", required=True
    )
    issue = token.add_parser("issue", help="トークンを発行します（表示は一度だけです）")
    _db_option(issue)
    issue.add_argument("--code", required=True, help="団体コード（市区町村、または都道府県 PP000c）")
    issue.add_argument("--label", default="", help="用途のメモ（例: 鯖江市 DX推進課 1台目）")
    listing = token.add_parser("list", help="発行したトークンの一覧（トークン自体は表示しません）")
    _db_option(listing)
    revoke = token.add_parser("revoke", help="トークンを失効させます")
    _db_option(revoke)
    revoke.add_argument("id", help="トークンID（token list の1列目、トークンの「.」より前）")

    copy_ = sub.add_parser("backup", help="データベースのバックアップを作成します（稼働中でも可）")
    _db_option(copy_)
    copy_.add_argument(
        "--out", type=Path, required=True, help="バックアップを置くフォルダ（データベースとは別の場所）"
    )
    copy_.add_argument("--keep", type=int, default=14, help="残す世代数（既定: 14）")
    restored = sub.add_parser("after-restore", help="バックアップから復元した後、起動する前に一度実行します")
    _db_option(restored)

    towns = sub.add_parser("municipalities", help="市区町村の登録").add_subparsers(
        dest="action", required=True
    )
    imp = towns.add_parser("import", help="CSV（1列目 団体コード、2列目 団体名）から登録します")
    _db_option(imp)
    imp.add_argument("file", type=Path)

    packages = sub.add_parser("package", help="パッケージ（.dxpkg）の取込と作成").add_subparsers(
        dest="action", required=True
    )
    pin = packages.add_parser("import", help="市区町村のパッケージを同期と同じ規則で取り込みます")
    _db_option(pin)
    pin.add_argument("file", type=Path)
    pin.add_argument(
        "--dry-run", action="store_true", help="取り込まずに、送信元・鍵の指紋・変わる内容を表示します"
    )
    pin.add_argument(
        "--approve-key", default="", metavar="FP", help="未承認の署名鍵を指紋（64桁）で承認します"
    )
    pout = packages.add_parser("export", help="市区町村あての都道府県からの情報（catalog）を作成します")
    _db_option(pout)
    pout.add_argument("--code", required=True, help="あて先の市区町村の団体コード")
    pout.add_argument("--out", type=Path, required=True, help="作成するファイル（.dxpkg）")
    return p


def _package_import(args: argparse.Namespace) -> int:
    try:
        data = archive.read_file(args.file)
        engine = db.open_database(args.db)
        done = packages.import_package(
            engine, data, _now(), approve_key=args.approve_key, dry_run=args.dry_run
        )
    except PackageRefused as exc:
        print(f"取り込みませんでした: {exc}", file=sys.stderr)
        return 1
    m = done.manifest
    print(
        f"送信元: {m.sender_name}（{m.sender_code}） {KIND_LABELS[m.kind]} #{m.sequence} 作成 {m.created_at}"
    )
    trust = {"trusted": "信頼済み", "approved": "今回承認", "new": "未承認"}[done.key]
    print(f"署名鍵の指紋: {done.fingerprint}（{trust}）")
    print(done.describe())
    for kind, rid, fields in done.conflicts:
        print(f"  競合: {kind} {rid}（{'、'.join(fields)}）")
    if args.dry_run:
        print("確認だけで、何も書き込んでいません。")
        if done.key == "new":
            print(
                "この署名鍵はまだ承認されていません。指紋を送信元に確認し、"
                f"--approve-key {done.fingerprint} を付けて取り込んでください。"
            )
    elif not done.already_imported:
        print("取り込みました。")
    return 0


def _package_export(args: argparse.Namespace) -> int:
    engine = db.open_database(args.db)
    manifest, data, records = packages.export_catalog(engine, args.code, _now())
    out: Path = args.out
    tmp = out.with_name(f".{out.name}.tmp")
    tmp.write_bytes(data)
    os.replace(tmp, out)
    print(
        f"{manifest.recipient_code} あての都道府県からの情報 #{manifest.sequence}（{records}件）を作成しました: {out}\n"
        f"署名鍵の指紋（ハブ）: {keys.fingerprint(keys.decode_public(manifest.public_key))}"
    )
    return 0


def _serve(args: argparse.Namespace) -> int:
    import uvicorn
    from uvicorn.config import LOGGING_CONFIG

    from hub.app import DB_ENV

    if args.workers < 1:
        raise DomainError("--workers は1以上で指定してください。")
    engine = db.open_database(args.db)  # migrate once, before any worker starts
    if db.is_sqlite(engine) and args.workers > 1:
        print(
            "注意: SQLite では書き込みが1つずつ処理されます。複数ワーカーには PostgreSQL を使ってください。",
            file=sys.stderr,
        )
    engine.dispose()
    os.environ[DB_ENV] = db.normalise_url(args.db)
    log_config = copy.deepcopy(LOGGING_CONFIG)
    log_config["loggers"]["dxnavi.hub"] = {"handlers": ["default"], "level": "INFO", "propagate": False}
    uvicorn.run(
        "hub.app:app_from_environment", factory=True, host=args.host, port=args.port, workers=args.workers,
        log_config=log_config, proxy_headers=True, server_header=False,
    )  # fmt: skip
    return 0


def main(argv: list[str] | None = None) -> int:
    args = _parser().parse_args(argv)
    try:
        if args.command == "serve":
            return _serve(args)
        if args.command == "package":
            return _package_import(args) if args.action == "import" else _package_export(args)
        if args.command == "backup":
            made = backup.backup(args.db, args.out, args.keep, _now())
            print(f"バックアップを作成しました: {made}")
            return 0
        engine = db.open_database(args.db)
        if args.command == "after-restore":
            head = backup.after_restore(engine, _now())
            print(f"版のカウンターを {head} に進めました。ハブを起動できます。")
            return 0
        if args.command == "municipalities":
            added, updated = municipalities.import_csv(engine, args.file)
            print(f"{added}団体を登録し、{updated}団体の名称を更新しました。")
        elif args.action == "issue":
            secret = tokens.issue(engine, args.code, args.label, _now())
            print(
                f"団体コード {args.code} のトークンを発行しました。この表示は一度だけです。安全な方法で担当者に渡してください:"
            )
            print(secret)
        elif args.action == "list":
            rows = tokens.list_tokens(engine)
            if not rows:
                print("発行したトークンはありません。")
            for t in rows:
                state = f"失効 {t.revoked_at:%Y-%m-%d %H:%M}" if t.revoked_at else "有効"
                print(f"{t.id}\t{t.code}\t{t.created_at:%Y-%m-%d %H:%M}\t{state}\t{t.label}")
        elif args.action == "revoke":
            tokens.revoke(engine, args.id, _now())
            print(f"トークン {args.id} を失効させました。")
        return 0
    except DomainError as exc:
        print(f"エラー: {exc}", file=sys.stderr)
        return 2
    except OSError as exc:
        print(f"エラー: ファイルを読み書きできません（{exc.strerror}: {exc.filename}）。", file=sys.stderr)
        return 2


if __name__ == "__main__":
    sys.exit(main())
