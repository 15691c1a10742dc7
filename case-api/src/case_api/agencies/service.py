"""The rules of the agency directory and of role division in cases (no commit, no HTTP)."""

import uuid
from dataclasses import dataclass
from datetime import UTC, date, datetime
from zoneinfo import ZoneInfo

from sqlalchemy.ext.asyncio import AsyncSession

from case_api import access
from case_api.agencies import repository
from case_api.agencies.models import Agency, AgencyInvolvement
from case_api.agencies.schemas import (
    AgencyCreate,
    AgencyKind,
    AgencyUpdate,
    InvolvementCreate,
    InvolvementRead,
    InvolvementUpdate,
    Partner,
)
from case_api.cases import service as cases
from tsunagu_services.etag import required_if_match
from tsunagu_services.japanese import nfkc
from tsunagu_services.problems import NotFound, ValidationFailed
from tsunagu_services.tokens import Principal

TOKYO = ZoneInfo("Asia/Tokyo")


class UnknownAgency(ValidationFailed):
    type = "/problems/unknown-agency"
    title = "指定された関係機関が見つからないか、現在は登録されていません。"


async def list_agencies(
    session: AsyncSession,
    principal: Principal,
    *,
    kind: AgencyKind | None,
    area: str | None,
    q: str | None,
    partner: Partner | None,
    include_inactive: bool,
    limit: int,
    offset: int,
) -> tuple[list[Agency], int]:
    """The directory, filtered; an area's list includes the city-wide agencies."""
    access.ensure_may_read_agencies(principal)
    q = nfkc(q) if q else None  # full-width letters and digits match their ASCII forms
    return await repository.page(
        session,
        kind=kind,
        area=area,
        q=q or None,
        partner=partner,
        include_inactive=include_inactive,
        limit=limit,
        offset=offset,
    )


async def read_agency(session: AsyncSession, principal: Principal, agency_id: uuid.UUID) -> Agency:
    """One agency of the directory."""
    access.ensure_may_read_agencies(principal)
    agency = await repository.get(session, agency_id)
    if agency is None:
        raise NotFound()
    return agency


async def create_agency(session: AsyncSession, principal: Principal, data: AgencyCreate) -> Agency:
    """Add an agency to the directory (administrators and supervisors)."""
    access.ensure_may_edit_agencies(principal)
    agency = Agency(
        **data.model_dump(exclude={"contacts"}),
        contacts=[c.model_dump(exclude_none=True) for c in data.contacts],
    )
    repository.add(session, agency)
    await session.flush()
    await session.refresh(agency)
    return agency


async def update_agency(
    session: AsyncSession,
    principal: Principal,
    agency_id: uuid.UUID,
    data: AgencyUpdate,
    if_match: str | None,
) -> Agency:
    """Change an agency (administrators and supervisors); needs If-Match."""
    access.ensure_may_edit_agencies(principal)
    agency = await repository.get(session, agency_id, lock=True)
    if agency is None:
        raise NotFound()
    required_if_match(if_match).ensure(agency.version)
    changes = data.model_dump(exclude_unset=True, exclude={"contacts"})
    if data.contacts is not None:
        changes["contacts"] = [c.model_dump(exclude_none=True) for c in data.contacts]
    for field, value in changes.items():
        setattr(agency, field, value)
    agency.version += 1
    await session.flush()
    await session.refresh(agency)
    return agency


@dataclass(frozen=True)
class Involvement:
    """An involvement with the name and kind of its agency, as the case page shows it."""

    row: AgencyInvolvement
    agency_name: str
    agency_kind: str

    def read(self) -> InvolvementRead:
        r = self.row
        return InvolvementRead(
            id=r.id,
            case_id=r.case_id,
            agency_id=r.agency_id,
            agency_name=self.agency_name,
            agency_kind=AgencyKind(self.agency_kind),
            role=r.role,
            contact_person=r.contact_person,
            since=r.since,
            until=r.until,
            created_by=r.created_by,
            created_at=r.created_at,
            updated_at=r.updated_at,
            version=r.version,
        )


def _today() -> date:
    return datetime.now(UTC).astimezone(TOKYO).date()


async def list_involvements(
    session: AsyncSession, principal: Principal, case_id: uuid.UUID
) -> list[Involvement]:
    """The agencies involved in a case and what each does (役割分担), current ones first."""
    case = await cases.read(session, principal, case_id)
    access.ensure_part_visible(principal, case, "agencies")
    return [Involvement(*row) for row in await repository.involvements_of(session, case.id)]


async def add_involvement(
    session: AsyncSession, principal: Principal, case_id: uuid.UUID, data: InvolvementCreate
) -> Involvement:
    """Record that an active agency takes on a role in the case."""
    case = await cases.read(session, principal, case_id)
    access.ensure_part_visible(principal, case, "agencies")
    access.ensure_may_write(principal, case)
    agency = await repository.get(session, data.agency_id)
    if agency is None or not agency.active:
        raise UnknownAgency.for_field("agency_id", "no such active agency")
    since = data.since or _today()
    if data.until is not None and data.until < since:
        raise ValidationFailed.for_field("until", "until must not be before since")
    row = AgencyInvolvement(
        case_id=case.id,
        agency_id=agency.id,
        role=data.role,
        contact_person=data.contact_person,
        since=since,
        until=data.until,
        created_by=principal.username,
    )
    repository.add(session, row)
    await session.flush()
    await session.refresh(row)
    return Involvement(row, agency.name, agency.kind)


async def update_involvement(
    session: AsyncSession,
    principal: Principal,
    case_id: uuid.UUID,
    involvement_id: uuid.UUID,
    data: InvolvementUpdate,
    if_match: str | None,
) -> Involvement:
    """Change an agency's role in the case, or end it with `until`; needs If-Match."""
    case = await cases.read(session, principal, case_id)
    access.ensure_part_visible(principal, case, "agencies")
    access.ensure_may_write(principal, case)
    found = await repository.involvement(session, case.id, involvement_id, lock=True)
    if found is None:
        raise NotFound()
    involvement = Involvement(*found)
    row = involvement.row
    required_if_match(if_match).ensure(row.version)
    changes = data.model_dump(exclude_unset=True)
    since = changes.get("since", row.since)
    until = changes.get("until", row.until)
    if until is not None and until < since:
        raise ValidationFailed.for_field("until", "until must not be before since")
    for field, value in changes.items():
        setattr(row, field, value)
    row.version += 1
    await session.flush()
    await session.refresh(row)
    return involvement
