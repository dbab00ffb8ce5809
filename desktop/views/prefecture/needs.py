"""支援ニーズ (prefecture): every town's submitted needs, filtered, with the prefecture's response.

The response (受付 / 調整中 / マッチ済 / 対応不可 and a message) is the only part of a town's need the prefecture
writes; it reaches the town by sync or in a catalog package. For talent needs, the 人材プール entries of the
same スキル標準 role are suggested, free ones first.
"""

from __future__ import annotations

from datetime import UTC
from typing import Any

from PySide6.QtCore import QT_TRANSLATE_NOOP, Qt
from PySide6.QtWidgets import (
    QComboBox,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QListWidget,
    QPlainTextEdit,
    QPushButton,
    QSplitter,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from desktop.models import NeedsRequest, vocab, wareki
from desktop.services.prefecture import needs as pref_needs
from desktop.views.context import ViewContext
from desktop.views.locale import vocab_label
from desktop.views.page import Page, page_layout, scrolling
from desktop.views.style import SPACING, heading, hint

COLUMNS = (
    QT_TRANSLATE_NOOP("NeedsPage", "団体名"),
    QT_TRANSLATE_NOOP("NeedsPage", "件名"),
    QT_TRANSLATE_NOOP("NeedsPage", "区分"),
    QT_TRANSLATE_NOOP("NeedsPage", "人材像"),
    QT_TRANSLATE_NOOP("NeedsPage", "優先度"),
    QT_TRANSLATE_NOOP("NeedsPage", "回答状況"),
)


def _label(table: dict[str, str], key: str) -> str:
    return vocab_label(table.get(key, key)) if key else ""


class NeedsPage(Page):
    """All needs on the left (filters above), the selected need and its response on the right."""

    listens = frozenset({NeedsRequest.kind, "talent_pool_entry", "municipality"})

    def __init__(self, ctx: ViewContext, parent: QWidget | None = None):
        super().__init__(ctx, parent)
        self.rows: list[pref_needs.NeedRow] = []
        self._keep: str | None = None
        layout = page_layout(self)
        layout.addWidget(heading(self.tr("支援ニーズ")))
        layout.addWidget(
            hint(
                self.tr(
                    "市町村から提出された支援ニーズの一覧です。ニーズを選んで回答状況と回答内容を入力し、「回答する」を押すと、"
                    "回答が記録されます。市町村への送付は、同期またはカタログのパッケージで行います。"
                    "回答欄のほかは市町村が入力した内容のため変更できません。"
                )
            )
        )
        filters = QHBoxLayout()
        filters.addWidget(QLabel(self.tr("絞り込み:")))
        self.filters: dict[str, QComboBox] = {}
        names = {"role": self.tr("人材像"), "category": self.tr("区分"), "priority": self.tr("優先度"),
                 "response": self.tr("回答状況")}  # fmt: skip
        for key, choices in pref_needs.labels_for_filters().items():
            combo = QComboBox()
            combo.setAccessibleName(self.tr("{0}で絞り込み").format(names[key]))
            combo.addItem(self.tr("{0}：すべて").format(names[key]), "")
            for value, label in choices.items():
                combo.addItem(vocab_label(label), value)
            combo.currentIndexChanged.connect(self.refresh)
            self.filters[key] = combo
            filters.addWidget(combo, 1)
        layout.addLayout(filters)

        self.table = QTableWidget(0, len(COLUMNS))
        self.table.setAccessibleName(self.tr("支援ニーズの一覧"))
        self.table.setHorizontalHeaderLabels([self.tr(c) for c in COLUMNS])
        self.table.setSelectionBehavior(QTableWidget.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QTableWidget.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
        self.table.verticalHeader().setVisible(False)
        self.table.setWordWrap(False)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        for column in (2, 3):  # 区分 and 人材像 are long: elided, whole on hover
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.Fixed)
            header.resizeSection(column, 96)
        self.table.setTextElideMode(Qt.TextElideMode.ElideRight)
        self.table.itemSelectionChanged.connect(self._selected)
        self.count_label = QLabel()
        left = QWidget()
        left_layout = QVBoxLayout(left)
        left_layout.setContentsMargins(0, 0, 0, 0)
        left_layout.addWidget(self.table, 1)
        left_layout.addWidget(self.count_label)
        self.detail = NeedDetail(self)
        splitter = QSplitter(Qt.Orientation.Horizontal)
        splitter.addWidget(left)
        splitter.addWidget(self.detail)
        splitter.setStretchFactor(0, 3)
        splitter.setStretchFactor(1, 2)
        splitter.setSizes([640, 460])
        layout.addWidget(splitter, 1)

    def current_filter(self) -> pref_needs.NeedsFilter:
        """The filter the combo boxes describe."""
        return pref_needs.NeedsFilter(
            **{key: combo.currentData() or "" for key, combo in self.filters.items()}
        )

    def refresh(self) -> None:
        """Reload the needs that pass the filters."""
        current = self.current()
        if self._keep is None and current is not None:
            self._keep = current.id
        self.ctx.ops.query(pref_needs.all_needs, self.ctx.ws, self.current_filter(), on_done=self._loaded)

    def current(self) -> pref_needs.NeedRow | None:
        """The selected need."""
        row = self.table.currentRow()
        return self.rows[row] if 0 <= row < len(self.rows) and self.table.selectedItems() else None

    def _loaded(self, rows: list[pref_needs.NeedRow]) -> None:
        keep, self._keep = self._keep, None
        self.rows = rows
        self.table.blockSignals(True)
        self.table.setRowCount(len(rows))
        for r, need in enumerate(rows):
            values = (
                need.town_name,
                need.title,
                _label(vocab.NEEDS_CATEGORY, need.category),
                _label(vocab.SKILL_ROLES, need.skill_role),
                _label(vocab.PRIORITY, need.priority),
                vocab_label(vocab.RESPONSE_STATUS.get(need.response_status, "")),
            )
            for c, value in enumerate(values):
                item = QTableWidgetItem(value)
                item.setToolTip(need.purpose if c == 1 else value)
                self.table.setItem(r, c, item)
        self.table.blockSignals(False)
        self.count_label.setText(self.tr("{0}件").format(len(rows)))
        row = next((i for i, n in enumerate(rows) if n.id == keep), 0 if rows else -1)
        if row >= 0:
            self.table.selectRow(row)
        self._selected()

    def _selected(self) -> None:
        self.detail.show_need(self.current())


class NeedDetail(QWidget):
    """The selected need (read-only), the response editor and the suggested 人材プール entries."""

    def __init__(self, page: NeedsPage):
        super().__init__()
        self.page = page
        self.ctx = page.ctx
        self.need: pref_needs.NeedRow | None = None
        self.info = QLabel()
        self.info.setWordWrap(True)
        self.info.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.info.setAccessibleName(self.tr("支援ニーズの内容"))
        self.info.setAlignment(Qt.AlignmentFlag.AlignTop | Qt.AlignmentFlag.AlignLeft)

        self.response_box = QGroupBox(self.tr("県からの回答"))
        form = QFormLayout(self.response_box)
        form.setSpacing(SPACING)
        self.status = QComboBox()
        self.status.setAccessibleName(self.tr("回答状況"))
        for key, label in vocab.RESPONSE_STATUS.items():
            if key:
                self.status.addItem(vocab_label(label), key)
        self.message = QPlainTextEdit()
        self.message.setAccessibleName(self.tr("回答内容"))
        self.message.setPlaceholderText(
            self.tr("例: 人材プールの登録人材Bを月4日で派遣します。開始日は担当から連絡します。")
        )
        self.message.setMaximumHeight(110)
        self.answered = QLabel()
        self.answered.setAccessibleName(self.tr("回答日"))
        self.respond_button = QPushButton(self.tr("回答する(&R)"))
        self.respond_button.clicked.connect(self.respond)
        self.package_button = QPushButton(self.tr("この団体あてのパッケージを作成(&P)…"))
        self.package_button.setToolTip(
            self.tr(
                "この団体の支援ニーズへの回答と、人材プール・好事例・共同調達・お知らせを、"
                "署名付きのパッケージ（.dxpkg）にまとめます。同期しない団体へはこれを送付します。"
            )
        )
        self.package_button.clicked.connect(self.export_package)
        form.addRow(self.tr("回答状況"), self.status)
        form.addRow(self.tr("回答内容"), self.message)
        form.addRow(self.tr("前回の回答"), self.answered)
        # One button above the other, so the pane stays narrow enough to sit beside the list.
        for button in (self.respond_button, self.package_button):
            row = QHBoxLayout()
            row.addWidget(button)
            row.addStretch()
            form.addRow("", row)

        self.suggest_box = QGroupBox(self.tr("人材プールの候補（同じ人材像）"))
        suggest_layout = QVBoxLayout(self.suggest_box)
        self.suggestions = QListWidget()
        self.suggestions.setAccessibleName(self.tr("人材プールの候補"))
        self.suggestions.setWordWrap(True)
        self.suggestions.setMaximumHeight(150)
        self.use_button = QPushButton(self.tr("この候補を回答内容に入れる"))
        self.use_button.clicked.connect(self.use_suggestion)
        suggest_layout.addWidget(self.suggestions)
        suggest_layout.addWidget(self.use_button)

        body = QWidget()
        inner = QVBoxLayout(body)
        inner.setContentsMargins(0, 0, SPACING, 0)
        inner.setSpacing(SPACING)
        inner.addWidget(self.info)
        inner.addWidget(self.response_box)
        inner.addWidget(self.suggest_box)
        inner.addStretch()
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        area = scrolling(body)
        area.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        area.setMinimumWidth(body.minimumSizeHint().width() + area.verticalScrollBar().sizeHint().width())
        layout.addWidget(area)
        self.show_need(None)

    def show_need(self, need: pref_needs.NeedRow | None) -> None:
        """Show one need and its current response (None: nothing selected)."""
        changed = need is None or self.need is None or need.id != self.need.id
        self.need = need
        self.response_box.setEnabled(need is not None)
        self.suggest_box.setVisible(need is not None and bool(need.skill_role))
        self.suggestions.clear()
        if need is None:
            self.info.setText(self.tr("左の一覧から支援ニーズを選んでください。"))
            self.answered.setText("")
            return
        period = ""
        if need.period_start and need.period_end:
            period = self.tr("{0}〜{1}").format(
                wareki.wareki_date(need.period_start), wareki.wareki_date(need.period_end)
            )
        days = self.tr("月{0}日").format(f"{need.days_per_month:g}") if need.days_per_month else ""
        lines = [
            f"<b>{_esc(need.title)}</b>",
            self.tr("団体: {0}（{1}）").format(_esc(need.town_name), need.town_code),
            self.tr("区分: {0}").format(_label(vocab.NEEDS_CATEGORY, need.category)),
        ]
        if need.skill_role:
            lines.append(self.tr("人材像: {0}").format(_label(vocab.SKILL_ROLES, need.skill_role)))
        detail = self.tr("・").join(x for x in (_label(vocab.ENGAGEMENT, need.engagement), days, period) if x)
        if detail:
            lines.append(self.tr("派遣の形: {0}").format(detail))
        lines.append(self.tr("優先度: {0}").format(_label(vocab.PRIORITY, need.priority)))
        lines.append(self.tr("目的: {0}").format(_esc(need.purpose)))
        self.info.setText("<br>".join(lines))
        if changed:
            index = self.status.findData(need.response_status or "received")
            self.status.setCurrentIndex(max(index, 0))
            self.message.setPlainText(need.response_text)
        if need.responded_at:
            moment = need.responded_at if need.responded_at.tzinfo else need.responded_at.replace(tzinfo=UTC)
            self.answered.setText(
                self.tr("{0}（{1}）").format(
                    vocab_label(vocab.RESPONSE_STATUS.get(need.response_status, "")),
                    wareki.wareki_date(moment.astimezone().date()),
                )
            )
        else:
            self.answered.setText(self.tr("まだ回答していません"))
        if need.skill_role:
            self.ctx.ops.query(pref_needs.suggestions, self.ctx.ws, need.id, on_done=self._suggested)

    def _suggested(self, entries: list[Any]) -> None:
        self.suggestions.clear()
        self._entries = entries
        for e in entries:
            availability = vocab_label(vocab.POOL_AVAILABILITY.get(e.availability, e.availability))
            days = self.tr("月{0}日").format(f"{e.days_per_month:g}") if e.days_per_month else ""
            self.suggestions.addItem(
                self.tr("{0}［{1}］{2}　{3}").format(e.listing, availability, days, e.skills)
            )
        if not entries:
            self.suggestions.addItem(self.tr("（この人材像の登録はありません）"))
        self.use_button.setEnabled(bool(entries))
        self.suggestions.setCurrentRow(0)

    def use_suggestion(self) -> None:
        """Put the chosen pool entry into the response message and mark the need matched."""
        row = self.suggestions.currentRow()
        entries = getattr(self, "_entries", [])
        if not 0 <= row < len(entries):
            return
        entry = entries[row]
        self.status.setCurrentIndex(self.status.findData("matched"))
        text = self.tr("人材プールの{0}（{1}）を派遣できます。日程は担当から連絡します。").format(
            entry.listing, _label(vocab.SKILL_ROLES, entry.skill_role)
        )
        self.message.setPlainText(text)

    def export_package(self) -> None:
        """The catalog package for the selected need's town: its answers and the prefecture's catalogs."""
        from desktop.views.package_export import export_package

        if self.need is not None:
            export_package(self, self.ctx, "catalog", to=self.need.town_code, to_name=self.need.town_name)

    def respond(self) -> None:
        """Write the response to the town's need."""
        need = self.need
        if need is None:
            return
        status = self.status.currentData()
        message = self.message.toPlainText()

        def done(_result: Any) -> None:
            self.ctx.say(
                self.tr(
                    "{0}の「{1}」への回答を記録しました（{2}）。市町村への送付は、同期またはカタログのパッケージで行います。"
                ).format(need.town_name, need.title, vocab_label(vocab.RESPONSE_STATUS[status]))
            )
            self.need = None  # the page reloads (it listens to needs) and the editor shows the stored answer

        self.ctx.ops.edit(
            pref_needs.respond,
            self.ctx.ws,
            need.id,
            status,
            message,
            changes={NeedsRequest.kind},
            on_done=done,
        )


def _esc(text: str) -> str:
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
