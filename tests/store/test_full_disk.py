"""A full disk is reported as a full disk: the data is intact, nothing half-written is left, no traceback.

Before the fix `backup`, `init` and opening the store ended in tracebacks, and `check` called intact data
damaged. The `full_disk` fixture fills the disk at the file-write boundary (always runs); the last tests use a
real, tiny tmpfs where mounting is permitted.
"""

import sqlite3
import subprocess
import uuid

import pytest
from sqlalchemy import select
from sqlalchemy.exc import OperationalError

from desktop.models import AwarenessActivity
from desktop.services import output_paths, records
from desktop.services.workspace import Workspace
from desktop.store import diagnosis
from desktop.store.check import check
from desktop.store.diagnosis import StorageFullError


@pytest.fixture
def town(registered):
    """鯖江市 with one activity, closed again."""
    return registered


@pytest.fixture
def activities(open_store):
    """Titles of the activities in a data dir, read without taking its lock."""

    def read(data_dir) -> list[str]:
        with open_store(data_dir, exclusive=False, auto_backup=False) as store, store.read() as s:
            return list(s.scalars(select(AwarenessActivity.title)))

    return read


def leftovers(data_dir) -> list[str]:
    return sorted(p.name for p in data_dir.rglob("*") if p.name.endswith(".part") or "staging" in p.name)


def test_a_backup_on_a_full_disk_says_so_and_leaves_no_part_file(dx, town, full_disk, capsys, activities):
    backups_before = sorted((town / "backups").iterdir())
    full_disk(town)
    assert dx(town, "backup") == 1
    err = capsys.readouterr().err
    assert "バックアップを作成できませんでした。ディスクの空き容量が足りません" in err
    assert "壊れていません" in err and "Traceback" not in err
    assert leftovers(town) == [] and sorted((town / "backups").iterdir()) == backups_before
    assert activities(town) == ["DX研修"]


def test_init_on_a_full_disk_says_so(dx, data_dir, full_disk, capsys):
    data_dir.mkdir()
    full_disk(data_dir)
    assert dx(data_dir, "init", "--code", "182079", "--name", "鯖江市") == 1
    err = capsys.readouterr().err
    assert "ディスクの空き容量が足りません" in err and "Traceback" not in err


def test_an_edit_on_a_full_disk_is_refused_whole_and_the_store_keeps_working(
    town, full_disk, open_store, activities
):
    with open_store(town) as store:
        ws = Workspace(store)
        full_disk(town)
        store.db.dispose()  # new connections see the full disk
        with pytest.raises(
            StorageFullError, match="変更を保存できませんでした。ディスクの空き容量が足りません"
        ):
            records.create(ws, AwarenessActivity, title="大きな記録", note="長い説明" * 500)
    assert activities(town) == ["DX研修"]


def test_the_store_opens_on_a_full_disk_with_a_warning_when_only_the_daily_backup_fails(
    town, full_disk, open_store
):
    for backup in (town / "backups").iterdir():
        backup.unlink()  # the daily backup is due
    full_disk(town)
    with open_store(town) as store:
        assert store.backups.list() == []
        (warning,) = store.warnings
        assert "本日の自動バックアップを作成できませんでした" in warning and "空き容量" in warning
    assert leftovers(town) == []


def test_a_restore_that_runs_out_of_space_leaves_no_staging_copy_and_the_data_as_it_was(
    town, tmp_path, full_disk, open_store, activities
):
    with open_store(town) as store:
        backup = store.backups.create("manual", tmp_path / "copy.sqlite3")
        full_disk(town)
        with pytest.raises(StorageFullError, match="復元できませんでした。ディスクの空き容量が足りません"):
            store.restore(backup)
    assert leftovers(town) == []
    assert activities(town) == ["DX研修"]


def test_saving_a_document_onto_a_full_disk_says_so_and_leaves_nothing(town, tmp_path, full_disk):
    built = tmp_path / "built.pdf"
    built.write_bytes(b"%PDF-1.4 test")
    usb = tmp_path / "usb"
    usb.mkdir()
    full_disk(usb)
    with pytest.raises(
        StorageFullError, match="「計画.pdf」を保存できませんでした。ディスクの空き容量が足りません"
    ):
        output_paths.save_copy(town, built, usb / "計画.pdf")
    assert list(usb.iterdir()) == []


def disk_io_error() -> OperationalError:
    """A bare SQLite I/O error, as when the shared-memory file cannot grow on a full disk."""
    err = sqlite3.OperationalError("disk I/O error")
    err.sqlite_errorcode = sqlite3.SQLITE_IOERR_SHMSIZE
    return OperationalError("PRAGMA journal_mode=WAL", {}, err)


@pytest.mark.parametrize(
    ("free", "can_write", "cause"),
    [(0, True, diagnosis.FULL), (10 << 30, False, diagnosis.READ_ONLY), (10 << 30, True, None)],
)
def test_a_bare_io_error_is_judged_by_the_free_space_and_permissions_of_the_folder(
    tmp_path, free, can_write, cause
):
    found = diagnosis.cause_of(disk_io_error(), tmp_path, free=lambda _: free, can_write=lambda _: can_write)
    assert found == cause


def test_clear_codes_need_no_look_at_the_folder(tmp_path):
    def never(_):
        raise AssertionError("the folder was consulted")

    conn = sqlite3.connect(f"{(tmp_path / 'x.sqlite3').as_uri()}?mode=rwc", uri=True)
    conn.execute("CREATE TABLE t (x)")
    conn.close()
    read_only = sqlite3.connect(f"{(tmp_path / 'x.sqlite3').as_uri()}?mode=ro", uri=True)
    with pytest.raises(sqlite3.OperationalError) as refused:
        read_only.execute("INSERT INTO t VALUES (1)")
    read_only.close()
    assert diagnosis.cause_of(refused.value, tmp_path, free=never, can_write=never) == diagnosis.READ_ONLY
    assert (
        diagnosis.cause_of(OSError(28, "No space"), tmp_path, free=never, can_write=never) == diagnosis.FULL
    )
    assert diagnosis.cause_of(ValueError("bug"), tmp_path, free=never, can_write=never) is None


# --- a real full disk: a tiny tmpfs (root only; skipped where mounting is not permitted) -------------------


@pytest.fixture
def tiny_disk(tmp_path):
    """A 2 MiB tmpfs mounted inside tmp_path, unmounted afterwards."""
    point = tmp_path / "tiny"
    point.mkdir()
    done = subprocess.run(
        ["mount", "-t", "tmpfs", "-o", "size=2m", f"dxnavi-test-{uuid.uuid4().hex[:8]}", str(point)],
        capture_output=True,
        check=False,
    )
    if done.returncode != 0:
        pytest.skip("mounting a tmpfs is not permitted here")
    yield point
    subprocess.run(["umount", "-l", str(point)], check=False)


def fill_up(folder) -> None:
    """Write zeros until the disk refuses."""
    try:
        with open(folder / "filler.bin", "wb", buffering=0) as fh:
            while True:
                fh.write(b"\0" * 65536)
    except OSError:
        pass


def test_on_a_really_full_disk_check_backup_and_init_say_full_disk_not_damage(
    dx, tiny_disk, town, capsys, open_store
):
    data = tiny_disk / "data"
    assert dx(data, "init", "--code", "182079", "--name", "鯖江市") == 0
    (tiny_disk / "out").mkdir()
    fill_up(tiny_disk)
    capsys.readouterr()

    assert dx(town, "export", "json", "--out", str(tiny_disk / "out" / "all.json")) == 1
    err = capsys.readouterr().err
    assert "「all.json」を保存できませんでした。ディスクの空き容量が足りません" in err
    assert list((tiny_disk / "out").iterdir()) == []

    assert dx(data, "check") == 1
    out = capsys.readouterr().out
    assert "空き容量が足りない" in out and "壊れているわけではありません" in out
    assert "復元" not in out

    assert dx(data, "backup") == 1
    err = capsys.readouterr().err
    assert "ディスクの空き容量が足りません" in err and "Traceback" not in err
    assert leftovers(data) == []

    assert dx(tiny_disk / "second", "init", "--code", "182079", "--name", "鯖江市") == 1
    assert "ディスクの空き容量が足りません" in capsys.readouterr().err

    (tiny_disk / "filler.bin").unlink()
    assert dx(data, "check") == 0
    with open_store(data) as store:
        assert check(store).ok


def test_on_a_read_only_disk_check_reads_the_data_and_writes_say_read_only_not_damaged(dx, tiny_disk, capsys):
    data = tiny_disk / "data"
    assert dx(data, "init", "--code", "182079", "--name", "鯖江市") == 0
    subprocess.run(["mount", "-o", "remount,ro", str(tiny_disk)], check=True)
    try:
        capsys.readouterr()
        assert dx(data, "check") == 0  # read and checked as it is
        out = capsys.readouterr().out
        assert "読み取り専用" in out and "データベースは正常です" in out
        assert dx(data, "backup") == 1
        err = capsys.readouterr().err
        assert "読み取り専用か、書き込む権限がありません" in err and "壊れていません" in err
        assert "Traceback" not in err
    finally:
        subprocess.run(["mount", "-o", "remount,rw", str(tiny_disk)], check=True)
    assert dx(data, "check") == 0
