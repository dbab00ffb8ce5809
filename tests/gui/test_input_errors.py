"""A form keeps what the user typed: a refused entry stays in its field, marked, with what is expected beside it.

No message box for input errors; the stored value is unchanged until the text is valid.
"""

from datetime import date

from desktop.models import AwarenessActivity
from desktop.services import records, steps
from desktop.views.fields import LineField
from desktop.views.steps.step0_awareness import Step0Page

WAIT_MS = 5000


def activity_form(qtbot, ctx, ws):
    """Step 0 on its 実施記録 tab with one activity shown in the form."""
    activity = records.create(ws, AwarenessActivity, held_on=date(2026, 5, 1), title="全職員向けDX研修")
    page = Step0Page(ctx)
    qtbot.addWidget(page)
    page.resize(1280, 820)
    page.show()
    page.tabs.setCurrentIndex(1)
    form = page.activities.detail.inner
    qtbot.waitUntil(lambda: form.record_id == activity.id, timeout=WAIT_MS)
    return page, form, activity


def finish_typing(field, text: str) -> None:
    """Text typed through an IME (keyClicks is ASCII-only), then the user leaves the field."""
    field.setFocus()
    field.setText(text)
    field.editingFinished.emit()


def test_120_people_with_a_unit_stays_in_the_field_and_the_note_gives_an_example(qtbot, ctx, ws):
    page, form, activity = activity_form(qtbot, ctx, ws)
    participants = form.widgets["participants"]

    finish_typing(participants, "120名")

    assert participants.text() == "120名"
    assert participants.note.isVisible()
    assert "例: 120" in participants.note.text()
    assert participants.problem() and participants.accessibleDescription() == participants.note.text()
    assert ctx.errors == []  # no message box
    ctx.ops.wait_idle()
    assert records.get(ws, AwarenessActivity, activity.id).participants is None

    # Another field saved meanwhile reloads the record: the text being corrected is not wiped.
    finish_typing(form.widgets["title"], "全職員向けDX研修（第1回）")
    qtbot.waitUntil(lambda: page.activities.list.currentItem().text().endswith("（第1回）"), timeout=WAIT_MS)
    assert participants.text() == "120名" and participants.note.isVisible()

    finish_typing(participants, "１２０")  # 全角 digits are numbers too

    qtbot.waitUntil(
        lambda: records.get(ws, AwarenessActivity, activity.id).participants == 120, timeout=WAIT_MS
    )
    assert participants.text() == "120"
    assert not participants.note.isVisible() and not participants.problem()
    assert ctx.errors == []


def test_a_number_the_store_refuses_is_kept_and_the_reason_shown_beside_it(qtbot, ctx, ws):
    page, form, activity = activity_form(qtbot, ctx, ws)
    participants = form.widgets["participants"]

    finish_typing(participants, "-5")

    qtbot.waitUntil(lambda: participants.note.isVisible(), timeout=WAIT_MS)
    assert "参加人数" in participants.note.text() and "範囲" in participants.note.text()
    assert participants.text() == "-5"
    assert ctx.errors == []
    assert records.get(ws, AwarenessActivity, activity.id).participants is None


def test_an_unreadable_date_in_a_checklist_stays_marked_and_nothing_is_stored(
    qtbot, ctx, ws, step0_checklist
):
    view = step0_checklist

    finish_typing(view.done_on, "先週の金曜日")

    assert view.done_on.text() == "先週の金曜日"
    assert "令和8年11月26日" in view.done_on.note.text()  # the forms it understands
    assert view.done_on.note.isVisible()
    ctx.ops.wait_idle()
    assert steps.checklist(ws, 0)[0].done_on is None

    view.tree.setCurrentItem(view.tree.topLevelItem(1))  # another checkpoint: its own, clean form
    qtbot.waitUntil(lambda: view.current() is view.items[1], timeout=WAIT_MS)
    assert not view.done_on.note.isVisible() and view.done_on.text() == ""


def test_a_reload_read_before_a_refused_edit_does_not_wipe_the_typed_text(qtbot):
    field = LineField()
    qtbot.addWidget(field)
    field.set_value("4")
    field.committed.connect(lambda _value: field.saving())  # as save_field does

    finish_typing(field, "40")
    field.set_value("4")  # the answer of a reload that was queued before the edit
    field.reject("「月あたり日数」は0〜31の範囲で入力してください。")

    assert field.text() == "40" and "0〜31" in field.note.text()
    field.set_value("4")  # later reloads of the unchanged value leave the text being corrected
    assert field.text() == "40"
    field.set_value("6")  # a value changed elsewhere (sync) is shown
    assert field.text() == "6" and not field.problem()
