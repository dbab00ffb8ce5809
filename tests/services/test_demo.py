"""The demo town: data in every part of the app, consistent with the catalog and with its own dates."""

from datetime import date

import pytest

from desktop.content import load_catalog
from desktop.content.demo import load_demo
from desktop.models import (
    AwarenessActivity,
    ChecklistState,
    Initiative,
    JobDescription,
    Municipality,
    NeedsRequest,
    OrgRole,
    PdcaReview,
    ProcurementParticipant,
    ProcurementRequirement,
    ProcurementSpec,
    TalentGap,
    vocab,
)
from desktop.models.errors import DomainError
from desktop.models.municipal_code import prefecture_code, validate
from desktop.models.wareki import fiscal_year_of, fiscal_year_start
from desktop.services import plan, records, standardization, steps
from desktop.services.demo import create_demo
from desktop.services.workspace import Workspace

TODAY = date(2026, 11, 26)
CHAPTERS = ("a", "i", "u", "e", "o", "ka", "ki", "ku", "ke", "ko", "sa")
ACTION_PLAN_FIELDS = ("overview", "current_issues", "next_steps", "indicators")


@pytest.fixture
def demo(store):
    """A store filled with the demo town as of TODAY."""
    create_demo(store, today=TODAY)
    return Workspace(store)


def test_the_demo_town_is_marked_fictional_and_has_a_valid_code(demo):
    town = records.find(demo, Municipality)[0]
    assert town.is_demo and "架空" in town.name
    assert validate(town.code) == town.code
    assert town.prefecture == "福井県"
    assert 14_000 <= town.population <= 16_000 and 150 <= town.staff_count <= 200
    assert town.department == "総務課DX推進係" and town.contact_person and town.contact_email


def test_every_step_has_checkpoints_done_and_a_mix_of_states(demo):
    progress = steps.progress(demo)
    assert [p.number for p in progress] == [0, 1, 2, 3]
    assert all(p.done > 0 for p in progress)
    statuses = {s.status for s in records.find(demo, ChecklistState)}
    assert statuses == set(vocab.CHECK_STATUS)
    step0 = steps.checklist(demo, 0)
    assert sum(i.status != "todo" for i in step0) >= len(step0) - 2
    top = next(i for i in step0 if i.checkpoint.key == "s0.top_seminar")
    assert top.evidence == "\\\\fileserver\\DX\\研修資料\\2025トップセミナー.pdf"


def test_awareness_activities_span_the_last_two_fiscal_years(demo):
    acts = steps.activities(demo)
    assert 4 <= len(acts) <= 6
    assert {fiscal_year_of(a.held_on) for a in acts} == {2025, 2026}
    assert {"top_seminar", "staff_training", "leader_training", "council"} <= {a.activity_kind for a in acts}
    training = [a for a in acts if a.activity_kind == "staff_training"]
    assert sorted(a.title[:5] for a in training) == ["令和7年度", "令和8年度"]


def test_the_plan_has_all_seven_priorities_with_full_action_plans(demo):
    the_plan = plan.get_or_create_plan(demo)
    # In force since before its period began, and being revised this 年度 (中間見直し).
    assert the_plan.title == "デモ町DX推進計画" and the_plan.status == "revising"
    assert the_plan.adopted_on < fiscal_year_start(the_plan.start_fy)
    assert the_plan.start_fy <= fiscal_year_of(TODAY) <= the_plan.end_fy
    assert the_plan.national_trends and the_plan.current_situation and the_plan.glossary
    assert the_plan.vision.startswith("誰一人取り残さない") and len(the_plan.principles.splitlines()) >= 4
    items = plan.priorities(demo, the_plan.id)
    national = {p.key for p in load_catalog().priorities if not p.related}
    assert len(national) == 7 and national <= {p.catalog_key for p in items}
    assert any(p.catalog_key == "" for p in items), "an own 重点取組事項"
    for item in items:
        assert all(getattr(item, f).strip() for f in ACTION_PLAN_FIELDS), item.title
        assert (item.start_fy, item.end_fy) == (the_plan.start_fy, the_plan.end_fy)
        years, steps_by_year = plan.priority_year_values(demo, item.id)
        assert sorted(steps_by_year) == years and all(v.activity for v in steps_by_year.values())
        assert "{" not in "".join(v.activity for v in steps_by_year.values())


def test_kpis_have_targets_every_year_and_actuals_only_for_years_begun(demo):
    the_plan = plan.get_or_create_plan(demo)
    rows = plan.kpis(demo, the_plan.id)
    assert 6 <= len(rows) <= 8
    years = plan.plan_years(the_plan)
    for row in rows:
        assert row.kpi.baseline is not None
        assert sorted(row.values) == years
        assert all(v.target is not None for v in row.values.values())
        for fy, value in row.values.items():
            assert (value.actual is not None) == (fy <= fiscal_year_of(TODAY)), (row.kpi.name, fy)


def test_the_standardisation_kpi_agrees_with_the_tracker(demo):
    the_plan = plan.get_or_create_plan(demo)
    row = next(r for r in plan.kpis(demo, the_plan.id) if "標準準拠" in r.kpi.name)
    assert row.values[fiscal_year_of(TODAY)].actual == standardization.summary(demo).live


def test_the_tracker_shows_all_twenty_businesses_some_live_some_specific(demo):
    catalog = load_catalog()
    rows = standardization.tracker(demo)
    assert len(rows) == 20
    phase_keys = {p.key for p in catalog.phases}
    assert all(r.system.phase_key in phase_keys and r.system.vendor for r in rows)
    summary = standardization.summary(demo)
    assert summary.live >= 3 and summary.not_started == 0
    specific = [r.system for r in rows if r.system.specific_support]
    assert 2 <= len(specific) <= 3
    assert all(s.specific_reason in vocab.SPECIFIC_SUPPORT_REASON and s.specific_reason for s in specific)
    assert all(s.phase_key != catalog.phases[-1].key for s in specific)
    assert any(r.system.gov_cloud for r in rows) and not all(r.system.gov_cloud for r in rows)


def test_structure_initiatives_and_reviews_exist(demo):
    roles = {r.role_key for r in records.find(demo, OrgRole)}
    assert {"cio", "cio_adviser", "hq_chief", "hq_member", "dx_section_manager", "dx_leader"} <= roles
    adviser = records.find(demo, OrgRole, role_key="cio_adviser")[0]
    assert adviser.is_external and "特別職非常勤" in adviser.position
    assert len(records.find(demo, TalentGap)) == 3
    inits = records.find(demo, Initiative)
    assert 5 <= len(inits) <= 6
    national = {p.key for p in load_catalog().priorities}
    assert all(i.priority_key in national for i in inits)
    reviews = records.find(demo, PdcaReview)
    assert {r.initiative_id for r in reviews} == {i.id for i in inits}


def test_needs_job_descriptions_and_specs_exist(demo):
    needs = records.find(demo, NeedsRequest)
    assert 4 <= len(needs) <= 5 and len({n.category for n in needs}) == len(needs)
    answered = [n for n in needs if n.response_status]
    assert len(answered) == 1 and answered[0].response_text and answered[0].responded_at
    jds = records.find(demo, JobDescription)
    assert {j.skill_role for j in jds} == {"producer", "project_manager"}
    for jd in jds:
        assert all(v not in ("", None) for k, v in jd.data().items()), jd.title
    specs = records.find(demo, ProcurementSpec)
    assert sorted(s.mode for s in specs) == ["joint", "single"]
    for spec in specs:
        assert sorted(spec.chapters) == sorted(CHAPTERS)
        assert all(t.strip() and "{" not in t and "○○" not in t for t in spec.chapters.values())
        reqs = records.find(demo, ProcurementRequirement, spec_id=spec.id)
        assert len(reqs) >= 10
        assert {r.req_kind for r in reqs} == {"functional", "non_functional"}
        assert {"情報セキュリティ", "信頼性", "性能", "移行", "教育", "保守"} <= {r.category for r in reqs}


def test_the_joint_spec_splits_the_cost_among_valid_bodies_of_one_prefecture(demo):
    joint = records.find(demo, ProcurementSpec, mode="joint")[0]
    assert joint.cost_split in vocab.COST_SPLIT and joint.lead_body
    parts = records.find(demo, ProcurementParticipant, spec_id=joint.id)
    assert len(parts) == 4
    assert sum(p.share_percent for p in parts) == pytest.approx(100)
    town = records.find(demo, Municipality)[0]
    assert town.code in {p.code for p in parts}
    for p in parts:
        assert validate(p.code) == p.code
        assert prefecture_code(p.code) == prefecture_code(town.code)


def test_the_demo_content_matches_the_catalog_keys():
    """Nothing in the demo is silently skipped because a catalog key changed."""
    catalog, demo = load_catalog(), load_demo()
    assert {c["key"] for c in demo.steps["checkpoint"]} <= {c.key for c in catalog.checkpoints()}
    assert {s["business"] for s in demo.standardization["system"]} == {b.key for b in catalog.businesses}
    national = {p["catalog_key"] for p in demo.plan["priority"]} - {""}
    assert national == {p.key for p in catalog.priorities if not p.related}
    assert {r["role"] for r in demo.structure["role"]} <= {r.key for r in catalog.org_roles}


def test_the_demo_texts_are_resource_files_not_code(tmp_path):
    """A non-programmer edits the demo in resources/demo; a broken file names itself and what is wrong."""
    import shutil

    from desktop.content import ContentError, resources_dir

    shutil.copytree(resources_dir() / "demo", tmp_path / "demo")
    text = (tmp_path / "demo" / "jobs.toml").read_text(encoding="utf-8")
    (tmp_path / "demo" / "jobs.toml").write_text(text.replace("[[job]]", "[[jobs]]", 1), encoding="utf-8")
    with pytest.raises(ContentError, match="jobs.toml.*未知の項目「jobs」"):
        load_demo(tmp_path / "demo")


@pytest.mark.parametrize("today", [date(2025, 4, 2), date(2026, 3, 31), date(2027, 6, 15)])
def test_no_demo_date_lies_in_the_future(store, today):
    create_demo(store, today=today)
    ws = Workspace(store)
    assert all(a.held_on <= today for a in records.find(ws, AwarenessActivity))
    assert all(r.reviewed_on <= today for r in records.find(ws, PdcaReview))
    assert all(s.done_on is None or s.done_on <= today for s in records.find(ws, ChecklistState))
    assert all(p.done > 0 for p in steps.progress(ws))
    the_plan = plan.get_or_create_plan(ws)
    assert the_plan.start_fy <= fiscal_year_of(today) <= the_plan.end_fy


def test_a_second_demo_is_refused_and_changes_nothing(demo):
    before = len(records.find(demo, ChecklistState)), len(records.find(demo, ProcurementRequirement))
    with pytest.raises(DomainError, match="既に団体が登録"):
        create_demo(demo.store, today=TODAY)
    after = len(records.find(demo, ChecklistState)), len(records.find(demo, ProcurementRequirement))
    assert after == before
    assert len(records.find(demo, Municipality)) == 1


def test_a_store_of_a_real_municipality_is_refused(ws):
    with pytest.raises(DomainError):
        create_demo(ws.store)
    assert not records.find(ws, ChecklistState)
