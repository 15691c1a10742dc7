"""gateway app: identity and tokens, audit, the proxy to the services, the merged OpenAPI, the SPA."""

import asyncio
import logging
from typing import Any

from fastapi import FastAPI

from gateway.audit import chain
from gateway.audit.middleware import AuditMiddleware
from gateway.audit.router import router as audit_router
from gateway.audit.writer import AuditWriter
from gateway.dead_letters.router import router as dead_letters_router
from gateway.identity.passwords import warm_up
from gateway.identity.router import router as directory_router
from gateway.identity.service_clients import register_at_start, stop_registering
from gateway.notifications.router import router as notifications_router
from gateway.openapi import router as openapi_router
from gateway.proxy.middleware import ProxyMiddleware
from gateway.proxy.upstreams import UpstreamPools
from gateway.readiness import ServiceProbes, services_details, services_ready
from gateway.search.router import router as search_router
from gateway.sessions.router import router as sessions_router
from gateway.settings import Settings
from gateway.spa import router as spa_router
from gateway.statistics.router import router as statistics_router
from gateway.tokens.router import router as tokens_router
from tsunagu_services.app import create_service_app
from tsunagu_services.auth import JwksCache
from tsunagu_services.health import database_ready
from tsunagu_services.tokens import SigningKey

logger = logging.getLogger("tsunagu.audit")


def own_jwks(key: SigningKey) -> JwksCache:
    """Verify tokens with the gateway's own key, without an HTTP call to itself."""

    async def document() -> dict[str, Any]:
        return {"keys": [key.public_jwk]}

    return JwksCache(document)


async def open_pools(app: FastAPI) -> None:
    app.state.upstreams = UpstreamPools(app.state.settings)
    app.state.service_probes = ServiceProbes()


async def close_pools(app: FastAPI) -> None:
    await app.state.upstreams.aclose()


async def start_audit(app: FastAPI) -> None:
    app.state.audit_writer = AuditWriter(lambda: app.state.sessionmaker)
    app.state.audit_writer.start()
    interval = app.state.settings.audit_anchor_interval_seconds
    app.state.anchoring = asyncio.create_task(_anchor_every(app, interval), name="audit-anchors")


async def stop_audit(app: FastAPI) -> None:
    app.state.anchoring.cancel()
    await app.state.audit_writer.stop()


async def _anchor_every(app: FastAPI, seconds: float) -> None:
    """Anchor the audit chains now and then: a signed snapshot an administrator can export."""
    while True:
        await asyncio.sleep(seconds)
        try:
            async with app.state.sessionmaker() as session, session.begin():
                await chain.make_anchor(session, app.state.signing_key)
        except Exception as exc:  # the next round tries again; the chain itself is unaffected
            logger.warning("audit anchor not made", extra={"error_type": type(exc).__name__})


def create_app(
    jwks: JwksCache | None = None, *, settings: Settings | None = None, signing_key: SigningKey | None = None
) -> FastAPI:
    settings = settings or Settings()
    key = signing_key or SigningKey.load_or_create(settings.signing_key_path)
    app = create_service_app(
        settings,
        title="Tsunagu gateway",
        # The gateway's own routes, then the SPA for everything else (paths a service owns
        # never get here: the proxy middleware has forwarded them).
        routers=[
            tokens_router,
            sessions_router,
            directory_router,
            audit_router,
            openapi_router,
            statistics_router,
            search_router,
            notifications_router,
            dead_letters_router,
            spa_router,
        ],
        readiness=[database_ready, services_ready],
        readiness_details=[services_details],
        dead_letters=False,  # the gateway sends nothing through an outbox; it shows the services' ones
        jwks=jwks or own_jwks(key),
        on_start=[warm_up, register_at_start, open_pools, start_audit],
        on_stop=[stop_audit, stop_registering, close_pools],
        # Idempotency-Key is the services' business; the gateway passes it on untouched.
        idempotency=False,
        # Inside the request context (events carry the request id) and the body limit; the proxy
        # inside the audit, so that nothing reaches a service before its event is durable.
        middleware=[ProxyMiddleware, AuditMiddleware],
    )
    app.state.signing_key = key
    return app
