import uuid

from fastapi import APIRouter, Response, status

from case_api.intake import service
from case_api.intake.schemas import CaseFromIntake, CaseOpened, ReportFollowUp
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


@router.post("/{case_id}/report-follow-ups", status_code=status.HTTP_204_NO_CONTENT)
async def tell_of_follow_up(
    case_id: uuid.UUID, data: ReportFollowUp, session: SessionDep, principal: CurrentPrincipal
) -> None:
    """An anonymous reporter wrote again after triage (intake-api's service token only): the lead is told."""
    await service.tell_of_follow_up(session, principal, case_id, data)
