"""One app instance per data dir: an OS-level lock on a file inside it."""

import os
from pathlib import Path
from typing import BinaryIO

from desktop.store.paths import lock_path

if os.name == "nt":  # pragma: no cover - exercised on Windows only
    import msvcrt
else:
    import fcntl


class InstanceLock:
    """Exclusive, non-blocking lock released automatically if the process dies."""

    def __init__(self, data_dir: Path):
        self.path = lock_path(Path(data_dir))
        self._fh: BinaryIO | None = None

    @property
    def held(self) -> bool:
        """True while this object holds the lock."""
        return self._fh is not None

    def acquire(self) -> bool:
        """True when this process now holds the lock."""
        if self._fh is not None:
            return True
        fh = open(self.path, "a+b")  # noqa: SIM115 - held open for the lifetime of the lock
        try:
            # Both processes must lock the same byte: append mode starts at the end of the file.
            fh.seek(0)
            if os.name == "nt":  # pragma: no cover
                msvcrt.locking(fh.fileno(), msvcrt.LK_NBLCK, 1)
            else:
                fcntl.flock(fh.fileno(), fcntl.LOCK_EX | fcntl.LOCK_NB)
        except OSError:
            fh.close()
            return False
        if os.name != "nt":  # a locked byte cannot be rewritten through another handle on Windows
            try:
                fh.truncate(0)
                fh.write(str(os.getpid()).encode())
                fh.flush()
            except OSError:  # a full disk: give the lock back instead of holding it until exit
                fh.close()
                raise
        self._fh = fh
        return True

    def release(self) -> None:
        """Give the lock up (closing the handle releases it)."""
        if self._fh is not None:
            self._fh.close()
            self._fh = None
