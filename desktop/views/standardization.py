"""標準化（20業務）: the migration tracker, edited in place; every change is stored at once."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from typing import Any

from PySide6.QtCore import QAbstractItemModel, QCoreApplication, QModelIndex, Qt, QTimer
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QHeaderView,
    QLabel,
    QLineEdit,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QTableView,
    QWidget,
)

from desktop.content import load_catalog
from desktop.content.catalog import Catalog, Deadline
from desktop.models import StandardizationSystem, vocab, wareki
from desktop.models.errors import DomainError
from desktop.services import records, standardization
from desktop.services.workspace import Workspace
from desktop.views.context import ViewContext
from desktop.views.locale import vocab_label
from desktop.views.page import Page, page_layout
from desktop.views.standardization_model import COL, COLUMNS, StandardizationModel
from desktop.views.style import ACCENT, heading, hint

ERROR_COLOR = "#c62828"
DEADLINE_KEY = "standard_migration"

# Initial column widths: the text each column should show in full (the user can resize them; 備考 stretches).
COLUMN_SAMPLES = {  # i18n: data
    "number": "No.20", "business": "子ども・子育て支援", "phase_key": "⑫本稼働・旧契約解約",  # i18n: data
    "vendor": "富士通Japan", "planned_go_live": "令和10年10月31日", "specific_support": "支援システム",  # i18n: data
    "specific_reason": "事業者のリソースひっ迫", "gov_cloud": "ガバクラ", "contract_end": "令和10年10月31日",  # i18n: data
}  # fmt: skip


def load_tracker(
    ws: Workspace,
) -> tuple[Catalog, list[standardization.TrackerRow], standardization.TrackerSummary]:
    """Everything the page shows, read in one DB-worker call."""
    return load_catalog(), standardization.tracker(ws), standardization.summary(ws)


def migration_deadline(catalog: Catalog) -> Deadline | None:
    """The national target for moving to 標準準拠システム."""
    return next((d for d in catalog.deadlines if d.key == DEADLINE_KEY), None)


def deadline_text(due: date) -> str:
    """令和7年度末（2026年3月31日）, or the 和暦 date when the target is not a fiscal-year end."""
    western = QCoreApplication.translate("StandardizationPage", "{0}年{1}月{2}日").format(
        due.year, due.month, due.day
    )
    fy = wareki.fiscal_year_of(due)
    if due == wareki.fiscal_year_end(fy):
        return QCoreApplication.translate("StandardizationPage", "{0}末（{1}）").format(
            wareki.fiscal_year_label(fy), western
        )
    return QCoreApplication.translate("StandardizationPage", "{0}（{1}）").format(
        wareki.wareki_date(due), western
    )


def first_load(editor: QWidget) -> bool:
    """True the first time an editor is filled.

    Qt refills open editors whenever their row changes; a refresh arriving while the user types (for example
    the reload after the previous edit in the same row) must not wipe what they typed.
    """
    if editor.property("dxnavi_loaded"):
        return False
    editor.setProperty("dxnavi_loaded", True)
    return True


class ChoiceDelegate(QStyledItemDelegate):
    """A combo box over key → label choices; a choice made with the mouse is stored at once."""

    def __init__(self, choices: Callable[[], dict[str, str]], parent: QWidget | None = None):
        super().__init__(parent)
        self.choices = choices

    def createEditor(self, parent: QWidget, option: QStyleOptionViewItem, index: QModelIndex) -> QWidget:  # noqa: N802
        combo = QComboBox(parent)
        for key, label in self.choices().items():
            combo.addItem(vocab_label(label), key)
        combo.setAccessibleName(str(index.model().headerData(index.column(), Qt.Orientation.Horizontal)))
        combo.activated.connect(lambda _i, c=combo: self._chosen(c))
        QTimer.singleShot(0, combo.showPopup)  # the list opens at once; Enter or a click chooses
        return combo

    def _chosen(self, combo: QComboBox) -> None:
        self.commitData.emit(combo)
        self.closeEditor.emit(combo, QStyledItemDelegate.EndEditHint.NoHint)

    def setEditorData(self, editor: QWidget, index: QModelIndex) -> None:  # noqa: N802
        assert isinstance(editor, QComboBox)
        if not first_load(editor):
            return
        editor.setCurrentIndex(max(editor.findData(index.data(Qt.ItemDataRole.EditRole)), 0))

    def setModelData(self, editor: QWidget, model: QAbstractItemModel, index: QModelIndex) -> None:  # noqa: N802
        assert isinstance(editor, QComboBox)
        if editor.currentData() != index.data(Qt.ItemDataRole.EditRole):
            model.setData(index, editor.currentData(), Qt.ItemDataRole.EditRole)


class TextDelegate(QStyledItemDelegate):
    """A one-line text editor; committing unchanged text stores nothing."""

    def placeholder(self) -> str:
        """Example text shown in the empty editor."""
        return ""

    def createEditor(self, parent: QWidget, option: QStyleOptionViewItem, index: QModelIndex) -> QWidget:  # noqa: N802
        editor = QLineEdit(parent)
        editor.setPlaceholderText(self.placeholder())
        editor.setAccessibleName(str(index.model().headerData(index.column(), Qt.Orientation.Horizontal)))
        return editor

    def setEditorData(self, editor: QWidget, index: QModelIndex) -> None:  # noqa: N802
        assert isinstance(editor, QLineEdit)
        if not first_load(editor):
            return
        editor.setText(str(index.data(Qt.ItemDataRole.EditRole) or ""))
        editor.selectAll()

    def setModelData(self, editor: QWidget, model: QAbstractItemModel, index: QModelIndex) -> None:  # noqa: N802
        assert isinstance(editor, QLineEdit)
        if editor.text().strip() != str(index.data(Qt.ItemDataRole.EditRole) or ""):
            model.setData(index, editor.text(), Qt.ItemDataRole.EditRole)


class DateDelegate(TextDelegate):
    """A date typed as 令和8年3月31日 or 2026-03-31; the model refuses what it cannot read."""

    def placeholder(self) -> str:
        """Both 和暦 and Western dates are accepted."""
        return self.tr("例: 令和8年3月31日 / 2026-03-31")


class TrackerTable(QTableView):
    """The tracker grid: arrows move, Enter/F2 edit, Space toggles a check, Tab leaves the table."""

    def keyPressEvent(self, event: QKeyEvent) -> None:  # noqa: N802 - Qt override
        index = self.currentIndex()
        if (
            event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter)
            and index.isValid()
            and self.state() != QAbstractItemView.State.EditingState
        ):
            if index.flags() & Qt.ItemFlag.ItemIsUserCheckable:
                self.toggle(index)
            elif index.flags() & Qt.ItemFlag.ItemIsEditable:
                self.edit(index)
            return
        super().keyPressEvent(event)

    def toggle(self, index: QModelIndex) -> None:
        """Flip a check cell."""
        checked = index.data(Qt.ItemDataRole.CheckStateRole) == Qt.CheckState.Checked
        state = Qt.CheckState.Unchecked if checked else Qt.CheckState.Checked
        self.model().setData(index, state, Qt.ItemDataRole.CheckStateRole)


class StandardizationPage(Page):
    """The 20業務 tracker with the national target and a summary above it."""

    listens = frozenset({"standardization_system", "municipality", "*"})

    def __init__(self, ctx: ViewContext, parent: QWidget | None = None):
        super().__init__(ctx, parent)
        self.deadline: Deadline | None = None
        layout = page_layout(self)
        layout.addWidget(heading(self.tr("標準化（20業務）")))

        self.deadline_label = QLabel()
        self.deadline_label.setStyleSheet(f"color: {ACCENT}; font-weight: bold;")
        self.deadline_label.setWordWrap(True)
        self.deadline_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        layout.addWidget(self.deadline_label)
        self.deadline_note = hint("")
        layout.addWidget(self.deadline_note)
        self.summary_label = QLabel()
        self.summary_label.setWordWrap(True)
        self.summary_label.setTextFormat(Qt.TextFormat.RichText)
        self.summary_label.setAccessibleName(self.tr("集計"))
        layout.addWidget(self.summary_label)

        self.message_label = QLabel()
        self.message_label.setWordWrap(True)
        self.message_label.setStyleSheet(f"color: {ERROR_COLOR}; font-weight: bold;")
        self.message_label.setAccessibleName(self.tr("入力エラー"))
        self.message_label.setVisible(False)
        layout.addWidget(self.message_label)

        self.model = StandardizationModel(self)
        self.model.edit_requested.connect(self._store_edit)
        self.model.rejected.connect(self._show_rejected)
        self.table = TrackerTable()
        self.table.setModel(self.model)
        self.table.setAccessibleName(self.tr("20業務の移行状況"))
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectItems)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(
            QAbstractItemView.EditTrigger.DoubleClicked
            | QAbstractItemView.EditTrigger.EditKeyPressed
            | QAbstractItemView.EditTrigger.AnyKeyPressed
            | QAbstractItemView.EditTrigger.SelectedClicked
        )
        self.table.setTabKeyNavigation(False)
        self.table.setAlternatingRowColors(True)
        self.table.setWordWrap(False)
        self.table.verticalHeader().setVisible(False)
        self.table.setTextElideMode(Qt.TextElideMode.ElideRight)
        self.table.setItemDelegateForColumn(COL["phase_key"], ChoiceDelegate(lambda: self.model.phases, self))
        self.table.setItemDelegateForColumn(
            COL["specific_reason"], ChoiceDelegate(lambda: vocab.SPECIFIC_SUPPORT_REASON, self)
        )
        for fields, delegate in (
            (("planned_go_live", "contract_end"), DateDelegate(self)),
            (("vendor", "note"), TextDelegate(self)),
        ):
            for field in fields:
                self.table.setItemDelegateForColumn(COL[field], delegate)
        header = self.table.horizontalHeader()
        header.setMinimumSectionSize(40)
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        header.setSectionResizeMode(COL["note"], QHeaderView.ResizeMode.Stretch)  # 備考 takes the rest
        header.setDefaultAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter)
        metrics = self.table.fontMetrics()
        for i, column in enumerate(COLUMNS):
            if column.field in COLUMN_SAMPLES:
                # As wide as the sample (a vocabulary sample in the UI language) and the column title.
                sample = metrics.horizontalAdvance(vocab_label(COLUMN_SAMPLES[column.field])) + 10
                self.table.setColumnWidth(i, max(sample, header.sectionSizeHint(i)))
        self.table.verticalHeader().setDefaultSectionSize(metrics.lineSpacing() + 12)
        layout.addWidget(self.table, 1)
        layout.addWidget(
            hint(
                self.tr(
                    "セルを選んで Enter・F2 または文字入力で編集し、Space で印を切り替えます。"
                    "日付は「令和8年3月31日」や「2026-03-31」の形で入力します（空欄にすると未定）。"
                    "変更はすぐに保存されます。色の付いた行は、国の移行目標より後に移行予定で、"
                    "特定移行支援システムの印が付いていない業務です。"
                )
            )
        )

    # -- loading ------------------------------------------------------------------------------------------
    def refresh(self) -> None:
        """Reload the tracker (rows for all 20 業務 are created on first use)."""
        self.ctx.ops.query(load_tracker, self.ctx.ws, on_done=self._show)

    def _show(
        self, loaded: tuple[Catalog, list[standardization.TrackerRow], standardization.TrackerSummary]
    ) -> None:
        catalog, rows, summary = loaded
        self.deadline = migration_deadline(catalog)
        due = self.deadline.due if self.deadline else None
        due_text = deadline_text(due) if due else ""
        self.model.set_catalog(catalog.phases, due, due_text)
        self.model.set_rows(rows)
        if due is not None:
            self.deadline_label.setText(self.tr("標準準拠システムへの移行目標: {0}").format(due_text))
            self.deadline_note.setText(self.deadline.note if self.deadline else "")
        self.deadline_label.setVisible(due is not None)
        self.deadline_note.setVisible(due is not None)
        self._show_summary(summary)
        if not self.table.currentIndex().isValid() and rows:
            self.table.setCurrentIndex(self.model.index(0, COL["phase_key"]))

    def _show_summary(self, summary: standardization.TrackerSummary) -> None:
        parts = [
            self.tr("本稼働 {0} / {1}業務").format(summary.live, summary.total),
            self.tr("特定移行支援システム {0}").format(summary.specific_support),
            self.tr("ガバメントクラウド {0}").format(summary.gov_cloud),
            self.tr("未着手 {0}").format(summary.not_started),
        ]
        late = self.model.late_count()
        text = "　｜　".join(parts)
        if late:
            text += "　｜　" + self.tr(
                "<span style='color:{0}'>移行目標より後の予定（特定移行支援システム未指定） {1}</span>"
            ).format(ERROR_COLOR, late)
        self.summary_label.setText(text)

    # -- editing ------------------------------------------------------------------------------------------
    def _store_edit(self, system_id: str, field: str, value: Any) -> None:
        self._show_rejected("")

        def refused(exc: BaseException) -> None:
            if isinstance(exc, DomainError):
                typed = wareki.wareki_date(value) if isinstance(value, date) else str(value)
                self.model.refuse(system_id, field, typed, str(exc))
            else:
                self.ctx.ops.error_handler(exc, "")
                self.refresh()

        self.ctx.ops.edit(
            records.update,
            self.ctx.ws,
            StandardizationSystem,
            system_id,
            **{field: value},
            changes={StandardizationSystem.kind},
            on_done=self.model.replace_system,
            on_error=refused,
        )

    def _show_rejected(self, message: str) -> None:
        self.message_label.setText(message)
        self.message_label.setVisible(bool(message))
        if message:
            self.ctx.say(message)
