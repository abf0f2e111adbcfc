"""Daily and weekly pain series of a diary: overall, and back and leg pain rated by location.

Standard library only. Daily pain is the mean of that day's entries; back (leg) pain of an
entry is its highest intensity over sites of group "back" ("leg"), and an entry without such
a rating gives no value, not zero. Weeks are 7-day bins counted from day 0 (negative before
it), valid with entries on 3 or more days: the weekly lines of the pain-over-time chart.
"""

from __future__ import annotations

import datetime as dt
import statistics
from collections.abc import Iterable
from dataclasses import dataclass

from tracker.analysis.calendar import MIN_DAYS_PER_BIN, WEEK_DAYS
from tracker.domain import Entry
from tracker.regions import REGIONS


@dataclass(frozen=True)
class WeekMean:
    """One week since day 0: the mean of its daily pain, and its logged days."""

    index: int
    mean: float
    n_days: int

    @property
    def valid(self) -> bool:
        return self.n_days >= MIN_DAYS_PER_BIN


@dataclass(frozen=True)
class WeekBackLeg:
    """One week since day 0: mean daily back and leg pain, and the days either was rated."""

    index: int
    back: float | None
    leg: float | None
    n_days: int

    @property
    def valid(self) -> bool:
        return self.n_days >= MIN_DAYS_PER_BIN


def median(values: Iterable[float]) -> float | None:
    """The median as a float, None for no values."""
    values = list(values)
    return float(statistics.median(values)) if values else None


def _mean(values: list[float]) -> float | None:
    return sum(values) / len(values) if values else None


def daily_mean(values_by_day: dict[dt.date, list[float]]) -> dict[dt.date, float]:
    """Mean of each day's values."""
    return {day: sum(v) / len(v) for day, v in values_by_day.items() if v}


def daily_pain(entries: Iterable[Entry]) -> dict[dt.date, float]:
    """Mean overall pain of each logged day."""
    by_day: dict[dt.date, list[float]] = {}
    for entry in entries:
        by_day.setdefault(entry.day, []).append(entry.pain)
    return daily_mean(by_day)


# Each region's group, looked up once per site: the report asks this of every entry several
# times (back against leg, the weeks, the months).
_GROUP_OF = {name: region.group for name, region in REGIONS.items()}


def located_pain(entry: Entry, group: str) -> int | None:
    """Highest intensity over the entry's sites of one region group (None if none rated)."""
    values = [
        s.intensity
        for s in entry.where
        if s.intensity is not None and _GROUP_OF.get(s.region, "") == group
    ]
    return max(values) if values else None


def located_daily(entries: Iterable[Entry], group: str) -> dict[dt.date, float]:
    """Daily mean of the back (or leg) intensity, over entries that rated it."""
    by_day: dict[dt.date, list[float]] = {}
    for entry in entries:
        value = located_pain(entry, group)
        if value is not None:
            by_day.setdefault(entry.day, []).append(value)
    return daily_mean(by_day)


def _by_week(days: Iterable[dt.date], day0: dt.date) -> dict[int, list[dt.date]]:
    """Days grouped by week index since day 0, in time order."""
    weeks: dict[int, list[dt.date]] = {}
    for day in sorted(days):
        weeks.setdefault((day - day0).days // WEEK_DAYS, []).append(day)
    return weeks


def weekly_pain(entries: Iterable[Entry], day0: dt.date) -> tuple[WeekMean, ...]:
    """Every week with a logged day: the mean of its daily pain."""
    daily = daily_pain(entries)
    return tuple(
        WeekMean(index, sum(daily[d] for d in days) / len(days), len(days))
        for index, days in _by_week(daily, day0).items()
    )


def weekly_back_leg(entries: Iterable[Entry], day0: dt.date) -> tuple[WeekBackLeg, ...]:
    """Every week with back or leg pain rated: the means of daily back and leg pain."""
    entries = list(entries)
    back, leg = located_daily(entries, "back"), located_daily(entries, "leg")
    return tuple(
        WeekBackLeg(
            index,
            _mean([back[d] for d in days if d in back]),
            _mean([leg[d] for d in days if d in leg]),
            len(days),
        )
        for index, days in _by_week(set(back) | set(leg), day0).items()
    )
