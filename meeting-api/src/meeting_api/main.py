"""meeting-api app."""

from fastapi import FastAPI

from meeting_api.meetings.router import router as meetings_router
from meeting_api.settings import Settings
from tsunagu_services.app import create_service_app
from tsunagu_services.auth import JwksCache


def create_app(jwks: JwksCache | None = None) -> FastAPI:
    return create_service_app(Settings(), title="Tsunagu meeting-api", routers=[meetings_router],
                              jwks=jwks)
