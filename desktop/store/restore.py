"""Restoring a backup: judge a private copy of the file first, then swap it into the live database at once.

The user's file is never opened in place (opening a WAL database writes next to it); a copy is staged in the
data dir, brought to the current schema, checked (integrity, every table and column, references), and copied
into the live database with the sqlite3 backup API in one transaction, so a crash half way leaves the old
data and connections opened later see either all old or all new data.
"""

import shutil
import sqlite3
from dataclasses import dataclass
from pathlib import Path

from desktop.models.errors import DomainError
from desktop.store import migrate, schema
from desktop.store.backup import remove_with_companions
from desktop.store.engine import BUSY_TIMEOUT_MS, make_engine
from desktop.store.paths import COMPANIONS, staging_path

SQLITE_HEADER = b"SQLite format 3\x00"
REQUIRED_TABLES = ("alembic_version", "municipality")


class RestoreError(DomainError):
    """The chosen file cannot be restored; the live data was not touched."""


@dataclass(frozen=True)
class BackupInfo:
    """What a valid backup file holds, for the confirmation dialog."""

    revision: str
    municipality_code: str | None
    municipality_name: str | None


def stage(path: Path, work_dir: Path) -> Path:
    """Copy `path` (and a -wal beside it) into `work_dir` so checks never write next to the user's file."""
    path = Path(path)
    if not path.is_file():
        raise RestoreError(f"復元するファイル「{path}」が見つかりません。")
    with path.open("rb") as fh:
        if fh.read(len(SQLITE_HEADER)) != SQLITE_HEADER:
            raise RestoreError(
                f"「{path.name}」は自治体DXナビのデータファイル（SQLite）ではありません。"
                "バックアップフォルダの dxnavi-….sqlite3 ファイルを選んでください。"
            )
    staged = staging_path(Path(work_dir))
    remove_with_companions(staged)
    try:
        shutil.copyfile(path, staged)
        wal = Path(f"{path}-wal")
        if wal.is_file():
            shutil.copyfile(wal, f"{staged}-wal")
    except BaseException:  # a full disk: no half copy is left behind
        remove_with_companions(staged)
        raise
    return staged


def inspect(staged: Path, shown_name: str) -> BackupInfo:
    """Validate a staged copy and bring it to the current schema, or raise RestoreError.

    Checked: integrity, a schema version this app knows, then (after any migration) every table and column
    of the current schema and every reference between rows.
    """
    bad = f"「{shown_name}」は壊れているため復元できません。別のバックアップを選んでください。"
    try:
        conn = sqlite3.connect(staged)
    except sqlite3.Error as err:
        raise RestoreError(bad) from err
    try:
        # Folding the WAL in makes the copy one self-contained file before it is judged.
        conn.execute("PRAGMA journal_mode=DELETE")
        result = [row[0] for row in conn.execute("PRAGMA integrity_check")]
        if result != ["ok"]:
            raise RestoreError(f"{bad}（integrity_check: {'; '.join(map(str, result[:3]))}）")
        tables = {row[0] for row in conn.execute("SELECT name FROM sqlite_master WHERE type='table'")}
        if not all(t in tables for t in REQUIRED_TABLES):
            raise RestoreError(
                f"「{shown_name}」は自治体DXナビのデータではありません（必要な表がありません）。"
            )
        row = conn.execute("SELECT version_num FROM alembic_version").fetchone()
        if row is None:
            raise RestoreError(f"「{shown_name}」はスキーマの版が記録されていないため復元できません。")
        revision = str(row[0])
        if revision not in migrate.known_revisions():
            raise RestoreError(migrate.too_new_message(revision) + "（復元を中止しました）")
    except sqlite3.DatabaseError as err:
        raise RestoreError(bad) from err
    finally:
        conn.close()
    if revision != migrate.head_revision():
        _upgrade(staged, shown_name)
    conn = sqlite3.connect(staged)
    try:
        missing = schema.missing_parts(conn)
        if missing:
            raise RestoreError(
                f"「{shown_name}」には自治体DXナビのデータの一部しかないため復元できません"
                f"（{schema.summary(missing)}）。別のバックアップを選んでください。"
            )
        broken = schema.broken_references(conn)
        if broken:
            raise RestoreError(
                f"「{shown_name}」には参照の不整合が {len(broken)} 件あるため復元できません"
                f"（{schema.summary(broken)}）。別のバックアップを選んでください。"
            )
        muni = conn.execute("SELECT code, name FROM municipality WHERE deleted = 0 LIMIT 1").fetchone()
    except sqlite3.DatabaseError as err:
        raise RestoreError(bad) from err
    finally:
        conn.close()
    return BackupInfo(revision, muni[0] if muni else None, muni[1] if muni else None)


def _upgrade(staged: Path, shown_name: str) -> None:
    """Migrate the private copy (never the live data) to the current schema; RestoreError if it fails."""
    engine = make_engine(staged)
    try:
        migrate.upgrade(engine)
    except Exception as err:
        raise RestoreError(
            f"「{shown_name}」を現在のスキーマの版に更新できなかったため復元できません（{err}）。"
            "データは変更されていません。"
        ) from err
    finally:
        engine.dispose()
    conn = sqlite3.connect(staged)
    try:
        conn.execute("PRAGMA journal_mode=DELETE")  # one self-contained file again (WAL fixes the page size)
    finally:
        conn.close()


def _page_size(conn: sqlite3.Connection) -> int:
    return int(conn.execute("PRAGMA page_size").fetchone()[0])


def replace_live(staged: Path, live: Path) -> None:
    """Make `live` hold exactly the staged database, in one transaction when `live` is readable."""
    try:
        _copy_into(staged, live)
    except sqlite3.DatabaseError as err:
        if getattr(err, "sqlite_errorcode", None) not in (sqlite3.SQLITE_CORRUPT, sqlite3.SQLITE_NOTADB):
            raise
        # The live file itself is unreadable (it was preserved raw beforehand): swap the file.
        for suffix in COMPANIONS:
            Path(f"{live}{suffix}").unlink(missing_ok=True)
        staged.replace(live)


def _copy_into(staged: Path, live: Path) -> None:
    source = sqlite3.connect(staged)
    try:
        target = sqlite3.connect(live, timeout=BUSY_TIMEOUT_MS / 1000)
        try:
            target.execute("PRAGMA journal_mode=WAL")
            size = _page_size(target)
            if _page_size(source) != size:
                # A WAL database only accepts pages of its own size from the backup API.
                source.execute(f"PRAGMA page_size={size}")
                source.execute("VACUUM")
            source.backup(target)
        finally:
            target.close()
    finally:
        source.close()
