"""Every triage outcome through the gateway, with case-api answering for agencies, cases and persons."""

import uuid

import httpx
import pytest

HOUKATSU_HIGASHI = "0b0c0000-0000-4000-8000-000000000001"


async def consultation(gateway: httpx.AsyncClient, headers: dict, **fields) -> dict:
    body = {"channel": "phone", "area": "higashi", "summary": "生活費の相談", **fields}
    response = await gateway.post("/api/v1/consultations", json=body, headers=headers)
    assert response.status_code == 201, response.text
    return response.json()


async def test_information_given_closes_it_and_a_second_triage_is_refused(
    gateway: httpx.AsyncClient, login
) -> None:
    csw = await login("csw-higashi")
    c = await consultation(gateway, csw)
    decided = await gateway.post(
        f"/api/v1/consultations/{c['id']}/triage",
        headers=csw,
        json={"outcome": "info_closed", "note": "制度を案内して終了"},
    )
    assert decided.status_code == 201, decided.text
    assert (await gateway.get(f"/api/v1/consultations/{c['id']}", headers=csw)).json()["status"] == "triaged"
    again = await gateway.post(
        f"/api/v1/consultations/{c['id']}/triage", headers=csw, json={"outcome": "welfare_office"}
    )
    assert again.status_code == 409
    assert again.json()["type"] == "/problems/already-triaged"


async def test_referral_to_an_agency_and_its_later_outcome(gateway: httpx.AsyncClient, login) -> None:
    csw = await login("csw-higashi")
    c = await consultation(gateway, csw, concerns=["care"], main_concern="care")
    decided = await gateway.post(
        f"/api/v1/consultations/{c['id']}/triage",
        headers=csw,
        json={"outcome": "referral", "agency_id": HOUKATSU_HIGASHI},
    )
    assert decided.status_code == 201, decided.text
    assert decided.json()["agency_name"]
    assert decided.json()["referral_outcome"] == "pending"
    outcome = await gateway.post(
        f"/api/v1/consultations/{c['id']}/triage/referral-outcome",
        headers=csw,
        json={"outcome": "connected", "note": "包括が訪問を予定"},
    )
    assert outcome.status_code == 200
    assert outcome.json()["referral_outcome"] == "connected"


async def test_unknown_agency_or_case_is_refused_and_leaves_it_open(
    gateway: httpx.AsyncClient, login
) -> None:
    east, west = await login("csw-higashi"), await login("csw-nishi")
    c = await consultation(gateway, east)
    unknown_agency = await gateway.post(
        f"/api/v1/consultations/{c['id']}/triage",
        headers=east,
        json={"outcome": "referral", "agency_id": str(uuid.uuid4())},
    )
    assert unknown_agency.status_code == 422
    assert unknown_agency.json()["type"] == "/problems/agency-not-found"

    west_case = (
        await gateway.post("/api/v1/cases", headers=west, json={"title": "西の世帯", "area": "nishi"})
    ).json()
    not_visible = await gateway.post(
        f"/api/v1/consultations/{c['id']}/triage",
        headers=east,
        json={"outcome": "link_case", "case_id": west_case["id"]},
    )
    assert not_visible.status_code == 422  # east cannot see the west case, so it cannot link to it
    assert (await gateway.get(f"/api/v1/consultations/{c['id']}", headers=east)).json()["status"] == "open"


async def test_link_to_an_existing_case_and_welfare_office(gateway: httpx.AsyncClient, login) -> None:
    csw = await login("csw-higashi")
    case = (
        await gateway.post("/api/v1/cases", headers=csw, json={"title": "東の世帯", "area": "higashi"})
    ).json()
    c = await consultation(gateway, csw)
    linked = await gateway.post(
        f"/api/v1/consultations/{c['id']}/triage",
        headers=csw,
        json={"outcome": "link_case", "case_id": case["id"]},
    )
    assert linked.status_code == 201, linked.text
    assert linked.json()["case_id"] == case["id"]
    other = await consultation(gateway, csw)
    welfare = await gateway.post(
        f"/api/v1/consultations/{other['id']}/triage",
        headers=csw,
        json={"outcome": "welfare_office", "note": "生活保護の申請窓口へ同行"},
    )
    assert welfare.status_code == 201


async def test_match_candidates_say_why(gateway: httpx.AsyncClient, login) -> None:
    csw = await login("csw-higashi")
    surname = "潮" + uuid.uuid4().hex[:2]  # unique enough for this run
    household = await gateway.post(
        "/api/v1/households",
        headers=csw,
        json={
            "name": "照合テスト世帯",
            "area": "higashi",
            "members": [
                {
                    "person": {
                        "name": "照合 花子",
                        "name_kana": "しょうごう はなこ",
                        "birth_date": "1950-04-01",
                        "phone": "042-000-1111",
                    },
                    "relationship": "self",
                }
            ],
        },
    )
    assert household.status_code == 201, household.text
    c = await consultation(
        gateway,
        csw,
        person_name=f"照合 花子{surname}",
        person_kana="ショウゴウ ハナコ",
        person_birth_date="1950-04-01",
    )
    candidates = await gateway.get(f"/api/v1/consultations/{c['id']}/candidates", headers=csw)
    assert candidates.status_code == 200, candidates.text
    found = [x for x in candidates.json() if x["person"]["name"] == "照合 花子"]
    assert found and {"kana", "birth_date"} <= set(found[0]["matched_on"])


@pytest.mark.parametrize(
    ("body", "problem"),
    [
        ({"outcome": "referral"}, "/problems/validation"),
        ({"outcome": "link_case"}, "/problems/validation"),
        ({"outcome": "new_case"}, "/problems/validation"),
        ({"outcome": "info_closed", "agency_id": HOUKATSU_HIGASHI}, "/problems/validation"),
        ({"outcome": "closed"}, "/problems/validation"),
        ({"outcome": "new_case", "new_case": {"title": "x", "members": []}}, "/problems/validation"),
    ],
)
async def test_bad_triage_is_422_and_leaves_it_open(gateway: httpx.AsyncClient, login, body, problem) -> None:
    csw = await login("csw-higashi")
    c = await consultation(gateway, csw)
    response = await gateway.post(f"/api/v1/consultations/{c['id']}/triage", headers=csw, json=body)
    assert response.status_code == 422
    assert response.json()["type"] == problem
    assert (await gateway.get(f"/api/v1/consultations/{c['id']}", headers=csw)).json()["status"] == "open"


async def test_an_unassigned_report_needs_an_area_for_a_case(gateway: httpx.AsyncClient, login) -> None:
    sup = await login("sup1")
    c = await consultation(gateway, sup, channel="anonymous", area="unassigned")
    new_case = {"title": "図書館の男性", "members": [{"name": "氏名不詳", "relationship": "self"}]}
    refused = await gateway.post(
        f"/api/v1/consultations/{c['id']}/triage",
        headers=sup,
        json={"outcome": "new_case", "new_case": new_case},
    )
    assert refused.status_code == 422
    assert refused.json()["type"] == "/problems/area-required"
    accepted = await gateway.post(
        f"/api/v1/consultations/{c['id']}/triage",
        headers=sup,
        json={"outcome": "new_case", "area": "kita", "new_case": new_case},
    )
    assert accepted.status_code == 201, accepted.text
