"""共同調達: the prefecture's joint-procurement offers, and each town's stated 参加意向 on the selected one."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QT_TRANSLATE_NOOP
from PySide6.QtWidgets import (
    QGroupBox,
    QHeaderView,
    QLabel,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from desktop.models import JointProcurementOffer, vocab, wareki
from desktop.services.prefecture import catalog
from desktop.views.context import ViewContext
from desktop.views.locale import vocab_label
from desktop.views.prefecture.catalog_editor import CatalogPage
from desktop.views.record_form import FieldSpec

INTENT_COLUMNS = (
    QT_TRANSLATE_NOOP("JointProcurementPage", "団体名"),
    QT_TRANSLATE_NOOP("JointProcurementPage", "参加意向"),
    QT_TRANSLATE_NOOP("JointProcurementPage", "現行契約の満了日"),
    QT_TRANSLATE_NOOP("JointProcurementPage", "予算化の予定年度"),
    QT_TRANSLATE_NOOP("JointProcurementPage", "備考"),
)


class JointProcurementPage(CatalogPage):
    """共同調達の案内（対象システム・スケジュール・費用の按分）と市町村の参加意向."""

    listens = frozenset({"joint_procurement_intent"})

    def __init__(self, ctx: ViewContext, parent: QWidget | None = None):
        def label(row: Any) -> str:
            status = vocab_label(vocab.OFFER_STATUS.get(row.status, row.status))
            return self.tr("{0}［{1}］").format(row.title, status)

        super().__init__(
            ctx,
            cls=JointProcurementOffer,
            title=self.tr("共同調達"),
            explanation=self.tr(
                "県が代表団体となる共同調達を案内し、市町村の参加意向（参加する／検討中／参加しない）を集めます。"
                "参加意向は各市町村が入力し、同期またはパッケージで送られてきたものがここに表示されます。"
            ),
            specs=[
                FieldSpec("title", self.tr("件名")),
                FieldSpec("system", self.tr("対象システム")),
                FieldSpec("lead_body", self.tr("代表団体")),
                FieldSpec("description", self.tr("概要"), "text", lines=3),
                FieldSpec("survey_deadline", self.tr("参加意向の回答期限"), "date"),
                FieldSpec("planned_start", self.tr("利用開始予定"), "date"),
                FieldSpec("schedule", self.tr("スケジュール"), "text", lines=2),
                FieldSpec("cost_split", self.tr("費用の按分"), "choice", vocab.COST_SPLIT),
                FieldSpec("cost_note", self.tr("費用負担の考え方"), "text", lines=2),
                FieldSpec("status", self.tr("状況"), "choice", vocab.OFFER_STATUS),
            ],
            summary_fields=("title", "status"),
            order_by=(JointProcurementOffer.survey_deadline.desc(), "title"),
            label=label,
            noun=self.tr("共同調達", "record noun"),
            parent=parent,
        )
        box = QGroupBox(self.tr("市町村の参加意向"))
        box_layout = QVBoxLayout(box)
        self.intent_summary = QLabel()
        self.intents = QTableWidget(0, len(INTENT_COLUMNS))
        self.intents.setAccessibleName(self.tr("市町村の参加意向"))
        self.intents.setHorizontalHeaderLabels([self.tr(c) for c in INTENT_COLUMNS])
        self.intents.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
        self.intents.verticalHeader().setVisible(False)
        self.intents.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        self.intents.horizontalHeader().setStretchLastSection(True)
        self.intents.setMinimumHeight(200)
        box_layout.addWidget(self.intent_summary)
        box_layout.addWidget(self.intents)
        self.detail.extra.addWidget(box)
        self.detail.on_record = self._show_intents
        self._offer_id: str | None = None

    def refresh(self) -> None:
        """Reload the offers and the selected offer's 参加意向."""
        super().refresh()
        if self._offer_id is not None:
            self._load_intents(self._offer_id)

    def _show_intents(self, record: Any | None) -> None:
        self._offer_id = None if record is None else record.id
        if record is None:
            self.intents.setRowCount(0)
            self.intent_summary.setText("")
            return
        self._load_intents(record.id)

    def _load_intents(self, offer_id: str) -> None:
        def show(rows: list[catalog.Participation]) -> None:
            if offer_id != self._offer_id:
                return
            self.intents.setRowCount(len(rows))
            for r, p in enumerate(rows):
                values = (
                    p.town_name,
                    vocab_label(vocab.INTENT.get(p.intent, p.intent)),
                    wareki.wareki_date(p.contract_end) if p.contract_end else "",
                    wareki.fiscal_year_label(p.budget_fy) if p.budget_fy else "",
                    p.note,
                )
                for c, value in enumerate(values):
                    self.intents.setItem(r, c, QTableWidgetItem(value))
            counts = {key: sum(1 for p in rows if p.intent == key) for key in vocab.INTENT}
            parts = [
                self.tr("{0} {1}団体").format(vocab_label(label), counts[key])
                for key, label in vocab.INTENT.items()
            ]
            self.intent_summary.setText(
                self.tr("回答 {0}団体（{1}）").format(len(rows), self.tr("・").join(parts))
                if rows
                else self.tr("まだ回答はありません。")
            )

        self.ctx.ops.query(catalog.participation, self.ctx.ws, offer_id, on_done=show)
