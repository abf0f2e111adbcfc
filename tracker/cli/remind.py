"""`tracker remind`: a daily reminder to log, only on days with nothing logged. Click only."""

from __future__ import annotations

import datetime as dt
from typing import TYPE_CHECKING

import click

from tracker import clock
from tracker import repository as repo
from tracker.cli.app import App, pass_app
from tracker.cli.params import BadValue
from tracker.errors import TrackerError

if TYPE_CHECKING:  # tracker.remind (subprocess and friends) loads inside the commands only
    from tracker.remind import Reminder

_WHERE = {
    "systemd": "a systemd user timer",
    "cron": "a line in your crontab",
    "launchd": "a launchd agent",
}


def _time(ctx: click.Context, param: click.Parameter, value: str | None) -> dt.time | None:
    if value is None:
        return None
    from tracker import remind

    try:
        return remind.parse_time(value)
    except TrackerError as exc:
        raise BadValue(exc.message, ctx, param) from None


@click.group("remind", invoke_without_command=True)
@click.option("--at", "at", callback=_time, metavar="HH:MM", help="Remind me every day at HH:MM.")
@click.option("--off", is_flag=True, help="Switch the reminder off.")
@pass_app
@click.pass_context
def remind_group(ctx: click.Context, app: App, at: dt.time | None, off: bool) -> None:
    """A daily reminder to log, shown only when nothing was logged that day.

    \b
    Examples:
      tracker remind --at 20:00     (set it, or move it)
      tracker remind                (what is set)
      tracker remind --off
    """
    from tracker import remind

    if ctx.invoked_subcommand is not None:
        if at is not None or off:
            raise click.UsageError("give --at or --off without a subcommand")
        return
    if at is not None and off:
        raise click.UsageError("give --at or --off, not both")
    if off:
        removed = remind.remove_reminder()
        click.echo("Reminder switched off." if removed else "No reminder was set.")
        return
    if at is None:
        current = remind.current_reminder()
        if current is None:
            click.echo("No reminder is set. Set one with: tracker remind --at 20:00")
        else:
            click.echo(_describe(current))
        return
    database = app.database
    db = str(database.path) if database.path else database.url.render_as_string(False)
    reminder = remind.set_reminder(at, db)
    click.echo(_describe(reminder))


def _describe(reminder: Reminder) -> str:
    where = "\n".join(f"  {item}" for item in reminder.written)
    return (
        f"Reminder set for {reminder.at:%H:%M} every day, only when nothing is logged that day"
        f" ({_WHERE[reminder.scheduler]}):\n{where}"
    )


@remind_group.command("check")
@click.option("--notify", is_flag=True, help="Also show a desktop notification (the timer's way).")
@pass_app
def remind_check(app: App, notify: bool) -> None:
    """Say so if nothing is logged today; silent when today is logged (what the timer runs)."""
    if not app.database.exists():
        logged = False
    else:
        with app.session(write=False) as session:
            logged = repo.logged_on(session, clock.today())
    if logged:
        return
    from tracker import remind

    click.echo(remind.MESSAGE)
    if notify:
        remind.notify()


COMMANDS = (remind_group,)
