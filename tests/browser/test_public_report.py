"""Scenario 3 in a real browser: an anonymous report on a phone, its follow-up, and its triage by a CSW."""

import re
import uuid
from pathlib import Path

from playwright.async_api import Browser, Page, Request, expect

from tests.browser.conftest import assert_accessible
from tsunagu_local.stack import Stack

SCREENSHOTS = Path(__file__).resolve().parents[2] / "test-results"
PHONE = {"width": 375, "height": 740}
RECEIPT = re.compile(r"^[A-Z2-7]{4}(-[A-Z2-7]{4}){3}$")


async def _no_sideways_scroll(page: Page) -> None:
    overflow = await page.evaluate("document.documentElement.scrollWidth - window.innerWidth")
    assert overflow <= 0, f"the page scrolls sideways by {overflow}px at 375px"


async def test_anonymous_report_on_a_phone_followed_up_and_triaged_into_a_case(
    browser: Browser, stack: Stack, page: Page, demo_password: str
) -> None:
    marker = uuid.uuid4().hex[:6]
    text = f"市立図書館で毎日、高齢の男性が一日中座っています（{marker}）"
    addition = f"今日は顔色が悪く、ぐったりしていました（{marker}）"
    SCREENSHOTS.mkdir(exist_ok=True)

    phone = await browser.new_context(
        base_url=stack.url(), viewport=PHONE, locale="ja-JP", timezone_id="Asia/Tokyo", is_mobile=True
    )
    public = await phone.new_page()
    sent: list[Request] = []
    public.on("request", lambda request: sent.append(request))

    # The form: no login, says nothing identifying is needed or kept.
    await public.goto("/report")
    await expect(public.get_by_role("heading", level=1)).to_contain_text("気になる方")
    await expect(public.get_by_text("お名前・ご住所・連絡先の入力は必要ありません")).to_be_visible()
    await expect(public.get_by_text("特定できる情報")).to_be_visible()
    await assert_accessible(public, "public-report-form")
    await _no_sideways_scroll(public)
    # The honeypot is an ordinary text field that people neither see nor reach.
    honeypot = public.locator('input[name="website"]')
    assert await honeypot.get_attribute("type") == "text"
    assert await honeypot.get_attribute("tabindex") == "-1"
    assert await honeypot.get_attribute("autocomplete") == "off"
    assert await public.locator('[aria-hidden="true"]:has(input[name="website"])').count() == 1
    box = await honeypot.bounding_box()
    assert box is not None and box["x"] + box["width"] <= 0

    await public.get_by_label("内容").fill(text)
    await public.get_by_label("場所").fill("市立図書館")
    await public.get_by_label("いつ頃").fill("ここ2週間ほど毎日")
    await public.get_by_role("button", name="送信する").click()

    await expect(public.get_by_role("heading", name="送信しました")).to_be_visible(timeout=30_000)
    code_text = public.get_by_text(RECEIPT)
    await expect(code_text).to_be_visible()
    code = (await code_text.inner_text()).strip()
    await expect(public.get_by_text("この受付番号を控えてください")).to_be_visible()
    await expect(public.get_by_text("番号をなくすと、こちらからはお調べできません")).to_be_visible()
    await expect(public.get_by_role("button", name="受付番号をコピーする")).to_be_visible()
    await _no_sideways_scroll(public)
    await public.screenshot(path=str(SCREENSHOTS / "public-report-receipt.png"), full_page=True)
    await assert_accessible(public, "public-report-receipt")

    # The follow-up, typed as people do: lower case, no hyphens.
    await public.goto("/report/status")
    await public.get_by_role("textbox", name="受付番号").fill(code.replace("-", "").lower())
    await public.get_by_role("button", name="確認する").click()
    await expect(public.get_by_text("受け付けました", exact=True)).to_be_visible()
    await expect(public.get_by_text(text)).to_be_visible()
    await public.get_by_label("追加する情報").fill(addition)
    await public.get_by_role("button", name="情報を追加する").click()
    await expect(public.get_by_text("情報を追加しました")).to_be_visible(timeout=30_000)
    status = public.get_by_role("region", name="受付の状況")
    await expect(status.get_by_role("listitem").filter(has_text=addition)).to_have_count(1)
    await _no_sideways_scroll(public)
    await public.screenshot(path=str(SCREENSHOTS / "public-report-status.png"), full_page=True)
    await assert_accessible(public, "public-report-status")

    # An unknown code gets a plain answer, not an error page.
    await public.get_by_role("textbox", name="受付番号").fill("ABCD-EFGH-IJKL-MNOP")
    await public.get_by_role("button", name="確認する").click()
    await expect(public.get_by_role("alert")).to_contain_text("見つかりませんでした")

    api_calls = [r for r in sent if "/api/" in r.url]
    assert api_calls and all("/api/v1/public/" in r.url for r in api_calls), [r.url for r in api_calls]
    assert all("authorization" not in r.headers for r in api_calls)
    await phone.close()

    # A CSW (another browser context) finds it in the triage queue as one consultation.
    await page.goto("/login")
    await page.get_by_label("ユーザー名").fill("csw-higashi")
    await page.get_by_label("パスワード").fill(demo_password)
    await page.get_by_role("button", name="ログイン").click()
    await expect(page).to_have_url(re.compile(r"/$"))
    await page.get_by_role("navigation").get_by_role("link", name="振り分け").click()
    await expect(page).to_have_url(re.compile(r"/triage$"))
    rows = page.get_by_role("row").filter(has_text=marker)
    await expect(rows).to_have_count(1)
    await expect(rows).to_contain_text("匿名通報")
    await expect(rows).to_contain_text("未割当")
    await expect(rows).to_contain_text("追加情報 1件")
    await page.screenshot(path=str(SCREENSHOTS / "triage-queue.png"), full_page=True)
    await assert_accessible(page, "triage-queue")

    await rows.get_by_role("link").click()
    await expect(page.get_by_role("heading", name=re.compile("通報者からの追加情報"))).to_be_visible()
    await expect(page.get_by_text(addition)).to_be_visible()
    await expect(page.get_by_text(text)).to_be_visible()
    await assert_accessible(page, "triage-consultation")

    # Triage into a new case in the CSW's own area.
    await page.get_by_role("radio", name=re.compile("新規ケース")).check()
    await page.get_by_label("圏域").select_option(label="東")
    await page.get_by_label("ケース名").fill(f"図書館の高齢男性（{marker}）")
    await page.get_by_label("氏名", exact=True).fill("氏名不詳（図書館の男性）")
    await assert_accessible(page, "triage-form-new-case")
    await page.get_by_role("button", name="振り分けを確定する").click()
    await expect(page.get_by_role("heading", name="振り分け結果")).to_be_visible()
    case_link = page.get_by_role("link", name="ケースを開く")
    await expect(case_link).to_be_visible(timeout=30_000)
    await expect(case_link).to_have_attribute("href", re.compile(r"^/cases/[0-9a-f-]{36}$"))
    await page.screenshot(path=str(SCREENSHOTS / "triage-new-case.png"), full_page=True)
    await assert_accessible(page, "triage-new-case")

    # It has left the queue.
    await page.get_by_role("navigation").get_by_role("link", name="振り分け").click()
    await expect(page.get_by_role("row").filter(has_text=marker)).to_have_count(0)


async def test_the_emergency_numbers_come_before_the_form(browser: Browser, stack: Stack) -> None:
    SCREENSHOTS.mkdir(exist_ok=True)
    phone = await browser.new_context(
        base_url=stack.url(), viewport=PHONE, locale="ja-JP", timezone_id="Asia/Tokyo", is_mobile=True
    )
    public = await phone.new_page()
    await public.goto("/report")
    notice = public.get_by_role("note").filter(has_text="119番")
    await expect(notice).to_contain_text("110番")
    form_box = await public.locator("form.public-form").bounding_box()
    notice_box = await notice.bounding_box()
    assert form_box is not None and notice_box is not None
    assert notice_box["y"] + notice_box["height"] <= form_box["y"]
    assert notice_box["y"] < PHONE["height"]  # on the first screen, without scrolling
    await public.screenshot(path=str(SCREENSHOTS / "report-emergency-first.png"))
    await assert_accessible(public, "report-emergency-first")
    await phone.close()
