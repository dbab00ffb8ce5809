"""Killing the app at any moment loses no committed edit and leaves a database that passes check()."""

import random

from sqlalchemy import select

from desktop.models import AwarenessActivity
from desktop.store.check import check

# Edits (and now and then a backup) as fast as it can; each id is printed only after its commit returned.
EDIT_FOREVER = """
    import sys
    from datetime import UTC, datetime
    from desktop.models import AwarenessActivity
    from desktop.services import records
    from desktop.services.workspace import Workspace
    from desktop.store import Store

    store = Store.open(sys.argv[1], clock=lambda: datetime(2026, 11, 29, 3, tzinfo=UTC))
    ws = Workspace(store, actor="crash-test")
    round_no, i = sys.argv[2], 0
    while True:
        activity = records.create(ws, AwarenessActivity, title=f"{round_no}-{i}", note="記録" * 200)
        print(activity.id, flush=True)
        if i % 7 == 3:
            records.update(ws, AwarenessActivity, activity.id, participants=i)
        if i % 40 == 39:
            store.backups.create("manual")
        i += 1
"""


def test_every_committed_edit_survives_a_kill_and_the_database_stays_sound(open_store, ws, data_dir, spawn):
    ws.store.close()
    committed: list[str] = []
    rng = random.Random(20261126)
    for round_no in range(3):
        child = spawn(EDIT_FOREVER, str(data_dir), str(round_no))
        for _ in range(rng.randint(60, 160)):
            line = child.stdout.readline()
            assert line, child.stderr.read()
            committed.append(line.strip())
        child.kill()  # SIGKILL on POSIX: no cleanup, no atexit, mid-transaction
        child.wait(timeout=30)

        with open_store(data_dir) as store:
            with store.read() as s:
                stored = set(s.scalars(select(AwarenessActivity.id)))
            missing = [rid for rid in committed if rid not in stored]
            assert missing == [], f"round {round_no}: {len(missing)} committed edits lost"
            report = check(store)
            assert report.ok, str(report)


# Creates the demo town, stops in the middle (after the plan, before the needs) and waits to be killed.
DEMO_KILLED_HALF_WAY = """
    import sys
    from datetime import UTC, datetime
    from desktop.services import demo
    from desktop.store import Store

    real_needs = demo._needs

    def needs_then_wait(*args):
        print("half way", flush=True)
        sys.stdin.readline()
        real_needs(*args)

    demo._needs = needs_then_wait
    demo.create_demo(Store.open(sys.argv[1], clock=lambda: datetime(2026, 11, 29, 3, tzinfo=UTC)))
"""


def test_a_demo_killed_half_way_leaves_an_empty_store_and_the_demo_runs_again(data_dir, spawn, open_store):
    from desktop.models import Municipality, Plan
    from desktop.services.demo import create_demo

    child = spawn(DEMO_KILLED_HALF_WAY, str(data_dir))
    assert child.stdout.readline().strip() == "half way", child.stderr.read()
    child.kill()
    child.wait(timeout=30)

    with open_store(data_dir) as store:
        with store.read() as s:
            assert s.scalars(select(Municipality)).all() == []
            assert s.scalars(select(Plan)).all() == []
        assert check(store).ok
        assert store.backups.list() == []  # nothing worth keeping was ever there
        town = create_demo(store)
        assert town.is_demo
