"""The case app, and sessions inside each test's rolled-back transaction to lay fixtures down."""

import os
from collections.abc import AsyncIterator
from dataclasses import dataclass

import httpx
import pytest
from sqlalchemy.ext.asyncio import AsyncSession, async_sessionmaker

from tsunagu_services import testing
from tsunagu_services.testing import TokenFactory


@dataclass
class Stats:
    client: httpx.AsyncClient
    sessions: async_sessionmaker[AsyncSession]


@pytest.fixture
async def stats(database: str, tokens: TokenFactory) -> AsyncIterator[Stats]:
    """The case app, and sessions inside the same rolled-back transaction to lay the fixture down."""
    os.environ["TSUNAGU_DATABASE_NAME"] = database
    os.environ["DATABASE_URL"] = testing.server_url()
    from case_api.main import create_app

    app = create_app(jwks=tokens.jwks, deliver_outbox=False)
    async with testing.rolled_back_client(app, database) as client:
        yield Stats(client, app.state.sessionmaker)
