"""Scenario 6 through the gateway: the month's figures, as JSON and CSV, and who sees them."""

import csv
import datetime as dt
import io

import httpx

from tsunagu_services.months import current_month

JST = dt.timezone(dt.timedelta(hours=9))


async def monthly(gateway: httpx.AsyncClient, headers: dict, **params) -> dict:
    response = await gateway.get("/api/v1/statistics/monthly", params=params, headers=headers)
    assert response.status_code == 200, response.text
    return response.json()


async def consultation(gateway: httpx.AsyncClient, headers: dict, **fields) -> dict:
    body = {"channel": "phone", "area": "higashi", "summary": "統計の確認", **fields}
    response = await gateway.post("/api/v1/consultations", json=body, headers=headers)
    assert response.status_code == 201, response.text
    return response.json()


async def statistics_client(gateway: httpx.AsyncClient, demo_password: str) -> dict:
    response = await gateway.post(
        "/api/v1/auth/token",
        data={
            "grant_type": "client_credentials",
            "client_id": "demo-system",
            "client_secret": demo_password,
            "scope": "statistics:read",
        },
    )
    assert response.status_code == 200, response.text
    return {"Authorization": f"Bearer {response.json()['access_token']}"}


async def test_the_month_moves_with_the_work_done(gateway: httpx.AsyncClient, login) -> None:
    sup, east = await login("sup1"), await login("csw-higashi")
    month = current_month()
    before = await monthly(gateway, sup, month=month)

    welfare = await consultation(
        gateway, east, channel="outreach", concerns=["income"], main_concern="income"
    )
    decided = await gateway.post(
        f"/api/v1/consultations/{welfare['id']}/triage", headers=east, json={"outcome": "welfare_office"}
    )
    assert decided.status_code == 201, decided.text
    await consultation(gateway, east)
    case = (
        await gateway.post(
            "/api/v1/cases",
            headers=east,
            json={"title": "統計の世帯", "area": "higashi", "lead_username": "csw-higashi"},
        )
    ).json()
    plan = await gateway.put(
        f"/api/v1/cases/{case['id']}/plan",
        headers=east,
        json={"goals": [{"text": "生活の安定"}], "actions": []},
    )
    assert plan.status_code == 201, plan.text
    now = dt.datetime.now(JST)
    visit = await gateway.post(
        f"/api/v1/cases/{case['id']}/records",
        headers=east,
        json={
            "kind": "visit",
            "occurred_at": now.isoformat(),
            "minutes_spent": 90,
            "text": "自宅を訪問した。",
        },
    )
    assert visit.status_code == 201, visit.text
    logged = await gateway.post(
        "/api/v1/activities",
        headers=east,
        json={
            "kind": "small_area",
            "date": now.date().isoformat(),
            "minutes_spent": 30,
            "title": "東町サロン",
        },
    )
    assert logged.status_code == 201, logged.text

    after = await monthly(gateway, sup, month=month)
    delta = lambda get: get(after) - get(before)  # noqa: E731
    assert delta(lambda s: s["intake"]["new_consultations"]) == 2
    assert delta(lambda s: s["intake"]["outreach"]) == 1
    assert delta(lambda s: s["intake"]["by_channel"]["phone"]) == 1
    assert delta(lambda s: s["intake"]["triage"]["welfare_office"]) == 1
    assert delta(lambda s: s["cases"]["cases_opened"]) == 1
    assert delta(lambda s: s["cases"]["plans_made"]) == 1
    assert delta(lambda s: s["cases"]["outreach_visits"]) == 1
    national = lambda s: {f["key"]: f for f in s["national"]}  # noqa: E731
    assert delta(lambda s: national(s)["new_consultations"]["count"]) == 2
    assert after["population"] == 125_960
    assert after["unavailable"] == []  # meeting-api answered too
    assert set(after["meetings"]["held_by_body"]) >= {"shien", "juusou", "shien_chousei"}
    assert national(after)["new_consultations"]["per_100k"] == round(
        after["intake"]["new_consultations"] * 100_000 / 125_960, 1
    )

    def minutes(s: dict, kind: str) -> int:
        rows = [r for r in s["cases"]["workload"]["by_csw"] if r["csw"] == "csw-higashi"]
        return rows[0][kind] if rows else 0

    assert minutes(after, "individual_minutes") - minutes(before, "individual_minutes") == 90
    assert minutes(after, "community_minutes") - minutes(before, "community_minutes") == 30
    east_row = next(r for r in after["cases"]["workload"]["by_csw"] if r["csw"] == "csw-higashi")
    assert east_row["display_name"] == "東 花子"


async def test_the_csv_the_supervisor_downloads_at_month_end(gateway: httpx.AsyncClient, login) -> None:
    sup = await login("sup1")
    response = await gateway.get("/api/v1/statistics/monthly", headers={**sup, "Accept": "text/csv"})
    assert response.status_code == 200
    assert response.headers["content-type"].startswith("text/csv")
    assert response.content.startswith(b"\xef\xbb\xbf")
    rows = list(csv.reader(io.StringIO(response.content.decode("utf-8-sig"), newline="")))
    assert rows[0] == ["項目", "区分", "値", "単位"]
    assert any(row[0] == "新規相談受付件数" for row in rows)
    cp932 = await gateway.get(
        "/api/v1/statistics/monthly", params={"encoding": "cp932"}, headers={**sup, "Accept": "text/csv"}
    )
    assert cp932.status_code == 200
    assert next(csv.reader(io.StringIO(cp932.content.decode("cp932"), newline=""))) == rows[0]


async def test_a_csw_sees_their_own_area_and_row_only(gateway: httpx.AsyncClient, login) -> None:
    east = await login("csw-higashi")
    own = await monthly(gateway, east)
    assert own["area"] == "higashi"
    assert {r["csw"] for r in own["cases"]["workload"]["by_csw"]} <= {"csw-higashi"}
    assert own["cases"]["workload"]["by_area"] == []
    other = await gateway.get("/api/v1/statistics/monthly", params={"area": "nishi"}, headers=east)
    assert other.status_code == 403
    assert (await gateway.get("/api/v1/statistics/attention", headers=east)).status_code == 403
    for who in ("sc-higashi", "agency-houkatsu-higashi"):
        refused = await gateway.get("/api/v1/statistics/monthly", headers=await login(who))
        assert refused.status_code == 403


async def test_the_citys_statistics_client_reads_figures_and_nothing_else(
    gateway: httpx.AsyncClient, login, demo_password: str
) -> None:
    east = await login("csw-higashi")
    c = await consultation(gateway, east)
    case = (
        await gateway.post("/api/v1/cases", headers=east, json={"title": "見えない世帯", "area": "higashi"})
    ).json()
    city = await statistics_client(gateway, demo_password)
    assert (await gateway.get("/api/v1/statistics/monthly", headers=city)).status_code == 200
    span = await gateway.get("/api/v1/statistics/monthly/range", headers=city)
    assert span.status_code == 200 and len(span.json()["months"]) == 12
    # Nothing else: no consultation, no case, not even an empty list (403 insufficient_scope).
    for path in (f"/api/v1/consultations/{c['id']}", f"/api/v1/cases/{case['id']}", "/api/v1/cases"):
        assert (await gateway.get(path, headers=city)).status_code == 403, path
    assert (await gateway.get("/api/v1/consultations", headers=city)).status_code == 403
    assert (await gateway.get("/api/v1/statistics/attention", headers=city)).status_code == 403
    assert (
        await gateway.post(
            "/api/v1/consultations",
            headers=city,
            json={"channel": "phone", "area": "higashi", "summary": "x"},
        )
    ).status_code == 403


async def test_twelve_months_for_the_charts(gateway: httpx.AsyncClient, login) -> None:
    sup = await login("sup1")
    response = await gateway.get("/api/v1/statistics/monthly/range", headers=sup)
    assert response.status_code == 200, response.text
    months = response.json()["months"]
    assert len(months) == 12 and months[-1]["month"] == current_month()
    assert (
        await gateway.get(
            "/api/v1/statistics/monthly/range", params={"from": "2025-01", "to": "2026-06"}, headers=sup
        )
    ).status_code == 422


async def test_the_supervisors_attention_view_links_to_what_waits(gateway: httpx.AsyncClient, login) -> None:
    sup, east = await login("sup1"), await login("csw-higashi")
    waiting = await consultation(gateway, east, urgent=True, risks=["suicidal"])
    case = (
        await gateway.post(
            "/api/v1/cases",
            headers=east,
            json={"title": "期限切れの世帯", "area": "higashi", "lead_username": "csw-higashi"},
        )
    ).json()
    yesterday = (dt.datetime.now(JST) - dt.timedelta(days=1)).date().isoformat()
    plan = await gateway.put(
        f"/api/v1/cases/{case['id']}/plan",
        headers=east,
        json={
            "goals": [],
            "actions": [
                {"text": "通院同行", "owner_kind": "staff", "owner": "csw-higashi", "due_date": yesterday}
            ],
        },
    )
    assert plan.status_code == 201, plan.text

    response = await gateway.get("/api/v1/statistics/attention", headers=sup)
    assert response.status_code == 200, response.text
    body = response.json()
    assert body["untriaged"]["total"] >= 1 and body["untriaged"]["urgent"] >= 1
    assert body["no_contact_days"] == 30
    links = [item["link"] for item in body["plan_actions_overdue"]["items"]]
    assert f"/cases/{case['id']}" in links
    assert body["untriaged"]["under_1_day"] >= 1
    assert "meetings" not in body["unavailable"] or body["meetings_this_week"] is None
    waiting_links = [item["link"] for item in body["untriaged"]["oldest"]]
    assert waiting_links and all(link.startswith("/consultations/") for link in waiting_links)
    assert waiting["summary"] not in response.text  # no consultation text, no names
