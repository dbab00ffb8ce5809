"""A form over one record: each field autosaves through `records.update` on the DB worker.

An edit the store refuses stays in its field, marked, with the reason beside it (views/fields.py).
"""

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from PySide6.QtCore import QCoreApplication, Signal
from PySide6.QtWidgets import QFormLayout, QLabel, QWidget

from desktop.models import Synced
from desktop.models.errors import DomainError
from desktop.services import records
from desktop.views import fields as f
from desktop.views.context import ViewContext
from desktop.views.style import SPACING, heading


@dataclass(frozen=True)
class FieldSpec:
    """One form row: record attribute, label, and the kind of input."""

    name: str
    label: str
    kind: str = "line"  # line | text | lines | media | number | int | date | choice | fy | check | section
    choices: dict | None = None
    placeholder: str = ""
    lines: int = 4
    example: str = (
        ""  # number fields: what a valid entry looks like (例: 120), said when the input is refused
    )


def make_field(spec: FieldSpec) -> QWidget:
    """The input widget for a FieldSpec."""
    match spec.kind:
        case "text":
            return f.TextField(placeholder=spec.placeholder, lines=spec.lines)
        case "lines" | "media":
            return f.ListField(placeholder=spec.placeholder, lines=spec.lines, media=spec.kind == "media")
        case "number" | "int":
            return f.NumberField(
                placeholder=spec.placeholder, integer=spec.kind == "int", example=spec.example
            )
        case "date":
            return f.DateField()
        case "choice":
            return f.ChoiceField(spec.choices or {})
        case "fy":
            return f.FiscalYearField()
        case "check":
            return f.CheckField(spec.label)
        case _:
            return f.LineField(placeholder=spec.placeholder)


class RecordForm(QWidget):
    """Shows one record of `cls`; every committed field is saved at once (no Save button).

    `save(ws, record_id, **fields)` stores an edit; by default `records.update` of `cls`.
    """

    shown = Signal(object)  # id of the record now in the form (None when cleared)

    def __init__(
        self,
        ctx: ViewContext,
        cls: type[Synced],
        specs: list[FieldSpec],
        parent: QWidget | None = None,
        save: Callable[..., Any] | None = None,
    ):
        super().__init__(parent)
        self.ctx = ctx
        self.cls = cls
        self._save = save or (lambda ws, record_id, **fields: records.update(ws, cls, record_id, **fields))
        self.record_id: str | None = None
        self.widgets: dict[str, QWidget] = {}
        layout = QFormLayout(self)
        layout.setSpacing(SPACING)
        layout.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.ExpandingFieldsGrow)
        for spec in specs:
            if spec.kind == "section":  # a heading over the rows that follow
                layout.addRow(heading(spec.label, level=2))
                continue
            w = make_field(spec)
            w.setAccessibleName(spec.label)
            self.widgets[spec.name] = w
            w.committed.connect(lambda value, name=spec.name: self._commit(name, value))
            if spec.kind == "check":
                layout.addRow("", f.with_note(w))
            else:
                label = QLabel(spec.label)
                label.setBuddy(w)
                layout.addRow(label, f.with_note(w))
        self.setEnabled(False)

    def show_record(self, record: Any | None) -> None:
        """Fill the form from a record (None clears and disables it)."""
        self.commit_pending()
        record_id = None if record is None else record.id
        if record_id != self.record_id:
            for w in self.widgets.values():
                w.start_over()  # text typed for another record is not this one's
        self.record_id = record_id
        for name, w in self.widgets.items():
            w.set_value(None if record is None else getattr(record, name))
        self.setEnabled(record is not None)
        self.shown.emit(self.record_id)

    def commit_pending(self) -> None:
        """Save a half-finished multi-line edit before the form changes record."""
        for w in self.widgets.values():
            if isinstance(w, f.TextField):
                w.commit_pending()

    def _commit(self, name: str, value: Any) -> None:
        if self.record_id is None:
            return
        widget = self.widgets[name]
        record_id = self.record_id
        save_field(
            self.ctx,
            widget,
            lambda: self.record_id == record_id,
            self._save,
            self.ctx.ws,
            record_id,
            changes={self.cls.kind},
            **{name: value},
        )


def save_field(
    ctx: ViewContext,
    widget: QWidget,
    still_shown: Callable[[], bool],
    fn: Callable[..., Any],
    *args: Any,
    changes: set[str],
    on_done: Callable[[Any], None] | None = None,
    **fields: Any,
) -> None:
    """Run an edit of one field; a refusal is shown beside `widget` (its text kept) while `still_shown()`."""

    def rejected(exc: BaseException) -> None:
        if isinstance(exc, DomainError):
            if still_shown():
                widget.reject(str(exc))
            else:  # the form moved on to another record meanwhile
                ctx.say(str(exc))
            return
        if still_shown():
            widget.reject(QCoreApplication.translate("RecordForm", "保存できませんでした。"))
        ctx.ops.error_handler(exc, "")

    def done(result: Any) -> None:
        if still_shown():
            widget.saved()
        if on_done is not None:
            on_done(result)

    widget.saving()
    ctx.ops.edit(fn, *args, changes=changes, on_done=done, on_error=rejected, **fields)
