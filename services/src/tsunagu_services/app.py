"""The app factory every service uses: logging, problems, limits, database, tokens, health."""

from collections.abc import AsyncIterator, Awaitable, Callable, Sequence
from contextlib import asynccontextmanager

from fastapi import APIRouter, FastAPI

from tsunagu_services.auth import JwksCache
from tsunagu_services.db import database_url, make_engine, make_probe_engine, make_sessionmaker
from tsunagu_services.dead_letters import router as dead_letters_router
from tsunagu_services.headers import ResponseHeadersMiddleware
from tsunagu_services.health import (
    ReadinessCheck,
    ReadinessDetail,
    database_ready,
    dead_letters_waiting,
    health_router,
)
from tsunagu_services.http import make_http_client
from tsunagu_services.idempotency import IdempotencyMiddleware
from tsunagu_services.limits import BodySizeLimitMiddleware
from tsunagu_services.logging import RequestContextMiddleware, configure_logging
from tsunagu_services.problems import install_problem_handlers
from tsunagu_services.scopes import documented
from tsunagu_services.settings import ServiceSettings

Hook = Callable[[FastAPI], Awaitable[None]]


def create_service_app(
    settings: ServiceSettings,
    *,
    title: str,
    routers: Sequence[APIRouter],
    readiness: Sequence[ReadinessCheck] = (database_ready,),
    readiness_details: Sequence[ReadinessDetail] = (dead_letters_waiting,),
    jwks: JwksCache | None = None,
    on_start: Sequence[Hook] = (),
    on_stop: Sequence[Hook] = (),
    idempotency: bool = True,
    dead_letters: bool = True,
    middleware: Sequence[type] = (),
) -> FastAPI:
    """Build a service app; `jwks` defaults to the gateway's published keys."""

    @asynccontextmanager
    async def lifespan(app: FastAPI) -> AsyncIterator[None]:
        configure_logging(settings.service_name, settings.log_level)
        url = database_url(settings.database_url, settings.database_name)
        app.state.engine = make_engine(url)
        app.state.probe_engine = make_probe_engine(url)
        app.state.sessionmaker = make_sessionmaker(app.state.engine)
        app.state.http = make_http_client()
        app.state.jwks = jwks or JwksCache.from_url(app.state.http, settings.jwks_url)
        for hook in on_start:
            await hook(app)
        try:
            yield
        finally:
            for hook in on_stop:
                await hook(app)
            await app.state.http.aclose()
            await app.state.engine.dispose()
            await app.state.probe_engine.dispose()

    app = FastAPI(title=title, lifespan=lifespan, openapi_url="/openapi.json", docs_url=None, redoc_url=None)
    app.state.settings = settings
    install_problem_handlers(app)
    if idempotency:
        app.add_middleware(IdempotencyMiddleware)
    # A service's own middleware runs just inside the body limit and the request context,
    # listed innermost first.
    for extra in middleware:
        app.add_middleware(extra)
    app.add_middleware(BodySizeLimitMiddleware, max_bytes=settings.max_body_bytes)
    app.add_middleware(ResponseHeadersMiddleware, hsts=settings.behind_tls)
    app.add_middleware(RequestContextMiddleware)
    app.include_router(health_router(list(readiness), list(readiness_details)))
    for router in routers:
        app.include_router(router)
    if dead_letters:  # refused outbox deliveries, for the gateway's view across the services
        app.include_router(dead_letters_router)
    app.openapi = documented(app)  # type: ignore[method-assign]
    return app
