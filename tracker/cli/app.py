"""What every command works on: the App in ctx.obj (the diary's database, one transaction
per command)."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import TYPE_CHECKING

import click

from tracker.errors import TrackerError

if TYPE_CHECKING:  # types only: the database layer is imported when a command needs it
    from sqlalchemy.orm import Session

    from tracker.db import Database


class App:
    """The diary a command works on (from --db, the environment or the user data folder)."""

    def __init__(self, db_option: str | None) -> None:
        self.db_option = db_option
        self._database: Database | None = None

    @property
    def database(self) -> Database:
        if self._database is None:
            from tracker.db import Database
            from tracker.paths import database_url

            self._database = Database(database_url(self.db_option))
        return self._database

    @contextmanager
    def session(self, write: bool = True, create: bool | None = None) -> Iterator[Session]:
        """One transaction for the whole command (a read never creates a diary; see db.py)."""
        with self.database.session(write=write, create=create) as session:
            yield session
        self.report_upgrade()

    def report_upgrade(self) -> None:
        upgraded = self.database.upgraded_from
        if upgraded and upgraded[0] is not None:
            kept = (
                f"; the old file was kept at {upgraded[1]}"
                if upgraded[1] is not None
                else " (on a database server: its own backups, e.g. pg_dump, keep the old one)"
            )
            click.echo(f"Your diary was upgraded to the current format{kept}", err=True)
            self.database.upgraded_from = None

    def close(self) -> None:
        """Release the database when the command ends (SQLite folds its journal back in)."""
        if self._database is not None:
            self._database.dispose()
            if self._database.created:  # said once, after what the command itself printed
                click.echo(f"Created a new diary at {self._database.describe()}", err=True)


pass_app = click.make_pass_decorator(App)


def refuse_overwrite(path: Path, force: bool) -> None:
    """Report, export and backup alike: an existing file is replaced only with --force."""
    if path.is_file() and not force:
        raise TrackerError(
            f"{path} already exists; give --force to replace it, or choose another name"
        )
