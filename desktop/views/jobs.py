"""募集要項（人材）: job descriptions for external digital talent, started from the スキル標準 templates."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication
from PySide6.QtWidgets import QDialog, QHBoxLayout, QLabel, QPushButton, QVBoxLayout, QWidget

from desktop.content.templates import load_job_templates
from desktop.models import JobDescription, vocab
from desktop.services import jobs
from desktop.views.context import ViewContext
from desktop.views.locale import vocab_label
from desktop.views.page import Page, page_layout, scrolling
from desktop.views.record_form import FieldSpec, RecordForm
from desktop.views.record_list import RecordList
from desktop.views.style import SPACING, heading, hint
from desktop.views.template_picker import TemplatePicker

# 任用形態 (DOMAIN.md §5.3) offered as suggestions; the field stays free text for local variants.
APPOINTMENT_HINT = QT_TRANSLATE_NOOP(
    "JobDetail", "例: 特別職非常勤職員（地方公務員法第3条第3項第3号）／会計年度任用職員／任期付職員／業務委託"
)


def job_label(job: JobDescription) -> str:
    """List entry: post title and role."""
    role = vocab_label(vocab.SKILL_ROLES.get(job.skill_role, ""))
    status = vocab_label(vocab.DOC_STATUS.get(job.status, job.status))
    title = job.title or QCoreApplication.translate("JobsPage", "（無題）")
    return QCoreApplication.translate("JobsPage", "{0}　［{1}］").format(title, status) + (
        f"\n　{role}" if role else ""
    )


class JobDetail(QWidget):
    """The selected job description as an autosaving form."""

    def __init__(self, ctx: ViewContext):
        super().__init__()
        specs = [
            FieldSpec("title", self.tr("職名"), placeholder=self.tr("例: CIO補佐官")),
            FieldSpec("positions", self.tr("募集人数"), "int", placeholder=self.tr("例: 1")),
            FieldSpec("skill_role", self.tr("人材像"), "choice", vocab.SKILL_ROLES),
            FieldSpec("department", self.tr("所属"), placeholder=self.tr("例: 総務部DX推進課")),
            FieldSpec("duties", self.tr("職務内容"), "text", lines=5),
            FieldSpec("required_skills", self.tr("必須スキル・経験"), "text", lines=3),
            FieldSpec("preferred_skills", self.tr("歓迎スキル・経験"), "text", lines=3),
            FieldSpec("appointment_type", self.tr("任用形態"), placeholder=self.tr(APPOINTMENT_HINT)),
            FieldSpec("term", self.tr("任期・更新"), placeholder=self.tr("例: 採用日〜年度末（再任可）")),
            FieldSpec(
                "work_days", self.tr("勤務日数・時間"), placeholder=self.tr("例: 月4日程度（リモート可）")
            ),
            FieldSpec("work_place", self.tr("勤務場所"), placeholder=self.tr("例: 市役所本庁舎・リモート")),
            FieldSpec("pay", self.tr("報酬・費用弁償"), placeholder=self.tr("例: 日額30,000円、旅費別途")),
            FieldSpec("side_job", self.tr("兼業・入札制限"), "text", lines=2),
            FieldSpec("confidentiality", self.tr("守秘義務"), "text", lines=2),
            FieldSpec("deadline", self.tr("応募期限"), "date"),
            FieldSpec("documents", self.tr("応募書類"), "text", lines=2),
            FieldSpec("how_to_apply", self.tr("応募方法・提出先"), "text", lines=2),
            FieldSpec("selection", self.tr("選考方法"), "text", lines=2),
            FieldSpec("selection_schedule", self.tr("選考日程"), "text", lines=2),
            FieldSpec("result_notice", self.tr("結果の通知"), "text", lines=2),
            FieldSpec("funding", self.tr("財源（内部用。募集要項には載りません）"), "choice", vocab.FUNDING),
            FieldSpec("status", self.tr("状態"), "choice", vocab.DOC_STATUS),
        ]
        self.form = RecordForm(ctx, JobDescription, specs)
        body = QWidget()
        inner = QVBoxLayout(body)
        inner.setContentsMargins(0, 0, SPACING, 0)
        inner.addWidget(self.form)
        inner.addStretch()
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(scrolling(body))

    def show_record(self, record: JobDescription | None) -> None:
        """Show one job description."""
        self.form.show_record(record)


def _job_template_choices() -> list[tuple[str, str, str]]:
    """(key, role, example post) of the four スキル標準 templates."""
    return [
        (t.key, vocab_label(vocab.SKILL_ROLES.get(t.skill_role, t.skill_role)), t.title)
        for t in load_job_templates()
    ]


class JobsPage(Page):
    """募集要項: job descriptions on the left, the selected one on the right."""

    listens = frozenset()  # the RecordList relabels itself on edits

    def __init__(self, ctx: ViewContext, parent: QWidget | None = None):
        super().__init__(ctx, parent)
        layout = page_layout(self)
        layout.addWidget(heading(self.tr("募集要項（人材）")))
        layout.addWidget(
            hint(
                self.tr(
                    "外部デジタル人材の募集要項（ジョブディスクリプション）を作ります。"
                    "「自治体DX推進のための外部人材スキル標準」の4つの人材像から始めると、記入例が入ります。"
                )
            )
        )
        self.detail = JobDetail(ctx)
        self.list = RecordList(
            ctx,
            JobDescription,
            load=lambda: jobs.job_summaries(ctx.ws),
            label=job_label,
            detail=self.detail,
            create=lambda: jobs.create(ctx.ws, title=self.tr("新しい募集要項")),
            noun=self.tr("募集要項", "record noun"),
        )
        self.template_button = QPushButton(self.tr("テンプレートから作成…(&T)"))
        self.template_button.clicked.connect(lambda: self.create_from_template())
        self.export_button = QPushButton(self.tr("この募集要項を出力(&E)"))
        self.export_button.clicked.connect(self.export)
        bar = QHBoxLayout()
        bar.addWidget(QLabel(self.tr("スキル標準の人材像から:")))
        bar.addWidget(self.template_button)
        bar.addStretch()
        bar.addWidget(self.export_button)
        layout.addLayout(bar)
        self.list.list.setWordWrap(True)
        self.list.list.setSpacing(2)
        layout.addWidget(self.list, 1)

    def refresh(self) -> None:
        """Reload the list."""
        self.list.refresh()

    def export(self) -> None:
        """Open 文書出力 with the selected 募集要項 preselected."""
        record = self.list.current()
        if record is None:
            return
        self.detail.form.commit_pending()
        from desktop.views.documents_page import open_in_documents  # QtPdf loads only when needed

        open_in_documents(self, JobDescription.kind, record.id)

    def choose_template(self) -> str | None:
        """Ask which template to start from (tests replace this)."""
        dialog = TemplatePicker(
            self.tr("テンプレートから作成"),
            self.tr("人材像を選んでください。職務内容・必要なスキルなどの記入例が入った募集要項を作ります。"),
            _job_template_choices(),
            self,
        )
        return dialog.key() if dialog.exec() == QDialog.DialogCode.Accepted else None

    def create_from_template(self, key: str | None = None) -> None:
        """Create a job description from a スキル標準 template and select it."""
        key = key or self.choose_template()
        if not key:
            return

        def created(record: Any) -> None:
            self.list.show_created(record, self.tr("テンプレートから募集要項を作成しました。"))

        self.ctx.ops.edit(
            jobs.create_from_template, self.ctx.ws, key, changes={JobDescription.kind}, on_done=created
        )
