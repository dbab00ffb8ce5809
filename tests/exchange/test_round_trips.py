"""Packages between a town and its prefecture: what arrives, what is left alone, and what is never rolled back."""

import pytest
from sqlalchemy import func, select

from desktop.exchange.archive import PackageRefused
from desktop.models import (
    Announcement,
    Conflict,
    GoodPractice,
    NeedsRequest,
    PackageOrigin,
    PackageReceipt,
    PinnedKey,
    TownContact,
)
from desktop.services import needs, package_keys, packages
from desktop.services.municipality import init_municipality
from desktop.services.prefecture import catalog as catalog_service
from desktop.services.workspace import Workspace
from tests.exchange.conftest import PREF_CODE, TOWN_CODE, TOWN_NAME, dump, fingerprint_of
from tests.gif_case import FULL_CASE


def needs_of(ws: Workspace, owner: str) -> dict[str, NeedsRequest]:
    with ws.store.read() as s:
        rows = s.scalars(select(NeedsRequest).where(NeedsRequest.owner_code == owner))
        return {r.title: r for r in rows}


def test_a_needs_package_brings_the_towns_needs_to_the_prefecture(town, prefecture, export):
    path, manifest = export(town, "needs")
    assert manifest.sender_code == TOWN_CODE and manifest.kind == "needs" and manifest.sequence == 1

    opened = packages.open_for_import(prefecture, path)
    assert opened.key_status == "new"
    assert opened.preview.counts["added"] == len(opened.package.changes) > 2
    applied = packages.apply_package(prefecture, path, approve_key=fingerprint_of(town))

    assert applied.backup is not None and applied.backup.exists()
    arrived = needs_of(prefecture, TOWN_CODE)
    assert set(arrived) == {"CIO補佐官の派遣", "庁内研修の講師"}
    assert arrived["CIO補佐官の派遣"].skill_role == "producer"
    assert arrived["CIO補佐官の派遣"].purpose == "計画づくり"
    assert not arrived["CIO補佐官の派遣"].dirty  # the town wrote it; the prefecture has nothing to send
    with prefecture.store.read() as s:
        contact = s.get(TownContact, TOWN_CODE)
    assert (contact.channel, contact.detail) == ("package", "支援ニーズ #1")  # 市町村一覧's 最終連絡


def test_importing_the_same_package_twice_changes_nothing(town, prefecture, export):
    path, _ = export(town)
    packages.apply_package(prefecture, path, approve_key=fingerprint_of(town))
    before = dump(prefecture)

    again = packages.apply_package(prefecture, path)

    assert again.opened.preview.already_imported
    assert dump(prefecture) == before


def test_an_edit_at_the_town_arrives_as_a_change_and_the_rest_is_left_alone(town, prefecture, export):
    first, _ = export(town)
    packages.apply_package(prefecture, first, approve_key=fingerprint_of(town))
    need = needs_of(town, TOWN_CODE)["CIO補佐官の派遣"]
    needs.update(town, need.id, purpose="推進計画の策定支援")
    second, manifest = export(town)
    assert manifest.sequence == 2

    preview = packages.open_for_import(prefecture, second).preview
    assert preview.counts["changed"] == 1 and preview.counts["added"] == 0
    assert preview.counts["unchanged"] == len(preview.decisions) - 1
    packages.apply_package(prefecture, second)  # the key is pinned now: no approval asked

    assert needs_of(prefecture, TOWN_CODE)["CIO補佐官の派遣"].purpose == "推進計画の策定支援"


def test_an_older_package_after_a_newer_one_rolls_nothing_back(town, prefecture, export):
    old, _ = export(town)
    need = needs_of(town, TOWN_CODE)["CIO補佐官の派遣"]
    needs.update(town, need.id, purpose="新しい目的")
    newer, _ = export(town)
    packages.apply_package(prefecture, newer, approve_key=fingerprint_of(town))

    preview = packages.open_for_import(prefecture, old).preview
    assert preview.counts["older"] == len(preview.decisions) and preview.counts["changed"] == 0
    packages.apply_package(prefecture, old)

    assert needs_of(prefecture, TOWN_CODE)["CIO補佐官の派遣"].purpose == "新しい目的"
    with prefecture.store.read() as s:
        assert len(list(s.scalars(select(PackageReceipt)))) == 2


def test_a_deleted_need_is_deleted_at_the_prefecture_too(town, prefecture, export):
    first, _ = export(town)
    packages.apply_package(prefecture, first, approve_key=fingerprint_of(town))
    needs.delete(town, needs_of(town, TOWN_CODE)["庁内研修の講師"].id)
    second, _ = export(town)

    packages.apply_package(prefecture, second)

    assert needs_of(prefecture, TOWN_CODE)["庁内研修の講師"].deleted


def test_the_prefectures_answer_comes_back_in_a_catalog_package_and_leaves_the_towns_fields(
    town, prefecture, export
):
    first, _ = export(town)
    packages.apply_package(prefecture, first, approve_key=fingerprint_of(town))
    with prefecture.store.write() as s:  # the prefecture's response screen is not there yet: set the fields
        need = s.scalar(select(NeedsRequest).where(NeedsRequest.title == "CIO補佐官の派遣"))
        need.response_status, need.response_text = "matched", "県のCIO補佐官を月2日派遣します。"
        need.title = "県側で書き換えた件名"  # a field the prefecture does not own: must not travel
    catalog, manifest = export(prefecture, "catalog", to=TOWN_CODE)
    assert manifest.recipient_code == TOWN_CODE

    packages.apply_package(town, catalog, approve_key=fingerprint_of(prefecture))

    answered = needs_of(town, TOWN_CODE)
    assert answered["CIO補佐官の派遣"].response_status == "matched"
    assert answered["CIO補佐官の派遣"].response_text == "県のCIO補佐官を月2日派遣します。"
    assert "県側で書き換えた件名" not in answered


def test_the_preview_names_an_answered_need_by_the_towns_own_title(town, prefecture, export):
    first, _ = export(town)
    packages.apply_package(prefecture, first, approve_key=fingerprint_of(town))
    with prefecture.store.write() as s:
        need = s.scalar(select(NeedsRequest).where(NeedsRequest.title == "CIO補佐官の派遣"))
        need.response_status, need.response_text = "matched", "県のCIO補佐官を月2日派遣します。"
    catalog, _ = export(prefecture, "catalog", to=TOWN_CODE)

    preview = packages.open_for_import(town, catalog).preview

    # The package carries only the prefecture's answer; the name comes from the town's copy of the need.
    answered = [d.name for d in preview.decisions if d.kind == "needs_request" and d.outcome == "changed"]
    assert answered == ["CIO補佐官の派遣"]


def test_a_catalog_package_for_another_town_is_refused(town, prefecture, export):
    catalog, _ = export(prefecture, "catalog", to="182010")  # 福井市
    before = dump(town)

    with pytest.raises(PackageRefused, match="別の団体（182010）あて"):
        packages.apply_package(town, catalog, approve_key=fingerprint_of(prefecture))
    assert dump(town) == before


def test_a_second_pc_of_the_town_joins_by_importing_a_full_package(town, tmp_path, export, open_store):
    path, _ = export(town, "full")
    with open_store(tmp_path / "second-pc", auto_backup=False) as store:
        second = Workspace(store)
        packages.apply_package(second, path, approve_key=fingerprint_of(town))
        assert second.owner_code == TOWN_CODE
        assert set(needs_of(second, TOWN_CODE)) == {"CIO補佐官の派遣", "庁内研修の講師"}


def test_an_edit_on_both_pcs_is_a_conflict_and_this_pcs_value_is_kept(town, tmp_path, export, open_store):
    path, _ = export(town, "full")
    with open_store(tmp_path / "second-pc", auto_backup=False) as store:
        second = Workspace(store)
        packages.apply_package(second, path, approve_key=fingerprint_of(town))
        need_id = needs_of(town, TOWN_CODE)["CIO補佐官の派遣"].id
        needs.update(town, need_id, purpose="1台目の目的", detail="1台目の詳細")
        needs.update(second, need_id, purpose="2台目の目的")
        newer, _ = export(town, "full")

        preview = packages.open_for_import(second, newer).preview
        (conflict,) = [d for d in preview.decisions if d.outcome == "conflict"]
        assert conflict.conflicts == ("purpose",)
        packages.apply_package(second, newer)

        kept = needs_of(second, TOWN_CODE)["CIO補佐官の派遣"]
        assert kept.purpose == "2台目の目的" and kept.detail == "1台目の詳細"
        with store.read() as s:  # kept for a person to resolve, like a sync conflict
            (conflict,) = s.scalars(select(Conflict))
        assert (conflict.field, conflict.mine, conflict.theirs) == ("purpose", "2台目の目的", "1台目の目的")


def test_a_new_key_needs_its_own_fingerprint_to_be_approved(town, prefecture, export):
    path, _ = export(town)
    before = dump(prefecture)

    with pytest.raises(PackageRefused, match="まだ承認されていません"):
        packages.apply_package(prefecture, path)
    with pytest.raises(PackageRefused, match="一致しません"):
        packages.apply_package(prefecture, path, approve_key="ab" * 32)
    assert dump(prefecture) == before

    packages.apply_package(prefecture, path, approve_key=" ".join(fingerprint_of(town).upper()))
    with prefecture.store.read() as s:
        (pin,) = s.scalars(select(PinnedKey))
    assert (pin.owner_code, pin.fingerprint, pin.source) == (TOWN_CODE, fingerprint_of(town), "approved")


def test_a_key_registered_through_the_hub_is_trusted_without_asking(town, prefecture, export):
    path, _ = export(town)
    key = package_keys.device_key(town)
    package_keys.register_hub_key(prefecture, TOWN_CODE, key.public_key, "鯖江市")

    assert packages.open_for_import(prefecture, path).key_status == "pinned"
    packages.apply_package(prefecture, path)
    assert "CIO補佐官の派遣" in needs_of(prefecture, TOWN_CODE)


def test_the_prefecture_cannot_import_its_own_catalog_for_a_town(prefecture, export):
    path, _ = export(prefecture, "catalog", to=TOWN_CODE)
    with pytest.raises(PackageRefused, match="別の団体"):
        packages.open_for_import(prefecture, path)


def test_the_device_key_is_made_once_and_readable_only_by_its_owner(town):
    first = package_keys.device_fingerprint(town)
    assert package_keys.device_fingerprint(town) == first and len(first.replace(" ", "")) == 64
    key_file = town.store.data_dir / "keys" / "device_ed25519.pem"
    assert key_file.stat().st_mode & 0o077 == 0


def test_the_prefecture_code_is_its_own_and_not_the_first_town_imported(town, prefecture, export):
    path, _ = export(town)
    packages.apply_package(prefecture, path, approve_key=fingerprint_of(town))
    assert Workspace(prefecture.store).owner_code == PREF_CODE


def test_a_catalog_package_brings_every_field_of_a_good_practice_to_the_town(town, prefecture, export):
    case = catalog_service.create(prefecture, GoodPractice, **FULL_CASE)
    path, _ = export(prefecture, "catalog", to=TOWN_CODE)

    packages.apply_package(town, path, approve_key=fingerprint_of(prefecture))

    [arrived] = catalog_service.entries(town, GoodPractice)
    assert arrived.id == case.id and arrived.owner_code == PREF_CODE
    assert {key: getattr(arrived, key) for key in FULL_CASE} == FULL_CASE


def test_an_answer_to_a_need_this_pc_does_not_have_is_left_out_and_the_rest_is_taken(
    town, prefecture, export, tmp_path, open_store
):
    first, _ = export(town)
    packages.apply_package(prefecture, first, approve_key=fingerprint_of(town))
    with prefecture.store.write() as s:
        need = s.scalar(select(NeedsRequest).where(NeedsRequest.title == "CIO補佐官の派遣"))
        need.response_status, need.response_text = "matched", "県のCIO補佐官を月2日派遣します。"
    catalog_service.create(prefecture, Announcement, title="推進会議の開催", body="12月に開きます。")
    catalog, _ = export(prefecture, "catalog", to=TOWN_CODE)
    # The town's second PC: set up, but the town's needs have not reached it yet.
    store = open_store(tmp_path / "second", auto_backup=False)
    init_municipality(store, TOWN_CODE, TOWN_NAME)
    second = Workspace(store, actor="町の担当（2台目）")

    preview = packages.open_for_import(second, catalog).preview
    # The catalog carries the prefecture's fields of both of the town's needs; this PC has neither.
    assert preview.counts["absent"] == 2 and preview.counts["added"] >= 1
    assert "この端末にない記録 2件" in preview.describe()
    packages.apply_package(second, catalog, approve_key=fingerprint_of(prefecture))

    assert needs_of(second, TOWN_CODE) == {}  # no need made of an answer alone
    with second.store.read() as s:
        assert (
            s.scalar(
                select(func.count()).select_from(PackageOrigin).where(PackageOrigin.kind == "needs_request")
            )
            == 0
        )
    with second.store.read() as s:
        assert [a.title for a in s.scalars(select(Announcement))] == ["推進会議の開催"]
