"""GET /api/v1/search: the header's search box, composed here from each service's own search."""

from typing import Annotated

from fastapi import APIRouter, Depends, Query, Response

from gateway.proxy.calls import Services
from gateway.search import service
from gateway.search.schemas import SearchResults
from tsunagu_services.auth import Principal, require_roles
from tsunagu_services.openapi import PROBLEM_RESPONSES

router = APIRouter(prefix="/api/v1/search", tags=["search"], responses=PROBLEM_RESPONSES)
Staff = Annotated[Principal, Depends(require_roles("admin", "supervisor", "csw", "sc", "agency"))]


@router.get("", response_model=SearchResults)
async def search(
    response: Response,
    principal: Staff,
    upstream: Services,
    q: Annotated[
        str,
        Query(
            min_length=1,
            max_length=100,
            pattern=r"\S",
            description="A name, kana (any script or width), phone, address, birth date or case title.",
        ),
    ],
) -> SearchResults:
    """Persons (staff who may look them up), cases and consultations the caller may see, up to 8 each."""
    response.headers["Cache-Control"] = "no-store"
    return await service.search(upstream, q.strip())
