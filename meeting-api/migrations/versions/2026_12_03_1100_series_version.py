"""series version: a series can now be moved from a date on, under If-Match

Revision ID: meeting_0006
Revises: meeting_0005
Create Date: 2026-12-03 11:00
"""

import sqlalchemy as sa
from alembic import op

revision = "meeting_0006"
down_revision = "meeting_0005"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.add_column("meeting_series", sa.Column("version", sa.Integer(), nullable=False, server_default="1"))


def downgrade() -> None:
    op.drop_column("meeting_series", "version")
