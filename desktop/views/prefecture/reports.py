"""文書出力 (prefecture): the prefecture-wide progress report (PDF) and an Excel file of every list."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from PySide6.QtCore import QStandardPaths
from PySide6.QtWidgets import QFileDialog, QGridLayout, QLabel, QPushButton, QWidget

from desktop.services.prefecture import reports
from desktop.views.context import ViewContext
from desktop.views.page import Page, page_layout
from desktop.views.style import SPACING, heading, hint

FILTERS = {"pdf": "PDF (*.pdf)", "xlsx": "Excel (*.xlsx)"}


class ReportsPage(Page):
    """One row per document: what it holds and a button that asks where to save it."""

    def __init__(self, ctx: ViewContext, parent: QWidget | None = None):
        super().__init__(ctx, parent)
        layout = page_layout(self)
        layout.addWidget(heading(self.tr("文書出力")))
        layout.addWidget(
            hint(
                self.tr(
                    "県全体の進捗報告（PDF）と、各一覧のExcelファイルを作成します。作成は裏で進むので、その間も他の画面を使えます。"
                )
            )
        )
        grid = QGridLayout()
        grid.setHorizontalSpacing(SPACING * 2)
        grid.setVerticalSpacing(SPACING)
        self.buttons: dict[str, QPushButton] = {}
        for row, kind in enumerate(reports.REPORTS.values()):
            title = QLabel(f"<b>{kind.title}</b>（{kind.fmt.upper()}）")
            text = QLabel(kind.description)
            text.setWordWrap(True)
            button = QPushButton(self.tr("作成して保存…"))
            button.setAccessibleName(self.tr("{0}を作成して保存").format(kind.title))
            button.clicked.connect(lambda _checked=False, key=kind.key: self.save(key))
            self.buttons[kind.key] = button
            grid.addWidget(title, row, 0)
            grid.addWidget(text, row, 1)
            grid.addWidget(button, row, 2)
        grid.setColumnStretch(1, 1)
        layout.addLayout(grid)
        self.result = QLabel()
        self.result.setWordWrap(True)
        self.result.setAccessibleName(self.tr("作成の結果"))
        layout.addWidget(self.result)
        layout.addStretch()

    def ask_path(self, key: str) -> Path | None:
        """Where to save (tests replace this)."""
        kind = reports.REPORTS[key]
        folder = QStandardPaths.writableLocation(QStandardPaths.StandardLocation.DocumentsLocation)
        suggested = str(Path(folder) / f"{kind.title}.{kind.fmt}")
        path, _ = QFileDialog.getSaveFileName(self, self.tr("名前を付けて保存"), suggested, FILTERS[kind.fmt])
        return Path(path) if path else None

    def save(self, key: str) -> None:
        """Build one document in the background into the chosen file."""
        out = self.ask_path(key)
        if out is None:
            return
        kind = reports.REPORTS[key]
        self.buttons[key].setEnabled(False)

        def done(result: Any) -> None:
            self.buttons[key].setEnabled(True)
            pages = self.tr("（{0}ページ）").format(result.pages) if result.pages else ""
            self.result.setText(
                self.tr("「{0}」を保存しました{1}: {2}").format(kind.title, pages, result.path)
            )
            for warning in result.warnings:
                self.result.setText(self.result.text() + "\n" + warning)
            self.ctx.say(self.tr("{0}を保存しました。").format(kind.title))

        def failed(exc: BaseException) -> None:
            self.buttons[key].setEnabled(True)
            self.ctx.ops.error_handler(exc, "")

        self.ctx.ops.long_task(
            reports.build_report,
            self.ctx.ws,
            key,
            str(out),
            title=self.tr("{0}を作成しています").format(kind.title),
            on_done=done,
            on_error=failed,
        )
