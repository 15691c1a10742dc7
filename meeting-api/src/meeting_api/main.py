"""meeting-api app."""

from fastapi import FastAPI

from meeting_api.agenda.router import router as agenda_router
from meeting_api.bodies.router import router as bodies_router
from meeting_api.calendar.router import public_router as feed_router
from meeting_api.calendar.router import router as calendar_router
from meeting_api.meetings.router import router as meetings_router
from meeting_api.meetings.router import series_router
from meeting_api.minutes.router import decisions_router
from meeting_api.minutes.router import router as minutes_router
from meeting_api.notifications.router import router as notifications_router
from meeting_api.settings import Settings
from meeting_api.statistics.router import router as statistics_router
from tsunagu_services import notices
from tsunagu_services.app import create_service_app
from tsunagu_services.auth import JwksCache
from tsunagu_services.outbox import dispatcher_for


def create_app(jwks: JwksCache | None = None, *, deliver_outbox: bool = True) -> FastAPI:
    settings = Settings()

    async def start_outbox(app: FastAPI) -> None:
        # Decisions reach case-api with meeting-api's own service token, not a user's.
        app.state.outbox = dispatcher_for(
            app, {"case": settings.case_url, notices.DESTINATION: settings.gateway_url}
        )
        if deliver_outbox:
            app.state.outbox.start()

    async def stop_outbox(app: FastAPI) -> None:
        await app.state.outbox.stop()

    # Fixed paths under /api/v1/meetings/ come before /api/v1/meetings/{meeting_id}.
    routers = [
        notifications_router,
        series_router,
        decisions_router,
        calendar_router,
        feed_router,
        meetings_router,
        agenda_router,
        minutes_router,
        bodies_router,
        statistics_router,
    ]
    return create_service_app(
        settings,
        title="Tsunagu meeting-api",
        routers=routers,
        jwks=jwks,
        on_start=[start_outbox],
        on_stop=[stop_outbox],
    )
