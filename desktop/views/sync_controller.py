"""Runs sync in the background (never on the UI or DB thread), on demand and on a timer, and says how it went.

One per window. The status bar and the 同期 page read its state; it re-reads the store's sync status after
every edit and every sync, so what they show is what is known (DESIGN.md §4, status is truthful).
"""

from __future__ import annotations

from datetime import UTC

from PySide6.QtCore import QObject, QTimer, Signal

from desktop.models import ENTITY_BY_KIND
from desktop.models.errors import Cancelled
from desktop.operations import Task
from desktop.services import sync
from desktop.services.sync import SyncStatus
from desktop.views.context import ViewContext

AUTO_INTERVAL_MS = 5 * 60 * 1000  # every few minutes while the hub answers
RETRY_INTERVAL_MS = 60 * 1000  # sooner while it does not, so a returning network is noticed
FIRST_SYNC_MS = 3000  # shortly after the window opens


class SyncController(QObject):
    """The sync state of this window; `changed` fires whenever any of it changes."""

    changed = Signal()
    progress = Signal(int, int, str)
    token_needed = Signal(str)  # the hub refused the token (or none is stored): ask again, saying why
    finished = Signal(object)  # SyncReport, or the exception that ended the sync

    def __init__(self, ctx: ViewContext, parent: QObject | None = None, *, auto: bool = True):
        super().__init__(parent)
        self.ctx = ctx
        self.status: SyncStatus | None = None
        self.task: Task | None = None
        self.error = ""  # the last sync's failure, Japanese, or ""
        self.error_kind = ""  # unreachable, refused, error
        self.timer = QTimer(self)
        self.timer.setSingleShot(True)
        self.timer.timeout.connect(self.sync_automatically)
        ctx.ops.changed.connect(lambda _kinds: self.refresh())
        self.refresh()
        if auto:
            self.timer.start(FIRST_SYNC_MS)

    @property
    def running(self) -> bool:
        return self.task is not None

    def refresh(self) -> None:
        """Re-read counts and the last result (in the background)."""
        self.ctx.ops.query(sync.status, self.ctx.ws, on_done=self._set_status)

    def start_over(self) -> None:
        """Another town is now in the store (the demo was left): the last sync's result was not its."""
        self.error = self.error_kind = ""
        self.status = None
        self.changed.emit()
        self.refresh()

    def _set_status(self, status: SyncStatus) -> None:
        self.status = status
        self.changed.emit()

    # -- running -------------------------------------------------------------------------------------------
    def sync_automatically(self) -> None:
        """The timer: sync when a hub is set up and a token is at hand; otherwise just look again later."""
        if self.running:
            return
        if self.status is None or not self.status.configured:
            self.timer.start(AUTO_INTERVAL_MS)
            return
        self.ctx.ops.background(
            lambda progress: sync.has_token(
                self.ctx.ws
            ),  # the keyring may take seconds: not on the UI thread
            on_done=lambda has: self.sync_now() if has else self.timer.start(AUTO_INTERVAL_MS),
            on_error=lambda _exc: self.timer.start(AUTO_INTERVAL_MS),
        )

    def sync_now(self) -> None:
        """Start a sync unless one is running."""
        if self.running:
            return
        self.timer.stop()
        self.error = self.error_kind = ""
        self.task = self.ctx.ops.background(
            sync.run, self.ctx.ws, on_progress=self.progress.emit, on_done=self._done, on_error=self._failed
        )
        self.changed.emit()

    def cancel(self) -> None:
        if self.task is not None:
            self.task.cancel()

    def _done(self, report: sync.SyncReport) -> None:
        self.task = None
        self.timer.start(AUTO_INTERVAL_MS)
        self.finished.emit(report)
        self._announce()

    def _failed(self, exc: BaseException) -> None:
        self.task = None
        if isinstance(exc, Cancelled):
            self.error, self.error_kind = self.tr("同期を中止しました"), "cancelled"
            self.timer.start(AUTO_INTERVAL_MS)
        else:
            self.error = self.ctx.ops.errors.reason(self.tr("同期"), exc)
            self.error_kind = getattr(exc, "outcome", "error")
            self.timer.start(RETRY_INTERVAL_MS if self.error_kind == "unreachable" else AUTO_INTERVAL_MS)
        if self.error_kind == "refused":
            self.token_needed.emit(self.error)
        self.finished.emit(exc)
        self._announce()

    def _announce(self) -> None:
        # Everything may have changed: pages reload what they show, and so does the status.
        self.ctx.ops.changed.emit(frozenset(ENTITY_BY_KIND))

    # -- what the status bar says ----------------------------------------------------------------------------
    def state_text(self) -> str:
        """未接続 / 同期中 / 同期済 HH:MM / 同期エラー（理由）, and 未送信 n件 when there are any."""
        status = self.status
        if self.running:
            text = self.tr("同期中…")
        elif self.error_kind == "unreachable":
            text = self.tr("未接続（ハブに接続できません）")
        elif self.error_kind and self.error_kind != "cancelled":
            text = self.tr("同期エラー（{0}）").format(_short(self.error))
        elif status is not None and status.last_success is not None and status.last_success.finished_at:
            done = status.last_success.finished_at
            local = (done if done.tzinfo else done.replace(tzinfo=UTC)).astimezone()
            text = self.tr("同期済 {0}").format(local.strftime("%H:%M"))
        else:
            text = self.tr("未接続")
        if status is not None and status.pending:
            text += self.tr("・未送信 {0}件").format(status.pending)
        return text

    def conflict_count(self) -> int:
        return self.status.conflicts if self.status is not None else 0


def _short(message: str, limit: int = 30) -> str:
    first = message.split("。")[0]
    return first if len(first) <= limit else first[: limit - 1] + "…"
