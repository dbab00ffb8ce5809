"""The store keeps every committed edit, refuses a second instance, and restores backups safely."""

import hashlib
import sqlite3

import pytest
from sqlalchemy import select, text

from desktop.models import AwarenessActivity, Municipality, Plan, PlanPriority
from desktop.services import records
from desktop.services.workspace import Workspace
from desktop.store import RestoreError, SchemaTooNewError, StoreCorruptError, StoreLockedError, migrate
from desktop.store.check import check
from desktop.store.paths import db_path

NEXT = "9000_next"  # a revision after the newest one this app ships

HOLD_THE_STORE = """
    import sys
    from datetime import UTC, datetime
    from desktop.store import Store
    store = Store.open(sys.argv[1], clock=lambda: datetime(2026, 11, 29, 3, tzinfo=UTC))
    print("ready", flush=True)
    sys.stdin.readline()
    store.close()
"""


def digest(path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def set_revision(path, revision: str) -> None:
    conn = sqlite3.connect(path)
    with conn:
        conn.execute("UPDATE alembic_version SET version_num = ?", (revision,))
    conn.close()


def damage(path) -> None:
    """Overwrite the file header so SQLite no longer recognises the file."""
    with open(path, "r+b") as fh:
        fh.write(b"this is no longer a database....")


# --- opening -------------------------------------------------------------------------------------------


def test_a_new_data_dir_gets_a_database_at_the_newest_schema_with_durable_settings(store):
    assert migrate.current_revision(store.db.engine) == migrate.head_revision()
    with store.read() as s:
        assert s.execute(text("PRAGMA journal_mode")).scalar() == "wal"
        assert s.execute(text("PRAGMA synchronous")).scalar() == 2  # FULL
        assert s.execute(text("PRAGMA foreign_keys")).scalar() == 1


def test_an_edit_is_on_disk_as_soon_as_the_write_returns(ws, data_dir):
    activity = records.create(ws, AwarenessActivity, title="DX研修（管理職向け）")
    raw = sqlite3.connect(db_path(data_dir))
    try:
        stored = raw.execute("SELECT title FROM awareness_activity WHERE id = ?", (activity.id,)).fetchone()
    finally:
        raw.close()
    assert stored == ("DX研修（管理職向け）",)


def test_a_write_that_fails_half_way_changes_nothing(ws, titles):
    with pytest.raises(RuntimeError), ws.store.write() as s:
        s.add(AwarenessActivity(title="途中まで", owner_code=ws.owner_code, updated_at=ws.now()))
        s.flush()
        raise RuntimeError("停電")
    assert titles(ws.store) == set()


def test_a_write_inside_a_write_joins_it_and_fails_with_it(ws, titles):
    with ws.store.write() as outer:
        outer.add(AwarenessActivity(title="外側", owner_code=ws.owner_code, updated_at=ws.now()))
        records.create(ws, AwarenessActivity, title="内側")  # a service called from inside a write
    assert titles(ws.store) == {"外側", "内側"}
    with pytest.raises(RuntimeError), ws.store.write() as outer:
        records.create(ws, AwarenessActivity, title="取り消される内側")
        raise RuntimeError("外側で失敗")
    assert titles(ws.store) == {"外側", "内側"}


def test_records_read_in_a_session_stay_usable_after_it_closes(ws):
    activity = records.create(ws, AwarenessActivity, title="庁内説明会")
    assert records.get(ws, AwarenessActivity, activity.id).title == "庁内説明会"
    assert [a.title for a in records.find(ws, AwarenessActivity)] == ["庁内説明会"]


def test_a_data_dir_that_cannot_be_created_gives_a_japanese_message(open_store, tmp_path):
    blocker = tmp_path / "file"
    blocker.write_text("x")
    with pytest.raises(Exception, match="データフォルダ.*作成または書き込みできません"):
        open_store(blocker / "data")


def test_a_damaged_database_file_is_reported_with_the_way_out(open_store, data_dir):
    open_store(data_dir).close()
    damage(db_path(data_dir))
    with pytest.raises(
        StoreCorruptError, match="壊れているため、読み書きできません.*バックアップはまだありません"
    ):
        open_store(data_dir)
    open_store(data_dir, migrate_schema=False).close()  # the failed open released the lock


def test_data_from_a_newer_app_version_is_refused_and_left_untouched(open_store, data_dir):
    open_store(data_dir, auto_backup=False).close()
    set_revision(db_path(data_dir), "9999_future")
    before = digest(db_path(data_dir))
    with pytest.raises(SchemaTooNewError, match="新しいバージョン"):
        open_store(data_dir)
    assert digest(db_path(data_dir)) == before
    assert not (data_dir / "backups").exists()


NEXT = "9000_next"  # a migration newer than any shipped one


def test_an_older_schema_is_backed_up_before_it_is_migrated(open_store, data_dir, monkeypatch):
    open_store(data_dir, auto_backup=False).close()
    seen: dict = {}

    def fake_upgrade(cfg, target):  # stands in for a future migration
        folder = data_dir / "backups"
        seen["backups"] = sorted(p.name for p in folder.glob("*.sqlite3")) if folder.exists() else []
        cfg.attributes["connection"].exec_driver_sql(f"UPDATE alembic_version SET version_num = '{NEXT}'")

    monkeypatch.setattr(migrate, "head_revision", lambda: NEXT)
    monkeypatch.setattr(migrate, "known_revisions", lambda: frozenset({migrate.HEAD, NEXT}))
    monkeypatch.setattr("alembic.command.upgrade", fake_upgrade)
    store = open_store(data_dir, auto_backup=False)
    try:
        assert migrate.current_revision(store.db.engine) == NEXT
    finally:
        store.close()
    assert len(seen["backups"]) == 1 and seen["backups"][0].endswith("-before-migration.sqlite3")
    conn = sqlite3.connect(data_dir / "backups" / seen["backups"][0])
    assert conn.execute("SELECT version_num FROM alembic_version").fetchone() == (migrate.HEAD,)
    conn.close()


def test_a_failed_migration_leaves_the_old_schema_in_place(open_store, data_dir, monkeypatch):
    open_store(data_dir, auto_backup=False).close()

    def broken_upgrade(cfg, target):
        conn = cfg.attributes["connection"]
        conn.exec_driver_sql("CREATE TABLE half_done (x INTEGER)")
        conn.exec_driver_sql(f"UPDATE alembic_version SET version_num = '{NEXT}'")
        raise RuntimeError("migration crashed")

    monkeypatch.setattr(migrate, "head_revision", lambda: NEXT)
    monkeypatch.setattr(migrate, "known_revisions", lambda: frozenset({migrate.HEAD, NEXT}))
    monkeypatch.setattr("alembic.command.upgrade", broken_upgrade)
    with pytest.raises(RuntimeError):
        open_store(data_dir, auto_backup=False)
    conn = sqlite3.connect(db_path(data_dir))
    tables = {r[0] for r in conn.execute("SELECT name FROM sqlite_master")}
    assert conn.execute("SELECT version_num FROM alembic_version").fetchone() == (migrate.HEAD,)
    conn.close()
    assert "half_done" not in tables


# --- one instance per data dir ------------------------------------------------------------------------


def test_a_second_open_in_the_same_process_is_refused(open_store, store, data_dir):
    with pytest.raises(StoreLockedError, match="別の自治体DXナビで使用中"):
        open_store(data_dir)


def test_a_second_process_on_the_same_data_dir_is_refused_until_the_first_closes(open_store, data_dir, spawn):
    holder = spawn(HOLD_THE_STORE, str(data_dir))
    assert holder.stdout.readline().strip() == "ready"
    with pytest.raises(StoreLockedError, match="使用中"):
        open_store(data_dir)
    holder.stdin.write("done\n")
    holder.stdin.flush()
    assert holder.wait(timeout=30) == 0
    open_store(data_dir).close()


def test_the_lock_dies_with_a_killed_process(open_store, data_dir, spawn):
    holder = spawn(HOLD_THE_STORE, str(data_dir))
    assert holder.stdout.readline().strip() == "ready"
    holder.kill()
    holder.wait(timeout=30)
    open_store(data_dir).close()


def test_close_releases_the_lock_and_may_be_called_twice(open_store, data_dir):
    store = open_store(data_dir)
    store.close()
    store.close()
    with open_store(data_dir) as again:
        assert again.path.exists()


# --- restore -------------------------------------------------------------------------------------------


def test_restore_brings_back_the_data_of_a_backup_and_keeps_the_replaced_data(ws, titles):
    records.create(ws, AwarenessActivity, title="職員研修")
    backup = ws.store.backups.create("manual")
    records.create(ws, AwarenessActivity, title="バックアップ後の記録")

    safety = ws.store.restore(backup)

    assert titles(ws.store) == {"職員研修"}
    assert safety is not None and safety.name.endswith("-before-restore.sqlite3")
    kept = sqlite3.connect(safety)
    assert {r[0] for r in kept.execute("SELECT title FROM awareness_activity")} == {
        "職員研修",
        "バックアップ後の記録",
    }
    kept.close()
    assert check(ws.store).ok


def test_restore_refuses_a_file_that_is_not_a_database_and_changes_nothing(ws, tmp_path, titles):
    records.create(ws, AwarenessActivity, title="残るべき記録")
    bogus = tmp_path / "notes.sqlite3"
    bogus.write_text("議事録メモ", encoding="utf-8")
    before = digest(ws.store.path)

    with pytest.raises(RestoreError, match="データファイル（SQLite）ではありません"):
        ws.store.restore(bogus)

    assert titles(ws.store) == {"残るべき記録"}
    assert digest(ws.store.path) == before
    assert [b.reason for b in ws.store.backups.list()] == ["daily"]
    assert not list(ws.store.data_dir.glob("restore-staging*"))


def test_restore_refuses_a_damaged_backup_and_changes_nothing(ws, tmp_path, titles):
    for i in range(300):
        records.create(ws, AwarenessActivity, title=f"研修 {i:03d}", note="説明" * 50)
    backup = ws.store.backups.create("manual", tmp_path / "backup.sqlite3")
    with open(backup, "r+b") as fh:  # scribble over a page in the middle of the file
        fh.seek(backup.stat().st_size // 2)
        fh.write(b"\xff" * 3000)
    records.create(ws, AwarenessActivity, title="最新の記録")

    with pytest.raises(RestoreError, match="壊れているため復元できません"):
        ws.store.restore(backup)
    assert "最新の記録" in titles(ws.store)


def test_restore_refuses_another_applications_database(ws, tmp_path):
    other = tmp_path / "other.sqlite3"
    conn = sqlite3.connect(other)
    conn.execute("CREATE TABLE customers (id INTEGER)")
    conn.commit()
    conn.close()
    with pytest.raises(RestoreError, match="自治体DXナビのデータではありません"):
        ws.store.restore(other)


def test_restore_refuses_a_backup_made_by_a_newer_app(ws, tmp_path, titles):
    records.create(ws, AwarenessActivity, title="今のデータ")
    backup = ws.store.backups.create("manual", tmp_path / "future.sqlite3")
    set_revision(backup, "9999_future")
    with pytest.raises(RestoreError, match="新しいバージョン"):
        ws.store.restore(backup)
    assert titles(ws.store) == {"今のデータ"}


def test_restore_refuses_a_missing_file_and_the_live_file_itself(store, tmp_path):
    with pytest.raises(RestoreError, match="見つかりません"):
        store.restore(tmp_path / "nothing.sqlite3")
    with pytest.raises(RestoreError, match="使用中のデータファイル"):
        store.restore(store.path)


def test_restore_never_writes_next_to_the_chosen_file(ws, tmp_path):
    folder = tmp_path / "usb"
    folder.mkdir()
    backup = ws.store.backups.create("manual", folder / "backup.sqlite3")
    before = digest(backup)
    ws.store.restore(backup)
    assert digest(backup) == before
    assert sorted(p.name for p in folder.iterdir()) == ["backup.sqlite3"]


def test_a_store_opened_before_the_restore_sees_the_restored_data(open_store, ws, data_dir, titles):
    records.create(ws, AwarenessActivity, title="復元される記録")
    backup = ws.store.backups.create("manual")
    records.create(ws, AwarenessActivity, title="消える記録")
    other = open_store(data_dir, exclusive=False, auto_backup=False)
    try:
        assert titles(other) == {"復元される記録", "消える記録"}
        ws.store.restore(backup)
        assert titles(other) == {"復元される記録"}
    finally:
        other.close()
    with ws.store.read() as s:
        assert s.execute(text("PRAGMA journal_mode")).scalar() == "wal"


def test_restore_rescues_a_damaged_live_database_and_keeps_its_bytes(open_store, ws, data_dir, titles):
    records.create(ws, AwarenessActivity, title="救出される記録")
    backup = ws.store.backups.create("manual")
    ws.store.close()
    damage(db_path(data_dir))
    damaged = digest(db_path(data_dir))

    store = open_store(data_dir, auto_backup=False, migrate_schema=False)
    try:
        assert not check(store).ok
        safety = store.restore(backup)
        assert titles(store) == {"救出される記録"}
        assert check(store).ok
    finally:
        store.close()
    assert digest(safety) == damaged


def test_restore_into_an_empty_data_dir_sets_up_a_new_pc(open_store, ws, tmp_path, titles):
    records.create(ws, AwarenessActivity, title="引っ越しする記録")
    backup = ws.store.backups.create("manual", tmp_path / "carry.sqlite3")
    store = open_store(tmp_path / "new-pc", auto_backup=False, migrate_schema=False)
    try:
        assert store.restore(backup) is None
        assert titles(store) == {"引っ越しする記録"}
        assert Workspace(store).owner_code == ws.owner_code
    finally:
        store.close()


# --- check ---------------------------------------------------------------------------------------------


def test_check_passes_on_a_sound_store_and_says_so_in_japanese(ws):
    report = check(ws.store)
    assert report.ok
    assert "integrity_check" in str(report) and "正常" in report.lines[-1]


def test_check_finds_a_record_pointing_at_a_missing_parent(ws):
    plan = records.create(ws, Plan, title="DX推進計画")
    records.create(ws, PlanPriority, plan_id=plan.id, title="書かない窓口")
    raw = sqlite3.connect(ws.store.path)  # foreign keys are off on a bare connection
    with raw:
        raw.execute("DELETE FROM plan")
    raw.close()
    report = check(ws.store)
    assert not report.ok
    assert any("foreign_key_check" in line and "1 件" in line for line in report.lines)
    assert "復元" in report.lines[-1]


def test_check_reports_a_schema_the_app_does_not_expect(store):
    set_revision(store.path, "9999_future")
    store.db.dispose()
    report = check(store)
    assert not report.ok and any("新しいバージョン" in line for line in report.lines)


def test_check_reports_an_unreadable_file_instead_of_crashing(open_store, data_dir):
    open_store(data_dir).close()
    damage(db_path(data_dir))
    with open_store(data_dir, migrate_schema=False) as store:
        report = check(store)
    assert not report.ok and any("読み取れません" in line for line in report.lines)


def test_the_municipality_survives_a_round_trip_through_backup_and_restore(ws):
    backup = ws.store.backups.create("manual")
    ws.store.restore(backup)
    with ws.store.read() as s:
        assert s.scalar(select(Municipality.name)) == "鯖江市"


def test_the_schema_head_the_app_opens_with_is_alembics_head():
    from desktop.store import migrate

    assert migrate.alembic_head() == migrate.HEAD


# --- the whole schema ------------------------------------------------------------------------------------


def cut(path, *statements: str) -> None:
    """Run DDL/DML on a backup file directly (foreign keys are off on a bare connection)."""
    conn = sqlite3.connect(path)
    with conn:
        for statement in statements:
            conn.execute(statement)
    conn.close()


@pytest.mark.parametrize(
    ("statements", "named"),
    [
        (("DROP TABLE kpi_value", "DROP TABLE procurement_participant"), "表「kpi_value」がありません"),
        (("ALTER TABLE plan DROP COLUMN vision",), "表「plan」に列「vision」がありません"),
    ],
    ids=["tables", "column"],
)
def test_restore_refuses_a_backup_with_only_part_of_the_schema(ws, tmp_path, titles, statements, named):
    records.create(ws, AwarenessActivity, title="今のデータ")
    backup = ws.store.backups.create("manual", tmp_path / "part.sqlite3")
    cut(backup, *statements)
    before = digest(ws.store.path)

    with pytest.raises(RestoreError, match="一部しかないため復元できません") as refused:
        ws.store.restore(backup)

    assert named in str(refused.value)
    assert digest(ws.store.path) == before and titles(ws.store) == {"今のデータ"}
    assert check(ws.store).ok
    assert not list(ws.store.data_dir.glob("restore-staging*"))


def test_restore_refuses_a_backup_whose_rows_point_at_missing_parents(ws, tmp_path, titles):
    plan = records.create(ws, Plan, title="DX推進計画")
    records.create(ws, PlanPriority, plan_id=plan.id, title="書かない窓口")
    backup = ws.store.backups.create("manual", tmp_path / "orphans.sqlite3")
    cut(backup, "DELETE FROM plan")
    with pytest.raises(RestoreError, match="参照の不整合が 1 件") as refused:
        ws.store.restore(backup)
    assert "plan_priority" in str(refused.value)
    assert records.get(ws, Plan, plan.id).title == "DX推進計画"


def test_check_reports_missing_tables_and_columns_of_the_live_database(ws):
    ws.store.db.dispose()
    cut(ws.store.path, "DROP TABLE kpi_value", "ALTER TABLE plan DROP COLUMN vision")
    report = check(ws.store)
    assert not report.ok and report.damaged
    assert any("2 件が欠けています" in line for line in report.lines)
    assert any("表「kpi_value」がありません" in line for line in report.lines)
    assert any("表「plan」に列「vision」がありません" in line for line in report.lines)
