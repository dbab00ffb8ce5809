"""An アクションプラン's form plus what it does in each 年度 of the plan period (its row of the 工程表)."""

from PySide6.QtWidgets import QVBoxLayout, QWidget

from desktop.models import PlanPriority
from desktop.services import plan
from desktop.views.context import ViewContext
from desktop.views.record_form import FieldSpec, RecordForm
from desktop.views.steps.step_page import fit_text_fields
from desktop.views.steps.year_grid import YearColumn, YearGrid
from desktop.views.style import SPACING, heading, hint


class PriorityDetail(QWidget):
    """概要 … 実施スケジュール of a 重点取組事項, then one line per 年度 for the 工程表."""

    def __init__(self, ctx: ViewContext, specs: list[FieldSpec], parent: QWidget | None = None):
        super().__init__(parent)
        self.ctx = ctx
        self.form = RecordForm(ctx, PlanPriority, specs)
        fit_text_fields(self.form, grow_last=False)
        self.grid = YearGrid(
            ctx,
            [YearColumn("activity", self.tr("その年度の取組"))],
            lambda priority_id, fy, field, text: plan.set_priority_year(ctx.ws, priority_id, fy, text or ""),
            {"plan_priority_year"},
            self.tr("年度ごとの取組"),
        )
        self.period_hint = hint(
            self.tr("「全体方針」タブで計画期間を設定すると、年度ごとの取組を入力できます。")
        )
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(SPACING)
        layout.addWidget(self.form)
        layout.addWidget(heading(self.tr("年度ごとの取組（工程表）"), level=2))
        layout.addWidget(
            hint(
                self.tr(
                    "工程表と実施スケジュールに、年度ごとに何をするかを短く書きます（例: 検討・調達、導入、運用）。"
                    "空欄の年度は取組期間内なら網掛けだけで示します。"
                )
            )
        )
        layout.addWidget(self.period_hint)
        layout.addWidget(self.grid)
        layout.addWidget(self.grid.cell_notes.note)
        layout.addStretch(1)
        ctx.ops.changed.connect(self._on_changed)

    def show_record(self, priority: PlanPriority | None) -> None:
        """Show a 重点取組事項 (None clears)."""
        self.form.show_record(priority)
        self.grid.show_record(None if priority is None else priority.id)
        self.reload()

    def reload(self) -> None:
        """Reload the 年度 grid (the plan period may have changed)."""
        self.grid.load(plan.priority_year_values, self._shown)

    def _shown(self) -> None:
        self.period_hint.setVisible(self.grid.record_id is not None and not self.grid.years)

    def _on_changed(self, kinds: frozenset) -> None:
        if "plan" in kinds and self.grid.record_id is not None:
            self.reload()
