"""The rules of households and their members (no commit, no HTTP)."""

import uuid

from sqlalchemy.ext.asyncio import AsyncSession

from case_api import access
from case_api.households import repository
from case_api.households.models import Household, HouseholdMember
from case_api.households.schemas import (
    MAX_MEMBERS,
    AlreadyMember,
    HouseholdCreate,
    HouseholdFull,
    HouseholdNotFound,
    HouseholdRead,
    LastMember,
    MemberCreate,
    MemberNotFound,
    MemberRead,
    PrimaryMemberExists,
)
from case_api.persons import repository as persons
from case_api.persons.schemas import PersonNotFound, PersonRead
from case_api.persons.service import new_person
from tsunagu_services.tokens import Principal


async def _load(
    session: AsyncSession, principal: Principal, household_id: uuid.UUID, *, for_update: bool = False
) -> Household:
    household = await repository.get(session, household_id, for_update=for_update)
    if household is None or not access.can_read_person(principal):
        raise HouseholdNotFound()
    return household


async def _view(session: AsyncSession, household: Household) -> HouseholdRead:
    members = await repository.members(session, household.id)
    return HouseholdRead(
        id=household.id,
        name=household.name,
        address=household.address,
        area=household.area,
        created_at=household.created_at,
        updated_at=household.updated_at,
        version=household.version,
        members=[
            MemberRead(
                person=PersonRead.model_validate(person),
                relationship=member.relationship,
                is_primary=member.is_primary,
                note=member.note,
            )
            for member, person in members
        ],
    )


async def _ensure_persons_exist(session: AsyncSession, members: list[MemberCreate]) -> None:
    # Checked before anything is written, so an unknown id leaves no half-made household behind.
    wanted = {m.person_id for m in members if m.person_id is not None}
    if wanted - await persons.existing_ids(session, wanted):
        raise PersonNotFound()


def _new_member(
    session: AsyncSession, household: Household, data: MemberCreate, position: int
) -> HouseholdMember:
    """The member row; a new person written inline is added to the session first."""
    person_id = data.person_id
    if data.person is not None:
        person = new_person(data.person)
        persons.add(session, person)
        person_id = person.id
    assert person_id is not None
    return HouseholdMember(
        household_id=household.id,
        person_id=person_id,
        relationship=data.relationship,
        is_primary=data.is_primary,
        note=data.note,
        position=position,
    )


async def create(session: AsyncSession, principal: Principal, data: HouseholdCreate) -> HouseholdRead:
    """Record a household and its members; new persons may be written inline (8050: both in one call)."""
    access.ensure_may_write_persons(principal)
    await _ensure_persons_exist(session, data.members)
    household = Household(name=data.name, address=data.address, area=data.area)
    repository.add(session, household)
    members = [
        _new_member(session, household, member, position) for position, member in enumerate(data.members)
    ]
    await session.flush()  # household and persons first: the unit of work does not order by FK
    for member in members:
        repository.add(session, member)
    await session.flush()
    await session.refresh(household)
    return await _view(session, household)


async def read(session: AsyncSession, principal: Principal, household_id: uuid.UUID) -> HouseholdRead:
    """One household with its members."""
    return await _view(session, await _load(session, principal, household_id))


async def add_member(
    session: AsyncSession, principal: Principal, household_id: uuid.UUID, data: MemberCreate
) -> HouseholdRead:
    """Add one member (a new person, or one found by search)."""
    # The row lock serialises member changes of one household, so the checks below hold at insert.
    household = await _load(session, principal, household_id, for_update=True)
    access.ensure_may_write_persons(principal)
    await _ensure_persons_exist(session, [data])
    if data.person_id is not None and await repository.get_member(session, household.id, data.person_id):
        raise AlreadyMember()
    if data.is_primary and await repository.has_primary(session, household.id):
        raise PrimaryMemberExists()
    if await repository.member_count(session, household.id) >= MAX_MEMBERS:
        raise HouseholdFull()
    member = _new_member(session, household, data, await repository.next_position(session, household.id))
    await session.flush()
    repository.add(session, member)
    household.version += 1
    await session.flush()
    await session.refresh(household)
    return await _view(session, household)


async def remove_member(
    session: AsyncSession, principal: Principal, household_id: uuid.UUID, person_id: uuid.UUID
) -> None:
    """Take a person out of a household; the person's record stays (others may refer to it)."""
    household = await _load(session, principal, household_id, for_update=True)
    access.ensure_may_write_persons(principal)
    if await repository.get_member(session, household.id, person_id) is None:
        raise MemberNotFound()
    if await repository.member_count(session, household.id) <= 1:
        raise LastMember()
    await repository.remove_member(session, household.id, person_id)
    household.version += 1
    await session.flush()
