"""Dead letters: outbox messages the receiver refused for good, for a supervisor to retry or resolve.

Every service mounts this router; the gateway lists and acts on the dead letters of
all of them at /api/v1/dead-letters (these paths are internal, not routed by it).
Only what identifies a message and why it was refused is shown (its path, key, the
receiver's problem type and the names of the fields it refused), never the body it
carried, which may hold personal data.
"""

from datetime import UTC, datetime
from typing import Annotated, Any

from fastapi import APIRouter, Depends, Query
from pydantic import AfterValidator, BaseModel, ConfigDict, StringConstraints
from sqlalchemy import func, select
from sqlalchemy.ext.asyncio import AsyncSession

from tsunagu_services.auth import Principal, require_roles
from tsunagu_services.db import SessionDep
from tsunagu_services.japanese import folded_length
from tsunagu_services.models import OutboxMessage
from tsunagu_services.openapi import PROBLEM_RESPONSES
from tsunagu_services.problems import Conflict, NotFound

READER_ROLES = ("supervisor", "admin")


class DeadLetterRead(BaseModel):
    """One refused delivery: what it was, when and why it was refused, and what a person did."""

    id: int
    destination: str
    method: str
    path: str
    idempotency_key: str
    attempts: int
    last_status: int | None
    problem_type: str | None
    problem_title: str | None
    fields: list[str]
    created_at: datetime
    failed_at: datetime | None  # None once retried: it waits to be sent again
    retried_at: datetime | None
    retried_by: str | None
    resolved_at: datetime | None
    resolved_by: str | None
    resolution: str | None


class DeadLetterPage(BaseModel):
    items: list[DeadLetterRead]
    total: int


class DeadLetterResolve(BaseModel):
    model_config = ConfigDict(extra="forbid")

    reason: Annotated[str, StringConstraints(max_length=1000), AfterValidator(folded_length(500))]


class AlreadyResolved(Conflict):
    type = "/problems/dead-letter-resolved"
    title = "この連携はすでに解決済みです。"


def _read(message: OutboxMessage) -> DeadLetterRead:
    problem: dict[str, Any] = message.response_body if isinstance(message.response_body, dict) else {}
    fields = [
        ".".join(str(part) for part in (error.get("loc") or []) if part != "body")
        for error in problem.get("errors") or []
        if isinstance(error, dict)
    ]
    assert message.id is not None
    return DeadLetterRead(
        id=message.id,
        destination=message.destination,
        method=message.method,
        path=message.path,
        idempotency_key=message.idempotency_key,
        attempts=message.attempts,
        last_status=message.last_status,
        problem_type=str(problem["type"]) if problem.get("type") else None,
        problem_title=str(problem["title"]) if problem.get("title") else None,
        fields=[f for f in fields if f],
        created_at=message.created_at,
        failed_at=message.failed_at,
        retried_at=message.retried_at,
        retried_by=message.retried_by,
        resolved_at=message.resolved_at,
        resolved_by=message.resolved_by,
        resolution=message.resolution,
    )


async def count_open(session: AsyncSession) -> int:
    """Dead letters nobody has resolved yet."""
    return int(
        await session.scalar(
            select(func.count())
            .select_from(OutboxMessage)
            .where(OutboxMessage.failed_at.is_not(None), OutboxMessage.resolved_at.is_(None))
        )
        or 0
    )


async def _dead_letter(session: AsyncSession, message_id: int) -> OutboxMessage:
    message = (
        await session.execute(
            select(OutboxMessage)
            .where(OutboxMessage.id == message_id, OutboxMessage.failed_at.is_not(None))
            .with_for_update()  # two people acting at once: the second sees the first's outcome
        )
    ).scalar_one_or_none()
    if message is None:
        raise NotFound()
    if message.resolved_at is not None:
        raise AlreadyResolved()
    return message


Supervisor = Annotated[Principal, Depends(require_roles(*READER_ROLES))]
router = APIRouter(prefix="/api/v1/outbox/dead-letters", tags=["outbox"], responses=PROBLEM_RESPONSES)


@router.get("", response_model=DeadLetterPage)
async def list_dead_letters(
    session: SessionDep,
    principal: Supervisor,
    include_resolved: bool = False,
    limit: Annotated[int, Query(ge=1, le=200)] = 50,
) -> DeadLetterPage:
    """Deliveries the receiver refused, newest first (supervisors and administrators)."""
    conditions = [OutboxMessage.failed_at.is_not(None)]
    if not include_resolved:
        conditions.append(OutboxMessage.resolved_at.is_(None))
    rows = await session.execute(
        select(OutboxMessage).where(*conditions).order_by(OutboxMessage.failed_at.desc()).limit(limit)
    )
    total = await session.scalar(select(func.count()).select_from(OutboxMessage).where(*conditions))
    return DeadLetterPage(items=[_read(m) for m in rows.scalars().all()], total=int(total or 0))


@router.post("/{message_id}/retry", response_model=DeadLetterRead)
async def retry_dead_letter(message_id: int, session: SessionDep, principal: Supervisor) -> DeadLetterRead:
    """Send a refused delivery again (after the cause was fixed); refused again, it comes back here."""
    message = await _dead_letter(session, message_id)
    now = datetime.now(UTC)
    message.failed_at = None
    message.next_attempt_at = now
    message.retried_at, message.retried_by = now, principal.username
    await session.flush()
    return _read(message)  # the dispatcher's next pass (within a second of the commit) sends it


@router.post("/{message_id}/resolve", response_model=DeadLetterRead)
async def resolve_dead_letter(
    message_id: int, data: DeadLetterResolve, session: SessionDep, principal: Supervisor
) -> DeadLetterRead:
    """Close a refused delivery with the reason (e.g. the safety check was made by hand); it is not sent."""
    message = await _dead_letter(session, message_id)
    message.resolved_at, message.resolved_by, message.resolution = (
        datetime.now(UTC),
        principal.username,
        data.reason,
    )
    await session.flush()
    return _read(message)
