"""First run (団体コード with its check digit) and the home dashboard, driven like a user would."""

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QWidget

from desktop.operations import Operations
from desktop.services.municipality import get_municipality, has_municipality
from desktop.services.workspace import Workspace
from desktop.views.context import ViewContext
from desktop.views.first_run import FirstRunDialog
from desktop.views.home import HomePage


def _dialog(qtbot, store) -> FirstRunDialog:
    dialog = FirstRunDialog(store)
    qtbot.addWidget(dialog)
    with qtbot.waitActive(dialog):  # the focus a refusal moves is only seen in an active window
        dialog.show()
    return dialog


def test_wrong_check_digit_is_explained_live_and_nothing_is_stored(qtbot, store):
    dialog = _dialog(qtbot, store)
    qtbot.keyClicks(dialog.code_edit, "18207")
    assert "検査数字" not in dialog.code_status.text()  # not judged before six digits
    qtbot.keyClicks(dialog.code_edit, "8")
    assert "検査数字が一致しません" in dialog.code_status.text()
    assert "182079" in dialog.code_status.text()  # tells the user the right code
    dialog.name_edit.insert("鯖江市")  # typed through an IME; keyClicks is ASCII-only
    qtbot.mouseClick(dialog.register_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: dialog.ops.idle, timeout=5000)
    assert "検査数字が一致しません" in dialog.code_status.text()
    assert dialog.code_edit.hasFocus()  # back to the field to correct
    assert dialog.result() != FirstRunDialog.DialogCode.Accepted
    assert not has_municipality(store)


def test_missing_name_is_refused(qtbot, store):
    dialog = _dialog(qtbot, store)
    qtbot.keyClicks(dialog.code_edit, "182079")
    qtbot.keyClick(dialog.name_edit, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: dialog.ops.idle, timeout=5000)
    assert dialog.name_status.isVisible()
    assert "団体名を入力してください" in dialog.name_status.text()
    assert not has_municipality(store)


def test_valid_code_shows_prefecture_and_registers_with_the_keyboard(qtbot, store):
    dialog = _dialog(qtbot, store)
    qtbot.keyClicks(dialog.code_edit, "182079")
    assert "福井県" in dialog.code_status.text()
    dialog.name_edit.insert("鯖江市")  # typed through an IME; keyClicks is ASCII-only
    qtbot.keyClick(dialog.name_edit, Qt.Key.Key_Return)  # Enter presses 「登録して始める」
    qtbot.waitUntil(lambda: dialog.result() == FirstRunDialog.DialogCode.Accepted, timeout=5000)
    assert has_municipality(store)
    muni = get_municipality(Workspace(store))
    assert (muni.code, muni.name, muni.prefecture) == ("182079", "鯖江市", "福井県")


class FakeWindow(QWidget):
    """Stands in for MainWindow: records which page the home page asked for."""

    def __init__(self):
        super().__init__()
        self.opened: list[str] = []

    def show_page(self, key: str) -> None:
        self.opened.append(key)


def test_home_shows_four_steps_next_actions_deadlines_and_standardization(qtbot, ws):
    window = FakeWindow()
    qtbot.addWidget(window)
    page = HomePage(ViewContext(Operations(), ws), window)
    window.resize(1280, 820)
    window.show()
    qtbot.waitUntil(lambda: len(page.step_buttons) == 4, timeout=5000)

    assert page.name_label.text() == "鯖江市"
    summaries = [b.summary for b in page.step_buttons]
    for n, title in enumerate(("認識共有", "全体方針", "推進体制", "取組")):
        assert summaries[n].startswith(f"ステップ{n}")
        assert title in summaries[n]
        assert "完了 0 /" in summaries[n]

    qtbot.mouseClick(page.step_buttons[2], Qt.MouseButton.LeftButton)
    assert window.opened == ["step2"]
    page.step_buttons[1].setFocus()
    qtbot.keyClick(page.step_buttons[1], Qt.Key.Key_Space)
    assert window.opened[-1] == "step1"

    assert page.action_buttons, "next actions are listed"
    page.action_buttons[0].click()
    assert window.opened[-1] == "step0"

    texts = [
        " ".join(lbl.text() for lbl in row.findChildren(type(page.name_label))) for row in page.deadline_rows
    ]
    assert len(texts) >= 4
    migration = next(t for t in texts if "標準準拠システムへの移行" in t)
    assert "令和8年3月31日" in migration  # 2026-03-31 in 和暦
    assert all(("あと" in t and "日" in t) or "期限を過ぎています" in t or "本日が期限" in t for t in texts)

    page.std_button.click()
    assert window.opened[-1] == "standardization"


def test_passed_deadlines_are_red_and_future_ones_count_days(qtbot, ws):

    from desktop.content import load_catalog
    from desktop.views.home import OVERDUE_COLOR

    page = HomePage(ViewContext(Operations(), ws))
    qtbot.addWidget(page)
    page.show()
    qtbot.waitUntil(lambda: len(page.deadline_rows) == len(load_catalog().deadlines), timeout=5000)
    today = ws.today()
    rows = {}
    for row in page.deadline_rows:
        labels = {lbl.text(): lbl for lbl in row.findChildren(type(page.name_label))}
        rows[next(t for t in labels if any(t == d.title for d in load_catalog().deadlines))] = labels
    for deadline in load_catalog().deadlines:
        labels = rows[deadline.title]
        if deadline.due < today:
            assert OVERDUE_COLOR in labels["期限を過ぎています"].styleSheet()
        elif deadline.due > today:
            assert f"あと{(deadline.due - today).days}日" in labels


def test_home_follows_checklist_changes(qtbot, ws):
    from desktop.content import load_catalog
    from desktop.services import steps

    ctx = ViewContext(Operations(), ws)
    page = HomePage(ctx)
    qtbot.addWidget(page)
    page.show()
    qtbot.waitUntil(lambda: len(page.step_buttons) == 4, timeout=5000)
    first = load_catalog().step(0).checkpoints[0]
    page.step_buttons[0].setFocus()
    ctx.ops.edit(steps.set_check, ws, first.key, status="done", changes={"checklist_state"})
    qtbot.waitUntil(lambda: "完了 1 /" in page.step_buttons[0].summary, timeout=5000)
    assert all(b.title != first.title for b in page.action_buttons if hasattr(b, "title"))
    assert QApplication.focusWidget() is page.step_buttons[0]  # the keyboard user keeps their place


def test_demo_button_creates_the_demo_town_and_home_says_so(qtbot, store):
    dialog = _dialog(qtbot, store)
    qtbot.mouseClick(dialog.demo_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: dialog.result() == FirstRunDialog.DialogCode.Accepted, timeout=15000)
    ws = Workspace(store)
    assert get_municipality(ws).is_demo

    page = HomePage(ViewContext(Operations(), ws))
    qtbot.addWidget(page)
    page.show()
    qtbot.waitUntil(lambda: len(page.step_buttons) == 4, timeout=5000)
    assert page.demo_label.isVisible()
    assert any("完了 0 /" not in b.summary for b in page.step_buttons)  # the demo has progress to show
