"""tamper-evident audit: each event and each outcome carries a hash over its content and the one before

Revision ID: gateway_0006
Revises: gateway_0005
Create Date: 2026-12-02 22:00

The hash is computed in the database, in a trigger that holds the chain's head row
locked until the inserting transaction ends, so concurrent writers (several gateway
replicas) line up into one chain; `chain_seq`, drawn under that lock, is the chain's
order (ids and outcomes are not written in it). Existing rows are chained in id order.
"""

import sqlalchemy as sa
from alembic import op

revision = "gateway_0006"
down_revision = "gateway_0005"
branch_labels = None
depends_on = None

GENESIS = "'\\x" + "00" * 32 + "'::bytea"

# The canonical text of a row: a JSON array of its fields (timestamps as UTC text), as jsonb prints
# it. gateway.audit.chain builds the same text in Python to verify without trusting this code.
EVENT_CONTENT = """
CREATE FUNCTION audit_event_content(e audit_event) RETURNS text LANGUAGE sql STABLE AS $$
    SELECT jsonb_build_array(
        e.id, to_char(e.occurred_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"'), e.request_id,
        e.actor_sub, e.actor_username, e.actor_role, e.method, e.path, e.resource_type, e.resource_id,
        e.status
    )::text
$$
"""
OUTCOME_CONTENT = """
CREATE FUNCTION audit_outcome_content(o audit_outcome) RETURNS text LANGUAGE sql STABLE AS $$
    SELECT jsonb_build_array(
        o.event_id, o.status, to_char(o.recorded_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"')
    )::text
$$
"""
LINK = """
CREATE FUNCTION audit_{table}_link() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
    head audit_chain_head;
BEGIN
    SELECT * INTO head FROM audit_chain_head WHERE chain = '{table}' FOR UPDATE;
    NEW.chain_seq := head.last_seq + 1;
    NEW.prev_hash := head.last_hash;
    NEW.hash := sha256(head.last_hash || convert_to(audit_{table}_content(NEW), 'UTF8'));
    UPDATE audit_chain_head SET last_seq = NEW.chain_seq, last_key = NEW.{key}, last_hash = NEW.hash
    WHERE chain = '{table}';
    RETURN NEW;
END
$$
"""
BACKFILL = """
DO $$
DECLARE
    r audit_{table};
    previous bytea := {genesis};
    last bigint := NULL;
    seq bigint := 0;
BEGIN
    FOR r IN SELECT * FROM audit_{table} ORDER BY {key} LOOP
        seq := seq + 1;
        UPDATE audit_{table} SET chain_seq = seq, prev_hash = previous,
            hash = sha256(previous || convert_to(audit_{table}_content(r), 'UTF8'))
        WHERE {key} = r.{key}
        RETURNING hash INTO previous;
        last := r.{key};
    END LOOP;
    INSERT INTO audit_chain_head (chain, last_seq, last_key, last_hash)
    VALUES ('{table}', seq, last, previous);
END
$$
"""
CHAINS = (("event", "id"), ("outcome", "event_id"))


def upgrade() -> None:
    op.create_table(
        "audit_chain_head",
        sa.Column("chain", sa.String(20), nullable=False),
        sa.Column("last_seq", sa.BigInteger(), nullable=False),
        sa.Column("last_key", sa.BigInteger(), nullable=True),
        sa.Column("last_hash", sa.LargeBinary(), nullable=False),
        sa.PrimaryKeyConstraint("chain", name="pk_audit_chain_head"),
    )
    op.create_table(
        "audit_anchor",
        sa.Column("id", sa.BigInteger(), sa.Identity(), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), server_default=sa.func.now(), nullable=False),
        sa.Column("event_id", sa.BigInteger(), nullable=True),
        sa.Column("event_hash", sa.LargeBinary(), nullable=False),
        sa.Column("outcome_event_id", sa.BigInteger(), nullable=True),
        sa.Column("outcome_hash", sa.LargeBinary(), nullable=False),
        sa.Column("signature", sa.Text(), nullable=False),
        sa.PrimaryKeyConstraint("id", name="pk_audit_anchor"),
    )
    for table, _ in CHAINS:
        op.add_column(f"audit_{table}", sa.Column("chain_seq", sa.BigInteger(), nullable=True))
        op.add_column(f"audit_{table}", sa.Column("prev_hash", sa.LargeBinary(), nullable=True))
        op.add_column(f"audit_{table}", sa.Column("hash", sa.LargeBinary(), nullable=True))
    op.execute(EVENT_CONTENT)
    op.execute(OUTCOME_CONTENT)
    for table, key in CHAINS:
        op.execute(f"ALTER TABLE audit_{table} DISABLE TRIGGER audit_{table}_no_update_delete")
        op.execute(BACKFILL.format(table=table, key=key, genesis=GENESIS))
        op.execute(f"ALTER TABLE audit_{table} ENABLE TRIGGER audit_{table}_no_update_delete")
        op.alter_column(f"audit_{table}", "chain_seq", nullable=False)
        op.create_unique_constraint(f"uq_audit_{table}_chain_seq", f"audit_{table}", ["chain_seq"])
        op.alter_column(f"audit_{table}", "prev_hash", nullable=False)
        op.alter_column(f"audit_{table}", "hash", nullable=False)
        op.execute(LINK.format(table=table, key=key))
        op.execute(
            f"CREATE TRIGGER audit_{table}_chain BEFORE INSERT ON audit_{table} "
            f"FOR EACH ROW EXECUTE FUNCTION audit_{table}_link()"
        )


def downgrade() -> None:
    for table, _ in CHAINS:
        op.execute(f"DROP TRIGGER audit_{table}_chain ON audit_{table}")
        op.execute(f"DROP FUNCTION audit_{table}_link()")
        op.execute(f"ALTER TABLE audit_{table} DISABLE TRIGGER audit_{table}_no_update_delete")
        op.drop_column(f"audit_{table}", "hash")
        op.drop_column(f"audit_{table}", "prev_hash")
        op.drop_column(f"audit_{table}", "chain_seq")
        op.execute(f"ALTER TABLE audit_{table} ENABLE TRIGGER audit_{table}_no_update_delete")
    op.execute("DROP FUNCTION audit_outcome_content(audit_outcome)")
    op.execute("DROP FUNCTION audit_event_content(audit_event)")
    op.drop_table("audit_anchor")
    op.drop_table("audit_chain_head")
