"""iCalendar (RFC 5545) output, written by the icalendar library.

Each meeting is one VEVENT whose UID never changes and whose SEQUENCE is the meeting's
count of changes, so a calendar client updates the event it has instead of adding another.
A 支援会議 shows only its body type's name: no title, note or agenda leaves Tsunagu in a calendar.
"""

from collections.abc import Iterable
from datetime import UTC

from icalendar import Calendar, Event

from meeting_api.access import confidential
from meeting_api.meetings.models import Meeting
from meeting_api.meetings.service import display_title

PRODID = "-//Tsunagu//meeting-api//JA"


def uid(meeting: Meeting) -> str:
    """The event's stable identity across every change."""
    return f"{meeting.id}@tsunagu"


def _event(meeting: Meeting) -> Event:
    event = Event()
    event.add("uid", uid(meeting))
    event.add("sequence", meeting.sequence)
    event.add("dtstamp", meeting.updated_at.astimezone(UTC))
    event.add("last-modified", meeting.updated_at.astimezone(UTC))
    event.add("created", meeting.created_at.astimezone(UTC))
    event.add("dtstart", meeting.starts_at.astimezone(UTC))
    event.add("dtend", meeting.ends_at.astimezone(UTC))
    event.add("summary", display_title(meeting))
    location = meeting.place or meeting.online_url
    if location:
        event.add("location", location)
    if meeting.online_url:
        event.add("url", meeting.online_url)
    event.add("status", "CANCELLED" if meeting.status == "cancelled" else "CONFIRMED")
    if confidential(meeting.body_type):
        event.add("class", "CONFIDENTIAL")
    return event


def calendar(meetings: Iterable[Meeting], *, name: str | None = None) -> bytes:
    """A VCALENDAR (METHOD:PUBLISH) holding one VEVENT per meeting."""
    cal = Calendar()
    cal.add("prodid", PRODID)
    cal.add("version", "2.0")
    cal.add("calscale", "GREGORIAN")
    cal.add("method", "PUBLISH")
    if name is not None:
        cal.add("x-wr-calname", name)
        cal.add("x-wr-timezone", "Asia/Tokyo")
    for meeting in meetings:
        cal.add_component(_event(meeting))
    return cal.to_ical()
