"""Scenario 2 at the desk: an email hinting at suicide is recorded as urgent and tops the triage queue."""

import re
import uuid
from pathlib import Path

from playwright.async_api import Page, expect

from tests.browser.conftest import assert_accessible

SCREENSHOTS = Path(__file__).resolve().parents[2] / "test-results"


async def test_urgent_email_with_suicidal_ideation_tops_the_triage_queue(
    page: Page, demo_password: str
) -> None:
    marker = uuid.uuid4().hex[:6]
    summary = f"「もう消えてしまいたい」というメールが届いた（{marker}）"
    # The south area: no other test records urgent consultations there.
    await page.goto("/consultations")  # asks for a login, then comes back here
    await page.get_by_label("ユーザー名").fill("csw-minami")
    await page.get_by_label("パスワード").fill(demo_password)
    await page.get_by_role("button", name="ログイン").click()
    await expect(page).to_have_url(re.compile(r"/consultations$"))

    await page.get_by_role("link", name="相談を記録する").click()
    await page.get_by_label("経路").select_option(label="メール")
    name = page.get_by_label("対象者の氏名")
    await name.fill(f"南 太郎{marker}")
    # Enter in a one-line field does not send the form.
    await name.press("Enter")
    await expect(page).to_have_url(re.compile(r"/consultations/new$"))
    await page.get_by_label("フリガナ").fill("みなみ たろう")
    await page.get_by_label("生年月日").fill("S47.8.15")
    await expect(page.get_by_text("昭和47年8月15日（1972-08-15）")).to_be_visible()
    await page.get_by_role("checkbox", name="健康・障害").check()
    await page.get_by_role("checkbox", name="家族関係").check()
    await page.get_by_role("radio", name=re.compile("主な相談内容にする：家族関係")).check()
    await page.get_by_label("相談内容の概要").fill(summary)

    risks = page.get_by_role("group", name="生命の危険のサイン")
    await risks.get_by_role("checkbox", name="希死念慮").check()
    await expect(risks.get_by_role("checkbox", name="緊急（命に関わるおそれ）")).to_be_checked()
    await expect(risks).to_contain_text("本日期限の安否確認が作成されます")
    await page.screenshot(path=str(SCREENSHOTS / "intake-form-urgent.png"), full_page=True)
    await assert_accessible(page, "intake-form-urgent")
    await page.get_by_role("button", name="登録する").click()

    # Saved: the kana as the server stored it (katakana), and the safety check announced.
    await expect(page).to_have_url(re.compile(r"/consultations$"))
    notice = page.get_by_role("status").filter(has_text="相談を登録しました")
    await expect(notice).to_contain_text("ミナミ タロウ")
    await expect(notice).to_contain_text("安否確認")

    await page.get_by_role("navigation").get_by_role("link", name="振り分け").click()
    first_row = page.get_by_role("row").nth(1)  # row 0 is the header
    await expect(first_row).to_contain_text(marker)
    await expect(first_row).to_contain_text("緊急")
    await expect(first_row).to_contain_text("メール")
    await page.screenshot(path=str(SCREENSHOTS / "triage-queue-urgent.png"), full_page=True)
    await assert_accessible(page, "triage-queue-urgent")

    await first_row.get_by_role("link").click()
    await expect(page.get_by_text("緊急（希死念慮）：当日中の安否確認が必要です。")).to_be_visible()
    await expect(page.get_by_text("ミナミ タロウ")).to_be_visible()
    await assert_accessible(page, "consultation-urgent")
