"""お知らせ: notices from the prefecture to every town."""

from __future__ import annotations

from typing import Any

from PySide6.QtWidgets import QWidget

from desktop.models import Announcement, wareki
from desktop.views.context import ViewContext
from desktop.views.prefecture.catalog_editor import CatalogPage
from desktop.views.record_form import FieldSpec


class AnnouncementsPage(CatalogPage):
    """お知らせ（件名・本文・掲載日）."""

    def __init__(self, ctx: ViewContext, parent: QWidget | None = None):
        def label(row: Any) -> str:
            day = wareki.wareki_date(row.published_on) if row.published_on else ""
            return self.tr("{0}　{1}").format(day, row.title).strip()

        super().__init__(
            ctx,
            cls=Announcement,
            title=self.tr("お知らせ"),
            explanation=self.tr(
                "県内のすべての市町村に届くお知らせです。市町村は「県からの案内」の画面で読みます。"
            ),
            specs=[
                FieldSpec("title", self.tr("件名")),
                FieldSpec("published_on", self.tr("掲載日"), "date"),
                FieldSpec("body", self.tr("本文"), "text", lines=8),
            ],
            summary_fields=("title", "published_on"),
            order_by=(Announcement.published_on.desc(), "title"),
            label=label,
            noun=self.tr("お知らせ", "record noun"),
            parent=parent,
        )
