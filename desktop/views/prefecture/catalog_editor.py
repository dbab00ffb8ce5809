"""The shape every catalog editor of the prefecture shares: a list of entries and the selected one's form.

Entries autosave like every other record; deleting offers 元に戻す. Each catalog page (人材プール, 好事例,
共同調達, お知らせ) gives its record class, fields and list label.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtWidgets import QVBoxLayout, QWidget

from desktop.models import Synced
from desktop.services import records
from desktop.services.prefecture import catalog
from desktop.views.context import ViewContext
from desktop.views.page import Page, page_layout, scrolling
from desktop.views.record_form import FieldSpec, RecordForm
from desktop.views.record_list import RecordList
from desktop.views.style import SPACING, heading, hint


class CatalogForm(QWidget):
    """The selected entry's form, with room below for what a page adds (the 参加意向 of an offer)."""

    def __init__(self, ctx: ViewContext, cls: type[Synced], specs: list[FieldSpec]):
        super().__init__()
        self.form = RecordForm(ctx, cls, specs)
        self.extra = QVBoxLayout()
        body = QWidget()
        inner = QVBoxLayout(body)
        inner.setContentsMargins(0, 0, SPACING, 0)
        inner.addWidget(self.form)
        inner.addLayout(self.extra)
        inner.addStretch()
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(scrolling(body))
        self.on_record: Callable[[Any | None], None] = lambda _record: None

    def show_record(self, record: Any | None) -> None:
        """Show one entry (None: nothing selected)."""
        self.form.show_record(record)
        self.on_record(record)


class CatalogPage(Page):
    """A catalog list on the left, the selected entry's form on the right."""

    listens = frozenset()  # the RecordList relabels itself on edits

    def __init__(
        self,
        ctx: ViewContext,
        *,
        cls: type[Synced],
        title: str,
        explanation: str,
        specs: list[FieldSpec],
        summary_fields: tuple[str, ...],
        label: Callable[[Any], str],
        noun: str,
        order_by: tuple[Any, ...] = (),
        parent: QWidget | None = None,
    ):
        super().__init__(ctx, parent)
        layout = page_layout(self)
        layout.addWidget(heading(title))
        layout.addWidget(hint(explanation))
        self.detail = CatalogForm(ctx, cls, specs)
        self.list = RecordList(
            ctx,
            cls,
            load=lambda: records.summaries(ctx.ws, cls, summary_fields, order_by=order_by),
            label=label,
            detail=self.detail,
            create=lambda: catalog.create(ctx.ws, cls),
            noun=noun,
        )
        layout.addWidget(self.list, 1)

    def refresh(self) -> None:
        """Reload the list."""
        self.list.refresh()
