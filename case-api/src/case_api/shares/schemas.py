import uuid
from datetime import datetime
from enum import StrEnum

from pydantic import (
    BaseModel,
    ConfigDict,
    Field,
    TypeAdapter,
    ValidationError,
    ValidationInfo,
    field_validator,
)

from case_api.cases.schemas import AgencyId, Reason, Username

_USERNAME: TypeAdapter[str] = TypeAdapter(Username)
_AGENCY: TypeAdapter[str] = TypeAdapter(AgencyId)


class GranteeKind(StrEnum):
    """共有先の種類."""

    user = "user"  # 職員・利用者個人 (username)
    agency = "agency"  # 関係機関 (every member of the agency; parts per consent scope)


class ShareCreate(BaseModel):
    """Share a case with one user (full view) or with an agency (summary, parts per consent)."""

    model_config = ConfigDict(
        extra="forbid",
        json_schema_extra={
            "examples": [
                {
                    "grantee_kind": "agency",
                    "grantee": "houkatsu-higashi",
                    "reason": "母の介護について役割分担するため。",
                }
            ]
        },
    )

    grantee_kind: GranteeKind
    grantee: str = Field(max_length=100, description="A username, or an agency id.")
    reason: Reason | None = None

    @field_validator("grantee")
    @classmethod
    def _grantee_shape(cls, value: str, info: ValidationInfo) -> str:
        # Spelled as the token spells it: a username, or the agency_id claim.
        adapter = _AGENCY if info.data.get("grantee_kind") is GranteeKind.agency else _USERNAME
        try:
            return adapter.validate_python(value)
        except ValidationError as exc:
            raise ValueError("not a username or agency id") from exc


class ShareRevoke(BaseModel):
    """Why the share ends (kept in the case's history)."""

    model_config = ConfigDict(extra="forbid")

    reason: Reason | None = None


class ShareRead(BaseModel):
    model_config = ConfigDict(from_attributes=True)

    id: uuid.UUID
    case_id: uuid.UUID
    grantee_kind: GranteeKind
    grantee: str
    granted_by: str
    granted_at: datetime
    revoked_at: datetime | None
    revoked_by: str | None
    reason: str | None
    active: bool


class ShareList(BaseModel):
    items: list[ShareRead]
