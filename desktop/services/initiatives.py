"""ステップ3: initiatives and their PDCA reviews."""

from datetime import date
from typing import Any

from sqlalchemy import Row

from desktop.models import Initiative, PdcaReview
from desktop.services import records
from desktop.services.workspace import Workspace


def _by_start(initiative: Any) -> tuple[date, str]:
    return initiative.start_on or date.max, initiative.title


def _newest_first(review: Any) -> date:
    return review.reviewed_on or date.min


def initiatives(ws: Workspace) -> list[Initiative]:
    """Initiatives, earliest start first (undated last)."""
    return sorted(records.find(ws, Initiative), key=_by_start)


def initiative_summaries(ws: Workspace) -> list[Row[Any]]:
    """List rows of the initiatives (id, title, status, start_on) in the order of `initiatives`."""
    return sorted(records.summaries(ws, Initiative, ("title", "status", "start_on")), key=_by_start)


def reviews(ws: Workspace, initiative_id: str) -> list[PdcaReview]:
    """PDCA reviews of one initiative, newest first."""
    rows = records.find(ws, PdcaReview, initiative_id=initiative_id)
    return sorted(rows, key=_newest_first, reverse=True)


def review_summaries(ws: Workspace, initiative_id: str) -> list[Row[Any]]:
    """List rows of one initiative's PDCA reviews (id, reviewed_on, phase), newest first."""
    rows = records.summaries(ws, PdcaReview, ("reviewed_on", "phase"), initiative_id=initiative_id)
    return sorted(rows, key=_newest_first, reverse=True)


def add_review(ws: Workspace, initiative_id: str, **fields) -> PdcaReview:
    """Record a PDCA review (dated today unless given)."""
    records.get(ws, Initiative, initiative_id)
    fields.setdefault("reviewed_on", ws.today())
    return records.create(ws, PdcaReview, initiative_id=initiative_id, **fields)
