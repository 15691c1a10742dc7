"""Staying signed in: a reload keeps the session, logout ends it, and so does an administrator."""

import re
from pathlib import Path

from playwright.async_api import Browser, Page, expect

from tests.browser.conftest import CONTEXT, assert_accessible
from tests.browser.test_statistics import sign_in
from tsunagu_local.stack import Stack

SCREENSHOTS = Path(__file__).resolve().parents[2] / "test-results"


async def test_a_reload_keeps_the_user_signed_in_and_logout_ends_it(page: Page, demo_password: str) -> None:
    await sign_in(page, "csw-higashi", demo_password)
    await page.get_by_role("navigation").get_by_role("link", name="ケース").click()
    await expect(page).to_have_url(re.compile(r"/cases$"))
    await page.reload()
    await expect(page).to_have_url(re.compile(r"/cases$"))
    await expect(page.get_by_role("navigation", name="メインメニュー")).to_be_visible()
    cookies = {c["name"]: c for c in await page.context.cookies()}
    assert cookies["tsunagu_refresh"]["httpOnly"] is True
    assert cookies["tsunagu_refresh"]["sameSite"] == "Strict"
    assert await page.evaluate("document.cookie") == ""  # no script can read it

    await page.get_by_role("button", name="ログアウト").click()
    await expect(page).to_have_url(re.compile(r"/login$"))
    await page.reload()
    await expect(page.get_by_role("heading", name="ログイン")).to_be_visible()


async def test_an_administrator_ends_a_staff_members_session(
    browser: Browser, stack: Stack, page: Page, demo_password: str
) -> None:
    staff = await browser.new_context(base_url=stack.url(), **CONTEXT)
    csw = await staff.new_page()
    try:
        await sign_in(csw, "csw-minami", demo_password)

        await sign_in(page, "admin", demo_password)
        await page.get_by_role("navigation").get_by_role("link", name="ログイン中の端末").click()
        await page.get_by_role("button", name="表示する").click()
        await expect(page.get_by_text("ユーザー名を入力してください。")).to_be_visible()
        await page.get_by_label("ユーザー名").fill("csw-minami")
        await page.get_by_role("button", name="表示する").click()
        row = page.get_by_role("row").filter(has_text="ログイン中").first
        await expect(row).to_be_visible()
        await page.screenshot(path=str(SCREENSHOTS / "admin-sessions.png"), full_page=True)
        await assert_accessible(page, "admin-sessions")
        for _ in range(await page.get_by_role("button", name="終了させる").count()):
            await page.get_by_role("button", name="終了させる").first.click()
            await page.wait_for_timeout(300)
        await expect(page.get_by_role("button", name="終了させる")).to_have_count(0)

        await csw.reload()  # the next refresh finds the session ended
        await expect(csw.get_by_role("heading", name="ログイン")).to_be_visible()
    finally:
        await staff.close()
