"""Specification of the bundled procedure content (resources/content/*.toml) and of its loader."""

import ast
import re
import shutil
from datetime import date
from pathlib import Path

import pytest

from desktop.content import Catalog, ContentError, load_catalog, read_catalog, resources_dir

REPO = Path(__file__).resolve().parents[2]
CONTENT = REPO / "resources" / "content"

# 自治体DX推進計画【第2.3版】目次の見出し（DOMAIN.md §2.2）、英字前後の空白も原文どおり。
PRIORITY_HEADINGS = [
    "自治体フロントヤード改革の推進",
    "自治体の情報システムの標準化・共通化",
    "公金収納における eLTAX の活用",
    "マイナンバーカードの普及促進・利用の推進",
    "セキュリティ対策の徹底",
    "自治体の AI・RPA の利用推進",
    "テレワークの推進",
]

# 20の標準化対象業務、島田市の番号どおり（DOMAIN.md §3）。
BUSINESSES = [
    "住民基本台帳", "選挙人名簿管理", "固定資産税", "個人住民税", "法人住民税",
    "軽自動車税", "国民健康保険", "国民年金", "障害者福祉", "後期高齢者医療",
    "介護保険", "児童手当", "健康管理", "就学", "児童扶養手当",
    "生活保護", "子ども・子育て支援", "印鑑登録", "戸籍", "戸籍の附票",
]  # fmt: skip

# Keys are stored in ChecklistState.item_key: once shipped, a key may never disappear or change.
SHIPPED_CHECKPOINT_KEYS = {
    "s0.top_seminar", "s0.staff_training_yearly", "s0.what_is_dx", "s0.significance",
    "s0.vision_no_one_left_behind", "s0.basic_act", "s0.resident_viewpoint", "s0.mayor_message",
    "s0.digital_principles", "s0.national_trends", "s0.explain_to_residents", "s0.explain_to_council",
    "s1.vision", "s1.basic_principles", "s1.plan_period", "s1.select_priorities", "s1.initiatives_overview",
    "s1.action_plan", "s1.roadmap", "s1.national_deadlines", "s1.kpi", "s1.plan_positioning",
    "s1.public_private_data_plan", "s1.council_explanation", "s1.policy_adopted", "s1.publish",
    "s2.cio_appointed", "s2.cio_adviser", "s2.hq_rules", "s2.hq_working_groups", "s2.organisation_wide",
    "s2.dedicated_unit", "s2.dx_leaders", "s2.talent_policy", "s2.staff_development", "s2.external_talent",
    "s2.job_description", "s2.prefecture_collaboration", "s2.special_allocation_tax",
    "s2.planned_management",
    "s3.action_plans_started", "s3.bpr", "s3.user_centric_design", "s3.small_start",
    "s3.one_section_one_dx", "s3.kpi_actuals", "s3.pdca_report", "s3.plan_review", "s3.standardization",
    "s3.front_yard", "s3.online_procedures", "s3.el_qr", "s3.my_number_card", "s3.security_policy",
    "s3.ai_rpa", "s3.telework", "s3.analog_regulation",
}  # fmt: skip

CONFIDENCES = {"primary", "general", "third_party"}


@pytest.fixture(scope="module")
def catalog() -> Catalog:
    return load_catalog(CONTENT)


def _all_items(catalog: Catalog) -> list:
    return [
        *catalog.checkpoints(),
        *catalog.priorities,
        *catalog.businesses,
        *catalog.phases,
        *catalog.skill_roles,
        *catalog.appointment_types,
        *catalog.org_roles,
        *catalog.deadlines,
    ]


# --- Steps and checkpoints ----------------------------------------------------------------------------


def test_there_are_steps_0_to_3_with_their_official_names(catalog):
    assert [s.number for s in catalog.steps] == [0, 1, 2, 3]
    assert [s.title for s in catalog.steps] == [
        "認識共有・機運醸成",
        "全体方針の決定",
        "推進体制の整備",
        "DXの取組みの実行",
    ]
    assert all(catalog.step(n).number == n for n in range(4))


@pytest.mark.parametrize("number", [0, 1, 2, 3])
def test_every_step_has_at_least_ten_checkpoints(catalog, number):
    assert len(catalog.step(number).checkpoints) >= 10


def test_every_checkpoint_says_why_when_it_is_done_and_where_it_comes_from(catalog):
    for cp in catalog.checkpoints():
        for field in ("title", "title_en", "why", "done_when", "source"):
            assert getattr(cp, field).strip(), f"{cp.key}: {field} is empty"
        assert cp.confidence in CONFIDENCES, cp.key


def test_checkpoint_keys_are_unique_and_name_their_step(catalog):
    keys = [cp.key for cp in catalog.checkpoints()]
    assert len(keys) == len(set(keys))
    for cp in catalog.checkpoints():
        assert re.fullmatch(r"s[0-3]\.[a-z][a-z0-9_]*", cp.key), cp.key
        assert cp.key.startswith(f"s{cp.step}."), cp.key


def test_shipped_checkpoint_keys_never_disappear(catalog):
    missing = SHIPPED_CHECKPOINT_KEYS - {cp.key for cp in catalog.checkpoints()}
    assert not missing


def test_checkpoints_cover_the_national_survey_indicators(catalog):
    # 総務省「行政情報化の推進状況調査」の指標（デジタル庁ダッシュボード）をそのまま記録できること。
    titles = {cp.key: cp.title for cp in catalog.checkpoints()}
    assert "全体方針の策定" in titles["s1.policy_adopted"]
    assert "CIOの任命" in titles["s2.cio_appointed"]
    assert "CIO補佐官等の任命" in titles["s2.cio_adviser"]
    assert "全庁的" in titles["s2.organisation_wide"]
    assert "外部デジタル人材" in titles["s2.external_talent"]
    assert "DX推進専任部署" in titles["s2.dedicated_unit"]


def test_catalog_finds_a_checkpoint_by_key(catalog):
    assert catalog.checkpoint("s2.cio_appointed").step == 2


# --- 重点取組事項 --------------------------------------------------------------------------------------


def test_there_are_exactly_seven_priority_items_with_the_plan_headings(catalog):
    main = [p for p in catalog.priorities if not p.related]
    assert [p.number for p in main] == [1, 2, 3, 4, 5, 6, 7]
    assert [p.title for p in main] == PRIORITY_HEADINGS


def test_items_to_pursue_alongside_are_marked_related_and_unconfirmed(catalog):
    related = [p for p in catalog.priorities if p.related]
    titles = {p.title for p in related}
    assert {"デジタルデバイド対策", "BPRの取組の徹底", "デジタル原則を踏まえた条例等の点検・見直し"} <= titles
    # DOMAIN.md marks the 3.2 list [GK]: not confirmed from the plan's text.
    assert all(p.confidence == "general" for p in related)


# --- 標準化 -----------------------------------------------------------------------------------------------


def test_there_are_exactly_twenty_businesses_numbered_1_to_20(catalog):
    assert [b.number for b in catalog.businesses] == list(range(1, 21))
    assert [b.name for b in catalog.businesses] == BUSINESSES


def test_businesses_are_grouped_as_in_the_original_schedule(catalog):
    by_group: dict[str, set[str]] = {}
    for b in catalog.businesses:
        by_group.setdefault(b.group, set()).add(b.name)
    assert by_group["住民記録"] == {"住民基本台帳"}
    assert by_group["追加"] == {"印鑑登録", "戸籍", "戸籍の附票"}
    assert by_group["第1グループ"] == {
        "介護保険",
        "障害者福祉",
        "就学",
        "固定資産税",
        "個人住民税",
        "法人住民税",
        "軽自動車税",
    }
    assert len(by_group["第2グループ"]) == 9
    # The grouping comes from a third-party article, the names from a municipal page.
    assert catalog.business("jumin_kihon_daicho").group_confidence == "third_party"
    assert all(b.confidence == "primary" for b in catalog.businesses)


def test_migration_work_items_run_1_to_12_through_three_stages(catalog):
    assert [p.number for p in catalog.phases] == list(range(1, 13))
    stages = [p.stage for p in catalog.phases]
    assert stages == ["計画立案フェーズ"] * 5 + ["ベンダ選定・調達"] * 2 + ["移行フェーズ"] * 5
    assert catalog.phases[0].title == "推進体制の立ち上げ"
    # Only ① was read in the 手順書's table of contents; ②–⑫ are [GK].
    assert catalog.phases[0].confidence == "primary"
    assert all(p.confidence == "general" for p in catalog.phases[1:])


# --- 人材 -----------------------------------------------------------------------------------------------


def test_the_skill_standard_has_four_roles(catalog):
    assert [r.key for r in catalog.skill_roles] == [
        "producer",
        "project_manager",
        "service_designer",
        "engineer",
    ]
    assert catalog.skill_roles[0].title == "プロデューサー（CIO補佐官等）"
    assert [r.title for r in catalog.skill_roles[1:]] == [
        "プロジェクトマネージャー",
        "サービスデザイナー",
        "エンジニア",
    ]


def test_appointment_types_carry_their_legal_basis(catalog):
    by_key = {a.key: a for a in catalog.appointment_types}
    assert by_key["special_part_time"].legal_basis == "地方公務員法第3条第3項第3号"
    assert by_key["fiscal_year_appointee"].confidence == "general"  # article number is [GK]
    assert all(a.legal_basis.strip() for a in catalog.appointment_types)


def test_org_role_templates_cover_the_promotion_structure(catalog):
    titles = " ".join(r.title for r in catalog.org_roles)
    for post in (
        "CIO",
        "CIO補佐官",
        "CDO",
        "CDO補佐官",
        "DX推進本部長",
        "DX推進本部員",
        "DX推進担当課長",
        "DX推進リーダー",
        "外部デジタル人材",
    ):
        assert post in titles
    assert all(r.description.strip() for r in catalog.org_roles)


# --- 期限 -----------------------------------------------------------------------------------------------


def test_deadlines_include_the_standardisation_target_and_el_qr_start(catalog):
    by_key = {d.key: d for d in catalog.deadlines}
    assert by_key["standard_migration"].due == date(2026, 3, 31)  # 令和7年度末
    assert (by_key["el_qr_non_tax"].due.year, by_key["el_qr_non_tax"].due.month) == (2026, 9)  # 令和8年9月
    assert by_key["specific_migration_support"].due == date(2031, 3, 31)
    assert by_key["specific_migration_support"].confidence == "third_party"
    assert by_key["front_yard_kpi"].confidence == "third_party"
    assert [d.due for d in catalog.deadlines] == sorted(d.due for d in catalog.deadlines)


def test_deadlines_point_at_existing_priorities(catalog):
    keys = {p.key for p in catalog.priorities}
    assert all(d.priority_key in keys for d in catalog.deadlines if d.priority_key)


# --- Provenance -------------------------------------------------------------------------------------------


def test_every_item_has_a_source_and_a_known_confidence(catalog):
    for item in _all_items(catalog):
        assert item.source.strip(), item
        assert item.confidence in CONFIDENCES, item


def test_sources_shown_to_users_are_primary_official_documents(catalog):
    """DOMAIN.md §10.6: a 出典 names the document, its version or date, and the section; nothing else."""
    shown = [(item.key, c) for item in (*catalog.checkpoints(), *catalog.deadlines) for c in item.citations]
    assert len(shown) > 30
    for key, citation in shown:
        assert not re.search(r"https?://|\[GK\]|未確認|確認できて|要約|引用|note\.com", citation), (
            key,
            citation,
        )
        assert re.search(
            r"【第[0-9.]+版】|（[^）]*(令和|年)[^）]*）|ウェブサイト|調査項目|令和[0-9]+年[0-9]+月号",
            citation,
        ), (key, citation)
    # Items known only from secondary sources or general knowledge show no 出典 rather than a weak one.
    assert not catalog.checkpoint("s0.staff_training_yearly").citations
    assert not next(d for d in catalog.deadlines if d.key == "front_yard_kpi").citations


def test_notes_shown_to_users_hold_no_research_remarks(catalog):
    for deadline in catalog.deadlines:
        assert not re.search(r"確認できて|未確認|http|\[GK\]", deadline.note), deadline.key


def test_the_standardisation_target_is_credited_to_the_cabinet_decision(catalog):
    """令和7年度末 comes from the 閣議決定 標準化基本方針 of 2022-10-07: not デジタル庁, not the fund's expiry."""
    target = next(d for d in catalog.deadlines if d.key == "standard_migration")
    shown = target.note + "".join(target.citations)
    assert "令和4年10月7日閣議決定" in shown
    assert "デジタル庁" not in shown and "基金" not in shown


def test_a_url_as_a_citation_is_refused(content_copy):
    _edit(
        content_copy / "deadlines.toml",
        'citations = ["地方公共団体情報システム標準化基本方針',
        'citations = ["https://example.jp/", "地方公共団体情報システム標準化基本方針',
    )
    with pytest.raises(ContentError, match=r"deadlines.toml」の「standard_migration」.*一次資料"):
        read_catalog(content_copy)


def test_item_keys_are_unique_within_each_kind(catalog):
    for items in (catalog.priorities, catalog.businesses, catalog.phases, catalog.skill_roles,
                  catalog.appointment_types, catalog.org_roles, catalog.deadlines):  # fmt: skip
        keys = [i.key for i in items]
        assert len(keys) == len(set(keys))
        assert all(re.fullmatch(r"[a-z][a-z0-9_]*", k) for k in keys), keys


# --- Loader -----------------------------------------------------------------------------------------------


def test_load_catalog_is_cached():
    assert load_catalog(CONTENT) is load_catalog(CONTENT)


def test_resources_dir_defaults_to_the_repository(monkeypatch):
    monkeypatch.delenv("DXNAVI_RESOURCES", raising=False)
    assert resources_dir() == REPO / "resources"


def test_content_package_imports_no_qt():
    for path in (REPO / "desktop" / "content").glob("*.py"):
        tree = ast.parse(path.read_text(encoding="utf-8"))
        for node in ast.walk(tree):
            names = [a.name for a in node.names] if isinstance(node, ast.Import) else []
            if isinstance(node, ast.ImportFrom):
                names = [node.module or ""]
            assert not any(n.startswith(("PySide6", "PyQt", "shiboken")) for n in names), path


@pytest.fixture
def content_copy(tmp_path) -> Path:
    """A writable copy of the real content, for breaking one file at a time."""
    target = tmp_path / "resources" / "content"
    shutil.copytree(CONTENT, target)
    return target


def _edit(path: Path, old: str, new: str) -> None:
    text = path.read_text(encoding="utf-8")
    assert old in text
    path.write_text(text.replace(old, new, 1), encoding="utf-8")


def test_malformed_toml_via_env_names_the_file(content_copy, monkeypatch):
    (content_copy / "talent.toml").write_text("[[skill_role]\nkey = ", encoding="utf-8")
    monkeypatch.setenv("DXNAVI_RESOURCES", str(content_copy.parent))
    assert resources_dir() == content_copy.parent
    with pytest.raises(ContentError, match="talent.toml") as err:
        load_catalog()
    assert "TOMLの書式" in str(err.value)


def test_missing_file_is_reported(content_copy):
    (content_copy / "deadlines.toml").unlink()
    with pytest.raises(ContentError, match="deadlines.toml.*見つかりません"):
        read_catalog(content_copy)


def test_duplicate_key_names_file_and_item(content_copy):
    _edit(content_copy / "steps.toml", 'key = "s0.what_is_dx"', 'key = "s0.top_seminar"')
    with pytest.raises(ContentError, match=r"steps.toml」の「s0.top_seminar」.*重複"):
        read_catalog(content_copy)


def test_missing_field_names_file_and_item(content_copy):
    _edit(content_copy / "steps.toml", 'done_when = "当該年度に全職員', '# done_when = "当該年度に全職員')
    with pytest.raises(ContentError, match=r"steps.toml」の「s0.staff_training_yearly」.*done_when"):
        read_catalog(content_copy)


def test_confidence_must_be_written_even_though_the_dataclass_has_a_default(content_copy):
    _edit(content_copy / "priorities.toml", 'confidence = "primary"\n', "\n")
    with pytest.raises(ContentError, match=r"priorities.toml」の「front_yard」.*confidence"):
        read_catalog(content_copy)


def test_unknown_step_number_is_rejected(content_copy):
    _edit(content_copy / "steps.toml", 'key = "s3.telework"\nstep = 3', 'key = "s3.telework"\nstep = 4')
    with pytest.raises(ContentError, match=r"s3.telework.*ステップ番号 4"):
        read_catalog(content_copy)


def test_bad_date_is_rejected(content_copy):
    _edit(content_copy / "deadlines.toml", "due = 2026-09-30", 'due = "2026-09-31"')
    with pytest.raises(ContentError, match=r"deadlines.toml」の「el_qr_non_tax」.*日付"):
        read_catalog(content_copy)


def test_impossible_toml_date_is_a_toml_error_naming_the_file(content_copy):
    _edit(content_copy / "deadlines.toml", "due = 2026-09-30", "due = 2026-02-30")
    with pytest.raises(ContentError, match="deadlines.toml"):
        read_catalog(content_copy)


def test_unknown_confidence_is_rejected(content_copy):
    _edit(content_copy / "talent.toml", 'confidence = "primary"', 'confidence = "high"')
    with pytest.raises(ContentError, match=r"talent.toml」の「producer」.*confidence"):
        read_catalog(content_copy)


def test_unknown_business_group_is_rejected(content_copy):
    _edit(content_copy / "standardization.toml", 'group = "追加"', 'group = "第3グループ"')
    with pytest.raises(ContentError, match="第3グループ"):
        read_catalog(content_copy)


def test_deadline_pointing_at_an_unknown_priority_is_rejected(content_copy):
    _edit(content_copy / "deadlines.toml", 'priority_key = "eltax"', 'priority_key = "eltx"')
    with pytest.raises(ContentError, match=r"el_qr_non_tax.*eltx"):
        read_catalog(content_copy)


def test_typo_in_a_field_name_is_rejected(content_copy):
    _edit(content_copy / "talent.toml", 'legal_basis = "地方公務員法第3条第3項第3号"', 'legal_base = "x"')
    with pytest.raises(ContentError, match="legal_base"):
        read_catalog(content_copy)
