"""staff directory: kana, a search key and a version (ETag) on users; a version on areas

Revision ID: gateway_0007
Revises: gateway_0006
Create Date: 2026-12-03 09:00
"""

import sqlalchemy as sa
from alembic import op

from tsunagu_services.japanese import search_key

revision = "gateway_0007"
down_revision = "gateway_0006"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.add_column("staff_user", sa.Column("display_kana", sa.String(200), nullable=True))
    op.add_column("staff_user", sa.Column("search_text", sa.Text(), nullable=False, server_default=""))
    op.add_column("staff_user", sa.Column("version", sa.Integer(), nullable=False, server_default="1"))
    op.add_column("area", sa.Column("version", sa.Integer(), nullable=False, server_default="1"))
    connection = op.get_bind()
    users = connection.execute(sa.text("SELECT id, username, display_name FROM staff_user")).all()
    for user_id, username, display_name in users:
        connection.execute(
            sa.text("UPDATE staff_user SET search_text = :key WHERE id = :id"),
            {"key": f"{search_key(display_name)} {search_key(username)}", "id": user_id},
        )


def downgrade() -> None:
    op.drop_column("area", "version")
    op.drop_column("staff_user", "version")
    op.drop_column("staff_user", "search_text")
    op.drop_column("staff_user", "display_kana")
