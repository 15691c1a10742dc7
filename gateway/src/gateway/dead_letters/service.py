"""Dead letters across the services: listed together, retried or resolved at the one that holds them."""

from typing import Any

from gateway.dead_letters.rules import describe
from gateway.dead_letters.schemas import DeadLetter, DeadLetterList
from gateway.proxy.calls import Upstream, gather
from tsunagu_services.problems import NotFound

SERVICE_PATH = "/api/v1/outbox/dead-letters"
SENDERS = ("intake-api", "case-api", "meeting-api")


def _dead_letter(service: str, item: dict[str, Any]) -> DeadLetter:
    kind, link = describe(service, item["path"], item["idempotency_key"])
    return DeadLetter.model_validate({**item, "service": service, "kind": kind, "link": link})


async def listed(upstream: Upstream, *, include_resolved: bool = False) -> DeadLetterList:
    """Every service's refused deliveries, newest first; a service that does not answer is named."""
    params = {"include_resolved": str(include_resolved).lower(), "limit": 200}
    answers = await gather(*(upstream.maybe(service, SERVICE_PATH, params) for service in SENDERS))
    items = [
        _dead_letter(service, item)
        for service, answer in zip(SENDERS, answers, strict=True)
        if answer is not None
        for item in answer["items"]
    ]
    items.sort(key=lambda d: d.failed_at or d.created_at, reverse=True)
    total = sum(answer["total"] for answer in answers if answer is not None)
    missing = [service for service, answer in zip(SENDERS, answers, strict=True) if answer is None]
    return DeadLetterList(total=total, items=items, unavailable=missing)


async def act(
    upstream: Upstream, service: str, message_id: int, action: str, body: dict[str, Any] | None = None
) -> DeadLetter:
    """Retry or resolve one dead letter at the service that holds it (its rules and locks apply)."""
    if service not in SENDERS:
        raise NotFound()
    answer = await upstream.post(service, f"{SERVICE_PATH}/{message_id}/{action}", body)
    return _dead_letter(service, answer)
