import uuid
from datetime import datetime
from enum import StrEnum

from pydantic import BaseModel, ConfigDict


class NotificationKind(StrEnum):
    """What happened to a meeting the user takes part in."""

    scheduled = "scheduled"  # 予定された
    rescheduled = "rescheduled"  # 日時が変わった
    updated = "updated"  # 会場・参加者などが変わった
    cancelled = "cancelled"  # 中止になった


class NotificationRead(BaseModel):
    model_config = ConfigDict(from_attributes=True)

    id: uuid.UUID
    kind: NotificationKind
    meeting_id: uuid.UUID
    text: str
    created_at: datetime
    read_at: datetime | None


class NotificationPage(BaseModel):
    items: list[NotificationRead]
    total: int
    unread: int
