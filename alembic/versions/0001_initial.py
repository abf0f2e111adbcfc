"""The first diary schema: entries with their sites and terms, and timeline events.

Revision ID: 0001
Revises:
Create Date: 2026-11-24
"""

from __future__ import annotations

import sqlalchemy as sa

from alembic import op

revision = "0001"
down_revision = None
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "entries",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("day", sa.Date(), nullable=False),
        sa.Column("pain", sa.Integer(), nullable=False),
        sa.Column("logged_at", sa.DateTime(), nullable=False),
        sa.Column("note", sa.Text(), nullable=True),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_entries")),
    )
    op.create_index(op.f("ix_entries_day"), "entries", ["day"], unique=False)
    op.create_table(
        "events",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("day", sa.Date(), nullable=False),
        sa.Column("kind", sa.String(length=32), nullable=False),
        sa.Column("title", sa.String(length=200), nullable=False),
        sa.Column("note", sa.Text(), nullable=True),
        sa.Column("levels", sa.String(length=200), nullable=True),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_events")),
    )
    op.create_index(op.f("ix_events_day"), "events", ["day"], unique=False)
    op.create_table(
        "entry_sites",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("entry_id", sa.Integer(), nullable=False),
        sa.Column("kind", sa.String(length=16), nullable=False),
        sa.Column("region", sa.String(length=32), nullable=False),
        sa.Column("intensity", sa.Integer(), nullable=True),
        sa.Column("position", sa.Integer(), nullable=False),
        sa.ForeignKeyConstraint(
            ["entry_id"],
            ["entries.id"],
            name=op.f("fk_entry_sites_entry_id_entries"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_entry_sites")),
        sa.UniqueConstraint(
            "entry_id", "kind", "region", name=op.f("uq_entry_sites_entry_id_kind_region")
        ),
    )
    op.create_index(op.f("ix_entry_sites_entry_id"), "entry_sites", ["entry_id"], unique=False)
    op.create_table(
        "entry_terms",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("entry_id", sa.Integer(), nullable=False),
        sa.Column("kind", sa.String(length=16), nullable=False),
        sa.Column("term", sa.String(length=32), nullable=False),
        sa.Column("position", sa.Integer(), nullable=False),
        sa.ForeignKeyConstraint(
            ["entry_id"],
            ["entries.id"],
            name=op.f("fk_entry_terms_entry_id_entries"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_entry_terms")),
        sa.UniqueConstraint(
            "entry_id", "kind", "term", name=op.f("uq_entry_terms_entry_id_kind_term")
        ),
    )
    op.create_index(op.f("ix_entry_terms_entry_id"), "entry_terms", ["entry_id"], unique=False)


def downgrade() -> None:
    op.drop_index(op.f("ix_entry_terms_entry_id"), table_name="entry_terms")
    op.drop_table("entry_terms")
    op.drop_index(op.f("ix_entry_sites_entry_id"), table_name="entry_sites")
    op.drop_table("entry_sites")
    op.drop_index(op.f("ix_events_day"), table_name="events")
    op.drop_table("events")
    op.drop_index(op.f("ix_entries_day"), table_name="entries")
    op.drop_table("entries")
