"""iCalendar for one meeting and the personal feed behind a revocable token (no commit, no HTTP)."""

import hashlib
import secrets
import uuid
from datetime import UTC, datetime, timedelta

from sqlalchemy.ext.asyncio import AsyncSession

from meeting_api import access
from meeting_api.calendar import ical, repository
from meeting_api.calendar.schemas import FeedTokenRead
from meeting_api.meetings import repository as meetings
from meeting_api.meetings import service as meeting_service
from tsunagu_services.problems import NotFound
from tsunagu_services.tokens import Principal

# A feed shows what is coming and what just happened; older meetings are in Tsunagu.
FEED_LOOKBACK = timedelta(days=90)
FEED_LIMIT = 1000
FEED_PATH = "/api/v1/calendar/feed/{token}.ics"


def _hash(token: str) -> str:
    # The token carries 256 random bits: a plain SHA-256 keeps a leaked table useless.
    return hashlib.sha256(token.encode()).hexdigest()


async def meeting_ics(session: AsyncSession, principal: Principal, meeting_id: uuid.UUID) -> bytes:
    """One meeting the caller may see, as a VCALENDAR with one VEVENT."""
    meeting = await meeting_service.read(session, principal, meeting_id)
    return ical.calendar([meeting])


async def issue_feed_token(session: AsyncSession, principal: Principal, base_url: str) -> FeedTokenRead:
    """Create or rotate the caller's feed token; the previous URL stops working."""
    access.ensure_person(principal)
    token = secrets.token_urlsafe(32)
    await repository.put(session, principal.username, _hash(token))
    path = FEED_PATH.format(token=token)
    return FeedTokenRead(token=token, url=f"{base_url}{path}", path=path)


async def revoke_feed_token(session: AsyncSession, principal: Principal) -> None:
    """Revoke the caller's feed token (nothing to revoke: not found)."""
    access.ensure_person(principal)
    if not await repository.remove(session, principal.username):
        raise NotFound()


async def feed(session: AsyncSession, token: str) -> bytes:
    """The meetings of the token's owner (organiser or participant) still visible to them."""
    username = await repository.owner(session, _hash(token)) if len(token) <= 100 else None
    if username is None:
        raise NotFound()
    rows = await meetings.for_feed(
        session, access.in_feed(username), starts_from=datetime.now(UTC) - FEED_LOOKBACK, limit=FEED_LIMIT
    )
    return ical.calendar(rows, name="Tsunagu 会議")
