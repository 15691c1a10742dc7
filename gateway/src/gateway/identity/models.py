import uuid
from datetime import datetime

from sqlalchemy import ARRAY, CheckConstraint, Column, DateTime, ForeignKey, String, Text, event, func, text
from sqlmodel import Field, SQLModel

from tsunagu_services.japanese import search_key


def user_search_text(display_name: str, display_kana: str | None, username: str) -> str:
    """What the directory search matches: name, kana and username, folded as search keys are."""
    return " ".join(search_key(part) for part in (display_name, display_kana or "", username) if part)


STAFF_ROLES = ("admin", "supervisor", "csw", "sc", "agency")
CLIENT_KINDS = ("system", "service")


class Area(SQLModel, table=True):
    """日常生活圏域: a daily-life area (東・西・南・北 in the demo)."""

    __tablename__ = "area"

    code: str = Field(primary_key=True, max_length=30)
    name: str = Field(max_length=50)
    sort_order: int = 0
    # Residents (住民基本台帳), for the statistics' rates per 100,000; None: not set.
    population: int | None = None
    version: int = 1


class StaffUser(SQLModel, table=True):
    """A person who signs in: desk staff, supervisors, coordinators, partner-agency members."""

    __tablename__ = "staff_user"
    __table_args__ = (CheckConstraint(f"role IN {STAFF_ROLES}", name="role"),)

    id: uuid.UUID = Field(default_factory=uuid.uuid4, primary_key=True)
    username: str = Field(max_length=100, unique=True)
    display_name: str = Field(max_length=200)
    display_kana: str | None = Field(default=None, max_length=200)
    # search_key(display name, kana, username): what the directory's search matches (kept by repository).
    search_text: str = Field(default="", sa_column=Column(Text, nullable=False, server_default=""))
    role: str = Field(max_length=20)
    area: str | None = Field(default=None, sa_column=Column(String(30), ForeignKey("area.code")))
    # case-api's agency id; the gateway only carries it into tokens.
    agency_id: str | None = Field(default=None, max_length=36)
    password_hash: str = Field(sa_column=Column(Text, nullable=False))
    active: bool = True
    version: int = 1
    created_at: datetime = Field(
        sa_column=Column(DateTime(timezone=True), nullable=False, server_default=func.now())
    )


@event.listens_for(StaffUser, "before_insert")
@event.listens_for(StaffUser, "before_update")
def _keep_search_text(mapper: object, connection: object, user: StaffUser) -> None:
    """Rows written through the ORM keep their search key (Core upserts compute it themselves)."""
    user.search_text = user_search_text(user.display_name, user.display_kana, user.username)


class ApiClient(SQLModel, table=True):
    """A system or service that gets tokens with client credentials."""

    __tablename__ = "api_client"
    __table_args__ = (CheckConstraint(f"kind IN {CLIENT_KINDS}", name="kind"),)

    client_id: str = Field(primary_key=True, max_length=100)
    display_name: str = Field(max_length=200)
    secret_hash: str = Field(sa_column=Column(Text, nullable=False))
    scopes: list[str] = Field(
        default_factory=list, sa_column=Column(ARRAY(Text), nullable=False, server_default=text("'{}'"))
    )
    kind: str = Field(max_length=20)
    active: bool = True
