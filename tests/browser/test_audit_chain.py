"""The administrator checks the audit trail on screen, anchors it, and sees a tampered row found."""

import re
from pathlib import Path

from playwright.async_api import Page, expect

from tests.browser.conftest import assert_accessible
from tests.browser.test_statistics import sign_in
from tsunagu_local.stack import Stack

SCREENSHOTS = Path(__file__).resolve().parents[2] / "test-results"


async def test_the_admin_checks_the_trail_and_sees_where_it_was_tampered_with(
    page: Page, stack: Stack, demo_password: str
) -> None:
    await sign_in(page, "admin", demo_password)
    await page.get_by_role("navigation").get_by_role("link", name="監査ログの検証").click()
    await page.get_by_role("button", name="今すぐ控えを作る").click()
    await expect(page.get_by_text(re.compile("記録番号 \\d+ まで"))).to_be_visible()
    await page.get_by_role("button", name="検証する").click()
    await expect(page.get_by_role("status")).to_contain_text("改ざんはありません")
    await page.screenshot(path=str(SCREENSHOTS / "audit-chain.png"), full_page=True)
    await assert_accessible(page, "audit-chain")

    # Someone with the database's keys rewrites one early event, skipping the triggers.
    (victim,) = await stack.fetch(
        "gateway", "SELECT id, actor_username FROM audit_event ORDER BY chain_seq LIMIT 1"
    )
    tamper = (
        "SET session_replication_role = replica; "
        "UPDATE audit_event SET actor_username = '{name}' WHERE id = {id}"
    )
    await stack.execute("gateway", tamper.format(name="nobody", id=victim["id"]))
    try:
        await page.get_by_role("button", name="検証する").click()
        await expect(page.get_by_role("status")).to_contain_text(
            f"記録番号 {victim['id']} で内容が書き換えられています"
        )
        await page.screenshot(path=str(SCREENSHOTS / "audit-chain-broken.png"), full_page=True)
        await assert_accessible(page, "audit-chain-broken")
    finally:  # put it back: the other tests share this trail
        await stack.execute("gateway", tamper.format(name=victim["actor_username"], id=victim["id"]))
    await page.get_by_role("button", name="検証する").click()
    await expect(page.get_by_role("status")).to_contain_text("改ざんはありません")
