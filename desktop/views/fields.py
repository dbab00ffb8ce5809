"""Autosaving input fields: each emits `committed(value)` when the user finishes an edit that changed it.

There is no Save button anywhere: a form connects `committed` to an edit operation, which commits at once.
"""

from datetime import date

from PySide6.QtCore import QCoreApplication, QSize, Signal
from PySide6.QtGui import QFocusEvent
from PySide6.QtWidgets import QCheckBox, QComboBox, QLineEdit, QPlainTextEdit, QWidget

from desktop.models import wareki
from desktop.views.locale import vocab_label

CHOICE_MIN_CHARS = 16  # a choice field may shrink to this many average characters when space is short


class LineField(QLineEdit):
    """Single line of text; commits on Enter or focus out."""

    committed = Signal(object)

    def __init__(self, parent: QWidget | None = None, placeholder: str = ""):
        super().__init__(parent)
        self._stored = self._previous = ""
        self.setPlaceholderText(placeholder)
        self.editingFinished.connect(self._finish)

    def value(self) -> str:
        """Current text."""
        return self.text().strip()

    def set_value(self, value) -> None:
        """Show a stored value without committing it."""
        self._stored = "" if value is None else str(value)
        self.setText(self._stored)

    def revert(self) -> None:
        """Back to the value before the last commit (after the store rejected it)."""
        self._stored = self._previous
        self.setText(self._stored)

    def _finish(self) -> None:
        if self.value() != self._stored:
            self._previous, self._stored = self._stored, self.value()
            self.committed.emit(self.value())


class NumberField(LineField):
    """A number (int or float) typed freely; empty means no value."""

    def __init__(self, parent: QWidget | None = None, placeholder: str = "", integer: bool = False):
        super().__init__(parent, placeholder)
        self.integer = integer

    def set_value(self, value) -> None:
        """Show a number without trailing .0."""
        if isinstance(value, float) and value.is_integer():
            value = int(value)
        super().set_value(value)


class DateField(LineField):
    """A date typed as 2026-11-26 or 令和8年11月26日; shown in 和暦, stored as a date."""

    invalid = Signal(str)

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent, QCoreApplication.translate("DateField", "例: 令和8年11月26日 / 2026-11-26"))
        self._date: date | None = None

    def set_value(self, value) -> None:
        """Show a date in 和暦."""
        self._date = value if isinstance(value, date) else None
        self._stored = wareki.wareki_date(self._date) if self._date else ""
        self.setText(self._stored)

    def _finish(self) -> None:
        if self.value() == self._stored:
            return
        try:
            parsed = wareki.parse_date(self.value())
        except ValueError as exc:
            self.setToolTip(str(exc))
            self.setStyleSheet("border: 1px solid #c62828;")
            self.invalid.emit(str(exc))
            return
        self.setStyleSheet("")
        self.setToolTip("")
        previous = self._date
        self.set_value(parsed)
        self._previous = wareki.wareki_date(previous) if previous else ""
        self.committed.emit(parsed)


class TextField(QPlainTextEdit):
    """Multi-line text; commits on focus out."""

    committed = Signal(object)

    def __init__(self, parent: QWidget | None = None, placeholder: str = "", lines: int = 4):
        super().__init__(parent)
        self._stored = self._previous = ""
        self.setPlaceholderText(placeholder)
        self.setTabChangesFocus(True)  # keyboard users leave the field with Tab
        self.setMinimumHeight(self.fontMetrics().lineSpacing() * lines + 12)

    def value(self) -> str:
        """Current text without trailing blanks."""
        return self.toPlainText().rstrip()

    def set_value(self, value) -> None:
        """Show a stored value."""
        self._stored = value or ""
        self.setPlainText(self._stored)

    def revert(self) -> None:
        """Back to the value before the last commit."""
        self._stored = self._previous
        self.setPlainText(self._stored)

    def focusOutEvent(self, event: QFocusEvent) -> None:  # noqa: N802 - Qt override
        """Commit when the user leaves the field."""
        super().focusOutEvent(event)
        self.commit_pending()

    def commit_pending(self) -> None:
        """Commit an unsaved change now (also called before the page is hidden)."""
        if self.value() != self._stored:
            self._previous, self._stored = self._stored, self.value()
            self.committed.emit(self.value())


class ChoiceField(QComboBox):
    """A choice from a vocabulary (key → label); commits on selection."""

    committed = Signal(object)

    def __init__(self, choices: dict[str, str], parent: QWidget | None = None):
        super().__init__(parent)
        self._setting = False
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
        self._setting = True
        index = self.findData(value)
        self.setCurrentIndex(max(index, 0))
        self._setting = False

    def revert(self) -> None:
        """Nothing to revert: a choice is always valid."""

    def _changed(self, _index: int) -> None:
        if not self._setting:
            self.committed.emit(self.value())


class FiscalYearField(ChoiceField):
    """A 年度 shown as 令和8年度（2026年度）, stored as the Western year."""

    def __init__(self, first: int = 2019, last: int = 2035, parent: QWidget | None = None):
        choices: dict = {None: QCoreApplication.translate("FiscalYearField", "（未設定）")}
        choices.update({fy: wareki.fiscal_year_label_both(fy) for fy in range(first, last + 1)})
        super().__init__(choices, parent)


class CheckField(QCheckBox):
    """A yes/no flag; commits on toggle."""

    committed = Signal(object)

    def __init__(self, text: str, parent: QWidget | None = None):
        super().__init__(text, parent)
        self._setting = False
        self.toggled.connect(lambda on: None if self._setting else self.committed.emit(on))

    def value(self) -> bool:
        """Checked or not."""
        return self.isChecked()

    def set_value(self, value) -> None:
        """Show a stored flag."""
        self._setting = True
        self.setChecked(bool(value))
        self._setting = False

    def revert(self) -> None:
        """Nothing to revert."""
