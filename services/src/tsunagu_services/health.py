"""Liveness and readiness endpoints (public: no token, no data)."""

import asyncio
from collections.abc import Awaitable, Callable
from typing import Any

from fastapi import APIRouter, Request
from fastapi.responses import JSONResponse
from sqlalchemy import text

ReadinessCheck = Callable[[Request], Awaitable[dict[str, bool]]]
# What an operator should know without it making the process unready (e.g. dead letters waiting).
ReadinessDetail = Callable[[Request], Awaitable[dict[str, Any]]]


async def database_ready(request: Request) -> dict[str, bool]:
    """A fresh connection answers (not one from the pool: under load that would wait its turn)."""
    try:
        async with asyncio.timeout(3), request.app.state.probe_engine.connect() as conn:
            await conn.execute(text("select 1"))
        return {"database": True}
    except Exception:  # any failure means not ready; the cause is in the DB's own log
        return {"database": False}


DEAD_LETTERS_WAITING = (
    "SELECT count(*) FROM outbox_message WHERE failed_at IS NOT NULL AND resolved_at IS NULL"
)


async def dead_letters_waiting(request: Request) -> dict[str, Any]:
    """How many refused deliveries wait for a person (they do not make the service unready)."""
    try:
        async with asyncio.timeout(3), request.app.state.probe_engine.connect() as conn:
            waiting = await conn.scalar(text(DEAD_LETTERS_WAITING))
        return {"dead_letters": int(waiting or 0)}
    except Exception:  # the database check above reports the outage
        return {}


def health_router(checks: list[ReadinessCheck], details: list[ReadinessDetail]) -> APIRouter:
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
        noted: dict[str, Any] = {}
        for detail in details:
            noted.update(await detail(request))
        ready = all(results.values())
        return JSONResponse(
            {"status": "ready" if ready else "not ready", "checks": results, "details": noted},
            status_code=200 if ready else 503,
        )

    return router
