"""募集要項 / ジョブディスクリプション (PDF) for one digital-talent post.

Sections follow the items found in real 募集要項 for external CIO補佐官 and the like (DOMAIN.md §5.2), as a
notice an applicant can act on: the post and how many are sought, its スキル標準 role and duties, required and
preferred skills, who may not apply (欠格条項), 任用形態, term, working pattern, pay, 兼業, 守秘義務, how, where
and by when to apply, how and when the selection runs and how the result is told, and whom to ask. It is a
public notice, so the municipality's 財源 is not printed.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date
from pathlib import Path

from reportlab.lib.enums import TA_RIGHT
from reportlab.lib.styles import ParagraphStyle
from reportlab.platypus import Flowable

from desktop.documents.data import BuildResult, DocMeta
from desktop.documents.fonts import FontSet
from desktop.documents.headings import heading
from desktop.documents.pages import ProgressMark, spacer, write_pdf
from desktop.documents.styles import Styles, make_styles
from desktop.documents.tables import form_table
from desktop.documents.text import para
from desktop.models.progress import NO_PROGRESS, Progress
from desktop.models.wareki import wareki_date

LABEL_WIDTH = 36 * 2.835  # 36 mm in points
# 欠格条項: who may not be appointed, by the law itself (the article is named, its items are not restated).
DISQUALIFICATION = "地方公務員法第16条各号のいずれかに該当する者は、応募することができません。"


@dataclass(frozen=True)
class JobDocData:
    """Everything the 募集要項 prints (vocabulary values already as Japanese labels)."""

    meta: DocMeta
    title: str  # 職名
    skill_role: str  # 人材像 label
    role_summary: str = ""  # the role's 役割 and 主なスキル per スキル標準
    department: str = ""
    duties: str = ""
    required_skills: str = ""
    preferred_skills: str = ""
    appointment_type: str = ""
    term: str = ""
    work_days: str = ""
    work_place: str = ""
    pay: str = ""
    side_job: str = ""
    confidentiality: str = ""
    selection: str = ""
    documents: str = ""
    positions: int | None = None  # 募集人数
    deadline: date | None = None  # 応募期限
    how_to_apply: str = ""  # 応募方法・提出先
    selection_schedule: str = ""  # 選考日程
    result_notice: str = ""  # 結果の通知
    contact_department: str = ""
    contact_person: str = ""
    contact_phone: str = ""
    contact_email: str = ""


def _or_blank(text: str) -> str:
    return text.strip() or "（記載なし）"


def _title_block(data: JobDocData, st: Styles) -> list[Flowable]:
    title = ParagraphStyle("jd-title", parent=st.cover_sub, fontSize=18, leading=26)
    right = ParagraphStyle("jd-right", parent=st.body_flat, alignment=TA_RIGHT)
    intro = (
        f"{data.meta.municipality}では、DX（デジタル・トランスフォーメーション）の推進に向けて、"
        f"{data.skill_role}の役割を担う人材を次のとおり募集します。"
    )
    return [
        para(f"{data.title}　募集要項", title),
        spacer(3),
        para(data.meta.municipality, right),
        spacer(4),
        para(intro, st.body),
    ]


def _sections(data: JobDocData) -> list[tuple[str, list[tuple[str, str]]]]:
    role = data.skill_role + (f"\n{data.role_summary}" if data.role_summary else "")
    contact = [
        ("担当部署", data.contact_department),
        ("担当者", data.contact_person),
        ("電話", data.contact_phone),
        ("電子メール", data.contact_email),
    ]
    return [
        (
            "1　募集する職",
            [("職名", data.title), ("募集人数", f"{data.positions}人" if data.positions else "（記載なし）"),
             ("人材像（スキル標準）", role), ("所属", _or_blank(data.department)),
             ("職務内容", _or_blank(data.duties))],
        ),
        (
            "2　応募資格",
            [("必須のスキル・経験", _or_blank(data.required_skills)),
             ("歓迎するスキル・経験", _or_blank(data.preferred_skills)),
             ("欠格条項", DISQUALIFICATION)],
        ),
        (
            "3　任用・勤務条件",
            [("任用形態", _or_blank(data.appointment_type)), ("任期", _or_blank(data.term)),
             ("勤務日数", _or_blank(data.work_days)), ("勤務場所", _or_blank(data.work_place)),
             ("報酬", _or_blank(data.pay)), ("兼業", _or_blank(data.side_job)),
             ("守秘義務", _or_blank(data.confidentiality))],
        ),
        (
            "4　応募方法",
            [("応募期限", f"{wareki_date(data.deadline)}（必着）" if data.deadline else "（記載なし）"),
             ("応募書類", _or_blank(data.documents)), ("応募方法・提出先", _or_blank(data.how_to_apply))],
        ),
        (
            "5　選考",
            [("選考方法", _or_blank(data.selection)), ("選考日程", _or_blank(data.selection_schedule)),
             ("結果の通知", _or_blank(data.result_notice))],
        ),
        ("6　問い合わせ先", [(label, value or "—") for label, value in contact]),
    ]  # fmt: skip


def glyph_fields(data: JobDocData) -> Iterable[tuple[str, str | None]]:
    """Every user-entered text, labelled for the missing-glyph message."""
    for _section, rows in _sections(data):
        yield from rows


def build_jd_pdf(
    data: JobDocData, out: Path, fonts: FontSet, progress: Progress = NO_PROGRESS
) -> BuildResult:
    """Write the 募集要項 to `out` (atomically)."""
    st = make_styles(fonts)
    sections = _sections(data)
    story: list[Flowable] = _title_block(data, st)
    for i, (title, rows) in enumerate(sections):
        story += [
            ProgressMark(i, len(sections), title),
            heading(title, 2, st),
            form_table(rows, st, label_width=LABEL_WIDTH),
        ]
    return write_pdf(out, data.meta, fonts, story, progress=progress, check=glyph_fields(data))
