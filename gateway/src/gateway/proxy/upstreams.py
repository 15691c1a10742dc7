"""One bounded connection pool per service behind the gateway, and one more for health probes.

A slow service fills its own pool only: the others keep answering. A full pool
fails fast (the caller gets a 503 with Retry-After) instead of queueing for the
read timeout, and the probes of /readyz and the merged OpenAPI never wait behind
the traffic they are meant to observe.
"""

import httpx

from gateway.settings import Settings
from tsunagu_services.http import propagate_request_id

# Shorter than the services' own keep-alive (5 s), so a connection the server is closing is never reused.
KEEPALIVE_EXPIRY_SECONDS = 4.0


class UpstreamPools:
    """The gateway's HTTP clients: `client(service)` for traffic, `probe` for health and documents."""

    def __init__(self, settings: Settings) -> None:
        self.urls = settings.upstreams
        timeout = httpx.Timeout(
            settings.upstream_read_timeout_seconds,
            connect=settings.upstream_connect_timeout_seconds,
            pool=settings.upstream_pool_timeout_seconds,
        )
        limits = httpx.Limits(
            max_connections=settings.upstream_max_connections,
            max_keepalive_connections=settings.upstream_max_connections,
            keepalive_expiry=KEEPALIVE_EXPIRY_SECONDS,
        )
        hooks = {"request": [propagate_request_id]}
        self._clients = {
            name: httpx.AsyncClient(timeout=timeout, limits=limits, event_hooks=hooks) for name in self.urls
        }
        self.probe = httpx.AsyncClient(
            timeout=httpx.Timeout(settings.upstream_probe_timeout_seconds),
            limits=httpx.Limits(
                max_connections=2 * len(self.urls), keepalive_expiry=KEEPALIVE_EXPIRY_SECONDS
            ),
        )

    def client(self, service: str) -> httpx.AsyncClient:
        return self._clients[service]

    async def aclose(self) -> None:
        for client in (*self._clients.values(), self.probe):
            await client.aclose()
