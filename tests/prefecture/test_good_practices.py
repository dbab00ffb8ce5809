"""好事例 carry the fields of the GIF 事例データモデル: stored as given, checked like every field, listed in XLSX."""

from datetime import date

import pytest
from openpyxl import load_workbook

from desktop.models import GoodPractice
from desktop.models.errors import DomainError, ValidationError
from desktop.models.field_table import FIELDS
from desktop.services import records
from desktop.services.prefecture import catalog, reports
from desktop.services.workspace import Workspace
from tests.gif_case import FULL_CASE
from tests.prefecture.conftest import SABAE, settle


def test_every_field_of_the_gif_case_model_is_stored_as_given(pref):
    case = catalog.create(pref, GoodPractice, **FULL_CASE)
    stored = records.get(pref, GoodPractice, case.id)
    assert {key: getattr(stored, key) for key in FULL_CASE} == FULL_CASE
    assert set(FULL_CASE) == set(FIELDS["good_practice"])  # the example leaves no field out


def test_list_items_are_trimmed_and_empty_ones_dropped(pref):
    case = catalog.create(pref, GoodPractice, title="t")
    stored = catalog.update(
        pref, GoodPractice, case.id, keywords=[" 窓口 ", "", "予約"],
        images=[{"title": "", "url": "", "license": ""}, {"url": "https://example.jp/a.png"}],
    )  # fmt: skip
    assert stored.keywords == ["窓口", "予約"]
    assert stored.images == [{"title": "", "url": "https://example.jp/a.png", "license": ""}]


@pytest.mark.parametrize(
    ("fields", "message"),
    [
        (
            {"carried_out_year": "令和7年"},
            "「事例実施年」は2,000〜2,100の西暦年（例: 2024）で入力してください。",
        ),
        ({"carried_out_year": 25}, "「事例実施年」は2,000〜2,100の西暦年（例: 2024）で入力してください。"),
        ({"related_urls": ["www.example.jp"]}, "「関連URL」の「www.example.jp」はURLではありません。"),
        ({"related_urls": ["javascript:alert(1)"]}, "http:// または https:// で始まるURL"),
        ({"contact_url": "ftp://example.jp"}, "「連絡先URL」の「ftp://example.jp」はURLではありません。"),
        ({"images": [{"title": "写真", "url": "", "license": ""}]}, "「イメージ」にはURLを入力してください"),
        (
            {"videos": [{"title": "動画", "url": "file:///C:/movie.mp4"}]},
            "「ビデオ」の「file:///C:/movie.mp4」はURLでは",
        ),
        ({"images": [{"title": "写真", "file": "a.png"}]}, "「イメージ」の値"),
        ({"keywords": "窓口"}, "「キーワード」の値「str」は正しい形式ではありません。"),
        ({"keywords": ["窓口\n予約"]}, "「キーワード」は改行やタブを含めず"),
        ({"keywords": ["あ" * 51]}, "「キーワード」の1件は50文字以内"),
        ({"keywords": [f"語{i}" for i in range(31)]}, "「キーワード」は30件までです（いま31件あります）。"),
    ],
)
def test_bad_input_is_refused_in_japanese_and_changes_nothing(pref, fields, message):
    case = catalog.create(pref, GoodPractice, **FULL_CASE)
    before = records.get(pref, GoodPractice, case.id).data()
    with pytest.raises(ValidationError) as refused:
        catalog.update(pref, GoodPractice, case.id, **fields)
    assert message in str(refused.value)
    assert records.get(pref, GoodPractice, case.id).data() == before


def test_a_town_cannot_write_a_good_practice(pref):
    case = catalog.create(pref, GoodPractice, **FULL_CASE)
    settle(pref.store)
    town = Workspace.for_owner(pref.store, SABAE)
    with pytest.raises(DomainError):
        catalog.update(town, GoodPractice, case.id, keywords=["書き換え"])
    assert records.get(pref, GoodPractice, case.id).keywords == FULL_CASE["keywords"]


def test_the_workbook_lists_every_gif_field_then_id_and_last_update(pref, tmp_path):
    case = catalog.create(pref, GoodPractice, **FULL_CASE)
    result = reports.build_report(pref, "good_practices", tmp_path / "gp.xlsx", today=date(2026, 11, 30))
    rows = [[c.value for c in row] for row in load_workbook(result.path).worksheets[0].iter_rows()]
    head, row = rows[0], dict(zip(rows[0], rows[1], strict=True))
    assert head == [rule.label for rule in FIELDS["good_practice"].values()] + ["ID", "最終更新日"]
    assert head[:4] == ["タイトル", "サブタイトル", "事例実施年", "事例の場所"]
    assert row["事例実施年"] == 2025 and row["ID"] == case.id
    assert row["テーマ（重点取組事項）"] and row["テーマ（重点取組事項）"] != "front_yard"
    assert row["キーワード"] == "窓口\n予約\n書かない窓口"
    assert row["イメージ"] == "予約画面 | https://example.jp/yoyaku.png | CC BY 4.0"
    assert row["ビデオ"] == "使い方の説明 | https://example.jp/video"
    assert row["連絡先URL"] == "https://example.jp/midori"
    assert row["最終更新日"] is not None
