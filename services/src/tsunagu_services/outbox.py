"""Transactional outbox: calls to other services that must arrive, exactly once, eventually.

`enqueue` writes the call in the caller's own transaction. The dispatcher sends
due messages with their Idempotency-Key and a service token, and retries with
exponential backoff until the receiver confirms (2xx). A definite refusal (a
4xx that no retry can change) is marked failed and logged for a person to see.
"""

import asyncio
import logging
import uuid
from collections.abc import Awaitable, Callable
from datetime import UTC, datetime, timedelta
from typing import Any

import httpx
from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncSession

from tsunagu_services.http import ServiceToken
from tsunagu_services.models import OutboxMessage

logger = logging.getLogger("tsunagu.outbox")
DeliveredHook = Callable[[AsyncSession, OutboxMessage], Awaitable[None]]
RETRYABLE_4XX = {401, 408, 409, 423, 425, 429}
MAX_BACKOFF_SECONDS = 300


def queue(
    session: AsyncSession,
    *,
    destination: str,
    path: str,
    body: dict[str, Any],
    method: str = "POST",
    idempotency_key: str | None = None,
) -> OutboxMessage:
    """Record a call to `destination` in the current transaction (written with the next flush)."""
    message = OutboxMessage(
        destination=destination,
        method=method,
        path=path,
        body=body,
        idempotency_key=idempotency_key or str(uuid.uuid4()),
    )
    session.add(message)
    return message


async def enqueue(
    session: AsyncSession,
    *,
    destination: str,
    path: str,
    body: dict[str, Any],
    method: str = "POST",
    idempotency_key: str | None = None,
) -> OutboxMessage:
    """Record a call to `destination` in the current transaction, flushed now (its id is known)."""
    message = queue(
        session, destination=destination, path=path, body=body, method=method, idempotency_key=idempotency_key
    )
    await session.flush()
    return message


def dispatcher_for(
    app: Any, destinations: dict[str, str], *, on_delivered: DeliveredHook | None = None
) -> "OutboxDispatcher":
    """The app's dispatcher, calling with the service's own token (never a user's)."""
    settings = app.state.settings
    token = ServiceToken(
        app.state.http,
        f"{settings.gateway_url}/api/v1/auth/token",
        settings.service_name,
        settings.service_client_secret,
        "service",
    )
    return OutboxDispatcher(
        app.state.sessionmaker,
        app.state.http,
        destinations,
        token,
        on_delivered=on_delivered,
        max_backoff_seconds=settings.outbox_max_backoff_seconds,
    )


def backoff(attempts: int, ceiling: float = MAX_BACKOFF_SECONDS) -> timedelta:
    return timedelta(seconds=min(2 ** max(attempts - 1, 0), ceiling))


class OutboxDispatcher:
    """Background loop delivering due outbox messages of this service."""

    def __init__(
        self,
        sessionmaker: Any,
        client: httpx.AsyncClient,
        destinations: dict[str, str],
        token: ServiceToken,
        poll_seconds: float = 1.0,
        on_delivered: DeliveredHook | None = None,
        max_backoff_seconds: float = MAX_BACKOFF_SECONDS,
    ) -> None:
        self._sessionmaker = sessionmaker
        self._client = client
        self._destinations = destinations
        self._token = token
        self._poll = poll_seconds
        self._on_delivered = on_delivered
        self._max_backoff = max_backoff_seconds
        self._wake = asyncio.Event()
        self._task: asyncio.Task[None] | None = None

    def wake(self) -> None:
        """Deliver now rather than at the next poll (call after a commit that enqueued)."""
        self._wake.set()

    def start(self) -> None:
        self._task = asyncio.create_task(self._run(), name="outbox-dispatcher")

    async def stop(self) -> None:
        if self._task:
            self._task.cancel()
            try:
                await self._task
            except asyncio.CancelledError:
                pass

    async def _run(self) -> None:
        while True:
            try:
                while await self.deliver_due() > 0:
                    pass
            except Exception as exc:  # keep the loop alive; the cause is logged without payloads
                logger.warning("outbox pass failed", extra={"error_type": type(exc).__name__})
            try:
                await asyncio.wait_for(self._wake.wait(), timeout=self._poll)
            except TimeoutError:
                pass
            self._wake.clear()

    async def deliver_due(self, limit: int = 20) -> int:
        """Try every due message once; return how many were attempted."""
        async with self._sessionmaker() as session, session.begin():
            due = (
                (
                    await session.execute(
                        select(OutboxMessage)
                        .where(
                            OutboxMessage.delivered_at.is_(None),
                            OutboxMessage.failed_at.is_(None),
                            OutboxMessage.next_attempt_at <= datetime.now(UTC),
                            # Only what this dispatcher can send (the rest waits for one that can).
                            OutboxMessage.destination.in_(list(self._destinations)),
                        )
                        .order_by(OutboxMessage.id)
                        .limit(limit)
                        .with_for_update(skip_locked=True)
                    )
                )
                .scalars()
                .all()
            )
            for message in due:
                await self._attempt(message)
                if message.delivered_at is not None and self._on_delivered is not None:
                    # Same transaction as marking it delivered: the effect and the mark commit together.
                    await self._on_delivered(session, message)
            return len(due)

    async def _attempt(self, message: OutboxMessage) -> None:
        message.attempts += 1
        now = datetime.now(UTC)
        try:
            token = await self._token.get()
            response = await self._client.request(
                message.method,
                self._destinations[message.destination] + message.path,
                json=message.body,
                headers={"Authorization": f"Bearer {token}", "Idempotency-Key": message.idempotency_key},
            )
        except (httpx.HTTPError, OSError) as exc:
            message.next_attempt_at = now + backoff(message.attempts, self._max_backoff)
            logger.info(
                "outbox delivery deferred",
                extra={
                    "outbox_id": message.id,
                    "destination": message.destination,
                    "error_type": type(exc).__name__,
                },
            )
            return
        message.last_status = response.status_code
        try:
            message.response_body = response.json()
        except ValueError:
            message.response_body = None
        if response.is_success:
            message.delivered_at = now
        elif 400 <= response.status_code < 500 and response.status_code not in RETRYABLE_4XX:
            message.failed_at = now
            # The problem's type and field locations say why, without any of the data sent.
            problem = message.response_body if isinstance(message.response_body, dict) else {}
            logger.error(
                "outbox delivery refused",
                extra={
                    "outbox_id": message.id,
                    "destination": message.destination,
                    "status": response.status_code,
                    "problem_type": problem.get("type"),
                    "fields": [e.get("loc") for e in problem.get("errors") or []],
                },
            )
        else:
            message.next_attempt_at = now + backoff(message.attempts, self._max_backoff)
