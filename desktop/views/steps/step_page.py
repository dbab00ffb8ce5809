"""What the four step pages share: heading, explanation, a tab per task with the checklist first."""

from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QScrollArea, QSizePolicy, QTabWidget, QVBoxLayout, QWidget

from desktop.views.context import ViewContext
from desktop.views.fields import TextField
from desktop.views.page import Page, page_layout
from desktop.views.record_form import RecordForm
from desktop.views.record_list import RecordList
from desktop.views.steps.checklist import ChecklistView
from desktop.views.style import MARGIN, SPACING, heading, hint


class StepPage(Page):
    """A step page: heading, short explanation, then tabs (チェックリスト + the step's own records)."""

    step = 0

    def __init__(self, ctx: ViewContext, title: str, explanation: str, parent: QWidget | None = None):
        super().__init__(ctx, parent)
        layout = page_layout(self)
        layout.addWidget(heading(title))
        layout.addWidget(hint(explanation))
        self.tabs = QTabWidget()
        self.tabs.setDocumentMode(True)
        self.tabs.setAccessibleName(self.tr("作業の切り替え"))
        self.checklist = ChecklistView(ctx, self.step)
        self.tabs.addTab(self.checklist, self.tr("チェックリスト"))
        layout.addWidget(self.tabs, 1)

    def add_tab(self, widget: QWidget, label: str) -> QWidget:
        """Add a tab after the checklist."""
        self.tabs.addTab(widget, label)
        return widget

    def refresh(self) -> None:
        """Reload the checklist; subclasses reload their own tabs too."""
        self.checklist.refresh()


LIST_WIDTH = 300  # master lists wide enough for a 役職名 and a name, or a date and a 件名


def fit_text_fields(form: RecordForm, grow_last: bool = True) -> None:
    """Keep multi-line fields at their planned height so the fields below stay in view.

    Only a text field that ends the form may take the spare height (a long メモ or 備考 is welcome there).
    """
    form.layout().setFormAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop)
    widgets = list(form.widgets.values())
    for w in widgets:
        if isinstance(w, TextField) and not (grow_last and w is widgets[-1]):
            w.setFixedHeight(w.minimumHeight())
            w.setSizePolicy(w.sizePolicy().horizontalPolicy(), QSizePolicy.Policy.Fixed)


def master_list(records: RecordList) -> RecordList:
    """Give a RecordList's list the common width (labels are elided with a tooltip beyond it)."""
    records.list.setMinimumWidth(LIST_WIDTH)
    return records


class DetailPane(QScrollArea):
    """A scrolling detail area for RecordList: tall forms stay usable on small screens and large fonts."""

    def __init__(self, inner: QWidget, parent: QWidget | None = None, grow_last: bool = True):
        super().__init__(parent)
        self.inner = inner
        if isinstance(inner, RecordForm):
            fit_text_fields(inner, grow_last)
        self.setWidgetResizable(True)
        self.setFrameShape(QScrollArea.Shape.NoFrame)
        self.setWidget(inner)

    def show_record(self, record: Any | None) -> None:
        """Pass the selected record to the form inside."""
        self.inner.show_record(record)
        self.verticalScrollBar().setValue(0)


def tab_body(*widgets: QWidget, stretch_last: bool = True) -> QWidget:
    """A tab page with the standard spacing holding widgets top to bottom."""
    body = QWidget()
    layout = QVBoxLayout(body)
    layout.setContentsMargins(0, MARGIN // 2, 0, 0)
    layout.setSpacing(SPACING)
    for i, w in enumerate(widgets):
        layout.addWidget(w, 1 if stretch_last and i == len(widgets) - 1 else 0)
    return body
