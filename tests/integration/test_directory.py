"""The staff directory through the gateway under races: identical additions at once make one user,
and of identical changes with the same If-Match exactly one wins."""

import asyncio
import uuid

import httpx


async def test_ten_identical_additions_at_once_make_one_user(gateway: httpx.AsyncClient, login) -> None:
    admin = await login("admin")
    username = f"csw-{uuid.uuid4().hex[:8]}"
    body = {
        "username": username,
        "display_name": "並行 太郎",
        "display_kana": "へいこう たろう",
        "role": "csw",
        "area": "kita",
        "password": "heikou-pasuwaado-10",
    }
    answers = await asyncio.gather(
        *(gateway.post("/api/v1/users", json=body, headers=admin) for _ in range(10))
    )
    assert sorted(a.status_code for a in answers) == [201] + [409] * 9
    found = await gateway.get("/api/v1/users", params={"q": "へいこう"}, headers=await login("csw-kita"))
    assert [u["username"] for u in found.json()["items"]].count(username) == 1

    created = next(a for a in answers if a.status_code == 201)
    url = f"/api/v1/users/{created.json()['id']}"
    tag = created.headers["ETag"]
    changes = await asyncio.gather(
        *(
            gateway.patch(url, json={"display_name": f"並行 {i}郎"}, headers=admin | {"If-Match": tag})
            for i in range(5)
        )
    )
    assert sorted(c.status_code for c in changes) == [200, 412, 412, 412, 412]
    final = await gateway.get(url, headers=admin)
    assert final.json()["version"] == 2


async def test_every_demo_member_of_staff_has_a_japanese_name_and_kana(
    gateway: httpx.AsyncClient, login
) -> None:
    listed = await gateway.get("/api/v1/users", params={"limit": 200}, headers=await login("sup1"))
    demo = [
        u
        for u in listed.json()["items"]
        if u["username"] in {"sup1", "csw-higashi", "agency-houkatsu-higashi"}
    ]
    assert len(demo) == 3
    assert all(u["display_kana"] and u["display_name"] != u["username"] for u in demo)
