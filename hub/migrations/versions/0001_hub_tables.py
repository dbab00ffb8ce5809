"""The hub's first schema: counter, records, stored push answers, tokens, municipalities, audit log.

Revision ID: 0001
Revises:
"""

import sqlalchemy as sa
from alembic import op

revision = "0001"
down_revision = None
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "hub_counter",
        sa.Column("id", sa.Integer, primary_key=True),
        sa.Column("value", sa.BigInteger, nullable=False),
    )
    op.bulk_insert(sa.table("hub_counter", sa.column("id"), sa.column("value")), [{"id": 1, "value": 0}])
    op.create_table(
        "hub_record",
        sa.Column("kind", sa.String(64), primary_key=True),
        sa.Column("id", sa.String(36), primary_key=True),
        sa.Column("owner_code", sa.String(6), nullable=False),
        sa.Column("prefecture_code", sa.String(6), nullable=False),
        sa.Column("version", sa.BigInteger, nullable=False),
        sa.Column("deleted", sa.Boolean, nullable=False),
        sa.Column("deleted_version", sa.BigInteger, nullable=False),
        sa.Column("fields", sa.JSON, nullable=False),
        sa.Column("field_versions", sa.JSON, nullable=False),
        sa.Column("updated_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("updated_by", sa.String(100), nullable=False),
        sa.UniqueConstraint("version", name="uq_hub_record_version"),
    )
    op.create_index("ix_hub_record_owner_version", "hub_record", ["owner_code", "version"])
    op.create_index("ix_hub_record_prefecture_version", "hub_record", ["prefecture_code", "version"])
    op.create_table(
        "hub_batch",
        sa.Column("code", sa.String(6), primary_key=True),
        sa.Column("device_id", sa.String(100), primary_key=True),
        sa.Column("batch_id", sa.String(36), primary_key=True),
        sa.Column("response", sa.JSON, nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
    )
    op.create_table(
        "hub_token",
        sa.Column("id", sa.String(16), primary_key=True),
        sa.Column("code", sa.String(6), nullable=False),
        sa.Column("label", sa.String(200), nullable=False),
        sa.Column("secret_hash", sa.String(64), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("revoked_at", sa.DateTime(timezone=True), nullable=True),
    )
    op.create_index("ix_hub_token_code", "hub_token", ["code"])
    op.create_table(
        "hub_municipality",
        sa.Column("code", sa.String(6), primary_key=True),
        sa.Column("name", sa.String(100), nullable=False),
    )
    op.create_table(
        "hub_audit",
        sa.Column("id", sa.Integer, primary_key=True, autoincrement=True),
        sa.Column("at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("code", sa.String(6), nullable=False),
        sa.Column("token_id", sa.String(16), nullable=False),
        sa.Column("device_id", sa.String(100), nullable=False),
        sa.Column("batch_id", sa.String(36), nullable=False),
        sa.Column("action", sa.String(30), nullable=False),
        sa.Column("records", sa.JSON, nullable=False),
        sa.Column("detail", sa.Text, nullable=False),
    )
    op.create_index("ix_hub_audit_at", "hub_audit", ["at"])
