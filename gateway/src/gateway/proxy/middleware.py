"""The proxy: every /api/v1 request a service owns goes to that service, before the gateway's routes.

Pure ASGI, inside the audit (every forwarded request of a verified caller is
recorded first) and outside FastAPI's routing, which a forwarded request does not
need. Not authenticated here: every service verifies the token itself (zero trust).
"""

import math
from dataclasses import dataclass

from starlette.types import ASGIApp, Message, Receive, Scope, Send

from gateway.proxy.forwarder import _problem, forward
from gateway.proxy.routes import service_for
from gateway.throttle.service import public_retry_after
from tsunagu_services.problems import TooManyRequests

METHODS = frozenset({"GET", "HEAD", "POST", "PUT", "PATCH", "DELETE", "OPTIONS"})
PUBLIC_PREFIX = "/api/v1/public/"


async def _read_body(receive: Receive) -> bytes:
    """The whole request body (the body-size limit outside has already bounded it)."""
    chunks = []
    while True:
        message: Message = await receive()
        if message["type"] == "http.disconnect":
            break
        chunks.append(message.get("body", b""))
        if not message.get("more_body", False):
            break
    return b"".join(chunks)


@dataclass(frozen=True)
class ProxiedRoute:
    path: str


class ProxyMiddleware:
    """Forward the request to the service that owns its path; anything else goes on to the app."""

    def __init__(self, app: ASGIApp) -> None:
        self.app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        service = service_for(scope["path"]) if scope["type"] == "http" else None
        if service is None or scope["method"] not in METHODS:
            await self.app(scope, receive, send)
            return
        state = scope["app"].state
        scope["route"] = ProxiedRoute(f"(proxied to {service})")  # what the access log names
        if scope["path"].startswith(PUBLIC_PREFIX):
            # The anonymous routes answer 429 when one client (or everyone together) sends too much.
            client = scope["client"][0] if scope.get("client") else "unknown"
            wait = await public_retry_after(
                state.sessionmaker,
                state.settings,
                state.signing_key.derived_secret("throttle"),
                client,
                scope["method"],
            )
            if wait is not None:
                retry = {"Retry-After": str(max(1, math.ceil(wait)))}
                await _problem(scope, receive, send, TooManyRequests(headers=retry))
                return
        body = await _read_body(receive)
        await forward(state.upstreams.proxy(service), scope, receive, send, body)
