"""The timeline: surgeries (the latest is day 0 of the trend) and other events."""

from __future__ import annotations

import dataclasses
import datetime as dt
from collections.abc import Callable
from typing import Any, TypeVar

import click

from tracker import clock, domain, times
from tracker import repository as repo
from tracker.cli import asking
from tracker.cli.app import App, pass_app
from tracker.cli.lines import clip, event_line
from tracker.cli.params import COUNT, DATE, ID, SIDE, TIME
from tracker.domain import Event
from tracker.errors import TrackerError

Command = TypeVar("Command", bound=Callable[..., Any])


@click.group()
def surgery() -> None:
    """Record spine surgeries: the latest one is day 0 of the trend."""


@surgery.command("add")
@click.argument("day", type=DATE, metavar="DATE")
@click.option("--procedure", required=True, help="What was done, e.g. 'L4-L5 microdiscectomy'.")
@click.option("--levels", help="Spinal levels operated on, e.g. L4-L5,L5-S1.")
@click.option("--note", help="Anything else (surgeon, hospital, complications).")
@click.option("--yes", is_flag=True, help="Add it even if the same surgery is recorded.")
@pass_app
def surgery_add(
    app: App, day: dt.date, procedure: str, levels: str | None, note: str | None, yes: bool
) -> None:
    """Add a surgery (asks first if the same one is recorded).

    \b
    Example:
      tracker surgery add 2026-03-02 --procedure "L4-L5 fusion" --levels L4-L5
    """
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
    click.echo(f"Saved surgery {saved.id}: {event_line(saved)}.")


@surgery.command("list")
@pass_app
def surgery_list(app: App) -> None:
    """List recorded surgeries."""
    with app.session(write=False) as session:
        events = repo.list_events(session, kind="surgery")
    _print_events(
        events, "No surgeries recorded. Add one with: tracker surgery add DATE --procedure TEXT"
    )


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
    """After a block, an injection or a trial: nothing yet (readings due: slice c)."""


def _print_events(events: list[Event], empty: str) -> None:
    if not events:
        click.echo(empty)
        return
    for ev in events:
        click.echo(
            f"{ev.id:>4}  {event_line(ev)}" + (f'  "{clip(ev.note, 40)}"' if ev.note else "")
        )


COMMANDS = (surgery, event)
