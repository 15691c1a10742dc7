"""Meetings through meeting-api's own HTTP interface, on a real PostgreSQL."""

import uuid

import httpx
import pytest

from tsunagu_services.testing import TokenFactory

# No room and no participants: these tests schedule many meetings at once, which would clash.
VALID = {
    "title": "12月 支援調整会議",
    "body_type": "shien_chousei",
    "starts_at": "2026-12-10T14:00:00+09:00",
    "ends_at": "2026-12-10T15:30:00+09:00",
    "area": None,
}


def staff(tokens: TokenFactory, role: str, area: str | None = None, username: str | None = None):
    return tokens.headers(role, area=area, username=username or f"{role}-{area}")


async def schedule(client: httpx.AsyncClient, headers: dict[str, str], **fields) -> dict:
    created = await client.post("/api/v1/meetings", json={**VALID, **fields}, headers=headers)
    assert created.status_code == 201, created.text
    return created.json()


def ids(page: httpx.Response) -> list[str]:
    return [m["id"] for m in page.json()["items"]]


@pytest.mark.parametrize(
    ("role", "area"), [("csw", "higashi"), ("sc", "higashi"), ("supervisor", None), ("admin", None)]
)
async def test_staff_schedule_and_read_back(
    client: httpx.AsyncClient, tokens: TokenFactory, role: str, area: str | None
) -> None:
    headers = staff(tokens, role, area)
    meeting = await schedule(client, headers, title="ｺｰﾃﾞｨﾈｰﾀｰ連絡会", body_type="coordinators")
    assert meeting["title"] == "コーディネーター連絡会"
    assert meeting["organiser"] == f"{role}-{area}"
    assert meeting["starts_at"] == "2026-12-10T05:00:00Z"  # stored and answered in UTC
    assert meeting["ends_at"] == "2026-12-10T06:30:00Z"
    assert meeting["status"] == "scheduled" and meeting["sequence"] == 0
    assert meeting["participants"] == [] and meeting["confidential"] is False

    read = await client.get(f"/api/v1/meetings/{meeting['id']}", headers=headers)
    assert read.status_code == 200
    assert read.json() == meeting
    listed = await client.get("/api/v1/meetings", headers=headers)
    assert ids(listed) == [meeting["id"]]
    assert listed.json()["total"] == 1


async def test_area_rule_for_csw_and_sc(client: httpx.AsyncClient, tokens: TokenFactory) -> None:
    supervisor = staff(tokens, "supervisor")
    west = await schedule(client, supervisor, area="nishi")
    citywide = await schedule(client, supervisor, area=None)
    east = await schedule(client, supervisor, area="higashi")
    west_by_east_csw = await schedule(
        client,
        staff(tokens, "csw", "higashi"),
        area="nishi",
        body_type="popup",
        starts_at="2026-12-11T10:00:00+09:00",
        ends_at="2026-12-11T12:00:00+09:00",
    )

    for role in ("csw", "sc"):
        headers = staff(tokens, role, "higashi")
        assert (await client.get(f"/api/v1/meetings/{west['id']}", headers=headers)).status_code == 404
        assert (await client.get(f"/api/v1/meetings/{citywide['id']}", headers=headers)).status_code == 200
        assert (await client.get(f"/api/v1/meetings/{east['id']}", headers=headers)).status_code == 200
        visible = set(ids(await client.get("/api/v1/meetings", headers=headers)))
        assert west["id"] not in visible
        assert {citywide["id"], east["id"]} <= visible
    # The organiser sees their own meeting in another area; the west CSW sees it by area.
    organiser = staff(tokens, "csw", "higashi")
    assert west_by_east_csw["id"] in ids(await client.get("/api/v1/meetings", headers=organiser))
    assert (
        await client.get(f"/api/v1/meetings/{west_by_east_csw['id']}", headers=staff(tokens, "csw", "nishi"))
    ).status_code == 200
    assert (
        await client.get(f"/api/v1/meetings/{west_by_east_csw['id']}", headers=staff(tokens, "sc", "higashi"))
    ).status_code == 404

    assert (await client.get("/api/v1/meetings", headers=supervisor)).json()["total"] == 4


@pytest.mark.parametrize("role", ["agency", "system"])
async def test_roles_without_meeting_rights_cannot_schedule_or_read(
    client: httpx.AsyncClient, tokens: TokenFactory, role: str
) -> None:
    meeting = await schedule(client, staff(tokens, "supervisor"))
    outsider = staff(tokens, role, "higashi")
    assert (await client.post("/api/v1/meetings", json=VALID, headers=outsider)).status_code == 403
    one = await client.get(f"/api/v1/meetings/{meeting['id']}", headers=outsider)
    listed = await client.get("/api/v1/meetings", headers=outsider)
    if role == "system":  # no meetings scope: refused outright
        assert (one.status_code, listed.status_code) == (403, 403)
    else:
        assert one.status_code == 404
        assert listed.json()["total"] == 0


async def test_system_client_reads_with_its_scope(client: httpx.AsyncClient, tokens: TokenFactory) -> None:
    meeting = await schedule(client, staff(tokens, "supervisor"), area="kita")
    reader = tokens.headers("system", username="city-system", scopes=("meetings:read",))
    assert (await client.get(f"/api/v1/meetings/{meeting['id']}", headers=reader)).status_code == 200
    assert ids(await client.get("/api/v1/meetings", headers=reader)) == [meeting["id"]]
    assert (await client.post("/api/v1/meetings", json=VALID, headers=reader)).status_code == 403


async def test_list_filters_on_start_and_pages(client: httpx.AsyncClient, tokens: TokenFactory) -> None:
    headers = staff(tokens, "supervisor")
    nov = await schedule(
        client, headers, starts_at="2026-11-30T23:30:00+09:00", ends_at="2026-12-01T00:30:00+09:00"
    )
    dec = await schedule(
        client, headers, starts_at="2026-12-01T00:00:00+09:00", ends_at="2026-12-01T01:00:00+09:00"
    )
    jan = await schedule(
        client, headers, starts_at="2027-01-05T10:00:00+09:00", ends_at="2027-01-05T11:00:00+09:00"
    )

    assert ids(await client.get("/api/v1/meetings", headers=headers)) == [nov["id"], dec["id"], jan["id"]]
    december = {"from": "2026-12-01T00:00:00+09:00", "to": "2027-01-01T00:00:00+09:00"}
    assert ids(await client.get("/api/v1/meetings", params=december, headers=headers)) == [dec["id"]]
    assert ids(
        await client.get("/api/v1/meetings", params={"from": "2026-11-30T15:00:00Z"}, headers=headers)
    ) == [dec["id"], jan["id"]]
    assert ids(
        await client.get("/api/v1/meetings", params={"to": "2026-11-30T15:00:00Z"}, headers=headers)
    ) == [nov["id"]]
    second = await client.get("/api/v1/meetings", params={"limit": 1, "offset": 1}, headers=headers)
    assert ids(second) == [dec["id"]]
    assert second.json()["total"] == 3


@pytest.mark.parametrize(
    "params",
    [
        {"from": "2026-12-01T00:00:00"},
        {"to": "next week"},
        {"limit": 0},
        {"limit": 201},
        {"offset": -1},
    ],
)
async def test_bad_list_query_is_422(client: httpx.AsyncClient, tokens: TokenFactory, params: dict) -> None:
    response = await client.get("/api/v1/meetings", params=params, headers=staff(tokens, "supervisor"))
    assert response.status_code == 422
    assert response.headers["content-type"] == "application/problem+json"


async def test_idempotency_key_replays(client: httpx.AsyncClient, tokens: TokenFactory) -> None:
    headers = {**staff(tokens, "supervisor"), "Idempotency-Key": str(uuid.uuid4())}
    first = await client.post("/api/v1/meetings", json=VALID, headers=headers)
    again = await client.post("/api/v1/meetings", json=VALID, headers=headers)
    assert first.status_code == again.status_code == 201
    assert again.json() == first.json()
    assert again.headers["idempotent-replayed"] == "true"
    assert (await client.get("/api/v1/meetings", headers=headers)).json()["total"] == 1


BAD_BODIES = [
    pytest.param({**VALID, "ends_at": "2026-12-10T13:00:00+09:00"}, "ends_at", id="ends before it starts"),
    pytest.param({**VALID, "ends_at": VALID["starts_at"]}, "ends_at", id="ends as it starts"),
    pytest.param({**VALID, "ends_at": "2026-12-10T04:30:00Z"}, "ends_at", id="ends before, other zone"),
    pytest.param({**VALID, "body_type": "bogus"}, "body_type", id="unknown body type"),
    pytest.param({**VALID, "body_type": "shien"}, "body_id", id="支援会議 without its body"),
    pytest.param({**VALID, "body_id": "not-a-uuid"}, "body_id", id="body id not a uuid"),
    pytest.param({**VALID, "body_id": "6a1e0c52-0000-4000-8000-000000000001"}, "body_id", id="unknown body"),
    pytest.param({**VALID, "online_url": "javascript:alert(1)"}, "online_url", id="online url not http"),
    pytest.param({**VALID, "participants": ["sup1", "sup1"]}, "participants", id="participant twice"),
    pytest.param({**VALID, "participants": ["統括"]}, "participants", id="participant not a username"),
    pytest.param({**VALID, "confirm_clash": "yes"}, "confirm_clash", id="confirm_clash not a bool"),
    pytest.param({k: v for k, v in VALID.items() if k != "title"}, "title", id="missing title"),
    pytest.param({**VALID, "title": " "}, "title", id="blank title"),
    pytest.param({**VALID, "title": "x" * 201}, "title", id="title too long"),
    pytest.param({**VALID, "place": "x" * 201}, "place", id="place too long"),
    pytest.param({**VALID, "area": "東"}, "area", id="area not a code"),
    pytest.param({**VALID, "starts_at": "2026-12-10T14:00:00"}, "starts_at", id="naive start"),
    pytest.param({k: v for k, v in VALID.items() if k != "ends_at"}, "ends_at", id="missing end"),
    pytest.param({**VALID, "organiser": "sup2"}, "organiser", id="organiser is the caller"),
    pytest.param({**VALID, "nickname": "x"}, "nickname", id="unknown field"),
]


@pytest.mark.parametrize(("body", "field"), BAD_BODIES)
async def test_bad_input_is_a_422_problem_and_writes_nothing(
    client: httpx.AsyncClient, tokens: TokenFactory, body: dict, field: str
) -> None:
    headers = staff(tokens, "supervisor")
    response = await client.post("/api/v1/meetings", json=body, headers=headers)
    assert response.status_code == 422
    assert response.headers["content-type"] == "application/problem+json"
    problem = response.json()
    assert problem["type"] == "/problems/validation"
    assert any(field in err["loc"] for err in problem["errors"])
    assert "input" not in problem["errors"][0]  # submitted values are never echoed
    assert (await client.get("/api/v1/meetings", headers=headers)).json()["total"] == 0


@pytest.mark.parametrize(
    "authorization",
    [
        None,
        "Bearer",
        "Bearer not-a-token",
        "Basic dXNlcjpwYXNz",
        "Bearer a.b.c",
    ],
)
async def test_missing_or_malformed_token_is_401(
    client: httpx.AsyncClient, authorization: str | None
) -> None:
    headers = {"Authorization": authorization} if authorization else {}
    for response in (
        await client.get("/api/v1/meetings", headers=headers),
        await client.get(f"/api/v1/meetings/{uuid.uuid4()}", headers=headers),
        await client.post("/api/v1/meetings", json=VALID, headers=headers),
    ):
        assert response.status_code == 401
        assert response.json()["type"] == "/problems/unauthorized"


async def test_untrusted_or_expired_token_is_401(client: httpx.AsyncClient, tokens: TokenFactory) -> None:
    stranger = TokenFactory()  # a key the service does not trust
    assert (await client.get("/api/v1/meetings", headers=stranger.headers("supervisor"))).status_code == 401
    expired = {"Authorization": f"Bearer {tokens.token('supervisor', ttl=-120)}"}
    assert (await client.get("/api/v1/meetings", headers=expired)).status_code == 401


async def test_unknown_meeting_id_is_404_and_bad_id_is_422(
    client: httpx.AsyncClient, tokens: TokenFactory
) -> None:
    headers = staff(tokens, "supervisor")
    assert (await client.get(f"/api/v1/meetings/{uuid.uuid4()}", headers=headers)).status_code == 404
    assert (await client.get("/api/v1/meetings/not-a-uuid", headers=headers)).status_code == 422
