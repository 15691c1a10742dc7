"""Pure rules of minutes and decisions: their Japanese labels and what reaches the case."""

import uuid
from datetime import datetime
from typing import Any

from meeting_api.meetings.rules import format_jst_date
from tsunagu_services.problems import Conflict

DECISION_LABELS = {
    "plan_approved": "プラン承認",
    "role_division": "役割分担",
    "closure": "終結",
    "replan": "再プラン",
    "continue": "継続検討",
}


class MinutesFinalised(Conflict):
    type = "/problems/minutes-finalised"
    title = "会議録は確定済みです。訂正は追記（amendments）で行ってください。"


class MinutesNotFinalised(Conflict):
    type = "/problems/minutes-not-finalised"
    title = "会議録はまだ確定していません。追記ではなく下書きを直してください。"


class MinutesNotWritten(Conflict):
    type = "/problems/minutes-not-written"
    title = "会議録がまだありません。先に下書きを保存してください。"


def actions_key(decision_id: uuid.UUID) -> str:
    """The Idempotency-Key of a decision's plan actions: the same on every retry, once per decision."""
    return f"meeting-decision-{decision_id}-actions"


def record_key(decision_id: uuid.UUID) -> str:
    """The Idempotency-Key of a decision's timeline record."""
    return f"meeting-decision-{decision_id}-record"


def record_text(
    body_name: str, held_at: datetime, decision_type: str, text: str, decision_id: uuid.UUID
) -> str:
    """The timeline line a decision leaves on its case (支援経過), with the decision's id."""
    return (
        f"{body_name} {format_jst_date(held_at)}: {DECISION_LABELS[decision_type]} — {text}"
        f" (決定ID {decision_id})"
    )


def record_time(starts_at: datetime, now: datetime) -> datetime:
    """When the record says it happened: the meeting, or now if minutes were closed before it began
    (case-api refuses records dated in the future)."""
    return min(starts_at, now)


def delivery_state(messages: list[dict[str, Any]]) -> str:
    """One state for a decision's deliveries: failed if any was refused, delivered when all were."""
    if any(m["failed_at"] is not None for m in messages):
        return "failed"
    if messages and all(m["delivered_at"] is not None for m in messages):
        return "delivered"
    return "pending"
