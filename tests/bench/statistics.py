"""Benchmark (issue 6): the monthly statistics through the gateway, for a year of a city of 500,000.

    .venv/bin/python tests/bench/statistics.py [--consultations 10000] [--records 100000] [--requests 100]

Starts its own stack (the four processes on free ports, fresh databases on DATABASE_URL /
TEST_DATABASE_URL or an embedded PostgreSQL), bulk-loads a fictional year with asyncpg COPY
straight into the services' databases (consultations with their triage; cases, plans and
re-plans, closures in the history, safety checks, support records, community activities,
partner-agency involvements; meetings with their agendas), then times through the gateway,
sequentially after a warm-up: `GET /api/v1/statistics/monthly` (all areas, then one area, then
as a CSW), the 12-month range the charts use, the CSV and the attention view. Prints
p50/p95/p99 in ms; the target is p95 < 200 ms for the monthly figures. A script, not a test:
timings depend on the machine. The databases are dropped at the end (unless --keep).
"""

import argparse
import asyncio
import random
import secrets
import sys
import tempfile
import time
import uuid
from collections import defaultdict
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

import asyncpg
import httpx
from timing import percentile, report, timed

from tsunagu_local.secrets import SERVICE_CLIENTS
from tsunagu_local.stack import SERVICES, Stack, free_port
from tsunagu_services import testing
from tsunagu_services.db import database_url
from tsunagu_services.months import current_month, months_before

NEEDED = ("gateway", "intake-api", "case-api", "meeting-api")
POPULATION = 500_000
AREAS = ["higashi", "nishi", "minami", "kita"]
CHANNELS = (
    ["phone"] * 30
    + ["visit"] * 20
    + ["email"] * 8
    + ["outreach"] * 10
    + ["popup"] * 5
    + ["referral"] * 15
    + ["neighbour_family"] * 10
    + ["anonymous"] * 2
)
CONCERNS = [
    "health_disability",
    "housing",
    "income",
    "rent_loan",
    "tax_utilities",
    "debt",
    "job_search",
    "work_worries",
    "community",
    "family",
    "childcare",
    "care",
    "withdrawal",
    "dv_abuse",
    "no_food",
    "other",
]
OUTCOMES = (
    ["info_closed"] * 40 + ["referral"] * 20 + ["welfare_office"] * 8 + ["link_case"] * 12 + ["new_case"] * 20
)
STATUSES = ["assessment", "planning", "supporting", "supporting", "supporting", "evaluation", "watching"]
RECORD_KINDS = (
    ["visit"] * 30 + ["call"] * 30 + ["office"] * 15 + ["accompaniment"] * 10 + ["email"] * 10 + ["other"] * 5
)
CLOSURE_REASONS = ["goal_met"] * 5 + ["moved", "deceased", "transferred", "refused", "other"]
ACTIVITY_KINDS = ["event", "small_area", "network", "sc_coordination", "popup", "other"]
EMPLOYMENT_PARTNERS = [
    uuid.UUID("0b0c0000-0000-4000-8000-000000000011"),
    uuid.UUID("0b0c0000-0000-4000-8000-000000000012"),
]
PARTICIPATION_PARTNER = uuid.UUID("0b0c0000-0000-4000-8000-000000000013")
HOUKATSU = uuid.UUID("0b0c0000-0000-4000-8000-000000000001")
BODY_TYPES = (
    ["shien_chousei"] * 4
    + ["juusou"] * 3
    + ["shien"] * 3
    + ["case_conference"] * 6
    + ["coordinators", "first_tier", "popup", "chiiki_care", "youhogo", "jiritsu_shien"]
)


def staff(area: str, n: int) -> str:
    """Three CSWs per area in a city of 500,000; the first is the demo's."""
    return f"csw-{area}" if n == 0 else f"csw-{area}-{n + 1}"


class Year:
    """A fictional year of the desk, ending now."""

    def __init__(self, consultations: int, cases: int, records: int, meetings: int, seed: int) -> None:
        rng = random.Random(seed)
        self.now = now = datetime.now(UTC)
        year_ago = now - timedelta(days=365)

        def moment(start: datetime = year_ago, end: datetime = now) -> datetime:
            return start + timedelta(seconds=rng.uniform(0, (end - start).total_seconds()))

        self.consultations: list[dict[str, Any]] = []
        self.decisions: list[dict[str, Any]] = []
        for _ in range(consultations):
            area = rng.choice(AREAS)
            channel = rng.choice(CHANNELS)
            received = moment()
            concerns = rng.sample(CONCERNS, rng.randint(1, 3))
            urgent = rng.random() < 0.06
            row = {
                "id": uuid.uuid4(),
                "channel": channel,
                "received_at": received,
                "received_by": staff(area, rng.randrange(3)),
                "area": "unassigned" if channel == "anonymous" else area,
                "summary": "相談の概要（ベンチマーク用の架空データ）",
                "urgent": urgent,
                "risks": ["suicidal"] if urgent else [],
                "concerns": concerns,
                "main_concern": concerns[0] if rng.random() < 0.9 else None,
                "consent": "not_asked",
                "status": "open",
                "created_at": received,
            }
            # Most are triaged within a few days; the last week's partly still wait.
            decided = received + timedelta(hours=rng.uniform(0.5, 96))
            if decided < now and rng.random() < 0.97:
                row["status"] = "triaged"
                self.decisions.append(
                    {
                        "id": uuid.uuid4(),
                        "consultation_id": row["id"],
                        "outcome": rng.choice(OUTCOMES),
                        "decided_by": row["received_by"],
                        "decided_at": decided,
                        "new_case_requested": False,
                    }
                )
            self.consultations.append(row)

        self.cases: list[dict[str, Any]] = []
        three_years_ago = now - timedelta(days=3 * 365)
        for i in range(cases):
            area = rng.choice(AREAS)
            # A third were opened this year; the rest are older cases still in work or closed.
            opened = moment() if i % 3 == 0 else moment(three_years_ago, year_ago)
            self.cases.append(
                {
                    "id": uuid.uuid4(),
                    "title": "世帯の支援",
                    "area": area,
                    "lead_username": staff(area, rng.randrange(3)),
                    "status": rng.choice(STATUSES),
                    "opened_at": opened,
                    "created_by": staff(area, 0),
                    "created_at": opened,
                    "updated_at": opened,
                    "version": 1,
                    "existing_system": "none",
                    "between_systems": False,
                    "difficult": False,
                }
            )
        self.plans: list[dict[str, Any]] = []
        self.events: list[dict[str, Any]] = []
        for case in self.cases:
            versions = rng.choices([0, 1, 2, 3], [20, 50, 22, 8])[0]
            written = case["opened_at"]
            for version in range(1, versions + 1):
                written = min(now, written + timedelta(days=rng.uniform(7, 150)))
                self.plans.append(
                    {
                        "id": uuid.uuid4(),
                        "case_id": case["id"],
                        "version": version,
                        "status": "current" if version == versions else "superseded",
                        "goals": "[]",
                        "created_by": case["lead_username"],
                        "created_at": written,
                        "revision": 1,
                    }
                )
            if rng.random() < 0.3:  # closed this year (some reopened since)
                at = moment(max(case["opened_at"], year_ago))
                reason = rng.choice(CLOSURE_REASONS)
                self.events.append(
                    {
                        "id": uuid.uuid4(),
                        "case_id": case["id"],
                        "at": at,
                        "actor": "sup1",
                        "kind": "status",
                        "before": '{"status": "supporting"}',
                        "after": f'{{"status": "closed", "closure_reason": "{reason}"}}',
                    }
                )
                if rng.random() < 0.8:
                    case.update(status="closed", closure_reason=reason, closed_at=at)
            for _ in range(rng.randint(1, 3)):  # other history: stages, flags
                self.events.append(
                    {
                        "id": uuid.uuid4(),
                        "case_id": case["id"],
                        "at": moment(case["opened_at"]),
                        "actor": case["lead_username"],
                        "kind": "status",
                        "before": '{"status": "intake"}',
                        "after": '{"status": "assessment"}',
                    }
                )

        self.records: list[dict[str, Any]] = []
        for _ in range(records):
            case = rng.choice(self.cases)
            at = moment(max(case["opened_at"], year_ago))
            self.records.append(
                {
                    "id": uuid.uuid4(),
                    "case_id": case["id"],
                    "kind": rng.choice(RECORD_KINDS),
                    "occurred_at": at,
                    "minutes_spent": rng.choice([10, 15, 30, 45, 60, 90, 120]),
                    "author": case["lead_username"],
                    "text": "自宅を訪問し本人と面談した。",
                    "source": "staff",
                    "created_at": at,
                    "version": 1,
                }
            )

        self.checks: list[dict[str, Any]] = []
        for row in self.consultations:
            if not row["urgent"]:
                continue
            due = row["received_at"] + timedelta(hours=rng.uniform(2, 20))
            done = due + timedelta(hours=rng.uniform(-2, 3))
            finished = done < now and rng.random() < 0.97
            self.checks.append(
                {
                    "id": uuid.uuid4(),
                    "consultation_id": row["id"],
                    "area": row["area"],
                    "reason": "相談受付時に生命の危険のおそれ",
                    "due_at": due,
                    "status": "done" if finished else "open",
                    "outcome": "safe" if finished else None,
                    "done_by": row["received_by"] if finished else None,
                    "done_at": done if finished else None,
                    "created_by": "intake-api",
                    "created_at": row["received_at"],
                    "updated_at": row["received_at"],
                    "version": 1,
                }
            )

        self.activities: list[dict[str, Any]] = []
        for area in AREAS:
            for n in range(3):
                for _ in range(rng.randint(180, 260)):  # a few community activities a week each
                    day = moment().astimezone().date()
                    self.activities.append(
                        {
                            "id": uuid.uuid4(),
                            "csw": staff(area, n),
                            "area": area,
                            "kind": rng.choice(ACTIVITY_KINDS),
                            "date": day,
                            "minutes_spent": rng.choice([30, 60, 90, 120, 180]),
                            "title": "地域の活動",
                            "created_by": staff(area, n),
                            "version": 1,
                        }
                    )

        self.meetings: list[dict[str, Any]] = []
        self.agenda: list[dict[str, Any]] = []
        for _ in range(meetings):
            starts = moment(year_ago, now + timedelta(days=30))
            cancelled = rng.random() < 0.05
            row = {
                "id": uuid.uuid4(),
                "title": "会議（ベンチマーク）",
                "body_type": rng.choice(BODY_TYPES),
                "starts_at": starts,
                "ends_at": starts + timedelta(hours=1),
                "area": rng.choice([*AREAS, None]),
                "organiser": "sup1",
                "status": "cancelled" if cancelled else "scheduled",
                "cancelled_at": starts - timedelta(days=1) if cancelled else None,
                "sequence": 0,
            }
            self.meetings.append(row)
            for position, case in enumerate(rng.sample(self.cases, rng.randint(0, 6))):
                self.agenda.append(
                    {
                        "id": uuid.uuid4(),
                        "meeting_id": row["id"],
                        "position": position,
                        "case_id": case["id"],
                        "case_title": "世帯の支援",
                        "consent_status": "given",
                        "material": "{}",
                        "added_by": "sup1",
                    }
                )

        self.involvements: list[dict[str, Any]] = []
        for case in rng.sample(self.cases, len(self.cases) // 4):
            agency = rng.choice([*EMPLOYMENT_PARTNERS, PARTICIPATION_PARTNER, HOUKATSU, HOUKATSU])
            since = moment(case["opened_at"]).date()
            until = since + timedelta(days=rng.randint(30, 240)) if rng.random() < 0.5 else None
            self.involvements.append(
                {
                    "id": uuid.uuid4(),
                    "case_id": case["id"],
                    "agency_id": agency,
                    "role": "役割分担（ベンチマーク）",
                    "since": since,
                    "until": until,
                    "created_by": case["lead_username"],
                    "version": 1,
                }
            )


async def copy(conn: asyncpg.Connection, table: str, rows: list[dict[str, Any]]) -> int:
    """COPY rows; the columns are those of the first row (the rest take their defaults)."""
    if not rows:
        return 0
    columns = list(rows[0])
    await conn.copy_records_to_table(
        table, columns=columns, records=[tuple(r.get(c) for c in columns) for r in rows]
    )
    return len(rows)


async def load(server: str, suffix: str, year: Year) -> None:
    started = time.perf_counter()
    intake = await asyncpg.connect(database_url(server, "tsunagu_intake" + suffix, driver=""))
    try:
        await copy(intake, "consultation", year.consultations)
        await copy(intake, "triage_decision", year.decisions)
        await intake.execute("ANALYZE")
    finally:
        await intake.close()
    case = await asyncpg.connect(database_url(server, "tsunagu_case" + suffix, driver=""))
    try:
        # Columns a closed case sets; open ones carry NULLs so COPY sees one shape.
        for row in year.cases:
            row.setdefault("closure_reason", None)
            row.setdefault("closed_at", None)
        await copy(case, "support_case", year.cases)
        await copy(case, "support_plan", year.plans)
        await case.executemany(
            "INSERT INTO case_event (id, case_id, at, actor, kind, before, after) "
            "VALUES ($1, $2, $3, $4, $5, $6::jsonb, $7::jsonb)",
            [tuple(e.values()) for e in year.events],
        )
        await copy(case, "support_record", year.records)
        await copy(case, "safety_check", year.checks)
        await copy(case, "community_activity", year.activities)
        await copy(case, "agency_involvement", year.involvements)
        await case.execute("ANALYZE")
    finally:
        await case.close()
    meeting = await asyncpg.connect(database_url(server, "tsunagu_meeting" + suffix, driver=""))
    try:
        await copy(meeting, "meeting", year.meetings)
        await copy(meeting, "agenda_item", year.agenda)
        await meeting.execute("ANALYZE")
    finally:
        await meeting.close()
    print(
        f"loaded {len(year.consultations):,} consultations ({len(year.decisions):,} triaged), "
        f"{len(year.cases):,} cases, {len(year.plans):,} plan versions, {len(year.events):,} history events, "
        f"{len(year.records):,} support records, {len(year.checks):,} safety checks, "
        f"{len(year.activities):,} community activities, {len(year.involvements):,} agency involvements, "
        f"{len(year.meetings):,} meetings with {len(year.agenda):,} agenda items "
        f"in {time.perf_counter() - started:.1f} s"
    )


async def measure(stack: Stack, password: str, requests: int) -> float:
    """Warm up, then time each kind of request in turn; the p95 of the monthly figures (all areas)."""
    month = current_month()
    earlier = months_before(month, 5)
    async with httpx.AsyncClient(base_url=stack.url(), timeout=30.0) as gateway:

        async def login(username: str) -> dict[str, str]:
            response = await gateway.post(
                "/api/v1/auth/token",
                data={"grant_type": "password", "username": username, "password": password},
            )
            response.raise_for_status()
            return {"Authorization": f"Bearer {response.json()['access_token']}"}

        sup, east = await login("sup1"), await login("csw-higashi")
        csv = {**sup, "Accept": "text/csv"}
        kinds: list[tuple[str, str, dict[str, str], dict[str, str], int]] = [
            ("monthly, all areas (sup1)", "/api/v1/statistics/monthly", {"month": month}, sup, requests),
            (
                "monthly, all areas, 5 months ago",
                "/api/v1/statistics/monthly",
                {"month": earlier},
                sup,
                requests,
            ),
            (
                "monthly, one area (sup1)",
                "/api/v1/statistics/monthly",
                {"month": month, "area": "nishi"},
                sup,
                requests,
            ),
            (
                "monthly, own area (csw-higashi)",
                "/api/v1/statistics/monthly",
                {"month": month},
                east,
                requests,
            ),
            (
                "12-month range for the charts",
                "/api/v1/statistics/monthly/range",
                {},
                sup,
                max(20, requests // 3),
            ),
            (
                "CSV (Accept: text/csv)",
                "/api/v1/statistics/monthly",
                {"month": month},
                csv,
                max(20, requests // 3),
            ),
            ("attention view (sup1)", "/api/v1/statistics/attention", {}, sup, max(20, requests // 3)),
        ]
        for _, path, params, headers, _ in kinds:  # warm-up: connections, caches, plans
            for _ in range(10):
                await timed(gateway, path, params, headers)
        samples: dict[str, list[float]] = defaultdict(list)
        for title, path, params, headers, n in kinds:
            for _ in range(n):
                samples[title].append(await timed(gateway, path, params, headers))
        figures = (
            await gateway.get("/api/v1/statistics/monthly", params={"month": month}, headers=sup)
        ).json()
    # Where the time goes: each service's own figures, straight, with the same token.
    direct: dict[str, list[float]] = defaultdict(list)
    for service, path in (
        ("intake-api", "/api/v1/statistics/intake"),
        ("case-api", "/api/v1/statistics/cases"),
        ("meeting-api", "/api/v1/statistics/meetings"),
    ):
        async with httpx.AsyncClient(base_url=stack.url(service), timeout=30.0) as client:
            for _ in range(10):
                await timed(client, path, {"month": month}, sup)
            for _ in range(requests):
                direct[f"{service} {path} (straight)"].append(
                    await timed(client, path, {"month": month}, sup)
                )

    print(
        f"\nthis month ({month}): {figures['intake']['new_consultations']} new consultations, "
        f"{figures['cases']['plans_made']} plans, {figures['cases']['outreach_visits']} visits, "
        f"{figures['meetings']['held']} meetings held, "
        f"{len(figures['cases']['workload']['by_csw'])} staff in the workload split; per 100,000: "
        f"{figures['national'][0]['per_100k']}"
    )
    print("\nthrough the gateway (sequential requests)")
    for title, xs in samples.items():
        report(title, xs, width=52)
    print("straight to the services (what the gateway waits for, in parallel)")
    for title, xs in direct.items():
        report(title, xs, width=52)
    return percentile(samples["monthly, all areas (sup1)"], 95)


async def main() -> int:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--consultations", type=int, default=10_000)
    parser.add_argument("--cases", type=int, default=6_000)
    parser.add_argument("--records", type=int, default=100_000)
    parser.add_argument("--meetings", type=int, default=600)
    parser.add_argument("--requests", type=int, default=100)
    parser.add_argument("--seed", type=int, default=8050)
    parser.add_argument("--keep", action="store_true", help="keep the databases (to EXPLAIN by hand)")
    args = parser.parse_args()

    started = time.perf_counter()
    year = Year(args.consultations, args.cases, args.records, args.meetings, args.seed)
    print(f"generated a year in {time.perf_counter() - started:.1f} s")
    work = Path(tempfile.mkdtemp(prefix="tsunagu-bench-"))
    password = "bench-" + secrets.token_urlsafe(8)
    stack = Stack(
        server=testing.server_url(),
        demo_password=password,
        service_secrets={name: secrets.token_urlsafe(24) for name in SERVICE_CLIENTS},
        ports={service.name: free_port() for service in SERVICES},
        db_suffix=f"_b{secrets.token_hex(4)}",
        log_dir=work / "logs",
        extra_env={
            "TSUNAGU_SIGNING_KEY_PATH": str(work / "keys" / "signing.pem"),
            "TSUNAGU_LOG_LEVEL": "WARNING",
            "TSUNAGU_STATISTICS_POPULATION": str(POPULATION),
        },
    )
    try:
        await stack.prepare(only=NEEDED)
        await load(stack.server, stack.db_suffix, year)
        stack.start(only=NEEDED)
        await stack.wait_ready(within=60, only=NEEDED)
        p95 = await measure(stack, password, args.requests)
    finally:
        stack.stop()
        if args.keep:
            print(f"databases kept: tsunagu_*{stack.db_suffix}")
        else:
            await stack.drop_databases()
    ok = p95 < 200
    print(
        f"\ntarget p95 < 200 ms: GET /api/v1/statistics/monthly {p95:.1f} ms -> {'met' if ok else 'NOT met'}"
    )
    print(f"(service logs: {work / 'logs'})")
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(asyncio.run(main()))
