"""persons and households, with trigram search keys

Revision ID: case_0002_persons
Revises: case_0001
Create Date: 2026-11-26 16:00
"""

import sqlalchemy as sa
from alembic import op

revision = "case_0002_persons"
down_revision = "case_0001"
branch_labels = None
depends_on = None


def upgrade() -> None:
    # Trigram indexes for kana/kanji/width-insensitive person search (keys are folded on save).
    op.execute("CREATE EXTENSION IF NOT EXISTS pg_trgm")
    op.create_table(
        "person",
        sa.Column("id", sa.Uuid(), nullable=False),
        sa.Column("name", sa.String(200), nullable=False),
        sa.Column("name_kana", sa.String(200), nullable=True),
        sa.Column("birth_date", sa.Date(), nullable=True),
        sa.Column("sex", sa.String(10), nullable=True),
        sa.Column("address", sa.String(300), nullable=True),
        sa.Column("phone", sa.String(30), nullable=True),
        sa.Column("phone_digits", sa.String(20), nullable=True),
        sa.Column("area", sa.String(30), nullable=True),
        sa.Column("name_key", sa.Text(), nullable=False),
        sa.Column("kana_key", sa.Text(), nullable=True),
        sa.Column("address_key", sa.Text(), nullable=True),
        sa.Column("created_at", sa.DateTime(timezone=True), server_default=sa.func.now(), nullable=False),
        sa.Column("updated_at", sa.DateTime(timezone=True), server_default=sa.func.now(), nullable=False),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.PrimaryKeyConstraint("id", name="pk_person"),
    )
    # fastupdate off: with a pending list every search would scan up to 4 MB of unsorted
    # entries per index; persons are added a few dozen a day, so inserts can afford the direct write.
    for column in ("name_key", "kana_key", "address_key"):
        op.create_index(
            f"ix_person_{column}",
            "person",
            [column],
            postgresql_using="gin",
            postgresql_ops={column: "gin_trgm_ops"},
            postgresql_with={"fastupdate": "off"},
        )
    op.create_index("ix_person_birth_date", "person", ["birth_date"])
    op.create_index("ix_person_phone_digits", "person", ["phone_digits"])

    op.create_table(
        "household",
        sa.Column("id", sa.Uuid(), nullable=False),
        sa.Column("name", sa.String(200), nullable=False),
        sa.Column("address", sa.String(300), nullable=True),
        sa.Column("area", sa.String(30), nullable=True),
        sa.Column("created_at", sa.DateTime(timezone=True), server_default=sa.func.now(), nullable=False),
        sa.Column("updated_at", sa.DateTime(timezone=True), server_default=sa.func.now(), nullable=False),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.PrimaryKeyConstraint("id", name="pk_household"),
    )
    op.create_table(
        "household_member",
        sa.Column("id", sa.Uuid(), nullable=False),
        sa.Column("household_id", sa.Uuid(), nullable=False),
        sa.Column("person_id", sa.Uuid(), nullable=False),
        sa.Column("relationship", sa.String(30), nullable=False),
        sa.Column("is_primary", sa.Boolean(), nullable=False),
        sa.Column("note", sa.String(500), nullable=True),
        sa.Column("position", sa.Integer(), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), server_default=sa.func.now(), nullable=False),
        sa.PrimaryKeyConstraint("id", name="pk_household_member"),
        sa.ForeignKeyConstraint(
            ["household_id"],
            ["household.id"],
            ondelete="CASCADE",
            name="fk_household_member_household_id_household",
        ),
        sa.ForeignKeyConstraint(["person_id"], ["person.id"], name="fk_household_member_person_id_person"),
        sa.UniqueConstraint("household_id", "person_id", name="uq_household_member_household_id"),
    )
    op.create_index("ix_household_member_person_id", "household_member", ["person_id"])
    op.create_index(
        "uq_household_member_primary",
        "household_member",
        ["household_id"],
        unique=True,
        postgresql_where=sa.text("is_primary"),
    )

    # support_case.household_id exists since case_0001 unchecked; it now points at a real household.
    # The household table was created empty just above, so any id already there points nowhere.
    op.execute("UPDATE support_case SET household_id = NULL WHERE household_id IS NOT NULL")
    op.create_foreign_key(
        "fk_support_case_household_id_household", "support_case", "household", ["household_id"], ["id"]
    )
    op.create_index("ix_support_case_household_id", "support_case", ["household_id"])


def downgrade() -> None:
    op.drop_index("ix_support_case_household_id", table_name="support_case")
    op.drop_constraint("fk_support_case_household_id_household", "support_case", type_="foreignkey")
    op.drop_index("uq_household_member_primary", table_name="household_member")
    op.drop_index("ix_household_member_person_id", table_name="household_member")
    op.drop_table("household_member")
    op.drop_table("household")
    for column in ("address_key", "kana_key", "name_key", "phone_digits", "birth_date"):
        op.drop_index(f"ix_person_{column}", table_name="person")
    op.drop_table("person")
    # pg_trgm stays: other objects of the database may use it, and it holds no data.
