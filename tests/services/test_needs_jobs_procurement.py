"""支援ニーズ, 募集要項 and 調達仕様書 services: what a DX officer sees when preparing them."""

import shutil
from datetime import date
from pathlib import Path

import pytest

from desktop.content import ContentError, resources_dir
from desktop.content.templates import (
    CHAPTER_KEYS,
    load_job_templates,
    load_spec_templates,
    read_job_templates,
    read_spec_templates,
)
from desktop.models import ProcurementParticipant, ProcurementRequirement
from desktop.models.errors import NotFoundError, ValidationError
from desktop.models.vocab import SKILL_ROLES
from desktop.services import jobs, needs, procurement, records

# --- 支援ニーズ ----------------------------------------------------------------------------------------------


def test_a_new_need_is_a_draft_for_the_next_fiscal_year(ws):
    need = needs.create(ws, "CIO補佐官の派遣")
    assert need.status == "draft" and need.category == "talent"
    assert need.engagement == "on_call" and need.priority == "medium"
    start, end = need.period_start, need.period_end
    assert start is not None and end is not None
    assert ws.today() == date(2026, 11, 29)  # in 令和8年度, so the need is for 令和9年度
    assert (start, end) == (date(2027, 4, 1), date(2028, 3, 31))


def test_submit_refuses_a_talent_need_without_role_days_and_purpose(ws):
    need = needs.create(ws, "人材派遣の依頼")
    with pytest.raises(ValidationError) as err:
        needs.submit(ws, need.id)
    message = str(err.value)
    assert message.startswith("提出できません。")
    for label in ("目的", "人材像（スキル標準）", "月あたり日数"):
        assert label in message
    assert needs.get(ws, need.id).status == "draft"  # nothing changed

    needs.update(ws, need.id, purpose="計画策定の助言", skill_role="producer", days_per_month=4)
    assert needs.submit(ws, need.id).status == "submitted"


def test_a_need_other_than_talent_needs_only_title_and_purpose(ws):
    need = needs.create(ws, "よろず相談", category="consultation")
    with pytest.raises(ValidationError, match="目的"):
        needs.submit(ws, need.id)
    needs.update(ws, need.id, purpose="情報セキュリティポリシー改定の相談")
    assert needs.submit(ws, need.id).status == "submitted"


def test_setting_the_status_directly_goes_through_the_same_checks(ws):
    need = needs.create(ws, "PM派遣", skill_role="project_manager")
    with pytest.raises(ValidationError, match="月あたり日数"):
        needs.update(ws, need.id, status="submitted")
    assert needs.get(ws, need.id).status == "draft"


def test_an_unknown_role_is_refused(ws):
    with pytest.raises(ValidationError, match="人材像"):
        needs.create(ws, "派遣", skill_role="wizard")


def test_response_fields_are_read_only_here(ws):
    need = needs.create(ws, "CIO補佐官の派遣", purpose="助言")
    for field, value in (
        ("response_status", "accepted"),
        ("response_text", "対応します"),
        ("responded_at", None),
    ):
        with pytest.raises(ValidationError, match="都道府県が記入する項目"):
            needs.update(ws, need.id, **{field: value})
    with pytest.raises(ValidationError, match="都道府県が記入する項目"):
        needs.create(ws, "別のニーズ", response_status="accepted")
    stored = needs.get(ws, need.id)
    assert stored.response_status == "" and stored.response_text == ""


def test_needs_are_listed_high_priority_first_and_deletes_can_be_undone(ws):
    low = needs.create(ws, "研修講師", category="training", priority="low")
    high = needs.create(ws, "CIO補佐官", priority="high")
    assert [n.id for n in needs.needs(ws)] == [high.id, low.id]
    token = needs.delete(ws, low.id)
    assert [n.id for n in needs.needs(ws)] == [high.id]
    records.undelete(ws, token)
    assert len(needs.needs(ws)) == 2


def test_withdraw_takes_a_submitted_need_back_to_draft(ws):
    need = needs.create(ws, "相談", category="consultation", purpose="相談したい")
    needs.submit(ws, need.id)
    assert needs.withdraw(ws, need.id).status == "draft"
    with pytest.raises(ValidationError):
        needs.withdraw(ws, need.id)


# --- 募集要項 ----------------------------------------------------------------------------------------------


@pytest.mark.parametrize("key", list(SKILL_ROLES))
def test_a_job_description_is_made_from_each_role_template(ws, key):
    jd = jobs.create_from_template(ws, key)
    template = next(t for t in load_job_templates() if t.key == key)
    assert jd.skill_role == key and jd.status == "draft"
    assert jd.title == template.title and jd.appointment_type == template.appointment_type
    for field in (
        "duties",
        "required_skills",
        "term",
        "work_days",
        "side_job",
        "confidentiality",
        "selection",
    ):
        assert getattr(jd, field).strip()
    assert "{" not in jd.work_place and "鯖江市" in jd.work_place
    assert jobs.jobs(ws)[0].id == jd.id


def test_the_producer_template_is_a_special_part_time_post(ws):
    jd = jobs.create_from_template(ws, "producer")
    assert jd.appointment_type == "特別職非常勤職員（地方公務員法第3条第3項第3号）"
    assert jd.funding == "special_grant"
    assert "1年" in jd.term and "再任" in jd.term


def test_an_unknown_job_template_is_refused(ws):
    with pytest.raises(ValidationError, match="ひな形"):
        jobs.create_from_template(ws, "magician")
    assert jobs.jobs(ws) == []


# --- 調達仕様書 --------------------------------------------------------------------------------------------


@pytest.mark.parametrize("key", ["standard_migration", "saas", "joint"])
def test_a_spec_copies_chapters_and_requirements_from_its_template(ws, key):
    template = load_spec_templates().template(key)
    spec = procurement.create_from_template(ws, key, "電子申請サービス導入業務")
    assert spec.template_key == key and spec.mode == template.mode and spec.status == "draft"
    assert list(spec.chapters) == list(CHAPTER_KEYS)
    assert all(text.strip() and "{" not in text for text in spec.chapters.values())
    assert "電子申請サービス導入業務" in spec.chapters["a"]  # {件名}
    if any("{団体名}" in text for _, text in template.chapters):
        assert any("鯖江市" in text for text in spec.chapters.values())
    rows = procurement.requirements(ws, spec.id)
    assert len(rows) == len(template.requirements)
    assert [r.req_kind for r in rows] == sorted(
        (r.req_kind for r in rows), key=["functional", "non_functional"].index
    )
    defs = load_spec_templates()
    for kind in ("functional", "non_functional"):
        assert {r.category for r in rows if r.req_kind == kind} == set(defs.categories(kind))


def test_a_joint_spec_starts_with_the_municipality_as_participant_and_the_prefecture_as_lead(ws):
    spec = procurement.create_from_template(ws, "joint", "電子契約サービス共同調達")
    assert spec.mode == "joint" and spec.cost_split == "mixed" and spec.lead_body == "福井県"
    assert [(p.code, p.name) for p in procurement.participants(ws, spec.id)] == [("182079", "鯖江市")]


def test_a_spec_needs_a_title_and_a_known_template(ws):
    with pytest.raises(ValidationError, match="調達件名"):
        procurement.create_from_template(ws, "saas", "  ")
    with pytest.raises(ValidationError, match="ひな形"):
        procurement.create_from_template(ws, "nonsense", "件名")
    assert procurement.specs(ws) == []


def test_editing_a_chapter_keeps_the_others(ws):
    spec = procurement.create_from_template(ws, "saas", "件名")
    before = dict(spec.chapters)
    procurement.set_chapter(ws, spec.id, "ko", "特記事項なし")
    after = procurement.get(ws, spec.id).chapters
    assert after["ko"] == "特記事項なし" and {k: v for k, v in after.items() if k != "ko"} == {
        k: v for k, v in before.items() if k != "ko"
    }
    with pytest.raises(ValidationError):
        procurement.set_chapter(ws, spec.id, "zz", "x")


def _joint(ws, cost_split="mixed"):
    spec = procurement.create_from_template(ws, "joint", "共同調達")
    procurement.update(ws, spec.id, cost_split=cost_split)
    return spec


def test_a_participant_code_is_validated(ws):
    spec = _joint(ws)
    with pytest.raises(ValidationError, match="検査数字"):
        procurement.add_participant(ws, spec.id, "182011", "福井市")  # correct is 182010
    with pytest.raises(ValidationError, match="6桁"):
        procurement.add_participant(ws, spec.id, "18201", "福井市")
    with pytest.raises(ValidationError, match="すでに"):
        procurement.add_participant(ws, spec.id, "１８２０７９", "鯖江市")  # full-width digits, same body
    assert len(procurement.participants(ws, spec.id)) == 1
    added = procurement.add_participant(ws, spec.id, "182010", "福井市", 255_000)
    assert added.code == "182010" and added.population == 255_000


def test_participants_belong_only_to_joint_specs(ws):
    spec = procurement.create_from_template(ws, "saas", "単独")
    with pytest.raises(ValidationError, match="共同調達"):
        procurement.add_participant(ws, spec.id, "182010", "福井市")


@pytest.mark.parametrize(
    ("split", "expected"),
    [
        ("equal", [33.34, 33.33, 33.33]),
        ("population", [77.27, 20.61, 2.12]),
        ("mixed", [55.3, 26.97, 17.73]),
    ],
)
def test_shares_sum_to_100_for_each_split(ws, split, expected):
    spec = _joint(ws, split)
    # 鯖江市 (own, population set below), 福井市, 池田町
    own = procurement.participants(ws, spec.id)[0]
    records.update(ws, type(own), own.id, population=68_000)
    procurement.add_participant(ws, spec.id, "182010", "福井市", 255_000)
    procurement.add_participant(ws, spec.id, "183822", "池田町", 7_000)
    rows = procurement.recompute_shares(ws, spec.id)
    by_code = {p.code: p.share_percent for p in rows}
    assert round(sum(by_code.values()), 6) == 100
    assert [by_code["182010"], by_code["182079"], by_code["183822"]] == expected
    stored = {p.code: p.share_percent for p in procurement.participants(ws, spec.id)}
    assert stored == by_code


def test_population_split_needs_every_population(ws):
    spec = _joint(ws, "population")
    procurement.add_participant(ws, spec.id, "182010", "福井市")
    with pytest.raises(ValidationError, match="人口を入力してください") as err:
        procurement.recompute_shares(ws, spec.id)
    assert "福井市" in str(err.value)


def test_usage_split_cannot_be_computed(ws):
    spec = _joint(ws, "usage")
    with pytest.raises(ValidationError, match="利用量割"):
        procurement.recompute_shares(ws, spec.id)


def test_shares_round_to_exactly_100_even_for_many_participants():
    shares = procurement.compute_shares("equal", [None] * 7)
    assert round(sum(procurement.round_percents(shares)), 6) == 100


def test_deleting_a_spec_removes_its_rows_and_unknown_ids_are_refused(ws):
    spec = _joint(ws)
    procurement.delete(ws, spec.id)
    with pytest.raises(NotFoundError):
        procurement.requirements(ws, spec.id)
    assert records.find(ws, ProcurementParticipant) == []
    assert records.find(ws, ProcurementRequirement) == []


# --- templates are validated on load -------------------------------------------------------------------


def _copy_content(tmp_path: Path) -> Path:
    target = tmp_path / "content"
    shutil.copytree(resources_dir() / "content", target)
    return target


def test_bundled_templates_are_complete():
    specs = load_spec_templates()
    assert [c.kana for c in specs.chapters] == list("アイウエオカキクケコサ")
    assert specs.chapter("a").title == "ア 調達案件の概要に関する事項"
    assert specs.chapter("sa").title == "サ 附属文書"
    assert {c.key: c.confidence for c in specs.chapters if c.confidence != "primary"} == {
        "ke": "general",
        "ko": "general",
        "sa": "general",
    }
    assert len(specs.non_functional_categories) == 17 and len(specs.functional_categories) == 6
    assert [t.key for t in specs.templates] == ["standard_migration", "saas", "joint"]
    assert [j.skill_role for j in load_job_templates()] == list(SKILL_ROLES)


def test_a_template_missing_a_requirement_category_is_refused(tmp_path):
    folder = _copy_content(tmp_path)
    path = folder / "spec_templates.toml"
    text = path.read_text(encoding="utf-8")
    path.write_text(
        text.replace('category = "帳票", mandatory = true', 'category = "帳表", mandatory = true'), "utf-8"
    )
    with pytest.raises(ContentError, match="帳表"):
        read_spec_templates(path)


def test_a_template_with_an_unknown_placeholder_is_refused(tmp_path):
    folder = _copy_content(tmp_path)
    path = folder / "job_templates.toml"
    path.write_text(path.read_text(encoding="utf-8").replace("{団体名}庁舎", "{市町村名}庁舎", 1), "utf-8")
    with pytest.raises(ContentError, match="市町村名"):
        read_job_templates(path)
