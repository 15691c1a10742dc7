"""The staff directory: search by name or kana in either script, agency members see their colleagues
only, names resolve for anyone signed in, and administrators add, change and deactivate staff."""

from typing import Any

import httpx
import pytest

from gateway.tests.conftest import PASSWORD

NEW_USER = {
    "username": "csw-chuo",
    "display_name": "中央 次郎",
    "display_kana": "ちゅうおう じろう",
    "role": "csw",
    "area": "higashi",
    "password": "hajime-no-pasuwaado-1",
}


async def sign_in(client: httpx.AsyncClient, username: str, password: str = PASSWORD) -> dict[str, str]:
    answer = await client.post(
        "/api/v1/auth/token", data={"grant_type": "password", "username": username, "password": password}
    )
    assert answer.status_code == 200, answer.text
    return {"Authorization": f"Bearer {answer.json()['access_token']}"}


async def usernames(client: httpx.AsyncClient, headers: dict, **params: Any) -> list[str]:
    answer = await client.get("/api/v1/users", params=params, headers=headers)
    assert answer.status_code == 200, answer.text
    return [u["username"] for u in answer.json()["items"]]


async def test_search_by_name_kana_in_either_script_or_username(
    client: httpx.AsyncClient, identities: Any, bearer
) -> None:
    admin = bearer("admin", "admin-test")
    created = await client.post("/api/v1/users", json=NEW_USER, headers=admin)
    assert created.status_code == 201, created.text
    csw = bearer("csw", "csw-test", "higashi")
    for q in ("ちゅうおう", "チュウオウ", "ﾁｭｳｵｳ", "中央 次郎", "csw-chuo", "CSW-CHUO"):
        assert await usernames(client, csw, q=q) == ["csw-chuo"], q
    assert set(await usernames(client, csw)) == {"csw-test", "sup-test", "agency-test", "csw-chuo"}
    assert await usernames(client, csw, role="supervisor") == ["sup-test"]
    assert await usernames(client, csw, q="100%_\\") == []  # LIKE's wildcards are plain text
    # Former staff: administrators only.
    assert "gone-test" not in await usernames(client, csw, include_inactive=True)
    assert "gone-test" in await usernames(client, admin, include_inactive=True)


async def test_agency_members_see_only_their_colleagues_but_resolve_every_name(
    client: httpx.AsyncClient, identities: Any
) -> None:
    agency = await sign_in(client, "agency-test")
    assert await usernames(client, agency) == ["agency-test"]
    names = await client.get(
        "/api/v1/users/names", params={"username": ["csw-test", "gone-test", "nobody"]}, headers=agency
    )
    assert names.status_code == 200
    assert names.json() == [
        {"username": "csw-test", "display_name": "東 花子", "active": True},
        {"username": "gone-test", "display_name": "退職 太郎", "active": False},
    ]
    other = await client.get(f"/api/v1/users/{identities.csw_id}", headers=agency)
    assert other.status_code == 404  # not a colleague: as if not there


async def test_only_administrators_change_the_directory(
    client: httpx.AsyncClient, identities: Any, bearer
) -> None:
    for role in ("supervisor", "csw", "agency"):
        assert (await client.post("/api/v1/users", json=NEW_USER, headers=bearer(role))).status_code == 403
    system = await client.post(
        "/api/v1/auth/token",
        data={
            "grant_type": "client_credentials",
            "client_id": "city-system",
            "client_secret": identities.system_secret,
            "scope": "statistics:read",
        },
    )
    listed = await client.get(
        "/api/v1/users", headers={"Authorization": f"Bearer {system.json()['access_token']}"}
    )
    assert listed.status_code == 403 and listed.json()["scope"] == "users:read"


async def test_a_taken_username_is_409(client: httpx.AsyncClient, identities: Any, bearer) -> None:
    admin = bearer("admin", "admin-test")
    assert (await client.post("/api/v1/users", json=NEW_USER, headers=admin)).status_code == 201
    again = await client.post("/api/v1/users", json=NEW_USER | {"display_name": "別人"}, headers=admin)
    assert again.status_code == 409 and again.json()["type"] == "/problems/username-taken"
    assert await usernames(client, admin, q="別人") == []


@pytest.mark.parametrize(
    ("change", "field"),
    [
        ({"role": "agency"}, "agency_id"),  # an agency member needs an agency
        ({"agency_id": "0b0c0000-0000-4000-8000-000000000001"}, "agency_id"),  # a CSW has none
        ({"area": "nowhere"}, "area"),
        ({"area": None}, "area"),  # a CSW works in an area
        ({"display_name": None}, "display_name"),
    ],
)
async def test_a_change_that_breaks_a_rule_is_422_and_changes_nothing(
    client: httpx.AsyncClient, identities: Any, bearer, change: dict, field: str
) -> None:
    admin = bearer("admin", "admin-test")
    before = await client.get(f"/api/v1/users/{identities.csw_id}", headers=admin)
    answer = await client.patch(
        f"/api/v1/users/{identities.csw_id}",
        json=change,
        headers=admin | {"If-Match": before.headers["ETag"]},
    )
    assert answer.status_code == 422, answer.text
    assert answer.json()["errors"][0]["loc"][-1] == field
    after = await client.get(f"/api/v1/users/{identities.csw_id}", headers=admin)
    assert after.json() == before.json()


async def test_deactivation_needs_if_match_and_ends_the_sessions(
    client: httpx.AsyncClient, identities: Any, bearer
) -> None:
    admin = bearer("admin", "admin-test")
    await sign_in(client, "csw-test")  # a session with its refresh cookie
    url = f"/api/v1/users/{identities.csw_id}"
    assert (await client.patch(url, json={"active": False}, headers=admin)).status_code == 428
    stale = await client.patch(url, json={"active": False}, headers=admin | {"If-Match": '"99"'})
    assert stale.status_code == 412
    current = (await client.get(url, headers=admin)).headers["ETag"]
    done = await client.patch(url, json={"active": False}, headers=admin | {"If-Match": current})
    assert done.status_code == 200 and done.json()["active"] is False
    assert done.headers["ETag"] != current
    assert (await client.post("/api/v1/auth/refresh")).status_code == 401
    refused = await client.post(
        "/api/v1/auth/token", data={"grant_type": "password", "username": "csw-test", "password": PASSWORD}
    )
    assert refused.status_code == 400


async def test_an_administrator_cannot_lock_themselves_out(
    client: httpx.AsyncClient, identities: Any, bearer
) -> None:
    created = await client.post(
        "/api/v1/users",
        json={
            "username": "admin-2",
            "display_name": "管理 二郎",
            "role": "admin",
            "password": "kanri-pasu-0001",
        },
        headers=bearer("admin", "admin-test"),
    )
    assert created.status_code == 201, created.text
    me = await sign_in(client, "admin-2", "kanri-pasu-0001")
    url = f"/api/v1/users/{created.json()['id']}"
    for change in ({"active": False}, {"role": "supervisor"}):
        answer = await client.patch(url, json=change, headers=me | {"If-Match": created.headers["ETag"]})
        assert answer.status_code == 409 and answer.json()["type"] == "/problems/own-administrator-account"


async def test_a_password_reset_ends_the_sessions_and_the_new_one_works(
    client: httpx.AsyncClient, identities: Any, bearer
) -> None:
    admin = bearer("admin", "admin-test")
    await sign_in(client, "csw-test")
    url = f"/api/v1/users/{identities.csw_id}/password"
    assert (await client.post(url, json={"password": "short"}, headers=admin)).status_code == 422
    assert (
        await client.post(url, json={"password": "atarashii-pasu-2026"}, headers=admin)
    ).status_code == 204
    assert (await client.post("/api/v1/auth/refresh")).status_code == 401
    await sign_in(client, "csw-test", "atarashii-pasu-2026")


async def test_areas_are_added_once_and_renamed_with_if_match(
    client: httpx.AsyncClient, identities: Any, bearer
) -> None:
    admin = bearer("admin", "admin-test")
    chuo = {"code": "chuo", "name": "中央"}
    assert (await client.post("/api/v1/areas", json=chuo, headers=admin)).status_code == 201
    taken = await client.post("/api/v1/areas", json=chuo, headers=admin)
    assert taken.status_code == 409 and taken.json()["type"] == "/problems/area-code-taken"
    bad = await client.post("/api/v1/areas", json={"code": "Chuo!", "name": "x"}, headers=admin)
    assert bad.status_code == 422
    assert (await client.patch("/api/v1/areas/chuo", json={"name": "中部"}, headers=admin)).status_code == 428
    renamed = await client.patch(
        "/api/v1/areas/chuo", json={"name": "中部"}, headers=admin | {"If-Match": '"1"'}
    )
    assert renamed.status_code == 200 and renamed.json()["name"] == "中部"
    csw = bearer("csw", "csw-test", "higashi")
    assert (await client.patch("/api/v1/areas/chuo", json={"name": "x"}, headers=csw)).status_code == 403
