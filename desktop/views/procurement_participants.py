"""参加団体 (共同調達 only): the participating bodies, their population and share of the cost.

A 団体コード is checked as it is typed (6 digits, check digit) and again by the service; 名称 and 人口 are edited
in the table; 「負担割合を再計算」 applies the spec's 按分方法 so that the shares add up to exactly 100%.
"""

from __future__ import annotations

from PySide6.QtCore import QT_TRANSLATE_NOOP, Qt
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QAbstractItemView,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from desktop.models import ProcurementParticipant, ProcurementSpec, municipal_code, vocab
from desktop.models.errors import DomainError, ValidationError
from desktop.services import procurement, records
from desktop.views.context import ViewContext
from desktop.views.fields import CellNotes, InputProblem, LineField, NumberField, parse_number, with_note
from desktop.views.locale import vocab_label
from desktop.views.record_list import delete_with_undo
from desktop.views.style import SPACING, hint

COLUMNS = (
    QT_TRANSLATE_NOOP("ParticipantsTab", "団体コード"),
    QT_TRANSLATE_NOOP("ParticipantsTab", "団体名"),
    QT_TRANSLATE_NOOP("ParticipantsTab", "人口"),
    QT_TRANSLATE_NOOP("ParticipantsTab", "負担割合（%）"),
)
EDITABLE = {1: "name", 2: "population"}
OK_COLOR = "#2e7d32"
ERROR_COLOR = "#c62828"


def _number(value: float | int | None, decimals: int = 0) -> str:
    if value is None:
        return ""
    return f"{value:,.{decimals}f}"


class ParticipantsTab(QWidget):
    """Table of 参加団体 with 追加 (code checked), 削除 (undo) and 負担割合を再計算."""

    def __init__(self, ctx: ViewContext, parent: QWidget | None = None):
        super().__init__(parent)
        self.ctx = ctx
        self.spec: ProcurementSpec | None = None
        self.rows: list[ProcurementParticipant] = []
        self._filling = False

        self.split_label = QLabel()
        self.split_label.setAccessibleName(self.tr("按分方法"))
        self.table = QTableWidget(0, len(COLUMNS))
        self.table.setHorizontalHeaderLabels([self.tr(c) for c in COLUMNS])
        self.table.setAccessibleName(self.tr("参加団体の一覧"))
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.verticalHeader().setVisible(False)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        self.table.itemChanged.connect(self._item_changed)
        self.cell_notes = CellNotes(self.table, self._describe_cell)
        self.table.itemSelectionChanged.connect(self._update_buttons)
        QShortcut(QKeySequence.StandardKey.Delete, self.table, activated=self.delete_current)
        self.total_label = QLabel()
        self.total_label.setAccessibleName(self.tr("負担割合の合計"))

        self.delete_button = QPushButton(self.tr("削除"))
        self.delete_button.clicked.connect(self.delete_current)
        self.recompute_button = QPushButton(self.tr("負担割合を再計算"))
        self.recompute_button.clicked.connect(self.recompute)
        table_buttons = QHBoxLayout()
        table_buttons.addWidget(self.delete_button)
        table_buttons.addWidget(self.recompute_button)
        table_buttons.addStretch()
        table_buttons.addWidget(self.total_label)

        add_box = QGroupBox(self.tr("参加団体を追加"))
        add_form = QFormLayout(add_box)
        add_form.setSpacing(SPACING)
        self.code_edit = QLineEdit()
        self.code_edit.setPlaceholderText(self.tr("例: 182079"))
        self.code_edit.setMaximumWidth(160)
        self.code_edit.setAccessibleName(self.tr("団体コード"))
        self.code_edit.textChanged.connect(self._code_changed)
        self.code_status = QLabel()
        self.code_status.setWordWrap(True)
        self.code_status.setAccessibleName(self.tr("団体コードの確認結果"))
        code_row = QHBoxLayout()
        code_row.addWidget(self.code_edit)
        code_row.addWidget(self.code_status, 1)
        # Typed here and stored by 「追加」: their `committed` is not used, only their notes.
        self.name_edit = LineField(placeholder=self.tr("例: 越前市"))
        self.name_edit.setAccessibleName(self.tr("団体名"))
        self.population_edit = NumberField(
            placeholder=self.tr("例: 81000（人口割で按分する場合は必須）"), integer=True, example="81000"
        )
        self.population_edit.setMaximumWidth(260)
        self.population_edit.setAccessibleName(self.tr("人口"))
        self.add_button = QPushButton(self.tr("追加"))
        self.add_button.clicked.connect(self.add)
        self.population_edit.returnPressed.connect(self.add)
        add_form.addRow(self.tr("団体コード"), code_row)
        add_form.addRow(self.tr("団体名"), with_note(self.name_edit))
        add_form.addRow(self.tr("人口"), with_note(self.population_edit))
        self.name_edit.setMaximumWidth(360)
        add_row = QHBoxLayout()
        add_row.addWidget(self.add_button)
        add_row.addStretch()
        add_form.addRow("", add_row)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(SPACING, SPACING, SPACING, SPACING)
        layout.setSpacing(SPACING)
        layout.addWidget(
            hint(
                self.tr(
                    "共同調達に参加する団体と費用の負担割合です。団体名と人口は表の中で直接修正できます。"
                    "按分方法は「基本情報」で選びます。"
                )
            )
        )
        layout.addWidget(self.split_label)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.cell_notes.note)
        layout.addLayout(table_buttons)
        layout.addWidget(add_box)
        ctx.ops.changed.connect(self._on_changed)
        self._code_changed("")
        self.show_spec(None)

    # -- loading --------------------------------------------------------------------------------------------
    def show_spec(self, spec: ProcurementSpec | None) -> None:
        """Show the participants of a 共同調達 spec (None clears)."""
        self.set_spec(spec)
        self._fill([])
        self.reload()

    def set_spec(self, spec: ProcurementSpec | None) -> None:
        """Take a newer copy of the same spec (its 按分方法 may have changed) without reloading the table."""
        self.spec = spec
        self.setEnabled(spec is not None)
        split = vocab_label(vocab.COST_SPLIT.get(spec.cost_split, "")) if spec is not None else ""
        self.split_label.setText(self.tr("按分方法: {0}").format(split or self.tr("（未設定）")))

    def reload(self) -> None:
        """Read the participants again."""
        spec = self.spec
        if spec is None or spec.mode != "joint":
            return

        def show(rows: list[ProcurementParticipant]) -> None:
            if self.spec is not None and self.spec.id == spec.id:
                self._fill(rows)

        self.ctx.ops.query(procurement.participants, self.ctx.ws, spec.id, on_done=show)

    def _fill(self, rows: list[ProcurementParticipant]) -> None:
        self.rows = rows
        self._filling = True
        self.cell_notes.clear_all()
        self.table.setRowCount(len(rows))
        for i, p in enumerate(rows):
            values = (p.code, p.name, _number(p.population), _number(p.share_percent, 2))
            for col, value in enumerate(values):
                item = QTableWidgetItem(value)
                if col not in EDITABLE:
                    item.setFlags(item.flags() & ~Qt.ItemFlag.ItemIsEditable)
                if col != 1:
                    item.setTextAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
                self.table.setItem(i, col, item)
        self._filling = False
        shares = [p.share_percent for p in rows if p.share_percent is not None]
        if rows and len(shares) == len(rows):
            self.total_label.setText(
                self.tr("合計 {0}%（{1}団体）").format(_number(sum(shares), 2), len(rows))
            )
        elif rows:
            self.total_label.setText(self.tr("{0}団体・負担割合が未計算の団体があります").format(len(rows)))
        else:
            self.total_label.setText(self.tr("参加団体はまだありません"))
        self._update_buttons()

    def _update_buttons(self) -> None:
        self.delete_button.setEnabled(self.table.currentRow() >= 0 and bool(self.rows))
        self.recompute_button.setEnabled(bool(self.rows))

    def _on_changed(self, kinds: frozenset) -> None:
        if ProcurementParticipant.kind in kinds:
            self.reload()

    # -- editing --------------------------------------------------------------------------------------------
    def _code_changed(self, text: str) -> None:
        code = text.strip()
        if len(code) < 6:
            self.code_status.setText(self.tr("6桁の団体コード（最後の1桁は検査数字）"))
            self.code_status.setStyleSheet("color: palette(placeholder-text);")
            return
        try:
            valid = municipal_code.validate(code)
        except ValidationError as exc:
            self.code_status.setText(str(exc))
            self.code_status.setStyleSheet(f"color: {ERROR_COLOR};")
            return
        self.code_status.setText(self.tr("✔ {0}の団体コードです").format(municipal_code.prefecture_of(valid)))
        self.code_status.setStyleSheet(f"color: {OK_COLOR};")

    def add(self) -> None:
        """Add the body typed below; what is wrong is said next to the field, and nothing is stored."""
        if self.spec is None:
            return
        try:
            code = municipal_code.validate(self.code_edit.text())
        except ValidationError as exc:
            self._refuse_new("code", str(exc))
            return
        try:
            population = parse_number(self.population_edit.value(), integer=True, example="81000")
        except InputProblem as problem:
            self._refuse_new("population", str(problem))
            return
        name = self.name_edit.value()

        def added(_record: ProcurementParticipant) -> None:
            self.code_edit.clear()
            for field in (self.name_edit, self.population_edit):
                field.set_value(None)
            self.code_edit.setFocus()
            self.ctx.say(
                self.tr("参加団体「{0}」を追加しました。負担割合は「再計算」で更新します。").format(name)
            )

        def refused(exc: BaseException) -> None:
            if isinstance(exc, DomainError):
                self._refuse_new(getattr(exc, "field", None) or "code", str(exc))
            else:
                self.ctx.ops.error_handler(exc, "")

        self.ctx.ops.edit(
            procurement.add_participant,
            self.ctx.ws,
            self.spec.id,
            code,
            name,
            population,
            changes={ProcurementParticipant.kind},
            on_done=added,
            on_error=refused,
        )

    def _refuse_new(self, field: str, message: str) -> None:
        """Say next to the field of the new body what is wrong, and go there."""
        if field == "name":
            self.name_edit.show_problem(message)
            self.name_edit.setFocus()
        elif field == "population":
            self.population_edit.show_problem(message)
            self.population_edit.setFocus()
        else:
            self.code_status.setText(message)
            self.code_status.setStyleSheet(f"color: {ERROR_COLOR};")
            self.code_edit.setFocus()

    def _describe_cell(self, row: int, col: int) -> str:
        name = self.rows[row].name if 0 <= row < len(self.rows) else ""
        return f"{name} {self.tr(COLUMNS[col])}".strip()

    def _item_changed(self, item: QTableWidgetItem) -> None:
        if self._filling or item.column() not in EDITABLE or not 0 <= item.row() < len(self.rows):
            return
        row, col = item.row(), item.column()
        record = self.rows[row]
        name = EDITABLE[col]
        text = item.text().strip()
        value: object = text
        if name == "population":
            try:
                value = parse_number(text, integer=True, example="81000")
            except InputProblem as problem:
                self.cell_notes.show_problem(row, col, str(problem))
                return

        def stored(_record: ProcurementParticipant) -> None:
            if row < len(self.rows) and self.rows[row].id == record.id:
                self.cell_notes.clear_problem(row, col)

        def rejected(exc: BaseException) -> None:
            if not isinstance(exc, DomainError):
                self.ctx.ops.error_handler(exc, "")
            elif row < len(self.rows) and self.rows[row].id == record.id:
                self.cell_notes.show_problem(row, col, str(exc))

        self.ctx.ops.edit(
            records.update,
            self.ctx.ws,
            ProcurementParticipant,
            record.id,
            **{name: value},
            changes={ProcurementParticipant.kind},
            on_done=stored,
            on_error=rejected,
        )

    def delete_current(self) -> None:
        """Remove the selected body (元に戻す is offered)."""
        row = self.table.currentRow()
        if not 0 <= row < len(self.rows):
            return
        record = self.rows[row]
        message = self.tr("参加団体「{0}」を削除しました。").format(record.name)
        delete_with_undo(self.ctx, ProcurementParticipant, record.id, message, on_deleted=self.reload)

    def recompute(self) -> None:
        """Set every 負担割合 by the 按分方法 (the total is exactly 100%)."""
        if self.spec is None:
            return
        self.ctx.ops.edit(
            procurement.recompute_shares,
            self.ctx.ws,
            self.spec.id,
            changes={ProcurementParticipant.kind},
            on_done=lambda _rows: self.ctx.say(self.tr("負担割合を再計算しました。")),
        )
