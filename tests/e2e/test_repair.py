"""The sanity check after a sync: a PC whose store lost records repairs itself from the hub, without a question."""

import sqlite3

import httpx
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


class _PushesBeforeDigest(httpx.BaseTransport):
    """The real hub, except that another PC syncs right before this PC's digest request reaches the hub: the
    busy prefecture hub, where some town always pushes between a PC's pull and its check."""

    def __init__(self, meanwhile):
        self.inner = httpx.HTTPTransport()
        self.meanwhile = meanwhile

    def handle_request(self, request: httpx.Request) -> httpx.Response:
        if request.url.path == "/v1/digest" and self.meanwhile is not None:
            self.meanwhile()
            self.meanwhile = None
        return self.inner.handle_request(request)

    def close(self) -> None:
        self.inner.close()


def test_the_check_is_conclusive_even_when_the_hub_moves_on_between_pull_and_digest(make_pc):
    one, two = make_pc("pc1"), make_pc("pc2")
    key = load_catalog().step(0).checkpoints[0].key
    steps.set_check(one.ws, key, status="done")
    p = plan.get_or_create_plan(one.ws)
    one.sync()
    two.sync()
    with one.ws.store.write() as s:  # a damaged store: the state is gone, the cursor says it was pulled
        s.execute(delete(ChecklistState))
    records.update(two.ws, Plan, p.id, vision="照合の最中に届いた変更")

    report = one.sync(transport=_PushesBeforeDigest(two.sync))

    assert report.repaired == ["checklist_state"]  # the plan changed after the pull: left out, not a mismatch
    with one.ws.store.read() as s:
        assert s.scalars(select(ChecklistState.status)).all() == ["done"]
    assert records.get(one.ws, Plan, p.id).vision == "照合の最中に届いた変更"


def test_a_row_deleted_outside_the_app_is_found_by_the_next_sync_even_when_nothing_else_moved(make_pc):
    one = make_pc("pc1")
    key = load_catalog().step(0).checkpoints[0].key
    steps.set_check(one.ws, key, status="done")
    one.sync()
    assert not one.sync().repaired  # a check that agreed: the next sync with nothing to do trusts it
    path = one.ws.store.path
    one.close()
    with sqlite3.connect(path) as raw:  # someone deletes a row with a database tool
        raw.execute("DELETE FROM checklist_state")
    one.reopen()

    report = one.sync()

    assert report.repaired == ["checklist_state"]
    with one.ws.store.read() as s:
        assert s.scalars(select(ChecklistState.status)).all() == ["done"]
