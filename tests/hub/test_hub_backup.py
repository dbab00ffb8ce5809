"""dxnavi-hub backup and after-restore: a consistent copy of the live database, the newest copies kept, and
versions after a restore that are above every cursor a PC may hold."""

from datetime import timedelta

import pytest
from hub_client import NOW, SABAE, change
from sqlalchemy import create_engine, func, select

from desktop.models.errors import DomainError
from hub import backup, db
from hub.schema import record


def test_a_backup_of_the_running_hub_holds_every_record_and_only_the_newest_copies_are_kept(
    hub, hub_url, tmp_path
):
    town = hub.as_(SABAE)
    town.push(*[change("initiative", SABAE, title=f"取組{n}") for n in range(5)])
    out = tmp_path / "backups"
    made = [backup.backup(hub_url, out, keep=2, now=NOW + timedelta(days=d)) for d in range(3)]
    assert sorted(p.name for p in out.iterdir()) == [made[1].name, made[2].name]
    assert made[2].stat().st_size > 0
    if made[2].suffix == ".sqlite3":
        copy = create_engine(f"sqlite:///{made[2]}")
        with copy.connect() as conn:
            assert conn.execute(select(func.count()).select_from(record)).scalar() == 5
        copy.dispose()


def test_a_backup_into_the_databases_own_folder_is_refused(tmp_path):
    url = f"sqlite:///{tmp_path / 'hub.sqlite3'}"
    db.open_database(url).dispose()
    with pytest.raises(DomainError, match="別のフォルダ"):
        backup.backup(url, tmp_path, keep=3, now=NOW)


def test_after_a_restore_new_versions_are_above_any_cursor_a_pc_may_hold(hub):
    town = hub.as_(SABAE)
    town.push(change("initiative", SABAE, title="復元前"))
    head = backup.after_restore(hub.engine)
    assert head == 1 + backup.RESTORE_GAP
    [result] = town.push(change("initiative", SABAE, title="復元後"))
    assert result["version"] == head + 1
    assert town.get("/v1/status").json()["head"] == head + 1
