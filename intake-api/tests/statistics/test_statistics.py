"""Intake's monthly figures and attention view, from a fixture month counted by hand (Asia/Tokyo)."""

import datetime as dt
import uuid
from collections.abc import AsyncIterator

import httpx
import pytest
from fastapi import FastAPI

from intake_api.consultations.models import Consultation
from intake_api.triage.models import TriageDecision
from tsunagu_services.testing import TokenFactory

JST = dt.timezone(dt.timedelta(hours=9))
NOW = dt.datetime.now(dt.UTC)


def jst(*args: int) -> dt.datetime:
    return dt.datetime(*args, tzinfo=JST)


def consultation(
    received_at: dt.datetime,
    channel: str,
    area: str,
    *,
    main: str | None = None,
    urgent: bool = False,
    status: str = "triaged",
) -> Consultation:
    concerns = [main] if main else ["other"]
    return Consultation(
        id=uuid.uuid4(),
        channel=channel,
        received_at=received_at,
        received_by="csw-test",
        area=area,
        summary="統計テスト",
        urgent=urgent,
        concerns=concerns,
        main_concern=main,
        person_name="統計 太郎",
        status=status,
    )


def decided(c: Consultation, outcome: str, at: dt.datetime) -> TriageDecision:
    return TriageDecision(consultation_id=c.id, outcome=outcome, decided_by="sup1", decided_at=at)


@pytest.fixture
async def june(app: FastAPI, client: httpx.AsyncClient) -> AsyncIterator[dict[str, Consultation]]:
    """June 2025 as the desk lived it, with neighbours across both month ends (Tokyo vs UTC)."""
    c = {
        "may": consultation(jst(2025, 5, 31, 23, 30), "phone", "higashi", main="income"),
        # 00:10 on 1 June in Tokyo is still 31 May in UTC: June.
        "first": consultation(jst(2025, 6, 1, 0, 10), "outreach", "higashi", main="debt"),
        "c1": consultation(jst(2025, 6, 2, 10, 0), "phone", "higashi", main="housing"),
        "c2": consultation(jst(2025, 6, 3, 11, 0), "phone", "nishi", main="income"),
        "c3": consultation(jst(2025, 6, 5, 10, 10), "email", "higashi", urgent=True, status="open"),
        "c4": consultation(jst(2025, 6, 9, 15, 0), "outreach", "minami", main="withdrawal"),
        "c5": consultation(jst(2025, 6, 12, 9, 0), "anonymous", "unassigned", status="open"),
        "last": consultation(jst(2025, 6, 30, 23, 50), "visit", "higashi", main="housing"),
        # 30 June 16:00 UTC is 1 July 01:00 in Tokyo: July.
        "july": consultation(dt.datetime(2025, 6, 30, 16, 0, tzinfo=dt.UTC), "phone", "nishi"),
        "fresh": consultation(NOW - dt.timedelta(hours=2), "phone", "kita", status="open"),
        "two_days": consultation(NOW - dt.timedelta(days=2), "visit", "kita", status="open"),
    }
    decisions = [
        decided(c["may"], "info_closed", jst(2025, 6, 1, 9, 0)),  # a May consultation triaged in June
        decided(c["first"], "link_case", jst(2025, 6, 1, 0, 20)),
        decided(c["c1"], "info_closed", jst(2025, 6, 2, 10, 30)),
        decided(c["c2"], "welfare_office", jst(2025, 6, 3, 12, 0)),
        decided(c["c4"], "referral", jst(2025, 6, 10, 9, 0)),
        decided(c["last"], "new_case", jst(2025, 7, 1, 0, 30)),  # triaged in July
        decided(c["july"], "info_closed", jst(2025, 7, 2, 9, 0)),
    ]
    async with app.state.sessionmaker() as session, session.begin():
        session.add_all(c.values())
        await session.flush()
        session.add_all(decisions)
    yield c


def figures(response: httpx.Response) -> list[dict]:
    assert response.status_code == 200, response.text
    return response.json()["months"]


async def test_june_counted_by_hand(client: httpx.AsyncClient, tokens: TokenFactory, june) -> None:
    sup = tokens.headers("supervisor", username="sup1")
    [month] = figures(await client.get("/api/v1/statistics/intake", params={"month": "2025-06"}, headers=sup))
    assert month["month"] == "2025-06"
    # first, c1, c2, c3, c4, c5, last: 7 received in June (Tokyo).
    assert month["new_consultations"] == 7
    assert month["urgent"] == 1
    assert month["anonymous_reports"] == 1
    assert month["outreach"] == 2
    assert month["by_channel"] == {
        "visit": 1,
        "phone": 2,
        "email": 1,
        "outreach": 2,
        "popup": 0,
        "referral": 0,
        "neighbour_family": 0,
        "anonymous": 1,
    }
    concerns = {k: v for k, v in month["by_main_concern"].items() if v}
    assert concerns == {"housing": 2, "income": 1, "withdrawal": 1, "debt": 1, "unspecified": 2}
    assert len(month["by_main_concern"]) == 17  # the 16 boxes and "unspecified"
    assert month["by_area"] == {"higashi": 4, "minami": 1, "nishi": 1, "unassigned": 1}
    # Decided in June: may (info), first (link), c1 (info), c2 (welfare), c4 (referral); last is July's.
    assert month["triage"] == {
        "info_closed": 2,
        "referral": 1,
        "welfare_office": 1,
        "link_case": 1,
        "new_case": 0,
    }


async def test_one_area(client: httpx.AsyncClient, tokens: TokenFactory, june) -> None:
    sup = tokens.headers("supervisor", username="sup1")
    [month] = figures(
        await client.get(
            "/api/v1/statistics/intake", params={"month": "2025-06", "area": "higashi"}, headers=sup
        )
    )
    assert month["new_consultations"] == 4  # first, c1, c3, last
    assert month["by_area"] == {"higashi": 4}
    assert month["by_channel"]["outreach"] == 1
    assert month["triage"] == {
        "info_closed": 2,
        "referral": 0,
        "welfare_office": 0,
        "link_case": 1,
        "new_case": 0,
    }


async def test_a_span_of_months_in_one_answer(client: httpx.AsyncClient, tokens: TokenFactory, june) -> None:
    sup = tokens.headers("supervisor", username="sup1")
    months = figures(
        await client.get(
            "/api/v1/statistics/intake", params={"from": "2025-04", "to": "2025-07"}, headers=sup
        )
    )
    assert [m["month"] for m in months] == ["2025-04", "2025-05", "2025-06", "2025-07"]
    assert [m["new_consultations"] for m in months] == [0, 1, 7, 1]
    assert months[3]["triage"]["new_case"] == 1 and months[3]["triage"]["info_closed"] == 1
    assert months[1]["triage"] == {k: 0 for k in months[1]["triage"]}


@pytest.mark.parametrize(
    ("params", "field"),
    [
        ({"from": "2024-01", "to": "2025-01"}, "to"),  # 13 months
        ({"from": "2025-06", "to": "2025-05"}, "to"),
        ({"month": "2025-06", "from": "2025-06"}, "month"),
        ({}, "from"),
    ],
)
async def test_bad_spans_are_422(client: httpx.AsyncClient, tokens: TokenFactory, params, field) -> None:
    response = await client.get(
        "/api/v1/statistics/intake", params=params, headers=tokens.headers("supervisor")
    )
    assert response.status_code == 422
    assert response.json()["errors"][0]["loc"] == ["query", field]


async def test_malformed_month_is_422(client: httpx.AsyncClient, tokens: TokenFactory) -> None:
    response = await client.get(
        "/api/v1/statistics/intake", params={"month": "2025-13"}, headers=tokens.headers("supervisor")
    )
    assert response.status_code == 422


async def test_a_csw_gets_their_own_area_and_nothing_else(
    client: httpx.AsyncClient, tokens: TokenFactory, june
) -> None:
    east = tokens.headers("csw", username="csw-higashi", area="higashi")
    own = await client.get("/api/v1/statistics/intake", params={"month": "2025-06"}, headers=east)
    assert own.json()["area"] == "higashi"
    assert figures(own)[0]["new_consultations"] == 4
    other = await client.get(
        "/api/v1/statistics/intake", params={"month": "2025-06", "area": "nishi"}, headers=east
    )
    assert other.status_code == 403


@pytest.mark.parametrize(
    ("role", "scopes", "expected"),
    [
        ("system", ("statistics:read",), 200),
        ("system", ("consultations:read", "consultations:write"), 403),
        ("sc", (), 403),
        ("agency", (), 403),
        ("admin", (), 200),
    ],
)
async def test_who_may_read_the_figures(
    client: httpx.AsyncClient, tokens: TokenFactory, role, scopes, expected
) -> None:
    response = await client.get(
        "/api/v1/statistics/intake",
        params={"month": "2025-06"},
        headers=tokens.headers(role, scopes=scopes, area="higashi"),
    )
    assert response.status_code == expected


async def test_statistics_client_reads_no_consultation(
    client: httpx.AsyncClient, tokens: TokenFactory, june
) -> None:
    stats = tokens.headers("system", scopes=("statistics:read",))
    for path in (f"/api/v1/consultations/{june['c1'].id}", "/api/v1/consultations"):
        refused = await client.get(path, headers=stats)
        assert refused.status_code == 403  # no consultations scope: refused, not shown an empty list
        assert refused.json()["type"] == "/problems/insufficient-scope"


async def test_attention_counts_the_queue_by_age(
    client: httpx.AsyncClient, tokens: TokenFactory, june
) -> None:
    sup = tokens.headers("supervisor", username="sup1")
    response = await client.get("/api/v1/statistics/intake/attention", params={"oldest": 3}, headers=sup)
    assert response.status_code == 200, response.text
    body = response.json()
    # Open: c3 and c5 (June 2025), two_days, fresh.
    assert body["untriaged"] == 4
    assert body["urgent"] == 1
    assert body["by_age"] == {"under_1_day": 1, "from_1_to_3_days": 1, "over_3_days": 2}
    assert [item["id"] for item in body["oldest"]] == [str(june[k].id) for k in ("c3", "c5", "two_days")]
    assert set(body["oldest"][0]) == {"id", "received_at", "area", "urgent", "channel"}  # no names
    assert body["oldest"][0]["urgent"] is True


@pytest.mark.parametrize(("role", "scopes"), [("csw", ()), ("system", ("statistics:read",)), ("sc", ())])
async def test_attention_is_for_supervisors(
    client: httpx.AsyncClient, tokens: TokenFactory, role, scopes
) -> None:
    response = await client.get(
        "/api/v1/statistics/intake/attention", headers=tokens.headers(role, scopes=scopes, area="higashi")
    )
    assert response.status_code == 403
