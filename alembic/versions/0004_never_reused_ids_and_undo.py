"""Never-reused ids, deletions kept 30 days, and the undo journal.

Until now a deleted entry's id was given to the next entry (SQLite reuses the highest
rowid), so `tracker show 2` could show another entry than the one noted down. Every table
is rebuilt with AUTOINCREMENT (PostgreSQL's sequences never reuse a value: nothing to do
there but the new columns). Entries and events gain `deleted_at`: a deletion is kept,
recoverable, for 30 days. `changes` and `change_rows` hold what each command changed, so
that `tracker undo` can take it back.

Revision ID: 0004
Revises: 0003
Create Date: 2026-12-01
"""

from __future__ import annotations

import sqlalchemy as sa

from alembic import op

revision = "0004"
down_revision = "0003"
branch_labels = None
depends_on = None

NEVER_REUSED = {"sqlite_autoincrement": True}
_TABLES = (
    "entries",
    "entry_sites",
    "entry_terms",
    "events",
    "weekly_checks",
    "weekly_goals",
    "weekly_clinic_scores",
    "surgery_before_sites",
)  # surgery_before's id is its surgery's: it never had one of its own
_SOFT_DELETE = ("entries", "events")


def _batch(table: str, autoincrement: bool):  # type: ignore[no-untyped-def]
    if op.get_bind().dialect.name == "sqlite":
        # A rebuilt table keeps its rows and ids; AUTOINCREMENT then starts above the highest.
        kwargs = NEVER_REUSED if autoincrement else {}
        return op.batch_alter_table(table, recreate="always", table_kwargs=kwargs)
    return op.batch_alter_table(table)


def upgrade() -> None:
    for table in _TABLES:
        with _batch(table, autoincrement=True) as batch:
            if table in _SOFT_DELETE:
                batch.add_column(sa.Column("deleted_at", sa.DateTime(), nullable=True))
                batch.create_index(op.f(f"ix_{table}_deleted_at"), ["deleted_at"], unique=False)
    op.create_table(
        "changes",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("made_at", sa.DateTime(), nullable=False),
        sa.Column("summary", sa.String(length=300), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_changes")),
        **NEVER_REUSED,
    )
    op.create_index(op.f("ix_changes_made_at"), "changes", ["made_at"], unique=False)
    op.create_table(
        "change_rows",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("change_id", sa.Integer(), nullable=False),
        sa.Column("table_name", sa.String(length=64), nullable=False),
        sa.Column("row_id", sa.Integer(), nullable=False),
        sa.Column("before", sa.Text(), nullable=True),
        sa.ForeignKeyConstraint(
            ["change_id"],
            ["changes.id"],
            name=op.f("fk_change_rows_change_id_changes"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_change_rows")),
        **NEVER_REUSED,
    )
    op.create_index(op.f("ix_change_rows_change_id"), "change_rows", ["change_id"], unique=False)


def downgrade() -> None:
    op.drop_index(op.f("ix_change_rows_change_id"), table_name="change_rows")
    op.drop_table("change_rows")
    op.drop_index(op.f("ix_changes_made_at"), table_name="changes")
    op.drop_table("changes")
    # Deleted rows were kept only to be recoverable; the older schema never had them.
    gone = "SELECT id FROM entries WHERE deleted_at IS NOT NULL"
    for child in ("entry_sites", "entry_terms"):
        op.execute(sa.text(f"DELETE FROM {child} WHERE entry_id IN ({gone})"))
    gone = "SELECT id FROM events WHERE deleted_at IS NOT NULL"
    for child in ("surgery_before_sites", "surgery_before"):
        op.execute(sa.text(f"DELETE FROM {child} WHERE event_id IN ({gone})"))
    for table in _SOFT_DELETE:
        op.execute(sa.text(f"DELETE FROM {table} WHERE deleted_at IS NOT NULL"))
    for table in _TABLES:
        with _batch(table, autoincrement=False) as batch:
            if table in _SOFT_DELETE:
                batch.drop_index(op.f(f"ix_{table}_deleted_at"))
                batch.drop_column("deleted_at")
