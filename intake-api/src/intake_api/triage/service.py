"""振り分け: the rules of ending a consultation at intake (no commit, no HTTP details)."""

import uuid
from datetime import UTC, datetime

from sqlalchemy.ext.asyncio import AsyncSession

from intake_api import access
from intake_api.clients.case_api import CaseApiClient
from intake_api.consultations import service as consultations
from intake_api.consultations.models import Consultation
from intake_api.triage import repository
from intake_api.triage.models import TriageDecision
from intake_api.triage.schemas import ReferralOutcomeUpdate, TriageCreate, TriageOutcome
from tsunagu_services import outbox
from tsunagu_services.models import OutboxMessage
from tsunagu_services.problems import Conflict, NotFound, ValidationFailed
from tsunagu_services.tokens import Principal

NEW_CASE_PATH = "/api/v1/cases/from-intake"


class AlreadyTriaged(Conflict):
    type = "/problems/already-triaged"
    title = "この相談はすでに振り分け済みです。"


class AreaRequired(ValidationFailed):
    type = "/problems/area-required"
    title = "圏域を選んでください（匿名通報には圏域がありません）。"


class AgencyNotFound(ValidationFailed):
    type = "/problems/agency-not-found"
    title = "つなぎ先の関係機関が見つかりません。"


class CaseNotFound(ValidationFailed):
    type = "/problems/case-not-found"
    title = "指定されたケースが見つからないか、閲覧する権限がありません。"


def new_case_key(consultation_id: uuid.UUID) -> str:
    return f"consultation-{consultation_id}-case"


async def decide(
    session: AsyncSession,
    principal: Principal,
    case_api: CaseApiClient,
    consultation_id: uuid.UUID,
    data: TriageCreate,
) -> TriageDecision:
    """Record the triage outcome; a new case is requested from case-api through the outbox."""
    access.ensure_may_triage(principal)
    consultation = await consultations.read(session, principal, consultation_id, for_update=True)
    if consultation.status != "open":
        raise AlreadyTriaged()
    area = data.area or consultation.area
    needs_area = data.outcome in (TriageOutcome.new_case, TriageOutcome.referral, TriageOutcome.link_case)
    if needs_area and area == access.UNASSIGNED_AREA:
        raise AreaRequired()
    decision = TriageDecision(
        consultation_id=consultation.id, outcome=data.outcome, note=data.note, decided_by=principal.username
    )
    if data.outcome is TriageOutcome.referral:
        agency = await case_api.agency(str(data.agency_id))
        if agency is None:
            raise AgencyNotFound()
        decision.agency_id, decision.agency_name, decision.referral_outcome = (
            agency.id,
            agency.name,
            "pending",
        )
    elif data.outcome is TriageOutcome.link_case:
        case = await case_api.case(str(data.case_id))
        if case is None:
            raise CaseNotFound()
        decision.case_id = case.id
    elif data.outcome is TriageOutcome.new_case:
        assert data.new_case is not None
        access.ensure_may_open_case(principal, area)
        await _request_case(session, principal, consultation, area, data)
        decision.new_case_requested = True
    consultation.status = "triaged"
    consultation.area = area
    repository.add(session, decision)
    await session.flush()
    return decision


async def _request_case(
    session: AsyncSession, principal: Principal, consultation: Consultation, area: str, data: TriageCreate
) -> None:
    assert data.new_case is not None
    await outbox.enqueue(
        session,
        destination="case",
        path=NEW_CASE_PATH,
        idempotency_key=new_case_key(consultation.id),
        body={
            "consultation_id": str(consultation.id),
            "opened_by": principal.username,
            "area": area,
            **data.new_case.model_dump(mode="json"),
            "consent": consultation.consent,
            "intake": {
                "received_at": consultation.received_at.isoformat(),
                "channel": consultation.channel,
                "summary": consultation.summary,
            },
        },
    )


async def on_case_opened(session: AsyncSession, message: OutboxMessage) -> None:
    """Outbox hook: case-api confirmed the new case; remember its id on the triage decision."""
    if message.path != NEW_CASE_PATH or not message.response_body:
        return
    decision = await repository.by_consultation(session, uuid.UUID(message.body["consultation_id"]))
    if decision is not None:
        decision.case_id = str(message.response_body["id"])


async def read(session: AsyncSession, principal: Principal, consultation_id: uuid.UUID) -> TriageDecision:
    """The triage decision of a consultation the caller may see."""
    await consultations.read(session, principal, consultation_id)
    decision = await repository.by_consultation(session, consultation_id)
    if decision is None:
        raise NotFound("この相談はまだ振り分けられていません。")
    return decision


async def record_referral_outcome(
    session: AsyncSession, principal: Principal, consultation_id: uuid.UUID, data: ReferralOutcomeUpdate
) -> TriageDecision:
    """What came of a つなぎ, recorded later."""
    access.ensure_may_triage(principal)
    decision = await read(session, principal, consultation_id)
    if decision.outcome != TriageOutcome.referral:
        raise Conflict("つなぎ（他機関へ）の振り分けではありません。")
    decision.referral_outcome = data.outcome
    decision.referral_outcome_note = data.note
    decision.referral_outcome_at = datetime.now(UTC)
    await session.flush()
    return decision
