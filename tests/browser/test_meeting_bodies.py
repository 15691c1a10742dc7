"""A supervisor adds a meeting body (会議体) with its default start time in the app's own 24-hour
time field, never the browser's AM/PM one; the list shows it. In a real browser, through the gateway."""

import re
import uuid
from pathlib import Path

from playwright.async_api import Page, expect

from tests.browser.conftest import assert_accessible
from tests.browser.date_fields import choose_time
from tests.browser.test_header_tools import log_in

SCREENSHOTS = Path(__file__).resolve().parents[2] / "test-results"


async def test_a_supervisor_adds_a_body_with_its_usual_time(page: Page, demo_password: str) -> None:
    name = f"東圏域支援調整会議 {uuid.uuid4().hex[:4]}"
    await log_in(page, "sup1", demo_password)
    await page.get_by_role("navigation", name="メインメニュー").get_by_role("link", name="会議体").click()
    await page.get_by_role("link", name="会議体を追加する").click()
    await page.get_by_label("名称").fill(name)
    await expect(page.locator('input[type="time"]')).to_have_count(0)
    await choose_time(page, "既定の開始時刻", "13:30")
    await page.screenshot(path=str(SCREENSHOTS / "meeting-body-form.png"), full_page=True)
    await assert_accessible(page, "meeting-body-form")
    await page.get_by_role("button", name="追加する").click()
    await expect(page.get_by_role("heading", name=re.compile(re.escape(name)))).to_be_visible()
    await page.get_by_role("navigation", name="メインメニュー").get_by_role("link", name="会議体").click()
    await expect(page.get_by_role("row").filter(has_text=name)).to_contain_text("13:30")
