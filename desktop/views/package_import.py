"""パッケージの取込: choose a .dxpkg, see who sent it and what it would change, approve a new key, apply.

Reading and checking run in the background (operations.long_task); nothing is written until the officer presses
取り込む in the preview, and a sender key not yet approved needs its fingerprint confirmed first (DESIGN.md §5).
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtGui import QFontDatabase
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QGroupBox,
    QLabel,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from desktop.models import ENTITY_BY_KIND
from desktop.services import package_preview, packages
from desktop.views.context import ViewContext
from desktop.views.file_dialogs import ask_open_path
from desktop.views.style import SPACING

WARNING_STYLE = "color: #8a3b00; font-weight: bold;"
MAX_ROWS = 2000  # the table lists at most this many records (the counts cover all of them)


class ImportPreviewDialog(QDialog):
    """Who sent the package, what it would change here, and (for a new key) the fingerprint to confirm."""

    def __init__(self, opened: packages.Opened, parent: QWidget | None = None):
        super().__init__(parent)
        self.opened = opened
        m = opened.manifest
        self.setWindowTitle(self.tr("パッケージの取込"))
        self.setMinimumWidth(720)
        layout = QVBoxLayout(self)
        layout.setSpacing(SPACING)

        attached = "、".join(package_preview.attachment_names(opened.package))  # i18n: data
        about = QFormLayout()
        about.setSpacing(SPACING)
        self.sender = QLabel(f"{m.sender_name}（{m.sender_code}）")
        for label, widget in (
            (self.tr("送信元"), self.sender),
            (self.tr("種類"), QLabel(opened.kind_label)),
            (self.tr("作成日時"), QLabel(package_preview.created_label(m))),
            (self.tr("通番"), QLabel(str(m.sequence))),
            (self.tr("添付文書"), QLabel(attached or self.tr("なし"))),
        ):
            widget.setAccessibleName(label)
            about.addRow(label, widget)
        layout.addLayout(about)

        self.key_box = QGroupBox(self.tr("署名鍵"))
        key_layout = QVBoxLayout(self.key_box)
        self.fingerprint = QLabel(opened.shown_fingerprint)
        self.fingerprint.setFont(QFontDatabase.systemFont(QFontDatabase.SystemFont.FixedFont))
        self.fingerprint.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.fingerprint.setAccessibleName(self.tr("指紋"))
        self.approve = QCheckBox(self.tr("送信元に確認した指紋と一致します。この署名鍵を承認します(&A)"))
        if opened.key_status == "new":
            if opened.from_prefecture:  # a prefecture's fingerprint is in its window, not on a 調書
                check = self.tr(
                    "この送信元の署名鍵はまだ承認されていません。{0}の担当者に電話などで確かめた指紋と、"
                    "次の指紋が一致することを確かめてください。一致しない場合は取り込まないでください。"
                )
            else:
                check = self.tr(
                    "この送信元の署名鍵はまだ承認されていません。{0}の支援ニーズ調書に印刷された指紋"
                    "（または電話などで確かめた指紋）と、次の指紋が一致することを確かめてください。"
                    "一致しない場合は取り込まないでください。"
                )
            note = QLabel(check.format(m.sender_name))
            note.setStyleSheet(WARNING_STYLE)
        else:
            note = QLabel(
                self.tr("承認済みの署名鍵です（{0}）。").format(opened.pinned_name or m.sender_name)
            )
            self.approve.setVisible(False)
        note.setWordWrap(True)
        self.key_note = note
        key_layout.addWidget(note)
        key_layout.addWidget(self.fingerprint)
        key_layout.addWidget(self.approve)
        layout.addWidget(self.key_box)

        self.summary = QLabel(opened.preview.describe())
        self.summary.setWordWrap(True)
        self.summary.setAccessibleName(self.tr("取込の内容"))
        layout.addWidget(self.summary)
        self.table = QTableWidget(0, 3)
        self.table.setHorizontalHeaderLabels([self.tr("結果"), self.tr("記録の種類"), self.tr("内容")])
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.verticalHeader().setVisible(False)
        self.table.horizontalHeader().setStretchLastSection(True)
        rows = package_preview.preview_rows(opened.preview)[:MAX_ROWS]
        self.table.setRowCount(len(rows))
        for r, row in enumerate(rows):
            for c, text in enumerate(row):
                self.table.setItem(r, c, QTableWidgetItem(text))
        self.table.resizeColumnsToContents()
        layout.addWidget(self.table, 1)

        self.buttons = QDialogButtonBox()
        self.import_button = self.buttons.addButton(
            self.tr("取り込む(&I)"), QDialogButtonBox.ButtonRole.AcceptRole
        )
        self.buttons.addButton(QDialogButtonBox.StandardButton.Cancel).setText(self.tr("キャンセル"))
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        layout.addWidget(self.buttons)
        self.approve.toggled.connect(self._update)
        self._update()
        self.resize(820, 620)

    def _update(self) -> None:
        allowed = not self.opened.preview.already_imported and (
            self.opened.key_status == "pinned" or self.approve.isChecked()
        )
        self.import_button.setEnabled(allowed)

    def approved_fingerprint(self) -> str:
        """The fingerprint the officer approved ("" when the key was pinned already)."""
        return self.opened.fingerprint if self.opened.key_status == "new" and self.approve.isChecked() else ""


def import_package(parent: QWidget, ctx: ViewContext, path: Path | None = None) -> None:
    """Choose a package (unless given), preview it, and apply it once the officer agrees."""
    if path is None:
        ask_open_path(
            parent,
            QCoreApplication.translate("PackageImport", "取り込むパッケージを選択"),
            "",
            QCoreApplication.translate("PackageImport", "自治体DXナビ パッケージ (*.dxpkg)"),
            lambda chosen: import_package(parent, ctx, chosen),
        )
        return

    def applied(result: packages.Applied) -> None:
        ctx.ws.forget_owner()
        # Every kind may have changed: each open page reloads what it shows (a list also its shown record).
        ctx.ops.changed.emit(frozenset({*ENTITY_BY_KIND, "*"}))
        text = QCoreApplication.translate("PackageImport", "取り込みました: {0}").format(
            result.preview.describe()
        )
        ctx.say(text)

    def preview(opened: packages.Opened) -> None:
        dialog = ImportPreviewDialog(opened, parent)
        parent._package_dialog = dialog  # kept alive while open; tests find it here

        def accepted() -> None:
            ctx.ops.long_task(
                lambda progress: packages.apply_opened(
                    ctx.ws, opened, approve_key=dialog.approved_fingerprint()
                ),
                title=QCoreApplication.translate("PackageImport", "パッケージを取り込んでいます"),
                uses_store=True,
                on_done=applied,
            )

        dialog.accepted.connect(accepted)
        dialog.open()

    ctx.ops.long_task(
        lambda progress: packages.open_for_import(ctx.ws, path),
        title=QCoreApplication.translate("PackageImport", "パッケージを確認しています"),
        uses_store=True,
        on_done=preview,
    )
