"""The rules of recording and reading consultations (no commit, no HTTP)."""

import uuid
from datetime import UTC, datetime

from sqlalchemy import update
from sqlalchemy.ext.asyncio import AsyncSession

from intake_api import access
from intake_api.consultations import repository, rules
from intake_api.consultations.models import Consultation
from intake_api.consultations.schemas import ConsultationCreate, ConsultationRead, LifeRisk
from intake_api.public_reports import repository as public_repository
from intake_api.public_reports.models import ConsultationMessage
from tsunagu_services import outbox
from tsunagu_services.problems import NotFound
from tsunagu_services.tokens import Principal


async def record(session: AsyncSession, principal: Principal, data: ConsultationCreate) -> Consultation:
    """Record a consultation received by `principal` (now, unless a time is given)."""
    access.ensure_may_record(principal)
    consulter = data.consulter
    consultation = Consultation(
        **data.model_dump(exclude={"received_at", "consulter"}),
        consulter_name=consulter.name if consulter else None,
        consulter_phone=consulter.phone if consulter else None,
        consulter_relation=consulter.relation if consulter else None,
        received_at=data.received_at or datetime.now(UTC),
        received_by=principal.username,
    )
    consultation.urgent = rules.is_urgent(data.urgent, data.risks)
    repository.add(session, consultation)
    await session.flush()
    if consultation.urgent:
        await request_safety_check(session, consultation, data.risks)
    await session.refresh(consultation)
    return consultation


async def request_safety_check(
    session: AsyncSession, consultation: Consultation, risks: list[LifeRisk]
) -> None:
    """Ask case-api for a 安否確認, through the outbox so it is neither lost nor doubled."""
    key = f"consultation-{consultation.id}-safety-check"
    await outbox.enqueue(
        session,
        destination="case",
        path="/api/v1/safety-checks",
        idempotency_key=key,
        body={
            "consultation_id": str(consultation.id),
            "area": consultation.area,
            "reason": rules.safety_check_reason(risks),
            "received_at": consultation.received_at.isoformat(),
            "source_key": key,
        },
    )


async def read(
    session: AsyncSession, principal: Principal, consultation_id: uuid.UUID, *, for_update: bool = False
) -> Consultation:
    """One consultation the caller may see; anything else is not found."""
    consultation = await repository.get(session, consultation_id, for_update=for_update)
    if consultation is None or not access.can_see(principal, consultation):
        raise NotFound()
    return consultation


async def messages(
    session: AsyncSession, principal: Principal, consultation_id: uuid.UUID
) -> list[ConsultationMessage]:
    """The follow-ups of a consultation the caller may see."""
    consultation = await read(session, principal, consultation_id)
    return await public_repository.messages(session, consultation.id)


async def list_visible(
    session: AsyncSession,
    principal: Principal,
    *,
    area: str | None,
    status: str | None,
    limit: int,
    offset: int,
    q: str | None = None,
) -> tuple[list[Consultation], int]:
    """The consultations the caller may see, urgent first; the open queue oldest first. `q` matches
    the person's or consulter's name, kana, address or phone (every word), never the text."""
    return await repository.page(
        session,
        access.visible(principal),
        area=area,
        status=status,
        terms=rules.search_terms(q) if q else [],
        oldest_first=status == "open",
        limit=limit,
        offset=offset,
    )


async def acknowledge_follow_up(
    session: AsyncSession, principal: Principal, consultation_id: uuid.UUID, seen_up_to: datetime
) -> None:
    """Staff have read the follow-ups up to `seen_up_to`: the mark goes, unless a later one came.

    One conditional UPDATE, so an acknowledgement racing a new follow-up never hides the new one.
    """
    access.ensure_may_record(principal)
    consultation = await read(session, principal, consultation_id)
    await session.execute(
        update(Consultation)
        .where(Consultation.id == consultation.id, Consultation.follow_up_pending_since <= seen_up_to)
        .values(follow_up_pending_since=None)
        .execution_options(synchronize_session=False)
    )


def match_query(consultation: Consultation) -> dict[str, str]:
    """What to ask case-api's person search for the person concerned (empty when unknown)."""
    query = {
        "q": consultation.person_kana or consultation.person_name or "",
        "birth_date": consultation.person_birth_date.isoformat() if consultation.person_birth_date else "",
        "phone": consultation.person_phone or "",
    }
    return {k: v for k, v in query.items() if v}


async def read_models(session: AsyncSession, consultations: list[Consultation]) -> list[ConsultationRead]:
    """What the API answers for consultations, with their follow-up counts (one extra query in all)."""
    summary = await public_repository.follow_up_summary(session, [c.id for c in consultations])
    views = []
    for consultation in consultations:
        count, last = summary.get(consultation.id, (0, None))
        view = ConsultationRead.model_validate(consultation)
        views.append(view.model_copy(update={"follow_up_count": count, "last_follow_up_at": last}))
    return views
