"""A damaged data file (bytes changed in the middle) gets the damaged-file message and the way back.

Before the fix `export` ended in a traceback and `backup --list` could fail on the file it should help rescue.
"""

import sqlite3

import pytest

from desktop.models import AwarenessActivity
from desktop.services import records
from desktop.services.municipality import init_municipality
from desktop.services.workspace import Workspace


def scribble_over_table(path, table: str) -> None:
    """Overwrite the first page of one table's b-tree: the file header and the other tables stay readable."""
    conn = sqlite3.connect(path)
    page_size = conn.execute("PRAGMA page_size").fetchone()[0]
    (root,) = conn.execute("SELECT rootpage FROM sqlite_master WHERE name = ?", (table,)).fetchone()
    conn.close()
    with open(path, "r+b") as fh:
        fh.seek((root - 1) * page_size)
        fh.write(b"\xa5" * page_size)


@pytest.fixture
def damaged(data_dir, open_store):
    """鯖江市 with 50 activities and a backup; then a page in the middle of the file is overwritten."""
    with open_store(data_dir) as store:
        init_municipality(store, "182079", "鯖江市")
        ws = Workspace(store)
        for i in range(50):
            records.create(ws, AwarenessActivity, title=f"研修 {i}", note="説明" * 40)
        store.backups.create("manual")
        store.db.engine.dispose()
        conn = sqlite3.connect(store.path)
        conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
        conn.close()
    scribble_over_table(data_dir / "dxnavi.sqlite3", "awareness_activity")
    return data_dir


def test_export_of_a_damaged_file_gives_the_damaged_file_message_and_the_way_back(
    dx, damaged, tmp_path, capsys
):
    out = tmp_path / "all.json"
    assert dx(damaged, "export", "json", "--out", str(out)) == 1
    err = capsys.readouterr().err
    assert "Traceback" not in err
    assert "が壊れているため、読み書きできません" in err
    assert "バックアップは 1 件あり、最新は" in err and "手動バックアップ" in err
    assert "dxnavi backup --list" in err and "dxnavi restore" in err
    assert not out.exists()


def test_the_backup_list_and_a_restore_bring_the_data_back(dx, damaged, tmp_path, capsys):
    assert dx(damaged, "check") == 1
    assert "dxnavi restore" in capsys.readouterr().out

    assert dx(damaged, "backup", "--list") == 0
    listed = capsys.readouterr().out.splitlines()
    assert len(listed) == 1 and "手動" in listed[0]
    newest = listed[0].split()[-1]

    assert dx(damaged, "restore", newest) == 0
    assert dx(damaged, "check") == 0
    assert dx(damaged, "export", "json", "--out", str(tmp_path / "all.json")) == 0
    assert "51 件の記録を書き出しました" in capsys.readouterr().out


def test_the_backup_list_works_even_when_the_file_is_no_database_at_all(dx, damaged, capsys):
    with open(damaged / "dxnavi.sqlite3", "r+b") as fh:
        fh.write(b"this is no longer a database....")
    assert dx(damaged, "backup", "--list") == 0
    assert len(capsys.readouterr().out.splitlines()) == 1
    assert dx(damaged, "pdf", "progress", "--out", str(damaged.parent / "p.pdf")) == 1
    err = capsys.readouterr().err
    assert "壊れているため" in err and "dxnavi restore" in err and "Traceback" not in err
