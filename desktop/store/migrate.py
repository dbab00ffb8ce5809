"""Schema migrations through Alembic, with a backup taken before any upgrade."""

from __future__ import annotations

from collections.abc import Callable
from functools import cache
from pathlib import Path
from typing import TYPE_CHECKING

from sqlalchemy import Engine, inspect, text

from desktop.models.errors import DomainError

if TYPE_CHECKING:
    from alembic.config import Config
    from alembic.script import ScriptDirectory

INI = Path(__file__).with_name("alembic.ini")

# The newest migration shipped with this version. Opening an up-to-date store then needs no Alembic import
# (about 0.1 s of every start); tests/store assert this equals Alembic's own head, so it cannot drift.
HEAD = "0010"


class SchemaTooNewError(DomainError):
    """The data was written by a newer DX Navi; this version must not touch it."""


def _config() -> Config:
    from alembic.config import Config

    cfg = Config(str(INI))
    cfg.set_main_option("script_location", str(INI.parent / "migrations"))
    return cfg


@cache
def _scripts() -> ScriptDirectory:
    from alembic.script import ScriptDirectory

    return ScriptDirectory.from_config(_config())


def head_revision() -> str:
    """The newest migration shipped with this version of the app."""
    return HEAD


def alembic_head() -> str:
    """Alembic's own idea of the head (the check that HEAD is right)."""
    return _scripts().get_current_head() or ""


def known_revisions() -> frozenset[str]:
    """Every revision this version of the app knows (a database at any of them can be upgraded)."""
    return frozenset(rev.revision for rev in _scripts().walk_revisions())


def current_revision(engine: Engine) -> str | None:
    """The schema revision of the database (None for an empty file)."""
    with engine.connect() as conn:
        if not inspect(conn).has_table("alembic_version"):
            return None
        return conn.execute(text("SELECT version_num FROM alembic_version")).scalar()


def too_new_message(revision: str) -> str:
    """The one message for data from a newer app version."""
    return (
        f"このデータは新しいバージョンの自治体DXナビで作成されています（スキーマの版 {revision}）。"
        "アプリを最新版に更新してから開いてください。"
    )


def ensure_known(revision: str | None) -> None:
    """Refuse a schema this app does not know before anything is written to it."""
    if revision is not None and revision not in known_revisions():
        raise SchemaTooNewError(too_new_message(revision))


def upgrade(engine: Engine, before: Callable[[], object] | None = None) -> bool:
    """Bring the schema to head in one transaction; call `before` (the backup) first if a schema will change."""
    current = current_revision(engine)
    if current == head_revision():
        return False
    ensure_known(current)
    if before is not None and current is not None:
        before()
    from alembic import command

    cfg = _config()
    with engine.connect() as conn:
        raw = conn.connection.driver_connection
        # SQLite table rebuilds drop the old table: with foreign keys on, that would cascade into children.
        # The pragma only takes effect outside a transaction, so it is set before BEGIN and checked after.
        raw.execute("PRAGMA foreign_keys=OFF")
        try:
            with conn.begin():
                cfg.attributes["connection"] = conn
                command.upgrade(cfg, "head")
                broken = conn.exec_driver_sql("PRAGMA foreign_key_check").fetchall()
                if broken:
                    raise DomainError(
                        f"データの更新（スキーマの版 {head_revision()}）で参照の不整合が{len(broken)}件見つかったため、"
                        "更新を取り消しました。データは変更されていません。"
                    )
        finally:
            raw.execute("PRAGMA foreign_keys=ON")
    return True
