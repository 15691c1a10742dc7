import math

from fastapi import APIRouter, Request

from gateway.proxy.forwarder import UpstreamResponse, forward
from gateway.proxy.ratelimit import PublicRateLimiter
from gateway.proxy.routes import service_for
from tsunagu_services.problems import NotFound, TooManyRequests

router = APIRouter()

METHODS = ["GET", "HEAD", "POST", "PUT", "PATCH", "DELETE", "OPTIONS"]
PUBLIC_PREFIX = "/api/v1/public/"


def _limit_public(request: Request) -> None:
    """The anonymous routes answer 429 when one client (or everyone together) sends too much."""
    limiter: PublicRateLimiter = request.app.state.public_rate_limiter
    client = request.client.host if request.client else "unknown"
    wait = limiter.retry_after(client, request.method)
    if wait is not None:
        raise TooManyRequests(headers={"Retry-After": str(max(1, math.ceil(wait)))})


# Not authenticated here: every service verifies the token itself (zero trust), and the
# audit middleware has already recorded who asked.
@router.api_route("/api/v1/{rest:path}", methods=METHODS, include_in_schema=False)
async def proxy(request: Request, rest: str) -> UpstreamResponse:
    """Forward any other /api/v1 request to the service that owns it."""
    service = service_for(request.url.path)
    if service is None:
        raise NotFound()
    if request.url.path.startswith(PUBLIC_PREFIX):
        _limit_public(request)
    pools = request.app.state.upstreams
    return await forward(pools.client(service), request, pools.urls[service])
