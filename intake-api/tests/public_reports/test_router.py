"""Scenario 3 inside intake-api: an anonymous report, its receipt code, a follow-up, nothing identifying."""

import hashlib
import re

import httpx
import pytest
from fastapi import FastAPI
from sqlalchemy import text

from intake_api.public_reports import challenge
from tsunagu_services.testing import TokenFactory

REPORT = {
    "text": "市立図書館で毎日、高齢の男性が一日中座っています。",
    "place": "市立図書館",
    "when": "ここ2週間ほど",
}


async def proof(client: httpx.AsyncClient) -> dict[str, str]:
    issued = (await client.get("/api/v1/public/challenge")).json()
    return {
        "challenge": issued["challenge"],
        "nonce": challenge.solve(issued["challenge"], issued["difficulty"]),
    }


async def test_report_receipt_follow_up_and_staff_view(
    app: FastAPI, client: httpx.AsyncClient, tokens: TokenFactory
) -> None:
    submitted = await client.post("/api/v1/public/reports", json={**REPORT, "proof": await proof(client)})
    assert submitted.status_code == 201, submitted.text
    code = submitted.json()["receipt_code"]
    assert re.fullmatch(r"[A-Z2-7]{4}(-[A-Z2-7]{4}){3}", code)  # 16 base32 characters = 80 bits

    seen = await client.get(f"/api/v1/public/reports/{code}")
    assert seen.status_code == 200
    assert seen.json()["status"] == "received"

    typed_loosely = code.replace("-", "").lower()
    added = await client.post(
        f"/api/v1/public/reports/{typed_loosely}/messages",
        json={"text": "今日は顔色が悪く、具合が悪そうでした。", "proof": await proof(client)},
    )
    assert added.status_code == 204, added.text
    assert [m["text"] for m in (await client.get(f"/api/v1/public/reports/{code}")).json()["messages"]] == [
        "今日は顔色が悪く、具合が悪そうでした。"
    ]

    # Any CSW sees the report in the queue as one consultation, with the follow-up.
    csw = tokens.headers("csw", area="minami", username="csw-minami")
    items = (await client.get("/api/v1/consultations", headers=csw)).json()["items"]
    reports = [c for c in items if c["channel"] == "anonymous"]
    assert len(reports) == 1
    assert reports[0]["area"] == "unassigned"
    assert reports[0]["received_by"] == "public-form"
    assert "場所: 市立図書館" in reports[0]["summary"]
    messages = await client.get(f"/api/v1/consultations/{reports[0]['id']}/messages", headers=csw)
    assert [m["source"] for m in messages.json()] == ["reporter"]

    # The code is stored only as a hash: no column of the row holds it.
    async with app.state.sessionmaker() as session:
        row = (await session.execute(text("select * from consultation where channel = 'anonymous'"))).one()
    assert all(code.replace("-", "") not in str(value) for value in row)


async def test_a_spent_or_forged_challenge_is_refused(client: httpx.AsyncClient) -> None:
    solved = await proof(client)
    assert (await client.post("/api/v1/public/reports", json={**REPORT, "proof": solved})).status_code == 201
    reused = await client.post("/api/v1/public/reports", json={**REPORT, "proof": solved})
    assert reused.status_code == 422
    assert reused.json()["type"] == "/problems/challenge-failed"
    forged = {"challenge": solved["challenge"][:-4] + "AAAA", "nonce": solved["nonce"]}
    assert (await client.post("/api/v1/public/reports", json={**REPORT, "proof": forged})).status_code == 422


async def test_unsolved_challenge_is_refused(client: httpx.AsyncClient) -> None:
    issued = (await client.get("/api/v1/public/challenge")).json()
    nonce = next(
        str(n)
        for n in range(10_000)
        if challenge.leading_zero_bits(hashlib.sha256(f"{issued['challenge']}:{n}".encode()).digest())
        < issued["difficulty"]
    )
    response = await client.post(
        "/api/v1/public/reports", json={**REPORT, "proof": {"challenge": issued["challenge"], "nonce": nonce}}
    )
    assert response.status_code == 422


async def test_honeypot_answers_like_success_and_keeps_nothing(
    client: httpx.AsyncClient, tokens: TokenFactory
) -> None:
    response = await client.post(
        "/api/v1/public/reports",
        json={**REPORT, "website": "http://spam.example", "proof": await proof(client)},
    )
    assert response.status_code == 201
    assert (await client.get(f"/api/v1/public/reports/{response.json()['receipt_code']}")).status_code == 404
    supervisor = tokens.headers("supervisor")
    assert (await client.get("/api/v1/consultations", headers=supervisor)).json()["total"] == 0


@pytest.mark.parametrize(
    "body",
    [
        {"text": ""},
        {"text": "x" * 2001},
        {"place": "x" * 201},
        {"reporter_ip": "1.2.3.4"},
        {"proof": None},
    ],
)
async def test_bad_reports_are_422_and_write_nothing(
    client: httpx.AsyncClient, tokens: TokenFactory, body: dict
) -> None:
    response = await client.post(
        "/api/v1/public/reports", json={**REPORT, "proof": await proof(client), **body}
    )
    assert response.status_code == 422
    supervisor = tokens.headers("supervisor")
    assert (await client.get("/api/v1/consultations", headers=supervisor)).json()["total"] == 0


async def test_unknown_receipt_is_404(client: httpx.AsyncClient) -> None:
    assert (await client.get("/api/v1/public/reports/AAAA-BBBB-CCCC-DDDD")).status_code == 404


async def test_lists_show_how_many_follow_ups_a_report_has(
    client: httpx.AsyncClient, tokens: TokenFactory
) -> None:
    code = (
        await client.post("/api/v1/public/reports", json={**REPORT, "proof": await proof(client)})
    ).json()["receipt_code"]
    for addition in ("一つ目の追加", "二つ目の追加"):
        await client.post(
            f"/api/v1/public/reports/{code}/messages", json={"text": addition, "proof": await proof(client)}
        )
    supervisor = tokens.headers("supervisor")
    (item,) = (await client.get("/api/v1/consultations", headers=supervisor)).json()["items"]
    assert item["follow_up_count"] == 2
    assert item["last_follow_up_at"] is not None
    detail = (await client.get(f"/api/v1/consultations/{item['id']}", headers=supervisor)).json()
    assert detail["follow_up_count"] == 2
