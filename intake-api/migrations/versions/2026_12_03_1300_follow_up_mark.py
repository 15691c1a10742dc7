"""follow-up mark: a reporter's follow-up after triage stays marked until staff acknowledge it

Revision ID: intake_0006
Revises: intake_0005
Create Date: 2026-12-03 13:00
"""

import sqlalchemy as sa
from alembic import op

revision = "intake_0006"
down_revision = "intake_0005"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.add_column(
        "consultation", sa.Column("follow_up_pending_since", sa.DateTime(timezone=True), nullable=True)
    )


def downgrade() -> None:
    op.drop_column("consultation", "follow_up_pending_since")
