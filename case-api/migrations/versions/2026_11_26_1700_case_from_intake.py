"""case from intake: the consultation a case was opened from

Revision ID: case_0006_from_intake
Revises: case_0005_network
Create Date: 2026-11-26 17:00
"""

import sqlalchemy as sa
from alembic import op

revision = "case_0006_from_intake"
down_revision = "case_0005_network"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.add_column("support_case", sa.Column("consultation_id", sa.Uuid(), nullable=True))
    op.create_unique_constraint("uq_support_case_consultation_id", "support_case", ["consultation_id"])


def downgrade() -> None:
    op.drop_constraint("uq_support_case_consultation_id", "support_case", type_="unique")
    op.drop_column("support_case", "consultation_id")
