"""ステップ0–3: checklist state per catalog checkpoint, and progress per step."""

from dataclasses import dataclass
from datetime import date
from typing import Any

from sqlalchemy import Row, select

from desktop.content import load_catalog
from desktop.content.catalog import Checkpoint
from desktop.models import AwarenessActivity, ChecklistState
from desktop.models.errors import ValidationError
from desktop.services import records
from desktop.services.workspace import Workspace


@dataclass(frozen=True)
class CheckItem:
    """A checkpoint with the municipality's state of it (defaults when never touched)."""

    checkpoint: Checkpoint
    status: str = "todo"
    note: str = ""
    done_on: date | None = None
    assignee: str = ""
    evidence: str = ""


@dataclass(frozen=True)
class StepProgress:
    """Progress of one step; items marked 対象外 do not count."""

    number: int
    title: str
    done: int
    doing: int
    applicable: int

    @property
    def ratio(self) -> float:
        """Share of applicable checkpoints done (0–1)."""
        return self.done / self.applicable if self.applicable else 1.0


def _states(ws: Workspace) -> dict[str, ChecklistState]:
    return {s.item_key: s for s in records.find(ws, ChecklistState)}


def checklist(ws: Workspace, step: int) -> list[CheckItem]:
    """The checkpoints of a step, in catalog order, with their state."""
    states = _states(ws)
    items = []
    for cp in load_catalog().step(step).checkpoints:
        st = states.get(cp.key)
        if st is None:
            items.append(CheckItem(cp))
        else:
            items.append(CheckItem(cp, st.status, st.note, st.done_on, st.assignee, st.evidence))
    return items


def set_check(ws: Workspace, item_key: str, **fields) -> ChecklistState:
    """Change a checkpoint's state (creating it on first edit); done without a date gets today."""
    try:
        load_catalog().checkpoint(item_key)
    except StopIteration:
        raise ValidationError(f"チェック項目「{item_key}」はありません。") from None
    if fields.get("status") == "done" and "done_on" not in fields:
        existing = _states(ws).get(item_key)
        if existing is None or existing.done_on is None:
            fields["done_on"] = ws.today()
    with ws.store.read() as s:
        existing_id = s.scalar(
            select(ChecklistState.id).where(
                ChecklistState.owner_code == ws.owner_code, ChecklistState.item_key == item_key
            )
        )
    if existing_id is None:
        return records.create(ws, ChecklistState, item_key=item_key, **fields)
    state = records.update(ws, ChecklistState, existing_id, **fields)
    if state.deleted:  # pragma: no cover - states are never deleted through the UI
        records.undelete(ws, [(ChecklistState.kind, existing_id)])
    return state


def progress(ws: Workspace) -> list[StepProgress]:
    """Progress of every step."""
    states = _states(ws)
    out = []
    for step in load_catalog().steps:
        statuses = [states[c.key].status if c.key in states else "todo" for c in step.checkpoints]
        applicable = [s for s in statuses if s != "na"]
        out.append(
            StepProgress(
                step.number,
                step.title,
                done=sum(s == "done" for s in applicable),
                doing=sum(s == "doing" for s in applicable),
                applicable=len(applicable),
            )
        )
    return out


def next_actions(ws: Workspace, limit: int = 5) -> list[Checkpoint]:
    """Checkpoints to work on next: those in progress first, then the earliest not started."""
    states = _states(ws)
    doing, todo = [], []
    for cp in load_catalog().checkpoints():
        status = states[cp.key].status if cp.key in states else "todo"
        (doing if status == "doing" else todo if status == "todo" else []).append(cp)
    return (doing + todo)[:limit]


def _newest_first(activity: Any) -> date:
    return activity.held_on or date.min


def activities(ws: Workspace) -> list[AwarenessActivity]:
    """The step-0 activity log, newest first."""
    return sorted(records.find(ws, AwarenessActivity), key=_newest_first, reverse=True)


def activity_summaries(ws: Workspace) -> list[Row[Any]]:
    """List rows of the activity log (id, held_on, activity_kind, title), newest first."""
    rows = records.summaries(ws, AwarenessActivity, ("held_on", "activity_kind", "title"))
    return sorted(rows, key=_newest_first, reverse=True)
