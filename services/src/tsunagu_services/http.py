"""One shared httpx.AsyncClient per process, and service tokens for calls between services."""

import asyncio
import time

import httpx

from tsunagu_services.logging import REQUEST_ID_HEADER, request_id_var

# Keep-alive shorter than uvicorn's 5 s, so we never reuse a connection the server is closing.
TIMEOUT = httpx.Timeout(10.0, connect=2.0)
LIMITS = httpx.Limits(max_connections=100, max_keepalive_connections=20, keepalive_expiry=4.0)


async def propagate_request_id(request: httpx.Request) -> None:
    """httpx request hook: the current request id travels to the next service."""
    request_id = request_id_var.get()
    if request_id != "-" and REQUEST_ID_HEADER not in request.headers:
        request.headers[REQUEST_ID_HEADER] = request_id


def make_http_client() -> httpx.AsyncClient:
    """The process's client: timeouts, bounded pool, X-Request-ID carried along."""
    return httpx.AsyncClient(timeout=TIMEOUT, limits=LIMITS, event_hooks={"request": [propagate_request_id]})


class ServiceToken:
    """A client_credentials token for this service, fetched from the gateway and renewed early."""

    def __init__(
        self, client: httpx.AsyncClient, token_url: str, client_id: str, secret: str, scopes: str
    ) -> None:
        self._client = client
        self._token_url = token_url
        self._form = {
            "grant_type": "client_credentials",
            "client_id": client_id,
            "client_secret": secret,
            "scope": scopes,
        }
        self._token = ""
        self._expires_at = 0.0
        self._lock = asyncio.Lock()

    async def get(self) -> str:
        async with self._lock:
            if time.monotonic() > self._expires_at - 60:
                response = await self._client.post(self._token_url, data=self._form)
                response.raise_for_status()
                body = response.json()
                self._token = body["access_token"]
                self._expires_at = time.monotonic() + float(body.get("expires_in", 300))
            return self._token
