import uuid
from datetime import date, datetime
from typing import Literal

from pydantic import BaseModel, ConfigDict, Field

Section = Literal["persons", "cases", "consultations"]


class PersonHit(BaseModel):
    id: uuid.UUID
    name: str
    name_kana: str | None
    birth_date: date | None
    area: str | None
    cases: list[uuid.UUID] = Field(description="The person's cases the caller may see.")


class CaseHit(BaseModel):
    id: uuid.UUID
    title: str
    area: str
    status: str
    lead_username: str | None


class ConsultationHit(BaseModel):
    id: uuid.UUID
    received_at: datetime
    channel: str
    area: str
    status: str
    person_name: str | None
    urgent: bool


class SearchResults(BaseModel):
    """What one search box finds across the services, each section as that service allows the caller."""

    model_config = ConfigDict(
        json_schema_extra={
            "examples": [
                {
                    "q": "やまだ",
                    "persons": [
                        {
                            "id": "5d7c1c9e-2f4b-4c1a-9f0e-7b6a5c4d3e2f",
                            "name": "山田 太郎",
                            "name_kana": "ヤマダ タロウ",
                            "birth_date": "1950-04-01",
                            "area": "higashi",
                            "cases": [],
                        }
                    ],
                    "cases": [],
                    "consultations": [],
                    "unavailable": [],
                }
            ]
        }
    )

    q: str
    persons: list[PersonHit]
    cases: list[CaseHit]
    consultations: list[ConsultationHit]
    unavailable: list[Section] = Field(description="Sections whose service did not answer in time.")
