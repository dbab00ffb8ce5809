"""The hub database: a SQLite file by default, PostgreSQL by URL; schema brought to head by Alembic."""

from __future__ import annotations

from pathlib import Path

from sqlalchemy import Engine, Table, bindparam, create_engine, event, insert, inspect, text, update
from sqlalchemy.engine import make_url

MIGRATIONS = Path(__file__).with_name("migrations")
HEAD = "0003"  # the newest migration in hub/migrations/versions (a test checks it equals Alembic's head)
DEFAULT_URL = "sqlite:///dxnavi-hub.sqlite3"
LOCK_WAIT_SECONDS = 10.0  # a write that waits longer for the database gets 503 + Retry-After


def _sqlite_settings(wait_ms: int):
    def connect(dbapi_conn, _record) -> None:
        dbapi_conn.isolation_level = None  # transactions begin in _sqlite_begin, never implicitly
        cur = dbapi_conn.cursor()
        cur.execute(f"PRAGMA busy_timeout={wait_ms}")
        cur.execute("PRAGMA journal_mode=WAL")
        cur.execute("PRAGMA synchronous=FULL")
        cur.close()

    return connect


def _sqlite_begin(conn) -> None:
    # Writers take the write lock at BEGIN, so a read-merge-write never fails half way on lock upgrade.
    conn.exec_driver_sql("BEGIN IMMEDIATE" if conn.get_execution_options().get("hub_write") else "BEGIN")


def normalise_url(url: str) -> str:
    """Accept postgresql:// and postgres:// as well as the explicit psycopg 3 driver name."""
    if url.startswith("postgres://"):
        url = "postgresql://" + url.removeprefix("postgres://")
    if url.startswith("postgresql://"):
        url = "postgresql+psycopg://" + url.removeprefix("postgresql://")
    return url


def make_engine(url: str, lock_wait: float = LOCK_WAIT_SECONDS) -> Engine:
    """An engine for the hub database at `url` (SQLite file or PostgreSQL); writers wait `lock_wait` s at most."""
    url = normalise_url(url)
    wait_ms = int(lock_wait * 1000)
    if make_url(url).get_backend_name() == "sqlite":
        engine = create_engine(url, connect_args={"check_same_thread": False, "timeout": lock_wait})
        event.listen(engine, "connect", _sqlite_settings(wait_ms))
        event.listen(engine, "begin", _sqlite_begin)
        return engine
    options = f"-c lock_timeout={wait_ms}"
    return create_engine(
        url, pool_size=10, max_overflow=20, pool_pre_ping=True, connect_args={"options": options}
    )


def is_sqlite(engine: Engine) -> bool:
    return engine.dialect.name == "sqlite"


WRITE = {"hub_write": True}  # execution options of a writing transaction (SQLite: BEGIN IMMEDIATE)


def lock_counter(conn) -> int:
    """Lock the version counter row until the transaction ends and return its value."""
    if conn.dialect.name == "postgresql":
        return conn.execute(text("SELECT value FROM hub_counter WHERE id = 1 FOR UPDATE")).scalar_one()
    return conn.execute(text("SELECT value FROM hub_counter WHERE id = 1")).scalar_one()  # BEGIN IMMEDIATE


def write_by_kind_and_id(conn, table: Table, rows: list[tuple[str, str, dict, bool]]) -> None:
    """Write (kind, id, values, exists) rows of a table keyed by kind and id: one executemany for the new rows,
    one for the existing ones."""
    new = [{"kind": kind, "id": rid, **values} for kind, rid, values, exists in rows if not exists]
    changed = [{"k": kind, "i": rid, **values} for kind, rid, values, exists in rows if exists]
    if new:
        conn.execute(insert(table), new)
    if changed:
        columns = [c for c in changed[0] if c not in ("k", "i")]
        conn.execute(
            update(table)
            .where(table.c.kind == bindparam("k"), table.c.id == bindparam("i"))
            .values({c: bindparam(c) for c in columns}),
            changed,
        )


def current_revision(engine: Engine) -> str | None:
    with engine.connect() as conn:
        if not inspect(conn).has_table("alembic_version"):
            return None
        return conn.execute(text("SELECT version_num FROM alembic_version")).scalar()


def _config():
    from alembic.config import Config

    cfg = Config()
    cfg.set_main_option("script_location", str(MIGRATIONS))
    return cfg


def alembic_head() -> str:
    from alembic.script import ScriptDirectory

    return ScriptDirectory.from_config(_config()).get_current_head() or ""


def migrate(engine: Engine) -> bool:
    """Bring the schema to head in one transaction; False when it already was. Refuses a newer schema."""
    current = current_revision(engine)
    if current == HEAD:
        return False
    if current is not None and int(current) > int(HEAD):
        raise SystemExit(
            f"このハブのデータベースは新しいバージョンの dxnavi-hub で作成されています（スキーマの版 {current}）。"
        )
    from alembic import command

    cfg = _config()
    with engine.connect() as conn, conn.begin():
        if conn.dialect.name == "postgresql":
            # Several `serve` or CLI processes may start at once: one migrates, the others wait for it.
            conn.exec_driver_sql("SELECT pg_advisory_xact_lock(7202611)")
        cfg.attributes["connection"] = conn
        command.upgrade(cfg, "head")
    return True


def open_database(url: str, lock_wait: float = LOCK_WAIT_SECONDS) -> Engine:
    """Engine for `url` with the schema at head."""
    engine = make_engine(url, lock_wait)
    migrate(engine)
    return engine
