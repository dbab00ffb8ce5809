"""municipality.head_title: the head's title (市長・町長・村長・区長), filled in from the 団体名

Revision ID: 0005
Revises: 0004
"""

import sqlalchemy as sa
from alembic import op

revision = "0005"
down_revision = "0004"
branch_labels = None
depends_on = None

# The title a 団体名 implies by its last character (a note in brackets, as in デモ町（架空）, is skipped);
# the same rule as desktop.models.contact.head_title_for, written out so this migration never changes.
_SUFFIXES = (("市", "市長"), ("町", "町長"), ("村", "村長"), ("区", "区長"))


def _title(name: str) -> str:
    base = name.strip()
    if base.endswith(("）", ")")):
        for opening in ("（", "("):
            if opening in base:
                base = base[: base.rindex(opening)].strip()
                break
    return next((title for suffix, title in _SUFFIXES if base.endswith(suffix)), "")


def upgrade() -> None:
    with op.batch_alter_table("municipality", schema=None) as batch_op:
        batch_op.add_column(sa.Column("head_title", sa.String(length=10), nullable=False, server_default=""))
    conn = op.get_bind()
    rows = conn.execute(sa.text("SELECT id, name FROM municipality")).fetchall()
    for row_id, name in rows:
        title = _title(name or "")
        if title:
            conn.execute(
                sa.text("UPDATE municipality SET head_title = :title WHERE id = :id"), {"title": title, "id": row_id}
            )


def downgrade() -> None:
    with op.batch_alter_table("municipality", schema=None) as batch_op:
        batch_op.drop_column("head_title")
