"""Check Database: the answer to "is my data sound?" in words a DX officer can act on."""

from dataclasses import dataclass, field

from sqlalchemy.exc import DBAPIError

from desktop.store import diagnosis, migrate, schema
from desktop.store.store import Store

MAX_DETAIL_LINES = 10


@dataclass
class CheckReport:
    """Result of check(): `ok` only when every check passed; `lines` are Japanese, one per finding."""

    ok: bool = True
    lines: list[str] = field(default_factory=list)
    damaged: bool = False  # a problem a restore from backup would fix (not just an old schema)

    def fail(self, line: str, *, damaged: bool = True) -> None:
        """Record a problem."""
        self.ok = False
        self.damaged = self.damaged or damaged
        self.lines.append(line)

    def __str__(self) -> str:
        return "\n".join(self.lines)


def _details(rows: list[str]) -> list[str]:
    shown = [f"  - {r}" for r in rows[:MAX_DETAIL_LINES]]
    if len(rows) > MAX_DETAIL_LINES:
        shown.append(f"  - ほか {len(rows) - MAX_DETAIL_LINES} 件")
    return shown


def check(store: Store) -> CheckReport:
    """Run integrity_check, foreign_key_check, the schema-version check and every table and column; nothing is written."""
    report = CheckReport()
    report.lines.append(f"データファイル: {store.path}")
    if store.read_only:
        report.lines.append(
            f"データフォルダ（{store.data_dir}）は読み取り専用です（書き込む権限がないか、読み取り専用の媒体です）。"
            "読み取りだけで点検し、何も変更していません。"
        )
    _checked(report, store)
    if store.read_only:
        report.lines.append(READ_ONLY_ADVICE)
    return report


# What to do with a data dir that cannot be written (the check itself works there).
READ_ONLY_ADVICE = (
    "このフォルダのままではデータを変更できません。フォルダに書き込めるようにする（権限は情報システム担当に"
    "依頼してください）か、フォルダごと書き込める場所にコピーし、コピー先を --data-dir（または環境変数 "
    "DXNAVI_HOME）で指定してください。"
)


def _checked(report: CheckReport, store: Store) -> CheckReport:
    if not store.path.exists():
        report.fail(
            "結果: データファイルがまだ作成されていません（団体を登録すると作成されます）。", damaged=False
        )
        return report
    try:
        with store.db.engine.connect() as conn:
            integrity = [str(r[0]) for r in conn.exec_driver_sql("PRAGMA integrity_check")]
            if integrity == ["ok"]:
                report.lines.append("整合性（integrity_check）: 問題ありません。")
            else:
                report.fail(f"整合性（integrity_check）: {len(integrity)} 件の問題があります。")
                report.lines.extend(_details(integrity))
            raw = conn.connection.driver_connection
            broken = schema.broken_references(raw)
            if not broken:
                report.lines.append("参照の整合性（foreign_key_check）: 問題ありません。")
            else:
                report.fail(f"参照の整合性（foreign_key_check）: {len(broken)} 件の不整合があります。")
                report.lines.extend(_details(broken))
            missing = schema.missing_parts(raw)
            conn.rollback()
        current = migrate.current_revision(store.db.engine)
    except DBAPIError as err:
        return _unreadable(report, store, err)
    head = migrate.head_revision()
    if current == head:
        if missing:
            report.fail(f"表と列: 最新のスキーマのうち {len(missing)} 件が欠けています。")
            report.lines.extend(_details(missing))
        else:
            report.lines.append("表と列: すべてそろっています。")
        report.lines.append(f"スキーマの版: {current}（最新）")
    elif current is None:
        report.fail("スキーマの版: 記録がありません（自治体DXナビのデータではないか、未作成です）。")
    elif current in migrate.known_revisions():
        report.fail(
            f"スキーマの版: {current}（最新は {head}）。アプリを起動すると更新されます。", damaged=False
        )
    else:
        report.fail(f"スキーマの版: {current}。{migrate.too_new_message(current)}", damaged=False)
    return _summary(report, store)


def _unreadable(report: CheckReport, store: Store, err: DBAPIError) -> CheckReport:
    """Say why the file could not be read: a full disk and a read-only folder are not damage."""
    cause = diagnosis.cause_of(err, store.data_dir)
    failed = "データファイルを点検できませんでした"
    if cause == diagnosis.FULL:
        report.fail(diagnosis.full_message(failed, store.data_dir), damaged=False)
        report.lines.append(
            "結果: 空き容量が足りないため点検できませんでした。データが壊れているわけではありません。"
        )
    elif cause == diagnosis.READ_ONLY and store.read_only:
        # Changes not yet folded in from the -wal file can only be read where SQLite may write its -shm file.
        report.fail(
            f"{failed}。最後の変更がまだ -wal ファイルに残っていて、書き込めないフォルダでは読み取れません。",
            damaged=False,
        )
        report.lines.append(
            "結果: データが壊れているわけではありません。フォルダごと書き込める場所にコピーして点検してください。"
        )
    elif cause == diagnosis.READ_ONLY:
        report.fail(diagnosis.read_only_message(failed, store.data_dir), damaged=False)
        report.lines.append(
            "結果: フォルダに書き込めないため点検できませんでした。データが壊れているわけではありません。"
        )
    elif cause == diagnosis.DAMAGED:
        report.fail("データファイルの内容が壊れていて読み取れません。")
        report.lines.append(f"結果: {store.backups.damaged_error()}")
    else:
        report.fail(f"{failed}（ディスクまたはファイルの読み書きでエラーが発生しました）。", damaged=False)
        report.lines.append("結果: ディスクの状態を確認してから、もう一度点検してください。")
    return report


def _summary(report: CheckReport, store: Store) -> CheckReport:
    if report.ok:
        report.lines.append("結果: データベースは正常です。")
    elif not report.damaged:
        report.lines.append(
            "結果: データは読み取れますが、このバージョンのアプリとスキーマの版が合いません。"
        )
    else:
        report.lines.append(f"結果: 問題が見つかりました。{store.backups.way_back()}")
    return report
