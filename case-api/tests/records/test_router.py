"""The support timeline (支援経過記録) through case-api's HTTP interface, on a real PostgreSQL."""

import uuid
from datetime import UTC, datetime, timedelta

import httpx
import pytest
from sqlalchemy import text

from tsunagu_services.testing import TokenFactory

EAST_CASE = {"title": "小金井さん世帯", "area": "higashi", "lead_username": "csw-higashi"}
VISIT = {
    "kind": "visit",
    "occurred_at": "2026-11-25T10:00:00+09:00",
    "minutes_spent": 60,
    "text": "自宅訪問。母と面談。長男は自室から出てこず、声かけのみ。",
}
LOCKED_TITLE = "記録から24時間を過ぎたため編集できません。訂正記録を追加してください。"


def csw_east(tokens: TokenFactory) -> dict[str, str]:
    return tokens.headers("csw", area="higashi", username="csw-higashi")


def csw_east_colleague(tokens: TokenFactory) -> dict[str, str]:
    return tokens.headers("csw", area="higashi", username="csw-higashi-2")


def csw_west(tokens: TokenFactory) -> dict[str, str]:
    return tokens.headers("csw", area="nishi", username="csw-nishi")


def supervisor(tokens: TokenFactory) -> dict[str, str]:
    return tokens.headers("supervisor", username="sup1")


async def open_case(client: httpx.AsyncClient, tokens: TokenFactory, **fields: str) -> str:
    created = await client.post("/api/v1/cases", json={**EAST_CASE, **fields}, headers=supervisor(tokens))
    assert created.status_code == 201, created.text
    return created.json()["id"]


async def write(client: httpx.AsyncClient, headers: dict[str, str], case_id: str, **fields: object) -> dict:
    created = await client.post(f"/api/v1/cases/{case_id}/records", json={**VISIT, **fields}, headers=headers)
    assert created.status_code == 201, created.text
    return created.json()


async def records(client: httpx.AsyncClient, headers: dict[str, str], case_id: str, query: str = "") -> dict:
    listed = await client.get(f"/api/v1/cases/{case_id}/records{query}", headers=headers)
    assert listed.status_code == 200, listed.text
    return listed.json()


async def age(client: httpx.AsyncClient, record_id: str, by: timedelta) -> None:
    """Make a record look written `by` ago, straight in the test's rolled-back transaction."""
    app = client._transport.app  # type: ignore[attr-defined]  # the app of the conftest fixture
    async with app.state.sessionmaker() as session, session.begin():
        await session.execute(
            text(
                "UPDATE support_record SET created_at = clock_timestamp() - CAST(:by AS interval) "
                "WHERE id = :id"
            ),
            {"by": by, "id": uuid.UUID(record_id)},
        )


async def test_records_are_listed_newest_first_with_author_and_server_time(
    client: httpx.AsyncClient, tokens: TokenFactory
) -> None:
    case_id = await open_case(client, tokens)
    headers = csw_east(tokens)
    before = datetime.now(UTC)
    call = await write(
        client,
        headers,
        case_id,
        kind="call",
        occurred_at="2026-11-24T09:00:00+09:00",
        minutes_spent=15,
        text="母より電話。長男の様子を聞く。",
    )
    visit = await write(client, headers, case_id)
    safety = await write(
        client,
        supervisor(tokens),
        case_id,
        kind="safety_check",
        occurred_at="2026-11-26T08:30:00+09:00",
        minutes_spent=30,
        text="安否確認。無事。",
    )

    assert visit["author"] == "csw-higashi"
    assert visit["source"] == "staff"
    assert visit["minutes_spent"] == 60
    assert visit["occurred_at"] == "2026-11-25T01:00:00Z"  # stored and answered in UTC
    assert visit["version"] == 1
    assert visit["superseded"] is False and visit["amended_by_id"] is None and visit["amends_id"] is None
    written = datetime.fromisoformat(visit["created_at"])
    assert before - timedelta(seconds=5) <= written <= datetime.now(UTC) + timedelta(seconds=5)
    assert datetime.fromisoformat(visit["editable_until"]) == written + timedelta(hours=24)
    assert safety["author"] == "sup1"

    listed = await records(client, headers, case_id)
    assert [r["id"] for r in listed["items"]] == [safety["id"], visit["id"], call["id"]]
    assert listed["total"] == 3
    only_calls = await records(client, headers, case_id, "?kind=call")
    assert [r["id"] for r in only_calls["items"]] == [call["id"]]
    second = await records(client, headers, case_id, "?limit=1&offset=1")
    assert [r["id"] for r in second["items"]] == [visit["id"]]
    assert second["total"] == 3

    one = await client.get(f"/api/v1/cases/{case_id}/records/{visit['id']}", headers=headers)
    assert one.status_code == 200
    assert one.json() == visit
    assert one.headers["etag"] == '"1"'


async def test_the_client_cannot_set_author_or_time_of_writing(
    client: httpx.AsyncClient, tokens: TokenFactory
) -> None:
    case_id = await open_case(client, tokens)
    headers = csw_east(tokens)
    for forged in ({"author": "sup1"}, {"created_at": "2026-01-01T00:00:00+09:00"}, {"source": "meeting"}):
        refused = await client.post(
            f"/api/v1/cases/{case_id}/records", json={**VISIT, **forged}, headers=headers
        )
        assert refused.status_code == 422
    assert (await records(client, headers, case_id))["total"] == 0


async def test_the_author_edits_within_24_hours_with_if_match(
    client: httpx.AsyncClient, tokens: TokenFactory
) -> None:
    case_id = await open_case(client, tokens)
    headers = csw_east(tokens)
    record = await write(client, headers, case_id)
    url = f"/api/v1/cases/{case_id}/records/{record['id']}"

    missing = await client.patch(url, json={"minutes_spent": 90}, headers=headers)
    assert missing.status_code == 428
    assert missing.json()["type"] == "/problems/precondition-required"

    edited = await client.patch(
        url, json={"minutes_spent": 90, "text": "自宅訪問（90分）。"}, headers={**headers, "If-Match": '"1"'}
    )
    assert edited.status_code == 200, edited.text
    body = edited.json()
    assert body["minutes_spent"] == 90
    assert body["text"] == "自宅訪問（90分）。"
    assert body["kind"] == "visit"  # what was not sent stays
    assert body["version"] == 2
    assert body["edited_at"] is not None
    assert body["created_at"] == record["created_at"]  # the time of writing never moves
    assert edited.headers["etag"] == '"2"'

    stale = await client.patch(url, json={"minutes_spent": 30}, headers={**headers, "If-Match": '"1"'})
    assert stale.status_code == 412
    assert (await client.get(url, headers=headers)).json()["minutes_spent"] == 90


@pytest.mark.parametrize("editor", [csw_east_colleague, supervisor])
async def test_only_the_author_edits_in_place(
    client: httpx.AsyncClient, tokens: TokenFactory, editor
) -> None:  # type: ignore[no-untyped-def]
    case_id = await open_case(client, tokens)
    record = await write(client, csw_east(tokens), case_id)
    refused = await client.patch(
        f"/api/v1/cases/{case_id}/records/{record['id']}",
        json={"text": "改ざん"},
        headers={**editor(tokens), "If-Match": '"1"'},
    )
    assert refused.status_code == 403
    assert refused.json()["type"] == "/problems/forbidden"
    unchanged = await client.get(f"/api/v1/cases/{case_id}/records/{record['id']}", headers=csw_east(tokens))
    assert unchanged.json()["text"] == VISIT["text"]
    assert unchanged.json()["version"] == 1


@pytest.mark.parametrize(
    ("written_ago", "editable"),
    [
        (timedelta(hours=23, minutes=59), True),
        (timedelta(hours=24, minutes=1), False),
        (timedelta(days=30), False),
    ],
)
async def test_after_24_hours_a_record_is_locked(
    client: httpx.AsyncClient, tokens: TokenFactory, written_ago: timedelta, editable: bool
) -> None:
    case_id = await open_case(client, tokens)
    headers = csw_east(tokens)
    record = await write(client, headers, case_id)
    await age(client, record["id"], written_ago)
    url = f"/api/v1/cases/{case_id}/records/{record['id']}"

    response = await client.patch(url, json={"text": "追記"}, headers={**headers, "If-Match": '"1"'})
    if editable:
        assert response.status_code == 200, response.text
        assert response.json()["text"] == "追記"
    else:
        assert response.status_code == 409
        problem = response.json()
        assert problem["type"] == "/problems/record-locked"
        assert problem["title"] == LOCKED_TITLE
        assert response.headers["content-type"] == "application/problem+json"
        assert (await client.get(url, headers=headers)).json()["text"] == VISIT["text"]


async def test_an_amendment_keeps_the_original_visible_and_marked(
    client: httpx.AsyncClient, tokens: TokenFactory
) -> None:
    case_id = await open_case(client, tokens)
    headers = csw_east(tokens)
    original = await write(client, headers, case_id)
    await age(client, original["id"], timedelta(days=3))
    url = f"/api/v1/cases/{case_id}/records/{original['id']}"

    amendment = await client.post(
        f"{url}/amendments",
        headers=supervisor(tokens),
        json={"text": "訪問日は11月24日の誤り。", "reason": "日付の記入誤り"},
    )
    assert amendment.status_code == 201, amendment.text
    fix = amendment.json()
    assert fix["amends_id"] == original["id"]
    assert fix["amendment_reason"] == "日付の記入誤り"
    assert fix["author"] == "sup1"  # who wrote the correction
    assert fix["kind"] == original["kind"] and fix["occurred_at"] == original["occurred_at"]
    assert fix["minutes_spent"] == 0  # a correction is not support time: the workload split stays true

    listed = (await records(client, headers, case_id))["items"]
    assert [r["id"] for r in listed] == [fix["id"], original["id"]]  # side by side, correction first
    kept = listed[1]
    assert kept["text"] == VISIT["text"]  # the original is untouched evidence
    assert kept["superseded"] is True
    assert kept["amended_by_id"] == fix["id"]
    assert listed[0]["superseded"] is False

    # The chain stays linear: the next correction amends the latest, not the original again.
    again = await client.post(f"{url}/amendments", headers=headers, json={"text": "x", "reason": "y"})
    assert again.status_code == 409
    assert again.json()["type"] == "/problems/record-amended"
    assert again.json()["amended_by_id"] == fix["id"]
    chained = await client.post(
        f"/api/v1/cases/{case_id}/records/{fix['id']}/amendments",
        headers=headers,
        json={"text": "正しくは11月23日。", "reason": "再確認"},
    )
    assert chained.status_code == 201
    assert (await records(client, headers, case_id))["total"] == 3

    # Originals are never deleted.
    assert (await client.delete(url, headers=supervisor(tokens))).status_code == 405
    assert (await client.get(url, headers=headers)).status_code == 200


async def test_an_amended_record_is_not_edited_in_place_even_within_24_hours(
    client: httpx.AsyncClient, tokens: TokenFactory
) -> None:
    case_id = await open_case(client, tokens)
    headers = csw_east(tokens)
    original = await write(client, headers, case_id)
    url = f"/api/v1/cases/{case_id}/records/{original['id']}"
    assert (
        await client.post(f"{url}/amendments", headers=headers, json={"text": "訂正", "reason": "誤記"})
    ).status_code == 201
    refused = await client.patch(url, json={"text": "書き換え"}, headers={**headers, "If-Match": '"1"'})
    assert refused.status_code == 409
    assert refused.json()["type"] == "/problems/record-amended"


async def test_records_of_another_case_or_unknown_ids_are_404(
    client: httpx.AsyncClient, tokens: TokenFactory
) -> None:
    headers = supervisor(tokens)
    first = await open_case(client, tokens)
    second = await open_case(client, tokens, title="別の世帯")
    record = await write(client, headers, first)
    assert (
        await client.get(f"/api/v1/cases/{second}/records/{record['id']}", headers=headers)
    ).status_code == 404
    assert (
        await client.post(
            f"/api/v1/cases/{second}/records/{record['id']}/amendments",
            headers=headers,
            json={"text": "x", "reason": "y"},
        )
    ).status_code == 404
    assert (await client.get(f"/api/v1/cases/{uuid.uuid4()}/records", headers=headers)).status_code == 404
    assert (
        await client.post(f"/api/v1/cases/{uuid.uuid4()}/records", json=VISIT, headers=headers)
    ).status_code == 404
    assert (
        await client.get(f"/api/v1/cases/{first}/records/{uuid.uuid4()}", headers=headers)
    ).status_code == 404
    assert (await client.get("/api/v1/cases/not-a-uuid/records", headers=headers)).status_code == 422


# Who may read and write the timeline of an east case led by csw-higashi: (read, write) status.
ROLE_MATRIX = [
    pytest.param(
        lambda t: t.headers("csw", area="higashi", username="csw-higashi"), 200, 201, id="csw 東 (lead)"
    ),
    pytest.param(
        lambda t: t.headers("csw", area="higashi", username="csw-higashi-2"),
        200,
        201,
        id="csw 東 (same area)",
    ),
    pytest.param(lambda t: t.headers("csw", area="nishi", username="csw-nishi"), 404, 404, id="csw 西"),
    pytest.param(lambda t: t.headers("supervisor", username="sup1"), 200, 201, id="supervisor"),
    pytest.param(lambda t: t.headers("admin", username="admin"), 200, 201, id="admin"),
    pytest.param(lambda t: t.headers("sc", area="higashi", username="sc-higashi"), 404, 404, id="sc"),
    pytest.param(
        lambda t: t.headers("agency", username="agency-houkatsu-higashi", agency_id="houkatsu-higashi"),
        404,
        404,
        id="agency without share",
    ),
    pytest.param(
        lambda t: t.headers("system", username="city-system", scopes=("cases:read",)),
        200,
        403,
        id="system cases:read",
    ),
    pytest.param(
        lambda t: t.headers("system", username="stats", scopes=("statistics:read",)),
        403,  # no cases scope: insufficient_scope, before the case is even looked up
        403,
        id="system without scope",
    ),
]


@pytest.mark.parametrize(("who", "read", "write_status"), ROLE_MATRIX)
async def test_role_matrix(
    client: httpx.AsyncClient,
    tokens: TokenFactory,
    who,
    read: int,  # type: ignore[no-untyped-def]
    write_status: int,
) -> None:
    case_id = await open_case(client, tokens)
    record = await write(client, csw_east(tokens), case_id)
    headers = who(tokens)
    base = f"/api/v1/cases/{case_id}/records"
    assert (await client.get(base, headers=headers)).status_code == read
    assert (await client.get(f"{base}/{record['id']}", headers=headers)).status_code == read
    assert (await client.post(base, json=VISIT, headers=headers)).status_code == write_status
    amend = await client.post(
        f"{base}/{record['id']}/amendments", headers=headers, json={"text": "訂正", "reason": "誤記"}
    )
    assert amend.status_code == write_status
    expected_total = 1 + 2 * (write_status == 201)
    assert (await records(client, supervisor(tokens), case_id))["total"] == expected_total


BAD_RECORDS = [
    pytest.param({k: v for k, v in VISIT.items() if k != "kind"}, "kind", id="missing kind"),
    pytest.param({**VISIT, "kind": "訪問"}, "kind", id="kind not a code"),
    pytest.param({**VISIT, "kind": "outreach"}, "kind", id="unknown kind"),
    pytest.param({k: v for k, v in VISIT.items() if k != "occurred_at"}, "occurred_at", id="missing time"),
    pytest.param({**VISIT, "occurred_at": "2026-11-25T10:00:00"}, "occurred_at", id="naive time"),
    pytest.param({**VISIT, "occurred_at": "昨日"}, "occurred_at", id="not a time"),
    pytest.param(
        {**VISIT, "occurred_at": (datetime.now(UTC) + timedelta(days=2)).isoformat()},
        "occurred_at",
        id="future time",
    ),
    pytest.param({**VISIT, "occurred_at": "0001-01-01T00:00:00+14:00"}, "occurred_at", id="year 1"),
    pytest.param(
        {k: v for k, v in VISIT.items() if k != "minutes_spent"}, "minutes_spent", id="missing minutes"
    ),
    pytest.param({**VISIT, "minutes_spent": -1}, "minutes_spent", id="negative minutes"),
    pytest.param({**VISIT, "minutes_spent": 1441}, "minutes_spent", id="more than a day"),
    pytest.param({**VISIT, "minutes_spent": 1.5}, "minutes_spent", id="fractional minutes"),
    pytest.param({**VISIT, "minutes_spent": "六十"}, "minutes_spent", id="minutes not a number"),
    pytest.param({k: v for k, v in VISIT.items() if k != "text"}, "text", id="missing text"),
    pytest.param({**VISIT, "text": ""}, "text", id="empty text"),
    pytest.param({**VISIT, "text": "　\n "}, "text", id="blank text"),
    pytest.param({**VISIT, "text": "あ" * 10001}, "text", id="text too long"),
    pytest.param({**VISIT, "text": "訪問\x00"}, "text", id="NUL in text"),
    pytest.param({**VISIT, "text": 8050}, "text", id="text not a string"),
    pytest.param({**VISIT, "mood": "good"}, "mood", id="unknown field"),
]


@pytest.mark.parametrize(("body", "field"), BAD_RECORDS)
async def test_bad_record_is_a_422_problem_and_writes_nothing(
    client: httpx.AsyncClient, tokens: TokenFactory, body: dict, field: str
) -> None:
    case_id = await open_case(client, tokens)
    headers = csw_east(tokens)
    response = await client.post(f"/api/v1/cases/{case_id}/records", json=body, headers=headers)
    assert response.status_code == 422, response.text
    assert response.headers["content-type"] == "application/problem+json"
    problem = response.json()
    assert problem["type"] == "/problems/validation"
    assert field in [err["loc"][-1] for err in problem["errors"]]
    assert (await records(client, headers, case_id))["total"] == 0


async def test_a_lone_surrogate_is_a_422_not_a_500(client: httpx.AsyncClient, tokens: TokenFactory) -> None:
    case_id = await open_case(client, tokens)
    body = (
        b'{"kind": "call", "occurred_at": "2026-11-25T10:00:00+09:00", "minutes_spent": 5, "text": "\\ud800"}'
    )
    response = await client.post(
        f"/api/v1/cases/{case_id}/records",
        content=body,
        headers={**csw_east(tokens), "Content-Type": "application/json"},
    )
    assert response.status_code == 422


BAD_EDITS = [
    pytest.param({}, None, id="nothing to change"),
    pytest.param({"text": None}, "text", id="null text"),
    pytest.param({"text": " "}, "text", id="blank text"),
    pytest.param({"minutes_spent": 1441}, "minutes_spent", id="too many minutes"),
    pytest.param({"minutes_spent": None}, "minutes_spent", id="null minutes"),
    pytest.param({"kind": "visit", "author": "sup1"}, "author", id="author cannot change"),
    pytest.param({"occurred_at": "2026-11-25"}, "occurred_at", id="a date, not a time"),
    pytest.param(
        {"occurred_at": (datetime.now(UTC) + timedelta(days=2)).isoformat()}, "occurred_at", id="future time"
    ),
]


@pytest.mark.parametrize(("body", "field"), BAD_EDITS)
async def test_bad_edit_is_a_422_problem_and_changes_nothing(
    client: httpx.AsyncClient, tokens: TokenFactory, body: dict, field: str | None
) -> None:
    case_id = await open_case(client, tokens)
    headers = csw_east(tokens)
    record = await write(client, headers, case_id)
    url = f"/api/v1/cases/{case_id}/records/{record['id']}"
    response = await client.patch(url, json=body, headers={**headers, "If-Match": '"1"'})
    assert response.status_code == 422, response.text
    if field:
        assert field in [err["loc"][-1] for err in response.json()["errors"]]
    after = (await client.get(url, headers=headers)).json()
    assert after == record


@pytest.mark.parametrize(
    "body",
    [
        {"text": "訂正"},
        {"reason": "誤記"},
        {"text": "", "reason": "誤記"},
        {"text": "訂正", "reason": " "},
        {"text": "訂正", "reason": "あ" * 501},
        {"text": "訂正", "reason": "誤記", "minutes_spent": 30},
    ],
    ids=["no reason", "no text", "empty text", "blank reason", "reason too long", "unknown field"],
)
async def test_bad_amendment_is_a_422_and_writes_nothing(
    client: httpx.AsyncClient, tokens: TokenFactory, body: dict
) -> None:
    case_id = await open_case(client, tokens)
    headers = csw_east(tokens)
    record = await write(client, headers, case_id)
    response = await client.post(
        f"/api/v1/cases/{case_id}/records/{record['id']}/amendments", json=body, headers=headers
    )
    assert response.status_code == 422
    listed = await records(client, headers, case_id)
    assert listed["total"] == 1
    assert listed["items"][0]["superseded"] is False


@pytest.mark.parametrize("query", ["kind=walk", "limit=0", "limit=201", "offset=-1"])
async def test_bad_list_query_is_422(client: httpx.AsyncClient, tokens: TokenFactory, query: str) -> None:
    case_id = await open_case(client, tokens)
    response = await client.get(f"/api/v1/cases/{case_id}/records?{query}", headers=csw_east(tokens))
    assert response.status_code == 422


AGENCY = {"username": "agency-houkatsu-higashi", "agency_id": "houkatsu-higashi"}


async def share_with_agency(
    client: httpx.AsyncClient, tokens: TokenFactory, case_id: str, parts: list[str]
) -> None:
    """Share the case with the east 地域包括 and record a consent opening `parts` to it."""
    shared = await client.post(
        f"/api/v1/cases/{case_id}/shares",
        headers=supervisor(tokens),
        json={"grantee_kind": "agency", "grantee": "houkatsu-higashi"},
    )
    assert shared.status_code == 201, shared.text
    consent = await client.post(
        f"/api/v1/cases/{case_id}/consents",
        headers=supervisor(tokens),
        json={
            "status": "given",
            "recorded_at": "2026-11-20",
            "method": "written",
            "scope": {"agencies": ["houkatsu-higashi"], "parts": parts},
        },
    )
    assert consent.status_code == 201, consent.text


@pytest.mark.parametrize(("parts", "read"), [(["records"], 200), (["plan", "safety_checks"], 404), ([], 404)])
async def test_an_agency_sees_the_timeline_only_when_consent_opens_it(
    client: httpx.AsyncClient, tokens: TokenFactory, parts: list[str], read: int
) -> None:
    case_id = await open_case(client, tokens)
    record = await write(client, csw_east(tokens), case_id)
    await share_with_agency(client, tokens, case_id, parts)
    agency = tokens.headers("agency", **AGENCY)
    base = f"/api/v1/cases/{case_id}/records"
    assert (await client.get(base, headers=agency)).status_code == read
    assert (await client.get(f"{base}/{record['id']}", headers=agency)).status_code == read
    # Seeing is not writing: an agency member never adds to the case's evidence.
    assert (await client.post(base, json=VISIT, headers=agency)).status_code == (403 if read == 200 else 404)
    assert (await records(client, supervisor(tokens), case_id))["total"] == 1


async def test_a_csw_of_another_area_with_a_user_share_reads_and_writes(
    client: httpx.AsyncClient, tokens: TokenFactory
) -> None:
    case_id = await open_case(client, tokens)
    shared = await client.post(
        f"/api/v1/cases/{case_id}/shares",
        headers=supervisor(tokens),
        json={"grantee_kind": "user", "grantee": "csw-nishi"},
    )
    assert shared.status_code == 201, shared.text
    west = csw_west(tokens)
    assert (await client.get(f"/api/v1/cases/{case_id}/records", headers=west)).status_code == 200
    assert (await write(client, west, case_id))["author"] == "csw-nishi"
