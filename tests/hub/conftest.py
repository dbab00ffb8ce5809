"""Hub fixtures: a migrated hub database on SQLite and on PostgreSQL, tokens, and an HTTP client.

PostgreSQL comes from ./dev (DXNAVI_TEST_PG_URL, a role that may create databases): each test gets a database of
its own, dropped afterwards. Outside ./dev the PostgreSQL cases are skipped; under CI they fail instead.
"""

import os
import uuid

import pytest
from hub_client import FUKUI_CITY, NOW, SABAE, SHINJUKU, Hub
from sqlalchemy import create_engine, text
from sqlalchemy.engine import make_url

from hub import db, tokens
from hub.schema import municipality


def postgres_admin_url() -> str:
    url = os.environ.get("DXNAVI_TEST_PG_URL", "")
    if url:
        return db.normalise_url(url)
    if os.environ.get("CI", "").lower() in ("1", "true", "yes"):
        pytest.fail(
            "CI では PostgreSQL が必要です（./dev test が root で導入・起動し DXNAVI_TEST_PG_URL を設定します）。"
        )
    pytest.skip("PostgreSQL なし: ./dev test（root）で実行すると PostgreSQL でも確認します")


@pytest.fixture
def postgres_url():
    """The URL of a fresh, empty PostgreSQL database, dropped after the test."""
    admin_url = postgres_admin_url()
    name = f"dxnavi_hub_test_{uuid.uuid4().hex[:12]}"
    admin = create_engine(admin_url, isolation_level="AUTOCOMMIT")
    with admin.connect() as conn:
        conn.execute(text(f'CREATE DATABASE "{name}"'))
    try:
        yield make_url(admin_url).set(database=name).render_as_string(hide_password=False)
    finally:
        with admin.connect() as conn:
            conn.execute(text(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))
        admin.dispose()


@pytest.fixture(params=["sqlite", "postgresql"])
def hub_url(request, tmp_path):
    """A hub database URL on each backend."""
    if request.param == "sqlite":
        return f"sqlite:///{tmp_path / 'hub.sqlite3'}"
    return request.getfixturevalue("postgres_url")


@pytest.fixture
def engine(hub_url):
    engine = db.open_database(hub_url)
    with engine.begin() as conn:
        conn.execute(
            municipality.insert(),
            [
                {"code": SABAE, "name": "鯖江市"},
                {"code": FUKUI_CITY, "name": "福井市"},
                {"code": SHINJUKU, "name": "新宿区"},
            ],
        )
    yield engine
    engine.dispose()


@pytest.fixture
def token_for(engine):
    """Issue a token for a 団体コード."""
    return lambda code, label="": tokens.issue(engine, code, label, NOW)


@pytest.fixture
def hub(engine, token_for):
    return Hub(engine, token_for)
