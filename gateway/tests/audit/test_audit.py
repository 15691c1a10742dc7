"""The audit trail: who is recorded, who is not, who may read it, and that it cannot be rewritten."""

import asyncio
import uuid
from typing import Any

import httpx
import pytest
from sqlalchemy import func, select, text
from sqlalchemy.exc import DBAPIError

from gateway.audit import repository
from gateway.audit.models import AuditEvent
from gateway.audit.repository import AuditFilter
from gateway.tests.conftest import RECEIVED


async def events(session) -> list:
    """Every event, oldest first, with its status (recorded after the answer, as an outcome)."""
    async with session() as s:
        rows, _ = await repository.page(s, AuditFilter(), limit=500, offset=0)
    return sorted(rows, key=lambda row: row.id)


async def test_authenticated_request_is_recorded_with_its_request_id(
    client: httpx.AsyncClient, identities: Any, bearer, session
) -> None:
    headers = bearer("csw", username="csw-higashi", area="higashi")
    response = await client.get("/api/v1/consultations/3f6c7f0e?q=山田", headers=headers)
    assert response.status_code == 200

    (event,) = await events(session)
    assert event.actor_username == "csw-higashi"
    assert event.actor_role == "csw"
    assert event.method == "GET"
    assert event.path == "/api/v1/consultations/3f6c7f0e"  # never the query string
    assert (event.resource_type, event.resource_id) == ("consultations", "3f6c7f0e")
    assert event.status == 200
    assert event.request_id == response.headers["x-request-id"]
    assert event.occurred_at is not None


async def test_failed_requests_are_recorded_with_their_status(
    client: httpx.AsyncClient, bearer, session
) -> None:
    await client.get("/api/v1/no-such-thing/1", headers=bearer("supervisor"))
    (event,) = await events(session)
    assert (event.status, event.resource_type, event.resource_id) == (404, "no-such-thing", "1")


@pytest.mark.parametrize("authorization", [None, "Bearer not-a-token", "Basic dXNlcjpwYXNz"])
async def test_requests_without_a_valid_token_leave_no_event(
    client: httpx.AsyncClient, session, authorization: str | None
) -> None:
    headers = {"Authorization": authorization} if authorization else {}
    assert (await client.get("/api/v1/areas", headers=headers)).status_code == 401
    await client.get("/api/v1/consultations", headers=headers)
    assert await events(session) == []


async def test_public_report_routes_are_never_audited_even_with_a_token(
    client: httpx.AsyncClient, bearer, session
) -> None:
    await client.post("/api/v1/public/reports", json={"text": "図書館でよく寝ている高齢の男性がいます"})
    await client.get("/api/v1/public/reports/AB12-CD34", headers=bearer("supervisor"))
    assert await events(session) == []


async def test_audit_list_is_for_supervisors_and_admins_only(
    client: httpx.AsyncClient, bearer, session
) -> None:
    await client.get("/api/v1/consultations/a1", headers=bearer("csw", username="csw-nishi", area="nishi"))
    await client.get("/api/v1/meetings/m9", headers=bearer("sc", username="sc-higashi"))

    for role in ("csw", "sc", "agency", "system"):
        denied = await client.get("/api/v1/audit-events", headers=bearer(role))
        assert denied.status_code == 403, role
        assert denied.json()["type"] == "/problems/forbidden"

    listed = await client.get("/api/v1/audit-events", headers=bearer("supervisor", username="sup1"))
    assert listed.status_code == 200
    page = listed.json()
    # Newest first: this very read (recorded before it ran, its outcome not yet known), then the
    # refused reads above.
    assert (page["items"][0]["actor_username"], page["items"][0]["status"]) == ("sup1", None)
    assert (page["items"][1]["actor_role"], page["items"][1]["status"]) == ("system", 403)
    assert page["total"] == 7
    assert {"csw-nishi", "sc-higashi"} <= {e["actor_username"] for e in page["items"]}

    by_actor = (await client.get("/api/v1/audit-events?actor=csw-nishi", headers=bearer("admin"))).json()
    assert [(e["resource_type"], e["resource_id"]) for e in by_actor["items"]] == [("consultations", "a1")]
    by_resource = (
        await client.get(
            "/api/v1/audit-events?resource_type=meetings&resource_id=m9", headers=bearer("admin")
        )
    ).json()
    assert by_resource["total"] == 1
    future = (
        await client.get("/api/v1/audit-events?since=2999-01-01T00:00:00%2B09:00", headers=bearer("admin"))
    ).json()
    assert future["total"] == 0
    paged = (await client.get("/api/v1/audit-events?limit=2&offset=1", headers=bearer("admin"))).json()
    assert len(paged["items"]) == 2


async def test_audit_table_refuses_update_delete_and_truncate(
    client: httpx.AsyncClient, bearer, session
) -> None:
    await client.get("/api/v1/areas", headers=bearer("admin"))
    for statement in (
        "UPDATE audit_event SET status = 200",
        "DELETE FROM audit_event",
        "UPDATE audit_outcome SET status = 200",
        "DELETE FROM audit_outcome",
        "TRUNCATE audit_event, audit_outcome",
        "TRUNCATE audit_outcome",
    ):
        with pytest.raises(DBAPIError, match="append-only"):
            async with session() as s, s.begin():
                await s.execute(text(statement))
    async with session() as s:
        assert await s.scalar(select(func.count()).select_from(AuditEvent)) == 1


async def test_when_the_audit_cannot_be_written_the_answer_is_withheld(
    app, client: httpx.AsyncClient, bearer
) -> None:
    def broken_sessionmaker():
        raise ConnectionError("database gone")

    app.state.sessionmaker = broken_sessionmaker
    response = await client.get("/api/v1/auth/me", headers=bearer("supervisor"))
    assert response.status_code == 503
    assert response.json()["type"] == "/problems/audit-unavailable"
    assert "supervisor" not in response.text


async def test_when_the_audit_store_is_down_nothing_reaches_the_service(
    app, client: httpx.AsyncClient, bearer
) -> None:
    def broken_sessionmaker():
        raise ConnectionError("database gone")

    app.state.sessionmaker = broken_sessionmaker
    path = f"/api/v1/consultations/{uuid.uuid4()}/created"
    response = await client.post(path, json={"summary": "届かないはずの相談"}, headers=bearer("supervisor"))
    assert response.status_code == 503
    assert response.headers["retry-after"]
    assert ("POST", path) not in RECEIVED


async def test_an_answer_is_not_turned_into_an_error_when_only_its_outcome_cannot_be_written(
    client: httpx.AsyncClient, bearer, session
) -> None:
    async with session() as s, s.begin():
        await s.execute(text("ALTER TABLE audit_outcome RENAME TO audit_outcome_gone"))
    path = f"/api/v1/consultations/{uuid.uuid4()}/created"
    response = await client.post(path, json={"summary": "記録される相談"}, headers=bearer("supervisor"))
    assert response.status_code == 201  # the service committed: the caller hears so
    assert ("POST", path) in RECEIVED
    async with session() as s:
        (event,) = (await s.execute(select(AuditEvent).where(AuditEvent.path == path))).scalars().all()
    assert event.status is None  # the request is in the trail; how it ended is unknown


async def test_concurrent_requests_each_have_their_own_durable_event_and_outcome(
    client: httpx.AsyncClient, bearer, session
) -> None:
    headers = bearer("supervisor", username="sup-many")
    answers = await asyncio.gather(
        *(client.get(f"/api/v1/meetings/m{i}", headers=headers) for i in range(50))
    )
    assert {a.status_code for a in answers} == {200}
    rows = [e for e in await events(session) if e.actor_username == "sup-many"]
    assert sorted(e.resource_id for e in rows) == sorted(f"m{i}" for i in range(50))
    assert {e.status for e in rows} == {200}
