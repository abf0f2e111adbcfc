"""`tracker export` and `tracker import`: moving the diary in and out. Click only.

The formats live in tracker.io and are imported inside the commands (the rule that keeps
`tracker log` fast); these functions parse options, call, store and print.
"""

from __future__ import annotations

import datetime as dt
import os
import sys
from collections.abc import Iterable, Iterator, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any

import click

from tracker import clock, domain, journal
from tracker import repository as repo
from tracker.cli.app import App, pass_app, refuse_overwrite
from tracker.cli.params import DATE
from tracker.cli.params import date_order as date_order_env
from tracker.errors import TrackerError

if TYPE_CHECKING:  # types only: tracker.io is imported inside the commands
    from sqlalchemy.orm import Session

    from tracker.io.common import ImportBatch
    from tracker.medicines import Dose, Regimen

PROGRESS_FROM = 2000  # rows: smaller files are done before a bar would be worth drawing
PREVIEW = 20  # entries listed by --dry-run


@click.command("export")
@click.option(
    "--format",
    "fmt",
    type=click.Choice(["csv", "json", "fhir"]),
    required=True,
    help="csv: a spreadsheet; json: everything, to move or back up; fhir: FHIR R4 for a clinic.",
)
@click.option(
    "--out",
    type=click.Path(dir_okay=False, path_type=Path),
    help="File to write (default: standard output).",
)
@click.option("--since", type=DATE, help="First day to include (YYYY-MM-DD, today, yesterday).")
@click.option("--until", type=DATE, help="Last day to include.")
@click.option("--force", is_flag=True, help="Replace the --out file if it exists.")
@pass_app
def export_command(
    app: App,
    fmt: str,
    out: Path | None,
    since: dt.date | None,
    until: dt.date | None,
    force: bool,
) -> None:
    """Write your diary to a file: CSV, JSON (everything) or FHIR R4.

    \b
    Examples:
      tracker export --format csv --out diary.csv
      tracker export --format json --out diary-backup.json
      tracker export --format fhir --since 2026-01-01 --out pain-for-clinic.json
    """
    from tracker.db import SCHEMA_HEAD
    from tracker.io import FORMAT_NAMES, export_diary
    from tracker.io.common import in_range

    if since and until and since > until:
        raise TrackerError(f"--since {since} is after --until {until}; swap them")
    if out is not None:
        refuse_overwrite(out.expanduser(), force)
    with app.session(write=False) as session:
        entries = repo.list_entries(session, since, until)
        events = [e for e in repo.list_events(session) if in_range(e.day, since, until)]
        checks = repo.list_checks(session, since, until) if fmt != "csv" else []
        befores = repo.pains_before(session)
        medicines = _medicines(repo.list_regimens(session), repo.list_doses(session, since, until),
                               since, until)  # fmt: skip
    data = export_diary(fmt, entries, events, SCHEMA_HEAD, _progress, checks, befores, medicines)
    if out is None:
        click.echo(data, nl=False)  # bytes: written as they are, UTF-8 whatever the terminal
        return
    _write_file(out.expanduser(), data)
    said = _exported(fmt, entries, events, checks)
    click.echo(f"Exported {said} to {out} ({FORMAT_NAMES[fmt]}).")
    if medicines and fmt != "csv":
        doses = sum(len(taken) for _, taken in medicines)
        click.echo(
            f"With {domain.plural(len(medicines), 'medicine regimen')} and"
            f" {domain.plural(doses, 'dose')}."
        )


def _medicines(
    regimens: list[Regimen], doses: list[Dose], since: dt.date | None, until: dt.date | None
) -> list[tuple[Regimen, list[Dose]]]:
    """The regimens taken at some time in the range, each with its doses in the range."""
    by_regimen: dict[int | None, list[Dose]] = {}
    for dose in doses:
        by_regimen.setdefault(dose.medication_id, []).append(dose)
    return [
        (regimen, by_regimen.get(regimen.id, []))
        for regimen in regimens
        if (until is None or regimen.started <= until)
        and (since is None or regimen.stopped is None or regimen.stopped > since)
    ]


def _exported(fmt: str, entries: list, events: list, checks: list) -> str:
    """What an export carries: entries, plus events (JSON) or surgeries (FHIR), and the
    weekly checks when there are any."""
    parts = [domain.plural(len(entries), "entry", "entries")]
    if fmt == "json":
        parts.append(domain.plural(len(events), "event", "events"))
    if fmt == "fhir":
        surgeries = sum(event.kind == "surgery" for event in events)
        parts.append(domain.plural(surgeries, "surgery", "surgeries"))
    if checks:
        parts.append(domain.plural(len(checks), "weekly check"))
    return ", ".join(parts[:-1]) + " and " + parts[-1] if len(parts) > 1 else parts[0]


@click.command("import")
@click.argument("file", type=click.Path(exists=True, dir_okay=False, path_type=Path))
@click.option(
    "--format",
    "fmt",
    type=click.Choice(["csv", "json", "bearable"]),
    help="The file's format (default: detected from its content).",
)
@click.option("--dry-run", is_flag=True, help="Show what would be imported, and write nothing.")
@click.option(
    "--day-first",
    "date_order",
    flag_value="dmy",
    help="Read dates such as 12/03/2026 as 12 March (default: as the file's dates make clear).",
)
@click.option("--month-first", "date_order", flag_value="mdy", help="Read them as December 3.")
@pass_app
def import_command(
    app: App, file: Path, fmt: str | None, dry_run: bool, date_order: str | None
) -> None:
    """Add entries from a file: tracker's CSV or JSON, a 'date,pain' CSV, or Bearable's CSV.

    The whole file is checked first: if one row is wrong, nothing is imported. Importing
    the same file again adds nothing.

    \b
    Examples:
      tracker import diary-backup.json
      tracker import old-diary.csv --dry-run
      tracker import bearable-export.csv --format bearable
    """
    from tracker.io import FORMAT_NAMES, read_import
    from tracker.io.common import fingerprints, not_yet_in_diary

    batch = read_import(
        file.read_bytes(), fmt, clock.today(), clock.now(), _progress, date_order, date_order_env()
    )
    keys = [key for _, key in batch.entries] + [key for _, key in batch.events]
    keys += [key for _, key in batch.checks]
    if dry_run and _no_diary_yet(app):
        new = not_yet_in_diary(batch, set(), set())
        medicines = _medicine_counts(batch)
    else:
        with app.session(write=not dry_run) as session:
            held = fingerprints(*_diary_near(session, batch))
            new = not_yet_in_diary(batch, repo.existing_import_keys(session, keys), held)
            if new.checks:  # one check a week: a week the diary has already answered is kept
                answered = {check.week for check in repo.list_checks(session)}
                new.checks = [(c, k) for c, k in new.checks if c.week not in answered]
            if not dry_run:
                repo.add_entries(session, new.entries)
                for event, key in new.events:
                    saved = repo.add_event(session, event, key)
                    if key in new.befores and saved.id is not None:
                        repo.set_pain_before(session, saved.id, new.befores[key])
                for check, key in new.checks:
                    repo.add_check(session, check, key)
            medicines = repo.import_medicines(session, batch.medicines, write=not dry_run)
            if not dry_run and (new.entries or new.events or new.checks or any(medicines)):
                journal.describe(session, f"imported {_counts(new)} from {file.name}")
    _print_import(file, FORMAT_NAMES[batch.format], batch, new, dry_run)
    if batch.medicines:
        regimens, doses = medicines
        every = _medicine_counts(batch)
        would = "would add" if dry_run else "added"
        click.echo(
            f"Medicines: {would} {domain.plural(regimens, 'regimen')} and"
            f" {domain.plural(doses, 'dose')}"
            + (" (the rest were already in your diary)." if (regimens, doses) != every
               else ".")
        )  # fmt: skip


def _medicine_counts(batch: ImportBatch) -> tuple[int, int]:
    return len(batch.medicines), sum(len(doses) for _, doses in batch.medicines)


def _no_diary_yet(app: App) -> bool:
    """True when there is no diary yet, file or server tables (a dry run must not make one)."""
    return not app.database.exists()


def _diary_near(session: Session, batch: ImportBatch) -> tuple[list, list]:
    """The diary's entries over the days the file's timed entries cover, and its events."""
    days = [
        entry.day for (entry, _), timed in zip(batch.entries, batch.timed, strict=True) if timed
    ]
    entries = repo.list_entries(session, min(days), max(days)) if days else []
    return entries, repo.list_events(session) if batch.events else []


def _counts(batch: ImportBatch) -> str:
    """'4 entries and 2 events', or '4 entries, 2 events and 3 weekly checks'."""
    entries = domain.plural(len(batch.entries), "entry", "entries")
    events = domain.plural(len(batch.events), "event", "events")
    if not batch.checks:
        return f"{entries} and {events}"
    return f"{entries}, {events} and {domain.plural(len(batch.checks), 'weekly check')}"


def _print_import(
    file: Path, name: str, batch: ImportBatch, new: ImportBatch, dry_run: bool
) -> None:
    if dry_run:
        click.echo(f"Dry run: {file} ({name}) would add {_counts(new)}; nothing was written.")
        for (entry, _), timed in zip(new.entries[:PREVIEW], new.timed, strict=False):
            line = f"  {entry.day.isoformat()}  pain {entry.pain:>2}/10  {_details(entry, timed)}"
            click.echo(line.rstrip())
        for event, _ in new.events[:PREVIEW]:
            click.echo(f"  {event.day.isoformat()}  {event.kind}: {event.title}")
        hidden = max(0, len(new.entries) - PREVIEW) + max(0, len(new.events) - PREVIEW)
        if hidden:
            click.echo(f"  ... and {hidden} more")
    else:
        click.echo(f"Imported {_counts(new)} from {file} ({name}).")
    known = len(batch.entries) - len(new.entries) + len(batch.events) - len(new.events)
    known += len(batch.checks) - len(new.checks)
    if known:
        click.echo(
            f"Already in your diary, skipped: {known} (rows imported before, or the same entries)."
        )
    if batch.not_imported:
        total = sum(batch.not_imported.values())
        click.echo(f"Counted, not imported ({total}):")
        for what, count in sorted(batch.not_imported.items(), key=lambda item: (-item[1], item[0])):
            click.echo(f"  {count:>5}  {what}")


def _details(entry: domain.Entry, timed: bool) -> str:
    """Every field the entry would store, by its label (and when it was typed, if the file
    says; otherwise it is stamped with the time of the import)."""
    parts = [
        f"{f.label} {f.said(value)}"
        for f in domain.FIELDS
        if domain.recorded(value := getattr(entry, f.name))
    ]
    if timed:
        parts.append(f"typed {entry.logged_at:%Y-%m-%d %H:%M}")
    return "; ".join(parts)


def _write_file(path: Path, data: bytes) -> None:
    """Write the whole file or nothing: a failed export never leaves half a file behind."""
    if path.exists() and not path.is_file():  # /dev/stdout, a pipe: write through, never replace
        with path.open("wb") as stream:
            stream.write(data)
        return
    partial = path.with_name(f".{path.name}.partial-{os.getpid()}")
    try:
        partial.write_bytes(data)
        os.replace(partial, path)
    finally:
        partial.unlink(missing_ok=True)


def _progress(items: Sequence[Any], label: str) -> Iterable[Any]:
    """A progress bar on standard error for long runs on a terminal; silent otherwise."""
    if len(items) < PROGRESS_FROM or not sys.stderr.isatty():
        return items
    return _bar(items, label)


def _bar(items: Sequence[Any], label: str) -> Iterator[Any]:
    with click.progressbar(items, label=label, file=sys.stderr) as bar:
        yield from bar


COMMANDS = (export_command, import_command)
