"""intake-api app."""

from fastapi import FastAPI

from intake_api.consultations.router import router as consultations_router
from intake_api.public_reports.router import router as public_router
from intake_api.settings import Settings
from intake_api.statistics.router import router as statistics_router
from intake_api.triage.router import router as triage_router
from intake_api.triage.service import on_case_opened
from tsunagu_services import notices
from tsunagu_services.app import create_service_app
from tsunagu_services.auth import JwksCache
from tsunagu_services.outbox import dispatcher_for


def create_app(jwks: JwksCache | None = None, *, deliver_outbox: bool = True) -> FastAPI:
    settings = Settings()

    async def start_outbox(app: FastAPI) -> None:
        app.state.outbox = dispatcher_for(
            app,
            {"case": settings.case_url, notices.DESTINATION: settings.gateway_url},
            on_delivered=on_case_opened,
        )
        if deliver_outbox:
            app.state.outbox.start()

    async def stop_outbox(app: FastAPI) -> None:
        await app.state.outbox.stop()

    return create_service_app(
        settings,
        title="Tsunagu intake-api",
        routers=[consultations_router, triage_router, public_router, statistics_router],
        jwks=jwks,
        on_start=[start_outbox],
        on_stop=[stop_outbox],
    )
