"""好事例: cases carried out by bodies of the prefecture, shared with every town."""

from __future__ import annotations

from typing import Any

from PySide6.QtWidgets import QWidget

from desktop.content import load_catalog
from desktop.models import GoodPractice
from desktop.views.context import ViewContext
from desktop.views.prefecture.catalog_editor import CatalogPage
from desktop.views.record_form import FieldSpec


class GoodPracticesPage(CatalogPage):
    """好事例の掲載（事例名・実施団体・関連する重点取組事項・概要・成果）."""

    def __init__(self, ctx: ViewContext, parent: QWidget | None = None):
        def label(row: Any) -> str:
            return self.tr("{0}（{1}）").format(row.title, row.body_name) if row.body_name else row.title

        priorities = {"": self.tr("（指定なし）"), **{p.key: p.title for p in load_catalog().priorities}}
        super().__init__(
            ctx,
            cls=GoodPractice,
            title=self.tr("好事例"),
            explanation=self.tr("県内の団体の取組事例を掲載します。市町村は読み取り専用で閲覧できます。"),
            specs=[
                FieldSpec("title", self.tr("事例名")),
                FieldSpec("body_name", self.tr("実施団体")),
                FieldSpec("priority_key", self.tr("関連する重点取組事項"), "choice", priorities),
                FieldSpec("summary", self.tr("概要"), "text", lines=4),
                FieldSpec("outcome", self.tr("成果"), "text", lines=3),
                FieldSpec("published_on", self.tr("掲載日"), "date"),
            ],
            summary_fields=("title", "body_name", "published_on"),
            order_by=(GoodPractice.published_on.desc(), "title"),
            label=label,
            noun=self.tr("好事例", "record noun"),
            parent=parent,
        )
