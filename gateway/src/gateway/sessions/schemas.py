import uuid
from datetime import datetime

from pydantic import BaseModel, ConfigDict


class LoginSessionRead(BaseModel):
    """One sign-in in one browser, as an administrator sees it (never its tokens)."""

    model_config = ConfigDict(from_attributes=True)

    id: uuid.UUID
    created_at: datetime
    last_used_at: datetime
    expires_at: datetime
    ended_at: datetime | None
    end_reason: str | None
    ended_by: str | None
    user_agent: str | None


class LoginSessionList(BaseModel):
    username: str
    items: list[LoginSessionRead]
