"""好事例: cases carried out by bodies of the prefecture, shared with every town."""

from __future__ import annotations

from typing import Any

from PySide6.QtWidgets import QWidget

from desktop.content import load_catalog
from desktop.models import GoodPractice
from desktop.views.context import ViewContext
from desktop.views.good_practice_fields import form_specs
from desktop.views.prefecture.catalog_editor import CatalogPage


class GoodPracticesPage(CatalogPage):
    """好事例の掲載: the fields of the GIF 事例データモデル in four groups (good_practice_fields.GROUPS)."""

    def __init__(self, ctx: ViewContext, parent: QWidget | None = None):
        def label(row: Any) -> str:
            return self.tr("{0}（{1}）").format(row.title, row.body_name) if row.body_name else row.title

        priorities = {"": self.tr("（指定なし）"), **{p.key: p.title for p in load_catalog().priorities}}
        super().__init__(
            ctx,
            cls=GoodPractice,
            title=self.tr("好事例"),
            explanation=self.tr("県内の団体の取組事例を掲載します。市町村は読み取り専用で閲覧できます。"),
            specs=form_specs(priorities),
            summary_fields=("title", "body_name", "published_on"),
            order_by=(GoodPractice.published_on.desc(), "title"),
            label=label,
            noun=self.tr("好事例", "record noun"),
            parent=parent,
        )
