"""Where the main window opens: inside the screen it is on, and where the user left it last time.

A window taller than the screen hides its status bar (1280×720 laptops, projectors). The first start fits the
preferred size into the screen's available area (without the taskbar) and centres it; later starts restore
the size and place saved at exit, but only while that place is still on a screen (a second monitor may be
gone) and no larger than it.
"""

from PySide6.QtCore import QByteArray, QRect, QSize
from PySide6.QtGui import QGuiApplication, QScreen
from PySide6.QtWidgets import QWidget

PREFERRED = QSize(1280, 820)
FRAME_ALLOWANCE = QSize(16, 40)  # the window manager's border and title bar, before the frame is known
MIN_VISIBLE = 120  # this much of the title bar must lie on a screen for a saved place to count


def fit(window: QWidget, screen: QScreen | None = None) -> None:
    """The preferred size, shrunk to the available area of `screen` (the primary one), centred on it."""
    screen = screen or QGuiApplication.primaryScreen()
    area = screen.availableGeometry()
    size = PREFERRED.boundedTo(area.size() - FRAME_ALLOWANCE)
    window.resize(size)
    frame = QRect(0, 0, size.width() + FRAME_ALLOWANCE.width(), size.height() + FRAME_ALLOWANCE.height())
    frame.moveCenter(area.center())
    window.move(frame.topLeft())


def saved(window: QWidget) -> str:
    """The window's size and place as text for the settings."""
    return bytes(window.saveGeometry().toBase64()).decode("ascii")


def restore(window: QWidget, placement: str) -> bool:
    """Put the window where `placement` says while that place is still on a screen (kept inside it); else fit()."""
    if placement and window.restoreGeometry(QByteArray.fromBase64(placement.encode("ascii"))):
        screen = _screen_showing(window.frameGeometry())
        if screen is not None:
            _keep_inside(window, screen.availableGeometry())
            return True
    fit(window)
    return False


def _screen_showing(frame: QRect) -> QScreen | None:
    """The screen on which enough of the window's title bar lies to grab it, if any."""
    title_bar = QRect(frame.topLeft(), QSize(frame.width(), FRAME_ALLOWANCE.height()))
    for screen in QGuiApplication.screens():
        seen = screen.availableGeometry().intersected(title_bar)
        if seen.width() >= min(MIN_VISIBLE, title_bar.width()) and seen.height() > 0:
            return screen
    return None


def _keep_inside(window: QWidget, area: QRect) -> None:
    """No larger than `area`, and moved into it where it sticks out (a status bar below the taskbar)."""
    size = window.size().boundedTo(area.size() - FRAME_ALLOWANCE)
    window.resize(size)
    width, height = size.width() + FRAME_ALLOWANCE.width(), size.height() + FRAME_ALLOWANCE.height()
    pos = window.pos()  # the frame's top-left once shown; moved only when it has to, so nothing drifts
    x = min(max(pos.x(), area.left()), area.left() + area.width() - width)
    y = min(max(pos.y(), area.top()), area.top() + area.height() - height)
    if (x, y) != (pos.x(), pos.y()):
        window.move(x, y)
