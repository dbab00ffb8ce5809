"""Every edit goes through records: validated, committed at once, marked for sync, audited, undoable."""

from datetime import date

import pytest
from sqlalchemy import select

from desktop.models import AuditEntry, Initiative, Kpi, KpiValue, NeedsRequest, Plan
from desktop.models.errors import NotFoundError, ValidationError
from desktop.services import records
from desktop.services.workspace import Workspace


def test_a_new_record_belongs_to_the_municipality_and_waits_for_sync(ws):
    initiative = records.create(ws, Initiative, title="書かない窓口の導入")
    assert initiative.owner_code == ws.owner_code
    assert initiative.dirty is True and initiative.version == 0 and initiative.deleted is False
    assert initiative.updated_by == "テスト担当"


def test_an_edit_is_committed_at_once_and_visible_to_a_fresh_store(open_store, ws, data_dir):
    initiative = records.create(ws, Initiative, title="RPA導入")
    records.update(ws, Initiative, initiative.id, status="active", start_on="2026-04-01")
    other = open_store(data_dir, exclusive=False, auto_backup=False)
    try:
        stored = records.get(Workspace(other), Initiative, initiative.id)
    finally:
        other.close()
    assert stored.status == "active" and stored.start_on == date(2026, 4, 1)


def test_bad_input_is_refused_with_a_japanese_message_and_changes_nothing(ws):
    need = records.create(ws, NeedsRequest, title="PM派遣", days_per_month=4)
    with pytest.raises(ValidationError, match="月あたり日数"):
        records.update(ws, NeedsRequest, need.id, days_per_month=40)
    with pytest.raises(ValidationError, match="正しい形式ではありません"):
        records.update(ws, NeedsRequest, need.id, days_per_month="四日")
    with pytest.raises(ValidationError, match="選択肢にありません"):
        records.update(ws, NeedsRequest, need.id, category="なんでも")
    assert records.get(ws, NeedsRequest, need.id).days_per_month == 4


def test_an_end_before_the_start_is_refused(ws):
    plan = records.create(ws, Plan, start_fy=2024, end_fy=2026)
    with pytest.raises(ValidationError, match="以降"):
        records.update(ws, Plan, plan.id, end_fy=2023)


def test_sync_columns_cannot_be_edited_through_a_form(ws):
    initiative = records.create(ws, Initiative, title="テレワーク")
    with pytest.raises(ValidationError):
        records.update(ws, Initiative, initiative.id, owner_code="131016")


def test_an_unchanged_value_does_not_make_a_new_audit_entry(ws):
    initiative = records.create(ws, Initiative, title="AI議事録")
    records.update(ws, Initiative, initiative.id, title="AI議事録")
    with ws.store.read() as s:
        actions = s.scalars(select(AuditEntry.action).where(AuditEntry.entity_id == initiative.id)).all()
    assert actions == ["create"]


def test_deleting_a_kpi_tombstones_its_values_and_undo_brings_them_back(ws):
    plan = records.create(ws, Plan)
    kpi = records.create(ws, Kpi, plan_id=plan.id, name="オンライン申請可能な手続数", unit="件")
    value = records.create(ws, KpiValue, kpi_id=kpi.id, fiscal_year=2026, target=50)
    token = records.delete(ws, Kpi, kpi.id)
    assert {kind for kind, _ in token} == {"kpi", "kpi_value"}
    assert records.find(ws, Kpi) == [] and records.find(ws, KpiValue) == []
    with pytest.raises(NotFoundError):
        records.get(ws, KpiValue, value.id)
    records.undelete(ws, token)
    assert [k.name for k in records.find(ws, Kpi)] == ["オンライン申請可能な手続数"]
    assert records.get(ws, KpiValue, value.id).target == 50


def test_a_deleted_record_is_kept_as_a_tombstone_for_sync(ws):
    initiative = records.create(ws, Initiative, title="電子決裁")
    records.delete(ws, Initiative, initiative.id)
    with ws.store.read() as s:
        row = s.get(Initiative, initiative.id)
    assert row.deleted is True and row.dirty is True


def test_summaries_are_light_rows_of_live_records_of_this_municipality_in_order(ws):
    late = records.create(ws, Initiative, title="AI議事録", status="active", start_on=date(2026, 10, 1))
    early = records.create(ws, Initiative, title="書かない窓口", status="planned", start_on=date(2026, 4, 1))
    gone = records.create(ws, Initiative, title="廃止した取組")
    records.delete(ws, Initiative, gone.id)
    neighbour = Workspace(ws.store, actor="隣町", _owner_code="132012")
    records.create(neighbour, Initiative, title="隣町の取組", status="active")

    rows = records.summaries(ws, Initiative, ("title", "status"), order_by=("start_on",))

    assert [(r.id, r.title, r.status) for r in rows] == [
        (early.id, "書かない窓口", "planned"),
        (late.id, "AI議事録", "active"),
    ]
    assert not isinstance(rows[0], Initiative) and not hasattr(rows[0], "description")
    active = records.summaries(
        ws, Initiative, ["title"], order_by=(Initiative.title.desc(),), status="active"
    )
    assert [r.title for r in active] == ["AI議事録"]
    assert records.summaries(neighbour, Initiative, ("title",))[0].title == "隣町の取組"


def test_every_list_reads_summaries_in_the_order_of_its_full_records(store):
    from desktop.services import initiatives, jobs, needs, plan, procurement, steps, structure
    from desktop.services.demo import create_demo

    create_demo(store, today=date(2026, 11, 26))
    ws = Workspace(store)
    the_plan = plan.get_or_create_plan(ws)
    first = initiatives.initiatives(ws)[0]
    spec = procurement.specs(ws)[0]
    pairs = [
        (steps.activity_summaries(ws), steps.activities(ws)),
        (initiatives.initiative_summaries(ws), initiatives.initiatives(ws)),
        (initiatives.review_summaries(ws, first.id), initiatives.reviews(ws, first.id)),
        (needs.need_summaries(ws), needs.needs(ws)),
        (jobs.job_summaries(ws), jobs.jobs(ws)),
        (procurement.spec_summaries(ws), procurement.specs(ws)),
        (procurement.requirement_summaries(ws, spec.id), procurement.requirements(ws, spec.id)),
        (plan.priority_summaries(ws, the_plan.id), plan.priorities(ws, the_plan.id)),
        (plan.kpi_summaries(ws, the_plan.id), [row.kpi for row in plan.kpis(ws, the_plan.id)]),
        (structure.role_summaries(ws), structure.roles(ws)),
        (structure.talent_gap_summaries(ws), structure.talent_gaps(ws)),
    ]
    for summaries, full in pairs:
        assert full, "the demo fills every list"
        assert [r.id for r in summaries] == [r.id for r in full]
        for row, record in zip(summaries, full, strict=True):
            assert all(getattr(row, name) == getattr(record, name) for name in row._fields)
