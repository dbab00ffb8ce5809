"""Master–detail editing: a list of records on the left, the selected record's form on the right.

Adding creates a record at once (autosave); deleting is a tombstone with 「元に戻す」 offered.
"""

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QHBoxLayout,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

from desktop.models import Synced
from desktop.services import records
from desktop.views.context import ViewContext
from desktop.views.style import SPACING


class RecordList(QWidget):
    """A list of records with 追加/削除 and a detail widget that shows the current one.

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

        self.list = QListWidget()
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
        """The selected record."""
        row = self.list.currentRow()
        return self.items[row] if 0 <= row < len(self.items) else None

    def _show(self, items: list[Any]) -> None:
        self.items = items
        want = self._select_after_load
        self._select_after_load = None
        self.list.blockSignals(True)
        self.list.clear()
        row = 0 if items else -1
        for i, item in enumerate(items):
            text = self._label(item)
            list_item = QListWidgetItem(text)
            list_item.setToolTip(text)
            self.list.addItem(list_item)
            if item.id == want:
                row = i
        self.list.setCurrentRow(row)
        self.list.blockSignals(False)
        self._current_changed(row)

    def _current_changed(self, row: int) -> None:
        record = self.items[row] if 0 <= row < len(self.items) else None
        self.delete_button.setEnabled(record is not None)
        self.detail.show_record(record)

    def _on_changed(self, kinds: frozenset) -> None:
        if self.cls.kind in kinds:
            # Update labels in place so typing in the form does not reset the list.
            self.ctx.ops.query(self._load, on_done=self._relabel)

    def _relabel(self, items: list[Any]) -> None:
        if [i.id for i in items] != [i.id for i in self.items]:
            self._show(items)
            return
        self.items = items
        for i, item in enumerate(items):
            text = self._label(item)
            self.list.item(i).setText(text)
            self.list.item(i).setToolTip(text)

    def add(self, create: Callable[[], Any] | None = None) -> None:
        """Create a new record (with `create`, else the list's own factory) and select it."""

        def created(record: Any) -> None:
            self._select_after_load = record.id
            self.refresh()
            self.ctx.say(self.tr("{0}を追加しました。").format(self.noun))

        self.ctx.ops.edit(create or self._create, changes=set(), on_done=created)

    def delete_current(self) -> None:
        """Delete the selected record (undo is offered)."""
        record = self.current()
        if record is None:
            return
        name = self._label(record)

        def deleted(token: list) -> None:
            self.refresh()
            self.ctx.offer_undo(
                self.tr("{0}「{1}」を削除しました。").format(self.noun, name),
                lambda: self.ctx.ops.edit(records.undelete, self.ctx.ws, token, changes={self.cls.kind}),
            )

        self.detail.show_record(None)
        self.ctx.ops.edit(records.delete, self.ctx.ws, self.cls, record.id, changes=set(), on_done=deleted)
