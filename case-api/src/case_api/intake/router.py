from fastapi import APIRouter, Response, status

from case_api.intake import service
from case_api.intake.schemas import CaseFromIntake, CaseOpened
from tsunagu_services.auth import CurrentPrincipal
from tsunagu_services.db import SessionDep
from tsunagu_services.openapi import PROBLEM_RESPONSES
from tsunagu_services.scopes import scoped

router = APIRouter(
    dependencies=[scoped("cases:write")],
    prefix="/api/v1/cases",
    tags=["intake hand-off"],
    responses=PROBLEM_RESPONSES,
)


@router.post("/from-intake", response_model=CaseOpened, status_code=status.HTTP_201_CREATED)
async def open_from_intake(
    data: CaseFromIntake, response: Response, session: SessionDep, principal: CurrentPrincipal
) -> CaseOpened:
    """Open a case decided at triage (intake-api's service token only); a repeat answers the same case."""
    opened = await service.open_from_intake(session, principal, data)
    if not opened.created:
        response.status_code = status.HTTP_200_OK
    return opened
