"""Async engine, one transaction per request, and the database naming convention."""

from collections.abc import AsyncIterator
from typing import Annotated
from urllib.parse import urlsplit, urlunsplit

from fastapi import Depends, Request
from sqlalchemy import MetaData
from sqlalchemy.ext.asyncio import AsyncEngine, AsyncSession, async_sessionmaker, create_async_engine
from sqlalchemy.pool import NullPool
from sqlmodel import SQLModel

from tsunagu_services.idempotency import joined_session

NAMING_CONVENTION = {
    "ix": "ix_%(column_0_label)s",
    "uq": "uq_%(table_name)s_%(column_0_name)s",
    "ck": "ck_%(table_name)s_%(constraint_name)s",
    "fk": "fk_%(table_name)s_%(column_0_name)s_%(referred_table_name)s",
    "pk": "pk_%(table_name)s",
}
SQLModel.metadata.naming_convention = NAMING_CONVENTION
metadata: MetaData = SQLModel.metadata


def database_url(server_url: str, database: str, *, driver: str = "asyncpg") -> str:
    """The URL of `database` on the server of `server_url`, for the given driver."""
    parts = urlsplit(server_url)
    scheme = "postgresql" if not driver else f"postgresql+{driver}"
    return urlunsplit((scheme, parts.netloc, f"/{database}", parts.query, ""))


def make_engine(url: str) -> AsyncEngine:
    """An asyncpg engine with a small pool suited to a 2-core machine.

    No ping on checkout (it cost a round trip per request): after a database restart
    the first use of each stale connection fails, SQLAlchemy then discards the whole
    pool, and that one request gets a 503 (DatabaseUnavailable) to retry. A waiting
    checkout gives up after 5 s rather than 30.
    """
    return create_async_engine(url, pool_size=10, max_overflow=10, pool_timeout=5, pool_recycle=1800)


def make_probe_engine(url: str) -> AsyncEngine:
    """An engine outside the pool, for readiness: a probe never queues behind the traffic it checks."""
    return create_async_engine(url, poolclass=NullPool, connect_args={"timeout": 2})


def make_sessionmaker(engine: AsyncEngine) -> async_sessionmaker[AsyncSession]:
    return async_sessionmaker(engine, class_=AsyncSession, expire_on_commit=False)


async def _request_session(request: Request) -> AsyncIterator[AsyncSession]:
    """One transaction per request: commit when the endpoint returns, roll back on error.

    A POST with an Idempotency-Key joins the transaction the idempotency middleware
    opened, which commits the change together with the answer to replay.
    """
    joined = joined_session(request)
    if joined is not None:
        yield joined
        return
    sessionmaker: async_sessionmaker[AsyncSession] = request.app.state.sessionmaker
    async with sessionmaker() as session, session.begin():
        yield session


# scope="function": the transaction ends before the response is sent, so a client
# that reads right after a 201 sees the row, and a failing commit is still a problem answer.
SessionDep = Annotated[AsyncSession, Depends(_request_session, scope="function")]
