"""Progress reporting for long tasks, Qt-free so services and builders can use it."""

import threading
from collections.abc import Callable

from desktop.models.errors import Cancelled


class Progress:
    """Passed into long tasks: report(done, total, label) and check() for cancellation."""

    def __init__(self, on_report: Callable[[int, int, str], None] | None = None):
        self._on_report = on_report
        self._cancel = threading.Event()

    def report(self, done: int, total: int, label: str = "") -> None:
        """Tell the UI how far along we are; raises Cancelled if the user asked to stop."""
        self.check()
        if self._on_report is not None:
            self._on_report(done, total, label)

    def cancel(self) -> None:
        """Ask the task to stop at its next check."""
        self._cancel.set()

    @property
    def cancelled(self) -> bool:
        """True once cancel() was called."""
        return self._cancel.is_set()

    def check(self) -> None:
        """Raise Cancelled if the user asked to stop."""
        if self._cancel.is_set():
            raise Cancelled()


NO_PROGRESS = Progress()
