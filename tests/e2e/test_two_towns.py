"""Two PCs of one town and a second town, syncing with a real hub (issue 7, end to end)."""

from sqlalchemy import func, select

from desktop.content import load_catalog
from desktop.models import SYNCED_ENTITIES, OrgRole, Plan
from desktop.services import plan, records, standardization, steps, structure, sync
from tests.e2e.conftest import FUKUI, FUKUI_NAME, SABAE


def snapshot(pc) -> dict[tuple[str, str], tuple]:
    """Every record a PC holds: (kind, id) → (owner, version, deleted, fields)."""
    out = {}
    with pc.ws.store.read() as s:
        for cls in SYNCED_ENTITIES:
            for row in s.scalars(select(cls)):
                data = row.data()
                out[(cls.kind, row.id)] = (
                    row.owner_code,
                    row.version,
                    row.deleted,
                    tuple(sorted(data.items())),
                )
    return out


def count(pc, cls) -> int:
    with pc.ws.store.read() as s:
        return s.scalar(select(func.count()).select_from(cls)) or 0


def first_steps(pc) -> None:
    catalog = load_catalog()
    steps.set_check(pc.ws, catalog.step(0).checkpoints[0].key, status="done")
    p = plan.get_or_create_plan(pc.ws)
    plan.add_priority(pc.ws, p.id, catalog_key=catalog.priorities[0].key)
    standardization.tracker(pc.ws)


def test_two_pcs_set_up_offline_sync_into_one_municipality_one_plan_one_state_per_checkpoint(make_pc):
    one, two = make_pc("pc1"), make_pc("pc2")
    first_steps(one)
    first_steps(two)
    for pc in (one, two, one):
        report = pc.sync()
        assert report.open_conflicts == 0
    assert snapshot(one) == snapshot(two)
    assert count(one, Plan) == 1
    assert [b.reason for b in one.ws.store.backups.list()] == ["before-sync"]  # taken once, before the first
    assert sync.status(one.ws).pending == 0 and sync.status(two.ws).pending == 0


def test_different_fields_merge_and_the_same_field_is_a_conflict_resolved_by_a_person(make_pc):
    one, two = make_pc("pc1"), make_pc("pc2")
    p = plan.get_or_create_plan(one.ws)
    one.sync()
    two.sync()
    records.update(one.ws, Plan, p.id, vision="一台目のビジョン", purpose="一台目の目的")
    records.update(two.ws, Plan, p.id, principles="二台目の基本方針", purpose="二台目の目的")
    one.sync()
    report = two.sync()
    assert report.open_conflicts == 1
    [conflict] = sync.conflicts(two.ws)
    assert (conflict.field, conflict.mine, conflict.theirs) == ("purpose", "二台目の目的", "一台目の目的")
    merged = records.get(two.ws, Plan, p.id)
    assert (merged.vision, merged.principles) == ("一台目のビジョン", "二台目の基本方針")

    sync.resolve(two.ws, conflict.id, "edit", "両方の目的をまとめた文")
    assert two.sync().open_conflicts == 0
    one.sync()
    for pc in (one, two):
        row = records.get(pc.ws, Plan, p.id)
        assert (row.vision, row.principles, row.purpose) == (
            "一台目のビジョン",
            "二台目の基本方針",
            "両方の目的をまとめた文",
        )
    assert snapshot(one) == snapshot(two)


def test_an_edit_against_a_delete_waits_for_a_person_and_then_both_pcs_agree(make_pc):
    one, two = make_pc("pc1"), make_pc("pc2")
    p = plan.get_or_create_plan(one.ws)
    prio = plan.add_priority(one.ws, p.id, title="独自の取組")
    one.sync()
    two.sync()
    records.delete(one.ws, type(prio), prio.id)
    records.update(two.ws, type(prio), prio.id, overview="二台目で書いた概要")
    one.sync()
    assert two.sync().open_conflicts == 1
    [conflict] = sync.conflicts(two.ws)
    assert conflict.edit_vs_delete
    sync.resolve(two.ws, conflict.id, "mine")
    two.sync()
    one.sync()
    assert records.get(one.ws, type(prio), prio.id).overview == "二台目で書いた概要"
    assert snapshot(one) == snapshot(two)


def test_nothing_of_one_town_reaches_another(make_pc):
    sabae, fukui = make_pc("sabae"), make_pc("fukui", FUKUI, FUKUI_NAME)
    first_steps(sabae)
    first_steps(fukui)
    sabae.sync()
    fukui.sync()
    sabae.sync()
    assert {owner for owner, *_ in snapshot(sabae).values()} == {SABAE}
    assert {owner for owner, *_ in snapshot(fukui).values()} == {FUKUI}


def test_two_pcs_that_entered_the_towns_posts_offline_sync_into_one_set_of_posts(make_pc):
    one, two = make_pc("pc1"), make_pc("pc2")
    for pc in (one, two):
        structure.add_role(pc.ws, "cio")
        structure.add_role(pc.ws, "dx_leader")
    structure.add_role(one.ws, "cio_adviser", person_name="外部 花子", is_external=True)
    records.update(two.ws, OrgRole, structure.roles(two.ws)[0].id, person_name="山田 太郎")  # the CIO
    for pc in (one, two, one):
        assert pc.sync().open_conflicts == 0

    def posts(pc):
        return [(r.role_key, r.seat, r.person_name) for r in structure.roles(pc.ws)]

    assert (
        posts(one)
        == posts(two)
        == [("cio", 1, "山田 太郎"), ("cio_adviser", 1, "外部 花子"), ("dx_leader", 1, "")]
    )
    assert count(one, OrgRole) == 3


def test_a_procurement_spec_with_edited_chapters_syncs_to_the_second_pc(make_pc):
    """The chapters are a JSON column; they travel as JSON text, not as a value the protocol refuses."""
    from desktop.services import procurement

    one, two = make_pc("pc1"), make_pc("pc2")
    spec = procurement.create_from_template(one.ws, procurement.templates()[0].key, "窓口の共同調達")
    chapter = next(iter(procurement.get(one.ws, spec.id).chapters))
    procurement.set_chapter(one.ws, spec.id, chapter, "一台目で書いた本文")
    assert one.sync().open_conflicts == 0
    two.sync()
    assert procurement.get(two.ws, spec.id).chapters == procurement.get(one.ws, spec.id).chapters
    assert procurement.get(two.ws, spec.id).chapters[chapter] == "一台目で書いた本文"
    procurement.set_chapter(two.ws, spec.id, chapter, "二台目で直した本文")
    two.sync()
    one.sync()
    assert procurement.get(one.ws, spec.id).chapters[chapter] == "二台目で直した本文"
    assert sync.status(one.ws).pending == 0 and sync.status(two.ws).pending == 0
