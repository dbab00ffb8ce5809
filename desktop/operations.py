"""Background operations: the one way the UI runs service calls without freezing.

Modelled on Anki's CollectionOp/QueryOp: every store call runs on a single DB worker thread (one writer at a
time); long tasks (documents, export, import) run on a second pool with a progress dialog that appears only
after ~0.5 s and has a cancel button. Results and errors come back on the UI thread; an error is shown once,
in Japanese, and logged with context. Edits emit `changed` with the kinds touched so pages can refresh, and
`saved` so the status bar can show 保存済.

An answer is handed only to widgets that still exist: a page rebuilt (larger text) or closed while its query
was running never receives the result (see `_receivers`). `shutdown()` ends in order: no new jobs, queued
ones finish, late answers are dropped, so the store can close under nobody's feet.
"""

from __future__ import annotations

import gc
import logging
import threading
import traceback
from collections.abc import Callable, Iterable
from pathlib import Path
from typing import Any

import shiboken6
from PySide6.QtCore import QCoreApplication, QObject, QRunnable, Qt, QThreadPool, QTimer, Signal
from PySide6.QtWidgets import QMessageBox, QProgressDialog, QWidget

from desktop.models.errors import Cancelled, DomainError
from desktop.models.progress import Progress

log = logging.getLogger(__name__)

PROGRESS_DELAY_MS = 500
GC_INTERVAL_MS = 60_000
SHUTDOWN_WAIT_MS = 60_000  # the last edits and a running backup get this long to finish when the app quits


class GuiThreadCollector(QObject):
    """Python's cyclic GC runs only on the GUI thread (Anki's rule).

    Left automatic, a collection can start on the DB worker and free Qt wrappers there, which crashes Qt.
    Objects built at start-up are frozen out of the scans so a collection stays short.
    """

    def __init__(self, parent: QObject | None = None):
        super().__init__(parent)
        gc.collect()
        gc.freeze()
        gc.disable()
        self._timer = QTimer(self)
        self._timer.timeout.connect(self.collect)
        self._timer.start(GC_INTERVAL_MS)

    def collect(self) -> None:
        """Run a collection now (on the GUI thread)."""
        gc.collect()

    def stop(self) -> None:
        """Give collection back to Python (tests and shutdown)."""
        self._timer.stop()
        gc.enable()
        gc.unfreeze()
        gc.collect()


class _Relay(QObject):
    """Lives on the UI thread; worker threads emit into it (queued connections)."""

    done = Signal(object)
    failed = Signal(object, str)
    progress = Signal(int, int, str)


class _Job(QRunnable):
    def __init__(self, fn: Callable[[], Any], relay: _Relay):
        super().__init__()
        self.fn = fn
        self.relay = relay
        self.setAutoDelete(True)

    def run(self) -> None:  # worker thread
        try:
            result = self.fn()
        except BaseException as exc:  # noqa: BLE001 - every failure is reported to the UI thread
            self._report(self.relay.failed, exc, traceback.format_exc())
        else:
            self._report(self.relay.done, result)

    @staticmethod
    def _report(signal: Any, *args: Any) -> None:
        # Nothing raised here may reach sys.excepthook, which would run on this worker thread.
        try:
            signal.emit(*args)
        except RuntimeError:  # the relay is gone: only at the very end of the process
            log.warning("result of a background job dropped: nobody is waiting for it", exc_info=True)


def _closing(close: Callable[[], None], then: Callable[[Any], None] | None) -> Callable[[Any], None]:
    """A callback that first closes what a task opened (its progress relay or dialog), then goes on."""

    def run(value: Any) -> None:
        close()
        if then is not None:
            then(value)

    return run


class Task:
    """Handle of a running long task: cancel() asks it to stop."""

    def __init__(self, progress: Progress):
        self.progress = progress
        self.finished = False

    def cancel(self) -> None:
        """Ask the task to stop."""
        self.progress.cancel()


class UnexpectedErrors(QObject):
    """The one way an unexpected error reaches the user, from any thread.

    The error is logged at once with its traceback and what was being done; the message is shown by a queued
    signal on the UI thread, never on the thread that failed (a message box opened on a worker thread is the
    black window that never closes). The message is Japanese, says what failed and where the details are,
    and carries no exception text. While one message is open, further errors are only logged.
    """

    _show = Signal(str, str)
    log_path: Path | None = None  # the app's log file, named in every message (app.py sets it at start-up)

    def __init__(self, parent_widget: QWidget | None = None):
        super().__init__()
        self.parent_widget = parent_widget
        self._open = False
        self._show.connect(self._show_message, Qt.ConnectionType.QueuedConnection)

    def report(self, what: str, exc: BaseException, consequence: str = "") -> None:
        """Log `exc` (raised while doing `what`) and show the one message; callable from any thread."""
        details = "".join(traceback.format_exception(exc))
        log.error(
            "unexpected error during %s (thread %s):\n%s", what, threading.current_thread().name, details
        )
        self._show.emit(what, consequence)

    def excepthook(self, exc_type: type[BaseException], exc: BaseException, tb: Any) -> None:
        """sys.excepthook: errors raised in Qt slots and event handlers."""
        self.report(QCoreApplication.translate("UnexpectedErrors", "画面の処理"), exc.with_traceback(tb))

    def thread_excepthook(self, args: threading.ExceptHookArgs) -> None:
        """threading.excepthook: errors that end a Python thread."""
        if args.exc_value is not None:
            self.report(
                QCoreApplication.translate("UnexpectedErrors", "バックグラウンドの処理"), args.exc_value
            )

    def reason(self, what: str, exc: BaseException) -> str:
        """A short reason to show inline (a status line) for a failure while doing `what`, no box.

        A refusal (DomainError) says itself; anything else is logged and named only as unexpected.
        """
        if isinstance(exc, DomainError):
            return str(exc)
        log.error("unexpected error during %s", what, exc_info=exc)
        if self.log_path is None:
            return self.tr("予期しないエラー")
        return self.tr("予期しないエラー（詳しい内容は {0}）").format(self.log_path)

    def message(self, what: str, consequence: str = "") -> str:
        """The Japanese text shown for an unexpected error while doing `what`."""
        lines = [self.tr("{0}で予期しないエラーが発生しました。").format(what)]
        if consequence:
            lines.append(consequence)
        if self.log_path is not None:
            lines += ["", self.tr("詳しい内容は次の記録ファイルに書き出しました。"), str(self.log_path)]
        lines += ["", self.tr("アプリはこのまま使い続けられます。")]
        return "\n".join(lines)

    def _show_message(self, what: str, consequence: str) -> None:
        if self._open:
            log.info("message not shown, another one is open: %s", what)
            return
        self._open = True
        try:
            QMessageBox.warning(self.parent_widget, self.tr("自治体DXナビ"), self.message(what, consequence))
        finally:
            self._open = False


def _receivers(callback: Callable[..., Any]) -> list[QObject]:
    """The Qt objects a callback acts on: the object of a bound method and those its closure holds.

    A page's callbacks are its methods or functions defined in them (which hold `self` or one of its
    widgets), so this finds the widgets an answer is meant for without every call naming them.
    """
    values: list[Any] = [callback]
    for cell in getattr(callback, "__closure__", None) or ():
        try:
            values.append(cell.cell_contents)
        except ValueError:  # a name the function uses but that was never bound
            continue
    owners = (getattr(value, "__self__", value) for value in values)
    return [o for o in owners if isinstance(o, QObject) and not isinstance(o, Operations)]


def _while_alive(
    callback: Callable[..., None] | None, otherwise: Callable[..., None] | None = None
) -> Callable[..., None] | None:
    """`callback`, delivered only while every widget it acts on exists (else `otherwise`, if given)."""
    if callback is None:
        return otherwise
    receivers = _receivers(callback)
    if not receivers:
        return callback

    def deliver(*answer: Any) -> None:
        if all(shiboken6.isValid(r) for r in receivers):
            callback(*answer)
        elif otherwise is not None:
            otherwise(*answer)
        else:
            log.debug("answer dropped, its widget is gone: %s", getattr(callback, "__qualname__", callback))

    return deliver


class Operations(QObject):
    """Runs service calls off the UI thread and reports back on it."""

    changed = Signal(object)  # frozenset of record kinds touched
    saved = Signal()
    busy_changed = Signal(bool)

    def __init__(self, parent_widget: QWidget | None = None):
        super().__init__(parent_widget)
        self.errors = UnexpectedErrors(parent_widget)
        self._db_pool = QThreadPool(self)
        self._db_pool.setMaxThreadCount(1)  # the single DB worker
        self._long_pool = QThreadPool(self)
        self._long_pool.setMaxThreadCount(2)
        self._relays: set[_Relay] = set()
        self._tasks: set[Task] = set()
        self._pending = 0  # jobs submitted whose result has not yet been handed to its callback
        self._closing = False
        self._failing: tuple[str, str] | None = None  # what failed, while a caller's on_error handles it
        self.error_handler: Callable[[BaseException, str], None] = self._show_error

    @property
    def parent_widget(self) -> QWidget | None:
        """The window message boxes and progress dialogs belong to."""
        return self.errors.parent_widget

    @parent_widget.setter
    def parent_widget(self, widget: QWidget | None) -> None:
        self.errors.parent_widget = widget

    # -- plumbing -----------------------------------------------------------------------------------------
    def _submit(
        self,
        pool: QThreadPool,
        fn: Callable[[], Any],
        on_done: Callable[[Any], None] | None,
        on_error: Callable[[BaseException], None] | None,
        what: tuple[str, str],
    ) -> bool:
        """Queue `fn`; False (and nothing runs) once the app is closing."""
        if self._closing:
            log.info("not started, the app is closing: %s", what[0])
            return False
        relay = _Relay()
        self._relays.add(relay)
        self._pending += 1

        def finish(result: Any) -> None:
            self._relays.discard(relay)
            relay.deleteLater()  # drops its connections, so relay and callbacks do not wait for the GC
            try:
                if on_done is not None and not self._closing:
                    on_done(result)
            finally:
                self._pending -= 1  # after the callback, so work it chains keeps the count above zero

        def fail(exc: BaseException, _tb: str) -> None:
            self._relays.discard(relay)
            relay.deleteLater()
            try:
                if self._closing:
                    self._log_late_error(exc, what[0])
                elif on_error is not None:
                    self._failing = what
                    try:
                        on_error(exc)
                    finally:
                        self._failing = None
                elif not isinstance(exc, Cancelled):
                    self._failing = what
                    try:
                        self.error_handler(exc, "".join(traceback.format_exception(exc)))
                    finally:
                        self._failing = None
            finally:
                self._pending -= 1

        relay.done.connect(finish, Qt.ConnectionType.QueuedConnection)
        relay.failed.connect(fail, Qt.ConnectionType.QueuedConnection)
        pool.start(_Job(fn, relay))
        return True

    def _or_shown(
        self, on_error: Callable[[BaseException], None] | None
    ) -> Callable[[BaseException], None] | None:
        """A caller's error handler while its widgets exist; after that the error is shown the usual way."""

        def shown(exc: BaseException) -> None:
            if not isinstance(exc, Cancelled):
                self.error_handler(exc, "")

        return _while_alive(on_error, shown) if on_error is not None else None

    # -- public API ---------------------------------------------------------------------------------------
    def query(
        self,
        fn: Callable[..., Any],
        *args: Any,
        on_done: Callable[[Any], None] | None = None,
        on_error: Callable[[BaseException], None] | None = None,
        **kwargs: Any,
    ) -> None:
        """Read through a service on the DB worker; `on_done(result)` runs on the UI thread."""
        what = (self.tr("データの読み込み"), "")
        self._submit(
            self._db_pool, lambda: fn(*args, **kwargs), _while_alive(on_done), self._or_shown(on_error), what
        )

    def edit(
        self,
        fn: Callable[..., Any],
        *args: Any,
        changes: Iterable[str] = (),
        on_done: Callable[[Any], None] | None = None,
        on_error: Callable[[BaseException], None] | None = None,
        **kwargs: Any,
    ) -> None:
        """Change data through a service on the DB worker (committed at once), then announce it."""
        kinds = frozenset(changes)
        deliver = _while_alive(on_done)

        def done(result: Any) -> None:
            self.saved.emit()  # the edit is stored even if the widget that asked for it is gone
            if kinds:
                self.changed.emit(kinds)
            if deliver is not None:
                deliver(result)

        what = (self.tr("入力内容の保存"), self.tr("この変更は保存されていません。"))
        self._submit(self._db_pool, lambda: fn(*args, **kwargs), done, self._or_shown(on_error), what)

    def background(
        self,
        fn: Callable[..., Any],
        *args: Any,
        on_progress: Callable[[int, int, str], None] | None = None,
        on_done: Callable[[Any], None] | None = None,
        on_error: Callable[[BaseException], None] | None = None,
        uses_store: bool = False,
        what: str = "",
        **kwargs: Any,
    ) -> Task:
        """Run `fn(*args, progress=Progress, **kwargs)` off the UI thread; progress comes back on the UI thread.

        For work a page shows inline (sync); long_task adds the delayed progress dialog on top of it. `what`
        names the work in the message shown if it fails unexpectedly.
        """
        relay_progress = _Relay()
        progress = Progress(lambda d, t, label: relay_progress.progress.emit(d, t, label))
        task = Task(progress)
        if self._closing:
            relay_progress.deleteLater()
            task.finished = True
            log.info("not started, the app is closing: %s", what)
            return task
        self._relays.add(relay_progress)
        self._tasks.add(task)
        if on_progress is not None:
            relay_progress.progress.connect(_while_alive(on_progress), Qt.ConnectionType.QueuedConnection)
        self.busy_changed.emit(True)

        def close() -> None:
            task.finished = True
            self._tasks.discard(task)
            self._relays.discard(relay_progress)
            relay_progress.deleteLater()
            self.busy_changed.emit(False)

        pool = self._db_pool if uses_store else self._long_pool
        self._submit(
            pool,
            lambda: fn(*args, progress=progress, **kwargs),
            _closing(close, _while_alive(on_done)),
            _closing(close, self._or_shown(on_error) or self._report),
            (what or self.tr("バックグラウンドの処理"), ""),
        )
        return task

    def _report(self, exc: BaseException) -> None:
        """The default end of a failed background task: shown once, unless it was cancelled."""
        if not isinstance(exc, Cancelled):
            self.error_handler(exc, "".join(traceback.format_exception(exc)))

    def long_task(
        self,
        fn: Callable[..., Any],
        *args: Any,
        title: str,
        on_done: Callable[[Any], None] | None = None,
        on_error: Callable[[BaseException], None] | None = None,
        uses_store: bool = False,
        **kwargs: Any,
    ) -> Task:
        """Run `fn(*args, progress=Progress, **kwargs)` in the background with a delayed progress dialog."""
        dialog = QProgressDialog(title, self.tr("キャンセル"), 0, 0, self.parent_widget)
        dialog.setWindowTitle(title)
        dialog.setWindowModality(Qt.WindowModality.WindowModal)
        dialog.setMinimumDuration(10**9)  # shown by our own timer, never by Qt's heuristics
        dialog.setAutoClose(False)
        dialog.setAutoReset(False)
        dialog.reset()
        timer = QTimer(self)
        timer.setSingleShot(True)

        def on_progress(done: int, total: int, label: str) -> None:
            dialog.setMaximum(max(total, 0))
            dialog.setValue(min(done, total) if total else 0)
            if label:
                dialog.setLabelText(label)

        def close() -> None:
            timer.stop()
            dialog.close()
            dialog.deleteLater()

        task = self.background(
            fn,
            *args,
            on_progress=on_progress,
            on_done=_closing(close, _while_alive(on_done)),
            on_error=_closing(close, self._or_shown(on_error) or self._report),
            uses_store=uses_store,
            what=self.tr("「{0}」の処理").format(title),
            **kwargs,
        )
        if task.finished:  # not started: the app is closing
            close()
            return task
        dialog.canceled.connect(task.cancel)
        timer.timeout.connect(lambda: None if task.finished else dialog.show())
        timer.start(PROGRESS_DELAY_MS)
        return task

    @property
    def idle(self) -> bool:
        """True when every job submitted so far has finished and its callback has run on the UI thread."""
        return self._pending == 0

    def wait_idle(self, msecs: int = 30000) -> bool:
        """Block until queued work has finished (used at shutdown and in tests)."""
        return self._db_pool.waitForDone(msecs) and self._long_pool.waitForDone(msecs)

    def shutdown(self, msecs: int = SHUTDOWN_WAIT_MS) -> bool:
        """The ordered end: take no new jobs, cancel long tasks, let the queued edits finish, drop late answers.

        Call it after the field being edited has committed and before the store closes. Returns False (and
        logs) if the work did not finish in time. Safe to call twice.
        """
        if not self._closing:
            log.info("shutting down background work")
        self._closing = True
        for task in list(self._tasks):
            task.cancel()
        finished = self.wait_idle(msecs)
        if not finished:
            log.error("background work still running after %d ms at shutdown", msecs)
        return finished

    # -- errors -------------------------------------------------------------------------------------------
    def _log_late_error(self, exc: BaseException, what: str) -> None:
        if isinstance(exc, DomainError | Cancelled):
            log.warning("refused while the app was closing (%s): %s", what, exc)
        else:
            log.error("error while the app was closing (%s)", what, exc_info=exc)

    def _show_error(self, exc: BaseException, _tb: str) -> None:
        if isinstance(exc, DomainError):
            log.info("user error: %s", exc)
            QMessageBox.warning(self.parent_widget, self.tr("自治体DXナビ"), str(exc))
            return
        what, consequence = self._failing or (self.tr("処理"), "")
        self.errors.report(what, exc, consequence)
