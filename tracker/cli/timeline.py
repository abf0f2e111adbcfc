"""The timeline: surgeries (the latest is day 0 of the trend) and other events."""

from __future__ import annotations

import dataclasses
import datetime as dt
from collections.abc import Callable
from dataclasses import replace
from typing import Any, TypeVar

import click

from tracker import clock, domain, times
from tracker import repository as repo
from tracker.cli import asking, before
from tracker.cli.app import App, pass_app
from tracker.cli.group import WordsGoAfter
from tracker.cli.lines import clip, event_line
from tracker.cli.params import COUNT, DATE, ID, SIDE, TIME
from tracker.domain import Event
from tracker.errors import TrackerError

Command = TypeVar("Command", bound=Callable[..., Any])


@click.group()
def surgery() -> None:
    """Record spine surgeries: the latest one is day 0 of the trend."""


@surgery.command("add", cls=WordsGoAfter, words_option="--procedure", what="what was done")
@click.argument("day", type=DATE, metavar="DATE", required=False)
@click.option("--procedure", help="What was done, e.g. 'L4-L5 microdiscectomy'.")
@click.option("--levels", help="Spinal levels operated on, e.g. L4-L5,L5-S1.")
@click.option("--note", help="Anything else (surgeon, hospital, complications).")
@before.before_options
@click.option("--yes", is_flag=True, help="Add it even if the same surgery is recorded.")
@pass_app
def surgery_add(
    app: App,
    day: dt.date | None,
    procedure: str | None,
    levels: str | None,
    note: str | None,
    yes: bool,
    **given: Any,
) -> None:
    """Add a surgery, and the pain it was for (asks first if the same one is recorded).

    With no DATE or --procedure on a terminal, asks step by step, the pain in the weeks
    before the operation included.

    \b
    Examples:
      tracker surgery add 2026-03-02 --procedure "L4-L5 fusion" --levels L4-L5
      tracker surgery add 2026-03-02 --procedure "L5-S1 discectomy" --before-pain 7 \\
          --before-where left-calf=8 --before-where lower-back=5 --before-radiates left-calf
      tracker surgery add        (on a terminal: asks step by step)
    """
    changes = before.given_changes(given)
    pain_before = before.merged(None, changes)
    if day is None or procedure is None:
        if not asking.on_terminal():
            if procedure is None:
                raise click.UsageError("Missing option '--procedure'")
            raise click.UsageError("Missing argument 'DATE'")
        day, procedure, levels, asked = _ask_surgery(day, procedure, levels, bool(changes))
        pain_before = asked or pain_before
    ev = domain.new_event(day, "surgery", procedure, note, domain.parse_levels(levels))
    if not yes and app.database.exists():
        with app.session(write=False) as session:
            recorded = repo.list_events(session, kind="surgery")
        same = [s for s in recorded if domain.same_surgery(s, ev)]
        if same:
            said = f"surgery {same[0].id} is already recorded: {event_line(same[0])}"
            if not asking.on_terminal():
                raise TrackerError(f"{said}; give --yes to add another")
            if not click.confirm(f"{said[0].upper()}{said[1:]}. Add another?"):
                click.echo("Nothing added.")
                return
    with app.session() as session:
        saved = repo.add_event(session, ev)
        if pain_before.recorded:
            assert saved.id is not None
            repo.set_pain_before(session, saved.id, pain_before)
    click.echo(f"Saved surgery {saved.id}: {event_line(saved)}.")
    if pain_before.recorded:
        click.echo(f"  Pain before it: {before.describe(pain_before)}")


def _ask_surgery(
    day: dt.date | None, procedure: str | None, levels: str | None, before_given: bool
) -> tuple[dt.date, str, str | None, before.PainBefore | None]:
    """The step-by-step `surgery add`: what is missing, then the pain before it."""
    from tracker.cli.params import date_order

    today = clock.today()
    if day is None:
        day = asking.ask_value(
            "Date of the surgery (YYYY-MM-DD)",
            None,
            lambda text: domain.parse_date(text, today, date_order()),
        )
    if procedure is None:
        procedure = asking.ask_value("What was done (e.g. L4-L5 fusion)", None, _procedure)
    if levels is None:
        levels = (
            asking.ask_value(
                "Spinal levels (e.g. L4-L5; '-' if you don't know)",
                "-",
                lambda text: ",".join(domain.parse_levels(None if text.strip() == "-" else text)),
            )
            or None
        )
    return day, procedure, levels, None if before_given else before.ask_before()


def _procedure(text: str) -> str:
    cleaned = domain.clean_text(text, "procedure", domain.MAX_TITLE)
    if not cleaned:
        raise TrackerError("say what was done, for example 'L4-L5 fusion'")
    return cleaned


@surgery.command("edit")
@click.argument("event_id", type=ID, metavar="ID")
@click.option("--date", "day", type=DATE, help="New date of the surgery.")
@click.option("--procedure", help="New description of what was done.")
@click.option("--levels", help="New spinal levels ('none' clears them).")
@click.option("--note", help="New note ('' clears it).")
@before.before_options
@pass_app
def surgery_edit(
    app: App,
    event_id: int,
    day: dt.date | None,
    procedure: str | None,
    levels: str | None,
    note: str | None,
    **given: Any,
) -> None:
    """Correct a surgery or the pain it was for; each option replaces that part.

    \b
    Examples:
      tracker surgery edit 1 --before-pain 7 --before-where left-calf=8 --before-source memory
      tracker surgery edit 1 --levels L4-L5,L5-S1
      tracker surgery edit 1 --before-radiates none
    """
    changes = before.given_changes(given)
    with app.session(create=False) as session:
        ev = repo.get_event(session, event_id)
        if ev.kind != "surgery":
            raise TrackerError(
                f"event {event_id} is an {ev.kind}, not a surgery; 'tracker surgery list'"
                " shows the surgeries"
                if ev.kind[0] in "aeiou"
                else f"event {event_id} is a {ev.kind}, not a surgery; 'tracker surgery list'"
                " shows the surgeries"
            )
        new_levels = ev.levels
        if levels is not None:
            new_levels = domain.parse_levels(None if levels.strip().lower() == "none" else levels)
        edited = domain.new_event(
            day or ev.day, "surgery", ev.title if procedure is None else procedure,
            ev.note if note is None else note, new_levels, ev.time, ev.side, ev.days,
        )  # fmt: skip
        lines = [
            f"{label}: {domain.describe_value(a)} -> {domain.describe_value(b)}"
            for label, a, b in (
                ("date", ev.day, edited.day),
                ("procedure", ev.title, edited.title),
                ("levels", ev.levels, edited.levels),
                ("note", ev.note, edited.note),
            )
            if a != b
        ]
        current = repo.pains_before(session).get(event_id)
        updated = before.merged(current, changes)
        lines += before.changed_lines(current, updated)
        if not lines:
            raise TrackerError(
                f"nothing to change: surgery {event_id} already says that "
                "(see 'tracker surgery list')"
            )
        if edited != replace(ev, id=None):
            repo.update_event(session, replace(edited, id=event_id))
        if updated != (current or before.PainBefore()):
            repo.set_pain_before(session, event_id, updated)
    click.echo(f"Updated surgery {event_id}:")
    for line in lines:
        click.echo(f"  {line}")


@surgery.command("list")
@click.option("--json", "as_json", is_flag=True, help="Print the surgeries as JSON.")
@pass_app
def surgery_list(app: App, as_json: bool) -> None:
    """List recorded surgeries, with the pain each was for.

    \b
    Examples:
      tracker surgery list
      tracker surgery list --json
    """
    with app.session(write=False) as session:
        events = repo.list_events(session, kind="surgery")
        befores = repo.pains_before(session)
    if as_json:
        import json

        shaped = [
            before.surgery_dict(ev, befores.get(ev.id or 0, before.PainBefore())) for ev in events
        ]
        click.echo(json.dumps(shaped, ensure_ascii=False, indent=2))
        return
    if not events:
        click.echo("No surgeries recorded. Add one with: tracker surgery add DATE --procedure TEXT")
        return
    for ev in events:
        _print_events([ev], "")
        pain_before = befores.get(ev.id or 0)
        if pain_before is not None and pain_before.recorded:
            click.echo(f"        before: {before.describe(pain_before)}")


@click.group()
def event() -> None:
    """Mark injections, nerve blocks, medication changes and more on the timeline."""


def _event_options(func: Command) -> Command:
    """The options `event add` and `event edit` share."""
    for option in reversed(
        [
            click.option(
                "--at",
                type=TIME,
                metavar="HH:MM",
                help="When it was done (a block: needed for its readings).",
            ),
            click.option("--side", type=SIDE, help="Where it was given: left, right or both."),
            click.option("--levels", help="Spinal levels, e.g. L4-L5,L5-S1 (injections, blocks)."),
            click.option(
                "--days", type=COUNT, help="A stimulator trial's length in days (default 7)."
            ),
            click.option("--note", help="Anything else worth remembering."),
        ]
    ):
        func = option(func)
    return func


@event.command("add")
@click.argument("day", type=DATE, metavar="DATE")
@click.argument("kind", metavar="KIND")
@click.argument("title")
@_event_options
@pass_app
def event_add(
    app: App,
    day: dt.date,
    kind: str,
    title: str,
    at: dt.time | None,
    side: str | None,
    levels: str | None,
    days: int | None,
    note: str | None,
) -> None:
    """Add an event. KIND is one of: surgery, injection, nerve-block, medication-start,
    medication-stop, medication-change, physical-therapy, stimulator-trial,
    stimulator-implant, other.

    \b
    Examples:
      tracker event add 2026-08-14 injection "L5 epidural steroid" --side left --levels L5-S1
      tracker event add today nerve-block "medial branch block" --at 09:00 --side right
      tracker event add 2026-09-01 stimulator-trial "SCS trial" --days 7
      tracker event add yesterday medication-start "pregabalin 75 mg twice daily"
    """
    if at is not None:
        times.time_of(day, at, clock.now())  # a time still to come is refused
    ev = domain.new_event(
        day, domain.parse_event_kind(kind), title, note, domain.parse_levels(levels), at, side, days
    )
    with app.session() as session:
        saved = repo.add_event(session, ev)
    click.echo(f"Saved event {saved.id}: {event_line(saved)}.")
    after_procedure(saved)


@event.command("list")
@click.option("--json", "as_json", is_flag=True, help="Print the events as JSON.")
@pass_app
def event_list(app: App, as_json: bool) -> None:
    """List all events, surgeries included, oldest first.

    \b
    Examples:
      tracker event list
      tracker event list --json
    """
    with app.session(write=False) as session:
        events = repo.list_events(session)
    if as_json:
        import json

        click.echo(json.dumps([e.as_dict() for e in events], ensure_ascii=False, indent=2))
        return
    _print_events(events, "No events recorded. Add one with: tracker event add DATE KIND TITLE")


@event.command("edit")
@click.argument("event_id", type=ID, metavar="ID")
@click.option("--date", "day", type=DATE, help="New day.")
@click.option("--kind", help="New kind.")
@click.option("--title", help="New title.")
@_event_options
@pass_app
def event_edit(
    app: App,
    event_id: int,
    day: dt.date | None,
    kind: str | None,
    title: str | None,
    at: dt.time | None,
    side: str | None,
    levels: str | None,
    days: int | None,
    note: str | None,
) -> None:
    """Correct an event: each option given replaces that part.

    \b
    Examples:
      tracker event edit 4 --at 09:15
      tracker event edit 4 --side left --levels L5-S1
    """
    given: dict[str, Any] = {
        "day": day,
        "kind": domain.parse_event_kind(kind) if kind is not None else None,
        "title": title,
        "time": at,
        "side": side,
        "levels": domain.parse_levels(levels) if levels is not None else None,
        "days": days,
        "note": note,
    }
    changes = {name: value for name, value in given.items() if value is not None}
    if not changes:
        raise click.UsageError("give what to change, e.g. --at 09:15 or --side left")
    with app.session(create=False) as session:
        old = repo.get_event(session, event_id)
        merged = dataclasses.replace(old, **changes)
        edited = domain.new_event(
            merged.day, merged.kind, merged.title, merged.note if note is None else note or None,
            merged.levels, merged.time, merged.side, merged.days,
        )  # fmt: skip
        if edited.time is not None:
            times.time_of(edited.day, edited.time, clock.now())
        edited = dataclasses.replace(edited, id=event_id)
        if edited == old:
            raise TrackerError(f"nothing to change: event {event_id} already says that")
        repo.update_event(session, edited)
    click.echo(f"Updated event {event_id}: {event_line(old)} -> {event_line(edited)}.")


@event.command("delete")
@click.argument("event_id", type=ID, metavar="ID")
@click.option("--yes", is_flag=True, help="Do not ask for confirmation.")
@pass_app
def event_delete(app: App, event_id: int, yes: bool) -> None:
    """Delete an event (or surgery) by its id (asks first unless --yes).

    \b
    Example:
      tracker event delete 3
    """
    with app.session(write=False) as session:
        found = repo.get_event(session, event_id)
    if not yes:  # asked with no transaction open: waiting for an answer locks nobody out
        click.echo(f"{found.id:>4}  {event_line(found)}")
        if not click.confirm("Delete this event?"):
            click.echo("Nothing deleted.")
            return
    with app.session(create=False) as session:
        removed = repo.delete_event(session, event_id)
    click.echo(f"Deleted event {event_id}: {event_line(removed)}.")


def after_procedure(ev: Event) -> None:
    """After a block, an injection or a trial: when its readings are due."""
    from tracker.cli.response import readings_due_lines

    for line in readings_due_lines(ev):
        click.echo(line)


def _print_events(events: list[Event], empty: str) -> None:
    if not events:
        click.echo(empty)
        return
    for ev in events:
        click.echo(
            f"{ev.id:>4}  {event_line(ev)}" + (f'  "{clip(ev.note, 40)}"' if ev.note else "")
        )


COMMANDS = (surgery, event)
