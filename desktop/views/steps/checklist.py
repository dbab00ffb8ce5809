"""The checkpoints of one step: status per row, and why / done-when / source with notes for the selected one.

Every change is stored at once through `steps.set_check`; the list reloads when checklist state changes.
"""

from pathlib import Path
from typing import Any

from PySide6.QtCore import QModelIndex, QRect, QSize, Qt, Signal
from PySide6.QtGui import QBrush, QColor, QFont, QKeyEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QFormLayout,
    QFrame,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QProgressBar,
    QPushButton,
    QScrollArea,
    QSizePolicy,
    QSplitter,
    QStyle,
    QStyledItemDelegate,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from desktop.models import wareki
from desktop.models.vocab import CHECK_STATUS
from desktop.services import steps
from desktop.services.steps import CheckItem
from desktop.views import fields as f
from desktop.views.context import ViewContext
from desktop.views.file_dialogs import ask_open_path
from desktop.views.locale import checkpoint_title, vocab_label
from desktop.views.record_form import save_field
from desktop.views.style import SPACING, STATUS_COLORS, heading, hint

STATUS_KEYS = tuple(CHECK_STATUS)  # 1–4 on the keyboard pick these, in this order
TITLE_COL, STATUS_COL, ASSIGNEE_COL, DATE_COL = range(4)


class _StatusCombo(QComboBox):
    """The status choice opened by F2 or a double click; 1–4 pick a status here too, as in the list."""

    picked = Signal()

    def keyPressEvent(self, event: QKeyEvent) -> None:  # noqa: N802 - Qt override
        """1 未着手 · 2 対応中 · 3 完了 · 4 対象外, then close."""
        key = status_of_key(event)
        if key is None:
            super().keyPressEvent(event)
            return
        self.setCurrentIndex(self.findData(key))
        self.picked.emit()


def status_of_key(event: QKeyEvent) -> str | None:
    """The status a key press names (1–4 without modifiers, also on the keypad), else None."""
    text = event.text()
    if text in ("1", "2", "3", "4") and not event.modifiers() & ~Qt.KeyboardModifier.KeypadModifier:
        return STATUS_KEYS[int(text) - 1]
    return None


class _StatusDelegate(QStyledItemDelegate):
    """Edits the status column with a combo box; a pick is stored at once."""

    def __init__(self, on_pick, parent: QWidget):
        super().__init__(parent)
        self._on_pick = on_pick

    def createEditor(self, parent: QWidget, option, index: QModelIndex) -> QWidget:  # noqa: N802
        """A combo of the four statuses."""
        combo = _StatusCombo(parent)
        for key, label in CHECK_STATUS.items():
            combo.addItem(vocab_label(label), key)

        def pick() -> None:
            self.commitData.emit(combo)
            self.closeEditor.emit(combo)

        combo.activated.connect(lambda _i: pick())
        combo.picked.connect(pick)
        return combo

    def setEditorData(self, editor: QComboBox, index: QModelIndex) -> None:  # noqa: N802
        """Start from the row's status."""
        editor.setCurrentIndex(max(editor.findData(index.data(Qt.ItemDataRole.UserRole)), 0))

    def setModelData(self, editor: QComboBox, model, index: QModelIndex) -> None:  # noqa: N802
        """Store through the service instead of writing the item (the reload shows the result)."""
        if editor.currentData() != index.data(Qt.ItemDataRole.UserRole):
            self._on_pick(index.row(), editor.currentData())


class _WrapDelegate(QStyledItemDelegate):
    """Title cells as tall as their wrapped text at the column's current width."""

    def sizeHint(self, option, index: QModelIndex) -> QSize:  # noqa: N802 - Qt override
        """Height of the title wrapped to the width it is drawn in (the column less the style's text margins).

        A narrower guess wraps a title that is drawn on one line, and the row gets an empty line.
        """
        base = super().sizeHint(option, index)
        view = self.parent()
        # The margin the style leaves on each side of an item's text (QCommonStyle's viewItemDrawText).
        margin = view.style().pixelMetric(QStyle.PixelMetric.PM_FocusFrameHMargin, None, view) + 1
        width = view.header().sectionSize(index.column()) - 2 * margin
        if width <= 0:
            return base
        flags = Qt.TextFlag.TextWordWrap | Qt.AlignmentFlag.AlignLeft
        rect = option.fontMetrics.boundingRect(QRect(0, 0, width, 100000), flags, index.data() or "")
        return QSize(base.width(), max(base.height(), rect.height() + SPACING // 2))


class _CheckTree(QTreeWidget):
    """The checkpoint rows; keys 1–4 set the status of the current row, F2 or a double click opens the choice.

    A single click only selects: editing never starts by itself while the user is choosing a row or typing.
    """

    status_key = Signal(str)

    def relayout_rows(self) -> None:
        """Recompute row heights: QTreeView keeps them when a wrapping column changes width."""
        self.scheduleDelayedItemsLayout()

    def keyPressEvent(self, event: QKeyEvent) -> None:  # noqa: N802 - Qt override
        """1 未着手 · 2 対応中 · 3 完了 · 4 対象外."""
        status = status_of_key(event)
        if status is not None:
            self.status_key.emit(status)
            return
        super().keyPressEvent(event)

    def edit(self, index, trigger=None, event=None):  # noqa: D102 - Qt override
        # Whatever column has focus, editing a row means choosing its status.
        if isinstance(index, QModelIndex) and index.isValid() and index.column() != STATUS_COL:
            index = index.siblingAtColumn(STATUS_COL)
        if trigger is None:
            return super().edit(index)
        return super().edit(index, trigger, event)


class ChecklistView(QWidget):
    """Checkpoints of `step` with their status, and the selected checkpoint's explanation and notes."""

    def __init__(self, ctx: ViewContext, step: int, parent: QWidget | None = None):
        super().__init__(parent)
        self.ctx = ctx
        self.step = step
        self.items: list[CheckItem] = []
        self._current_key: str | None = None
        self._stale = True

        self.progress_label = QLabel()
        self.progress_label.setAccessibleName(self.tr("進捗"))
        self.progress_bar = QProgressBar()
        self.progress_bar.setTextVisible(False)
        self.progress_bar.setMaximumHeight(8)
        self.progress_bar.setMaximumWidth(240)
        top = QHBoxLayout()
        top.addWidget(self.progress_label)
        top.addWidget(self.progress_bar)
        top.addStretch()

        self.tree = _CheckTree()
        self.tree.setAccessibleName(self.tr("チェック項目の一覧"))
        self.tree.setHeaderLabels([self.tr("項目"), self.tr("状況"), self.tr("担当"), self.tr("完了日")])
        self.tree.setRootIsDecorated(False)
        self.tree.setAlternatingRowColors(True)
        self.tree.setAllColumnsShowFocus(True)
        self.tree.setWordWrap(True)  # long titles wrap rather than elide, at any font size
        self.tree.setUniformRowHeights(False)
        self.tree.setTextElideMode(Qt.TextElideMode.ElideNone)
        self.tree.setEditTriggers(
            QAbstractItemView.EditTrigger.DoubleClicked | QAbstractItemView.EditTrigger.EditKeyPressed
        )
        self.tree.setItemDelegateForColumn(STATUS_COL, _StatusDelegate(self._pick_row, self.tree))
        self.tree.setItemDelegateForColumn(TITLE_COL, _WrapDelegate(self.tree))
        header = self.tree.header()
        header.setStretchLastSection(False)
        header.setSectionResizeMode(TITLE_COL, QHeaderView.ResizeMode.Stretch)
        for col in (STATUS_COL, ASSIGNEE_COL, DATE_COL):
            header.setSectionResizeMode(col, QHeaderView.ResizeMode.ResizeToContents)
        header.sectionResized.connect(lambda *_: self.tree.relayout_rows())
        self.tree.currentItemChanged.connect(lambda *_: self._current_changed())
        self.tree.status_key.connect(self._status_key)

        left = QWidget()
        left_layout = QVBoxLayout(left)
        left_layout.setContentsMargins(0, 0, 0, 0)
        left_layout.addWidget(self.tree, 1)
        left_layout.addWidget(
            hint(
                self.tr(
                    "状況は 1〜4 のキー（1 未着手・2 対応中・3 完了・4 対象外）で変更します。"
                    "F2 キーかダブルクリックで選択肢を開くこともできます。"
                )
            )
        )

        splitter = QSplitter(Qt.Orientation.Horizontal)
        splitter.addWidget(left)
        splitter.addWidget(self._build_detail())
        splitter.setStretchFactor(0, 5)
        splitter.setStretchFactor(1, 4)
        splitter.setChildrenCollapsible(False)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, SPACING, 0, 0)
        layout.setSpacing(SPACING)
        layout.addLayout(top)
        layout.addWidget(splitter, 1)
        QWidget.setTabOrder(self.tree, self.status)
        ctx.ops.changed.connect(self._on_changed)

    # -- layout -------------------------------------------------------------------------------------------
    def _build_detail(self) -> QWidget:
        """The selected checkpoint's record on top, its explanation below: the fields never move between rows."""
        body = QWidget()
        layout = QVBoxLayout(body)
        layout.setContentsMargins(SPACING, 0, SPACING, 0)
        layout.setSpacing(SPACING)

        form = QFormLayout()
        form.setContentsMargins(0, 0, 0, 0)
        form.setSpacing(SPACING)
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.ExpandingFieldsGrow)
        self.status = f.ChoiceField(CHECK_STATUS)
        self.assignee = f.LineField(placeholder=self.tr("例: 企画課 DX推進係 山田"))
        self.done_on = f.DateField()
        self.evidence = f.LineField(placeholder=self.tr("例: 研修資料や議事録のファイルの場所"))
        self.browse = QPushButton(self.tr("参照…"))
        self.browse.setAccessibleName(self.tr("根拠資料のファイルを選ぶ"))
        self.browse.clicked.connect(self._browse)
        self.note = f.TextField(placeholder=self.tr("経緯や次にやることなど"), lines=4)
        self.note.setFixedHeight(self.note.minimumHeight())  # the explanation below stays in view
        evidence_row = QHBoxLayout()
        evidence_row.setSpacing(SPACING)
        evidence_row.addWidget(f.with_note(self.evidence), 1)
        evidence_row.addWidget(self.browse, 0, Qt.AlignmentFlag.AlignTop)
        self.fields = {
            "status": self.status,
            "assignee": self.assignee,
            "done_on": self.done_on,
            "evidence": self.evidence,
            "note": self.note,
        }
        labels = {
            "status": self.tr("状況"),
            "assignee": self.tr("担当"),
            "done_on": self.tr("完了日"),
            "evidence": self.tr("根拠資料"),
            "note": self.tr("メモ"),
        }
        for name, widget in self.fields.items():
            widget.setAccessibleName(labels[name])
            widget.committed.connect(lambda value, name=name: self._save_field(name, value))
            label = QLabel(labels[name])
            label.setBuddy(widget)
            form.addRow(label, evidence_row if name == "evidence" else f.with_note(widget))
        fields = QWidget()  # exactly as tall as its rows, whatever the explanation below needs
        fields.setLayout(form)
        fields.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Fixed)
        layout.addWidget(fields)

        line = QFrame()
        line.setFrameShape(QFrame.Shape.HLine)
        line.setFrameShadow(QFrame.Shadow.Sunken)
        layout.addWidget(line)
        self.detail_title = heading("", level=2)
        self.detail_title.setWordWrap(True)
        layout.addWidget(self.detail_title)
        _, self.why = self._text_block(layout, self.tr("なぜ重要か"))
        _, self.done_when = self._text_block(layout, self.tr("完了の目安"))
        self.source_caption, self.source = self._text_block(layout, self.tr("出典"))
        layout.addStretch()
        self.editor = body
        body.setEnabled(False)

        area = QScrollArea()
        area.setWidgetResizable(True)
        area.setFrameShape(QScrollArea.Shape.NoFrame)
        area.setWidget(body)
        return area

    def _text_block(self, layout: QVBoxLayout, title: str) -> tuple[QLabel, QLabel]:
        caption = QLabel(title)
        bold = QFont(caption.font())
        bold.setBold(True)
        caption.setFont(bold)
        text = QLabel()
        text.setWordWrap(True)
        text.setTextInteractionFlags(
            Qt.TextInteractionFlag.TextSelectableByMouse | Qt.TextInteractionFlag.TextSelectableByKeyboard
        )
        text.setAccessibleName(title)
        layout.addWidget(caption)
        layout.addWidget(text)
        return caption, text

    # -- loading ------------------------------------------------------------------------------------------
    def refresh(self) -> None:
        """Reload the checkpoints and their state."""
        self._stale = False
        self.ctx.ops.query(steps.checklist, self.ctx.ws, self.step, on_done=self._show)

    def showEvent(self, event) -> None:  # noqa: N802 - Qt override
        """Catch up on changes made while another tab or page was showing."""
        super().showEvent(event)
        if self._stale:
            self.refresh()

    def _on_changed(self, kinds: frozenset) -> None:
        if "checklist_state" in kinds:
            if self.isVisible():
                self.refresh()
            else:
                self._stale = True

    def _show(self, items: list[CheckItem]) -> None:
        same_rows = [i.checkpoint.key for i in items] == [i.checkpoint.key for i in self.items]
        self.items = items
        self.tree.blockSignals(True)
        if not same_rows:
            self.tree.clear()
            for _ in items:
                row = QTreeWidgetItem()
                row.setFlags(row.flags() | Qt.ItemFlag.ItemIsEditable)
                self.tree.addTopLevelItem(row)
        for i, item in enumerate(items):
            self._fill_row(self.tree.topLevelItem(i), item)
        keys = [i.checkpoint.key for i in items]
        if self.tree.currentItem() is None and items:
            index = keys.index(self._current_key) if self._current_key in keys else 0
            self.tree.setCurrentItem(self.tree.topLevelItem(index))
        self.tree.blockSignals(False)
        self._show_progress()
        self._current_changed()

    def _fill_row(self, row: QTreeWidgetItem, item: CheckItem) -> None:
        cp = item.checkpoint
        title = checkpoint_title(cp)
        status = vocab_label(CHECK_STATUS.get(item.status, item.status))
        row.setText(TITLE_COL, title)
        row.setToolTip(TITLE_COL, title)
        row.setText(STATUS_COL, "● " + status)
        row.setData(STATUS_COL, Qt.ItemDataRole.UserRole, item.status)
        row.setForeground(STATUS_COL, QBrush(QColor(STATUS_COLORS.get(item.status, "#000000"))))
        row.setText(ASSIGNEE_COL, item.assignee)
        row.setText(DATE_COL, wareki.wareki_date(item.done_on) if item.done_on else "")
        muted = item.status == "na"
        row.setForeground(TITLE_COL, QBrush(QColor(STATUS_COLORS["na"])) if muted else QBrush())
        row.setData(
            TITLE_COL,
            Qt.ItemDataRole.AccessibleTextRole,
            self.tr("{0}、{1}").format(title, status),
        )

    def _show_progress(self) -> None:
        done = sum(i.status == "done" for i in self.items)
        na = sum(i.status == "na" for i in self.items)
        applicable = len(self.items) - na
        text = self.tr("完了 {done} / {total} 項目").format(done=done, total=applicable)
        if na:
            text += self.tr("（対象外 {na}）").format(na=na)
        self.progress_label.setText(text)
        self.progress_bar.setMaximum(max(applicable, 1))
        self.progress_bar.setValue(done if applicable else 0)

    def current(self) -> CheckItem | None:
        """The selected checkpoint with its state."""
        row = self.tree.indexOfTopLevelItem(self.tree.currentItem()) if self.tree.currentItem() else -1
        return self.items[row] if 0 <= row < len(self.items) else None

    def _current_changed(self) -> None:
        item = self.current()
        if item is None:
            self.editor.setEnabled(False)
            return
        changed_row = item.checkpoint.key != self._current_key
        if changed_row:
            self.note.commit_pending()  # a half-typed note belongs to the row being left
            for widget in self.fields.values():
                widget.start_over()  # text refused for the row being left is not this row's
        self._current_key = item.checkpoint.key
        cp = item.checkpoint
        self.detail_title.setText(checkpoint_title(cp))
        self.why.setText(cp.why)
        self.done_when.setText(cp.done_when)
        # Only primary official documents are cited; without one, no 出典 is shown at all (DOMAIN.md §10.6).
        self.source.setText("\n".join(cp.citations))
        self.source.setVisible(bool(cp.citations))
        self.source_caption.setVisible(bool(cp.citations))
        for name, widget in self.fields.items():
            # While the user types in a field, a reload must not overwrite it.
            if changed_row or not widget.hasFocus():
                widget.set_value(getattr(item, name))
        self.editor.setEnabled(True)

    # -- editing ------------------------------------------------------------------------------------------
    def set_status(self, key: str, status: str) -> None:
        """Store a checkpoint's status."""
        self._save(key, {"status": status})

    def _pick_row(self, row: int, status: str) -> None:
        if 0 <= row < len(self.items):
            self.set_status(self.items[row].checkpoint.key, status)

    def _status_key(self, status: str) -> None:
        item = self.current()
        if item is not None and item.status != status:
            self.set_status(item.checkpoint.key, status)

    def _save_field(self, name: str, value: Any) -> None:
        key = self._current_key
        if key is not None:
            save_field(
                self.ctx,
                self.fields[name],
                lambda: self._current_key == key,
                steps.set_check,
                self.ctx.ws,
                key,
                changes={"checklist_state"},
                **{name: value},
            )

    def _save(self, key: str, fields: dict[str, Any]) -> None:
        self.ctx.ops.edit(steps.set_check, self.ctx.ws, key, **fields, changes={"checklist_state"})

    def _browse(self) -> None:
        ask_open_path(
            self,
            self.tr("根拠資料を選択"),
            self.evidence.text(),
            self.tr("すべてのファイル (*)"),
            self._evidence_chosen,
        )

    def _evidence_chosen(self, path: Path) -> None:
        self.evidence.setText(str(path))
        self.evidence.setFocus()
        self.evidence.editingFinished.emit()
