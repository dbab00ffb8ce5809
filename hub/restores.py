"""The hub's restore points (dxnavi-hub after-restore), read by /v1/status and by every push."""

from __future__ import annotations

from sqlalchemy import select

from desktop.sync.protocol import RestorePoint
from hub.schema import restore


def restore_points(conn) -> list[RestorePoint]:
    """Every restore of this hub from a backup, oldest first (usually none)."""
    rows = conn.execute(select(restore.c.lost_after, restore.c.resumed_at).order_by(restore.c.id)).all()
    return [RestorePoint(lost_after=lost, resumed_at=resumed) for lost, resumed in rows]
