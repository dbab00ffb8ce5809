"""Item model of the 20業務 tracker: one row per 標準化対象業務, edits handed to the page to store.

The model never writes: a valid edit is announced with `edit_requested(system_id, field, value)` and the row
changes only when the stored record comes back (`replace_system`). A date that cannot be read is refused
with `rejected(message)` and nothing changes.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import Any

from PySide6.QtCore import (
    QT_TRANSLATE_NOOP,
    QAbstractTableModel,
    QCoreApplication,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    Qt,
    Signal,
)
from PySide6.QtGui import QBrush, QColor

from desktop.content.catalog import MigrationPhase
from desktop.models import StandardizationSystem, vocab, wareki
from desktop.services.standardization import TrackerRow
from desktop.views.fields import PROBLEM_BACKGROUND, PROBLEM_COLOR
from desktop.views.locale import vocab_label

Index = QModelIndex | QPersistentModelIndex

LATE_BACKGROUND = "#fdecea"
LATE_FOREGROUND = "#b71c1c"


@dataclass(frozen=True)
class Column:
    """A tracker column: the record attribute it shows and how it is edited."""

    field: str
    title: str
    kind: str  # number | name | phase | text | date | check | reason


# Titles are marked for lupdate here and translated where they are shown (self.tr in the model).
COLUMNS: tuple[Column, ...] = (
    Column("number", QT_TRANSLATE_NOOP("StandardizationModel", "No."), "number"),
    Column("business", QT_TRANSLATE_NOOP("StandardizationModel", "業務名"), "name"),
    Column("phase_key", QT_TRANSLATE_NOOP("StandardizationModel", "作業段階"), "phase"),
    Column("vendor", QT_TRANSLATE_NOOP("StandardizationModel", "事業者"), "text"),
    Column("planned_go_live", QT_TRANSLATE_NOOP("StandardizationModel", "移行予定日"), "date"),
    Column("specific_support", QT_TRANSLATE_NOOP("StandardizationModel", "特定移行\n支援システム"), "check"),
    Column("specific_reason", QT_TRANSLATE_NOOP("StandardizationModel", "理由"), "reason"),
    Column("gov_cloud", QT_TRANSLATE_NOOP("StandardizationModel", "ガバクラ"), "check"),
    Column("contract_end", QT_TRANSLATE_NOOP("StandardizationModel", "現契約の\n満了日"), "date"),
    Column("note", QT_TRANSLATE_NOOP("StandardizationModel", "備考"), "text"),
)
COL = {c.field: i for i, c in enumerate(COLUMNS)}

HEADER_TIPS = {
    "phase_key": QT_TRANSLATE_NOOP(
        "StandardizationModel", "標準化手順書の作業項目のうち、現在取り組んでいる段階"
    ),
    "specific_support": QT_TRANSLATE_NOOP(
        "StandardizationModel",
        "令和8年度以降の移行がやむを得ない「特定移行支援システム」に該当する（Space で切り替え）",
    ),
    "specific_reason": QT_TRANSLATE_NOOP(
        "StandardizationModel", "特定移行支援システムに該当する理由（デジタル庁の集計区分）"
    ),
    "gov_cloud": QT_TRANSLATE_NOOP(
        "StandardizationModel", "ガバメントクラウドを利用する（Space で切り替え）"
    ),
    "planned_go_live": QT_TRANSLATE_NOOP("StandardizationModel", "標準準拠システムの本稼働予定日"),
    "contract_end": QT_TRANSLATE_NOOP("StandardizationModel", "現行システムの契約が満了する日"),
}


def circled(n: int) -> str:
    """①–⑳ as the 標準化手順書 numbers its work items (plain digits beyond 20)."""
    return chr(0x2460 + n - 1) if 1 <= n <= 20 else f"({n})"


def phase_label(phase: MigrationPhase) -> str:
    """「①推進体制の立ち上げ」."""
    return f"{circled(phase.number)}{phase.title}"


def phase_choices(phases: tuple[MigrationPhase, ...]) -> dict[str, str]:
    """Stored phase key → label, with 「未着手」 first."""
    return {
        "": QCoreApplication.translate("StandardizationModel", "（未着手）"),
        **{p.key: phase_label(p) for p in phases},
    }


def is_late(system: StandardizationSystem, deadline: date | None) -> bool:
    """Planned go-live after the national target without being flagged 特定移行支援システム."""
    return (
        deadline is not None
        and system.planned_go_live is not None
        and system.planned_go_live > deadline
        and not system.specific_support
    )


class StandardizationModel(QAbstractTableModel):
    """The 20 tracker rows; editable in place."""

    edit_requested = Signal(str, str, object)  # system id, field, value
    rejected = Signal(str)  # Japanese message for input that was refused

    def __init__(self, parent: QObject | None = None):
        super().__init__(parent)
        self.rows: list[TrackerRow] = []
        self.phases: dict[str, str] = {"": self.tr("（未着手）")}
        self.short_phases: dict[str, str] = dict(self.phases)  # what the narrow cell shows
        self.deadline: date | None = None
        self.deadline_label = ""
        # (system id, field) → (the text typed, why it was refused): shown in its cell until corrected.
        self.refused: dict[tuple[str, str], tuple[str, str]] = {}

    # -- loading ------------------------------------------------------------------------------------------
    def set_catalog(
        self, phases: tuple[MigrationPhase, ...], deadline: date | None, deadline_label: str
    ) -> None:
        """Phase vocabulary and the national target date used for highlighting."""
        self.phases = phase_choices(phases)
        self.short_phases = {
            "": self.phases[""],
            **{p.key: f"{circled(p.number)}{p.short or p.title}" for p in phases},
        }
        self.deadline = deadline
        self.deadline_label = deadline_label
        if self.rows:
            self.dataChanged.emit(self.index(0, 0), self.index(len(self.rows) - 1, len(COLUMNS) - 1))

    def set_rows(self, rows: list[TrackerRow]) -> None:
        """Show freshly loaded rows; same 業務 in the same order updates in place (keeps the current cell)."""
        if [r.system.id for r in rows] == [r.system.id for r in self.rows] and rows:
            self.rows = list(rows)
            self.dataChanged.emit(self.index(0, 0), self.index(len(rows) - 1, len(COLUMNS) - 1))
            return
        self.beginResetModel()
        self.rows = list(rows)
        self.endResetModel()

    def replace_system(self, system: StandardizationSystem) -> None:
        """A stored record came back from an edit: show it."""
        for i, row in enumerate(self.rows):
            if row.system.id == system.id:
                self.rows[i] = TrackerRow(row.business, system)
                self.dataChanged.emit(self.index(i, 0), self.index(i, len(COLUMNS) - 1))
                return

    def late_count(self) -> int:
        """Rows planned after the target without the 特定移行支援システム flag."""
        return sum(1 for r in self.rows if is_late(r.system, self.deadline))

    # -- Qt model API -------------------------------------------------------------------------------------
    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008, N802 - Qt override
        return 0 if parent.isValid() else len(self.rows)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008, N802 - Qt override
        return 0 if parent.isValid() else len(COLUMNS)

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole):  # noqa: N802
        if orientation != Qt.Orientation.Horizontal or not 0 <= section < len(COLUMNS):
            return None
        column = COLUMNS[section]
        if role == Qt.ItemDataRole.DisplayRole:
            return self.tr(column.title)
        if role == Qt.ItemDataRole.ToolTipRole and column.field in HEADER_TIPS:
            return self.tr(HEADER_TIPS[column.field])
        return None

    def flags(self, index: Index) -> Qt.ItemFlag:
        base = Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        kind = COLUMNS[index.column()].kind
        if kind == "check":
            return base | Qt.ItemFlag.ItemIsUserCheckable
        if kind in ("number", "name"):
            return base
        return base | Qt.ItemFlag.ItemIsEditable

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self.rows):
            return None
        row = self.rows[index.row()]
        column = COLUMNS[index.column()]
        system = row.system
        late = is_late(system, self.deadline)
        kept = self.refused.get((system.id, column.field))
        if kept is not None:  # a refused entry keeps its text and is marked, as every form field does
            if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.EditRole):
                return kept[0]
            if role == Qt.ItemDataRole.ToolTipRole:
                return kept[1]
            if role == Qt.ItemDataRole.BackgroundRole:
                return QBrush(QColor(PROBLEM_BACKGROUND))
            if role == Qt.ItemDataRole.ForegroundRole:
                return QBrush(QColor(PROBLEM_COLOR))
        if role == Qt.ItemDataRole.DisplayRole:
            return self._display(row, column)
        if role == Qt.ItemDataRole.EditRole:
            return self._edit_value(system, column)
        if role == Qt.ItemDataRole.CheckStateRole and column.kind == "check":
            return Qt.CheckState.Checked if getattr(system, column.field) else Qt.CheckState.Unchecked
        if role == Qt.ItemDataRole.ToolTipRole:
            return self._tooltip(row, column, late)
        if role == Qt.ItemDataRole.BackgroundRole and late:
            return QBrush(QColor(LATE_BACKGROUND))
        if role == Qt.ItemDataRole.ForegroundRole and late and column.field == "planned_go_live":
            return QBrush(QColor(LATE_FOREGROUND))
        if role == Qt.ItemDataRole.TextAlignmentRole and column.kind == "number":
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        if role == Qt.ItemDataRole.AccessibleTextRole:
            text = self._display(row, column) or ""
            if column.kind == "check":
                text = self.tr("はい") if getattr(system, column.field) else self.tr("いいえ")
            return f"{self.tr(column.title.replace(chr(10), ''))}: {text}"
        return None

    def _display(self, row: TrackerRow, column: Column) -> str | None:
        system = row.system
        match column.kind:
            case "number":
                return str(row.business.number)
            case "name":
                return row.business.name
            case "phase":
                return self.short_phases.get(system.phase_key, system.phase_key)
            case "reason":
                return (
                    vocab_label(vocab.SPECIFIC_SUPPORT_REASON.get(system.specific_reason, ""))
                    if system.specific_reason
                    else ""
                )
            case "date":
                value = getattr(system, column.field)
                return wareki.wareki_date(value) if value else ""
            case "check":
                return None
            case _:
                return getattr(system, column.field) or ""

    def _edit_value(self, system: StandardizationSystem, column: Column) -> Any:
        value = getattr(system, column.field, None)
        if column.kind == "date":
            return wareki.wareki_date(value) if value else ""
        if column.kind == "check":
            return bool(value)
        return value if value is not None else ""

    def _tooltip(self, row: TrackerRow, column: Column, late: bool) -> str | None:
        if late:
            go_live = wareki.wareki_date(row.system.planned_go_live)
            return self.tr(
                "移行予定日（{0}）が国の移行目標（{1}）より後になっています。"
                "期限内の移行が難しい場合は、特定移行支援システムに該当するかを確認し、"
                "該当すれば「特定移行支援システム」に印を付けて理由を選んでください。"
            ).format(go_live, self.deadline_label)
        if column.kind == "phase":
            return self.phases.get(row.system.phase_key) or None  # the full name of the work item
        if column.kind in ("reason", "text"):
            text = self._display(row, column)
            return text or None
        if column.kind == "date":
            return self.tr("例: 令和8年3月31日 / 2026-03-31（空欄にすると未定）")
        return None

    def setData(self, index: Index, value: Any, role: int = Qt.ItemDataRole.EditRole) -> bool:  # noqa: N802
        if not index.isValid() or not 0 <= index.row() < len(self.rows):
            return False
        column = COLUMNS[index.column()]
        system = self.rows[index.row()].system
        if column.kind == "check":
            if role != Qt.ItemDataRole.CheckStateRole:
                return False
            new: Any = Qt.CheckState(value) == Qt.CheckState.Checked if not isinstance(value, bool) else value
        elif role != Qt.ItemDataRole.EditRole or column.kind in ("number", "name"):
            return False
        elif column.kind == "date":
            try:
                new = wareki.parse_date(str(value or ""))
            except ValueError as exc:
                self.refuse(system.id, column.field, str(value or "").strip(), str(exc))
                return False
        elif column.kind == "phase":
            new = value or ""
            if new not in self.phases:
                self.rejected.emit(self.tr("作業段階「{0}」は選択肢にありません。").format(new))
                return False
        elif column.kind == "reason":
            new = value or ""
            if new not in vocab.SPECIFIC_SUPPORT_REASON:
                self.rejected.emit(self.tr("理由「{0}」は選択肢にありません。").format(new))
                return False
        else:
            new = str(value or "").strip()
        if self.refused.pop((system.id, column.field), None) is not None:
            self.dataChanged.emit(index, index)  # back to what is stored, or to what is about to be
        if new == getattr(system, column.field):
            return False
        self.edit_requested.emit(system.id, column.field, new)
        return True

    def refuse(self, system_id: str, field: str, text: str, message: str) -> None:
        """Keep a refused entry in its cell, marked, and say why (`rejected`)."""
        self.refused[(system_id, field)] = (text, message)
        for i, row in enumerate(self.rows):
            if row.system.id == system_id:
                col = next(c for c, column in enumerate(COLUMNS) if column.field == field)
                self.dataChanged.emit(self.index(i, col), self.index(i, col))
        self.rejected.emit(message)
