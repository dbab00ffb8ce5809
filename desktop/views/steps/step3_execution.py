"""ステップ3 DXの取組みの実行: initiatives with their PDCA reviews; the 20 業務 have their own page."""

from typing import Any

from PySide6.QtWidgets import QHBoxLayout, QPushButton, QVBoxLayout, QWidget

from desktop.content import load_catalog
from desktop.content.catalog import Catalog
from desktop.models import Initiative, PdcaReview, wareki
from desktop.models.vocab import INITIATIVE_STATUS, PDCA_PHASE
from desktop.services import initiatives, records
from desktop.services.workspace import Workspace
from desktop.views.context import ViewContext
from desktop.views.locale import vocab_label
from desktop.views.record_form import FieldSpec, RecordForm
from desktop.views.record_list import RecordList
from desktop.views.steps.step_page import DetailPane, StepPage, fit_text_fields, master_list, tab_body
from desktop.views.style import SPACING, heading, hint


def new_initiative(ws: Workspace) -> Initiative:
    """A new initiative, still being planned."""
    return records.create(ws, Initiative, title="", status="planned")


class InitiativeDetail(QWidget):
    """An initiative's form and, below it, its PDCA reviews."""

    def __init__(self, ctx: ViewContext, parent: QWidget | None = None):
        super().__init__(parent)
        self.ctx = ctx
        self.initiative_id: str | None = None
        self.form = RecordForm(
            ctx,
            Initiative,
            [
                FieldSpec(
                    "title", self.tr("取組名"), placeholder=self.tr("例: 窓口の「書かない」申請の導入")
                ),
                FieldSpec(
                    "priority_key", self.tr("関連する重点取組事項"), "choice", {"": self.tr("（なし）")}
                ),
                FieldSpec("department", self.tr("担当課")),
                FieldSpec("status", self.tr("状況"), "choice", INITIATIVE_STATUS),
                FieldSpec("start_on", self.tr("開始日"), "date"),
                FieldSpec("end_on", self.tr("終了日"), "date"),
                FieldSpec("description", self.tr("内容"), "text", lines=3),
                FieldSpec("kpi_note", self.tr("KPI・目標"), "text", lines=2),
            ],
        )
        review_form = RecordForm(
            ctx,
            PdcaReview,
            [
                FieldSpec("reviewed_on", self.tr("日付"), "date"),
                FieldSpec("phase", self.tr("段階"), "choice", PDCA_PHASE),
                FieldSpec("summary", self.tr("振り返り"), "text", lines=2),
                FieldSpec("next_action", self.tr("次の改善"), "text", lines=2),
            ],
        )
        self.reviews = RecordList(
            ctx,
            PdcaReview,
            load=self._load_reviews,
            label=self._review_label,
            detail=review_form,
            create=lambda: initiatives.add_review(ctx.ws, self.initiative_id, phase="check"),
            noun=self.tr("PDCAの記録", "record noun"),
        )
        self.reviews.setMinimumHeight(200)
        fit_text_fields(self.form, grow_last=False)  # the PDCA records below must stay in view
        fit_text_fields(review_form, grow_last=False)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(SPACING)
        layout.addWidget(self.form)
        layout.addSpacing(SPACING)
        title_row = QHBoxLayout()
        title_row.setSpacing(SPACING * 2)
        title_row.addWidget(heading(self.tr("PDCAの記録"), level=2))
        title_row.addWidget(
            hint(self.tr("評価（Check）と改善（Act）を繰り返し記録し、DX推進本部への報告に使います。")), 1
        )
        layout.addLayout(title_row)
        layout.addWidget(self.reviews, 1)
        self.reviews.setEnabled(False)

    def set_priority_choices(self, choices: dict[str, str]) -> None:
        """The catalog 重点取組事項 (loaded in the background) as the options of the relation field."""
        field = self.form.widgets["priority_key"]
        current = field.value()
        field.set_choices({"": self.tr("（なし）"), **choices})
        field.set_value(current)

    def show_record(self, initiative: Initiative | None) -> None:
        """Show an initiative and its reviews (None clears)."""
        self.form.show_record(initiative)
        self.initiative_id = None if initiative is None else initiative.id
        self.reviews.setEnabled(initiative is not None)
        self.reviews.refresh()

    def _load_reviews(self) -> list[Any]:
        initiative_id = self.initiative_id  # read on the DB worker: the latest selection wins
        return initiatives.review_summaries(self.ctx.ws, initiative_id) if initiative_id else []

    def _review_label(self, review: PdcaReview) -> str:
        when = wareki.wareki_date(review.reviewed_on) if review.reviewed_on else self.tr("日付未定")
        return f"{when}　{vocab_label(PDCA_PHASE.get(review.phase, review.phase))}"


class Step3Page(StepPage):
    """ステップ3: checklist and 取組とPDCA."""

    step = 3

    def __init__(self, ctx: ViewContext, parent: QWidget | None = None):
        super().__init__(
            ctx,
            self.tr("ステップ3　DXの取組みの実行"),
            self.tr(
                "重点取組事項に沿って取組を実行し、KPIとPDCAサイクルで進捗を管理する段階です。書面・押印・対面の"
                "見直し（BPR）と住民・利用者の目線を徹底し、小さく始めて広げていきます。"
            ),
            parent,
        )
        self.detail = InitiativeDetail(ctx)
        self.initiatives = master_list(
            RecordList(
                ctx,
                Initiative,
                load=lambda: initiatives.initiative_summaries(ctx.ws),
                label=self._label,
                detail=DetailPane(self.detail),
                create=lambda: new_initiative(ctx.ws),
                noun=self.tr("取組", "record noun"),
            )
        )
        standardization = QPushButton(self.tr("標準化（20業務）を開く"))
        standardization.setAccessibleName(self.tr("標準化（20業務）のページを開く"))
        standardization.clicked.connect(self.open_standardization)
        link_row = QWidget()
        link_layout = QHBoxLayout(link_row)
        link_layout.setContentsMargins(0, 0, 0, 0)
        link_layout.addWidget(hint(self.tr("20業務の標準化は『標準化（20業務）』ページで管理します。")), 1)
        link_layout.addWidget(standardization)
        self.add_tab(tab_body(link_row, self.initiatives), self.tr("取組とPDCA"))

    def _label(self, item: Initiative) -> str:
        title = item.title or self.tr("（取組名未入力）")
        status = vocab_label(INITIATIVE_STATUS.get(item.status, item.status))
        return self.tr("［{0}］{1}").format(status, title)

    def open_standardization(self) -> None:
        """Ask the main window for the 標準化（20業務） page."""
        window = self.window()
        if hasattr(window, "show_page"):
            window.show_page("standardization")

    def refresh(self) -> None:
        """Reload the checklist, the relation choices and the initiatives."""
        super().refresh()
        self.ctx.ops.query(load_catalog, on_done=self._catalog_loaded)
        self.initiatives.refresh()

    def _catalog_loaded(self, catalog: Catalog) -> None:
        self.detail.set_priority_choices(
            {p.key: (p.title if p.related else f"({p.number}) {p.title}") for p in catalog.priorities}
        )
