"""The token endpoint, /auth/me and the JWKS, through the gateway's HTTP interface."""

import time
from typing import Any

import httpx
import pytest

from tsunagu_services.tokens import verify_token

TOKEN = "/api/v1/auth/token"


async def password_token(client: httpx.AsyncClient, username: str, password: str) -> httpx.Response:
    return await client.post(
        TOKEN, data={"grant_type": "password", "username": username, "password": password}
    )


async def published_keys(client: httpx.AsyncClient) -> dict:
    jwks = (await client.get("/.well-known/jwks.json")).json()
    return {key["kid"]: key for key in jwks["keys"]}


async def test_password_grant_issues_a_token_that_the_published_key_verifies(
    client: httpx.AsyncClient, identities: Any
) -> None:
    response = await password_token(client, "csw-test", identities.password)
    assert response.status_code == 200, response.text
    assert response.headers["cache-control"] == "no-store"
    body = response.json()
    assert body["token_type"] == "bearer"
    assert body["expires_in"] == 300  # short: the SPA refreshes it with the session cookie

    principal = verify_token(
        body["access_token"], await published_keys(client), issuer="tsunagu-gateway", audience="tsunagu"
    )
    assert principal.sub == str(identities.csw_id)
    assert (principal.username, principal.role, principal.area) == ("csw-test", "csw", "higashi")
    assert principal.display_name == "東 花子"


async def test_token_carries_the_agency_of_an_agency_member(
    client: httpx.AsyncClient, identities: Any
) -> None:
    token = (await password_token(client, "agency-test", identities.password)).json()["access_token"]
    me = (await client.get("/api/v1/auth/me", headers={"Authorization": f"Bearer {token}"})).json()
    assert me["role"] == "agency"
    assert me["agency_id"] == identities.agency_id


@pytest.mark.parametrize(
    ("username", "password"),
    [
        pytest.param("csw-test", "wrong-password", id="wrong password"),
        pytest.param("nobody-here", None, id="unknown user"),
        pytest.param("gone-test", None, id="inactive user"),
        pytest.param("csw-test", "", id="empty password"),
    ],
)
async def test_failed_login_is_uniform_and_slow(
    client: httpx.AsyncClient, identities: Any, username: str, password: str | None
) -> None:
    started = time.monotonic()
    # None stands for the right password: these accounts fail for another reason.
    response = await password_token(client, username, identities.password if password is None else password)
    assert time.monotonic() - started >= 0.3
    assert response.status_code == 400
    assert response.headers["content-type"] == "application/problem+json"
    assert response.json() == {
        "type": "/problems/invalid-grant",
        "title": "ユーザー名またはパスワードが正しくありません。",
        "status": 400,
        "instance": TOKEN,
        "error": "invalid_grant",
    }


async def test_unsupported_grant_type(client: httpx.AsyncClient) -> None:
    response = await client.post(TOKEN, data={"grant_type": "authorization_code", "code": "x"})
    assert response.status_code == 400
    assert response.json()["type"] == "/problems/unsupported-grant-type"
    missing = await client.post(TOKEN, data={"username": "csw-test"})
    assert missing.status_code == 422


async def client_token(client: httpx.AsyncClient, client_id: str, secret: str, scope: str | None = None):
    form = {"grant_type": "client_credentials", "client_id": client_id, "client_secret": secret}
    return await client.post(TOKEN, data=form | ({"scope": scope} if scope is not None else {}))


async def test_client_credentials_grant_all_or_a_subset_of_scopes(
    client: httpx.AsyncClient, identities: Any
) -> None:
    keys = await published_keys(client)
    everything = await client_token(client, "city-system", identities.system_secret)
    assert everything.status_code == 200, everything.text
    assert everything.json()["expires_in"] == 600
    principal = verify_token(
        everything.json()["access_token"], keys, issuer="tsunagu-gateway", audience="tsunagu"
    )
    assert principal.role == "system"
    assert principal.username == "city-system"
    assert principal.scopes == {"consultations:write", "statistics:read"}

    subset = await client_token(client, "city-system", identities.system_secret, scope="statistics:read")
    principal = verify_token(
        subset.json()["access_token"], keys, issuer="tsunagu-gateway", audience="tsunagu"
    )
    assert principal.scopes == {"statistics:read"}


async def test_service_client_is_a_system_with_its_scopes(client: httpx.AsyncClient, identities: Any) -> None:
    response = await client_token(client, "intake-api", identities.service_secret, scope="service")
    me = (
        await client.get(
            "/api/v1/auth/me", headers={"Authorization": f"Bearer {response.json()['access_token']}"}
        )
    ).json()
    assert (me["role"], me["username"], me["scopes"]) == ("system", "intake-api", ["service"])


async def test_client_credentials_refusals(client: httpx.AsyncClient, identities: Any) -> None:
    wrong = await client_token(client, "city-system", "not-the-secret")
    unknown = await client_token(client, "no-such-client", identities.system_secret)
    assert wrong.status_code == unknown.status_code == 400
    assert wrong.json() == unknown.json()
    assert wrong.json()["type"] == "/problems/invalid-grant"

    not_granted = await client_token(
        client, "city-system", identities.system_secret, scope="statistics:read cases:read"
    )
    assert not_granted.status_code == 400
    assert not_granted.json()["type"] == "/problems/invalid-scope"


async def test_me_answers_who_the_token_belongs_to(client: httpx.AsyncClient, identities: Any) -> None:
    token = (await password_token(client, "sup-test", identities.password)).json()["access_token"]
    me = await client.get("/api/v1/auth/me", headers={"Authorization": f"Bearer {token}"})
    assert me.status_code == 200
    body = me.json()
    assert body["username"] == "sup-test"
    assert body["display_name"] == "統括 春子"
    assert body["role"] == "supervisor"
    assert body["area"] is None and body["agency_id"] is None
    assert body["scopes"] == []
    assert set(body) == {"id", "username", "display_name", "role", "area", "agency_id", "scopes"}


@pytest.mark.parametrize("authorization", [None, "Bearer not-a-token", "Basic dXNlcjpwYXNz"])
async def test_me_without_a_valid_token_is_401(client: httpx.AsyncClient, authorization: str | None) -> None:
    headers = {"Authorization": authorization} if authorization else {}
    response = await client.get("/api/v1/auth/me", headers=headers)
    assert response.status_code == 401
    assert response.json()["type"] == "/problems/unauthorized"


async def test_jwks_publishes_only_public_parts(client: httpx.AsyncClient) -> None:
    response = await client.get("/.well-known/jwks.json")
    assert response.status_code == 200
    (key,) = response.json()["keys"]
    assert key["alg"] == "ES256" and key["kty"] == "EC" and key["kid"]
    assert "d" not in key
