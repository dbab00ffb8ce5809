"""Shared fixtures: real SQLite stores in tmp dirs, a workspace with a municipality, offscreen Qt."""

import os

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

import pytest  # noqa: E402

from desktop.services.municipality import init_municipality  # noqa: E402
from desktop.services.workspace import Workspace  # noqa: E402
from desktop.store import Store  # noqa: E402

# 福井県鯖江市: a real code whose check digit (9) DOMAIN.md works through.
TOWN_CODE = "182079"
TOWN_NAME = "鯖江市"


@pytest.fixture
def data_dir(tmp_path):
    """An empty data dir."""
    return tmp_path / "data"


@pytest.fixture
def store(data_dir):
    """An open, empty store."""
    s = Store.open(data_dir)
    yield s
    s.close()


@pytest.fixture
def ws(store):
    """A workspace whose store holds one municipality."""
    init_municipality(store, TOWN_CODE, TOWN_NAME)
    return Workspace(store, actor="テスト担当")
