"""The rules of scheduling, changing, cancelling and reading meetings (no commit, no HTTP)."""

import uuid
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import UTC, date, datetime, timedelta
from typing import Any

from sqlalchemy.ext.asyncio import AsyncSession

from meeting_api import access
from meeting_api.bodies import repository as bodies
from meeting_api.bodies.models import BodyMember, MeetingBody
from meeting_api.meetings import repository, rules
from meeting_api.meetings.models import Meeting, MeetingEvent, MeetingSeries
from meeting_api.meetings.schemas import MeetingCreate, MeetingUpdate, Scheduling, SeriesCreate, SeriesMove
from meeting_api.notifications.schemas import NotificationKind
from meeting_api.notifications.service import notify
from meeting_api.recurrence import TOKYO, InvalidRule, occurrences
from meeting_api.vocabulary import body_label
from tsunagu_services.etag import IfMatch
from tsunagu_services.problems import Conflict, NotFound, ValidationFailed
from tsunagu_services.tokens import Principal

HIDDEN_TITLE = "非公開の会議"


class MeetingClash(Conflict):
    type = "/problems/meeting-clash"
    title = (
        "参加者または会場の予定が重なっています。確認のうえ confirm_clash を true にして送り直してください。"
    )


class MeetingCancelled(Conflict):
    type = "/problems/meeting-cancelled"
    title = "この会議は中止されています。"


@dataclass(frozen=True)
class Visible:
    """A meeting the caller may see, with their membership of its body (if any)."""

    meeting: Meeting
    member: BodyMember | None


def _now() -> datetime:
    return datetime.now(UTC)


def display_title(meeting: Meeting) -> str:
    """What may be shown outside the meeting page (notifications, calendars): never a 支援会議's own
    title, which members might have written a name into."""
    return body_label(meeting.body_type) if access.confidential(meeting.body_type) else meeting.title


def snapshot(meeting: Meeting) -> dict[str, Any]:
    """The changeable fields of a meeting, as history records them."""
    return {
        "title": meeting.title,
        "starts_at": meeting.starts_at.isoformat(),
        "ends_at": meeting.ends_at.isoformat(),
        "place": meeting.place,
        "online_url": meeting.online_url,
        "area": meeting.area,
        "participants": list(meeting.participants),
    }


def record_event(
    session: AsyncSession,
    meeting: Meeting,
    actor: str,
    kind: str,
    before: dict[str, Any] | None = None,
    after: dict[str, Any] | None = None,
    reason: str | None = None,
) -> None:
    """Add one entry to the meeting's history."""
    repository.add(
        session,
        MeetingEvent(
            meeting_id=meeting.id, actor=actor, kind=kind, before=before, after=after, reason=reason
        ),
    )


async def load_visible(
    session: AsyncSession, principal: Principal, meeting_id: uuid.UUID, *, for_update: bool = False
) -> Visible:
    """A meeting the caller may see (else 404); a 支援会議 only once they confirmed 守秘義務 (else 403)."""
    meeting = await repository.get(session, meeting_id, for_update=for_update)
    if meeting is None:
        raise NotFound()
    member = (
        None
        if principal.is_system
        else await bodies.active_membership(session, meeting.body_id, principal.username)
    )
    if not access.can_see(principal, meeting, member):
        raise NotFound()
    access.ensure_confirmed(meeting, member)
    return Visible(meeting, member)


async def read(session: AsyncSession, principal: Principal, meeting_id: uuid.UUID) -> Meeting:
    """One meeting the caller may see."""
    return (await load_visible(session, principal, meeting_id)).meeting


async def list_visible(
    session: AsyncSession,
    principal: Principal,
    *,
    starts_from: datetime | None,
    starts_before: datetime | None,
    body_id: uuid.UUID | None,
    include_cancelled: bool,
    limit: int,
    offset: int,
) -> tuple[list[Meeting], int]:
    """The meetings the caller may see that start in [from, to), earliest first."""
    return await repository.page(
        session,
        access.visible(principal),
        starts_from=starts_from,
        starts_before=starts_before,
        body_id=body_id,
        include_cancelled=include_cancelled,
        limit=limit,
        offset=offset,
    )


async def history(session: AsyncSession, principal: Principal, meeting_id: uuid.UUID) -> list[MeetingEvent]:
    """Every change of a meeting, oldest first."""
    visible = await load_visible(session, principal, meeting_id)
    return await repository.history(session, visible.meeting.id)


# --- scheduling -----------------------------------------------------------------------------------


@dataclass(frozen=True)
class _Plan:
    """A scheduling request with the body's defaults applied."""

    body: MeetingBody | None
    body_type: str
    title: str
    duration: timedelta
    place: str | None
    online_url: str | None
    area: str | None
    participants: list[str]


async def _body_for(session: AsyncSession, principal: Principal, body_id: uuid.UUID) -> MeetingBody:
    body = await bodies.get(session, body_id)
    if body is None or not body.active:
        raise ValidationFailed.for_field("body_id", "no active meeting body with this id")
    member = await bodies.active_membership(session, body.id, principal.username)
    if not access.can_see_body(principal, body, member):
        raise ValidationFailed.for_field("body_id", "no active meeting body with this id")
    access.ensure_may_schedule_for(principal, body, member)
    return body


async def _plan(
    session: AsyncSession,
    principal: Principal,
    data: Scheduling,
    body: MeetingBody | None,
    starts_at: datetime,
) -> _Plan:
    """Apply the body's defaults and check what depends on the body."""
    if body is not None and data.body_type is not None and data.body_type != body.type:
        raise ValidationFailed.for_field("body_type", "differs from the body's type")
    body_type = body.type if body is not None else data.body_type
    assert body_type is not None  # the schema requires body_type without a body
    if access.confidential(body_type) and body is None:
        raise ValidationFailed.for_field("body_id", "a 支援会議 needs its body: its members alone may see it")
    if data.ends_at is not None:
        duration = data.ends_at - starts_at
    elif body is not None and body.default_duration_minutes is not None:
        duration = timedelta(minutes=body.default_duration_minutes)
    else:
        raise ValidationFailed.for_field("ends_at", "required: the body has no default duration")
    if data.participants is not None:
        participants = list(data.participants)
    elif body is not None:
        participants = [m.username for m in await bodies.members(session, body.id) if m.username]
    else:
        participants = []
    if body is not None and access.confidential(body.type):
        members = {m.username for m in await bodies.members(session, body.id) if m.username}
        outsiders = sorted(set(participants) - members)
        if outsiders:
            raise ValidationFailed.for_field(
                "participants", f"not members of this 支援会議: {', '.join(outsiders)}"
            )
    return _Plan(
        body=body,
        body_type=body_type,
        title=data.title or (body.name if body is not None else ""),
        duration=duration,
        place=data.place if data.place is not None else (body.place if body is not None else None),
        online_url=data.online_url,
        area=data.area if data.area is not None else (body.area if body is not None else None),
        participants=participants,
    )


def _slot(meeting: Meeting) -> rules.Slot:
    return rules.Slot(
        id=meeting.id,
        starts_at=meeting.starts_at,
        ends_at=meeting.ends_at,
        participants=frozenset(meeting.participants),
        place=meeting.place,
        cancelled=meeting.status == "cancelled",
    )


async def _refuse_clashes(
    session: AsyncSession, principal: Principal, candidates: Sequence[rules.Slot], *, confirmed: bool
) -> list[uuid.UUID]:
    """409 naming each clashing meeting unless the organiser confirmed; answers the clashing ids."""
    participants = sorted({p for c in candidates for p in c.participants})
    place = next((c.place for c in candidates if c.place), None)
    others = await repository.overlapping(
        session,
        [(c.starts_at, c.ends_at) for c in candidates],
        participants=participants,
        place=place,
        exclude=[c.id for c in candidates if c.id is not None],
    )
    clashes = rules.find_clashes(candidates, [_slot(o) for o in others])
    if not clashes or confirmed:
        return sorted({c.other.id for c in clashes if c.other.id is not None})
    by_id = {o.id: o for o in others}
    mine = (
        {}
        if principal.is_system
        else await bodies.memberships(
            session, principal.username, {o.body_id for o in others if o.body_id is not None}
        )
    )
    named = []
    for clash in clashes:
        other = by_id[clash.other.id]  # type: ignore[index]
        member = mine.get(other.body_id) if other.body_id is not None else None
        seen = access.can_see(principal, other, member) and (
            not access.confidential(other.body_type)
            or (member is not None and member.confidentiality_confirmed_at is not None)
        )
        named.append(
            {
                "meeting_id": str(other.id),
                "title": other.title if seen else HIDDEN_TITLE,
                "starts_at": other.starts_at.isoformat(),
                "ends_at": other.ends_at.isoformat(),
                "participants": list(clash.participants),
                "same_place": clash.same_place,
                "occurrence_starts_at": clash.candidate_starts_at.astimezone(UTC).isoformat(),
            }
        )
    raise MeetingClash(f"{len(named)}件の予定と重なっています。", clashes=named)


async def _book(
    session: AsyncSession, principal: Principal, meetings: Sequence[Meeting], *, confirmed: bool
) -> None:
    """Hold the meetings' time in the database; a concurrent booking that won gets the caller a 409.

    The pre-check above names clashes for the common case; this is the guarantee when
    identical requests race (the exclusion constraint lets only one commit).
    """
    if await repository.hold(session, meetings, exclusive=not confirmed):
        return
    await _refuse_clashes(session, principal, [_slot(m) for m in meetings], confirmed=False)
    raise MeetingClash("同じ時間に別の予定が先に登録されました。", clashes=[])


def _meeting(
    plan: _Plan,
    principal: Principal,
    starts_at: datetime,
    *,
    series_id: uuid.UUID | None = None,
    recurrence_id: datetime | None = None,
) -> Meeting:
    return Meeting(
        title=plan.title,
        body_type=plan.body_type,
        body_id=plan.body.id if plan.body else None,
        series_id=series_id,
        recurrence_id=recurrence_id,
        starts_at=starts_at,
        ends_at=starts_at + plan.duration,
        place=plan.place,
        online_url=plan.online_url,
        area=plan.area,
        organiser=principal.username,
        participants=plan.participants,
    )


async def _body_of(session: AsyncSession, principal: Principal, data: Scheduling) -> MeetingBody | None:
    access.ensure_may_schedule(principal)
    return await _body_for(session, principal, data.body_id) if data.body_id is not None else None


async def schedule(session: AsyncSession, principal: Principal, data: MeetingCreate) -> Meeting:
    """Schedule a one-off meeting organised by the caller; participants are told."""
    body = await _body_of(session, principal, data)
    plan = await _plan(session, principal, data, body, data.starts_at)
    meeting = _meeting(plan, principal, data.starts_at.astimezone(UTC))
    confirmed = await _refuse_clashes(session, principal, [_slot(meeting)], confirmed=data.confirm_clash)
    repository.add(session, meeting)
    await session.flush()
    await _book(session, principal, [meeting], confirmed=data.confirm_clash)
    after = snapshot(meeting) | ({"confirmed_clashes": [str(i) for i in confirmed]} if confirmed else {})
    record_event(session, meeting, principal.username, "scheduled", after=after)
    notify(
        session,
        meeting.participants,
        kind=NotificationKind.scheduled,
        meeting_id=meeting.id,
        actor=principal.username,
        text=f"{display_title(meeting)}（{rules.format_jst(meeting.starts_at)}）の参加者になりました。",
    )
    await session.flush()
    await session.refresh(meeting)
    return meeting


async def schedule_series(
    session: AsyncSession, principal: Principal, data: SeriesCreate
) -> tuple[MeetingSeries, list[Meeting]]:
    """Schedule a recurring series: every occurrence is a meeting, each checked for clashes."""
    body = await _body_of(session, principal, data)
    first_start = _first_start(data, body)
    plan = await _plan(session, principal, data, body, first_start)
    rule = data.rrule or (plan.body.default_rrule if plan.body is not None else None)
    if rule is None:
        raise ValidationFailed.for_field("rrule", "required: the body has no default rule")
    try:
        starts = occurrences(rule, first_start, count=data.count, until=data.until)
    except InvalidRule as exc:
        raise ValidationFailed.for_field("rrule" if data.rrule else "count", str(exc)) from None
    series = MeetingSeries(
        body_id=plan.body.id if plan.body else None,
        rrule=rule,
        dtstart=first_start.astimezone(UTC),
        count=data.count,
        until=data.until,
        duration_minutes=int(plan.duration.total_seconds() // 60),
        created_by=principal.username,
    )
    meetings = [
        _meeting(plan, principal, start, series_id=series.id, recurrence_id=start) for start in starts
    ]
    confirmed = await _refuse_clashes(
        session, principal, [_slot(m) for m in meetings], confirmed=data.confirm_clash
    )
    repository.add(session, series)
    await session.flush()
    for meeting in meetings:
        repository.add(session, meeting)
    await session.flush()
    await _book(session, principal, meetings, confirmed=data.confirm_clash)
    for meeting in meetings:
        after = snapshot(meeting) | {"series_id": str(series.id)}
        if confirmed:
            after["confirmed_clashes"] = [str(i) for i in confirmed]
        record_event(session, meeting, principal.username, "scheduled", after=after)
    first = meetings[0]
    notify(
        session,
        plan.participants,
        kind=NotificationKind.scheduled,
        meeting_id=first.id,
        actor=principal.username,
        text=(
            f"{display_title(first)}（{rules.format_jst(first.starts_at)}から全{len(meetings)}回）"
            "の参加者になりました。"
        ),
    )
    await session.flush()
    for meeting in meetings:
        await session.refresh(meeting)
    await session.refresh(series)
    return series, meetings


def _first_start(data: SeriesCreate, body: MeetingBody | None) -> datetime:
    """From when the series runs: starts_at, or starts_on at the body's default start time."""
    if data.starts_at is not None:
        if data.starts_on is not None:
            raise ValidationFailed.for_field("starts_on", "give starts_at or starts_on, not both")
        return data.starts_at
    if data.starts_on is None:
        raise ValidationFailed.for_field(
            "starts_at", "required (or starts_on with a body that has a default start time)"
        )
    if body is None or body.default_start_time is None:
        raise ValidationFailed.for_field(
            "starts_on", "needs a body with a default start time; give starts_at instead"
        )
    if data.ends_at is not None:
        raise ValidationFailed.for_field(
            "ends_at", "with starts_on the length is the body's default duration"
        )
    return datetime.combine(data.starts_on, body.default_start_time, TOKYO)


async def read_series(
    session: AsyncSession, principal: Principal, series_id: uuid.UUID
) -> tuple[MeetingSeries, list[Meeting]]:
    """A series and the occurrences the caller may see (none visible: not found)."""
    series = await repository.get_series(session, series_id)
    if series is None:
        raise NotFound()
    meetings = await repository.in_series(session, series.id, access.visible(principal))
    if not meetings:
        raise NotFound()
    return series, meetings


async def update(
    session: AsyncSession, principal: Principal, meeting_id: uuid.UUID, data: MeetingUpdate, if_match: IfMatch
) -> Meeting:
    """Reschedule or change a meeting (If-Match); history keeps the change, participants are told."""
    visible = await load_visible(session, principal, meeting_id, for_update=True)
    meeting = visible.meeting
    access.ensure_may_run(principal, meeting, visible.member)
    if meeting.status == "cancelled":
        raise MeetingCancelled()
    if_match.ensure(meeting.sequence)
    changes = data.model_dump(exclude_unset=True, exclude={"confirm_clash"})
    if "starts_at" in changes:
        changes["starts_at"] = changes["starts_at"].astimezone(UTC)
    if "ends_at" in changes:
        changes["ends_at"] = changes["ends_at"].astimezone(UTC)
    changes = {k: v for k, v in changes.items() if getattr(meeting, k) != v}
    if not changes:
        return meeting
    starts_at = changes.get("starts_at", meeting.starts_at)
    ends_at = changes.get("ends_at", meeting.ends_at)
    if ends_at <= starts_at:
        raise ValidationFailed.for_field("ends_at", "ends_at must be after starts_at")
    participants = changes.get("participants", meeting.participants)
    if "participants" in changes and access.confidential(meeting.body_type):
        members = {m.username for m in await bodies.members(session, meeting.body_id) if m.username}  # type: ignore[arg-type]
        outsiders = sorted(set(participants) - members)
        if outsiders:
            raise ValidationFailed.for_field(
                "participants", f"not members of this 支援会議: {', '.join(outsiders)}"
            )
    confirmed: list[uuid.UUID] = []
    if changes.keys() & {"starts_at", "ends_at", "participants", "place"}:
        candidate = rules.Slot(
            id=meeting.id,
            starts_at=starts_at,
            ends_at=ends_at,
            participants=frozenset(participants),
            place=changes.get("place", meeting.place),
        )
        confirmed = await _refuse_clashes(session, principal, [candidate], confirmed=data.confirm_clash)
    before = snapshot(meeting)
    old_participants = list(meeting.participants)
    old_start = meeting.starts_at
    for key, value in changes.items():
        setattr(meeting, key, value)
    meeting.sequence += 1
    meeting.updated_at = _now()
    if changes.keys() & {"starts_at", "ends_at", "participants", "place"}:
        await session.flush()
        await _book(session, principal, [meeting], confirmed=data.confirm_clash)
    rescheduled = bool(changes.keys() & {"starts_at", "ends_at"})
    now = snapshot(meeting)
    after = {k: now[k] for k in changes}
    if confirmed:
        after["confirmed_clashes"] = [str(i) for i in confirmed]
    record_event(
        session,
        meeting,
        principal.username,
        "rescheduled" if rescheduled else "updated",
        before={k: before[k] for k in changes},
        after=after,
    )
    label = display_title(meeting)
    if rescheduled:
        text = (
            f"{label} の日時が {rules.format_jst(old_start)} から "
            f"{rules.format_jst(meeting.starts_at)} に変更されました。"
        )
    else:
        text = f"{label}（{rules.format_jst(meeting.starts_at)}）の内容が変更されました。"
    notify(
        session,
        [*old_participants, *meeting.participants],
        kind=NotificationKind.rescheduled if rescheduled else NotificationKind.updated,
        meeting_id=meeting.id,
        text=text,
        actor=principal.username,
    )
    await session.flush()
    await session.refresh(meeting)
    return meeting


async def cancel(
    session: AsyncSession, principal: Principal, meeting_id: uuid.UUID, reason: str, if_match: IfMatch | None
) -> Meeting:
    """Cancel a meeting with a reason; it stays (STATUS:CANCELLED in calendars), participants are told."""
    visible = await load_visible(session, principal, meeting_id, for_update=True)
    meeting = visible.meeting
    access.ensure_may_run(principal, meeting, visible.member)
    if meeting.status == "cancelled":
        raise MeetingCancelled()
    if if_match is not None:
        if_match.ensure(meeting.sequence)
    await _cancel(session, principal, meeting, reason)
    await session.flush()
    await session.refresh(meeting)
    return meeting


async def _cancel(session: AsyncSession, principal: Principal, meeting: Meeting, reason: str) -> None:
    await repository.release(session, [meeting.id])
    now = _now()
    meeting.status = "cancelled"
    meeting.cancelled_at = now
    meeting.cancel_reason = reason
    meeting.sequence += 1
    meeting.updated_at = now
    record_event(
        session,
        meeting,
        principal.username,
        "cancelled",
        before={"status": "scheduled"},
        after={"status": "cancelled"},
        reason=reason,
    )
    # A 支援会議's reason stays on its page: members may have written about a case in it.
    why = "" if access.confidential(meeting.body_type) else f"理由: {reason}"
    notify(
        session,
        meeting.participants,
        kind=NotificationKind.cancelled,
        meeting_id=meeting.id,
        actor=principal.username,
        text=f"{display_title(meeting)}（{rules.format_jst(meeting.starts_at)}）は中止になりました。{why}",
    )


def _from(meetings: list[Meeting], from_date: date | None) -> list[Meeting]:
    """The occurrences still to come and not cancelled, from `from_date` (Asia/Tokyo) on."""
    now = _now()
    return [
        m
        for m in meetings
        if m.status != "cancelled"
        and m.starts_at > now
        and (from_date is None or m.starts_at.astimezone(TOKYO).date() >= from_date)
    ]


async def cancel_series(
    session: AsyncSession,
    principal: Principal,
    series_id: uuid.UUID,
    reason: str,
    from_date: date | None = None,
) -> list[Meeting]:
    """Cancel every occurrence of a series still to come (from `from_date` on) that the caller may change."""
    _, meetings = await read_series(session, principal, series_id)
    cancelled = []
    for occurrence in _from(meetings, from_date):
        visible = await load_visible(session, principal, occurrence.id, for_update=True)
        access.ensure_may_run(principal, visible.meeting, visible.member)
        await _cancel(session, principal, visible.meeting, reason)
        cancelled.append(visible.meeting)
    await session.flush()
    for meeting in cancelled:
        await session.refresh(meeting)
    return cancelled


async def move_series(
    session: AsyncSession, principal: Principal, series_id: uuid.UUID, data: SeriesMove, if_match: IfMatch
) -> tuple[MeetingSeries, list[Meeting]]:
    """Move every occurrence still to come from a date on by the same time, all or none (If-Match on
    the series: of two identical moves at once one is 412, never moved twice)."""
    series = await repository.get_series(session, series_id, for_update=True)
    if series is None:
        raise NotFound()
    _, meetings = await read_series(session, principal, series_id)
    if_match.ensure(series.version)
    moving = _from(meetings, data.from_date)
    if not moving:
        raise ValidationFailed.for_field("from_date", "no occurrence still to come from that day")
    shift = timedelta(minutes=data.shift_minutes)
    # Later: the last one first (earlier: the first one first), so none lands on one not moved yet.
    moving.sort(key=lambda m: m.starts_at, reverse=shift > timedelta(0))
    for meeting in moving:
        change = MeetingUpdate(
            starts_at=meeting.starts_at + shift,
            ends_at=meeting.ends_at + shift,
            confirm_clash=data.confirm_clash,
        )
        await update(session, principal, meeting.id, change, IfMatch(None))
    series.version += 1
    await session.flush()
    return await read_series(session, principal, series_id)
