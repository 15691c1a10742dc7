"""Pure rules of the support timeline (支援経過記録): when a record may still be edited in place."""

from datetime import datetime, timedelta

from case_api.records.schemas import RecordSource

# After this a record is evidence: it is corrected by an amendment (訂正記録), never rewritten.
EDIT_WINDOW = timedelta(hours=24)
# A record tells what happened: a visit "tomorrow" is a plan, not a record. A little slack
# absorbs clocks of devices that run slightly ahead.
FUTURE_SLACK = timedelta(minutes=10)
# Paper records may be typed in years later, but not from before any desk existed; this also
# keeps far-away dates (year 1 with a +14:00 offset) from overflowing the UTC conversion.
EARLIEST = datetime.fromisoformat("1950-01-01T00:00:00+00:00")


def editable(created_at: datetime, now: datetime, author: str, editor: str) -> bool:
    """Only the author, and only within 24 hours of writing the record, may change it in place."""
    return editor == author and now - created_at < EDIT_WINDOW


def editable_until(created_at: datetime) -> datetime:
    """The moment the record locks."""
    return created_at + EDIT_WINDOW


def occurred_at_plausible(occurred_at: datetime, now: datetime) -> bool:
    """Support that was given: not in the future (beyond clock slack), not before 1950."""
    return EARLIEST <= occurred_at <= now + FUTURE_SLACK


# Our own services write records on the timeline too; the source says where an entry came from.
SERVICE_SOURCES = {"meeting-api": RecordSource.meeting, "intake-api": RecordSource.intake}


def source_of(service_client: str | None) -> RecordSource:
    """staff, unless one of our own services (named by its client id) wrote the record."""
    return SERVICE_SOURCES.get(service_client or "", RecordSource.staff)
