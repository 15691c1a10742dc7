"""The rules of minutes (会議録) and decisions: draft, finalise, amend, deliver (no commit, no HTTP).

Finalising locks the minutes and, in the same transaction, turns each decision into a row
with a stable id and enqueues its deliveries to case-api in the kit's outbox, each with its
own Idempotency-Key: plan actions (when the decision has any) and a timeline record. The
dispatcher delivers them when case-api answers, so they arrive exactly once.
"""

import uuid
from collections.abc import Sequence
from datetime import UTC, datetime
from typing import Any

from sqlalchemy.ext.asyncio import AsyncSession

from meeting_api import access
from meeting_api.agenda import repository as agenda
from meeting_api.agenda.models import AgendaItem
from meeting_api.bodies import repository as bodies
from meeting_api.meetings import service as meetings
from meeting_api.meetings.models import Meeting
from meeting_api.minutes import repository, rules
from meeting_api.minutes.models import Decision, Minutes, MinutesAmendment
from meeting_api.minutes.schemas import (
    AmendmentCreate,
    AmendmentRead,
    DecisionDetail,
    DecisionWrite,
    DeliveryRead,
    DeliveryState,
    MinutesRead,
    MinutesStatus,
    MinutesWrite,
)
from meeting_api.vocabulary import body_label
from tsunagu_services import outbox
from tsunagu_services.etag import IfMatch
from tsunagu_services.problems import ValidationFailed
from tsunagu_services.tokens import Principal

CASE_DESTINATION = "case"


def _now() -> datetime:
    return datetime.now(UTC)


async def _read(session: AsyncSession, meeting: Meeting, minutes: Minutes | None) -> MinutesRead:
    amendments = await repository.amendments(session, meeting.id)
    decided = await repository.decisions(session, meeting.id) if amendments else []
    by_amendment: dict[uuid.UUID, list[uuid.UUID]] = {}
    for decision in decided:
        if decision.amendment_id is not None:
            by_amendment.setdefault(decision.amendment_id, []).append(decision.id)
    read_amendments = [
        AmendmentRead(
            id=a.id,
            text=a.text,
            reason=a.reason,
            added_by=a.added_by,
            added_at=a.added_at,
            decision_ids=by_amendment.get(a.id, []),
        )
        for a in amendments
    ]
    if minutes is None:
        return MinutesRead(
            meeting_id=meeting.id,
            version=0,
            status=MinutesStatus.draft,
            attendees=[],
            agency_attendees=[],
            general_note=None,
            items=[],
            updated_by=None,
            updated_at=None,
            finalised_by=None,
            finalised_at=None,
            amendments=read_amendments,
        )
    return MinutesRead.model_validate(
        {
            "meeting_id": meeting.id,
            "version": minutes.version,
            "status": minutes.status,
            "attendees": minutes.attendees,
            "agency_attendees": minutes.agency_attendees,
            "general_note": minutes.general_note,
            "items": [
                {**item, "decisions": [{"id": d.get("id"), **d} for d in item["decisions"]]}
                for item in minutes.items
            ],
            "updated_by": minutes.updated_by,
            "updated_at": minutes.updated_at,
            "finalised_by": minutes.finalised_by,
            "finalised_at": minutes.finalised_at,
            "amendments": read_amendments,
        }
    )


async def read(session: AsyncSession, principal: Principal, meeting_id: uuid.UUID) -> MinutesRead:
    """The minutes of a meeting the caller may see (支援会議: its confirmed members only)."""
    visible = await meetings.load_visible(session, principal, meeting_id)
    return await _read(session, visible.meeting, await repository.get(session, visible.meeting.id))


def _errors(field_errors: list[tuple[list[Any], str]]) -> ValidationFailed:
    return ValidationFailed(
        errors=[{"loc": ["body", *loc], "msg": msg, "type": "value_error"} for loc, msg in field_errors]
    )


async def _agenda_of(session: AsyncSession, meeting: Meeting) -> dict[str, AgendaItem]:
    return {str(i.id): i for i in await agenda.items(session, meeting.id)}


def _check_items(
    items: Sequence[uuid.UUID], agenda_items: dict[str, AgendaItem], field: str
) -> list[tuple[list[Any], str]]:
    return [
        ([field, n, "agenda_item_id"], "not an agenda item of this meeting")
        for n, item_id in enumerate(items)
        if str(item_id) not in agenda_items
    ]


async def _check_attendees(
    session: AsyncSession, meeting: Meeting, attendees: Sequence[str]
) -> list[tuple[list[Any], str]]:
    if not access.confidential(meeting.body_type):
        return []
    members = {m.username for m in await bodies.members(session, meeting.body_id) if m.username}  # type: ignore[arg-type]
    outsiders = sorted(set(attendees) - members)
    return [(["attendees"], f"not members of this 支援会議: {', '.join(outsiders)}")] if outsiders else []


async def _locked_for_change(
    session: AsyncSession, principal: Principal, meeting_id: uuid.UUID
) -> tuple[Meeting, Minutes | None]:
    visible = await meetings.load_visible(session, principal, meeting_id, for_update=True)
    access.ensure_may_run(principal, visible.meeting, visible.member)
    if visible.meeting.status == "cancelled":
        raise meetings.MeetingCancelled()
    return visible.meeting, await repository.get(session, visible.meeting.id, for_update=True)


async def write(
    session: AsyncSession, principal: Principal, meeting_id: uuid.UUID, data: MinutesWrite, if_match: IfMatch
) -> MinutesRead:
    """Save the draft (If-Match: "0" for the first); the minutes must not be final."""
    meeting, minutes = await _locked_for_change(session, principal, meeting_id)
    if minutes is not None and minutes.status == "final":
        raise rules.MinutesFinalised()
    if_match.ensure(minutes.version if minutes is not None else 0)
    agenda_items = await _agenda_of(session, meeting)
    problems = _check_items([i.agenda_item_id for i in data.items], agenda_items, "items")
    problems += await _check_attendees(session, meeting, data.attendees)
    if problems:
        raise _errors(problems)
    values = {
        "attendees": list(data.attendees),
        "agency_attendees": [a.model_dump(mode="json") for a in data.agency_attendees],
        "general_note": data.general_note,
        "items": [item.model_dump(mode="json") for item in data.items],
        "updated_by": principal.username,
        "updated_at": _now(),
    }
    if minutes is None:
        minutes = Minutes(meeting_id=meeting.id, version=1, **values)
        repository.add(session, minutes)
    else:
        for key, value in values.items():
            setattr(minutes, key, value)
        minutes.version += 1
    await session.flush()
    return await _read(session, meeting, minutes)


async def _body_name(session: AsyncSession, meeting: Meeting) -> str:
    body = await bodies.get(session, meeting.body_id) if meeting.body_id is not None else None
    return body.name if body is not None else body_label(meeting.body_type)


async def _decide(
    session: AsyncSession,
    meeting: Meeting,
    body_name: str,
    item: AgendaItem,
    position: int,
    decision: DecisionWrite | dict[str, Any],
    amendment_id: uuid.UUID | None = None,
) -> Decision:
    """Make a decision row and enqueue its deliveries to the case, in the caller's transaction."""
    given = (
        decision
        if isinstance(decision, DecisionWrite)
        else DecisionWrite.model_validate({k: v for k, v in decision.items() if k != "id"})
    )
    row = Decision(
        meeting_id=meeting.id,
        agenda_item_id=item.id,
        case_id=item.case_id,
        position=position,
        type=given.type,
        text=given.text,
        actions=[a.model_dump(mode="json") for a in given.actions],
        amendment_id=amendment_id,
    )
    repository.add(session, row)
    await session.flush()
    if row.actions:
        await outbox.enqueue(
            session,
            destination=CASE_DESTINATION,
            path=f"/api/v1/cases/{row.case_id}/plan/actions",
            idempotency_key=rules.actions_key(row.id),
            body={"actions": row.actions, "source": "meeting", "source_ref": str(row.id)},
        )
    await outbox.enqueue(
        session,
        destination=CASE_DESTINATION,
        path=f"/api/v1/cases/{row.case_id}/records",
        idempotency_key=rules.record_key(row.id),
        body={
            "kind": "meeting",
            "occurred_at": rules.record_time(meeting.starts_at, _now()).isoformat(),
            "minutes_spent": 0,
            "text": rules.record_text(body_name, meeting.starts_at, row.type, row.text, row.id),
        },
    )
    return row


async def finalise(
    session: AsyncSession, principal: Principal, meeting_id: uuid.UUID, if_match: IfMatch | None
) -> MinutesRead:
    """Lock the minutes and deliver every decision to its case (outbox); a second time is 409."""
    meeting, minutes = await _locked_for_change(session, principal, meeting_id)
    if minutes is None:
        raise rules.MinutesNotWritten()
    if minutes.status == "final":
        raise rules.MinutesFinalised()
    if if_match is not None:
        if_match.ensure(minutes.version)
    agenda_items = await _agenda_of(session, meeting)
    body_name = await _body_name(session, meeting)
    items = []
    position = 0
    for entry in minutes.items:
        # The agenda item cannot be gone: removing one the draft discusses is refused.
        item = agenda_items[entry["agenda_item_id"]]
        decisions = []
        for decision in entry["decisions"]:
            row = await _decide(session, meeting, body_name, item, position, decision)
            decisions.append({**decision, "id": str(row.id)})
            position += 1
        items.append({**entry, "decisions": decisions})
    now = _now()
    minutes.items = items
    minutes.status = "final"
    minutes.finalised_by = principal.username
    minutes.finalised_at = now
    minutes.updated_at = now
    minutes.version += 1
    meetings.record_event(
        session,
        meeting,
        principal.username,
        "minutes_finalised",
        after={"decisions": position, "version": minutes.version},
    )
    await session.flush()
    return await _read(session, meeting, minutes)


async def amend(
    session: AsyncSession, principal: Principal, meeting_id: uuid.UUID, data: AmendmentCreate
) -> AmendmentRead:
    """Add a correction to final minutes; decisions it brings are delivered like the others."""
    visible = await meetings.load_visible(session, principal, meeting_id, for_update=True)
    meeting = visible.meeting
    access.ensure_may_run(principal, meeting, visible.member)
    minutes = await repository.get(session, meeting.id, for_update=True)
    if minutes is None or minutes.status != "final":
        raise rules.MinutesNotFinalised()
    agenda_items = await _agenda_of(session, meeting)
    problems = _check_items([d.agenda_item_id for d in data.decisions], agenda_items, "decisions")
    if problems:
        raise _errors(problems)
    amendment = MinutesAmendment(
        meeting_id=meeting.id, text=data.text, reason=data.reason, added_by=principal.username
    )
    repository.add(session, amendment)
    await session.flush()
    body_name = await _body_name(session, meeting)
    position = len(await repository.decisions(session, meeting.id))
    rows = [
        await _decide(
            session,
            meeting,
            body_name,
            agenda_items[str(decision.agenda_item_id)],
            position + n,
            DecisionWrite.model_validate(decision.model_dump(exclude={"agenda_item_id"})),
            amendment_id=amendment.id,
        )
        for n, decision in enumerate(data.decisions)
    ]
    minutes.version += 1
    minutes.updated_at = _now()
    meetings.record_event(
        session,
        meeting,
        principal.username,
        "minutes_amended",
        after={"amendment_id": str(amendment.id), "decisions": len(data.decisions)},
        reason=data.reason,
    )
    await session.flush()
    await session.refresh(amendment)
    return AmendmentRead(
        id=amendment.id,
        text=amendment.text,
        reason=amendment.reason,
        added_by=amendment.added_by,
        added_at=amendment.added_at,
        decision_ids=[r.id for r in rows],
    )


async def _details(session: AsyncSession, decisions: Sequence[Decision]) -> list[DecisionDetail]:
    keys = [k for d in decisions for k in (rules.actions_key(d.id), rules.record_key(d.id))]
    messages = await repository.outbox_by_key(session, keys)
    details = []
    for decision in decisions:
        deliveries, states = [], []
        for kind, key in (
            ("actions", rules.actions_key(decision.id)),
            ("record", rules.record_key(decision.id)),
        ):
            message = messages.get(key)
            if message is None:
                continue
            state = {"delivered_at": message.delivered_at, "failed_at": message.failed_at}
            states.append(state)
            deliveries.append(
                DeliveryRead(
                    kind=kind,
                    state=DeliveryState(rules.delivery_state([state])),
                    attempts=message.attempts,
                    last_status=message.last_status,
                    delivered_at=message.delivered_at,
                )
            )
        details.append(
            DecisionDetail(
                id=decision.id,
                meeting_id=decision.meeting_id,
                agenda_item_id=decision.agenda_item_id,
                case_id=decision.case_id,
                type=decision.type,
                text=decision.text,
                actions=decision.actions,
                amendment_id=decision.amendment_id,
                created_at=decision.created_at,
                delivery_state=DeliveryState(rules.delivery_state(states)),
                deliveries=deliveries,
            )
        )
    return details


async def decisions(
    session: AsyncSession, principal: Principal, meeting_id: uuid.UUID
) -> list[DecisionDetail]:
    """A meeting's decisions with their delivery state (delivered, pending, failed)."""
    visible = await meetings.load_visible(session, principal, meeting_id)
    return await _details(session, await repository.decisions(session, visible.meeting.id))


async def decisions_of_case(
    session: AsyncSession, principal: Principal, case_id: uuid.UUID
) -> list[DecisionDetail]:
    """Every decision about a case in the meetings the caller may see, newest first."""
    rows = await repository.decisions_of_case(session, case_id, access.visible(principal))
    return await _details(session, rows)
