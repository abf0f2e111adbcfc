"""What each treatment did, and the medicines now: the rows of the report's treatment table
and its medicines line (issue 11, page 1). Pure: events, entries, regimens and doses in,
frozen rows out (docs/data.md#report-treatments, docs/clinical.md#report-medicines).

- A nerve block, an injection or a stimulator trial is judged by its response
  (tracker.analysis.response.judge): peak relief, how long relief of at least the threshold
  lasted, and the verdict, or what is missing for one.
- Physiotherapy, a medicine started, changed or stopped, a stimulator implant and other
  treatments get the descriptive comparison of the spread (spread.EventChange): median daily
  pain in the 14 days before and after. It describes, it does not say the treatment did it.
- A surgery: the 14 days after it are the wound's, not the operation's result, so no
  comparison; the latest surgery gets its pain before against the best since and now when
  that is recorded (provokes.BeforeAfter).
- Imaging (an MRI, a CT, an X-ray, nerve studies) is not a treatment: it has no row.

Medicines now: the regimens taken on the period's last day, and the mean daily MME over the
verdict's recent window (the last 6 weeks) and over its best window, the same windows the
spread compares (spread.Periods).
"""

from __future__ import annotations

import datetime as dt
import re
from bisect import bisect_left, bisect_right
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field

from tracker.analysis.provokes import BeforeAfter
from tracker.analysis.response import JUDGED_KINDS, Response, days_read, judge
from tracker.analysis.spread import EVENT_WINDOW_DAYS, MIN_EVENT_DAYS, EventChange, Periods
from tracker.analysis.spread import event_findings as event_changes
from tracker.domain import Entry, Event, plural
from tracker.medicines import MME_CAVEAT, DayDoses, Regimen, amount_text, mean_daily_mme

STRICT_BLOCK_PCT = 80  # the stricter diagnostic-block criterion: docs/clinical.md#block

# An "other" event naming one of these is a test, not a treatment (docs/data.md).
_IMAGING = re.compile(
    r"\b(mri|mr scan|ct|cat scan|x-?ray|radiograph|scan|imaging|myelogra\w*|emg|"
    r"nerve conduction|ultrasound|bone scan|dexa)\b",
    re.I,
)
_STARTED = re.compile(r"\bstart", re.I)


@dataclass(frozen=True)
class TreatmentRow:
    """One treatment on the timeline: what it was, and what the diary says it did."""

    event_id: int
    day: dt.date
    kind: str  # the event's kind
    what: str  # a short label, without the kind repeated
    detail: str  # side / levels / trial days, e.g. "left, L5-S1"; "" when none
    peak_relief: float | None  # % relief at best, for a judged procedure; None otherwise
    lasted: str | None  # how long relief >= threshold lasted ("6 h", "19 days"); None unjudged
    verdict: str  # one short phrase
    # The judged procedure's response (readings, baseline, threshold) for the report's
    # response charts (page 2); None for a treatment compared 14 days either side.
    response: Response | None = field(default=None, compare=False, repr=False)


@dataclass(frozen=True)
class MedicineNow:
    """A medicine taken on the period's last day."""

    name: str  # as the patient named it
    strength: str  # "75 mg", "12 mcg/h"
    schedule: str  # "twice daily", "as needed" (the regimen's schedule text)
    since: dt.date
    opioid: bool


@dataclass(frozen=True)
class Medicines:
    """The medicines now, and the opioid load now against the best time."""

    current: tuple[MedicineNow, ...]  # regimens taken on the period's last day
    mme_now: float | None  # mean daily MME over the recent window (last 6 weeks)
    mme_best: float | None  # ... over the verdict's best window; None when there is none
    mme_by_day: dict[dt.date, float]  # daily MME for charts (days with doses)
    caveat: str  # the CDC caveat printed with every MME figure
    # as-needed doses taken each day (days with any), for the charts' dose counts
    as_needed_by_day: dict[dt.date, int] = field(default_factory=dict)
    as_needed_names: tuple[str, ...] = ()  # the medicines taken as needed, as named


def is_imaging(event: Event) -> bool:
    """An MRI, CT, X-ray or nerve study marked as an 'other' event: not a treatment."""
    return event.kind == "other" and bool(_IMAGING.search(event.title))


def treatment_rows(
    events: Sequence[Event],
    entries: Sequence[Entry],
    mme_by_day: Mapping[dt.date, float],
    *,
    changes: Sequence[EventChange] | None = None,
    before_after: BeforeAfter | None = None,
    since: dt.date | None = None,
    until: dt.date | None = None,
    threshold: int | None = None,
) -> tuple[TreatmentRow, ...]:
    """A row for every treatment from `since` to `until`, in date order.

    `entries` should reach 28 days before the first procedure judged (its baseline) and
    6 weeks after an injection; `mme_by_day` is the opioid total of each day (a trial counts
    only with stable or reduced MME). `changes` are the spread's 14-day comparisons (made
    from `entries` when not given); `before_after` the latest surgery's before and after.
    """
    found = changes if changes is not None else event_changes(entries, events, None)
    by_event = {change.event.id: change for change in found}
    # judge reads only the entries of the days in days_read(ev). Sorted by day once (stably:
    # each day's entries keep their order, the only order judge's results depend on), each
    # procedure's entries are a slice, not a pass over the whole diary.
    by_day = sorted(entries, key=lambda e: e.day)
    days = [e.day for e in by_day]
    rows = []
    for ev in sorted(events, key=lambda e: (e.day, e.id or 0)):
        if is_imaging(ev) or (since and ev.day < since) or (until and ev.day > until):
            continue
        peak, lasted, response = None, None, None
        if ev.kind in JUDGED_KINDS:
            first, last = days_read(ev)
            read = by_day[bisect_left(days, first) : bisect_right(days, last)]
            response = judge(ev, read, mme_by_day, threshold if ev.kind == "nerve-block" else None)
            peak, lasted = response.peak_relief_pct, response.lasted_text
            verdict = response_verdict(response)
        elif ev.kind == "surgery":
            verdict = surgery_verdict(ev, before_after)
        else:
            verdict = change_verdict(by_event.get(ev.id))
        rows.append(
            TreatmentRow(
                ev.id or 0, ev.day, ev.kind, label(ev), detail(ev), peak, lasted, verdict, response
            )
        )
    return tuple(rows)


def label(ev: Event) -> str:
    """The event's title, with a capital; a medicine's start says so."""
    what = ev.title[:1].upper() + ev.title[1:]
    if ev.kind == "medication-start" and not _STARTED.search(what):
        what += " started"
    return what


def detail(ev: Event) -> str:
    """'left, L5-S1', 'both sides, L4-L5', 'L4-L5', '7 days'; '' when none."""
    parts = []
    if ev.side:
        parts.append("both sides" if ev.side == "both" else ev.side)
    if ev.levels:
        parts.append(", ".join(ev.levels))
    if ev.days:
        parts.append(f"{ev.days} day" + ("" if ev.days == 1 else "s"))
    return ", ".join(parts)


def response_verdict(response: Response) -> str:
    """'responder (50 % threshold)', 'not a responder (50 % threshold)', or what is missing."""
    if response.responder is None:
        return response.missing_short or "not judged"
    threshold = f"{response.threshold_pct} % threshold"
    if response.responder:
        return f"responder ({threshold}{_stricter(response)})"
    rose = (
        response.mme_before is not None
        and response.mme_during is not None
        and response.mme_during > response.mme_before
        and (response.median_relief_pct or 0) >= response.threshold_pct
    )
    return f"not a responder ({threshold}{'; opioids rose during it' if rose else ''})"


def _stricter(response: Response) -> str:
    """For a block judged at less than the 80 % many clinics ask of a diagnostic block,
    whether it would pass that too (docs/clinical.md#block): '; also at 80 %' or '; not at
    80 %'."""
    if response.event.kind != "nerve-block" or response.threshold_pct >= STRICT_BLOCK_PCT:
        return ""
    met = (response.peak_relief_pct or 0) >= STRICT_BLOCK_PCT
    return f"; {'also' if met else 'not'} at {STRICT_BLOCK_PCT} %"


def change_verdict(change: EventChange | None) -> str:
    """'median 5 -> 3.5/10, 14 days either side', or why there is no comparison."""
    if change is None:
        return "no entries around it to compare"
    if change.before_median is None or change.after_median is None:
        return (
            f"too few days logged to compare ({change.before_days} before, {change.after_days}"
            f" after; {MIN_EVENT_DAYS} needed each side)"
        )
    # "14 days either side" was printed of a medicine changed 7 days before the report.
    if change.after_span < EVENT_WINDOW_DAYS:
        sides = f"the {EVENT_WINDOW_DAYS} days before, the {plural(change.after_span, 'day')} since"
    else:
        sides = f"{EVENT_WINDOW_DAYS} days either side"
    return f"median {_score(change.before_median)} -> {_score(change.after_median)}/10, {sides}"


def surgery_verdict(ev: Event, before_after: BeforeAfter | None) -> str:
    """The latest surgery's pain before, at best since and now ('' for another surgery)."""
    if before_after is None or before_after.surgery_date != ev.day:
        return ""
    for m in before_after.measures:
        if m.before is not None and m.now is not None:
            best = ""
            if m.best_after is not None and m.best_month is not None:
                best = f", best {_score(m.best_after)} (month {m.best_month + 1})"
            return f"{m.measure} pain {m.before}/10 before{best}, now {_score(m.now)}"
    return ""


def _score(value: float) -> str:
    """A 0-10 score with at most one decimal ('6', '5.5')."""
    return f"{round(value, 1):g}"


# ---------------------------------------------------------------- medicines now


def medicines_now(
    regimens: Sequence[Regimen],
    days: Sequence[DayDoses],
    periods: Periods | None,
    last_day: dt.date,
    first_day: dt.date | None = None,
) -> Medicines | None:
    """The medicines taken on `last_day`, and the mean daily MME over the spread's recent
    window and (when the verdict found a best time) its best window; None with no regimens.

    `days` are the days with doses (medicines.days_of_doses), at least over both windows;
    the chart's daily MME keeps the days from `first_day` to `last_day`.
    """
    if not regimens:
        return None
    mme = {d.day: d.mme for d in days}
    keep = [d for d in days if (first_day is None or d.day >= first_day) and d.day <= last_day]
    current = tuple(
        MedicineNow(
            r.name,
            amount_text(r.strength, r.unit),
            r.how,
            r.started,
            r.opioid,
        )
        for r in regimens
        if r.taken_on(last_day)
    )
    now = best = None
    if periods is not None:
        now = mean_daily_mme(mme, periods.recent.start, periods.recent.end)
        if periods.best_source == "post_op_best":
            best = mean_daily_mme(mme, periods.best.start, periods.best.end)
    return Medicines(
        current=current,
        mme_now=now,
        mme_best=best,
        mme_by_day={
            day: value
            for day, value in sorted(mme.items())
            if (first_day is None or day >= first_day) and day <= last_day
        },
        caveat=MME_CAVEAT,
        as_needed_by_day={d.day: d.as_needed for d in keep if d.as_needed},
        as_needed_names=tuple(sorted({r.name for r in regimens if r.as_needed})),
    )


def judged_responses(rows: Sequence[TreatmentRow], limit: int = 2) -> tuple[Response, ...]:
    """The responses the report charts reading by reading (page 2), in date order: the
    latest nerve block that was judged, then the latest injection or stimulator trial, then
    earlier blocks, up to `limit`. Only judged ones (a peak relief): a procedure with what
    is missing for a verdict says so in the treatment table instead."""
    judged = [
        row.response
        for row in rows
        if row.response is not None and row.response.peak_relief_pct is not None
    ]
    blocks = [r for r in judged if r.event.kind == "nerve-block"][::-1]
    daily = [r for r in judged if r.event.kind != "nerve-block"][::-1]
    chosen = (blocks[:1] + daily[:1] + blocks[1:] + daily[1:])[:limit]
    return tuple(sorted(chosen, key=lambda r: (r.event.day, r.event.time or dt.time.min)))


def weekly_counts(
    by_day: Mapping[dt.date, int], anchor: dt.date, last: dt.date
) -> tuple[tuple[dt.date, int], ...]:
    """Counts a day summed into 7-day weeks that start on `anchor` (weeks before it too),
    each week as (its first day, its count), from the first week with a count to the week
    of `last`; weeks with none are 0."""
    if not by_day:
        return ()

    def start(day: dt.date) -> dt.date:
        return anchor + dt.timedelta(days=7 * ((day - anchor).days // 7))

    totals: dict[dt.date, int] = {}
    for day, count in by_day.items():
        if day <= last:
            totals[start(day)] = totals.get(start(day), 0) + count
    if not totals:
        return ()
    weeks, week = [], min(totals)
    while week <= start(last):
        weeks.append((week, totals.get(week, 0)))
        week += dt.timedelta(days=7)
    return tuple(weeks)
