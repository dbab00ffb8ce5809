"""人材プール: the external talent the prefecture can send to towns, listed by スキル標準 role, no personal data."""

from __future__ import annotations

from typing import Any

from PySide6.QtWidgets import QWidget

from desktop.models import TalentPoolEntry, vocab
from desktop.views.context import ViewContext
from desktop.views.locale import vocab_label
from desktop.views.prefecture.catalog_editor import CatalogPage
from desktop.views.record_form import FieldSpec


class TalentPoolPage(CatalogPage):
    """人材プールの掲載（掲載名・人材像・スキル・派遣の可否）."""

    def __init__(self, ctx: ViewContext, parent: QWidget | None = None):
        def label(row: Any) -> str:
            role = vocab_label(vocab.SKILL_ROLES.get(row.skill_role, row.skill_role))
            availability = vocab_label(vocab.POOL_AVAILABILITY.get(row.availability, row.availability))
            return self.tr("{0}　{1}［{2}］").format(row.listing, role, availability)

        super().__init__(
            ctx,
            cls=TalentPoolEntry,
            title=self.tr("人材プール"),
            explanation=self.tr(
                "県が確保している外部デジタル人材を、スキル標準の人材像ごとに掲載します。市町村は読み取り専用で閲覧し、"
                "派遣を希望するときは支援ニーズとして提出します。個人名や連絡先は載せず、「登録人材A」のような掲載名を使います。"
            ),
            specs=[
                FieldSpec(
                    "listing", self.tr("掲載名"), placeholder=self.tr("例: 登録人材A（個人名は入力しない）")
                ),
                FieldSpec("skill_role", self.tr("人材像（スキル標準）"), "choice", vocab.SKILL_ROLES),
                FieldSpec("skills", self.tr("スキル・経験"), "text", lines=3),
                FieldSpec("engagement", self.tr("常駐／随時"), "choice", vocab.ENGAGEMENT),
                FieldSpec("days_per_month", self.tr("月あたり日数"), "number", placeholder=self.tr("例: 4")),
                FieldSpec("available_from", self.tr("派遣可能期間（開始）"), "date"),
                FieldSpec("available_until", self.tr("派遣可能期間（終了）"), "date"),
                FieldSpec("availability", self.tr("派遣の可否"), "choice", vocab.POOL_AVAILABILITY),
                FieldSpec("note", self.tr("備考"), "text", lines=2),
            ],
            summary_fields=("listing", "skill_role", "availability"),
            order_by=("listing",),
            label=label,
            noun=self.tr("登録人材", "record noun"),
            parent=parent,
        )
