"""市町村一覧: every town of the prefecture, its steps, 20業務, last contact and the seven 推進体制 indicators.

A sortable table over the towns; how each indicator was derived shows on hover. The last row is the
prefecture-wide summary of the towns shown (after filtering), and always stays last whatever the sort.
"""

from __future__ import annotations

from datetime import UTC
from typing import Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QRectF, QSize, Qt
from PySide6.QtGui import QBrush, QColor, QFont, QFontMetrics, QPainter
from PySide6.QtWidgets import (
    QComboBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QTableView,
    QWidget,
)

from desktop.models import vocab, wareki
from desktop.services.prefecture import towns
from desktop.services.prefecture.indicators import INDICATORS
from desktop.views.context import ViewContext
from desktop.views.locale import ui_lang, vocab_label
from desktop.views.page import Page, page_layout
from desktop.views.style import heading, hint

SORT_ROLE = Qt.ItemDataRole.UserRole + 1
RATIOS_ROLE = Qt.ItemDataRole.UserRole + 2  # the step ratios the progress column paints
YES, NO = "○", "×"
YES_BRUSH, NO_BRUSH = QBrush(QColor("#e3f2e5")), QBrush(QColor("#fbe9e7"))
SUMMARY_BRUSH = QBrush(QColor("#e3ecf7"))
STEPS = 4
CODE, NAME, PROGRESS, CURRENT, LIVE, CONTACT, NEEDS = range(7)
FIXED_COLUMNS = 7
# Column headers on two or three lines so the whole table fits the window (the full name shows on hover).
# Where each indicator's Japanese header breaks (character positions), so the table fits the window.
HEADER_BREAKS: dict[str, tuple[int, ...]] = {
    "cio": (4,),
    "cio_adviser": (3, 7),
    "policy": (2, 4),
    "organisation": (3, 6),
    "external_talent": (2, 4),
    "staff_development": (2, 5),
    "all_staff_training": (3, 7),
}


def broken(text: str, breaks: tuple[int, ...]) -> str:
    """`text` with line breaks at the given positions (Japanese headers only; English wraps as words)."""
    if ui_lang() != "ja":
        return text
    cuts = [0, *breaks, len(text)]
    return "\n".join(text[a:b] for a, b in zip(cuts, cuts[1:], strict=False) if text[a:b])


def _percent(ratio: float) -> str:
    return f"{round(ratio * 100)}%"


class StepBars(QStyledItemDelegate):
    """Paints steps 0–3 as four small bars (full green when a step is done)."""

    def paint(self, painter: QPainter, option: QStyleOptionViewItem, index: QModelIndex) -> None:
        super().paint(painter, option, index)
        ratios = index.data(RATIOS_ROLE)
        if not ratios:
            return
        rect = option.rect.adjusted(4, 7, -4, -7)
        gap = 3
        width = (rect.width() - gap * (len(ratios) - 1)) / len(ratios)
        painter.save()
        painter.setPen(Qt.PenStyle.NoPen)
        for i, ratio in enumerate(ratios):
            x = rect.left() + i * (width + gap)
            painter.setBrush(TRACK)
            painter.drawRect(QRectF(x, rect.top(), width, rect.height()))
            painter.setBrush(DONE if ratio >= 1.0 else BAR)
            painter.drawRect(QRectF(x, rect.top(), width * max(0.0, min(ratio, 1.0)), rect.height()))
        painter.restore()

    def sizeHint(self, option: QStyleOptionViewItem, index: QModelIndex) -> QSize:  # noqa: N802 - Qt override
        return QSize(STEP_BARS_WIDTH, super().sizeHint(option, index).height())


TRACK, BAR, DONE = QColor("#dfe3e8"), QColor("#1565c0"), QColor("#2e7d32")
STEP_BARS_WIDTH = 112


class TownsModel(QAbstractTableModel):
    """Town rows plus one summary row at the end."""

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.rows: list[towns.TownRow] = []
        self.summary: towns.Summary | None = None
        self._texts: list[list[str]] = []
        self._keys: list[list[Any]] = []
        self.sort_column, self.sort_order = CODE, Qt.SortOrder.AscendingOrder

    def set_rows(self, rows: list[towns.TownRow]) -> None:
        """Show these towns and their summary."""
        self.beginResetModel()
        self.summary = towns.summarise(rows)
        # Texts and sort keys are made once: the view asks for them many times while sizing and painting.
        columns = range(self.columnCount())
        keys = [[self._sort_key(town, col) for col in columns] for town in rows]
        order = sorted(range(len(rows)), key=lambda i: keys[i][self.sort_column],
                       reverse=self.sort_order == Qt.SortOrder.DescendingOrder)  # fmt: skip
        self.rows = [rows[i] for i in order]
        self._keys = [keys[i] for i in order]
        self._texts = [[self._text(town, col) for col in columns] for town in self.rows]
        self.endResetModel()

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        """Sort the towns by a column (in Python, on keys made once); the summary row stays last."""
        self.sort_column, self.sort_order = column, order
        self.layoutAboutToBeChanged.emit()
        order_ = sorted(range(len(self.rows)), key=lambda i: self._keys[i][column],
                        reverse=order == Qt.SortOrder.DescendingOrder)  # fmt: skip
        self.rows = [self.rows[i] for i in order_]
        self._keys = [self._keys[i] for i in order_]
        self._texts = [self._texts[i] for i in order_]
        self.layoutChanged.emit()

    def headers(self, short: bool = False) -> list[str]:
        """Column names; `short` breaks long ones over lines for the table header."""
        names = [vocab_label(label) for _key, label in INDICATORS]
        if short:
            names = [
                broken(name, HEADER_BREAKS[key]) for (key, _l), name in zip(INDICATORS, names, strict=True)
            ]
            fixed = [self.tr("団体\nコード"), self.tr("団体名"), self.tr("ステップ0〜3\nの進捗"), self.tr("取組中"),
                     self.tr("20業務\n本稼働"), self.tr("最終連絡"), self.tr("未回答\nニーズ")]  # fmt: skip
        else:
            fixed = [self.tr("団体コード"), self.tr("団体名"), self.tr("ステップ0〜3の進捗"), self.tr("取組中"),
                     self.tr("20業務 本稼働"), self.tr("最終連絡"), self.tr("未回答ニーズ")]  # fmt: skip
        return fixed + names

    def rowCount(self, parent: QModelIndex = QModelIndex()) -> int:  # noqa: B008, N802 - Qt override
        return 0 if parent.isValid() else len(self.rows) + (1 if self.summary else 0)

    def columnCount(self, parent: QModelIndex = QModelIndex()) -> int:  # noqa: B008, N802 - Qt override
        return 0 if parent.isValid() else FIXED_COLUMNS + len(INDICATORS)

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:  # noqa: N802
        if orientation != Qt.Orientation.Horizontal:
            return None
        if role == Qt.ItemDataRole.DisplayRole:
            return self.headers(short=True)[section]
        if role == Qt.ItemDataRole.ToolTipRole and section >= FIXED_COLUMNS:
            return self.tr(
                "{0}（デジタル庁「自治体DXの取組に関するダッシュボード」自治体DXの推進体制の指標）"
            ).format(self.headers()[section])
        if role == Qt.ItemDataRole.ToolTipRole:
            return self.headers()[section]
        return None

    def is_summary(self, row: int) -> bool:
        return row == len(self.rows)

    def data(self, index: QModelIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        row, col = index.row(), index.column()
        if self.is_summary(row):
            return self._summary_data(col, role)
        town = self.rows[row]
        if role == Qt.ItemDataRole.DisplayRole:
            return self._texts[row][col]
        if role == SORT_ROLE:
            return self._keys[row][col]
        if role == RATIOS_ROLE and col == PROGRESS:
            return town.step_ratios
        if role == Qt.ItemDataRole.ToolTipRole:
            return self._tooltip(town, col)
        if role == Qt.ItemDataRole.BackgroundRole and col >= FIXED_COLUMNS:
            return YES_BRUSH if town.indicators[col - FIXED_COLUMNS].value else NO_BRUSH
        if role == Qt.ItemDataRole.TextAlignmentRole and col > NAME:
            return int(Qt.AlignmentFlag.AlignCenter)
        return None

    def _text(self, town: towns.TownRow, col: int) -> str:
        if col == CODE:
            return town.code
        if col == NAME:
            return town.name
        if col == PROGRESS:
            return ""
        if col == CURRENT:
            return (
                self.tr("完了")
                if town.current_step >= STEPS
                else self.tr("ステップ{0}").format(town.current_step)
            )
        if col == LIVE:
            return f"{town.live} / {town.businesses}"
        if col == CONTACT:
            if town.last_contact is None:
                return self.tr("未受信")
            channel = vocab_label(vocab.CONTACT_CHANNEL.get(town.contact_channel, ""))
            return self.tr("{0} {1}").format(_local_date(town.last_contact), channel)
        if col == NEEDS:
            return str(town.open_needs) if town.open_needs else ""
        return YES if town.indicators[col - FIXED_COLUMNS].value else NO

    def _sort_key(self, town: towns.TownRow, col: int) -> Any:
        if col in (CODE, NAME):
            return self._text(town, col)
        if col in (PROGRESS, CURRENT):
            return town.current_step * 10 + sum(town.step_ratios)
        if col == LIVE:
            return town.live
        if col == CONTACT:
            return town.last_contact.timestamp() if town.last_contact else 0.0
        if col == NEEDS:
            return town.open_needs
        return int(town.indicators[col - FIXED_COLUMNS].value)

    def _steps_tooltip(self, ratios: tuple[float, ...]) -> str:
        return "\n".join(self.tr("ステップ{0}：{1}").format(i, _percent(r)) for i, r in enumerate(ratios))

    def _tooltip(self, town: towns.TownRow, col: int) -> str | None:
        if col >= FIXED_COLUMNS:
            ind = town.indicators[col - FIXED_COLUMNS]
            answer = self.tr("該当") if ind.value else self.tr("非該当")
            return self.tr("{0}：{1}\n判定の根拠：{2}").format(vocab_label(ind.label), answer, ind.how)
        if col == PROGRESS:
            return self.tr("チェック項目の完了率（対象外を除く）\n{0}").format(
                self._steps_tooltip(town.step_ratios)
            )
        if col == LIVE:
            return self.tr("本稼働 {0}業務・未着手 {1}業務・特定移行支援システム {2}業務").format(
                town.live, town.not_started, town.specific_support
            )
        if col == CONTACT:
            if town.last_contact is None:
                return self.tr("この団体のデータはまだ同期やパッケージで届いていません。")
            return self.tr("{0}に{1}で届きました。").format(
                _local_date(town.last_contact),
                vocab_label(vocab.CONTACT_CHANNEL.get(town.contact_channel, "")),
            )
        if col == NAME:
            return self.tr("{0}（団体コード {1}）").format(town.name, town.code)
        return None

    def _summary_data(self, col: int, role: int) -> Any:
        s = self.summary
        assert s is not None
        if role == Qt.ItemDataRole.BackgroundRole:
            return SUMMARY_BRUSH
        if role == Qt.ItemDataRole.FontRole:
            font = QFont()
            font.setBold(True)
            return font
        if role == Qt.ItemDataRole.TextAlignmentRole and col > NAME:
            return int(Qt.AlignmentFlag.AlignCenter)
        if role == RATIOS_ROLE and col == PROGRESS:
            return s.step_ratios
        if role == Qt.ItemDataRole.ToolTipRole:
            if col >= FIXED_COLUMNS:
                label, yes, rate = s.rates[col - FIXED_COLUMNS]
                return self.tr("{0}：{1}団体中{2}団体（{3}）").format(
                    vocab_label(label), s.towns, yes, _percent(rate)
                )
            if col == PROGRESS:
                return self.tr("表示中の団体の平均\n{0}").format(self._steps_tooltip(s.step_ratios))
            return None
        if role != Qt.ItemDataRole.DisplayRole:
            return None
        if col == CODE:
            return self.tr("県全体")
        if col == NAME:
            return self.tr("{0}団体（平均・率）").format(s.towns)
        if col == LIVE:
            return _percent(s.live / s.businesses) if s.businesses else ""
        if col == NEEDS:
            return str(s.open_needs)
        if col >= FIXED_COLUMNS:
            return _percent(s.rates[col - FIXED_COLUMNS][2])
        return ""


def _local_date(moment) -> str:
    aware = moment if moment.tzinfo else moment.replace(tzinfo=UTC)
    return wareki.wareki_date(aware.astimezone().date())


class TownsPage(Page):
    """市町村一覧: the prefecture's towns at a glance."""

    listens = frozenset({"municipality", "checklist_state", "org_role", "plan", "standardization_system",
                         "needs_request", "awareness_activity"})  # fmt: skip

    def __init__(self, ctx: ViewContext, parent: QWidget | None = None):
        super().__init__(ctx, parent)
        self.all_rows: list[towns.TownRow] = []
        layout = page_layout(self)
        layout.addWidget(heading(self.tr("市町村一覧")))
        layout.addWidget(
            hint(
                self.tr(
                    "県内の市町村ごとに、ステップ0〜3の進み具合（完了した項目の割合）、20業務の本稼働の数、最終連絡（同期または"
                    "パッケージでデータが届いた日）と、国のダッシュボードの推進体制7指標を、各団体のデータから判定して示します。"
                    "指標のセルにマウスを置くと判定の根拠が表示されます。最下行は表示中の団体の平均と該当率です。"
                )
            )
        )
        filters = QHBoxLayout()
        self.search = QLineEdit()
        self.search.setPlaceholderText(self.tr("団体名・団体コードで絞り込み"))
        self.search.setAccessibleName(self.tr("団体名・団体コードで絞り込み"))
        self.search.setClearButtonEnabled(True)
        self.search.textChanged.connect(self._apply_filter)
        self.step_filter = QComboBox()
        self.step_filter.setAccessibleName(self.tr("取組中のステップで絞り込み"))
        self.step_filter.addItem(self.tr("すべてのステップ"), -1)
        for n in range(STEPS):
            self.step_filter.addItem(self.tr("ステップ{0}に取組中").format(n), n)
        self.step_filter.addItem(self.tr("すべて完了"), STEPS)
        self.step_filter.currentIndexChanged.connect(self._apply_filter)
        self.indicator_filter = QComboBox()
        self.indicator_filter.setAccessibleName(self.tr("指標で絞り込み"))
        self.indicator_filter.addItem(self.tr("すべての指標"), -1)
        for i, (_key, label) in enumerate(INDICATORS):
            self.indicator_filter.addItem(self.tr("「{0}」が未").format(vocab_label(label)), i)
        self.indicator_filter.currentIndexChanged.connect(self._apply_filter)
        filters.addWidget(QLabel(self.tr("絞り込み:")))
        filters.addWidget(self.search, 2)
        filters.addWidget(self.step_filter, 1)
        filters.addWidget(self.indicator_filter, 1)
        layout.addLayout(filters)

        self.model = TownsModel(self)
        self.table = QTableView()
        self.table.setAccessibleName(self.tr("市町村一覧"))
        self.table.setModel(self.model)
        self.table.setSortingEnabled(True)
        self.table.sortByColumn(0, Qt.SortOrder.AscendingOrder)
        self.table.setSelectionBehavior(QTableView.SelectionBehavior.SelectRows)
        self.table.setEditTriggers(QTableView.EditTrigger.NoEditTriggers)
        self.table.verticalHeader().setVisible(False)
        self.table.setWordWrap(False)
        self.table.setItemDelegateForColumn(PROGRESS, StepBars(self.table))
        header = self.table.horizontalHeader()
        # The sort arrow would widen all 14 columns past the window; the order is stated below the table.
        header.setSortIndicatorShown(False)
        header.sortIndicatorChanged.connect(lambda _col, _order: self._update_count())
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        header.setDefaultAlignment(Qt.AlignmentFlag.AlignCenter)
        layout.addWidget(self.table, 1)
        self.count_label = QLabel()
        layout.addWidget(self.count_label)

    def refresh(self) -> None:
        """Reload every town (one grouped read per table, off the UI thread)."""
        self.ctx.ops.query(towns.overview, self.ctx.ws, on_done=self._loaded)

    def _loaded(self, rows: list[towns.TownRow]) -> None:
        self.all_rows = rows
        self._apply_filter()

    def visible_rows(self) -> list[towns.TownRow]:
        """The towns that pass the filters."""
        text = self.search.text().strip()
        step = self.step_filter.currentData()
        indicator = self.indicator_filter.currentData()
        out = []
        for r in self.all_rows:
            if text and text not in r.name and not r.code.startswith(text):
                continue
            if step is not None and step >= 0 and min(r.current_step, STEPS) != step:
                continue
            if indicator is not None and indicator >= 0 and r.indicators[indicator].value:
                continue
            out.append(r)
        return out

    def _apply_filter(self) -> None:
        self.model.set_rows(self.visible_rows())
        self._fit_columns()
        self._update_count()

    def _fit_columns(self) -> None:
        """Column widths from the texts, measured once (Qt's resize-to-contents asks every cell again)."""
        metrics = self.table.fontMetrics()
        bold = QFont(self.table.font())
        bold.setBold(True)
        bold_metrics = QFontMetrics(bold)
        headers = self.model.headers(short=True)
        pad = 2 * self.table.style().pixelMetric(self.table.style().PixelMetric.PM_HeaderMargin) + 4
        for col, header in enumerate(headers):
            width = max(metrics.horizontalAdvance(line) for line in header.split("\n"))
            if col == PROGRESS:
                width = max(width, STEP_BARS_WIDTH)
            else:
                texts = [row[col] for row in self.model._texts]
                width = max([width, *(metrics.horizontalAdvance(t) for t in texts)])
                summary = self.model.data(self.model.index(len(self.model.rows), col))
                if summary:
                    width = max(width, bold_metrics.horizontalAdvance(summary))
            self.table.horizontalHeader().resizeSection(col, width + pad)

    def _update_count(self) -> None:
        header = self.table.horizontalHeader()
        column = self.model.headers()[header.sortIndicatorSection()]
        order = (
            self.tr("昇順") if header.sortIndicatorOrder() == Qt.SortOrder.AscendingOrder else self.tr("降順")
        )
        self.count_label.setText(
            self.tr(
                "{0}団体中 {1}団体を表示　並び順: {2}（{3}）。列の見出しをクリックすると並べ替えます。"
            ).format(len(self.all_rows), len(self.model.rows), column, order)
        )
