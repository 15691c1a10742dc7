import uuid
from typing import Annotated

from fastapi import APIRouter, Query, status

from case_api.cases import service
from case_api.cases.schemas import CaseCreate, CasePage, CaseRead, CaseStatus
from tsunagu_services.auth import CurrentPrincipal
from tsunagu_services.db import SessionDep
from tsunagu_services.openapi import PROBLEM_RESPONSES

router = APIRouter(prefix="/api/v1/cases", tags=["cases"], responses=PROBLEM_RESPONSES)


@router.get("", response_model=CasePage)
async def list_cases(
    session: SessionDep,
    principal: CurrentPrincipal,
    area: Annotated[str | None, Query(max_length=30)] = None,
    case_status: Annotated[CaseStatus | None, Query(alias="status")] = None,
    limit: Annotated[int, Query(ge=1, le=200)] = 50,
    offset: Annotated[int, Query(ge=0)] = 0,
) -> CasePage:
    """List the cases the caller may see, most recently opened first."""
    items, total = await service.list_visible(session, principal, area=area, status=case_status,
                                              limit=limit, offset=offset)
    return CasePage(items=[CaseRead.model_validate(c) for c in items], total=total)


@router.post("", response_model=CaseRead, status_code=status.HTTP_201_CREATED)
async def open_case(data: CaseCreate, session: SessionDep, principal: CurrentPrincipal) -> CaseRead:
    """Open a case (supervisors in any area, a CSW in their own). Send Idempotency-Key."""
    return CaseRead.model_validate(await service.open_case(session, principal, data))


@router.get("/{case_id}", response_model=CaseRead)
async def get_case(case_id: uuid.UUID, session: SessionDep, principal: CurrentPrincipal) -> CaseRead:
    """Read one case."""
    return CaseRead.model_validate(await service.read(session, principal, case_id))
