"""dead letters: an outbox message the receiver refused waits for a person to retry or resolve it

Revision ID: gateway_0003
Revises: gateway_0002
Create Date: 2026-12-02 19:00
"""

from tsunagu_services.migrations import add_kit_dead_letters_v2, drop_kit_dead_letters_v2

revision = "gateway_0003"
down_revision = "gateway_0002"
branch_labels = None
depends_on = None


def upgrade() -> None:
    add_kit_dead_letters_v2()


def downgrade() -> None:
    drop_kit_dead_letters_v2()
