"""The main window fits the screen it opens on (its status bar in view) and reopens where it was left."""

from PySide6.QtCore import QRect

from desktop.operations import Operations
from desktop.services import settings
from desktop.services.workspace import Workspace
from desktop.views.context import ViewContext
from desktop.views.main_window import MainWindow

WAIT_MS = 5000


def open_window(qtbot, ws, placement: str = "") -> MainWindow:
    window = MainWindow(
        ViewContext(Operations(), Workspace(ws.store)), "鯖江市", auto_sync=False, placement=placement
    )
    qtbot.addWidget(window)
    window.show()
    qtbot.waitExposed(window)
    return window


def on_screen(window: MainWindow) -> bool:
    return window.screen().availableGeometry().contains(window.frameGeometry())


def closed_at(qtbot, ws, geometry: QRect) -> str:
    """Open the window, put it at `geometry`, quit; what the settings then remember."""
    window = open_window(qtbot, ws)
    window.setGeometry(geometry)
    window.close()
    qtbot.waitUntil(lambda: settings.get(ws.store, "window_geometry") != "", timeout=WAIT_MS)
    return settings.get(ws.store, "window_geometry")


def test_the_first_window_fits_the_screen_with_its_status_bar(qtbot, ws):
    window = open_window(qtbot, ws)

    assert on_screen(window)
    bar = window.statusBar()
    bottom = bar.mapTo(window, bar.rect().bottomLeft()).y()
    assert bar.isVisible() and bottom < window.height()
    window.ctx.ops.wait_idle()


def test_the_window_reopens_with_the_size_and_place_it_was_left_at(qtbot, ws):
    placement = closed_at(qtbot, ws, QRect(60, 40, 640, 520))

    window = open_window(qtbot, ws, placement)

    assert window.geometry() == QRect(60, 40, 640, 520)
    window.ctx.ops.wait_idle()


def test_a_place_no_longer_on_any_screen_is_not_restored(qtbot, ws):
    placement = closed_at(qtbot, ws, QRect(5000, 4000, 640, 520))  # a second monitor, since unplugged

    window = open_window(qtbot, ws, placement)

    assert on_screen(window)
    window.ctx.ops.wait_idle()


def test_a_size_saved_on_a_larger_screen_is_fitted_to_this_one(qtbot, ws):
    area = open_window(qtbot, ws).screen().availableGeometry()
    placement = closed_at(qtbot, ws, QRect(0, 0, area.width() + 600, area.height() + 400))

    window = open_window(qtbot, ws, placement)

    assert on_screen(window)
    window.ctx.ops.wait_idle()
