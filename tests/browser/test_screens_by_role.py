"""Screens shaped by role, paged case lists, the case page's section links and the intake draft."""

import re
import uuid
from pathlib import Path

import httpx
from playwright.async_api import Page, expect

from tests.browser.conftest import assert_accessible

SCREENSHOTS = Path(__file__).resolve().parents[2] / "test-results"
DRAFT_KEY = "tsunagu.draft.consultation.{username}"
DRAFT_KEYS = "Object.keys(sessionStorage).filter(k => k.startsWith('tsunagu.draft.'))"
NO_PERMISSION = "この画面を使う権限がありません"


async def sign_in(page: Page, username: str, password: str) -> None:
    await page.goto("/login")
    await page.get_by_label("ユーザー名").fill(username)
    await page.get_by_label("パスワード").fill(password)
    await page.get_by_role("button", name="ログイン").click()
    await expect(page).to_have_url(re.compile(r"/$"))


def menu(page: Page):
    return page.get_by_role("navigation", name="メインメニュー")


async def test_an_agency_member_sees_only_what_they_can_use(page: Page, demo_password: str) -> None:
    SCREENSHOTS.mkdir(exist_ok=True)
    await sign_in(page, "agency-houkatsu-higashi", demo_password)
    await expect(page.get_by_role("heading", name="共有されているケース")).to_be_visible()
    for shown in ("ホーム", "ケース", "関係機関", "会議"):
        await expect(menu(page).get_by_role("link", name=shown, exact=True)).to_be_visible()
    for hidden in ("相談受付", "振り分け", "地域づくり活動", "統計", "統括ホーム"):
        await expect(menu(page).get_by_role("link", name=hidden)).to_have_count(0)
    await expect(page.get_by_text("相談を記録する")).to_have_count(0)
    await expect(page.get_by_role("alert")).to_have_count(0)  # no 403 on the home
    await page.screenshot(path=str(SCREENSHOTS / "home-agency.png"), full_page=True)
    await assert_accessible(page, "home-agency")

    # The demo's three cases shared with 東地域包括支援センター under consent: listed, and opened
    # with the lead by name.
    shared = page.get_by_role("main").get_by_role("link", name=re.compile(r"^（デモ）"))
    await expect(shared).to_have_count(3)
    await shared.first.click()
    await expect(page).to_have_url(re.compile(r"/cases/[0-9a-f-]{36}$"))
    await expect(page.get_by_role("main")).to_contain_text("東 花子")
    await expect(page.get_by_role("main")).not_to_contain_text("読み込み中")
    await expect(page.get_by_role("main")).not_to_contain_text("csw-higashi")
    await page.screenshot(path=str(SCREENSHOTS / "case-agency.png"), full_page=True)
    await assert_accessible(page, "case-agency")

    await menu(page).get_by_role("link", name="ケース", exact=True).click()
    await expect(page.get_by_role("heading", name="ケース一覧")).to_be_visible()
    await expect(page.get_by_role("link", name="ケースを開始")).to_have_count(0)

    # A screen the role cannot use, typed into the address bar: a polite page, not a 403.
    await page.goto("/consultations/new")
    await expect(page.get_by_role("heading", name=NO_PERMISSION)).to_be_visible()
    await expect(page.get_by_label("相談内容の概要")).to_have_count(0)
    await page.screenshot(path=str(SCREENSHOTS / "no-permission.png"), full_page=True)
    await assert_accessible(page, "no-permission")
    await page.get_by_role("link", name="ホームへ戻る").click()
    await expect(page).to_have_url(re.compile(r"/$"))
    for path in ("/triage", "/activities", "/cases/new", "/admin/users", "/admin/sessions"):
        await page.goto(path)
        await expect(page.get_by_role("heading", name=NO_PERMISSION)).to_be_visible()


async def test_a_life_support_coordinator_sees_meetings_but_not_the_desk(
    page: Page, demo_password: str
) -> None:
    await sign_in(page, "sc-higashi", demo_password)
    for shown in ("ケース", "関係機関", "会議"):
        await expect(menu(page).get_by_role("link", name=shown, exact=True)).to_be_visible()
    for hidden in ("相談受付", "振り分け", "地域づくり活動", "統計"):
        await expect(menu(page).get_by_role("link", name=hidden)).to_have_count(0)
    # No safety-check card (case-api refuses SCs the list): nothing on the home fails to load.
    await expect(page.get_by_role("heading", name=re.compile("安否確認"))).to_have_count(0)
    await expect(page.get_by_role("alert")).to_have_count(0)
    await page.screenshot(path=str(SCREENSHOTS / "home-sc.png"), full_page=True)
    await assert_accessible(page, "home-sc")
    await menu(page).get_by_role("link", name="会議", exact=True).click()
    await expect(page.get_by_role("button", name="会議を予定する")).to_be_visible()


async def test_the_case_list_pages_and_the_page_survives_a_reload(
    page: Page, gateway: httpx.AsyncClient, login, demo_password: str
) -> None:
    marker = uuid.uuid4().hex[:6]
    supervisor = await login("sup1")
    for number in range(1, 28):
        created = await gateway.post(
            "/api/v1/cases",
            headers=supervisor,
            json={"title": f"ページ送り{marker}-{number:02d}", "area": "kita"},
        )
        assert created.status_code == 201, created.text

    await sign_in(page, "sup1", demo_password)
    await page.goto(f"/cases?q={marker}")
    pager = page.get_by_role("navigation", name="ケース一覧のページ送り")
    await expect(pager).to_contain_text("全 27 件中 1–25 件")
    await expect(page.get_by_role("link", name=re.compile(f"ページ送り{marker}"))).to_have_count(25)
    await expect(pager.get_by_role("button", name="前へ")).to_be_disabled()
    await pager.get_by_role("button", name="次へ").click()
    await expect(page).to_have_url(re.compile(r"[?&]page=2"))
    await expect(pager).to_contain_text("全 27 件中 26–27 件")
    await expect(page.get_by_role("link", name=re.compile(f"ページ送り{marker}"))).to_have_count(2)
    await page.screenshot(path=str(SCREENSHOTS / "cases-page-2.png"), full_page=True)
    await assert_accessible(page, "cases-page-2")

    await page.reload()
    await expect(pager).to_contain_text("全 27 件中 26–27 件")
    await expect(pager.get_by_role("button", name="次へ")).to_be_disabled()
    # Into a case and back: still page 2.
    await page.get_by_role("link", name=re.compile(f"ページ送り{marker}")).first.click()
    await expect(page).to_have_url(re.compile(r"/cases/[0-9a-f-]{36}$"))
    await page.go_back()
    await expect(pager).to_contain_text("全 27 件中 26–27 件")
    await pager.get_by_role("button", name="前へ").click()
    await expect(pager).to_contain_text("全 27 件中 1–25 件")
    assert "page=" not in page.url


async def test_the_case_pages_section_links_stay_in_view(page: Page, demo_password: str) -> None:
    await sign_in(page, "csw-higashi", demo_password)
    await menu(page).get_by_role("link", name="ケース", exact=True).click()
    await page.get_by_role("table").get_by_role("link").first.click()
    sections = page.get_by_role("navigation", name="ケースの項目")
    await expect(sections).to_be_visible()
    await expect(page.locator(".cases-section").get_by_text("読み込み中…")).to_have_count(0)
    await sections.get_by_role("link", name="履歴").click()
    await expect(page).to_have_url(re.compile(r"#cases-history$"))
    await page.wait_for_function("window.scrollY > 500")
    box = await sections.bounding_box()
    assert box is not None and 0 <= box["y"] <= 2, box  # stuck to the top of the window
    history = await page.locator("#cases-history").bounding_box()
    assert history is not None and history["y"] >= box["y"] + box["height"] - 1  # not under the links
    await expect(sections.get_by_role("link", name="履歴")).to_have_attribute("aria-current", "location")
    await page.screenshot(path=str(SCREENSHOTS / "case-page-section-links.png"))
    await assert_accessible(page, "case-page-section-links")


async def test_an_unfinished_intake_survives_a_reload_and_is_gone_once_sent(
    page: Page, demo_password: str
) -> None:
    marker = uuid.uuid4().hex[:6]
    key = DRAFT_KEY.format(username="csw-nishi")
    await sign_in(page, "csw-nishi", demo_password)
    await page.goto("/consultations/new")

    # Empty: the app's own message, not the browser's popup.
    await page.get_by_role("button", name="登録する").click()
    await expect(page.get_by_text("相談内容を入力してください。")).to_be_visible()
    await expect(page.get_by_label("相談内容の概要")).to_be_focused()
    await expect(page).to_have_url(re.compile(r"/consultations/new$"))

    await page.get_by_label("経路").select_option(label="電話")
    await page.get_by_label("対象者の氏名").fill(f"西 花子{marker}")
    await page.get_by_label("相談内容の概要").fill(f"長い電話相談の途中（{marker}）")
    await page.wait_for_function("key => sessionStorage.getItem(key)?.includes('長い電話相談')", arg=key)

    await page.reload()
    restored = page.get_by_role("status").filter(has_text="前回の入力途中の内容を復元しました")
    await expect(restored).to_be_visible()
    await expect(page.get_by_label("対象者の氏名")).to_have_value(f"西 花子{marker}")
    await expect(page.get_by_label("相談内容の概要")).to_have_value(f"長い電話相談の途中（{marker}）")
    await expect(page.get_by_label("経路")).to_have_value("phone")
    await page.screenshot(path=str(SCREENSHOTS / "intake-draft-restored.png"), full_page=True)
    await assert_accessible(page, "intake-draft-restored")

    await page.get_by_role("button", name="登録する").click()
    await expect(page).to_have_url(re.compile(r"/consultations$"))
    await expect(page.get_by_role("status").filter(has_text="相談を登録しました")).to_be_visible()
    assert await page.evaluate(DRAFT_KEYS) == []
    await page.get_by_role("link", name="相談を記録する").click()
    await expect(page.get_by_label("対象者の氏名")).to_have_value("")
    await expect(page.get_by_text("前回の入力途中の内容を復元しました")).to_have_count(0)

    # 破棄する empties the form; signing out leaves no draft behind either.
    await page.get_by_label("相談内容の概要").fill("破棄する下書き")
    await page.wait_for_function("key => sessionStorage.getItem(key) !== null", arg=key)
    await page.reload()
    await page.get_by_role("button", name="破棄する").click()
    await expect(page.get_by_label("相談内容の概要")).to_have_value("")
    assert await page.evaluate(DRAFT_KEYS) == []
    await page.get_by_label("相談内容の概要").fill("ログアウト前の下書き")
    await page.wait_for_function("key => sessionStorage.getItem(key) !== null", arg=key)
    await page.get_by_role("button", name="ログアウト").click()
    await expect(page).to_have_url(re.compile(r"/login"))
    assert await page.evaluate(DRAFT_KEYS) == []
