"""Messages shown before the main window exists: why the data folder cannot be used, and start-up warnings.

They are shown before the store is open, so app.py installs the UI language first (from --lang, else the
language setting read without opening the store). Every text here is translated, the button says 閉じる in our
own words (Qt's Japanese catalogue leaves 「OK」 in English), and no exception text reaches the user: the
details go to the log.
"""

from __future__ import annotations

import logging
from pathlib import Path

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QMessageBox, QWidget

from desktop.services.maintenance import why_not_opened

log = logging.getLogger(__name__)


def show(text: str, *, warning: bool = False, parent: QWidget | None = None) -> None:
    """A start-up message box in the UI language with one 閉じる button."""
    box = QMessageBox(
        QMessageBox.Icon.Warning if warning else QMessageBox.Icon.Critical,
        QCoreApplication.translate("StartupMessages", "自治体DXナビ"),
        text,
        QMessageBox.StandardButton.NoButton,
        parent,
    )
    box.setObjectName("startup_message")
    close = box.addButton(
        QCoreApplication.translate("StartupMessages", "閉じる"), QMessageBox.ButtonRole.AcceptRole
    )
    box.setDefaultButton(close)
    box.setEscapeButton(close)
    box.exec()


def cannot_open(exc: BaseException, data_dir: Path) -> str:
    """Why the data folder could not be opened and what to do, in the UI language (the error is logged)."""
    log.error("the data folder %s could not be opened", data_dir, exc_info=exc)
    return folder_problem(why_not_opened(exc), data_dir)


def folder_problem(reason: str, data_dir: Path) -> str:
    """The message for a `reason` of services.maintenance.why_not_opened."""
    folder = str(data_dir)
    if reason == "locked":
        return QCoreApplication.translate(
            "StartupMessages",
            "このデータフォルダ（{0}）は別の自治体DXナビで使用中です。もう一方のウィンドウを閉じてから起動してください。",
        ).format(folder)
    if reason == "full":
        return QCoreApplication.translate(
            "StartupMessages",
            "データフォルダ（{0}）を開けませんでした。ディスクの空き容量が足りません。これまでに保存したデータは"
            "壊れていません。不要なファイルを削除するなどして空き容量を確保してから、もう一度起動してください。",
        ).format(folder)
    if reason == "read_only":
        return QCoreApplication.translate(
            "StartupMessages",
            "データフォルダ（{0}）を作成または変更できませんでした。フォルダが読み取り専用か、書き込む権限が"
            "ありません。フォルダの設定を確認するか、書き込めるフォルダを指定してください。",
        ).format(folder)
    if reason == "damaged":
        return QCoreApplication.translate(
            "StartupMessages",
            "データファイルが壊れているため開けません（{0}）。バックアップもありません。壊れたファイルは削除せず、"
            "別の場所にコピーして保管してください。",
        ).format(folder)
    if reason == "too_new":
        return QCoreApplication.translate(
            "StartupMessages",
            "このデータは新しいバージョンの自治体DXナビで作成されています（{0}）。アプリを最新版に更新してから"
            "開いてください。",
        ).format(folder)
    if reason == "restore_failed":
        return QCoreApplication.translate(
            "StartupMessages",
            "選んだバックアップから復元できませんでした。データフォルダ（{0}）は元のままです。別のバックアップを"
            "選ぶか、「dxnavi backup --list」で一覧を確かめてください。",
        ).format(folder)
    return QCoreApplication.translate(
        "StartupMessages",
        "データフォルダ（{0}）を開けませんでした。場所がフォルダであること、そのフォルダを使えることを確かめるか、"
        "別のフォルダを指定してください。",
    ).format(folder)


def read_only_folder(data_dir: Path, sound: bool) -> str:
    """The data folder cannot be written: it was read and checked only; `sound` is the check's verdict."""
    lines = [
        QCoreApplication.translate(
            "StartupMessages",
            "データフォルダ（{0}）は読み取り専用です（書き込む権限がないか、読み取り専用の媒体です）。"
            "このままでは入力を保存できないため、アプリを起動しません。",
        ).format(str(data_dir))
    ]
    if sound:
        lines.append(
            QCoreApplication.translate(
                "StartupMessages", "データは読み取って点検しました。問題はありません。何も変更していません。"
            )
        )
    else:
        lines.append(
            QCoreApplication.translate(
                "StartupMessages",
                "データを読み取って点検したところ、問題が見つかりました（「dxnavi check」で詳しく確かめられます）。"
                "何も変更していません。",
            )
        )
    lines.append(
        QCoreApplication.translate(
            "StartupMessages",
            "フォルダに書き込めるようにする（権限は情報システム担当に依頼してください）か、フォルダごと書き込める"
            "場所にコピーし、コピー先を --data-dir（または環境変数 DXNAVI_HOME）で指定して起動してください。",
        )
    )
    return "\n\n".join(lines)
