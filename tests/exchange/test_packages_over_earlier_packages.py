"""A package meets what earlier packages left here (DESIGN.md §5): an open conflict takes the newer incoming
value, and a field this PC may not write is taken from the newer package, never a conflict here."""

import pytest
from sqlalchemy import select

from desktop.models import Conflict, NeedsRequest, SyncBase
from desktop.services import needs, packages
from desktop.services.municipality import init_municipality
from desktop.services.prefecture import needs as prefecture_needs
from desktop.services.workspace import Workspace
from desktop.sync import merge
from tests.exchange.conftest import TOWN_CODE, TOWN_NAME, fingerprint_of
from tests.sync.hub_copies import hub_copy

TITLE = "CIO補佐官の派遣"


def the_need(ws: Workspace, need_id: str) -> NeedsRequest:
    with ws.store.read() as s:
        return s.get(NeedsRequest, need_id)


def need_id_of(town: Workspace) -> str:
    with town.store.read() as s:
        return s.scalar(select(NeedsRequest.id).where(NeedsRequest.title == TITLE))


def conflicts_of(ws: Workspace) -> list[tuple]:
    with ws.store.read() as s:
        return [(c.field, c.mine, c.theirs) for c in s.scalars(select(Conflict))]


def as_synced_from(town: Workspace, receiver: Workspace, version: int = 1) -> None:
    """The receiver gets the town's records as the hub would hand them out (a clean copy at `version`)."""
    with town.store.read() as s:
        records = [hub_copy(row, version) for row in s.scalars(select(NeedsRequest))]
    with receiver.store.write() as s:
        for record in records:
            merge.meet(s, record, receiver.now())


@pytest.fixture
def second_pc(tmp_path, open_store):
    """The town's second PC, registered but empty."""
    store = open_store(tmp_path / "second-pc", auto_backup=False)
    init_municipality(store, TOWN_CODE, TOWN_NAME)
    yield Workspace(store, actor="二台目")
    store.close()


@pytest.mark.parametrize("synced", [False, True], ids=["from-a-package", "from-the-hub"])
def test_a_newer_package_updates_the_open_conflict_and_an_older_one_changes_nothing(
    town, second_pc, export, synced
):
    if synced:
        as_synced_from(town, second_pc)
    first, _ = export(town, "full")
    packages.apply_package(second_pc, first, approve_key=fingerprint_of(town))
    need_id = need_id_of(town)
    needs.update(second_pc, need_id, title="二台目で直した題")
    needs.update(town, need_id, title="町で直した題")
    clashing, _ = export(town, "full")
    packages.apply_package(second_pc, clashing)
    assert conflicts_of(second_pc) == [("title", "二台目で直した題", "町で直した題")]

    needs.update(town, need_id, title="町でもう一度直した題")
    older, _ = export(town, "full")
    needs.update(town, need_id, title="町で最後に直した題")
    newer, _ = export(town, "full")

    preview = packages.open_for_import(second_pc, newer).preview
    decided = {d.name: (d.outcome, d.conflicts) for d in preview.decisions if d.kind == "needs_request"}
    assert decided["町で最後に直した題"] == ("conflict", ("title",))
    assert "競合 1件" in preview.describe()
    applied = packages.apply_package(second_pc, newer)
    assert applied.counts["conflict"] == 1
    assert conflicts_of(second_pc) == [("title", "二台目で直した題", "町で最後に直した題")]

    before = conflicts_of(second_pc)
    preview = packages.open_for_import(second_pc, older).preview
    assert preview.counts["conflict"] == 0
    packages.apply_package(second_pc, older)
    assert conflicts_of(second_pc) == before
    assert the_need(second_pc, need_id).title == "二台目で直した題"


def _answer(prefecture: Workspace, need_id: str, status: str, message: str, export) -> object:
    prefecture_needs.respond(prefecture, need_id, status, message)
    path, _ = export(prefecture, "catalog", to=TOWN_CODE)
    return path


@pytest.mark.parametrize("synced", [False, True], ids=["never-synced", "synced"])
def test_a_newer_answer_by_package_is_taken_beside_an_edit_made_here(
    town, prefecture, second_pc, export, synced
):
    needs.update(town, need_id_of(town), days_per_month=2)
    needs.submit(town, need_id_of(town))
    needs_package, _ = export(town, "needs")
    packages.apply_package(prefecture, needs_package, approve_key=fingerprint_of(town))
    if synced:
        as_synced_from(town, second_pc)
    else:
        full, _ = export(town, "full")
        packages.apply_package(second_pc, full, approve_key=fingerprint_of(town))
    need_id = need_id_of(town)
    first = _answer(prefecture, need_id, "coordinating", "県で候補者を探しています。", export)
    packages.apply_package(second_pc, first, approve_key=fingerprint_of(prefecture))
    needs.update(second_pc, need_id, purpose="二台目で直した目的")

    second = _answer(prefecture, need_id, "matched", "県の人材プールから2名を紹介します。", export)
    preview = packages.open_for_import(second_pc, second).preview
    assert preview.counts["conflict"] == 0
    packages.apply_package(second_pc, second)

    need = the_need(second_pc, need_id)
    assert (need.response_status, need.response_text, need.purpose) == (
        "matched",
        "県の人材プールから2名を紹介します。",
        "二台目で直した目的",
    )
    assert conflicts_of(second_pc) == []


def test_a_package_that_changes_nothing_here_leaves_no_base_copy_behind(town, second_pc, export):
    # Import runs without autoflush: the base copy the merge keeps for a synced record must be seen later in the
    # same import (and dropped again, as the row equals it), not missed and left behind.
    as_synced_from(town, second_pc)
    same, _ = export(town, "full")

    applied = packages.apply_package(second_pc, same, approve_key=fingerprint_of(town))

    assert applied.counts["changed"] == applied.counts["conflict"] == 0
    with second_pc.store.read() as s:
        synced_rows = select(SyncBase).where(SyncBase.kind == NeedsRequest.kind)
        assert s.scalars(synced_rows).all() == []
