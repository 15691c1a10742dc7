import uuid
from datetime import datetime
from typing import Annotated, Literal

from pydantic import AwareDatetime, BaseModel, ConfigDict, Field, StringConstraints

from case_api.cases.schemas import AreaCode, CaseTitle, Username
from case_api.households.schemas import HouseholdName, Relationship
from case_api.persons.schemas import Address, BirthDate, Kana, PersonName, Phone, Sex


class IntakeMember(BaseModel):
    """A member as chosen at triage: an existing person (from the match candidates) or a new one."""

    model_config = ConfigDict(extra="forbid")

    person_id: uuid.UUID | None = None
    name: PersonName | None = None
    name_kana: Kana | None = None
    birth_date: BirthDate | None = None
    sex: Sex | None = None
    address: Address | None = None
    phone: Phone | None = None
    relationship: Relationship
    is_primary: bool = False


class IntakeFacts(BaseModel):
    model_config = ConfigDict(extra="forbid")

    received_at: AwareDatetime
    channel: Annotated[str, StringConstraints(max_length=30)]
    summary: Annotated[str, StringConstraints(min_length=1, max_length=4000)]


class CaseFromIntake(BaseModel):
    """What intake-api sends (through its outbox) when triage decides on a new case."""

    model_config = ConfigDict(extra="forbid")

    consultation_id: uuid.UUID
    opened_by: Username = Field(description="The staff member who triaged.")
    area: AreaCode
    title: CaseTitle
    lead_username: Username | None = None
    household_name: HouseholdName | None = None
    members: list[IntakeMember] = Field(min_length=1, max_length=20)
    consent: Literal["given", "refused", "not_asked"] = "not_asked"
    intake: IntakeFacts


class CaseOpened(BaseModel):
    id: uuid.UUID
    household_id: uuid.UUID
    created: bool = Field(description="False when this consultation's case already existed.")
    opened_at: datetime


class ReportFollowUp(BaseModel):
    """An anonymous reporter wrote again after triage: the case's lead is to be told."""

    model_config = ConfigDict(extra="forbid")

    consultation_id: uuid.UUID
    received_at: AwareDatetime
