"""good_practice gains the other fields of the GIF 事例データモデル (サブタイトル, 事例実施年 … 連絡先情報)

Existing 好事例 keep their values; the new fields start empty (texts ''; lists []; 事例実施年 none).

Revision ID: 0010
Revises: 0009
"""

import sqlalchemy as sa
from alembic import op

revision = "0010"
down_revision = "0009"
branch_labels = None
depends_on = None

_STRINGS = (
    ("subtitle", 200), ("place", 200), ("service_category", 100),
    ("contact_name", 100), ("contact_phone", 30), ("contact_email", 200), ("contact_url", 500),
)  # fmt: skip
_TEXTS = (
    "reason", "purpose", "challenges", "activities", "lessons", "ingenuity", "constraints", "spread",
    "sustainability", "evaluation",
)  # fmt: skip
_LISTS = ("keywords", "schemes", "collaborators", "images", "videos", "related_urls", "related_practices")


def upgrade() -> None:
    # SQLite's own ALTER TABLE ADD COLUMN (a constant default fills the rows there are), not a table rebuild.
    op.add_column("good_practice", sa.Column("carried_out_year", sa.Integer(), nullable=True))
    for name, length in _STRINGS:
        op.add_column("good_practice", sa.Column(name, sa.String(length=length), nullable=False, server_default=""))
    for name in _TEXTS:
        op.add_column("good_practice", sa.Column(name, sa.Text(), nullable=False, server_default=""))
    for name in _LISTS:
        op.add_column("good_practice", sa.Column(name, sa.JSON(), nullable=False, server_default="[]"))


def downgrade() -> None:
    for name in ("carried_out_year", *(n for n, _ in _STRINGS), *_TEXTS, *_LISTS):
        op.drop_column("good_practice", name)
