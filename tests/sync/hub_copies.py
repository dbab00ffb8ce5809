"""A local row as the hub would hand it out at some version: what a pull brings, for tests without a hub."""

from desktop.sync.protocol import Record
from desktop.sync.wire import row_fields


def hub_copy(row, version: int, **fields) -> Record:
    """`row` at `version`, with `fields` changed (as another PC wrote them)."""
    return Record(
        kind=row.kind,
        id=row.id,
        owner_code=row.owner_code,
        version=version,
        updated_at="2026-11-29T03:00:00+00:00",
        updated_by=row.updated_by,
        fields={**row_fields(row), **fields},
    )
