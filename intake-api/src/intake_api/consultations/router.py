import uuid
from typing import Annotated

from fastapi import APIRouter, Query, status

from intake_api.consultations import service
from intake_api.consultations.schemas import (
    ConsultationCreate,
    ConsultationMessageRead,
    ConsultationPage,
    ConsultationRead,
    ConsultationStatus,
    FollowUpAcknowledgement,
)
from tsunagu_services.auth import CurrentPrincipal
from tsunagu_services.db import SessionDep
from tsunagu_services.openapi import PROBLEM_RESPONSES
from tsunagu_services.scopes import scoped

router = APIRouter(
    dependencies=[scoped("consultations:read", "consultations:write")],
    prefix="/api/v1/consultations",
    tags=["consultations"],
    responses=PROBLEM_RESPONSES,
)


@router.get("", response_model=ConsultationPage)
async def list_consultations(
    session: SessionDep,
    principal: CurrentPrincipal,
    area: Annotated[str | None, Query(max_length=30)] = None,
    consultation_status: Annotated[ConsultationStatus | None, Query(alias="status")] = None,
    q: Annotated[
        str | None,
        Query(
            min_length=1,
            max_length=100,
            description="Name, kana (any script or width), address or phone of the person or consulter.",
        ),
    ] = None,
    limit: Annotated[int, Query(ge=1, le=200)] = 50,
    offset: Annotated[int, Query(ge=0, le=1_000_000)] = 0,
) -> ConsultationPage:
    """List the consultations the caller may see, urgent first (`status=open`: the queue, oldest first)."""
    items, total = await service.list_visible(
        session, principal, area=area, status=consultation_status, limit=limit, offset=offset, q=q
    )
    return ConsultationPage(items=await service.read_models(session, items), total=total)


@router.post("", response_model=ConsultationRead, status_code=status.HTTP_201_CREATED)
async def create_consultation(
    data: ConsultationCreate, session: SessionDep, principal: CurrentPrincipal
) -> ConsultationRead:
    """Record a consultation (staff, or a system with consultations:write). Send Idempotency-Key."""
    return ConsultationRead.model_validate(await service.record(session, principal, data))


@router.get("/{consultation_id}/messages", response_model=list[ConsultationMessageRead])
async def list_messages(
    consultation_id: uuid.UUID, session: SessionDep, principal: CurrentPrincipal
) -> list[ConsultationMessageRead]:
    """Later additions to a consultation (an anonymous reporter's follow-ups), oldest first."""
    messages = await service.messages(session, principal, consultation_id)
    return [ConsultationMessageRead.model_validate(m) for m in messages]


@router.post("/{consultation_id}/follow-up-acknowledgement", status_code=status.HTTP_204_NO_CONTENT)
async def acknowledge_follow_up(
    consultation_id: uuid.UUID,
    data: FollowUpAcknowledgement,
    session: SessionDep,
    principal: CurrentPrincipal,
) -> None:
    """Staff have read the follow-ups that arrived after triage (up to `seen_up_to`): the mark goes."""
    await service.acknowledge_follow_up(session, principal, consultation_id, data.seen_up_to)


@router.get("/{consultation_id}", response_model=ConsultationRead)
async def get_consultation(
    consultation_id: uuid.UUID, session: SessionDep, principal: CurrentPrincipal
) -> ConsultationRead:
    """Read one consultation."""
    (view,) = await service.read_models(session, [await service.read(session, principal, consultation_id)])
    return view
