"""sup1 sees a delivery case-api refused on the supervisors' home, and resolves it with a reason."""

import json
import re
import uuid
from pathlib import Path

import httpx
from playwright.async_api import Page, expect

from tests.browser.conftest import assert_accessible
from tests.browser.test_statistics import sign_in
from tsunagu_local.stack import Stack

SCREENSHOTS = Path(__file__).resolve().parents[2] / "test-results"


async def test_a_refused_safety_check_request_is_shown_and_resolved_from_the_supervisors_home(
    page: Page, stack: Stack, gateway: httpx.AsyncClient, login, eventually, demo_password: str
) -> None:
    consultation_id = uuid.uuid4()
    key = f"consultation-{consultation_id}-safety-check"
    await stack.fetch(  # as an older intake-api would have queued it: received years ahead
        "intake-api",
        "INSERT INTO outbox_message (destination, method, path, body, idempotency_key) "
        "VALUES ('case', 'POST', '/api/v1/safety-checks', $1::jsonb, $2)",
        json.dumps({"area": "higashi", "reason": "希死念慮", "received_at": "2099-01-01T10:00:00+09:00"}),
        key,
    )
    sup = await login("sup1")

    async def refused() -> bool:
        listed = (await gateway.get("/api/v1/dead-letters", headers=sup)).json()["items"]
        return any(d["link"] == f"/consultations/{consultation_id}" for d in listed)

    await eventually(refused)
    await sign_in(page, "sup1", demo_password)
    await expect(page.get_by_role("heading", level=1)).to_be_visible()
    await assert_accessible(page, "home-supervisor")
    await page.get_by_role("navigation").get_by_role("link", name="統括ホーム").click()
    section = page.get_by_role("region", name=re.compile("届かなかった連携"))
    item = section.get_by_role("listitem").filter(
        has=page.locator(f'a[href="/consultations/{consultation_id}"]')
    )
    await expect(item).to_contain_text("安否確認の依頼")
    await expect(item).to_contain_text("受付日時")
    await page.screenshot(path=str(SCREENSHOTS / "dead-letters.png"), full_page=True)
    await assert_accessible(page, "dead-letters")

    await item.get_by_role("button", name="解決済みにする").click()
    await item.get_by_role("button", name="解決済みとして記録する").click()
    # The app's own message, not the browser's popup.
    await expect(item.get_by_text("対応した内容を入力してください。")).to_be_visible()
    await item.get_by_label("対応した内容（理由）").fill("受付日時の誤り。安否確認は手動で登録した。")
    await item.get_by_role("button", name="解決済みとして記録する").click()
    await expect(item).to_have_count(0)
