"""The four step pages: checklist, plan with 重点取組事項 and KPIs, activity log with undo, PDCA reviews."""

from datetime import date

from PySide6.QtCore import QEvent, Qt
from PySide6.QtGui import QHelpEvent
from PySide6.QtWidgets import QApplication, QLabel, QToolTip

from desktop.content import load_catalog
from desktop.models import AwarenessActivity, Initiative, Kpi, KpiValue, PlanPriorityYear
from desktop.services import initiatives, plan, records, steps
from desktop.views.steps.step0_awareness import Step0Page
from desktop.views.steps.step1_policy import Step1Page
from desktop.views.steps.step3_execution import Step3Page

WAIT_MS = 5000


def shown(qtbot, page):
    """Show a page and wait until its first load has finished."""
    qtbot.addWidget(page)
    page.resize(1280, 820)
    page.show()
    qtbot.waitUntil(lambda: bool(page.checklist.items), timeout=WAIT_MS)
    return page


def test_pressing_3_on_a_checkpoint_marks_it_done_and_updates_progress(qtbot, ctx, ws):
    page = shown(qtbot, Step0Page(ctx))
    view = page.checklist
    first = view.items[0].checkpoint
    total = len(view.items)
    assert view.progress_label.text() == f"完了 0 / {total} 項目"

    view.tree.setFocus()
    view.tree.setCurrentItem(view.tree.topLevelItem(0))
    qtbot.keyClick(view.tree, Qt.Key.Key_3)

    qtbot.waitUntil(lambda: view.items[0].status == "done", timeout=WAIT_MS)
    stored = next(i for i in steps.checklist(ws, 0) if i.checkpoint.key == first.key)
    assert stored.status == "done"
    assert stored.done_on == ws.today()  # marking done without a date records today
    assert view.progress_label.text() == f"完了 1 / {total} 項目"
    assert "完了" in view.tree.topLevelItem(0).text(1)


def test_not_applicable_checkpoints_leave_the_count(qtbot, ctx, ws):
    page = shown(qtbot, Step0Page(ctx))
    view = page.checklist
    total = len(view.items)
    view.set_status(view.items[1].checkpoint.key, "na")
    qtbot.waitUntil(lambda: view.items[1].status == "na", timeout=WAIT_MS)
    assert view.progress_label.text() == f"完了 0 / {total - 1} 項目（対象外 1）"


def test_checkpoint_detail_explains_it_and_saves_the_assignee(qtbot, ctx, ws):
    page = shown(qtbot, Step0Page(ctx))
    view = page.checklist
    item = view.items[0]
    assert view.why.text() == item.checkpoint.why
    assert view.done_when.text() == item.checkpoint.done_when

    view.assignee.setText("企画課 山田")
    view.assignee.editingFinished.emit()

    qtbot.waitUntil(lambda: steps.checklist(ws, 0)[0].assignee == "企画課 山田", timeout=WAIT_MS)


def test_the_source_shown_is_a_primary_document_or_nothing(qtbot, ctx, ws):
    """出典 names the official document, version and section; research notes and blogs stay off screen."""
    page = shown(qtbot, Step0Page(ctx))
    view = page.checklist
    cited = next(i for i, item in enumerate(view.items) if item.checkpoint.citations)
    uncited = next(i for i, item in enumerate(view.items) if not item.checkpoint.citations)

    view.tree.setCurrentItem(view.tree.topLevelItem(cited))
    checkpoint = view.items[cited].checkpoint
    assert view.source.text() == "\n".join(checkpoint.citations)
    assert view.source.isVisibleTo(page) and view.source_caption.isVisibleTo(page)
    assert "http" not in view.source.text() and checkpoint.source not in view.source.text()

    view.tree.setCurrentItem(view.tree.topLevelItem(uncited))
    assert not view.source.isVisibleTo(page) and not view.source_caption.isVisibleTo(page)
    shown_text = " ".join(label.text() for label in page.findChildren(QLabel) if label.isVisibleTo(page))
    assert "一次資料" not in shown_text and "確認できて" not in shown_text


def test_adding_a_catalog_priority_puts_it_in_the_plan_and_off_the_menu(qtbot, ctx, ws):
    page = shown(qtbot, Step1Page(ctx))
    qtbot.waitUntil(lambda: bool(page.catalog_priorities), timeout=WAIT_MS)
    front_yard = load_catalog().priorities[0]

    page._build_priority_menu()
    offered = [a.text() for a in page.priority_menu.actions()]
    assert f"({front_yard.number}) {front_yard.title}" in offered
    assert "独自の取組を追加" in offered

    page.add_catalog_priority(front_yard.key)

    qtbot.waitUntil(lambda: len(page.priorities.items) == 1, timeout=WAIT_MS)
    stored = plan.priorities(ws, plan.get_or_create_plan(ws).id)
    assert [(p.catalog_key, p.title) for p in stored] == [(front_yard.key, front_yard.title)]
    assert page.priorities.list.currentItem().text() == front_yard.title
    page._build_priority_menu()
    assert f"({front_yard.number}) {front_yard.title}" not in [a.text() for a in page.priority_menu.actions()]


def _kpi_page(qtbot, ctx, ws):
    """Step 1 with a plan for 令和7〜9年度 and one KPI selected on the KPI tab."""
    the_plan = plan.get_or_create_plan(ws)
    records.update(ws, type(the_plan), the_plan.id, start_fy=2025, end_fy=2027)
    kpi = plan.add_kpi(ws, the_plan.id, "オンライン化した手続", unit="件")
    page = shown(qtbot, Step1Page(ctx))
    page.tabs.setCurrentIndex(3)
    grid = page.kpi_detail.grid
    qtbot.waitUntil(lambda: grid.rowCount() == 3, timeout=WAIT_MS)
    return page, grid, kpi


def test_editing_a_kpi_target_cell_stores_it(qtbot, ctx, ws):
    page, grid, kpi = _kpi_page(qtbot, ctx, ws)
    assert grid.verticalHeaderItem(1).text() == "令和8年度（2026年度）"

    grid.item(1, 0).setText("120")

    def stored():
        return records.find(ws, KpiValue, kpi_id=kpi.id)

    qtbot.waitUntil(lambda: len(stored()) == 1, timeout=WAIT_MS)
    assert (stored()[0].fiscal_year, stored()[0].target, stored()[0].actual) == (2026, 120.0, None)


def test_an_approximate_kpi_number_keeps_its_text_and_says_what_is_expected(qtbot, ctx, ws):
    page, grid, kpi = _kpi_page(qtbot, ctx, ws)
    notes = page.kpi_detail.cell_notes

    grid.item(0, 1).setText("約50")

    qtbot.waitUntil(lambda: notes.note.isVisible(), timeout=WAIT_MS)
    assert "実績値" in notes.note.text() and "例: 50" in notes.note.text()
    assert grid.item(0, 1).text() == "約50"  # kept, to be corrected
    assert notes.problem(0, 1)
    assert ctx.errors == []  # no message box
    assert records.find(ws, KpiValue, kpi_id=kpi.id) == []

    grid.item(0, 1).setText("50")
    qtbot.waitUntil(
        lambda: [v.actual for v in records.find(ws, KpiValue, kpi_id=kpi.id)] == [50], timeout=WAIT_MS
    )
    qtbot.waitUntil(lambda: not notes.note.isVisible(), timeout=WAIT_MS)
    assert not notes.problem(0, 1)
    assert records.get(ws, Kpi, kpi.id).name == "オンライン化した手続"


def test_what_an_action_plan_does_each_year_is_stored_for_the_roadmap(qtbot, ctx, ws):
    the_plan = plan.get_or_create_plan(ws)
    records.update(ws, type(the_plan), the_plan.id, start_fy=2025, end_fy=2027)
    item = plan.add_priority(ws, the_plan.id, catalog_key="front_yard")
    page = shown(qtbot, Step1Page(ctx))
    page.tabs.setCurrentIndex(2)
    qtbot.waitUntil(lambda: len(page.priorities.items) == 1, timeout=WAIT_MS)
    grid = page.priorities.detail.inner.grid
    qtbot.waitUntil(lambda: grid.rowCount() == 3, timeout=WAIT_MS)
    assert grid.verticalHeaderItem(0).text() == "令和7年度（2025年度）"

    grid.item(0, 0).setText("検討・調達")

    def stored():
        return records.find(ws, PlanPriorityYear, priority_id=item.id)

    qtbot.waitUntil(lambda: len(stored()) == 1, timeout=WAIT_MS)
    assert (stored()[0].fiscal_year, stored()[0].activity) == (2025, "検討・調達")


def test_deleting_an_activity_can_be_undone(qtbot, ctx, ws):
    records.create(ws, AwarenessActivity, title="全職員向けDX研修", activity_kind="staff_training")
    undo_offers = []
    ctx.notices.undo_offered.connect(lambda text, undo: undo_offers.append((text, undo)))
    page = shown(qtbot, Step0Page(ctx))
    page.tabs.setCurrentIndex(1)
    activities = page.activities
    qtbot.waitUntil(lambda: len(activities.items) == 1, timeout=WAIT_MS)

    activities.delete_current()

    qtbot.waitUntil(lambda: bool(undo_offers) and not activities.items, timeout=WAIT_MS)
    assert steps.activities(ws) == []
    assert "全職員向けDX研修" in undo_offers[0][0]

    undo_offers[0][1]()

    qtbot.waitUntil(lambda: len(activities.items) == 1, timeout=WAIT_MS)
    assert [a.title for a in steps.activities(ws)] == ["全職員向けDX研修"]


def test_adding_a_pdca_review_to_the_selected_initiative(qtbot, ctx, ws):
    initiative = records.create(ws, Initiative, title="書かない窓口の導入", status="active")
    page = shown(qtbot, Step3Page(ctx))
    page.tabs.setCurrentIndex(1)
    reviews = page.detail.reviews
    qtbot.waitUntil(lambda: page.detail.initiative_id == initiative.id, timeout=WAIT_MS)
    assert reviews.isEnabled()

    qtbot.mouseClick(reviews.add_button, Qt.MouseButton.LeftButton)

    # The new record is selected and its form shows it: only then is there something to type into.
    qtbot.waitUntil(
        lambda: len(reviews.items) == 1 and reviews.detail.record_id == reviews.items[0].id, timeout=WAIT_MS
    )
    stored = initiatives.reviews(ws, initiative.id)
    assert [(r.phase, r.reviewed_on) for r in stored] == [("check", ws.today())]
    summary = reviews.detail.widgets["summary"]
    summary.set_value("")
    summary.setPlainText("申請の6割が窓口で完結した")
    summary.commit_pending()
    qtbot.waitUntil(
        lambda: initiatives.reviews(ws, initiative.id)[0].summary == "申請の6割が窓口で完結した",
        timeout=WAIT_MS,
    )


def test_f2_opens_the_status_choice_and_a_pick_is_stored(qtbot, ctx, ws):
    page = shown(qtbot, Step0Page(ctx))
    view = page.checklist
    view.tree.setFocus()
    view.tree.setCurrentItem(view.tree.topLevelItem(2), 0)

    qtbot.keyClick(view.tree, Qt.Key.Key_F2)

    combo = view.tree.indexWidget(view.tree.currentIndex().siblingAtColumn(1)) or view.tree.focusWidget()
    assert combo.currentData() == "todo"
    combo.setCurrentIndex(combo.findData("doing"))
    combo.activated.emit(combo.currentIndex())
    qtbot.waitUntil(lambda: view.items[2].status == "doing", timeout=WAIT_MS)
    assert steps.checklist(ws, 0)[2].status == "doing"


def test_the_add_button_of_the_plan_priorities_offers_a_menu_instead_of_adding(qtbot, ctx, ws):
    page = shown(qtbot, Step1Page(ctx))
    page.priorities.add_button.clicked.emit()
    page.add_own_priority()
    qtbot.waitUntil(lambda: len(page.priorities.items) == 1, timeout=WAIT_MS)
    ctx.ops.wait_idle()
    assert [p.title for p in plan.priorities(ws, plan.get_or_create_plan(ws).id)] == ["独自の取組"]
    assert page.priorities.add_button.menu() is page.priority_menu


def test_the_activity_list_holds_summaries_and_the_form_shows_the_full_record(qtbot, ctx, ws):
    records.create(
        ws, AwarenessActivity, held_on=date(2026, 5, 1), title="幹部研修", note="講師: 外部アドバイザー"
    )
    second = records.create(
        ws, AwarenessActivity, held_on=date(2026, 4, 1), title="全職員研修", note="アンケート回収率 92%"
    )
    page = shown(qtbot, Step0Page(ctx))
    activities = page.activities
    form = activities.detail.inner
    qtbot.waitUntil(lambda: len(activities.items) == 2 and form.record_id is not None, timeout=WAIT_MS)
    assert not hasattr(activities.items[1], "note"), "the list holds lightweight rows, not records"

    activities.list.setCurrentRow(1)

    qtbot.waitUntil(lambda: form.record_id == second.id, timeout=WAIT_MS)
    assert form.widgets["note"].value() == "アンケート回収率 92%"
    assert form.widgets["title"].value() == "全職員研修"

    title = form.widgets["title"]
    title.setText("令和8年度 全職員研修")
    title.editingFinished.emit()

    qtbot.waitUntil(lambda: activities.list.item(1).text().endswith("令和8年度 全職員研修"), timeout=WAIT_MS)
    assert records.get(ws, AwarenessActivity, second.id).title == "令和8年度 全職員研修"
    assert ctx.errors == []


def test_an_edit_that_moves_the_selected_row_keeps_it_selected(qtbot, ctx, ws):
    newest = records.create(ws, AwarenessActivity, held_on=date(2026, 5, 1), title="幹部研修")
    older = records.create(ws, AwarenessActivity, held_on=date(2026, 4, 1), title="全職員研修")
    page = shown(qtbot, Step0Page(ctx))
    activities = page.activities
    form = activities.detail.inner
    qtbot.waitUntil(lambda: form.record_id == newest.id, timeout=WAIT_MS)

    held_on = form.widgets["held_on"]
    held_on.setText("2026-03-01")
    held_on.editingFinished.emit()

    qtbot.waitUntil(lambda: [a.id for a in activities.items] == [older.id, newest.id], timeout=WAIT_MS)
    qtbot.waitUntil(lambda: ctx.ops.idle, timeout=WAIT_MS)
    assert activities.current().id == newest.id and activities.list.currentRow() == 1
    assert form.record_id == newest.id and form.widgets["title"].value() == "幹部研修"
    assert records.get(ws, AwarenessActivity, newest.id).held_on == date(2026, 3, 1)


def test_a_list_label_is_shown_whole_in_its_tooltip(qtbot, ctx, ws):
    title = "令和8年度 全職員向けDX研修（生成AIの安全な利用と業務改善の実践）" * 2
    records.create(ws, AwarenessActivity, held_on=date(2026, 5, 1), title=title)
    page = shown(qtbot, Step0Page(ctx))
    page.tabs.setCurrentIndex(1)
    view = page.activities.list
    qtbot.waitUntil(lambda: view.count() == 1, timeout=WAIT_MS)
    pos = view.visualItemRect(view.item(0)).center()

    QApplication.sendEvent(
        view.viewport(), QHelpEvent(QEvent.Type.ToolTip, pos, view.viewport().mapToGlobal(pos))
    )

    assert QToolTip.text() == view.item(0).text() and QToolTip.text().endswith(title)
