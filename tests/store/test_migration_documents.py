"""Each migration carries data of the previous schema forward, and the migrated schema is the models' schema."""

import sqlite3

from alembic import command
from alembic.autogenerate import compare_metadata
from alembic.migration import MigrationContext
from sqlalchemy import create_engine

from desktop.models import Base, Plan, PlanPriorityYear
from desktop.services import records
from desktop.services.workspace import Workspace
from desktop.store import migrate
from desktop.store.paths import db_path


def schema_at(path, revision: str) -> None:
    """A database file at `revision` (as an older app version would have left it)."""
    engine = create_engine(f"sqlite:///{path}")
    cfg = migrate._config()
    with engine.begin() as conn:
        cfg.attributes["connection"] = conn
        command.upgrade(cfg, revision)
    engine.dispose()


def test_the_migrated_schema_is_exactly_the_schema_of_the_models(tmp_path):
    path = tmp_path / "db.sqlite3"
    schema_at(path, "head")
    engine = create_engine(f"sqlite:///{path}")
    with engine.connect() as conn:
        diff = compare_metadata(MigrationContext.configure(conn), Base.metadata)
    engine.dispose()
    assert diff == []


def test_0006_gives_a_voted_plan_its_adoption_date_and_keeps_everything_else(open_store, data_dir):
    data_dir.mkdir(parents=True)
    schema_at(db_path(data_dir), "0005")
    conn = sqlite3.connect(db_path(data_dir))
    common = "owner_code, version, dirty, updated_at, updated_by, deleted"
    values = "'182079', 0, 1, '2026-04-01 00:00:00', 'test', 0"
    conn.execute(
        f"INSERT INTO municipality (id, code, name, prefecture, department, contact_person, contact_email, "
        f"contact_phone, is_demo, {common}) VALUES ('m', '182079', '鯖江市', '福井県', '', '', '', '', 0, {values})"
    )
    for pid, status, voted in (("p1", "approved", "'2026-03-24'"), ("p2", "draft", "NULL")):
        conn.execute(
            f"INSERT INTO plan (id, title, purpose, vision, principles, status, approved_on, progress_management,"
            f" {common}) VALUES ('{pid}', '計画', '趣旨', '', '', '{status}', {voted}, '', {values})"
        )
    conn.commit()
    conn.close()

    store = open_store(data_dir, auto_backup=False)
    try:
        assert migrate.current_revision(store.db.engine) == migrate.HEAD
        ws = Workspace(store)
        voted, draft = records.get(ws, Plan, "p1"), records.get(ws, Plan, "p2")
        assert (voted.adopted_on, voted.approved_on, voted.purpose) == (
            voted.approved_on,
            voted.approved_on,
            "趣旨",
        )
        assert str(voted.adopted_on) == "2026-03-24"
        assert draft.adopted_on is None and draft.glossary == "" and draft.show_names is False
        assert records.find(ws, PlanPriorityYear) == []
    finally:
        store.close()
