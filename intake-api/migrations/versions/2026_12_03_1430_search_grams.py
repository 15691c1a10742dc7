"""consultation search grams: the search key's two-character pieces, generated, under a GIN index

They replace the trigram index: for a term of two characters pg_trgm extracts nothing, and a GIN
scan of the whole trigram index (which the planner may still pick) costs more than the search.

Revision ID: intake_0007
Revises: intake_0006
Create Date: 2026-12-03 14:30
"""

import sqlalchemy as sa
from alembic import op
from sqlalchemy.dialects import postgresql

from tsunagu_services.migrations import add_bigrams_function

revision = "intake_0007"
down_revision = "intake_0006"
branch_labels = None
depends_on = None


def upgrade() -> None:
    add_bigrams_function()
    op.add_column(
        "consultation",
        sa.Column(
            "search_grams",
            postgresql.ARRAY(sa.Text()),
            sa.Computed("tsunagu_bigrams(search_text)", persisted=True),
        ),
    )
    op.create_index("ix_consultation_search_grams", "consultation", ["search_grams"], postgresql_using="gin")


def downgrade() -> None:
    op.create_index(
        "ix_consultation_search_text",
        "consultation",
        ["search_text"],
        postgresql_using="gin",
        postgresql_ops={"search_text": "gin_trgm_ops"},
    )
    op.drop_index("ix_consultation_search_grams", table_name="consultation")
    op.drop_column("consultation", "search_grams")
    op.execute("DROP FUNCTION tsunagu_bigrams(text)")
