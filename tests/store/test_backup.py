"""Backups are complete single-file copies, named by reason, rotated to 7 dailies and 4 weeklies."""

import os
import sqlite3
import threading
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest

from desktop.models import AwarenessActivity
from desktop.models.errors import DomainError
from desktop.services import records
from desktop.store.backup import backup_name, parse_name

# A Sunday: the 7 days before it (Mon 23 – Sun 29 Nov 2026) are exactly one ISO week.
SUNDAY = datetime(2026, 11, 29, 12, 0, tzinfo=UTC)


def titles_in(path) -> set[str]:
    conn = sqlite3.connect(f"{path.as_uri()}?mode=ro", uri=True)
    try:
        return {r[0] for r in conn.execute("SELECT title FROM awareness_activity")}
    finally:
        conn.close()


def kept_days(backups) -> list[str]:
    return sorted((b.taken_at.strftime("%m-%d %H:%M"), b.reason) for b in backups.list())


def test_a_backup_is_one_self_contained_file_named_by_its_reason(ws):
    records.create(ws, AwarenessActivity, title="首長向け説明")
    path = ws.store.backups.create("manual")
    assert path.parent == ws.store.backups.folder
    assert path.name.startswith("dxnavi-") and path.name.endswith("-manual.sqlite3")
    assert sorted(p.name for p in path.parent.iterdir() if "manual" in p.name) == [path.name]  # no -wal
    assert titles_in(path) == {"首長向け説明"}  # readable read-only, without its own WAL
    conn = sqlite3.connect(path)
    assert conn.execute("PRAGMA journal_mode").fetchone() == ("delete",)
    conn.close()


def test_backups_are_listed_newest_first_with_reason_time_and_label(store):
    store.backups.create("before-import", now=SUNDAY - timedelta(hours=2))
    store.backups.create("manual", now=SUNDAY)
    listed = store.backups.list()
    assert [(b.reason, b.label) for b in listed[:2]] == [("manual", "手動"), ("before-import", "取込前")]
    assert listed[0].taken_at == SUNDAY


def test_the_file_name_carries_the_utc_time_and_reason():
    name = backup_name(SUNDAY, "before-restore")
    assert name == "dxnavi-20261129-120000-000000-before-restore.sqlite3"
    parsed = parse_name(Path(name))
    assert parsed is not None and parsed.taken_at == SUNDAY and parsed.reason == "before-restore"


def test_a_backup_taken_while_the_app_writes_is_consistent(ws):
    stop = threading.Event()
    writing = threading.Event()

    def keep_writing() -> None:
        i = 0
        while not stop.is_set():
            records.create(ws, AwarenessActivity, title=f"並行 {i}")
            writing.set()
            i += 1

    writer = threading.Thread(target=keep_writing)
    writer.start()
    try:
        assert writing.wait(30)
        paths = [ws.store.backups.create("manual") for _ in range(3)]
    finally:
        stop.set()
        writer.join()
    for path in paths:
        conn = sqlite3.connect(path)
        assert conn.execute("PRAGMA integrity_check").fetchone() == ("ok",)
        conn.close()


def test_the_daily_backup_is_taken_only_when_the_newest_backup_is_a_day_old(ws):
    store = ws.store
    for b in store.backups.list():  # forget the backup taken at registration
        b.path.unlink()
    first = store.backups.daily(now=SUNDAY)
    assert first is not None and first.name.endswith("-daily.sqlite3")
    assert store.backups.daily(now=SUNDAY + timedelta(hours=23)) is None
    assert store.backups.daily(now=SUNDAY + timedelta(hours=24)) is not None


def test_rotation_keeps_the_newest_of_each_of_7_days_and_of_each_of_4_weeks(store):
    for b in store.backups.list():
        b.path.unlink()
    for day in range(60, -1, -1):  # one daily a day for two months, oldest first, as the app would
        store.backups.create("daily", now=SUNDAY - timedelta(days=day))
    assert kept_days(store.backups) == [
        ("11-08 12:00", "daily"),  # newest of ISO week 45
        ("11-15 12:00", "daily"),  # week 46
        ("11-22 12:00", "daily"),  # week 47
        *[(f"11-{d} 12:00", "daily") for d in range(23, 30)],  # the last 7 days (week 48)
    ]


def test_several_backups_in_one_day_keep_only_the_newest_of_that_day(store):
    for b in store.backups.list():
        b.path.unlink()
    for hour in (8, 12, 17):
        store.backups.create("daily", now=SUNDAY.replace(hour=hour))
    assert kept_days(store.backups) == [("11-29 17:00", "daily")]


def test_a_user_who_opens_the_app_rarely_still_keeps_seven_backups(store):
    for b in store.backups.list():
        b.path.unlink()
    for month in range(12, -1, -1):
        store.backups.create("daily", now=SUNDAY - timedelta(days=30 * month))
    assert len(store.backups.list()) == 7


def test_backups_taken_before_risky_steps_survive_a_busy_day(store):
    for b in store.backups.list():
        b.path.unlink()
    store.backups.create("before-restore", now=SUNDAY.replace(hour=9))
    store.backups.create("before-migration", now=SUNDAY.replace(hour=9, minute=1))
    for minute in range(10):
        store.backups.create("before-import", now=SUNDAY.replace(hour=10, minute=minute))
    store.backups.create("daily", now=SUNDAY.replace(hour=11))
    reasons = [b.reason for b in store.backups.list()]
    assert reasons.count("before-restore") == 1 and reasons.count("before-migration") == 1
    assert reasons.count("before-import") == 3  # the newest three of a reason
    assert reasons[0] == "daily"


def test_manual_backups_are_never_deleted_automatically(store):
    for b in store.backups.list():
        b.path.unlink()
    for day in range(30, -1, -1):
        store.backups.create("manual", now=SUNDAY - timedelta(days=day))
    assert len(store.backups.list()) == 31


def test_files_that_are_not_backups_are_left_alone(store):
    folder = store.backups.folder
    folder.mkdir()
    for name in ("メモ.txt", "dxnavi-export.sqlite3", "dxnavi-2026-x-y-daily.sqlite3"):
        (folder / name).write_text("x")
    for day in range(20, -1, -1):
        store.backups.create("daily", now=SUNDAY - timedelta(days=day))
    assert {"メモ.txt", "dxnavi-export.sqlite3", "dxnavi-2026-x-y-daily.sqlite3"} <= {
        p.name for p in folder.iterdir()
    }


def test_debris_of_an_interrupted_backup_is_cleaned_up_later(store, clock):
    old = store.backups.folder / "dxnavi-20260101-000000-000000-daily.sqlite3.part"
    fresh = store.backups.folder / "dxnavi-20261129-000000-000000-daily.sqlite3.part"
    store.backups.folder.mkdir()
    now = clock().timestamp()
    for part, written in ((old, now - 7200), (fresh, now - 60)):
        part.write_bytes(b"half")
        os.utime(part, (written, written))
    store.backups.rotate()
    assert not old.exists() and fresh.exists()


def test_a_backup_can_be_written_to_a_chosen_file_or_folder_without_rotation(ws, tmp_path):
    records.create(ws, AwarenessActivity, title="持ち出す記録")
    chosen = ws.store.backups.create("manual", tmp_path / "鯖江市_バックアップ.sqlite3")
    assert chosen == tmp_path / "鯖江市_バックアップ.sqlite3" and titles_in(chosen) == {"持ち出す記録"}
    into_folder = ws.store.backups.create("manual", tmp_path)
    assert into_folder.parent == tmp_path and into_folder.name.endswith("-manual.sqlite3")
    assert not list(tmp_path.glob("*.part"))


def test_a_backup_never_overwrites_the_live_database(store):
    before = store.path.read_bytes()[:100]
    with pytest.raises(DomainError, match="使用中のデータファイル"):
        store.backups.create("manual", store.path)
    with pytest.raises(DomainError, match="フォルダ.*ありません"):
        store.backups.create("manual", store.data_dir / "missing" / "x.sqlite3")
    assert store.path.read_bytes()[:100] == before


def test_a_backup_reason_must_be_one_the_app_knows(store):
    with pytest.raises(ValueError):
        store.backups.create("../../evil")


def test_a_damaged_live_database_is_preserved_byte_for_byte(store):
    store.close()
    with open(store.path, "r+b") as fh:
        fh.write(b"not a database any more.........")
    damaged = store.path.read_bytes()
    kept = store.backups.preserve("before-restore")
    assert kept is not None and kept.read_bytes() == damaged
