"""What a decision leaves on its case, and delivery states, as tables."""

import uuid
from datetime import UTC, datetime

import pytest

from meeting_api.minutes.rules import actions_key, delivery_state, record_key, record_text, record_time

DECISION = uuid.UUID("7f1c2b00-0000-4000-8000-000000000001")
NOW = datetime(2026, 12, 20, tzinfo=UTC)


@pytest.mark.parametrize(
    ("kind", "text", "expected"),
    [
        ("role_division", "CSW が隔週で訪問", "支援会議 2026年12月8日: 役割分担 — CSW が隔週で訪問"),
        ("closure", "目標達成", "支援会議 2026年12月8日: 終結 — 目標達成"),
        ("continue", "次回検討", "支援会議 2026年12月8日: 継続検討 — 次回検討"),
    ],
)
def test_record_text_names_body_date_type_and_decision(kind: str, text: str, expected: str) -> None:
    held = datetime(2026, 12, 8, 5, 0, tzinfo=UTC)
    assert record_text("支援会議", held, kind, text, DECISION) == f"{expected} (決定ID {DECISION})"


def test_keys_are_stable_and_distinct_per_delivery() -> None:
    assert actions_key(DECISION) == actions_key(DECISION) != record_key(DECISION)


@pytest.mark.parametrize(
    ("starts_at", "expected"),
    [
        (datetime(2026, 12, 8, tzinfo=UTC), datetime(2026, 12, 8, tzinfo=UTC)),
        (datetime(2027, 1, 8, tzinfo=UTC), NOW),  # minutes closed before the meeting: never in the future
    ],
)
def test_record_time(starts_at: datetime, expected: datetime) -> None:
    assert record_time(starts_at, NOW) == expected


@pytest.mark.parametrize(
    ("messages", "state"),
    [
        ([], "pending"),
        ([{"delivered_at": None, "failed_at": None}], "pending"),
        ([{"delivered_at": NOW, "failed_at": None}, {"delivered_at": None, "failed_at": None}], "pending"),
        ([{"delivered_at": NOW, "failed_at": None}, {"delivered_at": NOW, "failed_at": None}], "delivered"),
        ([{"delivered_at": NOW, "failed_at": None}, {"delivered_at": None, "failed_at": NOW}], "failed"),
    ],
)
def test_delivery_state(messages: list[dict], state: str) -> None:
    assert delivery_state(messages) == state
