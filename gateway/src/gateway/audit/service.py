"""What an audit event holds, and reading the trail (no commit, no HTTP)."""

from datetime import UTC, datetime
from typing import TYPE_CHECKING, Any

from sqlalchemy.ext.asyncio import AsyncSession

from gateway.audit import repository
from gateway.audit.repository import AuditFilter, AuditRow
from gateway.audit.rules import resource_of
from gateway.errors import AuditUnavailable
from tsunagu_services.tokens import Principal

if TYPE_CHECKING:
    from gateway.audit.writer import AuditWriter


def event_row(
    principal: Principal, *, request_id: str, method: str, path: str, at: datetime
) -> dict[str, Any]:
    """The event for a request of `principal` (the path only: a query string may hold names)."""
    resource_type, resource_id = resource_of(path)
    return {
        "occurred_at": at,
        "request_id": request_id[:64],
        "actor_sub": principal.sub[:200],
        "actor_username": principal.username[:200],
        "actor_role": principal.role[:20],
        "method": method[:10],
        "path": path[:2000],
        "resource_type": resource_type[:100] if resource_type else None,
        "resource_id": resource_id[:200] if resource_id else None,
    }


async def search(
    session: AsyncSession, where: AuditFilter, *, limit: int, offset: int
) -> tuple[list[AuditRow], int]:
    """Events matching `where`, newest first, with their outcome (who may read is checked by the route)."""
    return await repository.page(session, where, limit=limit, offset=offset)


async def notice(writer: "AuditWriter", *, who: str, request_id: str, path: str, status: int) -> None:
    """A sign-in that failed or was refused, under the name that was tried (no token: no principal)."""
    now = datetime.now(UTC)
    tried = Principal(sub="-", username=who or "-", role="anonymous")
    try:
        event_id = await writer.event(
            event_row(tried, request_id=request_id, method="POST", path=path, at=now)
        )
    except AuditUnavailable:
        return  # the answer is a refusal anyway; the writer has logged why
    await writer.outcome(event_id, status, now)
