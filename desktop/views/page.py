"""Base of every navigator page: built lazily, refreshed when the data it shows changes."""

from PySide6.QtWidgets import QScrollArea, QVBoxLayout, QWidget

from desktop.views.context import ViewContext
from desktop.views.style import MARGIN, SPACING


class Page(QWidget):
    """A page hosted by the main window. Subclasses set `listens` and implement `refresh()`."""

    listens: frozenset[str] = frozenset()

    def __init__(self, ctx: ViewContext, parent: QWidget | None = None):
        super().__init__(parent)
        self.ctx = ctx
        ctx.ops.changed.connect(self._on_changed)

    def refresh(self) -> None:
        """Reload what the page shows (asynchronously, through ctx.ops.query)."""

    def _on_changed(self, kinds: frozenset) -> None:
        if kinds & self.listens and self.isVisible():
            self.refresh()

    def showEvent(self, event) -> None:  # noqa: N802 - Qt override
        """Pages refresh each time they are shown, so they never show stale data."""
        super().showEvent(event)
        self.refresh()


def scrolling(content: QWidget) -> QScrollArea:
    """Wrap a tall page body so small screens and large fonts still reach every field."""
    area = QScrollArea()
    area.setWidgetResizable(True)
    area.setWidget(content)
    area.setFrameShape(QScrollArea.Shape.NoFrame)
    return area


def page_layout(widget: QWidget) -> QVBoxLayout:
    """The standard margins and spacing of a page body."""
    layout = QVBoxLayout(widget)
    layout.setContentsMargins(MARGIN, MARGIN, MARGIN, MARGIN)
    layout.setSpacing(SPACING)
    return layout
