"""The 20業務 tracker: in-place edits are stored at once; bad dates are refused and change nothing."""

from datetime import date

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QComboBox, QLineEdit

from desktop.models import StandardizationSystem
from desktop.operations import Operations
from desktop.services import records
from desktop.views.context import ViewContext
from desktop.views.standardization import StandardizationPage
from desktop.views.standardization_model import COL


@pytest.fixture
def page(qtbot, ws):
    page = StandardizationPage(ViewContext(Operations(), ws))
    qtbot.addWidget(page)
    page.resize(1280, 820)
    page.show()
    qtbot.waitUntil(lambda: page.model.rowCount() == 20, timeout=5000)
    return page


def stored(ws, number: int) -> StandardizationSystem:
    """The stored record of 業務 No. `number` (1 = 住民基本台帳)."""
    from desktop.content import load_catalog

    key = load_catalog().businesses[number - 1].key
    return next(s for s in records.find(ws, StandardizationSystem) if s.business_key == key)


def edit_cell(qtbot, page, row: int, field: str):
    """Move to a cell with the keyboard and open its editor with Enter."""
    index = page.model.index(row, COL[field])
    page.table.setFocus()
    page.table.setCurrentIndex(index)
    qtbot.keyClick(page.table, Qt.Key.Key_Return)
    editor = page.table.indexWidget(index) or page.table.focusWidget()
    assert editor is not None and editor is not page.table
    return editor


def test_header_shows_target_and_summary(page):
    assert page.deadline_label.text() == "標準準拠システムへの移行目標: 令和7年度末（2026年3月31日）"
    assert "本稼働 0 / 20業務" in page.summary_label.text()
    assert page.model.headerData(COL["phase_key"], Qt.Orientation.Horizontal) == "作業段階"
    assert page.model.index(0, COL["business"]).data() == "住民基本台帳"


def test_phase_chosen_with_the_keyboard_is_stored(qtbot, page, ws):
    combo = edit_cell(qtbot, page, 0, "phase_key")
    assert isinstance(combo, QComboBox)
    combo.setCurrentIndex(combo.findText("③標準仕様との比較分析"))
    qtbot.keyClick(combo, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: stored(ws, 1).phase_key == "fit_gap", timeout=5000)
    cell = page.model.index(0, COL["phase_key"])
    qtbot.waitUntil(lambda: cell.data() == "③標準仕様との比較")  # the short name fits the column
    assert (
        cell.data(Qt.ItemDataRole.ToolTipRole) == "③標準仕様との比較分析"
    )  # the full name is one hover away


def test_go_live_phase_counts_in_summary(qtbot, page, ws):
    page.model.setData(page.model.index(4, COL["phase_key"]), "go_live")
    qtbot.waitUntil(lambda: "本稼働 1 / 20業務" in page.summary_label.text(), timeout=5000)
    assert stored(ws, 5).phase_key == "go_live"


def test_bad_date_stays_in_its_cell_marked_with_a_message_and_changes_nothing(qtbot, page, ws):
    editor = edit_cell(qtbot, page, 1, "planned_go_live")
    assert isinstance(editor, QLineEdit)
    editor.setText("令和8年13月1日")
    qtbot.keyClick(editor, Qt.Key.Key_Return)  # the delegate commits on the next event-loop turn
    qtbot.waitUntil(page.message_label.isVisible, timeout=5000)
    assert "読み取れません" in page.message_label.text()
    qtbot.waitUntil(lambda: page.ctx.ops.idle, timeout=5000)
    assert stored(ws, 2).planned_go_live is None
    cell = page.model.index(1, COL["planned_go_live"])
    assert cell.data() == "令和8年13月1日"  # kept, to be corrected
    assert cell.data(Qt.ItemDataRole.BackgroundRole) is not None
    assert "読み取れません" in cell.data(Qt.ItemDataRole.ToolTipRole)

    page.refresh()  # a reload does not wipe it
    qtbot.waitUntil(lambda: page.ctx.ops.idle, timeout=5000)
    assert cell.data() == "令和8年13月1日"

    editor = edit_cell(qtbot, page, 1, "planned_go_live")
    assert editor.text() == "令和8年13月1日"  # corrected where it was typed
    editor.setText("令和8年1月4日")  # before the national target, so the row is not marked late either
    qtbot.keyClick(editor, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: stored(ws, 2).planned_go_live == date(2026, 1, 4), timeout=5000)
    qtbot.waitUntil(lambda: cell.data() == "令和8年1月4日", timeout=5000)
    assert cell.data(Qt.ItemDataRole.BackgroundRole) is None


def test_wareki_and_western_dates_are_stored(qtbot, page, ws):
    editor = edit_cell(qtbot, page, 2, "planned_go_live")
    editor.setText("令和8年1月4日")
    qtbot.keyClick(editor, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: stored(ws, 3).planned_go_live == date(2026, 1, 4), timeout=5000)
    assert not page.message_label.isVisible()
    editor = edit_cell(qtbot, page, 2, "contract_end")
    editor.setText("2027-03-31")
    qtbot.keyClick(editor, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: stored(ws, 3).contract_end == date(2027, 3, 31), timeout=5000)
    qtbot.waitUntil(lambda: page.model.index(2, COL["contract_end"]).data() == "令和9年3月31日")


def test_late_row_is_highlighted_until_flagged_specific_support(qtbot, page, ws):
    page.model.setData(page.model.index(6, COL["planned_go_live"]), "2027-01-04")
    qtbot.waitUntil(lambda: stored(ws, 7).planned_go_live == date(2027, 1, 4), timeout=5000)
    cell = page.model.index(6, COL["business"])
    qtbot.waitUntil(lambda: cell.data(Qt.ItemDataRole.BackgroundRole) is not None)
    assert "特定移行支援システム" in cell.data(Qt.ItemDataRole.ToolTipRole)
    assert "令和7年度末" in cell.data(Qt.ItemDataRole.ToolTipRole)
    qtbot.waitUntil(lambda: "特定移行支援システム未指定） 1" in page.summary_label.text())

    # Space on the check cell flags it, as a keyboard user would.
    page.table.setFocus()
    page.table.setCurrentIndex(page.model.index(6, COL["specific_support"]))
    qtbot.keyClick(page.table, Qt.Key.Key_Space)
    qtbot.waitUntil(lambda: stored(ws, 7).specific_support, timeout=5000)
    qtbot.waitUntil(lambda: cell.data(Qt.ItemDataRole.BackgroundRole) is None)

    combo = edit_cell(qtbot, page, 6, "specific_reason")
    combo.setCurrentIndex(combo.findText("事業者のリソースひっ迫"))
    qtbot.keyClick(combo, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: stored(ws, 7).specific_reason == "vendor_capacity", timeout=5000)


def test_vendor_and_gov_cloud_are_stored(qtbot, page, ws):
    page.model.setData(page.model.index(0, COL["vendor"]), "株式会社サンプル情報")
    page.model.setData(
        page.model.index(0, COL["gov_cloud"]), Qt.CheckState.Checked, Qt.ItemDataRole.CheckStateRole
    )
    qtbot.waitUntil(
        lambda: stored(ws, 1).gov_cloud and stored(ws, 1).vendor == "株式会社サンプル情報", timeout=5000
    )
    qtbot.waitUntil(lambda: "ガバメントクラウド 1" in page.summary_label.text())


def test_a_refresh_while_typing_keeps_what_the_user_typed(qtbot, page, ws):
    editor = edit_cell(qtbot, page, 3, "vendor")
    editor.setText("株式会社テスト")
    page.model.set_rows(list(page.model.rows))  # the reload after an earlier edit arrives mid-typing
    qtbot.keyClick(editor, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: stored(ws, 4).vendor == "株式会社テスト", timeout=5000)
