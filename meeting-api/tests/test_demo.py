"""The demo bodies load, and loading them again changes nothing."""

from fastapi import FastAPI
from meeting_support import World

from meeting_api import demo


async def test_demo_bodies_load_idempotently_and_work(world: World, app: FastAPI) -> None:
    for _ in range(2):
        async with app.state.sessionmaker() as session, session.begin():
            await demo.load(session)
    listed = (await world.client.get("/api/v1/meeting-bodies", headers=world.user("sup1"))).json()
    assert sorted(b["type"] for b in listed["items"]) == sorted(
        ["shien", "juusou", "shien_chousei", "coordinators", "first_tier"]
    )
    assert all(b["version"] == 1 for b in listed["items"])
    shien = next(b for b in listed["items"] if b["type"] == "shien")
    assert shien["my_membership"]["role"] == "chair"
    assert shien["my_membership"]["confidentiality_confirmed_at"] is None
    members = (
        await world.client.get(f"/api/v1/meeting-bodies/{shien['id']}/members", headers=world.user("sup1"))
    ).json()
    assert [m["username"] for m in members] == [
        "sup1",
        "csw-higashi",
        "csw-kita",
        "csw-minami",
        "csw-nishi",
        "agency-houkatsu-higashi",
    ]

    # The done-when flow of issue 5, as sup1: confirm, then the monthly series from the body's rule.
    await world.confirm(shien["id"], "sup1")
    series = await world.client.post(
        "/api/v1/meetings/series",
        json={"body_id": shien["id"], "starts_on": "2026-12-01", "count": 12},
        headers=world.user("sup1"),
    )
    assert series.status_code == 201, series.text
    occurrences = series.json()["occurrences"]
    assert len(occurrences) == 12 and occurrences[0]["starts_at"] == "2026-12-08T05:00:00Z"
    assert occurrences[0]["participants"] == [
        "sup1",
        "csw-higashi",
        "csw-kita",
        "csw-minami",
        "csw-nishi",
        "agency-houkatsu-higashi",
    ]
    sup2 = await world.client.get(f"/api/v1/meetings/{occurrences[0]['id']}", headers=world.user("sup2"))
    assert sup2.status_code == 404
