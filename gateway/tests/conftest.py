import asyncio
import json
import os
import socket
import sys
import uuid
from collections.abc import AsyncIterator, Callable
from dataclasses import dataclass
from pathlib import Path

import httpx
import pytest
from fastapi import FastAPI
from sqlalchemy.ext.asyncio import AsyncSession

# pytest's importlib mode names this file `gateway.tests.conftest` (from the repository
# root) and registers the *folder* gateway/ as a stand-in `gateway` package before this
# runs, which hides the real one in gateway/src. Put the real package back; the test
# modules still import fine under the stand-in `gateway.tests`.
if not getattr(sys.modules.get("gateway"), "__file__", None):
    sys.modules.pop("gateway", None)
os.environ.setdefault("TSUNAGU_DEMO_MODE", "1")

from gateway.identity.models import ApiClient, Area, StaffUser
from gateway.identity.passwords import hash_secret
from gateway.main import create_app
from gateway.settings import Settings
from tsunagu_services import testing
from tsunagu_services.tokens import Principal, SigningKey, issue_token

ALEMBIC_INI = Path(__file__).parents[1] / "alembic.ini"
PASSWORD = "korekara-tsunagu-42"
SYSTEM_SECRET = "city-system-secret-7"
SERVICE_SECRET = "intake-service-secret-9"


@pytest.fixture(scope="session")
async def database() -> AsyncIterator[str]:
    """A fresh, migrated gateway database for this test session."""
    name = await testing.create_database("test_gateway")
    testing.migrate(ALEMBIC_INI, name)
    yield name
    await testing.drop_database(name)


@pytest.fixture(scope="session")
def signing_key_path(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return tmp_path_factory.mktemp("keys") / "gateway-signing.pem"


@pytest.fixture(scope="session")
def signing_key(signing_key_path: Path) -> SigningKey:
    """The same key the app under test loads from the same file."""
    return SigningKey.load_or_create(signing_key_path)


# --- a real upstream service: a tiny ASGI app served by uvicorn on a loopback port ---

OPENAPI_DOC = {
    "openapi": "3.1.0",
    "info": {"title": "echo", "version": "0"},
    "paths": {
        "/api/v1/consultations": {"get": {"responses": {"200": {"description": "ok"}}}},
        "/readyz": {"get": {"responses": {"200": {"description": "ok"}}}},
    },
    "components": {"schemas": {"Echo": {"type": "object"}}},
}


# Method and path of every request the echo service received, so a test can see what got through.
RECEIVED: list[tuple[str, str]] = []


async def echo_app(scope, receive, send) -> None:
    """Answers what it received; /slow sleeps, /created answers 201, /openapi.json a small spec."""
    if scope["type"] != "http":
        return
    RECEIVED.append((scope["method"], scope["path"]))
    body = b""
    while True:
        message = await receive()
        body += message.get("body", b"")
        if not message.get("more_body"):
            break
    path = scope["path"]
    if path.endswith("/slow"):
        await asyncio.sleep(2)
    if path == "/openapi.json":
        payload = OPENAPI_DOC
    elif path == "/readyz":
        payload = {"status": "ready"}
    else:
        payload = {
            "method": scope["method"],
            "path": path,
            "raw_path": scope["raw_path"].decode(),
            "query": scope["query_string"].decode(),
            "headers": [[k.decode(), v.decode()] for k, v in scope["headers"]],
            "body": body.decode("utf-8", "replace"),
        }
    encoded = json.dumps(payload, ensure_ascii=False).encode()
    await send(
        {
            "type": "http.response.start",
            "status": 201 if path.endswith("/created") else 200,
            "headers": [
                (b"content-type", b"application/json"),
                (b"content-length", str(len(encoded)).encode()),
                (b"x-upstream", b"echo"),
                (b"etag", b'"v1"'),
                (b"set-cookie", b"a=1"),
                (b"set-cookie", b"b=2"),
            ],
        }
    )
    await send({"type": "http.response.body", "body": encoded})


@pytest.fixture(scope="session")
async def upstream() -> AsyncIterator[str]:
    """Base URL of the echo service, listening on 127.0.0.1 for the whole session."""
    async with testing.serving(echo_app) as url:
        yield url


def closed_port() -> int:
    """A loopback port nobody listens on."""
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


@pytest.fixture
def static_dir(tmp_path: Path) -> Path:
    root = tmp_path / "dist"
    (root / "assets").mkdir(parents=True)
    (root / "index.html").write_text("<!doctype html><title>つなぐ</title><div id=app></div>")
    (root / "assets" / "app-3f2a1b.js").write_text("console.log('tsunagu')")
    (tmp_path / "secret.txt").write_text("outside the static dir")
    return root


@pytest.fixture
def settings(database: str, signing_key_path: Path, upstream: str, static_dir: Path) -> Settings:
    """intake and meeting point at the echo service; case-api at a closed port."""
    os.environ["DATABASE_URL"] = testing.server_url()
    return Settings(
        database_name=database,
        signing_key_path=signing_key_path,
        static_dir=static_dir,
        intake_url=upstream,
        meeting_url=upstream,
        case_url=f"http://127.0.0.1:{closed_port()}",
        failed_login_delay_seconds=0.3,
        upstream_probe_timeout_seconds=1.0,
    )


@pytest.fixture
def app(settings: Settings) -> FastAPI:
    return create_app(settings=settings)


@pytest.fixture
async def client(app: FastAPI, database: str) -> AsyncIterator[httpx.AsyncClient]:
    """The gateway on the test database; every test's writes are rolled back."""
    async with testing.rolled_back_client(app, database) as client:
        yield client


@pytest.fixture
def session(app: FastAPI, client: httpx.AsyncClient) -> Callable[[], AsyncSession]:
    """Sessions inside the test's rolled-back transaction (valid once the client is up)."""
    return lambda: app.state.sessionmaker()


@dataclass
class Identities:
    csw_id: uuid.UUID
    agency_id: str
    password: str = PASSWORD
    system_secret: str = SYSTEM_SECRET
    service_secret: str = SERVICE_SECRET


@pytest.fixture
async def identities(session: Callable[[], AsyncSession]) -> Identities:
    """An area, a CSW, a supervisor, an inactive user, a system client and a service client."""
    password_hash = await hash_secret(PASSWORD)
    csw = StaffUser(
        username="csw-test", display_name="東 花子", role="csw", area="higashi", password_hash=password_hash
    )
    agency_id = str(uuid.uuid4())
    async with session() as s, s.begin():
        s.add(Area(code="higashi", name="東", sort_order=1))
        s.add(Area(code="nishi", name="西", sort_order=2))
        await s.flush()
        s.add_all(
            [
                csw,
                StaffUser(
                    username="sup-test",
                    display_name="統括 春子",
                    role="supervisor",
                    password_hash=password_hash,
                ),
                StaffUser(
                    username="agency-test",
                    display_name="林 誠",
                    role="agency",
                    area="higashi",
                    agency_id=agency_id,
                    password_hash=password_hash,
                ),
                StaffUser(
                    username="gone-test",
                    display_name="退職 太郎",
                    role="csw",
                    area="nishi",
                    password_hash=password_hash,
                    active=False,
                ),
                ApiClient(
                    client_id="city-system",
                    display_name="市 福祉システム",
                    kind="system",
                    secret_hash=await hash_secret(SYSTEM_SECRET),
                    scopes=["consultations:write", "statistics:read"],
                ),
                ApiClient(
                    client_id="intake-api",
                    display_name="相談受付サービス",
                    kind="service",
                    secret_hash=await hash_secret(SERVICE_SECRET),
                    scopes=["service"],
                ),
            ]
        )
    return Identities(csw_id=csw.id, agency_id=agency_id)


@pytest.fixture
def bearer(signing_key: SigningKey) -> Callable[..., dict[str, str]]:
    """Authorization headers for a token the gateway itself would issue."""

    def headers(role: str, username: str | None = None, area: str | None = None) -> dict[str, str]:
        principal = Principal(
            sub=str(uuid.uuid4()),
            username=username or f"{role}-user",
            role=role,
            display_name=role,
            area=area,
        )
        token = issue_token(
            signing_key, issuer="tsunagu-gateway", audience="tsunagu", principal=principal, ttl_seconds=300
        )
        return {"Authorization": f"Bearer {token}"}

    return headers


@pytest.fixture
def service_bearer(signing_key: SigningKey) -> dict[str, str]:
    """Authorization headers for case-api's own service token (scope `service`)."""
    principal = Principal(
        sub="case-api",
        username="case-api",
        role="system",
        display_name="case-api",
        scopes=frozenset({"service"}),
    )
    token = issue_token(
        signing_key, issuer="tsunagu-gateway", audience="tsunagu", principal=principal, ttl_seconds=300
    )
    return {"Authorization": f"Bearer {token}"}
