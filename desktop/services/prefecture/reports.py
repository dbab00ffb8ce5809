"""The prefecture's 文書出力: an XLSX of every list and the prefecture-wide progress report PDF.

Used by the prefecture's 文書出力 page. Rows come from the same services the pages show; the builders in
desktop.documents are pure (data in, file out), and every file is written atomically.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import Any

from sqlalchemy import JSON, Date, Integer, Text

from desktop.content import load_catalog
from desktop.documents.data import BuildResult, DocMeta
from desktop.documents.output import check_target
from desktop.documents.prefecture_pdf import NeedsCount, PrefectureReportData, TownLine, build_prefecture_pdf
from desktop.documents.xlsx_export import Column, write_list_xlsx
from desktop.models import Announcement, GoodPractice, JointProcurementOffer, TalentPoolEntry
from desktop.models.case_items import item_lines
from desktop.models.field_table import FIELDS
from desktop.models.progress import NO_PROGRESS, Progress
from desktop.models.vocab import (
    CONTACT_CHANNEL,
    COST_SPLIT,
    ENGAGEMENT,
    INTENT,
    NEEDS_CATEGORY,
    OFFER_STATUS,
    POOL_AVAILABILITY,
    PRIORITY,
    RESPONSE_STATUS,
    SKILL_ROLES,
)
from desktop.services.document_parts import fonts_for
from desktop.services.municipality import get_municipality
from desktop.services.prefecture import catalog, towns
from desktop.services.prefecture import needs as pref_needs
from desktop.services.prefecture.indicators import INDICATORS
from desktop.services.workspace import Workspace


@dataclass(frozen=True)
class ReportKind:
    """A document of the prefecture's 文書出力 page; `title` is the document's own (Japanese) title."""

    key: str
    title: str
    fmt: str  # pdf | xlsx


REPORTS: dict[str, ReportKind] = {
    r.key: r
    for r in (
        ReportKind("progress", "県内市町村のDX推進状況（報告書）", "pdf"),
        ReportKind("towns", "市町村一覧", "xlsx"),
        ReportKind("needs", "支援ニーズ一覧", "xlsx"),
        ReportKind("talent_pool", "人材プール", "xlsx"),
        ReportKind("good_practices", "好事例", "xlsx"),
        ReportKind("joint_procurement", "共同調達と参加意向", "xlsx"),
        ReportKind("announcements", "お知らせ", "xlsx"),
    )
}


def _meta(ws: Workspace, title: str, today: date | None) -> tuple[DocMeta, str]:
    pref = get_municipality(ws)
    return DocMeta(pref.name, title, today or ws.today(), department=pref.department), pref.code


def _pct(ratio: float) -> str:
    return f"{round(ratio * 100)}%"


def _towns_columns() -> list[Column]:
    cols = [
        Column("団体コード", lambda t: t.code),
        Column("団体名", lambda t: t.name),
        *(
            Column(f"ステップ{i} 完了率", lambda t, i=i: _pct(t.step_ratios[i]))
            for i in range(len(load_catalog().steps))
        ),
        Column("取組中のステップ", lambda t: "完了" if t.current_step >= 4 else f"ステップ{t.current_step}"),
        Column("20業務 本稼働", lambda t: t.live, "int"),
        Column("20業務 未着手", lambda t: t.not_started, "int"),
        Column("特定移行支援システム", lambda t: t.specific_support, "int"),
        Column("最終連絡", lambda t: t.last_contact.date() if t.last_contact else None, "date"),
        Column("連絡の方法", lambda t: CONTACT_CHANNEL.get(t.contact_channel, "")),
        Column("未回答の支援ニーズ", lambda t: t.open_needs, "int"),
    ]
    for i, (_key, label) in enumerate(INDICATORS):
        cols.append(Column(label, lambda t, i=i: "○" if t.indicators[i].value else "×"))
        cols.append(Column(f"{label}（判定の根拠）", lambda t, i=i: t.indicators[i].how, "wrap"))
    return cols


def _needs_columns() -> list[Column]:
    return [
        Column("団体コード", lambda n: n.town_code),
        Column("団体名", lambda n: n.town_name),
        Column("件名", lambda n: n.title),
        Column("区分", lambda n: NEEDS_CATEGORY.get(n.category, n.category)),
        Column("人材像（スキル標準）", lambda n: SKILL_ROLES.get(n.skill_role, "")),
        Column("常駐/随時", lambda n: ENGAGEMENT.get(n.engagement, "")),
        Column("月あたり日数", lambda n: n.days_per_month, "number"),
        Column("期間（開始）", lambda n: n.period_start, "date"),
        Column("期間（終了）", lambda n: n.period_end, "date"),
        Column("優先度", lambda n: PRIORITY.get(n.priority, n.priority)),
        Column("目的", lambda n: n.purpose, "wrap"),
        Column("回答状況", lambda n: RESPONSE_STATUS.get(n.response_status, "")),
        Column("回答内容", lambda n: n.response_text, "wrap"),
        Column("回答日", lambda n: n.responded_at.date() if n.responded_at else None, "date"),
    ]


_CATALOG_COLUMNS: dict[str, list[Column]] = {
    "talent_pool": [
        Column("掲載名", lambda e: e.listing),
        Column("人材像（スキル標準）", lambda e: SKILL_ROLES.get(e.skill_role, "")),
        Column("スキル・経験", lambda e: e.skills, "wrap"),
        Column("常駐/随時", lambda e: ENGAGEMENT.get(e.engagement, "")),
        Column("月あたり日数", lambda e: e.days_per_month, "number"),
        Column("派遣可能期間（開始）", lambda e: e.available_from, "date"),
        Column("派遣可能期間（終了）", lambda e: e.available_until, "date"),
        Column("派遣の可否", lambda e: POOL_AVAILABILITY.get(e.availability, "")),
        Column("備考", lambda e: e.note, "wrap"),
    ],
    "announcements": [
        Column("掲載日", lambda e: e.published_on, "date"),
        Column("件名", lambda e: e.title),
        Column("本文", lambda e: e.body, "wrap"),
    ],
}  # fmt: skip


def _practice_columns() -> list[Column]:
    """Every field of a 好事例 in the order and with the labels of the GIF 事例データモデル, then its ID and
    最終更新日 (the record's own id and update stamp)."""
    priorities = {p.key: p.title for p in load_catalog().priorities}
    table = GoodPractice.__table__.columns  # type: ignore[attr-defined]
    columns = []
    for key, rule in FIELDS["good_practice"].items():
        col_type = table[key].type
        if key == "priority_key":
            columns.append(Column(rule.label, lambda e: priorities.get(e.priority_key, "")))
        elif isinstance(col_type, JSON):
            columns.append(
                Column(rule.label, lambda e, key=key: "\n".join(item_lines(getattr(e, key))), "wrap")
            )
        elif isinstance(col_type, Date):
            columns.append(Column(rule.label, lambda e, key=key: getattr(e, key), "date"))
        elif isinstance(col_type, Integer):
            columns.append(Column(rule.label, lambda e, key=key: getattr(e, key), "year"))
        elif isinstance(col_type, Text):
            columns.append(Column(rule.label, lambda e, key=key: getattr(e, key), "wrap"))
        else:
            columns.append(Column(rule.label, lambda e, key=key: getattr(e, key)))
    columns.append(Column("ID", lambda e: e.id))
    columns.append(Column("最終更新日", lambda e: e.updated_at.date() if e.updated_at else None, "date"))
    return columns


_CATALOG_CLASSES = {
    "talent_pool": TalentPoolEntry,
    "announcements": Announcement,
}


def _intent_rows(ws: Workspace) -> tuple[list[Column], list[Any]]:
    rows: list[tuple[Any, Any]] = []
    for offer in catalog.entries(ws, JointProcurementOffer):
        rows += [(offer, p) for p in catalog.participation(ws, offer.id)] or [(offer, None)]
    columns = [
        Column("件名", lambda r: r[0].title),
        Column("対象システム", lambda r: r[0].system),
        Column("回答期限", lambda r: r[0].survey_deadline, "date"),
        Column("費用の按分", lambda r: COST_SPLIT.get(r[0].cost_split, "")),
        Column("状況", lambda r: OFFER_STATUS.get(r[0].status, "")),
        Column("団体コード", lambda r: r[1].town_code if r[1] else ""),
        Column("団体名", lambda r: r[1].town_name if r[1] else "（回答なし）"),
        Column("参加意向", lambda r: INTENT.get(r[1].intent, "") if r[1] else ""),
        Column("現行契約の満了日", lambda r: r[1].contract_end if r[1] else None, "date"),
        Column("予算化の予定年度", lambda r: r[1].budget_fy if r[1] else None, "year"),
        Column("備考", lambda r: r[1].note if r[1] else "", "wrap"),
    ]
    return columns, rows


def report_data(ws: Workspace, today: date | None = None) -> PrefectureReportData:
    """What the prefecture-wide report shows."""
    meta, _code = _meta(ws, REPORTS["progress"].title, today)
    rows = towns.overview(ws)
    summary = towns.summarise(rows)
    needs = pref_needs.all_needs(ws)
    responses = [k for k in RESPONSE_STATUS]
    counts = []
    for category, label in NEEDS_CATEGORY.items():
        these = [n for n in needs if n.category == category]
        if these:
            counts.append(
                NeedsCount(label, tuple(sum(1 for n in these if n.response_status == r) for r in responses))
            )
    return PrefectureReportData(
        meta=meta,
        indicator_labels=tuple(label for _k, label in INDICATORS),
        towns=tuple(
            TownLine(
                t.code,
                t.name,
                t.step_ratios,
                t.current_step,
                t.live,
                t.businesses,
                tuple(i.value for i in t.indicators),
            )  # fmt: skip
            for t in rows
        ),
        rates=tuple((yes, rate) for _label, yes, rate in summary.rates),
        step_titles=tuple(s.title for s in load_catalog().steps),
        response_labels=tuple(RESPONSE_STATUS[r] for r in responses),
        needs=tuple(counts),
        open_needs=tuple(
            (n.town_name, n.title, NEEDS_CATEGORY.get(n.category, n.category), PRIORITY.get(n.priority, ""))
            for n in needs
            if not n.response_status
        ),
    )


def build_report(
    ws: Workspace, key: str, out: Path | str, progress: Progress = NO_PROGRESS, today: date | None = None
) -> BuildResult:
    """Write one of REPORTS to `out`; nothing is written when it cannot be made."""
    kind = REPORTS[key]
    out = check_target(Path(out))
    if kind.fmt == "pdf":
        return build_prefecture_pdf(report_data(ws, today), out, fonts_for(ws), progress)
    meta, code = _meta(ws, kind.title, today)
    gather: dict[str, Callable[[], tuple[list[Column], list[Any]]]] = {
        "towns": lambda: (_towns_columns(), towns.overview(ws)),
        "needs": lambda: (_needs_columns(), pref_needs.all_needs(ws)),
        "joint_procurement": lambda: _intent_rows(ws),
        "good_practices": lambda: (_practice_columns(), catalog.entries(ws, GoodPractice)),
        **{
            k: (lambda k=k: (_CATALOG_COLUMNS[k], catalog.entries(ws, _CATALOG_CLASSES[k])))
            for k in _CATALOG_CLASSES
        },
    }
    columns, rows = gather[key]()
    return write_list_xlsx(meta, code, kind.title[:31], columns, rows, out, progress)
