"""Background operations: the one way the UI runs service calls without freezing.

Modelled on Anki's CollectionOp/QueryOp: every store call runs on a single DB worker thread (one writer at a
time); long tasks (documents, export, import) run on a second pool with a progress dialog that appears only
after ~0.5 s and has a cancel button. Results and errors come back on the UI thread; an error is shown once,
in Japanese, and logged with context. Edits emit `changed` with the kinds touched so pages can refresh, and
`saved` so the status bar can show 保存済.
"""

from __future__ import annotations

import gc
import logging
import traceback
from collections.abc import Callable, Iterable
from typing import Any

from PySide6.QtCore import QObject, QRunnable, Qt, QThreadPool, QTimer, Signal
from PySide6.QtWidgets import QMessageBox, QProgressDialog, QWidget

from desktop.models.errors import Cancelled, DomainError
from desktop.models.progress import Progress

log = logging.getLogger(__name__)

PROGRESS_DELAY_MS = 500
GC_INTERVAL_MS = 60_000


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
            self.relay.failed.emit(exc, traceback.format_exc())
        else:
            self.relay.done.emit(result)


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


class Operations(QObject):
    """Runs service calls off the UI thread and reports back on it."""

    changed = Signal(object)  # frozenset of record kinds touched
    saved = Signal()
    busy_changed = Signal(bool)

    def __init__(self, parent_widget: QWidget | None = None):
        super().__init__(parent_widget)
        self.parent_widget = parent_widget
        self._db_pool = QThreadPool(self)
        self._db_pool.setMaxThreadCount(1)  # the single DB worker
        self._long_pool = QThreadPool(self)
        self._long_pool.setMaxThreadCount(2)
        self._relays: set[_Relay] = set()
        self._pending = 0  # jobs submitted whose result has not yet been handed to its callback
        self.error_handler: Callable[[BaseException, str], None] = self._show_error

    # -- plumbing -----------------------------------------------------------------------------------------
    def _submit(
        self,
        pool: QThreadPool,
        fn: Callable[[], Any],
        on_done: Callable[[Any], None] | None,
        on_error: Callable[[BaseException], None] | None,
    ) -> _Relay:
        relay = _Relay()
        self._relays.add(relay)
        self._pending += 1

        def finish(result: Any) -> None:
            self._relays.discard(relay)
            relay.deleteLater()  # drops its connections, so relay and callbacks do not wait for the GC
            try:
                if on_done is not None:
                    on_done(result)
            finally:
                self._pending -= 1  # after the callback, so work it chains keeps the count above zero

        def fail(exc: BaseException, tb: str) -> None:
            self._relays.discard(relay)
            relay.deleteLater()
            try:
                if on_error is not None:
                    on_error(exc)
                elif not isinstance(exc, Cancelled):
                    self.error_handler(exc, tb)
            finally:
                self._pending -= 1

        relay.done.connect(finish, Qt.ConnectionType.QueuedConnection)
        relay.failed.connect(fail, Qt.ConnectionType.QueuedConnection)
        pool.start(_Job(fn, relay))
        return relay

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
        self._submit(self._db_pool, lambda: fn(*args, **kwargs), on_done, on_error)

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

        def done(result: Any) -> None:
            self.saved.emit()
            if kinds:
                self.changed.emit(kinds)
            if on_done is not None:
                on_done(result)

        self._submit(self._db_pool, lambda: fn(*args, **kwargs), done, on_error)

    def background(
        self,
        fn: Callable[..., Any],
        *args: Any,
        on_progress: Callable[[int, int, str], None] | None = None,
        on_done: Callable[[Any], None] | None = None,
        on_error: Callable[[BaseException], None] | None = None,
        uses_store: bool = False,
        **kwargs: Any,
    ) -> Task:
        """Run `fn(*args, progress=Progress, **kwargs)` off the UI thread; progress comes back on the UI thread.

        For work a page shows inline (sync); long_task adds the delayed progress dialog on top of it.
        """
        relay_progress = _Relay()
        self._relays.add(relay_progress)
        progress = Progress(lambda d, t, label: relay_progress.progress.emit(d, t, label))
        task = Task(progress)
        if on_progress is not None:
            relay_progress.progress.connect(on_progress, Qt.ConnectionType.QueuedConnection)
        self.busy_changed.emit(True)

        def close() -> None:
            task.finished = True
            self._relays.discard(relay_progress)
            relay_progress.deleteLater()
            self.busy_changed.emit(False)

        pool = self._db_pool if uses_store else self._long_pool
        self._submit(
            pool,
            lambda: fn(*args, progress=progress, **kwargs),
            _closing(close, on_done),
            _closing(close, on_error or self._report),
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
            on_done=_closing(close, on_done),
            on_error=_closing(close, on_error or self._report),
            uses_store=uses_store,
            **kwargs,
        )
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

    # -- errors -------------------------------------------------------------------------------------------
    def _show_error(self, exc: BaseException, tb: str) -> None:
        if isinstance(exc, DomainError):
            log.info("user error: %s", exc)
            message = str(exc)
        else:
            log.error("unexpected error in background operation:\n%s", tb)
            message = self.tr(
                "予期しないエラーが発生しました。操作は保存されていません。\n\n{0}: {1}"
            ).format(type(exc).__name__, exc)
        QMessageBox.warning(self.parent_widget, self.tr("自治体DXナビ"), message)
