"""Symptom-spread findings for the appointment report: where it hurts, and how that changed.

Pure functions (standard library, tracker.domain, tracker.regions and the shared calendar):
no I/O, no database, no numpy. Day 0 is handed in (the verdict's: the latest surgery, else
the first entry); weeks, months and windows are those of tracker.analysis.calendar. Daily
pain is the mean of that day's entries. Findings about weeks, months and windows use the
entries from day 0 to as-of; red flags, events, completeness and the windows' region shares
use every entry given. Results are frozen dataclasses of numbers, dates and codes; their
sentences are made by tracker.wording.
"""

from __future__ import annotations

import datetime as dt
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from typing import Literal

from tracker.analysis.calendar import (
    DAYS_PER_MONTH,
    MIN_DAYS_PER_BIN,
    RECENT_DAYS,
    REF_WINDOW_DAYS,
    WEEK_DAYS,
    DayZero,
)
from tracker.analysis.series import BackLegDaily, back_leg_daily, daily_pain, median
from tracker.domain import Entry, Event
from tracker.regions import REGIONS, SIDES, farthest

# Our own choices, each explained in docs/method.md#spread (new, reach, back-leg, events).
CLEAR_WEEKS = 4
PERSIST_WEEKS = 2
FALLBACK_BEST_DAYS = REF_WINDOW_DAYS  # no post-op best yet: the first 6 weeks stand in
EVENT_WINDOW_DAYS = 14
MIN_EVENT_DAYS = 3
MIN_WINDOW_DAYS = 3
LAST_DAYS = 7  # a short diary's last days, against the days before them (Spread.last_days)
MIN_LOCATED_ENTRIES = 5
DOMINANCE_POINTS = 1.0
STALE_SYMPTOM_DAYS = 14

NewKind = Literal["radiates", "numb", "tingling", "weak"]
NEW_KINDS: tuple[NewKind, ...] = ("radiates", "numb", "tingling", "weak")
# Numbness (a deficit) and tingling are kept apart everywhere (docs/method.md#spread-reach).
ReachKind = Literal["radiation", "numbness", "tingling"]
REACH_KINDS: dict[ReachKind, tuple[str, ...]] = {
    "radiation": ("radiates",),
    "numbness": ("numb",),
    "tingling": ("tingling",),
}
LIMBS = ("leg", "arm")
# Region-by-month panels, and the fields each counts.
MONTH_KINDS = {
    "pain": ("where",),
    "radiates": ("radiates",),
    "numb": ("numb",),
    "tingling": ("tingling",),
    "weak": ("weak",),
}
# The body diagram's kinds, and the fields each counts.
SHARE_KINDS = {
    "pain": ("where",),
    "radiates": ("radiates",),
    "numb": ("numb",),
    "tingling": ("tingling",),
    "weak": ("weak",),
}
BestSource = Literal["post_op_best", "first_6_weeks"]
Dominant = Literal["back", "leg", "similar"]


# ---------------------------------------------------------------- the results


@dataclass(frozen=True)
class Window:
    """An inclusive date range."""

    start: dt.date
    end: dt.date

    def holds(self, day: dt.date) -> bool:
        """Whether the day lies in the window."""
        return self.start <= day <= self.end


@dataclass(frozen=True)
class Shares:
    """Logged days in a window and, per kind (pain, radiates, numb, tingling, weak), region
    shares; and the median 0-10 a place was given where it hurt (its severity)."""

    days_logged: int
    by_kind: dict[str, dict[str, float]]
    intensity: dict[str, float] = field(default_factory=dict)  # region -> median rating

    def of(self, kind: str, region: str) -> float:
        """Share of logged days on which the region was named under the kind (0 if never)."""
        return self.by_kind.get(kind, {}).get(region, 0.0)


@dataclass(frozen=True)
class Periods:
    """The last 6 weeks and the best period, with logged days since day 0 and region shares."""

    recent: Window
    best: Window
    best_source: BestSource
    recent_days: int  # days logged in the window, day 0 to as-of
    best_days: int
    recent_shares: Shares  # over every entry of the period
    best_shares: Shares
    # Whether the best period ends before the last 6 weeks begin: in a diary of under 12
    # weeks since day 0 the first 6 weeks and the last 6 overlap, and now is not compared
    # with "at best" (it read "as far down as in the first 6 weeks" of the same days).
    apart: bool = True


@dataclass(frozen=True)
class RedFlagEntry:
    """An entry with red flags: its day and the flags, in the order logged."""

    day: dt.date
    flags: tuple[str, ...]


@dataclass(frozen=True)
class NewSymptom:
    """Radiation, numbness, tingling or weakness newly logged after clear weeks."""

    kind: NewKind
    region: str
    onset: dt.date  # first day logged in the onset week
    onset_day: int  # days since day 0
    last_seen: dt.date
    weeks_clear_before: int  # valid weeks without it just before the onset
    weeks_present: int  # valid weeks with it since the onset
    weeks_since: int  # valid weeks since the onset
    returned: bool  # it had been logged before the clear weeks


@dataclass(frozen=True)
class Reach:
    """A limb where radiation, numbness or tingling now reaches further than at best, less
    far, or as far ("same": reached now and at best, down to the same level)."""

    side: str
    limb: str
    kind: ReachKind
    now: str | None  # most distal region reached now, None for none
    best: str | None
    direction: Literal["further", "retreating", "same"]


@dataclass(frozen=True)
class BackLegSummary:
    """Medians of daily back and leg pain within a window, and the days rated."""

    back_median: float | None
    leg_median: float | None
    back_days: int
    leg_days: int


@dataclass(frozen=True)
class BackLeg:
    """Back pain against leg pain, now and at best (with 5 or more entries rated by location)."""

    n_entries: int
    recent: BackLegSummary
    best: BackLegSummary
    dominant: Dominant | None  # in the recent window; None when neither was rated


@dataclass(frozen=True)
class EventChange:
    """Median daily pain in the 14 days before and after an event (descriptive, not causal)."""

    event: Event
    day: int | None  # days since day 0
    before_median: float | None  # None with fewer than 3 days on that side
    after_median: float | None
    before_days: int
    after_days: int
    change: float | None
    # Days of the 14 after it that the diary reaches so far (fewer for a recent event).
    after_span: int = EVENT_WINDOW_DAYS


@dataclass(frozen=True)
class Completeness:
    """Days logged and back-filled entries over the period."""

    start: dt.date
    end: dt.date
    days_in_period: int
    days_logged: int
    share_logged: float
    entries: int
    backfilled: int
    share_backfilled: float
    longest_gap_days: int
    backfilled_days: tuple[dt.date, ...] = ()  # the days the back-filled entries describe


@dataclass(frozen=True)
class MonthRow:
    """One 30-day month since day 0 (figures None in a month without entries)."""

    month_index: int
    start: dt.date
    days_logged: int
    entries: int
    median: float | None = None
    mean: float | None = None
    worst: int | None = None
    radiation_share: float | None = None
    numbness_share: float | None = None
    tingling_share: float | None = None
    back_median: float | None = None
    leg_median: float | None = None
    back_days: int = 0  # days back pain (leg pain) was given a score: what each median rests on
    leg_days: int = 0


# The figures of a month row, in the monthly table's order.
MONTH_FIGURES = (
    "median",
    "mean",
    "worst",
    "radiation_share",
    "numbness_share",
    "tingling_share",
    "back_median",
    "leg_median",
)

# Panel (pain, radiates, numb, tingling, weak) -> region -> month index -> days present.
RegionMonths = dict[str, dict[str, dict[int, int]]]


@dataclass(frozen=True)
class Spread:
    """All symptom-spread findings of a diary."""

    as_of: dt.date
    day0: DayZero | None
    periods: Periods | None  # None when there is no day 0
    red_flags: tuple[RedFlagEntry, ...]
    new_symptoms: tuple[NewSymptom, ...]  # by onset date
    reach: tuple[Reach, ...]  # changed limbs only
    reach_same: tuple[Reach, ...]  # limbs reached now as far as at best
    back_leg: BackLeg | None
    events: tuple[EventChange, ...]
    completeness: Completeness
    monthly: tuple[MonthRow, ...]
    region_months: RegionMonths
    # A diary of under 12 weeks since day 0 (periods.apart False): back and leg pain in its
    # last 7 days against the days before them since day 0, so that a rise within the
    # last 6 weeks is said (a 3-week diary's leg pain went 2 -> 7 under "similar").
    last_days: tuple[BackLegSummary, BackLegSummary] | None = None


@dataclass(frozen=True)
class _Week:
    """One 7-day bin since day 0: valid or not, and where a symptom was first logged in it."""

    index: int
    valid: bool
    first_seen: dict[str, dt.date]


# ---------------------------------------------------------------- small shared helpers


def _named(entry: Entry, kind: str) -> Sequence[str]:
    """Regions an entry names under one field ("where" gives its sites' regions)."""
    return [site.region for site in entry.where] if kind == "where" else getattr(entry, kind)


def _named_days(entries: Iterable[Entry], kinds: Sequence[str]) -> set[tuple[str, dt.date]]:
    """(region, day) for every region the entries name under the given fields.

    It reads the fields as _named does, inlined: region_month_counts asks this of every
    month and kind, and a call per entry and field doubled its time.
    """
    entries = list(entries)
    pairs: set[tuple[str, dt.date]] = set()
    for kind in kinds:
        if kind == "where":
            pairs.update((site.region, e.day) for e in entries for site in e.where)
        else:
            pairs.update((region, e.day) for e in entries for region in getattr(e, kind))
    return pairs


def _regions_of(entry: Entry, kinds: Sequence[str]) -> set[str]:
    """Regions an entry names under the given fields."""
    names: set[str] = set()
    for kind in kinds:
        names.update(_named(entry, kind))
    return names


# ---------------------------------------------------------------- windows


def _recent_window(as_of: dt.date, zero: dt.date) -> Window:
    """The last 6 weeks, as_of-41 .. as_of, from day 0 when that is later (a diary 5 weeks
    after surgery printed a "last 6 weeks" that began before the surgery)."""
    return Window(max(as_of - dt.timedelta(days=RECENT_DAYS - 1), zero), as_of)


def _best_window(
    best_centres: tuple[float, float] | None, bin_days: int, day0: dt.date, as_of: dt.date
) -> tuple[Window, BestSource]:
    """The post-op best window widened to its bins, or the first 6 weeks when there is none."""
    if best_centres is not None:
        first = int(best_centres[0] // bin_days) * bin_days
        last = int(best_centres[-1] // bin_days) * bin_days + bin_days - 1
        return Window(day0 + dt.timedelta(first), day0 + dt.timedelta(last)), "post_op_best"
    end = min(day0 + dt.timedelta(FALLBACK_BEST_DAYS - 1), as_of)
    return Window(day0, end), "first_6_weeks"


def _inside(entries: Iterable[Entry], window: Window) -> list[Entry]:
    """The entries within a window, in their order."""
    start, end = window.start, window.end
    return [e for e in entries if start <= e.day <= end]


def _days_logged(window: Window, entries: Iterable[Entry]) -> int:
    """Days with an entry within a window."""
    return len({e.day for e in _inside(entries, window)})


def region_shares(entries: Iterable[Entry], window: Window) -> Shares:
    """Logged days in the window and, per kind, the share of them naming each region; and
    each pain site's median rating (the day's mean where a day rated it more than once)."""
    inside = _inside(entries, window)
    logged = len({e.day for e in inside})
    present: dict[str, dict[str, set[dt.date]]] = {}
    rated: dict[str, dict[dt.date, list[int]]] = {}
    for entry in inside:
        for kind, fields in SHARE_KINDS.items():
            for region in _regions_of(entry, fields):
                present.setdefault(kind, {}).setdefault(region, set()).add(entry.day)
        for site in entry.where:
            if site.intensity is not None:
                rated.setdefault(site.region, {}).setdefault(entry.day, []).append(site.intensity)
    intensity = {
        region: median([sum(v) / len(v) for v in days.values()])
        for region, days in sorted(rated.items())
    }
    return Shares(
        logged,
        {
            kind: {region: len(days) / logged for region, days in found.items()}
            for kind, found in present.items()
        },
        {region: value for region, value in intensity.items() if value is not None},
    )


# ---------------------------------------------------------------- red flags


def red_flag_findings(entries: Sequence[Entry]) -> tuple[RedFlagEntry, ...]:
    """Every entry with red flags, by day and typing time."""
    flagged = [e for e in entries if e.red_flags]  # few: sorted after they are picked out
    return tuple(
        RedFlagEntry(e.day, tuple(e.red_flags))
        for e in sorted(flagged, key=lambda e: (e.day, e.logged_at))
    )


# ---------------------------------------------------------------- new symptoms


def _weeks(
    entries: Sequence[Entry], day0: dt.date, last_day: int
) -> tuple[dict[NewKind, list[_Week]], dict[NewKind, dict[str, dt.date]]]:
    """Every week from day 0 to the as-of week, with validity and first sightings, for each
    symptom kind; and the last day each region was logged, by kind.

    One pass over the entries for all four kinds: the weeks and their validity are the same
    for every kind.
    """
    logged: dict[int, set[dt.date]] = {}
    seen: dict[NewKind, dict[int, dict[str, dt.date]]] = {kind: {} for kind in NEW_KINDS}
    last_seen: dict[NewKind, dict[str, dt.date]] = {kind: {} for kind in NEW_KINDS}
    for entry in entries:
        index = (entry.day - day0).days // WEEK_DAYS
        logged.setdefault(index, set()).add(entry.day)
        for kind in NEW_KINDS:
            for region in getattr(entry, kind):
                first, last = seen[kind].setdefault(index, {}), last_seen[kind]
                if region not in first or entry.day < first[region]:
                    first[region] = entry.day
                if region not in last or entry.day > last[region]:
                    last[region] = entry.day
    valid = [len(logged.get(i, ())) >= MIN_DAYS_PER_BIN for i in range(last_day // WEEK_DAYS + 1)]
    weeks = {
        kind: [_Week(i, ok, seen[kind].get(i, {})) for i, ok in enumerate(valid)]
        for kind in NEW_KINDS
    }
    return weeks, last_seen


def _latest_onset(weeks: list[_Week], region: str) -> tuple[int, int, bool] | None:
    """(position in weeks, clear weeks before, seen earlier) of the latest qualifying onset.

    Weeks that are invalid and without the symptom are skipped; a run of weeks with it
    qualifies when it holds at least 2 valid weeks and follows at least 4 valid clear weeks.
    """
    known = [i for i, w in enumerate(weeks) if w.valid or region in w.first_seen]
    found, clear, seen_before, pos = None, 0, False, 0
    while pos < len(known):
        week = weeks[known[pos]]
        if region not in week.first_seen:
            clear, pos = clear + 1, pos + 1
            continue
        end = pos
        while end < len(known) and region in weeks[known[end]].first_seen:
            end += 1
        valid = sum(weeks[known[k]].valid for k in range(pos, end))
        if clear >= CLEAR_WEEKS and valid >= PERSIST_WEEKS:
            found = (known[pos], clear, seen_before)
        seen_before, clear, pos = True, 0, end
    return found


def new_symptoms(entries: Sequence[Entry], day0: dt.date, as_of: dt.date) -> list[NewSymptom]:
    """Radiation, numbness, tingling or weakness newly logged for 2+ weeks after 4+ clear weeks."""
    window = [e for e in entries if day0 <= e.day <= as_of]
    weeks_of, last_seen_of = _weeks(window, day0, (as_of - day0).days)
    found = []
    for kind in NEW_KINDS:
        weeks, last_seen = weeks_of[kind], last_seen_of[kind]
        for region in sorted(last_seen):
            onset = _latest_onset(weeks, region)
            if onset is None:
                continue
            position, clear, returned = onset
            since = [w for w in weeks[position:] if w.valid]
            first = weeks[position].first_seen[region]
            found.append(
                NewSymptom(
                    kind=kind,
                    region=region,
                    onset=first,
                    onset_day=(first - day0).days,
                    last_seen=last_seen[region],
                    weeks_clear_before=clear,
                    weeks_present=sum(region in w.first_seen for w in since),
                    weeks_since=len(since),
                    returned=returned,
                )
            )
    return sorted(found, key=lambda f: (f.onset, NEW_KINDS.index(f.kind), f.region))


def is_stale(symptom: NewSymptom, as_of: dt.date) -> bool:
    """Whether a new symptom has not been logged for the last 2 weeks."""
    return (as_of - symptom.last_seen).days >= STALE_SYMPTOM_DAYS


# ---------------------------------------------------------------- reach down a limb


def _reached(entries: Iterable[Entry], kinds: Sequence[str]) -> set[str]:
    """Regions named under the given fields by the entries."""
    names: set[str] = set()
    for entry in entries:
        names |= {n for n in _regions_of(entry, kinds) if n in REGIONS}
    return names


def _level(name: str | None) -> int:
    """How far down the limb a region lies; 0 for none."""
    return (REGIONS[name].level or 0) if name else 0


def reaches(entries: Sequence[Entry], recent: Window, best: Window) -> list[Reach]:
    """Every limb radiation, numbness or tingling reached in the last 6 weeks or at best:
    how far down now against then (a limb reached in neither is left out)."""
    found: list[Reach] = []
    in_recent, in_best = _inside(entries, recent), _inside(entries, best)
    for kind, fields in REACH_KINDS.items():
        now_names, best_names = _reached(in_recent, fields), _reached(in_best, fields)
        for side in SIDES:
            for limb in LIMBS:
                now, then = farthest(now_names, side, limb), farthest(best_names, side, limb)
                if now is None and then is None:
                    continue
                direction: Literal["further", "retreating", "same"]
                if now is not None and then is not None and _level(now) == _level(then):
                    direction = "same"
                elif _level(now) == _level(then):  # one of them a limb region of no level
                    direction = "further" if then is None else "retreating"
                else:
                    direction = "further" if _level(now) > _level(then) else "retreating"
                found.append(Reach(side, limb, kind, now, then, direction))
    return found


# ---------------------------------------------------------------- back pain vs leg pain


def _back_leg_summary(
    back: dict[dt.date, float], leg: dict[dt.date, float], window: Window
) -> BackLegSummary:
    """Medians and day counts of back and leg pain within a window."""
    b = [v for d, v in back.items() if window.holds(d)]
    g = [v for d, v in leg.items() if window.holds(d)]
    return BackLegSummary(median(b), median(g), len(b), len(g))


def _dominant(summary: BackLegSummary) -> Dominant | None:
    """Which of back or leg pain is higher by at least a point ('similar' otherwise)."""
    back, leg = summary.back_median, summary.leg_median
    if back is None or leg is None:
        return "back" if back is not None else ("leg" if leg is not None else None)
    if abs(leg - back) < DOMINANCE_POINTS:
        return "similar"
    return "leg" if leg > back else "back"


def back_leg_findings(
    entries: Sequence[Entry],
    recent: Window,
    best: Window | None,
    located: BackLegDaily | None = None,
) -> BackLeg | None:
    """Back pain against leg pain, now against the best period (`located`: the entries'
    back_leg_daily, when already found; `best` None: no best period apart from now)."""
    if located is None:
        located = back_leg_daily(entries)
    if located.rated < MIN_LOCATED_ENTRIES:
        return None
    back, leg = located.back, located.leg
    now = _back_leg_summary(back, leg, recent)
    then = _back_leg_summary(back, leg, best) if best else BackLegSummary(None, None, 0, 0)
    return BackLeg(located.rated, now, then, _dominant(now))


# ---------------------------------------------------------------- events


def _side_of(daily: dict[dt.date, float], day: dt.date, sign: int) -> list[float]:
    """Daily pain in the 14 days before (sign -1) or after (sign +1) a day, the day excluded."""
    days = (day + dt.timedelta(sign * k) for k in range(1, EVENT_WINDOW_DAYS + 1))
    return [daily[d] for d in days if d in daily]


def event_findings(
    entries: Sequence[Entry], events: Sequence[Event], day0: dt.date | None
) -> list[EventChange]:
    """Median daily pain in the 14 days before and after each event within the diary."""
    daily = daily_pain(entries)
    if not daily:
        return []
    first, last = min(daily), max(daily)
    found = []
    for ev in sorted(events, key=lambda e: e.day):
        if not first <= ev.day <= last or (ev.kind == "surgery" and ev.day == day0):
            continue
        before, after = _side_of(daily, ev.day, -1), _side_of(daily, ev.day, +1)
        enough = len(before) >= MIN_EVENT_DAYS and len(after) >= MIN_EVENT_DAYS
        b, a = median(before), median(after)
        found.append(
            EventChange(
                event=ev,
                day=(ev.day - day0).days if day0 else None,
                before_median=b if len(before) >= MIN_EVENT_DAYS else None,
                after_median=a if len(after) >= MIN_EVENT_DAYS else None,
                before_days=len(before),
                after_days=len(after),
                change=a - b if enough and a is not None and b is not None else None,
                after_span=min(EVENT_WINDOW_DAYS, (last - ev.day).days),
            )
        )
    return found


# ---------------------------------------------------------------- completeness


def _longest_gap(days: list[dt.date], start: dt.date, end: dt.date) -> int:
    """Longest run of days without an entry within start .. end."""
    longest, previous = 0, start - dt.timedelta(1)
    for day in sorted(days):
        longest = max(longest, (day - previous).days - 1)
        previous = day
    return max(longest, (end - previous).days)


def completeness(
    entries: Sequence[Entry],
    as_of: dt.date,
    start: dt.date | None = None,
    end: dt.date | None = None,
) -> Completeness:
    """Days logged and back-filled entries, first entry (or --since) to as_of (or --until)."""
    end = end or as_of
    start = start or min((e.day for e in entries), default=end)
    kept = [e for e in entries if start <= e.day <= end]
    days = sorted({e.day for e in kept})
    n_days = max(0, (end - start).days + 1)
    late = [e for e in kept if e.backfilled]
    backfilled = len(late)
    return Completeness(
        start=start,
        end=end,
        days_in_period=n_days,
        days_logged=len(days),
        share_logged=len(days) / n_days if n_days else 0.0,
        entries=len(kept),
        backfilled=backfilled,
        share_backfilled=backfilled / len(kept) if kept else 0.0,
        longest_gap_days=_longest_gap(days, start, end) if n_days else 0,
        backfilled_days=tuple(sorted({e.day for e in late})),
    )


# ---------------------------------------------------------------- by month


def _month_groups(entries: Iterable[Entry], day0: dt.date) -> dict[int, list[Entry]]:
    """Entries from day 0 on, grouped by month index day // 30."""
    months: dict[int, list[Entry]] = {}
    for entry in entries:
        if entry.day >= day0:
            months.setdefault((entry.day - day0).days // DAYS_PER_MONTH, []).append(entry)
    return months


def region_month_counts(entries: Iterable[Entry], day0: dt.date) -> RegionMonths:
    """Pain sites, radiation, numbness, tingling, weakness: region -> month -> days present."""
    counts: RegionMonths = {kind: {} for kind in MONTH_KINDS}
    for month, group in sorted(_month_groups(entries, day0).items()):
        for kind, fields in MONTH_KINDS.items():
            # Each (region, day) once: a region's count is the number of its days.
            present = Counter(region for region, _ in _named_days(group, fields))
            for region, days in sorted(present.items()):
                counts[kind].setdefault(region, {})[month] = days
    return {kind: dict(sorted(regions.items())) for kind, regions in counts.items()}


def _share_of_days(group: list[Entry], kind: str, n_days: int) -> float:
    """Share of logged days on which any entry named a region under the field."""
    return len({e.day for e in group if getattr(e, kind)}) / n_days


def _by_month(daily: dict[dt.date, float], day0: dt.date) -> dict[int, dict[dt.date, float]]:
    """Daily values from day 0 on, split by month index day // 30."""
    months: dict[int, dict[dt.date, float]] = {}
    for day, value in daily.items():
        if day >= day0:
            months.setdefault((day - day0).days // DAYS_PER_MONTH, {})[day] = value
    return months


def _month_row(
    month: int,
    group: list[Entry],
    day0: dt.date,
    back: dict[dt.date, float],
    leg: dict[dt.date, float],
) -> MonthRow:
    """One row of the monthly table (`back`, `leg`: the month's daily back and leg pain)."""
    start = day0 + dt.timedelta(month * DAYS_PER_MONTH)
    if not group:
        return MonthRow(month, start, 0, 0)
    daily = list(daily_pain(group).values())
    return MonthRow(
        month_index=month,
        start=start,
        days_logged=len(daily),
        entries=len(group),
        median=median(daily),
        mean=sum(daily) / len(daily),
        worst=max(e.pain for e in group),
        radiation_share=_share_of_days(group, "radiates", len(daily)),
        numbness_share=_share_of_days(group, "numb", len(daily)),
        tingling_share=_share_of_days(group, "tingling", len(daily)),
        back_median=median(back.values()),
        leg_median=median(leg.values()),
        back_days=len(back),
        leg_days=len(leg),
    )


def monthly_table(
    entries: Iterable[Entry], day0: dt.date, located: BackLegDaily | None = None
) -> list[MonthRow]:
    """Per month since day 0: daily pain median/mean/worst, days logged, symptom shares.

    `located` is the entries' back_leg_daily, when already found: a day's back (leg) pain
    is the same whether taken over its month or over the whole diary.
    """
    months = _month_groups(entries, day0)
    if not months:
        return []
    if located is None:
        located = back_leg_daily(e for group in months.values() for e in group)
    back, leg = _by_month(located.back, day0), _by_month(located.leg, day0)
    return [
        _month_row(m, months.get(m, []), day0, back.get(m, {}), leg.get(m, {}))
        for m in range(min(months), max(months) + 1)
    ]


# ---------------------------------------------------------------- everything for the report


def symptom_spread(
    entries: Sequence[Entry],
    events: Sequence[Event],
    day0: DayZero | None,
    as_of: dt.date,
    *,
    best_centres: tuple[float, float] | None = None,
    bin_days: int = WEEK_DAYS,
    period_start: dt.date | None = None,
    period_end: dt.date | None = None,
    located: BackLegDaily | None = None,
) -> Spread:
    """All symptom-spread findings of a diary.

    `best_centres` are the first and last bin centres of the verdict's post-op best window
    (in bins of `bin_days`); without them the first 6 weeks after day 0 stand in for it.
    `located` is the entries' back_leg_daily, when the caller has it.
    """
    zero = day0.day if day0 else None
    upto = [e for e in entries if e.day <= as_of and (zero is None or e.day >= zero)]
    periods, found, reach, back_leg, monthly, region_months = None, [], [], None, [], {}
    same: list[Reach] = []
    last_days: tuple[BackLegSummary, BackLegSummary] | None = None
    if zero is not None:
        recent = _recent_window(as_of, zero)
        best, source = _best_window(best_centres, bin_days, zero, as_of)
        recent_days, best_days = _days_logged(recent, upto), _days_logged(best, upto)
        apart = best.end < recent.start
        periods = Periods(
            recent,
            best,
            source,
            recent_days,
            best_days,
            region_shares(entries, recent),
            region_shares(entries, best),
            apart,
        )
        found = new_symptoms(upto, zero, as_of)
        if apart and min(recent_days, best_days) >= MIN_WINDOW_DAYS:
            limbs = reaches(upto, recent, best)
            reach = [r for r in limbs if r.direction != "same"]
            same = [r for r in limbs if r.direction == "same"]
        # Each entry's back and leg pain, read once for both.
        located = located.within(zero, as_of) if located is not None else back_leg_daily(upto)
        back_leg = back_leg_findings(upto, recent, best if apart else None, located)
        if not apart:
            cut = as_of - dt.timedelta(days=LAST_DAYS - 1)
            last_days = (
                _back_leg_summary(located.back, located.leg, Window(cut, as_of)),
                _back_leg_summary(
                    located.back, located.leg, Window(zero, cut - dt.timedelta(days=1))
                ),
            )
        monthly = monthly_table(upto, zero, located)
        region_months = region_month_counts(entries, zero)
    in_time = [e for e in entries if e.day <= as_of]
    return Spread(
        as_of=as_of,
        day0=day0,
        periods=periods,
        red_flags=red_flag_findings(entries),
        new_symptoms=tuple(found),
        reach=tuple(reach),
        reach_same=tuple(same),
        back_leg=back_leg,
        events=tuple(event_findings(in_time, events, zero)),
        completeness=completeness(entries, as_of, period_start, period_end),
        monthly=tuple(monthly),
        region_months=region_months,
        last_days=last_days,
    )
