"""A data folder the user cannot write is still read and checked, says so, and is left exactly as it was.

Tests run as root in CI, and root writes through file permissions. So the folder is made read-only in two
ways: the "cannot write" fact is handed in (`can_write`, the same function `dxnavi check` and the app use to
decide), which runs everywhere; and, where the file system allows it, `chattr +i` makes the folder and its
files immutable, which stops root too (the CLI tests below). tests/store/test_full_disk.py also checks a
really read-only mount (a tmpfs remounted ro) where mounting is permitted.
"""

import hashlib
import shutil
import subprocess
from pathlib import Path

import pytest
from sqlalchemy import select

from desktop.models import AwarenessActivity
from desktop.services import maintenance, records
from desktop.services.municipality import init_municipality
from desktop.services.workspace import Workspace
from desktop.store import Store
from desktop.store.diagnosis import StorageReadOnlyError


def snapshot(folder: Path) -> dict[str, tuple[int, int, str]]:
    """Every file under `folder`: size, modification time and content hash."""
    return {
        str(p.relative_to(folder)): (
            p.stat().st_size,
            p.stat().st_mtime_ns,
            hashlib.sha256(p.read_bytes()).hexdigest() if p.is_file() else "",
        )
        for p in sorted(folder.rglob("*"))
    }


def cannot_write(_folder: Path) -> bool:
    return False


def test_a_read_only_folder_is_checked_without_writing_anything(registered, clock):
    before = snapshot(registered)

    with Store.inspect(registered, clock=clock, can_write=cannot_write) as store:
        assert store.read_only
        report = maintenance.check_store(store)
        with store.read() as s:
            assert list(s.scalars(select(AwarenessActivity.title)))  # the data is read

    text = str(report)
    assert report.ok, text
    assert "読み取り専用" in text and "何も変更していません" in text
    assert "データベースは正常です" in text
    assert "--data-dir" in text  # what to do: make it writable, or copy it and point the app at the copy
    assert snapshot(registered) == before  # no lock file, no -wal or -shm, no backup, nothing touched


def test_changes_still_in_the_wal_file_are_read_too(open_store, data_dir, clock):
    with open_store(data_dir) as running:
        init_municipality(
            running, "182079", "鯖江市"
        )  # the app is running elsewhere: its last edit is only in the -wal
        records.create(Workspace(running), AwarenessActivity, title="まだWALにある研修")
        assert (data_dir / "dxnavi.sqlite3-wal").stat().st_size > 0

        with Store.inspect(data_dir, clock=clock, can_write=cannot_write) as store:
            assert maintenance.check_store(store).ok
            with store.read() as s:
                assert "まだWALにある研修" in list(s.scalars(select(AwarenessActivity.title)))


def test_a_write_to_a_read_only_store_is_refused_with_the_read_only_message(registered, clock):
    with (
        Store.inspect(registered, clock=clock, can_write=cannot_write) as store,
        pytest.raises(StorageReadOnlyError, match="読み取り専用"),
    ):
        records.create(Workspace(store), AwarenessActivity, title="書けないはず")
    with Store.inspect(registered, clock=clock) as store:
        assert not store.read_only


@pytest.fixture
def immutable(tmp_path):
    """Make a folder and everything in it immutable (root cannot write it either); skipped where unsupported."""
    if shutil.which("chattr") is None:
        pytest.skip("chattr is not available")
    made: list[Path] = []

    def make(folder: Path) -> None:
        paths = [folder, *folder.rglob("*")]
        result = subprocess.run(["chattr", "+i", *map(str, paths)], capture_output=True, text=True)
        made.extend(paths)
        if result.returncode != 0:
            pytest.skip(f"this file system does not take chattr +i: {result.stderr.strip()}")

    yield make
    if made:
        subprocess.run(["chattr", "-i", *map(str, made)], capture_output=True)


def test_dxnavi_check_reads_an_immutable_folder_and_says_it_is_read_only(dx, registered, immutable, capsys):
    before = snapshot(registered)
    immutable(registered)

    code = dx(registered, "check")

    out = capsys.readouterr().out
    assert code == 0, out
    assert "読み取り専用" in out and "データベースは正常です" in out
    assert snapshot(registered) == before


def test_commands_that_write_say_the_folder_is_read_only(dx, registered, immutable, capsys):
    immutable(registered)
    assert dx(registered, "backup") == 1
    assert "読み取り専用" in capsys.readouterr().err
