"""What the status bar says about sync: how many local changes have not reached the prefecture yet."""

from sqlalchemy import func, select

from desktop.models import SYNCED_ENTITIES
from desktop.services.workspace import Workspace


def pending_changes(ws: Workspace) -> int:
    """Records edited locally and not yet acknowledged by the hub (or sent in a package)."""
    total = 0
    with ws.store.read() as s:
        for cls in SYNCED_ENTITIES:
            total += s.scalar(select(func.count()).select_from(cls).where(cls.dirty.is_(True))) or 0
    return total
