"""「デモを終了して自分の団体を登録」: the demo goes to a backup, the window carries on with the user's town."""

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QMessageBox

from desktop.services import needs, sync
from desktop.services.demo import create_demo
from desktop.services.municipality import get_municipality
from desktop.services.workspace import Workspace
from desktop.views import demo_exit
from desktop.views.first_run import FirstRunDialog

WAIT_MS = 10_000


def test_the_demo_town_offers_a_way_out_and_a_registered_town_does_not(qtbot, store, ws, main_window):
    window = main_window(store)
    home = window.pages["home"]
    qtbot.waitUntil(lambda: home.name_label.text() == "鯖江市", timeout=WAIT_MS)
    assert not home.leave_demo_button.isVisible()
    assert not window.leave_demo_action.isVisible()


def test_leaving_the_demo_keeps_it_in_a_backup_and_carries_on_with_the_new_town(
    qtbot, store, monkeypatch, main_window
):
    create_demo(store)
    asked: list[str] = []
    monkeypatch.setattr(demo_exit, "ask", lambda parent, title, question: asked.append(question) or True)
    window = main_window(store)
    home = window.pages["home"]
    qtbot.waitUntil(lambda: home.leave_demo_button.isVisible(), timeout=WAIT_MS)
    assert window.leave_demo_action.isVisible()

    qtbot.mouseClick(home.leave_demo_button, Qt.MouseButton.LeftButton)

    assert asked and str(store.backups.folder) in asked[0]  # says where the demo will be kept
    qtbot.waitUntil(lambda: window.findChild(FirstRunDialog) is not None, timeout=WAIT_MS)
    dialog = window.findChild(FirstRunDialog)
    assert not dialog.demo_button.isVisible()
    qtbot.keyClicks(dialog.code_edit, "182079")
    dialog.name_edit.insert("鯖江市")  # typed through an IME
    qtbot.mouseClick(dialog.register_button, Qt.MouseButton.LeftButton)

    qtbot.waitUntil(lambda: window.windowTitle().endswith("鯖江市"), timeout=WAIT_MS)
    home = window.pages["home"]  # rebuilt on the new town
    qtbot.waitUntil(lambda: home.name_label.text() == "鯖江市", timeout=WAIT_MS)
    assert not home.demo_label.isVisible() and not home.leave_demo_button.isVisible()
    assert not window.leave_demo_action.isVisible()
    told = window.findChild(QMessageBox, "demo_left")
    [backup] = [b for b in store.backups.list() if b.reason == "demo"]
    assert told is not None and str(backup.path) in told.text()
    assert needs.needs(Workspace(store)) == []  # nothing of the demo is left
    needs_page = window.show_page("needs")
    qtbot.waitUntil(lambda: needs_page.list.items == [], timeout=WAIT_MS)
    assert window.errors == []


def test_saying_no_changes_nothing(qtbot, store, monkeypatch, main_window):
    create_demo(store)
    monkeypatch.setattr(demo_exit, "ask", lambda parent, title, question: False)
    window = main_window(store)

    window.leave_demo_action.trigger()

    assert window.findChild(FirstRunDialog) is None
    assert get_municipality(Workspace(store)).is_demo


def test_the_new_town_starts_without_the_demos_hub_connection_or_sync_state(
    qtbot, store, monkeypatch, main_window
):
    create_demo(store)
    sync.save_hub_settings(Workspace(store), "https://hub.example.lg.jp")
    monkeypatch.setattr(demo_exit, "ask", lambda parent, title, question: True)
    window = main_window(store)
    window.sync.error, window.sync.error_kind = "ハブが応答しません", "error"  # the demo's last sync failed
    window.refresh_sync_state()
    assert "同期エラー" in window.sync_label.text()

    window.leave_demo_action.trigger()
    qtbot.waitUntil(lambda: window.findChild(FirstRunDialog) is not None, timeout=WAIT_MS)
    dialog = window.findChild(FirstRunDialog)
    qtbot.keyClicks(dialog.code_edit, "182079")
    dialog.name_edit.insert("鯖江市")
    qtbot.mouseClick(dialog.register_button, Qt.MouseButton.LeftButton)

    qtbot.waitUntil(lambda: window.windowTitle().endswith("鯖江市"), timeout=WAIT_MS)
    qtbot.waitUntil(lambda: window.sync_label.text().startswith("未接続"), timeout=WAIT_MS)
    assert "同期エラー" not in window.sync_label.text()
    sync_page = window.show_page("sync")
    qtbot.waitUntil(lambda: window.ctx.ops.idle, timeout=WAIT_MS)
    assert sync_page.url.text() == ""  # to be set up for the new town
    assert window.errors == []
