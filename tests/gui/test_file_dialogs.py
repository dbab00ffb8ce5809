"""The save dialog speaks Japanese and opens in the user's documents folder, then in the last folder used."""

import re

import pytest
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication, QFileDialog, QLabel, QPushButton

from desktop.services import settings
from desktop.views.documents_page import DocumentsPage

WAIT_MS = 5000
BUILD_MS = 120_000
ENGLISH_WORD = re.compile(r"[A-Za-z]{3,}")
SUGGESTED = "標準化(20業務)進捗表.xlsx"  # the document's title


@pytest.fixture
def home(tmp_path, monkeypatch):
    """A user whose home has a documents folder, running the app from another (the program's) folder."""
    user = tmp_path / "home"
    (user / "Documents").mkdir(parents=True)
    monkeypatch.setenv("HOME", str(user))
    monkeypatch.setenv("XDG_CONFIG_HOME", str(user / ".config"))
    program = tmp_path / "program"
    program.mkdir()
    monkeypatch.chdir(program)
    return user


def built_sheet(qtbot, ctx) -> DocumentsPage:
    page = DocumentsPage(ctx)
    qtbot.addWidget(page)
    page.resize(1280, 820)
    page.show()
    page.select("tracker", fmt="xlsx")
    page.build()
    qtbot.waitUntil(lambda: not page.is_building() and page.result_path is not None, timeout=BUILD_MS)
    return page


def use_save_dialog(qtbot, open_it, respond):
    """Open the dialog as the user does, let `respond(dialog)` look at it and answer; return what it returned.

    Works whether the dialog blocks or not: the dialog is looked for from the event loop.
    """
    seen: list = []

    def look() -> None:
        dialog = QApplication.activeModalWidget()
        if isinstance(dialog, QFileDialog) and dialog.isVisible():
            seen.append(respond(dialog))
        else:
            QTimer.singleShot(20, look)

    QTimer.singleShot(0, look)
    open_it()
    qtbot.waitUntil(lambda: bool(seen), timeout=WAIT_MS)
    return seen[0]


def save_into(folder):
    def respond(dialog: QFileDialog):
        where = dialog.directory().absolutePath()
        texts = [w.text() for w in dialog.findChildren(QLabel) if w.isVisible()]
        texts += [w.text() for w in dialog.findChildren(QPushButton) if w.isVisible()]
        dialog.setDirectory(str(folder))
        dialog.accept()  # under the suggested name
        return where, texts

    return respond


def test_the_save_dialog_is_in_japanese_and_opens_in_the_documents_folder(qtbot, ctx, home):
    page = built_sheet(qtbot, ctx)
    target = home / "Documents"

    where, texts = use_save_dialog(qtbot, page.save_as, save_into(target))

    assert where == str(target)  # not the program's folder
    assert "場所(&I):" in texts and "ファイルの種類(&T):" in texts and "保存(&S)" in texts
    assert [t for t in texts if ENGLISH_WORD.search(t.replace("Excel", ""))] == []
    qtbot.waitUntil(lambda: (target / SUGGESTED).is_file(), timeout=WAIT_MS)


def test_the_next_save_opens_in_the_folder_used_last(qtbot, ctx, home, tmp_path):
    page = built_sheet(qtbot, ctx)
    reports = tmp_path / "報告"
    reports.mkdir()
    use_save_dialog(qtbot, page.save_as, save_into(reports))
    qtbot.waitUntil(lambda: settings.get(ctx.ws.store, "save_folder") == str(reports), timeout=WAIT_MS)

    def cancel(dialog: QFileDialog) -> str:
        where = dialog.directory().absolutePath()
        dialog.reject()
        return where

    assert use_save_dialog(qtbot, page.save_as, cancel) == str(reports)
    assert (reports / SUGGESTED).is_file()
