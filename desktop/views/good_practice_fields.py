"""The fields of a 好事例 in the groups both screens show: the prefecture's form and a town's read-only pane.

Labels are those of the GIF 事例データモデル (docs/GOOD_PRACTICES.md), as desktop.models.field_table has them;
a GUI test checks the two agree and that every field is here once.
"""

from __future__ import annotations

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication

from desktop.views.record_form import FieldSpec

CONTEXT = "GoodPracticeFields"

# (group, ((field, label, input kind), …)) in the order the form shows them.
GROUPS: tuple[tuple[str, tuple[tuple[str, str, str], ...]], ...] = (
    (
        QT_TRANSLATE_NOOP("GoodPracticeFields", "基本情報"),
        (
            ("title", QT_TRANSLATE_NOOP("GoodPracticeFields", "タイトル"), "line"),
            ("subtitle", QT_TRANSLATE_NOOP("GoodPracticeFields", "サブタイトル"), "line"),
            ("carried_out_year", QT_TRANSLATE_NOOP("GoodPracticeFields", "事例実施年"), "year"),
            ("place", QT_TRANSLATE_NOOP("GoodPracticeFields", "事例の場所"), "line"),
            ("body_name", QT_TRANSLATE_NOOP("GoodPracticeFields", "対象組織"), "line"),
            ("service_category", QT_TRANSLATE_NOOP("GoodPracticeFields", "行政サービス分類"), "line"),
            ("priority_key", QT_TRANSLATE_NOOP("GoodPracticeFields", "テーマ（重点取組事項）"), "choice"),
            ("keywords", QT_TRANSLATE_NOOP("GoodPracticeFields", "キーワード"), "lines"),
            ("published_on", QT_TRANSLATE_NOOP("GoodPracticeFields", "公開日"), "date"),
        ),
    ),
    (
        QT_TRANSLATE_NOOP("GoodPracticeFields", "取り組み"),
        (
            ("summary", QT_TRANSLATE_NOOP("GoodPracticeFields", "取り組みの概要"), "text"),
            ("reason", QT_TRANSLATE_NOOP("GoodPracticeFields", "取り組み理由"), "text"),
            ("purpose", QT_TRANSLATE_NOOP("GoodPracticeFields", "目的"), "text"),
            ("challenges", QT_TRANSLATE_NOOP("GoodPracticeFields", "挑戦したこと"), "text"),
            ("activities", QT_TRANSLATE_NOOP("GoodPracticeFields", "取り組み内容"), "text"),
            ("ingenuity", QT_TRANSLATE_NOOP("GoodPracticeFields", "導入での工夫"), "text"),
            ("constraints", QT_TRANSLATE_NOOP("GoodPracticeFields", "制約条件"), "text"),
        ),
    ),
    (
        QT_TRANSLATE_NOOP("GoodPracticeFields", "成果と学び"),
        (
            ("outcome", QT_TRANSLATE_NOOP("GoodPracticeFields", "成果"), "text"),
            ("lessons", QT_TRANSLATE_NOOP("GoodPracticeFields", "学んだこと"), "text"),
            ("evaluation", QT_TRANSLATE_NOOP("GoodPracticeFields", "評価の方法"), "text"),
            ("spread", QT_TRANSLATE_NOOP("GoodPracticeFields", "普及"), "text"),
            ("sustainability", QT_TRANSLATE_NOOP("GoodPracticeFields", "持続させる仕組み"), "text"),
        ),
    ),
    (
        QT_TRANSLATE_NOOP("GoodPracticeFields", "関連情報・連絡先"),
        (
            ("schemes", QT_TRANSLATE_NOOP("GoodPracticeFields", "利用した制度"), "lines"),
            ("collaborators", QT_TRANSLATE_NOOP("GoodPracticeFields", "協力者"), "lines"),
            ("images", QT_TRANSLATE_NOOP("GoodPracticeFields", "イメージ"), "media"),
            ("videos", QT_TRANSLATE_NOOP("GoodPracticeFields", "ビデオ"), "media"),
            ("related_urls", QT_TRANSLATE_NOOP("GoodPracticeFields", "関連URL"), "urls"),
            ("related_practices", QT_TRANSLATE_NOOP("GoodPracticeFields", "関連事例"), "lines"),
            ("contact_name", QT_TRANSLATE_NOOP("GoodPracticeFields", "連絡先名称"), "line"),
            ("contact_phone", QT_TRANSLATE_NOOP("GoodPracticeFields", "連絡先電話番号"), "line"),
            ("contact_email", QT_TRANSLATE_NOOP("GoodPracticeFields", "連絡先メールアドレス"), "line"),
            ("contact_url", QT_TRANSLATE_NOOP("GoodPracticeFields", "連絡先URL"), "url"),
        ),
    ),
)


def tr(text: str) -> str:
    """A group or field label in the user's language."""
    return QCoreApplication.translate(CONTEXT, text)


def form_specs(priorities: dict[str, str]) -> list[FieldSpec]:
    """The prefecture's form: a heading per group, then its fields."""
    placeholders = {
        "lines": tr("1行に1件"),
        "urls": tr("1行に1件（https://…）"),
        "media": tr("1行に1件：タイトル | https://… | ライセンス"),
        "url": "https://…",
    }
    specs = []
    for group, rows in GROUPS:
        specs.append(FieldSpec("", tr(group), "section"))
        for name, label, kind in rows:
            match kind:
                case "year":
                    specs.append(FieldSpec(name, tr(label), "int", example="2024"))
                case "choice":
                    specs.append(FieldSpec(name, tr(label), "choice", priorities))
                case "text":
                    specs.append(FieldSpec(name, tr(label), "text", lines=3))
                case "lines" | "urls":
                    specs.append(FieldSpec(name, tr(label), "lines", placeholder=placeholders[kind], lines=3))
                case "media":
                    specs.append(FieldSpec(name, tr(label), "media", placeholder=placeholders[kind], lines=3))
                case _:
                    specs.append(FieldSpec(name, tr(label), kind if kind == "date" else "line",
                                           placeholder=placeholders.get(kind, "")))  # fmt: skip
    return specs
