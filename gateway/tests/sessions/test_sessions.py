"""Sessions: the refresh cookie keeps a reload signed in, rotates on every use, and ends for good on
reuse, logout, deactivation or an administrator's word."""

from typing import Any

import httpx
from sqlalchemy import update

from gateway.identity.models import StaffUser
from gateway.tests.tokens.test_router import password_token

REFRESH = "/api/v1/auth/refresh"


def cookie_of(response: httpx.Response) -> str:
    (header,) = [v for k, v in response.headers.multi_items() if k == "set-cookie"]
    return header


async def signed_in(client: httpx.AsyncClient, identities: Any, username: str = "csw-test") -> httpx.Response:
    response = await password_token(client, username, identities.password)
    assert response.status_code == 200, response.text
    return response


async def test_sign_in_sets_a_strict_httponly_cookie_on_the_auth_path_only(client, identities) -> None:
    response = await signed_in(client, identities)
    cookie = cookie_of(response).lower()
    assert cookie.startswith("tsunagu_refresh=")
    for attribute in ("httponly", "samesite=strict", "path=/api/v1/auth", "max-age=3600"):
        assert attribute in cookie
    assert "secure" not in cookie  # plain HTTP here; behind TLS it is Secure
    assert response.json()["expires_in"] == 300
    assert response.json()["access_token"] not in cookie


async def test_refresh_rotates_and_a_replayed_token_ends_the_whole_session(client, identities) -> None:
    first = await signed_in(client, identities)
    stolen = client.cookies.get("tsunagu_refresh")
    renewed = await client.post(REFRESH)
    assert renewed.status_code == 200, renewed.text
    assert renewed.json()["access_token"] != first.json()["access_token"]
    current = client.cookies.get("tsunagu_refresh")
    assert current != stolen

    replay = await client.post(REFRESH, cookies={"tsunagu_refresh": stolen})
    assert replay.status_code == 401
    assert replay.json()["type"] == "/problems/session-ended"
    # The real browser's newer token dies with the family.
    assert (await client.post(REFRESH, cookies={"tsunagu_refresh": current})).status_code == 401


async def test_logout_ends_the_session_and_clears_the_cookie(client, identities) -> None:
    await signed_in(client, identities)
    token = client.cookies.get("tsunagu_refresh")
    out = await client.post("/api/v1/auth/logout")
    assert out.status_code == 204
    assert "max-age=0" in cookie_of(out).lower()
    assert (await client.post(REFRESH, cookies={"tsunagu_refresh": token})).status_code == 401


async def test_deactivation_and_a_new_role_take_effect_at_the_next_refresh(
    client, identities, session
) -> None:
    await signed_in(client, identities)
    async with session() as s, s.begin():
        await s.execute(update(StaffUser).where(StaffUser.username == "csw-test").values(role="supervisor"))
    promoted = await client.post(REFRESH)
    me = await client.get(
        "/api/v1/auth/me", headers={"Authorization": f"Bearer {promoted.json()['access_token']}"}
    )
    assert me.json()["role"] == "supervisor"

    async with session() as s, s.begin():
        await s.execute(update(StaffUser).where(StaffUser.username == "csw-test").values(active=False))
    assert (await client.post(REFRESH)).status_code == 401


async def test_an_administrator_lists_and_ends_a_users_sessions(client, identities, bearer) -> None:
    await signed_in(client, identities)
    admin = bearer("admin", username="admin-test")
    listed = await client.get("/api/v1/auth/sessions", params={"username": "csw-test"}, headers=admin)
    assert listed.status_code == 200, listed.text
    (one,) = listed.json()["items"]
    assert one["ended_at"] is None and one["user_agent"]
    assert (
        await client.get("/api/v1/auth/sessions?username=csw-test", headers=bearer("supervisor"))
    ).status_code == 403

    ended = await client.post(f"/api/v1/auth/sessions/{one['id']}/revoke", headers=admin)
    assert ended.status_code == 200
    assert (ended.json()["end_reason"], ended.json()["ended_by"]) == ("revoked", "admin-test")
    assert (await client.post(REFRESH)).status_code == 401
    history = await client.get(
        "/api/v1/auth/sessions", params={"username": "csw-test", "include_ended": "true"}, headers=admin
    )
    assert len(history.json()["items"]) == 1
    missing = await client.get("/api/v1/auth/sessions", params={"username": "nobody"}, headers=admin)
    assert missing.status_code == 404


async def test_no_cookie_or_another_origin_is_refused(client, identities) -> None:
    assert (await client.post(REFRESH)).status_code == 401
    await signed_in(client, identities)
    foreign = await client.post(REFRESH, headers={"Origin": "https://evil.example"})
    assert foreign.status_code == 403
    assert (await client.post(REFRESH, headers={"Origin": "http://test"})).status_code == 200
