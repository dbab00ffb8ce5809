"""Shared fixtures: real SQLite stores in tmp dirs on a fixed clock, a workspace with a municipality, offscreen Qt.

No test reads the real clock: every store is opened with `clock` (models/clock.py), which stands still at NOW
until a test moves it.
"""

import functools
import os
from datetime import UTC, datetime, timedelta

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

import pytest  # noqa: E402

from desktop.models import AwarenessActivity  # noqa: E402
from desktop.services import records  # noqa: E402
from desktop.services.municipality import init_municipality  # noqa: E402
from desktop.services.workspace import Workspace  # noqa: E402
from desktop.store import Store  # noqa: E402

# 2026-11-29 (a Sunday) at noon in Japan: the same calendar day in every time zone from UTC-3 to UTC+20.
NOW = datetime(2026, 11, 29, 3, 0, tzinfo=UTC)

# 福井県鯖江市: a real code whose check digit (9) DOMAIN.md works through.
TOWN_CODE = "182079"
TOWN_NAME = "鯖江市"


class FrozenClock:
    """A clock that stands still until the test moves it."""

    def __init__(self, now: datetime):
        self.now = now

    def __call__(self) -> datetime:
        return self.now

    def advance(self, delta: timedelta) -> None:
        """Let time pass."""
        self.now += delta


@pytest.fixture
def clock():
    """The fixed clock every store of a test is opened with."""
    return FrozenClock(NOW)


@pytest.fixture
def open_store(clock):
    """Store.open on the test's clock."""
    return functools.partial(Store.open, clock=clock)


@pytest.fixture
def dx(clock):
    """Run `dxnavi --data-dir D args…` in process, on the test's clock; returns the exit code."""
    from desktop.cli import main

    return lambda data_dir, *args: main(["--data-dir", str(data_dir), *args], clock=clock)


@pytest.fixture
def data_dir(tmp_path):
    """An empty data dir."""
    return tmp_path / "data"


@pytest.fixture
def store(data_dir, open_store):
    """An open, empty store."""
    s = open_store(data_dir)
    yield s
    s.close()


@pytest.fixture
def registered(open_store, data_dir):
    """A data dir holding 鯖江市 and one activity, closed again (as between two CLI runs)."""
    with open_store(data_dir) as store:
        init_municipality(store, TOWN_CODE, TOWN_NAME)
        records.create(Workspace(store), AwarenessActivity, title="DX研修")
    return data_dir


@pytest.fixture
def ws(store):
    """A workspace whose store holds one municipality."""
    init_municipality(store, TOWN_CODE, TOWN_NAME)
    return Workspace(store, actor="テスト担当")


@pytest.fixture
def full_disk(monkeypatch):
    """Make the disk under a folder full, at the file-write boundary, so a full disk is tested on any machine.

    `full_disk(folder)`: SQLite databases in the folder cannot grow (SQLite answers SQLITE_FULL, exactly as on
    a full disk) and file copies into it write a part and fail with ENOSPC.
    """
    import errno
    import shutil
    import sqlite3
    from pathlib import Path

    real_connect, real_copy = sqlite3.connect, shutil.copyfile

    def fill(folder: Path) -> None:
        root = Path(folder).resolve()

        def inside(path) -> bool:
            text = str(path)
            if text.startswith("file:"):
                text = text[5:].split("?", 1)[0]
            return text != ":memory:" and Path(text).resolve().is_relative_to(root)

        def connect(database, *args, **kwargs):
            conn = real_connect(database, *args, **kwargs)
            if inside(database):
                pages = conn.execute("PRAGMA page_count").fetchone()[0]
                conn.execute(f"PRAGMA max_page_count = {max(pages, 1)}")
            return conn

        def copyfile(src, dst, *args, **kwargs):
            if inside(dst):
                Path(dst).write_bytes(b"part of a file")
                raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC), str(dst))
            return real_copy(src, dst, *args, **kwargs)

        monkeypatch.setattr(sqlite3, "connect", connect)
        monkeypatch.setattr(sqlite3.dbapi2, "connect", connect)  # what SQLAlchemy's pysqlite dialect calls
        monkeypatch.setattr(shutil, "copyfile", copyfile)

    return fill
