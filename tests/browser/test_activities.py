"""A CSW logs a community activity (地域づくり活動) with the app's own date field, is told inline what is
missing, and looks at another month with the app's own month field. In a real browser, through the gateway."""

import datetime as dt
import re
import uuid
from pathlib import Path

from playwright.async_api import Page, expect

from tests.browser.conftest import assert_accessible
from tests.browser.date_fields import choose_date, choose_month

SCREENSHOTS = Path(__file__).resolve().parents[2] / "test-results"
JST = dt.timezone(dt.timedelta(hours=9))


async def test_a_csw_logs_an_activity_and_looks_at_another_month(page: Page, demo_password: str) -> None:
    today = dt.datetime.now(JST).date()
    first_of_month = today.replace(day=1)
    last_month = (first_of_month - dt.timedelta(days=1)).strftime("%Y-%m")
    title = f"東町サロン {uuid.uuid4().hex[:6]}"

    await page.goto("/login")
    await page.get_by_label("ユーザー名").fill("csw-higashi")
    await page.get_by_label("パスワード").fill(demo_password)
    await page.get_by_role("button", name="ログイン").click()
    await expect(page).to_have_url(re.compile(r"/$"))
    menu = page.get_by_role("navigation", name="メインメニュー")
    await menu.get_by_role("link", name="地域づくり活動").click()
    await expect(page.get_by_role("heading", name="地域づくり活動", level=1)).to_be_visible()

    # Sent with the title missing: the app's own message under the field, not the browser's popup.
    await page.get_by_role("button", name="活動を記録する").click()
    form = page.get_by_role("form", name="地域づくり活動の記録")
    await form.get_by_role("button", name="記録する").click()
    await expect(form.get_by_role("alert")).to_contain_text("入力内容を確認してください。")
    await expect(form.get_by_label("活動名")).to_be_focused()
    await expect(form.locator(".field-error")).to_have_text(["入力してください。"])

    # The 1st of this month in 年（令和）・月・日, with the day of the week under it.
    await choose_date(form, "日付", first_of_month.isoformat())
    await expect(form.get_by_text(re.compile(rf"^令和\d+年{today.month}月1日（.）$"))).to_be_visible()
    await form.get_by_label("時間（分）").fill("90")
    await form.get_by_label("活動名").fill(title)
    await expect(form.locator(".field-error")).to_have_count(0)
    SCREENSHOTS.mkdir(exist_ok=True)
    await page.screenshot(path=str(SCREENSHOTS / "activities-form.png"), full_page=True)
    await assert_accessible(page, "activities-form")
    await form.get_by_role("button", name="記録する").click()
    await expect(form).to_have_count(0)
    row = page.get_by_role("row").filter(has_text=title)
    await expect(row).to_contain_text(first_of_month.strftime("%Y/%m/%d"))

    # Last month: this month's activity is not listed there.
    await choose_month(page, "対象月", last_month)
    await expect(page.get_by_role("row").filter(has_text=title)).to_have_count(0)
    await page.screenshot(path=str(SCREENSHOTS / "activities-month.png"), full_page=True)
    await assert_accessible(page, "activities-month")


async def test_a_supervisor_logs_an_activity_for_a_csw_chosen_by_name(page: Page, demo_password: str) -> None:
    title = f"見守り連絡会 {uuid.uuid4().hex[:6]}"
    await page.goto("/login")
    await page.get_by_label("ユーザー名").fill("sup1")
    await page.get_by_label("パスワード").fill(demo_password)
    await page.get_by_role("button", name="ログイン").click()
    await expect(page).to_have_url(re.compile(r"/$"))
    await (
        page.get_by_role("navigation", name="メインメニュー")
        .get_by_role("link", name="地域づくり活動")
        .click()
    )

    await page.get_by_role("button", name="活動を記録する").click()
    form = page.get_by_role("form", name="地域づくり活動の記録")
    csw = form.get_by_role("combobox", name="担当CSW", exact=True)
    await csw.fill("ひがし")  # by kana, from the staff directory
    await form.get_by_role("option", name=re.compile("東 花子")).click()
    await expect(csw).to_have_value("東 花子")
    await form.get_by_label("圏域").select_option(label="東")
    await form.get_by_label("時間（分）").fill("60")
    await form.get_by_label("活動名").fill(title)
    await form.get_by_role("button", name="記録する").click()
    await expect(form).to_have_count(0)

    # Listed, and counted in the workload, by name: never the username.
    row = page.get_by_role("row").filter(has_text=title)
    await expect(row).to_contain_text("東 花子")
    main = page.get_by_role("main")
    await expect(main).not_to_contain_text("csw-higashi")
    await page.screenshot(path=str(SCREENSHOTS / "activities-supervisor.png"), full_page=True)
    await assert_accessible(page, "activities-supervisor")
