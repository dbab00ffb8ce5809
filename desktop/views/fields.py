"""Autosaving input fields: each emits `committed(value)` when the user finishes an edit that changed it.

There is no Save button anywhere: a form connects `committed` to an edit operation, which commits at once.

Input that cannot be stored never disappears. Text a field cannot read (「120名」 in a number field) is not
committed; an edit the store refuses comes back through `reject(message)`. Either way the typed text stays,
the field is marked, and its `note` (placed under it by `with_note`) says what is expected; the stored value
is unchanged until the text is valid. Table cells get the same treatment from `CellNotes`. No message box.
"""

from __future__ import annotations

import math
import re
import unicodedata
from collections.abc import Callable
from datetime import date

from PySide6.QtCore import QCoreApplication, QSignalBlocker, QSize, Signal
from PySide6.QtGui import QBrush, QColor, QFocusEvent
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QTableWidget,
    QVBoxLayout,
    QWidget,
)

from desktop.models import wareki
from desktop.models.case_items import item_lines, media_from_line
from desktop.models.errors import ValidationError
from desktop.views.locale import vocab_label

CHOICE_MIN_CHARS = 16  # a choice field may shrink to this many average characters when space is short
PROBLEM_COLOR = "#c62828"
PROBLEM_BACKGROUND = "#fdecea"
# Minus signs a Japanese IME may produce; NFKC leaves U+2212 alone.
_MINUS = str.maketrans({"\u2212": "-", "\u2012": "-", "\u2013": "-"})
_WHOLE = re.compile(r"[+-]?\d+")


class InputProblem(ValueError):
    """Text a field cannot store; the message says what is expected."""


def parse_number(text: str, integer: bool = False, example: str = "") -> int | float | None:
    """Read a number typed by a user (全角 digits and 1,200 accepted); empty text is None.

    Anything else raises InputProblem whose message gives an example of what the field takes.
    """
    example = example or ("120" if integer else "12.5")
    raw = unicodedata.normalize("NFKC", text or "").translate(_MINUS).strip().replace(",", "")
    if not raw:
        return None
    if _WHOLE.fullmatch(raw):
        return int(raw)  # exact, however many digits (the store says when it is out of range)
    try:
        number = float(raw)
    except ValueError:
        number = math.nan
    if not math.isfinite(number):
        raise InputProblem(
            QCoreApplication.translate(
                "Fields", "数字だけで入力してください（例: {0}）。単位や「約」などの文字は付けません。"
            ).format(example)
        )
    if integer:
        if not number.is_integer():
            raise InputProblem(
                QCoreApplication.translate("Fields", "整数で入力してください（例: {0}）。").format(example)
            )
        return int(number)
    return number


class FieldNote(QLabel):
    """The line under a field (or a table) that says why its text was not stored and what is expected."""

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.setWordWrap(True)
        self.setStyleSheet(f"color: {PROBLEM_COLOR};")
        self.setVisible(False)

    def say(self, text: str) -> None:
        """Show `text` (empty hides the note)."""
        self.setText(text)
        self.setVisible(bool(text))


def with_note(field: QWidget) -> QWidget:
    """The field with its note underneath: what a form places in a row."""
    box = QWidget()
    layout = QVBoxLayout(box)
    layout.setContentsMargins(0, 0, 0, 0)
    layout.setSpacing(2)
    layout.addWidget(field)
    layout.addWidget(field.note)  # type: ignore[attr-defined]
    return box


class _Feedback:
    """What every field shares: a note, and a mark while its text is not what is stored."""

    QT_CLASS = "QWidget"  # the style-sheet selector of the marked widget (not its children)
    note: FieldNote
    _problem: str

    def _init_feedback(self: QWidget) -> None:  # type: ignore[misc]
        self.note = FieldNote()
        self.note.setAccessibleName(QCoreApplication.translate("Fields", "入力の誤り"))
        self._problem = ""
        self._saving = False

    def saving(self) -> None:
        """A commit of this field is on its way to the store (its answer comes back as saved() or reject())."""
        self._saving = True

    def saved(self) -> None:
        """The store took the last commit."""
        self._saving = False

    def start_over(self) -> None:
        """Another record is shown in the field: forget its refused text and any commit on its way."""
        self._saving = False
        self.clear_problem()

    def problem(self) -> str:
        """Why the shown text is not stored ('' when it is)."""
        return self._problem

    def show_problem(self: QWidget, message: str) -> None:  # type: ignore[misc]
        """Mark the field and say next to it what it expects."""
        self._problem = message
        self.note.say(message)
        self.setStyleSheet(
            f"{self.QT_CLASS} {{ border: 2px solid {PROBLEM_COLOR}; border-radius: 3px;"
            f" background: {PROBLEM_BACKGROUND}; }}"
        )
        self.setAccessibleDescription(message)

    def clear_problem(self: QWidget) -> None:  # type: ignore[misc]
        """Remove the mark and the note (the text shown is what is stored, or was accepted)."""
        if not self._problem:
            return
        self._problem = ""
        self.note.say("")
        self.setStyleSheet("")
        self.setAccessibleDescription("")


class _Typed(_Feedback):
    """Fields typed into: while a refused text is being corrected, a reload of the same value leaves it be."""

    _stored: str
    _previous: str
    _put_text: Callable[[str], None]  # each widget: show a text without committing it

    def shown(self, value) -> str:
        """How a stored value is written in the field."""
        return "" if value is None else str(value)

    def set_value(self, value) -> None:
        """Show a stored value without committing it (text being corrected stays while that value is unchanged).

        A value read before a commit still on its way is stale: it would wipe what the user typed.
        """
        text = self.shown(value)
        if (self._problem and text == self._stored) or (self._saving and text == self._previous):
            return
        self._saving = False
        self.clear_problem()
        self._stored = self._previous = text
        self._put_text(text)

    def reject(self, message: str) -> None:
        """The store refused the last commit: keep the typed text, mark it and say why."""
        self._saving = False
        self._stored = self._previous
        self.show_problem(message)

    def saved(self) -> None:
        """The store took the last commit: it is what an edit refused later falls back to."""
        super().saved()
        self._previous = self._stored


class LineField(QLineEdit, _Typed):
    """Single line of text; commits on Enter or focus out."""

    QT_CLASS = "QLineEdit"

    committed = Signal(object)

    def __init__(self, parent: QWidget | None = None, placeholder: str = ""):
        super().__init__(parent)
        self._init_feedback()
        self._stored = self._previous = ""
        self.setPlaceholderText(placeholder)
        self.editingFinished.connect(self._finish)

    def value(self) -> str:
        """Current text."""
        return self.text().strip()

    def parse(self, text: str):
        """The value to store for `text`; InputProblem when the text cannot be stored."""
        return text

    def _put_text(self, text: str) -> None:
        self.setText(text)
        if not self.hasFocus():
            self.setCursorPosition(0)  # a value longer than the field is read from its start, not its end

    def _finish(self) -> None:
        text = self.value()
        if text == self._stored:
            self.clear_problem()  # typed back to what is stored
            return
        try:
            value = self.parse(text)
        except InputProblem as problem:
            self.show_problem(str(problem))
            return
        self.clear_problem()
        shown = self.shown(value)  # 「１２０」 reads 120, 「2026-11-26」 reads 令和8年11月26日
        if shown != text:
            self.setText(shown)
        if shown != self._stored:
            self._previous, self._stored = self._stored, shown
            self.committed.emit(value)


class NumberField(LineField):
    """A number (int or float) typed freely; empty means no value. `example` is shown in the hint."""

    def __init__(
        self, parent: QWidget | None = None, placeholder: str = "", integer: bool = False, example: str = ""
    ):
        self.integer = integer
        self.example = example or ("120" if integer else "12.5")
        placeholder = placeholder or QCoreApplication.translate("Fields", "例: {0}").format(self.example)
        super().__init__(parent, placeholder)

    def parse(self, text: str) -> int | float | None:
        """The number typed (InputProblem names an example when it is not one)."""
        return parse_number(text, self.integer, self.example)

    def shown(self, value) -> str:
        """A number without trailing .0."""
        if isinstance(value, float) and value.is_integer():
            value = int(value)
        return super().shown(value)


class DateField(LineField):
    """A date typed as 2026-11-26 or 令和8年11月26日; shown in 和暦, stored as a date."""

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent, QCoreApplication.translate("DateField", "例: 令和8年11月26日 / 2026-11-26"))

    def parse(self, text: str) -> date | None:
        """The date typed (InputProblem says which forms are understood)."""
        try:
            return wareki.parse_date(text)
        except ValueError as exc:
            raise InputProblem(str(exc)) from None

    def shown(self, value) -> str:
        """和暦, e.g. 令和8年11月26日."""
        return wareki.wareki_date(value) if isinstance(value, date) else ""


class TextField(QPlainTextEdit, _Typed):
    """Multi-line text; commits on focus out."""

    QT_CLASS = "QPlainTextEdit"

    committed = Signal(object)

    def __init__(self, parent: QWidget | None = None, placeholder: str = "", lines: int = 4):
        super().__init__(parent)
        self._init_feedback()
        self._stored = self._previous = ""
        self.setPlaceholderText(placeholder)
        self.setTabChangesFocus(True)  # keyboard users leave the field with Tab
        self.setMinimumHeight(self.fontMetrics().lineSpacing() * lines + 12)

    def value(self) -> str:
        """Current text without trailing blanks."""
        return self.toPlainText().rstrip()

    def _put_text(self, text: str) -> None:
        self.setPlainText(text)

    def focusOutEvent(self, event: QFocusEvent) -> None:  # noqa: N802 - Qt override
        """Commit when the user leaves the field."""
        super().focusOutEvent(event)
        self.commit_pending()

    def commit_pending(self) -> None:
        """Commit an unsaved change now (also called before the page is hidden)."""
        if self.value() == self._stored:
            self.clear_problem()
            return
        self._previous, self._stored = self._stored, self.value()
        self.committed.emit(self.value())


class ListField(TextField):
    """A list, one item per line (キーワード, 関連URL …); blank lines are dropped. With `media`, each line is an
    image or video 「タイトル | URL | ライセンス」 (desktop.models.case_items)."""

    def __init__(
        self, parent: QWidget | None = None, placeholder: str = "", lines: int = 2, media: bool = False
    ):
        super().__init__(parent, placeholder, lines)
        self.media = media

    def shown(self, value) -> str:
        """One item per line."""
        return "\n".join(item_lines(value))

    def parse(self, text: str) -> list:
        """The items typed (InputProblem when a line of an image or video has too many parts)."""
        lines = [line.strip() for line in text.splitlines() if line.strip()]
        if not self.media:
            return lines
        try:
            return [media_from_line(line, self.accessibleName()) for line in lines]
        except ValidationError as exc:
            raise InputProblem(str(exc)) from None

    def commit_pending(self) -> None:
        """Commit the items when the text changed; a line that cannot be read stays, marked."""
        text = self.value()
        if text == self._stored:
            self.clear_problem()
            return
        try:
            items = self.parse(text)
        except InputProblem as problem:
            self.show_problem(str(problem))
            return
        self.clear_problem()
        self._previous, self._stored = self._stored, text
        self.committed.emit(items)


class ChoiceField(QComboBox, _Feedback):
    """A choice from a vocabulary (key → label); commits on selection."""

    QT_CLASS = "QComboBox"

    committed = Signal(object)

    def __init__(self, choices: dict[str, str], parent: QWidget | None = None):
        super().__init__(parent)
        self._init_feedback()
        self._setting = False
        self._stored = self._previous = None
        self.set_choices(choices)
        self.currentIndexChanged.connect(self._changed)

    def minimumSizeHint(self) -> QSize:  # noqa: N802 - Qt override
        """A long label may be cut short rather than widen the whole form (the open list shows it whole)."""
        hint = super().minimumSizeHint()
        return hint.boundedTo(QSize(self.fontMetrics().averageCharWidth() * CHOICE_MIN_CHARS, hint.height()))

    def set_choices(self, choices: dict) -> None:
        """Replace the options (keys are stored, labels shown; vocabulary labels in the UI language)."""
        self._setting = True
        self.clear()
        for key, label in choices.items():
            self.addItem(vocab_label(label), key)
        self._setting = False

    def value(self):
        """The selected key."""
        return self.currentData()

    def set_value(self, value) -> None:
        """Select the option with this key (first option when unknown)."""
        self.clear_problem()
        self._setting = True
        index = self.findData(value)
        self.setCurrentIndex(max(index, 0))
        self._stored = self.currentData()
        self._setting = False

    def reject(self, message: str) -> None:
        """The store refused the choice: show the stored one again and say why."""
        self.set_value(self._previous)
        self.show_problem(message)

    def _changed(self, _index: int) -> None:
        if not self._setting:
            self.clear_problem()
            self._previous, self._stored = self._stored, self.currentData()
            self.committed.emit(self.value())


class FiscalYearField(ChoiceField):
    """A 年度 shown as 令和8年度（2026年度）, stored as the Western year."""

    def __init__(self, first: int = 2019, last: int = 2035, parent: QWidget | None = None):
        choices: dict = {None: QCoreApplication.translate("FiscalYearField", "（未設定）")}
        choices.update({fy: wareki.fiscal_year_label_both(fy) for fy in range(first, last + 1)})
        super().__init__(choices, parent)


class CheckField(QCheckBox, _Feedback):
    """A yes/no flag; commits on toggle."""

    QT_CLASS = "QCheckBox"

    committed = Signal(object)

    def __init__(self, text: str, parent: QWidget | None = None):
        super().__init__(text, parent)
        self._init_feedback()
        self._setting = False
        self.toggled.connect(self._toggled)

    def value(self) -> bool:
        """Checked or not."""
        return self.isChecked()

    def set_value(self, value) -> None:
        """Show a stored flag."""
        self.clear_problem()
        self._setting = True
        self.setChecked(bool(value))
        self._setting = False

    def reject(self, message: str) -> None:
        """The store refused the change: show the stored flag again and say why."""
        self.set_value(not self.isChecked())
        self.show_problem(message)

    def _toggled(self, on: bool) -> None:
        if not self._setting:
            self.clear_problem()
            self.committed.emit(on)


class CellNotes:
    """The same feedback for a table: a refused cell keeps its text, is marked, and the note says why."""

    def __init__(self, table: QTableWidget, describe=None):
        self.table = table
        self.note = FieldNote()
        self.note.setAccessibleName(QCoreApplication.translate("Fields", "入力の誤り"))
        self._describe = describe or self._header_names
        self._problems: dict[tuple[int, int], str] = {}

    def problem(self, row: int, col: int) -> str:
        """Why the cell's text is not stored ('' when it is)."""
        return self._problems.get((row, col), "")

    def show_problem(self, row: int, col: int, message: str) -> None:
        """Mark a cell and say below the table what it expects."""
        self._problems[(row, col)] = message
        self._mark(row, col, message)
        self._update_note()

    def clear_problem(self, row: int, col: int) -> None:
        """The cell shows what is stored again."""
        if self._problems.pop((row, col), None) is not None:
            self._mark(row, col, "")
            self._update_note()

    def clear_all(self) -> None:
        """Forget every problem (the table was refilled)."""
        self._problems.clear()
        self._update_note()

    def _mark(self, row: int, col: int, message: str) -> None:
        item = self.table.item(row, col)
        if item is None:
            return
        blocker = QSignalBlocker(self.table)  # a mark is not an edit
        item.setBackground(QBrush(QColor(PROBLEM_BACKGROUND)) if message else QBrush())
        item.setForeground(QBrush(QColor(PROBLEM_COLOR)) if message else QBrush())
        item.setToolTip(message)
        blocker.unblock()
        self.table.viewport().update()

    def _header_names(self, row: int, col: int) -> str:
        across = self.table.horizontalHeaderItem(col)
        down = self.table.verticalHeaderItem(row)
        parts = [h.text() for h in (down, across) if h is not None and h.text()]
        return " ".join(parts)

    def _update_note(self) -> None:
        lines = [
            QCoreApplication.translate("Fields", "{0}：{1}").format(self._describe(row, col), message)
            for (row, col), message in sorted(self._problems.items())
        ]
        self.note.say("\n".join(lines))
