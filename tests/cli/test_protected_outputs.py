"""No writer replaces the live store: every output path that is one of the store's own files is refused.

Before the fix `dxnavi pdf plan --out <data dir>/dxnavi.sqlite3` wrote the PDF over the database and exited 0.
"""

import os
from pathlib import Path

import pytest
from sqlalchemy import select

from desktop.models import AwarenessActivity
from desktop.store.check import check

WRITERS = {
    "PDF": ("pdf", "plan"),
    "JSON": ("export", "json"),
    "XLSX": ("export", "xlsx", "tracker"),
    "DOCX": ("export", "docx", "plan"),
    "バックアップ": ("backup",),
}

# Ways to name one of the store's files: exact, another case, through `..`, and the companions.
TARGETS = {
    "live": lambda d: d / "dxnavi.sqlite3",
    "case": lambda d: d / "DXNAVI.SQLITE3",
    "dotdot": lambda d: d / "backups" / ".." / "dxnavi.sqlite3",
    "wal": lambda d: d / "dxnavi.sqlite3-wal",
    "shm": lambda d: d / "dxnavi.sqlite3-shm",
    "lock": lambda d: d / "dxnavi.lock",
    "backup": lambda d: next((d / "backups").glob("dxnavi-*.sqlite3")),
}


@pytest.fixture
def town(registered, open_store):
    """鯖江市 with one activity and a manual backup, closed again (as between two CLI runs)."""
    with open_store(registered) as store:
        store.backups.create("manual")
    return registered


@pytest.fixture
def assert_untouched(open_store):
    """Check that a data dir still holds its sound database, its activity and its backups."""

    def untouched(data_dir: Path) -> None:
        with open_store(data_dir, auto_backup=False) as store:
            assert check(store).ok
            with store.read() as s:
                assert list(s.scalars(select(AwarenessActivity.title))) == ["DX研修"]
            for backup in store.backups.list():
                assert backup.path.read_bytes().startswith(b"SQLite format 3\x00")

    return untouched


@pytest.mark.parametrize("target", TARGETS)
@pytest.mark.parametrize("writer", WRITERS)
def test_every_cli_writer_refuses_every_file_of_the_store(dx, town, writer, target, capsys, assert_untouched):
    out = TARGETS[target](town)
    before = {p: p.read_bytes() for p in town.rglob("*") if p.is_file() and p.suffix != ".log"}

    assert dx(town, *WRITERS[writer], "--out", str(out)) == 1

    err = capsys.readouterr().err
    assert "には保存できません" in err and "データが失われます" in err, err
    assert "Traceback" not in err
    after = {p: p.read_bytes() for p in town.rglob("*") if p.is_file() and p.suffix != ".log"}
    assert after.keys() == before.keys()
    for path, content in before.items():
        if path.name != "dxnavi.lock":  # the lock file holds the pid of whoever holds it
            assert after[path] == content, path
    assert_untouched(town)


def test_a_relative_path_and_a_symlink_to_the_database_are_refused_too(
    dx, town, tmp_path, capsys, monkeypatch, assert_untouched
):
    link = tmp_path / "計画.pdf"
    link.symlink_to(town / "dxnavi.sqlite3")
    assert dx(town, "pdf", "plan", "--out", str(link)) == 1
    assert "使用中のデータファイル" in capsys.readouterr().err

    monkeypatch.chdir(town)
    assert dx(town, "export", "json", "--out", "dxnavi.sqlite3") == 1
    assert "使用中のデータファイル" in capsys.readouterr().err
    assert_untouched(town)


def test_a_hard_link_to_the_database_is_refused(dx, town, tmp_path, capsys, assert_untouched):
    link = tmp_path / "data.json"
    os.link(town / "dxnavi.sqlite3", link)
    assert dx(town, "export", "json", "--out", str(link)) == 1
    assert "使用中のデータファイル" in capsys.readouterr().err
    assert_untouched(town)


def test_a_backup_into_the_backup_folder_itself_is_still_allowed(dx, town, capsys, open_store):
    assert dx(town, "backup", "--out", str(town / "backups")) == 0
    assert "バックアップを作成しました" in capsys.readouterr().out
    with open_store(town, auto_backup=False) as store:
        assert [b.reason for b in store.backups.list()].count("manual") == 2


def test_a_file_beside_the_store_is_an_ordinary_output(dx, town, capsys, assert_untouched):
    out = town / "全データ.json"
    assert dx(town, "export", "json", "--out", str(out)) == 0
    assert out.read_text(encoding="utf-8").startswith("{")
    assert_untouched(town)
