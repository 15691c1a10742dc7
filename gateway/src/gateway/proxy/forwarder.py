"""Forward one request to a service and stream the answer back (the request body, at most the
body limit, is read first: a GET that met a dropped connection can then be sent again)."""

import asyncio
import logging
from collections.abc import Iterable

import aiohttp
import yarl
from starlette.types import Receive, Scope, Send

from gateway.errors import UpstreamBusy
from gateway.proxy.upstreams import ProxyPool
from tsunagu_services.logging import REQUEST_ID_HEADER
from tsunagu_services.problems import BadGateway, GatewayTimeout, ProblemError, problem_response

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


def _connection_tokens(headers: Iterable[tuple[bytes, bytes]]) -> set[str]:
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


def response_headers(raw: Iterable[tuple[bytes, bytes]]) -> list[tuple[bytes, bytes]]:
    """The service's headers as the client gets them (raw body, so length and encoding stay)."""
    dropped = (HOP_BY_HOP - {"content-length"}) | RESPONSE_OWN | _connection_tokens(raw)
    return [(name, value) for name, value in raw if name.decode("latin-1").lower() not in dropped]


# Safe to send twice: a refused or reset connection before any answer is tried once more.
RETRYABLE_METHODS = frozenset({"GET", "HEAD", "OPTIONS"})
RETRYABLE_ERRORS = (aiohttp.ClientConnectorError, aiohttp.ServerDisconnectedError, aiohttp.ClientOSError)


async def _problem(scope: Scope, receive: Receive, send: Send, problem: ProblemError) -> None:
    """Answer with a problem from outside the app's exception handlers (the proxy runs before them)."""
    headers = problem.headers or {}
    response = problem_response(
        problem.status, problem.type, problem.title, instance=scope["path"], headers=headers
    )
    await response(scope, receive, send)


async def _send(
    pool: ProxyPool, method: str, url: yarl.URL, headers: list[tuple[str, str]], body: bytes
) -> aiohttp.ClientResponse:
    retryable = method in RETRYABLE_METHODS and not body
    try:
        return await pool.session.request(
            method, url, headers=headers, data=body or None, allow_redirects=False
        )
    except RETRYABLE_ERRORS:
        if not retryable:
            raise
    return await pool.session.request(method, url, headers=headers, data=body or None, allow_redirects=False)


async def forward(pool: ProxyPool, scope: Scope, receive: Receive, send: Send, body: bytes) -> None:
    """Send the request to the service and stream its answer back: 503 when the service's pool is
    full, 502 when it cannot be reached, 504 when it is slow. The upstream answer is released on
    every path: the rest of a body a gone client will not read is drained (the connection goes
    back to the pool), a broken one closed, and neither needs an await that a cancel could skip."""
    # The raw path keeps the client's percent-encoding; the service decodes it itself.
    path = scope.get("raw_path") or scope["path"].encode()
    query = scope.get("query_string", b"")
    url = yarl.URL(
        pool.url + path.decode("latin-1") + ("?" + query.decode("latin-1") if query else ""), encoded=True
    )
    raw = request_headers(scope["headers"], scope.get("state", {}).get("request_id", "-"))
    headers = [(name.decode("latin-1"), value.decode("latin-1")) for name, value in raw]
    try:
        await asyncio.wait_for(pool.slots.acquire(), pool.pool_timeout)
    except TimeoutError:
        logger.warning("upstream pool full", extra={"upstream": pool.url})
        await _problem(scope, receive, send, UpstreamBusy())
        return
    try:
        try:
            upstream = await _send(pool, scope["method"], url, headers, body)
        except (TimeoutError, aiohttp.ServerTimeoutError) as exc:
            logger.warning("upstream timeout", extra={"upstream": pool.url, "error_type": type(exc).__name__})
            await _problem(scope, receive, send, GatewayTimeout())
            return
        except aiohttp.ClientError as exc:
            logger.warning(
                "upstream unreachable", extra={"upstream": pool.url, "error_type": type(exc).__name__}
            )
            await _problem(scope, receive, send, BadGateway())
            return
        try:
            await send(
                {
                    "type": "http.response.start",
                    "status": upstream.status,
                    "headers": response_headers(upstream.raw_headers),
                }
            )
            async for chunk in upstream.content.iter_any():
                await send({"type": "http.response.body", "body": chunk, "more_body": True})
            await send({"type": "http.response.body", "body": b"", "more_body": False})
        except (aiohttp.ClientError, TimeoutError) as exc:
            # Too late for a problem answer: the status is sent; the client sees a cut-off body.
            logger.warning(
                "upstream stream broken", extra={"upstream": pool.url, "error_type": type(exc).__name__}
            )
            upstream.close()
        finally:
            upstream.release()  # a no-op after close; otherwise the connection goes back to the pool
    finally:
        pool.slots.release()
