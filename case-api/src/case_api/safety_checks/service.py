"""The rules of safety checks (安否確認): raise, list, escalate, reassign, close (no commit, no HTTP)."""

import uuid
from datetime import UTC, datetime, timedelta
from zoneinfo import ZoneInfo

from sqlalchemy import true
from sqlalchemy.ext.asyncio import AsyncSession

from case_api import access
from case_api.cases import service as cases
from case_api.cases.models import Case
from case_api.records import service as records
from case_api.records.schemas import RecordCreate, RecordKind
from case_api.safety_checks import repository, rules
from case_api.safety_checks.models import SafetyCheck
from case_api.safety_checks.schemas import (
    OUTCOME_LABELS,
    OutcomeCreate,
    SafetyCheckCreate,
    SafetyCheckStatus,
    SafetyCheckUpdate,
    StatusFilter,
)
from case_api.settings import Settings
from tsunagu_services import notices
from tsunagu_services.etag import parse_if_match, required_if_match
from tsunagu_services.months import TOKYO
from tsunagu_services.problems import Conflict, Forbidden, NotFound, ValidationFailed
from tsunagu_services.tokens import Principal

# (check, overdue) as the API shows it.
CheckView = tuple[SafetyCheck, bool]


class SafetyCheckClosed(Conflict):
    type = "/problems/safety-check-closed"
    title = "この安否確認は結果が記録され、完了しています。"


class SourceKeyTaken(Conflict):
    type = "/problems/source-key-taken"
    title = "この source_key はほかの送信元が使用しています。"


def office_hours(settings: Settings) -> rules.OfficeHours:
    """The office hours the settings describe."""
    return rules.OfficeHours(
        tz=ZoneInfo(settings.office_timezone),
        opens=settings.office_opens,
        closes=settings.office_closes,
        same_day_within=timedelta(minutes=settings.safety_check_same_day_minutes),
        next_day_at=settings.safety_check_next_day_at,
        holidays=frozenset(settings.office_holidays),
    )


async def _case_for_write(session: AsyncSession, principal: Principal, case_id: uuid.UUID) -> Case:
    """The case a check is raised on or linked to; one the caller may not see is a field error."""
    try:
        case = await cases.read(session, principal, case_id)
        access.ensure_part_visible(principal, case, "safety_checks")
    except NotFound:
        raise ValidationFailed.for_field("case_id", "no such case") from None
    access.ensure_may_link_safety_check(principal, case)
    return case


async def _with_flags(session: AsyncSession, checks: list[SafetyCheck], now: datetime) -> list[CheckView]:
    """Flag the overdue checks and escalate those seen overdue for the first time."""
    first_seen = [c.id for c in checks if rules.needs_escalation(c.status, c.due_at, c.escalated_at, now)]
    await repository.mark_escalated(session, first_seen, now)
    return [(c, rules.is_overdue(c.status, c.due_at, now)) for c in checks]


async def raise_check(
    session: AsyncSession,
    principal: Principal,
    data: SafetyCheckCreate,
    *,
    settings: Settings,
    idempotency_key: str | None,
) -> tuple[CheckView, bool]:
    """Raise a check due by the office-hours rule; a repeated source_key returns the first (created=False)."""
    access.ensure_may_raise_safety_check(principal)
    now = datetime.now(UTC)
    area = data.area
    if data.case_id is not None:
        case = await _case_for_write(session, principal, data.case_id)
        if area is not None and area != case.area:
            raise ValidationFailed.for_field("area", "differs from the case's area")
        area = case.area
    assert area is not None  # the schema requires area or case_id
    if data.due_at is not None and not rules.due_at_plausible(data.due_at, now):
        raise ValidationFailed.for_field("due_at", "must be between 1950 and a year from now")

    source_key = data.source_key or idempotency_key
    if source_key is not None:
        existing = await repository.by_source_key(session, source_key)
        if existing is not None:
            return await _repeat(session, principal, existing, now), False
    due_at = data.due_at or rules.default_due(data.received_at or now, office_hours(settings))
    new_id = await repository.insert_once(
        session,
        {
            "id": uuid.uuid4(),
            "case_id": data.case_id,
            "consultation_id": data.consultation_id,
            "area": area,
            "reason": data.reason,
            "due_at": due_at,
            "assigned_to": data.assigned_to,
            "status": SafetyCheckStatus.open.value,
            "created_by": principal.username,
            "source_key": source_key,
            "version": 1,
        },
    )
    if new_id is None:  # the same key was committed meanwhile by a concurrent retry
        assert source_key is not None
        existing = await repository.by_source_key(session, source_key)
        assert existing is not None
        return await _repeat(session, principal, existing, now), False
    check = await repository.load(session, new_id)
    link = f"/cases/{data.case_id}" if data.case_id else "/"
    notices.tell(
        session,
        kind="safety_check_created",
        text=f"安否確認の依頼があります（期限 {due_at.astimezone(TOKYO):%m月%d日 %H:%M}）。",
        link=link,
        roles=["supervisor"],
        usernames=[data.assigned_to] if data.assigned_to else [],
        actor=principal.username,
    )
    return (await _with_flags(session, [check], now))[0], True


async def _repeat(
    session: AsyncSession, principal: Principal, existing: SafetyCheck, now: datetime
) -> CheckView:
    # A key is the sender's own: another caller's key must not reveal that sender's check.
    if existing.created_by != principal.username:
        raise SourceKeyTaken()
    return (await _with_flags(session, [existing], now))[0]


async def list_visible(
    session: AsyncSession,
    principal: Principal,
    *,
    status: StatusFilter | None,
    area: str | None,
    limit: int,
    offset: int,
) -> tuple[list[CheckView], int]:
    """Every check the caller may see (open ones by due time first); overdue ones escalate."""
    access.ensure_may_list_safety_checks(principal)
    now = datetime.now(UTC)
    checks, total = await repository.page(
        session,
        access.safety_checks_visible(principal),
        status=status,
        area=area,
        case_id=None,
        now=now,
        limit=limit,
        offset=offset,
    )
    return await _with_flags(session, checks, now), total


async def list_of_case(
    session: AsyncSession,
    principal: Principal,
    case_id: uuid.UUID,
    *,
    status: StatusFilter | None,
    limit: int,
    offset: int,
) -> tuple[list[CheckView], int]:
    """The checks of one case the caller may see."""
    case = await cases.read(session, principal, case_id)
    access.ensure_part_visible(principal, case, "safety_checks")
    now = datetime.now(UTC)
    # Seeing the case (and this part of it) is seeing all of its checks.
    checks, total = await repository.page(
        session, true(), status=status, area=None, case_id=case.id, now=now, limit=limit, offset=offset
    )
    return await _with_flags(session, checks, now), total


async def read(session: AsyncSession, principal: Principal, check_id: uuid.UUID) -> CheckView:
    """One check the caller may see; anything else is not found."""
    check = await repository.get(session, check_id, access.safety_checks_visible(principal))
    if check is None:
        raise NotFound()
    return (await _with_flags(session, [check], datetime.now(UTC)))[0]


async def update(
    session: AsyncSession,
    principal: Principal,
    check_id: uuid.UUID,
    data: SafetyCheckUpdate,
    if_match: str | None,
) -> CheckView:
    """Reassign, move or link an open check: supervisors, or the CSW of its area; needs If-Match."""
    check = await repository.get(session, check_id, access.safety_checks_visible(principal), lock=True)
    if check is None:
        raise NotFound()
    access.ensure_may_change_safety_check(principal, check)
    if check.status != SafetyCheckStatus.open:
        raise SafetyCheckClosed()
    required_if_match(if_match).ensure(check.version)
    now = datetime.now(UTC)
    changes = data.model_dump(exclude_unset=True)
    if "due_at" in changes and not rules.due_at_plausible(changes["due_at"], now):
        raise ValidationFailed.for_field("due_at", "must be between 1950 and a year from now")
    if "case_id" in changes and changes["case_id"] != check.case_id:
        await _case_for_write(session, principal, changes["case_id"])
    moved = "due_at" in changes and changes["due_at"] != check.due_at
    reassigned = "assigned_to" in changes and changes["assigned_to"] != check.assigned_to
    if moved or reassigned:  # the reminders start over, for the new time or the new assignee
        check.due_soon_told_at = check.overdue_told_at = None
    for field, value in changes.items():
        setattr(check, field, value)
    check.version += 1
    await session.flush()
    await session.refresh(check)
    return (await _with_flags(session, [check], now))[0]


async def record_outcome(
    session: AsyncSession,
    principal: Principal,
    check_id: uuid.UUID,
    data: OutcomeCreate,
    if_match: str | None,
) -> CheckView:
    """Close a check with its outcome (required); the case's timeline gets a safety_check record."""
    access.ensure_may_record_safety_check_outcome(principal)
    check = await repository.get(session, check_id, access.safety_checks_visible(principal), lock=True)
    if check is None:
        raise NotFound()
    if check.status != SafetyCheckStatus.open:
        raise SafetyCheckClosed()
    expected = parse_if_match(if_match)  # optional here: closing twice is refused anyway
    if expected is not None:
        expected.ensure(check.version)
    now = datetime.now(UTC)
    checked_at = data.checked_at or now
    if not rules.checked_at_plausible(checked_at, now):
        raise ValidationFailed.for_field("checked_at", "must not be in the future nor before 1950")
    check.status = SafetyCheckStatus.done
    check.outcome = data.outcome
    check.outcome_note = data.outcome_note
    check.checked_at = checked_at
    check.done_by = principal.username
    check.done_at = now
    check.version += 1
    await session.flush()
    if check.case_id is not None:
        await _record_on_timeline(session, principal, check, data, checked_at)
    await session.refresh(check)
    return check, False


async def _record_on_timeline(
    session: AsyncSession, principal: Principal, check: SafetyCheck, data: OutcomeCreate, checked_at: datetime
) -> None:
    """Write the outcome into the case's support timeline (支援経過) as the caller's record."""
    text = f"安否確認：{OUTCOME_LABELS[data.outcome]}"
    if data.outcome_note:
        text += f"\n{data.outcome_note}"
    try:
        await records.write_record(
            session,
            principal,
            check.case_id,
            RecordCreate(
                kind=RecordKind.safety_check,
                occurred_at=checked_at,
                minutes_spent=data.minutes_spent,
                text=text,
            ),
        )
    except (NotFound, Forbidden):
        # Assigned to a CSW who cannot open the case: the outcome stays on the check itself
        # (shown in the case's safety checks); closing an urgent check must not fail for it.
        pass
