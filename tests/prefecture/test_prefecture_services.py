"""Prefecture mode services: the 市町村一覧 with its indicators, needs across towns, responses, the catalog."""

from datetime import UTC, date, datetime

import pytest
from sqlalchemy import select

from desktop.models import JointProcurementOffer, NeedsRequest, TalentPoolEntry
from desktop.models.errors import NotFoundError, ValidationError
from desktop.services import needs as town_needs
from desktop.services.prefecture import catalog, towns
from desktop.services.prefecture import needs as pref_needs
from desktop.services.workspace import Workspace
from tests.prefecture.conftest import EIHEIJI, FUKUI, OTHER_PREF_TOWN, PREF, SABAE, settle

NOW = datetime(2026, 11, 30, 10, 0, tzinfo=UTC)


def _row(rows, code):
    return next(r for r in rows if r.code == code)


def test_the_prefecture_store_belongs_to_the_prefecture_though_it_holds_many_towns(pref):
    assert pref.owner_code == PREF and pref.is_prefecture


def test_the_overview_lists_every_town_of_the_prefecture_and_no_other(pref):
    rows = towns.overview(pref)
    assert [r.code for r in rows] == [FUKUI, SABAE, EIHEIJI]
    assert OTHER_PREF_TOWN not in {r.code for r in rows}


def test_indicators_are_derived_from_the_towns_own_data_and_say_how(pref):
    fukui = {i.key: i for i in _row(towns.overview(pref), FUKUI).indicators}
    assert fukui["cio"].value and "CIO（最高情報統括責任者）（副市長）" in fukui["cio"].how
    assert fukui["cio_adviser"].value
    assert (
        fukui["policy"].value and "議決済" in fukui["policy"].how and "令和7年3月20日" in fukui["policy"].how
    )
    assert fukui["organisation"].value and "DX推進本部" in fukui["organisation"].how
    assert fukui["external_talent"].value and "外部人材を任命：CIO補佐官" in fukui["external_talent"].how
    assert not fukui["staff_development"].value
    assert fukui["all_staff_training"].value and "年1回実施" in fukui["all_staff_training"].how
    eiheiji = _row(towns.overview(pref), EIHEIJI).indicators
    assert not any(i.value for i in eiheiji)
    assert {i.how for i in eiheiji} >= {"DX推進計画（全体方針）が未作成", "全職員向け研修の記録がない"}


def test_a_matched_talent_need_counts_as_using_external_talent(pref):
    sabae_need = pref_needs.all_needs(pref, pref_needs.NeedsFilter(town=SABAE))[0]
    assert not {i.key: i for i in _row(towns.overview(pref), SABAE).indicators}["external_talent"].value
    pref_needs.respond(pref, sabae_need.id, "matched", "登録人材Bを派遣します。", now=NOW)
    external = {i.key: i for i in _row(towns.overview(pref), SABAE).indicators}["external_talent"]
    assert external.value and external.how == "人材派遣の支援ニーズがマッチ済（1件）"


def test_the_overview_shows_step_progress_last_contact_and_open_needs(pref):
    fukui, sabae, eiheiji = towns.overview(pref)
    assert fukui.step_ratios[0] == pytest.approx(3 / 12) and fukui.current_step == 0
    assert fukui.last_contact is not None and fukui.contact_channel == "sync"
    assert sabae.contact_channel == "package" and eiheiji.last_contact is None
    assert (fukui.open_needs, sabae.open_needs, eiheiji.open_needs) == (1, 1, 0)
    assert eiheiji.not_started == 20 and eiheiji.live == 0


def test_the_summary_row_gives_the_rate_of_each_indicator(pref):
    summary = towns.summarise(towns.overview(pref))
    rates = {label: (yes, rate) for label, yes, rate in summary.rates}
    assert summary.towns == 3
    assert rates["CIOの任命"] == (1, pytest.approx(1 / 3))
    assert rates["職員育成の取組"] == (0, 0.0)
    assert summary.open_needs == 2


def test_the_prefecture_sees_submitted_needs_of_its_towns_only(pref):
    titles = [n.title for n in pref_needs.all_needs(pref)]
    assert titles == [
        "RPA導入の支援",
        "CIO補佐官の派遣",
    ]  # high priority first; no draft, no other prefecture


@pytest.mark.parametrize(
    ("flt", "titles"),
    [
        (pref_needs.NeedsFilter(role="engineer"), ["RPA導入の支援"]),
        (pref_needs.NeedsFilter(priority="medium"), ["CIO補佐官の派遣"]),
        (pref_needs.NeedsFilter(category="training"), []),
        (pref_needs.NeedsFilter(response="none"), ["RPA導入の支援", "CIO補佐官の派遣"]),
        (pref_needs.NeedsFilter(response="matched"), []),
    ],
)
def test_needs_are_filtered_by_role_category_priority_and_response(pref, flt, titles):
    assert [n.title for n in pref_needs.all_needs(pref, flt)] == titles


def test_a_response_writes_only_the_prefecture_fields_and_marks_the_need_for_sending(pref):
    need = pref_needs.all_needs(pref, pref_needs.NeedsFilter(town=FUKUI))[0]
    with pref.store.read() as s:
        before = s.get(NeedsRequest, need.id).data()
    pref_needs.respond(pref, need.id, "coordinating", "人材プールから候補を調整しています。", now=NOW)
    with pref.store.read() as s:
        stored = s.get(NeedsRequest, need.id)
        after = stored.data()
        assert stored.dirty and stored.updated_by == "県DX推進課" and stored.owner_code == FUKUI
    changed = {k for k in after if after[k] != before[k]}
    assert changed == {"response_status", "response_text", "responded_at"}
    assert after["response_status"] == "coordinating"
    row = pref_needs.all_needs(pref, pref_needs.NeedsFilter(response="coordinating"))[0]
    assert row.response_text == "人材プールから候補を調整しています。"


@pytest.mark.parametrize(
    ("status", "message", "error"),
    [("accepted", "", "選べません"), ("", "x", "選べません"), ("declined", " ", "理由を回答内容に入力")],
)
def test_a_bad_response_is_refused_and_changes_nothing(pref, status, message, error):
    need = pref_needs.all_needs(pref)[0]
    with pytest.raises(ValidationError, match=error):
        pref_needs.respond(pref, need.id, status, message)
    assert pref_needs.all_needs(pref)[0].response_status == ""


def test_the_prefecture_cannot_answer_a_need_of_another_prefectures_town(pref):
    with pref.store.read() as s:
        foreign = s.scalar(select(NeedsRequest.id).where(NeedsRequest.owner_code == OTHER_PREF_TOWN))
    with pytest.raises(ValidationError, match="管轄外"):
        pref_needs.respond(pref, foreign, "received", "")


def test_a_draft_need_cannot_be_answered(pref):
    with pref.store.read() as s:
        draft = s.scalar(select(NeedsRequest.id).where(NeedsRequest.status == "draft"))
    with pytest.raises(NotFoundError):
        pref_needs.respond(pref, draft, "received", "")


def test_a_town_cannot_use_prefecture_operations(store):
    town = Workspace(store)
    from desktop.services.municipality import init_municipality

    init_municipality(store, SABAE, "鯖江市")
    with pytest.raises(ValidationError, match="都道府県モード"):
        pref_needs.all_needs(town)
    with pytest.raises(ValidationError, match="都道府県モード"):
        catalog.create(town, TalentPoolEntry)


def test_suggestions_are_pool_entries_of_the_needs_role_free_ones_first(pref):
    catalog.create(pref, TalentPoolEntry, listing="登録人材C", skill_role="engineer", availability="assigned")
    catalog.create(
        pref, TalentPoolEntry, listing="登録人材B", skill_role="engineer", availability="available"
    )
    catalog.create(pref, TalentPoolEntry, listing="登録人材A", skill_role="producer")
    need = pref_needs.all_needs(pref, pref_needs.NeedsFilter(role="engineer"))[0]
    assert [e.listing for e in pref_needs.suggestions(pref, need.id)] == ["登録人材B", "登録人材C"]


def test_a_town_reads_its_prefectures_catalog_and_states_its_intent(pref):
    offer = catalog.create(pref, JointProcurementOffer, title="電子申請システムの共同調達", cost_split="population",
                           survey_deadline=date(2027, 1, 31))  # fmt: skip
    settle(pref.store)
    sabae = Workspace.for_owner(pref.store, SABAE)
    assert [o.title for o in catalog.entries(sabae, JointProcurementOffer)] == ["電子申請システムの共同調達"]
    catalog.state_intent(sabae, offer.id, "considering", contract_end=date(2028, 3, 31))
    catalog.state_intent(
        sabae, offer.id, "join", budget_fy=2027
    )  # a second statement changes the same record
    fukui = Workspace.for_owner(pref.store, FUKUI)
    catalog.state_intent(fukui, offer.id, "decline", note="単独で更新済み")
    assert [(p.town_name, p.intent, p.budget_fy) for p in catalog.participation(pref, offer.id)] == [
        ("福井市", "decline", None),
        ("鯖江市", "join", 2027),
    ]
    assert catalog.intent_counts(pref) == {offer.id: {"decline": 1, "join": 1}}
    assert catalog.my_intent(sabae, offer.id).contract_end == date(2028, 3, 31)


def test_the_prefecture_cannot_state_a_towns_intent(pref):
    offer = catalog.create(pref, JointProcurementOffer, title="共同調達")
    with pytest.raises(ValidationError, match="各市町村が表明"):
        catalog.state_intent(pref, offer.id, "join")


def test_a_town_sees_the_response_to_its_need_when_it_arrives(pref):
    need = pref_needs.all_needs(pref, pref_needs.NeedsFilter(town=SABAE))[0]
    pref_needs.respond(pref, need.id, "matched", "登録人材Bを派遣します。", now=NOW)
    sabae = Workspace.for_owner(pref.store, SABAE)
    seen = town_needs.get(sabae, need.id)
    assert (seen.response_status, seen.response_text) == ("matched", "登録人材Bを派遣します。")
