"""ホーム: progress of ステップ0–3, what to do next, national deadlines and the 標準化 summary."""

from __future__ import annotations

from PySide6.QtCore import QSize, Qt
from PySide6.QtGui import QFont
from PySide6.QtWidgets import (
    QApplication,
    QBoxLayout,
    QFrame,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QLayout,
    QProgressBar,
    QPushButton,
    QSizePolicy,
    QVBoxLayout,
    QWidget,
)

from desktop.content.catalog import Checkpoint
from desktop.models import wareki
from desktop.services import home, steps
from desktop.services.standardization import TrackerSummary
from desktop.views.context import ViewContext
from desktop.views.locale import checkpoint_title, step_title
from desktop.views.page import Page, page_layout, scrolling
from desktop.views.style import ACCENT, MARGIN, SECTION_GAP, SPACING, STATUS_COLORS, heading, hint

OVERDUE_COLOR = "#c62828"
SOON_COLOR = "#e65100"
SOON_DAYS = 90
DEMO_TEXT_COLOR = "#e65100"
DEMO_BANNER_STYLE = (
    "QFrame#demo_banner { background: #fff3e0; border: 1px solid #ffcc80; border-radius: 4px; }"
)
CARD_STYLE = "QFrame#card { background: palette(base); border: 1px solid palette(mid); border-radius: 6px; }"


def step_key(number: int) -> str:
    """Navigator key of a step page."""
    return f"step{number}"


def clear(layout: QLayout) -> None:
    """Remove and delete every widget of a layout (sections are rebuilt on each refresh)."""
    while layout.count():
        item = layout.takeAt(0)
        widget = item.widget()
        if widget is not None:
            widget.hide()
            widget.deleteLater()
        elif item.layout() is not None:
            clear(item.layout())


def scaled(label: QLabel, factor: float, bold: bool = True) -> QLabel:
    """Scale a label's font from the application font (so the font-size setting still applies)."""
    font = QFont(label.font())
    font.setPointSizeF(font.pointSizeF() * factor)
    font.setBold(bold)
    label.setFont(font)
    return label


class Card(QFrame):
    """A titled, framed section of the home page."""

    def __init__(self, title: str, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("card")
        self.setStyleSheet(CARD_STYLE)
        outer = QVBoxLayout(self)
        outer.setContentsMargins(SECTION_GAP, SPACING * 2, SECTION_GAP, SECTION_GAP)
        outer.setSpacing(SPACING)
        header = QHBoxLayout()
        header.addWidget(heading(title, level=2))
        header.addStretch()
        self.header = header
        outer.addLayout(header)
        self.body = QVBoxLayout()
        self.body.setSpacing(SPACING)
        outer.addLayout(self.body)
        self.setAccessibleName(title)


class StepButton(QPushButton):
    """A step's progress bar that opens the step page when pressed (mouse, Enter or Space)."""

    def __init__(self, progress: steps.StepProgress, parent: QWidget | None = None):
        super().__init__(parent)
        self.number = progress.number
        self.setCursor(Qt.CursorShape.PointingHandCursor)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Minimum)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(SPACING * 2, SPACING + SPACING // 2, SPACING * 2, SPACING + SPACING // 2)
        layout.setSpacing(SPACING // 2 + 2)
        number = QLabel(self.tr("ステップ{0}").format(progress.number))
        number.setStyleSheet(f"color: {ACCENT};")
        scaled(number, 0.95)
        name = step_title(progress.number, progress.title)
        title = scaled(QLabel(name), 1.05)
        title.setWordWrap(True)
        bar = QProgressBar()
        bar.setRange(0, max(progress.applicable, 1))
        bar.setValue(progress.done if progress.applicable else 1)
        bar.setTextVisible(False)
        bar.setFixedHeight(10)
        color = (
            STATUS_COLORS["done"] if progress.applicable and progress.done == progress.applicable else ACCENT
        )
        bar.setStyleSheet(
            "QProgressBar { border: none; border-radius: 5px; background: palette(midlight); }"
            f"QProgressBar::chunk {{ border-radius: 5px; background: {color}; }}"
        )
        count = QLabel(self.tr("完了 {0} / {1}").format(progress.done, progress.applicable))
        scaled(count, 1.0)
        doing = QLabel(self.tr("対応中 {0}").format(progress.doing) if progress.doing else "")
        doing.setStyleSheet(f"color: {STATUS_COLORS['doing']};")
        counts = QHBoxLayout()
        counts.addWidget(count)
        counts.addStretch()
        counts.addWidget(doing)
        for w in (number, title, bar):
            layout.addWidget(w)
        layout.addLayout(counts)
        for w in (number, title, bar, count, doing):
            w.setAttribute(Qt.WidgetAttribute.WA_TransparentForMouseEvents)
        percent = round(progress.ratio * 100)
        self.summary = self.tr("ステップ{0} {1}：完了 {2} / {3}（{4}%）").format(
            progress.number, name, progress.done, progress.applicable, percent
        )
        self.setAccessibleName(self.summary)
        self.setToolTip(
            self.tr("{0}\nクリックまたは Enter でステップの画面を開きます。").format(self.summary)
        )
        self.setMinimumHeight(layout.sizeHint().height())

    def minimumSizeHint(self) -> QSize:  # noqa: N802 - Qt override
        """Wide enough for the counts (a button ignores its child layout): the grid reflows rather than clip."""
        return super().minimumSizeHint().expandedTo(self.layout().minimumSize())


class ActionButton(QPushButton):
    """One next action: the step it belongs to and the checkpoint title; opens the step page."""

    STYLE = (
        "ActionButton { text-align: left; border: 1px solid palette(midlight); border-radius: 4px;"
        " background: palette(base); }"
        "ActionButton:hover { background: palette(alternate-base); }"
        f"ActionButton:focus {{ border: 2px solid {ACCENT}; }}"
    )

    def __init__(self, checkpoint: Checkpoint, parent: QWidget | None = None):
        super().__init__(parent)
        self.step = checkpoint.step
        self.setStyleSheet(self.STYLE)
        self.setCursor(Qt.CursorShape.PointingHandCursor)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Minimum)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(SPACING + 2, SPACING - 2, SPACING + 2, SPACING - 2)
        layout.setSpacing(SPACING + 2)
        chip = QLabel(self.tr("ステップ{0}").format(checkpoint.step))
        chip.setStyleSheet(
            f"color: white; background: {ACCENT}; border-radius: 3px; padding: 1px 6px; border: none;"
        )
        name = checkpoint_title(checkpoint)
        title = QLabel(name)
        title.setWordWrap(True)
        title.setStyleSheet("border: none; background: transparent;")
        arrow = QLabel("›")
        arrow.setStyleSheet(f"color: {ACCENT}; border: none; background: transparent;")
        scaled(arrow, 1.4)
        layout.addWidget(chip, 0, Qt.AlignmentFlag.AlignVCenter)
        layout.addWidget(title, 1)
        layout.addWidget(arrow, 0, Qt.AlignmentFlag.AlignVCenter)
        for w in (chip, title, arrow):
            w.setAttribute(Qt.WidgetAttribute.WA_TransparentForMouseEvents)
        self.setAccessibleName(self.tr("ステップ{0}：{1}").format(checkpoint.step, name))
        self.setToolTip(self.tr("完了の目安: {0}\n\nなぜ: {1}").format(checkpoint.done_when, checkpoint.why))


class HomePage(Page):
    """The first page: where the municipality stands and what to do next."""

    listens = frozenset({"municipality", "checklist_state", "standardization_system", "*"})

    def __init__(self, ctx: ViewContext, parent: QWidget | None = None):
        super().__init__(ctx, parent)
        self.step_buttons: list[StepButton] = []
        self.action_buttons: list[ActionButton] = []
        self.deadline_rows: list[QWidget] = []
        self._step_columns = 4
        outer = QVBoxLayout(self)
        outer.setContentsMargins(0, 0, 0, 0)
        body = QWidget()
        layout = page_layout(body)
        layout.setSpacing(SECTION_GAP)
        self.scroll = scrolling(body)
        outer.addWidget(self.scroll)

        title_row = QVBoxLayout()
        title_row.setSpacing(2)
        self.name_label = heading(self.tr("ホーム"))
        self.sub_label = hint("")
        name_line = QHBoxLayout()
        name_line.addWidget(self.name_label)
        name_line.addStretch()
        self.details_button = QPushButton(self.tr("団体情報を編集(&I)"))
        self.details_button.setToolTip(
            self.tr("団体名・首長の職名・人口・職員数・担当窓口を編集します（文書に印刷されます）。")
        )
        self.details_button.clicked.connect(lambda: self.open_page("municipality"))
        name_line.addWidget(self.details_button, 0, Qt.AlignmentFlag.AlignVCenter)
        title_row.addLayout(name_line)
        title_row.addWidget(self.sub_label)
        layout.addLayout(title_row)

        # The demo banner: what this data is, and the way out of it.
        self.demo_banner = QFrame()
        self.demo_banner.setObjectName("demo_banner")
        self.demo_banner.setStyleSheet(DEMO_BANNER_STYLE)
        banner = QHBoxLayout(self.demo_banner)
        banner.setContentsMargins(SPACING * 2, SPACING, SPACING, SPACING)
        self.demo_label = QLabel(self.tr("デモ団体（架空の団体）のデータを表示しています。"))
        self.demo_label.setWordWrap(True)
        self.demo_label.setStyleSheet(f"color: {DEMO_TEXT_COLOR};")
        self.leave_demo_button = QPushButton(self.tr("デモを終了して自分の団体を登録(&E)"))
        self.leave_demo_button.setToolTip(
            self.tr("デモのデータはバックアップに保存してから消去し、あなたの団体の登録に進みます。")
        )
        self.leave_demo_button.clicked.connect(self.leave_demo)
        banner.addWidget(self.demo_label, 1)
        banner.addWidget(self.leave_demo_button, 0, Qt.AlignmentFlag.AlignVCenter)
        self.demo_banner.setVisible(False)
        layout.addWidget(self.demo_banner)

        self.progress_card = Card(self.tr("自治体DX全体手順書の進捗"))
        self.steps_grid = QGridLayout()
        self.steps_grid.setSpacing(SPACING * 2)
        self.progress_card.body.addLayout(self.steps_grid)
        layout.addWidget(self.progress_card)

        # Left: what to do (next actions, 標準化); right: the national deadlines with their notes.
        columns = self.columns = QBoxLayout(QBoxLayout.Direction.LeftToRight)
        columns.setSpacing(SECTION_GAP)
        left = QVBoxLayout()
        left.setSpacing(SECTION_GAP)
        self.actions_card = Card(self.tr("次に取り組むこと"))
        left.addWidget(self.actions_card)
        self.std_card = Card(self.tr("標準化（20業務）"))
        self.std_button = QPushButton(self.tr("標準化の画面を開く(&S)"))
        self.std_button.clicked.connect(lambda: self.open_page("standardization"))
        self.std_card.header.addWidget(self.std_button)
        self.std_stats = QGridLayout()  # 2 × 2, so the captions never break mid-word
        self.std_stats.setHorizontalSpacing(SECTION_GAP)
        self.std_stats.setVerticalSpacing(SPACING)
        self.std_card.body.addLayout(self.std_stats)
        left.addWidget(self.std_card)
        left.addStretch()
        self.deadlines_card = Card(self.tr("期限"))
        right = QVBoxLayout()
        right.addWidget(self.deadlines_card)
        right.addStretch()
        columns.addLayout(left, 1)
        columns.addLayout(right, 1)
        layout.addLayout(columns)
        layout.addStretch()

    # -- navigation -----------------------------------------------------------------------------------------
    def open_page(self, key: str) -> None:
        """Ask the main window to show another page."""
        window = self.window()
        show = getattr(window, "show_page", None)
        if show is not None:
            show(key)

    def leave_demo(self) -> None:
        """Ask the main window to start 「デモを終了して自分の団体を登録」."""
        start = getattr(self.window(), "leave_demo", None)
        if start is not None:
            start()

    # -- loading ------------------------------------------------------------------------------------------
    def refresh(self) -> None:
        """Recompute the dashboard on the DB worker."""
        self.ctx.ops.query(home.dashboard, self.ctx.ws, on_done=self.show_dashboard)

    def show_dashboard(self, board: home.Dashboard) -> None:
        """Fill every section from a computed dashboard."""
        muni = board.municipality
        self.name_label.setText(muni.name)
        self.name_label.setAccessibleName(muni.name)
        self.sub_label.setText(self.tr("{0}　団体コード {1}").format(muni.prefecture, muni.code))
        self.demo_banner.setVisible(bool(muni.is_demo))
        before = self._focusables()
        has_focus = QApplication.focusWidget()
        focused = before.index(has_focus) if has_focus in before else -1
        self._show_steps(board.progress)
        self._show_actions(board.next_actions)
        self._show_deadlines(board.deadlines)
        self._show_standardization(board.standardization)
        # Sections are rebuilt: put Tab order back to reading order and keep the keyboard user's place.
        chain = self._focusables()
        for a, b in zip(chain, chain[1:], strict=False):
            QWidget.setTabOrder(a, b)
        self._reflow()
        if 0 <= focused < len(chain):
            chain[focused].show()  # new children are shown on the next event-loop turn; focus needs it now
            chain[focused].setFocus()

    def resizeEvent(self, event) -> None:  # noqa: N802 - Qt override
        """Large fonts or a narrow window: stack what no longer fits side by side."""
        super().resizeEvent(event)
        self._reflow()

    def _reflow(self) -> None:
        available = self.scroll.viewport().width() - 2 * MARGIN
        needed = (
            sum(b.minimumSizeHint().width() for b in self.step_buttons) + 3 * SPACING * 2 + 2 * SECTION_GAP
        )
        columns = 4 if needed <= available else 2
        if columns != self._step_columns:
            self._step_columns = columns
            for i, button in enumerate(self.step_buttons):
                self.steps_grid.addWidget(button, i // columns, i % columns)
        left = max(self.actions_card.minimumSizeHint().width(), self.std_card.minimumSizeHint().width())
        side_by_side = left + self.deadlines_card.minimumSizeHint().width() + SECTION_GAP <= available
        direction = QBoxLayout.Direction.LeftToRight if side_by_side else QBoxLayout.Direction.TopToBottom
        if self.columns.direction() != direction:
            self.columns.setDirection(direction)

    def _focusables(self) -> list[QWidget]:
        return [
            self.leave_demo_button,
            self.details_button,
            *self.step_buttons,
            *self.action_buttons,
            self.std_button,
        ]

    def _show_steps(self, progress: list[steps.StepProgress]) -> None:
        clear(self.steps_grid)
        self.step_buttons = []
        for i, p in enumerate(progress):
            button = StepButton(p)
            button.clicked.connect(lambda _checked=False, n=p.number: self.open_page(step_key(n)))
            self.steps_grid.addWidget(button, i // self._step_columns, i % self._step_columns)
            self.step_buttons.append(button)

    def _show_actions(self, actions: list[Checkpoint]) -> None:
        body = self.actions_card.body
        clear(body)
        self.action_buttons = []
        if not actions:
            body.addWidget(QLabel(self.tr("すべてのチェック項目が完了または対象外です。")))
        for cp in actions:
            button = ActionButton(cp)
            button.clicked.connect(lambda _checked=False, n=cp.step: self.open_page(step_key(n)))
            body.addWidget(button)
            self.action_buttons.append(button)
        body.addStretch()

    def _show_deadlines(self, deadlines: list[home.UpcomingDeadline]) -> None:
        body = self.deadlines_card.body
        clear(body)
        self.deadline_rows = []
        upcoming = [d for d in deadlines if d.days_left >= 0]
        passed = sorted((d for d in deadlines if d.days_left < 0), key=lambda d: d.deadline.due, reverse=True)
        for i, item in enumerate(upcoming + passed):
            if i:
                line = QFrame()
                line.setFrameShape(QFrame.Shape.HLine)
                line.setStyleSheet("color: palette(midlight);")
                body.addWidget(line)
            row = self._deadline_row(item)
            body.addWidget(row)
            self.deadline_rows.append(row)
        body.addStretch()

    def _deadline_row(self, item: home.UpcomingDeadline) -> QWidget:
        d = item.deadline
        row = QWidget()
        layout = QVBoxLayout(row)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(2)
        title = scaled(QLabel(d.title), 1.0)
        title.setWordWrap(True)
        when = QHBoxLayout()
        date_label = QLabel(
            self.tr("{0}（{1}年{2}月{3}日）").format(
                wareki.wareki_date(d.due), d.due.year, d.due.month, d.due.day
            )
        )
        date_label.setWordWrap(True)
        if item.days_left < 0:
            left_text, color = self.tr("期限を過ぎています"), OVERDUE_COLOR
        elif item.days_left == 0:
            left_text, color = self.tr("本日が期限です"), OVERDUE_COLOR
        else:
            left_text = self.tr("あと{0}日").format(item.days_left)
            color = SOON_COLOR if item.days_left <= SOON_DAYS else STATUS_COLORS["done"]
        left = scaled(QLabel(left_text), 1.0)
        left.setStyleSheet(f"color: {color};")
        when.addWidget(date_label, 1)  # wraps only when the font is large
        when.addWidget(left, 0, Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignTop)
        note = hint(d.note)
        layout.addWidget(title)
        layout.addLayout(when)
        layout.addWidget(note)
        row.setAccessibleName(f"{d.title} {wareki.wareki_date(d.due)} {left_text}")
        if d.citations:  # primary official documents only; none is better than a weak one (DOMAIN.md §10.6)
            row.setToolTip(self.tr("出典: {0}").format("、".join(d.citations)))
        return row

    def _show_standardization(self, summary: TrackerSummary) -> None:
        clear(self.std_stats)
        tiles = (
            (self.tr("本稼働"), f"{summary.live} / {summary.total}", STATUS_COLORS["done"]),
            (self.tr("特定移行支援システム"), str(summary.specific_support), SOON_COLOR),
            (self.tr("ガバメントクラウド"), str(summary.gov_cloud), ACCENT),
            (self.tr("未着手"), str(summary.not_started), STATUS_COLORS["todo"]),
        )
        for i, (label, value, color) in enumerate(tiles):
            tile = QVBoxLayout()
            tile.setSpacing(0)
            number = scaled(QLabel(value), 1.9)
            number.setStyleSheet(f"color: {color};")
            number.setAccessibleName(f"{label} {value}")
            tile.addWidget(number)
            tile.addWidget(QLabel(label))
            self.std_stats.addLayout(tile, i // 2, i % 2)
