"""支援ニーズ: the municipality's support needs, submitted to the prefecture, with its response shown.

The form autosaves like every other; submitting is a separate, confirmed step. The response fields belong to
the prefecture (DESIGN.md §4) and are shown read-only.
"""

from __future__ import annotations

from datetime import UTC
from typing import Any

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import (
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QMessageBox,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from desktop.models import NeedsRequest, vocab, wareki
from desktop.services import needs
from desktop.services.form_documents import SENT
from desktop.views.context import ViewContext
from desktop.views.locale import vocab_label
from desktop.views.page import Page, page_layout, scrolling
from desktop.views.record_form import FieldSpec, RecordForm
from desktop.views.record_list import RecordList
from desktop.views.style import SPACING, heading, hint

STATUS_STYLE = "font-weight: bold; padding: 2px 8px; border-radius: 3px; background: #e3ecf7;"


def need_state(need) -> str:
    """提出済 and how far it got: 送信待ち → 送信済 → the prefecture's answer."""
    status = vocab_label(vocab.NEEDS_STATUS.get(need.status, need.status))
    step = needs.delivery(need)
    if step == "answered":
        answer = vocab_label(vocab.RESPONSE_STATUS.get(need.response_status, need.response_status))
        return QCoreApplication.translate("NeedsPage", "{0}・回答 {1}").format(status, answer)
    if step:
        return QCoreApplication.translate("NeedsPage", "{0}・{1}").format(
            status, vocab_label(vocab.NEEDS_DELIVERY[step])
        )
    return status


def need_label(need: NeedsRequest) -> str:
    """List entry: title and where the request stands."""
    status = need_state(need)
    title = need.title or QCoreApplication.translate("NeedsPage", "（無題）")
    return QCoreApplication.translate("NeedsPage", "{0}　［{1}］").format(title, status)


class NeedsDetail(QWidget):
    """The selected need: its form, 提出 and 出力 buttons, and the prefecture's answer."""

    def __init__(self, page: NeedsPage):
        super().__init__()
        self.page = page
        self.ctx = page.ctx
        self.record: NeedsRequest | None = None
        specs = [
            FieldSpec("title", self.tr("件名"), placeholder=self.tr("例: 標準化移行のプロジェクト管理支援")),
            FieldSpec("category", self.tr("区分"), "choice", vocab.NEEDS_CATEGORY),
            FieldSpec(
                "skill_role", self.tr("人材像"), "choice", {"": self.tr("（該当なし）"), **vocab.SKILL_ROLES}
            ),
            FieldSpec("engagement", self.tr("常駐／随時"), "choice", vocab.ENGAGEMENT),
            FieldSpec("days_per_month", self.tr("月あたり日数"), "number", example="4"),
            FieldSpec("period_start", self.tr("期間（開始）"), "date"),
            FieldSpec("period_end", self.tr("期間（終了）"), "date"),
            FieldSpec("purpose", self.tr("目的"), "text", lines=3),
            FieldSpec("detail", self.tr("詳細"), "text", lines=4),
            FieldSpec("priority", self.tr("優先度"), "choice", vocab.PRIORITY),
            FieldSpec("funding", self.tr("財源"), "choice", vocab.FUNDING),
        ]
        self.form = RecordForm(self.ctx, NeedsRequest, specs)
        for name in ("purpose", "detail"):
            text = self.form.widgets[name]
            text.setMaximumHeight(int(text.minimumHeight() * 1.6))
        self.form.widgets["days_per_month"].setMaximumWidth(120)
        for name in ("period_start", "period_end"):
            self.form.widgets[name].setMaximumWidth(300)
        self.status_label = QLabel()
        self.status_label.setAccessibleName(self.tr("状況"))
        self.status_label.setStyleSheet(STATUS_STYLE)

        self.submit_button = QPushButton(self.tr("提出済みにする(&U)"))
        self.submit_button.setToolTip(
            self.tr(
                "件名・区分・目的などを確認して、提出済みとして記録します。"
                "都道府県への送付は、同期または支援ニーズ調書の送付で行います。"
            )
        )
        self.submit_button.clicked.connect(self.submit)
        self.withdraw_button = QPushButton(self.tr("提出を取り下げる(&W)"))
        self.withdraw_button.setToolTip(self.tr("都道府県が回答する前なら、作成中に戻して修正できます。"))
        self.withdraw_button.clicked.connect(self.withdraw)
        self.export_button = QPushButton(self.tr("支援ニーズ調書を出力(&E)"))
        self.export_button.clicked.connect(self.export)
        self.package_button = QPushButton(self.tr("パッケージ(&P)…"))
        self.package_button.setToolTip(
            self.tr(
                "すべての支援ニーズと支援ニーズ調書を署名付きのパッケージ（.dxpkg）にまとめます。"
                "LGWANメールなどで都道府県に送れます。"
            )
        )
        self.package_button.clicked.connect(self.export_package)
        state = QHBoxLayout()  # a row of its own: 提出済・送信待ち … needs the room
        state.addWidget(QLabel(self.tr("状況:")))
        state.addWidget(self.status_label)
        state.addStretch()
        buttons = QHBoxLayout()
        buttons.addStretch()
        buttons.addWidget(self.submit_button)
        buttons.addWidget(self.withdraw_button)
        buttons.addWidget(self.export_button)
        buttons.addWidget(self.package_button)

        self.response_box = QGroupBox(self.tr("都道府県からの回答"))
        response_form = QFormLayout(self.response_box)
        response_form.setSpacing(SPACING)
        self.response_status = QLabel()
        self.response_date = QLabel()
        self.response_text = QLabel()
        self.response_text.setWordWrap(True)
        self.response_text.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        for label, widget in (
            (self.tr("回答状況"), self.response_status),
            (self.tr("回答日"), self.response_date),
            (self.tr("回答内容"), self.response_text),
        ):
            widget.setAccessibleName(label)
            response_form.addRow(label, widget)

        body = QWidget()
        inner = QVBoxLayout(body)
        inner.setContentsMargins(0, 0, SPACING, 0)
        inner.setSpacing(SPACING)
        inner.addWidget(self.form)
        inner.addWidget(self.response_box)
        inner.addStretch()
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(SPACING)
        layout.addLayout(state)
        layout.addLayout(buttons)
        layout.addWidget(scrolling(body), 1)
        self.show_record(None)

    def show_record(self, record: NeedsRequest | None) -> None:
        """Show one need (None: nothing selected)."""
        self.record = record
        self.form.show_record(record)
        has = record is not None
        self.submit_button.setEnabled(has and record.status == "draft")
        self.withdraw_button.setVisible(has and record.status == "submitted")
        # Only what was submitted goes on the paper to the prefecture.
        self.export_button.setEnabled(has and record.status in SENT)
        self.export_button.setToolTip(
            "" if has and record.status in SENT else self.tr("提出した支援ニーズを調書として出力できます。")
        )
        self.response_box.setEnabled(has)
        if record is None:
            self.status_label.setText("")
            for w in (self.response_status, self.response_date, self.response_text):
                w.setText("")
            return
        self.status_label.setText(need_state(record))
        self.response_status.setText(
            vocab_label(vocab.RESPONSE_STATUS.get(record.response_status, record.response_status))
        )
        answered = record.responded_at
        if answered is not None:
            # Stored in UTC; the officer reads the date of the answer in local (Japan) time.
            local = (answered if answered.tzinfo else answered.replace(tzinfo=UTC)).astimezone()
            self.response_date.setText(wareki.wareki_date(local.date()))
        else:
            self.response_date.setText(self.tr("―"))
        self.response_text.setText(record.response_text or self.tr("（まだ回答はありません）"))

    def submit(self) -> None:
        """Mark the need as submitted to the prefecture (after a confirmation)."""
        self.form.commit_pending()
        record = self.page.list.current() or self.record
        if record is None:
            return
        question = self.tr(
            "「{0}」を提出済みとして記録します。\n都道府県への送付は、同期または支援ニーズ調書の送付で行います。"
            "記録後は都道府県の回答を待つ状態になります。よろしいですか？"
        ).format(record.title)
        if not self.page.confirm(self.tr("提出済みにする"), question):
            return

        def done(_result: Any) -> None:
            self.ctx.say(
                self.tr(
                    "「{0}」を提出済みとして記録しました。都道府県への送付は、同期または支援ニーズ調書の送付で行います。"
                ).format(record.title)
            )
            self.page.list.refresh()

        self.ctx.ops.edit(needs.submit, self.ctx.ws, record.id, changes={NeedsRequest.kind}, on_done=done)

    def withdraw(self) -> None:
        """Take a submitted need back to 作成中 (before the prefecture answers), after a confirmation."""
        record = self.page.list.current() or self.record
        if record is None:
            return
        question = self.tr("「{0}」の提出を取り下げて、作成中に戻しますか？").format(record.title)
        if not self.page.confirm(self.tr("提出を取り下げる"), question):
            return

        def done(_result: Any) -> None:
            self.ctx.say(self.tr("「{0}」を作成中に戻しました。").format(record.title))
            self.page.list.refresh()

        self.ctx.ops.edit(needs.withdraw, self.ctx.ws, record.id, changes={NeedsRequest.kind}, on_done=done)

    def export_package(self) -> None:
        """Write a signed needs package for the prefecture (in the background)."""
        self.form.commit_pending()
        from desktop.views.package_export import export_package

        export_package(self, self.ctx, "needs")

    def export(self) -> None:
        """Open 文書出力 with this need's 支援ニーズ調書 preselected."""
        if self.record is None:
            return
        self.form.commit_pending()
        from desktop.views.documents_page import open_in_documents  # QtPdf loads only when needed

        open_in_documents(self, NeedsRequest.kind, self.record.id)


class NeedsPage(Page):
    """支援ニーズ: list of needs requests on the left, the selected one on the right."""

    # The RecordList relabels itself on edits; a full reload here would reset the field being typed in.
    listens = frozenset()

    def __init__(self, ctx: ViewContext, parent: QWidget | None = None):
        super().__init__(ctx, parent)
        layout = page_layout(self)
        layout.addWidget(heading(self.tr("支援ニーズ")))
        layout.addWidget(
            hint(
                self.tr(
                    "都道府県に求める支援（人材派遣・伴走支援・研修・共同調達など）を登録します。"
                    "入力はその場で保存されます。内容が固まったら「提出済みにする」を押し、"
                    "支援ニーズ調書を出力して都道府県へ送付してください。"
                )
            )
        )
        self.detail = NeedsDetail(self)
        self.list = RecordList(
            ctx,
            NeedsRequest,
            load=lambda: needs.need_summaries(ctx.ws),
            label=need_label,
            detail=self.detail,
            create=lambda: needs.create(ctx.ws, title=self.tr("新しい支援ニーズ")),
            noun=self.tr("支援ニーズ", "record noun"),
        )
        self.list.list.setWordWrap(True)
        self.list.list.setSpacing(2)
        layout.addWidget(self.list, 1)

    def refresh(self) -> None:
        """Reload the list."""
        self.list.refresh()

    def confirm(self, title: str, question: str) -> bool:
        """Ask yes/no (tests replace this)."""
        answer = QMessageBox.question(
            self,
            title,
            question,
            QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
            QMessageBox.StandardButton.No,
        )
        return answer == QMessageBox.StandardButton.Yes
