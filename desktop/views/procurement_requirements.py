"""要件定義書: the 機能要件 / 非機能要件 rows of a spec — a table, the selected row's form, add and delete."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, Qt
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QSplitter,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from desktop.content.templates import load_spec_templates
from desktop.models import ProcurementRequirement, ProcurementSpec, vocab
from desktop.services import procurement
from desktop.views.context import ViewContext
from desktop.views.fields import ChoiceField
from desktop.views.locale import vocab_label
from desktop.views.record_form import FieldSpec, RecordForm
from desktop.views.record_list import delete_with_undo, show_selected_record
from desktop.views.style import SPACING, hint

COLUMNS = (
    QT_TRANSLATE_NOOP("RequirementsTab", "区分"),
    QT_TRANSLATE_NOOP("RequirementsTab", "分類"),
    QT_TRANSLATE_NOOP("RequirementsTab", "要件"),
    QT_TRANSLATE_NOOP("RequirementsTab", "必須"),
)


class RequirementForm(RecordForm):
    """The selected row; the 分類 choices follow the 区分 (機能要件 / 非機能要件)."""

    def __init__(self, ctx: ViewContext, parent: QWidget | None = None):
        # Built before the QObject exists, so the context is given explicitly.
        specs = [
            FieldSpec(
                "req_kind",
                QCoreApplication.translate("RequirementForm", "区分"),
                "choice",
                vocab.REQUIREMENT_KIND,
            ),
            FieldSpec("category", QCoreApplication.translate("RequirementForm", "分類"), "choice", {}),
            FieldSpec("text", QCoreApplication.translate("RequirementForm", "要件"), "text", lines=3),
            FieldSpec(
                "mandatory",
                QCoreApplication.translate("RequirementForm", "必須とする（満たさない提案は失格）"),
                "check",
            ),
        ]
        super().__init__(ctx, ProcurementRequirement, specs, parent)
        self.categories = load_spec_templates()
        self.widgets["req_kind"].committed.connect(self._kind_committed)

    def show_record(self, record: Any | None) -> None:
        """Fill the form; the 分類 list is the one of the row's 区分."""
        category: ChoiceField = self.widgets["category"]  # type: ignore[assignment]
        if record is not None:
            category.set_choices(self._category_choices(record.req_kind, record.category))
        super().show_record(record)

    def _category_choices(self, kind: str, current: str = "") -> dict[str, str]:
        names = list(self.categories.categories(kind))
        if current and current not in names:
            names.insert(0, current)  # a category typed elsewhere stays visible
        return {"": self.tr("（未選択）"), **{n: n for n in names}}

    def _kind_committed(self, kind: str) -> None:
        category: ChoiceField = self.widgets["category"]  # type: ignore[assignment]
        current = category.value() or ""
        category.set_choices(self._category_choices(kind))
        if current in self.categories.categories(kind):
            category.set_value(current)
        elif current:
            category.set_value("")
            self._commit("category", "")


class RequirementsTab(QWidget):
    """Table of 要件定義書 rows with a form for the selected one; deletes offer 元に戻す."""

    def __init__(self, ctx: ViewContext, parent: QWidget | None = None):
        super().__init__(parent)
        self.ctx = ctx
        self.spec_id: str | None = None
        self.rows: list[Any] = []  # lightweight rows (procurement.requirement_summaries)
        self._select_after_load: str | None = None
        self._type_into_when_shown: str | None = None  # a row just added: its 要件 gets the focus once shown

        self.table = QTableWidget(0, len(COLUMNS))
        self.table.setHorizontalHeaderLabels([self.tr(c) for c in COLUMNS])
        self.table.setAccessibleName(self.tr("要件の一覧"))
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setWordWrap(True)
        self.table.verticalHeader().setVisible(False)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.Interactive)
        header.setSectionResizeMode(2, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(3, QHeaderView.ResizeMode.ResizeToContents)
        self.table.setColumnWidth(1, 170)
        self.table.currentCellChanged.connect(lambda row, *_: self._row_changed(row))
        QShortcut(QKeySequence.StandardKey.Delete, self.table, activated=self.delete_current)

        self.form = RequirementForm(ctx)
        self.form.shown.connect(self._form_shown)
        self.add_functional = QPushButton(self.tr("機能要件を追加"))
        self.add_functional.clicked.connect(lambda: self.add("functional"))
        self.add_non_functional = QPushButton(self.tr("非機能要件を追加"))
        self.add_non_functional.clicked.connect(lambda: self.add("non_functional"))
        self.delete_button = QPushButton(self.tr("削除"))
        self.delete_button.clicked.connect(self.delete_current)
        self.count_label = QLabel()
        self.count_label.setWordWrap(True)  # gives way to the buttons when the window is narrow
        self.count_label.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        buttons = QHBoxLayout()
        for b in (self.add_functional, self.add_non_functional, self.delete_button):
            buttons.addWidget(b)
        buttons.addStretch()
        buttons.addWidget(self.count_label)

        top = QWidget()
        top_layout = QVBoxLayout(top)
        top_layout.setContentsMargins(0, 0, 0, 0)
        top_layout.addWidget(
            hint(
                self.tr(
                    "要件定義書（別紙）に載る要件です。行を選ぶと下で編集できます。区分・分類は実践ガイドブック第5章によります。"
                )
            )
        )
        top_layout.addWidget(self.table, 1)
        top_layout.addLayout(buttons)
        splitter = QSplitter(Qt.Orientation.Vertical)
        splitter.addWidget(top)
        splitter.addWidget(self.form)
        splitter.setStretchFactor(0, 3)
        splitter.setStretchFactor(1, 1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(SPACING, SPACING, SPACING, SPACING)
        layout.addWidget(splitter)
        ctx.ops.changed.connect(self._on_changed)
        self.show_spec(None)

    # -- loading --------------------------------------------------------------------------------------------
    def show_spec(self, spec: ProcurementSpec | None) -> None:
        """Show the rows of a spec (None clears)."""
        self.form.show_record(None)
        self.spec_id = None if spec is None else spec.id
        self.setEnabled(spec is not None)
        self._fill([])
        if spec is not None:
            self.reload()

    def reload(self) -> None:
        """Read the rows again (keeps the selected one)."""
        spec_id = self.spec_id
        if spec_id is None:
            return
        current = self.current()
        if self._select_after_load is None and current is not None:
            self._select_after_load = current.id

        def show(rows: list[Any]) -> None:
            if spec_id == self.spec_id:
                self._fill(rows)

        self.ctx.ops.query(procurement.requirement_summaries, self.ctx.ws, spec_id, on_done=show)

    def current(self) -> Any | None:
        """The selected table row (a lightweight row; the form holds the full record)."""
        row = self.table.currentRow()
        return self.rows[row] if 0 <= row < len(self.rows) else None

    def _fill(self, rows: list[Any]) -> None:
        want = self._select_after_load
        self._select_after_load = None
        self.rows = rows
        self.table.blockSignals(True)
        self.table.setRowCount(len(rows))
        select = 0 if rows else -1
        for i, r in enumerate(rows):
            self._set_row(i, r)
            if r.id == want:
                select = i
        if select >= 0:
            self.table.setCurrentCell(select, 2)
        self.table.resizeRowsToContents()
        self.table.blockSignals(False)
        self._row_changed(select)  # once, so the selected row's record is read once
        functional = sum(r.req_kind == "functional" for r in rows)
        self.count_label.setText(
            self.tr("機能要件 {0}件・非機能要件 {1}件").format(functional, len(rows) - functional)
        )

    def _set_row(self, i: int, r: ProcurementRequirement) -> None:
        values = (
            vocab_label(vocab.REQUIREMENT_KIND.get(r.req_kind, r.req_kind)),
            r.category,
            r.text,
            self.tr("必須") if r.mandatory else self.tr("任意"),
        )
        for col, value in enumerate(values):
            item = QTableWidgetItem(value)
            if col == 3:
                item.setTextAlignment(Qt.AlignmentFlag.AlignCenter)
            self.table.setItem(i, col, item)

    def _row_changed(self, row: int) -> None:
        summary = self.rows[row] if 0 <= row < len(self.rows) else None
        self.delete_button.setEnabled(summary is not None)
        if summary is None:
            self.form.show_record(None)
        elif summary.id != self.form.record_id:
            # The table holds lightweight rows; the form gets the full record of the selected one.
            show_selected_record(self.ctx, ProcurementRequirement, summary.id, self._is_current, self.form)

    def _form_shown(self, record_id: str | None) -> None:
        # Typing starts only once the form holds the new row, never while it still shows the previous one.
        if record_id is not None and record_id == self._type_into_when_shown:
            self._type_into_when_shown = None
            self.form.widgets["text"].setFocus()
            self.form.widgets["text"].selectAll()

    def _is_current(self, record_id: str) -> bool:
        current = self.current()
        return current is not None and current.id == record_id

    def _on_changed(self, kinds: frozenset) -> None:
        if ProcurementRequirement.kind not in kinds or self.spec_id is None:
            return
        spec_id = self.spec_id

        def relabel(rows: list[Any]) -> None:
            if spec_id != self.spec_id:
                return
            if [r.id for r in rows] != [r.id for r in self.rows]:
                self._fill(rows)
                return
            self.rows = rows
            for i, r in enumerate(rows):
                self._set_row(i, r)
            self.table.resizeRowsToContents()

        self.ctx.ops.query(procurement.requirement_summaries, self.ctx.ws, spec_id, on_done=relabel)

    # -- add / delete ---------------------------------------------------------------------------------------
    def add(self, req_kind: str) -> None:
        """Append a row of this 区分 and select it for editing."""
        if self.spec_id is None:
            return
        self.form.commit_pending()
        category = load_spec_templates().categories(req_kind)[0]

        def added(record: ProcurementRequirement) -> None:
            self._select_after_load = record.id
            self._type_into_when_shown = record.id
            self.reload()
            self.ctx.say(self.tr("要件を追加しました。内容を入力してください。"))

        self.ctx.ops.edit(
            procurement.add_requirement,
            self.ctx.ws,
            self.spec_id,
            req_kind,
            category,
            self.tr("（要件を入力してください）"),
            changes=set(),
            on_done=added,
        )

    def delete_current(self) -> None:
        """Delete the selected row; 元に戻す is offered."""
        record = self.current()
        if record is None:
            return
        text = record.text[:20] + ("…" if len(record.text) > 20 else "")
        message = self.tr("要件「{0}」を削除しました。").format(text)
        self.form.show_record(None)
        delete_with_undo(self.ctx, ProcurementRequirement, record.id, message, on_deleted=self.reload)
