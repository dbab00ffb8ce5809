"""package origins keep only the order: the merge base of a record brought by a package is sync's base copy

Revision ID: 0009
Revises: 0008
"""

from alembic import op
import sqlalchemy as sa


revision = '0009'
down_revision = '0008'
branch_labels = None
depends_on = None


def upgrade() -> None:
    # SQLite's own ALTER TABLE DROP COLUMN (3.35+), not a table rebuild: no pages are freed.
    op.drop_column('package_origin', 'base')


def downgrade() -> None:
    op.add_column('package_origin', sa.Column('base', sa.Text(), nullable=False, server_default=''))
