"""The header's お知らせ bell and search box, and a meeting series moved and cancelled from a date on
(issue 11), in a real browser through the gateway."""

import datetime as dt
import random
import re
import uuid
from pathlib import Path

import httpx
from playwright.async_api import Page, expect

from tests.browser.conftest import assert_accessible
from tests.browser.date_fields import choose_date

SCREENSHOTS = Path(__file__).resolve().parents[2] / "test-results"
HIRAGANA = "あいうえおかきくけこさしすせそたちつてとなにぬねのはひふへほまみむめもやゆよらりるれろわ"


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


def unread_in(label: str | None) -> int:
    """The unread count in the bell's name (its text): 「お知らせ（未読3件）」 is 3, 「お知らせ」 is 0."""
    found = re.search(r"未読(\d+)件", label or "")
    return int(found.group(1)) if found else 0


async def test_the_bell_tells_the_new_lead_and_opens_the_case(
    page: Page, demo_password: str, gateway: httpx.AsyncClient, login, eventually
) -> None:
    sup = await login("sup1")
    csw = await login("csw-higashi")
    title = f"お知らせの確認 {uuid.uuid4().hex[:6]}"
    created = await gateway.post(
        "/api/v1/cases",
        json={"title": title, "area": "higashi", "lead_username": "csw-higashi"},
        headers={**sup, "Idempotency-Key": str(uuid.uuid4())},
    )
    assert created.status_code == 201, created.text
    case_id = created.json()["id"]
    text = f"ケース「{title}」の主担当になりました。"
    # A safety check on the case due in half an hour: the bell's 「期限が近い」 line counts it.
    reason = f"メールに希死念慮をうかがわせる記述 {title}"
    due_at = (dt.datetime.now(dt.UTC) + dt.timedelta(minutes=30)).isoformat()
    check = await gateway.post(
        "/api/v1/safety-checks",
        json={
            "case_id": case_id,
            "area": "higashi",
            "reason": reason,
            "due_at": due_at,
            "assigned_to": "csw-higashi",
        },
        headers={**sup, "Idempotency-Key": str(uuid.uuid4())},
    )
    assert check.status_code == 201, check.text

    # The notice comes through case-api's outbox: wait until the gateway has filed it.
    async def filed() -> bool:
        inbox = await gateway.get("/api/v1/notifications", params={"limit": 50}, headers=csw)
        assert inbox.status_code == 200, inbox.text
        items = inbox.json()["items"]
        # …and the reminder of the check due within the hour, so that the count below holds still.
        reminded = any(n["kind"] == "safety_check_due" and title in n["text"] for n in items)
        return reminded and any(n["text"] == text for n in items)

    await eventually(filed)

    await log_in(page, "csw-higashi", demo_password)
    bell = page.get_by_role("button", name=re.compile(r"^お知らせ"))
    await expect(bell).to_have_accessible_name(re.compile(r"^お知らせ（未読\d+件）$"), timeout=15_000)
    before = unread_in(await bell.text_content())
    assert before >= 1
    await expect(bell).to_have_attribute("aria-expanded", "false")
    await expect(bell.locator(".notif-count")).to_have_text(str(before) if before < 100 else "99+")

    await bell.click()
    await expect(bell).to_have_attribute("aria-expanded", "true")
    panel = page.get_by_role("region", name="お知らせ", exact=True)
    await expect(panel.get_by_role("heading", name="お知らせ")).to_be_visible()
    await expect(panel).to_contain_text(f"未読 {before}件")
    notice = panel.get_by_role("button", name=re.compile(re.escape(text)))
    await expect(notice).to_be_visible()
    await expect(notice).to_contain_text("主担当")  # the kind's label
    japanese_time = re.compile(r"^\d{4}年\d{1,2}月\d{1,2}日\(.\) \d{2}:\d{2}$")
    await expect(notice.locator("time")).to_have_text(japanese_time)
    await expect(panel.get_by_role("button", name="すべて既読にする")).to_be_visible()
    # csw-higashi may see safety checks: the one due within the hour is counted.
    due_line = panel.get_by_role("link", name=re.compile(r"^期限が近い・過ぎた安否確認 \d+件$"))
    await expect(due_line).to_be_visible()
    SCREENSHOTS.mkdir(exist_ok=True)
    await page.screenshot(path=str(SCREENSHOTS / "header-notifications.png"))
    await assert_accessible(page, "header-notifications")

    # Escape closes the panel and gives the focus back to the bell.
    await page.keyboard.press("Escape")
    await expect(panel).to_be_hidden()
    await expect(bell).to_be_focused()
    await expect(bell).to_have_attribute("aria-expanded", "false")

    await bell.click()
    await panel.get_by_role("button", name=re.compile(re.escape(text))).click()
    await expect(page).to_have_url(re.compile(rf"/cases/{case_id}$"))
    await expect(page.get_by_role("heading", level=1)).to_have_text(title)
    after = "お知らせ" if before == 1 else f"お知らせ（未読{before - 1}件）"
    await expect(bell).to_have_accessible_name(after, timeout=15_000)
    inbox = (await gateway.get("/api/v1/notifications", params={"limit": 50}, headers=csw)).json()
    [read] = [n for n in inbox["items"] if n["text"] == text]
    assert read["read_at"] is not None

    # The due line leads to the home page's list of safety checks.
    await bell.click()
    await panel.get_by_role("link", name=re.compile(r"^期限が近い・過ぎた安否確認")).click()
    await expect(page).to_have_url(re.compile(r"/$"))
    await expect(page.get_by_role("region", name=re.compile("期限のある安否確認"))).to_contain_text(reason)
    # Checked, so that no later test finds it overdue on the home page.
    done = await gateway.post(
        f"/api/v1/safety-checks/{check.json()['id']}/outcome",
        json={"outcome": "safe", "outcome_note": "電話で無事を確認"},
        headers={**csw, "If-Match": check.headers["ETag"]},
    )
    assert done.status_code in (200, 201), done.text


async def test_the_header_search_finds_a_person_by_kana_and_enter_opens_the_case(
    page: Page, demo_password: str, gateway: httpx.AsyncClient, login, eventually
) -> None:
    csw = await login("csw-higashi")
    marker = uuid.uuid4().hex[:4]
    kana = "".join(random.choices(HIRAGANA, k=5))
    name = f"検索{marker} 花子"
    consultation = await gateway.post(
        "/api/v1/consultations",
        headers=csw,
        json={
            "channel": "phone",
            "area": "higashi",
            "summary": "生活費の相談",
            "person_name": name,
            "person_kana": f"{kana} はなこ",
        },
    )
    assert consultation.status_code == 201, consultation.text
    triaged = await gateway.post(
        f"/api/v1/consultations/{consultation.json()['id']}/triage",
        headers=csw,
        json={
            "outcome": "new_case",
            "new_case": {
                "title": f"検索{marker}世帯",
                "lead_username": "csw-higashi",
                "members": [
                    {"name": name, "name_kana": f"{kana} はなこ", "relationship": "self", "is_primary": True}
                ],
            },
        },
    )
    assert triaged.status_code == 201, triaged.text

    async def person_with_case() -> dict | None:
        answer = await gateway.get("/api/v1/search", params={"q": kana}, headers=csw)
        assert answer.status_code == 200, answer.text
        persons = [p for p in answer.json()["persons"] if p["name"] == name and p["cases"]]
        return persons[0] if persons else None

    person = await eventually(person_with_case)
    case_id = person["cases"][0]

    await log_in(page, "csw-higashi", demo_password)
    box = page.get_by_role("combobox", name="対象者・ケース・相談を検索")
    await expect(box).to_have_attribute("aria-expanded", "false")
    await box.fill(kana)
    results = page.get_by_role("listbox", name="検索結果")
    persons = results.get_by_role("group", name="対象者")
    await expect(persons.get_by_role("option", name=re.compile(re.escape(name)))).to_be_visible()
    await expect(box).to_have_attribute("aria-expanded", "true")
    consultations = results.get_by_role("group", name="相談受付")
    await expect(consultations.get_by_role("option", name=re.compile(re.escape(name)))).to_be_visible()
    await expect(consultations).to_contain_text("東")  # the area by name
    await expect(results).not_to_contain_text("higashi")
    await page.keyboard.press("ArrowDown")
    await expect(persons.get_by_role("option", name=re.compile(re.escape(name)))).to_have_attribute(
        "aria-selected", "true"
    )
    SCREENSHOTS.mkdir(exist_ok=True)
    await page.screenshot(path=str(SCREENSHOTS / "header-search.png"))
    await assert_accessible(page, "header-search")

    await page.keyboard.press("Enter")
    await expect(page).to_have_url(re.compile(rf"/cases/{case_id}$"))
    await expect(page.get_by_role("heading", level=1)).to_have_text(f"検索{marker}世帯")
    await expect(box).to_have_value("")

    # The case by its title; Escape closes the list.
    await box.fill(f"検索{marker}世帯")
    cases = results.get_by_role("group", name="ケース")
    await expect(cases.get_by_role("option", name=f"検索{marker}世帯")).to_be_visible()
    await expect(cases).to_contain_text("主担当：東 花子")
    await page.keyboard.press("Escape")
    await expect(results).to_be_hidden()


def next_wednesday_in(year: int, month: int) -> dt.date:
    first = dt.date(year, month, 1)
    return first + dt.timedelta(days=(2 - first.weekday()) % 7)


async def test_a_weekly_series_moved_and_cancelled_from_its_second_occurrence(
    page: Page, demo_password: str, gateway: httpx.AsyncClient, login
) -> None:
    sup = await login("sup1")
    # A month of its own, so that a second run against the same stack finds no earlier meetings.
    first_day = next_wednesday_in(random.randint(2030, 2040), random.randint(1, 12))
    title = f"週次ケース会議 {uuid.uuid4().hex[:6]}"
    created = await gateway.post(
        "/api/v1/meetings/series",
        json={
            "body_type": "case_conference",
            "title": title,
            "starts_at": f"{first_day.isoformat()}T10:00:00+09:00",
            "ends_at": f"{first_day.isoformat()}T11:00:00+09:00",
            "participants": ["sup1"],
            "rrule": "FREQ=WEEKLY;BYDAY=WE",
            "count": 4,
            "confirm_clash": True,
        },
        headers={**sup, "Idempotency-Key": str(uuid.uuid4())},
    )
    assert created.status_code == 201, created.text
    series = created.json()
    occurrences = series["occurrences"]
    assert len(occurrences) == 4
    days = [first_day + dt.timedelta(weeks=i) for i in range(4)]

    def label(day: dt.date, start: str, end: str) -> str:
        weekday = "月火水木金土日"[day.weekday()]
        return f"{day.year}年{day.month}月{day.day}日({weekday}) {start}〜{end}"

    await log_in(page, "sup1", demo_password)
    await go_within_app(page, f"/meetings/{occurrences[1]['id']}")
    facts = page.locator(".meetings-facts")
    await expect(facts).to_contain_text(label(days[1], "10:00", "11:00"))

    await page.get_by_role("button", name="この日以降をまとめて移動").click()
    form = page.get_by_role("form", name="この日以降をまとめて移動")
    first_of = form.get_by_role("group", name="この日以降（最初の日）")
    await expect(first_of.get_by_label("年", exact=True)).to_have_value(str(days[1].year))
    await expect(first_of.get_by_label("月", exact=True)).to_have_value(f"{days[1].month:02d}")
    await expect(first_of.get_by_label("日", exact=True)).to_have_value(f"{days[1].day:02d}")
    await form.get_by_label("移動の向き").select_option(label="遅らせる（後ろへ）")
    await form.get_by_label("日数", exact=True).fill("0")
    await form.get_by_label("時間", exact=True).fill("1")
    await form.get_by_label("分", exact=True).fill("0")
    await expect(form).to_contain_text("次の3回が1時間遅くなります。")
    weekday = "月火水木金土日"[days[3].weekday()]
    await expect(form).to_contain_text(
        f"{days[3].year}年{days[3].month}月{days[3].day}日({weekday}) 10:00 → "
        f"{days[3].year}年{days[3].month}月{days[3].day}日({weekday}) 11:00"
    )
    SCREENSHOTS.mkdir(exist_ok=True)
    await page.screenshot(path=str(SCREENSHOTS / "series-move-form.png"), full_page=True)
    await assert_accessible(page, "series-move-form")
    await form.get_by_role("button", name="まとめて移動する").click()
    await expect(page.get_by_role("status")).to_have_text("3件の会議を移動しました。")
    await expect(facts).to_contain_text(label(days[1], "11:00", "12:00"))
    await page.locator(".meetings-summary").screenshot(path=str(SCREENSHOTS / "series-moved.png"))

    # The later occurrences show the new time; the first stays where it was.
    await go_within_app(page, f"/meetings/{occurrences[3]['id']}")
    await expect(facts).to_contain_text(label(days[3], "11:00", "12:00"))
    await go_within_app(page, f"/meetings/{occurrences[0]['id']}")
    await expect(facts).to_contain_text(label(days[0], "10:00", "11:00"))

    # Cancelled from the third occurrence on, from the second one's page: the first two stay.
    await go_within_app(page, f"/meetings/{occurrences[1]['id']}")
    await expect(facts).to_contain_text(label(days[1], "11:00", "12:00"))
    await page.get_by_role("button", name="この日以降を中止").click()
    form = page.get_by_role("form", name="この日以降を中止")
    await choose_date(form, "この日以降（最初の日）", days[2].isoformat())
    await form.get_by_label("中止の理由").fill("年度末で定例を終える")
    await expect(form).to_contain_text("次の2回を中止します。")
    await page.screenshot(path=str(SCREENSHOTS / "series-cancel-form.png"), full_page=True)
    await assert_accessible(page, "series-cancel-form")
    await form.get_by_role("button", name="この日以降を中止する").click()
    await expect(page.get_by_role("status")).to_have_text("2件の会議を中止しました。")
    await expect(page.get_by_role("heading", level=1)).not_to_contain_text("中止")

    await go_within_app(page, f"/meetings/{occurrences[2]['id']}")
    await expect(page.get_by_role("heading", level=1)).to_contain_text("中止")
    await expect(facts).to_contain_text("年度末で定例を終える")
    await page.screenshot(path=str(SCREENSHOTS / "series-cancelled-occurrence.png"), full_page=True)
    await assert_accessible(page, "series-cancelled-occurrence")

    read = await gateway.get(f"/api/v1/meetings/series/{series['id']}", headers=sup)
    assert read.status_code == 200, read.text
    by_id = {m["id"]: m for m in read.json()["occurrences"]}
    statuses = [by_id[m["id"]]["status"] for m in occurrences]
    assert statuses[2:] == ["cancelled", "cancelled"] and "cancelled" not in statuses[:2]
    starts = [by_id[m["id"]]["starts_at"] for m in occurrences]
    assert starts[0] == f"{days[0].isoformat()}T01:00:00Z"
    assert starts[1:] == [f"{d.isoformat()}T02:00:00Z" for d in days[1:]]
