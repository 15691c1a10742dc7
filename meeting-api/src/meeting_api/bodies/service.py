"""The rules of meeting bodies and their members (no commit, no HTTP)."""

import uuid
from datetime import UTC, datetime

from sqlalchemy.exc import IntegrityError
from sqlalchemy.ext.asyncio import AsyncSession

from meeting_api import access
from meeting_api.bodies import repository
from meeting_api.bodies.models import BodyMember, MeetingBody
from meeting_api.bodies.schemas import (
    BodyCreate,
    BodyDetail,
    BodyRead,
    BodyUpdate,
    MemberCreate,
    MemberKind,
    MemberRead,
    MemberRole,
    Membership,
    MemberUpdate,
)
from meeting_api.vocabulary import BodyType
from tsunagu_services.etag import IfMatch
from tsunagu_services.problems import Conflict, Forbidden, NotFound
from tsunagu_services.tokens import Principal


class MemberExists(Conflict):
    type = "/problems/member-exists"
    title = "この利用者はすでに構成員です。"


class NotAMember(Forbidden):
    type = "/problems/not-a-member"
    title = "この会議体の構成員ではありません。"


class ConfirmsInPerson(Conflict):
    type = "/problems/confirms-in-person"
    title = "ログインできる構成員は、守秘義務の確認を本人が行います。"


def _now() -> datetime:
    return datetime.now(UTC)


def _membership(member: BodyMember | None) -> Membership | None:
    if member is None:
        return None
    return Membership(
        member_id=member.id,
        role=MemberRole(member.role),
        confidentiality_confirmed_at=member.confidentiality_confirmed_at,
    )


def _read(body: MeetingBody, mine: BodyMember | None) -> BodyRead:
    return BodyRead.model_validate({**body.model_dump(), "my_membership": _membership(mine)})


async def _detail(session: AsyncSession, body: MeetingBody, mine: BodyMember | None) -> BodyDetail:
    members = await repository.members(session, body.id)
    return BodyDetail.model_validate(
        {**_read(body, mine).model_dump(), "members": [MemberRead.model_validate(m) for m in members]}
    )


async def load_visible(
    session: AsyncSession, principal: Principal, body_id: uuid.UUID, *, for_update: bool = False
) -> tuple[MeetingBody, BodyMember | None]:
    """A body the caller may see and their membership of it; anything else is not found."""
    body = await repository.get(session, body_id, for_update=for_update)
    if body is None:
        raise NotFound()
    mine = (
        None
        if principal.is_system
        else await repository.active_membership(session, body.id, principal.username)
    )
    if not access.can_see_body(principal, body, mine):
        raise NotFound()
    return body, mine


async def list_visible(
    session: AsyncSession, principal: Principal, *, body_type: BodyType | None, include_inactive: bool
) -> list[BodyRead]:
    """The bodies the caller may see, by type and name, each with the caller's membership."""
    bodies = await repository.listing(
        session, access.visible_bodies(principal), body_type=body_type, include_inactive=include_inactive
    )
    mine = (
        {}
        if principal.is_system
        else await repository.memberships(session, principal.username, (b.id for b in bodies))
    )
    return [_read(b, mine.get(b.id)) for b in bodies]


async def read(session: AsyncSession, principal: Principal, body_id: uuid.UUID) -> BodyDetail:
    """One body with its active members."""
    body, mine = await load_visible(session, principal, body_id)
    return await _detail(session, body, mine)


async def _add_member(
    session: AsyncSession, principal: Principal, body: MeetingBody, data: MemberCreate
) -> BodyMember:
    member = BodyMember(
        body_id=body.id,
        kind=data.kind,
        username=data.username,
        agency_id=data.agency_id,
        name=data.name,
        role=data.role,
        added_by=principal.username,
    )
    repository.add(session, member)
    try:
        async with session.begin_nested():
            await session.flush()
    except IntegrityError:
        # Only the partial unique index on (body, username) of active members gets here.
        raise MemberExists() from None
    return member


async def create(session: AsyncSession, principal: Principal, data: BodyCreate) -> BodyDetail:
    """Set up a body with its first members; a supervisor creating a 支援会議 becomes its chair."""
    access.ensure_may_create_body(principal)
    body = MeetingBody(**data.model_dump(exclude={"members"}), created_by=principal.username)
    repository.add(session, body)
    await session.flush()
    members = list(data.members)
    usernames = [m.username for m in members if m.username]
    if len(usernames) != len(set(usernames)):
        raise MemberExists("同じ利用者が二度指定されています。")
    if body.type == BodyType.shien and principal.role == "supervisor" and principal.username not in usernames:
        members.insert(
            0, MemberCreate(kind=MemberKind.staff, username=principal.username, role=MemberRole.chair)
        )
    for given in members:
        await _add_member(session, principal, body, given)
    await session.refresh(body)
    mine = await repository.active_membership(session, body.id, principal.username)
    return await _detail(session, body, mine)


async def update(
    session: AsyncSession, principal: Principal, body_id: uuid.UUID, data: BodyUpdate, if_match: IfMatch
) -> BodyDetail:
    """Change a body's name, area or defaults (If-Match)."""
    body, mine = await load_visible(session, principal, body_id, for_update=True)
    access.ensure_may_manage_body(principal, body, mine)
    if_match.ensure(body.version)
    changes = data.model_dump(exclude_unset=True)
    if any(getattr(body, k) != v for k, v in changes.items()):
        for key, value in changes.items():
            setattr(body, key, value)
        body.version += 1
        body.updated_at = _now()
        await session.flush()
    return await _detail(session, body, mine)


async def deactivate(
    session: AsyncSession, principal: Principal, body_id: uuid.UUID, if_match: IfMatch | None
) -> None:
    """Retire a body: its meetings and minutes stay; it takes no new meetings."""
    body, mine = await load_visible(session, principal, body_id, for_update=True)
    access.ensure_may_manage_body(principal, body, mine)
    if if_match is not None:
        if_match.ensure(body.version)
    if body.active:
        body.active = False
        body.version += 1
        body.updated_at = _now()
        await session.flush()


async def list_members(
    session: AsyncSession, principal: Principal, body_id: uuid.UUID, *, include_removed: bool
) -> list[BodyMember]:
    """A body's members (removed ones too when asked: who belonged, and when)."""
    body, _ = await load_visible(session, principal, body_id)
    return await repository.members(session, body.id, include_removed=include_removed)


async def add_member(
    session: AsyncSession, principal: Principal, body_id: uuid.UUID, data: MemberCreate
) -> BodyMember:
    """Add a member; they have not yet confirmed 守秘義務."""
    body, mine = await load_visible(session, principal, body_id, for_update=True)
    access.ensure_may_manage_body(principal, body, mine)
    member = await _add_member(session, principal, body, data)
    await session.refresh(member)
    return member


async def _managed_member(
    session: AsyncSession, principal: Principal, body_id: uuid.UUID, member_id: uuid.UUID
) -> BodyMember:
    body, mine = await load_visible(session, principal, body_id, for_update=True)
    access.ensure_may_manage_body(principal, body, mine)
    member = await repository.member(session, body.id, member_id, for_update=True)
    if member is None or member.removed_at is not None:
        raise NotFound()
    return member


async def change_member(
    session: AsyncSession, principal: Principal, body_id: uuid.UUID, member_id: uuid.UUID, data: MemberUpdate
) -> BodyMember:
    """Change a member's role."""
    member = await _managed_member(session, principal, body_id, member_id)
    member.role = data.role
    await session.flush()
    return member


async def remove_member(
    session: AsyncSession, principal: Principal, body_id: uuid.UUID, member_id: uuid.UUID
) -> None:
    """Remove a member: they stop seeing the body's confidential meetings; the record stays."""
    member = await _managed_member(session, principal, body_id, member_id)
    member.removed_at = _now()
    member.removed_by = principal.username
    await session.flush()


async def confirm_confidentiality(
    session: AsyncSession, principal: Principal, body_id: uuid.UUID
) -> BodyMember:
    """The caller confirms the duty of confidentiality (守秘義務) once; later calls change nothing."""
    body, _ = await load_visible(session, principal, body_id)
    mine = (
        None
        if principal.is_system
        else await repository.active_membership(session, body.id, principal.username, for_update=True)
    )
    if mine is None:
        raise NotAMember()
    if mine.confidentiality_confirmed_at is None:
        mine.confidentiality_confirmed_at = _now()
        mine.confidentiality_confirmed_by = principal.username
        await session.flush()
    return mine


async def record_confirmation_for(
    session: AsyncSession, principal: Principal, body_id: uuid.UUID, member_id: uuid.UUID
) -> BodyMember:
    """Record the written confirmation of a contact who does not sign in (admin, chair, secretariat)."""
    body, mine = await load_visible(session, principal, body_id)
    access.ensure_may_record_for_member(principal, body, mine)
    member = await repository.member(session, body.id, member_id, for_update=True)
    if member is None or member.removed_at is not None:
        raise NotFound()
    if member.username is not None:
        raise ConfirmsInPerson()
    if member.confidentiality_confirmed_at is None:
        member.confidentiality_confirmed_at = _now()
        member.confidentiality_confirmed_by = principal.username
        await session.flush()
    return member
