"""A hub restored from an older backup (dxnavi-hub backup, then after-restore): the PCs notice at their next sync
and send again what the restore lost, so hub and PCs agree again and no edit is lost, without a question."""

import shutil
import subprocess
import sys
from pathlib import Path

from sqlalchemy import select

from desktop.content import load_catalog
from desktop.models import AwarenessActivity, ChecklistState, Plan
from desktop.services import plan, records, steps
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

    # The hub's disk is lost; the administrator restores the backup and runs after-restore before starting it.
    live_hub.stop()
    hub_file = Path(live_hub.db.removeprefix("sqlite:///"))
    [copy] = backups.iterdir()
    for leftover in (hub_file.with_name(hub_file.name + "-wal"), hub_file.with_name(hub_file.name + "-shm")):
        leftover.unlink(missing_ok=True)
    shutil.copyfile(copy, hub_file)
    _hub_cli("after-restore", "--db", live_hub.db)
    live_hub.start()

    report = two.sync()
    assert report.repaired, "the PC did not notice that the hub lost records"
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
