"""The database tables, as SQLAlchemy Core tables on one naming-convention MetaData.

No behaviour: repository.py does the work with Core statements. (Declarative ORM classes
cost `tracker log` about 20 ms of start-up for nothing we use, so the schema is stated
here once, as tables; Alembic compares its migrations against this metadata.)
"""

from __future__ import annotations

from sqlalchemy import (
    Column,
    Date,
    DateTime,
    ForeignKey,
    Integer,
    MetaData,
    String,
    Table,
    Text,
    UniqueConstraint,
)

NAMING_CONVENTION = {
    "ix": "ix_%(column_0_label)s",
    "uq": "uq_%(table_name)s_%(column_0_N_name)s",
    "ck": "ck_%(table_name)s_%(constraint_name)s",
    "fk": "fk_%(table_name)s_%(column_0_name)s_%(referred_table_name)s",
    "pk": "pk_%(table_name)s",
}

metadata = MetaData(naming_convention=NAMING_CONVENTION)

# One diary entry: the day it describes, overall pain, when it was typed.
entries = Table(
    "entries",
    metadata,
    Column("id", Integer, primary_key=True),
    Column("day", Date, nullable=False, index=True),
    Column("pain", Integer, nullable=False),
    Column("logged_at", DateTime, nullable=False),
    Column("note", Text),
    Column("import_key", String(64), index=True, unique=True),  # rows of an imported file
)

# A region attached to an entry: where it hurts (with intensity), radiates, numb, ...
entry_sites = Table(
    "entry_sites",
    metadata,
    Column("id", Integer, primary_key=True),
    Column("entry_id", ForeignKey("entries.id", ondelete="CASCADE"), nullable=False, index=True),
    Column("kind", String(16), nullable=False),  # pain, radiates, numb, tingling, weak
    Column("region", String(32), nullable=False),
    Column("intensity", Integer),
    Column("position", Integer, nullable=False, default=0),
    UniqueConstraint("entry_id", "kind", "region"),
)

# A word from a fixed vocabulary attached to an entry: a pain quality or a red flag.
entry_terms = Table(
    "entry_terms",
    metadata,
    Column("id", Integer, primary_key=True),
    Column("entry_id", ForeignKey("entries.id", ondelete="CASCADE"), nullable=False, index=True),
    Column("kind", String(16), nullable=False),  # quality, red_flag
    Column("term", String(32), nullable=False),
    Column("position", Integer, nullable=False, default=0),
    UniqueConstraint("entry_id", "kind", "term"),
)

# A dated marker: surgery (with spinal levels), injection, medication change, ...
events = Table(
    "events",
    metadata,
    Column("id", Integer, primary_key=True),
    Column("day", Date, nullable=False, index=True),
    Column("kind", String(32), nullable=False),
    Column("title", String(200), nullable=False),
    Column("note", Text),
    Column("levels", String(200)),  # "L4-L5,L5-S1"
    Column("created_at", DateTime, nullable=False),
    Column("import_key", String(64), index=True, unique=True),
)
