"""A hub restored from an older backup (dxnavi-hub backup, then after-restore): the PCs notice at their next sync
and send again what the restore lost, so hub and PCs agree again and no edit is lost, without a question: an edit
made after the restore is never overwritten by a PC's older copy, and where the two really disagree it is a
conflict a person resolves (docs/SYNC.md)."""

import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from sqlalchemy import select

from desktop.content import load_catalog
from desktop.models import AwarenessActivity, ChecklistState, Conflict, Plan
from desktop.services import plan, records, steps, sync
from tests.e2e.conftest import REPO


def _hub_cli(*args: str) -> str:
    done = subprocess.run(
        [sys.executable, "-m", "hub.cli", *args], capture_output=True, text=True, encoding="utf-8", cwd=REPO
    )
    assert done.returncode == 0, done.stderr
    return done.stdout


def _town_data(pc) -> dict:
    """What a PC holds of the town: the plan's text, each checkpoint's state, the activities (live ones)."""
    with pc.ws.store.read() as s:
        return {
            "vision": s.scalars(select(Plan.vision)).one(),
            "checks": dict(s.execute(select(ChecklistState.item_key, ChecklistState.status)).all()),
            "activities": sorted(
                s.execute(
                    select(AwarenessActivity.title, AwarenessActivity.note).where(
                        AwarenessActivity.deleted.is_(False)
                    )
                ).all()
            ),
        }


def _dirty(pc) -> int:
    with pc.ws.store.read() as s:
        return sum(
            len(s.scalars(select(cls.id).where(cls.dirty.is_(True))).all())
            for cls in (Plan, ChecklistState, AwarenessActivity)
        )


def _restore(live_hub, backups: Path) -> None:
    """The hub's disk is lost; the administrator restores the backup and runs after-restore before starting it."""
    live_hub.stop()
    hub_file = Path(live_hub.db.removeprefix("sqlite:///"))
    [copy] = backups.iterdir()
    for leftover in (hub_file.with_name(hub_file.name + "-wal"), hub_file.with_name(hub_file.name + "-shm")):
        leftover.unlink(missing_ok=True)
    shutil.copyfile(copy, hub_file)
    _hub_cli("after-restore", "--db", live_hub.db)
    live_hub.start()


def _plan_text(pc) -> tuple[str, str, str]:
    with pc.ws.store.read() as s:
        return tuple(s.execute(select(Plan.purpose, Plan.vision, Plan.principles)).one())


def _conflicts(pc) -> list[tuple[str, str, object, object]]:
    with pc.ws.store.read() as s:
        return [(c.kind, c.field, c.mine, c.theirs) for c in s.scalars(select(Conflict))]


def test_after_the_hub_is_restored_from_an_older_backup_the_next_sync_sends_again_what_it_lost(
    make_pc, live_hub, tmp_path
):
    first, second = (c.key for c in load_catalog().step(0).checkpoints[:2])
    one, two = make_pc("pc1"), make_pc("pc2")
    p = plan.get_or_create_plan(one.ws)
    records.update(one.ws, Plan, p.id, vision="バックアップ前のビジョン")
    steps.set_check(one.ws, first, status="doing")
    one.sync()
    two.sync()
    backups = tmp_path / "hub-backups"
    _hub_cli("backup", "--db", live_hub.db, "--out", str(backups))

    # After the backup: an edit of a record the backup has, a record it does not have, from both PCs.
    records.update(one.ws, Plan, p.id, vision="バックアップ後のビジョン")
    steps.set_check(one.ws, first, status="done")
    records.create(one.ws, AwarenessActivity, title="バックアップ後の研修")
    one.sync()
    steps.set_check(two.ws, second, status="doing")
    two.sync()
    one.sync()
    # Not yet sent when the hub is lost: an edit, on the second PC, of the record the backup does not have.
    [activity] = records.find(two.ws, AwarenessActivity)
    records.update(two.ws, AwarenessActivity, activity.id, note="二台目の追記")
    before = _town_data(two)

    _restore(live_hub, backups)

    report = two.sync()
    assert report.recovered, "the PC did not notice that the hub lost records"
    assert "送り直しました" in sync.history(two.ws)[0].message
    one.sync()
    two.sync()

    # A third PC that joins now gets every edit from the hub alone: the hub has them all again.
    three = make_pc("pc3")
    three.sync()
    assert _town_data(three) == before
    assert _town_data(one) == before
    assert _town_data(two) == before
    assert (_dirty(one), _dirty(two)) == (0, 0)
    assert not one.sync().repaired and not two.sync().repaired


@pytest.mark.parametrize("first_after_restore", ["editor", "other"])
def test_an_edit_made_after_the_restore_on_another_pc_is_never_overwritten_by_a_pc_resending_what_was_lost(
    make_pc, live_hub, tmp_path, first_after_restore
):
    one, two = make_pc("pc1"), make_pc("pc2")
    p = plan.get_or_create_plan(one.ws)
    records.update(one.ws, Plan, p.id, purpose="当初の目的", vision="当初のビジョン", principles="当初の原則")
    one.sync()
    two.sync()
    backups = tmp_path / "hub-backups"
    _hub_cli("backup", "--db", live_hub.db, "--out", str(backups))
    # Written after the backup and seen by both PCs: the restore loses it on the hub.
    records.update(one.ws, Plan, p.id, vision="失われたビジョン", principles="失われた原則")
    one.sync()
    two.sync()
    _restore(live_hub, backups)

    # The second PC edits after the restore: a field the lost write never touched and one it did (the second PC
    # saw the lost value, so its edit is the newer one).
    records.update(two.ws, Plan, p.id, purpose="復元後の目的", principles="復元後の原則")
    # This PC never edits the plan after the restore: whenever it syncs, it must not push its old copy back.
    order = [two, one] if first_after_restore == "editor" else [one, two]
    for pc in (*order, *order):
        pc.sync()

    expected = ("復元後の目的", "失われたビジョン", "復元後の原則")
    assert _plan_text(one) == expected
    assert _plan_text(two) == expected
    three = make_pc("pc3")
    three.sync()
    assert _plan_text(three) == expected  # the hub has every edit: the lost one came back from the PCs
    assert (_conflicts(one), _conflicts(two)) == ([], [])
    assert (_dirty(one), _dirty(two)) == (0, 0)


def test_a_lost_write_and_an_edit_made_after_the_restore_without_seeing_it_are_an_honest_conflict(
    make_pc, live_hub, tmp_path
):
    one, two = make_pc("pc1"), make_pc("pc2")
    p = plan.get_or_create_plan(one.ws)
    records.update(one.ws, Plan, p.id, purpose="当初の目的", vision="当初のビジョン")
    one.sync()
    two.sync()
    backups = tmp_path / "hub-backups"
    _hub_cli("backup", "--db", live_hub.db, "--out", str(backups))
    records.update(one.ws, Plan, p.id, vision="失われたビジョン")
    one.sync()  # the second PC does not sync before the hub is lost: it never sees this vision
    _restore(live_hub, backups)
    records.update(two.ws, Plan, p.id, vision="復元後に書いたビジョン", purpose="復元後の目的")
    two.sync()

    report = one.sync()

    assert report.new_conflicts == 1
    assert _conflicts(one) == [("plan", "vision", "失われたビジョン", "復元後に書いたビジョン")]
    assert _plan_text(one)[:2] == ("復元後の目的", "失われたビジョン")  # mine stays on screen until resolved
    three = make_pc("pc3")
    three.sync()
    assert _plan_text(three)[:2] == ("復元後の目的", "復元後に書いたビジョン")  # the hub kept the later edit

    [conflict] = sync.conflicts(one.ws)
    sync.resolve(one.ws, conflict.id, "mine")
    one.sync()
    two.sync()
    assert _plan_text(two)[:2] == ("復元後の目的", "失われたビジョン")
