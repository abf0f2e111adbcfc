"""The diary's everyday commands: log, list, show, edit, delete, undo."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from dataclasses import replace
from typing import Any, TypeVar

import click

from tracker import clock, domain, regions, times
from tracker import repository as repo
from tracker.cli import asking
from tracker.cli.app import App, pass_app
from tracker.cli.lines import clip, details, long_date, summary, warn_red_flags
from tracker.cli.params import COUNT, DATE, ID, PAIN, TIME
from tracker.domain import Entry
from tracker.errors import TrackerError, shown

Command = TypeVar("Command", bound=Callable[..., Any])


def _entry_options(func: Command) -> Command:
    """The options shared by `log` and `edit`: one per field of an entry (domain.FIELDS)."""
    for f in reversed(domain.FIELDS):  # the last decorator applied is listed first
        option = click.option(f.option, f.name, multiple=f.multiple, metavar=f.metavar, help=f.help)
        func = option(func)
    return func


SAME_WORDS = ("same", "again")


def _extra_words_message(words: tuple[str, ...], same: bool) -> str:
    """What to do with words typed after the pain: places go after --where, anything else is
    a note (`tracker log 6 sore after the drive` is the commonest slip of a new patient)."""
    command = "tracker log same" if same else "tracker log"
    pains = []
    for word in words:
        try:
            pains.append(domain.parse_pain(word))
        except TrackerError:
            break
    if len(pains) == len(words):
        return (
            f"give one pain from 0 to 10, not {len(words)}: e.g. '{command} {pains[-1]}'; a"
            " place's own pain is joined to it with '=', e.g. --where left-calf=5"
        )
    number, extra = (f" {pains[0]}", words[1:]) if pains else (" 6", words)
    places: list[str] = []
    for word in extra:
        name, sep, rating = word.partition("=")
        try:
            places.extend(f"{place}{sep}{rating}" for place in regions.resolve(name))
        except TrackerError as exc:
            if "-" in name and "did you mean" in exc.message:  # a place, mistyped
                return f"give one pain, then the places after --where; {exc.message}"
            break
    else:
        where = " ".join(f"--where {shown(place)}" for place in places)
        return f"give one pain, then the places after --where: e.g. '{command}{number} {where}'"
    note = shown(" ".join(extra))
    return (
        f"give one pain, not {len(words)} words; a note goes after --note, in quotes: "
        f"e.g. '{command}{number} --note \"{note}\"'"
    )


@click.command()
@click.argument("words", nargs=-1, metavar="[PAIN | same [PAIN]]")
@click.option(
    "--date",
    "day",
    type=DATE,
    help="The day this entry describes: YYYY-MM-DD, today (default), yesterday, 3 days ago.",
)
@click.option(
    "--at",
    type=TIME,
    metavar="HH:MM",
    help="The time of day it describes (default: now, for today; none for an earlier day).",
)
@_entry_options
@click.option(
    "--ask",
    is_flag=True,
    help="Ask step by step (the default when no PAIN is given on a terminal).",
)
@pass_app
def log(
    app: App,
    words: tuple[str, ...],
    day: dt.date | None,
    at: dt.time | None,
    ask: bool,
    **fields: Any,
) -> None:
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
    twice = domain.twice_rated(fields.get("where") or ())
    if twice:
        raise TrackerError(twice)
    if len(rest) > 1:
        raise click.UsageError(_extra_words_message(rest, same))
    pain = domain.parse_pain(rest[0]) if rest else None
    if pain is None and not ask and not same:
        if not asking.on_terminal():
            raise click.UsageError("give the pain as a number from 0 to 10, e.g. 'tracker log 6'")
        ask = True
    # The entry is complete and checked before the write transaction starts: bad input never
    # touches the diary, and a patient answering questions never holds the write lock.
    previous = None
    if (ask or same) and app.database.exists():
        with app.session(write=False) as session:
            last = repo.list_entries(session, limit=1, newest_first=True)
        previous = last[0] if last else None
    if same and previous is None:
        raise TrackerError("there is no entry yet to log the same as; log one: tracker log 5")
    if ask:
        entry = asking.ask_entry(previous, pain, day)
    elif same:
        assert previous is not None
        given = {name: value for name, value in fields.items() if value}
        carried = domain.carried_over(previous) | given
        entry = domain.entry_from_text(
            day or clock.today(), previous.pain if pain is None else pain, clock.now(), **carried
        )
    else:
        assert pain is not None  # without a pain, log asks (above)
        entry = domain.entry_from_text(day or clock.today(), pain, clock.now(), **fields)
    entry = replace(entry, time=times.time_of(entry.day, at, entry.logged_at))
    doubt = _doubtful_day(app, entry.day) if day is not None else None
    spots = _spots_above(entry)
    for question in (doubt, spots):  # a slip of the finger is likely: ask before saving
        if question and asking.on_terminal():
            if not click.confirm(f"{question[0].upper()}{question[1:]}. Save it as given?"):
                click.echo("Nothing saved.")
                return
    with app.session() as session:
        earlier = repo.pains_on(session, entry.day)
        saved = repo.add_entry(session, entry)
    _print_saved(saved)
    if earlier:  # twice a day is usual; a day logged again by mistake is not
        pains = ", ".join(str(p) for p in earlier)
        had = domain.plural(len(earlier), "entry", "entries")
        beside = "it" if len(earlier) == 1 else "them"
        click.echo(
            f"Note: {long_date(entry.day)} already had {had} (pain {pains}), and this one is"
            f" kept beside {beside}: the report takes the day's average ('tracker list' shows"
            " them; 'tracker undo' takes this one back)."
        )
    for note in domain.recorded_as_notes(fields):
        click.echo(note)
    for question in (doubt, spots):
        if question and not asking.on_terminal():
            click.echo(f"Note: {question}; saved as given.")


def _doubtful_day(app: App, day: dt.date) -> str | None:
    """A day before the first surgery or long ago: the sentence that asks about it."""
    surgeries: list[dt.date] = []
    if app.database.exists():
        with app.session(write=False) as session:
            surgeries = [e.day for e in repo.list_events(session, kind="surgery")]
    return domain.doubtful_day(day, clock.today(), surgeries)


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
    click.echo(f"Saved entry {entry.id} for {long_date(entry.day)}: {summary(entry)}.")
    if entry.backfilled:
        click.echo(
            f"(Back-filled: typed on {entry.logged_at:%Y-%m-%d}; the report counts it as such.)"
        )
    if entry.red_flags:
        warn_red_flags(entry.red_flags)


# ---------------------------------------------------------------- reviewing and correcting


@click.command("list")
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
        details = summary(entry).split("; ", 1)[1] if "; " in summary(entry) else ""
        if entry.note:
            details = (details + "  " if details else "") + f'"{clip(entry.note, 40)}"'
        if entry.time is not None:  # a timed reading (a block's, say): its time comes first
            details = f"{entry.time:%H:%M}  {details}"
        click.echo(f"{entry.id:>5}  {entry.day.isoformat():<10}{mark} {entry.pain:>4}  {details}")
    footer = f"{len(entries)} of {domain.plural(total, 'entry', 'entries')} shown."
    if any(e.backfilled for e in entries):
        footer += " * back-filled (typed on a later day)."
    click.echo(footer)


@click.command()
@click.argument("entry_id", type=ID, metavar="ID")
@pass_app
def show(app: App, entry_id: int) -> None:
    """Show one entry in full.

    \b
    Example:
      tracker show 12
    """
    with app.session(write=False) as session:
        entry = repo.get_entry(session, entry_id)
    click.echo(details(entry))


@click.command()
@click.argument("entry_id", type=ID, metavar="ID")
@click.option("--pain", type=PAIN, help="New overall pain, 0-10.")
@click.option("--date", "day", type=DATE, help="New day this entry describes.")
@click.option("--at", type=TIME, metavar="HH:MM", help="New time of day it describes.")
@_entry_options
@pass_app
def edit(
    app: App,
    entry_id: int,
    pain: int | None,
    day: dt.date | None,
    at: dt.time | None,
    **fields: Any,
) -> None:
    """Correct an entry. Each option replaces that field; 'none' empties a list.

    \b
    Examples:
      tracker edit 12 --pain 5
      tracker edit 12 --where lower-back=5 --radiates none
      tracker edit 12 --note ""
    """
    twice = domain.twice_rated(fields.get("where") or ())
    if twice:
        raise TrackerError(twice)
    given = {"day": day, "time": at, "pain": pain} | {f.name: fields[f.name] for f in domain.FIELDS}
    changes = {
        name: _edited(domain.FIELD.get(name), value)
        for name, value in given.items()
        if value is not None and value != ()
    }
    if not changes:  # "already says that" read as if a change had been asked for
        raise click.UsageError(
            f"give at least one thing to change, e.g. 'tracker edit {entry_id} --pain 5' or"
            " '--where lower-back=5'"
        )
    with app.session(create=False) as session:
        entry = repo.get_entry(session, entry_id)
        updated, lines = domain.apply_changes(entry, changes)
        if updated.time is not None:  # a time moved to another day may now be to come
            times.time_of(updated.day, updated.time, clock.now())
        if not lines:
            raise TrackerError(
                f"nothing to change: entry {entry_id} already says that "
                f"(see 'tracker show {entry_id}')"
            )
        repo.update_entry(session, updated)
    click.echo(f"Updated entry {entry_id}:")
    for line in lines:
        click.echo(f"  {line}")
    for note in domain.recorded_as_notes(fields):
        click.echo(note)
    new_flags = tuple(f for f in updated.red_flags if f not in entry.red_flags)
    if new_flags:
        warn_red_flags(new_flags)


def _edited(f: domain.EntryField | None, given: Any) -> Any:
    """The new value of what `edit` was given (day and pain come parsed); 'none' empties a
    list (the parsers know it, in `log` too), and "" the note."""
    if f is None:
        return given
    return f.parse(given)


@click.command()
@click.argument("entry_id", type=ID, metavar="ID")
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
        click.echo(details(entry))
        if not click.confirm("Delete this entry?"):
            click.echo("Nothing deleted.")
            return
    with app.session(create=False) as session:
        repo.delete_entry(session, entry_id)
    click.echo(f"Deleted entry {entry_id} ({entry.day.isoformat()}, pain {entry.pain}/10).")


# ---------------------------------------------------------------- undo


@click.command()
@pass_app
def undo(app: App) -> None:
    """Take back the last change; repeat to go further back.

    Any change to the diary: an entry logged, edited or deleted, an import, a surgery or
    event, a medicine or dose, a weekly check. It says what it took back; the diary is then
    as it was before that change.

    \b
    Example:
      tracker undo
    """
    from tracker import journal

    with app.session(create=False) as session:
        undone = journal.undo_last(session)
    if undone is None:
        click.echo(
            "Nothing to undo: no change in the last "
            f"{journal.RECOVERABLE_DAYS} days is left to take back."
        )
        return
    click.echo(f"Undone: {undone.summary} (made {undone.made_at:%Y-%m-%d %H:%M}).")
    # "Undone: edited entry 5 (..., pain 4/10)" read as if 4 were the value now
    click.echo("The diary is back as it was before that change.")
    if undone.next_summary:
        click.echo(f"Another 'tracker undo' would take back: {undone.next_summary}.")


COMMANDS = (log, list_command, show, edit, delete, undo)
