"""Where the data lives: platformdirs user data dir, overridable by --data-dir or DXNAVI_HOME."""

import os
from pathlib import Path

import platformdirs

DB_NAME = "dxnavi.sqlite3"


def default_data_dir() -> Path:
    """The data dir the app uses when nothing overrides it."""
    env = os.environ.get("DXNAVI_HOME")
    if env:
        return Path(env).expanduser()
    return Path(platformdirs.user_data_dir("dxnavi", appauthor=False))


def db_path(data_dir: Path) -> Path:
    """The SQLite file inside a data dir."""
    return data_dir / DB_NAME


def backup_dir(data_dir: Path) -> Path:
    """Folder of the rolling backups."""
    return data_dir / "backups"
