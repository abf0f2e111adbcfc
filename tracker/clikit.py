"""Click pieces shared by every command: the group that turns errors into one line, the App
in ctx.obj, and the parameter types that parse what patients type. No SQL, no maths."""

from __future__ import annotations

import datetime as dt
import gc
import os
import sys
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from typing import Any

import click

from tracker import domain
from tracker.errors import TrackerError, shown


class TrackerGroup(click.Group):
    """A group whose errors are one line: 'Error: ...', exit 1 (expected) or 2 (usage)."""

    def invoke(self, ctx: click.Context) -> Any:
        try:
            return super().invoke(ctx)
        except TrackerError as exc:
            raise click.ClickException(exc.message) from None
        except OSError as exc:
            where = f" ({exc.filename})" if exc.filename else ""
            raise click.ClickException(f"{exc.strerror or exc}{where}") from None

    def main(self, args: Any = None, prog_name: str | None = None, **extra: Any) -> Any:  # type: ignore[override]
        standalone = extra.pop("standalone_mode", True)
        try:
            if args and any("\x00" in str(arg) for arg in args):
                # A NUL cannot reach us from a shell, but can from a script; no path or
                # text we accept may hold one.
                raise click.UsageError("an argument contains a NUL character; remove it")
            return super().main(args, prog_name="tracker", standalone_mode=False, **extra)
        except click.MissingParameter as exc:  # a mistyped command: exit 2, below
            hint = f" (see '{exc.ctx.command_path} --help')" if exc.ctx else ""
            _error_line(f"{_one_line(exc.format_message())}{hint}")
            code = exc.exit_code
        except click.BadParameter as exc:  # a problem with a value given: exit 1, like any other
            _error_line(_one_line(_value_message(exc)))
            code = 1
        except click.UsageError as exc:
            hint = f" (see '{exc.ctx.command_path} --help')" if exc.ctx else ""
            _error_line(f"{_one_line(exc.format_message())}{hint}")
            code = exc.exit_code
        except click.ClickException as exc:
            _error_line(_one_line(exc.format_message()))
            code = exc.exit_code
        except click.exceptions.Abort:  # Ctrl-C or end of input at a question
            click.echo("", err=True)  # the cursor is still on the question's line
            _error_line("cancelled; nothing was changed")
            code = 1
        except click.exceptions.Exit as exc:
            code = exc.exit_code
        except KeyboardInterrupt:
            click.echo("", err=True)  # after the ^C the terminal printed
            _error_line("interrupted; nothing was changed")
            code = 130
        except Exception as exc:  # a bug: one line for the patient, details on request
            if os.environ.get("TRACKER_DEBUG"):
                raise
            _error_line(
                f"unexpected problem ({type(exc).__name__}: {_one_line(str(exc))[:200]}); "
                "nothing was changed. Set TRACKER_DEBUG=1 to see details"
            )
            code = 1
        if standalone:
            sys.exit(code)
        return code


def _value_message(exc: click.BadParameter) -> str:
    """A bad value's message, naming the option it was given to (never a '[PAIN]' metavar)."""
    if isinstance(exc, BadValue):
        if isinstance(exc.param, click.Option):
            return f"{exc.param.opts[-1]}: {exc.message}"
        return exc.message
    return exc.format_message()


def _one_line(text: str) -> str:
    return " ".join(text.split())


def _error_line(message: str) -> None:
    click.echo(f"Error: {message}", err=True)


class App:
    """What every command needs: the diary's database and today's date."""

    def __init__(self, db_option: str | None) -> None:
        self.db_option = db_option
        self._database = None

    @property
    def database(self):  # type: ignore[no-untyped-def]
        if self._database is None:
            from tracker.db import Database
            from tracker.paths import database_url

            self._database = Database(database_url(self.db_option))
        return self._database

    @contextmanager
    def session(self, write: bool = True) -> Iterator[Any]:
        """One transaction for the whole command."""
        with self.database.session(write=write) as session:
            yield session
        self.report_upgrade()

    def report_upgrade(self) -> None:
        upgraded = self.database.upgraded_from
        if upgraded and upgraded[0] is not None:
            click.echo(
                "Your diary was upgraded to the current format; the old file was kept at "
                f"{upgraded[1]}",
                err=True,
            )
            self.database.upgraded_from = None

    def close(self) -> None:
        """Release the database when the command ends (SQLite folds its journal back in)."""
        if self._database is not None:
            self._database.dispose()

    def today(self) -> dt.date:
        return dt.date.today()

    def now(self) -> dt.datetime:
        return dt.datetime.now().replace(microsecond=0)


pass_app = click.make_pass_decorator(App)


def on_terminal() -> bool:
    """Whether someone is there to answer a question (standard input is a terminal)."""
    return sys.stdin.isatty()


class BadValue(click.BadParameter):
    """A value the domain refused: one line naming the problem, exit code 1."""

    exit_code = 1


class _Parsed(click.ParamType):
    """A parameter parsed by a domain function; its TrackerError becomes a BadValue."""

    def __init__(self, name: str, parse: Callable[[str], Any]) -> None:
        self.name = name
        self._parse = parse

    def convert(self, value: Any, param: click.Parameter | None, ctx: click.Context | None) -> Any:
        if not isinstance(value, str):
            return value
        try:
            return self._parse(value)
        except TrackerError as exc:
            raise BadValue(exc.message, ctx, param) from None


def date_order() -> str | None:
    """The day/month order TRACKER_DATE_ORDER sets for dates like 12/03/2026 (dmy or mdy)."""
    value = os.environ.get("TRACKER_DATE_ORDER", "").strip().lower()
    if not value:
        return None
    if value not in domain.DATE_ORDERS:
        raise TrackerError(
            f"TRACKER_DATE_ORDER is '{shown(value)}'; set it to dmy (day first) or mdy"
            " (month first), or unset it"
        )
    return value


def _today_date(text: str) -> dt.date:
    return domain.parse_date(text, dt.date.today(), date_order())


def _date_any(text: str) -> dt.date:
    """A date that may be in the future (report ranges, as-of)."""
    return domain.parse_date(text, dt.date.max, date_order())


DATE = _Parsed("date", _today_date)
ANY_DATE = _Parsed("date", _date_any)
PAIN = _Parsed("pain", domain.parse_pain)


def positive_int(text: str) -> int:
    """A whole number from 1 (ids and counts; the database's limit is never mentioned)."""
    digits = text.strip()
    if not (digits.isascii() and digits.isdigit()) or not 1 <= int(digits) < 2**31:
        raise TrackerError(
            f"'{shown(text)}' is not accepted; give a whole number from 1 up, e.g. 12"
        )
    return int(digits)


COUNT = _Parsed("count", positive_int)
ENTRY_ID = _Parsed("id", positive_int)


@contextmanager
def heavy_imports() -> Iterator[None]:
    """Import big libraries (pandas, matplotlib, scipy) without the cyclic garbage collector
    walking their hundreds of thousands of new objects again and again (see cli.py)."""
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        gc.freeze()
        if was_enabled:
            gc.enable()
