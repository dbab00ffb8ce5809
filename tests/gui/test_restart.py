"""An edit made in the real main window survives closing the window and the store and opening them again."""

from PySide6.QtCore import Qt

from desktop.models import StandardizationSystem
from desktop.operations import Operations
from desktop.services import records
from desktop.services.municipality import get_municipality, init_municipality
from desktop.services.workspace import Workspace
from desktop.store import Store
from desktop.views.context import ViewContext
from desktop.views.main_window import MainWindow
from desktop.views.standardization_model import COL


def open_window(qtbot, store: Store) -> MainWindow:
    """What desktop.app does after first run: a workspace, operations and the main window."""
    ws = Workspace(store)
    window = MainWindow(ViewContext(Operations(), ws), get_municipality(ws).name)
    window.ctx.ops.parent_widget = window
    qtbot.addWidget(window)
    window.show()
    return window


def open_tracker(qtbot, window: MainWindow):
    page = window.show_page("standardization")
    qtbot.waitUntil(lambda: page.model.rowCount() == 20, timeout=5000)
    return page


def test_tracker_edit_is_kept_after_restart(open_store, qtbot, data_dir):
    store = open_store(data_dir)
    try:
        init_municipality(store, "182079", "鯖江市")
        window = open_window(qtbot, store)
        qtbot.waitUntil(lambda: len(window.pages["home"].step_buttons) == 4, timeout=5000)  # home opens first
        page = open_tracker(qtbot, window)

        # Keyboard: go to 事業者 of 住民基本台帳, type, Enter; then choose a phase.
        page.table.setFocus()
        page.table.setCurrentIndex(page.model.index(0, COL["vendor"]))
        qtbot.keyClick(page.table, Qt.Key.Key_Return)
        editor = page.table.indexWidget(page.model.index(0, COL["vendor"]))
        editor.setText("株式会社鯖江情報システム")
        qtbot.keyClick(editor, Qt.Key.Key_Return)
        page.model.setData(page.model.index(0, COL["phase_key"]), "data_migration")
        qtbot.waitUntil(lambda: page.model.index(0, COL["phase_key"]).data() == "⑨データ移行", timeout=5000)
        qtbot.waitUntil(lambda: "保存済" in window.saved_label.text(), timeout=5000)
        window.close()
    finally:
        store.close()

    store = open_store(data_dir)
    try:
        ws = Workspace(store)
        kept = records.find(ws, StandardizationSystem, business_key="jumin_kihon_daicho")
        assert [(s.vendor, s.phase_key) for s in kept] == [("株式会社鯖江情報システム", "data_migration")]
        assert len(records.find(ws, StandardizationSystem)) == 20  # rows are created once, not again

        window = open_window(qtbot, store)
        page = open_tracker(qtbot, window)
        assert page.model.index(0, COL["vendor"]).data() == "株式会社鯖江情報システム"
        assert page.model.index(0, COL["phase_key"]).data() == "⑨データ移行"
        window.close()
    finally:
        store.close()
