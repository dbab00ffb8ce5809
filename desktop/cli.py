"""`dxnavi` command line: the app (default) and the maintenance sub-commands, in Japanese.

Every sub-command is a handler `run(args, store) -> exit code` registered with `set_defaults(run=…,
store_mode=…)`; main() opens the store the handler asks for (see STORE_MODES), closes it in `finally`, and turns
a DomainError into a Japanese message on stderr and exit code 1. Usage errors exit with 2 before anything
is opened. Document sub-commands (pdf, export xlsx/docx) are registered by desktop.cli_documents.
"""

from __future__ import annotations

import argparse
import re
import sys
from collections.abc import Sequence
from pathlib import Path
from typing import NoReturn

from desktop import __version__, cli_documents, cli_needs, cli_packages, cli_sync
from desktop.models.clock import Clock, system_clock
from desktop.models.errors import DomainError
from desktop.models.municipal_code import is_prefecture
from desktop.services import maintenance, output_paths
from desktop.services.export import export_json
from desktop.services.municipality import check_new, init_municipality
from desktop.services.workspace import Workspace
from desktop.store import Store, diagnosis
from desktop.store.location import location_warning
from desktop.store.paths import default_data_dir
from desktop.store.store import STORAGE_ERRORS

EXIT_OK, EXIT_ERROR, EXIT_USAGE = 0, 1, 2

# How main() opens the store for a handler (the `store_mode` default of its sub-parser):
#   "none"    — the handler gets None (gui opens the store itself);
#   "open"    — Store.open as the app does: lock, migrate, daily backup;
#   "quiet"   — Store.open without the daily backup (package import: a refused file writes nothing);
#   "inspect" — lock only, the file untouched (check reads, restore must work on a damaged file).
STORE_MODES = ("none", "open", "quiet", "inspect")


# argparse's own messages (English) → Japanese; anything else is shown as argparse wrote it.
ARGPARSE_MESSAGES: tuple[tuple[str, str], ...] = (
    (r"the following arguments are required: (.*)", "次の引数を指定してください: {0}"),
    (r"unrecognized arguments: (.*)", "認識できない引数があります: {0}"),
    (
        r"argument (\S+): invalid choice: (.*?) \(choose from (.*)\)",
        "{0} に {1} は指定できません（選択肢: {2}）",
    ),
    (r"argument (\S+): expected one argument", "{0} には値を1つ指定してください"),
)


def japanese_usage_error(message: str) -> str:
    """argparse's error message in Japanese where we know it."""
    for pattern, template in ARGPARSE_MESSAGES:
        match = re.fullmatch(pattern, message)
        if match:
            return template.format(*match.groups())
    return message


class JapaneseHelpFormatter(argparse.HelpFormatter):
    """Help text with a Japanese usage heading."""

    def add_usage(self, usage, actions, groups, prefix=None):
        super().add_usage(usage, actions, groups, prefix if prefix is not None else "使い方: ")


class Parser(argparse.ArgumentParser):
    """ArgumentParser whose errors and headings are in Japanese; usage errors exit with 2."""

    def __init__(self, *args, add_help: bool = True, **kwargs) -> None:
        kwargs.setdefault("formatter_class", JapaneseHelpFormatter)
        super().__init__(*args, add_help=False, **kwargs)
        self._positionals.title = "引数"
        self._optionals.title = "オプション"
        if add_help:
            self.add_argument("-h", "--help", action="help", help="このヘルプを表示して終了します")

    def error(self, message: str) -> NoReturn:
        self.print_usage(sys.stderr)
        self.exit(EXIT_USAGE, f"{self.prog}: エラー: {japanese_usage_error(message)}\n")


def add_global_options(parser: argparse.ArgumentParser, *, inherited: bool) -> None:
    """--data-dir and --lang, accepted before the sub-command and (`inherited`, overriding only) after it."""
    default = argparse.SUPPRESS if inherited else None
    parser.add_argument(
        "--data-dir",
        type=Path,
        metavar="DIR",
        default=default,
        help="データフォルダ（省略時は環境変数 DXNAVI_HOME、なければ利用者のデータフォルダ）",
    )
    parser.add_argument(
        "--lang", choices=("ja", "en"), default=default, help="表示言語（省略時は設定の言語）"
    )


def build_parser() -> Parser:
    """The whole command line; each sub-command sets `run` and `store_mode` (see STORE_MODES)."""
    parser = Parser(
        prog="dxnavi",
        description="自治体DXナビ: 市町村のDX推進を支えるアプリ。サブコマンドを省略するとアプリを起動します。",
    )
    add_global_options(parser, inherited=False)
    parser.add_argument(
        "--version", action="version", version=f"dxnavi {__version__}", help="バージョンを表示して終了します"
    )
    parser.set_defaults(run=run_gui, store_mode="none")
    common = Parser(add_help=False)
    add_global_options(common, inherited=True)
    commands = parser.add_subparsers(title="サブコマンド", metavar="COMMAND", parser_class=Parser)

    def command(group, name: str, help_text: str, run, store_mode: str) -> Parser:
        sub = group.add_parser(name, help=help_text, description=help_text, parents=[common])
        sub.set_defaults(run=run, store_mode=store_mode)
        return sub

    command(commands, "gui", "アプリを起動します（既定）", run_gui, "none")
    init = command(commands, "init", "団体を登録して新しいデータを作成します", run_init, "open")
    init.add_argument("--code", required=True, help="団体コード（6桁、検査数字付き）")
    init.add_argument("--name", required=True, help="団体名（例: 鯖江市）")
    init.set_defaults(precheck=precheck_init)
    demo = command(commands, "demo", "デモ用の架空データを作成します", run_demo, "open")
    demo.add_argument(
        "--prefecture", action="store_true", help="架空の県とその市町村（都道府県モード）のデモを作成します"
    )
    command(commands, "check", "データベースを点検します（問題がなければ終了コード0）", run_check, "inspect")
    backup = command(commands, "backup", "バックアップを作成します", run_backup, "open")
    backup.add_argument("--out", type=Path, metavar="F", help="保存先のファイルまたはフォルダ")
    backup.add_argument("--list", action="store_true", help="作成せず、バックアップの一覧を表示します")
    restore = command(commands, "restore", "バックアップからデータを復元します", run_restore, "inspect")
    restore.add_argument("file", type=Path, metavar="F", help="復元するバックアップファイル")
    export = commands.add_parser("export", help="データを書き出します", description="データを書き出します")
    formats = export.add_subparsers(title="形式", metavar="FORMAT", parser_class=Parser, required=True)
    as_json = command(formats, "json", "全データを変更形式（JSON）で書き出します", run_export_json, "open")
    as_json.add_argument("--out", type=Path, metavar="F", required=True, help="保存先のファイル")
    as_json.set_defaults(precheck=output_paths.precheck_out)
    cli_documents.register(commands, export_formats=formats, parents=[common])
    cli_needs.register(commands, parents=[common])
    cli_sync.register(commands, parents=[common])
    cli_packages.register(commands, parents=[common])
    return parser


def run_gui(args: argparse.Namespace, _store: Store | None) -> int:
    """Start the desktop app (it opens the store and shows its own errors)."""
    from desktop.app import run_gui as start  # Qt is imported only when the window is wanted

    return start(args.data_dir, args.lang, clock=args.clock)


def precheck_init(args: argparse.Namespace) -> None:
    """Refuse a bad code or name before the data dir is created."""
    check_new(args.code, args.name)


def run_init(args: argparse.Namespace, store: Store) -> int:
    """Register the municipality of a new data dir."""
    muni = init_municipality(store, args.code, args.name, actor="cli")
    if is_prefecture(muni.code):
        print(f"都道府県を登録しました（都道府県モード）: {muni.code} {muni.name}（{store.data_dir}）")
    else:
        print(f"団体を登録しました: {muni.code} {muni.prefecture} {muni.name}（{store.data_dir}）")
    return EXIT_OK


def run_demo(args: argparse.Namespace, store: Store) -> int:
    """Fill a new data dir with a fictional municipality (or prefecture and its towns) for trying the app."""
    # Loaded only when asked for.
    from desktop.services.demo import create_demo
    from desktop.services.prefecture.demo import add_catalog_for_town, create_prefecture_demo

    if args.prefecture:
        pref = create_prefecture_demo(store)
        print(f"都道府県モードのデモ用データを作成しました: {pref.code} {pref.name}（{store.data_dir}）")
        return EXIT_OK
    muni = create_demo(store)
    add_catalog_for_town(store)
    print(f"デモ用データを作成しました: {muni.code} {muni.name}（{store.data_dir}）")
    return EXIT_OK


def run_check(_args: argparse.Namespace, store: Store) -> int:
    """Print the check report; exit 0 only when the data is sound."""
    report = maintenance.check_store(store)
    print(report)
    return EXIT_OK if report.ok else EXIT_ERROR


def run_backup(args: argparse.Namespace, store: Store) -> int:
    """Take a manual backup, or list the backups."""
    if args.list:
        backups = maintenance.list_backups(store)
        if not backups:
            print(f"バックアップはまだありません（{store.backups.folder}）。")
        for b in backups:
            print(f"{b.taken_at.astimezone():%Y-%m-%d %H:%M:%S}  {b.label:<8}  {b.path}")
        return EXIT_OK
    path = maintenance.backup_now(store, args.out)
    print(f"バックアップを作成しました: {path}")
    return EXIT_OK


def run_restore(args: argparse.Namespace, store: Store) -> int:
    """Replace the data with a backup file (the current data is backed up first)."""
    safety = maintenance.restore_backup(store, args.file)
    print(f"復元しました: {args.file}")
    if safety is not None:
        print(f"復元前のデータは次に保存しました: {safety}")
    return EXIT_OK


def run_export_json(args: argparse.Namespace, store: Store) -> int:
    """Write every record (tombstones included) as a dxnavi-changes JSON file."""
    path, count = export_json(Workspace(store, actor="cli"), args.out)
    print(f"{count} 件の記録を書き出しました: {path}")
    return EXIT_OK


def _open(args: argparse.Namespace) -> Store | None:
    if args.store_mode == "none":
        return None
    warning = location_warning(args.data_dir)
    if warning:
        print(f"警告: {warning}", file=sys.stderr)
    # Listing backups reads only their folder: it must work when the data file is damaged.
    if args.store_mode == "inspect" or getattr(args, "list", False):
        return Store.inspect(args.data_dir, clock=args.clock)
    return Store.open(args.data_dir, clock=args.clock, auto_backup=args.store_mode == "open")


def _tolerant_streams() -> None:
    # A console that cannot show Japanese (or a redirected cp1252 stream) must not turn output into a crash.
    for stream in (sys.stdout, sys.stderr):
        reconfigure = getattr(stream, "reconfigure", None)
        if reconfigure is not None:
            reconfigure(errors="backslashreplace")


def main(argv: Sequence[str] | None = None, *, clock: Clock = system_clock) -> int:
    """Run the command line; returns the exit code (0 ok, 1 refused or failed, 2 usage).

    `clock` stamps everything the command does (tests pass a fixed one).
    """
    _tolerant_streams()
    parser = build_parser()
    try:
        args = parser.parse_args(argv)
    except SystemExit as stop:  # --help, --version and usage errors
        return stop.code if isinstance(stop.code, int) else EXIT_USAGE
    args.data_dir = args.data_dir or default_data_dir()
    args.clock = clock
    store: Store | None = None
    try:
        if hasattr(args, "precheck"):
            args.precheck(args)
        store = _open(args)
        return int(args.run(args, store))
    except DomainError as err:
        print(f"エラー: {err}", file=sys.stderr)
        return EXIT_ERROR
    except STORAGE_ERRORS as err:  # a full disk, a read-only folder or a damaged file met outside the store
        failed = "コマンドを実行できませんでした"
        known = store.explain(err, failed) if store is not None else None
        known = known or diagnosis.explain(err, args.data_dir, failed)
        if known is not None:
            print(f"エラー: {known}", file=sys.stderr)
        elif isinstance(err, OSError):
            print(
                f"エラー: ファイルを読み書きできませんでした（{err.filename or ''} {err.strerror or err}）。",
                file=sys.stderr,
            )
        else:
            print(f"エラー: データベースの操作に失敗しました（{err}）。", file=sys.stderr)
        return EXIT_ERROR
    finally:
        if store is not None:
            for warning in store.warnings:  # e.g. a daily backup a full disk did not allow
                print(f"警告: {warning}", file=sys.stderr)
            store.close()


def gui_main() -> int:
    """Entry point of the windowed launcher (no console: stray output must not fail)."""
    import os

    if sys.stdout is None:
        sys.stdout = open(os.devnull, "w", encoding="utf-8")  # noqa: SIM115 - lives as long as the process
    if sys.stderr is None:
        sys.stderr = open(os.devnull, "w", encoding="utf-8")  # noqa: SIM115
    return main(sys.argv[1:])
