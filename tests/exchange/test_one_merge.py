"""A package and a pull bring a record in through the same merge (desktop.sync.merge.meet): the same base
copies, the same conflicts kept for a person, the same fields taken (DESIGN.md §4, §5: one code path)."""

from sqlalchemy import select

from desktop.models import Conflict, NeedsRequest
from desktop.services import needs, packages
from desktop.services.municipality import init_municipality
from desktop.services.workspace import Workspace
from desktop.sync import merge
from desktop.sync.protocol import Record
from tests.exchange.conftest import TOWN_CODE, TOWN_NAME, dump, fingerprint_of
from tests.sync.hub_copies import hub_copy

THIS_PC = "この PC で直した目的"
THE_TOWN = "町の担当が直した目的"
DETAIL = "町の担当が書き足した詳細"


def the_need(ws: Workspace) -> NeedsRequest:
    with ws.store.read() as s:
        return s.scalar(select(NeedsRequest).where(NeedsRequest.title == "CIO補佐官の派遣"))


def conflicts_of(ws: Workspace) -> list[tuple]:
    with ws.store.read() as s:
        return [(c.field, c.mine, c.theirs, c.base) for c in s.scalars(select(Conflict))]


def the_towns_need_at(ws: Workspace, version: int) -> Record:
    """The town's need as the hub would hand it out at `version`."""
    return hub_copy(the_need(ws), version)


def pull(ws: Workspace, record: Record) -> None:
    with ws.store.write() as s:
        merge.meet(s, record, ws.now())


def test_the_same_edits_make_the_same_conflict_whether_they_arrive_by_package_or_by_pull(
    town, tmp_path, export, open_store
):
    first_package, _ = export(town, "full")
    first_copy = the_towns_need_at(town, version=1)
    with (
        open_store(tmp_path / "by-package", auto_backup=False) as package_store,
        open_store(tmp_path / "by-pull", auto_backup=False) as pull_store,
    ):
        by_package, by_pull = Workspace(package_store), Workspace(pull_store)
        packages.apply_package(by_package, first_package, approve_key=fingerprint_of(town))
        init_municipality(pull_store, TOWN_CODE, TOWN_NAME)
        pull(by_pull, first_copy)
        for pc in (by_package, by_pull):  # the same edit on each PC, after it had the town's copy
            needs.update(pc, the_need(pc).id, purpose=THIS_PC)
        needs.update(town, the_need(town).id, purpose=THE_TOWN, detail=DETAIL)

        second_package, _ = export(town, "full")
        preview = packages.open_for_import(by_package, second_package).preview
        packages.apply_package(by_package, second_package)
        pull(by_pull, the_towns_need_at(town, version=2))

        expected = [("purpose", THIS_PC, THE_TOWN, "計画づくり")]
        assert conflicts_of(by_package) == conflicts_of(by_pull) == expected
        assert [d.conflicts for d in preview.decisions if d.outcome == "conflict"] == [("purpose",)]
        for pc in (by_package, by_pull):  # this PC's value stays on screen, the other field is taken
            need = the_need(pc)
            assert (need.purpose, need.detail, need.dirty) == (THIS_PC, DETAIL, True)


def test_a_record_a_package_brought_and_edited_here_is_still_pushed_whole(town, tmp_path, export, open_store):
    path, _ = export(town, "full")
    with open_store(tmp_path / "second-pc", auto_backup=False) as store:
        second = Workspace(store)
        packages.apply_package(second, path, approve_key=fingerprint_of(town))
        need = the_need(second)
        needs.update(second, need.id, purpose=THIS_PC)

        with store.read() as s:
            change = merge.change_for(s, s.get(NeedsRequest, need.id), TOWN_CODE)
        # The hub has never had it: every field the town wrote goes, not only the one edited here.
        assert change.base_version == 0
        assert change.fields["title"] == "CIO補佐官の派遣" and change.fields["purpose"] == THIS_PC


def test_the_preview_is_the_import_rolled_back(town, prefecture, export):
    path, _ = export(town)
    before = dump(prefecture)

    preview = packages.open_for_import(prefecture, path).preview

    assert dump(prefecture) == before
    applied = packages.apply_package(prefecture, path, approve_key=fingerprint_of(town))
    assert applied.preview == preview
