"""Deliveries between services that were refused (dead letters): seen, retried and resolved here."""

from typing import Annotated

from fastapi import APIRouter, Depends, Path, Response

from gateway.dead_letters import service
from gateway.dead_letters.schemas import DeadLetter, DeadLetterList
from gateway.proxy.calls import Services
from tsunagu_services.auth import Principal, require_roles
from tsunagu_services.dead_letters import READER_ROLES, DeadLetterResolve
from tsunagu_services.openapi import PROBLEM_RESPONSES, Problem

router = APIRouter(
    prefix="/api/v1/dead-letters",
    tags=["dead letters"],
    responses={
        **PROBLEM_RESPONSES,
        409: {"model": Problem, "description": "Already resolved (/problems/dead-letter-resolved)."},
        502: {"model": Problem, "description": "The service holding it did not answer."},
    },
)
Supervisor = Annotated[Principal, Depends(require_roles(*READER_ROLES))]
ServiceName = Annotated[str, Path(pattern=r"^[a-z][a-z-]{0,29}$", description="intake-api, meeting-api …")]
MessageId = Annotated[int, Path(ge=1, le=2**31 - 1)]


def _no_store(response: Response) -> None:
    response.headers["Cache-Control"] = "no-store"


@router.get("", response_model=DeadLetterList)
async def list_dead_letters(
    principal: Supervisor, upstream: Services, response: Response, include_resolved: bool = False
) -> DeadLetterList:
    """Every delivery between services that the receiver refused, newest first (supervisors, admins)."""
    _no_store(response)
    return await service.listed(upstream, include_resolved=include_resolved)


@router.post("/{sender}/{message_id}/retry", response_model=DeadLetter)
async def retry_dead_letter(
    sender: ServiceName, message_id: MessageId, principal: Supervisor, upstream: Services
) -> DeadLetter:
    """Send it again, after the cause was fixed; refused again, it is listed again."""
    return await service.act(upstream, sender, message_id, "retry")


@router.post("/{sender}/{message_id}/resolve", response_model=DeadLetter)
async def resolve_dead_letter(
    sender: ServiceName,
    message_id: MessageId,
    data: DeadLetterResolve,
    principal: Supervisor,
    upstream: Services,
) -> DeadLetter:
    """Close it with the reason (for example, the safety check was set up by hand); it is not sent."""
    return await service.act(upstream, sender, message_id, "resolve", data.model_dump())
