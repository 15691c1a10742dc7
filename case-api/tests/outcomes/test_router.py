"""Outcomes of support on a case (就労支援の開始, 就労開始, 増収, 参加支援): recorded by who may write the
case, dated, withdrawn with a reason and never edited; others cannot see or write them."""

import httpx
import pytest

from tsunagu_services.testing import TokenFactory

CASE = {"title": "就労支援世帯", "area": "higashi", "lead_username": "csw-higashi"}


def east(tokens: TokenFactory) -> dict[str, str]:
    return tokens.headers("csw", area="higashi", username="csw-higashi")


async def a_case(client: httpx.AsyncClient, tokens: TokenFactory) -> str:
    created = await client.post(
        "/api/v1/cases", json=CASE, headers=tokens.headers("supervisor", username="sup1")
    )
    assert created.status_code == 201, created.text
    return created.json()["id"]


async def test_record_list_and_withdraw(client: httpx.AsyncClient, tokens: TokenFactory) -> None:
    case_id = await a_case(client, tokens)
    url = f"/api/v1/cases/{case_id}/outcomes"
    body = {"kind": "employment", "occurred_on": "2026-11-20", "detail": "一般就労（パート）"}
    made = await client.post(url, json=body, headers=east(tokens))
    assert made.status_code == 201, made.text
    assert (made.json()["kind"], made.json()["recorded_by"], made.json()["withdrawn_at"]) == (
        "employment",
        "csw-higashi",
        None,
    )
    withdraw = f"{url}/{made.json()['id']}/withdraw"
    assert (await client.post(withdraw, json={}, headers=east(tokens))).status_code == 422  # a reason
    gone = await client.post(withdraw, json={"reason": "日付の誤り"}, headers=east(tokens))
    assert gone.status_code == 200 and gone.json()["withdrawn_reason"] == "日付の誤り"
    again = await client.post(withdraw, json={"reason": "重ねて"}, headers=east(tokens))
    assert again.status_code == 409 and again.json()["type"] == "/problems/outcome-withdrawn"
    listed = (await client.get(url, headers=east(tokens))).json()
    assert [o["withdrawn_by"] for o in listed] == ["csw-higashi"]  # kept, marked


@pytest.mark.parametrize(
    ("body", "field"),
    [
        ({"kind": "promotion", "occurred_on": "2026-11-20"}, "kind"),
        ({"kind": "employment", "occurred_on": "2099-01-01"}, "occurred_on"),
        ({"kind": "employment", "occurred_on": "2010-01-01"}, "occurred_on"),
        ({"kind": "employment"}, "occurred_on"),
        ({"kind": "employment", "occurred_on": "2026-11-20", "detail": "x" * 201}, "detail"),
        ({"kind": "employment", "occurred_on": "2026-11-20", "extra": 1}, "extra"),
    ],
)
async def test_bad_outcomes_are_422_and_write_nothing(
    client: httpx.AsyncClient, tokens: TokenFactory, body: dict, field: str
) -> None:
    case_id = await a_case(client, tokens)
    url = f"/api/v1/cases/{case_id}/outcomes"
    answer = await client.post(url, json=body, headers=east(tokens))
    assert answer.status_code == 422, answer.text
    assert answer.json()["errors"][0]["loc"][-1] == field
    assert (await client.get(url, headers=east(tokens))).json() == []


@pytest.mark.parametrize(
    ("headers", "status"),
    [
        ({"role": "csw", "area": "nishi", "username": "csw-nishi"}, 404),  # another area: not there
        ({"role": "agency", "area": "higashi", "username": "agency-x", "agency_id": "houkatsu-higashi"}, 404),
        ({"role": "sc", "area": "higashi", "username": "sc-higashi"}, 404),
    ],
)
async def test_others_cannot_write_or_read_them(
    client: httpx.AsyncClient, tokens: TokenFactory, headers: dict, status: int
) -> None:
    case_id = await a_case(client, tokens)
    url = f"/api/v1/cases/{case_id}/outcomes"
    who = tokens.headers(headers.pop("role"), **headers)
    body = {"kind": "employment", "occurred_on": "2026-11-20"}
    assert (await client.post(url, json=body, headers=who)).status_code == status
    assert (await client.get(url, headers=who)).status_code == status
