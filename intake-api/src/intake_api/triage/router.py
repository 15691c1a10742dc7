import uuid
from typing import Annotated, Any

from fastapi import APIRouter, Depends, Request, status

from intake_api.clients.case_api import CaseApiClient
from intake_api.consultations import service as consultations
from intake_api.triage import service
from intake_api.triage.schemas import ReferralOutcomeUpdate, TriageCreate, TriageRead
from tsunagu_services.auth import CurrentPrincipal
from tsunagu_services.db import SessionDep
from tsunagu_services.openapi import PROBLEM_RESPONSES
from tsunagu_services.scopes import scoped

router = APIRouter(
    dependencies=[scoped("consultations:read", "consultations:write")],
    prefix="/api/v1/consultations",
    tags=["triage"],
    responses=PROBLEM_RESPONSES,
)


def _case_api(request: Request, principal: CurrentPrincipal) -> CaseApiClient:
    """case-api, called with the caller's own token so the caller's rights apply there too."""
    return CaseApiClient(
        request.app.state.http, request.app.state.settings.case_url, request.headers["authorization"]
    )


CaseApi = Annotated[CaseApiClient, Depends(_case_api)]


@router.post("/{consultation_id}/triage", response_model=TriageRead, status_code=status.HTTP_201_CREATED)
async def triage(
    consultation_id: uuid.UUID,
    data: TriageCreate,
    session: SessionDep,
    principal: CurrentPrincipal,
    case_api: CaseApi,
) -> TriageRead:
    """Triage a consultation: information given, つなぎ, 生活保護窓口, link to a case, or a new case."""
    return TriageRead.model_validate(
        await service.decide(session, principal, case_api, consultation_id, data)
    )


@router.get("/{consultation_id}/triage", response_model=TriageRead)
async def get_triage(
    consultation_id: uuid.UUID, session: SessionDep, principal: CurrentPrincipal
) -> TriageRead:
    """The triage decision of a consultation (with the new case's id once case-api opened it)."""
    return TriageRead.model_validate(await service.read(session, principal, consultation_id))


@router.post("/{consultation_id}/triage/referral-outcome", response_model=TriageRead)
async def referral_outcome(
    consultation_id: uuid.UUID, data: ReferralOutcomeUpdate, session: SessionDep, principal: CurrentPrincipal
) -> TriageRead:
    """Record what came of a つなぎ (connected or not)."""
    decision = await service.record_referral_outcome(session, principal, consultation_id, data)
    return TriageRead.model_validate(decision)


@router.get("/{consultation_id}/candidates", response_model=list[dict[str, Any]])
async def match_candidates(
    consultation_id: uuid.UUID, session: SessionDep, principal: CurrentPrincipal, case_api: CaseApi
) -> list[dict[str, Any]]:
    """Existing persons who may be the person concerned, with why each matched (from case-api)."""
    consultation = await consultations.read(session, principal, consultation_id)
    return await case_api.person_candidates(consultations.match_query(consultation))
