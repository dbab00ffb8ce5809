"""The shell: navigator, 保存済 feedback, sync state, font size and undo of destructive edits."""

import threading

import shiboken6
from PySide6.QtCore import QEvent
from PySide6.QtWidgets import QApplication

from desktop.models import Initiative
from desktop.operations import Operations
from desktop.services import records, settings
from desktop.services.workspace import Workspace
from desktop.views.context import ViewContext
from desktop.views.main_window import MainWindow
from desktop.views.navigation import MUNICIPALITY_PAGES


def open_window(qtbot, ws: Workspace) -> MainWindow:
    window = MainWindow(ViewContext(Operations(), Workspace(ws.store)), "鯖江市")
    window.ctx.ops.parent_widget = window
    qtbot.addWidget(window)
    window.show()
    return window


def menu_action(window: MainWindow, menu: str, text: str):
    menu_obj = next(a.menu() for a in window.menuBar().actions() if a.text().startswith(menu))
    return next(a for a in menu_obj.actions() if a.text() == text)


def test_every_navigator_entry_opens_a_real_page(qtbot, ws):
    window = open_window(qtbot, ws)
    for entry in MUNICIPALITY_PAGES:
        page = window.show_page(entry.key)
        assert window.stack.currentWidget() is page
    window.ctx.ops.wait_idle()


def test_an_edit_shows_saved_and_counts_as_unsent(qtbot, ws):
    window = open_window(qtbot, ws)
    window.ctx.ops.edit(
        records.create, window.ctx.ws, Initiative, title="電子申請の拡大", changes={"initiative"}
    )
    qtbot.waitUntil(lambda: window.saved_label.text().startswith("保存済"))
    qtbot.waitUntil(lambda: "未送信" in window.sync_label.text())


def test_a_larger_font_is_applied_to_the_pages_and_remembered(qtbot, ws):
    window = open_window(qtbot, ws)
    before = QApplication.font().pointSize()
    try:
        menu_action(window, "表示", "文字を大きく").trigger()
        assert QApplication.font().pointSize() == before + 1
        assert window.pages["home"].font().pointSize() == before + 1
        qtbot.waitUntil(lambda: settings.get(ws.store, "font_pt") == before + 1)
    finally:
        menu_action(window, "表示", "標準の文字サイズ").trigger()
        window.ctx.ops.wait_idle()


def test_undo_brings_back_a_deleted_record(qtbot, ws):
    window = open_window(qtbot, ws)
    initiative = records.create(ws, Initiative, title="RPAの導入")
    token = records.delete(ws, Initiative, initiative.id)
    window.ctx.offer_undo(
        "取組を削除しました。", lambda: window.ctx.ops.edit(records.undelete, window.ctx.ws, token)
    )
    assert window.undo_button.isVisible()
    window.undo_last()
    qtbot.waitUntil(lambda: [i.title for i in records.find(ws, Initiative)] == ["RPAの導入"])
    assert not window.undo_button.isVisible()


def test_changing_the_text_size_while_pages_are_loading_drops_their_answers_quietly(qtbot, ws):
    window = open_window(qtbot, ws)
    errors: list[str] = []
    window.ctx.ops.error_handler = lambda exc, tb: errors.append(str(exc))
    for entry in MUNICIPALITY_PAGES:  # every page built once, as after a user visited them all
        window.show_page(entry.key)
    qtbot.waitUntil(lambda: window.ctx.ops.idle, timeout=10_000)
    old_pages = list(window.pages.values())
    gate = threading.Event()
    window.ctx.ops.query(gate.wait, 30)  # holds the DB worker, so the next queries stay in flight
    for page in old_pages:
        page.refresh()
    try:
        menu_action(window, "表示", "文字を大きく").trigger()  # Ctrl++: every page is rebuilt
        QApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)
        assert not any(shiboken6.isValid(p) for p in old_pages)  # the pages the answers were for are gone
    finally:
        gate.set()
    qtbot.waitUntil(lambda: window.ctx.ops.idle, timeout=10_000)  # an answer for a gone widget would raise
    assert errors == []
    menu_action(window, "表示", "標準の文字サイズ").trigger()
    qtbot.waitUntil(lambda: window.ctx.ops.idle, timeout=10_000)
