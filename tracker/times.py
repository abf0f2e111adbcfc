"""Times of day (issue 10): what an entry, an event or a dose says about when, 'HH:MM'.

An entry about today is at the time it is typed unless --at says otherwise; an entry for an
earlier day has no time unless one is given; a moment still to come is refused.
"""

from __future__ import annotations

import datetime as dt
import re

from tracker.errors import TrackerError, shown


def parse_time(text: str) -> dt.time:
    """A time of day, 'HH:MM' on the 24-hour clock ('9:30' too)."""
    found = re.fullmatch(r"\s*(\d{1,2})[:.h](\d{2})\s*", text)
    if not found or int(found.group(1)) > 23 or int(found.group(2)) > 59:
        raise TrackerError(
            f"time '{shown(text)}' is not accepted; give HH:MM on the 24-hour clock,"
            " from 00:00 to 23:59 (e.g. 09:30)"
        )
    return dt.time(int(found.group(1)), int(found.group(2)))


def time_of(day: dt.date, given: dt.time | None, now: dt.datetime) -> dt.time | None:
    """The time of day to record: the one given (never in the future), else the time it is
    typed for today, else none (a back-filled day)."""
    if given is not None:
        if dt.datetime.combine(day, given) > now:
            raise TrackerError(
                f"{day.isoformat()} {given:%H:%M} is in the future; it is now {now:%Y-%m-%d %H:%M}"
            )
        return given
    if day == now.date():
        return dt.time(now.hour, now.minute)
    return None


def text(time: dt.time | None) -> str | None:
    """'HH:MM' (how times are stored and printed), or None."""
    return None if time is None else f"{time:%H:%M}"


def from_text(stored: str | None) -> dt.time | None:
    return None if stored is None else dt.time.fromisoformat(stored)
