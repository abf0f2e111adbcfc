"""What a treatment did: the relief after a nerve block, an injection or a stimulator trial,
judged against the pain before it (docs/clinical.md#treatment-response). Standard library
only, pure: entries, doses and the event in; a Response out.

Relief % = 100 x (baseline - pain) / baseline, the baseline the median daily pain over the
7 logged days before the procedure's day. The target (back, leg or overall pain) comes from
the procedure and its side, and from the places logged.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field

from tracker.analysis.series import median
from tracker.domain import Entry, Event, plural
from tracker.errors import TrackerError
from tracker.regions import REGIONS

JUDGED_KINDS = ("nerve-block", "injection", "stimulator-trial")
BASELINE_DAYS = 7  # logged days before the procedure's day: docs/clinical.md#relief
BASELINE_LOOKBACK_DAYS = 28  # ... found within this many calendar days before it
BLOCK_THRESHOLD_PCT = 50  # positive block: docs/clinical.md#block (Cohen 2020)
THRESHOLD_RANGE = (50, 100)  # --threshold for a block: 50 (default) up to 80 or more
OTHER_THRESHOLD_PCT = 50  # injection, trial: docs/clinical.md#epidural, #stimulator-trial
BLOCK_READINGS_HOURS = (0.5, 1, 2, 4, 6, 8)  # readings due after a block
BLOCK_WINDOW_HOURS = 24  # readings counted after a block
BLOCK_MIN_READINGS = 2  # ... of which at least this many within 8 hours
INJECTION_DAYS = 42  # readings daily for 6 weeks after an injection
TRIAL_DEFAULT_DAYS = 7  # a stimulator trial's length when not given (typically 5-10)
DAILY_MIN_DAYS = 3  # injection and trial: readings on at least this many days

# Blocks of the facet joints' nerves and the sacroiliac joint treat back pain; a root
# block, an epidural injection and a stimulator treat the leg (docs/clinical.md#relief).
_BACK_PROCEDURE = re.compile(
    r"medial[- ]branch|facet|\bmbb\b|sacroiliac|\bsi\b|si[- ]joint|rhizotomy|radiofrequency|"
    r"\brfa?\b|ablation",
    re.I,
)


@dataclass(frozen=True)
class Reading:
    """One pain reading after the procedure."""

    day: dt.date
    time: dt.time | None
    hours_after: float
    pain: float
    relief_pct: float

    def as_dict(self) -> dict:
        return {
            "date": self.day.isoformat(),
            "time": None if self.time is None else f"{self.time:%H:%M}",
            "hours_after": self.hours_after,
            "pain": self.pain,
            "relief_pct": self.relief_pct,
        }


@dataclass(frozen=True)
class Response:
    """How a procedure was judged, and on what."""

    event: Event
    target: str  # "back", "leg", "left leg", "right leg" or "overall"
    target_reason: str
    baseline: float | None
    baseline_days: tuple[dt.date, ...]
    threshold_pct: int
    readings: tuple[Reading, ...] = ()
    peak_relief_pct: float | None = None
    peak_hours_after: float | None = None  # when the peak was: its reading's, or its day's first
    relief_lasted_hours: float | None = None
    responder: bool | None = None
    missing: str | None = None  # what is missing for a verdict, in a sentence
    missing_short: str | None = None  # ... in a short phrase (the report's treatment table)
    mme_before: float | None = None  # a trial: mean daily MME in the 7 days before
    mme_during: float | None = None  # ... and during the trial
    median_relief_pct: float | None = None  # a trial: the median of its daily relief
    skipped: int = 0  # entries in the window that could not be placed or rated
    notes: tuple[str, ...] = field(default=())

    @property
    def lasted_in_days(self) -> bool:
        """An injection's and a trial's relief is told in days, a block's in hours."""
        return self.event.kind != "nerve-block"

    @property
    def reached(self) -> bool:
        """Whether relief reached the threshold: a reading of a block, a day of the others."""
        return self.peak_relief_pct is not None and self.peak_relief_pct >= self.threshold_pct

    @property
    def lasted_text(self) -> str | None:
        """How long relief of at least the threshold lasted: '6 h' (a block), '19 days',
        'under a day' (an injection's relief on its own day only); None when it was never
        reached or the procedure was not judged."""
        hours = self.relief_lasted_hours
        if hours is None or not self.reached:
            return None
        if self.lasted_in_days and hours == 0:
            return "under a day"
        return after_text(hours, self.lasted_in_days)

    def as_dict(self) -> dict:
        """The JSON shape of `tracker response --json` (docs/data.md#json-response)."""
        return {
            "event_id": self.event.id,
            "kind": self.event.kind,
            "baseline": self.baseline,
            "threshold_pct": self.threshold_pct,
            "readings": [r.as_dict() for r in self.readings],
            "peak_relief_pct": self.peak_relief_pct,
            "relief_lasted_hours": self.relief_lasted_hours,
            "responder": self.responder,
        }


def after_text(hours: float, in_days: bool) -> str:
    """How long after a procedure, to a tenth: '3.3 h' (a block's, or any time under a day),
    '1 day', '2.5 days' (an injection's or a trial's from a day on). A reading on an
    injection's own day, 3 h 20 min after it, reads '3.3 h', not '0.1 days'."""
    if not in_days or hours < 24:
        return f"{round(hours, 1):g} h"
    days = round(hours / 24, 1)
    return f"{days:g} day" + ("" if days == 1 else "s")


def threshold_for(event: Event, given: int | None) -> int:
    """The responder threshold: a block's may be set (50 to 100 %); the others' is 50 %."""
    if event.kind != "nerve-block":
        if given is not None and given != OTHER_THRESHOLD_PCT:
            raise TrackerError(
                f"the threshold for {'an injection' if event.kind == 'injection' else 'a trial'}"
                f" is {OTHER_THRESHOLD_PCT} % (docs/clinical.md); --threshold is for nerve blocks"
            )
        return OTHER_THRESHOLD_PCT
    if given is None:
        return BLOCK_THRESHOLD_PCT
    low, high = THRESHOLD_RANGE
    if not low <= given <= high:
        raise TrackerError(
            f"--threshold {given} is not accepted; give a relief % from {low} to {high}"
            " (50 is the guideline's, many clinics use 80)"
        )
    return given


def check_judged(event: Event) -> None:
    """Only blocks, injections and stimulator trials are judged by their response."""
    if event.kind not in JUDGED_KINDS:
        raise TrackerError(
            f"event {event.id} is a {event.kind}; a response is judged for a nerve-block,"
            " injection or stimulator-trial event"
        )


def trial_days(event: Event) -> int:
    return event.days or TRIAL_DEFAULT_DAYS


def window_end(event: Event) -> dt.date:
    """The last day whose entries can be readings of this procedure."""
    if event.kind == "nerve-block":
        return event.day + dt.timedelta(days=1)
    if event.kind == "injection":
        return event.day + dt.timedelta(days=INJECTION_DAYS)
    return event.day + dt.timedelta(days=trial_days(event) - 1)


def days_read(event: Event) -> tuple[dt.date, dt.date]:
    """The first and last day whose entries `judge` reads: from the baseline's 28 days
    before the procedure's day to the last day that can hold a reading."""
    return event.day - dt.timedelta(days=BASELINE_LOOKBACK_DAYS), window_end(event)


# ---------------------------------------------------------------- what is measured


def _site_pain(entry: Entry, group: str, side: str | None) -> int | None:
    values = [
        s.intensity
        for s in entry.where
        if s.intensity is not None
        and s.region in REGIONS
        and REGIONS[s.region].group == group
        and (side is None or REGIONS[s.region].side == side)
    ]
    return max(values) if values else None


def _measure(target: str) -> tuple[str | None, str | None]:
    """(group, side) of a target; (None, None) for the overall pain."""
    if target == "overall":
        return None, None
    if target.endswith(" leg"):
        return "leg", target.split()[0]
    return target, None


def target_pain(entry: Entry, target: str) -> float | None:
    """The pain an entry gives for a target (back, leg, "left leg", overall), or None."""
    group, side = _measure(target)
    if group is None:
        return float(entry.pain)
    value = _site_pain(entry, group, side)
    return None if value is None else float(value)


def _daily(entries: Iterable[Entry], target: str) -> dict[dt.date, float]:
    """Each day's mean of the target pain, over the entries that rate it."""
    by_day: dict[dt.date, list[float]] = {}
    for entry in entries:
        value = target_pain(entry, target)
        if value is not None:
            by_day.setdefault(entry.day, []).append(value)
    return {day: sum(v) / len(v) for day, v in by_day.items()}


def choose_target(event: Event, before: Sequence[Entry], after: Sequence[Entry]) -> tuple[str, str]:
    """(target, why): the pain this procedure is judged on."""
    back_procedure = bool(_BACK_PROCEDURE.search(f"{event.title} {event.note or ''}"))
    leg = f"{event.side} leg" if event.side in ("left", "right") else "leg"
    preferred = ["back", leg] if back_procedure or event.kind == "nerve-block" else [leg, "back"]
    if event.kind == "nerve-block" and not back_procedure and event.side in ("left", "right"):
        preferred = [leg, "back"]  # a root block on one side: that leg
    short = ""  # how far the first choice fell short, said when the second is used
    for target in preferred:
        days_before = len(_daily(before, target))
        rated_after = sum(1 for e in after if target_pain(e, target) is not None)
        if days_before >= BASELINE_DAYS and rated_after:
            why = _why(event, target, back_procedure)
            return target, f"{why}{short}"
        if not short:
            short = (
                f" (it needs {target} pain rated on {BASELINE_DAYS} logged days before it and"
                f" once after; the diary has {days_before} days before and"
                f" {plural(rated_after, 'reading')} after)"
            )
    return "overall", (
        f"overall pain, because {preferred[0]} pain was not rated on {BASELINE_DAYS} logged days"
        " before and after it (give it with --where, e.g. lower-back=6, left-calf=5)"
    )


def _why(event: Event, target: str, back_procedure: bool) -> str:
    if target == "back":
        return (
            "back pain, because the procedure treats the back"
            if back_procedure
            else "back pain, because leg pain was not rated enough around it"
        )
    side = f"its side ({event.side}) and " if event.side in ("left", "right") else ""
    return f"{target} pain, from {side}the leg pain logged"


# ---------------------------------------------------------------- judging


def judge(
    event: Event,
    entries: Sequence[Entry],
    mme_by_day: Mapping[dt.date, float],
    threshold: int | None = None,
) -> Response:
    """The response to a procedure from the diary's entries around it (and, for a trial,
    the daily MME)."""
    check_judged(event)
    used = threshold_for(event, threshold)
    before = entries_before(event.day, entries)
    after, skipped = _after(event, entries)
    target, why = choose_target(event, before, after)
    baseline, baseline_days = baseline_of(before, target)
    base = Response(event, target, why, None, baseline_days, used, skipped=skipped)
    if baseline is None:
        return _replace(
            base,
            missing=f"no baseline: it needs {BASELINE_DAYS} logged days in the"
            f" {BASELINE_LOOKBACK_DAYS} days before {event.day.isoformat()}; the diary has"
            f" {len(baseline_days)}",
            missing_short=f"no baseline: {len(baseline_days)} of the {BASELINE_DAYS} days"
            f" needed logged in the {BASELINE_LOOKBACK_DAYS} days before",
        )
    base = _replace(base, baseline=baseline)
    if baseline == 0:
        return _replace(
            base,
            missing="the baseline pain is 0: there was no pain to relieve",
            missing_short="no pain before it to relieve (baseline 0/10)",
        )
    if event.kind == "nerve-block" and event.time is None:
        return _replace(
            base,
            missing="the block has no time of day, so its readings cannot be placed in hours:"
            f" give it with 'tracker event edit {event.id} --at HH:MM'",
            missing_short="no time of day: its readings cannot be placed in hours",
        )
    readings = tuple(
        _reading(event, entry, value, baseline)
        for entry in after
        if (value := target_pain(entry, target)) is not None
    )
    rated_skipped = skipped + sum(1 for e in after if target_pain(e, target) is None)
    base = _replace(base, readings=readings, skipped=rated_skipped)
    if event.kind == "nerve-block":
        return _judge_block(base)
    return _judge_daily(base, mme_by_day)


def entries_before(event_day: dt.date, entries: Iterable[Entry]) -> list[Entry]:
    """The entries a baseline is found among: the 28 calendar days before the procedure's."""
    start = event_day - dt.timedelta(days=BASELINE_LOOKBACK_DAYS)
    return [e for e in entries if start <= e.day < event_day]


def baseline_of(before: Iterable[Entry], target: str) -> tuple[float | None, tuple[dt.date, ...]]:
    """The baseline (the median, to a tenth, of each day's mean target pain over the last 7
    logged days of `before`) and those days; None with fewer than 7."""
    daily = _daily(before, target)
    days = tuple(sorted(daily)[-BASELINE_DAYS:])
    if len(days) < BASELINE_DAYS:
        return None, days
    return round(float(median(daily[d] for d in days) or 0.0), 1), days


def _replace(response: Response, **changes: object) -> Response:
    from dataclasses import replace

    return replace(response, **changes)  # type: ignore[arg-type]


def _moment(day: dt.date, time: dt.time | None) -> dt.datetime | None:
    return None if time is None else dt.datetime.combine(day, time)


def _after(event: Event, entries: Sequence[Entry]) -> tuple[list[Entry], int]:
    """The entries that are readings after the procedure, and how many in its window could
    not be placed (no time of day, for a block; on its day with no time, for the others)."""
    last = window_end(event)
    started = _moment(event.day, event.time)
    found, skipped = [], 0
    # The window's entries first, then sorted (stable: the same order as sorting them all).
    window = [entry for entry in entries if event.day <= entry.day <= last]
    for entry in sorted(window, key=lambda e: (e.day, e.time or dt.time.min, e.logged_at)):
        moment = _moment(entry.day, entry.time)
        if event.kind == "nerve-block":
            if started is None:
                continue
            if moment is None:
                skipped += 1
                continue
            hours = (moment - started).total_seconds() / 3600
            if 0 < hours <= BLOCK_WINDOW_HOURS:
                found.append(entry)
            continue
        if entry.day == event.day:  # the procedure's own day: only what came after it
            if started is None or moment is None:
                skipped += 1
                continue
            if moment <= started:
                continue
        found.append(entry)
    return found, skipped


def _reading(event: Event, entry: Entry, pain: float, baseline: float) -> Reading:
    started = _moment(event.day, event.time)
    moment = _moment(entry.day, entry.time)
    if started is not None and moment is not None:
        hours = (moment - started).total_seconds() / 3600
    else:  # whole days, for an injection or a trial without both times
        hours = (entry.day - event.day).days * 24.0
    relief = round(100 * (baseline - pain) / baseline, 1)
    return Reading(entry.day, entry.time, round(hours, 2), round(pain, 1), relief)


def _judge_block(response: Response) -> Response:
    readings = response.readings
    early = [r for r in readings if r.hours_after <= max(BLOCK_READINGS_HOURS)]
    if len(early) < BLOCK_MIN_READINGS:
        return _replace(
            response,
            missing=f"too few readings: a block needs at least {BLOCK_MIN_READINGS} in the"
            f" {max(BLOCK_READINGS_HOURS):g} hours after it (due at 30 min, 1, 2, 4, 6 and 8 h);"
            f" the diary has {len(early)}",
            missing_short=f"too few readings: {len(early)} in the"
            f" {max(BLOCK_READINGS_HOURS):g} h after it ({BLOCK_MIN_READINGS} needed)",
        )
    top = max(readings, key=lambda r: r.relief_pct)  # the first of equal peaks
    peak = top.relief_pct
    lasted = 0.0
    reached = False
    for r in readings:  # the first run of readings at or above the threshold
        if r.relief_pct >= response.threshold_pct:
            reached = True
            lasted = r.hours_after
        elif reached:
            break
    return _replace(
        response,
        peak_relief_pct=peak,
        peak_hours_after=top.hours_after,
        relief_lasted_hours=round(lasted, 2),
        responder=peak >= response.threshold_pct,
    )


def daily_pain(readings: Iterable[Reading]) -> dict[dt.date, tuple[float, float]]:
    """Each day's (hours after of its first reading, mean pain to one decimal), in date
    order: the day by day an injection and a trial are judged and charted on."""
    by_day: dict[dt.date, list[Reading]] = {}
    for r in readings:
        by_day.setdefault(r.day, []).append(r)
    return {
        day: (
            min(r.hours_after for r in day_readings),
            round(sum(r.pain for r in day_readings) / len(day_readings), 1),
        )
        for day, day_readings in sorted(by_day.items())
    }


def daily_relief(readings: Iterable[Reading], baseline: float) -> dict[dt.date, float]:
    """Each day's relief, in date order: what an injection and a stimulator trial are judged
    on (docs/clinical.md#response-rules). It is the relief of the day's mean pain as the
    response chart prints it (one decimal), so that the two add up as printed: a baseline
    of 4.5 and a day at 2.5 is 44.4 %, where the mean of its readings' 55.6 and 33.3 % was
    44.5."""
    return {
        day: round(100 * (baseline - pain) / baseline, 1)
        for day, (_, pain) in daily_pain(readings).items()
    }


def _judge_daily(response: Response, mme_by_day: Mapping[dt.date, float]) -> Response:
    """An injection or a trial: relief day by day (each day's mean reading)."""
    event = response.event
    assert response.baseline is not None  # judged only with one
    daily = daily_relief(response.readings, response.baseline)
    span = "the 6 weeks after it" if event.kind == "injection" else "the trial's days"
    if len(daily) < DAILY_MIN_DAYS:
        return _replace(
            response,
            missing=f"too few readings: it needs readings on at least {DAILY_MIN_DAYS} days in"
            f" {span}; the diary has {len(daily)}",
            missing_short=f"too few readings: {len(daily)} days in {span}"
            f" ({DAILY_MIN_DAYS} needed)",
        )
    # The peak is the best day's relief, the figure how long it lasted is counted in: one
    # good hour after an epidural, on a day whose mean stayed below the threshold, is not
    # relief that lasted (it printed "peak 100 %, lasted 0 h, responder").
    peak_day = max(daily, key=lambda day: daily[day])  # the first of equal days
    peak = daily[peak_day]
    peak_after = min(r.hours_after for r in response.readings if r.day == peak_day)
    last_day = None
    for day, relief in daily.items():  # the first run of days at or above the threshold
        if relief >= response.threshold_pct:
            last_day = day
        elif last_day is not None:
            break
    lasted = 0.0 if last_day is None else float((last_day - event.day).days * 24)
    if event.kind == "injection":
        return _replace(
            response,
            peak_relief_pct=peak,
            peak_hours_after=peak_after,
            relief_lasted_hours=lasted,
            responder=peak >= response.threshold_pct,
        )
    middle = round(float(median(daily.values()) or 0.0), 1)
    days = trial_days(event)
    before = [mme_by_day.get(event.day - dt.timedelta(days=n), 0.0) for n in range(1, 8)]
    during = [mme_by_day.get(event.day + dt.timedelta(days=n), 0.0) for n in range(days)]
    mme_before = round(sum(before) / len(before), 1)
    mme_during = round(sum(during) / len(during), 1)
    medicines_ok = mme_during <= mme_before
    return _replace(
        response,
        peak_relief_pct=peak,
        peak_hours_after=peak_after,
        relief_lasted_hours=lasted,
        median_relief_pct=middle,
        mme_before=mme_before,
        mme_during=mme_during,
        responder=middle >= response.threshold_pct and medicines_ok,
    )


# ---------------------------------------------------------------- when readings are due


@dataclass(frozen=True)
class Due:
    """A reading due after a procedure: when, and the command that logs it."""

    label: str  # "30 min", "1 h", "day 3"
    day: dt.date
    time: dt.time | None


def readings_due(event: Event) -> tuple[Due, ...]:
    """When readings are due (block: 30 min to 8 h; injection: daily for 6 weeks; trial:
    daily for its days). A block without a time of day has none to give."""
    if event.kind == "nerve-block":
        if event.time is None:
            return ()
        started = dt.datetime.combine(event.day, event.time)
        due = []
        for hours in BLOCK_READINGS_HOURS:
            moment = started + dt.timedelta(hours=hours)
            label = f"{round(hours * 60)} min" if hours < 1 else f"{hours:g} h"
            due.append(Due(label, moment.date(), moment.time()))
        return tuple(due)
    if event.kind == "injection":
        count, first = INJECTION_DAYS, 1
    elif event.kind == "stimulator-trial":
        count, first = trial_days(event), 0
    else:
        return ()
    return tuple(
        Due(f"day {n}", event.day + dt.timedelta(days=n), None) for n in range(first, first + count)
    )
