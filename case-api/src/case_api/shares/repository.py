"""Every query of case shares."""

import uuid

from sqlalchemy import and_, or_, select
from sqlalchemy.ext.asyncio import AsyncSession

from case_api.shares.models import CaseShare


async def active_for_caller(
    session: AsyncSession, case_id: uuid.UUID, username: str, agency_id: str | None
) -> list[CaseShare]:
    """The active shares of one case that name this user or their agency."""
    grantee = and_(CaseShare.grantee_kind == "user", CaseShare.grantee == username)
    if agency_id is not None:
        grantee = or_(grantee, and_(CaseShare.grantee_kind == "agency", CaseShare.grantee == agency_id))
    rows = await session.execute(
        select(CaseShare).where(CaseShare.case_id == case_id, CaseShare.revoked_at.is_(None), grantee)
    )
    return list(rows.scalars().all())


async def for_case(session: AsyncSession, case_id: uuid.UUID) -> list[CaseShare]:
    """Every share of a case, active and revoked, newest first."""
    rows = await session.execute(
        select(CaseShare)
        .where(CaseShare.case_id == case_id)
        .order_by(CaseShare.granted_at.desc(), CaseShare.id)
    )
    return list(rows.scalars().all())


async def active(
    session: AsyncSession, case_id: uuid.UUID, grantee_kind: str, grantee: str
) -> CaseShare | None:
    """The active share of one grantee on one case, if any."""
    return await session.scalar(
        select(CaseShare).where(
            CaseShare.case_id == case_id,
            CaseShare.grantee_kind == grantee_kind,
            CaseShare.grantee == grantee,
            CaseShare.revoked_at.is_(None),
        )
    )


async def get_for_update(session: AsyncSession, case_id: uuid.UUID, share_id: uuid.UUID) -> CaseShare | None:
    """One share of one case, locked (two revocations must not both succeed)."""
    return await session.scalar(
        select(CaseShare).where(CaseShare.id == share_id, CaseShare.case_id == case_id).with_for_update()
    )


def add(session: AsyncSession, share: CaseShare) -> None:
    session.add(share)
