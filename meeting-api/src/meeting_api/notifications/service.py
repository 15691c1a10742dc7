"""In-app notifications of meeting changes (no commit, no HTTP)."""

import uuid
from collections.abc import Iterable
from datetime import UTC, datetime

from sqlalchemy.ext.asyncio import AsyncSession

from meeting_api import access
from meeting_api.notifications import repository
from meeting_api.notifications.models import Notification
from meeting_api.notifications.schemas import NotificationKind
from tsunagu_services import notices
from tsunagu_services.problems import NotFound
from tsunagu_services.tokens import Principal


def notify(
    session: AsyncSession,
    usernames: Iterable[str],
    *,
    kind: NotificationKind,
    meeting_id: uuid.UUID,
    text: str,
    actor: str,
) -> None:
    """Tell each user (but the one who made the change) what happened to a meeting."""
    recipients = sorted({u for u in usernames if u != actor})
    repository.add_all(
        session, [Notification(username=u, kind=kind, meeting_id=meeting_id, text=text) for u in recipients]
    )
    if recipients:  # and in the staff's inbox at the gateway (the bell)
        notices.tell(
            session,
            kind=f"meeting_{kind.value}",
            text=text,
            link=f"/meetings/{meeting_id}",
            usernames=recipients,
            actor=actor,
        )


async def list_own(
    session: AsyncSession, principal: Principal, *, unread_only: bool, limit: int, offset: int
) -> tuple[list[Notification], int, int]:
    """The caller's notifications, newest first."""
    access.ensure_person(principal)
    return await repository.page(
        session, principal.username, unread_only=unread_only, limit=limit, offset=offset
    )


async def mark_read(session: AsyncSession, principal: Principal, notification_id: uuid.UUID) -> Notification:
    """Mark one of the caller's notifications read (again changes nothing)."""
    access.ensure_person(principal)
    notification = await repository.own(session, principal.username, notification_id)
    if notification is None:
        raise NotFound()
    if notification.read_at is None:
        notification.read_at = datetime.now(UTC)
        await session.flush()
    return notification
