import uuid
from typing import Annotated

from fastapi import APIRouter, Header, Query, Response, status

from case_api.records import service
from case_api.records.schemas import (
    AmendmentCreate,
    RecordCreate,
    RecordKind,
    RecordPage,
    RecordRead,
    RecordUpdate,
)
from case_api.records.service import RecordAmended, RecordLocked
from tsunagu_services.auth import CurrentPrincipal
from tsunagu_services.db import SessionDep
from tsunagu_services.openapi import PROBLEM_RESPONSES, Problem
from tsunagu_services.scopes import scoped

router = APIRouter(
    dependencies=[scoped("cases:read", "cases:write")],
    prefix="/api/v1/cases/{case_id}/records",
    tags=["records"],
    responses=PROBLEM_RESPONSES,
)

_CONFLICTS = {409: {"model": Problem, "description": f"{RecordLocked.type} or {RecordAmended.type}."}}
_PRECONDITIONS = {
    412: {"model": Problem, "description": "If-Match is stale."},
    428: {"model": Problem, "description": "If-Match is missing."},
}
IfMatch = Annotated[str | None, Header(max_length=200, description='The record\'s ETag, "<version>".')]


@router.get("", response_model=RecordPage)
async def list_records(
    case_id: uuid.UUID,
    session: SessionDep,
    principal: CurrentPrincipal,
    kind: RecordKind | None = None,
    limit: Annotated[int, Query(ge=1, le=200)] = 50,
    offset: Annotated[int, Query(ge=0, le=1_000_000)] = 0,
) -> RecordPage:
    """The case's support timeline (支援経過), newest first; amended records stay, marked superseded."""
    entries, total = await service.list_records(
        session, principal, case_id, kind=kind, limit=limit, offset=offset
    )
    return RecordPage(items=[e.read() for e in entries], total=total)


@router.post("", response_model=RecordRead, status_code=status.HTTP_201_CREATED)
async def write_record(
    case_id: uuid.UUID,
    data: RecordCreate,
    session: SessionDep,
    principal: CurrentPrincipal,
    response: Response,
) -> RecordRead:
    """Add a support record (visit, call, accompaniment …) written by the caller."""
    entry = await service.write_record(session, principal, case_id, data)
    response.headers["ETag"] = entry.etag
    return entry.read()


@router.get("/{record_id}", response_model=RecordRead)
async def read_record(
    case_id: uuid.UUID,
    record_id: uuid.UUID,
    session: SessionDep,
    principal: CurrentPrincipal,
    response: Response,
) -> RecordRead:
    """Read one support record, with the amendment that corrects it if any."""
    entry = await service.read_record(session, principal, case_id, record_id)
    response.headers["ETag"] = entry.etag
    return entry.read()


@router.patch("/{record_id}", response_model=RecordRead, responses={**_CONFLICTS, **_PRECONDITIONS})
async def edit_record(
    case_id: uuid.UUID,
    record_id: uuid.UUID,
    data: RecordUpdate,
    session: SessionDep,
    principal: CurrentPrincipal,
    response: Response,
    if_match: IfMatch = None,
) -> RecordRead:
    """Correct a record in place: its author only, within 24 hours of writing it (If-Match required)."""
    entry = await service.edit_record(session, principal, case_id, record_id, data, if_match)
    response.headers["ETag"] = entry.etag
    return entry.read()


@router.post(
    "/{record_id}/amendments",
    response_model=RecordRead,
    status_code=status.HTTP_201_CREATED,
    responses=_CONFLICTS,
)
async def amend_record(
    case_id: uuid.UUID,
    record_id: uuid.UUID,
    data: AmendmentCreate,
    session: SessionDep,
    principal: CurrentPrincipal,
    response: Response,
) -> RecordRead:
    """Add a correction (訂正記録) to a record at any time; the original stays visible."""
    entry = await service.amend_record(session, principal, case_id, record_id, data)
    response.headers["ETag"] = entry.etag
    return entry.read()
