"""sup1 opens the statistics page (figures, charts with data, the CSV), then the supervisors' home."""

import asyncio
import csv
import datetime as dt
import io
import re
from pathlib import Path

import httpx
from playwright.async_api import Page, expect

from tests.browser.conftest import assert_accessible
from tests.browser.date_fields import choose_month

SCREENSHOTS = Path(__file__).resolve().parents[2] / "test-results"
JST = dt.timezone(dt.timedelta(hours=9))


async def some_work_this_month(gateway: httpx.AsyncClient, login) -> None:
    """A consultation triaged, one waiting, a case with a visit, an hour of community work."""
    east = await login("csw-higashi")
    for channel in ("phone", "outreach"):
        created = await gateway.post(
            "/api/v1/consultations",
            headers=east,
            json={"channel": channel, "area": "higashi", "summary": "ブラウザ統計の確認"},
        )
        assert created.status_code == 201, created.text
    triaged = await gateway.post(
        f"/api/v1/consultations/{created.json()['id']}/triage", headers=east, json={"outcome": "info_closed"}
    )
    assert triaged.status_code == 201, triaged.text
    case = await gateway.post(
        "/api/v1/cases",
        headers=east,
        json={"title": "統計の世帯", "area": "higashi", "lead_username": "csw-higashi"},
    )
    assert case.status_code == 201, case.text
    now = dt.datetime.now(JST)
    visit = await gateway.post(
        f"/api/v1/cases/{case.json()['id']}/records",
        headers=east,
        json={
            "kind": "visit",
            "occurred_at": now.isoformat(),
            "minutes_spent": 120,
            "text": "自宅を訪問した。",
        },
    )
    assert visit.status_code == 201, visit.text
    activity = await gateway.post(
        "/api/v1/activities",
        headers=east,
        json={
            "kind": "small_area",
            "date": now.date().isoformat(),
            "minutes_spent": 60,
            "title": "東町サロン",
        },
    )
    assert activity.status_code == 201, activity.text


async def sign_in(page: Page, username: str, password: str) -> None:
    await page.goto("/login")
    await page.get_by_label("ユーザー名").fill(username)
    await page.get_by_label("パスワード").fill(password)
    await page.get_by_role("button", name="ログイン").click()
    await expect(page.get_by_role("navigation", name="メインメニュー")).to_be_visible()


async def test_statistics_page_shows_the_month_with_charts_and_the_csv(
    page: Page, gateway: httpx.AsyncClient, login, demo_password: str
) -> None:
    await some_work_this_month(gateway, login)
    await sign_in(page, "sup1", demo_password)
    await page.get_by_role("navigation").get_by_role("link", name="統計").click()
    await expect(page).to_have_url(re.compile(r"/statistics$"))
    await expect(page.get_by_role("heading", name="月次統計")).to_be_visible()
    summary = page.get_by_role("region", name=re.compile("の主な数値"))
    await expect(summary.get_by_text("新規相談受付件数")).to_be_visible()
    # The month in the Japanese calendar (令和), and the area as the selector says it.
    await expect(summary.get_by_role("heading")).to_have_text(
        re.compile(r"^令和\d+年\d+月の主な数値（全域）$")
    )
    await expect(page.get_by_label("圏域", exact=True)).to_have_value("")
    await expect(page.get_by_role("table").first).to_contain_text("プラン作成件数")

    # Every chart draws bars from data: an <svg> with bar shapes inside each captioned figure.
    for caption in (
        "相談経路別の新規相談（過去12か月）",
        "圏域別の新規相談",
        "振り分けの結果",
        "職員別の時間配分（個別支援と地域づくり）",
    ):
        figure = page.get_by_role("figure", name=caption)
        await expect(figure).to_be_visible()
        bars = figure.locator("svg .recharts-bar-rectangle path")
        await expect(bars.first).to_be_visible()
        assert await bars.count() > 0, caption
    workload = page.get_by_role("figure", name="職員別の時間配分（個別支援と地域づくり）")
    await expect(workload.locator(".recharts-xAxis-tick-labels")).to_contain_text("東 花子")
    SCREENSHOTS.mkdir(exist_ok=True)
    await page.screenshot(path=str(SCREENSHOTS / "statistics.png"), full_page=True)
    await assert_accessible(page, "statistics")

    async with page.expect_download() as info:
        await page.get_by_role("button", name="CSVをダウンロード").click()
    download = await info.value
    assert download.suggested_filename.endswith(".csv")
    assert "token" not in download.url and download.url.startswith("blob:")
    content = await asyncio.to_thread(Path(await download.path()).read_bytes)
    assert content.startswith(b"\xef\xbb\xbf")
    rows = list(csv.reader(io.StringIO(content.decode("utf-8-sig"), newline="")))
    assert rows[0] == ["項目", "区分", "値", "単位"]
    assert any(row[0] == "職員別 地域づくりの割合" and "東 花子" in row[1] for row in rows)

    # Another month from the app's own month field (年 with 令和 beside it, then 月), not the browser's.
    today = dt.datetime.now(JST).date()
    last_month = (today.replace(day=1) - dt.timedelta(days=1)).strftime("%Y-%m")
    month_field = page.get_by_role("group", name="対象月")
    await expect(month_field.get_by_label("年", exact=True)).to_contain_text(f"{today.year}年（令和")
    await choose_month(page, "対象月", last_month)
    await expect(summary.get_by_role("heading")).to_have_text(
        re.compile(rf"^令和\d+年{int(last_month[5:])}月の主な数値（全域）$")
    )
    await page.screenshot(path=str(SCREENSHOTS / "statistics-month.png"), full_page=True)
    await assert_accessible(page, "statistics-month")


async def test_supervisors_home_links_each_waiting_thing(
    page: Page, gateway: httpx.AsyncClient, login, demo_password: str
) -> None:
    east = await login("csw-higashi")
    waiting = await gateway.post(
        "/api/v1/consultations",
        headers=east,
        json={"channel": "email", "area": "higashi", "summary": "返信を待っている相談"},
    )
    assert waiting.status_code == 201
    await sign_in(page, "sup1", demo_password)
    await page.get_by_role("navigation").get_by_role("link", name="統括ホーム").click()
    await expect(page).to_have_url(re.compile(r"/supervision$"))
    untriaged = page.get_by_role("region", name=re.compile("未振り分けの相談"))
    for name in (
        "期限を過ぎた安否確認",
        "30日以上接触のないケース",
        "期限を過ぎたプランの取組",
        "今週の会議",
    ):
        await expect(page.get_by_role("region", name=re.compile(name))).to_be_visible()
    first = untriaged.get_by_role("link").first
    await expect(first).to_be_visible()
    href = await first.get_attribute("href")
    assert href and re.fullmatch(r"/consultations/[0-9a-f-]{36}", href)
    await page.screenshot(path=str(SCREENSHOTS / "supervision.png"), full_page=True)
    await assert_accessible(page, "supervision")
    await first.click()
    await expect(page).to_have_url(re.compile(re.escape(href) + "$"))


async def test_a_csw_has_no_statistics_or_supervision_link(page: Page, demo_password: str) -> None:
    await sign_in(page, "csw-higashi", demo_password)
    nav = page.get_by_role("navigation", name="メインメニュー")
    await expect(nav.get_by_role("link", name="統計")).to_have_count(0)
    await expect(nav.get_by_role("link", name="統括ホーム")).to_have_count(0)


async def test_a_csw_sees_their_own_areas_statistics_under_its_name(page: Page, demo_password: str) -> None:
    await sign_in(page, "csw-higashi", demo_password)
    # Not in a CSW's menu (above), but their own area's figures are theirs to open.
    await page.goto("/statistics")
    summary = page.get_by_role("region", name=re.compile("の主な数値"))
    await expect(summary.get_by_role("heading")).to_have_text(re.compile(r"^令和\d+年\d+月の主な数値（東）$"))
    # The selector says 東 too, and cannot ask for figures the CSW may not see.
    area = page.get_by_label("圏域", exact=True)
    await expect(area).to_have_value("higashi")
    await expect(area).to_be_disabled()
    await page.screenshot(path=str(SCREENSHOTS / "statistics-csw.png"), full_page=True)
    await assert_accessible(page, "statistics-csw")
