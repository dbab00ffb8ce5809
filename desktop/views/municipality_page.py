"""団体情報: the municipality's own details — name, the head's title, population, staff and the DX contact.

Every document takes these from here (the 支援ニーズ調書 prints them, the plan names the head by title).
Each field is saved as soon as it is left; a format the store refuses is explained beside the field.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtWidgets import QFormLayout, QFrame, QLabel, QVBoxLayout, QWidget

from desktop.models import Municipality
from desktop.models.contact import EMAIL_EXAMPLE, PHONE_EXAMPLE
from desktop.models.vocab import HEAD_TITLE
from desktop.services import municipality
from desktop.services.workspace import Workspace
from desktop.views.context import ViewContext
from desktop.views.page import Page, page_layout, scrolling
from desktop.views.record_form import FieldSpec, RecordForm
from desktop.views.style import SECTION_GAP, heading, hint

FORM_WIDTH = 720  # a form of short fields reads better than one stretched across a wide window


def save_details(ws: Workspace, _record_id: str, **fields: Any) -> Municipality:
    """Store an edit of the municipality through its service (which keeps the code fixed)."""
    return municipality.update_municipality(ws, **fields)


def align_labels(*forms: RecordForm) -> None:
    """One label width for forms shown one under the other, so their fields line up."""
    labels = [
        item.widget()
        for form in forms
        for row in range(form.layout().rowCount())
        if (item := form.layout().itemAt(row, QFormLayout.ItemRole.LabelRole)) is not None and item.widget()
    ]
    width = max((label.sizeHint().width() for label in labels), default=0)
    for label in labels:
        label.setMinimumWidth(width)


class MunicipalityPage(Page):
    """The municipality's details, autosaved field by field."""

    listens = frozenset({"municipality", "*"})

    def __init__(self, ctx: ViewContext, parent: QWidget | None = None):
        super().__init__(ctx, parent)
        outer = QVBoxLayout(self)
        outer.setContentsMargins(0, 0, 0, 0)
        body = QWidget()
        layout = page_layout(body)
        outer.addWidget(scrolling(body))

        layout.addWidget(heading(self.tr("団体情報")))
        layout.addWidget(
            hint(
                self.tr(
                    "ここに入力した内容は、支援ニーズ調書・DX推進計画・募集要項などの文書に使われます。"
                    "入力した項目は、次の項目へ移るとすぐに保存されます。"
                )
            )
        )
        self.code_label = QLabel()
        self.code_label.setAccessibleName(self.tr("団体コード"))
        layout.addWidget(self.code_label)

        self.details = RecordForm(
            ctx,
            Municipality,
            [
                FieldSpec("name", self.tr("団体名"), placeholder=self.tr("例: 鯖江市")),
                FieldSpec("head_title", self.tr("首長の職名"), "choice", HEAD_TITLE),
                FieldSpec("population", self.tr("人口（人）"), "int", example="68000"),
                FieldSpec("staff_count", self.tr("職員数（人）"), "int", example="520"),
            ],
            save=save_details,
        )
        self.contact = RecordForm(
            ctx,
            Municipality,
            [
                FieldSpec(
                    "department", self.tr("担当部署"), placeholder=self.tr("例: 総務部 情報統計課 DX推進係")
                ),
                FieldSpec("contact_person", self.tr("担当者"), placeholder=self.tr("例: 山田 太郎")),
                FieldSpec(
                    "contact_phone",
                    self.tr("電話番号"),
                    placeholder=self.tr("例: {0}（内線215）").format(PHONE_EXAMPLE),
                ),
                FieldSpec(
                    "contact_email",
                    self.tr("メールアドレス"),
                    placeholder=self.tr("例: {0}").format(EMAIL_EXAMPLE),
                ),
            ],
            save=save_details,
        )
        self.widgets = {**self.details.widgets, **self.contact.widgets}
        align_labels(self.details, self.contact)
        for form, title in ((self.details, self.tr("団体")), (self.contact, self.tr("DX推進の担当窓口"))):
            form.setMaximumWidth(FORM_WIDTH)
            layout.addSpacing(SECTION_GAP // 2)
            layout.addWidget(heading(title, level=2))
            line = QFrame()
            line.setFrameShape(QFrame.Shape.HLine)
            line.setStyleSheet("color: palette(midlight);")
            line.setMaximumWidth(FORM_WIDTH)
            layout.addWidget(line)
            layout.addWidget(form)
        layout.addWidget(
            hint(self.tr("担当窓口は、都道府県や事業者からの問い合わせ先として文書に印刷されます。"))
        )
        layout.addStretch()

    def refresh(self) -> None:
        """Read the municipality again."""
        self.ctx.ops.query(municipality.get_municipality, self.ctx.ws, on_done=self.show_municipality)

    def show_municipality(self, muni: Municipality) -> None:
        """Fill the page (a field being corrected keeps its text)."""
        self.code_label.setText(
            self.tr("団体コード {0}（{1}）　※団体コードは登録後に変更できません。").format(
                muni.code, muni.prefecture
            )
        )
        self.details.show_record(muni)
        self.contact.show_record(muni)
