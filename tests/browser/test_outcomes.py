"""支援状況調査 from what the desk records: a CSW records 就労開始 on the case page, it counts in the
month's 就労者数 with a rate per 100,000 from the area's residents, and a withdrawn one stops counting;
the administrator sees each area's residents on the 圏域 screen."""

import re
import uuid
from pathlib import Path

import httpx
from playwright.async_api import Page, expect

from tests.browser.conftest import assert_accessible
from tests.browser.test_staff_names import go_within_app, log_in, open_case

SCREENSHOTS = Path(__file__).resolve().parents[2] / "test-results"


async def employed(gateway: httpx.AsyncClient, headers: dict) -> dict:
    stats = await gateway.get("/api/v1/statistics/monthly", params={"area": "higashi"}, headers=headers)
    assert stats.status_code == 200, stats.text
    return next(f for f in stats.json()["national"] if f["key"] == "employed")


async def test_an_outcome_recorded_on_the_case_counts_in_the_survey(
    page: Page, demo_password: str, gateway: httpx.AsyncClient, login
) -> None:
    csw, sup = await login("csw-higashi"), await login("sup1")
    before = await employed(gateway, sup)
    case_id = await open_case(gateway, csw, f"就労確認 {uuid.uuid4().hex[:6]}", "csw-higashi")

    await log_in(page, "csw-higashi", demo_password)
    await go_within_app(page, f"/cases/{case_id}")
    section = page.locator("#cases-outcomes")
    await section.get_by_role("button", name="成果を記録する").click()
    await section.get_by_label("種類").select_option(label="就労開始")
    await section.get_by_label("内容").fill("一般就労（パート）")
    await section.get_by_role("button", name="記録する", exact=True).click()
    await expect(section.get_by_role("cell", name="就労開始", exact=True)).to_be_visible()
    await expect(section).to_contain_text("東 花子")
    await section.scroll_into_view_if_needed()
    SCREENSHOTS.mkdir(exist_ok=True)
    await page.screenshot(path=str(SCREENSHOTS / "case-outcomes.png"), full_page=True)
    await assert_accessible(page, "case-outcomes")

    after = await employed(gateway, sup)
    assert after["count"] == before["count"] + 1
    assert after["per_100k"] == round(after["count"] * 100_000 / 33_000, 1)  # 東: 33,000 residents

    await section.get_by_role("button", name="取り消す").click()
    await section.get_by_label("取り消す理由").fill("日付の誤り")
    await section.get_by_role("button", name="取り消しを確定する").click()
    await expect(section).to_contain_text("（取消）")
    assert (await employed(gateway, sup))["count"] == before["count"]


async def test_the_administrator_sees_each_areas_residents(page: Page, demo_password: str) -> None:
    await log_in(page, "admin", demo_password)
    await go_within_app(page, "/admin/areas")
    row = page.get_by_role("row", name=re.compile("東"))
    await expect(row.first).to_contain_text("33,000人")
    await page.screenshot(path=str(SCREENSHOTS / "admin-areas-population.png"), full_page=True)
    await assert_accessible(page, "admin-areas-population")
