"""Plain data the document builders take: services fill these, builders only read them.

Keeping builders on plain frozen dataclasses (no ORM objects, no store) makes them pure: data in, file out,
safe to run off the UI thread and easy to test without a database.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from pathlib import Path


@dataclass
class BuildResult:
    """What a builder or exporter wrote, and anything the user should be told (e.g. a font fallback)."""

    path: Path
    warnings: list[str] = field(default_factory=list)
    pages: int | None = None  # PDF page count when known


@dataclass(frozen=True)
class DocMeta:
    """What every page shows: 団体名 in the header, 作成日 (和暦) in the footer, the 案 mark on drafts."""

    municipality: str  # 団体名 as printed, e.g. 「福井県鯖江市」
    title: str  # document title, printed in the header and as PDF metadata
    created_on: date
    draft: bool = False
    department: str = ""  # 担当部署 (cover / contact line)
    head_title: str = ""  # 市長・町長・村長・区長 (団体情報), for 「町長」 where a document names the head
    contact_person: str = ""  # 担当者, 電話, メール: the DX contact of 団体情報
    contact_phone: str = ""
    contact_email: str = ""


# --- DX推進計画 -----------------------------------------------------------------------------------------


@dataclass(frozen=True)
class RoleLine:
    """One post of the 推進体制 (第4章)."""

    title: str  # 役職 (CIO, CIO補佐官 …)
    person_name: str = ""
    position: str = ""  # 現職
    external: bool = False
    note: str = ""


@dataclass(frozen=True)
class KpiYear:
    """Target and actual of a KPI for one 年度 (None = not set)."""

    fiscal_year: int
    target: float | None = None
    actual: float | None = None


@dataclass(frozen=True)
class KpiLine:
    """A KPI (評価指標) with its yearly targets and actuals."""

    name: str
    unit: str = ""
    baseline: float | None = None
    baseline_fy: int | None = None
    years: tuple[KpiYear, ...] = ()
    priority_title: str = ""  # the 重点取組事項 it measures, if any
    priority_id: str = ""

    def year(self, fy: int) -> KpiYear:
        """Values for one 年度 (empty when none were entered)."""
        return next((y for y in self.years if y.fiscal_year == fy), KpiYear(fy))


@dataclass(frozen=True)
class ActionPlan:
    """A 重点取組事項 with its アクションプラン fields (第5章) and its period for the 工程表 (第6章)."""

    number: int
    title: str
    overview: str = ""  # 概要
    current_issues: str = ""  # 現状・課題
    next_steps: str = ""  # 今後の展開
    indicators: str = ""  # 評価指標
    schedule: str = ""  # 実施スケジュール
    start_fy: int | None = None
    end_fy: int | None = None
    kpi_names: tuple[str, ...] = ()  # KPIs linked to this item


@dataclass(frozen=True)
class StepLine:
    """Progress of one step of the 全体手順書 (ステップ0–3)."""

    number: int
    title: str
    done: int
    doing: int
    applicable: int

    @property
    def todo(self) -> int:
        """Applicable checkpoints not yet started."""
        return max(self.applicable - self.done - self.doing, 0)

    @property
    def ratio(self) -> float:
        """Share done (0–1); a step with nothing applicable counts as done."""
        return self.done / self.applicable if self.applicable else 1.0


@dataclass(frozen=True)
class PlanData:
    """Everything the DX推進計画 PDF/DOCX prints."""

    meta: DocMeta
    title: str
    purpose: str = ""  # 第1章 計画策定の趣旨
    vision: str = ""  # 第3章 ビジョン
    principles: str = ""  # 第3章 基本理念
    start_fy: int | None = None
    end_fy: int | None = None
    approved: bool = False  # 議決済; False while the plan is a draft (案)
    approved_on: date | None = None  # 議決日 (may be unknown even when approved)
    progress_management: str = ""  # 第8章 進捗管理
    roles: tuple[RoleLine, ...] = ()
    priorities: tuple[ActionPlan, ...] = ()
    kpis: tuple[KpiLine, ...] = ()
    steps: tuple[StepLine, ...] = ()

    @property
    def years(self) -> list[int]:
        """年度 of the plan period; without one, the span the アクションプラン and KPIs cover."""
        if self.start_fy is not None and self.end_fy is not None:
            return list(range(self.start_fy, self.end_fy + 1))
        found = {y for p in self.priorities for y in (p.start_fy, p.end_fy) if y is not None}
        found |= {y.fiscal_year for k in self.kpis for y in k.years}
        return list(range(min(found), max(found) + 1)) if found else []


# --- 進捗報告 --------------------------------------------------------------------------------------------


@dataclass(frozen=True)
class CheckLine:
    """A checkpoint of a step that is done or in progress."""

    step: int
    title: str
    status: str  # label: 完了 / 対応中 / 未着手 / 対象外
    done_on: date | None = None
    assignee: str = ""
    note: str = ""


@dataclass(frozen=True)
class BusinessLine:
    """One of the 20 標準化対象業務 and where its migration stands."""

    number: int
    name: str
    phase: str = ""  # 段階 label; "" = 未着手
    planned_go_live: date | None = None
    specific_support: bool = False  # 特定移行支援システム
    specific_reason: str = ""
    gov_cloud: bool = False  # ガバメントクラウド
    live: bool = False  # 本稼働 (the last work item of the 標準化手順書) reached


@dataclass(frozen=True)
class ProgressData:
    """Everything the 進捗報告 PDF prints."""

    meta: DocMeta
    fiscal_year: int  # the 年度 whose KPI actuals are reported
    steps: tuple[StepLine, ...] = ()
    checks: tuple[CheckLine, ...] = ()
    kpis: tuple[KpiLine, ...] = ()
    businesses: tuple[BusinessLine, ...] = ()
    plan_title: str = ""
