"""Every query of households and their members."""

import uuid
from collections import defaultdict
from collections.abc import Iterable

from sqlalchemy import ColumnElement, delete, func, select
from sqlalchemy.ext.asyncio import AsyncSession

from case_api.cases.models import Case
from case_api.households.models import Household, HouseholdMember
from case_api.households.schemas import HouseholdNotFound
from case_api.persons.models import Person


async def get(
    session: AsyncSession, household_id: uuid.UUID, *, for_update: bool = False
) -> Household | None:
    return await session.get(Household, household_id, with_for_update=for_update)


async def ensure_exists(session: AsyncSession, household_id: uuid.UUID | None) -> None:
    """Raise household-not-found unless the household exists (nothing to check for None)."""
    if household_id is None:
        return
    found = await session.scalar(select(Household.id).where(Household.id == household_id))
    if found is None:
        raise HouseholdNotFound()


def add(session: AsyncSession, row: Household | HouseholdMember) -> None:
    session.add(row)


async def members(session: AsyncSession, household_id: uuid.UUID) -> list[tuple[HouseholdMember, Person]]:
    """The members with their persons, in one query: the primary first, then in order of joining."""
    rows = await session.execute(
        select(HouseholdMember, Person)
        .join(Person, Person.id == HouseholdMember.person_id)
        .where(HouseholdMember.household_id == household_id)
        .order_by(HouseholdMember.is_primary.desc(), HouseholdMember.position)
    )
    return [(member, person) for member, person in rows.all()]


async def get_member(
    session: AsyncSession, household_id: uuid.UUID, person_id: uuid.UUID
) -> HouseholdMember | None:
    return await session.scalar(
        select(HouseholdMember).where(
            HouseholdMember.household_id == household_id, HouseholdMember.person_id == person_id
        )
    )


async def member_count(session: AsyncSession, household_id: uuid.UUID) -> int:
    count = await session.scalar(
        select(func.count()).select_from(HouseholdMember).where(HouseholdMember.household_id == household_id)
    )
    return int(count or 0)


async def next_position(session: AsyncSession, household_id: uuid.UUID) -> int:
    last = await session.scalar(
        select(func.max(HouseholdMember.position)).where(HouseholdMember.household_id == household_id)
    )
    return 0 if last is None else int(last) + 1


async def has_primary(session: AsyncSession, household_id: uuid.UUID) -> bool:
    found = await session.scalar(
        select(HouseholdMember.id).where(
            HouseholdMember.household_id == household_id, HouseholdMember.is_primary
        )
    )
    return found is not None


async def remove_member(session: AsyncSession, household_id: uuid.UUID, person_id: uuid.UUID) -> None:
    await session.execute(
        delete(HouseholdMember).where(
            HouseholdMember.household_id == household_id, HouseholdMember.person_id == person_id
        )
    )


async def households_of(
    session: AsyncSession, person_ids: Iterable[uuid.UUID]
) -> dict[uuid.UUID, list[uuid.UUID]]:
    """For each person, the households they belong to."""
    ids = set(person_ids)
    if not ids:
        return {}
    rows = await session.execute(
        select(HouseholdMember.person_id, HouseholdMember.household_id)
        .where(HouseholdMember.person_id.in_(ids))
        .order_by(HouseholdMember.created_at, HouseholdMember.household_id)
    )
    found: dict[uuid.UUID, list[uuid.UUID]] = defaultdict(list)
    for person_id, household_id in rows.all():
        found[person_id].append(household_id)
    return found


async def cases_of(
    session: AsyncSession, household_ids: Iterable[uuid.UUID], visible: ColumnElement[bool]
) -> dict[uuid.UUID, list[uuid.UUID]]:
    """For each household, the ids of its cases that pass `visible` (the caller's case rule)."""
    ids = set(household_ids)
    if not ids:
        return {}
    rows = await session.execute(
        select(Case.household_id, Case.id)
        .where(Case.household_id.in_(ids), visible)  # type: ignore[union-attr]
        .order_by(Case.opened_at.desc())
    )
    found: dict[uuid.UUID, list[uuid.UUID]] = defaultdict(list)
    for household_id, case_id in rows.all():
        found[household_id].append(case_id)
    return found
