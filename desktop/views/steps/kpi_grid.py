"""A KPI's form plus its 年度 × 目標/実績 grid over the plan period; each cell is stored when edited.

A cell whose text is not a number (「約50」) or that the store refuses keeps its text, is marked, and the line
under the grid says what it expects (views/fields.CellNotes); the stored value stays as it was.
"""

from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QHeaderView, QTableWidget, QTableWidgetItem, QVBoxLayout, QWidget

from desktop.models import Kpi, KpiValue, wareki
from desktop.models.errors import DomainError
from desktop.services import plan
from desktop.views.context import ViewContext
from desktop.views.fields import CellNotes, InputProblem, parse_number
from desktop.views.record_form import FieldSpec, RecordForm
from desktop.views.style import SPACING, heading, hint

COLUMNS = ("target", "actual")
EXAMPLE = "50"


def number_text(value: float | None) -> str:
    """12.0 → 「12」, None → empty."""
    if value is None:
        return ""
    return str(int(value)) if float(value).is_integer() else str(value)


class KpiDetail(QWidget):
    """Name, unit and baseline of a KPI, and below them its targets and actuals per 年度."""

    def __init__(self, ctx: ViewContext, parent: QWidget | None = None):
        super().__init__(parent)
        self.ctx = ctx
        self.kpi_id: str | None = None
        self.years: list[int] = []
        self._stored: dict[tuple[int, int], str] = {}
        self._refused: dict[tuple[int, str], tuple[str, str]] = {}  # (年度, column) → (text kept, why)
        self._loading = False
        self.form = RecordForm(
            ctx,
            Kpi,
            [
                FieldSpec(
                    "name", self.tr("指標名"), placeholder=self.tr("例: オンライン申請に対応した手続の数")
                ),
                FieldSpec("unit", self.tr("単位"), placeholder=self.tr("例: 件、%、人")),
                FieldSpec("baseline", self.tr("基準値"), "number", example="50"),
                FieldSpec("baseline_fy", self.tr("基準年度"), "fy"),
            ],
        )
        self.grid = QTableWidget(0, len(COLUMNS))
        self.grid.setAccessibleName(self.tr("年度ごとの目標値と実績値"))
        self.grid.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
        self.grid.horizontalHeader().setMinimumSectionSize(160)
        self.grid.setMaximumWidth(720)
        self._set_unit("")
        self.grid.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        self.grid.setTabKeyNavigation(True)
        self.grid.itemChanged.connect(self._cell_edited)
        self.cell_notes = CellNotes(self.grid)
        self.period_hint = hint(
            self.tr(
                "「全体方針」タブで計画期間（開始年度・終了年度）を設定すると、年度ごとの目標値と実績値を"
                "入力できます。"
            )
        )
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(SPACING)
        layout.addWidget(self.form)
        layout.addWidget(heading(self.tr("年度ごとの目標と実績"), level=2))
        layout.addWidget(self.period_hint)
        layout.addWidget(self.grid)
        layout.addWidget(self.cell_notes.note)
        layout.addWidget(hint(self.tr("数値を入力してください（例: 120、12.5）。空欄にすると値を消します。")))
        layout.addStretch(1)
        self.form.widgets["unit"].committed.connect(self._set_unit)
        ctx.ops.changed.connect(self._on_changed)
        self.grid.setEnabled(False)

    def show_record(self, kpi: Kpi | None) -> None:
        """Show a KPI (None clears)."""
        self.form.show_record(kpi)
        if kpi is None or kpi.id != self.kpi_id:
            self._refused.clear()  # text typed for another KPI is not this one's
        self.kpi_id = None if kpi is None else kpi.id
        self._set_unit("" if kpi is None else kpi.unit)
        self.reload()

    def reload(self) -> None:
        """Reload the grid (the plan period may have changed)."""
        if self.kpi_id is None:
            self._fill([], {})
            return
        kpi_id = self.kpi_id
        self.ctx.ops.query(
            plan.kpi_year_values,
            self.ctx.ws,
            kpi_id,
            on_done=lambda data: self._fill(*data) if kpi_id == self.kpi_id else None,
        )

    def _set_unit(self, unit: str) -> None:
        titles = (self.tr("目標値"), self.tr("実績値"))
        if unit:
            titles = tuple(self.tr("{0}（{1}）").format(title, unit) for title in titles)
        self.grid.setHorizontalHeaderLabels(list(titles))

    def _on_changed(self, kinds: frozenset) -> None:
        if "plan" in kinds and self.kpi_id is not None:
            self.reload()

    def _fill(self, years: list[int], values: dict[int, KpiValue]) -> None:
        self._loading = True
        self.years = years
        self._stored.clear()
        self.cell_notes.clear_all()
        self.grid.setRowCount(len(years))
        self.grid.setVerticalHeaderLabels([wareki.fiscal_year_label_both(fy) for fy in years])
        for row, fy in enumerate(years):
            value = values.get(fy)
            for col, name in enumerate(COLUMNS):
                text = number_text(getattr(value, name) if value is not None else None)
                self._stored[(row, col)] = text
                kept = self._refused.get((fy, name))
                item = QTableWidgetItem(text if kept is None else kept[0])
                item.setTextAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
                self.grid.setItem(row, col, item)
                if kept is not None:
                    self.cell_notes.show_problem(row, col, kept[1])
        self._loading = False
        self.period_hint.setVisible(self.kpi_id is not None and not years)
        self.grid.setEnabled(bool(years))
        self.grid.setVisible(bool(years))
        # As tall as its rows: the plan period is a handful of 年度, so no inner scrolling.
        frame = 2 * self.grid.frameWidth()
        rows = sum(self.grid.rowHeight(r) for r in range(self.grid.rowCount()))
        self.grid.setFixedHeight(self.grid.horizontalHeader().sizeHint().height() + rows + frame)

    def _set_cell(self, row: int, col: int, text: str) -> None:
        item = self.grid.item(row, col)
        if item is None:
            return
        self._loading = True
        item.setText(text)
        self._loading = False

    def _refuse(self, row: int, col: int, text: str, why: str) -> None:
        """Keep the typed text, mark the cell and say under the grid what it expects."""
        self._refused[(self.years[row], COLUMNS[col])] = (text, why)
        self.cell_notes.show_problem(row, col, why)

    def _accept(self, row: int, col: int) -> None:
        self._refused.pop((self.years[row], COLUMNS[col]), None)
        self.cell_notes.clear_problem(row, col)

    def _cell_edited(self, item: QTableWidgetItem) -> None:
        if self._loading or self.kpi_id is None:
            return
        row, col = item.row(), item.column()
        text = item.text().strip()
        if text == self._stored.get((row, col), ""):
            self._accept(row, col)  # typed back to what is stored
            return
        try:
            number = parse_number(text, example=EXAMPLE)
        except InputProblem as problem:
            self._refuse(row, col, text, str(problem))
            return
        fy, name, kpi_id = self.years[row], COLUMNS[col], self.kpi_id

        def still_shown() -> bool:
            return kpi_id == self.kpi_id and row < len(self.years) and self.years[row] == fy

        def saved(value: KpiValue) -> None:
            if not still_shown():
                return
            self._accept(row, col)
            self._stored[(row, col)] = number_text(getattr(value, name))
            self._set_cell(row, col, self._stored[(row, col)])

        def rejected(exc: BaseException) -> None:
            if not isinstance(exc, DomainError):
                self.ctx.ops.error_handler(exc, "")
            if still_shown():
                why = str(exc) if isinstance(exc, DomainError) else self.tr("保存できませんでした。")
                self._refuse(row, col, text, why)
            elif isinstance(exc, DomainError):
                self.ctx.say(str(exc))

        fields: dict[str, Any] = {name: number}
        self.ctx.ops.edit(
            plan.set_kpi_value,
            self.ctx.ws,
            kpi_id,
            fy,
            **fields,
            changes={"kpi_value"},
            on_done=saved,
            on_error=rejected,
        )
