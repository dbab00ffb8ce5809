"""A checklist behaves one predictable way: 1–4 set the status, F2 or a double click opens the choice,
a single click only selects, and the detail form stays where it is from one checkpoint to the next."""

from PySide6.QtCore import QPoint, Qt, QTimer
from PySide6.QtWidgets import QAbstractItemView, QApplication, QHeaderView, QStyle

from desktop.services import steps
from desktop.views.steps.checklist import STATUS_COL, TITLE_COL

WAIT_MS = 5000


def editing(view) -> bool:
    return view.tree.state() == QAbstractItemView.State.EditingState


def past_a_double_click(qtbot) -> None:
    """Let Qt's delayed edit-on-click timer (one double-click interval) run out: a later timer fires after it."""
    timer = QTimer()
    timer.setSingleShot(True)
    with qtbot.waitSignal(timer.timeout, timeout=WAIT_MS):
        timer.start(QApplication.doubleClickInterval() + 50)


def click_status(qtbot, view, row: int) -> None:
    rect = view.tree.visualRect(view.tree.model().index(row, STATUS_COL))
    qtbot.mouseClick(view.tree.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())


def test_a_click_on_the_selected_row_only_selects_and_the_next_key_sets_the_status(
    qtbot, step0_checklist, ws
):
    view = step0_checklist
    view.tree.setFocus()
    click_status(qtbot, view, 1)
    qtbot.waitUntil(lambda: view.current() is view.items[1], timeout=WAIT_MS)

    click_status(qtbot, view, 1)  # the row is already selected
    past_a_double_click(qtbot)

    assert not editing(view)
    qtbot.keyClick(view.tree, Qt.Key.Key_2)
    qtbot.waitUntil(lambda: view.items[1].status == "doing", timeout=WAIT_MS)
    assert steps.checklist(ws, 0)[1].status == "doing"
    assert not editing(view)


def test_1_to_4_set_the_status_also_while_the_choice_is_open(qtbot, step0_checklist, ws):
    view = step0_checklist
    view.tree.setFocus()
    view.tree.setCurrentItem(view.tree.topLevelItem(0))

    qtbot.keyClick(view.tree, Qt.Key.Key_F2)
    qtbot.waitUntil(lambda: editing(view), timeout=WAIT_MS)
    editor = QApplication.focusWidget()
    qtbot.keyClick(editor, Qt.Key.Key_3)

    qtbot.waitUntil(lambda: view.items[0].status == "done", timeout=WAIT_MS)
    assert not editing(view)
    assert steps.checklist(ws, 0)[0].status == "done"


def test_a_double_click_opens_the_status_choice(qtbot, step0_checklist, ws):
    view = step0_checklist
    rect = view.tree.visualRect(view.tree.model().index(2, STATUS_COL))

    # What a real double click sends: press, release, double-click (a press), release.
    qtbot.mouseClick(view.tree.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    qtbot.mouseDClick(view.tree.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    qtbot.mouseRelease(view.tree.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())

    qtbot.waitUntil(lambda: editing(view), timeout=WAIT_MS)
    assert QApplication.focusWidget().currentData() == "todo"


def test_the_detail_fields_stay_in_place_from_one_checkpoint_to_the_next(qtbot, step0_checklist, ws):
    view = step0_checklist
    by_length = sorted(range(len(view.items)), key=lambda i: len(view.items[i].checkpoint.why))
    short, long = by_length[0], by_length[-1]
    fields = [view.status, view.assignee, view.done_on, view.evidence, view.note]

    def places(row: int) -> list[QPoint]:
        view.tree.setCurrentItem(view.tree.topLevelItem(row))
        qtbot.waitUntil(lambda: view.why.text() == view.items[row].checkpoint.why, timeout=WAIT_MS)
        view.editor.layout().activate()
        return [w.mapTo(view, QPoint(0, 0)) for w in fields]

    assert places(short) == places(long)


def test_a_title_that_fits_its_column_gets_a_one_line_row(qtbot, step0_checklist):
    tree = step0_checklist.tree
    item = tree.topLevelItem(0)
    title = item.text(TITLE_COL)
    # The column is made just wide enough for the title on one line, as the style draws it.
    margin = tree.style().pixelMetric(QStyle.PixelMetric.PM_FocusFrameHMargin, None, tree) + 1
    fits = tree.fontMetrics().horizontalAdvance(title) + 2 * margin + 2
    line = tree.fontMetrics().lineSpacing()
    header = tree.header()
    header.setSectionResizeMode(TITLE_COL, QHeaderView.ResizeMode.Interactive)
    header.resizeSection(TITLE_COL, fits // 2)
    qtbot.waitUntil(lambda: tree.visualItemRect(item).height() >= 2 * line, timeout=WAIT_MS)  # wrapped

    header.resizeSection(TITLE_COL, fits)

    qtbot.waitUntil(lambda: 0 < tree.visualItemRect(item).height() < 2 * line, timeout=WAIT_MS)
