"""`tracker log` on a terminal with no PAIN: asks step by step, defaults from the last entry."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from typing import Any

import click

from tracker import domain
from tracker.domain import Entry
from tracker.errors import TrackerError


def ask_entry(
    today: dt.date,
    now: dt.datetime,
    previous: Entry | None,
    pain: int | None = None,
    day: dt.date | None = None,
) -> Entry:
    """A complete entry from a few questions; Enter keeps the suggested answer."""
    click.echo("New diary entry. Press Enter to keep the answer in [brackets]; '-' for none.")
    if day is None:
        day = _ask("Which day", "today", lambda text: domain.parse_date(text, today))
    if pain is None:
        pain = _ask("Pain now, 0 (none) to 10 (worst imaginable)", None, domain.parse_pain)
    where = _ask_list(
        "Where does it hurt (e.g. lower-back=6, left-buttock)",
        previous,
        "where",
        domain.parse_sites,
    )
    radiates = _ask_list(
        "Does it travel anywhere (e.g. left-calf)", previous, "radiates", domain.parse_regions
    )
    numb = _ask_list("Numb anywhere", previous, "numb", domain.parse_regions)
    tingling = _ask_list(
        "Tingling / pins and needles anywhere", previous, "tingling", domain.parse_regions
    )
    weak = _ask_list("Weak anywhere", previous, "weak", domain.parse_regions)
    qualities = _ask_list(
        f"What does it feel like ({', '.join(domain.QUALITIES)})",
        previous,
        "qualities",
        domain.parse_qualities,
    )
    click.echo("Urgent symptoms: " + "; ".join(f"{k} = {v}" for k, v in domain.RED_FLAGS.items()))
    red_flags = _ask_list(
        "Any of these urgent symptoms",
        None,
        "red_flags",
        domain.parse_red_flags,
    )
    note = click.prompt("Note", default="", show_default=False).strip() or None
    return domain.new_entry(
        day,
        pain,
        now,
        where=where,
        radiates=radiates,
        numb=numb,
        tingling=tingling,
        weak=weak,
        qualities=qualities,
        red_flags=red_flags,
        note=note,
    )


def _ask(question: str, default: str | None, parse: Callable[[str], Any]) -> Any:
    def convert(text: str) -> Any:
        try:
            return parse(text)
        except TrackerError as exc:
            raise click.UsageError(exc.message) from None

    return click.prompt(question, default=default, value_proc=convert)


def _ask_list(
    question: str, previous: Entry | None, attr: str, parse: Callable[[list[str]], Any]
) -> Any:
    suggested = getattr(previous, attr) if previous is not None else ()
    default = domain.describe_value(suggested) if suggested else "-"

    def convert(text: str) -> Any:
        text = text.strip()
        if text in ("-", "", "none", "(none)"):
            return ()
        try:
            return parse([part for part in text.split(",") if part.strip()])
        except TrackerError as exc:
            raise click.UsageError(exc.message) from None

    return click.prompt(question, default=default, value_proc=convert)
