"""The demo identities: loadable twice, and every account signs in with the demo password."""

import httpx
import pytest
from sqlalchemy import func, select

from gateway import demo
from gateway.identity import service_clients
from gateway.identity.models import ApiClient, StaffUser
from tsunagu_services.tokens import verify_token

PASSWORD = "demo-pass-for-tests"


async def test_demo_load_is_idempotent_and_accounts_work(client: httpx.AsyncClient, session) -> None:
    for _ in range(2):
        async with session() as s, s.begin():
            await demo.load(s, PASSWORD, {"intake-api": "svc-secret-1"})
    async with session() as s:
        assert await s.scalar(select(func.count()).select_from(StaffUser)) == len(demo.USERS)
        assert set((await s.execute(select(ApiClient.client_id))).scalars()) == {"demo-system", "intake-api"}

    keys = {k["kid"]: k for k in (await client.get("/.well-known/jwks.json")).json()["keys"]}
    token = (
        await client.post(
            "/api/v1/auth/token",
            data={"grant_type": "password", "username": "agency-houkatsu-higashi", "password": PASSWORD},
        )
    ).json()
    agency = verify_token(token["access_token"], keys, issuer="tsunagu-gateway", audience="tsunagu")
    assert agency.role == "agency"
    assert agency.agency_id == demo.HIGASHI_HOUKATSU_AGENCY_ID

    system = (
        await client.post(
            "/api/v1/auth/token",
            data={
                "grant_type": "client_credentials",
                "client_id": "demo-system",
                "client_secret": PASSWORD,
                "scope": "consultations:write",
            },
        )
    ).json()
    assert verify_token(
        system["access_token"], keys, issuer="tsunagu-gateway", audience="tsunagu"
    ).scopes == {"consultations:write"}

    areas = await client.get("/api/v1/areas", headers={"Authorization": f"Bearer {token['access_token']}"})
    assert [a["name"] for a in areas.json()] == ["東", "西", "南", "北"]


def test_service_secrets_are_parsed_strictly() -> None:
    assert service_clients.parse("intake-api=a=b, case-api=c") == {"intake-api": "a=b", "case-api": "c"}
    assert service_clients.parse("") == {}
    for bad in ("intake-api", "=x", "intake-api=", "mystery-api=x"):
        with pytest.raises(ValueError):
            service_clients.parse(bad)
