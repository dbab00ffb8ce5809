"""A network that fails (drops, cut bodies, late answers, 500/503 with Retry-After, replays) loses nothing."""

import pytest

from desktop.models import Plan
from desktop.services import plan, records, sync
from tests.e2e.faults import FAULTS, FaultyTransport
from tests.e2e.test_two_towns import snapshot


@pytest.mark.parametrize("fault", FAULTS)
def test_every_request_failing_once_still_syncs_exactly_once(make_pc, fault):
    one, two = make_pc("pc1"), make_pc("pc2")
    p = plan.get_or_create_plan(one.ws)
    records.update(one.ws, Plan, p.id, vision="一台目")
    waits: list[float] = []
    # status, push, changes, digest: each fails once, then the retry goes through.
    transport = FaultyTransport([fault, None, fault, None, fault, None, fault, None])
    report = sync.run(one.ws, tokens=one.tokens, transport=transport, wait=waits.append)
    assert report.retries >= (0 if fault == "replay" else 3)  # a replay reaches the hub twice, unnoticed
    if fault == "busy":
        assert 7.0 in waits  # the hub's Retry-After was honoured
    two.sync()
    one.sync()
    assert records.get(two.ws, Plan, p.id).vision == "一台目"
    assert snapshot(one) == snapshot(two)
    assert sync.status(one.ws).pending == 0


def test_a_hub_that_stays_down_ends_the_sync_as_unreachable_and_keeps_the_edits(make_pc, live_hub):
    pc = make_pc("pc1")
    p = plan.get_or_create_plan(pc.ws)
    pc.sync()
    records.update(pc.ws, Plan, p.id, vision="オフラインで書いた")
    live_hub.stop()
    with pytest.raises(sync.HubUnreachableError):
        pc.sync()
    assert sync.status(pc.ws).pending == 1
    assert sync.history(pc.ws)[0].outcome == "unreachable"
    live_hub.start()
    pc.sync()
    assert sync.status(pc.ws).pending == 0
