"""The database tables, as SQLAlchemy Core tables on one naming-convention MetaData.

No behaviour: repository.py does the work with Core statements. (Declarative ORM classes
cost `tracker log` about 20 ms of start-up for nothing we use, so the schema is stated
here once, as tables; Alembic compares its migrations against this metadata.)
"""

from __future__ import annotations

from typing import Any

from sqlalchemy import (
    Column,
    Date,
    DateTime,
    Float,
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

# Every table's ids are never reused: SQLite's AUTOINCREMENT (PostgreSQL sequences never
# reuse a value anyway), so a deleted entry's number never comes back as another entry.
# A new table passes **NEVER_REUSED; tests/test_undo.py checks that every table does.
NEVER_REUSED: dict[str, Any] = {"sqlite_autoincrement": True}

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
    Column("woke", Integer),  # times woken by pain last night (issue 9), null if not said
    Column("time", String(5)),  # "HH:MM": the time of day it describes (issue 10), or null
    Column("deleted_at", DateTime, index=True),  # kept 30 days, recoverable, then removed
    **NEVER_REUSED,
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
    **NEVER_REUSED,
)

# A word from a fixed vocabulary attached to an entry: a pain quality or a red flag.
entry_terms = Table(
    "entry_terms",
    metadata,
    Column("id", Integer, primary_key=True),
    Column("entry_id", ForeignKey("entries.id", ondelete="CASCADE"), nullable=False, index=True),
    Column("kind", String(16), nullable=False),  # quality, red_flag, worse_with, better_with
    Column("term", String(32), nullable=False),
    Column("position", Integer, nullable=False, default=0),
    UniqueConstraint("entry_id", "kind", "term"),
    **NEVER_REUSED,
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
    Column("time", String(5)),  # "HH:MM" when it was done (a block's readings count from it)
    Column("side", String(8)),  # left, right, both: where an injection or block was given
    Column("days", Integer),  # a stimulator trial's length in days
    Column("created_at", DateTime, nullable=False),
    Column("import_key", String(64), index=True, unique=True),
    Column("deleted_at", DateTime, index=True),
    **NEVER_REUSED,
)

# The undo journal (tracker/journal.py): one row per command that changed the diary...
changes = Table(
    "changes",
    metadata,
    Column("id", Integer, primary_key=True),
    Column("made_at", DateTime, nullable=False, index=True),
    Column("summary", String(300), nullable=False),  # "logged entry 12 (2026-03-02, pain 6/10)"
    **NEVER_REUSED,
)

# Each appointment report made: `tracker summary` says what changed since the last one.
report_runs = Table(
    "report_runs",
    metadata,
    Column("id", Integer, primary_key=True),
    Column("made_at", DateTime, nullable=False),
    Column("as_of", Date, nullable=False),  # the day the report judged the course on
    **NEVER_REUSED,
)

# ... and one per row it touched, with that row (and its dependent rows) as they were before.
change_rows = Table(
    "change_rows",
    metadata,
    Column("id", Integer, primary_key=True),
    Column("change_id", ForeignKey("changes.id", ondelete="CASCADE"), nullable=False, index=True),
    Column("table_name", String(64), nullable=False),
    Column("row_id", Integer, nullable=False),
    Column("before", Text),  # JSON; NULL when the command created the row
    **NEVER_REUSED,
)

# ---------------------------------------------------------------- the weekly check (issue 9)

# One weekly check per ISO week ("2026-W48"): function, the nerve self-check, the change
# since surgery and whether it is the pain from before; null is a question not answered.
weekly_checks = Table(
    "weekly_checks",
    metadata,
    Column("id", Integer, primary_key=True),
    Column("day", Date, nullable=False, index=True),
    Column("week", String(8), nullable=False, unique=True),
    Column("logged_at", DateTime, nullable=False),
    Column("interference", Integer),
    Column("sleep_interference", Integer),
    Column("walk_minutes", Integer),
    Column("sit_minutes", Integer),
    Column("stand_minutes", Integer),
    Column("heel_walk", String(16)),
    Column("toe_walk", String(16)),
    Column("tripping", String(16)),
    Column("work", String(16)),
    Column("change", String(24)),
    Column("same_as_before", String(16)),
    Column("import_key", String(64), index=True, unique=True),
    **NEVER_REUSED,
)

# The patient's own activities rated 0-10 in a check, names kept as typed.
weekly_goals = Table(
    "weekly_goals",
    metadata,
    Column("id", Integer, primary_key=True),
    Column(
        "check_id", ForeignKey("weekly_checks.id", ondelete="CASCADE"), nullable=False, index=True
    ),
    Column("name", String(60), nullable=False),
    Column("score", Integer, nullable=False),
    Column("position", Integer, nullable=False, default=0),
    UniqueConstraint("check_id", "name"),
    **NEVER_REUSED,
)

# Scores a clinic gave (odi, promis-pi, ...), as numbers.
weekly_clinic_scores = Table(
    "weekly_clinic_scores",
    metadata,
    Column("id", Integer, primary_key=True),
    Column(
        "check_id", ForeignKey("weekly_checks.id", ondelete="CASCADE"), nullable=False, index=True
    ),
    Column("name", String(16), nullable=False),
    Column("value", Float, nullable=False),
    Column("position", Integer, nullable=False, default=0),
    UniqueConstraint("check_id", "name"),
    **NEVER_REUSED,
)

# ---------------------------------------------------------------- pain before surgery (issue 14)

# How bad the pain was in the weeks before a surgery (an event of kind surgery).
surgery_before = Table(
    "surgery_before",
    metadata,
    Column("event_id", ForeignKey("events.id", ondelete="CASCADE"), primary_key=True),
    Column("pain", Integer),
    Column("source", String(16)),  # memory, clinic
    **NEVER_REUSED,
)

# Where it hurt (with intensity), radiated and was numb before that surgery.
surgery_before_sites = Table(
    "surgery_before_sites",
    metadata,
    Column("id", Integer, primary_key=True),
    Column("event_id", ForeignKey("events.id", ondelete="CASCADE"), nullable=False, index=True),
    Column("kind", String(16), nullable=False),  # pain, radiates, numb
    Column("region", String(32), nullable=False),
    Column("intensity", Integer),
    Column("position", Integer, nullable=False, default=0),
    UniqueConstraint("event_id", "kind", "region"),
    **NEVER_REUSED,
)

# ---------------------------------------------------------------- medications (issue 10)

# A regimen: one medicine at one strength, from a day until a day (null: still taken).
# `med change` ends one and starts the next, so the rows are the medicine's history.
medications = Table(
    "medications",
    metadata,
    Column("id", Integer, primary_key=True),
    Column("name", String(60), nullable=False),  # as the patient calls it: "OxyContin"
    Column("ingredient", String(60), nullable=False, index=True),  # "oxycodone"
    Column("strength", Float, nullable=False),
    Column("unit", String(8), nullable=False),  # mg, mcg, mcg/h
    Column("as_needed", Integer, nullable=False, default=0),  # 1: taken as needed (PRN)
    Column("schedule", String(200)),  # "twice daily"
    Column("started", Date, nullable=False),
    Column("stopped", Date),  # the first day it was no longer taken at this strength
    Column("created_at", DateTime, nullable=False),
    Column("import_key", String(64), index=True, unique=True),
    **NEVER_REUSED,
)

# One dose taken: of which regimen, how much (in the regimen's unit), on which day and time.
doses = Table(
    "doses",
    metadata,
    Column("id", Integer, primary_key=True),
    Column("medication_id", ForeignKey("medications.id"), nullable=False, index=True),
    Column("day", Date, nullable=False, index=True),
    Column("time", String(5)),  # "HH:MM", or null when not known
    Column("amount", Float, nullable=False),
    Column("logged_at", DateTime, nullable=False),
    Column("import_key", String(64), index=True, unique=True),
    **NEVER_REUSED,
)
