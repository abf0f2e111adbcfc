"""What provokes it, the weekly check, and the pain before surgery (issues 9 and 14).

Entries gain `woke` (times woken by pain last night); what made the pain worse or eased it
is stored as entry terms (kinds `worse_with`, `better_with`), which need no new column.
Weekly checks get their own table, one per ISO week, with the patient's goals and clinic
scores beside it; a surgery's pain before the operation gets two tables keyed by the
surgery's event id. Existing rows are untouched: old entries simply have no answers.

Revision ID: 0003
Revises: 0002
Create Date: 2026-12-01
"""

from __future__ import annotations

import sqlalchemy as sa

from alembic import op

revision = "0003"
down_revision = "0002"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("entries") as batch:
        batch.add_column(sa.Column("woke", sa.Integer(), nullable=True))
    op.create_table(
        "weekly_checks",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("day", sa.Date(), nullable=False),
        sa.Column("week", sa.String(length=8), nullable=False),
        sa.Column("logged_at", sa.DateTime(), nullable=False),
        sa.Column("interference", sa.Integer(), nullable=True),
        sa.Column("sleep_interference", sa.Integer(), nullable=True),
        sa.Column("walk_minutes", sa.Integer(), nullable=True),
        sa.Column("sit_minutes", sa.Integer(), nullable=True),
        sa.Column("stand_minutes", sa.Integer(), nullable=True),
        sa.Column("heel_walk", sa.String(length=16), nullable=True),
        sa.Column("toe_walk", sa.String(length=16), nullable=True),
        sa.Column("tripping", sa.String(length=16), nullable=True),
        sa.Column("work", sa.String(length=16), nullable=True),
        sa.Column("change", sa.String(length=24), nullable=True),
        sa.Column("same_as_before", sa.String(length=16), nullable=True),
        sa.Column("import_key", sa.String(length=64), nullable=True),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_weekly_checks")),
        sa.UniqueConstraint("week", name=op.f("uq_weekly_checks_week")),
    )
    op.create_index(op.f("ix_weekly_checks_day"), "weekly_checks", ["day"], unique=False)
    op.create_index(
        op.f("ix_weekly_checks_import_key"), "weekly_checks", ["import_key"], unique=True
    )
    for table, name_length, value in (
        ("weekly_goals", 60, sa.Column("score", sa.Integer(), nullable=False)),
        ("weekly_clinic_scores", 16, sa.Column("value", sa.Float(), nullable=False)),
    ):
        op.create_table(
            table,
            sa.Column("id", sa.Integer(), nullable=False),
            sa.Column("check_id", sa.Integer(), nullable=False),
            sa.Column("name", sa.String(length=name_length), nullable=False),
            value,
            sa.Column("position", sa.Integer(), nullable=False),
            sa.ForeignKeyConstraint(
                ["check_id"],
                ["weekly_checks.id"],
                name=op.f(f"fk_{table}_check_id_weekly_checks"),
                ondelete="CASCADE",
            ),
            sa.PrimaryKeyConstraint("id", name=op.f(f"pk_{table}")),
            sa.UniqueConstraint("check_id", "name", name=op.f(f"uq_{table}_check_id_name")),
        )
        op.create_index(op.f(f"ix_{table}_check_id"), table, ["check_id"], unique=False)
    op.create_table(
        "surgery_before",
        sa.Column("event_id", sa.Integer(), nullable=False),
        sa.Column("pain", sa.Integer(), nullable=True),
        sa.Column("source", sa.String(length=16), nullable=True),
        sa.ForeignKeyConstraint(
            ["event_id"],
            ["events.id"],
            name=op.f("fk_surgery_before_event_id_events"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("event_id", name=op.f("pk_surgery_before")),
    )
    op.create_table(
        "surgery_before_sites",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("event_id", sa.Integer(), nullable=False),
        sa.Column("kind", sa.String(length=16), nullable=False),
        sa.Column("region", sa.String(length=32), nullable=False),
        sa.Column("intensity", sa.Integer(), nullable=True),
        sa.Column("position", sa.Integer(), nullable=False),
        sa.ForeignKeyConstraint(
            ["event_id"],
            ["events.id"],
            name=op.f("fk_surgery_before_sites_event_id_events"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_surgery_before_sites")),
        sa.UniqueConstraint(
            "event_id",
            "kind",
            "region",
            name=op.f("uq_surgery_before_sites_event_id_kind_region"),
        ),
    )
    op.create_index(
        op.f("ix_surgery_before_sites_event_id"),
        "surgery_before_sites",
        ["event_id"],
        unique=False,
    )


def downgrade() -> None:
    op.drop_index(op.f("ix_surgery_before_sites_event_id"), table_name="surgery_before_sites")
    op.drop_table("surgery_before_sites")
    op.drop_table("surgery_before")
    for table in ("weekly_clinic_scores", "weekly_goals"):
        op.drop_index(op.f(f"ix_{table}_check_id"), table_name=table)
        op.drop_table(table)
    op.drop_index(op.f("ix_weekly_checks_import_key"), table_name="weekly_checks")
    op.drop_index(op.f("ix_weekly_checks_day"), table_name="weekly_checks")
    op.drop_table("weekly_checks")
    with op.batch_alter_table("entries") as batch:
        batch.drop_column("woke")
    op.execute(
        "DELETE FROM entry_terms WHERE kind IN ('worse_with', 'better_with')"
    )  # kinds 0002 does not know
