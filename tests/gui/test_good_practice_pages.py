"""The prefecture's 好事例 form holds every field of the GIF 事例データモデル in four groups and saves each edit at
once; bad input is refused beside its field and changes nothing; a town reads the filled fields, grouped."""

from datetime import date

from desktop.models import GoodPractice, wareki
from desktop.models.case_items import item_lines
from desktop.models.field_table import FIELDS
from desktop.services import records
from desktop.services.prefecture import catalog
from desktop.services.workspace import Workspace
from desktop.views import fields as f
from desktop.views.good_practice_fields import GROUPS
from desktop.views.prefecture.good_practices import GoodPracticesPage
from desktop.views.prefecture_catalog import PrefectureCatalogPage
from tests.gif_case import FULL_CASE
from tests.prefecture.conftest import SABAE, settle
from tests.prefecture.conftest import pref as pref  # noqa: F401 - the prefecture's store, as a fixture

WAIT_MS = 5000


def shown(qtbot, page, loaded):
    qtbot.addWidget(page)
    page.resize(1280, 900)
    page.show()
    qtbot.waitUntil(lambda: loaded(page), timeout=WAIT_MS)
    return page


def enter(widget, value) -> None:
    """Type or pick `value` as a user would, then leave the field."""
    widget.setFocus()
    if isinstance(widget, f.ChoiceField):
        widget.setCurrentIndex(widget.findData(value))
    elif isinstance(widget, f.ListField):
        widget.setPlainText("\n".join(item_lines(value)))
        widget.commit_pending()
    elif isinstance(widget, f.TextField):
        widget.setPlainText(value)
        widget.commit_pending()
    else:
        widget.setText(wareki.wareki_date(value) if isinstance(value, date) else str(value))
        widget.editingFinished.emit()


def practice_form(qtbot, make_ctx, pref, **fields):  # noqa: F811
    case = catalog.create(pref, GoodPractice, **(fields or {"title": "新しい好事例"}))
    ctx = make_ctx(pref)
    page = shown(qtbot, GoodPracticesPage(ctx), lambda p: p.detail.form.record_id == case.id)
    return ctx, page.detail.form, case


def test_the_form_has_every_gif_field_once_with_the_label_of_the_field_table():
    rows = [(name, label) for _group, fields in GROUPS for name, label, _kind in fields]
    assert sorted(name for name, _ in rows) == sorted(FIELDS["good_practice"])
    assert all(label == FIELDS["good_practice"][name].label for name, label in rows)
    assert [group for group, _ in GROUPS] == ["基本情報", "取り組み", "成果と学び", "関連情報・連絡先"]


def test_every_field_typed_into_the_form_is_stored_and_shown_again(qtbot, make_ctx, pref):  # noqa: F811
    ctx, form, case = practice_form(qtbot, make_ctx, pref)
    for name, value in FULL_CASE.items():
        enter(form.widgets[name], value)
        qtbot.waitUntil(lambda name=name, value=value: getattr(records.get(pref, GoodPractice, case.id), name)
                        == value, timeout=WAIT_MS)  # fmt: skip
    stored = records.get(pref, GoodPractice, case.id)
    assert {key: getattr(stored, key) for key in FULL_CASE} == FULL_CASE

    form.show_record(None)
    form.show_record(stored)
    assert form.widgets["keywords"].toPlainText() == "窓口\n予約\n書かない窓口"
    assert form.widgets["images"].toPlainText() == "予約画面 | https://example.jp/yoyaku.png | CC BY 4.0"
    assert form.widgets["carried_out_year"].text() == "2025"
    assert form.widgets["priority_key"].value() == "front_yard"
    assert ctx.errors == []


def test_a_bad_year_or_web_address_is_refused_beside_its_field_and_changes_nothing(qtbot, make_ctx, pref):  # noqa: F811
    ctx, form, case = practice_form(qtbot, make_ctx, pref, **FULL_CASE)
    before = records.get(pref, GoodPractice, case.id).data()
    year, urls, media = form.widgets["carried_out_year"], form.widgets["related_urls"], form.widgets["videos"]

    enter(year, "25")
    enter(urls, ["www.example.jp/midori"])
    enter(media, "")  # cleared first, so the next text is a change
    media.setPlainText("動画 | https://example.jp/v | CC BY | 余分")
    media.commit_pending()

    qtbot.waitUntil(lambda: bool(year.problem() and urls.problem()), timeout=WAIT_MS)
    assert year.note.text() == "「事例実施年」は2,000〜2,100の西暦年（例: 2024）で入力してください。"
    assert "「関連URL」の「www.example.jp/midori」はURLではありません。" in urls.note.text()
    assert "タイトル | URL | ライセンス" in media.note.text()
    assert year.text() == "25" and urls.toPlainText() == "www.example.jp/midori"  # kept, to be corrected
    after = records.get(pref, GoodPractice, case.id).data()
    assert after.pop("videos") == [] and before.pop("videos")  # the one valid edit: the field cleared
    assert after == before
    assert ctx.errors == []


def test_a_town_reads_the_filled_fields_group_by_group_and_not_the_empty_ones(qtbot, make_ctx, pref):  # noqa: F811
    full = catalog.create(pref, GoodPractice, **FULL_CASE)
    catalog.create(pref, GoodPractice, title="書きかけの事例", published_on=date(2020, 1, 1))
    settle(pref.store)
    town = Workspace.for_owner(pref.store, SABAE)
    page = shown(qtbot, PrefectureCatalogPage(make_ctx(town)), lambda p: len(p.practices.entries) == 2)
    page.tabs.setCurrentWidget(page.practices)
    assert page.practices.current().id == full.id
    text = page.practices.text.text()
    for expected in ("窓口予約のオンライン化", "来庁前に手続きを確認できるしくみ", "基本情報", "取り組み", "成果と学び",
                     "関連情報・連絡先", "2025年", "窓口<br>予約", "挑戦したこと", "持続させる仕組み",
                     "<a href='https://example.jp/yoyaku.png'>予約画面</a>（CC BY 4.0）", "juumin@example.jp"):  # fmt: skip
        assert expected in text, expected

    page.practices.list.setCurrentRow(1)
    text = page.practices.text.text()
    assert "書きかけの事例" in text and "基本情報" in text and "公開日" in text
    for hidden in ("取り組み", "成果と学び", "関連情報・連絡先", "キーワード", "事例実施年"):
        assert hidden not in text, hidden
