"""The rules of consent: an append-only history whose latest entry applies (no commit, no HTTP)."""

import uuid
from datetime import UTC, datetime

from sqlalchemy.ext.asyncio import AsyncSession

from case_api import access
from case_api.cases import service as cases
from case_api.cases.schemas import ConsentStatus, EventKind
from case_api.consents import repository
from case_api.consents.models import Consent
from case_api.consents.schemas import ConsentCreate, ConsentHistory, ConsentRead, ConsentScope
from tsunagu_services.etag import IfMatch
from tsunagu_services.tokens import Principal


def _read(consent: Consent) -> ConsentRead:
    return ConsentRead.model_validate(
        {
            **consent.model_dump(),
            "scope": ConsentScope(agencies=consent.scope_agencies, parts=consent.scope_parts),
        }
    )


async def history(
    session: AsyncSession, principal: Principal, case_id: uuid.UUID, *, limit: int, offset: int
) -> ConsentHistory:
    """A case's consent entries, latest first, and the status that applies now."""
    case = await cases.read(session, principal, case_id)
    access.ensure_part_visible(principal, case, "consents")
    items, total = await repository.history(session, case.id, limit=limit, offset=offset)
    current = await repository.current(session, case.id) if offset else (items[0] if items else None)
    return ConsentHistory(
        current=ConsentStatus(current.status) if current else ConsentStatus.not_asked,
        items=[_read(c) for c in items],
        total=total,
    )


async def record(
    session: AsyncSession,
    principal: Principal,
    case_id: uuid.UUID,
    data: ConsentCreate,
    if_match: IfMatch | None,
) -> ConsentRead:
    """Append a consent entry; it becomes current if it is the latest, and the case's version moves on."""
    case = await cases.for_management(session, principal, case_id, if_match)
    before = await repository.current(session, case.id)
    consent = Consent(
        case_id=case.id,
        person_id=data.person_id,
        status=data.status,
        recorded_at=data.recorded_at,
        method=data.method,
        scope_agencies=sorted(set(data.scope.agencies)),
        scope_parts=sorted(set(data.scope.parts)),
        note=data.note or None,
        recorded_by=principal.username,
        # The clock, not now(): entries of one transaction (an import, a test) still order by arrival.
        created_at=datetime.now(UTC),
    )
    repository.add(session, consent)
    await session.flush()
    await session.refresh(consent)
    cases.record_event(
        session,
        case,
        principal,
        EventKind.consent,
        {"current": before.status if before else ConsentStatus.not_asked},
        {
            "id": str(consent.id),
            "status": consent.status,
            "recorded_at": consent.recorded_at.isoformat(),
            "method": consent.method,
            "agencies": consent.scope_agencies,
            "parts": consent.scope_parts,
        },
        consent.note,
    )
    await cases.bump_version(session, case)
    return _read(consent)
