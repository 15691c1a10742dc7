"""A CSW opens an 8050 household case, records a visit, notes refused consent, re-plans and prints;
a CSW of another area cannot open it. In a real browser, through the gateway."""

import re
from pathlib import Path

from playwright.async_api import Browser, Page, expect

from tests.browser.conftest import assert_accessible
from tests.browser.date_fields import choose_date
from tsunagu_local.stack import Stack

SCREENSHOTS = Path(__file__).resolve().parents[2] / "test-results"


async def log_in(page: Page, username: str, password: str) -> None:
    await page.goto("/login")
    await page.get_by_label("ユーザー名").fill(username)
    await page.get_by_label("パスワード").fill(password)
    await page.get_by_role("button", name="ログイン").click()
    await expect(page).to_have_url(re.compile(r"/$"))  # the my-work home


async def go_within_app(page: Page, path: str) -> None:
    """Navigate inside the SPA: a full page load would drop the in-memory token."""
    await page.evaluate(
        "path => { history.pushState(null, '', path); dispatchEvent(new PopStateEvent('popstate')); }", path
    )


async def test_8050_case_from_opening_to_print_and_hidden_from_another_area(
    page: Page, browser: Browser, stack: Stack, demo_password: str
) -> None:
    await log_in(page, "csw-higashi", demo_password)

    # Open a household case with two members (the son is the main person; his mother is 80+).
    await page.get_by_role("navigation", name="メインメニュー").get_by_role("link", name="ケース").click()
    await page.get_by_role("link", name="ケースを開始").click()
    son = page.get_by_role("group", name="世帯員 1")
    await son.get_by_label("氏名").fill("小金井 一郎")
    await son.get_by_label("フリガナ").fill("こがねい いちろう")
    await choose_date(son, "生年月日", "1974-05-10")
    await page.get_by_role("button", name="世帯員を追加").click()
    mother = page.get_by_role("group", name="世帯員 2")
    await mother.get_by_label("氏名").fill("小金井 トメ")
    await choose_date(mother, "生年月日", "1944-02-03")
    await mother.get_by_label("続柄").select_option(label="父母")
    await expect(page.get_by_label("ケースのタイトル")).to_have_value("小金井さん世帯")
    await assert_accessible(page, "case-new-form")
    await page.get_by_role("button", name="ケースを開始する").click()

    await expect(page).to_have_url(re.compile(r"/cases/[0-9a-f-]{36}$"))
    case_path = page.url[page.url.index("/cases/") :]
    await expect(page.get_by_role("heading", level=1)).to_have_text("小金井さん世帯")
    household = page.get_by_role("region", name="世帯", exact=True)
    await expect(
        household.get_by_role("row", name=re.compile("小金井 一郎.*本人.*昭和49年5月10日"))
    ).to_be_visible()
    await expect(
        household.get_by_role("row", name=re.compile("小金井 トメ.*父母.*昭和19年2月3日"))
    ).to_be_visible()
    await expect(household).to_contain_text("コガネイ イチロウ")  # hiragana stored as katakana
    await assert_accessible(page, "case-page")

    # A visit record.
    records = page.get_by_role("region", name="支援経過", exact=True)
    await records.get_by_label("種類").select_option(label="訪問")
    await records.get_by_label("所要時間（分）").fill("45")
    await records.get_by_label("内容", exact=True).fill(
        "自宅を訪問。母と面談。息子さんは部屋から出てこなかった。"
    )
    await records.get_by_role("button", name="記録する", exact=True).click()
    await expect(records.get_by_role("status")).to_have_text("支援経過を記録しました。")
    await expect(records.get_by_role("article")).to_contain_text("息子さんは部屋から出てこなかった")

    # The son refuses: consent refused, so the case goes to the 支援会議, with the reason.
    consent = page.get_by_role("region", name="本人同意", exact=True)
    await consent.get_by_role("button", name="同意の記録を追加").click()
    await consent.get_by_label("同意の状態").select_option(label="拒否")
    await consent.get_by_label("確認の方法").select_option(label="口頭")
    await assert_accessible(page, "case-page-consent-form")
    await consent.get_by_role("button", name="同意を記録する").click()
    await expect(consent.get_by_role("row", name=re.compile("拒否.*口頭"))).to_be_visible()
    recommendation = page.get_by_role("region", name="推奨される会議体", exact=True)
    await expect(recommendation.locator("strong")).to_have_text("支援会議")
    await expect(recommendation).to_contain_text("本人が同意を拒否")
    await expect(recommendation).to_contain_text("社会福祉法106条の6")
    await assert_accessible(page, "case-page-recommendation")

    # The plan: version 1, then a re-plan as version 2 with version 1 kept.
    plan = page.get_by_role("region", name="支援プラン", exact=True)
    await plan.get_by_role("button", name="プランを作成する").click()
    await plan.get_by_label("目標 1").fill("息子さんと直接話せる関係をつくる")
    await plan.get_by_role("button", name="アクションを追加").click()
    action = plan.get_by_role("group", name="アクション 1")
    await action.get_by_label("内容").fill("2週間ごとに訪問する")
    await choose_date(action, "期限", "2030-12-15")
    await assert_accessible(page, "case-page-plan-form")
    await plan.get_by_role("button", name="プランを保存する").click()
    await expect(plan.get_by_role("row", name=re.compile("第1版.*現行"))).to_be_visible()

    await plan.get_by_role("button", name="プランを見直す（再プラン）").click()
    await plan.get_by_role("button", name="目標を追加").click()
    await plan.get_by_label("目標 2").fill("母の介護保険申請を支援する")
    await plan.get_by_role("button", name="再プランとして保存する").click()
    await expect(plan.get_by_role("row", name=re.compile("第2版.*現行"))).to_be_visible()
    await expect(plan.get_by_role("row", name=re.compile("第1版.*旧版"))).to_be_visible()
    await expect(plan.get_by_role("listitem").filter(has_text="母の介護保険申請を支援する")).to_be_visible()
    await assert_accessible(page, "case-page-plans")

    # The printable summary: no navigation, the current plan and the visit, A4.
    await page.get_by_role("link", name="印刷用の表示").click()
    await expect(page).to_have_url(re.compile(r"/cases/[0-9a-f-]{36}/print$"))
    await expect(page.get_by_role("heading", name="現行の支援プラン")).to_be_visible()
    await expect(page.get_by_role("navigation", name="メインメニュー")).to_have_count(0)
    await expect(page.get_by_role("button", name="印刷する")).to_be_visible()
    await expect(page.locator("main")).to_contain_text("母の介護保険申請を支援する")
    await expect(page.locator("main")).to_contain_text("息子さんは部屋から出てこなかった")
    await assert_accessible(page, "case-print")
    await page.emulate_media(media="print")
    await expect(page.get_by_role("button", name="印刷する")).to_be_hidden()
    pdf = await page.pdf(format="A4")
    assert pdf.startswith(b"%PDF")
    assert re.search(rb"/MediaBox\s*\[\s*0 0 595\.9\d* 842\.8\d*", pdf), "not an A4 page"
    SCREENSHOTS.mkdir(exist_ok=True)
    (SCREENSHOTS / "case-print.pdf").write_bytes(pdf)

    # A CSW of the west area is told the case does not exist (or is not theirs).
    context = await browser.new_context(base_url=stack.url(), locale="ja-JP", timezone_id="Asia/Tokyo")
    try:
        west = await context.new_page()
        await log_in(west, "csw-nishi", demo_password)
        await go_within_app(west, case_path)
        await expect(west.get_by_role("alert")).to_have_text(
            "このケースは存在しないか、閲覧する権限がありません。"
        )
        await assert_accessible(west, "case-not-found")
    finally:
        await context.close()
