import os
from collections.abc import AsyncIterator
from pathlib import Path

import httpx
import pytest

os.environ.setdefault("TSUNAGU_DEMO_MODE", "1")

from tsunagu_services import testing

ALEMBIC_INI = Path(__file__).parents[1] / "alembic.ini"


@pytest.fixture(scope="session")
async def database() -> AsyncIterator[str]:
    """A fresh, migrated meeting database for this test session."""
    name = await testing.create_database("test_meeting")
    testing.migrate(ALEMBIC_INI, name)
    yield name
    await testing.drop_database(name)


@pytest.fixture(scope="session")
def tokens() -> testing.TokenFactory:
    return testing.TokenFactory()


@pytest.fixture
async def client(database: str, tokens: testing.TokenFactory) -> AsyncIterator[httpx.AsyncClient]:
    """The meeting app on the test database; every test's writes are rolled back."""
    os.environ["TSUNAGU_DATABASE_NAME"] = database
    os.environ["DATABASE_URL"] = testing.server_url()
    from meeting_api.main import create_app

    app = create_app(jwks=tokens.jwks)
    async with testing.rolled_back_client(app, database) as client:
        yield client
