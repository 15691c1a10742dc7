"""Telling staff: a service files an event for the gateway's inbox (お知らせ) through its outbox.

The event travels with the change that caused it (the same transaction) and arrives exactly once:
the gateway files it once per recipient under its event key, however often the outbox retries.
The gateway knows who holds a role or belongs to an agency; a service names only what it knows.
"""

import uuid
from collections.abc import Iterable

from sqlalchemy.ext.asyncio import AsyncSession

from tsunagu_services import outbox

DESTINATION = "gateway"
PATH = "/api/v1/notifications/deliveries"


def tell(
    session: AsyncSession,
    *,
    kind: str,
    text: str,
    link: str | None = None,
    usernames: Iterable[str] = (),
    roles: Iterable[str] = (),
    agency_ids: Iterable[str] = (),
    actor: str | None = None,
) -> None:
    """Queue one event for the gateway in the current transaction (the actor is never told)."""
    event_key = str(uuid.uuid4())
    body = {
        "event_key": event_key,
        "kind": kind,
        "text": text[:500],
        "link": link,
        "to": {
            "usernames": sorted(set(usernames)),
            "roles": sorted(set(roles)),
            "agency_ids": sorted(set(agency_ids)),
            "except_username": actor,
        },
    }
    outbox.queue(
        session, destination=DESTINATION, path=PATH, body=body, idempotency_key=f"notice:{event_key}"
    )
