"""First-run registration of the municipality: validated 団体コード, derived prefecture, only once."""

import pytest
from sqlalchemy import func, select

from desktop.models import AuditEntry, Municipality
from desktop.models.errors import DomainError, ValidationError
from desktop.models.municipal_code import check_digit
from desktop.services.municipality import (
    get_municipality,
    has_municipality,
    init_municipality,
    update_municipality,
)
from desktop.services.workspace import Workspace

FUKUI_PREFECTURE = "18000" + str(check_digit("18000"))


def count(store, model) -> int:
    with store.read() as s:
        return s.scalar(select(func.count()).select_from(model))


def test_registration_stores_the_code_name_and_derived_prefecture(store):
    assert not has_municipality(store)
    muni = init_municipality(store, "１８２０７９", " 鯖江市 ", contact_person="情報 太郎", population=68000)
    assert (muni.code, muni.name, muni.prefecture) == ("182079", "鯖江市", "福井県")
    assert muni.owner_code == "182079" and muni.dirty and muni.version == 0 and not muni.is_demo
    assert muni.contact_person == "情報 太郎" and muni.population == 68000
    assert has_municipality(store)
    assert count(store, AuditEntry) == 1


def test_a_wrong_check_digit_is_refused_with_the_correct_one_and_nothing_is_stored(store):
    with pytest.raises(ValidationError, match="検査数字が一致しません（正しくは 182079）"):
        init_municipality(store, "182078", "鯖江市")
    assert not has_municipality(store)


def test_a_prefecture_code_registers_the_prefecture_itself(store):
    pref = init_municipality(store, FUKUI_PREFECTURE, "福井県")
    assert (pref.code, pref.prefecture) == (FUKUI_PREFECTURE, "福井県")
    assert Workspace(store).is_prefecture


@pytest.mark.parametrize(("name", "message"), [("  ", "団体名を入力"), ("名" * 101, "100文字以内")])
def test_a_missing_or_overlong_name_is_refused(store, name, message):
    with pytest.raises(ValidationError, match=message):
        init_municipality(store, "182079", name)


def test_bad_contact_details_are_refused_and_nothing_is_stored(store):
    with pytest.raises(ValidationError, match="人口"):
        init_municipality(store, "182079", "鯖江市", population=-1)
    with pytest.raises(ValidationError, match="項目「mynumber」"):
        init_municipality(store, "182079", "鯖江市", mynumber="123")
    assert count(store, Municipality) == 0


def test_a_store_can_be_registered_only_once(store):
    init_municipality(store, "182079", "鯖江市")
    with pytest.raises(DomainError, match="既に団体（182079 鯖江市）が登録されています"):
        init_municipality(store, "131041", "新宿区")
    assert count(store, Municipality) == 1


def test_a_demo_municipality_is_marked_as_such(store):
    assert init_municipality(store, "182079", "鯖江市", is_demo=True, actor="demo").is_demo


def test_details_are_edited_through_records_and_marked_for_sync(ws):
    muni = update_municipality(ws, department="総務部 DX推進課", contact_email="dx@example.lg.jp")
    assert muni.department == "総務部 DX推進課" and muni.updated_by == "テスト担当"
    assert get_municipality(ws).contact_email == "dx@example.lg.jp"


def test_the_code_and_prefecture_cannot_be_changed_after_registration(ws):
    for field in ("code", "prefecture"):
        with pytest.raises(ValidationError, match="変更できません"):
            update_municipality(ws, **{field: "131041"})
    with pytest.raises(ValidationError, match="団体名を入力"):
        update_municipality(ws, name="")
    assert get_municipality(ws).code == "182079"


def test_a_fresh_workspace_finds_the_registered_municipality(store):
    init_municipality(store, "182079", "鯖江市")
    assert Workspace(store).owner_code == "182079"


@pytest.mark.parametrize(("name", "title"), [("鯖江市", "市長"), ("池田町", "町長"), ("新宿区", "区長")])
def test_registration_gives_the_head_title_the_name_implies(store, name, title):
    assert init_municipality(store, "182079", name).head_title == title


def test_the_head_title_is_one_of_the_four(ws):
    assert update_municipality(ws, head_title="町長").head_title == "町長"
    with pytest.raises(ValidationError, match="首長の職名.*選択肢にありません") as refused:
        update_municipality(ws, head_title="知事")
    assert refused.value.field == "head_title"
    assert get_municipality(ws).head_title == "町長"


@pytest.mark.parametrize(
    ("field", "value", "expected"),
    [
        ("contact_email", "dx@city", "dx@city.example.lg.jp"),
        ("contact_email", "山田@city.lg.jp", "半角英数字"),
        ("contact_phone", "53-2200", "市外局番"),
        ("contact_phone", "0778-53-2200-9999", "市外局番"),
    ],
)
def test_a_malformed_email_or_phone_is_refused_with_an_example_and_nothing_is_stored(
    ws, field, value, expected
):
    with pytest.raises(ValidationError, match=expected) as refused:
        update_municipality(ws, **{field: value})
    assert refused.value.field == field
    assert getattr(get_municipality(ws), field) == ""


@pytest.mark.parametrize(
    ("field", "typed", "stored"),
    [
        ("contact_phone", "0778-53-2200（内線215）", "0778-53-2200（内線215）"),
        ("contact_phone", "090-1234-5678", "090-1234-5678"),
        ("contact_email", "ｄｘ＠city.sabae.lg.jp", "dx@city.sabae.lg.jp"),  # 全角 typed by an IME
    ],
)
def test_usual_japanese_numbers_and_addresses_are_accepted(ws, field, typed, stored):
    assert getattr(update_municipality(ws, **{field: typed}), field) == stored


def test_whether_it_is_the_demo_cannot_be_edited(ws):
    with pytest.raises(ValidationError):
        update_municipality(ws, is_demo=True)
    assert not get_municipality(ws).is_demo
