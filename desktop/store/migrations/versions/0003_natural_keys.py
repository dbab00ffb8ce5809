"""natural keys: records that exist once per town get their deterministic ids

Revision ID: 0003
Revises: 0002
Create Date: 2026-11-30 00:20:00

Rows made before this version got random ids, so two PCs of one town would sync into two plans, two states of
one checkpoint … Every such row is re-keyed to uuid5(団体コード + kind + natural key), and every reference to it
(foreign keys and the audit log) follows, in the one transaction Alembic runs in. Nothing was synced before this
version, so no hub knows the old ids. When a store somehow holds two rows with one natural key, the live, most
recently edited one takes the natural id and the others keep theirs.
"""

from alembic import op
from sqlalchemy import text

from desktop.models.natural_keys import natural_id

revision = "0003"
down_revision = "0002"
branch_labels = None
depends_on = None

# Parents before children: a kpi_value's key holds its kpi's id, which is never re-keyed itself.
# table → (key columns, [(child table, foreign-key column)])
REKEYED: tuple[tuple[str, tuple[str, ...], tuple[tuple[str, str], ...]], ...] = (
    ("municipality", (), ()),
    ("plan", (), (("plan_priority", "plan_id"), ("kpi", "plan_id"))),
    ("checklist_state", ("item_key",), ()),
    ("standardization_system", ("business_key",), ()),
    ("plan_priority", ("catalog_key",), (("kpi", "priority_id"),)),
    ("kpi_value", ("kpi_id", "fiscal_year"), ()),
    ("joint_procurement_intent", ("offer_id",), ()),
)


def upgrade() -> None:
    conn = op.get_bind()
    for table, key_cols, children in REKEYED:
        cols = ", ".join(("id", "owner_code", *key_cols))
        rows = conn.execute(
            text(f"SELECT {cols} FROM {table} ORDER BY deleted, updated_at DESC")  # noqa: S608 - fixed names
        ).fetchall()
        taken = {row[0] for row in rows}  # an id already taken is never given twice
        for row in rows:
            old_id, code, *key = row
            if any(part is None or part == "" for part in key):
                continue
            new = natural_id(code, table, *key)
            if new in taken:
                continue
            taken.add(new)
            conn.execute(text(f"UPDATE {table} SET id = :new WHERE id = :old"), {"new": new, "old": old_id})
            for child, fk in children:
                conn.execute(text(f"UPDATE {child} SET {fk} = :new WHERE {fk} = :old"), {"new": new, "old": old_id})
            conn.execute(
                text("UPDATE audit_entry SET entity_id = :new WHERE entity = :kind AND entity_id = :old"),
                {"new": new, "old": old_id, "kind": table},
            )


def downgrade() -> None:
    """Natural ids are valid ids for the previous schema too: nothing to undo."""
