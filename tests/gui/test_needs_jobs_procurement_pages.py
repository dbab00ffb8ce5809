"""支援ニーズ, 募集要項 and 調達仕様書 pages driven like a user would: autosave, refusals, templates, undo."""

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

from desktop.content.templates import CHAPTER_KEYS
from desktop.models import ProcurementParticipant, ProcurementSpec
from desktop.services import jobs, needs, procurement, records
from desktop.views.jobs import JobsPage
from desktop.views.main_window import MainWindow
from desktop.views.needs import NeedsPage
from desktop.views.procurement import ProcurementPage

WAIT_MS = 5000


def shown(qtbot, page, loaded=lambda page: True):
    """Show a page sized like the main window and wait for its first load."""
    qtbot.addWidget(page)
    page.resize(1280, 820)
    page.show()
    qtbot.waitUntil(lambda: loaded(page), timeout=WAIT_MS)
    return page


def type_into(qtbot, field, text: str) -> None:
    """Replace a line field's text and press Enter, as a user would."""
    field.setFocus()
    field.selectAll()
    qtbot.keyClicks(field, text)
    qtbot.keyClick(field, Qt.Key.Key_Return)


def choose(field, key) -> None:
    """Pick the option with this key in a ChoiceField."""
    field.setCurrentIndex(field.findData(key))


# --- 支援ニーズ -----------------------------------------------------------------------------------------------


def test_added_need_autosaves_its_category_and_days(qtbot, ctx, ws):
    page = shown(qtbot, NeedsPage(ctx))
    qtbot.mouseClick(page.list.add_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(
        lambda: len(page.list.items) == 1 and page.detail.form.record_id is not None, timeout=WAIT_MS
    )
    form = page.detail.form
    assert page.detail.status_label.text() == "作成中"

    choose(form.widgets["category"], "advisor")
    type_into(qtbot, form.widgets["days_per_month"], "6")

    def stored():
        [need] = needs.needs(ws)
        return need.category == "advisor" and need.days_per_month == 6

    qtbot.waitUntil(stored, timeout=WAIT_MS)
    assert ctx.errors == []


def test_forty_days_a_month_is_refused_beside_the_field_which_keeps_the_text(qtbot, ctx, ws):
    need = needs.create(ws, title="伴走支援", days_per_month=4)
    page = shown(qtbot, NeedsPage(ctx), lambda p: p.detail.form.record_id == need.id)
    days = page.detail.form.widgets["days_per_month"]

    type_into(qtbot, days, "40")

    qtbot.waitUntil(lambda: days.note.isVisible(), timeout=WAIT_MS)
    assert "月あたり日数" in days.note.text() and "0〜31" in days.note.text()
    assert days.text() == "40"  # what the user typed stays, to be corrected
    assert needs.get(ws, need.id).days_per_month == 4
    assert ctx.errors == []  # no message box

    type_into(qtbot, days, "8")
    qtbot.waitUntil(lambda: needs.get(ws, need.id).days_per_month == 8, timeout=WAIT_MS)
    qtbot.waitUntil(lambda: not days.note.isVisible(), timeout=WAIT_MS)


def test_incomplete_need_cannot_be_submitted(qtbot, ctx, ws):
    need = needs.create(ws, title="標準化の伴走支援")  # 人材派遣 without 目的・人材像・日数
    page = shown(qtbot, NeedsPage(ctx), lambda p: p.detail.form.record_id == need.id)
    asked: list[str] = []
    page.confirm = lambda title, question: asked.append(question) or True

    qtbot.mouseClick(page.detail.submit_button, Qt.MouseButton.LeftButton)

    qtbot.waitUntil(lambda: bool(ctx.errors), timeout=WAIT_MS)
    assert asked and "提出済みとして記録" in asked[0]
    assert "提出できません" in ctx.errors[0] and "目的" in ctx.errors[0]
    assert needs.get(ws, need.id).status == "draft"
    assert page.detail.status_label.text() == "作成中"


def test_complete_need_is_submitted_after_confirmation(qtbot, ctx, ws):
    need = needs.create(
        ws, title="PM派遣", purpose="標準化移行の進捗管理", skill_role="project_manager", days_per_month=4
    )
    page = shown(qtbot, NeedsPage(ctx), lambda p: p.detail.form.record_id == need.id)
    page.confirm = lambda title, question: False
    qtbot.mouseClick(page.detail.submit_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: ctx.ops.idle, timeout=WAIT_MS)
    assert needs.get(ws, need.id).status == "draft"  # 「いいえ」 changes nothing

    page.confirm = lambda title, question: True
    qtbot.mouseClick(page.detail.submit_button, Qt.MouseButton.LeftButton)

    qtbot.waitUntil(lambda: page.detail.status_label.text() == "提出済・送信待ち", timeout=WAIT_MS)
    assert needs.get(ws, need.id).status == "submitted"
    assert not page.detail.submit_button.isEnabled()
    assert "提出済" in page.list.list.item(0).text()
    assert page.detail.response_status.text() == "未回答"

    assert page.detail.withdraw_button.isVisible()
    qtbot.mouseClick(page.detail.withdraw_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: page.detail.status_label.text() == "作成中", timeout=WAIT_MS)
    assert needs.get(ws, need.id).status == "draft"
    assert page.detail.submit_button.isEnabled() and not page.detail.withdraw_button.isVisible()


def test_role_choice_offers_none_for_non_talent_needs(qtbot, ctx, ws):
    need = needs.create(ws, title="共同調達の相談", category="consultation", skill_role="engineer")
    page = shown(qtbot, NeedsPage(ctx), lambda p: p.detail.form.record_id == need.id)
    role = page.detail.form.widgets["skill_role"]
    assert role.itemText(0) == "（該当なし）"

    choose(role, "")

    qtbot.waitUntil(lambda: needs.get(ws, need.id).skill_role == "", timeout=WAIT_MS)
    assert ctx.errors == []


def test_export_opens_the_documents_page_with_the_need_chosen(qtbot, ctx, ws):
    need = needs.create(
        ws, title="DX推進リーダー研修の講師派遣", category="training", purpose="リーダーを育てる"
    )
    draft = needs.create(ws, title="まだ相談中のニーズ", category="consultation")
    needs.submit(ws, need.id)
    window = MainWindow(ctx, "鯖江市")
    qtbot.addWidget(window)
    window.show()
    page = window.show_page("needs")
    qtbot.waitUntil(lambda: page.detail.form.record_id == need.id, timeout=WAIT_MS)

    qtbot.mouseClick(page.detail.export_button, Qt.MouseButton.LeftButton)

    documents_page = window.pages["documents"]
    assert window.stack.currentWidget() is documents_page
    assert documents_page.current_key() == "needs" and documents_page.current_format() == "pdf"
    qtbot.waitUntil(lambda: documents_page.record_box.currentData() == need.id, timeout=WAIT_MS)
    assert documents_page.record_box.currentText() == need.title

    page.detail.show_record(needs.get(ws, draft.id))
    assert not page.detail.export_button.isEnabled()  # a draft is not sent to the prefecture


# --- 募集要項 -------------------------------------------------------------------------------------------------


def test_job_description_from_a_skill_standard_template(qtbot, ctx, ws):
    page = shown(qtbot, JobsPage(ctx))
    page.choose_template = lambda: "engineer"

    qtbot.mouseClick(page.template_button, Qt.MouseButton.LeftButton)

    qtbot.waitUntil(lambda: page.detail.form.record_id is not None, timeout=WAIT_MS)
    [job] = jobs.jobs(ws)
    assert job.skill_role == "engineer"
    assert page.detail.form.widgets["title"].text() == job.title
    assert "鯖江市" in page.detail.form.widgets["duties"].toPlainText() + job.work_place
    assert ctx.errors == []


# --- 調達仕様書 -----------------------------------------------------------------------------------------------


@pytest.fixture
def joint_page(qtbot, ctx, ws):
    """The procurement page with a spec just made from the 共同調達 template."""
    page = shown(qtbot, ProcurementPage(ctx))
    page.create_from_template("joint", "住民向けオンライン申請 共同調達")
    qtbot.waitUntil(lambda: page.detail.spec is not None, timeout=WAIT_MS)
    return page


def test_joint_template_spec_shows_participants_and_edits_one_chapter(qtbot, ctx, ws, joint_page):
    page = joint_page
    spec = page.detail.spec
    assert spec.mode == "joint" and spec.title == "住民向けオンライン申請 共同調達"
    assert page.detail.tabs.isTabVisible(page.detail.participants_index)
    before = procurement.get(ws, spec.id).chapters
    chapter = page.detail.chapters.field("a")
    assert chapter.toPlainText() == before["a"]

    text = "（1）調達件名\n住民向けオンライン申請システムの共同調達"
    chapter.setPlainText(text)
    chapter.commit_pending()

    qtbot.waitUntil(lambda: procurement.get(ws, spec.id).chapters["a"] == text, timeout=WAIT_MS)
    after = procurement.get(ws, spec.id).chapters
    assert {k: after[k] for k in CHAPTER_KEYS if k != "a"} == {k: before[k] for k in CHAPTER_KEYS if k != "a"}
    assert ctx.errors == []


def test_participant_with_a_wrong_code_is_refused(qtbot, ctx, ws, joint_page):
    tab = joint_page.detail.participants
    spec_id = joint_page.detail.spec.id
    qtbot.waitUntil(lambda: len(tab.rows) == 1, timeout=WAIT_MS)  # the municipality itself

    tab.code_edit.setText("182011")  # 福井市 is 182010
    assert "検査数字が一致しません" in tab.code_status.text()
    tab.name_edit.setText("福井市")
    qtbot.mouseClick(tab.add_button, Qt.MouseButton.LeftButton)
    assert "検査数字が一致しません" in tab.code_status.text()  # said beside the code, no message box
    assert tab.code_edit.hasFocus() and tab.code_edit.text() == "182011"
    assert ctx.errors == []
    assert len(procurement.participants(ws, spec_id)) == 1

    tab.code_edit.setText("182010")
    tab.population_edit.setText("255000")
    qtbot.mouseClick(tab.add_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: len(tab.rows) == 2, timeout=WAIT_MS)
    assert [p.code for p in procurement.participants(ws, spec_id)] == ["182010", "182079"]
    assert tab.code_edit.text() == ""


def test_shares_are_recomputed_to_one_hundred_percent(qtbot, ctx, ws, joint_page):
    tab = joint_page.detail.participants
    spec_id = joint_page.detail.spec.id
    procurement.add_participant(ws, spec_id, "182010", "福井市", 255000)
    mine = next(p for p in procurement.participants(ws, spec_id) if p.code == "182079")
    records.update(ws, ProcurementParticipant, mine.id, population=67000)
    tab.reload()
    qtbot.waitUntil(lambda: len(tab.rows) == 2, timeout=WAIT_MS)

    qtbot.mouseClick(tab.recompute_button, Qt.MouseButton.LeftButton)

    qtbot.waitUntil(lambda: "100.00%" in tab.total_label.text(), timeout=WAIT_MS)
    shares = [p.share_percent for p in procurement.participants(ws, spec_id)]
    assert sum(shares) == pytest.approx(100.0)
    assert ctx.errors == []


def test_a_participant_is_removed_with_undo(qtbot, ctx, ws, joint_page):
    tab = joint_page.detail.participants
    spec_id = joint_page.detail.spec.id
    procurement.add_participant(ws, spec_id, "182010", "福井市", 255000)
    tab.reload()
    qtbot.waitUntil(lambda: len(tab.rows) == 2, timeout=WAIT_MS)
    undo_texts: list[str] = []
    ctx.notices.undo_offered.connect(lambda text, _undo: undo_texts.append(text))
    tab.table.setCurrentCell(next(i for i, p in enumerate(tab.rows) if p.code == "182010"), 0)

    qtbot.mouseClick(tab.delete_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: len(tab.rows) == 1 and bool(undo_texts), timeout=WAIT_MS)
    assert undo_texts == ["参加団体「福井市」を削除しました。"]
    assert [p.code for p in procurement.participants(ws, spec_id)] == ["182079"]

    ctx.undo[-1]()
    qtbot.waitUntil(lambda: len(tab.rows) == 2, timeout=WAIT_MS)
    assert ctx.errors == []


def test_requirement_rows_are_added_and_deleted_with_undo(qtbot, ctx, ws, joint_page):
    tab = joint_page.detail.requirements
    spec_id = joint_page.detail.spec.id
    qtbot.waitUntil(lambda: bool(tab.rows), timeout=WAIT_MS)
    count = len(tab.rows)

    qtbot.mouseClick(tab.add_non_functional, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(
        lambda: len(tab.rows) == count + 1 and tab.form.record_id == tab.current().id, timeout=WAIT_MS
    )
    added = tab.current()
    assert added.req_kind == "non_functional"
    tab.form.widgets["text"].setPlainText("障害時は4時間以内に復旧すること。")
    tab.form.commit_pending()
    qtbot.waitUntil(
        lambda: any(r.text.startswith("障害時") for r in procurement.requirements(ws, spec_id)),
        timeout=WAIT_MS,
    )

    qtbot.mouseClick(tab.delete_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: len(tab.rows) == count and bool(ctx.undo), timeout=WAIT_MS)
    assert len(procurement.requirements(ws, spec_id)) == count

    ctx.undo[-1]()
    qtbot.waitUntil(lambda: len(tab.rows) == count + 1, timeout=WAIT_MS)
    assert any(r.text.startswith("障害時") for r in procurement.requirements(ws, spec_id))


def test_typing_goes_to_a_new_requirement_only_once_its_form_shows_it(qtbot, ctx, ws, joint_page):
    tab = joint_page.detail.requirements
    qtbot.waitUntil(lambda: tab.form.record_id is not None, timeout=WAIT_MS)  # the first row is in the form
    text = tab.form.widgets["text"]
    focused_on: list[str | None] = []  # the record in the form each time the 要件 field gets the typing focus
    tab.window().activateWindow()
    qtbot.waitUntil(lambda: tab.window().isActiveWindow(), timeout=WAIT_MS)
    watch = lambda old, new: focused_on.append(tab.form.record_id) if new is text else None  # noqa: E731
    QApplication.instance().focusChanged.connect(watch)
    try:
        qtbot.mouseClick(tab.add_functional, Qt.MouseButton.LeftButton)
        qtbot.waitUntil(lambda: bool(focused_on) and tab.form.record_id == tab.current().id, timeout=WAIT_MS)
    finally:
        QApplication.instance().focusChanged.disconnect(watch)
    assert focused_on == [tab.current().id]
    assert text.textCursor().selectedText() == "（要件を入力してください）"  # typing replaces the prompt


def test_single_spec_has_no_participants_tab(qtbot, ctx, ws):
    page = shown(qtbot, ProcurementPage(ctx))
    page.create_from_template("saas", "電子申請サービス導入")
    qtbot.waitUntil(lambda: page.detail.spec is not None, timeout=WAIT_MS)
    assert page.detail.spec.mode == "single"
    assert not page.detail.tabs.isTabVisible(page.detail.participants_index)
    [spec] = records.find(ws, ProcurementSpec)
    assert spec.template_key == "saas"
