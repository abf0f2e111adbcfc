"""The command line: parse, call the domain and the repository, print. No SQL, no maths.

Heavy libraries (pandas, matplotlib, numpy, scipy, alembic) are imported only inside the
commands that need them, so that `tracker log` and `tracker --help` start fast.
"""

from __future__ import annotations

import gc

# Importing SQLAlchemy creates a few hundred thousand objects; letting the cyclic garbage
# collector walk them again and again cost `tracker log` a third of its start-up. It is
# paused while this module's imports run and resumed (with everything imported so far
# frozen out of its way) at the bottom of this module.
gc.disable()

import datetime as dt  # noqa: E402
import os  # noqa: E402
from pathlib import Path  # noqa: E402
from typing import Any  # noqa: E402

import click  # noqa: E402

from tracker import clikit, domain, regions  # noqa: E402
from tracker import repository as repo  # noqa: E402
from tracker.clikit import COUNT, DATE, ENTRY_ID, PAIN, App, TrackerGroup, pass_app  # noqa: E402
from tracker.domain import Entry, Event  # noqa: E402
from tracker.errors import TrackerError  # noqa: E402

CONTEXT = {"help_option_names": ["-h", "--help"], "max_content_width": 100}


@click.group(cls=TrackerGroup, context_settings=CONTEXT)
@click.option(
    "--db",
    "db_option",
    metavar="PATH",
    help="Diary file to use (default: TRACKER_DATABASE_URL, TRACKER_DB, or your user data folder).",
)
@click.version_option(package_name="tracker", message="tracker %(version)s")
@click.pass_context
def cli(ctx: click.Context, db_option: str | None) -> None:
    """A symptom diary for pain after spine surgery, and a report your surgeon can read.

    \b
    Log today's pain in one line:
      tracker log 6 --where lower-back=6 --radiates left-calf --numb left-foot
    See where the course is going, and print a report for your appointment:
      tracker trend
      tracker report --out report.pdf

    Everything stays on this computer: see 'tracker db path'.
    """
    os.umask(0o077)  # every file we write (diary, backups, exports, reports): owner only
    if db_option is not None and not db_option.strip():
        raise click.BadParameter("is empty; give the path of your diary file", param_hint="--db")
    ctx.obj = App(db_option)
    ctx.call_on_close(ctx.obj.close)


# ---------------------------------------------------------------- logging


def _entry_options(func):  # type: ignore[no-untyped-def]
    """The options shared by `log` and `edit`: one per field of an entry (domain.FIELDS)."""
    for f in reversed(domain.FIELDS):  # the last decorator applied is listed first
        option = click.option(f.option, f.name, multiple=f.multiple, metavar=f.metavar, help=f.help)
        func = option(func)
    return func


SAME_WORDS = ("same", "again")


@cli.command()
@click.argument("words", nargs=-1, metavar="[PAIN | same [PAIN]]")
@click.option(
    "--date",
    "day",
    type=DATE,
    help="The day this entry describes: YYYY-MM-DD, today (default), yesterday, 3 days ago.",
)
@_entry_options
@click.option(
    "--ask",
    is_flag=True,
    help="Ask step by step (the default when no PAIN is given on a terminal).",
)
@pass_app
def log(app: App, words: tuple[str, ...], day: dt.date | None, ask: bool, **fields) -> None:  # type: ignore[no-untyped-def]
    """Log how much it hurts (0-10), and where.

    \b
    Examples:
      tracker log 6
      tracker log 7 --where lower-back=7 --where left-buttock=5 --radiates left-calf
      tracker log 5 --date yesterday --numb left-foot --tingling left-toes --quality burning
      tracker log same       (the places and symptoms of the last entry, for today)
      tracker log same 6     (the same, with pain 6)
      tracker log            (on a terminal: asks step by step)
    """
    same = bool(words) and words[0].strip().lower() in SAME_WORDS
    rest = words[1:] if same else words
    if len(rest) > 1:
        raise click.UsageError(
            f"give one pain, not {len(rest)} words: e.g. 'tracker log 6' or 'tracker log same 6'"
        )
    pain = domain.parse_pain(rest[0]) if rest else None
    if pain is None and not ask and not same:
        if not clikit.on_terminal():
            raise click.UsageError("give the pain as a number from 0 to 10, e.g. 'tracker log 6'")
        ask = True
    # The entry is complete and checked before the write transaction starts: bad input never
    # touches the diary, and a patient answering questions never holds the write lock.
    previous = None
    if ask or same:
        with app.session(write=False) as session:
            last = repo.list_entries(session, limit=1, newest_first=True)
        previous = last[0] if last else None
    if same and previous is None:
        raise TrackerError("there is no entry yet to log the same as; log one: tracker log 5")
    if ask:
        from tracker.prompting import ask_entry

        entry = ask_entry(app.today(), app.now(), previous, pain, day)
    elif same:
        assert previous is not None
        given = {name: value for name, value in fields.items() if value}
        carried = domain.carried_over(previous) | given
        entry = domain.entry_from_text(
            day or app.today(), previous.pain if pain is None else pain, app.now(), **carried
        )
    else:
        entry = domain.entry_from_text(day or app.today(), pain, app.now(), **fields)
    spots = _spots_above(entry)
    if spots and clikit.on_terminal():  # a slip of the finger is likely: ask before saving
        if not click.confirm(f"{spots[0].upper()}{spots[1:]}. Save it as given?", default=False):
            click.echo("Nothing saved.")
            return
    with app.session() as session:
        saved = repo.add_entry(session, entry)
    _print_saved(saved)
    for note in domain.quality_notes(fields.get("qualities", ())):
        click.echo(note)
    if spots and not clikit.on_terminal():
        click.echo(f"Note: {spots}; saved as given.")


def _spots_above(entry: Entry) -> str | None:
    """A sentence about spots rated above the overall pain, or None."""
    above = domain.spots_above(entry)
    if not above:
        return None
    spots = ", ".join(domain.describe_site(site) for site in above)
    return (
        f"{spots} {'is' if len(above) == 1 else 'are'} above the overall pain {entry.pain}/10"
        " (the overall pain is usually at least the worst spot)"
    )


def _print_saved(entry: Entry) -> None:
    click.echo(f"Saved entry {entry.id} for {_long_date(entry.day)}: {_summary(entry)}.")
    if entry.backfilled:
        click.echo(
            f"(Back-filled: typed on {entry.logged_at:%Y-%m-%d}; the report counts it as such.)"
        )
    if entry.red_flags:
        _warn_red_flags(entry.red_flags)


def _warn_red_flags(flags: tuple[str, ...]) -> None:
    click.echo("", err=True)
    click.secho("!" * 72, fg="red", bold=True, err=True)
    for flag in flags:
        click.secho(f"  URGENT: {domain.RED_FLAGS[flag]} ({flag})", fg="red", bold=True, err=True)
    click.secho(f"  {domain.RED_FLAG_ADVICE}", fg="red", bold=True, err=True)
    click.secho("  Your entry has been saved.", err=True)
    click.secho("!" * 72, fg="red", bold=True, err=True)


def _long_date(day: dt.date) -> str:
    return f"{day:%a} {day.day} {day:%b %Y}"


def _summary(entry: Entry) -> str:
    """'pain 6/10; at lower-back=6; radiates to left-calf; burning; RED FLAGS: fever'."""
    parts = [f"pain {entry.pain}/10"]
    for f in domain.FIELDS:
        value = getattr(entry, f.name)
        if f.summary is not None and value:
            parts.append(f.summary + domain.describe_value(value))
    return "; ".join(parts)


# ---------------------------------------------------------------- reviewing and correcting


@cli.command("list")
@click.option("--since", type=DATE, help="First day to show (YYYY-MM-DD, today, yesterday).")
@click.option("--until", type=DATE, help="Last day to show.")
@click.option(
    "--limit",
    type=COUNT,
    help="Show at most N of the most recent entries (default 30; all with --json).",
)
@click.option("--grep", metavar="TEXT", help="Only entries whose note holds TEXT (any case).")
@click.option(
    "--region",
    "region_texts",
    multiple=True,
    metavar="REGION",
    help="Only entries naming this region (where, radiates, numb, tingling, weak).",
)
@click.option("--json", "as_json", is_flag=True, help="Print the entries as JSON.")
@pass_app
def list_command(
    app: App,
    since: dt.date | None,
    until: dt.date | None,
    limit: int | None,
    grep: str | None,
    region_texts: tuple[str, ...],
    as_json: bool,
) -> None:
    """Show recent entries, oldest first.

    \b
    Examples:
      tracker list
      tracker list --since 2026-09-01 --until 2026-09-30
      tracker list --grep drive --region left-calf
      tracker list --json > entries.json
    """
    if since and until and since > until:
        raise TrackerError(f"--since {since} is after --until {until}; swap them")
    chosen = domain.parse_regions(region_texts)
    if limit is None and not as_json and not since and not until:
        limit = 30
    with app.session(write=False) as session:
        entries = repo.list_entries(
            session, since, until, limit, newest_first=True, grep=grep, regions=chosen
        )
        total = repo.count_entries(session)
    entries.reverse()
    if as_json:
        import json

        click.echo(json.dumps([e.as_dict() for e in entries], ensure_ascii=False, indent=2))
        return
    if not entries:
        if grep or chosen or since or until:
            click.echo(f"No entries match, of {domain.plural(total, 'entry', 'entries')}.")
        else:
            click.echo("No entries yet. Log one with: tracker log 5 --where lower-back")
        return
    click.echo(f"{'ID':>5}  {'Date':<10}  {'Pain':>4}  Where / symptoms")
    for entry in entries:
        mark = "*" if entry.backfilled else " "
        details = _summary(entry).split("; ", 1)[1] if "; " in _summary(entry) else ""
        if entry.note:
            details = (details + "  " if details else "") + f'"{_clip(entry.note, 40)}"'
        click.echo(f"{entry.id:>5}  {entry.day.isoformat():<10}{mark} {entry.pain:>4}  {details}")
    footer = f"{len(entries)} of {domain.plural(total, 'entry', 'entries')} shown."
    if any(e.backfilled for e in entries):
        footer += " * back-filled (typed on a later day)."
    click.echo(footer)


def _clip(text: str, limit: int) -> str:
    flat = " ".join(text.split())
    return flat if len(flat) <= limit else flat[: limit - 1] + "…"


@cli.command()
@click.argument("entry_id", type=ENTRY_ID, metavar="ID")
@pass_app
def show(app: App, entry_id: int) -> None:
    """Show one entry in full.

    \b
    Example:
      tracker show 12
    """
    with app.session(write=False) as session:
        entry = repo.get_entry(session, entry_id)
    click.echo(_details(entry))


def _details(entry: Entry) -> str:
    lines = [
        f"Entry {entry.id}: {_long_date(entry.day)}",
        f"  pain       {entry.pain}/10",
    ]
    for f in domain.FIELDS:
        value = getattr(entry, f.name)
        if value:
            lines.append(f"  {f.label:<10} {domain.describe_value(value)}")
    typed = f"  typed      {entry.logged_at:%Y-%m-%d %H:%M}"
    lines.append(typed + (" (back-filled)" if entry.backfilled else ""))
    return "\n".join(lines)


@cli.command()
@click.argument("entry_id", type=ENTRY_ID, metavar="ID")
@click.option("--pain", type=PAIN, help="New overall pain, 0-10.")
@click.option("--date", "day", type=DATE, help="New day this entry describes.")
@_entry_options
@pass_app
def edit(app: App, entry_id: int, pain: int | None, day: dt.date | None, **fields) -> None:  # type: ignore[no-untyped-def]
    """Correct an entry. Each option replaces that field; 'none' empties a list.

    \b
    Examples:
      tracker edit 12 --pain 5
      tracker edit 12 --where lower-back=5 --radiates none
      tracker edit 12 --note ""
    """
    given = {"day": day, "pain": pain} | {f.name: fields[f.name] for f in domain.FIELDS}
    changes = {
        name: _edited(domain.FIELD.get(name), value)
        for name, value in given.items()
        if value is not None and value != ()
    }
    with app.session() as session:
        entry = repo.get_entry(session, entry_id)
        updated, lines = domain.apply_changes(entry, changes)
        if not lines:
            raise TrackerError(
                f"nothing to change: entry {entry_id} already says that "
                f"(see 'tracker show {entry_id}')"
            )
        repo.update_entry(session, updated)
    click.echo(f"Updated entry {entry_id}:")
    for line in lines:
        click.echo(f"  {line}")
    for note in domain.quality_notes(fields["qualities"]):
        click.echo(note)
    new_flags = tuple(f for f in updated.red_flags if f not in entry.red_flags)
    if new_flags:
        _warn_red_flags(new_flags)


def _edited(f: domain.EntryField | None, given: Any) -> Any:
    """The new value of what `edit` was given (day and pain come parsed); 'none' empties a
    list (the parsers know it, in `log` too), and "" the note."""
    if f is None:
        return given
    return f.parse(given)


@cli.command()
@click.argument("entry_id", type=ENTRY_ID, metavar="ID")
@click.option("--yes", is_flag=True, help="Do not ask for confirmation.")
@pass_app
def delete(app: App, entry_id: int, yes: bool) -> None:
    """Delete an entry (asks first unless --yes).

    \b
    Example:
      tracker delete 12
    """
    with app.session(write=False) as session:
        entry = repo.get_entry(session, entry_id)
    if not yes:  # asked with no transaction open: waiting for an answer locks nobody out
        click.echo(_details(entry))
        if not click.confirm("Delete this entry?"):
            click.echo("Nothing deleted.")
            return
    with app.session() as session:
        repo.delete_entry(session, entry_id)
    click.echo(f"Deleted entry {entry_id} ({entry.day.isoformat()}, pain {entry.pain}/10).")


# ---------------------------------------------------------------- surgeries and events


@cli.group(context_settings=CONTEXT)
def surgery() -> None:
    """Record spine surgeries: the latest one is day 0 of the trend."""


@surgery.command("add")
@click.argument("day", type=DATE, metavar="DATE")
@click.option("--procedure", required=True, help="What was done, e.g. 'L4-L5 microdiscectomy'.")
@click.option("--levels", help="Spinal levels operated on, e.g. L4-L5,L5-S1.")
@click.option("--note", help="Anything else (surgeon, hospital, complications).")
@pass_app
def surgery_add(
    app: App, day: dt.date, procedure: str, levels: str | None, note: str | None
) -> None:
    """Add a surgery.

    \b
    Example:
      tracker surgery add 2026-03-02 --procedure "L4-L5 fusion" --levels L4-L5
    """
    ev = domain.new_event(day, "surgery", procedure, note, domain.parse_levels(levels))
    with app.session() as session:
        saved = repo.add_event(session, ev)
    click.echo(f"Saved surgery {saved.id}: {_event_line(saved)}.")


@surgery.command("list")
@pass_app
def surgery_list(app: App) -> None:
    """List recorded surgeries."""
    with app.session(write=False) as session:
        events = repo.list_events(session, kind="surgery")
    _print_events(
        events, "No surgeries recorded. Add one with: tracker surgery add DATE --procedure TEXT"
    )


@cli.group(context_settings=CONTEXT)
def event() -> None:
    """Mark injections, nerve blocks, medication changes and more on the timeline."""


@event.command("add")
@click.argument("day", type=DATE, metavar="DATE")
@click.argument("kind", metavar="KIND")
@click.argument("title")
@click.option("--note", help="Anything else worth remembering.")
@pass_app
def event_add(app: App, day: dt.date, kind: str, title: str, note: str | None) -> None:
    """Add an event. KIND is one of: surgery, injection, nerve-block, medication-start,
    medication-stop, medication-change, physical-therapy, stimulator-trial,
    stimulator-implant, other.

    \b
    Examples:
      tracker event add 2026-08-14 injection "L5 transforaminal epidural steroid"
      tracker event add yesterday medication-start "pregabalin 75 mg twice daily"
    """
    ev = domain.new_event(day, domain.parse_event_kind(kind), title, note)
    with app.session() as session:
        saved = repo.add_event(session, ev)
    click.echo(f"Saved event {saved.id}: {_event_line(saved)}.")


@event.command("list")
@pass_app
def event_list(app: App) -> None:
    """List all events, surgeries included, oldest first."""
    with app.session(write=False) as session:
        events = repo.list_events(session)
    _print_events(events, "No events recorded. Add one with: tracker event add DATE KIND TITLE")


@event.command("delete")
@click.argument("event_id", type=ENTRY_ID, metavar="ID")
@pass_app
def event_delete(app: App, event_id: int) -> None:
    """Delete an event (or surgery) by its id."""
    with app.session() as session:
        removed = repo.delete_event(session, event_id)
    click.echo(f"Deleted event {event_id}: {_event_line(removed)}.")


def _event_line(ev: Event) -> str:
    text = f"{ev.day.isoformat()} {ev.kind} - {ev.title}"
    if ev.levels:
        text += f" ({', '.join(ev.levels)})"
    return text


def _print_events(events: list[Event], empty: str) -> None:
    if not events:
        click.echo(empty)
        return
    for ev in events:
        click.echo(
            f"{ev.id:>4}  {_event_line(ev)}" + (f'  "{_clip(ev.note, 40)}"' if ev.note else "")
        )


# ---------------------------------------------------------------- vocabulary


@cli.command("regions")
def regions_command() -> None:
    """List the body regions you can name, with the other words accepted for them."""
    click.echo("Midline (no side):")
    for region in regions.REGIONS.values():
        if region.side is None:
            click.echo(f"  {region.name:<14} {', '.join(regions.aliases_of(region.name))}")
    for limb in ("leg", "arm"):
        click.echo(f"\n{limb.capitalize()} (left-/right-/both-, nearest the spine first):")
        for region in regions.REGIONS.values():
            if region.limb == limb and region.side == "left":
                base = region.name.split("-", 1)[1]
                click.echo(f"  {base:<14} {', '.join(regions.aliases_of(region.name))}")
    click.echo(
        "\nWrite them like: lower-back, 'low back', left-calf, 'L calf', 'left lower leg', "
        "'both feet'."
    )
    click.echo("Pain qualities: " + ", ".join(domain.QUALITIES))
    click.echo("Red flags: " + ", ".join(domain.RED_FLAGS))


# ---------------------------------------------------------------- the database


@cli.group("db", context_settings=CONTEXT)
def db_group() -> None:
    """Where your diary is stored, its format version, and backups."""


@db_group.command("path")
@pass_app
def db_path(app: App) -> None:
    """Print where your diary is, and every file that holds your data."""
    database = app.database
    click.echo(database.describe())
    files = database.files()
    if files:
        click.echo("Files holding your diary (delete them all to erase it):")
        for path in files:
            click.echo(f"  {path}")


@db_group.command("upgrade")
@pass_app
def db_upgrade(app: App) -> None:
    """Bring the diary's format up to date (tracker also does this by itself)."""
    revision = app.database.current_revision()
    app.report_upgrade()
    click.echo(f"The diary at {app.database.describe()} is up to date (schema {revision}).")


@db_group.command("current")
@pass_app
def db_current(app: App) -> None:
    """Print the diary's format version (schema revision)."""
    revision = app.database.current_revision()
    app.report_upgrade()
    click.echo(revision)


@db_group.command("backup")
@click.option(
    "--out",
    type=click.Path(dir_okay=False),
    help="Where to write the copy (default: beside the diary).",
)
@pass_app
def db_backup(app: App, out: str | None) -> None:
    """Copy the diary to a backup file (safe while tracker is in use).

    \b
    Example:
      tracker db backup --out ~/diary-2026-11.sqlite3
    """
    app.database.engine()
    target = app.database.backup(Path(out).expanduser() if out else None)
    click.echo(f"Backed up to {target}")


@db_group.command("restore")
@click.argument("file", type=click.Path(dir_okay=False, path_type=Path))
@pass_app
def db_restore(app: App, file: Path) -> None:
    """Put a backup back as your diary (a copy of the diary as it is now is kept first).

    \b
    Example:
      tracker db restore ~/diary-2026-11.sqlite3
    """
    if not file.expanduser().exists():
        raise TrackerError(f"{file} does not exist; 'tracker db path' lists your backups")
    kept = app.database.restore(file)
    with app.session(write=False) as session:
        count = repo.count_entries(session)
    click.echo(f"Restored {file}: your diary now holds {domain.plural(count, 'entry', 'entries')}.")
    if kept:
        click.echo(f"Your diary as it was is kept at {kept}")


# ---------------------------------------------------------------- undo


@cli.command()
@pass_app
def undo(app: App) -> None:
    """Take back the last change (log, edit, delete, import, event); repeat to go further back.

    \b
    Example:
      tracker undo
    """
    from tracker import journal

    with app.session() as session:
        undone = journal.undo_last(session)
    if undone is None:
        click.echo(
            "Nothing to undo: no change in the last "
            f"{journal.RECOVERABLE_DAYS} days is left to take back."
        )
        return
    click.echo(f"Undone: {undone.summary} (made {undone.made_at:%Y-%m-%d %H:%M}).")
    if undone.next_summary:
        click.echo(f"Another 'tracker undo' would take back: {undone.next_summary}.")


def main() -> None:
    """Console-script entry point."""
    cli.main(prog_name="tracker")


from tracker import cli_data, cli_remind, cli_report  # noqa: E402  (they add their commands)

cli_report.register(cli)
cli_data.register(cli)
cli_remind.register(cli)

gc.freeze()  # start-up objects live as long as the process: never scan them again
gc.enable()
