"""Every query of meeting bodies and their members."""

import uuid
from collections.abc import Iterable

from sqlalchemy import ColumnElement, case, func, select
from sqlalchemy.ext.asyncio import AsyncSession

from meeting_api.bodies.models import BodyMember, MeetingBody


async def get(session: AsyncSession, body_id: uuid.UUID, *, for_update: bool = False) -> MeetingBody | None:
    query = select(MeetingBody).where(MeetingBody.id == body_id)
    if for_update:
        query = query.with_for_update().execution_options(populate_existing=True)
    return (await session.execute(query)).scalar_one_or_none()


async def listing(
    session: AsyncSession, where: ColumnElement[bool], *, body_type: str | None, include_inactive: bool
) -> list[MeetingBody]:
    conditions = [where]
    if body_type is not None:
        conditions.append(MeetingBody.type == body_type)
    if not include_inactive:
        conditions.append(MeetingBody.active.is_(True))
    rows = await session.execute(
        select(MeetingBody).where(*conditions).order_by(MeetingBody.type, MeetingBody.name, MeetingBody.id)
    )
    return list(rows.scalars().all())


async def members(
    session: AsyncSession, body_id: uuid.UUID, *, include_removed: bool = False
) -> list[BodyMember]:
    query = select(BodyMember).where(BodyMember.body_id == body_id)
    if not include_removed:
        query = query.where(BodyMember.removed_at.is_(None))
    # Chair first, then the secretariat, then members; each group as added, then by name.
    rank = case((BodyMember.role == "chair", 0), (BodyMember.role == "secretariat", 1), else_=2)
    rows = await session.execute(
        query.order_by(
            rank,
            BodyMember.added_at,
            BodyMember.kind.desc(),
            func.coalesce(BodyMember.username, BodyMember.name),
            BodyMember.id,
        )
    )
    return list(rows.scalars().all())


async def member(
    session: AsyncSession, body_id: uuid.UUID, member_id: uuid.UUID, *, for_update: bool = False
) -> BodyMember | None:
    query = select(BodyMember).where(BodyMember.id == member_id, BodyMember.body_id == body_id)
    if for_update:
        query = query.with_for_update().execution_options(populate_existing=True)
    return (await session.execute(query)).scalar_one_or_none()


async def active_membership(
    session: AsyncSession, body_id: uuid.UUID | None, username: str, *, for_update: bool = False
) -> BodyMember | None:
    """The user's active membership of the body, if any."""
    if body_id is None:
        return None
    query = select(BodyMember).where(
        BodyMember.body_id == body_id, BodyMember.username == username, BodyMember.removed_at.is_(None)
    )
    if for_update:
        query = query.with_for_update().execution_options(populate_existing=True)
    return (await session.execute(query)).scalar_one_or_none()


async def memberships(
    session: AsyncSession, username: str, body_ids: Iterable[uuid.UUID]
) -> dict[uuid.UUID, BodyMember]:
    """The user's active memberships among `body_ids`, by body."""
    ids = set(body_ids)
    if not ids:
        return {}
    rows = await session.execute(
        select(BodyMember).where(
            BodyMember.body_id.in_(ids), BodyMember.username == username, BodyMember.removed_at.is_(None)
        )
    )
    return {m.body_id: m for m in rows.scalars().all()}


def add(session: AsyncSession, row: MeetingBody | BodyMember) -> None:
    session.add(row)
