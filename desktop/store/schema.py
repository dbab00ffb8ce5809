"""Does a database hold the whole current schema? Every table and column the models expect, and sound references.

Restore asks this of a backup before anything is swapped in (a file with only some tables would otherwise be
accepted, and every export would then fail), and check asks it of the live database.
"""

import sqlite3

from desktop.models import Base

MAX_SHOWN = 10


def _columns(conn: sqlite3.Connection, table: str) -> set[str]:
    return {row[1] for row in conn.execute(f'PRAGMA table_info("{table}")')}


def missing_parts(conn: sqlite3.Connection) -> list[str]:
    """Tables and columns of the current schema that `conn`'s database lacks, as Japanese lines."""
    present = {row[0] for row in conn.execute("SELECT name FROM sqlite_master WHERE type = 'table'")}
    missing: list[str] = []
    if "alembic_version" not in present:
        missing.append("表「alembic_version」（スキーマの版）がありません")
    for table in Base.metadata.sorted_tables:
        if table.name not in present:
            missing.append(f"表「{table.name}」がありません")
            continue
        have = _columns(conn, table.name)
        missing.extend(
            f"表「{table.name}」に列「{column.name}」がありません"
            for column in table.columns
            if column.name not in have
        )
    return missing


def broken_references(conn: sqlite3.Connection) -> list[str]:
    """Rows that point at a parent row that does not exist, as Japanese lines."""
    return [
        f"表「{table}」の行 {rowid} が表「{parent}」の存在しない行を参照しています"
        for table, rowid, parent, _ in conn.execute("PRAGMA foreign_key_check")
    ]


def summary(problems: list[str]) -> str:
    """The first few problems on one line, with how many more there are."""
    shown = "、".join(problems[:MAX_SHOWN])
    rest = len(problems) - MAX_SHOWN
    return shown + (f" ほか {rest} 件" if rest > 0 else "")
