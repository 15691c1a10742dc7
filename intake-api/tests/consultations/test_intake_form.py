"""The fields of the 相談受付・申込票, and urgency that asks case-api for a 安否確認."""

import httpx
import pytest
from fastapi import FastAPI
from sqlalchemy import select

from tsunagu_services.models import OutboxMessage
from tsunagu_services.testing import TokenFactory

FULL = {
    "channel": "visit",
    "area": "nishi",
    "summary": "家賃を3か月滞納している。仕事を探したい。",
    "concerns": ["rent_loan", "job_search", "income"],
    "main_concern": "rent_loan",
    "person_name": "髙橋 𠮷子",
    "person_kana": "たかはし よしこ",
    "person_sex": "female",
    "person_birth_date": "1975-03-14",
    "person_address": "小金井市本町１－２－３",
    "person_phone": "０４２－３８７－００００",
    "person_email": "yoshiko@example.jp",
    "consulter": {"name": "髙橋 一", "phone": "090-0000-0000", "relation": "family"},
    "consent": "given",
}


async def test_every_field_of_the_form_is_kept(client: httpx.AsyncClient, tokens: TokenFactory) -> None:
    headers = tokens.headers("csw", area="nishi", username="csw-nishi")
    created = await client.post("/api/v1/consultations", json=FULL, headers=headers)
    assert created.status_code == 201, created.text
    c = created.json()
    assert c["person_name"] == "髙橋 𠮷子"  # variant kanji kept as typed
    assert c["person_kana"] == "タカハシ ヨシコ"
    assert c["person_phone"] == "042-387-0000"  # full-width digits normalised
    assert c["person_address"] == "小金井市本町1-2-3"
    assert c["consulter"] == {"name": "髙橋 一", "phone": "090-0000-0000", "relation": "family"}
    assert (c["main_concern"], c["consent"], c["urgent"]) == ("rent_loan", "given", False)


async def test_a_risk_to_life_makes_it_urgent_and_queues_one_safety_check(
    app: FastAPI, client: httpx.AsyncClient, tokens: TokenFactory
) -> None:
    headers = tokens.headers("csw", area="higashi", username="csw-higashi")
    body = {
        "channel": "email",
        "area": "higashi",
        "summary": "もう消えてしまいたい、というメール",
        "risks": ["suicidal"],
        "received_at": "2026-11-26T01:10:00Z",
    }
    created = await client.post("/api/v1/consultations", json=body, headers=headers)
    assert created.status_code == 201, created.text
    assert created.json()["urgent"] is True

    async with app.state.sessionmaker() as session:
        messages = (await session.execute(select(OutboxMessage))).scalars().all()
    assert len(messages) == 1
    message = messages[0]
    assert (message.destination, message.path) == ("case", "/api/v1/safety-checks")
    assert message.body["consultation_id"] == created.json()["id"]
    assert "希死念慮" in message.body["reason"]
    assert "消えてしまいたい" not in message.body["reason"]  # the text stays in intake


async def test_not_urgent_queues_nothing(
    app: FastAPI, client: httpx.AsyncClient, tokens: TokenFactory
) -> None:
    headers = tokens.headers("supervisor")
    await client.post("/api/v1/consultations", json=FULL, headers=headers)
    async with app.state.sessionmaker() as session:
        assert (await session.execute(select(OutboxMessage))).scalars().all() == []


@pytest.mark.parametrize(
    ("patch", "field"),
    [
        ({"main_concern": "debt"}, None),  # not among concerns
        ({"concerns": ["debt", "debt"]}, None),
        ({"concerns": ["gambling"]}, "concerns"),
        ({"risks": ["bored"]}, "risks"),
        ({"person_kana": "Takahashi"}, "person_kana"),
        ({"person_birth_date": "2999-01-01"}, None),
        ({"person_birth_date": "1975-02-30"}, "person_birth_date"),
        ({"person_phone": "call me"}, "person_phone"),
        ({"person_email": "not-an-email"}, "person_email"),
        ({"consulter": {"relation": "stranger"}}, "relation"),
        ({"consulter": {"name": "x"}}, "relation"),
        ({"consent": "maybe"}, "consent"),
    ],
)
async def test_bad_form_fields_are_422_and_write_nothing(
    client: httpx.AsyncClient, tokens: TokenFactory, patch: dict, field: str | None
) -> None:
    headers = tokens.headers("supervisor")
    response = await client.post("/api/v1/consultations", json={**FULL, **patch}, headers=headers)
    assert response.status_code == 422, response.text
    if field:
        assert any(field in err["loc"] for err in response.json()["errors"])
    assert (await client.get("/api/v1/consultations", headers=headers)).json()["total"] == 0
