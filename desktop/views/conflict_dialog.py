"""同期の競合: each field changed here and elsewhere, mine and theirs side by side, settled by a person.

Nothing is resolved silently: keep mine, keep theirs, or write the value to keep. An edit against a delete is
shown the same way (the record on one side, 削除 on the other). The answer goes to the hub with the next sync.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QPlainTextEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from desktop.models import ENTITY_BY_KIND
from desktop.models.rules import label
from desktop.services import sync
from desktop.services.sync import ConflictItem
from desktop.views.context import ViewContext
from desktop.views.locale import vocab_label
from desktop.views.style import SPACING

ALL_KINDS = frozenset(ENTITY_BY_KIND)


class ConflictDialog(QDialog):
    """The list of open conflicts and the chosen one's two sides."""

    def __init__(self, ctx: ViewContext, parent: QWidget | None = None):
        super().__init__(parent)
        self.ctx = ctx
        self.items: list[ConflictItem] = []
        self.setWindowTitle(self.tr("同期の競合"))
        self.resize(980, 560)

        intro = QLabel(
            self.tr(
                "同じ項目がこの端末と他の端末（またはハブ）の両方で変更されました。"
                "項目ごとに残す内容を選んでください。選んだ内容は次の同期でハブに送られます。"
            )
        )
        intro.setWordWrap(True)
        self.list = QListWidget()
        self.list.setAccessibleName(self.tr("競合の一覧"))
        self.list.currentRowChanged.connect(self._show)
        self.empty = QLabel(self.tr("競合はありません。"))

        self.heading = QLabel()
        self.heading.setWordWrap(True)
        self.heading.setStyleSheet("font-weight: bold;")
        self.mine = self._side(self.tr("この端末の内容"))
        self.theirs = self._side(self.tr("ハブの内容（他の端末）"))
        self.base = QLabel()
        self.base.setWordWrap(True)
        self.edited = QPlainTextEdit()
        self.edited.setAccessibleName(self.tr("決める内容"))
        self.edited.setPlaceholderText(self.tr("残す内容を入力して「この内容で決める」を押します"))
        self.keep_mine = QPushButton(self.tr("この端末の内容を残す(&M)"))
        self.keep_theirs = QPushButton(self.tr("ハブの内容を残す(&T)"))
        self.keep_edited = QPushButton(self.tr("この内容で決める(&E)"))
        self.keep_mine.clicked.connect(lambda: self._resolve("mine"))
        self.keep_theirs.clicked.connect(lambda: self._resolve("theirs"))
        self.keep_edited.clicked.connect(lambda: self._resolve("edit", self.edited.toPlainText()))

        sides = QGridLayout()
        sides.setSpacing(SPACING)
        for column, (title, box) in enumerate((self.mine, self.theirs)):
            sides.addWidget(title, 0, column)
            sides.addWidget(box, 1, column)
        sides.addWidget(self.keep_mine, 2, 0)
        sides.addWidget(self.keep_theirs, 2, 1)
        detail = QVBoxLayout()
        detail.addWidget(self.heading)
        detail.addLayout(sides, 1)
        detail.addWidget(self.base)
        detail.addWidget(QLabel(self.tr("編集して決める")))
        detail.addWidget(self.edited)
        detail.addWidget(self.keep_edited, 0, Qt.AlignmentFlag.AlignRight)
        self.detail = QWidget()
        self.detail.setLayout(detail)

        body = QHBoxLayout()
        left = QVBoxLayout()
        left.addWidget(self.list, 1)
        left.addWidget(self.empty)
        body.addLayout(left, 1)
        body.addWidget(self.detail, 2)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        buttons.button(QDialogButtonBox.StandardButton.Close).setText(self.tr("閉じる"))
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addLayout(body, 1)
        layout.addWidget(buttons)
        self.reload()

    def _side(self, title: str) -> tuple[QLabel, QPlainTextEdit]:
        box = QPlainTextEdit()
        box.setReadOnly(True)
        box.setAccessibleName(title)
        return QLabel(title), box

    def reload(self) -> None:
        self.ctx.ops.query(sync.conflicts, self.ctx.ws, on_done=self._fill)

    def _fill(self, items: list[ConflictItem]) -> None:
        self.items = items
        self.list.clear()
        for c in items:
            QListWidgetItem(f"{vocab_label(c.kind_label)}「{c.record_title}」— {c.field_label}", self.list)
        self.empty.setVisible(not items)
        self.detail.setEnabled(bool(items))
        if items:
            self.list.setCurrentRow(0)
        else:
            self.heading.setText("")
            for _title, box in (self.mine, self.theirs):
                box.setPlainText("")
            self.edited.setPlainText("")
            self.base.setText("")

    def _show(self, row: int) -> None:
        if not 0 <= row < len(self.items):
            return
        c = self.items[row]
        self.heading.setText(
            self.tr("{0}「{1}」の「{2}」").format(c.kind_label, c.record_title, c.field_label)
        )
        if c.edit_vs_delete:
            record = self._record_text(c.kind, c.mine_record)
            deleted_here, deleted_there = bool(c.mine), bool(c.theirs)
            self.mine[1].setPlainText(self.tr("（この端末では削除しました）") if deleted_here else record)
            self.theirs[1].setPlainText(
                self.tr("（他の端末で削除されました）")
                if deleted_there
                else self.tr("（他の端末で編集されました）")
            )
            self.base.setText(self.tr("一方で削除し、もう一方で編集しました。残す側を選んでください。"))
        else:
            self.mine[1].setPlainText(self._value(c.mine))
            self.theirs[1].setPlainText(self._value(c.theirs))
            self.base.setText(self.tr("変更前の内容: {0}").format(self._value(c.base)))
            self.edited.setPlainText("" if c.mine is None else str(c.mine))
        self.edited.setEnabled(not c.edit_vs_delete)
        self.keep_edited.setEnabled(not c.edit_vs_delete)

    def _value(self, value: Any) -> str:
        if value is None or value == "":
            return self.tr("（空欄）")
        if isinstance(value, bool):
            return self.tr("はい") if value else self.tr("いいえ")
        return str(value)

    def _record_text(self, kind: str, fields: dict[str, Any]) -> str:
        return "\n".join(
            f"{label(kind, k)}: {self._value(v)}" for k, v in fields.items() if v not in (None, "")
        )

    def _resolve(self, keep: str, value: Any = None) -> None:
        row = self.list.currentRow()
        if not 0 <= row < len(self.items):
            return
        self.ctx.ops.edit(
            sync.resolve,
            self.ctx.ws,
            self.items[row].id,
            keep,
            value,
            changes=ALL_KINDS,
            on_done=lambda _r: self.reload(),
        )
