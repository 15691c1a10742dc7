"""The rules of agendas: which cases a meeting discusses, and their material (no commit, no HTTP)."""

import uuid
from datetime import UTC, datetime

from sqlalchemy.exc import IntegrityError
from sqlalchemy.ext.asyncio import AsyncSession

from meeting_api import access
from meeting_api.agenda import repository, rules
from meeting_api.agenda.models import AgendaItem
from meeting_api.clients.case_api import CaseApi, CaseFacts
from meeting_api.meetings import repository as meetings_repository
from meeting_api.meetings import service as meetings
from meeting_api.meetings.models import Meeting
from meeting_api.minutes import repository as minutes_repository
from meeting_api.minutes.rules import MinutesFinalised
from meeting_api.vocabulary import body_label
from tsunagu_services.problems import Conflict, NotFound
from tsunagu_services.tokens import Principal


class AgendaDuplicate(Conflict):
    type = "/problems/agenda-duplicate"
    title = "このケースはすでにこの会議の議題です。"


class AgendaItemInMinutes(Conflict):
    type = "/problems/agenda-item-in-minutes"
    title = "この議題は会議録の下書きに記載されています。先に会議録から外してください。"


async def _ensure_open(session: AsyncSession, meeting: Meeting) -> None:
    if meeting.status == "cancelled":
        raise meetings.MeetingCancelled()
    minutes = await minutes_repository.get(session, meeting.id)
    if minutes is not None and minutes.status == "final":
        raise MinutesFinalised()


def _material(facts: CaseFacts, principal: Principal, now: datetime) -> dict[str, object]:
    case = facts.summary
    advice = facts.recommendation
    return {
        "captured_at": now.isoformat(),
        "captured_by": principal.username,
        "case": {
            "id": str(case.id),
            "title": case.title,
            "area": case.area,
            "status": case.status,
            "lead_username": case.lead_username,
            "risk_flags": list(case.risk_flags),
        },
        "consent_status": facts.consent_status,
        "recommendation": None
        if advice is None
        else {
            "recommended": {
                "body": advice.recommended.body,
                "body_label": body_label(advice.recommended.body),
                "reason": advice.recommended.reason,
            },
            "override": None if advice.override is None else advice.override.model_dump(mode="json"),
            "effective_body": advice.effective_body,
            "effective_body_label": body_label(advice.effective_body),
        },
    }


async def add(
    session: AsyncSession,
    principal: Principal,
    case_api: CaseApi,
    meeting_id: uuid.UUID,
    case_id: uuid.UUID,
    note: str | None,
) -> AgendaItem:
    """Put a case on a meeting's agenda if the caller may see it and the law lets it go to this body.

    The case summary is kept as the item's material: for a 支援会議, its members alone read it.
    """
    visible = await meetings.load_visible(session, principal, meeting_id)
    access.ensure_may_add_agenda(principal, visible.meeting, visible.member)
    await _ensure_open(session, visible.meeting)
    if await repository.has_case(session, visible.meeting.id, case_id):
        raise AgendaDuplicate()
    # Asked before taking the meeting's lock: case-api may take its time.
    facts = await case_api.facts(case_id)
    problem = rules.check_body(visible.meeting.body_type, facts.consent_status)
    if problem is not None:
        raise problem
    meeting = await meetings_repository.get(session, visible.meeting.id, for_update=True)
    assert meeting is not None
    await _ensure_open(session, meeting)
    now = datetime.now(UTC)
    advice = facts.recommendation
    item = AgendaItem(
        meeting_id=meeting.id,
        position=await repository.next_position(session, meeting.id),
        case_id=case_id,
        case_title=facts.summary.title[:200],
        note=note,
        consent_status=facts.consent_status,
        recommended_body=advice.recommended.body if advice else None,
        recommendation_reason=advice.recommended.reason if advice else None,
        effective_body=advice.effective_body if advice else facts.summary.effective_body,
        material=_material(facts, principal, now),
        added_by=principal.username,
    )
    repository.add(session, item)
    try:
        async with session.begin_nested():
            await session.flush()
    except IntegrityError:
        raise AgendaDuplicate() from None
    meetings.record_event(
        session,
        meeting,
        principal.username,
        "agenda_added",
        after={"agenda_item_id": str(item.id), "case_id": str(case_id)},
    )
    await session.flush()
    await session.refresh(item)
    return item


async def list_items(session: AsyncSession, principal: Principal, meeting_id: uuid.UUID) -> list[AgendaItem]:
    """A meeting's agenda in order."""
    visible = await meetings.load_visible(session, principal, meeting_id)
    return await repository.items(session, visible.meeting.id)


async def material(
    session: AsyncSession, principal: Principal, meeting_id: uuid.UUID, item_id: uuid.UUID
) -> AgendaItem:
    """An agenda item's material, to those who may see the meeting (支援会議: its confirmed members)."""
    visible = await meetings.load_visible(session, principal, meeting_id)
    item = await repository.get(session, visible.meeting.id, item_id)
    if item is None:
        raise NotFound()
    return item


async def remove(
    session: AsyncSession, principal: Principal, meeting_id: uuid.UUID, item_id: uuid.UUID
) -> None:
    """Take a case off the agenda before the minutes are final (who runs the meeting, or who added it)."""
    visible = await meetings.load_visible(session, principal, meeting_id, for_update=True)
    item = await repository.get(session, visible.meeting.id, item_id)
    if item is None:
        raise NotFound()
    access.ensure_may_remove_agenda_item(principal, visible.meeting, visible.member, item)
    await _ensure_open(session, visible.meeting)
    minutes = await minutes_repository.get(session, visible.meeting.id)
    if minutes is not None and any(i.get("agenda_item_id") == str(item.id) for i in minutes.items):
        raise AgendaItemInMinutes()
    await repository.delete(session, item)
    meetings.record_event(
        session,
        visible.meeting,
        principal.username,
        "agenda_removed",
        before={"agenda_item_id": str(item.id), "case_id": str(item.case_id)},
    )
    await session.flush()
