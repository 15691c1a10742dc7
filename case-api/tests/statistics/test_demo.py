"""The demo year of case work: loads once, and the statistics have something to show."""

import datetime as dt

from case_api import demo as directory
from case_api.statistics import demo
from tsunagu_services.months import current_month, months_before
from tsunagu_services.testing import TokenFactory


async def test_the_demo_year_loads_once_and_fills_the_figures(stats, tokens: TokenFactory) -> None:
    now = dt.datetime.now(dt.UTC)
    added = []
    for _ in range(2):
        async with stats.sessions() as session, session.begin():
            await directory.load_agencies(session)
            added.append(await demo.load_history(session, now))
    assert added[0] > demo.CASES + demo.RECORDS and added[1] == 0

    sup = tokens.headers("supervisor", username="sup1")
    span = await stats.client.get(
        "/api/v1/statistics/cases",
        headers=sup,
        params={"from": months_before(current_month(), 11), "to": current_month()},
    )
    assert span.status_code == 200, span.text
    months = span.json()["months"]
    assert sum(m["cases_opened"] for m in months) > 20
    assert sum(m["plans_made"] for m in months) > 0 and sum(m["closures"] for m in months) > 0
    assert sum(m["outreach_visits"] for m in months) > 100
    assert sum(m["safety_checks"]["done_late"] for m in months) == 3
    assert sum(m["safety_checks"]["open_overdue"] for m in months) == 0
    assert all(len(m["workload"]["by_csw"]) == 4 for m in months[:-1])
    assert sum(m["employment_support_cases"] + m["participation_support_cases"] for m in months) > 0
    cases = (await stats.client.get("/api/v1/cases", params={"limit": 200}, headers=sup)).json()
    assert cases["total"] == demo.CASES and all(c["title"].startswith("（デモ）") for c in cases["items"])
    history = await stats.client.get(f"/api/v1/cases/{cases['items'][0]['id']}/history", headers=sup)
    assert history.json()["items"][0]["kind"] == "opened"
