"""A form over one record: each field autosaves through `records.update` on the DB worker."""

from dataclasses import dataclass
from typing import Any

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QFormLayout, QWidget

from desktop.models import Synced
from desktop.services import records
from desktop.views import fields as f
from desktop.views.context import ViewContext
from desktop.views.style import SPACING


@dataclass(frozen=True)
class FieldSpec:
    """One form row: record attribute, label, and the kind of input."""

    name: str
    label: str
    kind: str = "line"  # line | text | number | int | date | choice | fy | check
    choices: dict | None = None
    placeholder: str = ""
    lines: int = 4


def make_field(spec: FieldSpec) -> QWidget:
    """The input widget for a FieldSpec."""
    match spec.kind:
        case "text":
            return f.TextField(placeholder=spec.placeholder, lines=spec.lines)
        case "number" | "int":
            return f.NumberField(placeholder=spec.placeholder, integer=spec.kind == "int")
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
    """Shows one record of `cls`; every committed field is saved at once (no Save button)."""

    shown = Signal(object)  # id of the record now in the form (None when cleared)

    def __init__(
        self, ctx: ViewContext, cls: type[Synced], specs: list[FieldSpec], parent: QWidget | None = None
    ):
        super().__init__(parent)
        self.ctx = ctx
        self.cls = cls
        self.record_id: str | None = None
        self.widgets: dict[str, QWidget] = {}
        layout = QFormLayout(self)
        layout.setSpacing(SPACING)
        layout.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.ExpandingFieldsGrow)
        for spec in specs:
            w = make_field(spec)
            w.setAccessibleName(spec.label)
            self.widgets[spec.name] = w
            w.committed.connect(lambda value, name=spec.name: self._commit(name, value))
            if isinstance(w, f.DateField):
                w.invalid.connect(ctx.say)
            if spec.kind == "check":
                layout.addRow("", w)
            else:
                layout.addRow(spec.label, w)
        self.setEnabled(False)

    def show_record(self, record: Any | None) -> None:
        """Fill the form from a record (None clears and disables it)."""
        self.commit_pending()
        self.record_id = None if record is None else record.id
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

        def rejected(exc: BaseException) -> None:
            widget.revert()
            self.ctx.ops.error_handler(exc, "")

        self.ctx.ops.edit(
            records.update,
            self.ctx.ws,
            self.cls,
            self.record_id,
            **{name: value},
            changes={self.cls.kind},
            on_error=rejected,
        )
