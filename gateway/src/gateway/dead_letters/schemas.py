from datetime import datetime

from pydantic import BaseModel, Field


class DeadLetter(BaseModel):
    """A delivery between services that the receiver refused, and what a person did about it."""

    service: str = Field(description="The service that sent it (and holds it).")
    id: int
    kind: str = Field(
        description="safety_check_request, case_from_triage, decision_actions, decision_record …"
    )
    link: str | None = Field(description="The SPA path of what it came from (a consultation, a case).")
    destination: str
    path: str
    attempts: int
    last_status: int | None = Field(description="The receiver's answer (e.g. 422).")
    problem_type: str | None
    problem_title: str | None
    fields: list[str] = Field(description="The fields the receiver refused, by name (never their values).")
    created_at: datetime
    failed_at: datetime | None = Field(description="None once retried: it waits to be sent again.")
    retried_at: datetime | None
    retried_by: str | None
    resolved_at: datetime | None
    resolved_by: str | None
    resolution: str | None


class DeadLetterList(BaseModel):
    total: int
    items: list[DeadLetter]
    unavailable: list[str] = Field(description="Services that did not answer; the rest still shows.")
