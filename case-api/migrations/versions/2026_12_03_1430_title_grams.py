"""case title grams: the lower-cased title's two-character pieces, generated, under a GIN index

Revision ID: case_0010_title_grams
Revises: case_0009_reminders
Create Date: 2026-12-03 14:30
"""

import sqlalchemy as sa
from alembic import op
from sqlalchemy.dialects import postgresql

from tsunagu_services.migrations import add_bigrams_function

revision = "case_0010_title_grams"
down_revision = "case_0009_reminders"
branch_labels = None
depends_on = None


def upgrade() -> None:
    add_bigrams_function()
    op.add_column(
        "support_case",
        sa.Column(
            "title_grams",
            postgresql.ARRAY(sa.Text()),
            sa.Computed("tsunagu_bigrams(lower(title))", persisted=True),
        ),
    )
    op.create_index("ix_support_case_title_grams", "support_case", ["title_grams"], postgresql_using="gin")


def downgrade() -> None:
    op.drop_index("ix_support_case_title_grams", table_name="support_case")
    op.drop_column("support_case", "title_grams")
    op.execute("DROP FUNCTION tsunagu_bigrams(text)")
