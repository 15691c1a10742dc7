"""dead letters: an outbox message the receiver refused waits for a person to retry or resolve it

Revision ID: case_0007_dead_letters
Revises: case_0006_from_intake
Create Date: 2026-12-02 19:00
"""

from tsunagu_services.migrations import add_kit_dead_letters_v2, drop_kit_dead_letters_v2

revision = "case_0007_dead_letters"
down_revision = "case_0006_from_intake"
branch_labels = None
depends_on = None


def upgrade() -> None:
    add_kit_dead_letters_v2()


def downgrade() -> None:
    drop_kit_dead_letters_v2()
