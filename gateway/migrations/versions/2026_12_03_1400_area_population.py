"""area population: residents per area, for the statistics' rates per 100,000

Revision ID: gateway_0009
Revises: gateway_0008
Create Date: 2026-12-03 14:00
"""

import sqlalchemy as sa
from alembic import op

revision = "gateway_0009"
down_revision = "gateway_0008"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.add_column("area", sa.Column("population", sa.Integer(), nullable=True))


def downgrade() -> None:
    op.drop_column("area", "population")
