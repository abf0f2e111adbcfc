"""The tracker command group: every error a command meets becomes one line and an exit code.

This is the one place a TrackerError (or an OSError, a usage mistake, a cancelled
question) is turned into what the patient sees: `Error: ...` on standard error, exit 1
for a bad value or file, 2 for a mistyped command, 130 for Ctrl-C; never a traceback,
except for a bug with TRACKER_DEBUG=1.
"""

from __future__ import annotations

import os
import re
import sys
from typing import Any

import click

from tracker.cli.params import BadValue
from tracker.errors import TrackerError

# Set once on the group; every subcommand's context inherits them from its parent.
CONTEXT = {"help_option_names": ["-h", "--help"], "max_content_width": 100}


class WordsGoAfter(click.Command):
    """A command whose stray words belong to one option: `tracker surgery add 2026-03-02
    "L5-S1 discectomy"` is answered with where the words go (`--procedure`), not with
    Click's 'Got unexpected extra argument'."""

    def __init__(self, *args: Any, words_option: str, what: str, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.words_option = words_option
        self.what = what  # what the words are, for the message

    def parse_args(self, ctx: click.Context, args: list[str]) -> list[str]:
        given = list(args)
        try:
            return super().parse_args(ctx, args)
        except click.UsageError as exc:
            if not str(exc.message).startswith("Got unexpected extra argument"):
                raise
            before, words = _without_extra(given, str(exc.message))
            raise click.UsageError(
                f"'{_one_line(words)}': {self.what} goes after {self.words_option}, in quotes:"
                f" e.g. '{ctx.command_path} {' '.join(before)} {self.words_option} \"{words}\"'",
                ctx,
            ) from None


def _without_extra(args: list[str], message: str) -> tuple[list[str], str]:
    """The words given without the stray ones, and the stray ones: Click's message names them
    as 'Got unexpected extra argument(s) (A B)', A and B being a run of the words given."""
    inside = message[message.find("(") + 1 : message.rfind(")")]
    for start in range(len(args) - 1, -1, -1):
        for stop in range(len(args), start, -1):
            if " ".join(args[start:stop]) == inside:
                return args[:start] + args[stop:], inside
    return args, inside


class TrackerGroup(click.Group):
    """A group whose errors are one line: 'Error: ...', exit 1 (expected) or 2 (usage)."""

    def format_commands(self, ctx: click.Context, formatter: click.HelpFormatter) -> None:
        """The commands with the whole first sentence of each one's help, wrapped: Click
        cut them at the terminal's width ("Log one dose taken of a medicine in your list
        (the amount:...")."""
        rows = []
        for name in self.list_commands(ctx):
            command = self.get_command(ctx, name)
            if command is not None and not command.hidden:
                rows.append((name, command.get_short_help_str(limit=300)))
        if rows:
            with formatter.section("Commands"):
                formatter.write_dl(rows)

    # click's own keywords (standalone_mode, ...) come through **extra, so the signature is
    # narrower than Group.main's: hence the ignore.
    def main(self, args: Any = None, prog_name: str | None = None, **extra: Any) -> Any:  # type: ignore[override]
        standalone = extra.pop("standalone_mode", True)
        try:
            if args and any("\x00" in str(arg) for arg in args):
                # A NUL cannot reach us from a shell, but can from a script; no path or
                # text we accept may hold one.
                raise click.UsageError("an argument contains a NUL character; remove it")
            args = _db_first(list(sys.argv[1:] if args is None else args))
            return super().main(args, prog_name="tracker", standalone_mode=False, **extra)
        except click.MissingParameter as exc:  # a mistyped command: exit 2, below
            hint = f" (see '{exc.ctx.command_path} --help')" if exc.ctx else ""
            _error_line(f"{_one_line(exc.format_message())}{hint}")
            code = exc.exit_code
        except click.BadParameter as exc:  # a problem with a value given: exit 1, like any other
            _error_line(_one_line(_value_message(exc)))
            code = 1
        except click.NoSuchOption as exc:
            hint = f" (see '{exc.ctx.command_path} --help')" if exc.ctx else ""
            _error_line(f"{_one_line(_no_such_option(exc))}{hint}")
            code = exc.exit_code
        except click.UsageError as exc:
            hint = f" (see '{exc.ctx.command_path} --help')" if exc.ctx else ""
            command, path = _command_of(self, args or [])
            needs = _needs_value(exc, command)
            if needs and not hint:
                hint = f" (see '{' '.join(['tracker', *path, '--help'])}')"
            _error_line(f"{_one_line(needs or exc.format_message())}{hint}")
            code = exc.exit_code
        except click.ClickException as exc:
            _error_line(_one_line(exc.format_message()))
            code = exc.exit_code
        except TrackerError as exc:
            _error_line(_one_line(exc.message))
            for detail in exc.details:  # e.g. every bad row of an import
                click.echo(f"  {_one_line(detail)}", err=True)
            code = 1
        except OSError as exc:
            where = f" ({exc.filename})" if exc.filename else ""
            _error_line(_one_line(f"{exc.strerror or exc}{where}"))
            code = 1
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


def _db_first(args: list[str]) -> list[str]:
    """`tracker log 5 --db FILE` read as `tracker --db FILE log 5` (never past a '--')."""
    if args and (args[0] == "--db" or args[0].startswith("--db=")):
        return args
    for at, arg in enumerate(args):
        if arg == "--":
            break
        if arg == "--db" and at + 1 < len(args):
            return [arg, args[at + 1], *args[:at], *args[at + 2 :]]
        if arg.startswith("--db="):
            return [arg, *args[:at], *args[at + 1 :]]
    return args


def _command_of(group: click.Group, args: list[str]) -> tuple[click.Command, list[str]]:
    """The command the words of a command line name, and its names ('med add' in `med add x
    --strength`)."""
    command: click.Command = group
    path: list[str] = []
    for word in args:
        if not isinstance(command, click.Group) or word.startswith("-"):
            continue
        found = command.commands.get(word)  # else an option's value, as --db's
        if found is not None:
            command = found
            path.append(word)
    return command, path


def _needs_value(exc: click.UsageError, command: click.Command) -> str | None:
    """ "--where needs a value after it: REGION[=N] (where it hurts, ...)" for an option typed
    without its value, instead of Click's "Option '--where' requires an argument."."""
    if not isinstance(exc, click.BadOptionUsage) or "requires an argument" not in exc.message:
        return None
    for param in command.params:
        if isinstance(param, click.Option) and exc.option_name in param.opts:
            what = param.metavar or param.type.name.upper()
            about = re.split(r"\.\s+(?=[A-Z])", param.help or "")[0].rstrip(".")
            if about[:2].istitle():  # "Where it hurts" reads on as "where it hurts"; "PDF" not
                about = about[0].lower() + about[1:]
            return f"{exc.option_name} needs a value after it: {what}" + (
                f" ({about})" if about else ""
            )
    return None


def _no_such_option(exc: click.NoSuchOption) -> str:
    """Click's message, with the options that begin with (or hold) what was typed among the
    suggestions: Click's close-spelling matches miss `--walk` for `--walk-minutes`."""
    typed = exc.option_name.split("=", 1)[0]
    word = typed.lstrip("-").lower()
    names: list[str] = []
    if exc.ctx is not None and len(word) >= 3:
        for param in exc.ctx.command.params:
            if isinstance(param, click.Option) and not param.hidden:
                names.extend(
                    name for name in param.opts if name.startswith("--") and word in name[2:]
                )
    names.sort(key=lambda name: (not name[2:].startswith(word), name))
    if exc.ctx is not None and any(
        isinstance(param, click.Argument) and word in (param.name, (param.metavar or "").lower())
        for param in exc.ctx.command.params
    ):  # `event add --date today ...`: the date is the first word, not an option
        usage = " ".join(exc.ctx.command.collect_usage_pieces(exc.ctx)).replace("[OPTIONS] ", "")
        return (
            f"{exc.message} The {word} is written without '{typed}', in its place: "
            f"'{exc.ctx.command_path} {usage}'"
        )
    names = names or list(exc.possibilities or ())
    if not names:
        return exc.format_message()
    shown = ", ".join(f"'{name}'" for name in names[:4])
    return f"{exc.message} (Did you mean {'one of: ' if len(names) > 1 else ''}{shown}?)"


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
