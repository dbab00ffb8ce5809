"""Migration 0002 from the first release's schema: the catalog tables arrive and old answers keep their meaning."""

import sqlite3

from alembic import command
from sqlalchemy import create_engine

from desktop.store import migrate
from desktop.store.paths import db_path


def test_a_first_release_store_gains_the_catalog_and_its_answers_take_the_new_states(open_store, data_dir):
    data_dir.mkdir(parents=True)
    engine = create_engine(f"sqlite:///{db_path(data_dir)}")
    cfg = migrate._config()
    with engine.begin() as conn:
        cfg.attributes["connection"] = conn
        command.upgrade(cfg, "0001")
        for rid, old in (("a", "accepted"), ("b", "partial"), ("c", "pending"), ("d", "declined"), ("e", "")):
            conn.exec_driver_sql(
                "INSERT INTO needs_request (id, owner_code, version, dirty, updated_at, updated_by, deleted, title,"
                " category, skill_role, engagement, purpose, detail, priority, funding, status, response_status,"
                " response_text) VALUES (?, '182079', 0, 1, '2026-01-01', '', 0, 't', 'talent', '', 'on_call', '',"
                " '', 'medium', '', 'submitted', ?, '')",
                (rid, old),
            )
    engine.dispose()
    open_store(data_dir).close()
    conn = sqlite3.connect(db_path(data_dir))
    states = dict(conn.execute("SELECT id, response_status FROM needs_request"))
    tables = {r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type = 'table'")}
    conn.close()
    assert states == {"a": "matched", "b": "coordinating", "c": "received", "d": "declined", "e": ""}
    assert {"talent_pool_entry", "good_practice", "joint_procurement_offer", "announcement"} <= tables
    assert {"joint_procurement_intent", "town_contact"} <= tables
