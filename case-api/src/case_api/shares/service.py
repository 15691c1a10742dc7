"""The rules of sharing a case: explicit grants by those who run the case, revocable (no commit, no HTTP)."""

import uuid
from datetime import UTC, datetime

from sqlalchemy.ext.asyncio import AsyncSession

from case_api import access
from case_api.cases import service as cases
from case_api.cases.schemas import EventKind
from case_api.shares import repository
from case_api.shares.models import CaseShare
from case_api.shares.schemas import ShareCreate, ShareList, ShareRead, ShareRevoke
from tsunagu_services import notices
from tsunagu_services.problems import Conflict, NotFound
from tsunagu_services.tokens import Principal


class AlreadyShared(Conflict):
    type = "/problems/case-already-shared"
    title = "このケースはすでに共有されています。"


class AlreadyRevoked(Conflict):
    type = "/problems/share-already-revoked"
    title = "この共有はすでに取り消されています。"


def _read(share: CaseShare) -> ShareRead:
    return ShareRead.model_validate({**share.model_dump(), "active": share.revoked_at is None})


def _facts(share: CaseShare) -> dict[str, str]:
    return {"share_id": str(share.id), "grantee_kind": share.grantee_kind, "grantee": share.grantee}


async def list_shares(session: AsyncSession, principal: Principal, case_id: uuid.UUID) -> ShareList:
    """Every share of the case, active and revoked, newest first."""
    case = await cases.read(session, principal, case_id)
    access.ensure_full_view(principal, case)
    return ShareList(items=[_read(s) for s in await repository.for_case(session, case.id)])


async def grant(
    session: AsyncSession, principal: Principal, case_id: uuid.UUID, data: ShareCreate
) -> ShareRead:
    """Share the case with a user or an agency (supervisors, admins, the lead, same-area CSWs)."""
    case = await cases.for_management(session, principal, case_id, None)
    # The case row is locked, so two grants to the same grantee cannot both pass this check.
    if await repository.active(session, case.id, data.grantee_kind, data.grantee) is not None:
        raise AlreadyShared()
    share = CaseShare(
        case_id=case.id,
        grantee_kind=data.grantee_kind,
        grantee=data.grantee,
        granted_by=principal.username,
        granted_at=datetime.now(UTC),
        reason=data.reason,
    )
    repository.add(session, share)
    await session.flush()
    cases.record_event(session, case, principal, EventKind.share_granted, None, _facts(share), data.reason)
    by_agency = share.grantee_kind == "agency"
    notices.tell(
        session,
        kind="case_shared",
        text=f"ケース「{case.title}」が共有されました。",
        link=f"/cases/{case.id}",
        usernames=[] if by_agency else [share.grantee],
        agency_ids=[share.grantee] if by_agency else [],
        actor=principal.username,
    )
    await session.flush()
    return _read(share)


async def revoke(
    session: AsyncSession, principal: Principal, case_id: uuid.UUID, share_id: uuid.UUID, data: ShareRevoke
) -> ShareRead:
    """End a share; the grant stays listed as revoked, and the change is in the history."""
    case = await cases.for_management(session, principal, case_id, None)
    share = await repository.get_for_update(session, case.id, share_id)
    if share is None:
        raise NotFound()
    if share.revoked_at is not None:
        raise AlreadyRevoked()
    share.revoked_at = datetime.now(UTC)
    share.revoked_by = principal.username
    cases.record_event(session, case, principal, EventKind.share_revoked, _facts(share), None, data.reason)
    await session.flush()
    return _read(share)
