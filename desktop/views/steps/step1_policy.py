"""ステップ1 全体方針の決定: the plan (vision, period, approval), its 重点取組事項 with アクションプラン, and KPIs."""

from PySide6.QtWidgets import QMenu, QWidget

from desktop.content import load_catalog
from desktop.content.catalog import Catalog, PriorityItem
from desktop.models import Kpi, Plan, PlanPriority
from desktop.models.vocab import PLAN_STATUS
from desktop.services import plan
from desktop.views.context import ViewContext
from desktop.views.record_form import FieldSpec, RecordForm
from desktop.views.record_list import RecordList
from desktop.views.steps.kpi_grid import KpiDetail
from desktop.views.steps.priority_detail import PriorityDetail
from desktop.views.steps.step_page import DetailPane, StepPage, master_list, tab_body
from desktop.views.style import hint


class Step1Page(StepPage):
    """ステップ1: checklist, 全体方針, 重点取組事項とアクションプラン, KPI."""

    step = 1

    def __init__(self, ctx: ViewContext, parent: QWidget | None = None):
        super().__init__(
            ctx,
            self.tr("ステップ1　全体方針の決定"),
            self.tr(
                "DXの全体方針（ビジョン、取組の全体像、工程表）を決める段階です。単独の「DX推進計画」として"
                "策定するほか、総合計画や情報化計画に盛り込む方法もあります。重点取組事項ごとにアクションプランを"
                "作成し、KPIで進捗を管理します。"
            ),
            parent,
        )
        self.catalog_priorities: tuple[PriorityItem, ...] = ()
        own_title = self.tr("独自の取組")  # translated here: the factory below runs on the DB worker
        self.plan_form = RecordForm(ctx, Plan, self._plan_specs())
        self.add_tab(
            tab_body(
                hint(self.tr("入力した内容はすぐに保存され、「文書出力」のDX推進計画に反映されます。")),
                DetailPane(self.plan_form),
            ),
            self.tr("全体方針"),
        )
        self.priorities = master_list(
            RecordList(
                ctx,
                PlanPriority,
                load=lambda: plan.own_priority_rows(ctx.ws),
                label=self._priority_label,
                detail=DetailPane(PriorityDetail(ctx, self._priority_specs())),
                create=lambda: plan.add_own_priority(ctx.ws, title=own_title),
                noun=self.tr("重点取組事項", "record noun"),
            )
        )
        self.priority_menu = QMenu(self)
        self.priority_menu.setToolTipsVisible(True)
        self.priority_menu.aboutToShow.connect(self._build_priority_menu)
        self.priorities.add_button.clicked.disconnect()
        self.priorities.add_button.setMenu(self.priority_menu)
        self.add_tab(
            tab_body(
                hint(
                    self.tr(
                        "自治体DX推進計画の重点取組事項から選んで追加し、取組ごとに概要・現状と課題・今後の展開・"
                        "評価指標・実施スケジュール（アクションプラン）を記入します。独自の取組も追加できます。"
                    )
                ),
                self.priorities,
            ),
            self.tr("重点取組事項とアクションプラン"),
        )
        self.kpi_detail = KpiDetail(ctx)
        self.kpis = master_list(
            RecordList(
                ctx,
                Kpi,
                load=lambda: plan.own_kpi_rows(ctx.ws),
                label=lambda k: (
                    k.name + (f"（{k.unit}）" if k.unit else "") if k.name else self.tr("（指標名未入力）")
                ),
                detail=DetailPane(self.kpi_detail),
                create=lambda: plan.add_blank_kpi(ctx.ws),
                noun=self.tr("KPI", "record noun"),
            )
        )
        self.add_tab(
            tab_body(
                hint(
                    self.tr("評価指標（KPI）ごとに基準値と、計画期間の各年度の目標値・実績値を記録します。")
                ),
                self.kpis,
            ),
            self.tr("KPI"),
        )

    # -- specs ----------------------------------------------------------------------------------------------
    def _plan_specs(self) -> list[FieldSpec]:
        return [
            FieldSpec("title", self.tr("計画の名称"), placeholder=self.tr("例: ○○市DX推進計画")),
            FieldSpec("status", self.tr("状態"), "choice", PLAN_STATUS),
            FieldSpec("adopted_on", self.tr("策定日"), "date"),
            FieldSpec("approved_on", self.tr("議決日（議決を経た場合）"), "date"),
            FieldSpec("revised_on", self.tr("改定日（改定した場合）"), "date"),
            FieldSpec("start_fy", self.tr("計画期間（開始年度）"), "fy"),
            FieldSpec("end_fy", self.tr("計画期間（終了年度）"), "fy"),
            FieldSpec("purpose", self.tr("策定の趣旨"), "text", lines=3),
            FieldSpec(
                "national_trends",
                self.tr("現状と課題：国の動向"),
                "text",
                placeholder=self.tr("例: 自治体DX推進計画の改定、標準準拠システムへの移行期限など"),
                lines=3,
            ),
            FieldSpec(
                "current_situation",
                self.tr("現状と課題：団体の現状"),
                "text",
                placeholder=self.tr("例: 人口と職員数の推移、窓口や業務の課題、これまでの取組"),
                lines=3,
            ),
            FieldSpec("vision", self.tr("ビジョン"), "text", placeholder=self.tr("目指す姿"), lines=3),
            FieldSpec("principles", self.tr("基本理念"), "text", lines=3),
            FieldSpec(
                "progress_management",
                self.tr("進捗管理の方法"),
                "text",
                placeholder=self.tr("例: DX推進本部で年2回、KPIの達成状況を確認する"),
                lines=3,
            ),
            FieldSpec(
                "glossary",
                self.tr("用語解説（任意）"),
                "text",
                placeholder=self.tr(
                    "1行に1語、「用語：説明」の形で書きます（例: BPR：業務の進め方の見直し）"
                ),
                lines=3,
            ),
            FieldSpec("show_names", self.tr("推進体制に氏名を記載する"), "check"),
        ]

    def _priority_specs(self) -> list[FieldSpec]:
        return [
            FieldSpec("title", self.tr("名称")),
            FieldSpec("overview", self.tr("概要"), "text", lines=3),
            FieldSpec("current_issues", self.tr("現状・課題"), "text", lines=3),
            FieldSpec("next_steps", self.tr("今後の展開"), "text", lines=3),
            FieldSpec("indicators", self.tr("評価指標"), "text", lines=2),
            FieldSpec("schedule", self.tr("実施スケジュールの補足"), "text", lines=2),
            FieldSpec("start_fy", self.tr("開始年度"), "fy"),
            FieldSpec("end_fy", self.tr("終了年度"), "fy"),
        ]

    def _priority_label(self, p: PlanPriority) -> str:
        title = p.title or self.tr("（名称未入力）")
        return title if p.catalog_key else self.tr("［独自］") + title

    # -- adding 重点取組事項 -------------------------------------------------------------------------------
    def _build_priority_menu(self) -> None:
        """Offer the catalog items not yet in the plan (the 7 items, then the 3.2 related items)."""
        menu = self.priority_menu
        menu.clear()
        added = {p.catalog_key for p in self.priorities.items}
        missing = [p for p in self.catalog_priorities if p.key not in added]
        self._menu_header(self.tr("推進計画の重点取組事項から追加"))
        for related in (False, True):
            group = [p for p in missing if p.related == related]
            if related and group:
                menu.addSeparator()
                self._menu_header(self.tr("あわせて取り組むべき事項"))
            for item in group:
                text = item.title if related else f"({item.number}) {item.title}"
                action = menu.addAction(text)
                action.setToolTip(item.summary)
                action.triggered.connect(lambda _=False, key=item.key: self.add_catalog_priority(key))
        if not missing:
            menu.addAction(self.tr("（すべて追加済みです）")).setEnabled(False)
        menu.addSeparator()
        menu.addAction(self.tr("独自の取組を追加"), self.add_own_priority)

    def _menu_header(self, text: str) -> None:
        action = self.priority_menu.addAction(text)
        font = action.font()
        font.setBold(True)
        action.setFont(font)
        action.setEnabled(False)

    def add_catalog_priority(self, key: str) -> None:
        """Add a 重点取組事項 of the 自治体DX推進計画 to the plan."""
        self.priorities.add(lambda: plan.add_own_priority(self.ctx.ws, catalog_key=key))

    def add_own_priority(self) -> None:
        """Add the municipality's own item (named afterwards in the form)."""
        self.priorities.add()

    # -- loading -------------------------------------------------------------------------------------------
    def refresh(self) -> None:
        """Reload every tab (the plan is created on first use)."""
        super().refresh()
        self.ctx.ops.query(load_catalog, on_done=self._catalog_loaded)
        self.ctx.ops.query(plan.get_or_create_plan, self.ctx.ws, on_done=self.plan_form.show_record)
        self.priorities.refresh()
        self.kpis.refresh()

    def _catalog_loaded(self, catalog: Catalog) -> None:
        self.catalog_priorities = catalog.priorities
