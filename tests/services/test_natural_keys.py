"""Records that exist once per town get the same id on every PC (DESIGN.md §4, natural keys)."""

import pytest
from sqlalchemy import select

from desktop.content import load_catalog
from desktop.models import SYNCED_ENTITIES, OrgRole, PlanPriority
from desktop.models.errors import ValidationError
from desktop.models.natural_keys import natural_id
from desktop.services import plan, records, standardization, steps, structure
from desktop.services.municipality import init_municipality
from desktop.services.workspace import Workspace
from tests.conftest import TOWN_CODE, TOWN_NAME


def set_up_offline(data_dir, open_store) -> Workspace:
    """A PC of the town that ran init and did the same first steps, without any network."""
    store = open_store(data_dir, auto_backup=False)
    init_municipality(store, TOWN_CODE, TOWN_NAME)
    ws = Workspace(store)
    catalog = load_catalog()
    steps.set_check(ws, catalog.step(0).checkpoints[0].key, status="done")
    p = plan.get_or_create_plan(ws)
    plan.add_priority(ws, p.id, catalog_key=catalog.priorities[0].key)
    kpi = plan.add_kpi(ws, p.id, "交付率")
    plan.set_kpi_value(ws, kpi.id, 2026, target=80)
    standardization.tracker(ws)
    return ws


def ids(ws: Workspace, kinds: set[str]) -> set[tuple[str, str]]:
    with ws.store.read() as s:
        return {
            (cls.kind, rid)
            for cls in SYNCED_ENTITIES
            if cls.kind in kinds
            for rid in s.scalars(select(cls.id))
        }


def test_two_pcs_set_up_offline_make_the_same_ids_for_once_per_town_records(tmp_path, open_store):
    one, two = set_up_offline(tmp_path / "pc1", open_store), set_up_offline(tmp_path / "pc2", open_store)
    once = {"municipality", "plan", "checklist_state", "standardization_system", "plan_priority"}
    try:
        assert ids(one, once) == ids(two, once)
        assert len(ids(one, {"standardization_system"})) == len(load_catalog().businesses)
        # A KPI is the town's own record (two PCs may well add two), so it and its values differ.
        assert ids(one, {"kpi"}).isdisjoint(ids(two, {"kpi"}))
    finally:
        one.store.close()
        two.store.close()


def test_a_removed_catalog_priority_added_again_comes_back_as_the_same_record(ws):
    p = plan.get_or_create_plan(ws)
    key = load_catalog().priorities[0].key
    first = plan.add_priority(ws, p.id, catalog_key=key)
    records.update(ws, PlanPriority, first.id, overview="古い概要")
    records.delete(ws, PlanPriority, first.id)
    again = plan.add_priority(ws, p.id, catalog_key=key)
    assert again.id == first.id
    assert (again.deleted, again.overview, again.dirty) == (False, "", True)
    with pytest.raises(ValidationError, match="すでに"):
        plan.add_priority(ws, p.id, catalog_key=key)


def test_each_post_takes_the_first_free_seat_of_its_role_and_a_removed_one_comes_back_as_itself(ws):
    first = structure.add_role(ws, "dx_leader", person_name="佐藤")
    second = structure.add_role(ws, "dx_leader", person_name="鈴木")
    cio = structure.add_role(ws, "cio")
    assert [(r.role_key, r.seat) for r in structure.roles(ws)] == [
        ("cio", 1),
        ("dx_leader", 1),
        ("dx_leader", 2),
    ]
    assert (first.id, second.id, cio.id) == (
        natural_id(TOWN_CODE, "org_role", "dx_leader", 1),
        natural_id(TOWN_CODE, "org_role", "dx_leader", 2),
        natural_id(TOWN_CODE, "org_role", "cio", 1),
    )
    records.delete(ws, OrgRole, first.id)
    again = structure.add_role(ws, "dx_leader", person_name="高橋")
    assert (again.id, again.seat, again.person_name, again.deleted) == (first.id, 1, "高橋", False)
