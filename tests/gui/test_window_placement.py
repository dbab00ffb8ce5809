"""The main window fits the screen it opens on (its status bar in view) and reopens where it was left."""

from PySide6.QtCore import QRect

from desktop.services import settings

WAIT_MS = 5000


def on_screen(window) -> bool:
    return window.screen().availableGeometry().contains(window.frameGeometry())


def closed_at(qtbot, ws, main_window, geometry: QRect) -> str:
    """Open the window, put it at `geometry`, quit; what the settings then remember."""
    window = main_window(ws.store)
    window.setGeometry(geometry)
    window.close()
    qtbot.waitUntil(lambda: settings.get(ws.store, "window_geometry") != "", timeout=WAIT_MS)
    return settings.get(ws.store, "window_geometry")


def test_the_first_window_fits_the_screen_with_its_status_bar(qtbot, ws, main_window):
    window = main_window(ws.store)

    assert on_screen(window)
    bar = window.statusBar()
    bottom = bar.mapTo(window, bar.rect().bottomLeft()).y()
    assert bar.isVisible() and bottom < window.height()
    window.ctx.ops.wait_idle()


def test_the_window_reopens_with_the_size_and_place_it_was_left_at(qtbot, ws, main_window):
    placement = closed_at(qtbot, ws, main_window, QRect(60, 40, 640, 520))

    window = main_window(ws.store, placement)

    assert window.geometry() == QRect(60, 40, 640, 520)
    window.ctx.ops.wait_idle()


def test_a_place_no_longer_on_any_screen_is_not_restored(qtbot, ws, main_window):
    placement = closed_at(
        qtbot, ws, main_window, QRect(5000, 4000, 640, 520)
    )  # a second monitor, since unplugged

    window = main_window(ws.store, placement)

    assert on_screen(window)
    window.ctx.ops.wait_idle()


def test_a_size_saved_on_a_larger_screen_is_fitted_to_this_one(qtbot, ws, main_window):
    area = main_window(ws.store).screen().availableGeometry()
    placement = closed_at(qtbot, ws, main_window, QRect(0, 0, area.width() + 600, area.height() + 400))

    window = main_window(ws.store, placement)

    assert on_screen(window)
    window.ctx.ops.wait_idle()
