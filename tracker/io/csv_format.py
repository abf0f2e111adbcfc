"""tracker's own CSV: one row per entry, for spreadsheets; also reads a plain 'date,pain' CSV."""

from __future__ import annotations

import csv
import datetime as dt
import io
from collections.abc import Sequence
from dataclasses import replace
from typing import Any

from tracker import domain, times
from tracker.domain import Entry
from tracker.errors import TrackerError
from tracker.io.common import (
    BadRows,
    ImportBatch,
    Track,
    chronological,
    entry_identity,
    keyed,
    no_progress,
    parse_logged_at,
    split_list,
)

# id, date, time (of day, HH:MM or blank), pain, one column per field of an entry
# (domain.FIELDS), logged_at. Entries only: medicines and events travel in the JSON export.
COLUMNS = ("id", "date", "time", "pain", *(f.column for f in domain.FIELDS), "logged_at")
REQUIRED = ("date", "pain")
SEPARATOR = ";"


def write_csv(entries: Sequence[Entry], track: Track = no_progress) -> bytes:
    """The entries as UTF-8 CSV with the documented columns, oldest first."""
    out = io.StringIO(newline="")
    writer = csv.writer(out)
    writer.writerow(COLUMNS)
    writer.writerows(_row(entry) for entry in track(entries, "Exporting"))
    return out.getvalue().encode("utf-8")


def _row(entry: Entry) -> list[object]:
    time = "" if entry.time is None else f"{entry.time:%H:%M}"
    cells: list[object] = [entry.id, entry.day.isoformat(), time, entry.pain]
    cells += [_cell(f, getattr(entry, f.name)) for f in domain.FIELDS]
    cells.append(entry.logged_at.isoformat(timespec="seconds"))
    return cells


def _cell(f: domain.EntryField, value: Any) -> str:
    """A field as one cell: lists joined with ';' (sites as region=N), text as it is."""
    if not f.multiple:
        return "" if value is None else str(value)
    if f.kind == domain.SITES:
        return SEPARATOR.join(domain.describe_site(site) for site in value)
    return SEPARATOR.join(value)


def read_rows(text: str) -> list[list[str]]:
    """All records of a CSV text (quoted fields may hold commas and line breaks)."""
    try:
        return list(csv.reader(io.StringIO(text, newline="")))
    except csv.Error as exc:
        raise TrackerError(f"the CSV cannot be read ({exc}); nothing was imported") from None


def first_row(text: str) -> list[str]:
    """The header of a CSV text ([] when it has none or cannot be read as CSV)."""
    try:
        return next(csv.reader(io.StringIO(text, newline="")), [])
    except csv.Error:
        return []


def normalised_header(row: Sequence[str]) -> tuple[str, ...]:
    """Column names as compared: trimmed and lower-case."""
    return tuple(cell.strip().lower() for cell in row)


def unknown_columns(header: Sequence[str]) -> list[str]:
    """The columns of a date,pain CSV that tracker does not know (to name them)."""
    names = normalised_header(header)
    if not all(n in names for n in REQUIRED):
        return []
    return [cell.strip() for cell, n in zip(header, names, strict=True) if n not in COLUMNS]


def is_ours(header: Sequence[str]) -> bool:
    """Our columns (any of them, in any order) including at least date and pain."""
    names = normalised_header(header)
    return all(n in names for n in REQUIRED) and all(n in COLUMNS for n in names)


def read_csv(
    rows: list[list[str]],
    today: dt.date,
    now: dt.datetime,
    track: Track = no_progress,
    date_order: str | None = None,
    default_order: str | None = None,
) -> ImportBatch:
    """Parse and validate our CSV, or one with only some of its columns (date and pain at least).

    Dates such as 12/03/2026 are read in `date_order` (--day-first/--month-first), else in
    the order the file's own dates settle (one row with 25/03/2026 makes it day first), else
    in `default_order` (TRACKER_DATE_ORDER).
    """
    header = normalised_header(rows[0]) if rows else ()
    if not is_ours(header):
        raise TrackerError(
            "the CSV header is not tracker's: it needs 'date' and 'pain' columns, and may have "
            + ", ".join(c for c in COLUMNS if c not in REQUIRED)
        )
    if len(set(header)) != len(header):
        raise TrackerError("the CSV header names a column twice; nothing was imported")
    column = header.index("date")
    order = date_order or domain.date_order_of(r[column] for r in rows[1:] if len(r) > column)
    order = order or default_order
    batch = ImportBatch("csv")
    contents, ids = [], []  # ids: the id column of each row, None where blank
    bad = BadRows()
    for number, row in enumerate(track(rows[1:], "Reading"), start=2):
        if not any(cell.strip() for cell in row):
            continue
        try:
            entry, timed = _entry(header, row, today, now, order)
            ids.append(_row_id(header, row))
        except domain.AmbiguousDate as exc:
            hint = f"{exc.message}; or import with --day-first or --month-first"
            bad.add(f"row {number}", TrackerError(hint))
            continue
        except TrackerError as exc:
            bad.add(f"row {number}", exc)
            continue
        batch.entries.append((entry, ""))
        batch.timed.append(timed)
        contents.append(entry_identity(entry, timed))
    bad.check()
    keys = keyed("csv", contents)
    batch.entries = [(e, k) for (e, _), k in zip(batch.entries, keys, strict=True)]
    known = [i for i in ids if i is not None]
    if ids and len(known) == len(ids):
        return _in_id_order(batch, known)
    return chronological(batch)


def _row_id(header: tuple[str, ...], row: list[str]) -> int | None:
    """The entry's number in the diary it came from (only used to keep their order)."""
    if "id" not in header:
        return None
    text = row[header.index("id")].strip()
    if text and not text.isdigit():
        raise TrackerError(f"id '{text[:20]}' is not a whole number (leave it blank for new rows)")
    return int(text) if text else None


def _in_id_order(batch: ImportBatch, ids: list[int]) -> ImportBatch:
    """Rows stored in the order of the ids they had, so an empty diary numbers them alike."""
    order = sorted(range(len(ids)), key=lambda i: ids[i])
    batch.entries = [batch.entries[i] for i in order]
    batch.timed = [batch.timed[i] for i in order]
    return batch


def _entry(
    header: tuple[str, ...], row: list[str], today: dt.date, now: dt.datetime, order: str | None
) -> tuple[Entry, bool]:
    """One row as a validated entry, and whether the row said when it was typed."""
    if len(row) != len(header):
        raise TrackerError(f"it has {len(row)} fields, the header has {len(header)}")
    cells = dict(zip(header, row, strict=True))
    logged = cells.get("logged_at", "").strip()
    given = {
        f.name: split_list(cells.get(f.column, "")) if f.multiple else cells.get(f.column) or None
        for f in domain.FIELDS
    }
    entry = domain.entry_from_text(
        domain.parse_date(cells["date"], today, order),
        domain.parse_pain(cells["pain"]),
        parse_logged_at(logged) if logged else now,
        **given,
    )
    time = cells.get("time", "").strip()
    if time:
        entry = replace(entry, time=times.parse_time(time))
    return entry, bool(logged)
