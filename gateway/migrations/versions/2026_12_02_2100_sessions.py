"""sessions: a sign-in per browser, refreshed by single-use refresh tokens (stored hashed)

Revision ID: gateway_0005
Revises: gateway_0004
Create Date: 2026-12-02 21:00
"""

import sqlalchemy as sa
from alembic import op

revision = "gateway_0005"
down_revision = "gateway_0004"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "login_session",
        sa.Column("id", sa.Uuid(), nullable=False),
        sa.Column("user_id", sa.Uuid(), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("last_used_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("expires_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("ended_at", sa.DateTime(timezone=True), nullable=True),
        sa.Column("end_reason", sa.String(30), nullable=True),
        sa.Column("ended_by", sa.String(100), nullable=True),
        sa.Column("user_agent", sa.Text(), nullable=True),
        sa.PrimaryKeyConstraint("id", name="pk_login_session"),
        sa.ForeignKeyConstraint(["user_id"], ["staff_user.id"], name="fk_login_session_user_id_staff_user"),
    )
    op.create_index("ix_login_session_user_id", "login_session", ["user_id"])
    op.create_table(
        "refresh_token",
        sa.Column("token_hash", sa.String(64), nullable=False),
        sa.Column("session_id", sa.Uuid(), nullable=False),
        sa.Column("issued_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("idle_expires_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("used_at", sa.DateTime(timezone=True), nullable=True),
        sa.PrimaryKeyConstraint("token_hash", name="pk_refresh_token"),
        sa.ForeignKeyConstraint(
            ["session_id"], ["login_session.id"], name="fk_refresh_token_session_id_login_session"
        ),
    )
    op.create_index("ix_refresh_token_session_id", "refresh_token", ["session_id"])


def downgrade() -> None:
    op.drop_table("refresh_token")
    op.drop_table("login_session")
