import uuid

from fastapi import APIRouter, status

from meeting_api.agenda import service
from meeting_api.agenda.schemas import AgendaItemCreate, AgendaItemRead, MaterialRead
from meeting_api.clients.dependencies import CaseApiDep
from meeting_api.problems import CONFIDENTIAL, problem
from tsunagu_services.auth import CurrentPrincipal
from tsunagu_services.db import SessionDep
from tsunagu_services.openapi import PROBLEM_RESPONSES
from tsunagu_services.scopes import scoped

router = APIRouter(
    dependencies=[scoped("meetings:read", "meetings:write")],
    prefix="/api/v1/meetings/{meeting_id}/agenda",
    tags=["agenda"],
    responses={**PROBLEM_RESPONSES, **CONFIDENTIAL},
)

ADD_RESPONSES = {
    404: problem(
        "The meeting, or the case (/problems/case-not-found: it does not exist or the caller "
        "may not see it in case-api)."
    ),
    409: problem(
        "The case is already on the agenda (/problems/agenda-duplicate), the meeting is cancelled "
        "(/problems/meeting-cancelled) or its minutes are final (/problems/minutes-finalised)."
    ),
    422: problem(
        "Invalid input, or the law does not let this case go to this body "
        "(/problems/body-not-allowed: without consent only a 支援会議; `allowed_body_types`)."
    ),
    503: problem("case-api did not answer (/problems/case-api-unavailable); nothing was written."),
}


@router.get("", response_model=list[AgendaItemRead])
async def list_agenda(
    meeting_id: uuid.UUID, session: SessionDep, principal: CurrentPrincipal
) -> list[AgendaItemRead]:
    """The meeting's agenda (議題) in order, each case with its recommended body."""
    return [AgendaItemRead.of(i) for i in await service.list_items(session, principal, meeting_id)]


@router.post("", response_model=AgendaItemRead, status_code=status.HTTP_201_CREATED, responses=ADD_RESPONSES)
async def add_agenda_item(
    meeting_id: uuid.UUID,
    data: AgendaItemCreate,
    session: SessionDep,
    principal: CurrentPrincipal,
    case_api: CaseApiDep,
) -> AgendaItemRead:
    """Put a case on the agenda (case-api asked with the caller's token); without consent only 支援会議."""
    item = await service.add(session, principal, case_api, meeting_id, data.case_id, data.note)
    return AgendaItemRead.of(item)


@router.get("/{item_id}/material", response_model=MaterialRead)
async def read_material(
    meeting_id: uuid.UUID, item_id: uuid.UUID, session: SessionDep, principal: CurrentPrincipal
) -> MaterialRead:
    """The case summary given to the meeting (a snapshot); a 支援会議's to its members alone."""
    item = await service.material(session, principal, meeting_id, item_id)
    material = item.material
    return MaterialRead(
        agenda_item_id=item.id,
        meeting_id=item.meeting_id,
        case_id=item.case_id,
        captured_at=material["captured_at"],
        captured_by=material["captured_by"],
        case=material["case"],
        consent_status=material["consent_status"],
        recommendation=material["recommendation"],
    )


@router.delete(
    "/{item_id}",
    status_code=status.HTTP_204_NO_CONTENT,
    responses={409: problem("Minutes are final, or the draft discusses this item.")},
)
async def remove_agenda_item(
    meeting_id: uuid.UUID, item_id: uuid.UUID, session: SessionDep, principal: CurrentPrincipal
) -> None:
    """Take a case off the agenda (before the minutes are final)."""
    await service.remove(session, principal, meeting_id, item_id)
