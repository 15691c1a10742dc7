"""intake-api app."""

from fastapi import FastAPI

from intake_api.consultations.router import router as consultations_router
from intake_api.settings import Settings
from tsunagu_services.app import create_service_app
from tsunagu_services.auth import JwksCache


def create_app(jwks: JwksCache | None = None) -> FastAPI:
    return create_service_app(Settings(), title="Tsunagu intake-api", routers=[consultations_router],
                              jwks=jwks)
