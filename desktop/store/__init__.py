"""Local storage: one SQLite file per data dir, migrations, backups, integrity checks, locking."""

from desktop.store.migrate import SchemaTooNewError
from desktop.store.restore import RestoreError
from desktop.store.store import Store, StoreCorruptError, StoreLockedError

__all__ = ["RestoreError", "SchemaTooNewError", "Store", "StoreCorruptError", "StoreLockedError"]
