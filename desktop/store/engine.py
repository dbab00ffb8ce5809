"""The SQLite engine: WAL, synchronous=FULL, foreign keys, busy timeout; short sessions."""

import sqlite3
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from sqlalchemy import Engine, create_engine, event
from sqlalchemy.orm import Session, sessionmaker
from sqlalchemy.pool import NullPool

BUSY_TIMEOUT_MS = 5000
BEGIN_OPTION = "dxnavi_begin"


def _configure(dbapi_conn, _record) -> None:
    # pysqlite's own implicit BEGIN (only before DML) is switched off: _begin below starts every
    # transaction, so reads are consistent snapshots and migrations (DDL) are atomic.
    dbapi_conn.isolation_level = None
    cur = dbapi_conn.cursor()
    cur.execute(f"PRAGMA busy_timeout={BUSY_TIMEOUT_MS}")
    cur.execute("PRAGMA journal_mode=WAL")
    cur.execute("PRAGMA synchronous=FULL")
    cur.execute("PRAGMA foreign_keys=ON")
    cur.close()


def _begin(conn) -> None:
    # Writers take the write lock up front (IMMEDIATE), so a read-then-write never fails half way.
    mode = conn.get_execution_options().get(BEGIN_OPTION, "DEFERRED")
    conn.exec_driver_sql(f"BEGIN {mode}")


def _configure_read_only(dbapi_conn, _record) -> None:
    # No journal or sync settings: a read-only connection must not try to change the file.
    dbapi_conn.isolation_level = None
    cur = dbapi_conn.cursor()
    cur.execute(f"PRAGMA busy_timeout={BUSY_TIMEOUT_MS}")
    cur.execute("PRAGMA query_only=ON")
    cur.close()


def read_only_uri(path: Path) -> str:
    """The SQLite URI that reads `path` without writing anything beside it.

    In a folder nobody may write, SQLite cannot create the -shm file a WAL database is normally read through,
    so a cleanly closed file (no -wal left) is opened `immutable`: read as it is, without locks or side files.
    When a -wal file holds changes not yet folded in (the app is running, or was killed), those are the
    latest data: `mode=ro` reads them through the existing -shm file.
    """
    wal = Path(f"{path}-wal")
    has_changes = wal.exists() and wal.stat().st_size > 0
    return f"{Path(path).absolute().as_uri()}?mode=ro" + ("" if has_changes else "&immutable=1")


def make_engine(path: Path, read_only: bool = False) -> Engine:
    """Engine for one SQLite file with the durability settings of DESIGN.md §3 (or reading only)."""
    if read_only:
        uri = read_only_uri(path)
        engine = create_engine(
            "sqlite://",
            creator=lambda: sqlite3.connect(uri, uri=True, check_same_thread=False),
            poolclass=NullPool,  # "sqlite://" alone would mean one in-memory connection per thread
        )
        event.listen(engine, "connect", _configure_read_only)
    else:
        engine = create_engine(f"sqlite:///{path}", connect_args={"check_same_thread": False})
        event.listen(engine, "connect", _configure)
    event.listen(engine, "begin", _begin)
    return engine


class Database:
    """Engine plus session factory. Writes are serialised by a lock (one writer at a time)."""

    def __init__(self, path: Path, read_only: bool = False):
        self.path = Path(path)
        self.read_only = read_only
        self.engine = make_engine(self.path, read_only)
        self._sessions = sessionmaker(self.engine, expire_on_commit=False)
        self._write_lock = threading.RLock()
        self._local = threading.local()

    @contextmanager
    def write(self) -> Iterator[Session]:
        """A session that commits on success (every edit is committed at once) and rolls back on error.

        A write opened inside another write on the same thread joins it (one transaction, committed by the
        outermost), instead of waiting for a lock its own thread holds.
        """
        with self._write_lock:
            outer: Session | None = getattr(self._local, "session", None)
            if outer is not None:
                yield outer
                return
            with self._sessions() as session:
                self._local.session = session
                try:
                    session.connection(execution_options={BEGIN_OPTION: "IMMEDIATE"})
                    yield session
                    session.commit()
                except BaseException:
                    session.rollback()
                    raise
                finally:
                    self._local.session = None

    @contextmanager
    def trial(self) -> Iterator[Session]:
        """A write session that is always rolled back: what a change would do, seen without doing it.

        It holds the write lock like a write (its flushes need it) and cannot be opened inside one.
        """
        with self._write_lock:
            if getattr(self._local, "session", None) is not None:
                raise RuntimeError("a trial cannot run inside a write")
            with self._sessions() as session:
                self._local.session = session
                try:
                    session.connection(execution_options={BEGIN_OPTION: "IMMEDIATE"})
                    yield session
                finally:
                    session.rollback()
                    self._local.session = None

    @contextmanager
    def read(self) -> Iterator[Session]:
        """A read-only session; objects come back detached and fully loaded.

        A read on a thread that is inside a write joins that write, so a use case made of several steps in
        one transaction (creating the demo town) sees its own rows before they are committed.
        """
        outer: Session | None = getattr(self._local, "session", None)
        if outer is not None:
            yield outer
            return
        # close() (not rollback()) ends the read: rollback would expire the objects we hand back.
        with self._sessions() as session:
            yield session

    @contextmanager
    def exclusive(self) -> Iterator[None]:
        """Hold off every writer of this process (while the file itself is replaced)."""
        with self._write_lock:
            yield

    def compact(self) -> None:
        """Rewrite the file without its free pages and empty the WAL, so deleted rows are gone from the disk."""
        with self._write_lock:
            raw = self.engine.raw_connection()
            try:
                raw.driver_connection.execute("VACUUM")
                raw.driver_connection.execute("PRAGMA wal_checkpoint(TRUNCATE)")
            finally:
                raw.close()

    def dispose(self) -> None:
        """Close every pooled connection (before backup restore or exit)."""
        self.engine.dispose()
