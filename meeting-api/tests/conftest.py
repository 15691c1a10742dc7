import os
import sys
from collections.abc import AsyncIterator, Callable
from pathlib import Path

import httpx
import pytest
from fastapi import FastAPI

os.environ.setdefault("TSUNAGU_DEMO_MODE", "1")

from tsunagu_services import testing

# Tests import their helpers by this module's unique name (pytest runs in importlib mode).
sys.path.insert(0, str(Path(__file__).parent))
from meeting_support import World

ALEMBIC_INI = Path(__file__).parents[1] / "alembic.ini"
CASE_ALEMBIC_INI = Path(__file__).parents[2] / "case-api" / "alembic.ini"


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


def _build(factory: Callable[[], FastAPI], database: str) -> FastAPI:
    """An app whose settings (read when it is built) name `database`."""
    os.environ["TSUNAGU_DATABASE_NAME"] = database
    os.environ["DATABASE_URL"] = testing.server_url()
    return factory()


@pytest.fixture
def app(database: str, tokens: testing.TokenFactory) -> FastAPI:
    """The meeting app on the test database; the outbox is inspected, not delivered."""
    from meeting_api.main import create_app

    return _build(lambda: create_app(jwks=tokens.jwks, deliver_outbox=False), database)


@pytest.fixture
async def client(app: FastAPI, database: str) -> AsyncIterator[httpx.AsyncClient]:
    """An HTTP client on the meeting app; every test's writes are rolled back."""
    async with testing.rolled_back_client(app, database) as client:
        yield client


# --- the real case-api, in process ------------------------------------------------------------------


@pytest.fixture(scope="session")
async def case_database() -> AsyncIterator[str]:
    """A migrated case-api database, for the agenda's and the outbox's calls to the real case-api."""
    name = await testing.create_database("test_case_for_meeting")
    testing.migrate(CASE_ALEMBIC_INI, name)
    yield name
    await testing.drop_database(name)


@pytest.fixture
async def case_client(case_database: str, tokens: testing.TokenFactory) -> AsyncIterator[httpx.AsyncClient]:
    """case-api's real app over ASGI on its own database (rolled back after each test)."""
    from case_api.main import create_app as create_case_app

    case_app = _build(lambda: create_case_app(jwks=tokens.jwks, deliver_outbox=False), case_database)
    async with testing.rolled_back_client(case_app, case_database) as case_client:
        yield case_client


@pytest.fixture
async def linked(
    app: FastAPI, database: str, case_client: httpx.AsyncClient
) -> AsyncIterator[httpx.AsyncClient]:
    """The meeting app whose shared HTTP client reaches the real case-api in process."""
    async with testing.rolled_back_client(app, database) as client:
        own_http = app.state.http
        app.state.http = case_client
        try:
            yield client
        finally:
            app.state.http = own_http


@pytest.fixture
def world(client: httpx.AsyncClient, tokens: testing.TokenFactory) -> World:
    return World(client, tokens)


@pytest.fixture
def linked_world(
    linked: httpx.AsyncClient, case_client: httpx.AsyncClient, tokens: testing.TokenFactory
) -> World:
    return World(linked, tokens, case_client)
