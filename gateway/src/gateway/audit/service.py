"""Recording and reading the audit trail (no commit, no HTTP)."""

from sqlalchemy.ext.asyncio import AsyncSession

from gateway.audit import repository
from gateway.audit.models import AuditEvent
from gateway.audit.repository import AuditFilter
from gateway.audit.rules import resource_of
from tsunagu_services.tokens import Principal


async def record(
    session: AsyncSession, principal: Principal, *, request_id: str, method: str, path: str, status: int
) -> None:
    """Append one event for a request of `principal` that ended with `status`."""
    resource_type, resource_id = resource_of(path)
    repository.add(
        session,
        AuditEvent(
            request_id=request_id[:64],
            actor_sub=principal.sub[:200],
            actor_username=principal.username[:200],
            actor_role=principal.role[:20],
            method=method[:10],
            path=path[:2000],
            resource_type=resource_type[:100] if resource_type else None,
            resource_id=resource_id[:200] if resource_id else None,
            status=status,
        ),
    )
    await session.flush()


async def search(
    session: AsyncSession, where: AuditFilter, *, limit: int, offset: int
) -> tuple[list[AuditEvent], int]:
    """Events matching `where`, newest first (who may read is checked by the route)."""
    return await repository.page(session, where, limit=limit, offset=offset)
