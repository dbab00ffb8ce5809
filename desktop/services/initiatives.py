"""ステップ3: initiatives and their PDCA reviews."""

from datetime import date

from desktop.models import Initiative, PdcaReview
from desktop.services import records
from desktop.services.workspace import Workspace


def initiatives(ws: Workspace) -> list[Initiative]:
    """Initiatives, earliest start first (undated last)."""
    return sorted(records.find(ws, Initiative), key=lambda i: (i.start_on or date.max, i.title))


def reviews(ws: Workspace, initiative_id: str) -> list[PdcaReview]:
    """PDCA reviews of one initiative, newest first."""
    rows = records.find(ws, PdcaReview, initiative_id=initiative_id)
    return sorted(rows, key=lambda r: r.reviewed_on or date.min, reverse=True)


def add_review(ws: Workspace, initiative_id: str, **fields) -> PdcaReview:
    """Record a PDCA review (dated today unless given)."""
    records.get(ws, Initiative, initiative_id)
    fields.setdefault("reviewed_on", date.today())
    return records.create(ws, PdcaReview, initiative_id=initiative_id, **fields)
