"""Quitting right after typing: the text is stored, no work is left running, and the process ends."""

import os
import subprocess
import sys
import textwrap
from pathlib import Path

from PySide6.QtWidgets import QApplication

from desktop.operations import Operations
from desktop.services import needs
from desktop.services.workspace import Workspace
from desktop.views.context import ViewContext
from desktop.views.main_window import MainWindow

REPO = Path(__file__).resolve().parents[2]
WAIT_MS = 5000


def test_closing_the_window_right_after_typing_stores_the_text_and_starts_no_more_work(qtbot, ws):
    need = needs.create(ws, title="PM派遣")
    window = MainWindow(ViewContext(Operations(), Workspace(ws.store)), "鯖江市")
    errors: list[str] = []
    window.ctx.ops.error_handler = lambda exc, tb: errors.append(str(exc))
    qtbot.addWidget(window)
    with qtbot.waitActive(window):
        window.show()
    form = window.show_page("needs").detail.form
    qtbot.waitUntil(lambda: form.record_id == need.id, timeout=WAIT_MS)
    field = form.widgets["detail"]
    field.setFocus()
    qtbot.waitUntil(field.hasFocus, timeout=WAIT_MS)
    qtbot.keyClicks(field, "ok")

    window.close()  # what 終了 (Ctrl+Q) and the window's close button do

    assert needs.get(ws, need.id).detail == "ok"  # committed before the window was gone
    QApplication.processEvents()  # the answers that were still on their way to the closed window
    assert window.ctx.ops.idle  # … start no new queries against a store that is about to close
    assert errors == []


# The real app in a child process: type into 詳細 of a need and quit at once, as a user would with Ctrl+Q.
TYPE_AND_QUIT = """
    import sys
    from datetime import UTC, datetime

    from PySide6.QtCore import QTimer
    from PySide6.QtGui import QAction
    from PySide6.QtTest import QTest
    from PySide6.QtWidgets import QApplication

    from desktop.app import run_gui
    from desktop.views.main_window import MainWindow

    app = QApplication(sys.argv)

    def drive():
        windows = [w for w in app.topLevelWidgets() if isinstance(w, MainWindow) and w.isVisible()]
        form = windows[0].show_page("needs").detail.form if windows else None
        if form is None or form.record_id is None or not windows[0].isActiveWindow():
            QTimer.singleShot(20, drive)  # not loaded yet
            return
        field = form.widgets["detail"]
        field.setFocus()
        QTest.keyClicks(field, "typed")
        next(a for a in windows[0].findChildren(QAction) if a.text() == "終了(&Q)").trigger()  # Ctrl+Q
        print("quit", flush=True)

    QTimer.singleShot(0, drive)
    sys.exit(run_gui(sys.argv[1], "ja", clock=lambda: datetime(2026, 11, 29, 3, tzinfo=UTC)))
"""


def test_the_app_quit_right_after_typing_exits_cleanly_with_the_text_stored(ws, open_store):
    need = needs.create(ws, title="PM派遣")
    data_dir = ws.store.data_dir
    ws.store.close()  # the app opens the data dir itself
    child = subprocess.run(
        [sys.executable, "-c", textwrap.dedent(TYPE_AND_QUIT), str(data_dir)],
        capture_output=True,
        text=True,
        encoding="utf-8",
        env={**os.environ, "PYTHONPATH": str(REPO), "QT_QPA_PLATFORM": "offscreen"},
        cwd=REPO,
        timeout=120,  # a hang (the old black dialog) fails here
    )
    assert child.returncode == 0, child.stderr
    assert child.stdout.strip() == "quit"
    log = (data_dir / "logs" / "dxnavi.log").read_text(encoding="utf-8")
    assert " ERROR " not in log and "Traceback" not in log, log
    with open_store(data_dir, auto_backup=False) as store:
        assert needs.get(Workspace(store), need.id).detail == "typed"
