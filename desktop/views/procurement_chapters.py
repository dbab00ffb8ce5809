"""調達仕様書 本文（ア〜サ）: the 11 chapters in a list, each with its own autosaving text field."""

from __future__ import annotations

from typing import Any

from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QListWidget,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from desktop.content.templates import load_spec_templates
from desktop.models import ProcurementSpec
from desktop.services import procurement
from desktop.views.context import ViewContext
from desktop.views.fields import TextField
from desktop.views.record_form import save_field
from desktop.views.style import SPACING, heading, hint

CHAPTER_LIST_WIDTH = 300


class ChaptersTab(QWidget):
    """One TextField per chapter ア〜サ; a commit replaces that chapter only (merged on the DB worker)."""

    def __init__(self, ctx: ViewContext, parent: QWidget | None = None):
        super().__init__(parent)
        self.ctx = ctx
        self.spec_id: str | None = None
        self.chapters = load_spec_templates().chapters
        self.fields: dict[str, TextField] = {}

        self.list = QListWidget()
        self.list.setAccessibleName(self.tr("章の一覧"))
        self.list.setFixedWidth(CHAPTER_LIST_WIDTH)
        self.list.setWordWrap(True)
        self.stack = QStackedWidget()
        for chapter in self.chapters:
            self.list.addItem(chapter.title)
            pane = QWidget()
            pane_layout = QVBoxLayout(pane)
            pane_layout.setContentsMargins(0, 0, 0, 0)
            pane_layout.setSpacing(SPACING)
            title = heading(chapter.title, level=2)
            title.setWordWrap(True)  # a long chapter name must not widen the window
            pane_layout.addWidget(title)
            covers = hint(self.tr("記載する事項: {0}").format(chapter.covers))
            pane_layout.addWidget(covers)
            field = TextField(
                lines=12, placeholder=self.tr("この章の本文を入力します（1行が1段落になります）。")
            )
            field.setAccessibleName(chapter.title)
            field.committed.connect(lambda text, key=chapter.key: self._commit(key, text))
            self.fields[chapter.key] = field
            pane_layout.addWidget(field, 1)
            pane_layout.addWidget(field.note)
            self.stack.addWidget(pane)
        self.list.currentRowChanged.connect(self._chapter_changed)
        self.list.setCurrentRow(0)
        self.filled = QLabel()
        self.filled.setAccessibleName(self.tr("記入済みの章"))

        left = QVBoxLayout()
        left.addWidget(self.list, 1)
        left.addWidget(self.filled)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(SPACING, SPACING, SPACING, SPACING)
        layout.setSpacing(SPACING * 2)
        layout.addLayout(left)
        layout.addWidget(self.stack, 1)
        self.show_spec(None)

    def _chapter_changed(self, row: int) -> None:
        self.commit_pending()
        self.stack.setCurrentIndex(max(row, 0))

    def field(self, key: str) -> TextField:
        """The text field of chapter `key` (a〜sa)."""
        return self.fields[key]

    def select_chapter(self, key: str) -> None:
        """Show chapter `key`."""
        self.list.setCurrentRow([c.key for c in self.chapters].index(key))

    def show_spec(self, spec: ProcurementSpec | None) -> None:
        """Fill the chapters from a spec (None clears and disables)."""
        self.commit_pending()
        spec_id = None if spec is None else spec.id
        texts: dict[str, Any] = (spec.chapters or {}) if spec is not None else {}
        for key, field in self.fields.items():
            if spec_id != self.spec_id:
                field.start_over()  # a refused text of another spec is not this one's
            field.set_value(texts.get(key, ""))
        self.spec_id = spec_id
        self._update_marks()
        self.setEnabled(spec is not None)

    def commit_pending(self) -> None:
        """Save a chapter being typed in."""
        for field in self.fields.values():
            field.commit_pending()

    def _update_marks(self) -> None:
        done = 0
        for row, chapter in enumerate(self.chapters):
            empty = not self.fields[chapter.key].value().strip()
            done += not empty
            self.list.item(row).setText(chapter.title + (self.tr("（未記入）") if empty else ""))
        self.filled.setText(self.tr("記入済み {0} / {1} 章").format(done, len(self.chapters)))

    def _commit(self, key: str, text: str) -> None:
        if self.spec_id is None:
            return
        spec_id = self.spec_id
        self._update_marks()
        save_field(
            self.ctx,
            self.fields[key],
            lambda: self.spec_id == spec_id,
            procurement.set_chapter,
            self.ctx.ws,
            spec_id,
            key,
            text,
            changes={ProcurementSpec.kind},
        )
