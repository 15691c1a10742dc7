import uuid
from typing import Annotated, Literal

from pydantic import AfterValidator, BaseModel, ConfigDict, Field, StringConstraints

from tsunagu_services.japanese import folded_length

Role = Literal["admin", "supervisor", "csw", "sc", "agency"]
Username = Annotated[str, StringConstraints(pattern=r"^[A-Za-z0-9][A-Za-z0-9._@-]{0,99}$")]
AreaCode = Annotated[str, StringConstraints(pattern=r"^[a-z0-9][a-z0-9-]{0,29}$")]
PersonName = Annotated[str, AfterValidator(folded_length(200))]
AreaName = Annotated[str, AfterValidator(folded_length(50))]
AgencyId = Annotated[
    str, StringConstraints(pattern=r"^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$")
]
Password = Annotated[str, StringConstraints(min_length=12, max_length=200)]

HIGASHI = {"code": "higashi", "name": "東", "sort_order": 1, "population": 33000, "version": 1}
HANAKO = {
    "id": "3f6c2a7e-4b1d-5e8f-9a0b-1c2d3e4f5a6b",
    "username": "csw-higashi",
    "display_name": "東 花子",
    "display_kana": "ひがし はなこ",
    "role": "csw",
    "area": "higashi",
    "agency_id": None,
    "active": True,
    "version": 1,
}


class AreaRead(BaseModel):
    """A daily-life area as the SPA lists it."""

    model_config = ConfigDict(from_attributes=True, json_schema_extra={"examples": [HIGASHI]})

    code: str
    name: str
    sort_order: int
    population: int | None = Field(description="Residents, for the rates per 100,000 (null: not set).")
    version: int = Field(description='For If-Match when changing it (its ETag is `"<version>"`).')


class AreaCreate(BaseModel):
    model_config = ConfigDict(
        extra="forbid", json_schema_extra={"examples": [{"code": "chuo", "name": "中央"}]}
    )

    code: AreaCode
    name: AreaName
    sort_order: int = Field(default=0, ge=0, le=10_000)
    population: int | None = Field(default=None, ge=1, le=50_000_000)


class AreaUpdate(BaseModel):
    model_config = ConfigDict(extra="forbid", json_schema_extra={"examples": [{"name": "東部"}]})

    name: AreaName | None = None
    sort_order: int | None = Field(default=None, ge=0, le=10_000)
    population: int | None = Field(default=None, ge=1, le=50_000_000, description="null: not set.")


class UserRead(BaseModel):
    """A member of staff in the directory (職員名簿)."""

    model_config = ConfigDict(from_attributes=True, json_schema_extra={"examples": [HANAKO]})

    id: uuid.UUID
    username: str
    display_name: str
    display_kana: str | None
    role: Role
    area: str | None
    agency_id: str | None
    active: bool
    version: int


class UserPage(BaseModel):
    model_config = ConfigDict(json_schema_extra={"examples": [{"items": [HANAKO], "total": 1}]})

    items: list[UserRead]
    total: int


class UserName(BaseModel):
    """Who a username is, for showing a name where a record keeps the username."""

    model_config = ConfigDict(
        from_attributes=True,
        json_schema_extra={
            "examples": [{"username": "csw-higashi", "display_name": "東 花子", "active": True}]
        },
    )

    username: str
    display_name: str
    active: bool


class UserCreate(BaseModel):
    """A new member of staff (administrators). Agency members need their agency; CSWs their area."""

    model_config = ConfigDict(
        extra="forbid",
        json_schema_extra={
            "examples": [
                {
                    "username": "csw-chuo",
                    "display_name": "中央 次郎",
                    "display_kana": "ちゅうおう じろう",
                    "role": "csw",
                    "area": "higashi",
                    "password": "hajime-no-pasuwaado-1",
                }
            ]
        },
    )

    username: Username
    display_name: PersonName
    display_kana: PersonName | None = None
    role: Role
    area: AreaCode | None = None
    agency_id: AgencyId | None = None
    password: Password


class UserUpdate(BaseModel):
    """Changes to a member of staff (administrators; If-Match). `active: false` ends their sessions."""

    model_config = ConfigDict(
        extra="forbid", json_schema_extra={"examples": [{"display_kana": "ひがし はなこ"}, {"active": False}]}
    )

    display_name: PersonName | None = None
    display_kana: PersonName | None = None
    role: Role | None = None
    area: AreaCode | None = None
    agency_id: AgencyId | None = None
    active: bool | None = None


class PasswordReset(BaseModel):
    model_config = ConfigDict(
        extra="forbid", json_schema_extra={"examples": [{"password": "atarashii-pasu-2026"}]}
    )

    password: Password
