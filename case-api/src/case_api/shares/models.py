import uuid
from datetime import datetime

from sqlalchemy import CheckConstraint, Column, DateTime, ForeignKey, Index, Text, Uuid, text
from sqlmodel import Field, SQLModel


class CaseShare(SQLModel, table=True):
    """共有: a grant that lets one user, or every member of one agency, see a case."""

    __tablename__ = "case_share"
    __table_args__ = (
        # One active grant per grantee; revoked ones stay as the record of who could see what.
        Index(
            "uq_case_share_active",
            "case_id",
            "grantee_kind",
            "grantee",
            unique=True,
            postgresql_where=text("revoked_at IS NULL"),
        ),
        # Lists ask "which cases are shared with me": grantee first.
        Index(
            "ix_case_share_grantee",
            "grantee_kind",
            "grantee",
            "case_id",
            postgresql_where=text("revoked_at IS NULL"),
        ),
        CheckConstraint("grantee_kind IN ('user', 'agency')", name="grantee_kind"),
        CheckConstraint("(revoked_at IS NULL) = (revoked_by IS NULL)", name="revoked_with_who"),
    )

    id: uuid.UUID = Field(default_factory=uuid.uuid4, primary_key=True)
    case_id: uuid.UUID = Field(sa_column=Column(Uuid, ForeignKey("support_case.id"), nullable=False))
    grantee_kind: str = Field(max_length=10)
    # A username, or an agency id as the token's agency_id claim carries it.
    grantee: str = Field(max_length=100)
    granted_by: str = Field(max_length=100)
    granted_at: datetime = Field(sa_column=Column(DateTime(timezone=True), nullable=False))
    revoked_at: datetime | None = Field(default=None, sa_column=Column(DateTime(timezone=True)))
    revoked_by: str | None = Field(default=None, max_length=100)
    reason: str | None = Field(default=None, sa_column=Column(Text, nullable=True))
