"""dead letters: an outbox message the receiver refused waits for a person to retry or resolve it

Revision ID: meeting_0005
Revises: meeting_0004
Create Date: 2026-12-02 19:00
"""

from tsunagu_services.migrations import add_kit_dead_letters_v2, drop_kit_dead_letters_v2

revision = "meeting_0005"
down_revision = "meeting_0004"
branch_labels = None
depends_on = None


def upgrade() -> None:
    add_kit_dead_letters_v2()


def downgrade() -> None:
    drop_kit_dead_letters_v2()
