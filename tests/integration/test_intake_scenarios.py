"""DOMAIN.md scenarios 2, 3 and 4 through the gateway, and nothing lost while case-api is down."""

import asyncio
import uuid
from datetime import datetime, timedelta
from zoneinfo import ZoneInfo

import asyncpg
import httpx

from intake_api.public_reports.challenge import solve
from tsunagu_local.stack import Stack
from tsunagu_services.db import database_url

TOKYO = ZoneInfo("Asia/Tokyo")


async def proof(gateway: httpx.AsyncClient) -> dict[str, str]:
    issued = (await gateway.get("/api/v1/public/challenge")).json()
    return {"challenge": issued["challenge"], "nonce": solve(issued["challenge"], issued["difficulty"])}


async def checks_for(gateway: httpx.AsyncClient, headers: dict, consultation_id: str) -> list[dict]:
    items = (await gateway.get("/api/v1/safety-checks", params={"status": "due"}, headers=headers)).json()
    listed = items["items"] if isinstance(items, dict) else items
    return [c for c in listed if c.get("consultation_id") == consultation_id]


async def test_scenario_2_suicidal_email_makes_a_same_day_safety_check_for_every_supervisor(
    eventually, gateway: httpx.AsyncClient, login
) -> None:
    csw, sup1, sup2 = await login("csw-higashi"), await login("sup1"), await login("sup2")
    today_1010 = datetime.now(TOKYO).replace(hour=10, minute=10, second=0, microsecond=0)
    # The latest weekday 10:10 that has passed (the rule is about a weekday morning).
    while today_1010.weekday() >= 5 or today_1010 > datetime.now(TOKYO):
        today_1010 -= timedelta(days=1)
    created = await gateway.post(
        "/api/v1/consultations",
        headers=csw,
        json={
            "channel": "email",
            "area": "higashi",
            "summary": "「もう消えたい」という内容のメール",
            "risks": ["suicidal"],
            "received_at": today_1010.isoformat(),
        },
    )
    assert created.status_code == 201, created.text
    consultation_id = created.json()["id"]
    assert created.json()["urgent"] is True

    checks = await eventually(lambda: checks_for(gateway, sup1, consultation_id))
    assert len(checks) == 1
    due = datetime.fromisoformat(checks[0]["due_at"]).astimezone(TOKYO)
    assert due.date() == today_1010.date()  # due the same day
    assert len(await checks_for(gateway, sup2, consultation_id)) == 1  # every supervisor sees it

    outcome = await gateway.post(
        f"/api/v1/safety-checks/{checks[0]['id']}/outcome",
        headers=csw,
        json={
            "outcome": "safe",
            "outcome_note": "電話で本人の無事を確認",
            "checked_at": datetime.now(TOKYO).isoformat(),
        },
    )
    assert outcome.status_code == 200, outcome.text
    assert await checks_for(gateway, sup1, consultation_id) == []


async def test_scenario_3_anonymous_report_and_follow_up_reach_triage_without_identifying_anyone(
    stack: Stack, gateway: httpx.AsyncClient, login, service_logs
) -> None:
    fingerprint = {"User-Agent": "ReporterPhone/9.9 (unique-ua-marker)", "X-Forwarded-For": "203.0.113.77"}
    report = await gateway.post(
        "/api/v1/public/reports",
        headers=fingerprint,
        json={
            "text": "市民プールの休憩所で、毎日同じ高齢の方が一日中座っています。",
            "place": "市民プール",
            "proof": await proof(gateway),
        },
    )
    assert report.status_code == 201, report.text
    code = report.json()["receipt_code"]
    follow_up = await gateway.post(
        f"/api/v1/public/reports/{code}/messages",
        headers=fingerprint,
        json={"text": "今日は具合が悪そうでした。", "proof": await proof(gateway)},
    )
    assert follow_up.status_code == 204, follow_up.text

    csw = await login("csw-kita")
    queue = (
        await gateway.get("/api/v1/consultations", params={"status": "open", "limit": 200}, headers=csw)
    ).json()["items"]
    mine = [c for c in queue if "市民プール" in c["summary"]]
    assert len(mine) == 1 and mine[0]["channel"] == "anonymous"
    messages = (await gateway.get(f"/api/v1/consultations/{mine[0]['id']}/messages", headers=csw)).json()
    assert [m["text"] for m in messages] == ["今日は具合が悪そうでした。"]

    await asyncio.sleep(0.3)
    logs = service_logs()
    for marker in ("unique-ua-marker", "203.0.113.77", code, code.replace("-", "")):
        assert marker not in logs
    for database in ("tsunagu_intake", "tsunagu_gateway"):
        dump = await _dump(stack, database)
        for marker in ("unique-ua-marker", "203.0.113.77", code.replace("-", "")):
            assert marker not in dump, (database, marker)


async def test_scenario_4_referral_retry_creates_nothing_twice(
    gateway: httpx.AsyncClient, demo_password: str
) -> None:
    token = (
        await gateway.post(
            "/api/v1/auth/token",
            data={
                "grant_type": "client_credentials",
                "client_id": "demo-system",
                "client_secret": demo_password,
                "scope": "consultations:write consultations:read",
            },
        )
    ).json()["access_token"]
    reference = f"HK-{uuid.uuid4().hex[:8]}"
    headers = {"Authorization": f"Bearer {token}", "Idempotency-Key": reference}
    body = {
        "channel": "referral",
        "area": "minami",
        "summary": "介護と生活費の相談（包括からの紹介）",
        "referrer": "南地域包括支援センター",
        "external_ref": reference,
        "concerns": ["care", "income"],
        "main_concern": "income",
        "consent": "given",
    }
    answers = [await gateway.post("/api/v1/consultations", json=body, headers=headers) for _ in range(3)]
    assert [a.status_code for a in answers] == [201, 201, 201]
    assert len({a.json()["id"] for a in answers}) == 1
    changed = await gateway.post(
        "/api/v1/consultations", json={**body, "summary": "別の内容"}, headers=headers
    )
    assert changed.status_code == 422
    listed = (
        await gateway.get(
            "/api/v1/consultations",
            params={"area": "minami", "limit": 200},
            headers={"Authorization": f"Bearer {token}"},
        )
    ).json()["items"]
    assert sum(c["external_ref"] == reference for c in listed) == 1


async def test_urgent_intake_while_case_api_is_down_arrives_once_when_it_is_back(
    eventually, stack: Stack, gateway: httpx.AsyncClient, login
) -> None:
    csw, sup = await login("csw-nishi"), await login("sup1")
    stack.stop(only=("case-api",))
    try:
        created = await gateway.post(
            "/api/v1/consultations",
            headers=csw,
            json={
                "channel": "phone",
                "area": "nishi",
                "summary": "食べるものがないと電話",
                "risks": ["no_food"],
            },
        )
        assert created.status_code == 201, created.text  # intake does not depend on case-api
        await asyncio.sleep(2.5)  # the outbox tries and backs off meanwhile
    finally:
        stack.start(only=("case-api",))
        await stack.wait_ready(only=("case-api",))
    checks = await eventually(lambda: checks_for(gateway, sup, created.json()["id"]), within=40)
    await asyncio.sleep(2)  # any duplicate delivery would have landed by now
    assert len(await checks_for(gateway, sup, created.json()["id"])) == 1
    assert checks[0]["area"] == "nishi"


async def test_triage_into_a_new_case_while_case_api_is_down_opens_it_once(
    eventually, stack: Stack, gateway: httpx.AsyncClient, login
) -> None:
    csw = await login("csw-higashi")
    title = f"小金井さん世帯（{uuid.uuid4().hex[:4]}）"
    consultation = (
        await gateway.post(
            "/api/v1/consultations",
            headers=csw,
            json={
                "channel": "neighbour_family",
                "area": "higashi",
                "summary": "隣の80代の母親と50代の息子が心配",
                "consulter": {"relation": "neighbour"},
                "concerns": ["withdrawal", "care"],
                "main_concern": "withdrawal",
            },
        )
    ).json()
    stack.stop(only=("case-api",))
    try:
        triaged = await gateway.post(
            f"/api/v1/consultations/{consultation['id']}/triage",
            headers=csw,
            json={
                "outcome": "new_case",
                "new_case": {
                    "title": title,
                    "lead_username": "csw-higashi",
                    "members": [
                        {
                            "name": "小金井 ハナ",
                            "name_kana": "コガネイ ハナ",
                            "birth_date": "1943-02-01",
                            "relationship": "parent",
                        },
                        {
                            "name": "小金井 一郎",
                            "name_kana": "コガネイ イチロウ",
                            "relationship": "self",
                            "is_primary": True,
                        },
                    ],
                },
            },
        )
        assert triaged.status_code == 201, triaged.text
        assert triaged.json()["case_id"] is None
    finally:
        stack.start(only=("case-api",))
        await stack.wait_ready(only=("case-api",))

    async def opened() -> str | None:
        return (await gateway.get(f"/api/v1/consultations/{consultation['id']}/triage", headers=csw)).json()[
            "case_id"
        ]

    case_id = await eventually(opened, within=40)
    cases = (await gateway.get("/api/v1/cases", params={"q": title}, headers=csw)).json()
    assert [c["id"] for c in cases["items"]] == [case_id]
    case = (await gateway.get(f"/api/v1/cases/{case_id}", headers=csw)).json()
    assert case["effective_body"] == "shien"  # consent not yet asked → 支援会議


async def _dump(stack: Stack, database: str) -> str:
    """Every row of every table of one service's database, as text."""
    conn = await asyncpg.connect(database_url(stack.server, database + stack.db_suffix, driver=""))
    try:
        tables = await conn.fetch("select tablename from pg_tables where schemaname = 'public'")
        rows = [await conn.fetch(f'select * from "{t["tablename"]}"') for t in tables]  # noqa: S608 (catalog names)
    finally:
        await conn.close()
    return "\n".join(str(dict(r)) for table in rows for r in table)
