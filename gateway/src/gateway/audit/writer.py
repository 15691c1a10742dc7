"""Group commit for the audit trail: the events of concurrent requests in one INSERT, one commit.

Each request still waits until its own event is durable (fail closed: no event, no
forwarding), but a busy gateway pays one round trip and one WAL flush per group
rather than per request. Outcomes ride in the same transactions.
"""

import asyncio
import logging
from collections.abc import Callable
from datetime import datetime
from typing import Any

import asyncpg
from sqlalchemy.ext.asyncio import AsyncSession, async_sessionmaker

from gateway.errors import AuditUnavailable

logger = logging.getLogger("tsunagu.audit")

# How long outcomes alone wait for an event to ride along with.
OUTCOME_PATIENCE_SECONDS = 0.002

Waiting = list[tuple[dict[str, Any], "asyncio.Future[int | None]"]]


class AuditWriter:
    """One background task writes whatever events and outcomes have queued up since its last write."""

    MAX_GROUP = 500

    def __init__(self, sessionmaker: Callable[[], async_sessionmaker[AsyncSession]]) -> None:
        # A callable, looked up per group: tests swap the app's sessionmaker after start-up.
        self._sessionmaker = sessionmaker
        self._events: Waiting = []
        self._outcomes: Waiting = []
        self._wake = asyncio.Event()
        self._task: asyncio.Task[None] | None = None

    def start(self) -> None:
        self._task = asyncio.create_task(self._run(), name="audit-writer")

    async def stop(self) -> None:
        """Write what is queued, then end the task (after the server has finished its requests)."""
        await self._drain()
        if self._task is not None:
            self._task.cancel()
            await asyncio.gather(self._task, return_exceptions=True)

    async def event(self, row: dict[str, Any]) -> int:
        """Queue one event and wait until it is committed; its id. AuditUnavailable if it cannot be."""
        return int(await self._queue(self._events, row))  # type: ignore[arg-type]

    async def outcome(self, event_id: int, status: int, at: datetime) -> None:
        """Queue how a request ended and wait for it; a failure is logged, never raised."""
        try:
            await self._queue(self._outcomes, {"event_id": event_id, "status": status, "recorded_at": at})
        except AuditUnavailable:
            pass  # the event itself is durable; the trail shows this request's outcome as unknown

    async def _queue(self, waiting: Waiting, row: dict[str, Any]) -> int | None:
        done: asyncio.Future[int | None] = asyncio.get_running_loop().create_future()
        waiting.append((row, done))
        self._wake.set()
        return await done

    async def _run(self) -> None:
        while True:
            await self._wake.wait()
            self._wake.clear()
            if not self._events:
                # Only outcomes: nobody is kept waiting by them, and the next request's event is
                # usually a moment away; one statement for both then costs one flush, not two.
                try:
                    await asyncio.wait_for(self._wake.wait(), OUTCOME_PATIENCE_SECONDS)
                except TimeoutError:
                    pass
                self._wake.clear()
            await self._drain()

    async def _drain(self) -> None:
        while self._events or self._outcomes:
            events, self._events = self._events[: self.MAX_GROUP], self._events[self.MAX_GROUP :]
            outcomes, self._outcomes = self._outcomes[: self.MAX_GROUP], self._outcomes[self.MAX_GROUP :]
            await self._write(events, outcomes)

    async def _write(self, events: Waiting, outcomes: Waiting) -> None:
        try:
            ids = await self._insert(events, outcomes)
        except Exception as exc:
            if not (events and outcomes):
                self._refuse(events, outcomes, exc)
                return
            # An outcome must never cost a request its answer: the events alone, once more.
            self._refuse([], outcomes, exc)
            try:
                ids = await self._insert(events, [])
            except Exception as again:
                self._refuse(events, [], again)
                return
            outcomes = []
        # Ids are drawn in the order the rows are inserted (ORDER BY n), so sorted they match the group.
        for (_, done), event_id in zip(events, sorted(ids), strict=True):
            if not done.done():
                done.set_result(event_id)
        for _, done in outcomes:
            if not done.done():
                done.set_result(None)

    async def _insert(self, events: Waiting, outcomes: Waiting) -> list[int]:
        """One statement for the whole group (no ORM on this path: it runs for every request);
        outside a transaction it commits on its own, inside a test's it joins that one."""
        event_columns = [list(c) for c in zip(*(_event_values(r) for r, _ in events), strict=True)]
        outcome_columns = [
            [r["event_id"] for r, _ in outcomes],
            [r["status"] for r, _ in outcomes],
            [r["recorded_at"] for r, _ in outcomes],
        ]
        if events and outcomes:
            statement, args = WRITE_BOTH, [*event_columns, *outcome_columns]
        elif events:
            statement, args = WRITE_EVENTS, event_columns
        else:
            statement, args = WRITE_OUTCOMES, outcome_columns
        async with self._sessionmaker()() as session:
            pooled = await session.connection()
            raw = (await pooled.get_raw_connection()).driver_connection
            try:
                rows = await raw.fetch(statement, *args)  # type: ignore[union-attr]
            except (asyncpg.InterfaceError, asyncpg.PostgresConnectionError, OSError):
                # The connection is gone (a database restart) and SQLAlchemy did not see it fail:
                # tell its pool, or the dead connection would be handed out again and again.
                await pooled.invalidate()
                raise
            await session.commit()
        return [row["id"] for row in rows] if events else []

    @staticmethod
    def _refuse(events: Waiting, outcomes: Waiting, exc: Exception) -> None:
        """No trace, no answer: every waiting request of the group is refused (outcomes just logged)."""
        # Type only: the exception text may quote the rows, and paths may hold ids.
        logger.error(
            "audit group not written",
            extra={"error_type": type(exc).__name__, "events": len(events), "outcomes": len(outcomes)},
        )
        for _, done in (*events, *outcomes):
            if not done.done():
                done.set_exception(AuditUnavailable())


EVENT_COLUMNS = (
    ("occurred_at", "timestamptz"),
    ("request_id", "text"),
    ("actor_sub", "text"),
    ("actor_username", "text"),
    ("actor_role", "text"),
    ("method", "text"),
    ("path", "text"),
    ("resource_type", "text"),
    ("resource_id", "text"),
)
_NAMES = ", ".join(name for name, _ in EVENT_COLUMNS)
_ARRAYS = ", ".join(f"${i}::{kind}[]" for i, (_, kind) in enumerate(EVENT_COLUMNS, start=1))
_N = len(EVENT_COLUMNS)
# The statements are built from the constants above only; every value is a parameter.
_GIVEN = f"SELECT * FROM unnest({_ARRAYS}) WITH ORDINALITY AS g({_NAMES}, n)"  # noqa: S608
_INSERT_EVENTS = f"INSERT INTO audit_event ({_NAMES}) SELECT {_NAMES} FROM given ORDER BY n RETURNING id"  # noqa: S608


def _insert_outcomes(first: int) -> str:
    arrays = f"${first}::bigint[], ${first + 1}::int[], ${first + 2}::timestamptz[]"
    return f"INSERT INTO audit_outcome (event_id, status, recorded_at) SELECT * FROM unnest({arrays})"  # noqa: S608


WRITE_EVENTS = f"WITH given AS ({_GIVEN}) {_INSERT_EVENTS}"
WRITE_OUTCOMES = _insert_outcomes(1)
WRITE_BOTH = (
    f"WITH given AS ({_GIVEN}), events AS ({_INSERT_EVENTS}), "  # noqa: S608
    f"outcomes AS ({_insert_outcomes(_N + 1)}) SELECT id FROM events"
)


def _event_values(row: dict[str, Any]) -> tuple[Any, ...]:
    return tuple(row[name] for name, _ in EVENT_COLUMNS)
