"""Households (世帯) and their members through case-api's HTTP interface, on a real PostgreSQL."""

import uuid

import httpx
import pytest

from tsunagu_services.testing import TokenFactory

MOTHER = {
    "name": "小金井 花子",
    "name_kana": "こがねい はなこ",
    "birth_date": "1944-05-02",
    "sex": "female",
    "address": "東京都小金井市本町6-6-3",
    "area": "higashi",
}
SON = {
    "name": "小金井 一郎",
    "name_kana": "ｺｶﾞﾈｲ ｲﾁﾛｳ",
    "birth_date": "1973-08-15",
    "sex": "male",
    "address": "東京都小金井市本町6-6-3",
    "area": "higashi",
}
HOUSEHOLD_8050 = {
    "name": "小金井さん世帯",
    "address": "東京都小金井市本町６－６－３",
    "area": "higashi",
    "members": [
        {"person": MOTHER, "relationship": "parent"},
        {"person": SON, "relationship": "self", "is_primary": True, "note": "長くひきこもっている様子"},
    ],
}


def east(tokens: TokenFactory) -> dict[str, str]:
    return tokens.headers("csw", area="higashi", username="csw-higashi")


async def create(client: httpx.AsyncClient, tokens: TokenFactory, body: dict | None = None) -> dict:
    created = await client.post("/api/v1/households", json=body or HOUSEHOLD_8050, headers=east(tokens))
    assert created.status_code == 201, created.text
    return created.json()


async def persons_named(client: httpx.AsyncClient, tokens: TokenFactory, q: str) -> int:
    found = await client.get("/api/v1/persons", params={"q": q}, headers=tokens.headers("supervisor"))
    assert found.status_code == 200, found.text
    return found.json()["total"]


async def names_found(client: httpx.AsyncClient, tokens: TokenFactory, q: str) -> list[str]:
    found = await client.get("/api/v1/persons", params={"q": q}, headers=tokens.headers("supervisor"))
    return [item["person"]["name"] for item in found.json()["items"]]


async def test_8050_household_with_two_new_persons_in_one_call(
    client: httpx.AsyncClient, tokens: TokenFactory
) -> None:
    response = await client.post("/api/v1/households", json=HOUSEHOLD_8050, headers=east(tokens))
    assert response.status_code == 201, response.text
    assert response.headers["etag"] == 'W/"1"'
    household = response.json()
    assert (household["name"], household["address"], household["area"]) == (
        "小金井さん世帯",
        "東京都小金井市本町6-6-3",
        "higashi",
    )
    members = household["members"]
    # The person the consultation is mainly about comes first.
    assert [(m["person"]["name"], m["relationship"], m["is_primary"]) for m in members] == [
        ("小金井 一郎", "self", True),
        ("小金井 花子", "parent", False),
    ]
    assert members[0]["person"]["name_kana"] == "コガネイ イチロウ"
    assert members[1]["person"]["name_kana"] == "コガネイ ハナコ"
    assert members[0]["note"] == "長くひきこもっている様子"
    assert members[0]["person"]["birth_date"] == "1973-08-15"

    read = await client.get(f"/api/v1/households/{household['id']}", headers=east(tokens))
    assert read.status_code == 200
    assert read.json() == household
    for member in members:
        person = await client.get(f"/api/v1/persons/{member['person']['id']}", headers=east(tokens))
        assert person.json() == member["person"]

    found = (await client.get("/api/v1/persons", params={"q": "こがねい"}, headers=east(tokens))).json()
    assert found["total"] == 2
    assert all(item["households"] == [household["id"]] for item in found["items"])


async def test_an_existing_person_joins_a_second_household(
    client: httpx.AsyncClient, tokens: TokenFactory
) -> None:
    first = await create(client, tokens)
    son_id = first["members"][0]["person"]["id"]
    second = await create(
        client,
        tokens,
        {
            "name": "小金井一郎さん(転居後)",
            "members": [
                {"person_id": son_id, "relationship": "self", "is_primary": True},
                {"person": {"name": "佐藤 三郎"}, "relationship": "cohabitant"},
            ],
        },
    )
    assert second["members"][0]["person"]["id"] == son_id
    found = (await client.get("/api/v1/persons", params={"q": "小金井一郎"}, headers=east(tokens))).json()
    assert found["items"][0]["person"]["id"] == son_id
    assert set(found["items"][0]["households"]) == {first["id"], second["id"]}
    assert await persons_named(client, tokens, "小金井") == 2  # the son was not written twice


def members_of(n: int) -> list[dict]:
    return [{"person": {"name": f"テスト 一郎{i}"}, "relationship": "other_relative"} for i in range(n)]


BAD_BODIES = [
    pytest.param({**HOUSEHOLD_8050, "name": ""}, id="empty household name"),
    pytest.param({**HOUSEHOLD_8050, "name": "x" * 201}, id="household name too long"),
    pytest.param({k: v for k, v in HOUSEHOLD_8050.items() if k != "name"}, id="missing name"),
    pytest.param({**HOUSEHOLD_8050, "area": "東"}, id="area not a code"),
    pytest.param({**HOUSEHOLD_8050, "members": []}, id="no members"),
    pytest.param({**HOUSEHOLD_8050, "members": members_of(21)}, id="21 members"),
    pytest.param({**HOUSEHOLD_8050, "id": str(uuid.uuid4())}, id="unknown field"),
    pytest.param(
        {**HOUSEHOLD_8050, "members": [{"person": {**SON, "name": ""}, "relationship": "self"}]},
        id="empty person name",
    ),
    pytest.param(
        {**HOUSEHOLD_8050, "members": [{"person": {**SON, "name": "　"}, "relationship": "self"}]},
        id="blank person name",
    ),
    pytest.param(
        {**HOUSEHOLD_8050, "members": [{"person": {**SON, "name_kana": "Koganei"}, "relationship": "self"}]},
        id="kana in latin letters",
    ),
    pytest.param(
        {
            **HOUSEHOLD_8050,
            "members": [{"person": {**SON, "birth_date": "2999-01-01"}, "relationship": "self"}],
        },
        id="birth date in the future",
    ),
    pytest.param(
        {**HOUSEHOLD_8050, "members": [{"person": {**SON, "sex": "m"}, "relationship": "self"}]},
        id="unknown sex",
    ),
    pytest.param(
        {**HOUSEHOLD_8050, "members": [{"person": {**SON, "phone": "電話なし"}, "relationship": "self"}]},
        id="phone not a number",
    ),
    pytest.param(
        {**HOUSEHOLD_8050, "members": [{"person": {**SON, "name_key": "x"}, "relationship": "self"}]},
        id="search key from client",
    ),
    pytest.param(
        {**HOUSEHOLD_8050, "members": [{"person": SON, "relationship": "uncle"}]}, id="unknown relationship"
    ),
    pytest.param({**HOUSEHOLD_8050, "members": [{"person": SON}]}, id="missing relationship"),
    pytest.param({**HOUSEHOLD_8050, "members": [{"relationship": "self"}]}, id="neither person nor id"),
    pytest.param(
        {
            **HOUSEHOLD_8050,
            "members": [{"person": SON, "person_id": str(uuid.uuid4()), "relationship": "self"}],
        },
        id="both person and id",
    ),
    pytest.param(
        {
            **HOUSEHOLD_8050,
            "members": [
                {"person": SON, "relationship": "self", "is_primary": True},
                {"person": MOTHER, "relationship": "parent", "is_primary": True},
            ],
        },
        id="two primary members",
    ),
    pytest.param(
        {**HOUSEHOLD_8050, "members": [{"person": SON, "relationship": "self", "note": "x" * 501}]},
        id="note too long",
    ),
]


@pytest.mark.parametrize("body", BAD_BODIES)
async def test_bad_input_is_a_422_problem_and_writes_nothing(
    client: httpx.AsyncClient, tokens: TokenFactory, body: dict
) -> None:
    response = await client.post("/api/v1/households", json=body, headers=east(tokens))
    assert response.status_code == 422, response.text
    assert response.headers["content-type"] == "application/problem+json"
    assert response.json()["type"] == "/problems/validation"
    assert await persons_named(client, tokens, "小金井") == 0
    assert await persons_named(client, tokens, "テスト") == 0


async def test_duplicate_person_id_is_422(client: httpx.AsyncClient, tokens: TokenFactory) -> None:
    son_id = (await create(client, tokens))["members"][0]["person"]["id"]
    response = await client.post(
        "/api/v1/households",
        headers=east(tokens),
        json={
            "name": "x",
            "members": [
                {"person_id": son_id, "relationship": "self"},
                {"person_id": son_id, "relationship": "child"},
            ],
        },
    )
    assert response.status_code == 422


async def test_unknown_person_id_is_404_and_nothing_is_written(
    client: httpx.AsyncClient, tokens: TokenFactory
) -> None:
    response = await client.post(
        "/api/v1/households",
        headers=east(tokens),
        json={
            "name": "小金井さん世帯",
            "members": [
                {"person": MOTHER, "relationship": "parent"},
                {"person_id": str(uuid.uuid4()), "relationship": "self", "is_primary": True},
            ],
        },
    )
    assert response.status_code == 404
    assert response.json()["type"] == "/problems/person-not-found"
    assert await persons_named(client, tokens, "小金井") == 0


async def test_exactly_20_members_is_the_limit(client: httpx.AsyncClient, tokens: TokenFactory) -> None:
    household = await create(client, tokens, {"name": "大家族", "members": members_of(20)})
    assert len(household["members"]) == 20
    more = await client.post(
        f"/api/v1/households/{household['id']}/members",
        headers=east(tokens),
        json={"person": {"name": "テスト 二十一"}, "relationship": "cohabitant"},
    )
    assert more.status_code == 409
    assert more.json()["type"] == "/problems/household-full"
    assert await persons_named(client, tokens, "テスト") == 20


async def test_members_join_and_leave(client: httpx.AsyncClient, tokens: TokenFactory) -> None:
    household = await create(client, tokens)
    url = f"/api/v1/households/{household['id']}/members"
    son_id, mother_id = (m["person"]["id"] for m in household["members"])

    joined = await client.post(
        url,
        headers=east(tokens),
        json={
            "person": {"name": "小金井 次郎", "name_kana": "コガネイ ジロウ"},
            "relationship": "child",
            "note": "市外在住の次男",
        },
    )
    assert joined.status_code == 201, joined.text
    assert joined.headers["etag"] == 'W/"2"'
    after = joined.json()
    assert after["version"] == 2
    assert [m["person"]["name"] for m in after["members"]] == ["小金井 一郎", "小金井 花子", "小金井 次郎"]

    again = await client.post(
        url, headers=east(tokens), json={"person_id": mother_id, "relationship": "parent"}
    )
    assert again.status_code == 409
    assert again.json()["type"] == "/problems/already-member"
    second_primary = await client.post(
        url,
        headers=east(tokens),
        json={"person": {"name": "小金井 三郎"}, "relationship": "child", "is_primary": True},
    )
    assert second_primary.status_code == 409
    assert second_primary.json()["type"] == "/problems/primary-member-exists"
    unknown = await client.post(
        url, headers=east(tokens), json={"person_id": str(uuid.uuid4()), "relationship": "child"}
    )
    assert unknown.status_code == 404
    assert unknown.json()["type"] == "/problems/person-not-found"
    assert "小金井 三郎" not in await names_found(client, tokens, "小金井三郎")

    left = await client.delete(f"{url}/{mother_id}", headers=east(tokens))
    assert left.status_code == 204
    read = (await client.get(f"/api/v1/households/{household['id']}", headers=east(tokens))).json()
    assert [m["person"]["name"] for m in read["members"]] == ["小金井 一郎", "小金井 次郎"]
    assert read["version"] == 3
    # The person's record stays: others may refer to it.
    assert (await client.get(f"/api/v1/persons/{mother_id}", headers=east(tokens))).status_code == 200
    gone = await client.delete(f"{url}/{mother_id}", headers=east(tokens))
    assert gone.status_code == 404
    assert gone.json()["type"] == "/problems/member-not-found"

    jiro_id = read["members"][1]["person"]["id"]
    assert (await client.delete(f"{url}/{jiro_id}", headers=east(tokens))).status_code == 204
    last = await client.delete(f"{url}/{son_id}", headers=east(tokens))
    assert last.status_code == 409
    assert last.json()["type"] == "/problems/last-member"


async def test_unknown_household_is_404(client: httpx.AsyncClient, tokens: TokenFactory) -> None:
    url = f"/api/v1/households/{uuid.uuid4()}"
    for response in (
        await client.get(url, headers=east(tokens)),
        await client.post(
            f"{url}/members", headers=east(tokens), json={"person": SON, "relationship": "self"}
        ),
        await client.delete(f"{url}/members/{uuid.uuid4()}", headers=east(tokens)),
    ):
        assert response.status_code == 404
        assert response.json()["type"] == "/problems/household-not-found"
    assert await persons_named(client, tokens, "小金井") == 0


ROLES = [
    pytest.param("csw", "higashi", None, 201, 200, id="csw east"),
    pytest.param("csw", "nishi", None, 201, 200, id="csw west (households cross areas)"),
    pytest.param("supervisor", None, None, 201, 200, id="supervisor"),
    pytest.param("admin", None, None, 201, 200, id="admin"),
    pytest.param("sc", "higashi", None, 403, 404, id="sc"),
    pytest.param("agency", None, "houkatsu-higashi", 403, 404, id="agency member"),
    pytest.param("system", None, None, 403, 404, id="system client"),
]


@pytest.mark.parametrize(("role", "area", "agency_id", "create_status", "read_status"), ROLES)
async def test_who_may_record_and_read_households(
    client: httpx.AsyncClient,
    tokens: TokenFactory,
    role: str,
    area: str | None,
    agency_id: str | None,
    create_status: int,
    read_status: int,
) -> None:
    existing = await create(client, tokens)
    headers = tokens.headers(
        role,
        area=area,
        agency_id=agency_id,
        username=f"{role}-{area or 'x'}",
        scopes=("cases:read", "cases:write") if role == "system" else (),
    )
    created = await client.post("/api/v1/households", json=HOUSEHOLD_8050, headers=headers)
    assert created.status_code == create_status
    read = await client.get(f"/api/v1/households/{existing['id']}", headers=headers)
    assert read.status_code == read_status
    joined = await client.post(
        f"/api/v1/households/{existing['id']}/members",
        headers=headers,
        json={"person": {"name": "小金井 次郎"}, "relationship": "child"},
    )
    assert joined.status_code == (201 if read_status == 200 else 404)
    if read_status == 404:
        son_id = existing["members"][0]["person"]["id"]
        left = await client.delete(f"/api/v1/households/{existing['id']}/members/{son_id}", headers=headers)
        assert left.status_code == 404
        assert await persons_named(client, tokens, "小金井") == 2


async def test_a_case_opens_only_on_an_existing_household(
    client: httpx.AsyncClient, tokens: TokenFactory
) -> None:
    unknown = await client.post(
        "/api/v1/cases",
        headers=east(tokens),
        json={"title": "小金井さん世帯", "area": "higashi", "household_id": str(uuid.uuid4())},
    )
    assert unknown.status_code == 404
    assert unknown.json()["type"] == "/problems/household-not-found"
    assert (await client.get("/api/v1/cases", headers=east(tokens))).json()["total"] == 0

    household = await create(client, tokens)
    opened = await client.post(
        "/api/v1/cases",
        headers=east(tokens),
        json={"title": "小金井さん世帯", "area": "higashi", "household_id": household["id"]},
    )
    assert opened.status_code == 201, opened.text
    assert opened.json()["household_id"] == household["id"]


async def test_idempotent_creation(client: httpx.AsyncClient, tokens: TokenFactory) -> None:
    headers = {**east(tokens), "Idempotency-Key": str(uuid.uuid4())}
    first = await client.post("/api/v1/households", json=HOUSEHOLD_8050, headers=headers)
    again = await client.post("/api/v1/households", json=HOUSEHOLD_8050, headers=headers)
    assert first.status_code == again.status_code == 201
    assert again.json() == first.json()
    assert await persons_named(client, tokens, "小金井") == 2
