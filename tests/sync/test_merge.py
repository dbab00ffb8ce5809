"""How a hub copy meets a local row (DESIGN.md §4): different fields merge, the same field is a conflict."""

from sqlalchemy import select

from desktop.models import Kpi, KpiValue, Plan, PlanPriority
from desktop.models.sync_state import Conflict, ParkedRecord, SyncBase
from desktop.services import plan, records
from desktop.sync import merge
from desktop.sync.protocol import Record
from desktop.sync.resolve import resolve
from desktop.sync.wire import row_fields
from tests.conftest import TOWN_CODE


def hub_copy(row_or_kind, rid=None, version=1, deleted=False, **fields) -> Record:
    if isinstance(row_or_kind, str):
        kind, base = row_or_kind, {}
    else:
        kind, rid, base = row_or_kind.kind, row_or_kind.id, row_fields(row_or_kind)
    return Record(
        kind=kind,
        id=rid,
        owner_code=TOWN_CODE,
        version=version,
        deleted=deleted,
        updated_at="2026-11-30T00:00:00+00:00",
        updated_by="hub",
        fields={**base, **fields},
    )


def meet(ws, record, **kw):
    with ws.store.write() as s:
        return merge.meet(s, record, ws.now(), **kw)


def synced_plan(ws, **fields):
    """The town's plan as the hub acknowledged it (version 1, clean)."""
    p = plan.get_or_create_plan(ws)
    meet(ws, hub_copy(p, version=1, **fields), force=True)
    return records.get(ws, Plan, p.id)


def change(ws, cls, rid):
    with ws.store.read() as s:
        return merge.change_for(s, s.get(cls, rid), TOWN_CODE)


def open_conflicts(ws):
    with ws.store.read() as s:
        return list(s.scalars(select(Conflict)))


def test_a_record_made_elsewhere_arrives_clean(ws):
    p = plan.get_or_create_plan(ws)
    rid = "5d0f6a8e-7e4b-4d5e-9b7a-1f2e3d4c5b6a"
    meet(ws, hub_copy("plan_priority", rid, version=3, plan_id=p.id, title="窓口DX", sort_order=1))
    row = records.get(ws, PlanPriority, rid)
    assert (row.title, row.version, row.dirty) == ("窓口DX", 3, False)


def test_the_first_local_edit_of_a_synced_record_keeps_the_synced_copy_as_base(ws):
    p = synced_plan(ws, vision="旧ビジョン")
    records.update(ws, Plan, p.id, vision="新ビジョン")
    records.update(ws, Plan, p.id, vision="さらに新しいビジョン")
    with ws.store.read() as s:
        base = s.get(SyncBase, ("plan", p.id))
        assert (base.version, base.fields["vision"]) == (1, "旧ビジョン")
    assert change(ws, Plan, p.id).fields == {"vision": "さらに新しいビジョン"}


def test_edits_to_different_fields_merge_without_a_conflict(ws):
    p = synced_plan(ws, vision="旧", purpose="旧目的")
    records.update(ws, Plan, p.id, vision="こちらのビジョン")
    meet(ws, hub_copy(p, version=2, vision="旧", purpose="あちらの目的"))
    row = records.get(ws, Plan, p.id)
    assert (row.vision, row.purpose, row.version, row.dirty) == ("こちらのビジョン", "あちらの目的", 2, True)
    assert open_conflicts(ws) == []
    assert change(ws, Plan, p.id).fields == {"vision": "こちらのビジョン"}


def test_the_same_field_changed_on_both_sides_is_a_conflict_that_blocks_only_that_field(ws):
    p = synced_plan(ws, vision="旧", purpose="旧目的")
    records.update(ws, Plan, p.id, vision="こちら", purpose="こちらの目的")
    meet(ws, hub_copy(p, version=2, vision="あちら", purpose="旧目的"))
    [c] = open_conflicts(ws)
    assert (c.field, c.mine, c.theirs, c.base, c.hub_version) == ("vision", "こちら", "あちら", "旧", 2)
    assert records.get(ws, Plan, p.id).vision == "こちら"  # nothing is thrown away while it waits
    assert change(ws, Plan, p.id).fields == {"purpose": "こちらの目的"}


def test_keeping_theirs_settles_the_record_and_keeping_mine_sends_it(ws):
    p = synced_plan(ws, vision="旧")
    records.update(ws, Plan, p.id, vision="こちら")
    meet(ws, hub_copy(p, version=2, vision="あちら"))
    [c] = open_conflicts(ws)
    with ws.store.write() as s:
        resolve(s, c.id, "theirs", None, actor="test", now=ws.now())
    row = records.get(ws, Plan, p.id)
    assert (row.vision, row.dirty) == ("あちら", False)

    records.update(ws, Plan, p.id, vision="こちら2")
    meet(ws, hub_copy(p, version=3, vision="あちら2"))
    [c] = open_conflicts(ws)
    with ws.store.write() as s:
        resolve(s, c.id, "mine", None, actor="test", now=ws.now())
    sent = change(ws, Plan, p.id)
    assert (sent.base_version, sent.fields) == (3, {"vision": "こちら2"})


def test_an_edit_against_a_delete_is_a_conflict_and_the_record_waits(ws):
    p = synced_plan(ws, vision="旧")
    records.update(ws, Plan, p.id, vision="こちら")
    meet(ws, hub_copy(p, version=2, deleted=True, vision="旧"))
    [c] = open_conflicts(ws)
    assert c.edit_vs_delete and (c.mine, c.theirs) == (False, True)
    assert records.get(ws, Plan, p.id).vision == "こちら"
    assert change(ws, Plan, p.id) is None
    with ws.store.write() as s:
        resolve(s, c.id, "mine", None, actor="test", now=ws.now())
    sent = change(ws, Plan, p.id)
    assert (sent.deleted, sent.base_version, sent.fields) == (False, 2, {"vision": "こちら"})


def test_a_delete_here_against_an_edit_there_is_a_conflict_and_theirs_brings_the_record_back(ws):
    p = synced_plan(ws, vision="旧")
    records.delete(ws, Plan, p.id)
    meet(ws, hub_copy(p, version=2, vision="あちら"))
    [c] = open_conflicts(ws)
    assert c.edit_vs_delete and (c.mine, c.theirs) == (True, False)
    with ws.store.write() as s:
        resolve(s, c.id, "theirs", None, actor="test", now=ws.now())
    row = records.get(ws, Plan, p.id)
    assert (row.vision, row.deleted, row.dirty) == ("あちら", False, False)


def test_an_edit_made_while_the_push_was_under_way_stays_to_be_sent(ws):
    p = synced_plan(ws, vision="旧")
    records.update(ws, Plan, p.id, vision="送った")
    sent = change(ws, Plan, p.id)
    records.update(ws, Plan, p.id, vision="送った後の編集")
    meet(ws, hub_copy(p, version=2, vision="送った"), sent=sent)
    row = records.get(ws, Plan, p.id)
    assert (row.vision, row.version, row.dirty) == ("送った後の編集", 2, True)
    assert open_conflicts(ws) == []
    assert change(ws, Plan, p.id).fields == {"vision": "送った後の編集"}


def test_an_acknowledged_push_clears_dirty(ws):
    p = synced_plan(ws, vision="旧")
    records.update(ws, Plan, p.id, vision="送った")
    sent = change(ws, Plan, p.id)
    meet(ws, hub_copy(p, version=2, vision="送った"), sent=sent)
    row = records.get(ws, Plan, p.id)
    assert (row.version, row.dirty) == (2, False)
    with ws.store.read() as s:
        assert s.get(SyncBase, ("plan", p.id)) is None


def test_a_record_never_synced_sends_only_what_differs_from_its_kinds_defaults(ws):
    p = plan.get_or_create_plan(ws)
    records.update(ws, Plan, p.id, vision="ビジョン")
    assert change(ws, Plan, p.id).fields == {"vision": "ビジョン"}


def test_a_child_that_arrives_before_its_parent_waits_for_it(ws):
    kpi_id, value_id = "1d0f6a8e-7e4b-4d5e-9b7a-1f2e3d4c5b6a", "2d0f6a8e-7e4b-4d5e-9b7a-1f2e3d4c5b6a"
    p = plan.get_or_create_plan(ws)
    outcome = meet(
        ws, hub_copy("kpi_value", value_id, version=5, kpi_id=kpi_id, fiscal_year=2026, target=80.0)
    )
    assert outcome.parked
    with ws.store.read() as s:
        assert s.get(KpiValue, value_id) is None and s.get(ParkedRecord, ("kpi_value", value_id)) is not None
    meet(ws, hub_copy("kpi", kpi_id, version=6, plan_id=p.id, name="交付率", sort_order=1))
    with ws.store.write() as s:
        assert merge.unpark(s, ws.now()) == 1
    assert records.get(ws, KpiValue, value_id).target == 80.0
    assert records.get(ws, Kpi, kpi_id).name == "交付率"


# -- a pulled page (merge.meet_many) ---------------------------------------------------------------------------
def meet_page(ws, records_):
    with ws.store.write() as s, s.no_autoflush:
        return sum(len(o.conflicts) for o in merge.meet_many(s, records_, ws.now()))


def test_records_new_to_this_pc_arrive_from_a_page_as_the_hub_sent_them(ws):
    from datetime import date

    from desktop.models import AwarenessActivity, ProcurementSpec

    activity_id = "0b6f0c52-1f7e-4c1a-9d55-0a1b2c3d4e5f"
    spec_id = "1c7f1d63-2a8f-4d2b-8e66-1b2c3d4e5f60"
    meet_page(
        ws,
        [
            hub_copy("awareness_activity", activity_id, version=7, title="全職員研修", held_on="2026-10-01",
                     participants=42),
            hub_copy("procurement_spec", spec_id, version=8, title="窓口の共同調達"),  # chapters never written
        ],
    )  # fmt: skip
    activity = records.get(ws, AwarenessActivity, activity_id)
    assert (activity.title, activity.held_on, activity.participants, activity.note) == (
        "全職員研修",
        date(2026, 10, 1),
        42,
        "",
    )
    assert (activity.version, activity.dirty, activity.deleted, activity.updated_by) == (
        7,
        False,
        False,
        "hub",
    )
    assert activity.updated_at.isoformat().startswith("2026-11-30T00:00:00")
    spec = records.get(ws, ProcurementSpec, spec_id)
    assert (spec.title, spec.chapters, spec.version, spec.dirty) == ("窓口の共同調達", {}, 8, False)


def test_a_child_whose_parent_comes_later_in_the_same_page_is_not_parked(ws):
    p = plan.get_or_create_plan(ws)
    priority_id = "2d8f2e74-3b9f-4e3c-9f77-2c3d4e5f6071"
    kpi_id = "3e9f3f85-4caf-4f4d-8f88-3d4e5f607182"
    orphan_id = "4fa04096-5dbf-4a5e-8f99-4e5f60718293"
    meet_page(
        ws,
        [
            hub_copy("kpi", kpi_id, version=4, plan_id=p.id, priority_id=priority_id, name="交付率"),
            hub_copy("plan_priority", priority_id, version=5, plan_id=p.id, title="窓口DX"),
            hub_copy("kpi", orphan_id, version=6, plan_id=p.id, priority_id="5fb15107-6ecf-4b6f-9faa-5f6071829304",
                     name="親のない指標"),
        ],
    )  # fmt: skip
    assert records.get(ws, Kpi, kpi_id).priority_id == priority_id
    assert records.get(ws, PlanPriority, priority_id).title == "窓口DX"
    with ws.store.read() as s:
        assert [r.record_id for r in s.scalars(select(ParkedRecord))] == [orphan_id]
        assert s.get(Kpi, orphan_id) is None


def test_a_page_still_merges_a_row_edited_here_field_by_field(ws):
    p = synced_plan(ws, vision="旧", purpose="旧目的")
    records.update(ws, Plan, p.id, vision="こちら")
    new_conflicts = meet_page(ws, [hub_copy(p, version=2, vision="あちら", purpose="あちらの目的")])
    row = records.get(ws, Plan, p.id)
    assert (row.vision, row.purpose, new_conflicts) == ("こちら", "あちらの目的", 1)
    assert [c.field for c in open_conflicts(ws)] == ["vision"]
