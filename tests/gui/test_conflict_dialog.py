"""The conflict dialog: mine and theirs side by side; an edit against a delete can only be kept or dropped."""

from PySide6.QtCore import Qt

from desktop.models import PlanPriority
from desktop.services import plan, records, sync
from desktop.sync import merge
from desktop.sync.protocol import Record
from desktop.views.conflict_dialog import ConflictDialog
from tests.sync.hub_copies import hub_copy

WAIT_MS = 10000


def arrive(ws, record: Record) -> None:
    with ws.store.write() as s:
        merge.meet(s, record, ws.now(), force=record.version == 1)


def test_a_record_deleted_here_and_edited_elsewhere_is_shown_and_theirs_brings_it_back(qtbot, ctx, ws):
    p = plan.get_or_create_plan(ws)
    prio = plan.add_priority(ws, p.id, title="独自の取組")
    arrive(ws, hub_copy(p, 1))
    arrive(ws, hub_copy(records.get(ws, PlanPriority, prio.id), 1))
    records.delete(ws, PlanPriority, prio.id)
    arrive(ws, hub_copy(prio, 2, overview="他の端末で書いた概要"))

    dialog = ConflictDialog(ctx)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitUntil(lambda: dialog.list.count() == 1, timeout=WAIT_MS)
    assert "削除" in dialog.list.item(0).text()
    assert dialog.mine[1].toPlainText() == "（この端末では削除しました）"
    assert dialog.theirs[1].toPlainText() == "（他の端末で編集されました）"
    assert not dialog.keep_edited.isEnabled()

    qtbot.mouseClick(dialog.keep_theirs, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: dialog.list.count() == 0, timeout=WAIT_MS)
    back = records.get(ws, PlanPriority, prio.id)
    assert (back.deleted, back.overview, back.dirty) == (False, "他の端末で書いた概要", False)
    assert sync.conflicts(ws) == [] and ctx.errors == []
