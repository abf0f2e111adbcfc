"""The diary at a glance (`tracker summary`): one line a week, and what changed since a day.

Pure and light (no numpy): the standard library, the domain, the medicines and the series.
Back and leg pain are read as in the report (series.located_pain): an entry's highest spot
score in that group. A week's doses are those logged (a patch is worn, not dosed: it counts
only in the MME); its MME the mean a calendar day, up to today (docs/data.md#json-summary).
"""

from __future__ import annotations

import datetime as dt
import statistics
from collections.abc import Mapping, Sequence
from dataclasses import dataclass

from tracker.analysis.series import located_pain
from tracker.domain import SYMPTOM_KINDS, Entry, Event
from tracker.medicines import DayDoses, DoseTaken, mean_daily_mme

SPARK = "▁▂▃▄▅▆▇█"  # 0-10 in eight steps
NO_DAY = "·"  # a day with no rating


@dataclass(frozen=True)
class Week:
    """One calendar week (Monday to Sunday) of the diary."""

    start: dt.date
    entries: int
    days_logged: int
    median_pain: float | None
    back: tuple[float | None, ...]  # each day's mean back pain, Monday first
    leg: tuple[float | None, ...]
    red_flags: tuple[str, ...]
    backfilled: int
    doses: int = 0  # doses logged that week
    as_needed: int = 0  # ... of which as needed
    mean_mme: float | None = None  # mean MME a day, when an opioid was taken that week

    @property
    def end(self) -> dt.date:
        return self.start + dt.timedelta(days=6)


@dataclass(frozen=True)
class Since:
    """What changed from a day (the last appointment report) to today."""

    day: dt.date
    entries: int
    days_logged: int
    median_pain: float | None
    median_before: float | None  # the 28 days up to that day
    new_regions: tuple[tuple[str, str], ...]  # (kind, region) not named in those 28 days
    events: tuple[Event, ...]
    red_flags: tuple[str, ...]
    doses: int = 0  # doses logged after that day (a patch is worn, not dosed)
    as_needed: int = 0  # ... of which as needed
    mean_mme: float | None = None  # mean MME a day after that day, when an opioid was taken
    mean_mme_before: float | None = None  # ... in the 28 days up to it


def weeks(
    entries: Sequence[Entry], today: dt.date, count: int, doses: Sequence[DayDoses] = ()
) -> list[Week]:
    """The last `count` calendar weeks up to today's, oldest first (with the doses of
    `doses`, the days that had any: medicines.days_of_doses)."""
    this_monday = today - dt.timedelta(days=today.weekday())
    by_day = {day.day: day for day in doses}
    mme = {day.day: day.mme for day in doses}
    found = []
    for back in range(count - 1, -1, -1):
        start = this_monday - dt.timedelta(weeks=back)
        days = [start + dt.timedelta(days=i) for i in range(7)]
        inside = [e for e in entries if start <= e.day <= days[-1]]
        taken = [d for day in days if day in by_day for d in by_day[day].doses]
        dosed, as_needed, mean_mme = _dose_figures(taken, mme, start, min(days[-1], today))
        found.append(
            Week(
                start=start,
                entries=len(inside),
                days_logged=len({e.day for e in inside}),
                median_pain=_median([e.pain for e in inside]),
                back=tuple(_day_mean(inside, day, "back") for day in days),
                leg=tuple(_day_mean(inside, day, "leg") for day in days),
                red_flags=tuple(dict.fromkeys(f for e in inside for f in e.red_flags)),
                backfilled=sum(e.backfilled for e in inside),
                doses=dosed,
                as_needed=as_needed,
                mean_mme=mean_mme,
            )
        )
    return found


def since(
    entries: Sequence[Entry],
    events: Sequence[Event],
    day: dt.date,
    today: dt.date | None = None,
    doses: Sequence[DayDoses] = (),
) -> Since:
    """What the diary says after `day` (up to `today`), beside the 28 days up to it; with
    the doses of `doses` (the days that had any, from 27 days before `day`), their count and
    the mean MME a calendar day, as the weeks have them."""
    after = [e for e in entries if e.day > day]
    before = [e for e in entries if day - dt.timedelta(days=28) < e.day <= day]
    named_before = {(kind, r) for e in before for kind, r in _named(e)}
    new = dict.fromkeys(pair for e in after for pair in _named(e) if pair not in named_before)
    return Since(
        day=day,
        entries=len(after),
        days_logged=len({e.day for e in after}),
        median_pain=_median([e.pain for e in after]),
        median_before=_median([e.pain for e in before]),
        new_regions=tuple(new),
        events=tuple(ev for ev in events if ev.day > day),
        red_flags=tuple(dict.fromkeys(f for e in after for f in e.red_flags)),
        **_doses_since(doses, day, today or day),
    )


def _doses_since(doses: Sequence[DayDoses], day: dt.date, today: dt.date) -> dict:
    """Doses after `day`, and the mean MME a day after it and in the 28 days up to it."""
    first_before = day - dt.timedelta(days=27)
    after = [d for taken in doses if taken.day > day for d in taken.doses]
    before = [d for taken in doses if first_before <= taken.day <= day for d in taken.doses]
    mme = {taken.day: taken.mme for taken in doses}
    dosed, as_needed, mean_mme = _dose_figures(after, mme, day + dt.timedelta(days=1), today)
    return {
        "doses": dosed,
        "as_needed": as_needed,
        "mean_mme": mean_mme,
        "mean_mme_before": _dose_figures(before, mme, first_before, day)[2],
    }


def _dose_figures(
    taken: Sequence[DoseTaken], mme: Mapping[dt.date, float], first: dt.date, last: dt.date
) -> tuple[int, int, float | None]:
    """The doses logged (a patch is worn, not dosed), those of an as-needed regimen, and the
    mean MME a calendar day from `first` to `last`: None when no opioid was taken or the
    span is empty. One rule for a week and for the days since a report."""
    logged = [d for d in taken if not d.regimen.patch]
    opioid = last >= first and any(d.regimen.opioid for d in taken)
    mean = mean_daily_mme(mme, first, last) if opioid else None
    return len(logged), sum(d.regimen.as_needed for d in logged), mean


def sparkline(values: Sequence[float | None]) -> str:
    """One character a day: the height of its 0-10 score, a dot for no rating."""
    return "".join(
        NO_DAY if v is None else SPARK[max(0, min(len(SPARK) - 1, round(v * 7 / 10)))]
        for v in values
    )


def _named(entry: Entry) -> list[tuple[str, str]]:
    pairs = [("where", s.region) for s in entry.where]
    return pairs + [(kind, r) for kind in SYMPTOM_KINDS for r in getattr(entry, kind)]


def _day_mean(entries: Sequence[Entry], day: dt.date, group: str) -> float | None:
    scores = [s for e in entries if e.day == day and (s := located_pain(e, group)) is not None]
    return sum(scores) / len(scores) if scores else None


def _median(values: Sequence[int]) -> float | None:
    return float(statistics.median(values)) if values else None
