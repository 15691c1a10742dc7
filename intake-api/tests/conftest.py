import os
from collections.abc import AsyncIterator
from pathlib import Path

import httpx
import pytest
from fastapi import FastAPI

os.environ.setdefault("TSUNAGU_DEMO_MODE", "1")
os.environ.setdefault("TSUNAGU_CHALLENGE_DIFFICULTY", "4")  # keep the proof of work cheap in tests

from tsunagu_services import testing

ALEMBIC_INI = Path(__file__).parents[1] / "alembic.ini"


@pytest.fixture(scope="session")
async def database() -> AsyncIterator[str]:
    """A fresh, migrated intake database for this test session."""
    name = await testing.create_database("test_intake")
    testing.migrate(ALEMBIC_INI, name)
    yield name
    await testing.drop_database(name)


@pytest.fixture(scope="session")
def tokens() -> testing.TokenFactory:
    return testing.TokenFactory()


@pytest.fixture
def app(database: str, tokens: testing.TokenFactory) -> FastAPI:
    """The intake app on the test database; the outbox is inspected, not delivered."""
    os.environ["TSUNAGU_DATABASE_NAME"] = database
    os.environ["DATABASE_URL"] = testing.server_url()
    from intake_api.main import create_app

    return create_app(jwks=tokens.jwks, deliver_outbox=False)


@pytest.fixture
async def client(app: FastAPI, database: str) -> AsyncIterator[httpx.AsyncClient]:
    """An HTTP client on the app; every test's writes are rolled back."""
    async with testing.rolled_back_client(app, database) as client:
        yield client
