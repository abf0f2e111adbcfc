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
from typing import Any

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


# Each region's group by name, looked up once per rated site (the report reads every entry's
# back and leg pain once: back_leg_daily).
_GROUP_OF = {name: region.group for name, region in REGIONS.items()}


def highest_by_group(entry: Entry) -> dict[str, int]:
    """Highest intensity over the entry's rated sites of each region group it rated."""
    highest: dict[str, int] = {}
    for site in entry.where:
        if site.intensity is not None:
            group = _GROUP_OF.get(site.region, "")
            if group not in highest or site.intensity > highest[group]:
                highest[group] = site.intensity
    return highest


def located_pain(entry: Entry, group: str) -> int | None:
    """Highest intensity over the entry's sites of one region group (None if none rated)."""
    return highest_by_group(entry).get(group)


@dataclass(frozen=True)
class BackLegDaily:
    """Daily mean back and leg pain of some entries, and on each day how many of its entries
    rated either."""

    back: dict[dt.date, float]
    leg: dict[dt.date, float]
    rated_by_day: dict[dt.date, int]

    @property
    def rated(self) -> int:
        """How many entries rated back or leg pain."""
        return sum(self.rated_by_day.values())

    def within(self, first: dt.date, last: dt.date) -> BackLegDaily:
        """The same for the entries from `first` to `last` only (a day's figures are those
        of its own entries, so they are kept as they are)."""

        def kept(by_day: dict[dt.date, Any]) -> dict[dt.date, Any]:
            return {day: value for day, value in by_day.items() if first <= day <= last}

        return BackLegDaily(kept(self.back), kept(self.leg), kept(self.rated_by_day))


def back_leg_daily(entries: Iterable[Entry]) -> BackLegDaily:
    """Daily mean of the back and of the leg intensity, each over the entries that rated it.

    One pass for both, reading each entry's sites once: the report asks this of every
    entry, month by month and over the whole diary.
    """
    back: dict[dt.date, list[float]] = {}
    leg: dict[dt.date, list[float]] = {}
    rated: dict[dt.date, int] = {}
    for entry in entries:
        highest = highest_by_group(entry)
        if "back" in highest:
            back.setdefault(entry.day, []).append(highest["back"])
        if "leg" in highest:
            leg.setdefault(entry.day, []).append(highest["leg"])
        if "back" in highest or "leg" in highest:
            rated[entry.day] = rated.get(entry.day, 0) + 1
    return BackLegDaily(daily_mean(back), daily_mean(leg), rated)


def _by_week(days: Iterable[dt.date], day0: dt.date) -> dict[int, list[dt.date]]:
    """Days grouped by week index since day 0, in time order."""
    weeks: dict[int, list[dt.date]] = {}
    for day in sorted(days):
        weeks.setdefault((day - day0).days // WEEK_DAYS, []).append(day)
    return weeks


def weekly_pain(daily: dict[dt.date, float], day0: dt.date) -> tuple[WeekMean, ...]:
    """Every week with a logged day: the mean of its daily pain (`daily`: daily_pain's)."""
    return tuple(
        WeekMean(index, sum(daily[d] for d in days) / len(days), len(days))
        for index, days in _by_week(daily, day0).items()
    )


def weekly_back_leg(
    entries: Iterable[Entry], day0: dt.date, located: BackLegDaily | None = None
) -> tuple[WeekBackLeg, ...]:
    """Every week with back or leg pain rated: the means of daily back and leg pain
    (`located`: the entries' back_leg_daily, when the caller has it)."""
    if located is None:
        located = back_leg_daily(entries)
    back, leg = located.back, located.leg
    return tuple(
        WeekBackLeg(
            index,
            _mean([back[d] for d in days if d in back]),
            _mean([leg[d] for d in days if d in leg]),
            len(days),
        )
        for index, days in _by_week(set(back) | set(leg), day0).items()
    )
