"""A reporter writes again after their report became a case (issue 11, point 3): the case's lead
sees the consultation marked 続報あり in the list and on the page, and acknowledges it there."""

import uuid
from pathlib import Path

import httpx
from playwright.async_api import Page, expect

from intake_api.public_reports.challenge import solve
from tests.browser.conftest import assert_accessible
from tests.browser.test_header_tools import go_within_app, log_in

SCREENSHOTS = Path(__file__).resolve().parents[2] / "test-results"


async def _proof(gateway: httpx.AsyncClient) -> dict:
    issued = (await gateway.get("/api/v1/public/challenge")).json()
    return {"challenge": issued["challenge"], "nonce": solve(issued["challenge"], issued["difficulty"])}


async def test_the_lead_sees_a_follow_up_after_triage_and_acknowledges_it(
    page: Page, demo_password: str, gateway: httpx.AsyncClient, login, eventually
) -> None:
    sup = await login("sup1")
    marker = uuid.uuid4().hex[:6]
    report = await gateway.post(
        "/api/v1/public/reports",
        json={"text": f"公園のベンチで夜を過ごす方がいます {marker}", "proof": await _proof(gateway)},
    )
    assert report.status_code == 201, report.text
    queue = (await gateway.get("/api/v1/consultations", params={"limit": 200}, headers=sup)).json()["items"]
    [consultation] = [c for c in queue if marker in c["summary"]]
    path = f"/api/v1/consultations/{consultation['id']}"
    triaged = await gateway.post(
        f"{path}/triage",
        headers=sup,
        json={
            "outcome": "new_case",
            "area": "higashi",
            "new_case": {
                "title": f"公園の方の支援 {marker}",
                "lead_username": "csw-higashi",
                "members": [{"name": "氏名不詳", "relationship": "self", "is_primary": True}],
            },
        },
    )
    assert triaged.status_code == 201, triaged.text
    await eventually(lambda: _case_of(gateway, sup, path))
    follow_up = await gateway.post(
        f"/api/v1/public/reports/{report.json()['receipt_code']}/messages",
        json={"text": "今夜は雨なので心配です。", "proof": await _proof(gateway)},
    )
    assert follow_up.status_code == 204, follow_up.text

    await log_in(page, "csw-higashi", demo_password)
    await go_within_app(page, "/consultations")
    row = page.get_by_role("row").filter(has_text=marker)
    await expect(row.get_by_text("続報あり")).to_be_visible()
    await row.get_by_role("link").click()
    mark = page.get_by_role("status").filter(has_text="続報が届いています")
    await expect(mark).to_be_visible()
    await expect(page.get_by_text("今夜は雨なので心配です。")).to_be_visible()
    await page.screenshot(path=str(SCREENSHOTS / "consultation-follow-up.png"), full_page=True)
    await assert_accessible(page, "consultation-follow-up")
    await mark.get_by_role("button", name="確認しました").click()
    await expect(mark).to_have_count(0)
    await go_within_app(page, "/consultations")
    await expect(page.get_by_role("row").filter(has_text=marker)).to_be_visible()
    await expect(page.get_by_role("row").filter(has_text=marker).get_by_text("続報あり")).to_have_count(0)
    csw = await login("csw-higashi")
    assert (await gateway.get(path, headers=csw)).json()["follow_up_pending_since"] is None
    told = await eventually(lambda: _notices(gateway, csw, consultation["id"]))
    assert [n["kind"] for n in told] == ["report_follow_up"] and "雨" not in told[0]["text"]


async def _case_of(gateway: httpx.AsyncClient, headers: dict, path: str) -> str | None:
    return (await gateway.get(f"{path}/triage", headers=headers)).json()["case_id"]


async def _notices(gateway: httpx.AsyncClient, headers: dict, consultation_id: str) -> list[dict]:
    answer = await gateway.get("/api/v1/notifications", params={"limit": 200}, headers=headers)
    return [n for n in answer.json()["items"] if n["link"] == f"/consultations/{consultation_id}"]
