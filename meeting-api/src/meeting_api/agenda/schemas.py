import uuid
from datetime import datetime
from typing import Any

from pydantic import BaseModel, ConfigDict, Field

from meeting_api.vocabulary import Note, body_label


class AgendaItemCreate(BaseModel):
    """Put a case on the agenda; case-api says whether the caller may see it and what its consent is."""

    model_config = ConfigDict(
        extra="forbid",
        json_schema_extra={
            "examples": [
                {
                    "case_id": "6a1e0c52-0000-4000-8000-000000000001",
                    "note": "長男との接触方法と役割分担を検討",
                }
            ]
        },
    )

    case_id: uuid.UUID
    note: Note | None = None


class RecommendationRead(BaseModel):
    """case-api's recommended body when the case was put on the agenda."""

    body: str | None
    body_label: str | None
    reason: str | None
    effective_body: str | None = Field(description="The body that applies (a supervisor's override wins).")
    effective_body_label: str | None


class AgendaItemRead(BaseModel):
    id: uuid.UUID
    meeting_id: uuid.UUID
    position: int
    case_id: uuid.UUID
    case_title: str
    note: str | None
    consent_status: str = Field(description="The case's consent when it was put on the agenda.")
    recommendation: RecommendationRead
    added_by: str
    added_at: datetime

    @classmethod
    def of(cls, item: Any) -> "AgendaItemRead":
        return cls(
            id=item.id,
            meeting_id=item.meeting_id,
            position=item.position,
            case_id=item.case_id,
            case_title=item.case_title,
            note=item.note,
            consent_status=item.consent_status,
            recommendation=RecommendationRead(
                body=item.recommended_body,
                body_label=body_label(item.recommended_body) if item.recommended_body else None,
                reason=item.recommendation_reason,
                effective_body=item.effective_body,
                effective_body_label=body_label(item.effective_body) if item.effective_body else None,
            ),
            added_by=item.added_by,
            added_at=item.added_at,
        )


class MaterialRead(BaseModel):
    """The case summary as case-api gave it when the case was put on the agenda (a snapshot)."""

    agenda_item_id: uuid.UUID
    meeting_id: uuid.UUID
    case_id: uuid.UUID
    captured_at: datetime
    captured_by: str
    case: dict[str, Any] = Field(description="title, area, status, lead_username, risk_flags.")
    consent_status: str
    recommendation: dict[str, Any] | None
