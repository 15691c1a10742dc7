"""Outcomes of support on a case (就労・増収・参加支援): recorded by who may write the case, withdrawn
with a reason, never edited; the statistics count the ones not withdrawn."""

import uuid
from datetime import UTC, date, datetime, timedelta

from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncSession

from case_api import access
from case_api.cases import service as cases
from case_api.outcomes.models import CaseOutcome
from case_api.outcomes.schemas import CaseOutcomeCreate
from tsunagu_services.months import TOKYO
from tsunagu_services.problems import Conflict, NotFound, ValidationFailed
from tsunagu_services.tokens import Principal


class OutcomeWithdrawn(Conflict):
    type = "/problems/outcome-withdrawn"
    title = "この成果の記録はすでに取り消されています。"


async def list_outcomes(session: AsyncSession, principal: Principal, case_id: uuid.UUID) -> list[CaseOutcome]:
    case = await cases.read(session, principal, case_id)
    access.ensure_part_visible(principal, case, "records")
    rows = await session.execute(
        select(CaseOutcome).where(CaseOutcome.case_id == case.id).order_by(CaseOutcome.occurred_on.desc())
    )
    return list(rows.scalars().all())


async def record(
    session: AsyncSession, principal: Principal, case_id: uuid.UUID, data: CaseOutcomeCreate
) -> CaseOutcome:
    case = await cases.read(session, principal, case_id)
    access.ensure_part_visible(principal, case, "records")
    access.ensure_may_write(principal, case)
    today = datetime.now(TOKYO).date()
    if not date(2015, 4, 1) <= data.occurred_on <= today + timedelta(days=1):
        raise ValidationFailed.for_field("occurred_on", "must be between 2015-04-01 and today")
    outcome = CaseOutcome(case_id=case.id, recorded_by=principal.username, **data.model_dump())
    session.add(outcome)
    await session.flush()
    await session.refresh(outcome)
    return outcome


async def withdraw(
    session: AsyncSession, principal: Principal, case_id: uuid.UUID, outcome_id: uuid.UUID, reason: str
) -> CaseOutcome:
    case = await cases.read(session, principal, case_id)
    access.ensure_part_visible(principal, case, "records")
    access.ensure_may_write(principal, case)
    outcome = await session.scalar(
        select(CaseOutcome)
        .where(CaseOutcome.id == outcome_id, CaseOutcome.case_id == case.id)
        .with_for_update()
    )
    if outcome is None:
        raise NotFound()
    if outcome.withdrawn_at is not None:
        raise OutcomeWithdrawn()
    outcome.withdrawn_at = datetime.now(UTC)
    outcome.withdrawn_by = principal.username
    outcome.withdrawn_reason = reason
    await session.flush()
    return outcome
