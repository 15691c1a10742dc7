"""The agency directory (関係機関) and role division (役割分担) through case-api's HTTP interface."""

from collections.abc import Callable

import httpx
import pytest

from case_api.demo import HIGASHI_HOUKATSU_ID, load_agencies
from tsunagu_services.testing import TokenFactory

Headers = dict[str, str]
HIGASHI = str(HIGASHI_HOUKATSU_ID)
NEW_AGENCY = {
    "name": "ＮＰＯ法人　こがねい食支援",
    "kind": "npo",
    "area": "kita",
    "functions": ["フードバンク", "配食", "フードバンク"],
    "can_do": "食料品の緊急提供（月2回まで）。",
    "contacts": [{"name": "青木 優", "role": "理事", "phone": "０４２－０００－９９９９"}],
    "partner_participation": True,
}


def east(tokens: TokenFactory) -> Headers:
    return tokens.headers("csw", area="higashi", username="csw-higashi")


def west(tokens: TokenFactory) -> Headers:
    return tokens.headers("csw", area="nishi", username="csw-nishi")


def sup(tokens: TokenFactory) -> Headers:
    return tokens.headers("supervisor", username="sup1")


def agency_member(tokens: TokenFactory) -> Headers:
    return tokens.headers("agency", area="higashi", username="agency-houkatsu-higashi", agency_id=HIGASHI)


async def load_demo(client: httpx.AsyncClient) -> None:
    """The demo directory, inside the test's rolled-back transaction."""
    app = client._transport.app  # type: ignore[attr-defined]
    async with app.state.sessionmaker() as session, session.begin():
        await load_agencies(session)


async def names(client: httpx.AsyncClient, headers: Headers, query: str = "") -> list[str]:
    listed = await client.get(f"/api/v1/agencies{query}", headers=headers)
    assert listed.status_code == 200, listed.text
    return [a["name"] for a in listed.json()["items"]]


async def test_demo_directory_has_the_gateways_agency_and_loads_idempotently(
    client: httpx.AsyncClient, tokens: TokenFactory
) -> None:
    await load_demo(client)
    await load_demo(client)  # a second run changes nothing
    read = await client.get(f"/api/v1/agencies/{HIGASHI}", headers=agency_member(tokens))
    assert read.status_code == 200
    assert read.json()["name"] == "東地域包括支援センター"
    assert read.json()["kind"] == "houkatsu"
    assert read.json()["version"] == 1
    listed = (await client.get("/api/v1/agencies", headers=east(tokens))).json()
    assert listed["total"] == 13
    assert {a["version"] for a in listed["items"]} == {1}


async def test_directory_filters(client: httpx.AsyncClient, tokens: TokenFactory) -> None:
    await load_demo(client)
    houkatsu = (await client.get("/api/v1/agencies?kind=houkatsu", headers=east(tokens))).json()["items"]
    assert sorted(a["area"] for a in houkatsu) == ["higashi", "kita", "minami", "nishi"]
    operators = {a["can_do"].split("。")[0] for a in houkatsu}
    assert len(operators) == 4  # each run by a different operator

    east_area = await names(client, east(tokens), "?area=higashi")
    assert "東地域包括支援センター" in east_area
    assert "西地域包括支援センター" not in east_area
    assert "こども家庭センター" in east_area  # city-wide agencies serve every area
    assert len(await names(client, east(tokens), "?partner=employment_prep")) == 2
    assert await names(client, east(tokens), "?partner=participation") == ["NPO法人 居場所ネットこがねい"]
    assert await names(client, east(tokens), "?q=出張相談") == [
        "社会福祉法人 けやき会（特別養護老人ホーム けやきの里）"
    ]
    assert await names(client, east(tokens), "?q=ＭＳＷ") == ["小金井みなみ病院 医療相談室"]  # width-folded
    assert await names(client, east(tokens), "?q=100%25") == []  # % is a character, not a wildcard
    assert await names(client, east(tokens), "?kind=employer&area=minami") == ["株式会社 ぬくもりベーカリー"]
    paged = (await client.get("/api/v1/agencies?limit=5&offset=10", headers=east(tokens))).json()
    assert paged["total"] == 13
    assert len(paged["items"]) == 3


DIRECTORY_READERS: list[tuple[str, Callable[[TokenFactory], Headers], int]] = [
    ("csw", east, 200),
    ("supervisor", sup, 200),
    ("agency member", agency_member, 200),
    ("sc", lambda t: t.headers("sc", area="higashi", username="sc-higashi"), 200),
    ("system without scope", lambda t: t.headers("system", username="city", scopes=("cases:read",)), 403),
    (
        "system with agencies:read",
        lambda t: t.headers("system", username="city", scopes=("agencies:read",)),
        200,
    ),
]


@pytest.mark.parametrize(
    ("who", "headers", "expected"), DIRECTORY_READERS, ids=[r[0] for r in DIRECTORY_READERS]
)
async def test_who_reads_the_directory(
    client: httpx.AsyncClient,
    tokens: TokenFactory,
    who: str,
    headers: Callable[[TokenFactory], Headers],
    expected: int,
) -> None:
    assert (await client.get("/api/v1/agencies", headers=headers(tokens))).status_code == expected


async def test_admin_and_supervisors_keep_the_directory(
    client: httpx.AsyncClient, tokens: TokenFactory
) -> None:
    for headers in (east(tokens), agency_member(tokens), tokens.headers("system", scopes=("service",))):
        assert (await client.post("/api/v1/agencies", json=NEW_AGENCY, headers=headers)).status_code == 403
    created = await client.post("/api/v1/agencies", json=NEW_AGENCY, headers=tokens.headers("admin"))
    assert created.status_code == 201, created.text
    agency = created.json()
    assert agency["name"] == "NPO法人 こがねい食支援"  # width folded, the rest kept
    assert agency["functions"] == ["フードバンク", "配食"]
    assert agency["contacts"] == [{"name": "青木 優", "role": "理事", "phone": "042-000-9999", "email": None}]
    assert created.headers["etag"] == 'W/"1"'

    url = f"/api/v1/agencies/{agency['id']}"
    assert (await client.patch(url, json={"active": False}, headers=sup(tokens))).status_code == 428
    assert (
        await client.patch(url, json={"active": False}, headers={**east(tokens), "If-Match": '"1"'})
    ).status_code == 403
    changed = await client.patch(
        url,
        json={"can_do": "食料品の緊急提供（月3回まで）。", "area": None},
        headers={**sup(tokens), "If-Match": '"1"'},
    )
    assert changed.status_code == 200, changed.text
    assert changed.json()["area"] is None
    assert changed.json()["version"] == 2
    stale = await client.patch(url, json={"active": False}, headers={**sup(tokens), "If-Match": '"1"'})
    assert stale.status_code == 412
    retired = await client.patch(url, json={"active": False}, headers={**sup(tokens), "If-Match": '"2"'})
    assert retired.json()["active"] is False
    assert "NPO法人 こがねい食支援" not in await names(client, sup(tokens))
    assert "NPO法人 こがねい食支援" in await names(client, sup(tokens), "?include_inactive=true")
    missing = "/api/v1/agencies/00000000-0000-4000-8000-000000000000"
    assert (await client.get(missing, headers=sup(tokens))).status_code == 404


BAD_AGENCIES = [
    ({**NEW_AGENCY, "name": ""}, "name"),
    ({**NEW_AGENCY, "name": "あ" * 201}, "name"),
    ({**NEW_AGENCY, "kind": "club"}, "kind"),
    ({**NEW_AGENCY, "area": "北"}, "area"),
    ({**NEW_AGENCY, "functions": ["x" * 51]}, "functions"),
    ({**NEW_AGENCY, "functions": [f"f{i}" for i in range(31)]}, "functions"),
    ({**NEW_AGENCY, "contacts": [{"role": "理事"}]}, "contacts"),
    ({**NEW_AGENCY, "contacts": [{"name": "青木", "phone": "call me"}]}, "contacts"),
    ({**NEW_AGENCY, "contacts": [{"name": "青木", "email": "not-an-email"}]}, "contacts"),
    ({**NEW_AGENCY, "contacts": [{"name": "青木", "fax": "1"}]}, "contacts"),
    ({**NEW_AGENCY, "id": HIGASHI}, "id"),
    ({k: v for k, v in NEW_AGENCY.items() if k != "kind"}, "kind"),
]


@pytest.mark.parametrize(("body", "field"), BAD_AGENCIES)
async def test_bad_agency_is_422_and_writes_nothing(
    client: httpx.AsyncClient, tokens: TokenFactory, body: dict, field: str
) -> None:
    answer = await client.post("/api/v1/agencies", json=body, headers=sup(tokens))
    assert answer.status_code == 422, answer.text
    assert any(field in error["loc"] for error in answer.json()["errors"])
    listed = await client.get("/api/v1/agencies?include_inactive=true", headers=sup(tokens))
    assert listed.json()["total"] == 0


async def test_bad_agency_change_is_422(client: httpx.AsyncClient, tokens: TokenFactory) -> None:
    await load_demo(client)
    url = f"/api/v1/agencies/{HIGASHI}"
    for body in ({"name": None}, {"kind": None}, {"functions": None}, {"version": 5}):
        answer = await client.patch(url, json=body, headers={**sup(tokens), "If-Match": '"1"'})
        assert answer.status_code == 422
    assert (await client.get(url, headers=sup(tokens))).json()["version"] == 1


async def open_case(client: httpx.AsyncClient, tokens: TokenFactory, area: str = "higashi") -> str:
    created = await client.post(
        "/api/v1/cases",
        headers=sup(tokens),
        json={"title": "8050 世帯", "area": area, "lead_username": f"csw-{area}"},
    )
    assert created.status_code == 201, created.text
    return created.json()["id"]


async def test_role_division_in_a_case(client: httpx.AsyncClient, tokens: TokenFactory) -> None:
    await load_demo(client)
    case_id = await open_case(client, tokens)
    url = f"/api/v1/cases/{case_id}/agencies"
    added = await client.post(
        url,
        headers=east(tokens),
        json={
            "agency_id": HIGASHI,
            "role": "母の介護保険サービス調整と月1回の訪問",
            "contact_person": "林 誠",
            "since": "2026-11-01",
        },
    )
    assert added.status_code == 201, added.text
    role = added.json()
    assert role["agency_name"] == "東地域包括支援センター"
    assert role["agency_kind"] == "houkatsu"
    assert role["created_by"] == "csw-higashi"
    assert added.headers["etag"] == 'W/"1"'
    employer = await client.post(
        url,
        headers=sup(tokens),
        json={"agency_id": "0b0c0000-0000-4000-8000-000000000011", "role": "長男の農作業体験の受け入れ"},
    )
    assert employer.status_code == 201
    assert employer.json()["until"] is None
    assert employer.json()["since"]  # today, in Tokyo

    role_url = f"{url}/{role['id']}"
    end = {"until": "2026-11-30"}
    assert (await client.patch(role_url, json=end, headers=east(tokens))).status_code == 428
    ended = await client.patch(role_url, json=end, headers={**east(tokens), "If-Match": '"1"'})
    assert ended.status_code == 200, ended.text
    assert ended.json()["until"] == "2026-11-30"
    assert ended.json()["version"] == 2
    # A second editor who read version 1 gets 412, and nothing changes.
    stale = await client.patch(
        role_url, json={"role": "別の役割"}, headers={**sup(tokens), "If-Match": '"1"'}
    )
    assert stale.status_code == 412
    before_since = await client.patch(
        role_url, json={"until": "2026-10-01"}, headers={**sup(tokens), "If-Match": '"2"'}
    )
    assert before_since.status_code == 422
    listed = await client.get(url, headers=east(tokens))
    assert listed.status_code == 200
    roles = listed.json()
    # Current roles first, then the ended ones.
    assert [r["agency_name"] for r in roles] == ["有限会社 みどり農園", "東地域包括支援センター"]
    assert roles[1]["role"] == "母の介護保険サービス調整と月1回の訪問"
    assert roles[1]["version"] == 2
    other_case = await open_case(client, tokens)
    assert (
        await client.patch(
            f"/api/v1/cases/{other_case}/agencies/{role['id']}",
            json={"role": "x"},
            headers={**sup(tokens), "If-Match": '"2"'},
        )
    ).status_code == 404


async def test_role_division_matrix(client: httpx.AsyncClient, tokens: TokenFactory) -> None:
    await load_demo(client)
    case_id = await open_case(client, tokens)
    url = f"/api/v1/cases/{case_id}/agencies"
    body = {"agency_id": HIGASHI, "role": "見守り訪問"}
    reader = tokens.headers("system", username="city", scopes=("cases:read",))
    for headers, read, write in [
        (east(tokens), 200, 201),
        (sup(tokens), 200, 201),
        (west(tokens), 404, 404),
        (agency_member(tokens), 404, 404),
        (reader, 200, 403),
        (tokens.headers("system", username="city"), 403, 403),  # no scope: refused outright
    ]:
        assert (await client.get(url, headers=headers)).status_code == read
        assert (await client.post(url, json=body, headers=headers)).status_code == write
    assert len((await client.get(url, headers=sup(tokens))).json()) == 2


async def test_bad_role_division_is_422_and_writes_nothing(
    client: httpx.AsyncClient, tokens: TokenFactory
) -> None:
    await load_demo(client)
    retired = await client.post("/api/v1/agencies", json={**NEW_AGENCY, "active": False}, headers=sup(tokens))
    case_id = await open_case(client, tokens)
    url = f"/api/v1/cases/{case_id}/agencies"
    for body in (
        {"role": "見守り"},
        {"agency_id": HIGASHI},
        {"agency_id": HIGASHI, "role": " "},
        {"agency_id": HIGASHI, "role": "あ" * 1001},
        {"agency_id": "x", "role": "見守り"},
        {"agency_id": "00000000-0000-4000-8000-000000000000", "role": "見守り"},
        {"agency_id": retired.json()["id"], "role": "見守り"},
        {"agency_id": HIGASHI, "role": "見守り", "since": "2026-11-02", "until": "2026-11-01"},
        {"agency_id": HIGASHI, "role": "見守り", "until": "2000-01-01"},
        {"agency_id": HIGASHI, "role": "見守り", "since": "2026-13-01"},
        {"agency_id": HIGASHI, "role": "見守り", "version": 3},
    ):
        answer = await client.post(url, json=body, headers=east(tokens))
        assert answer.status_code == 422, (body, answer.text)
    assert (await client.get(url, headers=east(tokens))).json() == []
