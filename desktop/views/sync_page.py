"""同期: the hub connection (URL, fixed 団体コード, token, CA bundle), 接続テスト, 今すぐ同期, and how it went."""

from __future__ import annotations

from datetime import UTC

from PySide6.QtCore import QT_TRANSLATE_NOOP
from PySide6.QtWidgets import (
    QFormLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QProgressBar,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QWidget,
)

from desktop.services import sync
from desktop.views.context import ViewContext
from desktop.views.file_dialogs import ask_open_path
from desktop.views.page import Page, page_layout, scrolling
from desktop.views.style import SECTION_GAP, heading, hint

OUTCOMES = {
    "synced": QT_TRANSLATE_NOOP("SyncPage", "同期済"),
    "conflicts": QT_TRANSLATE_NOOP("SyncPage", "同期済（競合あり）"),
    "unreachable": QT_TRANSLATE_NOOP("SyncPage", "接続できません"),
    "refused": QT_TRANSLATE_NOOP("SyncPage", "トークンが無効"),
    "error": QT_TRANSLATE_NOOP("SyncPage", "エラー"),
    "cancelled": QT_TRANSLATE_NOOP("SyncPage", "中止"),
    "running": QT_TRANSLATE_NOOP("SyncPage", "同期中"),
}


class SyncPage(Page):
    """Set up the hub once; afterwards sync runs by itself and this page shows the result and history."""

    def __init__(self, ctx: ViewContext):
        super().__init__(ctx)
        self.controller = ctx.sync
        body = QWidget()
        layout = page_layout(body)
        layout.addWidget(heading(self.tr("同期")))
        layout.addWidget(
            hint(
                self.tr(
                    "都道府県のハブ（LGWAN内のサーバー）と、この団体の記録を同期します。"
                    "接続できるときは数分ごとに自動で同期し、接続できないときは記録を保持して次の機会に送ります。"
                )
            )
        )

        form = QFormLayout()
        self.url = QLineEdit()
        self.url.setPlaceholderText("https://hub.pref.example.lg.jp")
        self.code = QLabel()
        self.token = QLineEdit()
        self.token.setEchoMode(QLineEdit.EchoMode.Password)
        self.token.setPlaceholderText(self.tr("都道府県から受け取ったトークン"))
        self.token_state = hint("")
        self.ca_bundle = QLineEdit()
        self.ca_bundle.setPlaceholderText(self.tr("（省略時はOSの証明書で検証します）"))
        browse = QPushButton(self.tr("参照…"))
        browse.clicked.connect(self._browse_ca)
        ca_row = QHBoxLayout()
        ca_row.addWidget(self.ca_bundle, 1)
        ca_row.addWidget(browse)
        form.addRow(self.tr("ハブのURL"), self.url)
        form.addRow(self.tr("団体コード"), self.code)
        form.addRow(self.tr("トークン"), self.token)
        form.addRow("", self.token_state)
        form.addRow(self.tr("CA証明書"), ca_row)
        layout.addLayout(form)
        self.warning = QLabel()
        self.warning.setWordWrap(True)
        self.warning.setStyleSheet("color: #b3261e;")
        layout.addWidget(self.warning)

        buttons = QHBoxLayout()
        self.save_button = QPushButton(self.tr("設定を保存(&S)"))
        self.test_button = QPushButton(self.tr("接続テスト(&T)"))
        self.sync_button = QPushButton(self.tr("今すぐ同期(&Y)"))
        self.cancel_button = QPushButton(self.tr("中止"))
        self.conflicts_button = QPushButton()
        self.save_button.clicked.connect(lambda: self.save())  # not clicked(checked) as `then`
        self.test_button.clicked.connect(self.test_connection)
        self.sync_button.clicked.connect(self.sync_now)
        self.cancel_button.clicked.connect(self.controller.cancel)
        self.conflicts_button.clicked.connect(lambda: self.window().show_conflicts())
        for b in (
            self.save_button,
            self.test_button,
            self.sync_button,
            self.cancel_button,
            self.conflicts_button,
        ):
            buttons.addWidget(b)
        buttons.addStretch(1)
        layout.addLayout(buttons)
        self.progress = QProgressBar()
        self.progress.setTextVisible(True)
        self.result = QLabel()
        self.result.setWordWrap(True)
        layout.addWidget(self.progress)
        layout.addWidget(self.result)

        layout.addSpacing(SECTION_GAP)
        layout.addWidget(heading(self.tr("同期の履歴"), 2))
        self.history = QTableWidget(0, 5)
        self.history.setHorizontalHeaderLabels(
            [self.tr("開始"), self.tr("結果"), self.tr("送信"), self.tr("受信"), self.tr("内容")]
        )
        header = self.history.horizontalHeader()
        for column in range(4):  # 開始, 結果, 送信, 受信 as wide as their text; 内容 takes the rest
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(4, QHeaderView.ResizeMode.Stretch)
        self.history.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
        self.history.verticalHeader().setVisible(False)
        self.history.setMinimumHeight(220)
        layout.addWidget(self.history)
        layout.addStretch(1)
        outer = page_layout(self)
        outer.setContentsMargins(0, 0, 0, 0)
        outer.addWidget(scrolling(body))

        self.controller.changed.connect(self._show_state)
        self.controller.progress.connect(self._show_progress)
        self.controller.finished.connect(self._finished)
        self.controller.token_needed.connect(self._ask_token)
        self._show_state()

    # -- loading -----------------------------------------------------------------------------------------------
    def refresh(self) -> None:
        ws = self.ctx.ws
        self.ctx.ops.query(lambda: (sync.hub_settings(ws), ws.owner_code), on_done=self._fill_settings)
        self.ctx.ops.query(sync.history, ws, on_done=self._fill_history)
        self.ctx.ops.background(
            lambda progress: (sync.has_token(ws), sync.keyring_problem()), on_done=self._fill_token
        )

    def _fill_settings(self, loaded) -> None:
        hub, code = loaded
        if not self.url.hasFocus():
            self.url.setText(hub.url)
            self.ca_bundle.setText(hub.ca_bundle)
        self.code.setText(code)

    def _fill_token(self, state) -> None:
        has, problem = state
        stored = self.tr("トークンは設定済みです。") if has else self.tr("トークンが未入力です。")
        if not problem:
            kept = self.tr("トークンはOSの資格情報ストアに保存します。")
        elif problem == sync.NO_ANSWER:
            kept = self.tr(
                "OSの資格情報ストアが応答しないため、トークンはこの起動中だけ保持します。次回の起動時に再入力が必要です。"
            )
        else:
            kept = self.tr(
                "OSの資格情報ストアを使用できないため、トークンはこの起動中だけ保持します。次回の起動時に再入力が必要です。"
            )
        self.token_state.setText(f"{stored} {kept}")

    def _fill_history(self, runs) -> None:
        self.history.setRowCount(len(runs))
        for row, run in enumerate(runs):
            started = (
                run.started_at if run.started_at.tzinfo else run.started_at.replace(tzinfo=UTC)
            ).astimezone()
            cells = (
                started.strftime("%Y-%m-%d %H:%M"),
                self.tr(OUTCOMES.get(run.outcome, run.outcome)),
                str(run.pushed),
                str(run.pulled),
                run.message,
            )
            for column, text in enumerate(cells):
                self.history.setItem(row, column, QTableWidgetItem(text))

    # -- actions ---------------------------------------------------------------------------------------------------
    def _browse_ca(self) -> None:
        ask_open_path(
            self,
            self.tr("CA証明書を選択"),
            "",
            self.tr("証明書 (*.pem *.crt *.cer);;すべて (*)"),
            lambda path: self.ca_bundle.setText(str(path)),
        )

    def save(self, then=None) -> None:
        """Keep URL, CA bundle and (when typed) the token; `then` runs once they are kept."""
        ws, url, ca, token = self.ctx.ws, self.url.text(), self.ca_bundle.text(), self.token.text().strip()

        def keep(progress) -> str:
            warning = sync.save_hub_settings(ws, url, ca)
            if token:
                sync.set_token(ws, token)
            return warning

        def kept(warning: str) -> None:
            self.token.clear()
            self.warning.setText(warning)
            self.refresh()
            self.controller.refresh()
            if then is not None:
                then()

        self.ctx.ops.background(keep, on_done=kept, on_error=self._error)

    def test_connection(self) -> None:
        def tested(status) -> None:
            self.result.setText(
                self.tr("接続できました: {0}（団体コード {1}）、ハブの版 {2}").format(
                    status.name or status.code, status.code, status.head
                )
            )

        self.result.setText(self.tr("接続を確認しています…"))
        self.save(
            then=lambda: self.ctx.ops.background(
                lambda progress: sync.test_connection(self.ctx.ws), on_done=tested, on_error=self._error
            )
        )

    def sync_now(self) -> None:
        self.save(then=self.controller.sync_now)

    def _error(self, exc: BaseException) -> None:
        self.result.setText(self.ctx.ops.errors.reason(self.tr("同期"), exc))
        self.refresh()

    def _ask_token(self, reason: str) -> None:
        self.result.setText(reason)
        self.token.setFocus()

    # -- state ---------------------------------------------------------------------------------------------------
    def _show_state(self) -> None:
        running = self.controller.running
        self.sync_button.setEnabled(not running)
        self.test_button.setEnabled(not running)
        self.cancel_button.setVisible(running)
        self.progress.setVisible(running)
        count = self.controller.conflict_count()
        self.conflicts_button.setText(self.tr("競合を解決（{0}件）").format(count))
        self.conflicts_button.setVisible(count > 0)
        if running:
            self.result.setText(self.tr("同期しています…"))
        elif self.controller.error:
            self.result.setText(self.controller.error)

    def _show_progress(self, done: int, total: int, label: str) -> None:
        self.progress.setMaximum(max(total, 1))
        self.progress.setValue(min(done, max(total, 1)))
        self.progress.setFormat(f"{label} %p%")

    def _finished(self, outcome) -> None:
        if isinstance(outcome, sync.SyncReport):
            text = self.tr("同期しました（送信 {0}件、受信 {1}件）。").format(outcome.pushed, outcome.pulled)
            if outcome.open_conflicts:
                text += self.tr("競合が{0}件あります。").format(outcome.open_conflicts)
            if outcome.repaired:
                text += self.tr("ハブとの照合で差異が見つかったため自動で修復しました。")
            for reason in outcome.rejected:
                text += self.tr("ハブが受け付けなかった変更: {0}").format(reason)
            self.result.setText(text)
        self.refresh()
