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
    head = backup.after_restore(hub.engine, NOW)
    assert head == 1 + backup.RESTORE_GAP
    [result] = town.push(change("initiative", SABAE, title="復元後"))
    assert result["version"] == head + 1
    assert town.get("/v1/status").json()["head"] == head + 1


def test_a_copy_at_a_version_the_restore_lost_is_merged_against_the_backup_and_never_overwrites_a_later_edit(
    hub,
):
    town = hub.as_(SABAE)
    # The backup holds this; versions 2..9 were handed out afterwards and are lost with the hub's disk.
    [made] = town.push(
        change("initiative", SABAE, title="取組", department="当初の課", description="当初の説明")
    )
    head = backup.after_restore(hub.engine, NOW)
    assert town.get("/v1/status").json()["restores"] == [{"lost_after": 1, "resumed_at": head}]
    rid = made["id"]

    def lost_copy(version: int, **fields):
        return change("initiative", SABAE, base=version, rid=rid, **{"title": "取組", **fields})

    # A PC that had seen version 5 sends it back, then its edit made since, as an ordinary change.
    [back] = town.push(lost_copy(5, department="失われた課", description="失われた説明"))
    assert back["outcome"] == "applied" and back["record"]["fields"]["department"] == "失われた課"
    [edit] = town.push(change("initiative", SABAE, base=back["version"], rid=rid, description="復元後の説明"))
    assert edit["outcome"] == "applied"
    # Another PC at version 5: the edit was made on that very copy, so it stands.
    [same] = town.push(lost_copy(5, department="失われた課", description="失われた説明"))
    assert (same["outcome"], same["version"]) == ("merged", edit["version"])
    # A PC that had only seen version 3 holds nothing newer; one at 7 whose description is the backup's does not
    # claim it; one at 7 with another department holds a newer lost write than version 5's: it comes back.
    [older] = town.push(lost_copy(3, department="当初の課", description="3版の説明"))
    [newer] = town.push(lost_copy(7, department="7版の課", description="当初の説明"))
    assert (older["outcome"], older["version"]) == ("merged", edit["version"])
    assert newer["outcome"] == "merged" and newer["record"]["fields"]["department"] == "7版の課"
    # A PC at version 7 whose description the edit's author never saw: the two really disagree.
    [disagrees] = town.push(lost_copy(7, department="7版の課", description="7版の説明"))
    assert disagrees["outcome"] == "conflict" and disagrees["conflict_fields"] == ["description"]
    assert disagrees["record"]["fields"]["description"] == "復元後の説明"
