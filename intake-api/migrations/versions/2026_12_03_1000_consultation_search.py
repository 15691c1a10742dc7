"""consultation search: a folded key of the person's and consulter's name, kana, address and phones

Revision ID: intake_0005
Revises: intake_0004
Create Date: 2026-12-03 10:00
"""

import sqlalchemy as sa
from alembic import op

from intake_api.consultations.rules import search_text

revision = "intake_0005"
down_revision = "intake_0004"
branch_labels = None
depends_on = None

EXISTING = sa.text(
    "SELECT id, person_name, person_kana, person_address, person_phone, consulter_name, consulter_phone,"
    " external_ref FROM consultation"
)


def upgrade() -> None:
    op.execute("CREATE EXTENSION IF NOT EXISTS pg_trgm")
    op.add_column("consultation", sa.Column("search_text", sa.Text(), nullable=False, server_default=""))
    connection = op.get_bind()
    for row in connection.execute(EXISTING).mappings():
        connection.execute(
            sa.text("UPDATE consultation SET search_text = :key WHERE id = :id"),
            {"key": search_text(**{k: v for k, v in row.items() if k != "id"}), "id": row["id"]},
        )
    op.create_index(
        "ix_consultation_search_text",
        "consultation",
        ["search_text"],
        postgresql_using="gin",
        postgresql_ops={"search_text": "gin_trgm_ops"},
    )


def downgrade() -> None:
    op.drop_index("ix_consultation_search_text", table_name="consultation")
    op.drop_column("consultation", "search_text")
