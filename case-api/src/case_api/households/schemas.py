import uuid
from datetime import datetime
from enum import StrEnum
from typing import Annotated, Self

from pydantic import AfterValidator, BaseModel, ConfigDict, Field, StringConstraints, model_validator

from case_api.persons.schemas import Address, AreaCode, PersonCreate, PersonRead
from tsunagu_services.japanese import folded_length
from tsunagu_services.problems import Conflict, NotFound

MAX_MEMBERS = 20


class HouseholdNotFound(NotFound):
    type = "/problems/household-not-found"
    title = "世帯が見つかりません。"


class MemberNotFound(NotFound):
    type = "/problems/member-not-found"
    title = "この人は世帯の一員ではありません。"


class AlreadyMember(Conflict):
    type = "/problems/already-member"
    title = "この人はすでに世帯の一員です。"


class PrimaryMemberExists(Conflict):
    type = "/problems/primary-member-exists"
    title = "主たる対象者はすでに決まっています。"


class HouseholdFull(Conflict):
    type = "/problems/household-full"
    title = f"世帯の人数は{MAX_MEMBERS}人までです。"


class LastMember(Conflict):
    type = "/problems/last-member"
    title = "世帯の最後の一人は外せません。"


class Relationship(StrEnum):
    """続柄: the member's relationship to the person at the household's centre (本人)."""

    self = "self"  # 本人
    parent = "parent"  # 親
    child = "child"  # 子
    spouse = "spouse"  # 配偶者
    sibling = "sibling"  # きょうだい
    grandparent = "grandparent"  # 祖父母
    grandchild = "grandchild"  # 孫
    other_relative = "other_relative"  # その他の親族
    cohabitant = "cohabitant"  # 同居人


HouseholdName = Annotated[str, StringConstraints(max_length=400), AfterValidator(folded_length(200))]
Note = Annotated[str, StringConstraints(max_length=1000), AfterValidator(folded_length(500))]


class MemberCreate(BaseModel):
    """A member: a new person written inline (the usual path at the desk) or one found by search."""

    model_config = ConfigDict(extra="forbid")

    person: PersonCreate | None = Field(default=None, description="A new person; or give person_id.")
    person_id: uuid.UUID | None = Field(default=None, description="An existing person, from search.")
    relationship: Relationship
    is_primary: bool = Field(default=False, description="The person the consultation is mainly about.")
    note: Note | None = None

    @model_validator(mode="after")
    def _one_person(self) -> Self:
        if (self.person is None) == (self.person_id is None):
            raise ValueError("give either person or person_id")
        return self


class HouseholdCreate(BaseModel):
    """A household with its members, written in one go."""

    model_config = ConfigDict(
        extra="forbid",
        json_schema_extra={
            "examples": [
                {
                    "name": "小金井さん世帯",
                    "address": "東京都小金井市本町6-6-3",
                    "area": "higashi",
                    "members": [
                        {
                            "person": {
                                "name": "小金井 花子",
                                "name_kana": "コガネイ ハナコ",
                                "birth_date": "1944-05-02",
                                "sex": "female",
                            },
                            "relationship": "parent",
                        },
                        {
                            "person": {
                                "name": "小金井 一郎",
                                "name_kana": "コガネイ イチロウ",
                                "birth_date": "1973-08-15",
                                "sex": "male",
                            },
                            "relationship": "self",
                            "is_primary": True,
                            "note": "長くひきこもっている様子",
                        },
                    ],
                }
            ]
        },
    )

    name: HouseholdName = Field(description="e.g. 小金井さん世帯")
    address: Address | None = None
    area: AreaCode | None = None
    members: list[MemberCreate] = Field(min_length=1, max_length=MAX_MEMBERS)

    @model_validator(mode="after")
    def _members(self) -> Self:
        if sum(m.is_primary for m in self.members) > 1:
            raise ValueError("at most one member is_primary")
        ids = [m.person_id for m in self.members if m.person_id is not None]
        if len(set(ids)) != len(ids):
            raise ValueError("a person appears twice")
        return self


class MemberRead(BaseModel):
    person: PersonRead
    relationship: Relationship
    is_primary: bool
    note: str | None


class HouseholdRead(BaseModel):
    id: uuid.UUID
    name: str
    address: str | None
    area: str | None
    created_at: datetime
    updated_at: datetime
    version: int
    members: list[MemberRead] = Field(description="The primary member first, then in order of joining.")
