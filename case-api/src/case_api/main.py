"""case-api app."""

from fastapi import FastAPI

from case_api.cases.router import router as cases_router
from case_api.settings import Settings
from tsunagu_services.app import create_service_app
from tsunagu_services.auth import JwksCache


def create_app(jwks: JwksCache | None = None) -> FastAPI:
    return create_service_app(Settings(), title="Tsunagu case-api", routers=[cases_router], jwks=jwks)
