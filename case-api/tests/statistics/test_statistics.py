"""case-api's monthly figures and attention view, from a fixture month counted by hand (Asia/Tokyo)."""

import datetime as dt
import uuid
from typing import Any

import pytest

from case_api.activities.models import CommunityActivity
from case_api.agencies.models import Agency, AgencyInvolvement
from case_api.cases.models import Case, CaseEvent
from case_api.outcomes.models import CaseOutcome
from case_api.plans.models import SupportPlan
from case_api.records.models import SupportRecord
from case_api.safety_checks.models import SafetyCheck
from tsunagu_services.testing import TokenFactory

JST = dt.timezone(dt.timedelta(hours=9))
NOW = dt.datetime.now(dt.UTC)


def jst(*args: int) -> dt.datetime:
    return dt.datetime(*args, tzinfo=JST)


def case(area: str, opened_at: dt.datetime, status: str = "supporting", **extra: Any) -> Case:
    return Case(
        id=uuid.uuid4(),
        title="統計テスト世帯",
        area=area,
        lead_username=f"csw-{area}",
        opened_at=opened_at,
        created_by="sup1",
        status=status,
        **extra,
    )


def record(c: Case, kind: str, at: dt.datetime, minutes: int, author: str, **extra: Any) -> SupportRecord:
    return SupportRecord(
        id=uuid.uuid4(),
        case_id=c.id,
        kind=kind,
        occurred_at=at,
        minutes_spent=minutes,
        author=author,
        text="訪問して面談した。",
        **extra,
    )


def status_event(c: Case, at: dt.datetime, to: str, reason: str | None = None) -> CaseEvent:
    return CaseEvent(
        case_id=c.id,
        at=at,
        actor="sup1",
        kind="status",
        before={"status": "supporting"},
        after={"status": to, "closure_reason": reason, "decision_id": None},
    )


def check(area: str, due: dt.datetime, done: dt.datetime | None = None) -> SafetyCheck:
    finished = (
        {"status": "done", "outcome": "safe", "done_by": f"csw-{area}", "done_at": done} if done else {}
    )
    return SafetyCheck(
        id=uuid.uuid4(),
        area=area,
        reason="生命の危険のおそれ",
        due_at=due,
        created_by="intake-api",
        **finished,
    )


def activity(csw: str, area: str, day: dt.date, minutes: int) -> CommunityActivity:
    return CommunityActivity(
        csw=csw, area=area, kind="small_area", date=day, minutes_spent=minutes, title="サロン", created_by=csw
    )


@pytest.fixture
async def june(stats) -> dict[str, Any]:
    """June 2025 of a desk, with neighbours across both month ends (Tokyo, not UTC)."""
    a = case("higashi", jst(2025, 6, 1, 0, 30))  # 31 May in UTC: June in Tokyo
    b = case(
        "nishi",
        jst(2025, 6, 15, 10),
        status="closed",
        closure_reason="goal_met",
        closed_at=jst(2025, 6, 20, 10),
    )
    c = case("higashi", jst(2025, 5, 20, 10))
    d = case("minami", jst(2025, 6, 30, 23, 59), status="intake")
    e = case("kita", dt.datetime(2025, 6, 30, 15, 5, tzinfo=dt.UTC))  # 1 July 00:05 in Tokyo
    recent = case("kita", NOW - dt.timedelta(days=60), status="assessment")
    new_quiet = case("nishi", NOW - dt.timedelta(days=40), status="planning")
    just_opened = case("nishi", NOW - dt.timedelta(days=3), status="assessment")
    cases = [a, b, c, d, e, recent, new_quiet, just_opened]

    r2 = record(a, "visit", jst(2025, 6, 3, 10), 30, "csw-higashi")
    records = [
        record(a, "visit", jst(2025, 6, 2, 10), 60, "csw-higashi"),
        r2,
        record(b, "call", jst(2025, 6, 16, 9), 15, "csw-nishi"),
        record(c, "office", jst(2025, 6, 30, 23, 30), 45, "csw-higashi"),
        record(a, "visit", jst(2025, 7, 1, 0, 10), 20, "csw-higashi"),  # July
        record(d, "accompaniment", jst(2025, 6, 25, 13), 120, "sup1"),
        record(recent, "call", NOW - dt.timedelta(days=5), 10, "csw-kita"),
    ]
    amendment = record(
        a, "visit", jst(2025, 6, 3, 10), 0, "csw-higashi", amends_id=r2.id, amendment_reason="訪問先の誤記"
    )
    plans = [
        SupportPlan(case_id=a.id, version=1, created_by="csw-higashi", created_at=jst(2025, 6, 5, 10)),
        SupportPlan(
            case_id=c.id,
            version=1,
            status="superseded",
            created_by="csw-higashi",
            created_at=jst(2025, 5, 25, 10),
        ),
        SupportPlan(
            case_id=c.id,
            version=2,
            status="superseded",
            created_by="csw-higashi",
            created_at=jst(2025, 6, 10, 10),
        ),
        SupportPlan(case_id=c.id, version=3, created_by="csw-higashi", created_at=jst(2025, 6, 20, 10)),
        SupportPlan(case_id=b.id, version=1, created_by="csw-nishi", created_at=jst(2025, 7, 1, 0, 10)),
    ]
    events = [
        status_event(b, jst(2025, 6, 20, 10), "closed", "goal_met"),
        status_event(c, jst(2025, 6, 11, 10), "closed", "moved"),
        status_event(c, jst(2025, 6, 12, 10), "supporting"),  # reopened: the closure still happened
        status_event(d, jst(2025, 7, 1, 1, 0), "closed", "refused"),  # July
    ]
    s3 = check("higashi", jst(2025, 6, 10, 12))
    july_check = check("higashi", jst(2025, 7, 1, 0, 30))  # July (still open, so overdue too)
    overdue_now = check("kita", NOW - dt.timedelta(hours=1))
    checks = [
        check("higashi", jst(2025, 6, 3, 10), done=jst(2025, 6, 3, 9)),
        check("nishi", jst(2025, 6, 4, 12), done=jst(2025, 6, 4, 15)),
        s3,
        july_check,
        check("minami", jst(2025, 6, 30, 23), done=jst(2025, 6, 30, 23)),  # on the minute: on time
        overdue_now,
        check("kita", NOW + dt.timedelta(hours=3)),
    ]
    activities = [
        activity("csw-higashi", "higashi", dt.date(2025, 6, 10), 90),
        activity("csw-higashi", "higashi", dt.date(2025, 6, 30), 30),
        activity("csw-nishi", "nishi", dt.date(2025, 6, 12), 60),
        activity("csw-higashi", "higashi", dt.date(2025, 7, 1), 45),
    ]
    employer = Agency(id=uuid.uuid4(), name="協力事業所", kind="employer", partner_employment_prep=True)
    npo = Agency(id=uuid.uuid4(), name="参加支援NPO", kind="npo", partner_participation=True)
    other = Agency(id=uuid.uuid4(), name="地域包括", kind="houkatsu")

    def involved(c: Case, agency: Agency, since: dt.date, until: dt.date | None = None) -> AgencyInvolvement:
        return AgencyInvolvement(
            case_id=c.id, agency_id=agency.id, role="就労体験", since=since, until=until, created_by="sup1"
        )

    involvements = [
        involved(a, employer, dt.date(2025, 5, 1)),
        involved(a, employer, dt.date(2025, 6, 10)),  # the same case twice: counted once
        involved(b, employer, dt.date(2025, 6, 20), dt.date(2025, 6, 25)),
        involved(c, employer, dt.date(2025, 4, 1), dt.date(2025, 5, 31)),  # ended in May
        involved(d, npo, dt.date(2025, 7, 1)),  # July
        involved(a, npo, dt.date(2025, 6, 30)),
        involved(b, other, dt.date(2025, 6, 1)),
    ]

    def outcome(c: Case, kind: str, on: dt.date, withdrawn: bool = False) -> CaseOutcome:
        gone = {"withdrawn_at": NOW, "withdrawn_by": "sup1", "withdrawn_reason": "誤記"} if withdrawn else {}
        return CaseOutcome(case_id=c.id, kind=kind, occurred_on=on, recorded_by="csw-nishi", **gone)

    outcomes = [
        outcome(d, "employment_support", dt.date(2025, 6, 12)),  # no partner agency: still 就労支援
        outcome(b, "employment", dt.date(2025, 6, 28)),
        outcome(d, "employment", dt.date(2025, 6, 20), withdrawn=True),  # withdrawn: never counted
        outcome(d, "employment", dt.date(2025, 6, 29)),
        outcome(b, "income_increase", dt.date(2025, 6, 30)),
        outcome(b, "income_increase", dt.date(2025, 7, 1)),  # July
        outcome(b, "participation", dt.date(2025, 6, 5)),
    ]
    async with stats.sessions() as session, session.begin():
        session.add_all([*cases, employer, npo, other])
        await session.flush()
        session.add_all([*records, *plans, *events, *checks, *activities, *involvements, *outcomes])
        await session.flush()
        session.add(amendment)
    return {
        "a": a,
        "b": b,
        "c": c,
        "e": e,
        "new_quiet": new_quiet,
        "s3": s3,
        "july_check": july_check,
        "overdue_now": overdue_now,
    }


async def months(stats, headers: dict[str, str], **params: str) -> list[dict[str, Any]]:
    response = await stats.client.get("/api/v1/statistics/cases", params=params, headers=headers)
    assert response.status_code == 200, response.text
    return response.json()["months"]


def sup(tokens: TokenFactory) -> dict[str, str]:
    return tokens.headers("supervisor", username="sup1")


async def test_june_counted_by_hand(stats, tokens: TokenFactory, june) -> None:
    [month] = await months(stats, sup(tokens), month="2025-06")
    assert month["cases_opened"] == 3  # a, b, d (c opened in May, e on 1 July in Tokyo)
    assert month["cases_opened_by_area"] == {"higashi": 1, "minami": 1, "nishi": 1}
    assert month["plans_made"] == 1  # a's first plan; b's is July's
    assert month["replans"] == 2  # c's versions 2 and 3
    assert month["closures"] == 2
    assert month["closures_by_reason"] == {
        "goal_met": 1,
        "moved": 1,
        "deceased": 0,
        "transferred": 0,
        "refused": 0,
        "other": 0,
    }
    assert month["safety_checks"] == {
        "due": 4,
        "done_on_time": 2,
        "done_late": 1,
        "open_overdue": 1,
        "open_not_yet_due": 0,
    }
    assert month["outreach_visits"] == 2  # the correction of the second visit is not a visit
    assert month["records_by_kind"] == {
        "visit": 2,
        "call": 1,
        "office": 1,
        "accompaniment": 1,
        "safety_check": 0,
        "meeting": 0,
        "email": 0,
        "other": 0,
    }
    assert month["employment_support_cases"] == 3  # a (twice, once counted), b, and d by its outcome
    assert month["employed_cases"] == 2  # b, d (d's withdrawn one not counted)
    assert month["increased_income_cases"] == 1  # b (its July one is July's)
    assert month["participation_support_cases"] == 2  # a by its partner, b by its outcome


async def test_the_workload_split_of_june(stats, tokens: TokenFactory, june) -> None:
    [month] = await months(stats, sup(tokens), month="2025-06")
    workload = month["workload"]
    assert workload["individual_source"] is True
    by_csw = {row["csw"]: row for row in workload["by_csw"]}
    # csw-higashi: 60 + 30 + 0 (correction) + 45 individual; 90 + 30 community.
    assert by_csw["csw-higashi"] == {
        "csw": "csw-higashi",
        "individual_minutes": 135,
        "community_minutes": 120,
        "total_minutes": 255,
        "community_ratio": 0.4706,
    }
    assert by_csw["csw-nishi"]["community_ratio"] == 0.8  # 60 of 75
    assert by_csw["sup1"]["individual_minutes"] == 120 and by_csw["sup1"]["community_ratio"] == 0.0
    assert set(by_csw) == {"csw-higashi", "csw-nishi", "sup1"}
    by_area = {row["area"]: row["total_minutes"] for row in workload["by_area"]}
    assert by_area == {"higashi": 255, "nishi": 75, "minami": 120}


async def test_one_area(stats, tokens: TokenFactory, june) -> None:
    [month] = await months(stats, sup(tokens), month="2025-06", area="higashi")
    assert month["cases_opened"] == 1
    assert (month["plans_made"], month["replans"], month["closures"]) == (1, 2, 1)
    assert month["safety_checks"] == {
        "due": 2,
        "done_on_time": 1,
        "done_late": 0,
        "open_overdue": 1,
        "open_not_yet_due": 0,
    }
    assert month["outreach_visits"] == 2
    assert (month["employment_support_cases"], month["participation_support_cases"]) == (1, 1)
    assert [row["csw"] for row in month["workload"]["by_csw"]] == ["csw-higashi"]


async def test_a_span_of_months_in_one_answer(stats, tokens: TokenFactory, june) -> None:
    may, jun, jul = await months(stats, sup(tokens), **{"from": "2025-05", "to": "2025-07"})
    assert [m["month"] for m in (may, jun, jul)] == ["2025-05", "2025-06", "2025-07"]
    assert [m["cases_opened"] for m in (may, jun, jul)] == [1, 3, 1]
    assert [m["plans_made"] for m in (may, jun, jul)] == [1, 1, 1]
    assert jul["closures_by_reason"]["refused"] == 1
    assert jul["outreach_visits"] == 1
    assert (jul["employment_support_cases"], jul["participation_support_cases"]) == (1, 2)
    assert may["employment_support_cases"] == 2  # a and c
    assert {r["csw"]: r["community_minutes"] for r in jul["workload"]["by_csw"]} == {"csw-higashi": 45}
    assert jun["workload"] == (await months(stats, sup(tokens), month="2025-06"))[0]["workload"]


async def test_a_csw_sees_their_area_and_their_own_row(stats, tokens: TokenFactory, june) -> None:
    east = tokens.headers("csw", username="csw-higashi", area="higashi")
    response = await stats.client.get("/api/v1/statistics/cases", params={"month": "2025-06"}, headers=east)
    assert response.status_code == 200
    assert response.json()["area"] == "higashi"
    [month] = response.json()["months"]
    assert month["cases_opened"] == 1
    assert [r["csw"] for r in month["workload"]["by_csw"]] == ["csw-higashi"]
    assert month["workload"]["by_area"] == []  # would show colleagues' time
    own = await stats.client.get(
        "/api/v1/statistics/cases", params={"month": "2025-06", "csw": "csw-higashi"}, headers=east
    )
    assert own.status_code == 200


@pytest.mark.parametrize("params", [{"area": "nishi"}, {"csw": "csw-nishi"}, {"csw": "sup1"}])
async def test_a_csw_cannot_read_another_area_or_person(stats, tokens: TokenFactory, params) -> None:
    east = tokens.headers("csw", username="csw-higashi", area="higashi")
    response = await stats.client.get(
        "/api/v1/statistics/cases", params={"month": "2025-06", **params}, headers=east
    )
    assert response.status_code == 403


async def test_supervisor_may_ask_for_one_csw(stats, tokens: TokenFactory, june) -> None:
    [month] = await months(stats, sup(tokens), month="2025-06", csw="csw-nishi")
    assert [r["csw"] for r in month["workload"]["by_csw"]] == ["csw-nishi"]


@pytest.mark.parametrize(
    ("role", "scopes", "expected"),
    [
        ("system", ("statistics:read",), 200),
        ("system", ("cases:read", "cases:write"), 403),
        ("system", ("service",), 403),
        ("sc", (), 403),
        ("agency", (), 403),
        ("admin", (), 200),
    ],
)
async def test_who_may_read_the_figures(stats, tokens: TokenFactory, role, scopes, expected) -> None:
    response = await stats.client.get(
        "/api/v1/statistics/cases",
        params={"month": "2025-06"},
        headers=tokens.headers(role, scopes=scopes, area="higashi"),
    )
    assert response.status_code == expected


async def test_the_statistics_client_reads_no_case(stats, tokens: TokenFactory, june) -> None:
    reader = tokens.headers("system", username="city-stats", scopes=("statistics:read",))
    assert (await stats.client.get(f"/api/v1/cases/{june['a'].id}", headers=reader)).status_code == 403
    assert (await stats.client.get("/api/v1/cases", headers=reader)).status_code == 403
    workload = await stats.client.get("/api/v1/activities", headers=reader)
    assert workload.status_code == 403


async def test_span_limits(stats, tokens: TokenFactory) -> None:
    too_long = await stats.client.get(
        "/api/v1/statistics/cases", params={"from": "2024-06", "to": "2025-06"}, headers=sup(tokens)
    )
    assert too_long.status_code == 422
    twelve = await stats.client.get(
        "/api/v1/statistics/cases", params={"from": "2024-07", "to": "2025-06"}, headers=sup(tokens)
    )
    assert twelve.status_code == 200 and len(twelve.json()["months"]) == 12


async def test_attention(stats, tokens: TokenFactory, june) -> None:
    response = await stats.client.get(
        "/api/v1/statistics/cases/attention", params={"no_contact_days": 30}, headers=sup(tokens)
    )
    assert response.status_code == 200, response.text
    body = response.json()
    assert body["overdue_safety_checks"] == 3
    assert [c["id"] for c in body["oldest_overdue"]] == [
        str(june[k].id) for k in ("s3", "july_check", "overdue_now")
    ]
    assert set(body["oldest_overdue"][0]) == {"id", "due_at", "area", "case_id", "consultation_id"}
    # Working cases with nothing for 30 days, longest first: c (last record 30 June 23:30), e (opened
    # 1 July 00:05, nothing since), a (last record 1 July 00:10), new_quiet (opened 40 days ago).
    assert body["no_contact_days"] == 30
    assert body["cases_without_contact"] == 4
    assert [c["id"] for c in body["quiet_cases"]] == [str(june[k].id) for k in ("c", "e", "a", "new_quiet")]
    assert body["quiet_cases"][3]["last_contact_at"] is None
    assert "title" not in body["quiet_cases"][0]
    # Shorter settings: "recent" (a call 5 days ago), then "just_opened" (3 days ago, nothing yet).
    for days, expected in ((4, 5), (2, 6)):
        shorter = await stats.client.get(
            "/api/v1/statistics/cases/attention", params={"no_contact_days": days}, headers=sup(tokens)
        )
        assert shorter.json()["cases_without_contact"] == expected


@pytest.mark.parametrize(("role", "scopes"), [("csw", ()), ("system", ("statistics:read",)), ("agency", ())])
async def test_attention_is_for_supervisors(stats, tokens: TokenFactory, role, scopes) -> None:
    response = await stats.client.get(
        "/api/v1/statistics/cases/attention", headers=tokens.headers(role, scopes=scopes, area="higashi")
    )
    assert response.status_code == 403
