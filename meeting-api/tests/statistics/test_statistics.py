"""meeting-api's monthly figures, from a fixture month counted by hand (Asia/Tokyo)."""

import datetime as dt
import uuid

import httpx
import pytest
from fastapi import FastAPI

from meeting_api.agenda.models import AgendaItem
from meeting_api.meetings.models import Meeting
from tsunagu_services.testing import TokenFactory

JST = dt.timezone(dt.timedelta(hours=9))
X, Y, Z, W, V = (uuid.uuid4() for _ in range(5))


def jst(*args: int) -> dt.datetime:
    return dt.datetime(*args, tzinfo=JST)


def meeting(body_type: str, starts: dt.datetime, area: str | None, *, cancelled: bool = False) -> Meeting:
    return Meeting(
        id=uuid.uuid4(),
        title="統計テストの会議",
        body_type=body_type,
        starts_at=starts,
        ends_at=starts + dt.timedelta(hours=1),
        area=area,
        organiser="sup1",
        status="cancelled" if cancelled else "scheduled",
        cancelled_at=starts - dt.timedelta(days=1) if cancelled else None,
    )


def agenda(m: Meeting, *cases: uuid.UUID) -> list[AgendaItem]:
    return [
        AgendaItem(
            meeting_id=m.id,
            position=i,
            case_id=c,
            case_title="世帯",
            consent_status="none",
            material={},
            added_by="sup1",
        )
        for i, c in enumerate(cases)
    ]


@pytest.fixture
async def june(app: FastAPI, client: httpx.AsyncClient) -> None:
    m1 = meeting("shien", jst(2025, 6, 1, 0, 30), "higashi")  # 31 May in UTC: June in Tokyo
    m2 = meeting("juusou", jst(2025, 6, 10, 14), "higashi")
    m3 = meeting("shien_chousei", jst(2025, 6, 20, 14), "nishi")
    m4 = meeting("juusou", jst(2025, 6, 25, 14), "higashi", cancelled=True)
    m5 = meeting("coordinators", jst(2025, 6, 30, 23, 30), None)
    m6 = meeting("shien", dt.datetime(2025, 6, 30, 15, 10, tzinfo=dt.UTC), "higashi")  # 1 July in Tokyo
    upcoming = meeting("case_conference", dt.datetime.now(dt.UTC) + dt.timedelta(minutes=1), "kita")
    async with app.state.sessionmaker() as session, session.begin():
        session.add_all([m1, m2, m3, m4, m5, m6, upcoming])
        await session.flush()
        session.add_all(
            [
                *agenda(m1, X, Y),
                *agenda(m2, X, Z),
                *agenda(m3, W),
                *agenda(m4, V),
                *agenda(m6, X),
                *agenda(upcoming, V),
            ]
        )


async def figures(client: httpx.AsyncClient, headers: dict, **params: str) -> list[dict]:
    response = await client.get("/api/v1/statistics/meetings", params=params, headers=headers)
    assert response.status_code == 200, response.text
    return response.json()["months"]


def sup(tokens: TokenFactory) -> dict:
    return tokens.headers("supervisor", username="sup1")


async def test_june_counted_by_hand(client: httpx.AsyncClient, tokens: TokenFactory, june) -> None:
    [month] = await figures(client, sup(tokens), month="2025-06")
    assert month["held"] == 4  # m1, m2, m3, m5; m4 was cancelled, m6 is July's
    assert {k: v for k, v in month["held_by_body"].items() if v} == {
        "shien": 1,
        "juusou": 1,
        "shien_chousei": 1,
        "coordinators": 1,
    }
    assert len(month["held_by_body"]) == 10  # every body type
    assert month["cases_discussed"] == 4  # X, Y, Z, W (X twice, once counted)
    assert month["case_discussions"] == 5
    assert month["cancelled"] == 1


async def test_one_area_and_a_span(client: httpx.AsyncClient, tokens: TokenFactory, june) -> None:
    [east] = await figures(client, sup(tokens), month="2025-06", area="higashi")
    assert (east["held"], east["cases_discussed"], east["case_discussions"], east["cancelled"]) == (
        2,
        3,
        4,
        1,
    )
    _, july = await figures(client, sup(tokens), **{"from": "2025-06", "to": "2025-07"})
    assert (july["held"], july["held_by_body"]["shien"], july["cases_discussed"]) == (1, 1, 1)


async def test_a_meeting_not_yet_held_is_not_counted(
    client: httpx.AsyncClient, tokens: TokenFactory, june
) -> None:
    month = (dt.datetime.now(dt.UTC) + dt.timedelta(minutes=1)).astimezone(JST).strftime("%Y-%m")
    [now] = await figures(client, sup(tokens), month=month)
    assert now["held_by_body"]["case_conference"] == 0
    assert now["cases_discussed"] == 0


async def test_a_csw_sees_their_own_area_only(client: httpx.AsyncClient, tokens: TokenFactory, june) -> None:
    east = tokens.headers("csw", username="csw-higashi", area="higashi")
    response = await client.get("/api/v1/statistics/meetings", params={"month": "2025-06"}, headers=east)
    assert response.json()["area"] == "higashi"
    assert response.json()["months"][0]["held"] == 2
    other = await client.get(
        "/api/v1/statistics/meetings", params={"month": "2025-06", "area": "nishi"}, headers=east
    )
    assert other.status_code == 403


@pytest.mark.parametrize(
    ("role", "scopes", "expected"),
    [
        ("system", ("statistics:read",), 200),
        ("system", ("meetings:read",), 403),
        ("sc", (), 403),
        ("agency", (), 403),
    ],
)
async def test_who_may_read_the_figures(
    client: httpx.AsyncClient, tokens: TokenFactory, role, scopes, expected
) -> None:
    response = await client.get(
        "/api/v1/statistics/meetings",
        params={"month": "2025-06"},
        headers=tokens.headers(role, scopes=scopes, area="higashi"),
    )
    assert response.status_code == expected


async def test_the_statistics_client_lists_no_meeting(
    client: httpx.AsyncClient, tokens: TokenFactory, june
) -> None:
    stats = tokens.headers("system", username="city-stats", scopes=("statistics:read",))
    listed = await client.get("/api/v1/meetings", headers=stats)
    assert listed.status_code == 403 or listed.json()["items"] == []
