"""The timeline: surgeries (the latest is day 0 of the trend) and other events."""

from __future__ import annotations

import datetime as dt

import click

from tracker import domain
from tracker import repository as repo
from tracker.cli import asking
from tracker.cli.app import App, pass_app
from tracker.cli.lines import clip, event_line
from tracker.cli.params import DATE, ID
from tracker.domain import Event
from tracker.errors import TrackerError


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
    click.echo(f"Saved event {saved.id}: {event_line(saved)}.")


@event.command("list")
@pass_app
def event_list(app: App) -> None:
    """List all events, surgeries included, oldest first."""
    with app.session(write=False) as session:
        events = repo.list_events(session)
    _print_events(events, "No events recorded. Add one with: tracker event add DATE KIND TITLE")


@event.command("delete")
@click.argument("event_id", type=ID, metavar="ID")
@pass_app
def event_delete(app: App, event_id: int) -> None:
    """Delete an event (or surgery) by its id."""
    with app.session(create=False) as session:
        removed = repo.delete_event(session, event_id)
    click.echo(f"Deleted event {event_id}: {event_line(removed)}.")


def _print_events(events: list[Event], empty: str) -> None:
    if not events:
        click.echo(empty)
        return
    for ev in events:
        click.echo(
            f"{ev.id:>4}  {event_line(ev)}" + (f'  "{clip(ev.note, 40)}"' if ev.note else "")
        )


COMMANDS = (surgery, event)
