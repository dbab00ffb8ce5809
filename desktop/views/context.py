"""What every page gets: the operations runner, the workspace, and a way to offer undo."""

from collections.abc import Callable
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, Signal

from desktop.operations import Operations
from desktop.services.workspace import Workspace

if TYPE_CHECKING:
    from desktop.views.sync_controller import SyncController


class Notices(QObject):
    """Page → shell messages: status text and undo offers."""

    message = Signal(str)
    undo_offered = Signal(str, object)  # text, callable that undoes


@dataclass
class ViewContext:
    """Passed to every page and dialog instead of a global."""

    ops: Operations
    ws: Workspace
    notices: Notices = field(default_factory=Notices)
    sync: "SyncController | None" = None  # set by the main window

    def say(self, text: str) -> None:
        """Show a short message in the status bar."""
        self.notices.message.emit(text)

    def offer_undo(self, text: str, undo: Callable[[], None]) -> None:
        """Show 「元に戻す」 for a destructive edit (also bound to Ctrl+Z)."""
        self.notices.undo_offered.emit(text, undo)
