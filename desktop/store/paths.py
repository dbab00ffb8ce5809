"""Where the data lives: platformdirs user data dir, overridable by --data-dir or DXNAVI_HOME."""

import os
from pathlib import Path

import platformdirs

DB_NAME = "dxnavi.sqlite3"
LOCK_NAME = "dxnavi.lock"
STAGING_NAME = "restore-staging.sqlite3"  # a backup being checked before a restore
# Files SQLite keeps beside a database while it is open (WAL, shared memory, rollback journal).
COMPANIONS = ("-wal", "-shm", "-journal")


def default_data_dir() -> Path:
    """The data dir the app uses when nothing overrides it."""
    env = os.environ.get("DXNAVI_HOME")
    if env:
        return Path(env).expanduser()
    return Path(platformdirs.user_data_dir("dxnavi", appauthor=False))


def db_path(data_dir: Path) -> Path:
    """The SQLite file inside a data dir."""
    return data_dir / DB_NAME


def lock_path(data_dir: Path) -> Path:
    """The instance lock file inside a data dir."""
    return data_dir / LOCK_NAME


def staging_path(data_dir: Path) -> Path:
    """Where restore copies a backup to check it before anything is replaced."""
    return data_dir / STAGING_NAME


def backup_dir(data_dir: Path) -> Path:
    """Folder of the rolling backups."""
    return data_dir / "backups"


def key_dir(data_dir: Path) -> Path:
    """Folder of this device's package signing key (owner-only; the private key never leaves it)."""
    return data_dir / "keys"
