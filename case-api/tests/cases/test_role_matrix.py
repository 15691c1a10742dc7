"""Role by object over every endpoint of the case core: who reads, who writes, who gets 404.

An east-area case, shared with the 東地域包括支援センター (agency houkatsu-higashi), with SC
sc-higashi and with CSW csw-minami by name; the person's consent opens only the consent history to
that agency. Each caller tries every endpoint; a refused write leaves the case as it was.
"""

import httpx
import pytest

from tsunagu_services.testing import TokenFactory

AGENCY = "houkatsu-higashi"
CALLERS = {
    "csw_east": lambda t: t.headers("csw", area="higashi", username="csw-higashi2"),
    "csw_west": lambda t: t.headers("csw", area="nishi", username="csw-nishi"),
    "csw_shared": lambda t: t.headers("csw", area="minami", username="csw-minami"),
    "sc_shared": lambda t: t.headers("sc", area="higashi", username="sc-higashi"),
    "supervisor": lambda t: t.headers("supervisor", username="sup2"),
    "agency_shared": lambda t: t.headers("agency", username="agency-houkatsu-higashi", agency_id=AGENCY),
    "agency_other": lambda t: t.headers(
        "agency", username="agency-houkatsu-nishi", agency_id="houkatsu-nishi"
    ),
    "system_read": lambda t: t.headers("system", username="city-system", scopes=("cases:read",)),
    "system_none": lambda t: t.headers("system", username="stats-system", scopes=("statistics:read",)),
}

# endpoint: (method, path, body, success status)
ENDPOINTS = {
    "read": ("GET", "", None, 200),
    "patch": ("PATCH", "", {"risk_flags": ["visit_caution"]}, 200),
    "status": ("POST", "/status", {"to": "assessment"}, 200),
    "history": ("GET", "/history", None, 200),
    "recommendation": ("GET", "/recommendation", None, 200),
    "override": ("POST", "/recommendation/override", {"body": "juusou", "reason": "確認済み"}, 200),
    "consents": ("GET", "/consents", None, 200),
    "consent_add": (
        "POST",
        "/consents",
        {"status": "withdrawn", "recorded_at": "2026-11-25", "method": "verbal"},
        201,
    ),
    "shares": ("GET", "/shares", None, 200),
    "share_add": ("POST", "/shares", {"grantee_kind": "user", "grantee": "csw-kita"}, 201),
    "share_revoke": ("POST", "/shares/{share_id}/revoke", {"reason": "担当交代"}, 200),
}
READS = {"read", "history", "recommendation", "consents", "shares"}
MANAGE = {"patch", "status", "consent_add", "share_add", "share_revoke"}

OK, NO, HIDDEN = "ok", 403, 404
EXPECTED = {
    "csw_east": {e: OK for e in ENDPOINTS} | {"override": NO},
    "supervisor": {e: OK for e in ENDPOINTS},
    "csw_west": {e: HIDDEN for e in ENDPOINTS},
    # Shared by name: the whole case to read, but running it stays with the east desk.
    "csw_shared": {e: OK for e in READS} | {e: NO for e in MANAGE | {"override"}},
    "sc_shared": {e: OK for e in READS} | {e: NO for e in MANAGE | {"override"}},
    # Shared with the agency: the summary, and the consent history because consent opens it.
    "agency_shared": {
        "read": OK,
        "consents": OK,
        "history": HIDDEN,
        "recommendation": HIDDEN,
        "shares": HIDDEN,
    }
    | {e: NO for e in MANAGE | {"override"}},
    "agency_other": {e: HIDDEN for e in ENDPOINTS},
    "system_read": {e: OK for e in READS} | {e: NO for e in MANAGE | {"override"}},
    # A system without a cases scope is refused outright (403 insufficient_scope), never shown a 404.
    "system_none": {e: NO for e in ENDPOINTS},
}
assert all(set(row) == set(ENDPOINTS) for row in EXPECTED.values())


async def _setup(client: httpx.AsyncClient, tokens: TokenFactory) -> tuple[str, str]:
    """The east case with its shares and consent; answers (case id, id of the CSW share)."""
    sup = tokens.headers("supervisor", username="sup1")
    case = (
        await client.post(
            "/api/v1/cases",
            json={"title": "東の世帯", "area": "higashi", "lead_username": "csw-higashi"},
            headers=sup,
        )
    ).json()
    base = f"/api/v1/cases/{case['id']}"
    shares = {}
    for kind, grantee in (("agency", AGENCY), ("user", "sc-higashi"), ("user", "csw-minami")):
        response = await client.post(
            f"{base}/shares", json={"grantee_kind": kind, "grantee": grantee}, headers=sup
        )
        assert response.status_code == 201, response.text
        shares[grantee] = response.json()["id"]
    consent = {
        "status": "given",
        "recorded_at": "2026-11-20",
        "method": "written",
        "scope": {"agencies": [AGENCY], "parts": ["consents"]},
    }
    assert (await client.post(f"{base}/consents", json=consent, headers=sup)).status_code == 201
    return case["id"], shares["csw-minami"]


async def _snapshot(client: httpx.AsyncClient, tokens: TokenFactory, case_id: str) -> tuple:
    sup = tokens.headers("supervisor", username="sup1")
    base = f"/api/v1/cases/{case_id}"
    return (
        (await client.get(base, headers=sup)).json(),
        (await client.get(f"{base}/history", headers=sup)).json()["total"],
        (await client.get(f"{base}/shares", headers=sup)).json(),
    )


@pytest.mark.parametrize("endpoint", list(ENDPOINTS))
@pytest.mark.parametrize("caller", list(CALLERS))
async def test_role_by_object(
    client: httpx.AsyncClient, tokens: TokenFactory, caller: str, endpoint: str
) -> None:
    case_id, share_id = await _setup(client, tokens)
    method, suffix, body, success = ENDPOINTS[endpoint]
    url = f"/api/v1/cases/{case_id}{suffix.format(share_id=share_id)}"
    headers = CALLERS[caller](tokens)
    if method in ("PATCH", "POST") and endpoint in {"patch", "status"}:
        sup = tokens.headers("supervisor", username="sup1")
        etag = (await client.get(f"/api/v1/cases/{case_id}", headers=sup)).headers["etag"]
        headers = {**headers, "If-Match": etag}
    before = await _snapshot(client, tokens, case_id)

    response = await client.request(method, url, json=body, headers=headers)

    expected = EXPECTED[caller][endpoint]
    assert response.status_code == (success if expected == OK else expected), response.text
    if expected != OK:
        assert response.headers["content-type"] == "application/problem+json"
        assert await _snapshot(client, tokens, case_id) == before  # refused: nothing written


@pytest.mark.parametrize("caller", list(CALLERS))
async def test_list_shows_exactly_the_visible_cases(
    client: httpx.AsyncClient, tokens: TokenFactory, caller: str
) -> None:
    case_id, _ = await _setup(client, tokens)
    west = await client.post(
        "/api/v1/cases",
        json={"title": "西の世帯", "area": "nishi"},
        headers=tokens.headers("supervisor", username="sup1"),
    )
    listed = await client.get("/api/v1/cases", headers=CALLERS[caller](tokens))
    if caller == "system_none":  # no cases scope: no list at all, not an empty one
        assert listed.status_code == 403
        assert listed.json()["type"] == "/problems/insufficient-scope"
        assert 'error="insufficient_scope"' in listed.headers["www-authenticate"]
        return
    assert listed.status_code == 200
    ids = {c["id"] for c in listed.json()["items"]}
    sees_east = EXPECTED[caller]["read"] == OK
    sees_west = caller in {"csw_west", "supervisor", "system_read"}
    assert ids == {i for i, seen in ((case_id, sees_east), (west.json()["id"], sees_west)) if seen}
    assert listed.json()["total"] == len(ids)


async def test_west_csw_runs_a_west_case_east_csw_gets_404(
    client: httpx.AsyncClient, tokens: TokenFactory
) -> None:
    west = (
        await client.post(
            "/api/v1/cases",
            json={"title": "西の世帯", "area": "nishi"},
            headers=tokens.headers("csw", area="nishi", username="csw-nishi"),
        )
    ).json()
    for caller, expected in (("csw_east", 404), ("csw_west", 200)):
        headers = {**CALLERS[caller](tokens), "If-Match": 'W/"1"'}
        assert (await client.get(f"/api/v1/cases/{west['id']}", headers=headers)).status_code == expected
        response = await client.patch(
            f"/api/v1/cases/{west['id']}", json={"difficult": True}, headers=headers
        )
        assert response.status_code == expected
