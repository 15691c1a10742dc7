"""Safety checks (安否確認) through case-api's HTTP interface, on a real PostgreSQL."""

from collections.abc import Callable
from datetime import UTC, datetime, timedelta

import httpx
import pytest

from tsunagu_services.testing import TokenFactory

Headers = dict[str, str]
REASON = "メールに希死念慮をうかがわせる記述"


def east(tokens: TokenFactory) -> Headers:
    return tokens.headers("csw", area="higashi", username="csw-higashi")


def west(tokens: TokenFactory) -> Headers:
    return tokens.headers("csw", area="nishi", username="csw-nishi")


def sup(tokens: TokenFactory) -> Headers:
    return tokens.headers("supervisor", username="sup1")


def agency(tokens: TokenFactory) -> Headers:
    return tokens.headers(
        "agency",
        area="higashi",
        username="agency-houkatsu-higashi",
        agency_id="0b0c0000-0000-4000-8000-000000000001",
    )


def intake(tokens: TokenFactory, *scopes: str) -> Headers:
    return tokens.headers("system", username="intake-api", scopes=scopes)


def iso(moment: datetime) -> str:
    return moment.isoformat()


def in_hours(hours: float) -> str:
    return iso(datetime.now(UTC) + timedelta(hours=hours))


async def open_case(
    client: httpx.AsyncClient, tokens: TokenFactory, area: str = "higashi", lead: str | None = None
) -> str:
    body = {"title": "小金井さん世帯", "area": area, "lead_username": lead or f"csw-{area}"}
    created = await client.post("/api/v1/cases", json=body, headers=sup(tokens))
    assert created.status_code == 201, created.text
    return created.json()["id"]


async def raise_check(client: httpx.AsyncClient, headers: Headers, **fields: object) -> dict:
    body = {"area": "higashi", "reason": REASON, "due_at": in_hours(3), **fields}
    created = await client.post("/api/v1/safety-checks", json=body, headers=headers)
    assert created.status_code == 201, created.text
    return created.json()


async def total(client: httpx.AsyncClient, tokens: TokenFactory) -> int:
    listed = await client.get("/api/v1/safety-checks", headers=sup(tokens))
    assert listed.status_code == 200
    return listed.json()["total"]


async def test_staff_raise_a_check_due_by_office_hours(
    client: httpx.AsyncClient, tokens: TokenFactory
) -> None:
    # Scenario 2: an email at 10:10 on a weekday is due the same day (received + 2 h).
    created = await client.post(
        "/api/v1/safety-checks",
        headers=east(tokens),
        json={"area": "higashi", "reason": REASON, "received_at": "2025-12-01T10:10:00+09:00"},
    )
    assert created.status_code == 201, created.text
    check = created.json()
    assert datetime.fromisoformat(check["due_at"]) == datetime.fromisoformat("2025-12-01T12:10:00+09:00")
    assert check["status"] == "open"
    assert check["outcome"] is None
    assert check["created_by"] == "csw-higashi"
    assert check["version"] == 1
    assert created.headers["etag"] == 'W/"1"'
    read = await client.get(f"/api/v1/safety-checks/{check['id']}", headers=sup(tokens))
    assert read.status_code == 200
    assert read.json()["due_at"] == check["due_at"]

    friday_evening = await client.post(
        "/api/v1/safety-checks",
        headers=east(tokens),
        json={"area": "higashi", "reason": REASON, "received_at": "2025-12-05T18:00:00+09:00"},
    )
    assert datetime.fromisoformat(friday_evening.json()["due_at"]) == datetime.fromisoformat(
        "2025-12-08T10:00:00+09:00"
    )


async def test_a_check_on_a_case_takes_the_case_area(client: httpx.AsyncClient, tokens: TokenFactory) -> None:
    case_id = await open_case(client, tokens, "nishi")
    check = await raise_check(client, west(tokens), area=None, case_id=case_id)
    assert check["area"] == "nishi"
    assert check["case_id"] == case_id
    mismatch = await client.post(
        "/api/v1/safety-checks",
        headers=sup(tokens),
        json={"area": "higashi", "case_id": case_id, "reason": REASON},
    )
    assert mismatch.status_code == 422
    # A CSW may not raise a check on a case they cannot open: the case is unknown to them.
    hidden = await client.post(
        "/api/v1/safety-checks", headers=east(tokens), json={"case_id": case_id, "reason": REASON}
    )
    assert hidden.status_code == 422
    assert hidden.json()["errors"][0]["loc"] == ["body", "case_id"]


async def test_intake_retries_through_its_outbox_create_one_check(
    client: httpx.AsyncClient, tokens: TokenFactory
) -> None:
    body = {
        "area": "higashi",
        "reason": REASON,
        "source_key": "intake-outbox-42",
        "received_at": "2025-12-01T10:10:00+09:00",
    }
    first = await client.post("/api/v1/safety-checks", json=body, headers=intake(tokens, "service"))
    assert first.status_code == 201, first.text
    # The outbox retries (say the answer was lost): same key, same check, 200.
    again = await client.post("/api/v1/safety-checks", json=body, headers=intake(tokens, "service"))
    assert again.status_code == 200, again.text
    assert again.json()["id"] == first.json()["id"]
    # A repeat with other content is still the same check: the key names it.
    changed = await client.post(
        "/api/v1/safety-checks", json={**body, "reason": "再送"}, headers=intake(tokens, "service")
    )
    assert changed.status_code == 200
    assert changed.json()["reason"] == REASON
    assert await total(client, tokens) == 1
    # Another sender's key does not reveal the first sender's check.
    other = await client.post(
        "/api/v1/safety-checks",
        json=body,
        headers=tokens.headers("system", username="city-system", scopes=("safety-checks:write",)),
    )
    assert other.status_code == 409
    assert other.json()["type"] == "/problems/source-key-taken"
    assert await total(client, tokens) == 1


async def test_idempotency_key_header_replays_and_is_the_source_key(
    client: httpx.AsyncClient, tokens: TokenFactory
) -> None:
    body = {"area": "higashi", "reason": REASON}
    headers = {**intake(tokens, "service"), "Idempotency-Key": "outbox-7"}
    first = await client.post("/api/v1/safety-checks", json=body, headers=headers)
    assert first.status_code == 201, first.text
    replay = await client.post("/api/v1/safety-checks", json=body, headers=headers)
    assert replay.status_code == 201
    assert replay.headers.get("idempotent-replayed") == "true"
    assert replay.json()["id"] == first.json()["id"]
    # The same key in the body later (the outbox's own key) finds the same check.
    by_body = await client.post(
        "/api/v1/safety-checks", json={**body, "source_key": "outbox-7"}, headers=intake(tokens, "service")
    )
    assert by_body.status_code == 200
    assert by_body.json()["id"] == first.json()["id"]
    assert await total(client, tokens) == 1


RAISERS: list[tuple[str, Callable[[TokenFactory], Headers], int]] = [
    ("csw east", east, 201),
    ("csw west, for another area (urgency first)", west, 201),
    ("supervisor", sup, 201),
    ("admin", lambda t: t.headers("admin"), 201),
    ("agency member", agency, 403),
    ("sc", lambda t: t.headers("sc", area="higashi", username="sc-higashi"), 403),
    ("system without scope", lambda t: intake(t, "cases:read"), 403),
    ("system with safety-checks:write", lambda t: intake(t, "safety-checks:write"), 201),
    ("service token", lambda t: intake(t, "service"), 201),
]


@pytest.mark.parametrize(("who", "headers", "expected"), RAISERS, ids=[r[0] for r in RAISERS])
async def test_who_may_raise_a_check(
    client: httpx.AsyncClient,
    tokens: TokenFactory,
    who: str,
    headers: Callable[[TokenFactory], Headers],
    expected: int,
) -> None:
    answer = await client.post(
        "/api/v1/safety-checks", json={"area": "higashi", "reason": REASON}, headers=headers(tokens)
    )
    assert answer.status_code == expected, answer.text
    assert await total(client, tokens) == (1 if expected == 201 else 0)


async def test_who_sees_which_checks(client: httpx.AsyncClient, tokens: TokenFactory) -> None:
    minami_case = await open_case(client, tokens, "minami", lead="csw-higashi")
    a = (await raise_check(client, sup(tokens), area="higashi"))["id"]
    b = (await raise_check(client, sup(tokens), area="nishi"))["id"]
    c = (await raise_check(client, sup(tokens), area="nishi", assigned_to="csw-higashi"))["id"]
    d = (await raise_check(client, sup(tokens), area=None, case_id=minami_case))["id"]

    async def ids(headers: Headers) -> set[str]:
        listed = await client.get("/api/v1/safety-checks", headers=headers)
        assert listed.status_code == 200, listed.text
        return {item["id"] for item in listed.json()["items"]}

    assert await ids(east(tokens)) == {a, c, d}  # own area, assigned, a case they lead
    assert await ids(west(tokens)) == {b, c}
    assert await ids(sup(tokens)) == {a, b, c, d}
    assert await ids(tokens.headers("admin")) == {a, b, c, d}
    assert (await client.get("/api/v1/safety-checks", headers=agency(tokens))).status_code == 403
    assert (await client.get("/api/v1/safety-checks", headers=intake(tokens, "service"))).status_code == 403
    for check_id, headers, expected in [
        (a, west(tokens), 404),
        (a, east(tokens), 200),
        (b, east(tokens), 404),
        (c, east(tokens), 200),
        (a, agency(tokens), 404),
    ]:
        answer = await client.get(f"/api/v1/safety-checks/{check_id}", headers=headers)
        assert answer.status_code == expected
    assert (await client.get("/api/v1/safety-checks?area=nishi", headers=sup(tokens))).json()["total"] == 2


async def test_overdue_checks_are_flagged_and_escalate_once(
    client: httpx.AsyncClient, tokens: TokenFactory
) -> None:
    late = await raise_check(client, east(tokens), due_at=in_hours(-1))
    soon = await raise_check(client, east(tokens), due_at=in_hours(2))
    assert late["overdue"] is True
    assert late["escalated_at"] is not None  # surfaced the first time it was seen overdue
    assert soon["overdue"] is False
    assert soon["escalated_at"] is None

    overdue = (await client.get("/api/v1/safety-checks?status=overdue", headers=sup(tokens))).json()
    assert [c["id"] for c in overdue["items"]] == [late["id"]]
    assert overdue["items"][0]["escalated_at"] == late["escalated_at"]  # the first time stays
    assert overdue["items"][0]["version"] == 1  # noticing is not an edit: ETags stay valid
    due = (await client.get("/api/v1/safety-checks?status=due", headers=east(tokens))).json()
    assert [c["id"] for c in due["items"]] == [late["id"], soon["id"]]  # earliest due first
    assert [c["overdue"] for c in due["items"]] == [True, False]

    closed = await client.post(
        f"/api/v1/safety-checks/{late['id']}/outcome", json={"outcome": "safe"}, headers=east(tokens)
    )
    assert closed.status_code == 200
    assert closed.json()["overdue"] is False
    overdue = (await client.get("/api/v1/safety-checks?status=overdue", headers=sup(tokens))).json()
    assert overdue["total"] == 0
    done = (await client.get("/api/v1/safety-checks?status=done", headers=sup(tokens))).json()
    assert [c["id"] for c in done["items"]] == [late["id"]]


async def test_an_outcome_is_required_to_close(client: httpx.AsyncClient, tokens: TokenFactory) -> None:
    check = await raise_check(client, east(tokens))
    url = f"/api/v1/safety-checks/{check['id']}/outcome"
    for body in (
        {},
        {"outcome": None},
        {"outcome": "fine"},
        {"outcome": "other"},
        {"outcome": "safe", "checked_at": "2025-12-01T10:00:00"},
        {"outcome": "safe", "checked_at": in_hours(5)},
        {"outcome": "safe", "minutes_spent": 1441},
        {"outcome": "safe", "extra": 1},
    ):
        refused = await client.post(url, json=body, headers=east(tokens))
        assert refused.status_code == 422, (body, refused.text)
        assert refused.json()["type"] == "/problems/validation"
    still = (await client.get(f"/api/v1/safety-checks/{check['id']}", headers=east(tokens))).json()
    assert still["status"] == "open"
    assert still["version"] == 1

    stale = await client.post(url, json={"outcome": "safe"}, headers={**east(tokens), "If-Match": '"9"'})
    assert stale.status_code == 412
    done = await client.post(
        url,
        headers={**east(tokens), "If-Match": '"1"'},
        json={
            "outcome": "hospitalised",
            "outcome_note": "救急搬送後、入院を確認。",
            "checked_at": in_hours(-0.5),
        },
    )
    assert done.status_code == 200, done.text
    closed = done.json()
    assert closed["status"] == "done"
    assert closed["outcome"] == "hospitalised"
    assert closed["done_by"] == "csw-higashi"
    assert closed["done_at"] is not None
    assert closed["version"] == 2
    again = await client.post(url, json={"outcome": "safe"}, headers=sup(tokens))
    assert again.status_code == 409
    assert again.json()["type"] == "/problems/safety-check-closed"
    # Others cannot close what they cannot see.
    hidden = await raise_check(client, east(tokens))
    for headers in (west(tokens), agency(tokens), intake(tokens, "service")):
        answer = await client.post(
            f"/api/v1/safety-checks/{hidden['id']}/outcome", json={"outcome": "safe"}, headers=headers
        )
        assert answer.status_code == 404


async def test_the_outcome_goes_on_the_case_timeline(client: httpx.AsyncClient, tokens: TokenFactory) -> None:
    case_id = await open_case(client, tokens)
    check = await raise_check(client, east(tokens), area=None, case_id=case_id)
    done = await client.post(
        f"/api/v1/safety-checks/{check['id']}/outcome",
        headers=east(tokens),
        json={"outcome": "safe", "outcome_note": "訪問し本人と面会。", "minutes_spent": 40},
    )
    assert done.status_code == 200, done.text
    records = (await client.get(f"/api/v1/cases/{case_id}/records", headers=east(tokens))).json()["items"]
    assert len(records) == 1
    assert records[0]["kind"] == "safety_check"
    assert records[0]["author"] == "csw-higashi"
    assert records[0]["minutes_spent"] == 40
    assert records[0]["text"] == "安否確認：無事を確認\n訪問し本人と面会。"


async def test_case_safety_checks(client: httpx.AsyncClient, tokens: TokenFactory) -> None:
    case_id = await open_case(client, tokens)
    mine = await raise_check(client, east(tokens), area=None, case_id=case_id)
    await raise_check(client, east(tokens))  # not on the case
    listed = await client.get(f"/api/v1/cases/{case_id}/safety-checks", headers=east(tokens))
    assert listed.status_code == 200
    assert [c["id"] for c in listed.json()["items"]] == [mine["id"]]
    for headers in (west(tokens), agency(tokens)):
        answer = await client.get(f"/api/v1/cases/{case_id}/safety-checks", headers=headers)
        assert answer.status_code == 404


async def test_reassign_move_or_link_with_if_match(client: httpx.AsyncClient, tokens: TokenFactory) -> None:
    check = await raise_check(client, sup(tokens))
    url = f"/api/v1/safety-checks/{check['id']}"
    body = {"assigned_to": "csw-higashi"}
    assert (await client.patch(url, json=body, headers=east(tokens))).status_code == 428
    stale = await client.patch(url, json=body, headers={**east(tokens), "If-Match": '"2"'})
    assert stale.status_code == 412
    assert stale.json()["type"] == "/problems/precondition-failed"
    moved = await client.patch(
        url, headers={**east(tokens), "If-Match": '"1"'}, json={**body, "due_at": in_hours(1)}
    )
    assert moved.status_code == 200, moved.text
    assert moved.json()["assigned_to"] == "csw-higashi"
    assert moved.json()["version"] == 2
    assert moved.headers["etag"] == 'W/"2"'
    # The second editor holding the old ETag loses.
    assert (
        await client.patch(url, json={"assigned_to": "csw-kita"}, headers={**sup(tokens), "If-Match": '"1"'})
    ).status_code == 412

    case_id = await open_case(client, tokens)
    linked = await client.patch(url, json={"case_id": case_id}, headers={**sup(tokens), "If-Match": 'W/"2"'})
    assert linked.status_code == 200, linked.text
    assert linked.json()["case_id"] == case_id
    west_case = await open_case(client, tokens, "nishi")
    hidden = await client.patch(url, json={"case_id": west_case}, headers={**east(tokens), "If-Match": '"3"'})
    assert hidden.status_code == 422
    for bad in (
        {"due_at": None},
        {"case_id": None},
        {"due_at": "2026-12-01T10:00:00"},
        {"status": "done"},
        {"due_at": "9999-12-31T23:59:59-14:00"},
    ):
        answer = await client.patch(url, json=bad, headers={**sup(tokens), "If-Match": '"3"'})
        assert answer.status_code == 422
    assert (await client.get(url, headers=sup(tokens))).json()["version"] == 3

    # Only supervisors and the CSW of the check's area change it.
    answer = await client.patch(url, json=body, headers={**west(tokens), "If-Match": '"3"'})
    assert answer.status_code == 404
    west_check = await raise_check(client, sup(tokens), area="nishi", assigned_to="csw-higashi")
    refused = await client.patch(
        f"/api/v1/safety-checks/{west_check['id']}",
        json={"assigned_to": None},
        headers={**east(tokens), "If-Match": '"1"'},
    )
    assert refused.status_code == 403
    await client.post(f"{url}/outcome", json={"outcome": "safe"}, headers=sup(tokens))
    closed = await client.patch(url, json=body, headers={**sup(tokens), "If-Match": '"4"'})
    assert closed.status_code == 409


BAD_BODIES = [
    ({"area": "higashi"}, "reason"),
    ({"area": "higashi", "reason": ""}, "reason"),
    ({"area": "higashi", "reason": "　 "}, "reason"),
    ({"area": "higashi", "reason": "あ" * 1001}, "reason"),
    ({"reason": REASON}, None),
    ({"area": "東", "reason": REASON}, "area"),
    ({"area": "higashi", "reason": REASON, "due_at": "2026-12-01T10:00:00"}, "due_at"),
    ({"area": "higashi", "reason": REASON, "due_at": "9999-12-31T23:59:59-14:00"}, "due_at"),
    ({"area": "higashi", "reason": REASON, "received_at": "2099-01-01T10:00:00+09:00"}, "received_at"),
    ({"area": "higashi", "reason": REASON, "assigned_to": "東 花子"}, "assigned_to"),
    ({"area": "higashi", "reason": REASON, "case_id": "not-a-uuid"}, "case_id"),
    ({"area": "higashi", "reason": REASON, "case_id": "00000000-0000-4000-8000-000000000000"}, "case_id"),
    ({"area": "higashi", "reason": REASON, "source_key": "has space"}, "source_key"),
    ({"area": "higashi", "reason": REASON, "source_key": "k" * 256}, "source_key"),
    ({"area": "higashi", "reason": REASON, "status": "done"}, "status"),
    ([], None),
]


@pytest.mark.parametrize(("body", "field"), BAD_BODIES)
async def test_bad_input_is_a_422_problem_and_writes_nothing(
    client: httpx.AsyncClient, tokens: TokenFactory, body: object, field: str | None
) -> None:
    answer = await client.post("/api/v1/safety-checks", json=body, headers=sup(tokens))
    assert answer.status_code == 422, answer.text
    problem = answer.json()
    assert problem["type"] == "/problems/validation"
    if field is not None:
        assert any(field in error["loc"] for error in problem["errors"]), problem
    assert await total(client, tokens) == 0


@pytest.mark.parametrize("query", ["status=late", "area=東", "limit=0", "limit=201", "offset=-1"])
async def test_bad_list_query_is_422(client: httpx.AsyncClient, tokens: TokenFactory, query: str) -> None:
    assert (await client.get(f"/api/v1/safety-checks?{query}", headers=sup(tokens))).status_code == 422
