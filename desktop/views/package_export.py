"""パッケージの作成: write a signed .dxpkg for the prefecture (or a second PC) in the background, with progress.

Also shows this device's key fingerprint, which the receiver compares before approving the key.
"""

from __future__ import annotations

from datetime import date
from pathlib import Path

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import QMessageBox, QWidget

from desktop.services import package_keys, packages
from desktop.views.context import ViewContext
from desktop.views.file_dialogs import ask_save_path


def _inform(parent: QWidget, title: str, text: str) -> None:
    """A message that does not block (the window stays usable, tests need not answer it)."""
    box = QMessageBox(QMessageBox.Icon.Information, title, text, QMessageBox.StandardButton.Ok, parent)
    box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    box.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
    box.open()


def export_package(
    parent: QWidget, ctx: ViewContext, kind: str, path: Path | None = None, *, to: str = "", to_name: str = ""
) -> None:
    """Ask where to save (unless given) and write the package without freezing the window.

    A prefecture's catalog package goes `to` one town (団体コード; `to_name` names it in the file name).
    """
    if path is None:

        def chosen(target: Path) -> None:
            named = target if target.suffix == ".dxpkg" else target.with_name(target.name + ".dxpkg")
            export_package(parent, ctx, kind, named, to=to)

        ask_save_path(
            ctx,
            parent,
            QCoreApplication.translate("PackageExport", "パッケージの保存先"),
            packages.suggested_name(ctx.ws, kind, date.today(), to_name),
            QCoreApplication.translate("PackageExport", "自治体DXナビ パッケージ (*.dxpkg)"),
            chosen,
        )
        return

    def done(result: packages.Exported) -> None:
        text = QCoreApplication.translate(
            "PackageExport", "パッケージを作成しました: {0}（記録 {1}件、添付 {2}件）"
        ).format(result.path, result.records, len(result.documents))
        ctx.say(text)
        hint = QCoreApplication.translate(
            "PackageExport", "受け取る側で署名鍵の承認を求められたら、次の指紋を伝えてください:\n{0}"
        ).format(package_keys.device_fingerprint(ctx.ws))
        _inform(parent, QCoreApplication.translate("PackageExport", "パッケージの作成"), f"{text}\n\n{hint}")

    ctx.ops.long_task(
        packages.export_package,
        ctx.ws,
        kind,
        path,
        to=to,
        title=QCoreApplication.translate("PackageExport", "パッケージを作成しています"),
        uses_store=True,
        on_done=done,
    )


def show_fingerprint(parent: QWidget, ctx: ViewContext) -> None:
    """This device's key fingerprint (made on first use), to read out or compare with the printed one."""

    def shown(fingerprint: str) -> None:
        _inform(
            parent,
            QCoreApplication.translate("PackageExport", "この端末の署名鍵"),
            QCoreApplication.translate(
                "PackageExport",
                "この端末でパッケージに署名する鍵の指紋です。受け取る側は、この指紋と一致することを確かめてから"
                "鍵を承認します（支援ニーズ調書にも印刷されます）。\n\n{0}",
            ).format(fingerprint),
        )

    ctx.ops.query(package_keys.device_fingerprint, ctx.ws, on_done=shown)
