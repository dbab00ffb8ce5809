"""Save and open dialogs: Qt's own file dialog, labelled in the UI language, opening where the user works.

Every export goes through `ask_save_path`. The platform's dialog is not used: its labels come from the OS,
and Qt's own dialog takes them from Qt's Japanese catalogue, which lacks Qt 6's 「&Look in:」 and 「Files of
&type:」, so those two showed in English. Here every label is set from our own translations. The first save
starts in the user's documents folder (never the program's folder); later ones in the last folder saved to,
which is remembered with the other settings.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QDir, QFileInfo, QSize, QStandardPaths, Qt
from PySide6.QtWidgets import QFileDialog, QFileIconProvider, QSplitter, QTreeView, QWidget

from desktop.services import settings
from desktop.views.context import ViewContext

DIALOG_WIDTH, DIALOG_HEIGHT = 860, 520
SIDEBAR_WIDTH = 170
COLUMN_WIDTHS = (300, 90, 110, 150)  # 名前, サイズ, 種類, 更新日
SAVE_FOLDER = "save_folder"  # the settings key of the last folder a file was saved to


class _FileKinds(QFileIconProvider):
    """The 種類 column in the UI language (Qt's Japanese catalogue has no 「Folder」 or 「PDF File」)."""

    def type(self, info: QFileInfo) -> str:  # noqa: A003 - Qt override
        """フォルダー, or 「PDF ファイル」 by the file's extension."""
        if info.isDir():
            return QCoreApplication.translate("FileDialogs", "フォルダー")
        suffix = info.suffix().upper()
        if not suffix:
            return QCoreApplication.translate("FileDialogs", "ファイル")
        return QCoreApplication.translate("FileDialogs", "{0} ファイル").format(suffix)


def documents_folder() -> Path:
    """The user's documents folder (their home folder when the system has none)."""
    found = QStandardPaths.writableLocation(QStandardPaths.StandardLocation.DocumentsLocation)
    return Path(found) if found and Path(found).is_dir() else Path(QDir.homePath())


def file_dialog(parent: QWidget | None, title: str, start: str, filters: str, save: bool) -> QFileDialog:
    """A window-modal file dialog whose every label is in the UI language."""
    dialog = QFileDialog(parent, title, start, filters)
    dialog.setOption(QFileDialog.Option.DontUseNativeDialog, True)
    dialog.setAcceptMode(QFileDialog.AcceptMode.AcceptSave if save else QFileDialog.AcceptMode.AcceptOpen)
    dialog.setFileMode(QFileDialog.FileMode.AnyFile if save else QFileDialog.FileMode.ExistingFile)
    labels = {
        QFileDialog.DialogLabel.LookIn: QCoreApplication.translate("FileDialogs", "場所(&I):"),
        QFileDialog.DialogLabel.FileName: QCoreApplication.translate("FileDialogs", "ファイル名(&N):"),
        QFileDialog.DialogLabel.FileType: QCoreApplication.translate("FileDialogs", "ファイルの種類(&T):"),
        QFileDialog.DialogLabel.Accept: QCoreApplication.translate("FileDialogs", "保存(&S)")
        if save
        else QCoreApplication.translate("FileDialogs", "開く(&O)"),
        QFileDialog.DialogLabel.Reject: QCoreApplication.translate("FileDialogs", "キャンセル"),
    }
    for label, text in labels.items():
        dialog.setLabelText(label, text)
    dialog.kinds = _FileKinds()  # type: ignore[attr-defined] - the dialog does not own its provider
    dialog.setIconProvider(dialog.kinds)  # type: ignore[attr-defined]
    dialog.setWindowModality(Qt.WindowModality.WindowModal)
    dialog.resize(dialog.sizeHint().expandedTo(QSize(DIALOG_WIDTH, DIALOG_HEIGHT)))
    _widen_columns(dialog)
    dialog.finished.connect(dialog.deleteLater)
    return dialog


def _widen_columns(dialog: QFileDialog) -> None:
    """Room for 「コンピューター」 in the side bar and for the name, 種類 and date of each file."""
    splitter = dialog.findChild(QSplitter)
    if splitter is not None:
        splitter.setSizes([SIDEBAR_WIDTH, DIALOG_WIDTH - SIDEBAR_WIDTH])
    details = dialog.findChild(QTreeView)
    if details is not None:
        for column, width in enumerate(COLUMN_WIDTHS):
            details.header().resizeSection(column, width)


def ask_save_path(
    ctx: ViewContext,
    parent: QWidget,
    title: str,
    file_name: str,
    filters: str,
    on_chosen: Callable[[Path], None],
) -> None:
    """Ask where to save `file_name`; `on_chosen(path)` runs once the user confirms, and the folder is remembered.

    The dialog opens without blocking (window-modal), after the last folder has been read from the settings.
    """

    def open_in(last: str | None) -> None:
        folder = Path(last) if last and Path(last).is_dir() else documents_folder()
        dialog = file_dialog(parent, title, str(folder / file_name), filters, save=True)

        def chosen(path: str) -> None:
            target = Path(path)
            ctx.ops.edit(settings.put, ctx.ws.store, SAVE_FOLDER, str(target.parent))
            on_chosen(target)

        dialog.fileSelected.connect(chosen)
        dialog.open()

    ctx.ops.query(settings.get, ctx.ws.store, SAVE_FOLDER, on_done=open_in)


def ask_open_path(
    parent: QWidget, title: str, folder: Path | str, filters: str, on_chosen: Callable[[Path], None]
) -> None:
    """Ask for an existing file, starting in `folder` (the documents folder when it is missing)."""
    start = Path(folder) if folder and Path(folder).exists() else documents_folder()
    dialog = file_dialog(parent, title, str(start), filters, save=False)
    dialog.fileSelected.connect(lambda path: on_chosen(Path(path)))
    dialog.open()
