"""Hub restores: the restore points, and each record's copy as the latest restore left it.

Revision ID: 0003
Revises: 0002
"""

import sqlalchemy as sa
from alembic import op

revision = "0003"
down_revision = "0002"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "hub_restore",
        sa.Column("id", sa.Integer, primary_key=True, autoincrement=True),
        sa.Column("lost_after", sa.BigInteger, nullable=False),
        sa.Column("resumed_at", sa.BigInteger, nullable=False),
        sa.Column("at", sa.DateTime(timezone=True), nullable=False),
    )
    op.add_column("hub_record", sa.Column("restored", sa.JSON, nullable=True))


def downgrade() -> None:
    with op.batch_alter_table("hub_record") as table:
        table.drop_column("restored")
    op.drop_table("hub_restore")
