"""調達仕様書 (PDF) for bidders: chapters ア〜サ, 別表 参加団体一覧 for 共同調達, 別紙 要件定義書 (機能/非機能要件)
and 別記 個人情報取扱特記事項. A 共同調達 is issued by its 代表団体.

Chapter text is plain text typed by the user or copied from a template: a line 「（1）…」 is an item heading,
lines starting with 「・」 or ①〜⑳ are list items with a hanging indent, anything else is a paragraph.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

from reportlab.lib.styles import ParagraphStyle
from reportlab.platypus import Flowable, NextPageTemplate, PageBreak

from desktop.documents.contents import toc
from desktop.documents.data import BuildResult, DocMeta
from desktop.documents.fonts import FontSet
from desktop.documents.headings import heading
from desktop.documents.pages import ProgressMark, spacer, write_pdf
from desktop.documents.styles import HEAD_FILL, Styles, make_styles
from desktop.documents.tables import col_widths, data_table, number
from desktop.documents.text import Para, para
from desktop.models.progress import NO_PROGRESS, Progress
from desktop.models.wareki import wareki_year_month

ITEM_HEADING = re.compile(r"^（[0-9０-９]+）")
LIST_ITEM = re.compile(r"^[・①-⑳]")

SPLIT_EXPLANATION = {
    "均等割": "費用を参加団体の数で均等に按分する。",
    "人口割": "費用を参加団体の人口の比で按分する。",
    "均等割＋人口割": "費用の50％を参加団体の数で均等に、50％を参加団体の人口の比で按分する。",
    "利用量割": "費用を参加団体の利用量の比で按分する。",
}


@dataclass(frozen=True)
class ChapterBlock:
    """A chapter as printed: its title (ア 調達案件の概要に関する事項 …) and text."""

    title: str
    text: str


@dataclass(frozen=True)
class RequirementLine:
    """One 要件定義書 row."""

    req_kind: str  # functional | non_functional
    category: str
    text: str
    mandatory: bool


@dataclass(frozen=True)
class ParticipantLine:
    """A 参加団体 of a 共同調達 and its 負担割合 (percent)."""

    code: str
    name: str
    population: int | None = None
    share_percent: float | None = None


@dataclass(frozen=True)
class SpecDocData:
    """Everything the 調達仕様書 prints."""

    meta: DocMeta  # meta.municipality is the issuer: the 代表団体 of a 共同調達
    title: str  # 調達件名
    mode: str  # 単独調達 / 共同調達
    chapters: tuple[ChapterBlock, ...]
    requirements: tuple[RequirementLine, ...]
    functional_categories: tuple[str, ...] = ()
    non_functional_categories: tuple[str, ...] = ()
    joint: bool = False
    lead_body: str = ""  # 代表団体
    cost_split: str = ""  # 按分方法 label
    participants: tuple[ParticipantLine, ...] = ()
    method: str = ""  # 調達方法 label (公募型プロポーザル方式 …)
    share_rule: str = ""  # how the 負担割合 were rounded (when computed from the 按分方法)
    personal_data_title: str = ""
    personal_data_text: str = ""


def _cover(data: SpecDocData, st: Styles) -> list[Flowable]:
    title = ParagraphStyle("spec-cover-title", parent=st.cover_title, fontSize=22, leading=34)
    sub = [f"（{data.mode}" + (f"・{data.method}" if data.method else "") + "）"]
    return [
        spacer(70),
        para(data.title, title),
        Para("調達仕様書", st.cover_title),
        spacer(4),
        *[para(s, st.cover_line) for s in sub],
        spacer(95),
        para(wareki_year_month(data.meta.printed_on), st.cover_line),
        para(data.meta.municipality, st.cover_sub),
        NextPageTemplate("body"),
        PageBreak(),
    ]


def chapter_flowables(text: str, st: Styles) -> list[Flowable]:
    """Chapter text → item headings, paragraphs and hanging-indent list items."""
    pt = st.body.fontSize
    item = ParagraphStyle("spec-item", parent=st.body_flat, leftIndent=pt * 2, firstLineIndent=-pt)
    body = ParagraphStyle("spec-body", parent=st.body, leftIndent=pt)
    out: list[Flowable] = []
    in_item = False
    for raw in (text or "").replace("\r\n", "\n").split("\n"):
        line = raw.strip()
        if not line:
            continue
        if ITEM_HEADING.match(line):
            out.append(heading(line, 3, st, toc=False))
            in_item = True
        elif LIST_ITEM.match(line):
            out.append(para(line, item))
        else:
            out.append(para(line, body if in_item else st.body))
    if not out:
        out.append(Para("（記載なし）", st.empty))
    return out


def _participants(data: SpecDocData, st: Styles) -> list[Flowable]:
    out: list[Flowable] = [heading("別表　参加団体一覧", 1, st)]
    lines = [f"代表団体：{data.lead_body or '（未定）'}", f"按分方法：{data.cost_split or '（未定）'}"]
    out += [para(s, st.body_flat) for s in lines]
    if data.cost_split in SPLIT_EXPLANATION:
        out.append(para(SPLIT_EXPLANATION[data.cost_split], st.note))
    if data.share_rule:
        out.append(para(data.share_rule, st.note))
    out.append(spacer(3))
    people = data.participants
    rows: list[list[str]] = [
        [
            str(i),
            p.code,
            p.name,
            number(p.population),
            share_text(p.share_percent),
        ]
        for i, p in enumerate(people, 1)
    ]
    if people:
        pops = [p.population for p in people]
        shares = [p.share_percent for p in people]
        total_pop = number(sum(x for x in pops if x is not None)) if all(x is not None for x in pops) else "—"
        total_share = share_text(round(sum(shares), 2)) if all(x is not None for x in shares) else "—"  # type: ignore[arg-type]
        rows.append(["", "", "合計", total_pop, total_share])
    else:
        rows.append(["", "", "（参加団体は未登録）", "", ""])
    out.append(
        data_table(
            ["番号", "団体コード", "団体名", "人口（人）", "負担割合"],
            rows,
            col_widths(0.55, 1.1, 2.6, 1.2, 1.0),
            st,
            align="CCLRR",
            extra_style=[("BACKGROUND", (0, len(rows)), (-1, len(rows)), HEAD_FILL)] if people else [],
        )
    )
    return out


def share_text(percent: float | None) -> str:
    """負担割合 as printed: 「37.25％」; 「—」 when not set."""
    return "—" if percent is None else f"{percent:.2f}％"


def _personal_data(data: SpecDocData, st: Styles) -> list[Flowable]:
    """別記 個人情報取扱特記事項: 「（見出し）」 lines as item headings, numbered clauses as paragraphs."""
    out: list[Flowable] = [heading(data.personal_data_title, 1, st)]
    for line in data.personal_data_text.splitlines():
        line = line.strip()
        if line.startswith("（") and line.endswith("）"):
            out.append(heading(line, 3, st, toc=False))
        elif line:
            out.append(para(line, st.body))
    return out


def _requirement_table(rows: list[RequirementLine], order: tuple[str, ...], st: Styles) -> Flowable:
    position = {c: i for i, c in enumerate(order)}
    ordered = sorted(enumerate(rows), key=lambda p: (position.get(p[1].category, len(order)), p[0]))
    body = [
        [str(i), r.category, r.text, "必須" if r.mandatory else "任意"] for i, (_, r) in enumerate(ordered, 1)
    ]
    if not body:
        body = [["", "", "（記載なし）", ""]]
    return data_table(
        ["番号", "区分", "要件", "必須/任意"], body, col_widths(0.5, 1.9, 4.8, 1.0), st, align="CLLC"
    )


def _requirements(data: SpecDocData, st: Styles) -> list[Flowable]:
    intro = (
        f"本書は「{data.title} 調達仕様書」の別紙であり、受注者が満たすべき要件を定める。"
        "「必須」は必ず満たすべき要件を、「任意」は満たすことが望ましく、提案により評価する要件を示す。"
    )
    out: list[Flowable] = [heading("別紙　要件定義書", 1, st), para(intro, st.body)]
    for n, (kind, label, order) in enumerate(
        (
            ("functional", "機能要件", data.functional_categories),
            ("non_functional", "非機能要件", data.non_functional_categories),
        ),
        1,
    ):
        rows = [r for r in data.requirements if r.req_kind == kind]
        out += [heading(f"{n}　{label}", 2, st), _requirement_table(rows, order, st)]
    return out


def glyph_fields(data: SpecDocData) -> Iterable[tuple[str, str | None]]:
    """Every user-entered text, labelled for the missing-glyph message."""
    yield ("調達件名", data.title)
    yield ("代表団体", data.lead_body)
    for c in data.chapters:
        yield (c.title, c.text)
    for i, r in enumerate(data.requirements, 1):
        yield (f"要件定義書 {i}行目", f"{r.category}{r.text}")
    for p in data.participants:
        yield (f"参加団体 {p.code}", p.name)


def build_spec_pdf(
    data: SpecDocData, out: Path, fonts: FontSet, progress: Progress = NO_PROGRESS
) -> BuildResult:
    """Write the 調達仕様書 to `out` (atomically)."""
    st = make_styles(fonts)
    total = len(data.chapters) + 2
    story: list[Flowable] = [
        *_cover(data, st),
        Para("目次", st.toc_title),
        toc(st, levels=1),
        PageBreak(),
    ]
    for i, chapter in enumerate(data.chapters):
        story.append(ProgressMark(i, total, chapter.title))
        story.append(heading(chapter.title, 1, st))
        story += chapter_flowables(chapter.text, st)
    if data.joint:
        story += [ProgressMark(total - 2, total, "参加団体一覧"), PageBreak(), *_participants(data, st)]
    story += [ProgressMark(total - 1, total, "要件定義書"), PageBreak(), *_requirements(data, st)]
    if data.personal_data_text:
        story += [PageBreak(), *_personal_data(data, st)]
    return write_pdf(out, data.meta, fonts, story, progress=progress, check=glyph_fields(data), cover=True)
