import uuid
from typing import Annotated

from fastapi import APIRouter, Header, Query, status

from case_api.cases.etag import STALE
from case_api.consents import service
from case_api.consents.schemas import ConsentCreate, ConsentHistory, ConsentRead
from tsunagu_services.auth import CurrentPrincipal
from tsunagu_services.db import SessionDep
from tsunagu_services.etag import parse_if_match
from tsunagu_services.openapi import PROBLEM_RESPONSES
from tsunagu_services.scopes import scoped

router = APIRouter(
    dependencies=[scoped("cases:read", "cases:write")],
    prefix="/api/v1/cases/{case_id}/consents",
    tags=["consents"],
    responses=PROBLEM_RESPONSES,
)


@router.get("", response_model=ConsentHistory)
async def list_consents(
    case_id: uuid.UUID,
    session: SessionDep,
    principal: CurrentPrincipal,
    limit: Annotated[int, Query(ge=1, le=200)] = 50,
    offset: Annotated[int, Query(ge=0, le=1_000_000)] = 0,
) -> ConsentHistory:
    """The case's consent history (本人同意), latest first, with the status that applies now."""
    return await service.history(session, principal, case_id, limit=limit, offset=offset)


@router.post("", response_model=ConsentRead, status_code=status.HTTP_201_CREATED, responses=STALE)
async def record_consent(
    case_id: uuid.UUID,
    data: ConsentCreate,
    session: SessionDep,
    principal: CurrentPrincipal,
    if_match: Annotated[str | None, Header(alias="If-Match", max_length=200)] = None,
) -> ConsentRead:
    """Record a consent event (given, refused, withdrawn, not yet asked); a correction is a new entry."""
    return await service.record(session, principal, case_id, data, parse_if_match(if_match))
