"""The staff's inbox (お知らせ), and the internal door through which the services' events arrive."""

import uuid
from typing import Annotated

from fastapi import APIRouter, Query

from gateway.notifications import service
from gateway.notifications.schemas import (
    Delivered,
    InboxNotice,
    InboxPage,
    NoticeDelivery,
    NoticesMarked,
)
from tsunagu_services.auth import CurrentPrincipal
from tsunagu_services.db import SessionDep
from tsunagu_services.openapi import PROBLEM_RESPONSES

router = APIRouter(prefix="/api/v1/notifications", tags=["notifications"], responses=PROBLEM_RESPONSES)


@router.get("", response_model=InboxPage)
async def list_notifications(
    session: SessionDep,
    principal: CurrentPrincipal,
    unread: Annotated[bool, Query(description="Only those not yet read.")] = False,
    limit: Annotated[int, Query(ge=1, le=200)] = 30,
    offset: Annotated[int, Query(ge=0, le=1_000_000)] = 0,
) -> InboxPage:
    """The caller's own notices, newest first, with the unread count (the bell)."""
    items, total, unread_count = await service.inbox(
        session, principal, unread_only=unread, limit=limit, offset=offset
    )
    return InboxPage(items=[InboxNotice.model_validate(n) for n in items], total=total, unread=unread_count)


@router.post("/read-all", response_model=NoticesMarked)
async def mark_all_read(session: SessionDep, principal: CurrentPrincipal) -> NoticesMarked:
    """Mark every notice of the caller read."""
    return NoticesMarked(marked=await service.mark_all_read(session, principal))


@router.post("/{notification_id}/read", response_model=InboxNotice)
async def mark_read(
    notification_id: uuid.UUID, session: SessionDep, principal: CurrentPrincipal
) -> InboxNotice:
    """Mark one of the caller's notices read."""
    return InboxNotice.model_validate(await service.mark_read(session, principal, notification_id))


@router.post("/deliveries", response_model=Delivered, include_in_schema=False)
async def deliver(data: NoticeDelivery, session: SessionDep, principal: CurrentPrincipal) -> Delivered:
    """Internal: a service's event, filed once per recipient (services only; not in the public contract)."""
    return Delivered(filed=await service.file(session, principal, principal.username, data))
