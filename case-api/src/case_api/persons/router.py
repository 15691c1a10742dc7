import uuid
from datetime import date
from typing import Annotated

from fastapi import APIRouter, Header, Query, Response

from case_api.persons import service
from case_api.persons.rules import etag
from case_api.persons.schemas import PersonRead, PersonSearchPage, PersonUpdate
from tsunagu_services.auth import CurrentPrincipal
from tsunagu_services.db import SessionDep
from tsunagu_services.openapi import PROBLEM_RESPONSES, Problem
from tsunagu_services.scopes import scoped

router = APIRouter(
    dependencies=[scoped("cases:read", "cases:write")],
    prefix="/api/v1/persons",
    tags=["persons"],
    responses=PROBLEM_RESPONSES,
)

_PRECONDITIONS = {
    412: {"description": "If-Match names an older version.", "model": Problem},
    428: {"description": "If-Match is missing.", "model": Problem},
}


@router.get("", response_model=PersonSearchPage)
async def search_persons(
    session: SessionDep,
    principal: CurrentPrincipal,
    q: Annotated[
        str | None,
        Query(
            max_length=100,
            description=(
                "Name, フリガナ (hiragana/katakana, any width), address, a birth date (1950-04-01, 19500401, "
                "S25.4.1, 昭和25年4月1日) or a phone number."
            ),
        ),
    ] = None,
    birth_date: Annotated[date | None, Query()] = None,
    phone: Annotated[str | None, Query(max_length=40, pattern=r"^[+0-9()\- ０-９－（）]{6,40}$")] = None,
    limit: Annotated[int, Query(ge=1, le=50)] = 20,
) -> PersonSearchPage:
    """Find persons to link (staff only, every area): each candidate says why it matched, best first."""
    items, total = await service.search(
        session, principal, q=q, birth_date=birth_date, phone=phone, limit=limit
    )
    return PersonSearchPage(items=items, total=total)


@router.get("/{person_id}", response_model=PersonRead)
async def get_person(
    person_id: uuid.UUID, session: SessionDep, principal: CurrentPrincipal, response: Response
) -> PersonRead:
    """Read one person's identifying details (ETag for corrections)."""
    person = await service.read(session, principal, person_id)
    response.headers["ETag"] = etag(person.version)
    return PersonRead.model_validate(person)


@router.patch("/{person_id}", response_model=PersonRead, responses=_PRECONDITIONS)
async def correct_person(
    person_id: uuid.UUID,
    data: PersonUpdate,
    session: SessionDep,
    principal: CurrentPrincipal,
    response: Response,
    if_match: Annotated[str | None, Header()] = None,
) -> PersonRead:
    """Correct name, フリガナ, birth date, sex, address, phone or area; needs If-Match."""
    person = await service.correct(session, principal, person_id, data, if_match)
    response.headers["ETag"] = etag(person.version)
    return PersonRead.model_validate(person)
