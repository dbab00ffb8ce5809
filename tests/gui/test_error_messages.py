"""An unexpected error: one Japanese message on the UI thread saying what failed and where the details are."""

import logging
import threading

import pytest
from PySide6.QtCore import QThread
from PySide6.QtWidgets import QApplication, QMessageBox

from desktop.app import _configure_logging
from desktop.operations import Operations, UnexpectedErrors
from desktop.views.sync_controller import SyncController

WAIT_MS = 5000


@pytest.fixture
def log_path(tmp_path, monkeypatch):
    """The app's log file, set up (and named in messages) as app.py does."""
    root = logging.getLogger()
    before = list(root.handlers)
    path = _configure_logging(tmp_path)
    monkeypatch.setattr(UnexpectedErrors, "log_path", path)
    yield path
    for handler in set(root.handlers) - set(before):
        root.removeHandler(handler)
        handler.close()


@pytest.fixture
def shown(monkeypatch):
    """The texts of the warning boxes opened, with whether each was opened on the UI thread."""
    boxes: list[tuple[str, bool]] = []

    def warning(parent, title, text, *args):
        boxes.append((text, QThread.currentThread() is QApplication.instance().thread()))
        return QMessageBox.StandardButton.Ok

    monkeypatch.setattr(QMessageBox, "warning", warning)
    return boxes


def broken_service(*_args, **_kwargs):
    raise KeyError("planned_go_live_internal")


def test_an_unexpected_error_in_a_save_is_one_japanese_message_with_the_log_file(qtbot, shown, log_path):
    ops = Operations()
    ops.edit(broken_service)
    qtbot.waitUntil(lambda: ops.idle and bool(shown), timeout=WAIT_MS)

    [(text, on_ui_thread)] = shown
    assert on_ui_thread
    assert "入力内容の保存で予期しないエラーが発生しました" in text and "保存されていません" in text
    assert str(log_path) in text
    assert "KeyError" not in text and "planned_go_live_internal" not in text  # details only in the log
    log = log_path.read_text(encoding="utf-8")
    assert "KeyError: 'planned_go_live_internal'" in log and "入力内容の保存" in log


def test_an_error_on_another_thread_is_shown_on_the_ui_thread_and_the_app_goes_on(qtbot, shown, log_path):
    ops = Operations()
    thread = threading.Thread(target=broken_service)
    before = threading.excepthook
    threading.excepthook = ops.errors.thread_excepthook  # as app.py installs it
    try:
        thread.start()
        thread.join()
    finally:
        threading.excepthook = before
    qtbot.waitUntil(lambda: bool(shown), timeout=WAIT_MS)

    [(text, on_ui_thread)] = shown
    assert on_ui_thread  # a box opened on the failing thread is the black window that never closes
    assert "バックグラウンドの処理で予期しないエラーが発生しました" in text and str(log_path) in text
    assert "KeyError" not in text
    ops.query(lambda: 42, on_done=lambda answer: shown.append((str(answer), True)))
    qtbot.waitUntil(lambda: len(shown) == 2, timeout=WAIT_MS)  # and work goes on


def test_errors_while_a_message_is_open_are_logged_but_not_stacked(qtbot, log_path, monkeypatch):
    ops = Operations()
    opened: list[str] = []

    def warning(parent, title, text, *args):  # while this box is open, two more errors happen
        opened.append(text)
        if len(opened) == 1:
            ops.errors.report("画面の処理", RuntimeError("second"))
            ops.errors.report("画面の処理", RuntimeError("third"))
            QApplication.processEvents()  # delivers the two queued messages while the first is open
        return QMessageBox.StandardButton.Ok

    monkeypatch.setattr(QMessageBox, "warning", warning)
    ops.errors.report("画面の処理", RuntimeError("first"))
    qtbot.waitUntil(lambda: bool(opened), timeout=WAIT_MS)
    QApplication.processEvents()
    assert len(opened) == 1
    log = log_path.read_text(encoding="utf-8")
    assert all(f"RuntimeError: {n}" in log for n in ("first", "second", "third"))


def test_a_sync_that_fails_unexpectedly_says_so_in_japanese_not_by_the_exception_class(qtbot, ctx, log_path):
    controller = SyncController(ctx, auto=False)
    failures: list[object] = []
    controller.finished.connect(failures.append)
    ctx.ops.background(broken_service, on_done=controller._done, on_error=controller._failed)  # as sync_now
    qtbot.waitUntil(lambda: bool(failures), timeout=WAIT_MS)

    assert controller.error == f"予期しないエラー（詳しい内容は {log_path}）"
    assert "KeyError" not in controller.error
    assert "KeyError: 'planned_go_live_internal'" in log_path.read_text(encoding="utf-8")
    qtbot.waitUntil(lambda: ctx.ops.idle, timeout=WAIT_MS)
