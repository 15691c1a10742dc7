"""Forward one request to a service and stream the answer back, without buffering either way."""

import logging
from collections.abc import AsyncIterator

import httpx
from starlette.requests import Request
from starlette.responses import StreamingResponse

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


async def forward(client: httpx.AsyncClient, request: Request, base_url: str) -> StreamingResponse:
    """Send `request` to the service at `base_url`; 502 if it cannot be reached, 504 if it is slow."""
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
        upstream = await client.send(upstream_request, stream=True)
    except httpx.TimeoutException as exc:
        logger.warning("upstream timeout", extra={"upstream": base_url, "error_type": type(exc).__name__})
        raise GatewayTimeout() from exc
    except httpx.TransportError as exc:
        logger.warning("upstream unreachable", extra={"upstream": base_url, "error_type": type(exc).__name__})
        raise BadGateway() from exc

    async def body() -> AsyncIterator[bytes]:
        # finally, not a background task: it also runs when the client goes away mid-stream.
        try:
            async for chunk in upstream.aiter_raw():
                yield chunk
        except httpx.TransportError as exc:
            # Too late for a problem answer: the status is sent; the client sees a cut-off body.
            logger.warning(
                "upstream stream broken", extra={"upstream": base_url, "error_type": type(exc).__name__}
            )
        finally:
            await upstream.aclose()

    response = StreamingResponse(body(), status_code=upstream.status_code)
    response.raw_headers = response_headers(upstream.headers.raw)
    return response
