"""Community activities (地域づくり活動) and the workload split through case-api's HTTP interface."""

from datetime import UTC, datetime, timedelta

import httpx
import pytest

from tsunagu_services.testing import TokenFactory

Headers = dict[str, str]
EVENT = {
    "kind": "small_area",
    "date": "2025-10-05",
    "minutes_spent": 90,
    "title": "東町サロン（茶話会）",
    "participants": 18,
}


def east(tokens: TokenFactory) -> Headers:
    return tokens.headers("csw", area="higashi", username="csw-higashi")


def east_colleague(tokens: TokenFactory) -> Headers:
    return tokens.headers("csw", area="higashi", username="csw-higashi-2")


def west(tokens: TokenFactory) -> Headers:
    return tokens.headers("csw", area="nishi", username="csw-nishi")


def sup(tokens: TokenFactory) -> Headers:
    return tokens.headers("supervisor", username="sup1")


async def log(client: httpx.AsyncClient, headers: Headers, **fields: object) -> dict:
    created = await client.post("/api/v1/activities", json={**EVENT, **fields}, headers=headers)
    assert created.status_code == 201, created.text
    return created.json()


async def count(client: httpx.AsyncClient, tokens: TokenFactory) -> int:
    return (await client.get("/api/v1/activities", headers=sup(tokens))).json()["total"]


async def test_a_csw_logs_their_own_activity(client: httpx.AsyncClient, tokens: TokenFactory) -> None:
    created = await client.post(
        "/api/v1/activities", json={**EVENT, "title": "東町サロン　第２回"}, headers=east(tokens)
    )
    assert created.status_code == 201, created.text
    activity = created.json()
    assert activity["csw"] == "csw-higashi"
    assert activity["area"] == "higashi"
    assert activity["title"] == "東町サロン 第2回"
    assert activity["created_by"] == "csw-higashi"
    assert created.headers["etag"] == 'W/"1"'
    read = await client.get(f"/api/v1/activities/{activity['id']}", headers=east(tokens))
    assert read.json() == activity

    for fields in ({"csw": "csw-nishi"}, {"area": "nishi"}):
        refused = await client.post("/api/v1/activities", json={**EVENT, **fields}, headers=east(tokens))
        assert refused.status_code == 403
    # A supervisor logs for a named CSW (say, from a paper sheet) and must name them.
    assert (await client.post("/api/v1/activities", json=EVENT, headers=sup(tokens))).status_code == 422
    on_behalf = await log(client, sup(tokens), csw="csw-kita", area="kita")
    assert (on_behalf["csw"], on_behalf["area"], on_behalf["created_by"]) == ("csw-kita", "kita", "sup1")
    for headers in (
        tokens.headers("agency", username="agency-houkatsu-higashi", area="higashi"),
        tokens.headers("sc", username="sc-higashi", area="higashi"),
        tokens.headers("system", username="city", scopes=("service",)),
        tokens.headers("csw", username="csw-floating"),
    ):
        assert (await client.post("/api/v1/activities", json=EVENT, headers=headers)).status_code == 403
    assert await count(client, tokens) == 2


async def test_who_sees_which_activities(client: httpx.AsyncClient, tokens: TokenFactory) -> None:
    mine = await log(client, east(tokens))
    colleague = await log(client, east_colleague(tokens), date="2025-11-02")
    western = await log(client, west(tokens))

    async def ids(headers: Headers, query: str = "") -> list[str]:
        listed = await client.get(f"/api/v1/activities{query}", headers=headers)
        assert listed.status_code == 200, listed.text
        return [a["id"] for a in listed.json()["items"]]

    assert set(await ids(east(tokens))) == {mine["id"], colleague["id"]}
    assert await ids(west(tokens)) == [western["id"]]
    assert set(await ids(sup(tokens))) == {mine["id"], colleague["id"], western["id"]}
    assert await ids(sup(tokens), "?month=2025-11") == [colleague["id"]]
    assert set(await ids(sup(tokens), "?month=2025-10")) == {mine["id"], western["id"]}
    assert await ids(sup(tokens), "?csw=csw-nishi") == [western["id"]]
    assert (await client.get(f"/api/v1/activities/{mine['id']}", headers=west(tokens))).status_code == 404
    agency = tokens.headers("agency", username="agency-houkatsu-higashi", area="higashi")
    assert (await client.get("/api/v1/activities", headers=agency)).status_code == 403
    assert (await client.get(f"/api/v1/activities/{mine['id']}", headers=agency)).status_code == 404


async def test_author_or_supervisor_edits_with_if_match(
    client: httpx.AsyncClient, tokens: TokenFactory
) -> None:
    activity = await log(client, east(tokens))
    url = f"/api/v1/activities/{activity['id']}"
    assert (await client.patch(url, json={"minutes_spent": 120}, headers=east(tokens))).status_code == 428
    changed = await client.patch(
        url,
        json={"minutes_spent": 120, "note": "民生委員3名参加"},
        headers={**east(tokens), "If-Match": '"1"'},
    )
    assert changed.status_code == 200, changed.text
    assert changed.json()["minutes_spent"] == 120
    assert changed.json()["version"] == 2
    assert (
        await client.patch(url, json={"minutes_spent": 60}, headers={**sup(tokens), "If-Match": '"1"'})
    ).status_code == 412
    # A colleague of the same area sees it but may not change it.
    assert (
        await client.patch(
            url, json={"minutes_spent": 60}, headers={**east_colleague(tokens), "If-Match": '"2"'}
        )
    ).status_code == 403
    assert (
        await client.patch(url, json={"minutes_spent": 60}, headers={**west(tokens), "If-Match": '"2"'})
    ).status_code == 404
    by_supervisor = await client.patch(
        url, json={"kind": "event"}, headers={**sup(tokens), "If-Match": '"2"'}
    )
    assert by_supervisor.status_code == 200
    assert by_supervisor.json()["kind"] == "event"
    for bad in (
        {"minutes_spent": None},
        {"minutes_spent": 0},
        {"title": None},
        {"csw": "csw-nishi"},
        {"date": "2099-01-01"},
    ):
        answer = await client.patch(url, json=bad, headers={**sup(tokens), "If-Match": '"3"'})
        assert answer.status_code == 422
    assert (await client.get(url, headers=sup(tokens))).json()["version"] == 3


def tomorrow() -> str:
    return (datetime.now(UTC) + timedelta(days=2)).date().isoformat()


BAD_ACTIVITIES = [
    ({**EVENT, "minutes_spent": 0}, "minutes_spent"),
    ({**EVENT, "minutes_spent": 1441}, "minutes_spent"),
    ({**EVENT, "minutes_spent": "an hour"}, "minutes_spent"),
    ({**EVENT, "title": ""}, "title"),
    ({**EVENT, "title": "あ" * 201}, "title"),
    ({**EVENT, "kind": "party"}, "kind"),
    ({**EVENT, "date": "2025-02-30"}, "date"),
    ({**EVENT, "date": "1999-12-31"}, "date"),
    ({**EVENT, "date": tomorrow()}, "date"),
    ({**EVENT, "participants": -1}, "participants"),
    ({**EVENT, "note": "あ" * 4001}, "note"),
    ({**EVENT, "version": 2}, "version"),
    ({k: v for k, v in EVENT.items() if k != "date"}, "date"),
]


@pytest.mark.parametrize(("body", "field"), BAD_ACTIVITIES)
async def test_bad_activity_is_422_and_writes_nothing(
    client: httpx.AsyncClient, tokens: TokenFactory, body: dict, field: str
) -> None:
    answer = await client.post("/api/v1/activities", json=body, headers=east(tokens))
    assert answer.status_code == 422, answer.text
    assert any(field in error["loc"] for error in answer.json()["errors"]), answer.json()
    assert await count(client, tokens) == 0


async def open_case(client: httpx.AsyncClient, tokens: TokenFactory, area: str, lead: str) -> str:
    body = {"title": "ケース", "area": area, "lead_username": lead}
    created = await client.post("/api/v1/cases", json=body, headers=sup(tokens))
    assert created.status_code == 201, created.text
    return created.json()["id"]


async def record(
    client: httpx.AsyncClient, headers: Headers, case_id: str, occurred_at: str, minutes: int
) -> None:
    written = await client.post(
        f"/api/v1/cases/{case_id}/records",
        headers=headers,
        json={"kind": "visit", "occurred_at": occurred_at, "minutes_spent": minutes, "text": "訪問。"},
    )
    assert written.status_code == 201, written.text


async def workload_fixture(client: httpx.AsyncClient, tokens: TokenFactory) -> None:
    """October 2025, by hand: see the expected figures in the test below."""
    east_case = await open_case(client, tokens, "higashi", "csw-higashi")
    minami_case = await open_case(client, tokens, "minami", "csw-higashi")
    west_case = await open_case(client, tokens, "nishi", "csw-nishi")
    await record(client, east(tokens), east_case, "2025-10-01T00:00:00+09:00", 15)  # Oct's first minute
    await record(client, east(tokens), east_case, "2025-10-31T23:30:00+09:00", 45)
    await record(client, east(tokens), east_case, "2025-11-01T00:10:00+09:00", 20)  # Nov in Tokyo, Oct in UTC
    await record(client, east(tokens), minami_case, "2025-10-21T14:00:00+09:00", 30)  # counts in minami
    await record(client, west(tokens), west_case, "2025-10-20T10:00:00+09:00", 90)
    await log(client, east(tokens), kind="event", date="2025-10-05", minutes_spent=60)
    await log(client, east(tokens), kind="small_area", date="2025-10-31", minutes_spent=90)
    await log(client, east(tokens), kind="network", date="2025-11-01", minutes_spent=30)  # November
    await log(client, west(tokens), kind="network", date="2025-10-10", minutes_spent=30)
    await log(
        client,
        sup(tokens),
        kind="sc_coordination",
        date="2025-10-15",
        minutes_spent=120,
        csw="csw-minami",
        area="minami",
    )


def row(individual: int, community: int, ratio: float | None) -> dict:
    return {
        "individual_minutes": individual,
        "community_minutes": community,
        "total_minutes": individual + community,
        "community_ratio": ratio,
    }


async def test_workload_split_per_csw_and_area(client: httpx.AsyncClient, tokens: TokenFactory) -> None:
    await workload_fixture(client, tokens)
    answer = await client.get("/api/v1/activities/workload?month=2025-10", headers=sup(tokens))
    assert answer.status_code == 200, answer.text
    split = answer.json()
    assert split["month"] == "2025-10"
    assert split["individual_source"] is True
    assert split["by_csw"] == [
        {"csw": "csw-higashi", **row(15 + 45 + 30, 60 + 90, 0.625)},
        {"csw": "csw-minami", **row(0, 120, 1.0)},
        {"csw": "csw-nishi", **row(90, 30, 0.25)},
    ]
    assert split["by_area"] == [
        {"area": "higashi", **row(60, 150, 0.7143)},
        {"area": "minami", **row(30, 120, 0.8)},
        {"area": "nishi", **row(90, 30, 0.25)},
    ]

    east_only = (
        await client.get("/api/v1/activities/workload?month=2025-10&area=higashi", headers=sup(tokens))
    ).json()
    assert east_only["by_csw"] == [{"csw": "csw-higashi", **row(60, 150, 0.7143)}]
    assert east_only["by_area"] == [{"area": "higashi", **row(60, 150, 0.7143)}]

    november = (await client.get("/api/v1/activities/workload?month=2025-11", headers=sup(tokens))).json()
    assert november["by_csw"] == [{"csw": "csw-higashi", **row(20, 30, 0.6)}]
    empty = (await client.get("/api/v1/activities/workload?month=2024-01", headers=sup(tokens))).json()
    assert (empty["by_csw"], empty["by_area"]) == ([], [])

    # A CSW sees their own row only, never colleagues' time.
    own = (await client.get("/api/v1/activities/workload?month=2025-10", headers=east(tokens))).json()
    assert own["by_csw"] == [{"csw": "csw-higashi", **row(90, 150, 0.625)}]
    assert own["by_area"] == []


@pytest.mark.parametrize(
    "query",
    ["", "?month=2025-13", "?month=2025-1", "?month=October", "?month=2025-10&area=東", "?month=0000-01"],
)
async def test_bad_workload_query_is_422(client: httpx.AsyncClient, tokens: TokenFactory, query: str) -> None:
    assert (await client.get(f"/api/v1/activities/workload{query}", headers=sup(tokens))).status_code == 422


async def test_workload_is_for_staff(client: httpx.AsyncClient, tokens: TokenFactory) -> None:
    for headers in (
        tokens.headers("agency", username="agency-houkatsu-higashi", area="higashi"),
        tokens.headers("sc", username="sc-higashi", area="higashi"),
        tokens.headers("system", username="city", scopes=("cases:read",)),
    ):
        answer = await client.get("/api/v1/activities/workload?month=2025-10", headers=headers)
        assert answer.status_code == 403
    statistics = tokens.headers("system", username="city", scopes=("statistics:read",))
    answer = await client.get("/api/v1/activities/workload?month=2025-10", headers=statistics)
    assert answer.status_code == 200
