"""Whole-dataset export in the change format of DESIGN.md §4 (the payload of packages and sync)."""

import json
import os
from pathlib import Path
from typing import Any

from sqlalchemy import select

from desktop.documents.output import atomic_output
from desktop.models import SYNCED_ENTITIES
from desktop.services.output_paths import check_output, writing
from desktop.services.workspace import Workspace

FORMAT = "dxnavi-changes"
FORMAT_VERSION = 1


def export_changes(ws: Workspace) -> dict[str, Any]:
    """Every record of this municipality, tombstones included, parents before children."""
    owner = ws.owner_code
    changes: list[dict[str, Any]] = []
    with ws.store.read() as s:
        for cls in SYNCED_ENTITIES:
            rows = s.scalars(select(cls).where(cls.owner_code == owner).order_by(cls.updated_at, cls.id))
            changes.extend(
                {
                    "kind": cls.kind,
                    "id": row.id,
                    "base_version": row.version,
                    "deleted": row.deleted,
                    "data": row.data(),
                }
                for row in rows
            )
    return {
        "format": FORMAT,
        "version": FORMAT_VERSION,
        "owner_code": owner,
        "exported_at": ws.now().isoformat(timespec="seconds"),
        "changes": changes,
    }


def write_json(obj: Any, path: Path) -> Path:
    """Write UTF-8 JSON so that `path` holds either the old file or the whole new one, never a part."""
    with atomic_output(Path(path)) as tmp, tmp.open("w", encoding="utf-8", newline="\n") as fh:
        json.dump(obj, fh, ensure_ascii=False, indent=2, allow_nan=False)
        fh.write("\n")
        fh.flush()
        os.fsync(fh.fileno())
    return Path(path)


def export_json(ws: Workspace, out: Path | str) -> tuple[Path, int]:
    """Write every record to `out` (never onto a file of the store); returns the path and the record count."""
    path = check_output(ws.store.data_dir, out)
    changes = export_changes(ws)
    with writing(path):
        write_json(changes, path)
    return path, len(changes["changes"])
