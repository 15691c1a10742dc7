"""People and areas by name: case pages, home and history show 東 花子 and 東, not csw-higashi and
higashi; the staff picker finds a lead by kana; an administrator adds, changes and stops a member of
staff; an agency member sees names on what is shared with them. In a real browser, through the gateway."""

import datetime as dt
import re
import uuid
from pathlib import Path

import httpx
from playwright.async_api import Page, expect

from tests.browser.conftest import assert_accessible

SCREENSHOTS = Path(__file__).resolve().parents[2] / "test-results"
HIGASHI_HOUKATSU = "0b0c0000-0000-4000-8000-000000000001"  # 東地域包括支援センター in the demo data


async def log_in(page: Page, username: str, password: str) -> None:
    await page.goto("/login")
    await page.get_by_label("ユーザー名").fill(username)
    await page.get_by_label("パスワード").fill(password)
    await page.get_by_role("button", name="ログイン").click()
    await expect(page).to_have_url(re.compile(r"/$"))


async def go_within_app(page: Page, path: str) -> None:
    """Navigate inside the SPA: a full page load would drop the in-memory token."""
    await page.evaluate(
        "path => { history.pushState(null, '', path); dispatchEvent(new PopStateEvent('popstate')); }", path
    )


async def open_case(gateway: httpx.AsyncClient, headers: dict[str, str], title: str, lead: str | None) -> str:
    created = await gateway.post(
        "/api/v1/cases",
        json={"title": title, "area": "higashi", "lead_username": lead},
        headers={**headers, "Idempotency-Key": str(uuid.uuid4())},
    )
    assert created.status_code == 201, created.text
    return created.json()["id"]


async def test_case_page_home_and_history_show_names_not_usernames(
    page: Page, demo_password: str, gateway: httpx.AsyncClient, login
) -> None:
    csw = await login("csw-higashi")
    title = f"名前表示の確認 {uuid.uuid4().hex[:6]}"
    case_id = await open_case(gateway, csw, title, "csw-higashi")

    await log_in(page, "csw-higashi", demo_password)
    # The header and the home's area list: the lead by name.
    await expect(page.locator(".app-header")).to_contain_text("東 花子")
    home = page.locator(".app-main")
    await expect(home.get_by_role("link", name=title).first).to_be_visible()
    await expect(home).to_contain_text("主担当：東 花子")
    await expect(home).not_to_contain_text("csw-higashi")
    SCREENSHOTS.mkdir(exist_ok=True)
    await page.screenshot(path=str(SCREENSHOTS / "names-home.png"), full_page=True)
    await assert_accessible(page, "names-home")

    await go_within_app(page, f"/cases/{case_id}")
    await expect(page.get_by_role("heading", level=1)).to_have_text(title)
    summary = page.get_by_role("region", name="概要", exact=True)
    await expect(summary).to_contain_text("東 花子")
    await expect(summary).not_to_contain_text("csw-higashi")
    history = page.get_by_role("region", name="履歴", exact=True)
    await expect(history).to_contain_text("圏域：東")
    await expect(history).to_contain_text("主担当：東 花子")
    await expect(history).not_to_contain_text("higashi")
    await page.screenshot(path=str(SCREENSHOTS / "names-case-page.png"), full_page=True)
    await assert_accessible(page, "names-case-page")


async def test_the_staff_picker_finds_a_lead_by_kana(
    page: Page, demo_password: str, gateway: httpx.AsyncClient, login
) -> None:
    csw = await login("csw-higashi")
    title = f"主担当なしのケース {uuid.uuid4().hex[:6]}"
    case_id = await open_case(gateway, csw, title, None)

    await log_in(page, "csw-higashi", demo_password)
    await go_within_app(page, f"/cases/{case_id}")
    summary = page.get_by_role("region", name="概要", exact=True)
    await summary.get_by_role("button", name="編集").click()
    picker = summary.get_by_role("combobox", name="主担当")
    await picker.fill("ヒガシ")  # katakana finds the hiragana kana too (the server folds the scripts)
    options = summary.get_by_role("listbox")
    await expect(options.get_by_role("option", name=re.compile("東 花子"))).to_be_visible()
    await picker.fill("ひがし")
    option = options.get_by_role(
        "option", name=re.compile("東 花子.*ひがし はなこ.*地域福祉コーディネーター・東")
    )
    await expect(option).to_be_visible()
    await expect(picker).to_have_attribute("aria-expanded", "true")
    await page.screenshot(path=str(SCREENSHOTS / "names-staff-picker.png"), full_page=True)
    await assert_accessible(page, "names-staff-picker")
    await picker.press("ArrowDown")
    await expect(option).to_have_attribute("aria-selected", "true")
    await picker.press("Enter")
    await expect(picker).to_have_value("東 花子")
    await expect(picker).to_have_attribute("aria-expanded", "false")
    await summary.get_by_role("button", name="保存").click()
    await expect(summary.get_by_role("combobox")).to_have_count(0)
    await expect(summary).to_contain_text("東 花子")

    # The API got the username, as before.
    stored = await gateway.get(f"/api/v1/cases/{case_id}", headers=csw)
    assert stored.json()["lead_username"] == "csw-higashi"

    # Escape closes the list without choosing.
    await summary.get_by_role("button", name="編集").click()
    await picker.fill("にし")
    await expect(options.get_by_role("option", name=re.compile("西 健太"))).to_be_visible()
    await picker.press("Escape")
    await expect(picker).to_have_attribute("aria-expanded", "false")


async def test_an_administrator_adds_changes_and_stops_a_member_of_staff(
    page: Page, demo_password: str
) -> None:
    suffix = uuid.uuid4().hex[:6]
    username = f"csw-test-{suffix}"
    await log_in(page, "admin", demo_password)
    await page.get_by_role("navigation", name="メインメニュー").get_by_role("link", name="職員").click()
    await expect(page.get_by_role("heading", name="職員", level=1)).to_be_visible()
    await expect(page.get_by_role("row", name=re.compile("東 花子.*csw-higashi"))).to_be_visible()

    await page.get_by_role("button", name="職員を追加").click()
    form = page.get_by_role("form", name="職員の追加")
    await form.get_by_label("ユーザー名").fill(username)
    await form.get_by_label("氏名").fill(f"試験 太郎{suffix}")
    await form.get_by_label("ふりがな").fill("しけん たろう")
    await form.get_by_label("役割").select_option(label="地域福祉コーディネーター")
    await form.get_by_label("初期パスワード").fill("hajime-no-pasuwaado-1")
    # No area for a CSW: the gateway's rule, shown by the field it names.
    await form.get_by_role("button", name="追加する").click()
    alert = form.get_by_role("alert")
    await expect(alert).to_contain_text("入力内容を確認してください。")
    await expect(alert).to_contain_text("圏域：地域福祉コーディネーターには圏域を選んでください。")
    await expect(form.get_by_label("圏域")).to_have_attribute("aria-invalid", "true")
    SCREENSHOTS.mkdir(exist_ok=True)
    await page.screenshot(path=str(SCREENSHOTS / "names-admin-user-error.png"), full_page=True)
    await assert_accessible(page, "names-admin-user-error")
    await form.get_by_label("圏域").select_option(label="東")
    await form.get_by_role("button", name="追加する").click()
    await expect(page.get_by_role("status")).to_have_text(f"試験 太郎{suffix}さんを追加しました。")

    # A taken username is said so.
    await page.get_by_role("button", name="職員を追加").click()
    form = page.get_by_role("form", name="職員の追加")
    await form.get_by_label("ユーザー名").fill(username)
    await form.get_by_label("氏名").fill("重複 花子")
    await form.get_by_label("役割").select_option(label="統括")
    await form.get_by_label("初期パスワード").fill("hajime-no-pasuwaado-1")
    await form.get_by_role("button", name="追加する").click()
    await expect(form.get_by_role("alert")).to_contain_text("このユーザー名はすでに使われています。")
    await form.get_by_role("button", name="やめる").click()

    # Found by kana, changed, then stopped.
    await page.get_by_label("氏名・かな・ユーザー名で検索").fill("シケン")
    await page.get_by_role("button", name="検索", exact=True).click()
    row = page.get_by_role("row", name=re.compile(username))
    await expect(row).to_contain_text("東")
    await row.get_by_role("button", name=f"試験 太郎{suffix}さんを変更").click()
    edit = page.get_by_role("region", name=f"試験 太郎{suffix}さんの登録内容")
    await edit.get_by_label("氏名").fill(f"試験 次郎{suffix}")
    await edit.get_by_label("圏域").select_option(label="西")
    await edit.get_by_role("button", name="保存する").click()
    await expect(page.get_by_role("status")).to_have_text(f"試験 次郎{suffix}さんの登録内容を保存しました。")
    await expect(row).to_contain_text("西")
    edit = page.get_by_role("region", name=f"試験 次郎{suffix}さんの登録内容")
    await edit.get_by_role("button", name="利用を停止する").click()
    await expect(page.get_by_role("status")).to_have_text(f"試験 次郎{suffix}さんの利用を停止しました。")
    await expect(row).to_have_count(0)  # the list shows active staff only
    await page.get_by_label("利用停止中の職員も表示する").check()
    await expect(row).to_contain_text("利用停止")
    await page.screenshot(path=str(SCREENSHOTS / "names-admin-users.png"), full_page=True)
    await assert_accessible(page, "names-admin-users")

    # The administrator cannot stop their own access.
    await page.get_by_label("氏名・かな・ユーザー名で検索").fill("admin")
    await page.get_by_role("button", name="検索", exact=True).click()
    await page.get_by_role("button", name="管理 一郎さんを変更").click()
    own = page.get_by_role("region", name="管理 一郎さんの登録内容")
    await own.get_by_role("button", name="利用を停止する").click()
    await expect(own.get_by_role("alert")).to_contain_text("ご自身の管理者権限を外すことや")

    # Areas: listed by name in their order.
    await page.get_by_role("navigation", name="メインメニュー").get_by_role("link", name="圏域").click()
    await expect(page.get_by_role("heading", name="圏域", level=1)).to_be_visible()
    await expect(page.get_by_role("row", name=re.compile("1.*東.*higashi"))).to_be_visible()
    await page.screenshot(path=str(SCREENSHOTS / "names-admin-areas.png"), full_page=True)
    await assert_accessible(page, "names-admin-areas")


async def test_an_agency_member_sees_names_on_a_shared_case_and_meeting(
    page: Page, demo_password: str, gateway: httpx.AsyncClient, login
) -> None:
    csw = await login("csw-higashi")
    sup = await login("sup1")
    title = f"共有ケース {uuid.uuid4().hex[:6]}"
    case_id = await open_case(gateway, csw, title, "csw-higashi")
    shared = await gateway.post(
        f"/api/v1/cases/{case_id}/shares",
        json={"grantee_kind": "agency", "grantee": HIGASHI_HOUKATSU, "reason": "役割分担のため。"},
        headers=csw,
    )
    assert shared.status_code == 201, shared.text
    starts = dt.datetime(2031, 3, 4, 10, 0, tzinfo=dt.timezone(dt.timedelta(hours=9)))
    meeting = await gateway.post(
        "/api/v1/meetings",
        json={
            "body_type": "case_conference",
            "title": f"ケース会議 {title}",
            "starts_at": starts.isoformat(),
            "ends_at": (starts + dt.timedelta(hours=1)).isoformat(),
            "participants": ["csw-higashi", "agency-houkatsu-higashi"],
            "confirm_clash": True,
        },
        headers={**sup, "Idempotency-Key": str(uuid.uuid4())},
    )
    assert meeting.status_code == 201, meeting.text
    meeting_id = meeting.json()["id"]

    await log_in(page, "agency-houkatsu-higashi", demo_password)
    await go_within_app(page, f"/cases/{case_id}")
    await expect(page.get_by_role("heading", level=1)).to_have_text(title)
    main = page.locator(".app-main")
    await expect(main).to_contain_text("東 花子")
    await expect(main).not_to_contain_text("csw-higashi")
    # The sections an agency may read have loaded (the others say they are not shared).
    await expect(page.get_by_role("region", name="履歴", exact=True)).not_to_contain_text("読み込み中")
    SCREENSHOTS.mkdir(exist_ok=True)
    await page.screenshot(path=str(SCREENSHOTS / "names-agency-case.png"), full_page=True)
    await assert_accessible(page, "names-agency-case")

    await go_within_app(page, f"/meetings/{meeting_id}")
    await expect(page.get_by_role("heading", level=1)).to_contain_text("ケース会議")
    await expect(main).to_contain_text("統括 春子")
    await expect(main).to_contain_text("東 花子、林 誠")
    await expect(main).not_to_contain_text("agency-houkatsu-higashi")
    await page.screenshot(path=str(SCREENSHOTS / "names-agency-meeting.png"), full_page=True)
    await assert_accessible(page, "names-agency-meeting")
