"""The `tracker` command group: its options, and every command, gathered from the modules
that define them (one module per group of commands)."""

from __future__ import annotations

import os

import click

from tracker.cli import (
    data,
    database,
    diary,
    meds,
    remind,
    report,
    response,
    summary,
    timeline,
    vocabulary,
    week,
)
from tracker.cli.app import App
from tracker.cli.group import CONTEXT, TrackerGroup


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


for modules in (
    (diary, week, timeline, meds, response, vocabulary),
    (report, summary, data, database, remind),
):
    for module in modules:
        for command in module.COMMANDS:
            cli.add_command(command)
