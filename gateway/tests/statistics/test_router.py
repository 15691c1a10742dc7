"""The composed statistics through the gateway, against stand-in services on a loopback port."""

import csv
import io
import uuid

import httpx
import pytest

from tsunagu_services.tokens import Principal, SigningKey, issue_token


@pytest.fixture
def system(signing_key: SigningKey):
    def headers(*scopes: str) -> dict[str, str]:
        principal = Principal(
            sub=str(uuid.uuid4()), username="city-system", role="system", scopes=frozenset(scopes)
        )
        token = issue_token(
            signing_key, issuer="tsunagu-gateway", audience="tsunagu", principal=principal, ttl_seconds=300
        )
        return {"Authorization": f"Bearer {token}"}

    return headers


async def test_monthly_puts_every_service_side_by_side(
    client: httpx.AsyncClient, bearer, fake, identities
) -> None:
    sup = bearer("supervisor", "sup-test")
    response = await client.get("/api/v1/statistics/monthly", params={"month": "2026-11"}, headers=sup)
    assert response.status_code == 200, response.text
    body = response.json()
    assert (body["month"], body["area"], body["population"]) == ("2026-11", None, 125_960)
    assert body["intake"]["new_consultations"] == 10
    assert body["cases"]["plans_made"] == 3
    assert body["meetings"]["held_by_body"] == {"shien": 1, "juusou": 2}
    assert body["meetings"]["cases_discussed"] == 4 and body["unavailable"] == []
    national = {f["key"]: f for f in body["national"]}
    assert national["new_consultations"]["per_100k"] == 7.9  # 10 of 125,960
    assert national["welfare_office"]["count"] == 1
    assert body["cases"]["workload"]["by_csw"][0]["display_name"] == "東 花子"
    assert response.headers["cache-control"] == "no-store"
    # One call per service, with the caller's own token, for the one month.
    assert sorted((path, params.get("from"), params.get("to")) for path, params, _ in fake.calls) == [
        ("/api/v1/statistics/cases", "2026-11", "2026-11"),
        ("/api/v1/statistics/intake", "2026-11", "2026-11"),
        ("/api/v1/statistics/meetings", "2026-11", "2026-11"),
    ]
    assert {auth for _, _, auth in fake.calls} == {sup["Authorization"]}


async def test_an_area_has_no_rate_per_100k(client: httpx.AsyncClient, bearer, fake) -> None:
    response = await client.get(
        "/api/v1/statistics/monthly",
        params={"month": "2026-11", "area": "higashi"},
        headers=bearer("supervisor"),
    )
    body = response.json()
    assert body["area"] == "higashi" and body["population"] is None
    assert all(f["per_100k"] is None for f in body["national"])
    assert {params["area"] for _, params, _ in fake.calls} == {"higashi"}


async def test_the_area_is_the_one_the_services_counted(client: httpx.AsyncClient, bearer, fake) -> None:
    fake.own_area.update(
        {
            path: "higashi"
            for path in (
                "/api/v1/statistics/intake",
                "/api/v1/statistics/cases",
                "/api/v1/statistics/meetings",
            )
        }
    )
    body = (
        await client.get("/api/v1/statistics/monthly", headers=bearer("csw", "csw-test", "higashi"))
    ).json()
    assert body["area"] == "higashi" and body["population"] is None
    assert all(f["per_100k"] is None for f in body["national"])
    fake.own_area["/api/v1/statistics/cases"] = "nishi"
    mismatch = await client.get("/api/v1/statistics/monthly", headers=bearer("csw", "csw-test", "higashi"))
    assert mismatch.status_code == 502


async def test_csv_for_excel(client: httpx.AsyncClient, bearer, fake, identities) -> None:
    response = await client.get(
        "/api/v1/statistics/monthly",
        params={"month": "2026-11"},
        headers={**bearer("supervisor"), "Accept": "text/csv"},
    )
    assert response.status_code == 200
    assert response.headers["content-type"] == "text/csv; charset=utf-8"
    assert "attachment" in response.headers["content-disposition"]
    assert "tsunagu-statistics-2026-11.csv" in response.headers["content-disposition"]
    assert response.content.startswith(b"\xef\xbb\xbf")
    rows = list(csv.reader(io.StringIO(response.content.decode("utf-8-sig"), newline="")))
    assert rows[0] == ["項目", "区分", "値", "単位"]
    assert ["新規相談受付件数", "人口10万人あたり", "7.9", "件"] in rows
    assert ["圏域別相談件数", "東", "10", "件"] in rows  # area names from the gateway's own table
    assert ["職員別 個別支援", "東 花子（csw-test）", "2.0", "時間"] in rows


async def test_csv_in_cp932_on_request(client: httpx.AsyncClient, bearer, fake, identities) -> None:
    response = await client.get(
        "/api/v1/statistics/monthly",
        params={"month": "2026-11", "encoding": "cp932"},
        headers={**bearer("supervisor"), "Accept": "text/csv"},
    )
    assert response.status_code == 200
    assert response.headers["content-type"] == "text/csv; charset=Windows-31J"
    assert not response.content.startswith(b"\xef\xbb\xbf")
    rows = list(csv.reader(io.StringIO(response.content.decode("cp932"), newline="")))
    assert rows[0] == ["項目", "区分", "値", "単位"]


async def test_range_asks_each_service_once_for_the_whole_span(
    client: httpx.AsyncClient, bearer, fake
) -> None:
    response = await client.get(
        "/api/v1/statistics/monthly/range",
        params={"from": "2025-12", "to": "2026-11"},
        headers=bearer("supervisor"),
    )
    assert response.status_code == 200, response.text
    body = response.json()
    assert (body["from"], body["to"]) == ("2025-12", "2026-11")
    assert [m["month"] for m in body["months"]][:2] == ["2025-12", "2026-01"]
    assert len(body["months"]) == 12
    assert [m["intake"]["new_consultations"] for m in body["months"]][-1] == 21
    assert len(fake.calls) == 3


async def test_range_defaults_to_the_last_twelve_months(client: httpx.AsyncClient, bearer, fake) -> None:
    body = (await client.get("/api/v1/statistics/monthly/range", headers=bearer("supervisor"))).json()
    assert len(body["months"]) == 12


@pytest.mark.parametrize(
    "params", [{"from": "2025-01", "to": "2026-01"}, {"from": "2026-02", "to": "2026-01"}, {"from": "2026-1"}]
)
async def test_range_limits(client: httpx.AsyncClient, bearer, fake, params) -> None:
    response = await client.get(
        "/api/v1/statistics/monthly/range", params=params, headers=bearer("supervisor")
    )
    assert response.status_code == 422
    assert fake.calls == []


async def test_without_meeting_api_the_rest_still_comes(client: httpx.AsyncClient, bearer, fake) -> None:
    fake.refuse["/api/v1/statistics/meetings"] = (503, {})
    response = await client.get("/api/v1/statistics/monthly", headers=bearer("supervisor"))
    assert response.status_code == 200
    assert response.json()["meetings"] is None and response.json()["unavailable"] == ["meetings"]
    csv_rows = (
        await client.get("/api/v1/statistics/monthly", headers={**bearer("supervisor"), "Accept": "text/csv"})
    ).content
    assert "未集計（会議サービスが応答しませんでした）".encode() in csv_rows


async def test_a_service_refusal_is_passed_on(client: httpx.AsyncClient, bearer, fake) -> None:
    fake.refuse["/api/v1/statistics/cases"] = (
        403,
        {
            "type": "/problems/forbidden",
            "status": 403,
            "title": "この操作を行う権限がありません。",
            "detail": "CSW は担当圏域の統計のみ閲覧できます。",
        },
    )
    response = await client.get(
        "/api/v1/statistics/monthly", params={"area": "nishi"}, headers=bearer("csw", "csw-test", "higashi")
    )
    assert response.status_code == 403
    assert response.json()["detail"] == "CSW は担当圏域の統計のみ閲覧できます。"
    assert response.headers["content-type"] == "application/problem+json"


async def test_a_slow_service_is_a_504_and_a_broken_one_a_502(
    client: httpx.AsyncClient, bearer, fake
) -> None:
    fake.slow.add("/api/v1/statistics/intake")
    slow = await client.get("/api/v1/statistics/monthly", headers=bearer("supervisor"))
    assert slow.status_code == 504
    fake.slow.clear()
    fake.refuse["/api/v1/statistics/intake"] = (500, {})
    broken = await client.get("/api/v1/statistics/monthly", headers=bearer("supervisor"))
    assert broken.status_code == 502


async def test_the_statistics_client(client: httpx.AsyncClient, fake, system) -> None:
    stats = system("statistics:read")
    assert (await client.get("/api/v1/statistics/monthly", headers=stats)).status_code == 200
    assert (await client.get("/api/v1/statistics/attention", headers=stats)).status_code == 403


async def test_needs_a_token(client: httpx.AsyncClient, fake) -> None:
    assert (await client.get("/api/v1/statistics/monthly")).status_code == 401
    assert (await client.get("/api/v1/statistics/attention")).status_code == 401
    assert fake.calls == []


async def test_the_services_own_figures_are_not_proxied(client: httpx.AsyncClient, bearer, fake) -> None:
    for path in ("/api/v1/statistics/intake", "/api/v1/statistics/cases"):
        assert (
            await client.get(path, params={"month": "2026-11"}, headers=bearer("supervisor"))
        ).status_code == 404
    assert fake.calls == []


async def test_attention_links_every_item_to_the_thing_itself(
    client: httpx.AsyncClient, bearer, fake
) -> None:
    response = await client.get("/api/v1/statistics/attention", headers=bearer("supervisor"))
    assert response.status_code == 200, response.text
    body = response.json()
    assert body["unavailable"] == []
    assert body["untriaged"]["total"] == 3 and body["untriaged"]["over_3_days"] == 1
    assert body["untriaged"]["oldest"][0]["link"] == "/consultations/0c000000-0000-4000-8000-000000000001"
    checks = body["overdue_safety_checks"]
    assert checks["total"] == 2
    assert [c["link"] for c in checks["items"]] == [
        "/consultations/0c000000-0000-4000-8000-000000000002",
        "/cases/ca000000-0000-4000-8000-000000000001",
    ]
    assert body["no_contact_days"] == 30
    assert body["cases_without_contact"]["items"][0]["link"] == "/cases/ca000000-0000-4000-8000-000000000002"
    action = body["plan_actions_overdue"]["items"][0]
    assert action["link"] == "/cases/ca000000-0000-4000-8000-000000000003" and action["label"] == "通院同行"
    assert "小金井" not in response.text  # the case title stays in case-api
    meetings = body["meetings_this_week"]
    assert (
        meetings["total"] == 1
        and meetings["items"][0]["link"] == "/meetings/ee000000-0000-4000-8000-000000000001"
    )
    called = {path: params for path, params, _ in fake.calls}
    assert called["/api/v1/statistics/cases/attention"]["no_contact_days"] == "30"
    assert called["/api/v1/plan-actions"]["due_before"]  # today in Tokyo
    assert called["/api/v1/meetings"]["from"].endswith("+09:00")


async def test_attention_shows_what_it_has_when_a_service_is_down(
    client: httpx.AsyncClient, bearer, fake
) -> None:
    fake.refuse["/api/v1/meetings"] = (503, {})
    body = (await client.get("/api/v1/statistics/attention", headers=bearer("admin"))).json()
    assert body["unavailable"] == ["meetings"]
    assert body["meetings_this_week"] is None
    assert body["untriaged"]["total"] == 3


@pytest.mark.parametrize("role", ["csw", "sc", "agency"])
async def test_attention_is_for_supervisors(client: httpx.AsyncClient, bearer, fake, role) -> None:
    response = await client.get("/api/v1/statistics/attention", headers=bearer(role, area="higashi"))
    assert response.status_code == 403
    assert fake.calls == []
