"""文書出力: choose a document, build it in the background, preview the PDF, print, save or open it.

The build runs as a long task (progress after 0.5 s, キャンセル) into a private temp folder; each build gets a
new file name, so the preview of the previous document never holds the file being written.
"""

from __future__ import annotations

import contextlib
import itertools
from pathlib import Path
from typing import Any

from PySide6.QtCore import QT_TRANSLATE_NOOP, QStandardPaths, Qt, QTemporaryDir, QUrl
from PySide6.QtGui import QDesktopServices
from PySide6.QtPrintSupport import QPrintDialog, QPrinter
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QFormLayout,
    QFrame,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QProgressDialog,
    QPushButton,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from desktop.models.errors import Cancelled, DomainError
from desktop.services import document_kinds, documents, output_paths
from desktop.services.form_documents import NeedsIssue
from desktop.views.context import ViewContext
from desktop.views.fields import DateField, InputProblem, LineField
from desktop.views.file_dialogs import ask_save_path
from desktop.views.page import Page, page_layout
from desktop.views.pdf_preview import PdfPreview, PdfPrintJob
from desktop.views.style import SPACING, heading, hint

FORMAT_LABELS = {
    "pdf": QT_TRANSLATE_NOOP("DocumentsPage", "PDF（印刷・配布用）"),
    "xlsx": QT_TRANSLATE_NOOP("DocumentsPage", "Excel（XLSX）"),
    "docx": QT_TRANSLATE_NOOP("DocumentsPage", "Word（DOCX）"),
}
FILE_FILTERS = {
    "pdf": QT_TRANSLATE_NOOP("DocumentsPage", "PDF ファイル (*.pdf)"),
    "xlsx": QT_TRANSLATE_NOOP("DocumentsPage", "Excel ブック (*.xlsx)"),
    "docx": QT_TRANSLATE_NOOP("DocumentsPage", "Word 文書 (*.docx)"),
}
WARNING_STYLE = "background: #fff4d6; border: 1px solid #e0b84c; border-radius: 4px; padding: 6px;"
LEFT_WIDTH = 340
# The documents' names in the UI (the documents themselves and their file names stay Japanese) and what each
# is for (shown under the list); keys follow services.document_kinds.DOCUMENT_KINDS.
TITLES = {
    "plan": QT_TRANSLATE_NOOP("DocumentsPage", "DX推進計画"),
    "needs": QT_TRANSLATE_NOOP("DocumentsPage", "支援ニーズ調書"),
    "spec": QT_TRANSLATE_NOOP("DocumentsPage", "調達仕様書・要件定義書"),
    "jd": QT_TRANSLATE_NOOP("DocumentsPage", "募集要項（ジョブディスクリプション）"),
    "progress": QT_TRANSLATE_NOOP("DocumentsPage", "進捗報告"),
    "tracker": QT_TRANSLATE_NOOP("DocumentsPage", "標準化(20業務)進捗表"),
    "kpi": QT_TRANSLATE_NOOP("DocumentsPage", "KPI一覧"),
}
# The choice meaning "every record" (DocumentKind.all_records), in the UI language.
ALL_RECORDS = {"needs": QT_TRANSLATE_NOOP("DocumentsPage", "すべての支援ニーズ")}
DESCRIPTIONS = {
    "plan": QT_TRANSLATE_NOOP(
        "DocumentsPage",
        "議会の議決・公表に使う計画書です。表紙・目次・アクションプラン・工程表・KPIを含みます。"
        "DOCXはWordで最後の手直しをするときに使います。",
    ),
    "needs": QT_TRANSLATE_NOOP(
        "DocumentsPage", "都道府県に提出する支援ニーズ調書です。PDFは1件ずつ、XLSXは全件の一覧です。"
    ),
    "spec": QT_TRANSLATE_NOOP(
        "DocumentsPage", "章ア〜サの調達仕様書と、別紙の要件定義書（機能要件・非機能要件）です。"
    ),
    "jd": QT_TRANSLATE_NOOP("DocumentsPage", "外部デジタル人材の募集要項（ジョブディスクリプション）です。"),
    "progress": QT_TRANSLATE_NOOP(
        "DocumentsPage", "ステップの進み具合・KPI・標準化（20業務）の状況をまとめた報告です。"
    ),
    "tracker": QT_TRANSLATE_NOOP(
        "DocumentsPage", "20業務の標準化・ガバメントクラウド移行の進捗を都道府県の集計に使える表にします。"
    ),
    "kpi": QT_TRANSLATE_NOOP("DocumentsPage", "KPIの基準値・目標値・実績値を年度ごとに一覧にします。"),
}


def document_key_for(record_kind: str) -> str | None:
    """The 文書出力 entry whose PDF is about one record of this kind (支援ニーズ調書, 仕様書, 募集要項)."""
    return next(
        (
            k
            for k, kind in document_kinds.DOCUMENT_KINDS.items()
            if kind.record_kind == record_kind and "pdf" in kind.formats
        ),
        None,
    )


def open_in_documents(widget: QWidget, record_kind: str, record_id: str) -> bool:
    """Switch the main window to 文書出力 with the document about this record preselected."""
    key = document_key_for(record_kind)
    window = widget.window()
    if key is None or not hasattr(window, "show_page"):
        return False
    window.show_page("documents").select(key, record_id, "pdf")
    return True


def _safe_name(text: str) -> str:
    """A file name from a Japanese title (characters Windows forbids replaced)."""
    cleaned = "".join("_" if c in '\\/:*?"<>|' else c for c in text).strip().strip(".")
    return cleaned[:80] or "document"


class DocumentsPage(Page):
    """Document output: pick → 作成 (background) → preview / 印刷 / 保存 / 既定のアプリで開く."""

    listens = frozenset({"needs_request", "job_description", "procurement_spec", "plan", "municipality"})

    def __init__(self, ctx: ViewContext, parent: QWidget | None = None):
        super().__init__(ctx, parent)
        temp_root = QStandardPaths.writableLocation(QStandardPaths.StandardLocation.TempLocation)
        self._tmp = QTemporaryDir(str(Path(temp_root) / "dxnavi-documents-XXXXXX"))
        self._made = itertools.count(1)  # numbers the files made in this folder, so none overwrites another
        self._task: Any = None
        self._print_job: PdfPrintJob | None = None
        self._pending_record: str | None = None
        self._records_request = 0
        self.result_path: Path | None = None
        self.result_format = ""
        self.result_title = ""
        self._build_ui()
        self._kind_changed()

    # -- layout ---------------------------------------------------------------------------------------------
    def _build_ui(self) -> None:
        layout = page_layout(self)
        layout.addWidget(heading(self.tr("文書出力")))
        layout.addWidget(
            hint(
                self.tr(
                    "議会・都道府県・事業者に渡す文書を作成します。PDFは画面で確認してから印刷・保存できます。"
                    "作成は裏で進むので、その間も他の画面を使えます。"
                )
            )
        )
        body = QHBoxLayout()
        body.setSpacing(SPACING * 2)
        layout.addLayout(body, 1)

        left = QWidget()
        # Wide enough for the longest document name at the current font size (the font is adjustable).
        longest = self.fontMetrics().horizontalAdvance(
            "募集要項（ジョブディスクリプション）（PDF）"  # i18n: data (a width sample)
        )
        left.setFixedWidth(max(LEFT_WIDTH, longest + 4 * SPACING))
        left_layout = QVBoxLayout(left)
        left_layout.setContentsMargins(0, 0, 0, 0)
        left_layout.setSpacing(SPACING)
        kinds_label = QLabel(self.tr("作成する文書(&D)"))
        self.kinds = QListWidget()
        self.kinds.setAccessibleName(self.tr("作成する文書"))
        self.kinds.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.kinds.setWordWrap(True)
        self.kinds.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        kinds_label.setBuddy(self.kinds)
        for key, kind in document_kinds.DOCUMENT_KINDS.items():
            formats = self.tr("・").join(f.upper() for f in kind.formats)
            item = QListWidgetItem(self.tr("{0}（{1}）").format(self.kind_title(key), formats))
            item.setData(Qt.ItemDataRole.UserRole, key)
            self.kinds.addItem(item)
        self.kinds.setCurrentRow(0)
        self.kinds.currentRowChanged.connect(lambda _row: self._kind_changed())
        rows_height = sum(self.kinds.sizeHintForRow(i) for i in range(self.kinds.count()))
        self.kinds.setFixedHeight(rows_height + 2 * self.kinds.frameWidth() + 8)
        self.description = hint("")
        self.description.setAccessibleName(self.tr("文書の説明"))
        left_layout.addWidget(kinds_label)
        left_layout.addWidget(self.kinds)
        left_layout.addWidget(self.description)

        form = QFormLayout()
        form.setSpacing(SPACING)
        self.format_box = QComboBox()
        self.format_box.setAccessibleName(self.tr("形式"))
        self.format_box.setMinimumContentsLength(12)
        self.format_box.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        self.record_box = QComboBox()
        self.record_box.setAccessibleName(self.tr("対象"))
        self.record_box.setMinimumContentsLength(12)
        self.record_box.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        self.record_label = QLabel(self.tr("対象(&T)"))
        self.record_label.setBuddy(self.record_box)
        format_label = QLabel(self.tr("形式(&F)"))
        format_label.setBuddy(self.format_box)
        self.format_box.currentIndexChanged.connect(lambda _i: self._format_changed())
        form.addRow(format_label, self.format_box)
        form.addRow(self.record_label, self.record_box)
        # A 支援ニーズ調書 goes out as a letter: to whom, under which number, on which day.
        self.addressee = LineField(placeholder=self.tr("例: 総務部市町村課"))
        self.addressee.setAccessibleName(self.tr("宛先（都道府県の担当課）"))
        self.doc_number = LineField(placeholder=self.tr("空欄なら手書き用の欄"))
        self.doc_number.setAccessibleName(self.tr("文書番号"))
        self.sent_on = DateField()
        self.sent_on.setAccessibleName(self.tr("発信日"))
        self.letter_rows = [
            (QLabel(self.tr("宛先（担当課）")), self.addressee),
            (QLabel(self.tr("文書番号")), self.doc_number),
            (QLabel(self.tr("発信日")), self.sent_on),
        ]
        for label, field in self.letter_rows:
            label.setBuddy(field)
            form.addRow(label, field)
        left_layout.addLayout(form)
        self.no_records = QLabel()
        self.no_records.setWordWrap(True)
        self.no_records.setStyleSheet("color: #c62828;")
        self.no_records.setVisible(False)
        left_layout.addWidget(self.no_records)

        self.build_button = QPushButton(self.tr("作成(&B)"))
        self.build_button.setDefault(True)
        self.build_button.setMinimumHeight(34)
        self.build_button.clicked.connect(self.build)
        left_layout.addWidget(self.build_button)
        self.warnings = QLabel()
        self.warnings.setWordWrap(True)
        self.warnings.setStyleSheet(WARNING_STYLE)
        self.warnings.setAccessibleName(self.tr("作成時の注意"))
        self.warnings.setVisible(False)
        left_layout.addWidget(self.warnings)
        left_layout.addStretch()
        body.addWidget(left)

        right = QVBoxLayout()
        right.setSpacing(SPACING)
        self.stack = QStackedWidget()
        self.placeholder = QLabel(self.tr("左で文書を選び「作成」を押すと、ここに出来上がりが表示されます。"))
        self.placeholder.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.placeholder.setWordWrap(True)
        self.placeholder.setFrameShape(QFrame.Shape.StyledPanel)
        self.placeholder.setStyleSheet("color: palette(placeholder-text);")
        self.preview = PdfPreview()
        self.file_panel = QLabel()
        self.file_panel.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.file_panel.setWordWrap(True)
        self.file_panel.setFrameShape(QFrame.Shape.StyledPanel)
        self.file_panel.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        for w in (self.placeholder, self.preview, self.file_panel):
            self.stack.addWidget(w)
        right.addWidget(self.stack, 1)

        actions = QHBoxLayout()
        self.result_label = QLabel()
        self.result_label.setWordWrap(True)  # a long file name must not push the buttons off the window
        self.result_label.setAccessibleName(self.tr("作成した文書"))
        self.print_button = QPushButton(self.tr("印刷…(&P)"))
        self.print_button.clicked.connect(self.print_document)
        self.save_button = QPushButton(self.tr("名前を付けて保存…(&S)"))
        self.save_button.clicked.connect(self.save_as)
        self.open_button = QPushButton(self.tr("既定のアプリで開く(&O)"))
        self.open_button.clicked.connect(self.open_external)
        actions.addWidget(self.result_label, 1)
        for b in (self.print_button, self.save_button, self.open_button):
            actions.addWidget(b)
        right.addLayout(actions)
        body.addLayout(right, 1)
        self._set_result(None)

    # -- choosing -------------------------------------------------------------------------------------------
    def kind_title(self, key: str) -> str:
        """A document's name in the UI language."""
        return self.tr(TITLES[key]) if key in TITLES else document_kinds.DOCUMENT_KINDS[key].title

    def current_key(self) -> str | None:
        """Key of the selected document kind."""
        item = self.kinds.currentItem()
        return None if item is None else item.data(Qt.ItemDataRole.UserRole)

    def select(self, key: str, record_id: str | None = None, fmt: str | None = None) -> None:
        """Preselect a document (and the record it is about), e.g. from the 支援ニーズ page."""
        for row in range(self.kinds.count()):
            if self.kinds.item(row).data(Qt.ItemDataRole.UserRole) == key:
                self._pending_record = record_id
                if self.kinds.currentRow() == row:
                    self._kind_changed()
                else:
                    self.kinds.setCurrentRow(row)
                break
        else:
            return
        index = self.format_box.findData(fmt or "pdf")
        if index >= 0 and index != self.format_box.currentIndex():
            self._pending_record = record_id
            self.format_box.setCurrentIndex(index)

    def refresh(self) -> None:
        """Reload the record choices (records may have been added or renamed elsewhere)."""
        self._load_records()

    def _kind_changed(self) -> None:
        key = self.current_key()
        if key is None:
            return
        kind = document_kinds.DOCUMENT_KINDS[key]
        self.description.setText(self.tr(DESCRIPTIONS.get(key, "")))
        self.format_box.blockSignals(True)
        self.format_box.clear()
        for fmt in kind.formats:
            self.format_box.addItem(self.tr(FORMAT_LABELS.get(fmt, fmt.upper())), fmt)
        self.format_box.blockSignals(False)
        self._format_changed()

    def current_format(self) -> str:
        """The chosen format (pdf, xlsx, docx)."""
        key = self.current_key()
        default = document_kinds.DOCUMENT_KINDS[key].formats[0] if key else "pdf"
        return self.format_box.currentData() or default

    def needs_record(self) -> bool:
        """True when the chosen document and format are about one record (the XLSX exports take all)."""
        key = self.current_key()
        return key is not None and document_kinds.record_needed(key, self.current_format())

    def _format_changed(self) -> None:
        needed = self.needs_record()
        self.record_box.setVisible(needed)
        self.record_label.setVisible(needed)
        key = self.current_key()
        letter = key is not None and documents.issued_as_letter(key, self.current_format())
        for label, field in self.letter_rows:
            label.setVisible(letter)
            field.setVisible(letter)
        if letter and not self.addressee.value():
            self.ctx.ops.query(documents.needs_addressee, self.ctx.ws, on_done=self._prefill_addressee)
        self.no_records.setVisible(False)
        self._load_records()

    def _prefill_addressee(self, addressee: str) -> None:
        if not self.addressee.value():
            self.addressee.set_value(addressee)

    def letter_issue(self) -> NeedsIssue | None:
        """宛先, 文書番号 and 発信日 typed for a letter (None for other documents)."""
        key = self.current_key()
        if key is None or not documents.issued_as_letter(key, self.current_format()):
            return None
        try:
            sent_on = self.sent_on.parse(self.sent_on.value())
        except InputProblem:
            sent_on = None  # the field marks what it cannot read; the paper then has the blank to fill in
        return NeedsIssue(self.addressee.value().strip(), self.doc_number.value().strip(), sent_on)

    def _load_records(self) -> None:
        key = self.current_key()
        if key is None or not self.needs_record():
            self.record_box.clear()
            self._update_buttons()
            return
        self._pending_record = self._pending_record or self.record_box.currentData()
        self._records_request += 1
        request = self._records_request

        def show(rows: list[tuple[str, str]]) -> None:
            if request != self._records_request or self.current_key() != key:
                return  # a newer load is on its way (or the user moved on)
            self.record_box.clear()
            everything = document_kinds.DOCUMENT_KINDS[key].all_records
            if everything and rows:
                everything = self.tr(ALL_RECORDS[key]) if key in ALL_RECORDS else everything
                self.record_box.addItem(self.tr("（{0}）").format(everything), "")
            for rid, label in rows:
                self.record_box.addItem(label, rid)
            index = self.record_box.findData(self._pending_record)
            self.record_box.setCurrentIndex(max(index, 0))
            self._pending_record = None
            self.no_records.setText(
                self.tr("対象となる記録がまだありません。先に「{0}」の画面で作成してください。").format(
                    self.kind_title(key)
                )
            )
            self.no_records.setVisible(not rows and self.needs_record())
            self._update_buttons()

        self.ctx.ops.query(documents.records_for, self.ctx.ws, key, on_done=show)

    def _update_buttons(self) -> None:
        key = self.current_key()
        ready = key is not None and (not self.needs_record() or self.record_box.count() > 0)
        self.build_button.setEnabled(ready and self._task is None)

    # -- building -------------------------------------------------------------------------------------------
    def build(self) -> None:
        """Build the chosen document in the background; preview it when done."""
        key = self.current_key()
        if key is None or self._task is not None:
            return
        kind = document_kinds.DOCUMENT_KINDS[key]
        fmt = self.current_format()
        needed = self.needs_record()
        record_id = (self.record_box.currentData() or None) if needed else None
        if needed and not record_id and documents.record_required(key, fmt):
            self.ctx.say(self.tr("対象を選んでください。"))
            return
        title = kind.title
        if needed:
            title = f"{kind.title}_{self.record_box.currentText()}"
        out = Path(self._tmp.path()) / f"{_safe_name(title)}_{next(self._made)}.{fmt}"
        self.warnings.setVisible(False)
        self.ctx.say(self.tr("「{0}」を作成しています…").format(self.kind_title(key)))

        def done(result: Any) -> None:
            self._task = None
            self._update_buttons()
            self._show_result(Path(result.path), fmt, title, list(result.warnings))

        def failed(exc: BaseException) -> None:
            self._task = None
            self._update_buttons()
            if isinstance(exc, Cancelled):
                self.ctx.say(self.tr("文書の作成を取り消しました。"))
            else:
                self.ctx.ops.error_handler(exc, "")

        self._task = self.ctx.ops.long_task(
            documents.build_document,
            self.ctx.ws,
            key,
            fmt,
            str(out),
            record_id,
            issue=self.letter_issue(),
            title=self.tr("文書を作成しています"),
            on_done=done,
            on_error=failed,
        )
        self._update_buttons()

    def is_building(self) -> bool:
        """True while a document is being built."""
        return self._task is not None

    def _show_result(self, path: Path, fmt: str, title: str, warnings: list[str]) -> None:
        previous = self.result_path
        if warnings:
            self.warnings.setText("⚠ " + "\n⚠ ".join(warnings))
            self.warnings.setVisible(True)
        if fmt == "pdf" and self.preview.load(str(path)):
            self.stack.setCurrentWidget(self.preview)
        else:
            self.preview.clear()
            self.file_panel.setText(
                self.tr(
                    "「{0}」を作成しました（{1}）。\n\nこの形式は画面では表示しません。"
                    "「名前を付けて保存…」で保存するか、「既定のアプリで開く」で Excel / Word 等で開いてください。"
                    "\n\n{2}"
                ).format(title, fmt.upper(), str(path))
            )
            self.stack.setCurrentWidget(self.file_panel)
        self._set_result(path, fmt, title)
        self.ctx.say(self.tr("「{0}」を作成しました。").format(title))
        if previous is not None and previous != path and self._print_job is None:
            with contextlib.suppress(OSError):  # only the shown document is kept in the temp folder
                previous.unlink(missing_ok=True)

    def _set_result(self, path: Path | None, fmt: str = "", title: str = "") -> None:
        self.result_path, self.result_format, self.result_title = path, fmt, title
        has = path is not None
        self.print_button.setEnabled(has and fmt == "pdf")
        self.save_button.setEnabled(has)
        self.open_button.setEnabled(has)
        if has:
            pages = self.preview.page_count() if fmt == "pdf" else 0
            extra = self.tr("（{0}ページ）").format(pages) if pages else ""
            self.result_label.setText(f"{title}.{fmt}{extra}")
        else:
            self.result_label.setText(self.tr("まだ作成していません"))

    # -- using the result -----------------------------------------------------------------------------------
    def save_as(self) -> None:
        """Copy the built file to where the user chooses (documents folder first, then the last one used)."""
        if self.result_path is None:
            return
        ask_save_path(
            self.ctx,
            self,
            self.tr("名前を付けて保存"),
            f"{_safe_name(self.result_title)}.{self.result_format}",
            self.tr(FILE_FILTERS.get(self.result_format, "")) or "*",
            self.save_to,
        )

    def save_to(self, target: Path) -> bool:
        """Copy the built file to `target` (adds the extension when missing)."""
        if self.result_path is None:
            return False
        if target.suffix.lower() != f".{self.result_format}":
            target = target.with_name(f"{target.name}.{self.result_format}")
        try:
            target = output_paths.save_copy(self.ctx.ws.store.data_dir, self.result_path, target)
        except DomainError as exc:  # a file of the store, a missing folder, no permission, a full disk
            self.ctx.ops.error_handler(exc, "")
            return False
        self.ctx.say(self.tr("{0} に保存しました。").format(str(target)))
        return True

    def open_external(self) -> None:
        """Open the built file with the application the OS associates with it."""
        if self.result_path is not None and not QDesktopServices.openUrl(
            QUrl.fromLocalFile(str(self.result_path))
        ):
            self.ctx.say(self.tr("この形式を開くアプリが見つかりません。保存してから開いてください。"))

    def print_document(self) -> None:
        """Ask for a printer, then print page by page without blocking the window."""
        if self.result_path is None or self.result_format != "pdf" or self._print_job is not None:
            return
        printer = QPrinter(QPrinter.PrinterMode.HighResolution)
        printer.setDocName(self.result_title)
        dialog = QPrintDialog(printer, self)
        dialog.setWindowTitle(self.tr("印刷"))
        dialog.setMinMax(1, self.preview.page_count())
        if dialog.exec() != QPrintDialog.DialogCode.Accepted:
            return
        self.print_to(printer)

    def print_to(self, printer: QPrinter) -> PdfPrintJob | None:
        """Print the shown PDF into a configured printer (the dialog-free half, also used by tests)."""
        if self._print_job is not None or self.result_path is None or self.result_format != "pdf":
            return None
        job = PdfPrintJob(str(self.result_path), printer, self)
        total = len(job.pages)
        progress = QProgressDialog(self.tr("印刷しています…"), self.tr("キャンセル"), 0, total, self)
        progress.setWindowTitle(self.tr("印刷"))
        progress.setMinimumDuration(500)
        progress.setAutoClose(False)
        progress.setValue(0)
        progress.canceled.connect(job.cancel)

        def page_done(done: int, total: int) -> None:
            progress.setValue(done)
            progress.setLabelText(self.tr("印刷しています（{0} / {1} ページ）").format(done, total))

        job.page_done.connect(page_done)

        def finished(ok: bool) -> None:
            progress.close()
            progress.deleteLater()
            self._print_job = None
            self.print_button.setEnabled(self.result_format == "pdf")
            self.ctx.say(self.tr("印刷データを送りました。") if ok else self.tr("印刷を中止しました。"))
            job.deleteLater()

        job.finished.connect(finished)
        self._print_job = job
        self.print_button.setEnabled(False)
        job.start()
        return job
