"""The 同期 page: what the officer types is kept when 設定を保存 is pressed."""

from PySide6.QtCore import Qt

from desktop.services import sync

WAIT_MS = 10_000


def test_pressing_save_keeps_the_hub_url_without_an_error(qtbot, store, ws, main_window):
    window = main_window(store)
    page = window.show_page("sync")
    qtbot.waitUntil(lambda: window.ctx.ops.idle, timeout=WAIT_MS)
    page.url.clear()
    qtbot.keyClicks(page.url, "https://hub.pref.fukui.lg.jp")

    qtbot.mouseClick(page.save_button, Qt.MouseButton.LeftButton)

    qtbot.waitUntil(lambda: sync.hub_settings(ws).url == "https://hub.pref.fukui.lg.jp", timeout=WAIT_MS)
    qtbot.waitUntil(lambda: window.ctx.ops.idle, timeout=WAIT_MS)
    assert window.errors == []
    assert window.sync_label.text().startswith("未接続")
