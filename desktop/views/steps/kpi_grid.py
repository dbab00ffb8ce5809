"""A KPI's form plus its 年度 × 目標/実績 grid over the plan period; each cell is stored when edited.

A cell whose text is not a number (「約50」) or that the store refuses keeps its text, is marked, and the line
under the grid says what it expects (views/fields.CellNotes); the stored value stays as it was.
"""

from PySide6.QtWidgets import QVBoxLayout, QWidget

from desktop.models import Kpi
from desktop.services import plan
from desktop.views.context import ViewContext
from desktop.views.fields import CellNotes, parse_number
from desktop.views.record_form import FieldSpec, RecordForm
from desktop.views.steps.year_grid import YearColumn, YearGrid
from desktop.views.style import SPACING, heading, hint

EXAMPLE = "50"


def number_text(value: float | None) -> str:
    """12.0 → 「12」, None → empty."""
    if value is None:
        return ""
    return str(int(value)) if float(value).is_integer() else str(value)


def read_number(text: str) -> int | float | None:
    """A typed target or actual (InputProblem, with an example, when it is not a number)."""
    return parse_number(text, example=EXAMPLE)


class KpiDetail(QWidget):
    """Name, unit and baseline of a KPI, and below them its targets and actuals per 年度."""

    def __init__(self, ctx: ViewContext, parent: QWidget | None = None):
        super().__init__(parent)
        self.ctx = ctx
        self.form = RecordForm(
            ctx,
            Kpi,
            [
                FieldSpec(
                    "name", self.tr("指標名"), placeholder=self.tr("例: オンライン申請に対応した手続の数")
                ),
                FieldSpec("unit", self.tr("単位"), placeholder=self.tr("例: 件、%、人")),
                FieldSpec("baseline", self.tr("基準値"), "number"),
                FieldSpec("baseline_fy", self.tr("基準年度"), "fy"),
            ],
        )
        self.grid = YearGrid(
            ctx,
            [
                YearColumn("target", self.tr("目標値"), number_text, read_number, right=True),
                YearColumn("actual", self.tr("実績値"), number_text, read_number, right=True),
            ],
            lambda kpi_id, fy, field, value: plan.set_kpi_value(ctx.ws, kpi_id, fy, **{field: value}),
            {"kpi_value"},
            self.tr("年度ごとの目標値と実績値"),
        )
        self.grid.setMaximumWidth(720)
        self._set_unit("")
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

    @property
    def kpi_id(self) -> str | None:
        """The KPI shown (None when none is selected)."""
        return self.grid.record_id

    @property
    def cell_notes(self) -> CellNotes:
        """What the grid says about refused cells."""
        return self.grid.cell_notes

    def show_record(self, kpi: Kpi | None) -> None:
        """Show a KPI (None clears)."""
        self.form.show_record(kpi)
        self.grid.show_record(None if kpi is None else kpi.id)
        self._set_unit("" if kpi is None else kpi.unit)
        self.reload()

    def reload(self) -> None:
        """Reload the grid (the plan period may have changed)."""
        self.grid.load(plan.kpi_year_values, self._shown)

    def _shown(self) -> None:
        self.period_hint.setVisible(self.kpi_id is not None and not self.grid.years)

    def _set_unit(self, unit: str) -> None:
        titles = [self.tr("目標値"), self.tr("実績値")]
        if unit:
            titles = [self.tr("{0}（{1}）").format(title, unit) for title in titles]
        self.grid.set_titles(titles)

    def _on_changed(self, kinds: frozenset) -> None:
        if "plan" in kinds and self.kpi_id is not None:
            self.reload()
