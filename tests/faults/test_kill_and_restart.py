"""Faults under a steady stream of work: kill -9 of a service, a PostgreSQL restart.

Each test compares what was acknowledged (a 2xx the client saw) with what is
stored, read straight from the owning service's database: every acknowledged
write exactly once, nothing half-made. Clients behave as a careful client does:
a 5xx or a lost connection is sent again with the same Idempotency-Key.
"""

import asyncio
import random
import uuid
from datetime import UTC, datetime, timedelta

import httpx

from tests.faults.conftest import FaultStack, eventually, until_answered

ROUNDS = 10


def _keyed(headers: dict[str, str]) -> dict[str, str]:
    return {**headers, "Idempotency-Key": str(uuid.uuid4())}


async def _killer(faults: FaultStack, service: str, stop: asyncio.Event) -> None:
    """ROUNDS times: let work flow, kill -9 the service, wait for the supervisor to bring it back."""
    rng = random.Random(f"kill-{service}")
    try:
        for _ in range(ROUNDS):
            await asyncio.sleep(rng.uniform(0.3, 0.9))
            old = await faults.kill(service)
            await faults.back(service, old)
            await asyncio.sleep(1.1)  # past the stack's stable_seconds: the next restart is prompt
    finally:
        stop.set()


async def test_case_api_killed_during_triages_opens_every_acknowledged_case_exactly_once(
    faults: FaultStack, gateway: httpx.AsyncClient, login
) -> None:
    csw = await login("csw-higashi")
    marker = uuid.uuid4().hex[:8]
    created = await until_answered(
        gateway.post,
        "/api/v1/cases",
        json={"title": f"故障試験 {marker}", "area": "higashi"},
        headers=_keyed(csw),
    )
    assert created.status_code == 201, created.text
    case_id = created.json()["id"]
    triaged: set[str] = set()  # consultations whose triage into a new case was acknowledged
    recorded: set[str] = set()  # support records acknowledged by case-api itself
    stop = asyncio.Event()

    async def triage_stream(worker: int) -> None:
        n = 0
        while not stop.is_set():
            n += 1
            consultation_headers, triage_headers = _keyed(csw), _keyed(csw)
            consultation = await until_answered(
                gateway.post,
                "/api/v1/consultations",
                headers=consultation_headers,
                json={
                    "channel": "phone",
                    "area": "higashi",
                    "summary": f"故障試験の相談 {marker}-{worker}-{n}",
                },
            )
            assert consultation.status_code == 201, consultation.text
            consultation_id = consultation.json()["id"]
            triage = await until_answered(
                gateway.post,
                f"/api/v1/consultations/{consultation_id}/triage",
                headers=triage_headers,
                json={
                    "outcome": "new_case",
                    "new_case": {
                        "title": f"故障試験世帯 {marker}-{worker}-{n}",
                        "lead_username": "csw-higashi",
                        "members": [{"name": f"試験 {n}", "relationship": "self", "is_primary": True}],
                    },
                },
            )
            assert triage.status_code == 201, triage.text
            triaged.add(consultation_id)

    async def record_stream() -> None:
        n = 0
        while not stop.is_set():
            n += 1
            text, headers, at = f"故障試験の記録 {marker}-{n}", _keyed(csw), datetime.now(UTC).isoformat()
            record = await until_answered(
                gateway.post,
                f"/api/v1/cases/{case_id}/records",
                headers=headers,
                json={
                    "kind": "call",
                    "occurred_at": at,
                    "minutes_spent": 5,
                    "text": text,
                },
            )
            assert record.status_code == 201, record.text
            recorded.add(text)

    await asyncio.gather(
        _killer(faults, "case-api", stop), triage_stream(1), triage_stream(2), record_stream()
    )
    assert len(triaged) >= ROUNDS and len(recorded) >= ROUNDS  # work really flowed across the kills

    async def every_case_opened() -> bool:
        rows = await faults.fetch(
            "intake-api", "SELECT count(*) AS n FROM outbox_message WHERE delivered_at IS NULL"
        )
        return rows[0]["n"] == 0

    await eventually(every_case_opened)
    cases = await faults.fetch(
        "case-api",
        "SELECT consultation_id::text AS id, count(*) AS n FROM support_case "
        "WHERE consultation_id = ANY($1::uuid[]) GROUP BY consultation_id",
        list(triaged),
    )
    assert {row["id"] for row in cases} == triaged
    assert {row["n"] for row in cases} == {1}
    households = await faults.fetch(
        "case-api",
        "SELECT count(*) AS n FROM household WHERE name LIKE $1",
        f"故障試験世帯 {marker}-%",
    )
    assert households[0]["n"] == len(triaged)  # no household left over from a half-made case
    records = await faults.fetch(
        "case-api",
        "SELECT text, count(*) AS n FROM support_record WHERE case_id = $1 GROUP BY text",
        uuid.UUID(case_id),
    )
    assert {row["text"] for row in records} == recorded
    assert {row["n"] for row in records} == {1}


async def test_meeting_api_killed_during_minutes_lands_every_decided_action_exactly_once(
    faults: FaultStack, gateway: httpx.AsyncClient, login
) -> None:
    sup = await login("sup1")
    marker = uuid.uuid4().hex[:8]
    case = await until_answered(
        gateway.post,
        "/api/v1/cases",
        json={"title": f"会議故障試験 {marker}", "area": "higashi"},
        headers=_keyed(sup),
    )
    assert case.status_code == 201, case.text
    case_id = case.json()["id"]
    bodies = (await until_answered(gateway.get, "/api/v1/meeting-bodies", headers=sup)).json()
    shien = next(b for b in bodies["items"] if b["type"] == "shien")
    confirmed = await until_answered(
        gateway.post, f"/api/v1/meeting-bodies/{shien['id']}/confidentiality", headers=sup
    )
    assert confirmed.status_code in (200, 201), confirmed.text
    decided: set[str] = set()  # action texts of minutes whose finalisation was acknowledged
    stop = asyncio.Event()
    first_start = datetime(2032, 4, 1, 5, tzinfo=UTC) + timedelta(days=random.randrange(300))

    async def minutes_stream(worker: int) -> None:
        n = 0
        while not stop.is_set():
            n += 1
            action = f"会議後の訪問 {marker}-{worker}-{n}"
            starts = first_start + timedelta(days=n, hours=2 * worker)
            meeting_headers, agenda_headers, final_headers = _keyed(sup), _keyed(sup), _keyed(sup)
            meeting = await until_answered(
                gateway.post,
                "/api/v1/meetings",
                headers=meeting_headers,
                json={
                    "body_id": shien["id"],
                    "starts_at": starts.isoformat(),
                    "ends_at": (starts + timedelta(hours=1)).isoformat(),
                    "confirm_clash": True,
                },
            )
            assert meeting.status_code == 201, meeting.text
            meeting_id = meeting.json()["id"]
            agenda = await until_answered(
                gateway.post,
                f"/api/v1/meetings/{meeting_id}/agenda",
                headers=agenda_headers,
                json={"case_id": case_id},
            )
            assert agenda.status_code == 201, agenda.text
            minutes = {
                "attendees": ["sup1"],
                "items": [
                    {
                        "agenda_item_id": agenda.json()["id"],
                        "discussion": "訪問の分担を確認。",
                        "decisions": [
                            {
                                "type": "role_division",
                                "text": "CSW が訪問する。",
                                "actions": [{"text": action, "owner_kind": "staff", "owner": "csw-higashi"}],
                            }
                        ],
                    }
                ],
            }
            etag = '"0"'
            while True:  # a write whose answer was lost is seen as stale: read it back and go on
                written = await until_answered(
                    gateway.put,
                    f"/api/v1/meetings/{meeting_id}/minutes",
                    headers={**sup, "If-Match": etag},
                    json=minutes,
                )
                if written.status_code != 412:
                    break
                current = await until_answered(
                    gateway.get, f"/api/v1/meetings/{meeting_id}/minutes", headers=sup
                )
                etag = current.headers["etag"]
                if current.json().get("items"):
                    written = current
                    break
            assert written.status_code == 200, written.text
            final = await until_answered(
                gateway.post,
                f"/api/v1/meetings/{meeting_id}/minutes/finalise",
                headers={**final_headers, "If-Match": written.headers["etag"]},
            )
            assert final.status_code == 200, final.text
            decided.add(action)

    await asyncio.gather(_killer(faults, "meeting-api", stop), minutes_stream(1), minutes_stream(2))
    assert len(decided) >= ROUNDS

    async def every_decision_delivered() -> bool:
        rows = await faults.fetch(
            "meeting-api", "SELECT count(*) AS n FROM outbox_message WHERE delivered_at IS NULL"
        )
        return rows[0]["n"] == 0

    await eventually(every_decision_delivered)
    actions = await faults.fetch(
        "case-api",
        "SELECT a.text, count(*) AS n FROM plan_action a JOIN support_plan p ON p.id = a.plan_id "
        "WHERE p.case_id = $1 AND a.text LIKE $2 GROUP BY a.text",
        uuid.UUID(case_id),
        f"会議後の訪問 {marker}-%",
    )
    assert {row["text"] for row in actions} == decided
    assert {row["n"] for row in actions} == {1}


async def test_postgresql_restart_under_load_every_service_answers_again_and_nothing_acknowledged_is_lost(
    faults: FaultStack, gateway: httpx.AsyncClient, login
) -> None:
    from tsunagu_local import postgres

    csw = await login("csw-nishi")
    pids = {name: process.pid for name, process in faults.stack.processes.items()}
    marker = uuid.uuid4().hex[:8]
    acknowledged: set[str] = set()
    stop = asyncio.Event()

    async def writer(worker: int) -> None:
        n = 0
        while not stop.is_set():
            n += 1
            headers = _keyed(csw)
            created = await until_answered(
                gateway.post,
                "/api/v1/consultations",
                headers=headers,
                json={
                    "channel": "visit",
                    "area": "nishi",
                    "summary": f"再起動試験 {marker}-{worker}-{n}",
                },
                within=60,
            )
            assert created.status_code == 201, created.text
            acknowledged.add(created.json()["id"])

    async def reader() -> None:
        while not stop.is_set():
            try:
                await gateway.get("/api/v1/cases", headers=csw)
            except httpx.TransportError:
                pass
            await asyncio.sleep(0.05)

    async def restart() -> float:
        try:
            await asyncio.sleep(2)
            postgres.stop_embedded_now(faults.data_dir)
            await asyncio.sleep(2)
            await asyncio.to_thread(postgres.start_embedded, faults.data_dir)
            return asyncio.get_running_loop().time()
        finally:
            await asyncio.sleep(3)
            stop.set()

    restarted_at, *_ = await asyncio.gather(restart(), writer(1), writer(2), reader())

    # Every service answers again by itself, within 10 s of the database coming back.
    async def all_answer() -> bool:
        ready = await gateway.get("/readyz")
        cases = await gateway.get("/api/v1/cases", headers=csw)
        meetings = await gateway.get("/api/v1/meetings", headers=csw)
        consultations = await gateway.get("/api/v1/consultations", headers=csw)
        return (
            ready.status_code == cases.status_code == meetings.status_code == consultations.status_code == 200
        )

    while not await all_answer():
        assert asyncio.get_running_loop().time() - restarted_at < 10, "not answering 10 s after the restart"
        await asyncio.sleep(0.2)
    assert {name: process.pid for name, process in faults.stack.processes.items()} == pids  # none restarted
    assert len(acknowledged) >= 10
    stored = await faults.fetch(
        "intake-api",
        "SELECT id::text AS id FROM consultation WHERE id = ANY($1::uuid[])",
        list(acknowledged),
    )
    assert {row["id"] for row in stored} == acknowledged
