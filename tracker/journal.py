"""The undo journal: what each command changed, so that `tracker undo` can take it back.

Generic over tables: the repository calls :func:`created` after inserting rows and
:func:`before_change` before updating or deleting one; the journal keeps the row (with its
dependent rows) as it was. Undoing a change puts every row it touched back as it was,
newest first: rows it created are removed, rows it changed or deleted come back with their
own ids. A table joins the journal with one line at the bottom of this module:

    track(models.medications)                # its rows can be undone
    track(models.entries, models.entry_sites, models.entry_terms)   # with dependent rows

Changes older than RECOVERABLE_DAYS are forgotten, and so are rows deleted that long ago
(tables with a ``deleted_at`` column keep a deleted row that long, recoverable).
"""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any, cast

from sqlalchemy import Column, CursorResult, Date, DateTime, Table, delete, insert, select, update
from sqlalchemy.orm import Session

from tracker import clock, models

RECOVERABLE_DAYS = 30
_STATE = "tracker.journal"  # this command's change, kept in session.info


@dataclass(frozen=True)
class Tracked:
    """A table whose changes can be undone, and the rows of other tables that belong to it."""

    table: Table
    children: tuple[tuple[Table, Column[Any]], ...]  # (child table, its column naming the row)

    @property
    def soft_deleted(self) -> bool:
        return "deleted_at" in self.table.c


TRACKED: dict[str, Tracked] = {}


def track(table: Table, *children: Table) -> None:
    """Let `tracker undo` take back changes to `table` (and to its children's rows)."""
    links = []
    for child in children:
        [link] = [fk.parent for fk in child.foreign_keys if fk.column.table is table]
        links.append((child, link))
    TRACKED[table.name] = Tracked(table, tuple(links))


@dataclass
class _Change:
    id: int
    touched: set[tuple[str, int]]


# ---------------------------------------------------------------- recording


def describe(session: Session, summary: str) -> None:
    """Say what this command did, in the words `tracker undo` will print."""
    change = _change(session, summary)
    session.execute(
        update(models.changes).where(models.changes.c.id == change.id).values(summary=summary[:300])
    )


def created(session: Session, table: Table, ids: Iterable[int], summary: str) -> None:
    """Rows this command inserted: undoing it removes them."""
    change = _change(session, summary)
    rows = []
    for row_id in ids:
        if (table.name, row_id) not in change.touched:
            change.touched.add((table.name, row_id))
            rows.append({"change_id": change.id, "table_name": table.name, "row_id": row_id})
    if rows:
        session.execute(insert(models.change_rows), rows)


def before_change(session: Session, table: Table, row_id: int, summary: str) -> None:
    """A row this command is about to change or delete: undoing it puts this state back."""
    change = _change(session, summary)
    if (table.name, row_id) in change.touched:
        return  # the first state in this command is the one to go back to
    change.touched.add((table.name, row_id))
    session.execute(
        insert(models.change_rows).values(
            change_id=change.id,
            table_name=table.name,
            row_id=row_id,
            before=_snapshot(session, TRACKED[table.name], row_id),
        )
    )


def _change(session: Session, summary: str) -> _Change:
    """This command's change, started (and old history forgotten) on first use."""
    change = session.info.get(_STATE)
    if change is None:
        now = clock.now()
        forget_older_than(session, now - dt.timedelta(days=RECOVERABLE_DAYS))
        inserted = session.execute(
            insert(models.changes).values(made_at=now, summary=summary[:300])
        )  # a CursorResult, though Session.execute is annotated as returning Result
        key = cast("CursorResult[Any]", inserted).inserted_primary_key
        assert key is not None  # an INSERT of one row always reports it
        change_id = int(key[0])
        change = session.info[_STATE] = _Change(change_id, set())
    return change


def forget_older_than(session: Session, cutoff: dt.datetime) -> None:
    """Drop history from before cutoff, and the rows deleted before it."""
    session.execute(delete(models.changes).where(models.changes.c.made_at < cutoff))
    for tracked in TRACKED.values():
        if not tracked.soft_deleted:
            continue
        table = tracked.table
        gone = select(table.c.id).where(table.c.deleted_at < cutoff)
        for child, link in tracked.children:
            session.execute(delete(child).where(link.in_(gone)))
        session.execute(delete(table).where(table.c.deleted_at < cutoff))


# ---------------------------------------------------------------- undoing


@dataclass(frozen=True)
class Undone:
    """What `tracker undo` took back, and what the next one would."""

    summary: str
    made_at: dt.datetime
    next_summary: str | None


def undo_last(session: Session) -> Undone | None:
    """Take back the most recent change; None when there is nothing left to undo."""
    C, R = models.changes, models.change_rows
    last = session.execute(select(C).order_by(C.c.id.desc()).limit(1)).first()
    if last is None:
        return None
    rows = session.execute(
        select(R.c.table_name, R.c.row_id, R.c.before)
        .where(R.c.change_id == last.id)
        .order_by(R.c.id.desc())
    ).all()
    for row in rows:
        _put_back(session, TRACKED[row.table_name], row.row_id, row.before)
    session.execute(delete(R).where(R.c.change_id == last.id))
    session.execute(delete(C).where(C.c.id == last.id))
    following = session.execute(select(C.c.summary).order_by(C.c.id.desc()).limit(1)).scalar()
    return Undone(last.summary, last.made_at, following)


def _put_back(session: Session, tracked: Tracked, row_id: int, before: str | None) -> None:
    table = tracked.table
    for child, link in tracked.children:
        session.execute(delete(child).where(link == row_id))
    state = None if before is None else json.loads(before)
    if state is None:  # the command created the row: remove it
        session.execute(delete(table).where(table.c.id == row_id))
        return
    values = _decoded(table, state["row"])
    # Put the row back in place (an UPDATE, when it is still there): rows of other tables
    # that point at it (a dose at its medicine) stay valid.
    done = cast(
        "CursorResult[Any]",
        session.execute(update(table).where(table.c.id == row_id).values(values)),
    )
    if done.rowcount == 0:
        session.execute(insert(table).values(values))
    for child, _ in tracked.children:
        rows = [_decoded(child, r) for r in state["children"].get(child.name, [])]
        if rows:
            session.execute(insert(child), rows)


# ---------------------------------------------------------------- rows as JSON


def _snapshot(session: Session, tracked: Tracked, row_id: int) -> str:
    table = tracked.table
    row = session.execute(select(table).where(table.c.id == row_id)).mappings().first()
    if row is None:
        return json.dumps(None)
    children = {
        child.name: [
            _encoded(dict(r))
            # In a stated order: without ORDER BY, PostgreSQL may hand rows back in any order.
            for r in session.execute(
                select(child).where(link == row_id).order_by(*child.primary_key.columns)
            ).mappings()
        ]
        for child, link in tracked.children
    }
    return json.dumps({"row": _encoded(dict(row)), "children": children}, ensure_ascii=False)


def _encoded(row: dict[str, Any]) -> dict[str, Any]:
    return {k: v.isoformat() if isinstance(v, dt.date) else v for k, v in row.items()}


def _decoded(table: Table, row: dict[str, Any]) -> dict[str, Any]:
    values = {}
    for name, value in row.items():
        if name not in table.c:
            continue
        kind = table.c[name].type
        if value is not None and isinstance(kind, DateTime):
            value = dt.datetime.fromisoformat(value)
        elif value is not None and isinstance(kind, Date):
            value = dt.date.fromisoformat(value)
        values[name] = value
    return values


# ---------------------------------------------------------------- the tables that join in

track(models.entries, models.entry_sites, models.entry_terms)
track(models.events, models.surgery_before, models.surgery_before_sites)
track(models.weekly_checks, models.weekly_goals, models.weekly_clinic_scores)
track(models.medications)
track(models.doses)
