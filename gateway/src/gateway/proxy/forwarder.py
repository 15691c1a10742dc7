"""Forward one request to a service and stream the answer back, without buffering either way."""

import logging

import anyio
import httpx
from starlette.requests import Request
from starlette.responses import Response
from starlette.types import Receive, Scope, Send

from gateway.errors import UpstreamBusy
from tsunagu_services.logging import REQUEST_ID_HEADER
from tsunagu_services.problems import BadGateway, GatewayTimeout

logger = logging.getLogger("tsunagu.proxy")

# RFC 9110 §7.6.1 hop-by-hop headers, plus those httpx or uvicorn recompute themselves.
HOP_BY_HOP = frozenset(
    {
        "connection",
        "keep-alive",
        "proxy-authenticate",
        "proxy-authorization",
        "proxy-connection",
        "te",
        "trailer",
        "transfer-encoding",
        "upgrade",
        "host",
        "content-length",
    }
)
# Services never learn the client's address: anonymous reporters must stay anonymous,
# and nothing behind the gateway should make decisions on a header anyone can forge.
CLIENT_ADDRESS = frozenset(
    {
        "x-forwarded-for",
        "x-forwarded-host",
        "x-forwarded-proto",
        "x-forwarded-port",
        "forwarded",
        "x-real-ip",
        "true-client-ip",
        "cf-connecting-ip",
        "x-client-ip",
    }
)
# The gateway's own server adds these to its answer.
RESPONSE_OWN = frozenset({"date", "server", REQUEST_ID_HEADER})


def _connection_tokens(headers: list[tuple[bytes, bytes]]) -> set[str]:
    """Headers the sender marked hop-by-hop in its Connection header."""
    return {
        token.strip().lower()
        for name, value in headers
        if name.lower() == b"connection"
        for token in value.decode("latin-1").split(",")
    }


def request_headers(raw: list[tuple[bytes, bytes]], request_id: str) -> list[tuple[bytes, bytes]]:
    """The client's headers as the service gets them."""
    dropped = HOP_BY_HOP | CLIENT_ADDRESS | _connection_tokens(raw) | {REQUEST_ID_HEADER}
    kept = [(name, value) for name, value in raw if name.decode("latin-1").lower() not in dropped]
    return [*kept, (REQUEST_ID_HEADER.encode(), request_id.encode())]


def response_headers(raw: list[tuple[bytes, bytes]]) -> list[tuple[bytes, bytes]]:
    """The service's headers as the client gets them (raw body, so length and encoding stay)."""
    dropped = (HOP_BY_HOP - {"content-length"}) | RESPONSE_OWN | _connection_tokens(raw)
    return [(name, value) for name, value in raw if name.decode("latin-1").lower() not in dropped]


# Safe to send twice: a refused or reset connection before any answer is tried once more.
RETRYABLE_METHODS = frozenset({"GET", "HEAD", "OPTIONS"})
RETRYABLE_ERRORS = (httpx.ConnectError, httpx.RemoteProtocolError, httpx.ReadError, httpx.WriteError)


class UpstreamResponse(Response):
    """The service's answer streamed to the client; the upstream response is closed on every path.

    A client that went away costs nothing here: the ASGI server drops what is sent
    after a disconnect, the rest of the (bounded) body is read so the connection goes
    back to the pool, and `aclose` runs shielded even when the request is cancelled.
    """

    def __init__(self, upstream: httpx.Response, base_url: str) -> None:
        self.upstream = upstream
        self.base_url = base_url
        self.status_code = upstream.status_code
        self.background = None
        self.raw_headers = response_headers(upstream.headers.raw)

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        try:
            await send(
                {"type": "http.response.start", "status": self.status_code, "headers": self.raw_headers}
            )
            async for chunk in self.upstream.aiter_raw():
                await send({"type": "http.response.body", "body": chunk, "more_body": True})
            await send({"type": "http.response.body", "body": b"", "more_body": False})
        except httpx.TransportError as exc:
            # Too late for a problem answer: the status is sent; the client sees a cut-off body.
            logger.warning(
                "upstream stream broken", extra={"upstream": self.base_url, "error_type": type(exc).__name__}
            )
        finally:
            await close_shielded(self.upstream)


async def close_shielded(upstream: httpx.Response) -> None:
    """Close `upstream` even inside a cancelled task (else its connection stays checked out)."""
    with anyio.CancelScope(shield=True):
        await upstream.aclose()


async def _send(client: httpx.AsyncClient, request: httpx.Request, retryable: bool) -> httpx.Response:
    try:
        return await client.send(request, stream=True)
    except RETRYABLE_ERRORS:
        if not retryable:
            raise
    return await client.send(request, stream=True)


async def forward(client: httpx.AsyncClient, request: Request, base_url: str) -> UpstreamResponse:
    """Send `request` to the service at `base_url`: 503 when its pool is full, 502 if it cannot be
    reached, 504 if it is slow."""
    # The raw path keeps the client's percent-encoding; the service decodes it itself.
    path = request.scope.get("raw_path", request.url.path.encode()).decode("latin-1")
    query = request.scope.get("query_string", b"").decode("latin-1")
    url = base_url.rstrip("/") + path + (f"?{query}" if query else "")
    has_body = "content-length" in request.headers or "transfer-encoding" in request.headers
    upstream_request = client.build_request(
        request.method,
        url,
        headers=request_headers(request.scope["headers"], request.state.request_id),
        content=request.stream() if has_body else None,
    )
    try:
        upstream = await _send(client, upstream_request, not has_body and request.method in RETRYABLE_METHODS)
    except httpx.PoolTimeout as exc:
        logger.warning("upstream pool full", extra={"upstream": base_url})
        raise UpstreamBusy() from exc
    except httpx.TimeoutException as exc:
        logger.warning("upstream timeout", extra={"upstream": base_url, "error_type": type(exc).__name__})
        raise GatewayTimeout() from exc
    except httpx.TransportError as exc:
        logger.warning("upstream unreachable", extra={"upstream": base_url, "error_type": type(exc).__name__})
        raise BadGateway() from exc
    try:
        return UpstreamResponse(upstream, base_url)
    except BaseException:
        await close_shielded(upstream)
        raise
