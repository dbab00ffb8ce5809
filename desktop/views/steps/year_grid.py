"""A 年度 × columns grid over the plan period: each edited cell is stored at once.

Used for a KPI's 目標値/実績値 and an アクションプラン's 取組 per 年度 (the 工程表 cells). A cell whose text a
column cannot read (「約50」 where a number is expected) or that the store refuses keeps its text, is marked,
and the line under the grid (`cell_notes.note`) says what it expects; the stored value stays as it was.
"""

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import QHeaderView, QTableWidget, QTableWidgetItem, QWidget

from desktop.models import wareki
from desktop.models.errors import DomainError
from desktop.views.context import ViewContext
from desktop.views.fields import CellNotes, InputProblem


@dataclass(frozen=True)
class YearColumn:
    """One column: the record field it shows, how a stored value reads and how typed text is read back."""

    field: str
    title: str
    show: Callable[[Any], str] = lambda value: "" if value is None else str(value)
    read: Callable[[str], Any] = lambda text: text  # raises InputProblem for text the field cannot take
    right: bool = False  # numbers are right-aligned


class YearGrid(QTableWidget):
    """年度 rows of the record `record_id`; `save(record_id, fy, field, value)` runs on the DB worker and
    returns the stored row."""

    def __init__(
        self,
        ctx: ViewContext,
        columns: list[YearColumn],
        save: Callable[..., Any],
        changes: set[str],
        accessible_name: str,
        parent: QWidget | None = None,
    ):
        super().__init__(0, len(columns), parent)
        self.ctx = ctx
        self.columns = columns
        self._save = save
        self._changes = changes
        self.record_id: str | None = None
        self.years: list[int] = []
        self._stored: dict[tuple[int, int], str] = {}
        self._refused: dict[tuple[int, str], tuple[str, str]] = {}  # (年度, field) → (text kept, why)
        self._loading = False
        self.setAccessibleName(accessible_name)
        self.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
        self.horizontalHeader().setMinimumSectionSize(160)
        self.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        self.setTabKeyNavigation(True)
        self.set_titles([c.title for c in columns])
        self.itemChanged.connect(self._cell_edited)
        self.cell_notes = CellNotes(self)
        self.setEnabled(False)

    def show_record(self, record_id: str | None) -> None:
        """Switch to another record's 年度 (text refused for the previous one is dropped)."""
        if record_id != self.record_id:
            self._refused.clear()
        self.record_id = record_id

    def load(
        self, query: Callable[[Any, str], tuple[list[int], dict[int, Any]]], shown: Callable[[], None]
    ) -> None:
        """Fill from `query(ws, record_id)` on the DB worker (empty when no record); then call `shown`.

        A result that arrives after another record was selected is dropped.
        """
        record_id = self.record_id
        if record_id is None:
            self.fill([], {})
            shown()
            return

        def done(data: tuple[list[int], dict[int, Any]]) -> None:
            if record_id == self.record_id:
                self.fill(*data)
                shown()

        self.ctx.ops.query(query, self.ctx.ws, record_id, on_done=done)

    def set_titles(self, titles: list[str]) -> None:
        """Column headings (a KPI adds its unit)."""
        self.setHorizontalHeaderLabels(titles)

    def fill(self, years: list[int], values: dict[int, Any]) -> None:
        """Show the stored row of each 年度 (None or missing = empty cells), and any text still refused."""
        self._loading = True
        self.years = years
        self._stored.clear()
        self.cell_notes.clear_all()
        self.setRowCount(len(years))
        self.setVerticalHeaderLabels([wareki.fiscal_year_label_both(fy) for fy in years])
        for row, fy in enumerate(years):
            value = values.get(fy)
            for col, column in enumerate(self.columns):
                text = column.show(getattr(value, column.field) if value is not None else None)
                self._stored[(row, col)] = text
                kept = self._refused.get((fy, column.field))
                item = QTableWidgetItem(text if kept is None else kept[0])
                if column.right:
                    item.setTextAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
                self.setItem(row, col, item)
                if kept is not None:
                    self.cell_notes.show_problem(row, col, kept[1])
        self._loading = False
        self.setEnabled(bool(years))
        self.setVisible(bool(years))
        # As tall as its rows: the plan period is a handful of 年度, so no inner scrolling.
        rows = sum(self.rowHeight(r) for r in range(self.rowCount()))
        self.setFixedHeight(self.horizontalHeader().sizeHint().height() + rows + 2 * self.frameWidth())

    def _set_cell(self, row: int, col: int, text: str) -> None:
        item = self.item(row, col)
        if item is None:
            return
        self._loading = True
        item.setText(text)
        self._loading = False

    def _refuse(self, row: int, col: int, text: str, why: str) -> None:
        """Keep the typed text, mark the cell and say under the grid what it expects."""
        self._refused[(self.years[row], self.columns[col].field)] = (text, why)
        self.cell_notes.show_problem(row, col, why)

    def _accept(self, row: int, col: int) -> None:
        self._refused.pop((self.years[row], self.columns[col].field), None)
        self.cell_notes.clear_problem(row, col)

    def _cell_edited(self, item: QTableWidgetItem) -> None:
        if self._loading or self.record_id is None:
            return
        row, col = item.row(), item.column()
        text = item.text().strip()
        if text == self._stored.get((row, col), ""):
            self._accept(row, col)  # typed back to what is stored
            return
        column = self.columns[col]
        try:
            value = column.read(text)
        except InputProblem as problem:
            self._refuse(row, col, text, str(problem))
            return
        fy, record_id = self.years[row], self.record_id

        def still_shown() -> bool:
            return record_id == self.record_id and row < len(self.years) and self.years[row] == fy

        def saved(record: Any) -> None:
            if not still_shown():
                return
            self._accept(row, col)
            self._stored[(row, col)] = column.show(getattr(record, column.field))
            self._set_cell(row, col, self._stored[(row, col)])

        def rejected(exc: BaseException) -> None:
            if not isinstance(exc, DomainError):
                self.ctx.ops.error_handler(exc, "")
            if still_shown():
                why = str(exc) if isinstance(exc, DomainError) else _could_not_save()
                self._refuse(row, col, text, why)
            elif isinstance(exc, DomainError):
                self.ctx.say(str(exc))

        self.ctx.ops.edit(
            self._save,
            record_id,
            fy,
            column.field,
            value,
            changes=self._changes,
            on_done=saved,
            on_error=rejected,
        )


def _could_not_save() -> str:
    return QCoreApplication.translate("YearGrid", "保存できませんでした。")
