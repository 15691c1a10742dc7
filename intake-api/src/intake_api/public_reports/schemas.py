from datetime import datetime
from typing import Annotated, Literal

from pydantic import BaseModel, ConfigDict, Field, StringConstraints

ReportText = Annotated[str, StringConstraints(min_length=1, max_length=2000, strip_whitespace=True)]


class ProofOfWork(BaseModel):
    model_config = ConfigDict(extra="forbid")

    challenge: Annotated[str, StringConstraints(min_length=10, max_length=200)]
    nonce: Annotated[str, StringConstraints(min_length=1, max_length=64)]


class ChallengeRead(BaseModel):
    challenge: str
    difficulty: int
    expires_at: int = Field(description="Unix time.")


class ReportCreate(BaseModel):
    """What a citizen tells us. Nothing about the reporter is asked or kept."""

    model_config = ConfigDict(
        extra="forbid",
        json_schema_extra={
            "examples": [
                {
                    "text": "市立図書館で毎日、高齢の男性が一日中座っています。同じ服のままで心配です。",
                    "place": "市立図書館",
                    "when": "ここ2週間ほど毎日",
                    "website": "",
                    # From GET /api/v1/public/challenge, solved (this one has long expired).
                    "proof": {
                        "challenge": "1796000000.18.Zm9yLWRvY3MtMTIz.a2V5ZWQtc2lnbmF0dXJlLTEy",
                        "nonce": "48213",
                    },
                }
            ]
        },
    )

    text: ReportText
    place: Annotated[str, StringConstraints(max_length=200, strip_whitespace=True)] | None = None
    when: Annotated[str, StringConstraints(max_length=100, strip_whitespace=True)] | None = None
    # Honeypot: hidden from people; a filled one means a bot.
    website: Annotated[str, StringConstraints(max_length=200)] = ""
    proof: ProofOfWork


class MessageCreate(BaseModel):
    model_config = ConfigDict(extra="forbid")

    text: ReportText
    website: Annotated[str, StringConstraints(max_length=200)] = ""
    proof: ProofOfWork


class ReceiptRead(BaseModel):
    receipt_code: str = Field(description="Shown once; keep it to add information later.")
    received_at: datetime


class ReporterMessage(BaseModel):
    created_at: datetime
    text: str


class ReportStatus(BaseModel):
    """What the reporter may see: that we received it and are dealing with it, and their own words."""

    received_at: datetime
    status: Literal["received", "in_progress"]
    text: str
    messages: list[ReporterMessage]
