from fastapi import APIRouter

from gateway.identity import service
from gateway.identity.schemas import AreaRead
from tsunagu_services.auth import CurrentPrincipal
from tsunagu_services.db import SessionDep
from tsunagu_services.openapi import PROBLEM_RESPONSES

router = APIRouter(prefix="/api/v1/areas", tags=["areas"], responses=PROBLEM_RESPONSES)


@router.get("", response_model=list[AreaRead])
async def list_areas(session: SessionDep, principal: CurrentPrincipal) -> list[AreaRead]:
    """Daily-life areas (圏域) of the municipality, in display order."""
    return [AreaRead.model_validate(area) for area in await service.list_areas(session)]
