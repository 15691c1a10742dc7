"""safety check reminders: when the assignee was told of a check due within the hour, and overdue

Revision ID: case_0009_reminders
Revises: case_0008_outcomes
Create Date: 2026-12-03 14:00
"""

import sqlalchemy as sa
from alembic import op

revision = "case_0009_reminders"
down_revision = "case_0008_outcomes"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.add_column("safety_check", sa.Column("due_soon_told_at", sa.DateTime(timezone=True), nullable=True))
    op.add_column("safety_check", sa.Column("overdue_told_at", sa.DateTime(timezone=True), nullable=True))
    # What is overdue already is no news: the reminders start with what falls due from now on.
    op.execute(
        "UPDATE safety_check SET due_soon_told_at = now(), overdue_told_at = now()"
        " WHERE status = 'open' AND due_at <= now()"
    )


def downgrade() -> None:
    op.drop_column("safety_check", "overdue_told_at")
    op.drop_column("safety_check", "due_soon_told_at")
