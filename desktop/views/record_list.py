"""Master–detail editing: a list of records on the left, the selected record's form on the right.

Adding creates a record at once (autosave); deleting is a tombstone with 「元に戻す」 offered. Tables of records
elsewhere (procurement_*.py) read the selected record and delete with undo through the same functions here.
"""

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QEvent, Qt
from PySide6.QtGui import QHelpEvent, QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QHBoxLayout,
    QListWidget,
    QPushButton,
    QSplitter,
    QToolTip,
    QVBoxLayout,
    QWidget,
)

from desktop.models import Synced
from desktop.models.errors import NotFoundError
from desktop.services import records
from desktop.views.context import ViewContext
from desktop.views.style import SPACING

# Word-wrapped labels are measured one by one (~10 µs each); longer lists take the first row's height for all.
MEASURED_ROWS = 2000


class LabelList(QListWidget):
    """A list of plain-text labels whose tooltip is the item's whole label.

    The tooltip is read from the item when asked for rather than stored with each item: a list of 12,500 rows
    is filled with one `addItems` call and holds every label once.
    """

    def viewportEvent(self, event: QEvent) -> bool:  # noqa: N802 - Qt override
        if event.type() == QEvent.Type.ToolTip and isinstance(event, QHelpEvent):
            item = self.itemAt(event.pos())
            if item is None:
                QToolTip.hideText()
                event.ignore()
            else:
                QToolTip.showText(event.globalPos(), item.text(), self.viewport(), self.visualItemRect(item))
            return True
        return super().viewportEvent(event)


class RecordList(QWidget):
    """A list of records with 追加/削除 and a detail widget that shows the current one.

    `load` returns lightweight rows (`records.summaries`: `id` plus the fields `label` uses), never ORM records:
    a list may hold tens of thousands. The selected row's full record is read (`records.get`) and handed to
    `detail.show_record`; code that needs more than the label's fields uses that record, not `current()`.
    `noun` names one record in messages (「{noun}を追加」); callers translate it as tr("…", "record noun").
    """

    def __init__(
        self,
        ctx: ViewContext,
        cls: type[Synced],
        load: Callable[[], list[Any]],
        label: Callable[[Any], str],
        detail: QWidget,
        create: Callable[[], Any],
        noun: str,
        parent: QWidget | None = None,
    ):
        super().__init__(parent)
        self.ctx, self.cls, self._load, self._label, self._create = ctx, cls, load, label, create
        self.detail = detail
        self.noun = noun
        self.items: list[Any] = []
        self._select_after_load: str | None = None

        self.list = LabelList()
        self.list.setAccessibleName(self.tr("{0}の一覧").format(noun))
        # Long labels are elided and shown whole in a tooltip, rather than scrolled sideways.
        self.list.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.list.setTextElideMode(Qt.TextElideMode.ElideRight)
        self.list.currentRowChanged.connect(self._current_changed)
        self.add_button = QPushButton(self.tr("{0}を追加").format(noun))
        self.add_button.clicked.connect(lambda: self.add())
        self.delete_button = QPushButton(self.tr("削除"))
        self.delete_button.setEnabled(False)
        self.delete_button.clicked.connect(self.delete_current)
        QShortcut(QKeySequence.StandardKey.Delete, self.list, activated=self.delete_current)

        buttons = QHBoxLayout()
        buttons.addWidget(self.add_button)
        buttons.addWidget(self.delete_button)
        buttons.addStretch()
        left = QWidget()
        left_layout = QVBoxLayout(left)
        left_layout.setContentsMargins(0, 0, 0, 0)
        left_layout.addWidget(self.list)
        left_layout.addLayout(buttons)

        splitter = QSplitter(Qt.Orientation.Horizontal)
        splitter.addWidget(left)
        splitter.addWidget(detail)
        splitter.setStretchFactor(0, 1)
        splitter.setStretchFactor(1, 3)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(SPACING)
        layout.addWidget(splitter)
        ctx.ops.changed.connect(self._on_changed)

    def refresh(self) -> None:
        """Reload the list from the store (keeps the selection)."""
        current = self.current()
        if self._select_after_load is None and current is not None:
            self._select_after_load = current.id
        self.ctx.ops.query(self._load, on_done=self._show)

    def current(self) -> Any | None:
        """The selected list row (a lightweight row: `id` and the fields the label uses)."""
        row = self.list.currentRow()
        return self.items[row] if 0 <= row < len(self.items) else None

    def _show(self, items: list[Any], keep_detail: bool = False) -> None:
        shown = self.current()
        self.items = items
        want = self._select_after_load
        self._select_after_load = None
        labels = [self._label(item) for item in items]
        row = next((i for i, item in enumerate(items) if item.id == want), 0 if items else -1)
        # Rows of one height are laid out without measuring every label (12,500 rows in a few ms). Labels of a
        # list without word wrap are one line; a word-wrapped list is measured unless it is very long.
        self.list.setUniformItemSizes(not self.list.wordWrap() or len(items) > MEASURED_ROWS)
        self.list.blockSignals(True)
        self.list.clear()
        self.list.addItems(labels)  # one call for the whole list: fast and no per-row wrapper objects
        self.list.setCurrentRow(row)
        self.list.blockSignals(False)
        if keep_detail and shown is not None and 0 <= row < len(items) and items[row].id == shown.id:
            self.delete_button.setEnabled(True)  # the form keeps the record (and the field being typed in)
        else:
            self._current_changed(row)

    def _current_changed(self, row: int) -> None:
        summary = self.items[row] if 0 <= row < len(self.items) else None
        self.delete_button.setEnabled(summary is not None)
        if summary is None:
            self.detail.show_record(None)
            return
        # The list holds lightweight rows; the full record is read for the selected row only.
        show_selected_record(self.ctx, self.cls, summary.id, self._is_current, self.detail)

    def _is_current(self, record_id: str) -> bool:
        current = self.current()
        return current is not None and current.id == record_id

    def _on_changed(self, kinds: frozenset) -> None:
        if (
            "*" in kinds
        ):  # data replaced from elsewhere (a package import): the shown record is read again too
            self.refresh()
        elif self.cls.kind in kinds:
            # Update labels in place so typing in the form does not reset the list.
            self.ctx.ops.query(self._load, on_done=self._relabel)

    def _relabel(self, items: list[Any]) -> None:
        if [i.id for i in items] != [i.id for i in self.items]:
            # Added, removed or reordered (the edit changed a sort key): the selected record stays selected.
            current = self.current()
            if self._select_after_load is None and current is not None:
                self._select_after_load = current.id
            self._show(items, keep_detail=True)
            return
        before, self.items = self.items, items
        for i, (item, old) in enumerate(zip(items, before, strict=True)):
            if item != old:  # rows compare by value: only the edited ones are relabelled
                self.list.item(i).setText(self._label(item))

    def add(self, create: Callable[[], Any] | None = None) -> None:
        """Create a new record (with `create`, else the list's own factory) and select it."""

        def created(record: Any) -> None:
            self.show_created(record, self.tr("{0}を追加しました。").format(self.noun))

        self.ctx.ops.edit(create or self._create, changes=set(), on_done=created)

    def show_created(self, record: Any, message: str) -> None:
        """Reload with a record just created selected, and say `message` in the status bar."""
        self._select_after_load = record.id
        self.refresh()
        self.ctx.say(message)

    def delete_current(self) -> None:
        """Delete the selected record (undo is offered)."""
        record = self.current()
        if record is None:
            return
        message = self.tr("{0}「{1}」を削除しました。").format(self.noun, self._label(record))
        self.detail.show_record(None)
        delete_with_undo(self.ctx, self.cls, record.id, message, on_deleted=self.refresh)


def show_selected_record(
    ctx: ViewContext,
    cls: type[Synced],
    record_id: str,
    is_current: Callable[[str], bool],
    detail: QWidget,
) -> None:
    """Read the selected row's full record and hand it to `detail.show_record` if the row is still selected."""

    def show(record: Any) -> None:
        if is_current(record.id):  # else the selection moved on while it was read
            detail.show_record(record)

    def unreadable(exc: BaseException) -> None:
        if not is_current(record_id):
            return
        detail.show_record(None)
        if not isinstance(exc, NotFoundError):  # deleted elsewhere (sync): the next reload drops the row
            ctx.ops.error_handler(exc, "")

    ctx.ops.query(records.get, ctx.ws, cls, record_id, on_done=show, on_error=unreadable)


def delete_with_undo(
    ctx: ViewContext, cls: type[Synced], record_id: str, message: str, on_deleted: Callable[[], None]
) -> None:
    """Tombstone a record (and its children), call `on_deleted`, then offer 元に戻す with `message`."""

    def deleted(token: list) -> None:
        on_deleted()
        ctx.offer_undo(message, lambda: ctx.ops.edit(records.undelete, ctx.ws, token, changes={cls.kind}))

    ctx.ops.edit(records.delete, ctx.ws, cls, record_id, changes=set(), on_done=deleted)
