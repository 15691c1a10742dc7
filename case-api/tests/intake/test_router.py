"""The triage hand-off: intake-api's outbox opens a household case with consent and the intake record."""

import uuid

import httpx

from tsunagu_services.testing import TokenFactory


def hand_off(consultation_id: str, consent: str = "refused") -> dict:
    return {
        "consultation_id": consultation_id,
        "opened_by": "csw-higashi",
        "area": "higashi",
        "title": "小金井さん世帯",
        "lead_username": "csw-higashi",
        "members": [
            {
                "name": "小金井 ハナ",
                "name_kana": "こがねい はな",
                "birth_date": "1943-02-01",
                "relationship": "parent",
            },
            {
                "name": "小金井 一郎",
                "name_kana": "コガネイ イチロウ",
                "birth_date": "1972-08-15",
                "relationship": "self",
                "is_primary": True,
            },
        ],
        "consent": consent,
        "intake": {
            "received_at": "2026-11-26T01:10:00Z",
            "channel": "phone",
            "summary": "隣の家の80代の母親と50代の息子が心配（近隣からの電話）",
        },
    }


def intake_api(tokens: TokenFactory) -> dict[str, str]:
    return tokens.headers("system", username="intake-api", scopes=("service",))


async def test_opens_household_case_once_with_consent_and_intake_record(
    client: httpx.AsyncClient, tokens: TokenFactory
) -> None:
    body = hand_off(str(uuid.uuid4()))
    first = await client.post("/api/v1/cases/from-intake", json=body, headers=intake_api(tokens))
    assert first.status_code == 201, first.text
    again = await client.post("/api/v1/cases/from-intake", json=body, headers=intake_api(tokens))
    assert again.status_code == 200
    assert again.json()["id"] == first.json()["id"]
    assert again.json()["created"] is False

    csw = tokens.headers("csw", area="higashi", username="csw-higashi")
    case_id = first.json()["id"]
    case = (await client.get(f"/api/v1/cases/{case_id}", headers=csw)).json()
    assert (case["area"], case["lead_username"], case["consent_status"]) == (
        "higashi",
        "csw-higashi",
        "refused",
    )
    assert case["effective_body"] == "shien"  # no consent: the 支援会議

    household = (await client.get(f"/api/v1/households/{first.json()['household_id']}", headers=csw)).json()
    assert sorted(m["person"]["name_kana"] for m in household["members"]) == [
        "コガネイ イチロウ",
        "コガネイ ハナ",
    ]

    records = (await client.get(f"/api/v1/cases/{case_id}/records", headers=csw)).json()["items"]
    assert len(records) == 1
    assert records[0]["author"] == "csw-higashi"
    assert records[0]["text"].startswith("【相談受付】")


async def test_only_our_own_services_may_hand_off(client: httpx.AsyncClient, tokens: TokenFactory) -> None:
    body = hand_off(str(uuid.uuid4()))
    for headers in (
        tokens.headers("supervisor", username="sup1"),
        tokens.headers("system", username="city", scopes=("cases:write",)),
    ):
        assert (await client.post("/api/v1/cases/from-intake", json=body, headers=headers)).status_code == 403
    supervisor = tokens.headers("supervisor", username="sup1")
    assert (await client.get("/api/v1/cases", headers=supervisor)).json()["total"] == 0


async def test_bad_hand_off_writes_nothing(client: httpx.AsyncClient, tokens: TokenFactory) -> None:
    body = hand_off(str(uuid.uuid4()))
    body["members"] = []
    assert (
        await client.post("/api/v1/cases/from-intake", json=body, headers=intake_api(tokens))
    ).status_code == 422
    supervisor = tokens.headers("supervisor", username="sup1")
    assert (await client.get("/api/v1/cases", headers=supervisor)).json()["total"] == 0
