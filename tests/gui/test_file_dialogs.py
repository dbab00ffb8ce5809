"""The save dialog speaks Japanese and opens in the user's documents folder, then in the last folder used."""

import re

import pytest
from PySide6.QtWidgets import QFileDialog, QLabel, QPushButton, QWidget

from desktop.services import settings
from desktop.views.documents_page import DocumentsPage
from tests.gui.conftest import use_file_dialog

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

    where, texts = use_file_dialog(qtbot, page.save_as, save_into(target))

    assert where == str(target)  # not the program's folder
    assert "場所(&I):" in texts and "ファイルの種類(&T):" in texts and "保存(&S)" in texts
    assert [t for t in texts if ENGLISH_WORD.search(t.replace("Excel", ""))] == []
    qtbot.waitUntil(lambda: (target / SUGGESTED).is_file(), timeout=WAIT_MS)


def test_the_next_save_opens_in_the_folder_used_last(qtbot, ctx, home, tmp_path):
    page = built_sheet(qtbot, ctx)
    reports = tmp_path / "報告"
    reports.mkdir()
    use_file_dialog(qtbot, page.save_as, save_into(reports))
    qtbot.waitUntil(lambda: settings.get(ctx.ws.store, "save_folder") == str(reports), timeout=WAIT_MS)

    def cancel(dialog: QFileDialog) -> str:
        where = dialog.directory().absolutePath()
        dialog.reject()
        return where

    assert use_file_dialog(qtbot, page.save_as, cancel) == str(reports)
    assert (reports / SUGGESTED).is_file()


def open_package_export(ctx, window):
    from desktop.views.package_export import export_package

    export_package(window, ctx, "needs")


def open_package_import(ctx, window):
    from desktop.views.package_import import import_package

    import_package(window, ctx)


def open_ca_bundle(ctx, window):
    from desktop.views.sync_controller import SyncController
    from desktop.views.sync_page import SyncPage

    ctx.sync = SyncController(ctx, window, auto=False)
    page = SyncPage(ctx)
    page.setParent(window)
    page.show()
    page._browse_ca()


def open_report_save(ctx, window):
    from desktop.views.prefecture.reports import ReportsPage

    ReportsPage(ctx, window).save("progress")


@pytest.mark.parametrize(
    "open_it",
    [open_package_export, open_package_import, open_ca_bundle, open_report_save],
    ids=["package export", "package import", "hub CA certificate", "prefecture report"],
)
def test_every_file_dialog_of_the_app_is_in_japanese(qtbot, ctx, home, open_it):
    window = QWidget()
    qtbot.addWidget(window)
    window.show()

    def look(dialog: QFileDialog) -> list[str]:
        texts = [w.text() for w in dialog.findChildren(QLabel) if w.isVisible()]
        texts += [w.text() for w in dialog.findChildren(QPushButton) if w.isVisible()]
        dialog.reject()
        return texts

    texts = use_file_dialog(qtbot, lambda: open_it(ctx, window), look)
    qtbot.waitUntil(lambda: not window.findChildren(QFileDialog), timeout=WAIT_MS)  # closed and gone

    assert "場所(&I):" in texts and "ファイルの種類(&T):" in texts
    assert [t for t in texts if ENGLISH_WORD.search(t)] == []
