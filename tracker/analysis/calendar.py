"""The diary's calendar, shared by the verdict, the spread findings and the report.

Day 0 is the latest surgery on or before the as-of date, else the first entry
(docs/method.md#inputs). Weeks are 7-day bins counted from day 0, valid with entries on at
least 3 days; months are 30-day bins (day // 30); "the last 6 weeks" and the post-op best
are 42-day windows (docs/method.md#bins, #detector-l). Standard library only: no numpy, no scipy.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from dataclasses import dataclass
from typing import Literal

WEEK_DAYS = 7
MIN_DAYS_PER_BIN = 3  # a week (or 14-day period) counts with entries on 3 or more days
DAYS_PER_MONTH = 30
RECENT_DAYS = 42  # "the last 6 weeks"
REF_WINDOW_DAYS = 42  # the post-op best is the lowest 42-day window

Anchor = Literal["surgery", "first_entry"]


@dataclass(frozen=True)
class DayZero:
    """The day everything is counted from, and what it is."""

    day: dt.date
    anchor: Anchor


def day_zero(
    surgeries: Iterable[dt.date], entry_days: Iterable[dt.date], as_of: dt.date | None
) -> DayZero | None:
    """The latest surgery on or before as_of, else the first entry day (None: neither)."""
    ops = [day for day in surgeries if as_of is None or day <= as_of]
    if ops:
        return DayZero(max(ops), "surgery")
    first = min(entry_days, default=None)
    return DayZero(first, "first_entry") if first is not None else None


def week_of(centre: float) -> int:
    """1-based week since day 0 of a bin centre (day 38.5 -> week 6)."""
    return int(centre // WEEK_DAYS) + 1
