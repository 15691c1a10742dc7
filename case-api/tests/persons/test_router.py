"""Person search, reading and correction through case-api's HTTP interface, on a real PostgreSQL."""

import uuid

import httpx
import pytest

from tsunagu_services.testing import TokenFactory

YAMADA = {
    "name": "山田 太郎",
    "name_kana": "やまだ たろう",
    "birth_date": "1950-04-01",
    "sex": "male",
    "address": "東京都小金井市本町６－６－３",
    "phone": "０９０－１２３４－５６７８",
    "area": "higashi",
}
TANAKA = {
    "name": "田中 花子",
    "name_kana": "タナカ ハナコ",
    "birth_date": "1962-09-30",
    "sex": "female",
    "address": "東京都小金井市緑町1-2-3",
    "phone": "042-300-1111",
    "area": "nishi",
}


def supervisor(tokens: TokenFactory) -> dict[str, str]:
    return tokens.headers("supervisor", username="sup1")


async def household(
    client: httpx.AsyncClient, tokens: TokenFactory, *persons: dict, name: str = "テスト世帯"
) -> dict:
    members = [
        {"person": p, "relationship": "self" if i == 0 else "other_relative", "is_primary": i == 0}
        for i, p in enumerate(persons)
    ]
    created = await client.post(
        "/api/v1/households", json={"name": name, "members": members}, headers=supervisor(tokens)
    )
    assert created.status_code == 201, created.text
    return created.json()


async def search(client: httpx.AsyncClient, headers: dict[str, str], **params) -> httpx.Response:
    return await client.get("/api/v1/persons", params=params, headers=headers)


MATCHES = [
    pytest.param("山田", ["name"], id="kanji surname"),
    pytest.param("山田太郎", ["name"], id="kanji full name"),
    pytest.param("山田　太郎", ["name"], id="full-width space"),
    pytest.param("やまだ", ["kana"], id="hiragana"),
    pytest.param("ヤマダ", ["kana"], id="katakana"),
    pytest.param("ﾔﾏﾀﾞ", ["kana"], id="half-width kana"),
    pytest.param("やまだ ﾀﾛｳ", ["kana"], id="mixed kana and width"),
    pytest.param("タロウ", ["kana"], id="given name in kana"),
    pytest.param("ヤマダ タロー", ["kana"], id="similar kana (long vowel typed as ー)"),
    pytest.param("山田太朗", ["name"], id="similar kanji (朗 for 郎)"),
    pytest.param("1950-04-01", ["birth_date"], id="ISO birth date"),
    pytest.param("19500401", ["birth_date"], id="compact birth date"),
    pytest.param("S25.4.1", ["birth_date"], id="wareki short"),
    pytest.param("昭和25年4月1日", ["birth_date"], id="wareki"),
    pytest.param("090-1234-5678", ["phone"], id="phone"),
    pytest.param("０９０１２３４５６７８", ["phone"], id="full-width phone"),
    pytest.param("本町6-6", ["address"], id="address"),
    pytest.param("小金井市本町", ["address"], id="address part"),
]


@pytest.mark.parametrize(("q", "matched_on"), MATCHES)
async def test_search_finds_the_person_and_says_why(
    client: httpx.AsyncClient, tokens: TokenFactory, q: str, matched_on: list[str]
) -> None:
    created = await household(client, tokens, YAMADA)
    await household(client, tokens, TANAKA, name="田中さん世帯")
    yamada_id = created["members"][0]["person"]["id"]

    found = await search(client, tokens.headers("csw", area="higashi", username="csw-higashi"), q=q)
    assert found.status_code == 200, found.text
    items = found.json()["items"]
    assert [i["person"]["id"] for i in items] == [yamada_id]
    assert found.json()["total"] == 1
    assert items[0]["matched_on"] == matched_on
    assert items[0]["person"]["name"] == "山田 太郎"
    assert items[0]["person"]["name_kana"] == "ヤマダ タロウ"
    assert items[0]["households"] == [created["id"]]
    assert items[0]["score"] > 0


async def test_more_reasons_rank_first(client: httpx.AsyncClient, tokens: TokenFactory) -> None:
    hanako = {
        **YAMADA,
        "name": "山田 花子",
        "name_kana": "ヤマダ ハナコ",
        "birth_date": "1960-01-01",
        "phone": None,
    }
    await household(client, tokens, hanako, YAMADA)
    found = (await search(client, supervisor(tokens), q="やまだ", birth_date="1950-04-01")).json()
    assert [i["person"]["name"] for i in found["items"]] == ["山田 太郎", "山田 花子"]
    assert found["items"][0]["matched_on"] == ["kana", "birth_date"]
    assert found["items"][1]["matched_on"] == ["kana"]
    assert found["items"][0]["score"] > found["items"][1]["score"]

    by_phone = (await search(client, supervisor(tokens), phone="090 1234 5678")).json()
    assert [(i["person"]["name"], i["matched_on"]) for i in by_phone["items"]] == [("山田 太郎", ["phone"])]


async def test_exact_name_ranks_before_prefix(client: httpx.AsyncClient, tokens: TokenFactory) -> None:
    await household(client, tokens, {"name": "山田 太郎丸"}, {"name": "山田 太郎"}, {"name": "小山田 太郎"})
    found = (await search(client, supervisor(tokens), q="山田太郎")).json()
    assert [i["person"]["name"] for i in found["items"]] == ["山田 太郎", "山田 太郎丸", "小山田 太郎"]


@pytest.mark.parametrize(
    ("q", "name"),
    [
        ("髙橋", "髙橋 一郎"),
        ("高橋", "髙橋 一郎"),
        ("たかはし", "髙橋 一郎"),
        ("髙橋一郎", "髙橋 一郎"),
        ("𠮷田", "𠮷田 花子"),
        ("吉田", "𠮷田 花子"),
        ("𠮷田 花子", "𠮷田 花子"),
    ],
)
async def test_rare_variant_kanji_are_kept_and_found(
    client: httpx.AsyncClient, tokens: TokenFactory, q: str, name: str
) -> None:
    created = await household(
        client,
        tokens,
        {"name": "髙橋 一郎", "name_kana": "タカハシ イチロウ"},
        {"name": "𠮷田 花子", "name_kana": "ヨシダ ハナコ"},
    )
    stored = {m["person"]["name"]: m["person"]["id"] for m in created["members"]}
    assert set(stored) == {"髙橋 一郎", "𠮷田 花子"}

    read = await client.get(f"/api/v1/persons/{stored[name]}", headers=supervisor(tokens))
    assert read.json()["name"] == name
    found = (await search(client, supervisor(tokens), q=q)).json()
    assert [i["person"]["name"] for i in found["items"]] == [name]


@pytest.mark.parametrize("q", ["%", "%%%", "___", "\\\\\\"])
async def test_like_wildcards_are_plain_characters(
    client: httpx.AsyncClient, tokens: TokenFactory, q: str
) -> None:
    await household(client, tokens, YAMADA, TANAKA)
    found = (await search(client, supervisor(tokens), q=q)).json()
    assert found == {"items": [], "total": 0}


async def test_cases_listed_are_only_those_the_caller_may_see(
    client: httpx.AsyncClient, tokens: TokenFactory
) -> None:
    created = await household(client, tokens, YAMADA)
    case = await client.post(
        "/api/v1/cases",
        headers=supervisor(tokens),
        json={"title": "山田さん世帯", "area": "higashi", "household_id": created["id"]},
    )
    assert case.status_code == 201, case.text

    east = tokens.headers("csw", area="higashi", username="csw-higashi")
    west = tokens.headers("csw", area="nishi", username="csw-nishi")
    seen_by_east = (await search(client, east, q="山田")).json()["items"][0]
    assert seen_by_east["households"] == [created["id"]]
    assert seen_by_east["cases"] == [case.json()["id"]]
    # The west CSW finds the person (to link rather than duplicate) but not the east case.
    seen_by_west = (await search(client, west, q="山田")).json()["items"][0]
    assert seen_by_west["households"] == [created["id"]]
    assert seen_by_west["cases"] == []
    assert set(seen_by_west) == {"person", "households", "cases", "matched_on", "score"}


ROLES = [
    pytest.param("csw", "higashi", None, 200, 200, id="csw east"),
    pytest.param("csw", "nishi", None, 200, 200, id="csw west"),
    pytest.param("supervisor", None, None, 200, 200, id="supervisor"),
    pytest.param("admin", None, None, 200, 200, id="admin"),
    pytest.param("sc", "higashi", None, 403, 404, id="sc"),
    pytest.param("agency", None, "houkatsu-higashi", 403, 404, id="agency member"),
    pytest.param("system", None, None, 403, 404, id="system client"),
]


@pytest.mark.parametrize(("role", "area", "agency_id", "search_status", "read_status"), ROLES)
async def test_who_may_search_and_read_persons(
    client: httpx.AsyncClient,
    tokens: TokenFactory,
    role: str,
    area: str | None,
    agency_id: str | None,
    search_status: int,
    read_status: int,
) -> None:
    created = await household(client, tokens, YAMADA)
    person_id = created["members"][0]["person"]["id"]
    headers = tokens.headers(
        role,
        area=area,
        agency_id=agency_id,
        username=f"{role}-{area or 'x'}",
        scopes=("cases:read", "cases:write") if role == "system" else (),
    )

    found = await search(client, headers, q="山田")
    assert found.status_code == search_status
    read = await client.get(f"/api/v1/persons/{person_id}", headers=headers)
    assert read.status_code == read_status
    if read_status == 404:
        assert read.json()["type"] == "/problems/person-not-found"
        patched = await client.patch(
            f"/api/v1/persons/{person_id}", json={"name": "x"}, headers={**headers, "If-Match": 'W/"1"'}
        )
        assert patched.status_code == 404
        assert (await client.get(f"/api/v1/households/{created['id']}", headers=headers)).status_code == 404
    else:
        assert read.json()["name"] == "山田 太郎"


@pytest.mark.parametrize(
    "query",
    [
        "",
        "q=",
        "q=%20%20",
        "q=" + "x" * 101,
        "q=yamada&limit=0",
        "q=yamada&limit=51",
        "birth_date=1950-02-30",
        "birth_date=yesterday",
        "phone=abc",
    ],
)
async def test_bad_search_is_422(client: httpx.AsyncClient, tokens: TokenFactory, query: str) -> None:
    response = await client.get(f"/api/v1/persons?{query}", headers=supervisor(tokens))
    assert response.status_code == 422
    assert response.headers["content-type"] == "application/problem+json"


async def test_unknown_person_is_404(client: httpx.AsyncClient, tokens: TokenFactory) -> None:
    response = await client.get(f"/api/v1/persons/{uuid.uuid4()}", headers=supervisor(tokens))
    assert response.status_code == 404
    assert response.json()["type"] == "/problems/person-not-found"
    assert (await client.get("/api/v1/persons/nope", headers=supervisor(tokens))).status_code == 422


async def test_correction_needs_the_current_version(client: httpx.AsyncClient, tokens: TokenFactory) -> None:
    created = await household(client, tokens, YAMADA)
    url = f"/api/v1/persons/{created['members'][0]['person']['id']}"
    east = tokens.headers("csw", area="higashi", username="csw-higashi")
    read = await client.get(url, headers=east)
    assert read.headers["etag"] == 'W/"1"'

    without = await client.patch(url, json={"name_kana": "やまだ たろ"}, headers=east)
    assert without.status_code == 428
    assert without.json()["type"] == "/problems/precondition-required"

    corrected = await client.patch(
        url,
        json={"name_kana": "やまだ じろう", "phone": None},
        headers={**east, "If-Match": read.headers["etag"]},
    )
    assert corrected.status_code == 200, corrected.text
    assert corrected.headers["etag"] == 'W/"2"'
    body = corrected.json()
    assert (body["name_kana"], body["phone"], body["version"]) == ("ヤマダ ジロウ", None, 2)
    assert body["name"] == "山田 太郎"  # fields not sent stay as they were

    stale = await client.patch(url, json={"name": "山田 次郎"}, headers={**east, "If-Match": 'W/"1"'})
    assert stale.status_code == 412
    assert stale.json()["type"] == "/problems/precondition-failed"
    assert (await client.get(url, headers=east)).json()["name"] == "山田 太郎"

    # The search keys follow the correction: the new kana finds, the old one and the phone do not.
    assert (await search(client, east, q="じろう")).json()["total"] == 1
    assert (await search(client, east, q="タロウ")).json()["total"] == 0
    assert (await search(client, east, q="090-1234-5678")).json()["total"] == 0


BAD_PATCHES = [
    pytest.param({"name": None}, id="name cleared"),
    pytest.param({"name": ""}, id="empty name"),
    pytest.param({"name": "　"}, id="blank name"),
    pytest.param({"name": "x" * 201}, id="name too long"),
    pytest.param({"name_kana": "Yamada"}, id="kana in latin letters"),
    pytest.param({"name_kana": "山田"}, id="kana in kanji"),
    pytest.param({"birth_date": "2999-01-01"}, id="birth date in the future"),
    pytest.param({"birth_date": "1950-02-30"}, id="no such day"),
    pytest.param({"sex": "f"}, id="unknown sex"),
    pytest.param({"phone": "call me"}, id="phone not a number"),
    pytest.param({"area": "東"}, id="area not a code"),
    pytest.param({"name_key": "x"}, id="search key is not writable"),
    pytest.param({"version": 7}, id="version is not writable"),
]


@pytest.mark.parametrize("body", BAD_PATCHES)
async def test_bad_correction_is_422_and_changes_nothing(
    client: httpx.AsyncClient, tokens: TokenFactory, body: dict
) -> None:
    created = await household(client, tokens, YAMADA)
    url = f"/api/v1/persons/{created['members'][0]['person']['id']}"
    headers = {**supervisor(tokens), "If-Match": 'W/"1"'}
    response = await client.patch(url, json=body, headers=headers)
    assert response.status_code == 422
    assert response.json()["type"] == "/problems/validation"
    after = (await client.get(url, headers=headers)).json()
    assert after == created["members"][0]["person"]
