from datetime import UTC, datetime
from typing import Annotated

from fastapi import APIRouter, Depends, Query
from pydantic import AwareDatetime

from gateway.audit import chain, service
from gateway.audit.repository import AuditFilter
from gateway.audit.schemas import AnchorRead, AuditEventPage, AuditEventRead, ChainBreak, ChainReport
from gateway.deps import SigningKeyDep
from tsunagu_services.auth import Principal, require_roles
from tsunagu_services.db import SessionDep
from tsunagu_services.openapi import PROBLEM_RESPONSES, Problem
from tsunagu_services.problems import Conflict

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
    offset: Annotated[int, Query(ge=0, le=1_000_000)] = 0,
) -> AuditEventPage:
    """The audit trail, newest first (supervisors and administrators)."""
    where = AuditFilter(
        actor=actor, resource_type=resource_type, resource_id=resource_id, since=since, until=until
    )
    items, total = await service.search(session, where, limit=limit, offset=offset)
    return AuditEventPage(items=[AuditEventRead.model_validate(e) for e in items], total=total)


Admin = Annotated[Principal, Depends(require_roles("admin"))]


@router.get("/verify", response_model=ChainReport)
async def verify_chain(session: SessionDep, principal: Admin) -> ChainReport:
    """Recompute both hash chains and check every stored anchor (administrators)."""
    anchors = await chain.stored_anchors(session)
    report = await chain.verify(session, anchors)
    return ChainReport(
        intact=report.intact,
        events=report.events,
        outcomes=report.outcomes,
        heads=report.heads,
        first_break=ChainBreak(**vars(report.first_break)) if report.first_break else None,
        anchors_checked=len(anchors),
        checked_at=datetime.now(UTC),
    )


@router.get("/anchors", response_model=list[AnchorRead])
async def list_anchors(session: SessionDep, principal: Admin) -> list[AnchorRead]:
    """Every anchor, oldest first: export them and keep them away from this database."""
    return [AnchorRead(**a) for a in await chain.stored_anchors(session)]


@router.post("/anchors", response_model=AnchorRead, status_code=201)
async def make_anchor(session: SessionDep, principal: Admin, key: SigningKeyDep) -> AnchorRead:
    """Anchor the chains now (besides the hourly anchors), signed with the gateway's key."""
    made = await chain.make_anchor(session, key)
    if made is None:
        raise Conflict("まだ監査記録がありません。")
    return AnchorRead(**made)
