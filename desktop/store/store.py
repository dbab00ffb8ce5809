"""Store: opening a data dir (lock, backup, migrate), handing out sessions, restoring a backup."""

from __future__ import annotations

import sqlite3
from contextlib import AbstractContextManager
from pathlib import Path
from types import TracebackType

from sqlalchemy.exc import DBAPIError
from sqlalchemy.orm import Session

from desktop.models.clock import Clock
from desktop.models.errors import DomainError
from desktop.store import migrate, restore
from desktop.store.backup import Backups, remove_with_companions
from desktop.store.engine import Database
from desktop.store.lock import InstanceLock
from desktop.store.paths import backup_dir, db_path


class StoreLockedError(DomainError):
    """Another DX Navi already has this data dir open."""


class StoreCorruptError(DomainError):
    """The database file cannot be read; the way out is a restore from a backup."""


def _unreadable(err: BaseException) -> bool:
    orig = err.orig if isinstance(err, DBAPIError) else err
    code = getattr(orig, "sqlite_errorcode", None)
    return code in (sqlite3.SQLITE_CORRUPT, sqlite3.SQLITE_NOTADB)


class Store:
    """An open data dir. Use `write()` / `read()` for short sessions; close() when done.

    `clock` is the one source of the current time for everything done with this store (see models/clock.py).
    """

    def __init__(self, data_dir: Path, db: Database, lock: InstanceLock | None, clock: Clock):
        self.data_dir = Path(data_dir)
        self.db = db
        self._lock = lock
        self.clock = clock
        self.backups = Backups(db, backup_dir(self.data_dir), clock)

    @property
    def path(self) -> Path:
        """The live SQLite file."""
        return self.db.path

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
            raise DomainError(
                f"データフォルダ（{data_dir}）を作成または書き込みできません: {err.strerror or err}"
            ) from err
        store = cls(data_dir, Database(db_path(data_dir)), lock, clock)
        if not migrate_schema:
            return store
        try:
            migrate.upgrade(store.db.engine, before=lambda: store.backups.create("before-migration"))
            if auto_backup:
                store.backups.daily()
        except (DBAPIError, sqlite3.DatabaseError) as err:
            store.close()
            if _unreadable(err):
                raise StoreCorruptError(store.corrupt_message()) from err
            raise
        except BaseException:
            store.close()
            raise
        return store

    def corrupt_message(self) -> str:
        """The one message for a live database SQLite cannot read."""
        return (
            f"データファイル（{self.path}）が壊れているため開けません。"
            f"バックアップ（{self.backups.folder}）から復元してください"
            "（コマンドでは dxnavi restore バックアップファイル）。"
        )

    def write(self) -> AbstractContextManager[Session]:
        """Session that commits at once on success."""
        return self.db.write()

    def read(self) -> AbstractContextManager[Session]:
        """Read-only session."""
        return self.db.read()

    def restore(self, path: Path) -> Path | None:
        """Replace the live data with a backup file; returns the before-restore backup (None if none).

        The file is fully checked before anything changes; a bad file raises RestoreError and the live data
        stays as it was. An older schema is migrated after the swap.
        """
        path = Path(path)
        if path.exists() and self.path.exists() and path.resolve() == self.path.resolve():
            raise restore.RestoreError("使用中のデータファイル自体は復元元に指定できません。")
        with self.db.exclusive():
            staged = restore.stage(path, self.data_dir)
            try:
                restore.inspect(staged, path.name)
                safety = self.backups.preserve("before-restore")
                self.db.dispose()
                restore.replace_live(staged, self.path)
                self.db.dispose()
                migrate.upgrade(self.db.engine, before=lambda: self.backups.create("before-migration"))
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
