"""case core: status rules, risk flags, recommendation facts and override, closure, history, consent, sharing

Revision ID: case_0003_case_core
Revises: case_0002_persons
Create Date: 2026-11-26 16:10
"""

import sqlalchemy as sa
from alembic import op
from sqlalchemy.dialects import postgresql

revision = "case_0003_case_core"
down_revision = "case_0002_persons"
branch_labels = None
depends_on = None

# Frozen copies of the codes as of this revision (a migration must not change when the code does).
STATUSES = ("intake", "assessment", "planning", "supporting", "evaluation", "closed", "watching")
RISK_FLAGS = ("suicide_risk", "violence", "self_neglect", "visit_caution")
EXISTING_SYSTEMS = ("none", "seikatsu_konkyu", "kaigo", "jidou", "shougai", "other_system")
CLOSURE_REASONS = ("goal_met", "moved", "deceased", "transferred", "refused", "other")
BODIES = ("shien_chousei", "juusou", "shien", "chiiki_care", "youhogo", "jiritsu_shien")
CONSENT_STATUSES = ("given", "refused", "not_asked", "withdrawn")
CONSENT_METHODS = ("written", "verbal", "other")
CONSENT_PARTS = ("records", "plan", "consents", "safety_checks", "agencies")


def _in(column: str, values: tuple[str, ...]) -> str:
    return f"{column} IN ({', '.join(repr(v) for v in values)})"


def _array(values: tuple[str, ...]) -> str:
    return f"ARRAY[{', '.join(repr(v) for v in values)}]::varchar[]"


def upgrade() -> None:
    op.add_column(
        "support_case",
        sa.Column(
            "risk_flags",
            postgresql.ARRAY(sa.String(30)),
            nullable=False,
            server_default=sa.text("'{}'::varchar[]"),
        ),
    )
    op.add_column(
        "support_case", sa.Column("existing_system", sa.String(30), nullable=False, server_default="none")
    )
    op.add_column(
        "support_case", sa.Column("between_systems", sa.Boolean(), nullable=False, server_default=sa.false())
    )
    op.add_column(
        "support_case", sa.Column("difficult", sa.Boolean(), nullable=False, server_default=sa.false())
    )
    op.add_column("support_case", sa.Column("override_body", sa.String(30), nullable=True))
    op.add_column("support_case", sa.Column("override_reason", sa.Text(), nullable=True))
    op.add_column("support_case", sa.Column("override_by", sa.String(100), nullable=True))
    op.add_column("support_case", sa.Column("override_at", sa.DateTime(timezone=True), nullable=True))
    op.add_column("support_case", sa.Column("closure_reason", sa.String(30), nullable=True))
    op.add_column("support_case", sa.Column("closure_detail", sa.Text(), nullable=True))
    op.add_column("support_case", sa.Column("closure_decision_id", sa.Uuid(), nullable=True))
    op.add_column("support_case", sa.Column("closed_at", sa.DateTime(timezone=True), nullable=True))
    op.create_check_constraint("ck_support_case_status", "support_case", _in("status", STATUSES))
    op.create_check_constraint(
        "ck_support_case_risk_flags", "support_case", f"risk_flags <@ {_array(RISK_FLAGS)}"
    )
    op.create_check_constraint(
        "ck_support_case_existing_system", "support_case", _in("existing_system", EXISTING_SYSTEMS)
    )
    op.create_check_constraint(
        "ck_support_case_closure_reason",
        "support_case",
        f"closure_reason IS NULL OR {_in('closure_reason', CLOSURE_REASONS)}",
    )
    op.create_check_constraint(
        "ck_support_case_override_body",
        "support_case",
        f"override_body IS NULL OR {_in('override_body', BODIES)}",
    )
    # No earlier revision could close a case, so no existing row breaks this.
    op.create_check_constraint(
        "ck_support_case_closure_when_closed",
        "support_case",
        "(status = 'closed') = (closure_reason IS NOT NULL AND closed_at IS NOT NULL)",
    )
    op.create_index("ix_support_case_status", "support_case", ["status"])
    op.create_index("ix_support_case_risk_flags", "support_case", ["risk_flags"], postgresql_using="gin")

    op.create_table(
        "case_event",
        sa.Column("id", sa.Uuid(), nullable=False),
        sa.Column("case_id", sa.Uuid(), nullable=False),
        sa.Column("at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("actor", sa.String(100), nullable=False),
        sa.Column("kind", sa.String(40), nullable=False),
        sa.Column("before", postgresql.JSONB(), nullable=True),
        sa.Column("after", postgresql.JSONB(), nullable=True),
        sa.Column("reason", sa.Text(), nullable=True),
        sa.PrimaryKeyConstraint("id", name="pk_case_event"),
        sa.ForeignKeyConstraint(["case_id"], ["support_case.id"], name="fk_case_event_case_id_support_case"),
    )
    op.create_index("ix_case_event_case_id_at", "case_event", ["case_id", "at"])

    op.create_table(
        "consent",
        sa.Column("id", sa.Uuid(), nullable=False),
        sa.Column("case_id", sa.Uuid(), nullable=False),
        sa.Column("person_id", sa.Uuid(), nullable=True),
        sa.Column("status", sa.String(20), nullable=False),
        sa.Column("recorded_at", sa.Date(), nullable=False),
        sa.Column("method", sa.String(20), nullable=True),
        sa.Column(
            "scope_agencies",
            postgresql.ARRAY(sa.String(100)),
            nullable=False,
            server_default=sa.text("'{}'::varchar[]"),
        ),
        sa.Column(
            "scope_parts",
            postgresql.ARRAY(sa.String(20)),
            nullable=False,
            server_default=sa.text("'{}'::varchar[]"),
        ),
        sa.Column("note", sa.Text(), nullable=True),
        sa.Column("recorded_by", sa.String(100), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), server_default=sa.func.now(), nullable=False),
        sa.PrimaryKeyConstraint("id", name="pk_consent"),
        sa.ForeignKeyConstraint(["case_id"], ["support_case.id"], name="fk_consent_case_id_support_case"),
        sa.CheckConstraint(_in("status", CONSENT_STATUSES), name="ck_consent_status"),
        sa.CheckConstraint(f"method IS NULL OR {_in('method', CONSENT_METHODS)}", name="ck_consent_method"),
        sa.CheckConstraint(f"scope_parts <@ {_array(CONSENT_PARTS)}", name="ck_consent_scope_parts"),
        sa.CheckConstraint(
            "status = 'given' OR (cardinality(scope_agencies) = 0 AND cardinality(scope_parts) = 0)",
            name="ck_consent_scope_only_when_given",
        ),
    )
    op.create_index(
        "ix_consent_case_id_latest",
        "consent",
        ["case_id", sa.text("recorded_at DESC"), sa.text("created_at DESC")],
    )

    op.create_table(
        "case_share",
        sa.Column("id", sa.Uuid(), nullable=False),
        sa.Column("case_id", sa.Uuid(), nullable=False),
        sa.Column("grantee_kind", sa.String(10), nullable=False),
        sa.Column("grantee", sa.String(100), nullable=False),
        sa.Column("granted_by", sa.String(100), nullable=False),
        sa.Column("granted_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("revoked_at", sa.DateTime(timezone=True), nullable=True),
        sa.Column("revoked_by", sa.String(100), nullable=True),
        sa.Column("reason", sa.Text(), nullable=True),
        sa.PrimaryKeyConstraint("id", name="pk_case_share"),
        sa.ForeignKeyConstraint(["case_id"], ["support_case.id"], name="fk_case_share_case_id_support_case"),
        sa.CheckConstraint("grantee_kind IN ('user', 'agency')", name="ck_case_share_grantee_kind"),
        sa.CheckConstraint(
            "(revoked_at IS NULL) = (revoked_by IS NULL)", name="ck_case_share_revoked_with_who"
        ),
    )
    op.create_index(
        "uq_case_share_active",
        "case_share",
        ["case_id", "grantee_kind", "grantee"],
        unique=True,
        postgresql_where=sa.text("revoked_at IS NULL"),
    )
    op.create_index(
        "ix_case_share_grantee",
        "case_share",
        ["grantee_kind", "grantee", "case_id"],
        postgresql_where=sa.text("revoked_at IS NULL"),
    )


def downgrade() -> None:
    op.drop_index("ix_case_share_grantee", table_name="case_share")
    op.drop_index("uq_case_share_active", table_name="case_share")
    op.drop_table("case_share")
    op.drop_index("ix_consent_case_id_latest", table_name="consent")
    op.drop_table("consent")
    op.drop_index("ix_case_event_case_id_at", table_name="case_event")
    op.drop_table("case_event")
    op.drop_index("ix_support_case_risk_flags", table_name="support_case")
    op.drop_index("ix_support_case_status", table_name="support_case")
    for name in (
        "closure_when_closed",
        "override_body",
        "closure_reason",
        "existing_system",
        "risk_flags",
        "status",
    ):
        op.drop_constraint(f"ck_support_case_{name}", "support_case", type_="check")
    for column in (
        "closed_at",
        "closure_decision_id",
        "closure_detail",
        "closure_reason",
        "override_at",
        "override_by",
        "override_reason",
        "override_body",
        "difficult",
        "between_systems",
        "existing_system",
        "risk_flags",
    ):
        op.drop_column("support_case", column)
