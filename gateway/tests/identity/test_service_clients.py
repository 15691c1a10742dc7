"""The services' clients come from the gateway's own setting in every deployment, not the demo data."""

import asyncio
from pathlib import Path

import httpx
import pytest
from pydantic import SecretStr
from sqlalchemy import select

from gateway.identity.models import ApiClient
from gateway.main import create_app
from gateway.settings import Settings
from tsunagu_services import testing

ALEMBIC_INI = Path(__file__).parents[2] / "alembic.ini"


async def service_token(client: httpx.AsyncClient, client_id: str, secret: str) -> httpx.Response:
    return await client.post(
        "/api/v1/auth/token",
        data={"grant_type": "client_credentials", "client_id": client_id, "client_secret": secret},
    )


async def test_the_gateway_registers_the_service_clients_it_is_given(settings: Settings) -> None:
    # A database of its own: these rows are committed, as in production.
    name = await testing.create_database("test_gateway_clients")
    try:
        testing.migrate(ALEMBIC_INI, name)
        given = settings.model_copy(
            update={"database_name": name, "service_secrets": SecretStr("case-api=rotated-1,meeting-api=m-2")}
        )
        app = create_app(settings=given)
        async with app.router.lifespan_context(app):
            await asyncio.wait_for(app.state.service_clients, 10)
            transport = httpx.ASGITransport(app=app)
            async with httpx.AsyncClient(transport=transport, base_url="http://t") as client:
                assert (await service_token(client, "case-api", "rotated-1")).status_code == 200
                assert (await service_token(client, "meeting-api", "m-2")).status_code == 200
                assert (await service_token(client, "case-api", "m-2")).status_code in (400, 401)
                # Not given, not registered.
                assert (await service_token(client, "intake-api", "rotated-1")).status_code in (400, 401)
            async with app.state.sessionmaker() as session:
                rows = (await session.execute(select(ApiClient.client_id, ApiClient.kind))).all()
        assert sorted(rows) == [("case-api", "service"), ("meeting-api", "service")]
    finally:
        await testing.drop_database(name)


async def test_a_malformed_setting_stops_the_start(settings: Settings) -> None:
    app = create_app(settings=settings.model_copy(update={"service_secrets": SecretStr("case-api")}))
    with pytest.raises(ValueError, match="TSUNAGU_SERVICE_SECRETS"):
        async with app.router.lifespan_context(app):
            pass
