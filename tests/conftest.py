"""Shared fixtures: real SQLite stores in tmp dirs on a fixed clock, a workspace with a municipality, offscreen Qt.

No test reads the real clock: every store is opened with `clock` (models/clock.py), which stands still at NOW
until a test moves it.
"""

import functools
import os
from datetime import UTC, datetime, timedelta

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

import pytest  # noqa: E402

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
def ws(store):
    """A workspace whose store holds one municipality."""
    init_municipality(store, TOWN_CODE, TOWN_NAME)
    return Workspace(store, actor="テスト担当")
