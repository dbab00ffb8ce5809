"""Rolling backups with the sqlite3 online backup API: 7 dailies and 4 weeklies are kept.

Backups are named `dxnavi-YYYYmmdd-HHMMSS-ffffff-<reason>.sqlite3` (UTC), so the folder explains itself and
the list survives without an index file. Rotation keeps the newest backup of each of the 7 most recent days
and of each of the 4 most recent ISO weeks that have one (a user who opens the app once a month still keeps
7 backups), the newest few backups taken before each risky operation, every manual backup, and the demo
town kept when the user left the demo.
"""

from __future__ import annotations

import shutil
import sqlite3
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from pathlib import Path

from sqlalchemy import select

from desktop.models import Municipality
from desktop.models.clock import Clock
from desktop.models.errors import DomainError
from desktop.store import diagnosis
from desktop.store.diagnosis import StoreCorruptError
from desktop.store.engine import BUSY_TIMEOUT_MS, Database
from desktop.store.paths import COMPANIONS, backup_dir
from desktop.store.protected import refuse_protected

KEEP_DAILY = 7
KEEP_WEEKLY = 4
KEEP_PER_EVENT = 3  # newest backups kept for each before-* reason, whatever their day
PART_MAX_AGE_S = 3600  # a .part file older than this is the debris of an interrupted backup

# Reason → label shown to the user. `manual` and `demo` backups are never deleted automatically.
REASONS: dict[str, str] = {
    "daily": "日次",
    "manual": "手動",
    "demo": "デモ終了時",  # the demo town, kept when the user registers their own (services/demo_exit.py)
    "before-migration": "データ更新前",
    "before-restore": "復元前",
    "before-import": "取込前",
    "before-sync": "同期反映前",
    "before-repair": "同期修復前",
}
KEPT_FOR_GOOD = ("manual", "demo")  # never deleted by rotation
EVENT_REASONS = tuple(r for r in REASONS if r.startswith("before-"))
PREFIX = "dxnavi-"
SUFFIX = ".sqlite3"


@dataclass(frozen=True)
class BackupFile:
    """A backup on disk; `reason` is part of the file name."""

    path: Path
    taken_at: datetime
    reason: str

    @property
    def label(self) -> str:
        """Japanese name of the reason."""
        return REASONS.get(self.reason, self.reason)


def backup_name(taken_at: datetime, reason: str) -> str:
    """File name of a backup taken at `taken_at` for `reason`."""
    return f"{PREFIX}{taken_at.astimezone(UTC):%Y%m%d-%H%M%S-%f}-{reason}{SUFFIX}"


def parse_name(path: Path) -> BackupFile | None:
    """The backup a file name describes, or None for any other file."""
    name = path.name
    if not (name.startswith(PREFIX) and name.endswith(SUFFIX)):
        return None
    parts = name[len(PREFIX) : -len(SUFFIX)].split("-", 3)
    if len(parts) != 4:
        return None
    try:
        taken = datetime.strptime("".join(parts[:3]), "%Y%m%d%H%M%S%f").replace(tzinfo=UTC)
    except ValueError:
        return None
    return BackupFile(path, taken, parts[3])


def remove_with_companions(path: Path) -> None:
    """Delete a database file and its -wal/-shm/-journal files."""
    for suffix in ("", *COMPANIONS):
        Path(f"{path}{suffix}").unlink(missing_ok=True)


def copy_database(src: Path, out: Path) -> None:
    """Consistent single-file copy of `src` (safe while another connection writes) written atomically."""
    tmp = out.with_name(out.name + ".part")
    remove_with_companions(tmp)
    source = sqlite3.connect(f"{src.resolve().as_uri()}?mode=rw", uri=True, timeout=BUSY_TIMEOUT_MS / 1000)
    try:
        target = sqlite3.connect(tmp)
        try:
            source.backup(target)
            # A rollback-journal file is self-contained: it can be mailed, opened read-only or restored.
            target.execute("PRAGMA journal_mode=DELETE")
        finally:
            target.close()
    except BaseException:
        remove_with_companions(tmp)
        raise
    finally:
        source.close()
    tmp.replace(out)


def select_kept(backups: list[BackupFile]) -> set[Path]:
    """The backups rotation keeps: see the module docstring."""
    keep: set[Path] = set()
    days: set = set()
    weeks: set = set()
    per_event: dict[str, int] = {}
    for b in sorted(backups, key=lambda b: b.taken_at, reverse=True):
        day = b.taken_at.date()
        week = day.isocalendar()[:2]
        if day not in days and len(days) < KEEP_DAILY:
            days.add(day)
            keep.add(b.path)
        if week not in weeks and len(weeks) < KEEP_WEEKLY:
            weeks.add(week)
            keep.add(b.path)
        if b.reason in EVENT_REASONS and per_event.get(b.reason, 0) < KEEP_PER_EVENT:
            per_event[b.reason] = per_event.get(b.reason, 0) + 1
            keep.add(b.path)
        if b.reason in KEPT_FOR_GOOD:
            keep.add(b.path)
    return keep


class Backups:
    """Create, list and rotate the backups of one database (restore lives on Store)."""

    def __init__(self, db: Database, data_dir: Path, clock: Clock):
        self.db = db
        self.data_dir = Path(data_dir)
        self.folder = backup_dir(self.data_dir)
        self.clock = clock

    def create(self, reason: str = "manual", out: Path | None = None, *, now: datetime | None = None) -> Path:
        """Copy the live database consistently (safe while the app writes); returns the file written."""
        if reason not in REASONS:
            raise ValueError(f"unknown backup reason {reason!r}")
        if not self.db.path.exists():
            raise DomainError("バックアップするデータがまだありません。")
        failed = "バックアップを作成できませんでした"
        try:
            if out is None:
                out = self._new_path(now or self.clock(), reason)
            else:
                out = self._check_out(Path(out), now or self.clock(), reason)
            copy_database(self.db.path, out)
        except (sqlite3.Error, OSError) as err:  # copy_database has removed its .part file
            where = out.parent if out is not None else self.folder
            known = diagnosis.explain(err, where, failed, self.damaged_error)
            if known is None:
                raise
            raise known from err
        if out.parent.resolve() == self.folder.resolve():
            self.rotate()
        return out

    def preserve(self, reason: str, *, now: datetime | None = None) -> Path | None:
        """Keep the current data before a risky step, even when SQLite can no longer read it."""
        if not self.db.path.exists():
            return None
        try:
            return self.create(reason, now=now)
        except StoreCorruptError:
            pass
        # Unreadable: keep the raw bytes (and the WAL) so nothing is lost for a later rescue.
        out = self._new_path(now or self.clock(), reason)
        try:
            for suffix in ("", "-wal"):
                src = Path(f"{self.db.path}{suffix}")
                if src.exists():
                    shutil.copyfile(src, f"{out}{suffix}")
        except OSError as err:
            remove_with_companions(out)
            known = diagnosis.explain(
                err, self.folder, "壊れたデータファイルを保管できませんでした", self.damaged_error
            )
            if known is None:
                raise
            raise known from err
        return out

    def damaged_error(self) -> StoreCorruptError:
        """The damaged-file error, with the way back through the backups."""
        return StoreCorruptError(
            f"データファイル（{self.db.path}）が壊れているため、読み書きできません。{self.way_back()}"
        )

    def way_back(self) -> str:
        """Which backups there are and how to restore one (app menu and command line)."""
        backups = self.list()
        if not backups:
            return (
                f"バックアップはまだありません（{self.folder}）。"
                "壊れたファイルは削除せず、別の場所にコピーして保管してください。"
            )
        newest = backups[0]
        return (
            f"バックアップは {len(backups)} 件あり、最新は {newest.taken_at.astimezone():%Y年%m月%d日 %H:%M} の"
            f"{newest.label}バックアップ（{newest.path}）です。バックアップから復元してください。"
            "アプリでは「ファイル」メニューの「バックアップから復元」、コマンドでは dxnavi backup --list で一覧を"
            "表示し、dxnavi restore バックアップファイル で復元します（今のデータファイルも復元の前に保管されます）。"
        )

    def list(self) -> list[BackupFile]:
        """Backups, newest first."""
        if not self.folder.is_dir():
            return []
        found = (parse_name(p) for p in self.folder.glob(f"{PREFIX}*{SUFFIX}"))
        return sorted((b for b in found if b is not None), key=lambda b: b.taken_at, reverse=True)

    def daily(self, *, now: datetime | None = None) -> Path | None:
        """Take the start-of-day backup when the newest one is a day old or more and there is data to keep.

        A store without a municipality holds nothing worth keeping: a backup of it would only push a real one
        out of the rotation (and be the only one to restore from if the first day went wrong).
        """
        now = now or self.clock()
        existing = self.list()
        if existing and now - existing[0].taken_at < timedelta(days=1):
            return None
        if not self.db.path.exists() or not self._holds_data():
            return None
        return self.create("daily", now=now)

    def _holds_data(self) -> bool:
        with self.db.engine.connect() as conn:
            return conn.execute(select(Municipality.id).limit(1)).first() is not None

    def rotate(self) -> list[Path]:
        """Delete the backups rotation does not keep; returns the deleted files."""
        backups = self.list()
        keep = select_kept(backups)
        removed = [b.path for b in backups if b.path not in keep]
        for path in removed:
            remove_with_companions(path)
        cutoff = self.clock().timestamp() - PART_MAX_AGE_S
        for part in self.folder.glob(f"{PREFIX}*.part"):
            if part.stat().st_mtime < cutoff:
                remove_with_companions(part)
        return removed

    def _new_path(self, taken_at: datetime, reason: str) -> Path:
        self.folder.mkdir(parents=True, exist_ok=True)
        path = self.folder / backup_name(taken_at, reason)
        while path.exists():  # two backups in one microsecond (or a repeated fake clock)
            taken_at += timedelta(microseconds=1)
            path = self.folder / backup_name(taken_at, reason)
        return path

    def _check_out(self, out: Path, now: datetime, reason: str) -> Path:
        if out.is_dir():
            if out.resolve() == self.folder.resolve():  # the backup folder itself: the usual place and name
                return self._new_path(now, reason)
            out = out / backup_name(now, reason)
        refuse_protected(out, self.data_dir)
        if not out.parent.is_dir():
            raise DomainError(f"保存先のフォルダ「{out.parent}」がありません。")
        return out
