"""case-api app."""

from fastapi import FastAPI

from case_api.activities.router import router as activities_router
from case_api.agencies.router import router as agencies_router
from case_api.cases.decisions import open_decisions
from case_api.cases.router import router as cases_router
from case_api.consents.router import router as consents_router
from case_api.households.router import router as households_router
from case_api.intake.router import router as intake_router
from case_api.outcomes.router import router as outcomes_router
from case_api.persons.router import router as persons_router
from case_api.plans.router import router as plans_router
from case_api.records.router import router as records_router
from case_api.safety_checks.reminders import Reminders
from case_api.safety_checks.router import router as safety_checks_router
from case_api.settings import Settings
from case_api.shares.router import router as shares_router
from case_api.statistics.router import router as statistics_router
from tsunagu_services import notices
from tsunagu_services.app import create_service_app
from tsunagu_services.auth import JwksCache
from tsunagu_services.outbox import dispatcher_for


def create_app(jwks: JwksCache | None = None, *, deliver_outbox: bool = True) -> FastAPI:
    settings = Settings()

    async def start_outbox(app: FastAPI) -> None:
        # Notices for the staff's inbox, through the gateway (case-api's own token).
        app.state.outbox = dispatcher_for(app, {notices.DESTINATION: settings.gateway_url})
        app.state.reminders = Reminders(
            app.state.sessionmaker, settings.safety_check_reminder_seconds, app.state.outbox.wake
        )
        if deliver_outbox:
            app.state.outbox.start()
            app.state.reminders.start()

    async def stop_outbox(app: FastAPI) -> None:
        await app.state.reminders.stop()
        await app.state.outbox.stop()

    # The intake hand-off comes first: its fixed path must not be read as a case id.
    routers = [intake_router, cases_router, persons_router, households_router, records_router, plans_router]
    routers += [consents_router, shares_router, outcomes_router]
    routers += [agencies_router, safety_checks_router, activities_router, statistics_router]
    return create_service_app(
        settings,
        title="Tsunagu case-api",
        routers=routers,
        jwks=jwks,
        on_start=[open_decisions, start_outbox],
        on_stop=[stop_outbox],
    )
