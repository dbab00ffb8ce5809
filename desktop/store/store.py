"""Store: opening a data dir (lock, backup, migrate), handing out sessions, restoring a backup."""

from __future__ import annotations

import logging
import os
import sqlite3
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from types import TracebackType

from sqlalchemy.exc import DBAPIError
from sqlalchemy.orm import Session

from desktop.models.clock import Clock
from desktop.models.errors import DomainError
from desktop.store import diagnosis, migrate, restore
from desktop.store.backup import Backups, remove_with_companions
from desktop.store.diagnosis import StoreCorruptError
from desktop.store.engine import Database
from desktop.store.lock import InstanceLock
from desktop.store.paths import db_path

log = logging.getLogger(__name__)
STORAGE_ERRORS = (DBAPIError, sqlite3.Error, OSError)

__all__ = ["Store", "StoreCorruptError", "StoreLockedError"]


class StoreLockedError(DomainError):
    """Another DX Navi already has this data dir open."""


def data_writable(data_dir: Path) -> bool:
    """True when the data dir and its data file (if any) may be written by this user."""
    data = db_path(Path(data_dir))
    return diagnosis.writable(data_dir) and (not data.exists() or os.access(data, os.W_OK))


class Store:
    """An open data dir. Use `write()` / `read()` for short sessions; close() when done.

    A full disk, a read-only folder or a damaged file surfaces from every method as a DomainError that says
    which of these it is and what to do (desktop.store.diagnosis), never as a driver exception.
    `warnings` holds what went wrong without stopping the store (a daily backup that could not be taken).
    `clock` is the one source of the current time for everything done with this store (see models/clock.py).
    """

    def __init__(self, data_dir: Path, db: Database, lock: InstanceLock | None, clock: Clock):
        self.data_dir = Path(data_dir)
        self.db = db
        self._lock = lock
        self.clock = clock
        self.backups = Backups(db, self.data_dir, clock)
        self.warnings: list[str] = []

    @property
    def path(self) -> Path:
        """The live SQLite file."""
        return self.db.path

    @property
    def read_only(self) -> bool:
        """True when opened for reading only (the folder cannot be written): every write is refused."""
        return self.db.read_only

    @classmethod
    def open_read_only(cls, data_dir: Path, *, clock: Clock) -> Store:
        """Open for reading only: nothing is created or changed (no folder, lock file, -wal, -shm or backup)."""
        return cls(Path(data_dir), Database(db_path(Path(data_dir)), read_only=True), None, clock)

    @classmethod
    def inspect(
        cls, data_dir: Path, *, clock: Clock, can_write: Callable[[Path], bool] = data_writable
    ) -> Store:
        """Open as it is, for check, the backup list and restore: no migration and no backup.

        A data dir this user cannot write is opened read-only (`read_only`), so it can still be read and
        checked; anything that would write there is refused with the read-only message.
        """
        data_dir = Path(data_dir)
        if data_dir.is_dir() and not can_write(data_dir):
            log.info("data dir %s is read-only: opened for reading only", data_dir)
            return cls.open_read_only(data_dir, clock=clock)
        return cls.open(data_dir, clock=clock, auto_backup=False, migrate_schema=False)

    @classmethod
    def open(
        cls,
        data_dir: Path,
        *,
        clock: Clock,
        exclusive: bool = True,
        auto_backup: bool = True,
        migrate_schema: bool = True,
    ) -> Store:
        """Open (creating if needed) the store in `data_dir`, migrate it and take the daily backup.

        `migrate_schema=False` only takes the lock: no migration, no backup (for check, which must not change
        anything, and for restore, which must work even when the live database is damaged).
        """
        data_dir = Path(data_dir)
        failed = f"データフォルダ（{data_dir}）を開けませんでした"
        lock = None
        try:
            data_dir.mkdir(parents=True, exist_ok=True)
            if exclusive:
                lock = InstanceLock(data_dir)
                if not lock.acquire():
                    raise StoreLockedError(
                        f"このデータフォルダ（{data_dir}）は別の自治体DXナビで使用中です。"
                        "もう一方のウィンドウを閉じてから起動してください。"
                    )
        except OSError as err:
            known = diagnosis.explain(err, data_dir, failed, lambda: DomainError(failed))
            raise known or DomainError(
                f"データフォルダ（{data_dir}）を作成または書き込みできません: {err.strerror or err}"
            ) from err
        store = cls(data_dir, Database(db_path(data_dir)), lock, clock)
        if not migrate_schema:
            return store
        try:
            with store.explained(failed):
                migrate.upgrade(store.db.engine, before=lambda: store.backups.create("before-migration"))
                if auto_backup:
                    store.daily_backup()
        except BaseException:
            store.close()
            raise
        return store

    def daily_backup(self) -> Path | None:
        """Take the day's backup if it is due; a failure (full disk …) becomes a warning, not a stop."""
        try:
            return self.backups.daily()
        except DomainError as err:
            log.warning("daily backup failed: %s", err)
            self.warnings.append(f"本日の自動バックアップを作成できませんでした。{err}")
            return None

    def explain(self, err: BaseException, failed: str) -> DomainError | None:
        """The Japanese error for a storage failure (full, read-only, damaged), or None for anything else."""
        return diagnosis.explain(err, self.data_dir, failed, self.backups.damaged_error)

    @contextmanager
    def explained(self, failed: str) -> Iterator[None]:
        """Turn a storage failure inside the block into its Japanese error; `failed` says what did not happen."""
        try:
            yield
        except STORAGE_ERRORS as err:
            known = self.explain(err, failed)
            if known is None:
                raise
            raise known from err

    @contextmanager
    def write(self) -> Iterator[Session]:
        """Session that commits at once on success."""
        with self.explained("変更を保存できませんでした"), self.db.write() as session:
            yield session

    @contextmanager
    def trial(self) -> Iterator[Session]:
        """Session whose changes are always rolled back (a preview of what a change would do)."""
        with self.explained("変更の内容を確かめられませんでした"), self.db.trial() as session:
            yield session

    @contextmanager
    def read(self) -> Iterator[Session]:
        """Read-only session."""
        with self.explained("データを読み込めませんでした"), self.db.read() as session:
            yield session

    def restore(self, path: Path) -> Path | None:
        """Replace the live data with a backup file; returns the before-restore backup (None if none).

        The file is fully checked (and an older schema migrated, in a private copy) before anything changes;
        a bad file raises RestoreError and the live data stays as it was.
        """
        path = Path(path)
        if path.exists() and self.path.exists() and path.resolve() == self.path.resolve():
            raise restore.RestoreError("使用中のデータファイル自体は復元元に指定できません。")
        with self.db.exclusive(), self.explained("復元できませんでした"):
            staged = restore.stage(path, self.data_dir)
            try:
                restore.inspect(staged, path.name)
                safety = self.backups.preserve("before-restore")
                self.db.dispose()
                restore.replace_live(staged, self.path)
                self.db.dispose()
            finally:
                remove_with_companions(staged)
        return safety

    def close(self) -> None:
        """Release connections and the instance lock (safe to call twice)."""
        self.db.dispose()
        if self._lock is not None:
            self._lock.release()
            self._lock = None

    def __enter__(self) -> Store:
        return self

    def __exit__(
        self, exc_type: type[BaseException] | None, exc: BaseException | None, tb: TracebackType | None
    ) -> None:
        self.close()
