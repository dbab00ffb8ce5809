"""The window of a PC that syncs with a live hub: truthful status bar, 同期 page, conflict dialog."""

import pytest
from PySide6.QtCore import Qt

from desktop.models import Plan
from desktop.operations import GuiThreadCollector, Operations
from desktop.services import plan, records
from desktop.views.conflict_dialog import ConflictDialog
from desktop.views.context import ViewContext
from desktop.views.main_window import MainWindow

WAIT_MS = 30000


@pytest.fixture(autouse=True)
def gc_on_the_gui_thread(qapp):
    collector = GuiThreadCollector()
    yield
    collector.stop()


def open_window(qtbot, pc) -> MainWindow:
    window = MainWindow(ViewContext(Operations(), pc.ws), "鯖江市", auto_sync=False)
    window.ctx.ops.parent_widget = window
    errors: list[str] = []
    window.ctx.ops.error_handler = lambda exc, tb: errors.append(str(exc))
    window.errors = errors  # type: ignore[attr-defined]
    qtbot.addWidget(window)
    window.show()
    return window


def test_a_conflict_appears_in_the_window_and_is_resolved_there(qtbot, make_pc, live_hub):
    one, two = make_pc("pc1"), make_pc("pc2")
    p = plan.get_or_create_plan(one.ws)
    one.sync()
    two.sync()
    records.update(one.ws, Plan, p.id, vision="一台目のビジョン")
    one.sync()
    window = open_window(qtbot, two)
    try:
        window.ctx.ops.edit(records.update, two.ws, Plan, p.id, vision="二台目のビジョン", changes={"plan"})
        qtbot.waitUntil(lambda: "未送信 1件" in window.sync_label.text(), timeout=WAIT_MS)

        page = window.show_page("sync")
        qtbot.waitUntil(lambda: page.url.text() == live_hub.url, timeout=WAIT_MS)
        qtbot.mouseClick(page.sync_button, Qt.MouseButton.LeftButton)
        qtbot.waitUntil(lambda: window.conflicts_button.isVisible(), timeout=WAIT_MS)
        assert "競合が1件あります" in page.result.text()
        assert window.conflicts_button.text() == "競合 1件"
        assert window.sync_label.text().startswith("同期済")
        qtbot.waitUntil(
            lambda: page.history.rowCount() == 2, timeout=WAIT_MS
        )  # its first sync, then this one
        assert page.history.item(0, 1).text() == "同期済（競合あり）"
        header = page.history.horizontalHeader()
        assert (
            header.length() == header.viewport().width()
        )  # the history fills its table; 内容 takes the rest

        dialog = ConflictDialog(window.ctx, window)
        qtbot.addWidget(dialog)
        qtbot.waitUntil(lambda: dialog.list.count() == 1, timeout=WAIT_MS)
        assert dialog.mine[1].toPlainText() == "二台目のビジョン"
        assert dialog.theirs[1].toPlainText() == "一台目のビジョン"
        qtbot.mouseClick(dialog.keep_theirs, Qt.MouseButton.LeftButton)
        qtbot.waitUntil(lambda: dialog.list.count() == 0, timeout=WAIT_MS)
        qtbot.waitUntil(lambda: not window.conflicts_button.isVisible(), timeout=WAIT_MS)
        assert "未送信" not in window.sync_label.text()
        assert records.get(two.ws, Plan, p.id).vision == "一台目のビジョン"
        assert window.errors == []
    finally:
        window.ctx.ops.wait_idle()


def test_the_status_bar_says_the_hub_cannot_be_reached_and_keeps_counting(qtbot, make_pc, live_hub):
    pc = make_pc("pc1")
    window = open_window(qtbot, pc)
    try:
        window.ctx.ops.edit(plan.get_or_create_plan, pc.ws, changes={"plan"})
        qtbot.waitUntil(lambda: "未送信" in window.sync_label.text(), timeout=WAIT_MS)
        live_hub.stop()
        window.sync.sync_now()
        qtbot.waitUntil(lambda: "ハブに接続できません" in window.sync_label.text(), timeout=WAIT_MS)
        assert "未送信" in window.sync_label.text()
        assert window.errors == []  # an unreachable hub is a state, not an error box
    finally:
        window.ctx.ops.wait_idle()
