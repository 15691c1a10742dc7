"""audit outcomes: the event is written before the request is forwarded, its status after

Revision ID: gateway_0002
Revises: gateway_0001
Create Date: 2026-12-02 18:00

`audit_event.status` becomes nullable (older events keep theirs); the status of a
new event is an append-only `audit_outcome` row, so the trail is never updated.
"""

import sqlalchemy as sa
from alembic import op

revision = "gateway_0002"
down_revision = "gateway_0001"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.alter_column("audit_event", "status", existing_type=sa.Integer(), nullable=True)
    op.create_table(
        "audit_outcome",
        sa.Column("event_id", sa.BigInteger(), nullable=False),
        sa.Column("status", sa.Integer(), nullable=False),
        sa.Column("recorded_at", sa.DateTime(timezone=True), server_default=sa.func.now(), nullable=False),
        sa.PrimaryKeyConstraint("event_id", name="pk_audit_outcome"),
        sa.ForeignKeyConstraint(
            ["event_id"], ["audit_event.id"], name="fk_audit_outcome_event_id_audit_event"
        ),
    )
    op.execute("""
        CREATE OR REPLACE FUNCTION audit_event_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
        BEGIN
            RAISE EXCEPTION '% is append-only (% refused)', TG_TABLE_NAME, TG_OP
                USING ERRCODE = 'insufficient_privilege';
        END
        $$
    """)
    op.execute("""
        CREATE TRIGGER audit_outcome_no_update_delete BEFORE UPDATE OR DELETE ON audit_outcome
            FOR EACH ROW EXECUTE FUNCTION audit_event_append_only()
    """)
    op.execute("""
        CREATE TRIGGER audit_outcome_no_truncate BEFORE TRUNCATE ON audit_outcome
            FOR EACH STATEMENT EXECUTE FUNCTION audit_event_append_only()
    """)


def downgrade() -> None:
    op.drop_table("audit_outcome")
    op.alter_column("audit_event", "status", existing_type=sa.Integer(), nullable=False)
