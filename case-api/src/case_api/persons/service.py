"""The rules of recording, correcting and finding persons (no commit, no HTTP)."""

import uuid
from datetime import date

from sqlalchemy.ext.asyncio import AsyncSession

from case_api import access
from case_api.households import repository as households
from case_api.persons import repository, rules
from case_api.persons.models import Person
from case_api.persons.schemas import (
    MatchedOn,
    PersonCreate,
    PersonMatch,
    PersonNotFound,
    PersonRead,
    PersonUpdate,
)
from tsunagu_services.etag import check_if_match
from tsunagu_services.problems import ValidationFailed
from tsunagu_services.tokens import Principal


def _derive_keys(person: Person) -> None:
    # Keys are always recomputed from what is stored, so they can never drift from the name.
    person.name_key = rules.person_key(person.name) or ""
    person.kana_key = rules.person_key(person.name_kana)
    person.address_key = rules.person_key(person.address)
    person.phone_digits = rules.phone_digits(person.phone)


def new_person(data: PersonCreate) -> Person:
    """A person from the desk's form, with its search keys (not yet added to the session)."""
    person = Person(**data.model_dump(), name_key="")
    _derive_keys(person)
    return person


async def read(
    session: AsyncSession, principal: Principal, person_id: uuid.UUID, *, for_update: bool = False
) -> Person:
    """One person, for staff who may read persons; anything else is not found."""
    person = await repository.get(session, person_id, for_update=for_update)
    if person is None or not access.can_read_person(principal):
        raise PersonNotFound()
    return person


async def correct(
    session: AsyncSession,
    principal: Principal,
    person_id: uuid.UUID,
    data: PersonUpdate,
    if_match: str | None,
) -> Person:
    """Correct a person's identifying details, if the caller saw the current version."""
    person = await read(session, principal, person_id, for_update=True)
    access.ensure_may_write_persons(principal)
    check_if_match(if_match, person.version, current_version=person.version)
    changes = data.model_dump(exclude_unset=True)
    if changes:
        for field, value in changes.items():
            setattr(person, field, value)
        _derive_keys(person)
        person.version += 1
        await session.flush()
        await session.refresh(person)
    return person


async def search(
    session: AsyncSession,
    principal: Principal,
    *,
    q: str | None,
    birth_date: date | None,
    phone: str | None,
    limit: int,
) -> tuple[list[PersonMatch], int]:
    """Candidates for linking: by name, kana, birth date, phone or address, each saying why it matched."""
    access.ensure_may_search_persons(principal)
    query = rules.parse_query(q, birth_date=birth_date, phone=phone, today=rules.today())
    if query.empty:
        raise ValidationFailed(
            "氏名・フリガナ・生年月日・電話番号・住所のいずれかで検索してください。",
            errors=[{"loc": ["query", "q"], "msg": "a search term is required", "type": "missing"}],
        )
    hits, total = await repository.search(session, query, limit=limit)
    memberships = await households.households_of(session, (hit.person.id for hit in hits))
    cases = await households.cases_of(
        session, {h for ids in memberships.values() for h in ids}, access.visible(principal)
    )
    return [
        PersonMatch(
            person=PersonRead.model_validate(hit.person),
            households=memberships.get(hit.person.id, []),
            cases=[c for h in memberships.get(hit.person.id, []) for c in cases.get(h, [])],
            matched_on=[MatchedOn(m) for m in hit.matched_on],
            score=hit.score,
        )
        for hit in hits
    ], total
