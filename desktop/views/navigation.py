"""The navigator's entries, in order. Pages are imported and built only when first opened."""

from collections.abc import Callable
from dataclasses import dataclass
from importlib import import_module

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication

from desktop.views.context import ViewContext
from desktop.views.page import Page


@dataclass(frozen=True)
class NavEntry:
    """A navigator row: key, Japanese label (marked for lupdate), and where its page class lives."""

    key: str
    label: str
    module: str
    cls: str

    def title(self) -> str:
        """The label in the UI language."""
        return QCoreApplication.translate("Navigation", self.label)

    def build(self, ctx: ViewContext) -> Page:
        """Create the page (first time it is opened)."""
        factory: Callable[[ViewContext], Page] = getattr(import_module(self.module), self.cls)
        return factory(ctx)


MUNICIPALITY_PAGES: tuple[NavEntry, ...] = (
    NavEntry("home", QT_TRANSLATE_NOOP("Navigation", "ホーム"), "desktop.views.home", "HomePage"),
    NavEntry(
        "step0",
        QT_TRANSLATE_NOOP("Navigation", "ステップ0　認識共有・機運醸成"),
        "desktop.views.steps.step0_awareness",
        "Step0Page",
    ),
    NavEntry(
        "step1",
        QT_TRANSLATE_NOOP("Navigation", "ステップ1　全体方針の決定"),
        "desktop.views.steps.step1_policy",
        "Step1Page",
    ),
    NavEntry(
        "step2",
        QT_TRANSLATE_NOOP("Navigation", "ステップ2　推進体制の整備"),
        "desktop.views.steps.step2_structure",
        "Step2Page",
    ),
    NavEntry(
        "step3",
        QT_TRANSLATE_NOOP("Navigation", "ステップ3　DXの取組みの実行"),
        "desktop.views.steps.step3_execution",
        "Step3Page",
    ),
    NavEntry(
        "standardization",
        QT_TRANSLATE_NOOP("Navigation", "標準化（20業務）"),
        "desktop.views.standardization",
        "StandardizationPage",
    ),
    NavEntry("needs", QT_TRANSLATE_NOOP("Navigation", "支援ニーズ"), "desktop.views.needs", "NeedsPage"),
    NavEntry("jobs", QT_TRANSLATE_NOOP("Navigation", "募集要項（人材）"), "desktop.views.jobs", "JobsPage"),
    NavEntry(
        "procurement",
        QT_TRANSLATE_NOOP("Navigation", "調達仕様書"),
        "desktop.views.procurement",
        "ProcurementPage",
    ),
    NavEntry(
        "documents",
        QT_TRANSLATE_NOOP("Navigation", "文書出力"),
        "desktop.views.documents_page",
        "DocumentsPage",
    ),
    NavEntry(
        "prefecture_catalog",
        QT_TRANSLATE_NOOP("Navigation", "県からの案内"),
        "desktop.views.prefecture_catalog",
        "PrefectureCatalogPage",
    ),
    NavEntry("sync", QT_TRANSLATE_NOOP("Navigation", "同期"), "desktop.views.sync_page", "SyncPage"),
    NavEntry(
        "municipality",
        QT_TRANSLATE_NOOP("Navigation", "団体情報"),
        "desktop.views.municipality_page",
        "MunicipalityPage",
    ),
)

# Prefecture mode (DESIGN.md §4a): a data dir registered with a prefecture code opens with these pages.
PREFECTURE_PAGES: tuple[NavEntry, ...] = (
    NavEntry(
        "towns", QT_TRANSLATE_NOOP("Navigation", "市町村一覧"), "desktop.views.prefecture.towns", "TownsPage"
    ),
    NavEntry(
        "needs", QT_TRANSLATE_NOOP("Navigation", "支援ニーズ"), "desktop.views.prefecture.needs", "NeedsPage"
    ),
    NavEntry(
        "talent_pool",
        QT_TRANSLATE_NOOP("Navigation", "人材プール"),
        "desktop.views.prefecture.talent_pool",
        "TalentPoolPage",
    ),
    NavEntry(
        "good_practices",
        QT_TRANSLATE_NOOP("Navigation", "好事例"),
        "desktop.views.prefecture.good_practices",
        "GoodPracticesPage",
    ),
    NavEntry(
        "joint_procurement",
        QT_TRANSLATE_NOOP("Navigation", "共同調達"),
        "desktop.views.prefecture.joint_procurement",
        "JointProcurementPage",
    ),
    NavEntry(
        "announcements",
        QT_TRANSLATE_NOOP("Navigation", "お知らせ"),
        "desktop.views.prefecture.announcements",
        "AnnouncementsPage",
    ),
    NavEntry(
        "reports",
        QT_TRANSLATE_NOOP("Navigation", "文書出力"),
        "desktop.views.prefecture.reports",
        "ReportsPage",
    ),
    NavEntry("sync", QT_TRANSLATE_NOOP("Navigation", "同期"), "desktop.views.sync_page", "SyncPage"),
)


def pages_for(is_prefecture: bool) -> tuple[NavEntry, ...]:
    """The navigator of a prefecture's data dir, or of a town's."""
    return PREFECTURE_PAGES if is_prefecture else MUNICIPALITY_PAGES
