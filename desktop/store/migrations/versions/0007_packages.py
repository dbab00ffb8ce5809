"""package channel: pinned keys, receipts, record origins

Revision ID: 0007
Revises: 0006
"""

from alembic import op
import sqlalchemy as sa


revision = '0007'
down_revision = '0006'
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table('package_key',
    sa.Column('owner_code', sa.String(length=6), nullable=False),
    sa.Column('key_id', sa.String(length=16), nullable=False),
    sa.Column('public_key', sa.String(length=64), nullable=False),
    sa.Column('fingerprint', sa.String(length=64), nullable=False),
    sa.Column('sender_name', sa.String(length=100), nullable=False),
    sa.Column('source', sa.String(length=10), nullable=False),
    sa.Column('pinned_at', sa.DateTime(timezone=True), nullable=False),
    sa.PrimaryKeyConstraint('owner_code', 'key_id', name=op.f('pk_package_key'))
    )
    op.create_table('package_receipt',
    sa.Column('package_id', sa.String(length=36), nullable=False),
    sa.Column('sender_code', sa.String(length=6), nullable=False),
    sa.Column('key_id', sa.String(length=16), nullable=False),
    sa.Column('sequence', sa.Integer(), nullable=False),
    sa.Column('kind', sa.String(length=10), nullable=False),
    sa.Column('imported_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('summary', sa.Text(), nullable=False),
    sa.PrimaryKeyConstraint('package_id', name=op.f('pk_package_receipt'))
    )
    with op.batch_alter_table('package_receipt', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_package_receipt_sender_code'), ['sender_code'], unique=False)
    op.create_table('package_origin',
    sa.Column('kind', sa.String(length=64), nullable=False),
    sa.Column('record_id', sa.String(length=36), nullable=False),
    sa.Column('key_id', sa.String(length=16), nullable=False),
    sa.Column('sequence', sa.Integer(), nullable=False),
    sa.Column('base', sa.Text(), nullable=False),
    sa.PrimaryKeyConstraint('kind', 'record_id', name=op.f('pk_package_origin'))
    )


def downgrade() -> None:
    op.drop_table('package_origin')
    with op.batch_alter_table('package_receipt', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_package_receipt_sender_code'))
    op.drop_table('package_receipt')
    op.drop_table('package_key')
