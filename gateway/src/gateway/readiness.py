"""Readiness of the gateway: its own database, and every service behind it."""

import asyncio

import httpx
from fastapi import Request


async def _service_ready(client: httpx.AsyncClient, url: str, wait_seconds: float) -> bool:
    try:
        response = await client.get(f"{url.rstrip('/')}/readyz", timeout=wait_seconds)
    except httpx.HTTPError:
        return False
    return response.status_code == 200


async def services_ready(request: Request) -> dict[str, bool]:
    """Each service's own /readyz, asked concurrently with a short timeout."""
    settings = request.app.state.settings
    names = list(settings.upstreams)
    results = await asyncio.gather(
        *(
            _service_ready(
                request.app.state.http, settings.upstreams[name], settings.upstream_probe_timeout_seconds
            )
            for name in names
        )
    )
    return dict(zip(names, results, strict=True))
