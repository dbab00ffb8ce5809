"""調達仕様書: specs started from a template, with tabs 基本情報 / 本文（ア〜サ） / 要件定義書 / 参加団体.

The chapter, requirement and participant tabs live in their own modules (procurement_*.py).
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from desktop.content.templates import CHAPTER_KEYS, load_spec_templates
from desktop.models import ProcurementSpec, vocab
from desktop.services import procurement, records
from desktop.views.context import ViewContext
from desktop.views.locale import vocab_label
from desktop.views.page import Page, page_layout
from desktop.views.procurement_chapters import ChaptersTab
from desktop.views.procurement_participants import ParticipantsTab
from desktop.views.procurement_requirements import RequirementsTab
from desktop.views.record_form import FieldSpec, RecordForm
from desktop.views.record_list import RecordList
from desktop.views.style import SPACING, heading, hint
from desktop.views.template_picker import TemplatePicker


def spec_label(spec: ProcurementSpec) -> str:
    """List entry: title, 単独/共同 and status."""
    mode = vocab_label(vocab.PROCUREMENT_MODE.get(spec.mode, spec.mode))
    status = vocab_label(vocab.DOC_STATUS.get(spec.status, spec.status))
    title = spec.title or QCoreApplication.translate("ProcurementPage", "（無題）")
    return QCoreApplication.translate("ProcurementPage", "{0}\n　{1}・{2}").format(title, mode, status)


def template_title(key: str) -> str:
    """Title of a spec template (empty when the spec was not made from one)."""
    try:
        return load_spec_templates().template(key).title if key else ""
    except KeyError:
        return key


class NewSpecDialog(TemplatePicker):
    """Choose a template and give the 調達件名."""

    def __init__(self, parent: QWidget | None = None):
        choices = [(t.key, t.title, t.summary) for t in load_spec_templates().templates]
        super().__init__(
            QCoreApplication.translate("NewSpecDialog", "テンプレートから作成"),
            QCoreApplication.translate(
                "NewSpecDialog",
                "ひな形を選び、調達件名を入力してください。章ア〜サの本文と要件定義書の行が記入例つきで入ります。",
            ),
            choices,
            parent,
        )
        self.title_edit = QLineEdit()
        self.title_edit.setPlaceholderText(self.tr("例: 住民記録システム標準化移行業務"))
        self.title_edit.setAccessibleName(self.tr("調達件名"))
        row = QFormLayout()
        row.addRow(self.tr("調達件名(&N)"), self.title_edit)
        self.extra.addLayout(row)
        ok = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        ok.setEnabled(False)
        self.title_edit.textChanged.connect(lambda text: ok.setEnabled(bool(text.strip())))
        self.title_edit.setFocus()

    def title(self) -> str:
        """The 調達件名 typed."""
        return self.title_edit.text().strip()


class BasicTab(QWidget):
    """件名, 単独/共同, 代表団体, 按分方法, 状態 — autosaved."""

    def __init__(self, ctx: ViewContext, parent: QWidget | None = None):
        super().__init__(parent)
        specs = [
            FieldSpec("title", self.tr("調達件名")),
            FieldSpec("mode", self.tr("調達方式"), "choice", vocab.PROCUREMENT_MODE),
            FieldSpec("method", self.tr("調達方法"), "choice", vocab.PROCUREMENT_METHOD),
            FieldSpec("lead_body", self.tr("代表団体"), placeholder=self.tr("共同調達の場合（例: 福井県）")),
            FieldSpec(
                "cost_split", self.tr("按分方法"), "choice", {"": self.tr("（未設定）"), **vocab.COST_SPLIT}
            ),
            FieldSpec("status", self.tr("状態"), "choice", vocab.DOC_STATUS),
        ]
        self.form = RecordForm(ctx, ProcurementSpec, specs)
        self.template_label = QLabel()
        self.template_label.setAccessibleName(self.tr("ひな形"))
        self.form.layout().addRow(self.tr("ひな形"), self.template_label)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(SPACING, SPACING, SPACING, SPACING)
        layout.addWidget(self.form)
        layout.addWidget(
            hint(
                self.tr(
                    "共同調達では、代表団体（都道府県・協議会等）がRFI・事業者選定・契約・仕様書の取りまとめを担い、"
                    "費用は按分方法（均等割・人口割・均等割＋人口割）で参加団体が負担します。"
                )
            )
        )
        layout.addStretch()

    def show_spec(self, spec: ProcurementSpec | None) -> None:
        """Fill the form."""
        self.form.show_record(spec)
        self.template_label.setText(template_title(spec.template_key) or self.tr("（なし）") if spec else "")


class SpecDetail(QWidget):
    """Tabs of the selected spec; the 参加団体 tab shows only for 共同調達."""

    def __init__(self, ctx: ViewContext):
        super().__init__()
        self.ctx = ctx
        self.spec: ProcurementSpec | None = None
        self.basic = BasicTab(ctx)
        self.chapters = ChaptersTab(ctx)
        self.requirements = RequirementsTab(ctx)
        self.participants = ParticipantsTab(ctx)
        self.tabs = QTabWidget()
        self.tabs.addTab(self.basic, self.tr("基本情報"))
        self.tabs.addTab(self.chapters, self.tr("本文（ア〜サ）"))
        self.tabs.addTab(self.requirements, self.tr("要件定義書"))
        self.participants_index = self.tabs.addTab(self.participants, self.tr("参加団体"))
        self.tabs.setTabVisible(self.participants_index, False)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.tabs)
        ctx.ops.changed.connect(self._on_changed)

    def show_record(self, spec: ProcurementSpec | None) -> None:
        """Show one spec in every tab (RecordList calls this on selection)."""
        same = spec is not None and self.spec is not None and spec.id == self.spec.id
        self.spec = spec
        self.basic.show_spec(spec)
        if not same:
            self.chapters.show_spec(spec)
            self.requirements.show_spec(spec)
            self.participants.show_spec(spec)
        self._show_mode()

    def _show_mode(self) -> None:
        joint = self.spec is not None and self.spec.mode == "joint"
        self.tabs.setTabVisible(self.participants_index, joint)

    def _on_changed(self, kinds: frozenset) -> None:
        if ProcurementSpec.kind not in kinds or self.spec is None:
            return
        spec_id = self.spec.id

        def update(spec: ProcurementSpec) -> None:
            if self.spec is None or self.spec.id != spec_id:
                return
            became_joint = spec.mode == "joint" and self.spec.mode != "joint"
            self.spec = spec
            self._show_mode()
            if became_joint:
                self.participants.show_spec(spec)
            else:
                self.participants.set_spec(spec)

        self.ctx.ops.query(procurement.get, self.ctx.ws, spec_id, on_done=update, on_error=lambda _e: None)

    def commit_pending(self) -> None:
        """Save text being typed (before another spec is shown)."""
        self.basic.form.commit_pending()
        self.chapters.commit_pending()
        self.requirements.form.commit_pending()


class ProcurementPage(Page):
    """調達仕様書: specs on the left, the selected one in tabs on the right."""

    listens = frozenset()  # the list and the tabs follow edits themselves

    def __init__(self, ctx: ViewContext, parent: QWidget | None = None):
        super().__init__(ctx, parent)
        layout = page_layout(self)
        layout.addWidget(heading(self.tr("調達仕様書")))
        layout.addWidget(
            hint(
                self.tr(
                    "調達仕様書（章ア〜サ）と別紙の要件定義書を作ります。ひな形（標準準拠システムへの移行・SaaS導入・"
                    "共同調達）から始めると、記入例の入った仕様書ができます。○○の箇所は各団体で記入してください。"
                )
            )
        )
        self.template_button = QPushButton(self.tr("テンプレートから作成…(&T)"))
        self.template_button.clicked.connect(lambda: self.create_from_template())
        self.export_button = QPushButton(self.tr("この仕様書を出力(&E)"))
        self.export_button.clicked.connect(self.export)
        bar = QHBoxLayout()
        bar.addWidget(self.template_button)
        bar.addStretch()
        bar.addWidget(self.export_button)
        layout.addLayout(bar)
        self.detail = SpecDetail(ctx)
        self.list = RecordList(
            ctx,
            ProcurementSpec,
            load=lambda: procurement.spec_summaries(ctx.ws),
            label=spec_label,
            detail=self.detail,
            create=self._create_blank,
            noun=self.tr("調達仕様書", "record noun"),
        )
        self.list.add_button.setText(self.tr("空の仕様書を追加"))
        self.list.list.setWordWrap(True)
        self.list.list.setSpacing(2)
        self._blank_title = self.tr("新しい調達仕様書")
        layout.addWidget(self.list, 1)

    def _create_blank(self) -> ProcurementSpec:
        """An empty 単独調達 spec (runs on the DB worker)."""
        return records.create(
            self.ctx.ws,
            ProcurementSpec,
            title=self._blank_title,
            mode="single",
            chapters={key: "" for key in CHAPTER_KEYS},
            status="draft",
        )

    def refresh(self) -> None:
        """Reload the list."""
        self.list.refresh()

    def export(self) -> None:
        """Open 文書出力 with the selected 調達仕様書 preselected."""
        record = self.list.current()
        if record is None:
            return
        self.detail.commit_pending()
        from desktop.views.documents_page import open_in_documents  # QtPdf loads only when needed

        open_in_documents(self, ProcurementSpec.kind, record.id)

    def choose_template(self) -> tuple[str, str] | None:
        """Ask for a template and a title (tests replace this)."""
        dialog = NewSpecDialog(self)
        if dialog.exec() == QDialog.DialogCode.Accepted and dialog.key() and dialog.title():
            return dialog.key(), dialog.title()
        return None

    def create_from_template(self, key: str | None = None, title: str | None = None) -> None:
        """Create a spec from a template (asks which and the title unless given) and select it."""
        if key is None or title is None:
            chosen = self.choose_template()
            if chosen is None:
                return
            key, title = chosen

        def created(spec: Any) -> None:
            self.list.show_created(spec, self.tr("「{0}」を作成しました。").format(spec.title))

        self.ctx.ops.edit(
            procurement.create_from_template,
            self.ctx.ws,
            key,
            title,
            changes={ProcurementSpec.kind},
            on_done=created,
        )
