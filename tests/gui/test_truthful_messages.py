"""Nothing the app says is untrue: until sync exists, no message claims that anything reaches the prefecture."""

import importlib.util
import re
from pathlib import Path

from PySide6.QtCore import Qt

from desktop.services import needs
from desktop.views.menus import about_text
from desktop.views.needs import NeedsPage

ROOT = Path(__file__).resolve().parents[2]
_spec = importlib.util.spec_from_file_location("translations", ROOT / "scripts" / "translations.py")
translations = importlib.util.module_from_spec(_spec)
_spec.loader.exec_module(translations)

WAIT_MS = 5000
# Promises that something will reach someone by a sync or package the app cannot make yet. (What did arrive may
# be said: 「…に同期で届きました」 reports data that is there.)
DELIVERY_CLAIMS = re.compile(r"届きます|次回の同期|自動で送")


def test_no_ui_string_promises_delivery_by_a_sync_that_does_not_exist():
    claims = [
        source for _context, source, _text, _kind in translations.messages() if DELIVERY_CLAIMS.search(source)
    ]
    assert claims == []


def test_a_submitted_need_is_recorded_and_the_user_is_told_how_it_reaches_the_prefecture(qtbot, ctx, ws):
    need = needs.create(
        ws, title="PM派遣", purpose="標準化移行の進捗管理", skill_role="project_manager", days_per_month=4
    )
    said: list[str] = []
    ctx.notices.message.connect(said.append)
    page = NeedsPage(ctx)
    qtbot.addWidget(page)
    page.resize(1280, 820)
    page.show()
    qtbot.waitUntil(lambda: page.detail.form.record_id == need.id, timeout=WAIT_MS)
    asked: list[str] = []
    page.confirm = lambda title, question: asked.append(question) or True

    qtbot.mouseClick(page.detail.submit_button, Qt.MouseButton.LeftButton)

    qtbot.waitUntil(lambda: bool(said), timeout=WAIT_MS)
    assert "提出済みとして記録しました" in said[-1]
    assert "同期または支援ニーズ調書の送付" in said[-1]
    assert "同期または支援ニーズ調書の送付" in asked[0]
    assert needs.get(ws, need.id).status == "submitted"


def test_the_about_box_tells_the_same_story_as_the_status_bar():
    text = about_text()
    assert "のみ保存" not in text  # the status bar counts changes 未送信: they are meant to leave this PC
    assert "未送信" in text and "同期を設定するまで" in text
