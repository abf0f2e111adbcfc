"""Parameter types: what patients type on the command line, parsed by the domain's rules.

A value the domain refuses (TrackerError) becomes a BadValue naming the option: one line,
exit 1, like any other bad value (see group.py).
"""

from __future__ import annotations

import datetime as dt
import os
from collections.abc import Callable
from typing import Any

import click

from tracker import clock, domain, times
from tracker.errors import TrackerError, shown


class BadValue(click.BadParameter):
    """A value the domain refused: one line naming the problem, exit code 1."""

    exit_code = 1


class Parsed(click.ParamType):
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


def _past_date(text: str) -> dt.date:
    """A date up to today (entries, ranges of them)."""
    return domain.parse_date(text, clock.today(), date_order())


def _any_date(text: str) -> dt.date:
    """A date that may be in the future (report ranges, as-of)."""
    return domain.parse_date(text, dt.date.max, date_order())


def positive_int(text: str) -> int:
    """A whole number from 1 (ids and counts; the database's limit is never mentioned)."""
    digits = text.strip()
    if not (digits.isascii() and digits.isdigit()) or not 1 <= int(digits) < 2**31:
        raise TrackerError(
            f"'{shown(text)}' is not accepted; give a whole number from 1 up, e.g. 12"
        )
    return int(digits)


def event_id(text: str) -> int:
    """An event's id, as 'tracker event list' shows it."""
    try:
        return positive_int(text)
    except TrackerError:
        raise TrackerError(
            f"event id '{shown(text)}' is not accepted; give the event's number as"
            " 'tracker event list' shows it, e.g. 3"
        ) from None


DATE = Parsed("date", _past_date)
ANY_DATE = Parsed("date", _any_date)
PAIN = Parsed("pain", domain.parse_pain)
COUNT = Parsed("count", positive_int)
ID = Parsed("id", positive_int)  # of an entry, an event, ...: tracker's numbering
EVENT_ID = Parsed("event id", event_id)
TIME = Parsed("time", times.parse_time)  # HH:MM, the 24-hour clock
SIDE = Parsed("side", domain.parse_side)  # left, right, both
