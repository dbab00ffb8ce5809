"""支援ニーズ調書: the municipality's support needs, as sent to the prefecture (PDF).

Laid out as an official letter: 文書番号 and 発信日 at the top right (blank lines to fill in by hand when not
given), the prefecture's department it is addressed to, the sender, then one summary table of every need and
one block per need with what the prefecture must know to match it: 区分, 人材像 (スキル標準), 常駐/随時,
月あたり日数, 期間 (和暦), 目的, 優先度 and 財源. Only needs the municipality has submitted are sent; their
internal status and the prefecture's own answer stay off the paper.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date
from pathlib import Path

from reportlab.lib.enums import TA_CENTER, TA_RIGHT
from reportlab.lib.styles import ParagraphStyle
from reportlab.platypus import Flowable, KeepTogether, Table, TableStyle

from desktop.documents.data import BuildResult, DocMeta
from desktop.documents.fonts import FontSet
from desktop.documents.headings import heading
from desktop.documents.pages import ProgressMark, spacer, write_pdf
from desktop.documents.styles import CONTENT_WIDTH, GRID, HEAD_FILL, TABLE_PT, Styles, make_styles
from desktop.documents.tables import col_widths, data_table, form_table, number
from desktop.documents.text import para
from desktop.models.progress import NO_PROGRESS, Progress
from desktop.models.wareki import (
    fiscal_year_end,
    fiscal_year_label,
    fiscal_year_of,
    fiscal_year_start,
    wareki_date,
    wareki_year_month,
)

TITLE = "支援ニーズ調書"


@dataclass(frozen=True)
class NeedLine:
    """One need as printed: vocabulary values already turned into their Japanese labels."""

    title: str
    category: str  # 区分 label
    skill_role: str = ""  # 人材像 label ("" when not a talent need)
    engagement: str = ""  # 常駐 / 随時
    days_per_month: float | None = None
    period_start: date | None = None
    period_end: date | None = None
    purpose: str = ""
    detail: str = ""
    priority: str = ""  # 高 / 中 / 低
    funding: str = ""  # 財源 label


@dataclass(frozen=True)
class NeedsDocData:
    """Everything the 支援ニーズ調書 prints."""

    meta: DocMeta
    code: str  # 団体コード
    prefecture: str
    needs: tuple[NeedLine, ...]
    population: int | None = None
    staff_count: int | None = None
    department: str = ""
    contact_person: str = ""
    contact_phone: str = ""
    contact_email: str = ""
    fingerprint: str = ""  # パッケージ指紋 of the package this paper accompanies; printed only when given
    addressee: str = ""  # the prefecture's department it goes to, e.g. 「総務部市町村課」
    doc_number: str = ""  # 文書番号 as the municipality's filing system gives it (blank: filled in by hand)
    sent_on: date | None = None  # 発信日 (blank: filled in by hand)


def period_text(start: date | None, end: date | None) -> str:
    """期間 in 和暦; a whole 年度 is named as such: 令和9年度（令和9年4月1日〜令和10年3月31日）."""
    if start is None and end is None:
        return "未定"
    if start is not None and end is not None:
        fy = fiscal_year_of(start)
        span = f"{wareki_date(start)}〜{wareki_date(end)}"
        if start == fiscal_year_start(fy) and end == fiscal_year_end(fy):
            return f"{fiscal_year_label(fy)}（{span}）"
        return span
    if start is not None:
        return f"{wareki_date(start)}〜"
    return f"〜{wareki_date(end)}"  # type: ignore[arg-type]


def short_period(start: date | None, end: date | None) -> str:
    """期間 for the summary table: 令和9年4月〜 / 令和10年3月 on two lines, so that no date is cut in two."""
    if start is None and end is None:
        return "未定"
    left = wareki_year_month(start) if start else ""
    right = wareki_year_month(end) if end else ""
    return f"{left}〜\n{right}"


def days_text(days: float | None) -> str:
    """月4日 / 月2.5日; 「—」 when not set."""
    return "—" if days is None else f"月{number(days)}日"


BLANK_NUMBER = "第　　　　　号"
BLANK_DATE = "令和　　年　　月　　日"
BLANK_DEPARTMENT = "　　　　　　　　"


def addressee_line(data: NeedsDocData) -> str:
    """「福井県総務部市町村課　宛」; a blank to fill in when the department is not set."""
    department = data.addressee.strip()
    if department.startswith(data.prefecture):
        department = department[len(data.prefecture) :]
    return f"{data.prefecture}{department or BLANK_DEPARTMENT}　宛"


def _title_block(data: NeedsDocData, st: Styles) -> list[Flowable]:
    title = ParagraphStyle("needs-title", parent=st.cover_sub, fontSize=16, leading=24, spaceBefore=8)
    right = ParagraphStyle("needs-right", parent=st.body_flat, alignment=TA_RIGHT)
    lines: list[Flowable] = [
        para(data.doc_number.strip() or BLANK_NUMBER, right),
        para(wareki_date(data.sent_on) if data.sent_on else BLANK_DATE, right),
        spacer(4),
        para(addressee_line(data), st.body_flat),
        spacer(3),
        para(data.meta.municipality, right),
    ]
    if data.department:
        lines.append(para(data.department, right))
    if data.fingerprint:
        lines.append(para(f"パッケージ指紋　{data.fingerprint}", right))
    lines += [
        para(TITLE, title),
        para(
            "（都道府県によるDX推進支援に関する支援ニーズ）",
            ParagraphStyle("needs-sub", parent=st.body_flat, alignment=TA_CENTER),
        ),
        spacer(3),
        para("本団体のDX推進に必要な支援について、次のとおり提出します。", st.body),
    ]
    return lines


def _profile_table(data: NeedsDocData, st: Styles) -> Table:
    """団体の概要 as a 4-column grid (label, value, label, value)."""
    pairs = [
        ("団体名", data.meta.municipality, "団体コード", data.code),
        ("人口", f"{number(data.population)}人" if data.population is not None else "—",
         "職員数", f"{number(data.staff_count)}人" if data.staff_count is not None else "—"),
        ("担当部署", data.department or "—", "担当者", data.contact_person or "—"),
        ("電話", data.contact_phone or "—", "電子メール", data.contact_email or "—"),
    ]  # fmt: skip
    rows = [[para(c, st.cell_label if i % 2 == 0 else st.cell) for i, c in enumerate(r)] for r in pairs]
    label = 24 * 2.835  # 24 mm in points
    value = (CONTENT_WIDTH - 2 * label) / 2
    table = Table(rows, colWidths=[label, value, label, value], hAlign="LEFT")
    table.setStyle(
        TableStyle(
            [
                ("FONT", (0, 0), (-1, -1), st.body_font, TABLE_PT),  # else Table sets Helvetica, not embedded
                ("GRID", (0, 0), (-1, -1), 0.5, GRID),
                ("BOX", (0, 0), (-1, -1), 0.9, GRID),
                ("BACKGROUND", (0, 0), (0, -1), HEAD_FILL),
                ("BACKGROUND", (2, 0), (2, -1), HEAD_FILL),
                ("VALIGN", (0, 0), (-1, -1), "MIDDLE"),
                ("TOPPADDING", (0, 0), (-1, -1), 4),
                ("BOTTOMPADDING", (0, 0), (-1, -1), 5),
            ]
        )
    )
    return table


def _summary_table(needs: tuple[NeedLine, ...], st: Styles) -> Flowable:
    header = ["番号", "件名", "区分", "人材像（スキル標準）", "常駐/随時・日数", "期間", "優先度"]
    rows = [
        [
            str(i),
            n.title,
            n.category,
            n.skill_role or "—",
            f"{n.engagement or '—'}・{days_text(n.days_per_month)}"
            if n.days_per_month
            else n.engagement or "—",
            short_period(n.period_start, n.period_end),
            n.priority,
        ]
        for i, n in enumerate(needs, 1)
    ]
    return data_table(header, rows, col_widths(0.6, 2.0, 1.45, 1.5, 1.25, 1.65, 0.7), st, align="CLLLCLC")


def _need_block(index: int, n: NeedLine, st: Styles, lead: Flowable | None = None) -> list[Flowable]:
    rows: list[tuple[str, str]] = [
        ("区分", n.category),
        ("人材像（スキル標準）", n.skill_role or "—"),
        ("常駐/随時", n.engagement or "—"),
        ("月あたり日数", days_text(n.days_per_month)),
        ("期間", period_text(n.period_start, n.period_end)),
        ("目的", n.purpose or "（記載なし）"),
    ]
    if n.detail:
        rows.append(("内容・補足", n.detail))
    rows += [("優先度", n.priority or "—"), ("財源", n.funding or "未定")]
    # A need is short: keep its heading and table on one page (KeepTogether still splits a block taller than a page).
    # `lead` is the section heading before the first need: it moves to the next page together with it.
    parts = [heading(f"（{index}）{n.title}", 3, st, toc=False), form_table(rows, st, label_width=38 * 2.835)]
    block = KeepTogether([lead, *parts] if lead is not None else parts)
    return [block, spacer(2)]


def glyph_fields(data: NeedsDocData) -> Iterable[tuple[str, str | None]]:
    """Every user-entered text, labelled for the missing-glyph message."""
    yield from (
        ("担当部署", data.department),
        ("担当者", data.contact_person),
        ("電話", data.contact_phone),
        ("電子メール", data.contact_email),
        ("パッケージ指紋", data.fingerprint),
        ("宛先", data.addressee),
        ("文書番号", data.doc_number),
    )
    for n in data.needs:
        yield from (
            (f"{n.title}：件名", n.title),
            (f"{n.title}：目的", n.purpose),
            (f"{n.title}：内容", n.detail),
        )


def build_needs_pdf(
    data: NeedsDocData, out: Path, fonts: FontSet, progress: Progress = NO_PROGRESS
) -> BuildResult:
    """Write the 支援ニーズ調書 to `out` (atomically); the data holds one or more needs."""
    st = make_styles(fonts)
    total = len(data.needs) + 2
    story: list[Flowable] = [*_title_block(data, st), ProgressMark(0, total, "団体の概要")]
    story += [heading("1　団体の概要", 2, st), _profile_table(data, st)]
    if len(data.needs) > 1:
        story += [
            ProgressMark(1, total, "支援ニーズ一覧"),
            heading("2　支援ニーズ一覧", 2, st),
            _summary_table(data.needs, st),
        ]
    section = heading("3　支援ニーズの詳細" if len(data.needs) > 1 else "2　支援ニーズの内容", 2, st)
    for i, need in enumerate(data.needs, 1):
        story.append(ProgressMark(i + 1, total, f"支援ニーズ {i}/{len(data.needs)}"))
        story += _need_block(i, need, st, section if i == 1 else None)
    return write_pdf(out, data.meta, fonts, story, progress=progress, check=glyph_fields(data))
