"""Readiness of the gateway: its own database, and every service behind it.

A service that refuses the connection or says it is not ready is down at once.
One that is merely slow to answer the probe (busy under load) keeps its last
good answer for a grace period, so /readyz does not flap on a busy morning and
an orchestrator does not pull a healthy gateway out of rotation.
"""

import asyncio
import time
from dataclasses import dataclass, field
from typing import Any

import httpx
from fastapi import Request

BUSY_GRACE_SECONDS = 15.0


@dataclass
class ServiceProbes:
    """When each service last answered its probe with 200."""

    last_ready: dict[str, float] = field(default_factory=dict)
    details: dict[str, dict[str, Any]] = field(default_factory=dict)

    async def ready(self, client: httpx.AsyncClient, name: str, url: str) -> bool:
        try:
            response = await client.get(f"{url.rstrip('/')}/readyz")
        except httpx.TimeoutException:
            return time.monotonic() - self.last_ready.get(name, float("-inf")) < BUSY_GRACE_SECONDS
        except httpx.HTTPError:
            return False
        try:
            noted = response.json().get("details")
        except (ValueError, AttributeError):
            noted = None
        if isinstance(noted, dict):
            self.details[name] = noted
        if response.status_code != 200:
            return False
        self.last_ready[name] = time.monotonic()
        return True


async def services_ready(request: Request) -> dict[str, bool]:
    """Each service's own /readyz, asked concurrently on the probe pool (never behind the traffic)."""
    app = request.app
    probes: ServiceProbes = app.state.service_probes
    pools = app.state.upstreams
    names = list(pools.urls)
    results = await asyncio.gather(*(probes.ready(pools.probe, name, pools.urls[name]) for name in names))
    return dict(zip(names, results, strict=True))


async def services_details(request: Request) -> dict[str, Any]:
    """What each service noted in its last answer (dead letters waiting), by service."""
    probes: ServiceProbes = request.app.state.service_probes
    return {"services": dict(probes.details)}
