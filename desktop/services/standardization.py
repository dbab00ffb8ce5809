"""標準化(20業務): one tracker row per 標準化対象業務, created on first use."""

from dataclasses import dataclass

from desktop.content import load_catalog
from desktop.content.catalog import Business
from desktop.models import StandardizationSystem
from desktop.services import records
from desktop.services.workspace import Workspace


@dataclass(frozen=True)
class TrackerRow:
    """A 業務 and the municipality's migration record for it."""

    business: Business
    system: StandardizationSystem


def tracker(ws: Workspace) -> list[TrackerRow]:
    """All 20 業務 in official order; missing rows are created (once) so every 業務 can be edited."""
    catalog = load_catalog()
    existing = {s.business_key: s for s in records.find(ws, StandardizationSystem)}
    rows = []
    for b in catalog.businesses:
        system = existing.get(b.key)
        if system is None:
            system = records.create(ws, StandardizationSystem, business_key=b.key)
        rows.append(TrackerRow(b, system))
    return rows


@dataclass(frozen=True)
class TrackerSummary:
    """Counts for the home page and progress report."""

    total: int
    live: int
    specific_support: int
    gov_cloud: int
    not_started: int


def summary(ws: Workspace) -> TrackerSummary:
    """How far the 20 業務 are."""
    systems = {s.business_key: s for s in records.find(ws, StandardizationSystem)}
    catalog = load_catalog()
    go_live = catalog.phases[-1].key  # the last work item of the 標準化手順書 is 本稼働
    rows = [systems.get(b.key) for b in catalog.businesses]
    return TrackerSummary(
        total=len(catalog.businesses),
        live=sum(1 for s in rows if s is not None and s.phase_key == go_live),
        specific_support=sum(1 for s in rows if s is not None and s.specific_support),
        gov_cloud=sum(1 for s in rows if s is not None and s.gov_cloud),
        not_started=sum(1 for s in rows if s is None or not s.phase_key),
    )
