"""The rules of the support timeline (支援経過記録): write, edit within 24 hours, amend.

No commit and no HTTP here: the request's session dependency commits.
"""

import uuid
from dataclasses import dataclass
from datetime import UTC, datetime

from sqlalchemy.ext.asyncio import AsyncSession

from case_api import access
from case_api.cases import service as cases
from case_api.records import repository, rules
from case_api.records.models import SupportRecord
from case_api.records.schemas import (
    AmendmentCreate,
    RecordCreate,
    RecordKind,
    RecordRead,
    RecordSource,
    RecordUpdate,
)
from tsunagu_services.etag import check_if_match, etag
from tsunagu_services.problems import (
    Conflict,
    NotFound,
    ValidationFailed,
)
from tsunagu_services.tokens import Principal


class RecordLocked(Conflict):
    type = "/problems/record-locked"
    title = "記録から24時間を過ぎたため編集できません。訂正記録を追加してください。"


class RecordAmended(Conflict):
    type = "/problems/record-amended"
    title = "この記録にはすでに訂正記録があります。最新の訂正記録に対して操作してください。"


@dataclass(frozen=True)
class Entry:
    """A record as the timeline shows it: with the amendment that corrects it, if any."""

    record: SupportRecord
    amended_by_id: uuid.UUID | None

    @property
    def etag(self) -> str:
        return etag(self.record.version)

    def read(self) -> RecordRead:
        r = self.record
        return RecordRead(
            id=r.id,
            case_id=r.case_id,
            kind=RecordKind(r.kind),
            occurred_at=r.occurred_at,
            minutes_spent=r.minutes_spent,
            author=r.author,
            text=r.text,
            source=RecordSource(r.source),
            created_at=r.created_at,
            edited_at=r.edited_at,
            editable_until=rules.editable_until(r.created_at),
            version=r.version,
            amends_id=r.amends_id,
            amendment_reason=r.amendment_reason,
            amended_by_id=self.amended_by_id,
            superseded=self.amended_by_id is not None,
        )


def _check_occurred_at(occurred_at: datetime) -> None:
    if not rules.occurred_at_plausible(occurred_at, datetime.now(UTC)):
        raise ValidationFailed(
            errors=[
                {
                    "loc": ["body", "occurred_at"],
                    "type": "value_error",
                    "msg": "must not be in the future nor before 1950",
                }
            ]
        )


async def list_records(
    session: AsyncSession,
    principal: Principal,
    case_id: uuid.UUID,
    *,
    kind: RecordKind | None,
    limit: int,
    offset: int,
) -> tuple[list[Entry], int]:
    """The case's timeline newest first, originals and amendments alike."""
    case = await cases.read(session, principal, case_id)
    access.ensure_part_visible(principal, case, "records")
    rows, total = await repository.page(session, case.id, kind=kind, limit=limit, offset=offset)
    return [Entry(record, amended_by) for record, amended_by in rows], total


async def read_record(
    session: AsyncSession, principal: Principal, case_id: uuid.UUID, record_id: uuid.UUID
) -> Entry:
    """One record of a case the caller may see."""
    case = await cases.read(session, principal, case_id)
    access.ensure_part_visible(principal, case, "records")
    found = await repository.get_in_case(session, case.id, record_id)
    if found is None:
        raise NotFound()
    return Entry(*found)


async def write_record(
    session: AsyncSession, principal: Principal, case_id: uuid.UUID, data: RecordCreate
) -> Entry:
    """Add a record written by the caller; created_at is the server's clock."""
    case = await cases.read(session, principal, case_id)
    access.ensure_part_visible(principal, case, "records")
    access.ensure_may_write(principal, case)
    _check_occurred_at(data.occurred_at)
    service_client = principal.username if access.is_own_service(principal) else None
    record = SupportRecord(
        case_id=case.id,
        kind=data.kind,
        occurred_at=data.occurred_at,
        minutes_spent=data.minutes_spent,
        author=principal.username,
        text=data.text,
        source=rules.source_of(service_client),
    )
    repository.add(session, record)
    await session.flush()
    await session.refresh(record)
    return Entry(record, None)


async def edit_record(
    session: AsyncSession,
    principal: Principal,
    case_id: uuid.UUID,
    record_id: uuid.UUID,
    data: RecordUpdate,
    if_match: str | None,
) -> Entry:
    """Change a record in place: its author only, within 24 hours, not once amended, with If-Match."""
    case = await cases.read(session, principal, case_id)
    access.ensure_part_visible(principal, case, "records")
    access.ensure_may_write(principal, case)
    found = await repository.get_in_case(session, case.id, record_id, for_update=True)
    if found is None:
        raise NotFound()
    entry = Entry(*found)
    record = entry.record
    access.ensure_may_edit_record(principal, record)
    if not rules.editable(record.created_at, datetime.now(UTC), record.author, principal.username):
        raise RecordLocked(editable_until=rules.editable_until(record.created_at).isoformat())
    if entry.amended_by_id is not None:
        raise RecordAmended(amended_by_id=str(entry.amended_by_id))
    check_if_match(if_match, entry.etag)
    changes = data.model_dump(exclude_unset=True)
    if "occurred_at" in changes:
        _check_occurred_at(changes["occurred_at"])
    for field, value in changes.items():
        setattr(record, field, value)
    record.version += 1
    record.edited_at = datetime.now(UTC)
    await session.flush()
    return entry


async def amend_record(
    session: AsyncSession,
    principal: Principal,
    case_id: uuid.UUID,
    record_id: uuid.UUID,
    data: AmendmentCreate,
) -> Entry:
    """Correct a record at any time by adding an amendment; the original stays, marked as amended."""
    case = await cases.read(session, principal, case_id)
    access.ensure_part_visible(principal, case, "records")
    access.ensure_may_write(principal, case)
    found = await repository.get_in_case(session, case.id, record_id, for_update=True)
    if found is None:
        raise NotFound()
    original, amended_by = found
    if amended_by is not None:
        raise RecordAmended(amended_by_id=str(amended_by))
    # Same kind and time as the original so that it sits beside it on the timeline; 0 minutes,
    # because writing a correction is not support time and the original's time already counts.
    amendment = SupportRecord(
        case_id=case.id,
        kind=original.kind,
        occurred_at=original.occurred_at,
        minutes_spent=0,
        author=principal.username,
        text=data.text,
        source=RecordSource.staff,
        amends_id=original.id,
        amendment_reason=data.reason,
    )
    repository.add(session, amendment)
    await session.flush()
    await session.refresh(amendment)
    return Entry(amendment, None)
