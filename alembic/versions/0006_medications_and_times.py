"""Medications and doses, the time of day of entries and events, and where a procedure was
given (issue 10).

Entries gain `time` ("HH:MM", null when not said); events gain `time`, `side` (left,
right, both) and `days` (a stimulator trial's length). New tables: `medications` (one row
per regimen: a medicine at one strength from a day until a day) and `doses` (one dose
taken). Existing rows are untouched: the new columns are null for them.

Revision ID: 0006
Revises: 0005
Create Date: 2026-12-02
"""

from __future__ import annotations

import sqlalchemy as sa

from alembic import op

revision = "0006"
down_revision = "0005"
branch_labels = None
depends_on = None

NEVER_REUSED = {"sqlite_autoincrement": True}


def upgrade() -> None:
    # Plain ADD COLUMN (nullable, no constraint): SQLite keeps the table, its rows and its
    # AUTOINCREMENT as they are.
    op.add_column("entries", sa.Column("time", sa.String(length=5), nullable=True))
    op.add_column("events", sa.Column("time", sa.String(length=5), nullable=True))
    op.add_column("events", sa.Column("side", sa.String(length=8), nullable=True))
    op.add_column("events", sa.Column("days", sa.Integer(), nullable=True))
    op.create_table(
        "medications",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("name", sa.String(length=60), nullable=False),
        sa.Column("ingredient", sa.String(length=60), nullable=False),
        sa.Column("strength", sa.Float(), nullable=False),
        sa.Column("unit", sa.String(length=8), nullable=False),
        sa.Column("as_needed", sa.Integer(), nullable=False),
        sa.Column("schedule", sa.String(length=200), nullable=True),
        sa.Column("started", sa.Date(), nullable=False),
        sa.Column("stopped", sa.Date(), nullable=True),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.Column("import_key", sa.String(length=64), nullable=True),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_medications")),
        **NEVER_REUSED,
    )
    op.create_index(op.f("ix_medications_ingredient"), "medications", ["ingredient"])
    op.create_index(op.f("ix_medications_import_key"), "medications", ["import_key"], unique=True)
    op.create_table(
        "doses",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("medication_id", sa.Integer(), nullable=False),
        sa.Column("day", sa.Date(), nullable=False),
        sa.Column("time", sa.String(length=5), nullable=True),
        sa.Column("amount", sa.Float(), nullable=False),
        sa.Column("logged_at", sa.DateTime(), nullable=False),
        sa.Column("import_key", sa.String(length=64), nullable=True),
        sa.ForeignKeyConstraint(
            ["medication_id"], ["medications.id"], name=op.f("fk_doses_medication_id_medications")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_doses")),
        **NEVER_REUSED,
    )
    op.create_index(op.f("ix_doses_medication_id"), "doses", ["medication_id"])
    op.create_index(op.f("ix_doses_day"), "doses", ["day"])
    op.create_index(op.f("ix_doses_import_key"), "doses", ["import_key"], unique=True)


def downgrade() -> None:
    op.drop_table("doses")
    op.drop_table("medications")
    # SQLite rebuilds the tables to drop a column: keep their AUTOINCREMENT.
    kwargs = NEVER_REUSED if op.get_bind().dialect.name == "sqlite" else {}
    with op.batch_alter_table("events", table_kwargs=kwargs) as batch:
        batch.drop_column("days")
        batch.drop_column("side")
        batch.drop_column("time")
    with op.batch_alter_table("entries", table_kwargs=kwargs) as batch:
        batch.drop_column("time")
