"""A PostgreSQL that cannot take one more connection is an outage (503 with Retry-After), not a
server error: found when two gateway replicas and a test stack exhausted max_connections."""

import secrets

import pytest
from sqlalchemy import make_url, text
from sqlalchemy.exc import DBAPIError
from sqlalchemy.ext.asyncio import create_async_engine

from tsunagu_services import testing
from tsunagu_services.db import database_url
from tsunagu_services.problems import is_database_outage


async def test_too_many_connections_is_an_outage() -> None:
    server = testing.server_url()
    role = f"full_{secrets.token_hex(4)}"
    admin = create_async_engine(database_url(server, "postgres"))
    async with admin.connect() as conn:
        await conn.execute(text(f"CREATE ROLE {role} LOGIN CONNECTION LIMIT 0"))
        await conn.commit()
    # The same server as ourselves (TCP or a socket directory), as the role (trust auth, as in tests).
    as_role = make_url(database_url(server, "postgres")).set(username=role, password=None)
    engine = create_async_engine(as_role)
    try:
        with pytest.raises(DBAPIError) as refused:
            async with engine.connect() as conn:
                await conn.execute(text("SELECT 1"))
        assert is_database_outage(refused.value)
    finally:
        await engine.dispose()
        async with admin.connect() as conn:
            await conn.execute(text(f"DROP ROLE {role}"))
            await conn.commit()
        await admin.dispose()


async def test_a_query_of_ours_that_fails_is_no_outage() -> None:
    engine = create_async_engine(database_url(testing.server_url(), "postgres"))
    try:
        with pytest.raises(DBAPIError) as failed:
            async with engine.connect() as conn:
                await conn.execute(text("SELECT 1 / 0"))
        assert not is_database_outage(failed.value)
    finally:
        await engine.dispose()
