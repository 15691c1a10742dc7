"""Backups that restore: `make backup`'s command dumps the demo data, `make restore`'s puts it into a
new PostgreSQL, and a stack started on that server finds the same cases, plans and meetings."""

import os
import subprocess
import sys
import tempfile
from datetime import UTC, datetime, timedelta
from pathlib import Path

import httpx

from tests.faults.conftest import PASSWORD, FaultStack
from tsunagu_local import postgres
from tsunagu_local.stack import SERVICES, Stack, free_port

# Rows that only the demo data and the requests below wrote (no background task adds any).
COUNTED = {
    "case-api": ("support_case", "support_plan", "plan_action", "support_record", "person", "consent"),
    "meeting-api": ("meeting", "minutes", "decision", "meeting_body", "meeting_booking"),
    "intake-api": ("consultation", "triage_decision"),
    "gateway": ("staff_user", "audit_event"),
}


def backups(server: str, *args: str) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "DATABASE_URL": server}
    command = [sys.executable, "-m", "tsunagu_local.backups", *args]
    return subprocess.run(command, env=env, capture_output=True, text=True, timeout=120, check=False)


async def hold_a_meeting(gateway: str) -> None:
    """A 支援会議 on a demo case with minutes and a decision (the demo data has bodies, no meetings)."""
    async with httpx.AsyncClient(base_url=gateway, timeout=15.0) as client:
        token = await client.post(
            "/api/v1/auth/token", data={"grant_type": "password", "username": "sup1", "password": PASSWORD}
        )
        sup = {"Authorization": f"Bearer {token.json()['access_token']}"}
        case = (await client.get("/api/v1/cases", params={"limit": 1}, headers=sup)).json()["items"][0]
        bodies = (await client.get("/api/v1/meeting-bodies", headers=sup)).json()["items"]
        shien = next(b for b in bodies if b["type"] == "shien")
        await client.post(f"/api/v1/meeting-bodies/{shien['id']}/confidentiality", headers=sup)
        starts = datetime(2031, 6, 6, 1, tzinfo=UTC)
        meeting = await client.post(
            "/api/v1/meetings",
            headers=sup,
            json={
                "body_id": shien["id"],
                "starts_at": starts.isoformat(),
                "ends_at": (starts + timedelta(hours=1)).isoformat(),
            },
        )
        assert meeting.status_code == 201, meeting.text
        meeting_id = meeting.json()["id"]
        agenda = await client.post(
            f"/api/v1/meetings/{meeting_id}/agenda", headers=sup, json={"case_id": case["id"]}
        )
        assert agenda.status_code == 201, agenda.text
        decision = {
            "type": "role_division",
            "text": "CSW が訪問する。",
            "actions": [{"text": "訪問", "owner_kind": "staff", "owner": "csw-higashi"}],
        }
        minutes = {
            "attendees": ["sup1"],
            "items": [
                {"agenda_item_id": agenda.json()["id"], "discussion": "分担を確認。", "decisions": [decision]}
            ],
        }
        written = await client.put(
            f"/api/v1/meetings/{meeting_id}/minutes", headers={**sup, "If-Match": '"0"'}, json=minutes
        )
        assert written.status_code == 200, written.text


async def what_staff_see(gateway: str) -> dict[str, object]:
    """Every case with its plan, and every meeting, as a supervisor reads them through the gateway."""
    async with httpx.AsyncClient(base_url=gateway, timeout=15.0) as client:
        token = await client.post(
            "/api/v1/auth/token", data={"grant_type": "password", "username": "sup1", "password": PASSWORD}
        )
        assert token.status_code == 200, token.text
        headers = {"Authorization": f"Bearer {token.json()['access_token']}"}
        cases = (await client.get("/api/v1/cases", params={"limit": 200}, headers=headers)).json()
        plans = {}
        for case in cases["items"]:
            plan = await client.get(f"/api/v1/cases/{case['id']}/plan", headers=headers)
            plans[case["id"]] = plan.json() if plan.status_code == 200 else plan.status_code
        meetings = await client.get(
            "/api/v1/meetings", params={"limit": 200, "include_cancelled": "true"}, headers=headers
        )
        return {"cases": cases, "plans": plans, "meetings": meetings.json()}


async def counts(stack: Stack) -> dict[str, int]:
    found = {}
    for service, tables in COUNTED.items():
        for table in tables:
            found[f"{service}.{table}"] = (await stack.fetch(service, f"select count(*) from {table}"))[0][0]  # noqa: S608
    return found


async def test_a_backup_restores_into_a_new_server_and_the_stack_finds_everything(faults: FaultStack) -> None:
    await hold_a_meeting(faults.stack.url())
    before = await what_staff_see(faults.stack.url())
    assert before["cases"]["total"] > 0 and before["meetings"]["total"] > 0  # the demo data is there
    assert any(isinstance(plan, dict) for plan in before["plans"].values())
    work = Path(tempfile.mkdtemp(prefix="tsunagu-restore-"))

    made = backups(faults.server, "create", "--into", str(work / "backups"))
    assert made.returncode == 0, made.stderr
    folder = next((work / "backups").iterdir())
    assert sorted(p.name for p in folder.iterdir()) == sorted(
        ["manifest.json", *(f"{s.database}.dump" for s in SERVICES)]
    )
    assert oct(folder.stat().st_mode & 0o777) == "0o700"
    stored = await counts(faults.stack)

    new_data = work / "pg" / "data"
    new_server = postgres.start_embedded(new_data)
    restored = Stack(
        server=new_server,
        demo_password="not-used-the-passwords-come-from-the-backup",
        service_secrets=faults.stack.service_secrets,
        ports={service.name: free_port() for service in SERVICES},
        log_dir=work / "logs",
        extra_env=faults.stack.extra_env,  # the same signing key: an operator restores the Secrets too
    )
    try:
        done = backups(new_server, "restore", "--from", str(folder))
        assert done.returncode == 0, done.stderr
        again = backups(new_server, "restore", "--from", str(folder))
        assert again.returncode == 1 and "already holds" in again.stderr  # never over a live database
        assert await counts(restored) == stored

        await restored.prepare(demo_data=False)  # the schema is current: nothing to migrate
        restored.start()
        await restored.wait_ready()
        after = await what_staff_see(restored.url())
        assert after == before
        async with httpx.AsyncClient(base_url=restored.url(), timeout=15.0) as client:
            token = await client.post(
                "/api/v1/auth/token",
                data={"grant_type": "password", "username": "admin", "password": PASSWORD},
            )
            verify = await client.get(
                "/api/v1/audit-events/verify",
                headers={"Authorization": f"Bearer {token.json()['access_token']}"},
            )
        assert verify.status_code == 200 and verify.json()["intact"] is True, verify.text
    finally:
        restored.stop()
        postgres.stop_embedded(new_data)


def test_a_damaged_backup_is_refused_before_anything_is_restored(tmp_path: Path) -> None:
    folder = tmp_path / "20260101T000000Z"
    folder.mkdir()
    (folder / "manifest.json").write_text(
        '{"databases": {'
        + ",".join(f'"{s.name}": {{"file": "{s.database}.dump", "sha256": "{"0" * 64}"}}' for s in SERVICES)
        + "}}"
    )
    for service in SERVICES:
        (folder / f"{service.database}.dump").write_bytes(b"PGDMP damaged")
    refused = backups("postgresql://nobody@127.0.0.1:1/postgres", "restore", "--from", str(folder))
    assert refused.returncode == 1
    assert "does not match its checksum" in refused.stderr
