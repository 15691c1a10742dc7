"""The demo year of consultations: loads once, names nobody, leaves the triage queue alone."""

import datetime as dt

import httpx
from fastapi import FastAPI

from intake_api import demo
from tsunagu_services.months import current_month, months_before
from tsunagu_services.testing import TokenFactory


async def test_the_demo_year_loads_once_and_fills_the_figures(
    app: FastAPI, client: httpx.AsyncClient, tokens: TokenFactory
) -> None:
    now = dt.datetime.now(dt.UTC)
    added = []
    for _ in range(2):
        async with app.state.sessionmaker() as session, session.begin():
            added.append(await demo.load_history(session, now))
    assert added == [demo.CONSULTATIONS, 0]

    sup = tokens.headers("supervisor", username="sup1")
    queue = await client.get("/api/v1/consultations", params={"status": "open"}, headers=sup)
    assert queue.json()["total"] == 0
    listed = (await client.get("/api/v1/consultations", params={"limit": 200}, headers=sup)).json()["items"]
    assert all(c["person_name"] is None and c["summary"].startswith("（デモ）") for c in listed)
    span = await client.get(
        "/api/v1/statistics/intake",
        headers=sup,
        params={"from": months_before(current_month(), 11), "to": current_month()},
    )
    months = span.json()["months"]
    assert sum(m["new_consultations"] for m in months) >= demo.CONSULTATIONS - 60  # the 13th month's few
    assert all(m["new_consultations"] > 0 for m in months[:-1])
    assert sum(m["triage"]["welfare_office"] for m in months) > 0
