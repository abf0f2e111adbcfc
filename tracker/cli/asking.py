"""Questions on the terminal: `tracker log` with no PAIN asks step by step, with the last
entry's answers as defaults."""

from __future__ import annotations

import datetime as dt
import sys
from collections.abc import Callable
from typing import Any

import click

from tracker import clock, domain
from tracker.cli.params import date_order
from tracker.domain import Entry
from tracker.errors import TrackerError


def on_terminal() -> bool:
    """Whether someone is there to answer a question (standard input is a terminal)."""
    return sys.stdin.isatty()


def ask_entry(previous: Entry | None, pain: int | None = None, day: dt.date | None = None) -> Entry:
    """A complete entry from a few questions; Enter keeps the suggested answer. It is typed
    now, when the questions begin."""
    now = clock.now()
    today = now.date()
    click.echo("New diary entry. Press Enter to keep the answer in [brackets]; '-' for none.")
    if day is None:
        day = _ask("Which day", "today", lambda text: domain.parse_date(text, today, date_order()))
    if pain is None:
        when = "now" if day == today else "that day"  # a past day is rated as it was then
        pain = _ask(
            f"Overall pain {when}, everything together, 0 (none) to 10 (worst imaginable)",
            None,
            domain.parse_pain,
        )
    values: dict[str, object] = {}
    for f in domain.FIELDS:
        if f.question is None:
            continue
        if f.preface:
            click.echo(f.preface)
        if f.multiple:
            values[f.name] = _ask_list(f, previous if f.ask_previous else None)
        elif f.kind == domain.NUMBER:
            values[f.name] = _ask_number(f, previous if f.ask_previous else None)
        else:
            values[f.name] = f.parse(click.prompt(f.question, default="", show_default=False))
    return domain.new_entry(day, pain, now, **values)


def ask_value(question: str, default: str | None, parse: Callable[[str], Any]) -> Any:
    """One question; a value `parse` refuses is said and asked again."""
    return _ask(question, default, parse)


def _ask(question: str, default: str | None, parse: Callable[[str], Any]) -> Any:
    def convert(text: str) -> Any:
        try:
            return parse(text)
        except TrackerError as exc:
            raise click.UsageError(exc.message) from None

    return click.prompt(question, default=default, value_proc=convert)


def _ask_list(f: domain.EntryField, previous: Entry | None) -> Any:
    """A list field, one comma-separated line; Enter keeps the previous entry's answer."""
    suggested = getattr(previous, f.name) if previous is not None else ()
    if f.kind == domain.SITES:  # the places carry over, never yesterday's scores for them
        suggested = tuple(domain.Site(site.region) for site in suggested)
    default = domain.describe_value(suggested) if suggested else "-"

    def convert(text: str) -> Any:
        text = text.strip()
        if text.casefold() in NONE_ANSWERS:
            return ()
        # Commas apart the items; rated places apart by spaces are split by parse_sites.
        try:
            return f.parse([part for part in text.split(",") if part.strip()])
        except TrackerError as exc:
            raise click.UsageError(exc.message) from None

    assert f.question is not None  # only the fields with a question are asked
    return click.prompt(f.question, default=default, value_proc=convert)


# What "none" is typed as at a list question ("nothing" is not among them: it is an answer
# to what eased the pain).
NONE_ANSWERS = ("-", "", "none", "(none)", "no", "n")


def _ask_number(f: domain.EntryField, previous: Entry | None) -> Any:
    """A number (times woken), one line; Enter keeps the previous entry's answer."""
    suggested = getattr(previous, f.name) if previous is not None else None
    default = "-" if suggested is None else str(suggested)

    def convert(text: str) -> Any:
        try:
            return f.parse(text)
        except TrackerError as exc:
            raise click.UsageError(exc.message) from None

    assert f.question is not None
    return click.prompt(f.question, default=default, value_proc=convert)
