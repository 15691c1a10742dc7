import json
import os
from collections.abc import AsyncIterator
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import parse_qs

import httpx
import pytest

os.environ.setdefault("TSUNAGU_DEMO_MODE", "1")

from tsunagu_services import testing

ALEMBIC_INI = Path(__file__).parents[1] / "alembic.ini"


@pytest.fixture(scope="session")
async def database() -> AsyncIterator[str]:
    """A fresh, migrated case database for this test session."""
    name = await testing.create_database("test_case")
    testing.migrate(ALEMBIC_INI, name)
    yield name
    await testing.drop_database(name)


@pytest.fixture(scope="session")
def tokens() -> testing.TokenFactory:
    return testing.TokenFactory()


@dataclass
class MeetingApi:
    """What case-api asks meeting-api, on a real port: the decisions per case id (as the caller may
    see them), and whether it answers at all."""

    url: str = ""
    decisions: dict[str, list[dict]] = field(default_factory=dict)
    up: bool = True

    async def __call__(self, scope, receive, send) -> None:
        if scope["type"] != "http":
            return
        if scope["path"] == "/api/v1/meetings/decisions" and self.up:
            case_id = parse_qs(scope["query_string"].decode()).get("case_id", [""])[0]
            status, body = 200, self.decisions.get(case_id, [])
        else:
            status, body = 503, {"type": "/problems/database-unavailable"}
        await send(
            {
                "type": "http.response.start",
                "status": status,
                "headers": [(b"content-type", b"application/json")],
            }
        )
        await send({"type": "http.response.body", "body": json.dumps(body).encode()})


@pytest.fixture(scope="session")
async def meeting_api() -> AsyncIterator[MeetingApi]:
    stand_in = MeetingApi()
    async with testing.serving(stand_in) as url:
        stand_in.url = url
        yield stand_in


@pytest.fixture
async def client(
    database: str, tokens: testing.TokenFactory, meeting_api: MeetingApi
) -> AsyncIterator[httpx.AsyncClient]:
    """The case app on the test database; every test's writes are rolled back."""
    os.environ["TSUNAGU_DATABASE_NAME"] = database
    os.environ["DATABASE_URL"] = testing.server_url()
    os.environ["TSUNAGU_MEETING_URL"] = meeting_api.url
    meeting_api.up = True
    from case_api.main import create_app

    app = create_app(jwks=tokens.jwks, deliver_outbox=False)
    async with testing.rolled_back_client(app, database) as client:
        yield client
