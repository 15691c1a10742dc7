"""Async engine, one transaction per request, and the database naming convention."""

from collections.abc import AsyncIterator
from typing import Annotated, Any
from urllib.parse import urlsplit, urlunsplit

from fastapi import Depends, Request
from sqlalchemy import ColumnElement, MetaData, func, text
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


def escape_like(value: str) -> str:
    """Text for a LIKE pattern, taken literally: backslash, % and _ escaped (with `escape="\\"`)."""
    return value.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")


def contains(column: Any, text: str) -> ColumnElement[bool]:
    """`column` contains `text` as typed (a search key): LIKE '%text%' with the wildcards escaped."""
    return column.like(f"%{escape_like(text)}%", escape="\\")


async def plan_for_these_values(session: AsyncSession) -> None:
    """Plan this transaction's statements for their actual values. A search's prepared statement
    otherwise turns generic after five runs, and a generic plan cannot tell 佐藤's few rows from a
    common piece's many: it scanned every consultation (90 ms where the index takes 10)."""
    await session.execute(text("SET LOCAL plan_cache_mode = force_custom_plan"))


def has_bigrams_of(grams: Any, text: str | ColumnElement[str]) -> ColumnElement[bool]:
    """`grams` (a tsunagu_bigrams column, GIN-indexed) holds every two-character piece of `text`:
    what the index can answer before a LIKE checks the match itself (migrations.BIGRAMS_FUNCTION)."""
    return grams.op("@>")(func.tsunagu_bigrams(text))


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
