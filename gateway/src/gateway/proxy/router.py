from fastapi import APIRouter, Request
from starlette.responses import StreamingResponse

from gateway.proxy.forwarder import forward
from gateway.proxy.routes import service_for
from tsunagu_services.problems import NotFound

router = APIRouter()

METHODS = ["GET", "HEAD", "POST", "PUT", "PATCH", "DELETE", "OPTIONS"]


# Not authenticated here: every service verifies the token itself (zero trust), and the
# audit middleware has already recorded who asked.
@router.api_route("/api/v1/{rest:path}", methods=METHODS, include_in_schema=False)
async def proxy(request: Request, rest: str) -> StreamingResponse:
    """Forward any other /api/v1 request to the service that owns it."""
    service = service_for(request.url.path)
    if service is None:
        raise NotFound()
    base_url = request.app.state.settings.upstreams[service]
    return await forward(request.app.state.http, request, base_url)
