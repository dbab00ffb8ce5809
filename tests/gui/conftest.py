"""GUI tests run Python's cyclic GC on the GUI thread only, exactly as the app does (operations.py).

Pages are built on a view context whose errors and undo offers are collected (`ctx.errors`, `ctx.undo`)
instead of shown in a message box or the status bar.
"""

import pytest
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication, QFileDialog

from desktop.operations import GuiThreadCollector, Operations
from desktop.views.context import ViewContext


@pytest.fixture(autouse=True)
def gc_on_the_gui_thread(qapp):
    """A collection on a DB worker could free Qt wrappers off the GUI thread and crash."""
    collector = GuiThreadCollector()
    yield
    collector.stop()


@pytest.fixture
def make_ctx(store):
    """Build view contexts on workspaces of `store`; their background work ends before the store closes."""
    made: list[ViewContext] = []

    def make(ws) -> ViewContext:
        ops = Operations()
        errors: list[str] = []
        ops.error_handler = lambda exc, tb: errors.append(str(exc))
        context = ViewContext(ops, ws)
        context.errors = errors  # type: ignore[attr-defined]
        undo: list = []
        context.notices.undo_offered.connect(lambda text, fn: undo.append(fn))
        context.undo = undo  # type: ignore[attr-defined]
        made.append(context)
        return context

    yield make
    for context in made:
        context.ops.wait_idle()


@pytest.fixture
def ctx(make_ctx, ws):
    """A view context on the test municipality's workspace."""
    return make_ctx(ws)


@pytest.fixture
def step0_checklist(qtbot, ctx):
    """ステップ0's checklist, on a page of the main window's size, once its checkpoints are loaded."""
    from desktop.views.steps.step0_awareness import Step0Page

    page = Step0Page(ctx)
    qtbot.addWidget(page)
    page.resize(1280, 820)
    page.show()
    qtbot.waitUntil(lambda: bool(page.checklist.items), timeout=5000)
    return page.checklist


@pytest.fixture
def main_window(qtbot):
    """Open the main window on a store as the app does (no automatic sync); its errors go to `window.errors`."""
    from desktop.services.municipality import get_municipality
    from desktop.services.workspace import Workspace
    from desktop.views.main_window import MainWindow

    def make(store, placement: str = "") -> MainWindow:
        ws = Workspace(store)
        window = MainWindow(
            ViewContext(Operations(), ws), get_municipality(ws).name, auto_sync=False, placement=placement
        )
        window.ctx.ops.parent_widget = window
        window.errors = []
        window.ctx.ops.error_handler = lambda exc, tb: window.errors.append(str(exc))
        qtbot.addWidget(window)
        window.show()
        qtbot.waitExposed(window)
        return window

    return make


FILE_DIALOG_WAIT_MS = 5000


def use_file_dialog(qtbot, open_it, respond):
    """Open the dialog as the user does, let `respond(dialog)` look at it and answer; return what it returned.

    Works whether the dialog blocks or not: the dialog is looked for from the event loop.
    """
    seen: list = []

    def look() -> None:
        dialog = QApplication.activeModalWidget()
        if isinstance(dialog, QFileDialog) and dialog.isVisible():
            seen.append(respond(dialog))
        else:
            QTimer.singleShot(20, look)

    QTimer.singleShot(0, look)
    open_it()
    qtbot.waitUntil(lambda: bool(seen), timeout=FILE_DIALOG_WAIT_MS)
    return seen[0]
