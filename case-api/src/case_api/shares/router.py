import uuid
from typing import Any

from fastapi import APIRouter, status

from case_api.shares import service
from case_api.shares.schemas import ShareCreate, ShareList, ShareRead, ShareRevoke
from tsunagu_services.auth import CurrentPrincipal
from tsunagu_services.db import SessionDep
from tsunagu_services.openapi import PROBLEM_RESPONSES, Problem
from tsunagu_services.scopes import scoped


def problem(description: str) -> dict[int | str, dict[str, Any]]:
    return {409: {"description": description, "model": Problem, "content": {"application/problem+json": {}}}}


router = APIRouter(
    dependencies=[scoped("cases:read", "cases:write")],
    prefix="/api/v1/cases/{case_id}/shares",
    tags=["shares"],
    responses=PROBLEM_RESPONSES,
)


@router.get("", response_model=ShareList)
async def list_shares(case_id: uuid.UUID, session: SessionDep, principal: CurrentPrincipal) -> ShareList:
    """Who the case is shared with, including revoked grants."""
    return await service.list_shares(session, principal, case_id)


@router.post(
    "",
    response_model=ShareRead,
    status_code=status.HTTP_201_CREATED,
    responses=problem("The grantee already has an active share."),
)
async def grant_share(
    case_id: uuid.UUID, data: ShareCreate, session: SessionDep, principal: CurrentPrincipal
) -> ShareRead:
    """Share the case with a user (full view) or an agency (summary, parts per consent scope)."""
    return await service.grant(session, principal, case_id, data)


@router.post(
    "/{share_id}/revoke", response_model=ShareRead, responses=problem("The share was already revoked.")
)
async def revoke_share(
    case_id: uuid.UUID,
    share_id: uuid.UUID,
    session: SessionDep,
    principal: CurrentPrincipal,
    data: ShareRevoke | None = None,
) -> ShareRead:
    """End a share (its grantee no longer sees the case)."""
    return await service.revoke(session, principal, case_id, share_id, data or ShareRevoke())
