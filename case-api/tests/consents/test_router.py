"""Consent (本人同意) as a history: append-only, the latest applies, its scope limits what agencies see."""

from datetime import date, timedelta

import httpx
import pytest

from tsunagu_services.testing import TokenFactory

AGENCY = "houkatsu-higashi"
GIVEN = {
    "status": "given",
    "recorded_at": "2026-11-20",
    "method": "written",
    "scope": {"agencies": [AGENCY], "parts": ["plan", "consents"]},
    "note": "長男同席で書面により確認。",
}


def supervisor(tokens: TokenFactory) -> dict[str, str]:
    return tokens.headers("supervisor", username="sup1")


def east(tokens: TokenFactory) -> dict[str, str]:
    return tokens.headers("csw", area="higashi", username="csw-higashi")


def agency_member(tokens: TokenFactory, agency_id: str = AGENCY) -> dict[str, str]:
    return tokens.headers("agency", username=f"member-{agency_id}", agency_id=agency_id)


async def open_case(client: httpx.AsyncClient, tokens: TokenFactory) -> str:
    body = {"title": "8050世帯", "area": "higashi", "lead_username": "csw-higashi"}
    created = await client.post("/api/v1/cases", json=body, headers=supervisor(tokens))
    assert created.status_code == 201
    return created.json()["id"]


async def record(client: httpx.AsyncClient, headers: dict, case_id: str, **fields) -> httpx.Response:
    return await client.post(f"/api/v1/cases/{case_id}/consents", json={**GIVEN, **fields}, headers=headers)


async def test_recording_consent_appends_and_the_latest_applies(
    client: httpx.AsyncClient, tokens: TokenFactory
) -> None:
    case_id = await open_case(client, tokens)
    url = f"/api/v1/cases/{case_id}/consents"
    empty = (await client.get(url, headers=east(tokens))).json()
    assert empty == {"current": "not_asked", "items": [], "total": 0}

    refused = await record(
        client, east(tokens), case_id, status="refused", method="verbal", scope={}, recorded_at="2026-11-10"
    )
    assert refused.status_code == 201, refused.text
    given = await record(client, east(tokens), case_id)
    assert given.status_code == 201
    entry = given.json()
    assert entry["status"] == "given"
    assert entry["scope"] == {"agencies": [AGENCY], "parts": ["consents", "plan"]}
    assert entry["recorded_by"] == "csw-higashi"
    assert entry["recorded_at"] == "2026-11-20"

    history = (await client.get(url, headers=east(tokens))).json()
    assert history["current"] == "given"
    assert [e["status"] for e in history["items"]] == ["given", "refused"]  # latest first
    case = (await client.get(f"/api/v1/cases/{case_id}", headers=east(tokens))).json()
    assert case["consent_status"] == "given"
    assert case["version"] == 3  # each entry changes what the case shows

    # A back-dated entry (recorded late) joins the history without becoming current.
    late = await record(
        client, east(tokens), case_id, status="not_asked", method=None, scope={}, recorded_at="2026-11-01"
    )
    assert late.status_code == 201
    history = (await client.get(url, headers=east(tokens))).json()
    assert history["current"] == "given"
    assert [e["status"] for e in history["items"]] == ["given", "refused", "not_asked"]
    # A correction on the same day is a new entry, and the newest one applies.
    corrected = await record(client, east(tokens), case_id, status="withdrawn", method="verbal", scope={})
    assert corrected.status_code == 201
    assert (await client.get(url, headers=east(tokens))).json()["current"] == "withdrawn"

    events = (await client.get(f"/api/v1/cases/{case_id}/history", headers=east(tokens))).json()["items"]
    consent_events = [e for e in events if e["kind"] == "consent"]
    assert [(e["before"]["current"], e["after"]["status"]) for e in consent_events] == [
        ("not_asked", "refused"),
        ("refused", "given"),
        ("given", "not_asked"),
        ("given", "withdrawn"),
    ]
    assert consent_events[1]["after"]["agencies"] == [AGENCY]


async def test_consent_entries_cannot_be_edited_or_deleted(
    client: httpx.AsyncClient, tokens: TokenFactory
) -> None:
    case_id = await open_case(client, tokens)
    entry = (await record(client, east(tokens), case_id)).json()
    url = f"/api/v1/cases/{case_id}/consents"
    for method in ("PUT", "PATCH", "DELETE"):
        assert (await client.request(method, url, json=GIVEN, headers=supervisor(tokens))).status_code == 405
        response = await client.request(
            method, f"{url}/{entry['id']}", json=GIVEN, headers=supervisor(tokens)
        )
        assert response.status_code in (404, 405)
    assert (await client.get(url, headers=east(tokens))).json()["items"] == [entry]


async def test_if_match_is_checked_when_sent(client: httpx.AsyncClient, tokens: TokenFactory) -> None:
    case_id = await open_case(client, tokens)
    stale = await client.post(
        f"/api/v1/cases/{case_id}/consents", json=GIVEN, headers={**east(tokens), "If-Match": 'W/"5"'}
    )
    assert stale.status_code == 412
    fresh = await client.post(
        f"/api/v1/cases/{case_id}/consents", json=GIVEN, headers={**east(tokens), "If-Match": 'W/"1"'}
    )
    assert fresh.status_code == 201


@pytest.mark.parametrize(
    ("scope", "sees"),
    [
        pytest.param({"agencies": [AGENCY], "parts": ["consents"]}, True, id="scope opens consents"),
        pytest.param({"agencies": [AGENCY], "parts": ["plan"]}, False, id="scope opens another part"),
        pytest.param({"agencies": ["other-agency"], "parts": ["consents"]}, False, id="another agency"),
    ],
)
async def test_consent_scope_decides_what_a_shared_agency_sees(
    client: httpx.AsyncClient, tokens: TokenFactory, scope: dict, sees: bool
) -> None:
    case_id = await open_case(client, tokens)
    await client.post(
        f"/api/v1/cases/{case_id}/shares",
        json={"grantee_kind": "agency", "grantee": AGENCY},
        headers=supervisor(tokens),
    )
    assert (await record(client, east(tokens), case_id, scope=scope)).status_code == 201
    member = agency_member(tokens)
    assert (await client.get(f"/api/v1/cases/{case_id}", headers=member)).status_code == 200  # the summary
    consents = await client.get(f"/api/v1/cases/{case_id}/consents", headers=member)
    assert consents.status_code == (200 if sees else 404)

    # Withdrawing consent closes every part again; the summary stays while the share does.
    await record(
        client,
        east(tokens),
        case_id,
        status="withdrawn",
        method="verbal",
        scope={},
        recorded_at=date.today().isoformat(),
    )
    assert (await client.get(f"/api/v1/cases/{case_id}/consents", headers=member)).status_code == 404
    assert (await client.get(f"/api/v1/cases/{case_id}", headers=member)).status_code == 200


async def test_who_may_record_consent(client: httpx.AsyncClient, tokens: TokenFactory) -> None:
    case_id = await open_case(client, tokens)
    await client.post(
        f"/api/v1/cases/{case_id}/shares",
        json={"grantee_kind": "user", "grantee": "csw-kita"},
        headers=supervisor(tokens),
    )
    kita = tokens.headers("csw", area="kita", username="csw-kita")
    assert (await record(client, kita, case_id)).status_code == 403  # shared to read, not to run the case
    nishi = tokens.headers("csw", area="nishi", username="csw-nishi")
    assert (await record(client, nishi, case_id)).status_code == 404
    assert (await record(client, agency_member(tokens), case_id)).status_code == 404
    writer = tokens.headers("system", username="intake-api", scopes=("cases:write",))
    assert (await record(client, writer, case_id)).status_code == 404
    history = await client.get(f"/api/v1/cases/{case_id}/consents", headers=supervisor(tokens))
    assert history.json()["total"] == 0


TOMORROW = (date.today() + timedelta(days=2)).isoformat()
BAD = [
    pytest.param({"status": "maybe"}, "status", id="unknown status"),
    pytest.param({"status": None}, "status", id="null status"),
    pytest.param({"recorded_at": TOMORROW}, "recorded_at", id="date in the future"),
    pytest.param({"recorded_at": "2026-11-20T10:00:00+09:00"}, "recorded_at", id="a time, not a date"),
    pytest.param({"recorded_at": "20/11/2026"}, "recorded_at", id="not an ISO date"),
    pytest.param({"recorded_at": None}, "recorded_at", id="no date"),
    pytest.param({"method": None}, "method", id="given without method"),
    pytest.param({"method": "email"}, "method", id="unknown method"),
    pytest.param({"status": "refused", "method": "verbal"}, "scope", id="refusal with a scope"),
    pytest.param({"scope": {"agencies": [AGENCY], "parts": ["minutes"]}}, "scope", id="unknown part"),
    pytest.param({"scope": {"agencies": ["包括 東"], "parts": []}}, "scope", id="agency id not an id"),
    pytest.param({"scope": {"agencies": [AGENCY], "roles": []}}, "scope", id="unknown scope field"),
    pytest.param({"scope": ["records"]}, "scope", id="scope not an object"),
    pytest.param({"person_id": "son"}, "person_id", id="person not a uuid"),
    pytest.param({"note": "x" * 2001}, "note", id="note too long"),
    pytest.param({"recorded_by": "sup2"}, "recorded_by", id="recorder is the caller, not input"),
]


@pytest.mark.parametrize(("fields", "field"), BAD)
async def test_bad_consent_is_422_and_writes_nothing(
    client: httpx.AsyncClient, tokens: TokenFactory, fields: dict, field: str
) -> None:
    case_id = await open_case(client, tokens)
    response = await record(client, east(tokens), case_id, **fields)
    assert response.status_code == 422, response.text
    assert any(field in err["loc"] for err in response.json()["errors"])
    history = (await client.get(f"/api/v1/cases/{case_id}/consents", headers=east(tokens))).json()
    assert history["total"] == 0
    assert (await client.get(f"/api/v1/cases/{case_id}", headers=east(tokens))).json()["version"] == 1
