"""安否確認 reminders: a check due within the hour and one overdue are each told once, to the right
people; a later pass tells nothing again, and a check done or due later is left alone."""

from datetime import UTC, datetime, timedelta

import httpx
from sqlalchemy import text

from case_api.safety_checks.reminders import remind_once
from tsunagu_services.testing import TokenFactory


def sup(tokens: TokenFactory) -> dict[str, str]:
    return tokens.headers("supervisor", username="sup1")


def east(tokens: TokenFactory) -> dict[str, str]:
    return tokens.headers("csw", area="higashi", username="csw-higashi")


def in_hours(hours: float) -> str:
    return (datetime.now(UTC) + timedelta(hours=hours)).isoformat()


async def open_case(client: httpx.AsyncClient, tokens: TokenFactory, *, lead: str) -> str:
    body = {"title": "小金井さん世帯", "area": "higashi", "lead_username": lead}
    created = await client.post("/api/v1/cases", json=body, headers=sup(tokens))
    assert created.status_code == 201, created.text
    return created.json()["id"]


async def raise_check(client: httpx.AsyncClient, headers: dict[str, str], **fields: object) -> dict:
    body = {"area": "higashi", "reason": "電話口で「もう限界」との言葉", **fields}
    created = await client.post("/api/v1/safety-checks", json=body, headers=headers)
    assert created.status_code == 201, created.text
    return created.json()


def _sessions(client: httpx.AsyncClient):
    transport = client._transport
    assert isinstance(transport, httpx.ASGITransport)
    return transport.app.state.sessionmaker  # type: ignore[attr-defined]


async def _notices(session) -> list[dict]:
    rows = await session.execute(
        text("SELECT body FROM outbox_message WHERE path = '/api/v1/notifications/deliveries' ORDER BY id")
    )
    return [
        r.body for r in rows.all() if r.body["kind"].startswith("safety_check_") and "期限" in r.body["text"]
    ]


async def test_due_soon_and_overdue_are_told_once_each(
    client: httpx.AsyncClient, tokens: TokenFactory
) -> None:
    case_id = await open_case(client, tokens, lead="csw-higashi")
    await raise_check(client, sup(tokens), case_id=case_id, due_at=in_hours(0.5))
    await raise_check(client, sup(tokens), due_at=in_hours(-2), assigned_to="csw-kita")
    await raise_check(client, east(tokens), due_at=in_hours(3))  # not yet
    done = await raise_check(client, east(tokens), due_at=in_hours(0.2))
    closed = await client.post(
        f"/api/v1/safety-checks/{done['id']}/outcome", json={"outcome": "safe"}, headers=east(tokens)
    )
    assert closed.status_code == 200

    sessionmaker = _sessions(client)
    async with sessionmaker() as session, session.begin():
        before = len(await _notices(session))
        assert await remind_once(session, datetime.now(UTC)) == 2
        assert await remind_once(session, datetime.now(UTC)) == 0  # claimed: never told twice
        told = (await _notices(session))[before:]
    by_kind = {n["kind"]: n for n in told}
    assert set(by_kind) == {"safety_check_due", "safety_check_overdue"}
    due, overdue = by_kind["safety_check_due"], by_kind["safety_check_overdue"]
    # No assignee: the case's lead. Overdue: the assignee and the supervisors.
    assert due["to"]["usernames"] == ["csw-higashi"] and due["to"]["roles"] == []
    assert due["link"] == f"/cases/{case_id}" and "小金井さん世帯" in due["text"]
    assert overdue["to"]["usernames"] == ["csw-kita"] and overdue["to"]["roles"] == ["supervisor"]


async def test_moving_the_due_time_starts_the_reminders_over(
    client: httpx.AsyncClient, tokens: TokenFactory
) -> None:
    check = await raise_check(client, sup(tokens), due_at=in_hours(0.5), assigned_to="csw-higashi")
    sessionmaker = _sessions(client)
    async with sessionmaker() as session, session.begin():
        assert await remind_once(session, datetime.now(UTC)) == 1
    moved = await client.patch(
        f"/api/v1/safety-checks/{check['id']}",
        json={"due_at": in_hours(0.8)},
        headers={**sup(tokens), "If-Match": f'"{check["version"]}"'},
    )
    assert moved.status_code == 200, moved.text
    async with sessionmaker() as session, session.begin():
        assert await remind_once(session, datetime.now(UTC)) == 1  # due soon again, at the new time
        assert await remind_once(session, datetime.now(UTC)) == 0
