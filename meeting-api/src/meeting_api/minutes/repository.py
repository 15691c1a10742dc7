"""Every query of minutes, amendments, decisions and their deliveries."""

import uuid
from collections.abc import Sequence

from sqlalchemy import ColumnElement, select
from sqlalchemy.ext.asyncio import AsyncSession

from meeting_api.meetings.models import Meeting
from meeting_api.minutes.models import Decision, Minutes, MinutesAmendment
from tsunagu_services.models import OutboxMessage


async def get(session: AsyncSession, meeting_id: uuid.UUID, *, for_update: bool = False) -> Minutes | None:
    query = select(Minutes).where(Minutes.meeting_id == meeting_id)
    if for_update:
        query = query.with_for_update().execution_options(populate_existing=True)
    return (await session.execute(query)).scalar_one_or_none()


async def amendments(session: AsyncSession, meeting_id: uuid.UUID) -> list[MinutesAmendment]:
    rows = await session.execute(
        select(MinutesAmendment)
        .where(MinutesAmendment.meeting_id == meeting_id)
        .order_by(MinutesAmendment.added_at, MinutesAmendment.id)
    )
    return list(rows.scalars().all())


async def decisions(session: AsyncSession, meeting_id: uuid.UUID) -> list[Decision]:
    rows = await session.execute(
        select(Decision)
        .where(Decision.meeting_id == meeting_id)
        .order_by(Decision.created_at, Decision.position, Decision.id)
    )
    return list(rows.scalars().all())


async def decisions_of_case(
    session: AsyncSession, case_id: uuid.UUID, visible: ColumnElement[bool]
) -> list[Decision]:
    """A case's decisions in the meetings `visible` admits, newest first."""
    rows = await session.execute(
        select(Decision)
        .join(Meeting, Meeting.id == Decision.meeting_id)
        .where(Decision.case_id == case_id, visible)
        .order_by(Decision.created_at.desc(), Decision.position, Decision.id)
    )
    return list(rows.scalars().all())


async def outbox_by_key(session: AsyncSession, keys: Sequence[str]) -> dict[str, OutboxMessage]:
    """This service's own outbox messages with these Idempotency-Keys."""
    if not keys:
        return {}
    rows = await session.execute(select(OutboxMessage).where(OutboxMessage.idempotency_key.in_(list(keys))))
    return {m.idempotency_key: m for m in rows.scalars().all()}


def add(session: AsyncSession, row: Minutes | MinutesAmendment | Decision) -> None:
    session.add(row)
