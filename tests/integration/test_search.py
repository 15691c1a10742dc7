"""The header's search box through the gateway: persons, cases and consultations that each service
lets the caller see, by name, kana or phone; an agency member finds only what is shared with them."""

import uuid

import httpx


async def test_one_search_finds_the_person_their_case_and_the_consultation(
    eventually, gateway: httpx.AsyncClient, login
) -> None:
    csw = await login("csw-higashi")
    marker = uuid.uuid4().hex[:4]
    name = f"検索{marker} 花子"
    consultation = await gateway.post(
        "/api/v1/consultations",
        headers=csw,
        json={
            "channel": "phone",
            "area": "higashi",
            "summary": "生活費の相談",
            "person_name": name,
            "person_kana": "けんさく はなこ",
            "person_phone": "042-555-0101",
        },
    )
    assert consultation.status_code == 201, consultation.text
    triaged = await gateway.post(
        f"/api/v1/consultations/{consultation.json()['id']}/triage",
        headers=csw,
        json={
            "outcome": "new_case",
            "new_case": {
                "title": f"検索{marker}世帯",
                "lead_username": "csw-higashi",
                "members": [
                    {"name": name, "name_kana": "けんさく はなこ", "relationship": "self", "is_primary": True}
                ],
            },
        },
    )
    assert triaged.status_code == 201, triaged.text

    async def everything() -> dict | None:
        answer = await gateway.get("/api/v1/search", params={"q": f"検索{marker}"}, headers=csw)
        assert answer.status_code == 200, answer.text
        found = answer.json()
        return found if found["persons"] and found["cases"] else None

    found = await eventually(everything)
    assert found["unavailable"] == []
    assert [p["name"] for p in found["persons"]] == [name]
    assert [c["title"] for c in found["cases"]] == [f"検索{marker}世帯"]
    assert found["persons"][0]["cases"] == [found["cases"][0]["id"]]
    assert [c["id"] for c in found["consultations"]] == [consultation.json()["id"]]
    by_phone = await gateway.get("/api/v1/search", params={"q": "０４２－５５５－０１０１"}, headers=csw)
    assert consultation.json()["id"] in [c["id"] for c in by_phone.json()["consultations"]]

    # Another area's CSW finds the person (identifying basics, for linking) but not the case or intake.
    nishi = (
        await gateway.get("/api/v1/search", params={"q": f"検索{marker}"}, headers=await login("csw-nishi"))
    ).json()
    assert [p["name"] for p in nishi["persons"]] == [name] and nishi["persons"][0]["cases"] == []
    assert nishi["cases"] == [] and nishi["consultations"] == []
    # An agency member, with nothing shared: nothing at all, and no error.
    agency = await gateway.get(
        "/api/v1/search", params={"q": f"検索{marker}"}, headers=await login("agency-houkatsu-higashi")
    )
    assert agency.status_code == 200
    assert agency.json() | {"q": None} == {
        "q": None,
        "persons": [],
        "cases": [],
        "consultations": [],
        "unavailable": [],
    }


async def test_a_blank_or_overlong_query_is_422(gateway: httpx.AsyncClient, login) -> None:
    csw = await login("csw-higashi")
    for q in ("", "   ", "あ" * 101):
        answer = await gateway.get("/api/v1/search", params={"q": q}, headers=csw)
        assert answer.status_code == 422, q
