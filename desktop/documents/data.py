"""Plain data the document builders take: services fill these, builders only read them.

Keeping builders on plain frozen dataclasses (no ORM objects, no store) makes them pure: data in, file out,
safe to run off the UI thread and easy to test without a database.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, datetime
from pathlib import Path

from desktop.models.wareki import fiscal_year_of


@dataclass
class BuildResult:
    """What a builder or exporter wrote, and anything the user should be told (e.g. a font fallback)."""

    path: Path
    warnings: list[str] = field(default_factory=list)
    pages: int | None = None  # PDF page count when known


@dataclass(frozen=True)
class DocMeta:
    """What every page shows: the issuer in the header, the 印刷日 (和暦) in the footer, the 案 mark on drafts.

    `municipality` is the issuer: the 団体名, or for a 共同調達 the 代表団体. `mark` is 「案」 or 「改定案」 on a
    draft (stamp, watermark) and empty on a final document. The file's properties (title, author, created)
    come from here too.
    """

    municipality: str  # issuer as printed, e.g. 「福井県鯖江市」
    title: str  # document title, printed in the header and as PDF metadata
    printed_on: date  # labelled 印刷日: the day the file was made, not a date of the document's content
    mark: str = ""  # 「案」 / 「改定案」 / "" (final)
    department: str = ""  # 担当部署 (cover / contact line)
    printed_at: datetime | None = None  # the moment the file was made (file properties); printed_on if None
    head_title: str = ""  # 市長・町長・村長・区長 (団体情報), for 「町長」 where a document names the head
    contact_person: str = ""  # 担当者, 電話, メール: the DX contact of 団体情報
    contact_phone: str = ""
    contact_email: str = ""

    @property
    def draft(self) -> bool:
        """True while the document carries a 案 mark."""
        return bool(self.mark)


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
    """A 重点取組事項 with its アクションプラン fields and what it does per 年度 (its row of the 工程表)."""

    number: int
    title: str
    overview: str = ""  # 概要
    current_issues: str = ""  # 現状・課題
    next_steps: str = ""  # 今後の展開
    indicators: str = ""  # 評価指標
    schedule: str = ""  # 実施スケジュールの補足 (free text)
    start_fy: int | None = None
    end_fy: int | None = None
    kpi_names: tuple[str, ...] = ()  # KPIs linked to this item
    activities: tuple[tuple[int, str], ...] = ()  # (年度, what it does that year), in 年度 order

    def activity(self, fy: int) -> str:
        """What the item does in `fy` ("" when nothing was written)."""
        return next((text for year, text in self.activities if year == fy), "")

    def active_in(self, fy: int) -> bool:
        """True for a 年度 inside the item's 取組期間 (an open end runs on; no period: the 年度 it has text for)."""
        if self.start_fy is None and self.end_fy is None:
            return bool(self.activity(fy))
        return (self.start_fy is None or self.start_fy <= fy) and (self.end_fy is None or fy <= self.end_fy)


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
    """Everything the DX推進計画 PDF/DOCX prints (DESIGN.md §6, for the council and the public)."""

    meta: DocMeta
    title: str
    status: str = "draft"  # vocab.PLAN_STATUS: draft (案) | approved (in force) | revising (改定案)
    adopted_on: date | None = None  # 策定日
    approved_on: date | None = None  # 議決日
    revised_on: date | None = None  # 改定日 of the revision in force
    purpose: str = ""  # 計画策定の趣旨
    national_trends: str = ""  # 現状と課題: 国の動向
    current_situation: str = ""  # 現状と課題: the municipality's own situation
    vision: str = ""  # ビジョン
    principles: str = ""  # 基本理念
    start_fy: int | None = None
    end_fy: int | None = None
    progress_management: str = ""  # 進捗管理
    glossary: str = ""  # 用語解説: 「用語：説明」 per line
    show_names: bool = False  # 推進体制 prints names as well as posts
    roles: tuple[RoleLine, ...] = ()
    priorities: tuple[ActionPlan, ...] = ()
    kpis: tuple[KpiLine, ...] = ()

    @property
    def head_title(self) -> str:
        """町長 / 市長 / 村長 / 区長 (団体情報); 「首長」 only for a body whose head has none of these titles."""
        return self.meta.head_title or "首長"

    @property
    def own_name(self) -> str:
        """How the plan calls its own municipality: 本町 / 本市 / 本村 / 本区."""
        return f"本{self.head_title[0]}" if self.head_title[:1] in ("町", "市", "村", "区") else "本団体"

    @property
    def in_force(self) -> bool:
        """True once adopted (also while a revision is being drafted)."""
        return self.status in ("approved", "revising")

    @property
    def years(self) -> list[int]:
        """年度 of the plan period; without one, the span the アクションプラン and KPIs cover."""
        if self.start_fy is not None and self.end_fy is not None:
            return list(range(self.start_fy, self.end_fy + 1))
        found = {y for p in self.priorities for y in (p.start_fy, p.end_fy) if y is not None}
        found |= {y for p in self.priorities for y, _ in p.activities}
        found |= {y.fiscal_year for k in self.kpis for y in k.years}
        return list(range(min(found), max(found) + 1)) if found else []

    def started_years(self) -> list[int]:
        """年度 of the plan that have begun by the 印刷日: only these can have 実績."""
        current = fiscal_year_of(self.meta.printed_on)
        return [y for y in self.years if y <= current]


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
