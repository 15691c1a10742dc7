import uuid
from datetime import datetime, time

from sqlalchemy import CheckConstraint, Column, DateTime, ForeignKey, Index, Time, Uuid, func, text
from sqlmodel import Field, SQLModel

# Mirrors of the StrEnums in schemas.py as CHECKs: a row written by hand still cannot hold
# a type or role the code does not know.
BODY_TYPES = (
    "shien_chousei",
    "juusou",
    "shien",
    "case_conference",
    "coordinators",
    "first_tier",
    "popup",
    "chiiki_care",
    "youhogo",
    "jiritsu_shien",
)
MEMBER_KINDS = ("staff", "agency")
MEMBER_ROLES = ("chair", "member", "secretariat")


def _in(column: str, values: tuple[str, ...]) -> str:
    return f"{column} IN ({', '.join(repr(v) for v in values)})"


class MeetingBody(SQLModel, table=True):
    """会議体: a standing meeting body with its default recurrence (RFC 5545 RRULE)."""

    __tablename__ = "meeting_body"
    __table_args__ = (
        CheckConstraint(_in("type", BODY_TYPES), name="type"),
        CheckConstraint(
            "default_duration_minutes IS NULL OR default_duration_minutes BETWEEN 5 AND 1440",
            name="default_duration",
        ),
    )

    id: uuid.UUID = Field(default_factory=uuid.uuid4, primary_key=True)
    name: str = Field(max_length=200)
    type: str = Field(max_length=30)
    area: str | None = Field(default=None, max_length=30)
    default_rrule: str | None = Field(default=None, max_length=500)
    default_start_time: time | None = Field(default=None, sa_column=Column(Time, nullable=True))
    default_duration_minutes: int | None = None
    place: str | None = Field(default=None, max_length=200)
    active: bool = True
    # Bumped on every change; it is the ETag (If-Match, 412).
    version: int = 1
    created_by: str = Field(max_length=100)
    created_at: datetime = Field(
        sa_column=Column(DateTime(timezone=True), nullable=False, server_default=func.now())
    )
    updated_at: datetime = Field(
        sa_column=Column(
            DateTime(timezone=True), nullable=False, server_default=func.now(), onupdate=func.now()
        )
    )


class BodyMember(SQLModel, table=True):
    """構成員: a staff user or an agency contact; 支援会議 members confirm 守秘義務 once.

    Removal keeps the row (removed_at), so who was a member and who confirmed stays on record.
    """

    __tablename__ = "body_member"
    __table_args__ = (
        Index(
            "uq_body_member_active_username",
            "body_id",
            "username",
            unique=True,
            postgresql_where=text("removed_at IS NULL AND username IS NOT NULL"),
        ),
        Index("ix_body_member_username", "username"),
        CheckConstraint(_in("kind", MEMBER_KINDS), name="kind"),
        CheckConstraint(_in("role", MEMBER_ROLES), name="role"),
        CheckConstraint("kind <> 'staff' OR username IS NOT NULL", name="staff_has_username"),
        CheckConstraint(
            "kind <> 'agency' OR (agency_id IS NOT NULL AND name IS NOT NULL)", name="agency_contact_named"
        ),
        CheckConstraint(
            "(confidentiality_confirmed_at IS NULL) = (confidentiality_confirmed_by IS NULL)",
            name="confirmation_has_author",
        ),
    )

    id: uuid.UUID = Field(default_factory=uuid.uuid4, primary_key=True)
    body_id: uuid.UUID = Field(sa_column=Column(Uuid, ForeignKey("meeting_body.id"), nullable=False))
    kind: str = Field(max_length=10)
    # The login of a staff member, or of an agency contact who has one (then they sign in).
    username: str | None = Field(default=None, max_length=100)
    agency_id: str | None = Field(default=None, max_length=100)
    name: str | None = Field(default=None, max_length=200)
    role: str = Field(default="member", max_length=20)
    confidentiality_confirmed_at: datetime | None = Field(
        default=None, sa_column=Column(DateTime(timezone=True), nullable=True)
    )
    # The member themself, or the secretariat recording a paper confirmation of a contact.
    confidentiality_confirmed_by: str | None = Field(default=None, max_length=100)
    added_by: str = Field(max_length=100)
    added_at: datetime = Field(
        sa_column=Column(DateTime(timezone=True), nullable=False, server_default=func.now())
    )
    removed_by: str | None = Field(default=None, max_length=100)
    removed_at: datetime | None = Field(
        default=None, sa_column=Column(DateTime(timezone=True), nullable=True)
    )
