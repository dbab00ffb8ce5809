"""What the DX推進計画 says, in which words: the chapters and fixed sentences shared by its PDF and DOCX.

The plan goes before the council and out to the public, so every fixed sentence is in である調 (as the
user's own chapters are written), the head of the municipality is named by title (町長, 市長 …), no sentence
repeats another chapter, and internal working figures (checklist percentages) stay in the 進捗報告.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from desktop.documents.data import ActionPlan, PlanData
from desktop.models.wareki import fiscal_year_label, fiscal_year_label_both, wareki_date, wareki_year_month

CHAPTERS = (
    "第1章　計画策定の趣旨",
    "第2章　計画期間",
    "第3章　現状と課題",
    "第4章　基本理念・ビジョン",
    "第5章　推進体制",
    "第6章　重点取組事項",
    "第7章　工程表",
    "第8章　成果指標（KPI）",
    "第9章　進捗管理",
)
GLOSSARY = "用語解説"
KPI_CHAPTER = "第8章"

EMPTY = "（記載なし）"
NO_PERIOD = "計画期間は未設定である。"
NO_ROLES = "（推進体制の役職は登録されていない）"
NO_PRIORITIES = "（重点取組事項は登録されていない）"
NO_ROADMAP = "（重点取組事項または計画期間が未設定のため、工程表はない）"
NO_KPIS = "（KPIは登録されていない）"
PRIORITIES_INTRO = "本計画では、次の事項に重点的に取り組む。各事項のアクションプランは以下のとおりである。"
ROADMAP_INTRO = "重点取組事項ごとの各年度の取組は、次のとおりである。"
ROADMAP_SHADE_NOTE = "※ 網掛けは各事項の取組期間を示す。"
ROADMAP_ONWARD_NOTE = "※ ▶ は計画期間の後も継続する取組を示す。"
KPI_DASH_NOTE = "※ 「—」は未設定又は未集計であることを示す。"


def period_text(start_fy: int | None, end_fy: int | None) -> str:
    """令和7年度〜令和9年度; 「令和7年度〜」 for an item that only has a start; 「未設定」 with neither."""
    if start_fy is None and end_fy is None:
        return "未設定"
    start = fiscal_year_label(start_fy) if start_fy is not None else ""
    end = fiscal_year_label(end_fy) if end_fy is not None else ""
    return f"{start}〜{end}"


def plan_period(data: PlanData) -> str:
    """計画期間 on the cover: 令和7年度（2025年度）〜令和9年度（2027年度）."""
    if data.start_fy is None or data.end_fy is None:
        return "計画期間　未設定"
    return f"計画期間　{fiscal_year_label_both(data.start_fy)}〜{fiscal_year_label_both(data.end_fy)}"


def cover_mark(data: PlanData) -> str:
    """「（案）」 or 「（改定案）」 under the title of a draft; nothing for a plan in force."""
    return f"（{data.meta.mark}）" if data.meta.mark else ""


def cover_dates(data: PlanData) -> list[str]:
    """The plan's own dates: 策定 (and 改定) 年月, and the 議決日 if the council voted on it.

    A draft has none yet; the day the file is printed is not one of them (it is the footer's 印刷日).
    """
    if data.status == "draft":
        return []
    made = []
    if data.adopted_on is not None:
        made.append(f"{wareki_year_month(data.adopted_on)}　策定")
    if data.revised_on is not None:
        made.append(f"{wareki_year_month(data.revised_on)}　改定")
    lines = ["　／　".join(made)] if made else []
    if data.approved_on is not None:
        lines.append(f"（{wareki_date(data.approved_on)}　議決）")
    return lines


def period_sentence(data: PlanData) -> str:
    """第2章."""
    if data.start_fy is None or data.end_fy is None:
        return NO_PERIOD
    years = data.end_fy - data.start_fy + 1
    return (
        f"本計画の期間は、{fiscal_year_label_both(data.start_fy)}から{fiscal_year_label_both(data.end_fy)}"
        f"までの{years}年間とする。"
    )


def situation_heading(data: PlanData) -> str:
    """第3章 2: 「本町の現状と課題」."""
    return f"2　{data.own_name}の現状と課題"


def structure_intro(data: PlanData) -> str:
    """第5章: the head is named by title (町長 …), never 「首長」 in the municipality's own plan."""
    return f"本計画を全庁的・横断的に推進するため、{data.head_title}のリーダーシップの下、次の体制により取り組む。"


@dataclass(frozen=True)
class Post:
    """A post of the 推進体制 with the positions (and, if printed, names) filling it."""

    title: str
    holders: tuple[str, ...]  # 「副町長」「総務課長」 …, 「（外部人材）」 marked
    names: tuple[str, ...]


def posts(data: PlanData) -> list[Post]:
    """The 推進体制 by post, in the order posts first appear (本部員 and リーダー gathered on one line each)."""
    order: dict[str, list] = {}
    for r in data.roles:
        holder = (r.position or "（未定）") + ("（外部人材）" if r.external else "")
        holders, names = order.setdefault(r.title, [[], []])
        holders.append(holder)
        names.append(r.person_name or "（未定）")
    return [Post(title, tuple(h), tuple(n)) for title, (h, n) in order.items()]


def post_table(data: PlanData) -> tuple[list[str], list[list[str]]]:
    """Header and rows of the 推進体制 table; 氏名 only when the plan prints names."""
    header = ["役職", "充てる職"] + (["氏名"] if data.show_names else [])
    rows = []
    for post in posts(data):
        row = [post.title, "、".join(post.holders)]
        if data.show_names:
            row.append("、".join(post.names))
        rows.append(row)
    return header, rows


def indicator_text(p: ActionPlan) -> str:
    """評価指標: the user's text, then the linked KPIs not already named in it (so nothing is said twice)."""
    text = p.indicators.strip()
    unnamed = [k for k in p.kpi_names if k not in text]
    if unnamed:
        note = f"（KPI：{'、'.join(unnamed)}。{KPI_CHAPTER}参照）"
    elif p.kpi_names:
        note = f"（{KPI_CHAPTER}参照）"
    else:
        return text
    return f"{text}\n{note}" if text else note


def schedule_text(p: ActionPlan) -> str:
    """実施スケジュール: the 取組期間, what is done in each 年度 (as in the 工程表), then the user's notes."""
    lines = [f"取組期間：{period_text(p.start_fy, p.end_fy)}"]
    lines += [f"{fiscal_year_label(fy)}：{text}" for fy, text in p.activities]
    if p.schedule.strip():
        lines.append(p.schedule.strip())
    return "\n".join(lines)


def runs_on(p: ActionPlan, years: list[int]) -> bool:
    """True when the item continues after the plan period (no end, or an end beyond it)."""
    return bool(years) and p.start_fy is not None and (p.end_fy is None or p.end_fy > years[-1])


@dataclass(frozen=True)
class KpiColumn:
    """A 年度 of the KPI table: its target, and its actual only once the 年度 has begun."""

    fiscal_year: int
    with_actual: bool


def kpi_columns(data: PlanData) -> list[KpiColumn]:
    """A draft whose period has not started shows targets only: no 実績 of a 年度 that has not begun."""
    started = set(data.started_years())
    return [KpiColumn(fy, fy in started) for fy in data.years]


def kpi_tables(columns: list[KpiColumn], budget: float, pair: float, single: float) -> list[list[KpiColumn]]:
    """Split the 年度 over several tables so that each table's value columns fit `budget` (mm): a 年度 with
    目標 and 実績 takes two columns of `pair` under one label, a 年度 with only 目標 one column of `single`, wide
    enough for 「令和10年度」 on one line."""
    tables: list[list[KpiColumn]] = [[]]
    used = 0.0
    for c in columns:
        width = 2 * pair if c.with_actual else single
        if tables[-1] and used + width > budget:
            tables.append([])
            used = 0.0
        tables[-1].append(c)
        used += width
    return tables


def kpi_value_widths(columns: list[KpiColumn], pair: float, single: float) -> list[float]:
    """Widths (mm) of the value columns of one KPI table."""
    return [w for c in columns for w in ((pair, pair) if c.with_actual else (single,))]


def kpi_intro(data: PlanData) -> str:
    """第8章 1."""
    if any(c.with_actual for c in kpi_columns(data)):
        return (
            "取組の成果を測る指標（KPI）と年度ごとの目標値は、次のとおりである。"
            f"始まった年度については、{wareki_date(data.meta.printed_on)}時点の実績値を併せて示す。"
        )
    return "取組の成果を測る指標（KPI）と年度ごとの目標値は、次のとおりである。"


_TERM = re.compile(r"^(.+?)[：:]\s*(.+)$")


def glossary_rows(text: str) -> list[tuple[str, str]]:
    """用語解説 lines 「用語：説明」 as (用語, 説明); a line without 「：」 is a term without explanation."""
    rows = []
    for line in (text or "").splitlines():
        line = line.strip()
        if not line:
            continue
        m = _TERM.match(line)
        rows.append((m.group(1).strip(), m.group(2).strip()) if m else (line, ""))
    return rows
