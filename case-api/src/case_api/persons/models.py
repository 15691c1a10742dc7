import uuid
from datetime import date, datetime

from sqlalchemy import Column, Date, DateTime, Index, Text, func
from sqlmodel import Field, SQLModel


class Person(SQLModel, table=True):
    """対象者: one person, identified by 氏名・フリガナ・生年月日・住所・電話 (never case content)."""

    __tablename__ = "person"
    __table_args__ = (
        # Trigram indexes serve contains, prefix (LIKE 'x%') and similarity (%) alike; no pending
        # list (fastupdate off), so a search never scans unsorted entries.
        Index(
            "ix_person_name_key",
            "name_key",
            postgresql_using="gin",
            postgresql_ops={"name_key": "gin_trgm_ops"},
            postgresql_with={"fastupdate": "off"},
        ),
        Index(
            "ix_person_kana_key",
            "kana_key",
            postgresql_using="gin",
            postgresql_ops={"kana_key": "gin_trgm_ops"},
            postgresql_with={"fastupdate": "off"},
        ),
        Index(
            "ix_person_address_key",
            "address_key",
            postgresql_using="gin",
            postgresql_ops={"address_key": "gin_trgm_ops"},
            postgresql_with={"fastupdate": "off"},
        ),
        Index("ix_person_birth_date", "birth_date"),
        Index("ix_person_phone_digits", "phone_digits"),
    )

    id: uuid.UUID = Field(default_factory=uuid.uuid4, primary_key=True)
    name: str = Field(max_length=200)
    name_kana: str | None = Field(default=None, max_length=200)
    birth_date: date | None = Field(default=None, sa_column=Column(Date, nullable=True))
    sex: str | None = Field(default=None, max_length=10)
    address: str | None = Field(default=None, max_length=300)
    phone: str | None = Field(default=None, max_length=30)
    phone_digits: str | None = Field(default=None, max_length=20)
    area: str | None = Field(default=None, max_length=30)
    # Derived on save by the service (rules.person_key); clients never send them.
    name_key: str = Field(sa_column=Column(Text, nullable=False))
    kana_key: str | None = Field(default=None, sa_column=Column(Text, nullable=True))
    address_key: str | None = Field(default=None, sa_column=Column(Text, nullable=True))
    created_at: datetime = Field(
        sa_column=Column(DateTime(timezone=True), nullable=False, server_default=func.now())
    )
    updated_at: datetime = Field(
        sa_column=Column(
            DateTime(timezone=True), nullable=False, server_default=func.now(), onupdate=func.now()
        )
    )
    version: int = Field(default=1)
