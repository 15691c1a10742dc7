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

from sqlalchemy import insert
from sqlalchemy.ext.asyncio import AsyncSession, async_sessionmaker

from gateway.audit.models import AuditEvent, AuditOutcome
from gateway.errors import AuditUnavailable

logger = logging.getLogger("tsunagu.audit")
_EVENTS = AuditEvent.__table__  # type: ignore[attr-defined]
_OUTCOMES = AuditOutcome.__table__  # type: ignore[attr-defined]

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
            await self._drain()

    async def _drain(self) -> None:
        while self._events or self._outcomes:
            events, self._events = self._events[: self.MAX_GROUP], self._events[self.MAX_GROUP :]
            outcomes, self._outcomes = self._outcomes[: self.MAX_GROUP], self._outcomes[self.MAX_GROUP :]
            await self._write(events, outcomes)

    async def _write(self, events: Waiting, outcomes: Waiting) -> None:
        try:
            async with self._sessionmaker()() as session, session.begin():
                ids: list[int] = []
                if events:
                    inserted = await session.execute(
                        insert(_EVENTS).returning(_EVENTS.c.id, sort_by_parameter_order=True),
                        [row for row, _ in events],
                    )
                    ids = list(inserted.scalars())
                if outcomes:
                    await session.execute(insert(_OUTCOMES), [row for row, _ in outcomes])
        except Exception as exc:  # any failure means no trace: every waiting request is refused
            # Type only: the exception text may quote the rows, and paths may hold ids.
            logger.error(
                "audit group not written",
                extra={"error_type": type(exc).__name__, "events": len(events), "outcomes": len(outcomes)},
            )
            for _, done in (*events, *outcomes):
                if not done.done():
                    done.set_exception(AuditUnavailable())
            return
        for (_, done), event_id in zip(events, ids, strict=True):
            if not done.done():
                done.set_result(event_id)
        for _, done in outcomes:
            if not done.done():
                done.set_result(None)
