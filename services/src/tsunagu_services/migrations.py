"""Alembic glue: each service's env.py calls `run_migrations` with its metadata and settings."""

import asyncio

from alembic import context
from sqlalchemy import MetaData, pool
from sqlalchemy.engine import Connection
from sqlalchemy.ext.asyncio import create_async_engine

from tsunagu_services.db import database_url
from tsunagu_services.settings import ServiceSettings


def _run_sync(connection: Connection, metadata: MetaData) -> None:
    context.configure(connection=connection, target_metadata=metadata, compare_type=True)
    with context.begin_transaction():
        context.run_migrations()


async def _run_async(url: str, metadata: MetaData) -> None:
    engine = create_async_engine(url, poolclass=pool.NullPool)
    async with engine.connect() as connection:
        await connection.run_sync(_run_sync, metadata)
    await engine.dispose()


def run_migrations(metadata: MetaData, settings: ServiceSettings) -> None:
    """Apply migrations to the service's own database (online mode only)."""
    url = context.config.get_main_option("sqlalchemy.url") or database_url(
        settings.database_url, settings.database_name
    )
    asyncio.run(_run_async(url, metadata))


def create_kit_tables_v1() -> None:
    """The kit's tables (idempotency, outbox) as of v1; call from a service's first migration.

    Versioned by name so that a later change to the kit adds a v2 step instead of
    rewriting what existing databases already ran.
    """
    import sqlalchemy as sa
    from alembic import op
    from sqlalchemy.dialects import postgresql

    op.create_table(
        "idempotency_record",
        sa.Column("principal", sa.String(200), nullable=False),
        sa.Column("key", sa.String(255), nullable=False),
        sa.Column("method", sa.String(10), nullable=False),
        sa.Column("path", sa.String(500), nullable=False),
        sa.Column("request_hash", sa.String(64), nullable=False),
        sa.Column("status_code", sa.Integer(), nullable=True),
        sa.Column("response_headers", postgresql.JSONB(), nullable=True),
        sa.Column("response_body", sa.LargeBinary(), nullable=True),
        sa.Column("created_at", sa.DateTime(timezone=True), server_default=sa.func.now(), nullable=False),
        sa.PrimaryKeyConstraint("principal", "key", name="pk_idempotency_record"),
    )
    op.create_table(
        "outbox_message",
        sa.Column("id", sa.Integer(), sa.Identity(), nullable=False),
        sa.Column("destination", sa.String(50), nullable=False),
        sa.Column("method", sa.String(10), nullable=False),
        sa.Column("path", sa.String(500), nullable=False),
        sa.Column("body", postgresql.JSONB(), nullable=False),
        sa.Column("idempotency_key", sa.String(255), nullable=False),
        sa.Column("attempts", sa.Integer(), nullable=False, server_default="0"),
        sa.Column("last_status", sa.Integer(), nullable=True),
        sa.Column("response_body", postgresql.JSONB(), nullable=True),
        sa.Column("created_at", sa.DateTime(timezone=True), server_default=sa.func.now(), nullable=False),
        sa.Column(
            "next_attempt_at", sa.DateTime(timezone=True), server_default=sa.func.now(), nullable=False
        ),
        sa.Column("delivered_at", sa.DateTime(timezone=True), nullable=True),
        sa.Column("failed_at", sa.DateTime(timezone=True), nullable=True),
        sa.PrimaryKeyConstraint("id", name="pk_outbox_message"),
        sa.UniqueConstraint("idempotency_key", name="uq_outbox_message_idempotency_key"),
    )
    op.create_index(
        "ix_outbox_message_pending",
        "outbox_message",
        ["next_attempt_at"],
        postgresql_where=sa.text("delivered_at IS NULL AND failed_at IS NULL"),
    )


def drop_kit_tables_v1() -> None:
    from alembic import op

    op.drop_index("ix_outbox_message_pending", table_name="outbox_message")
    op.drop_table("outbox_message")
    op.drop_table("idempotency_record")


def add_kit_dead_letters_v2() -> None:
    """v2: an outbox message the receiver refused is a dead letter that a person retries or resolves."""
    import sqlalchemy as sa
    from alembic import op

    op.add_column("outbox_message", sa.Column("retried_at", sa.DateTime(timezone=True), nullable=True))
    op.add_column("outbox_message", sa.Column("retried_by", sa.String(200), nullable=True))
    op.add_column("outbox_message", sa.Column("resolved_at", sa.DateTime(timezone=True), nullable=True))
    op.add_column("outbox_message", sa.Column("resolved_by", sa.String(200), nullable=True))
    op.add_column("outbox_message", sa.Column("resolution", sa.Text(), nullable=True))
    op.create_index(
        "ix_outbox_message_dead",
        "outbox_message",
        ["failed_at"],
        postgresql_where=sa.text("failed_at IS NOT NULL AND resolved_at IS NULL"),
    )


def drop_kit_dead_letters_v2() -> None:
    from alembic import op

    op.drop_index("ix_outbox_message_dead", table_name="outbox_message")
    for column in ("resolution", "resolved_by", "resolved_at", "retried_by", "retried_at"):
        op.drop_column("outbox_message", column)


# Every two-character piece of each word: what a GIN index over a generated column can serve for
# a term of any script and any length from two, where pg_trgm needs three (佐藤, 東町). IMMUTABLE,
# so it may define a STORED generated column; the queries call the same function on their term.
# Its body calls only pg_catalog, so a restore (which runs with an empty search_path) rebuilds the
# columns; a change of body needs a new name, since stored values are not recomputed.
BIGRAMS_FUNCTION = """
CREATE OR REPLACE FUNCTION tsunagu_bigrams(value text) RETURNS text[]
LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
  SELECT coalesce(array_agg(DISTINCT substr(word, i, 2)), '{}')
  FROM regexp_split_to_table(coalesce(value, ''), '[[:space:]]+') AS word,
    generate_series(1, length(word) - 1) AS i
$$
"""


def add_bigrams_function() -> None:
    from alembic import op

    op.execute(BIGRAMS_FUNCTION)
