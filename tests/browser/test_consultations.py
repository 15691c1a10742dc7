"""A CSW logs in, records a consultation and sees it listed, in a real browser."""

import re
import uuid
from pathlib import Path

from playwright.async_api import Page, expect

from tests.browser.conftest import assert_accessible

SCREENSHOTS = Path(__file__).resolve().parents[2] / "test-results"


async def test_login_record_a_consultation_and_see_it_listed(page: Page, demo_password: str) -> None:
    await page.goto("/consultations")
    await expect(page).to_have_url(re.compile(r"/login$"))
    await expect(page.get_by_label("ユーザー名")).to_be_visible()
    await assert_accessible(page, "sign-in")
    await page.get_by_label("ユーザー名").fill("csw-higashi")
    await page.get_by_label("パスワード").fill(demo_password)
    await page.get_by_role("button", name="ログイン").click()
    await expect(page).to_have_url(re.compile(r"/consultations$"))

    summary = f"図書館で毎日見かける高齢の男性が心配です（{uuid.uuid4().hex[:6]}）"
    await page.get_by_role("link", name="相談を記録する").click()
    await page.get_by_label("経路").select_option(label="電話")
    await page.get_by_label("相談内容の概要").fill(summary)
    await page.get_by_role("button", name="登録する").click()

    await expect(page).to_have_url(re.compile(r"/consultations$"))
    table = page.get_by_role("table")
    await expect(table).to_contain_text(summary[:20])
    await expect(table).to_contain_text("電話")
    SCREENSHOTS.mkdir(exist_ok=True)
    await page.screenshot(path=str(SCREENSHOTS / "consultations-list.png"), full_page=True)
    await assert_accessible(page, "consultations-list")


async def test_wrong_password_shows_a_japanese_error(page: Page) -> None:
    await page.goto("/login")
    await page.get_by_label("ユーザー名").fill("csw-higashi")
    await page.get_by_label("パスワード").fill("wrong-password")
    await page.get_by_role("button", name="ログイン").click()
    await expect(page.get_by_role("alert")).to_contain_text("ユーザー名またはパスワードが正しくありません")
    await assert_accessible(page, "sign-in-refused")
    await expect(page).to_have_url(re.compile(r"/login$"))


async def test_empty_summary_is_refused_with_a_message(page: Page, demo_password: str) -> None:
    await page.goto("/consultations")
    await page.get_by_label("ユーザー名").fill("csw-nishi")
    await page.get_by_label("パスワード").fill(demo_password)
    await page.get_by_role("button", name="ログイン").click()
    await expect(page).to_have_url(re.compile(r"/consultations$"))
    await page.get_by_role("link", name="相談を記録する").click()
    await page.get_by_role("button", name="登録する").click()
    # Still on the form: nothing was recorded.
    await expect(page).to_have_url(re.compile(r"/consultations/new$"))
    await assert_accessible(page, "consultation-form-refused")
