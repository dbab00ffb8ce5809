"""文書出力 (prefecture): the prefecture-wide progress report (PDF) and an Excel file of every list."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from PySide6.QtCore import QT_TRANSLATE_NOOP
from PySide6.QtWidgets import QGridLayout, QLabel, QPushButton, QWidget

from desktop.services.prefecture import reports
from desktop.views.context import ViewContext
from desktop.views.file_dialogs import ask_save_path
from desktop.views.page import Page, page_layout
from desktop.views.style import SPACING, heading, hint

FILTERS = {"pdf": "PDF (*.pdf)", "xlsx": "Excel (*.xlsx)"}

# What each document is called and holds, as the page shows it (the documents keep their Japanese titles).
TITLES = {
    "progress": QT_TRANSLATE_NOOP("ReportsPage", "県内市町村のDX推進状況（報告書）"),
    "towns": QT_TRANSLATE_NOOP("ReportsPage", "市町村一覧"),
    "needs": QT_TRANSLATE_NOOP("ReportsPage", "支援ニーズ一覧"),
    "talent_pool": QT_TRANSLATE_NOOP("ReportsPage", "人材プール"),
    "good_practices": QT_TRANSLATE_NOOP("ReportsPage", "好事例"),
    "joint_procurement": QT_TRANSLATE_NOOP("ReportsPage", "共同調達と参加意向"),
    "announcements": QT_TRANSLATE_NOOP("ReportsPage", "お知らせ"),
}
DESCRIPTIONS = {
    "progress": QT_TRANSLATE_NOOP(
        "ReportsPage",
        "表紙、推進体制7指標の団体別の表、ステップ別・20業務のグラフ、支援ニーズの集計を含む報告書です。",
    ),
    "towns": QT_TRANSLATE_NOOP(
        "ReportsPage", "市町村ごとのステップの進捗、20業務、最終連絡、推進体制7指標（判定の根拠つき）です。"
    ),
    "needs": QT_TRANSLATE_NOOP("ReportsPage", "市町村から提出された支援ニーズと県の回答です。"),
    "talent_pool": QT_TRANSLATE_NOOP("ReportsPage", "人材プールの掲載の一覧です。"),
    "good_practices": QT_TRANSLATE_NOOP("ReportsPage", "好事例の一覧です。"),
    "joint_procurement": QT_TRANSLATE_NOOP("ReportsPage", "共同調達の案内ごとの、各市町村の参加意向です。"),
    "announcements": QT_TRANSLATE_NOOP("ReportsPage", "お知らせの一覧です。"),
}


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
            title = QLabel(self.tr("<b>{0}</b>（{1}）").format(self.tr(TITLES[kind.key]), kind.fmt.upper()))
            text = QLabel(self.tr(DESCRIPTIONS[kind.key]))
            text.setWordWrap(True)
            button = QPushButton(self.tr("作成して保存…"))
            button.setAccessibleName(self.tr("{0}を作成して保存").format(self.tr(TITLES[kind.key])))
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

    def save(self, key: str) -> None:
        """Ask where to save (named by the document's own title), then build the document there."""
        kind = reports.REPORTS[key]
        ask_save_path(
            self.ctx,
            self,
            self.tr("名前を付けて保存"),
            f"{kind.title}.{kind.fmt}",
            FILTERS[kind.fmt],
            lambda out: self.build(key, out),
        )

    def build(self, key: str, out: Path) -> None:
        """Build one document in the background into `out`."""
        self.buttons[key].setEnabled(False)

        def done(result: Any) -> None:
            self.buttons[key].setEnabled(True)
            pages = self.tr("（{0}ページ）").format(result.pages) if result.pages else ""
            self.result.setText(
                self.tr("「{0}」を保存しました{1}: {2}").format(self.tr(TITLES[key]), pages, result.path)
            )
            for warning in result.warnings:
                self.result.setText(self.result.text() + "\n" + warning)
            self.ctx.say(self.tr("{0}を保存しました。").format(self.tr(TITLES[key])))

        def failed(exc: BaseException) -> None:
            self.buttons[key].setEnabled(True)
            self.ctx.ops.error_handler(exc, "")

        self.ctx.ops.long_task(
            reports.build_report,
            self.ctx.ws,
            key,
            str(out),
            title=self.tr("{0}を作成しています").format(self.tr(TITLES[key])),
            on_done=done,
            on_error=failed,
        )
