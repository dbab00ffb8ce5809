"""The sanity check after a sync: a PC whose store lost records repairs itself from the hub, without a question."""

from sqlalchemy import delete, select

from desktop.content import load_catalog
from desktop.models import ChecklistState, Plan
from desktop.services import plan, records, steps, sync


def test_a_record_lost_locally_is_noticed_by_the_digest_and_pulled_again_after_a_backup(make_pc):
    one, two = make_pc("pc1"), make_pc("pc2")
    key = load_catalog().step(0).checkpoints[0].key
    steps.set_check(one.ws, key, status="done")
    p = plan.get_or_create_plan(one.ws)
    one.sync()
    with one.ws.store.write() as s:  # a damaged store: the state is gone, the cursor says it was pulled
        s.execute(delete(ChecklistState))
    two.sync()
    records.update(two.ws, Plan, p.id, vision="二台目")
    two.sync()

    report = one.sync()

    assert report.repaired == ["checklist_state"]
    with one.ws.store.read() as s:
        assert s.scalars(select(ChecklistState.status)).all() == ["done"]
    assert records.get(one.ws, Plan, p.id).vision == "二台目"
    assert [b.reason for b in one.ws.store.backups.list()].count("before-repair") == 1
    assert "修復" in sync.history(one.ws)[0].message
