"""Reminders for 安否確認: the assignee (or the case's lead, or the supervisors) is told once when a
check falls due within the hour, and once more, with the supervisors, when it is overdue.

Each pass claims what it tells with one conditional UPDATE … RETURNING and queues the notices in
the same transaction: with several case-api replicas a check is claimed by one of them only, and a
pass that fails tells nothing and is taken up again by the next.
"""

import asyncio
import logging
from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import Any
from zoneinfo import ZoneInfo

from sqlalchemy import text
from sqlalchemy.ext.asyncio import AsyncSession

from tsunagu_services import notices

logger = logging.getLogger("tsunagu.reminders")
TOKYO = ZoneInfo("Asia/Tokyo")
DUE_SOON = timedelta(hours=1)

_CLAIM = """
UPDATE safety_check SET {sets}
WHERE status = 'open' AND {column} IS NULL AND due_at <= :until
RETURNING id, case_id, due_at, assigned_to,
  (SELECT lead_username FROM support_case WHERE support_case.id = safety_check.case_id) AS lead_username,
  (SELECT title FROM support_case WHERE support_case.id = safety_check.case_id) AS title
"""


@dataclass(frozen=True)
class Reminder:
    kind: str
    column: str
    sets: str
    supervisors_too: bool


DUE = Reminder("safety_check_due", "due_soon_told_at", "due_soon_told_at = now()", supervisors_too=False)
# First seen overdue: it was due within the hour too, and is not told so afterwards.
OVERDUE = Reminder(
    "safety_check_overdue",
    "overdue_told_at",
    "overdue_told_at = now(), due_soon_told_at = coalesce(due_soon_told_at, now())",
    supervisors_too=True,
)


def _text(reminder: Reminder, row: Any) -> str:
    due = f"{row.due_at.astimezone(TOKYO):%m月%d日 %H:%M}"
    what = f"ケース「{row.title}」の安否確認" if row.title else "安否確認"
    if reminder is OVERDUE:
        return f"{what}が期限（{due}）を過ぎています。至急ご確認ください。"
    return f"{what}の期限（{due}）が1時間以内です。"


async def remind_once(session: AsyncSession, now: datetime) -> int:
    """Claim and tell what is newly due within the hour or overdue; the number of notices queued."""
    told = 0
    for reminder, until in ((OVERDUE, now), (DUE, now + DUE_SOON)):
        claim = _CLAIM.format(sets=reminder.sets, column=reminder.column)
        rows = await session.execute(text(claim), {"until": until})
        for row in rows.all():
            person = row.assigned_to or row.lead_username
            notices.tell(
                session,
                kind=reminder.kind,
                text=_text(reminder, row),
                link=f"/cases/{row.case_id}" if row.case_id else "/",
                usernames=[person] if person else [],
                roles=["supervisor"] if reminder.supervisors_too or not person else [],
            )
            told += 1
    return told


class Reminders:
    """The background loop of a case-api process (every replica runs one; the claims keep it single)."""

    def __init__(self, sessionmaker: Any, every_seconds: float, wake_outbox: Any) -> None:
        self._sessionmaker = sessionmaker
        self._every = every_seconds
        self._wake_outbox = wake_outbox
        self._task: asyncio.Task[None] | None = None

    def start(self) -> None:
        self._task = asyncio.create_task(self._run(), name="safety-check-reminders")

    async def stop(self) -> None:
        if self._task:
            self._task.cancel()
            try:
                await self._task
            except asyncio.CancelledError:
                pass

    async def _run(self) -> None:
        while True:
            try:
                async with self._sessionmaker() as session, session.begin():
                    now = (await session.execute(text("SELECT now()"))).scalar_one()
                    told = await remind_once(session, now)
                if told:
                    self._wake_outbox()
            except Exception as exc:  # keep the loop alive; the cause is logged without personal data
                logger.warning("reminder pass failed", extra={"error_type": type(exc).__name__})
            await asyncio.sleep(self._every)
