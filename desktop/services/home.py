"""ホーム: what the officer sees first — progress, next actions, deadlines."""

from dataclasses import dataclass
from datetime import date

from desktop.content import load_catalog
from desktop.content.catalog import Checkpoint, Deadline
from desktop.models import Municipality
from desktop.services import records, standardization, steps
from desktop.services.workspace import Workspace


@dataclass(frozen=True)
class UpcomingDeadline:
    """A national deadline and the days left (negative when passed)."""

    deadline: Deadline
    days_left: int


@dataclass(frozen=True)
class Dashboard:
    """Everything the home page shows, computed in one call."""

    municipality: Municipality
    progress: list[steps.StepProgress]
    next_actions: list[Checkpoint]
    deadlines: list[UpcomingDeadline]
    standardization: standardization.TrackerSummary


def dashboard(ws: Workspace, today: date | None = None) -> Dashboard:
    """Compute the home page."""
    today = today or ws.today()
    municipality = records.find(ws, Municipality)[0]
    deadlines = sorted(
        (UpcomingDeadline(d, (d.due - today).days) for d in load_catalog().deadlines),
        key=lambda u: u.deadline.due,
    )
    return Dashboard(
        municipality=municipality,
        progress=steps.progress(ws),
        next_actions=steps.next_actions(ws),
        deadlines=deadlines,
        standardization=standardization.summary(ws),
    )
