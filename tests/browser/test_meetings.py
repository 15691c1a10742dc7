"""A supervisor schedules the monthly 支援会議, is warned of a clash, confirms 守秘義務, puts a case
without consent on the agenda (and is refused for a 重層的支援会議), records a decision with two
actions, finalises, and both actions reach the case's plan: DOMAIN.md scenario 1, in a real browser."""

import asyncio
import datetime as dt
import random
import re
import uuid
from pathlib import Path

import httpx
from playwright.async_api import Page, expect

from tests.browser.conftest import assert_accessible
from tests.browser.date_fields import choose_date, choose_time

SCREENSHOTS = Path(__file__).resolve().parents[2] / "test-results"


def second_tuesday(year: int, month: int) -> dt.date:
    first = dt.date(year, month, 1)
    return first + dt.timedelta(days=(1 - first.weekday()) % 7 + 7)


async def spa_goto(page: Page, path: str) -> None:
    """Navigate inside the SPA (quicker than a reload, which the session cookie would survive)."""
    await page.evaluate(
        "path => { history.pushState({}, '', path); dispatchEvent(new PopStateEvent('popstate')); }", path
    )


async def test_schedule_the_shien_kaigi_and_finalise_a_decision_that_reaches_the_case(
    page: Page, demo_password: str, gateway: httpx.AsyncClient, login
) -> None:
    csw = await login("csw-higashi")
    sup = await login("sup1")
    title = f"東町8050世帯 {uuid.uuid4().hex[:6]}"
    created = await gateway.post(
        "/api/v1/cases",
        json={"title": title, "area": "higashi", "lead_username": "csw-higashi"},
        headers={**csw, "Idempotency-Key": str(uuid.uuid4())},
    )
    assert created.status_code == 201, created.text
    case_id = created.json()["id"]
    # A month of its own, so that a second run against the same stack finds no earlier meetings.
    year, month = random.randint(2030, 2040), random.randint(1, 10)
    first_meeting = second_tuesday(year, month)

    await page.goto("/login")
    await page.get_by_label("ユーザー名").fill("sup1")
    await page.get_by_label("パスワード").fill(demo_password)
    await page.get_by_role("button", name="ログイン").click()
    await expect(page).to_have_url(re.compile(r"/$"))
    await (
        page.get_by_role("navigation", name="メインメニュー")
        .get_by_role("link", name="会議", exact=True)
        .click()
    )
    await expect(page.get_by_role("heading", name="会議予定", level=1)).to_be_visible()

    # The monthly series from the body's own rule (毎月第2火曜日), three occurrences.
    await page.get_by_role("button", name="会議を予定する").click()
    form = page.get_by_role("form", name="会議を予定する")
    await form.get_by_label("会議体", exact=True).select_option(label="支援会議（守秘義務あり）")
    await form.get_by_label("繰り返し（定例）").check()
    await expect(form.get_by_label("規則", exact=True)).to_have_value("body")
    await choose_date(form, "開始日（この日以降で最初に該当する日から）", f"{year}-{month:02d}-01")
    await form.get_by_label("回数").fill("3")
    await expect(form).to_contain_text("毎月第2火曜日")
    await form.get_by_role("button", name="登録する").click()

    # sup1 is a member who has not yet confirmed 守秘義務: the duty is shown, then the request goes again.
    await expect(page.get_by_role("heading", name="支援会議の守秘義務の確認")).to_be_visible()
    await expect(page.get_by_text("社会福祉法第106条の6 に基づく守秘義務")).to_be_visible()
    await assert_accessible(page, "meetings-confidentiality")
    await page.get_by_role("button", name="守秘義務を確認しました").click()
    await expect(page.get_by_role("status")).to_contain_text("3件の会議を登録しました")
    # The month in 西暦 with its 和暦 (令和 from 2019 on: the month shown is this one or the next).
    heading = f"{year}年（令和{year - 2018}年）{month}月"
    await expect(page.get_by_role("heading", name=heading)).to_be_visible()
    calendar = page.get_by_role("table")
    await expect(calendar.get_by_role("link", name=re.compile(r"^14:00 支援会議"))).to_have_count(1)

    # An overlapping meeting: refused with the other meeting named, then scheduled knowingly.
    await page.get_by_role("button", name="会議を予定する").click()
    form = page.get_by_role("form", name="会議を予定する")
    await form.get_by_label("件名").fill("ケース会議（重複の確認）")
    await choose_date(form, "日付", first_meeting.isoformat())
    await choose_time(form, "開始時刻", "14:30")
    await choose_time(form, "終了時刻", "15:30")
    await form.get_by_role("combobox", name="ほかの参加者を追加").fill("sup1")
    await form.get_by_role("option", name=re.compile("統括 春子")).click()
    await expect(form.get_by_role("button", name="統括 春子を外す")).to_be_visible()
    await form.get_by_role("button", name="登録する").click()
    clash = form.get_by_role("alert")
    await expect(clash).to_contain_text("予定が重なっています")
    await expect(clash).to_contain_text("支援会議")
    await expect(clash).to_contain_text(f"{year}年{month}月{first_meeting.day}日(火) 14:00〜15:30")
    await clash.get_by_role("button", name="重複を承知で登録する").click()
    await expect(page.get_by_role("status")).to_contain_text("1件の会議を登録しました")
    await expect(calendar.get_by_role("link", name=re.compile(r"^14:30 ケース会議"))).to_be_visible()
    SCREENSHOTS.mkdir(exist_ok=True)
    await page.screenshot(path=str(SCREENSHOTS / "meetings-calendar.png"), full_page=True)
    await assert_accessible(page, "meetings-calendar")

    # The case without consent goes on the 支援会議 agenda; its recommended body is shown.
    await calendar.get_by_role("link", name=re.compile(r"^14:00 支援会議")).click()
    await expect(page.get_by_role("heading", name="支援会議", level=1)).to_be_visible()
    agenda = page.get_by_role("region", name="議題", exact=True)
    await agenda.get_by_label("ケースを件名で検索").fill(title)
    await agenda.get_by_role("button", name="検索", exact=True).click()
    await agenda.get_by_role("button", name=f"「{title}」を選ぶ").click()
    await agenda.get_by_role("button", name="議題に追加する").click()
    await expect(agenda.get_by_role("status")).to_contain_text("議題に追加しました")
    await expect(agenda.get_by_role("listitem").filter(has_text="推奨される会議体")).to_contain_text(
        "支援会議"
    )
    await expect(agenda).to_contain_text("本人同意が未確認")
    await assert_accessible(page, "meeting-detail")
    meeting_url = page.url

    # The minutes: attendance, discussion, one decision with two actions; then finalised.
    minutes = page.get_by_role("region", name="会議録", exact=True)
    await minutes.get_by_label("統括 春子", exact=True).check()
    await minutes.get_by_label("東 花子", exact=True).check()
    await minutes.get_by_label(f"協議内容（{title}）").fill(
        "長男は訪問に応じないが、母の介護サービス利用を入口に関係をつくる。"
    )
    await minutes.get_by_role("button", name=f"決定事項を追加（{title}）").click()
    decision = minutes.get_by_role("group", name="決定事項1")
    await decision.get_by_label("種類", exact=True).select_option(label="役割分担")
    await decision.get_by_label("決定内容").fill("CSW と地域包括で訪問を分担する。")
    await decision.get_by_role("button", name="行動を追加").click()
    await decision.get_by_role("button", name="行動を追加").click()
    first = decision.get_by_role("group", name="行動1")
    await first.get_by_label("行動の内容").fill("隔週で自宅訪問")
    # The owner is chosen by kana from the staff directory and shown by name; the username is sent.
    owner = first.get_by_role("combobox", name="担当", exact=True)
    await owner.fill("ひがし")
    await first.get_by_role("option", name=re.compile("東 花子")).click()
    await expect(owner).to_have_value("東 花子")
    await choose_date(first, "期限", f"{year}-{month:02d}-28")
    await expect(first.get_by_text(re.compile(rf"令和\d+年{month}月28日"))).to_be_visible()
    second = decision.get_by_role("group", name="行動2")
    await second.get_by_label("行動の内容").fill("母の介護保険サービス調整")
    await second.get_by_label("担当の種類").select_option(label="関係機関")
    await second.get_by_label("担当", exact=True).select_option(label="東地域包括支援センター")
    await page.screenshot(path=str(SCREENSHOTS / "meetings-minutes-editor.png"), full_page=True)
    await assert_accessible(page, "meetings-minutes-editor")
    await minutes.get_by_role("button", name="下書きを保存する").click()
    await expect(minutes.get_by_role("status")).to_contain_text("下書きを保存しました")
    await minutes.get_by_role("button", name="確定する").click()
    dialog = page.get_by_role("dialog", name="会議録を確定しますか")
    await expect(dialog).to_contain_text("決定事項 1 件と行動 2 件")
    await dialog.get_by_role("button", name="確定して各ケースに送る").click()
    await expect(minutes).to_contain_text("確定しました")

    decisions = page.get_by_role("region", name="決定事項", exact=True)
    await expect(decisions).to_contain_text("役割分担")
    await expect(decisions.get_by_role("button", name="決定IDをコピー")).to_be_visible()
    await expect(decisions.get_by_text("送信済み")).to_be_visible(timeout=15_000)
    await expect(decisions).to_contain_text("東 花子")
    await expect(decisions).not_to_contain_text("csw-higashi")
    await page.screenshot(path=str(SCREENSHOTS / "meetings-minutes.png"), full_page=True)
    await assert_accessible(page, "meetings-minutes")

    # Both actions are on the case's plan (delivered through meeting-api's outbox).
    texts: set[str] = set()
    for _ in range(30):
        plan = await gateway.get(f"/api/v1/cases/{case_id}/plan", headers=csw)
        if plan.status_code == 200:
            texts = {a["text"] for a in plan.json()["actions"] if a["source"] == "meeting"}
            if len(texts) == 2:
                break
        await asyncio.sleep(0.5)
    assert texts == {"隔週で自宅訪問", "母の介護保険サービス調整"}

    # The print view of the 会議録: marked confidential, stamped final.
    await page.get_by_role("link", name="会議録を印刷").click()
    await expect(page.get_by_role("heading", name="会議録", level=1)).to_be_visible()
    await expect(page.get_by_text("取扱注意（守秘義務）").first).to_be_visible()
    await expect(page.get_by_role("img", name=re.compile(r"^確定 "))).to_be_visible()
    await assert_accessible(page, "meetings-minutes-print")
    await page.go_back()
    await expect(page).to_have_url(meeting_url)

    # The law check: the same case may not go to a 重層的支援会議 (it has no consent).
    bodies = (await gateway.get("/api/v1/meeting-bodies", headers=sup)).json()["items"]
    juusou = next(b for b in bodies if b["type"] == "juusou")
    other = await gateway.post(
        "/api/v1/meetings",
        json={
            "body_id": juusou["id"],
            "starts_at": f"{first_meeting + dt.timedelta(days=14)}T14:00:00+09:00",
            "participants": ["sup1"],
        },
        headers={**sup, "Idempotency-Key": str(uuid.uuid4())},
    )
    assert other.status_code == 201, other.text
    await spa_goto(page, f"/meetings/{other.json()['id']}")
    await expect(page.get_by_role("heading", name="重層的支援会議", level=1)).to_be_visible()
    agenda = page.get_by_role("region", name="議題", exact=True)
    await agenda.get_by_label("ケースID").fill(case_id)
    await agenda.get_by_role("button", name="議題に追加する").click()
    refusal = agenda.get_by_role("alert")
    await expect(refusal).to_contain_text("この会議ではこのケースを扱えません")
    await expect(refusal).to_contain_text("このケースを扱える会議体：支援会議")
    await assert_accessible(page, "meeting-agenda-refused")

    # That meeting moved to the next day, 10:00〜11:30, with the app's own date and 24-hour time fields.
    await page.get_by_role("button", name="日時・会場を変更する").click()
    reschedule = page.get_by_role("form", name="日時・会場の変更")
    moved_day = first_meeting + dt.timedelta(days=15)
    await choose_date(reschedule, "日付", moved_day.isoformat())
    await choose_time(reschedule, "開始時刻", "10:00")
    await choose_time(reschedule, "終了時刻", "11:30")
    await expect(reschedule).to_contain_text("（水）")
    await page.screenshot(path=str(SCREENSHOTS / "meetings-reschedule.png"), full_page=True)
    await assert_accessible(page, "meetings-reschedule")
    await reschedule.get_by_role("button", name="変更を保存する").click()
    await expect(reschedule).to_have_count(0)
    await expect(page.locator(".meetings-facts")).to_contain_text("10:00〜11:30")

    # The 支援会議 series from its second occurrence on: an hour later; then its last one cancelled.
    await page.goto(meeting_url)
    await expect(page.get_by_role("heading", name="支援会議", level=1)).to_be_visible()
    next_month = (year, month + 1)
    last_month = (year, month + 2)
    second_occurrence = second_tuesday(*next_month)
    third_occurrence = second_tuesday(*last_month)
    await page.get_by_role("button", name="この日以降をまとめて移動").click()
    move = page.get_by_role("form", name="この日以降をまとめて移動")
    await choose_date(move, "この日以降（最初の日）", second_occurrence.isoformat())
    await expect(move).to_contain_text("次の2回が1時間遅くなります。")
    await page.screenshot(path=str(SCREENSHOTS / "meetings-series-move.png"), full_page=True)
    await assert_accessible(page, "meetings-series-move")
    await move.get_by_role("button", name="まとめて移動する").click()
    await expect(page.get_by_role("status").filter(has_text="件の会議を移動しました")).to_contain_text(
        "2件の会議を移動しました"
    )
    await page.get_by_role("button", name="この日以降を中止").click()
    cancel = page.get_by_role("form", name="この日以降を中止")
    await choose_date(cancel, "この日以降（最初の日）", third_occurrence.isoformat())
    await cancel.get_by_label("中止の理由").fill("年度末のため休会")
    await expect(cancel).to_contain_text("次の1回を中止します。")
    await page.screenshot(path=str(SCREENSHOTS / "meetings-series-cancel.png"), full_page=True)
    await assert_accessible(page, "meetings-series-cancel")
    await cancel.get_by_role("button", name="この日以降を中止する").click()
    await expect(page.get_by_role("status").filter(has_text="件の会議を中止しました")).to_contain_text(
        "1件の会議を中止しました"
    )
