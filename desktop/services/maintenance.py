"""Backup, restore and check: the thin use cases the maintenance page and the CLI share."""

from pathlib import Path

from desktop.models.clock import Clock
from desktop.services.workspace import Workspace
from desktop.store import Store, StoreCorruptError, StoreLockedError
from desktop.store.backup import BackupFile
from desktop.store.check import CheckReport, check
from desktop.store.diagnosis import StorageFullError, StorageReadOnlyError
from desktop.store.migrate import SchemaTooNewError
from desktop.store.restore import RestoreError

# Why a data dir could not be opened, for a message in the UI language (the store's own messages are Japanese).
NOT_OPENED = (
    (StoreLockedError, "locked"),
    (StorageFullError, "full"),
    (StorageReadOnlyError, "read_only"),
    (StoreCorruptError, "damaged"),
    (SchemaTooNewError, "too_new"),
    (RestoreError, "restore_failed"),
)


def why_not_opened(exc: BaseException) -> str:
    """locked, full, read_only, damaged, too_new, restore_failed, or unusable (anything else)."""
    return next((reason for cls, reason in NOT_OPENED if isinstance(exc, cls)), "unusable")


def _store(ws_or_store: Workspace | Store) -> Store:
    return ws_or_store.store if isinstance(ws_or_store, Workspace) else ws_or_store


def backup_now(ws_or_store: Workspace | Store, out: Path | None = None) -> Path:
    """A manual backup into the backup folder, or to `out` (a file or a folder) the user chose."""
    return _store(ws_or_store).backups.create("manual", Path(out) if out is not None else None)


def list_backups(ws_or_store: Workspace | Store) -> list[BackupFile]:
    """Backups in the backup folder, newest first."""
    return _store(ws_or_store).backups.list()


def restore_backup(ws_or_store: Workspace | Store, path: Path) -> Path | None:
    """Replace the data with a backup; returns the before-restore backup of the data that was replaced."""
    safety = _store(ws_or_store).restore(Path(path))
    if isinstance(ws_or_store, Workspace):
        ws_or_store.forget_owner()  # the restored data may belong to another 団体コード
    return safety


def backups_in(data_dir: Path, clock: Clock) -> list[BackupFile]:
    """The backups of a data dir whose store cannot be opened (the file is damaged), newest first."""
    with Store.open(data_dir, clock=clock, exclusive=False, auto_backup=False, migrate_schema=False) as store:
        return store.backups.list()


def rescue(data_dir: Path, backup: Path, clock: Clock) -> Path | None:
    """Restore `backup` into a data dir whose store cannot be opened; returns where the damaged file was kept."""
    with Store.open(data_dir, clock=clock, auto_backup=False, migrate_schema=False) as store:
        return store.restore(backup)


def check_store(ws_or_store: Workspace | Store) -> CheckReport:
    """Integrity, references and schema version, as a Japanese report."""
    return check(_store(ws_or_store))
