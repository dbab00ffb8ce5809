"""sync state: cursor and device id, base copies, conflicts, refused changes, parked records, history

Revision ID: 0004
Revises: 0003
Create Date: 2026-11-30 00:40:00
"""

import sqlalchemy as sa
from alembic import op

revision = "0004"
down_revision = "0003"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "sync_state",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("device_id", sa.String(length=100), nullable=False),
        sa.Column("cursor", sa.Integer(), nullable=False),
        sa.Column("checked_head", sa.Integer(), nullable=False),
        sa.Column("first_synced_at", sa.DateTime(timezone=True), nullable=True),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_sync_state")),
    )
    op.create_table(
        "sync_base",
        sa.Column("kind", sa.String(length=64), nullable=False),
        sa.Column("record_id", sa.String(length=36), nullable=False),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.Column("deleted", sa.Boolean(), nullable=False),
        sa.Column("fields", sa.JSON(), nullable=False),
        sa.PrimaryKeyConstraint("kind", "record_id", name=op.f("pk_sync_base")),
    )
    op.create_table(
        "sync_conflict",
        sa.Column("id", sa.String(length=36), nullable=False),
        sa.Column("kind", sa.String(length=64), nullable=False),
        sa.Column("record_id", sa.String(length=36), nullable=False),
        sa.Column("field", sa.String(length=64), nullable=False),
        sa.Column("mine", sa.JSON(), nullable=True),
        sa.Column("theirs", sa.JSON(), nullable=True),
        sa.Column("base", sa.JSON(), nullable=True),
        sa.Column("hub_version", sa.Integer(), nullable=False),
        sa.Column("detected_at", sa.DateTime(timezone=True), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_sync_conflict")),
    )
    op.create_index(op.f("ix_sync_conflict_kind"), "sync_conflict", ["kind"])
    op.create_index(op.f("ix_sync_conflict_record_id"), "sync_conflict", ["record_id"])
    op.create_table(
        "sync_rejection",
        sa.Column("kind", sa.String(length=64), nullable=False),
        sa.Column("record_id", sa.String(length=36), nullable=False),
        sa.Column("fingerprint", sa.String(length=64), nullable=False),
        sa.Column("reason", sa.Text(), nullable=False),
        sa.Column("at", sa.DateTime(timezone=True), nullable=False),
        sa.PrimaryKeyConstraint("kind", "record_id", name=op.f("pk_sync_rejection")),
    )
    op.create_table(
        "sync_parked",
        sa.Column("kind", sa.String(length=64), nullable=False),
        sa.Column("record_id", sa.String(length=36), nullable=False),
        sa.Column("record", sa.JSON(), nullable=False),
        sa.PrimaryKeyConstraint("kind", "record_id", name=op.f("pk_sync_parked")),
    )
    op.create_table(
        "sync_run",
        sa.Column("seq", sa.Integer(), autoincrement=True, nullable=False),
        sa.Column("started_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("finished_at", sa.DateTime(timezone=True), nullable=True),
        sa.Column("outcome", sa.String(length=20), nullable=False),
        sa.Column("pushed", sa.Integer(), nullable=False),
        sa.Column("pulled", sa.Integer(), nullable=False),
        sa.Column("conflicts", sa.Integer(), nullable=False),
        sa.Column("repaired", sa.String(length=500), nullable=False),
        sa.Column("message", sa.Text(), nullable=False),
        sa.PrimaryKeyConstraint("seq", name=op.f("pk_sync_run")),
    )
    # The status bar counts 未送信 on every edit: dirty rows are found by index, not by a table scan.
    for table in SYNCED_TABLES:
        op.create_index(op.f(f"ix_{table}_dirty"), table, ["dirty"])


SYNCED_TABLES = (
    "municipality", "awareness_activity", "checklist_state", "plan", "plan_priority", "kpi", "kpi_value",
    "org_role", "talent_gap", "initiative", "pdca_review", "standardization_system", "needs_request",
    "job_description", "procurement_spec", "procurement_requirement", "procurement_participant",
    "talent_pool_entry", "good_practice", "joint_procurement_offer", "joint_procurement_intent", "announcement",
)  # fmt: skip


def downgrade() -> None:
    for table in SYNCED_TABLES:
        op.drop_index(op.f(f"ix_{table}_dirty"), table)
    for table in ("sync_run", "sync_parked", "sync_rejection", "sync_conflict", "sync_base", "sync_state"):
        op.drop_table(table)
