"""The main window: a thin shell hosting the navigator, the pages and the status bar."""

from PySide6.QtCore import QSize, Qt, QTimer
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import (
    QApplication,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QMainWindow,
    QPushButton,
    QStackedWidget,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QWidget,
)

from desktop import __version__
from desktop.services import municipality, settings
from desktop.views import window_placement
from desktop.views.context import ViewContext
from desktop.views.menus import build_menus
from desktop.views.navigation import MUNICIPALITY_PAGES, NavEntry
from desktop.views.page import Page
from desktop.views.style import ACCENT, NAV_WIDTH
from desktop.views.sync_controller import SyncController

UNDO_VISIBLE_MS = 15000
NAV_PAD_X, NAV_MARK = 12, 4
NAV_STYLE = (
    "QListWidget#navigator { border: none; outline: 0; background: palette(alternate-base); padding-top: 6px; }"
    f"QListWidget#navigator::item {{ padding: 9px {NAV_PAD_X}px; border-left: {NAV_MARK}px solid transparent; }}"
    f"QListWidget#navigator::item:selected {{ border-left: 4px solid {ACCENT}; background: palette(base);"
    " color: palette(text); font-weight: bold; }"
)


class _NavDelegate(QStyledItemDelegate):
    """Navigator rows as tall as their wrapped label: Qt wraps at the full row width, ignoring the padding."""

    def sizeHint(self, option: QStyleOptionViewItem, index) -> QSize:  # noqa: N802 - Qt override
        """The size of the label wrapped inside the padding."""
        narrower = QStyleOptionViewItem(option)
        narrower.rect.setWidth(option.rect.width() - 2 * NAV_PAD_X - NAV_MARK)
        return super().sizeHint(narrower, index)


class MainWindow(QMainWindow):
    """Navigator on the left, the current page on the right, sync/save state below."""

    def __init__(
        self,
        ctx: ViewContext,
        title: str,
        entries: tuple[NavEntry, ...] = MUNICIPALITY_PAGES,
        *,
        auto_sync: bool = True,
        placement: str = "",
    ):
        super().__init__()
        self.ctx = ctx
        self.entries = entries
        self.pages: dict[str, Page] = {}
        self.show_title(title)

        self.nav = QListWidget()
        self.nav.setFixedWidth(NAV_WIDTH)
        self.nav.setAccessibleName(self.tr("ナビゲーター"))
        self.nav.setObjectName("navigator")
        self.nav.setStyleSheet(NAV_STYLE)
        self.nav.setWordWrap(True)
        self.nav.setItemDelegate(_NavDelegate(self.nav))
        self.nav.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        for e in entries:
            self.nav.addItem(e.title())
        self.stack = QStackedWidget()
        body = QWidget()
        layout = QHBoxLayout(body)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(0)
        layout.addWidget(self.nav)
        layout.addWidget(self.stack, 1)
        self.setCentralWidget(body)
        self.nav.currentRowChanged.connect(self.show_page_at)

        self.sync = ctx.sync = SyncController(ctx, self, auto=auto_sync)
        self._build_status_bar()
        build_menus(self, ctx)
        ctx.ops.saved.connect(self._saved)
        self.sync.changed.connect(self.refresh_sync_state)
        ctx.ops.changed.connect(self._data_changed)
        self._data_changed(frozenset({"municipality"}))
        ctx.notices.message.connect(lambda text: self.statusBar().showMessage(text, 8000))
        ctx.notices.undo_offered.connect(self._offer_undo)
        self.nav.setCurrentRow(0)
        self.refresh_sync_state()
        window_placement.restore(self, placement)  # where it was left, if still on a screen; else fitted

    # -- pages ----------------------------------------------------------------------------------------------
    def show_page(self, key: str) -> Page:
        """Open a page by key (building it the first time)."""
        index = next(i for i, e in enumerate(self.entries) if e.key == key)
        self.nav.setCurrentRow(index)
        return self.pages[key]

    def rebuild_pages(self) -> None:
        """Recreate every page (after the font size changed, so headings and forms scale with it)."""
        self.commit_editing()
        # Style sheets stop the application font from propagating, so hand it down explicitly.
        self.setFont(QApplication.font())
        self.nav.setFont(QApplication.font())
        for page in self.pages.values():
            self.stack.removeWidget(page)
            page.deleteLater()
        self.pages.clear()
        self.show_page_at(max(self.nav.currentRow(), 0))

    def show_page_at(self, row: int) -> None:
        """Navigator selection changed."""
        entry = self.entries[row]
        if entry.key not in self.pages:
            page = entry.build(self.ctx)
            self.pages[entry.key] = page
            self.stack.addWidget(page)
        self.stack.setCurrentWidget(self.pages[entry.key])

    def _data_changed(self, kinds: frozenset) -> None:
        if kinds & {"municipality", "*"}:
            self.ctx.ops.query(municipality.get_municipality, self.ctx.ws, on_done=self.show_municipality)

    def show_municipality(self, muni) -> None:
        """Title and menu follow the municipality whose data is open (the demo offers a way out)."""
        self.show_title(muni.name)
        self.leave_demo_action.setVisible(bool(muni.is_demo))

    def leave_demo(self) -> None:
        """「デモを終了して自分の団体を登録」 (menu and the home page's demo banner)."""
        from desktop.views.demo_exit import leave_demo

        leave_demo(self)

    def show_title(self, name: str) -> None:
        """The window title names the municipality whose data is open."""
        self.setWindowTitle(self.tr("自治体DXナビ — {0}").format(name))

    # -- status bar -----------------------------------------------------------------------------------------
    def _build_status_bar(self) -> None:
        bar = self.statusBar()
        self.sync_label = QLabel(self.tr("未接続"))
        self.sync_label.setAccessibleName(self.tr("同期の状態"))
        self.conflicts_button = QPushButton()
        self.conflicts_button.setFlat(True)
        self.conflicts_button.setStyleSheet("color: #b3261e; font-weight: bold;")
        self.conflicts_button.setAccessibleName(self.tr("同期の競合"))
        self.conflicts_button.setVisible(False)
        self.conflicts_button.clicked.connect(self.show_conflicts)
        self.saved_label = QLabel("")
        self.undo_button = QPushButton(self.tr("元に戻す"))
        self.undo_button.setVisible(False)
        self.undo_button.clicked.connect(self.undo_last)
        self._undo = None
        self._undo_timer = QTimer(self)
        self._undo_timer.setSingleShot(True)
        self._undo_timer.timeout.connect(self._clear_undo)
        bar.addPermanentWidget(self.undo_button)
        bar.addPermanentWidget(self.saved_label)
        bar.addPermanentWidget(self.conflicts_button)
        bar.addPermanentWidget(self.sync_label)
        undo_action = QAction(self.tr("元に戻す"), self)
        undo_action.setShortcut(QKeySequence.StandardKey.Undo)
        undo_action.triggered.connect(self.undo_last)
        self.addAction(undo_action)
        bar.showMessage(self.tr("自治体DXナビ {0}").format(__version__), 4000)

    def _saved(self) -> None:
        saved_at = self.ctx.ws.now().astimezone()  # the store's clock, shown in this PC's time
        self.saved_label.setText(self.tr("保存済 {0}").format(saved_at.strftime("%H:%M:%S")))

    def refresh_sync_state(self) -> None:
        """Status bar: what is known about sync (未接続 / 同期中 / 同期済 HH:MM / 同期エラー, 未送信, 競合)."""
        self.sync_label.setText(self.sync.state_text())
        count = self.sync.conflict_count()
        self.conflicts_button.setText(self.tr("競合 {0}件").format(count))
        self.conflicts_button.setVisible(count > 0)

    def show_conflicts(self) -> None:
        """Open the conflict dialog (競合 n件 in the status bar, or the 同期 page)."""
        from desktop.views.conflict_dialog import ConflictDialog

        ConflictDialog(self.ctx, self).open()

    def _offer_undo(self, text: str, undo) -> None:
        self._undo = undo
        self.statusBar().showMessage(self.tr("{0}（Ctrl+Z で元に戻せます）").format(text), UNDO_VISIBLE_MS)
        self.undo_button.setVisible(True)
        self._undo_timer.start(UNDO_VISIBLE_MS)

    def _clear_undo(self) -> None:
        self._undo = None
        self.undo_button.setVisible(False)

    def undo_last(self) -> None:
        """Undo the last destructive edit, if one is on offer."""
        if self._undo is not None:
            undo, self._undo = self._undo, None
            self.undo_button.setVisible(False)
            undo()
            self.statusBar().showMessage(self.tr("元に戻しました。"), 4000)

    def closeEvent(self, event) -> None:  # noqa: N802 - Qt override
        """The ordered end: commit the field being edited, keep the window's place, let background work finish.

        Only then does the window close and the app go on to close the store.
        """
        self.commit_editing()
        self.ctx.ops.edit(settings.put, self.ctx.ws.store, "window_geometry", window_placement.saved(self))
        self.ctx.ops.shutdown()
        super().closeEvent(event)

    def commit_editing(self) -> None:
        """Save the field being edited (fields commit when they lose the focus)."""
        focus = self.focusWidget()
        if focus is not None:
            focus.clearFocus()
