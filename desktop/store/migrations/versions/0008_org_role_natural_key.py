"""org_role.seat and natural ids for the posts of the DX structure (推進体制)

Revision ID: 0008
Revises: 0007

A post is identified within its town by its role and its seat (the first CIO, the second DX推進リーダー …), so two
PCs of one town that each entered the town's posts offline sync into one set of posts. The live posts of each role
take seats 1, 2 … in their display order and the id uuid5(団体コード + kind + role + seat):
- a post the hub has never seen (version 0) is re-keyed in place; the audit log and its package origin follow;
- a post the hub already has keeps its id there: here it becomes a tombstone to send (with its synced copy as
  the merge base, so the deletion reaches the hub), and a copy under the natural id is sent as new.
Tombstones keep their ids. The wire format of the base copy is written out here so this migration never changes.
"""

import json

import sqlalchemy as sa
from alembic import op
from sqlalchemy import text

from desktop.models.natural_keys import natural_id

revision = "0008"
down_revision = "0007"
branch_labels = None
depends_on = None

FIELDS = ("role_key", "title", "person_name", "position", "appointed_on", "is_external", "note", "sort_order")


def _wire(row) -> dict:
    """A post's fields as they travel (as desktop.sync.wire writes them): dates as text, flags as booleans."""
    fields = {key: getattr(row, key) for key in FIELDS}
    fields["is_external"] = bool(fields["is_external"])
    fields["appointed_on"] = fields["appointed_on"][:10] if fields["appointed_on"] else None
    fields["seat"] = 1  # what the hub's copy, which has no seat, stands for
    return fields


def upgrade() -> None:
    op.add_column("org_role", sa.Column("seat", sa.Integer(), nullable=False, server_default="1"))
    conn = op.get_bind()
    columns = ", ".join(("id", "owner_code", "version", "dirty", "updated_at", "updated_by", *FIELDS))
    rows = conn.execute(
        text(f"SELECT {columns} FROM org_role WHERE deleted = 0 ORDER BY owner_code, role_key, sort_order, updated_at")  # noqa: S608,E501 - fixed names
    ).fetchall()
    taken = {row[0] for row in conn.execute(text("SELECT id FROM org_role"))}
    seats: dict[tuple[str, str], int] = {}
    for row in rows:
        seat = seats[(row.owner_code, row.role_key)] = seats.get((row.owner_code, row.role_key), 0) + 1
        new = natural_id(row.owner_code, "org_role", row.role_key, seat)
        if new in taken:
            continue
        taken.add(new)
        if row.version == 0:
            conn.execute(text("UPDATE org_role SET id = :new, seat = :seat WHERE id = :old"),
                         {"new": new, "seat": seat, "old": row.id})  # fmt: skip
            conn.execute(
                text("UPDATE audit_entry SET entity_id = :new WHERE entity = 'org_role' AND entity_id = :old"),
                {"new": new, "old": row.id},
            )
            conn.execute(
                text("UPDATE package_origin SET record_id = :new WHERE kind = 'org_role' AND record_id = :old"),
                {"new": new, "old": row.id},
            )
            continue
        conn.execute(
            text(
                f"INSERT INTO org_role (id, owner_code, version, dirty, deleted, updated_at, updated_by, seat, "  # noqa: S608
                f"{', '.join(FIELDS)}) SELECT :new, owner_code, 0, 1, 0, updated_at, updated_by, :seat, "
                f"{', '.join(FIELDS)} FROM org_role WHERE id = :old"
            ),
            {"new": new, "seat": seat, "old": row.id},
        )
        if not row.dirty:  # its synced copy is the base the deletion is sent against
            conn.execute(
                text(
                    "INSERT INTO sync_base (kind, record_id, version, deleted, fields)"
                    " VALUES ('org_role', :id, :version, 0, :fields)"
                ),
                {"id": row.id, "version": row.version, "fields": json.dumps(_wire(row), ensure_ascii=False)},
            )
        conn.execute(text("UPDATE org_role SET deleted = 1, dirty = 1 WHERE id = :old"), {"old": row.id})


def downgrade() -> None:
    with op.batch_alter_table("org_role") as batch:
        batch.drop_column("seat")
