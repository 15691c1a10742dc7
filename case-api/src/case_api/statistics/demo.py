"""A year of fictional case work for the demo (loaded by `python -m case_api.demo`).

So that a fresh demo's statistics page has this month's figures and a year of charts: cases
opened and closed, plans and re-plans, support records, community activities, safety checks
(all done, a few late), partner agencies involved, and three 東 cases shared with 東地域包括支援
センター under the person's written consent (so its demo member has cases to open). Nobody is
named. The dates follow the first load; a second run finds every row by its fixed id and adds
nothing.
"""

import datetime as dt
import random
import uuid
from typing import Any

from sqlalchemy import Table
from sqlalchemy.dialects.postgresql import insert
from sqlalchemy.ext.asyncio import AsyncSession

from case_api.activities.models import CommunityActivity
from case_api.agencies.models import AgencyInvolvement
from case_api.cases.models import Case, CaseEvent
from case_api.consents.models import Consent
from case_api.plans.models import SupportPlan
from case_api.records.models import SupportRecord
from case_api.safety_checks.models import SafetyCheck
from case_api.shares.models import CaseShare

NAMESPACE = uuid.UUID("c4a1e2b3-7d6f-4e5a-8b9c-0d1e2f3a4b5c")
AREAS = ["higashi", "nishi", "minami", "kita"]
DEMO_SURNAMES = ("佐藤", "鈴木", "高橋", "田中", "伊藤", "渡辺", "山本", "中村", "小林", "加藤", "吉田")
CASES = 120
RECORDS = 1800
STATUSES = ["assessment", "planning", "supporting", "supporting", "supporting", "evaluation", "watching"]
RECORD_KINDS = {"visit": 30, "call": 30, "office": 15, "accompaniment": 10, "email": 10, "other": 5}
RECORD_TEXTS = {
    "visit": "（デモ）自宅を訪問し、本人と面談した。",
    "call": "（デモ）電話で近況を確認した。",
    "office": "（デモ）来所。家計の状況を一緒に確認した。",
    "accompaniment": "（デモ）窓口に同行した。",
    "email": "（デモ）メールで次回の予定を調整した。",
    "other": "（デモ）関係機関と情報共有した。",
}
ACTIVITIES = [
    ("small_area", "（デモ）地区サロン"),
    ("event", "（デモ）地域の防災訓練"),
    ("network", "（デモ）地域ネットワーク会議"),
    ("sc_coordination", "（デモ）生活支援コーディネーターとの打合せ"),
    ("popup", "（デモ）出張相談（図書館）"),
]
EMPLOYERS = [
    uuid.UUID("0b0c0000-0000-4000-8000-000000000011"),
    uuid.UUID("0b0c0000-0000-4000-8000-000000000012"),
]
PARTICIPATION_NPO = uuid.UUID("0b0c0000-0000-4000-8000-000000000013")
# 東地域包括支援センター, whose member agency-houkatsu-higashi the gateway's demo users include.
HIGASHI_HOUKATSU = "0b0c0000-0000-4000-8000-000000000001"
SHARED_WITH_HOUKATSU = 3


def _id(kind: str, n: int) -> uuid.UUID:
    return uuid.uuid5(NAMESPACE, f"{kind}-{n}")


def history(now: dt.datetime) -> dict[Table, list[dict[str, Any]]]:
    """The rows of a year of case work, by table (fixed ids, dates from `now`)."""
    rng = random.Random(8050)  # noqa: S311 (fiction, repeatable; nothing secret)
    year_ago = now - dt.timedelta(days=365)

    def between(start: dt.datetime, end: dt.datetime) -> dt.datetime:
        """A moment in office hours (09:00-17:59 in Tokyo) between start and end."""
        moment = start + dt.timedelta(seconds=rng.uniform(0, max(0.0, (end - start).total_seconds())))
        moment = moment.replace(hour=rng.randint(0, 8), minute=rng.randint(0, 59), second=0, microsecond=0)
        return moment - dt.timedelta(days=1) if moment > end else moment

    cases, events, plans, records, checks, involvements = [], [], [], [], [], []
    for n in range(CASES):
        area = AREAS[n % len(AREAS)]
        lead = f"csw-{area}"
        # A third opened this year; the rest are older cases still in work (or closed this year).
        opened = (
            between(year_ago, now - dt.timedelta(days=3))
            if n % 3 == 0
            else between(now - dt.timedelta(days=3 * 365), year_ago)
        )
        case = {
            "id": _id("case", n),
            # Fictional household names, as a desk titles its cases (小金井さん世帯); the number tells
            # same-name ones apart.
            "title": f"（デモ）{DEMO_SURNAMES[n % len(DEMO_SURNAMES)]}さん世帯 {n + 1:03d}",
            "area": area,
            "lead_username": lead,
            "status": rng.choice(STATUSES),
            "opened_at": opened,
            "created_by": lead,
            "version": 1,
            "existing_system": "none",
            "between_systems": False,
            "difficult": False,
        }
        events.append(
            {
                "id": _id("opened", n),
                "case_id": case["id"],
                "at": opened,
                "actor": lead,
                "kind": "opened",
                "after": {"title": case["title"], "area": area, "lead_username": lead, "status": "intake"},
            }
        )
        written = opened
        versions = rng.choices([0, 1, 2, 3], [15, 55, 22, 8])[0]
        for version in range(1, versions + 1):
            written = min(now - dt.timedelta(hours=1), written + dt.timedelta(days=rng.uniform(10, 120)))
            plans.append(
                {
                    "id": _id(f"plan-{n}", version),
                    "case_id": case["id"],
                    "version": version,
                    "status": "current" if version == versions else "superseded",
                    "goals": [{"text": "（デモ）生活の安定"}],
                    "created_by": lead,
                    "created_at": written,
                    "revision": 1,
                }
            )
        if rng.random() < 0.18:
            closed = between(max(opened, year_ago), now - dt.timedelta(days=1))
            reason = rng.choice(["goal_met", "goal_met", "goal_met", "moved", "transferred", "refused"])
            case.update(status="closed", closure_reason=reason, closed_at=closed)
            events.append(
                {
                    "id": _id("closed", n),
                    "case_id": case["id"],
                    "at": closed,
                    "actor": "sup1",
                    "kind": "status",
                    "before": {"status": "evaluation"},
                    "after": {"status": "closed", "closure_reason": reason, "decision_id": None},
                    "reason": "（デモ）目標を達成したため終結",
                }
            )
        if n % 7 == 0:  # the demo directory's partners for 就労準備支援 and 参加支援
            partner = rng.choice([*EMPLOYERS, PARTICIPATION_NPO])
            since = between(max(opened, year_ago), now - dt.timedelta(days=2)).date()
            involvements.append(
                {
                    "id": _id("involvement", n),
                    "case_id": case["id"],
                    "agency_id": partner,
                    "role": "（デモ）就労体験・居場所の提供",
                    "since": since,
                    "created_by": lead,
                    "version": 1,
                }
            )
        cases.append(case)

    working = [c for c in cases if c["status"] != "closed"]
    kinds = list(RECORD_KINDS)
    for n in range(RECORDS):
        case = working[n % len(working)] if n % 4 else rng.choice(cases)
        kind = rng.choices(kinds, list(RECORD_KINDS.values()))[0]
        at = between(
            max(case["opened_at"], year_ago), min(case.get("closed_at") or now, now - dt.timedelta(hours=2))
        )
        records.append(
            {
                "id": _id("record", n),
                "case_id": case["id"],
                "kind": kind,
                "occurred_at": at,
                "minutes_spent": rng.choice([15, 30, 30, 45, 60, 90, 120]),
                "author": case["lead_username"],
                "text": RECORD_TEXTS[kind],
                "source": "staff",
                "created_at": at,
                "version": 1,
            }
        )

    for n in range(24):
        case = working[(n * 5) % len(working)]
        due = between(year_ago, now - dt.timedelta(days=1))
        late = n % 8 == 3
        done = (
            due + dt.timedelta(hours=rng.uniform(0.5, 6))
            if late
            else due - dt.timedelta(minutes=rng.randint(20, 240))
        )
        checks.append(
            {
                "id": _id("check", n),
                "case_id": case["id"],
                "area": case["area"],
                "reason": "（デモ）生命の危険のおそれ",
                "due_at": due,
                "status": "done",
                "outcome": "safe",
                "done_by": case["lead_username"],
                "done_at": done,
                "checked_at": done,
                "created_by": case["lead_username"],
                "created_at": due - dt.timedelta(hours=3),
                "version": 1,
            }
        )

    activities = []
    for n in range(4 * 12 * 6):  # six a month for each area's CSW
        area = AREAS[n % len(AREAS)]
        kind, title = ACTIVITIES[n % len(ACTIVITIES)]
        activities.append(
            {
                "id": _id("activity", n),
                "csw": f"csw-{area}",
                "area": area,
                "kind": kind,
                "date": between(year_ago, now - dt.timedelta(days=1)).date(),
                "minutes_spent": rng.choice([60, 90, 120, 180]),
                "title": title,
                "participants": rng.randint(5, 40),
                "created_by": f"csw-{area}",
                "version": 1,
            }
        )

    consents, shares = [], []
    east = [c for c in working if c["area"] == "higashi"][:SHARED_WITH_HOUKATSU]
    for n, case in enumerate(east):
        lead = case["lead_username"]
        agreed = between(max(case["opened_at"], year_ago), now - dt.timedelta(days=2))
        consent = {
            "id": _id("consent", n),
            "case_id": case["id"],
            "status": "given",
            "recorded_at": agreed.date(),
            "method": "written",
            "scope_agencies": [HIGASHI_HOUKATSU],
            "scope_parts": ["plan", "records", "safety_checks"],
            "recorded_by": lead,
            "created_at": agreed,
        }
        share = {
            "id": _id("share", n),
            "case_id": case["id"],
            "grantee_kind": "agency",
            "grantee": HIGASHI_HOUKATSU,
            "granted_by": lead,
            "granted_at": agreed + dt.timedelta(hours=1),
            "reason": "（デモ）見守りの分担",
        }
        consents.append(consent)
        shares.append(share)
        # The history reads as if the desk had done it: the consent, then the share.
        events.append(
            {
                "id": _id("consent-event", n),
                "case_id": case["id"],
                "at": agreed,
                "actor": lead,
                "kind": "consent",
                "before": {"current": "not_asked"},
                "after": {
                    "id": str(consent["id"]),
                    "status": "given",
                    "recorded_at": consent["recorded_at"].isoformat(),
                    "method": "written",
                    "agencies": consent["scope_agencies"],
                    "parts": consent["scope_parts"],
                },
            }
        )
        events.append(
            {
                "id": _id("share-event", n),
                "case_id": case["id"],
                "at": share["granted_at"],
                "actor": lead,
                "kind": "share_granted",
                "after": {
                    "share_id": str(share["id"]),
                    "grantee_kind": "agency",
                    "grantee": HIGASHI_HOUKATSU,
                },
                "reason": share["reason"],
            }
        )

    def table(model: Any) -> Table:
        return model.__table__  # type: ignore[no-any-return]

    return {
        table(Case): cases,
        table(CaseEvent): events,
        table(SupportPlan): plans,
        table(SupportRecord): records,
        table(SafetyCheck): checks,
        table(CommunityActivity): activities,
        table(AgencyInvolvement): involvements,
        table(Consent): consents,
        table(CaseShare): shares,
    }


async def load_history(session: AsyncSession, now: dt.datetime) -> int:
    """Insert the year once (cases first); rows already there (by id) are left as they are."""
    added = 0
    for table, rows in history(now).items():
        # Rows of one table share their keys, so one multi-row INSERT takes them all.
        for row in rows:
            for column in {key for r in rows for key in r}:
                row.setdefault(column, None)
        result = await session.execute(
            insert(table).values(rows).on_conflict_do_nothing().returning(table.c.id)
        )
        added += len(result.all())
    return added
