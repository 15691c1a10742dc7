"""The inbox: an event from a service is filed once per active recipient (by name, role or agency),
never twice however often it is delivered, and each member of staff reads and marks only their own."""

from typing import Any

import httpx

from gateway.tests.conftest import PASSWORD

EVENT = {
    "event_key": "e-1",
    "kind": "case_shared",
    "text": "ケース「小金井さん世帯」が共有されました。",
    "link": "/cases/0b0c0000-0000-4000-8000-00000000000a",
    "to": {"usernames": ["csw-test"], "roles": ["supervisor"], "agency_ids": [], "except_username": None},
}


async def as_user(client: httpx.AsyncClient, username: str) -> dict[str, str]:
    answer = await client.post(
        "/api/v1/auth/token", data={"grant_type": "password", "username": username, "password": PASSWORD}
    )
    assert answer.status_code == 200, answer.text
    return {"Authorization": f"Bearer {answer.json()['access_token']}"}


async def test_only_our_services_file_events(client: httpx.AsyncClient, identities: Any, bearer) -> None:
    for headers in (bearer("system", "city-system"), bearer("supervisor", "sup-test"), {}):
        answer = await client.post("/api/v1/notifications/deliveries", json=EVENT, headers=headers)
        assert answer.status_code in (401, 403), headers


async def test_delivered_twice_filed_once(client: httpx.AsyncClient, identities: Any, service_bearer) -> None:
    for expected in (2, 0):  # csw-test by name, sup-test as a supervisor; the retry files nothing
        answer = await client.post("/api/v1/notifications/deliveries", json=EVENT, headers=service_bearer)
        assert answer.status_code == 200, answer.text
        assert answer.json() == {"filed": expected}
    agency = EVENT | {
        "event_key": "e-2",
        "to": {"agency_ids": [identities.agency_id], "usernames": ["gone-test"]},
    }
    filed = await client.post("/api/v1/notifications/deliveries", json=agency, headers=service_bearer)
    assert filed.json() == {"filed": 1}  # the agency's member; a former member of staff never

    csw = await as_user(client, "csw-test")
    inbox = (await client.get("/api/v1/notifications", headers=csw)).json()
    assert inbox["unread"] == 1 and [n["text"] for n in inbox["items"]] == [EVENT["text"]]
    notice_id = inbox["items"][0]["id"]
    sup = await as_user(client, "sup-test")
    assert (await client.post(f"/api/v1/notifications/{notice_id}/read", headers=sup)).status_code == 404
    read = await client.post(f"/api/v1/notifications/{notice_id}/read", headers=csw)
    assert read.status_code == 200 and read.json()["read_at"] is not None
    assert (await client.get("/api/v1/notifications", headers=csw)).json()["unread"] == 0
    assert (await client.post("/api/v1/notifications/read-all", headers=sup)).json() == {"marked": 1}


async def test_the_actor_is_not_told(client: httpx.AsyncClient, identities: Any, service_bearer) -> None:
    event = EVENT | {"event_key": "e-3", "to": {"usernames": ["csw-test"], "except_username": "csw-test"}}
    answer = await client.post("/api/v1/notifications/deliveries", json=event, headers=service_bearer)
    assert answer.json() == {"filed": 0}


async def test_bad_events_are_422_and_system_clients_have_no_inbox(
    client: httpx.AsyncClient, identities: Any, service_bearer, bearer
) -> None:
    for bad in (
        EVENT | {"kind": "gossip"},
        EVENT | {"link": "https://evil.example/"},
        EVENT | {"to": {"usernames": ["x"], "everyone": True}},
        {k: v for k, v in EVENT.items() if k != "event_key"},
    ):
        answer = await client.post("/api/v1/notifications/deliveries", json=bad, headers=service_bearer)
        assert answer.status_code == 422, bad
    assert (await client.get("/api/v1/notifications", headers=bearer("system"))).status_code == 403
