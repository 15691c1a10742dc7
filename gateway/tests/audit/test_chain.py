"""The audit trail is tamper-evident: a row edited or removed straight in PostgreSQL is found, with
its id; a tail rewritten whole is caught by an anchor; the check is Python's own, not the trigger's."""

import asyncio
import os
import subprocess
import sys
from pathlib import Path

import httpx
import pytest
from sqlalchemy import text

from gateway.audit import chain
from tsunagu_services import testing
from tsunagu_services.tokens import InvalidToken

ALEMBIC_INI = Path(__file__).parents[2] / "alembic.ini"


async def _some_trail(client: httpx.AsyncClient, bearer) -> None:
    # Names and paths a canonical form must not trip over: quotes, a backslash, a newline, kanji.
    odd = bearer("csw", username='東 "花子"\\\\n', area="higashi")
    for path in ("/api/v1/meetings/m1", "/api/v1/consultations/%E5%B1%B1", "/api/v1/cases/x?q=1"):
        await client.get(path, headers=odd)
    await asyncio.gather(
        *(client.get(f"/api/v1/meetings/m{i}", headers=bearer("supervisor")) for i in range(20))
    )


async def _as_superuser(session, statement: str) -> None:
    """What someone with the database's own keys could do: skip the triggers and write."""
    async with session() as s, s.begin():
        await s.execute(text("SET LOCAL session_replication_role = replica"))
        await s.execute(text(statement))
        await s.execute(text("SET LOCAL session_replication_role = origin"))  # the test's transaction goes on


async def test_an_untouched_trail_verifies(client, bearer, session) -> None:
    await _some_trail(client, bearer)
    async with session() as s:
        report = await chain.verify(s, [])
    assert report.intact, report.first_break
    assert report.events == 23 and report.outcomes == 23


@pytest.mark.parametrize(
    ("statement", "reason"),
    [
        ("UPDATE audit_event SET actor_username = 'someone-else' WHERE id = {victim}", "content-changed"),
        ("UPDATE audit_event SET status = 200 WHERE id = {victim}", "content-changed"),
        ("DELETE FROM audit_event WHERE id = {victim}", "link-broken"),
    ],
)
async def test_a_row_edited_or_removed_in_postgresql_is_found_with_its_id(
    client, bearer, session, statement: str, reason: str
) -> None:
    await _some_trail(client, bearer)
    async with session() as s:
        ids = (await s.execute(text("SELECT id FROM audit_event ORDER BY id"))).scalars().all()
    victim = ids[5]
    if reason == "link-broken":
        await _as_superuser(session, f"DELETE FROM audit_outcome WHERE event_id = {victim}")  # noqa: S608
    await _as_superuser(session, statement.format(victim=victim))
    async with session() as s:
        report = await chain.verify(s, [])
    assert not report.intact
    assert report.first_break is not None
    expected_at = victim if reason == "content-changed" else ids[6]
    assert (report.first_break.chain, report.first_break.key, report.first_break.reason) == (
        "event",
        expected_at,
        reason,
    )


async def test_a_tail_cut_off_and_covered_up_is_caught_by_the_anchor(
    client, bearer, session, signing_key
) -> None:
    await _some_trail(client, bearer)
    async with session() as s, s.begin():
        anchor = await chain.make_anchor(s, signing_key)
    assert anchor is not None
    last = anchor["event_id"]
    # Remove the anchored last event, and set the event head back: the chain still links.
    await _as_superuser(session, f"DELETE FROM audit_event WHERE id = {last}")  # noqa: S608
    await _as_superuser(
        session,
        "UPDATE audit_chain_head h SET last_seq = t.s, last_key = t.k, last_hash = t.h FROM (SELECT"
        " chain_seq AS s, id AS k, hash AS h FROM audit_event ORDER BY chain_seq DESC LIMIT 1) t"
        " WHERE h.chain = 'event'",
    )
    async with session() as s:
        without = await chain.verify(s, [])
        exported = chain.anchors_from_export([anchor], signing_key)
        report = await chain.verify(s, exported)
    assert without.intact  # links and heads agree: only the anchor knows
    assert not report.intact
    assert report.first_break is not None and report.first_break.reason == "anchor-mismatch"


def test_an_exported_anchor_is_believed_only_as_signed(signing_key) -> None:
    claims = {"event_id": 7, "event_hash": "ab", "outcome_event_id": 7, "outcome_hash": "cd"}
    signed = signing_key.sign(claims, typ=chain.ANCHOR_TYPE)
    edited = {"event_id": 7, "event_hash": "00", "signature": signed}
    (taken,) = chain.anchors_from_export([edited], signing_key)
    assert taken["event_hash"] == "ab"  # the file's own fields count for nothing
    with pytest.raises(InvalidToken):
        chain.anchors_from_export([{"signature": signed[:-4] + "AAAA"}], signing_key)
    access_token = signing_key.sign(claims)  # an access token is no anchor
    with pytest.raises(InvalidToken):
        chain.anchors_from_export([{"signature": access_token}], signing_key)


async def test_the_admin_sees_whether_the_chain_is_intact(client, bearer, session) -> None:
    await _some_trail(client, bearer)
    admin = bearer("admin", username="admin-test")
    intact = await client.get("/api/v1/audit-events/verify", headers=admin)
    assert intact.status_code == 200, intact.text
    assert intact.json().get("intact") is True, intact.json()["first_break"]
    made = await client.post("/api/v1/audit-events/anchors", headers=admin)
    assert made.status_code == 201
    assert [a["id"] for a in (await client.get("/api/v1/audit-events/anchors", headers=admin)).json()] == [
        made.json()["id"]
    ]
    assert (await client.get("/api/v1/audit-events/verify", headers=bearer("supervisor"))).status_code == 403
    async with session() as s:
        victim = await s.scalar(text("SELECT min(id) FROM audit_event"))
    await _as_superuser(session, f"UPDATE audit_event SET path = '/api/v1/x' WHERE id = {victim}")  # noqa: S608
    broken = (await client.get("/api/v1/audit-events/verify", headers=admin)).json()
    assert broken["intact"] is False
    assert broken["first_break"] == {"chain": "event", "key": victim, "reason": "content-changed"}


async def test_the_command_line_says_intact_or_where_it_breaks(tmp_path) -> None:
    name = await testing.create_database("test_gateway_chain")
    try:
        testing.migrate(ALEMBIC_INI, name)
        conn = await testing.connect(name)
        try:
            for i in range(3):
                await conn.execute(
                    "INSERT INTO audit_event (occurred_at, request_id, actor_sub, actor_username, actor_role,"
                    " method, path) VALUES (now(), $1, 's', 'csw-higashi', 'csw', 'GET', '/api/v1/cases')",
                    f"r{i}",
                )
            env = {**os.environ, "DATABASE_URL": testing.server_url(), "TSUNAGU_DATABASE_NAME": name}
            env["TSUNAGU_SIGNING_KEY_PATH"] = str(tmp_path / "key.pem")

            def run() -> subprocess.CompletedProcess[str]:
                return subprocess.run(
                    [sys.executable, "-m", "gateway.audit", "verify"], env=env, capture_output=True, text=True
                )

            good = await asyncio.to_thread(run)
            assert good.returncode == 0, good.stderr
            assert good.stdout.startswith("intact: 3 events")
            await conn.execute("SET session_replication_role = replica")
            await conn.execute("UPDATE audit_event SET actor_username = 'x' WHERE request_id = 'r1'")
            bad = await asyncio.to_thread(run)
            assert bad.returncode == 1
            second = await conn.fetchval("SELECT id FROM audit_event WHERE request_id = 'r1'")
            assert f"breaks at event {second} (content-changed)" in bad.stdout
        finally:
            await conn.close()
    finally:
        await testing.drop_database(name)
