"""Import keys: remember which rows of an imported file are already in the diary.

Importing the same file twice must add nothing the second time, while two identical rows
in one file stay two entries; each imported entry and event keeps a key made from the
row's content and its occurrence in the file.

Revision ID: 0002
Revises: 0001
Create Date: 2026-11-24
"""

from __future__ import annotations

import sqlalchemy as sa

from alembic import op

revision = "0002"
down_revision = "0001"
branch_labels = None
depends_on = None


def upgrade() -> None:
    for table in ("entries", "events"):
        with op.batch_alter_table(table) as batch:
            batch.add_column(sa.Column("import_key", sa.String(length=64), nullable=True))
            batch.create_index(op.f(f"ix_{table}_import_key"), ["import_key"], unique=True)


def downgrade() -> None:
    for table in ("entries", "events"):
        with op.batch_alter_table(table) as batch:
            batch.drop_index(op.f(f"ix_{table}_import_key"))
            batch.drop_column("import_key")
