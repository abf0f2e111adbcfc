"""`tracker db ...`: where the diary is stored, its format version, backups and restoring one."""

from __future__ import annotations

from pathlib import Path

import click

from tracker import domain
from tracker import repository as repo
from tracker.cli.app import App, pass_app
from tracker.errors import TrackerError


@click.group("db")
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
@click.option("--force", is_flag=True, help="Replace the --out file if it exists.")
@pass_app
def db_backup(app: App, out: str | None, force: bool) -> None:
    """Copy the diary to a backup file (safe while tracker is in use).

    \b
    Example:
      tracker db backup --out ~/diary-2026-11.sqlite3
    """
    app.database.engine(create=False)
    target = app.database.backup(Path(out).expanduser() if out else None, force)
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


COMMANDS = (db_group,)
