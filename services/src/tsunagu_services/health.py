"""Liveness and readiness endpoints (public: no token, no data)."""

import asyncio
from collections.abc import Awaitable, Callable

from fastapi import APIRouter, Request
from fastapi.responses import JSONResponse
from sqlalchemy import text

ReadinessCheck = Callable[[Request], Awaitable[dict[str, bool]]]


async def database_ready(request: Request) -> dict[str, bool]:
    """A fresh connection answers (not one from the pool: under load that would wait its turn)."""
    try:
        async with asyncio.timeout(3), request.app.state.probe_engine.connect() as conn:
            await conn.execute(text("select 1"))
        return {"database": True}
    except Exception:  # any failure means not ready; the cause is in the DB's own log
        return {"database": False}


def health_router(checks: list[ReadinessCheck]) -> APIRouter:
    router = APIRouter(tags=["health"])

    @router.get("/healthz", include_in_schema=False)
    async def healthz() -> dict[str, str]:
        """The process is up."""
        return {"status": "ok"}

    @router.get("/readyz", include_in_schema=False)
    async def readyz(request: Request) -> JSONResponse:
        """Everything this process needs answers."""
        results: dict[str, bool] = {}
        for check in checks:
            results.update(await check(request))
        ready = all(results.values())
        return JSONResponse(
            {"status": "ready" if ready else "not ready", "checks": results},
            status_code=200 if ready else 503,
        )

    return router
