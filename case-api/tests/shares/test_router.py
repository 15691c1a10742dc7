"""Sharing a case: an explicit grant by those who run the case, revocable, and in the history."""

import uuid

import httpx
import pytest

from tsunagu_services.testing import TokenFactory


def supervisor(tokens: TokenFactory) -> dict[str, str]:
    return tokens.headers("supervisor", username="sup1")


def csw(tokens: TokenFactory, area: str) -> dict[str, str]:
    return tokens.headers("csw", area=area, username=f"csw-{area}")


async def open_case(client: httpx.AsyncClient, tokens: TokenFactory, area: str = "higashi") -> str:
    body = {"title": "世帯", "area": area, "lead_username": f"csw-{area}"}
    created = await client.post("/api/v1/cases", json=body, headers=supervisor(tokens))
    assert created.status_code == 201
    return created.json()["id"]


async def share(
    client: httpx.AsyncClient,
    headers: dict,
    case_id: str,
    kind: str = "user",
    grantee: str = "csw-nishi",
    **fields,
) -> httpx.Response:
    return await client.post(
        f"/api/v1/cases/{case_id}/shares",
        json={"grantee_kind": kind, "grantee": grantee, **fields},
        headers=headers,
    )


async def test_scenario_west_csw_sees_the_case_only_while_it_is_shared(
    client: httpx.AsyncClient, tokens: TokenFactory
) -> None:
    case_id = await open_case(client, tokens)
    west = csw(tokens, "nishi")
    assert (await client.get(f"/api/v1/cases/{case_id}", headers=west)).status_code == 404
    assert (await client.get("/api/v1/cases", headers=west)).json()["total"] == 0

    granted = await share(client, csw(tokens, "higashi"), case_id, reason="西圏域へ転居予定のため。")
    assert granted.status_code == 201, granted.text
    grant = granted.json()
    assert (grant["grantee_kind"], grant["grantee"], grant["granted_by"], grant["active"]) == (
        "user",
        "csw-nishi",
        "csw-higashi",
        True,
    )
    assert (await client.get(f"/api/v1/cases/{case_id}", headers=west)).status_code == 200
    assert (await client.get(f"/api/v1/cases/{case_id}/history", headers=west)).status_code == 200
    assert [c["id"] for c in (await client.get("/api/v1/cases", headers=west)).json()["items"]] == [case_id]

    revoked = await client.post(
        f"/api/v1/cases/{case_id}/shares/{grant['id']}/revoke",
        json={"reason": "転居が取りやめになった。"},
        headers=supervisor(tokens),
    )
    assert revoked.status_code == 200, revoked.text
    assert revoked.json()["active"] is False
    assert revoked.json()["revoked_by"] == "sup1"
    assert (await client.get(f"/api/v1/cases/{case_id}", headers=west)).status_code == 404
    assert (await client.get("/api/v1/cases", headers=west)).json()["total"] == 0

    listed = (await client.get(f"/api/v1/cases/{case_id}/shares", headers=supervisor(tokens))).json()
    assert [(s["grantee"], s["active"]) for s in listed["items"]] == [("csw-nishi", False)]  # kept as record
    history = await client.get(f"/api/v1/cases/{case_id}/history", headers=supervisor(tokens))
    events = history.json()["items"]
    assert [(e["kind"], e["reason"]) for e in events[1:]] == [
        ("share_granted", "西圏域へ転居予定のため。"),
        ("share_revoked", "転居が取りやめになった。"),
    ]
    assert events[1]["after"]["grantee"] == "csw-nishi"


async def test_an_agency_share_shows_the_summary_to_that_agency_only(
    client: httpx.AsyncClient, tokens: TokenFactory
) -> None:
    case_id = await open_case(client, tokens)
    member = tokens.headers("agency", username="agency-houkatsu-higashi", agency_id="houkatsu-higashi")
    other = tokens.headers("agency", username="agency-houkatsu-kita", agency_id="houkatsu-kita")
    assert (await share(client, supervisor(tokens), case_id, "agency", "houkatsu-higashi")).status_code == 201
    summary = await client.get(f"/api/v1/cases/{case_id}", headers=member)
    assert summary.status_code == 200
    assert summary.json()["consent_status"] == "not_asked"
    assert [c["id"] for c in (await client.get("/api/v1/cases", headers=member)).json()["items"]] == [case_id]
    for part in ("consents", "history", "shares", "recommendation"):
        assert (await client.get(f"/api/v1/cases/{case_id}/{part}", headers=member)).status_code == 404
    assert (await client.get(f"/api/v1/cases/{case_id}", headers=other)).status_code == 404
    assert (await client.get("/api/v1/cases", headers=other)).json()["total"] == 0


async def test_a_user_share_gives_an_agency_member_the_whole_case(
    client: httpx.AsyncClient, tokens: TokenFactory
) -> None:
    case_id = await open_case(client, tokens)
    member = tokens.headers("agency", username="agency-houkatsu-higashi", agency_id="houkatsu-higashi")
    granted = await share(client, supervisor(tokens), case_id, "user", "agency-houkatsu-higashi")
    assert granted.status_code == 201
    assert (await client.get(f"/api/v1/cases/{case_id}/consents", headers=member)).status_code == 200
    assert (await client.get(f"/api/v1/cases/{case_id}/history", headers=member)).status_code == 200


async def test_one_active_share_per_grantee(client: httpx.AsyncClient, tokens: TokenFactory) -> None:
    case_id = await open_case(client, tokens)
    first = (await share(client, supervisor(tokens), case_id)).json()
    again = await share(client, supervisor(tokens), case_id)
    assert again.status_code == 409
    assert again.json()["type"] == "/problems/case-already-shared"
    revoke_url = f"/api/v1/cases/{case_id}/shares/{first['id']}/revoke"
    assert (await client.post(revoke_url, headers=supervisor(tokens))).status_code == 200
    twice = await client.post(revoke_url, headers=supervisor(tokens))
    assert twice.status_code == 409
    assert twice.json()["type"] == "/problems/share-already-revoked"
    assert (await share(client, supervisor(tokens), case_id)).status_code == 201  # granted anew
    # The same name as a user and as an agency are two different grants.
    assert (await share(client, supervisor(tokens), case_id, "agency", "csw-nishi")).status_code == 201


async def test_revoking_a_share_of_another_case_or_none_is_404(
    client: httpx.AsyncClient, tokens: TokenFactory
) -> None:
    case_id = await open_case(client, tokens)
    other_id = await open_case(client, tokens)
    grant = (await share(client, supervisor(tokens), other_id)).json()
    for share_id in (grant["id"], str(uuid.uuid4())):
        response = await client.post(
            f"/api/v1/cases/{case_id}/shares/{share_id}/revoke", headers=supervisor(tokens)
        )
        assert response.status_code == 404
    assert (await client.get(f"/api/v1/cases/{other_id}", headers=csw(tokens, "nishi"))).status_code == 200


@pytest.mark.parametrize(
    ("who", "expected"),
    [
        pytest.param("supervisor", 201, id="supervisor"),
        pytest.param("admin", 201, id="admin"),
        pytest.param("lead", 201, id="the lead, from another area"),
        pytest.param("same_area", 201, id="a CSW of the area"),
        pytest.param("shared_csw", 403, id="a CSW the case is shared with"),
        pytest.param("sc", 403, id="an SC the case is shared with"),
        pytest.param("other_area", 404, id="a CSW of another area"),
        pytest.param("system", 403, id="a system client that reads cases"),
    ],
)
async def test_who_may_share(
    client: httpx.AsyncClient, tokens: TokenFactory, who: str, expected: int
) -> None:
    body = {"title": "世帯", "area": "higashi", "lead_username": "csw-kita"}
    created = await client.post("/api/v1/cases", json=body, headers=supervisor(tokens))
    case_id = created.json()["id"]
    await share(client, supervisor(tokens), case_id, grantee="csw-minami")
    await share(client, supervisor(tokens), case_id, grantee="sc-higashi")
    headers = {
        "supervisor": supervisor(tokens),
        "admin": tokens.headers("admin", username="admin"),
        "lead": tokens.headers("csw", area="kita", username="csw-kita"),
        "same_area": tokens.headers("csw", area="higashi", username="csw-higashi"),
        "shared_csw": tokens.headers("csw", area="minami", username="csw-minami"),
        "sc": tokens.headers("sc", area="higashi", username="sc-higashi"),
        "other_area": tokens.headers("csw", area="nishi", username="csw-nishi2"),
        "system": tokens.headers("system", username="city", scopes=("cases:read", "cases:write")),
    }[who]
    response = await share(client, headers, case_id, "agency", "houkatsu-higashi")
    assert response.status_code == expected, response.text
    listed = (await client.get(f"/api/v1/cases/{case_id}/shares", headers=supervisor(tokens))).json()["items"]
    assert len(listed) == (3 if expected == 201 else 2)


BAD = [
    pytest.param({"grantee_kind": "group"}, "grantee_kind", id="unknown kind"),
    pytest.param({"grantee_kind": None}, "grantee_kind", id="no kind"),
    pytest.param({"grantee": ""}, "grantee", id="empty grantee"),
    pytest.param({"grantee": "csw nishi"}, "grantee", id="username with a space"),
    pytest.param({"grantee": "x" * 101}, "grantee", id="grantee too long"),
    pytest.param({"grantee_kind": "agency", "grantee": "包括 東"}, "grantee", id="agency id not an id"),
    pytest.param({"grantee": 12}, "grantee", id="grantee not a string"),
    pytest.param({"reason": "x" * 1001}, "reason", id="reason too long"),
    pytest.param({"reason": " "}, "reason", id="blank reason"),
    pytest.param({"granted_by": "sup2"}, "granted_by", id="granter is the caller, not input"),
]


@pytest.mark.parametrize(("fields", "field"), BAD)
async def test_bad_share_is_422_and_writes_nothing(
    client: httpx.AsyncClient, tokens: TokenFactory, fields: dict, field: str
) -> None:
    case_id = await open_case(client, tokens)
    response = await share(client, supervisor(tokens), case_id, **fields)
    assert response.status_code == 422
    assert any(field in err["loc"] for err in response.json()["errors"])
    listed = await client.get(f"/api/v1/cases/{case_id}/shares", headers=supervisor(tokens))
    assert listed.json()["items"] == []


@pytest.mark.parametrize("body", [{"reason": "x" * 1001}, {"by": "sup2"}, {"reason": 5}])
async def test_bad_revoke_is_422_and_keeps_the_share(
    client: httpx.AsyncClient, tokens: TokenFactory, body: dict
) -> None:
    case_id = await open_case(client, tokens)
    grant = (await share(client, supervisor(tokens), case_id)).json()
    response = await client.post(
        f"/api/v1/cases/{case_id}/shares/{grant['id']}/revoke", json=body, headers=supervisor(tokens)
    )
    assert response.status_code == 422
    assert (await client.get(f"/api/v1/cases/{case_id}", headers=csw(tokens, "nishi"))).status_code == 200
