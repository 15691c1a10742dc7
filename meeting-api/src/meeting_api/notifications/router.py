import uuid
from typing import Annotated

from fastapi import APIRouter, Query

from meeting_api.notifications import service
from meeting_api.notifications.schemas import NotificationPage, NotificationRead
from tsunagu_services.auth import CurrentPrincipal
from tsunagu_services.db import SessionDep
from tsunagu_services.openapi import PROBLEM_RESPONSES
from tsunagu_services.scopes import scoped

router = APIRouter(
    dependencies=[scoped("meetings:read", "meetings:write")],
    prefix="/api/v1/meetings/notifications",
    tags=["notifications"],
    responses=PROBLEM_RESPONSES,
)


@router.get("", response_model=NotificationPage)
async def list_notifications(
    session: SessionDep,
    principal: CurrentPrincipal,
    unread: Annotated[bool, Query(description="Only those not yet read.")] = False,
    limit: Annotated[int, Query(ge=1, le=200)] = 50,
    offset: Annotated[int, Query(ge=0, le=1_000_000)] = 0,
) -> NotificationPage:
    """The caller's own notifications of meeting changes, newest first, with the unread count."""
    items, total, unread_count = await service.list_own(
        session, principal, unread_only=unread, limit=limit, offset=offset
    )
    return NotificationPage(
        items=[NotificationRead.model_validate(n) for n in items], total=total, unread=unread_count
    )


@router.post("/{notification_id}/read", response_model=NotificationRead)
async def mark_notification_read(
    notification_id: uuid.UUID, session: SessionDep, principal: CurrentPrincipal
) -> NotificationRead:
    """Mark one of the caller's notifications read (someone else's is not found)."""
    return NotificationRead.model_validate(await service.mark_read(session, principal, notification_id))
