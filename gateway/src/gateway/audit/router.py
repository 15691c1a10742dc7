from typing import Annotated

from fastapi import APIRouter, Depends, Query
from pydantic import AwareDatetime

from gateway.audit import service
from gateway.audit.repository import AuditFilter
from gateway.audit.schemas import AuditEventPage, AuditEventRead
from tsunagu_services.auth import Principal, require_roles
from tsunagu_services.db import SessionDep
from tsunagu_services.openapi import PROBLEM_RESPONSES, Problem

router = APIRouter(
    prefix="/api/v1/audit-events",
    tags=["audit"],
    responses={
        **PROBLEM_RESPONSES,
        403: {
            "description": "Not a supervisor or administrator.",
            "model": Problem,
            "content": {"application/problem+json": {}},
        },
    },
)

AuditReader = Annotated[Principal, Depends(require_roles("supervisor", "admin"))]


@router.get("", response_model=AuditEventPage)
async def list_audit_events(
    session: SessionDep,
    principal: AuditReader,
    actor: Annotated[str | None, Query(max_length=200, description="Username of the actor.")] = None,
    resource_type: Annotated[str | None, Query(max_length=100)] = None,
    resource_id: Annotated[str | None, Query(max_length=200)] = None,
    since: Annotated[AwareDatetime | None, Query(description="Inclusive, with a time zone.")] = None,
    until: Annotated[AwareDatetime | None, Query(description="Exclusive, with a time zone.")] = None,
    limit: Annotated[int, Query(ge=1, le=500)] = 50,
    offset: Annotated[int, Query(ge=0)] = 0,
) -> AuditEventPage:
    """The audit trail, newest first (supervisors and administrators)."""
    where = AuditFilter(
        actor=actor, resource_type=resource_type, resource_id=resource_id, since=since, until=until
    )
    items, total = await service.search(session, where, limit=limit, offset=offset)
    return AuditEventPage(items=[AuditEventRead.model_validate(e) for e in items], total=total)
