"""Symptom-spread findings for the appointment report: where it hurts, and how that changed.

Pure functions (standard library, tracker.domain and tracker.regions only): no I/O, no
database. Day 0 is ``trend["surgery_date"]`` when the trend gives one, else the first entry;
weeks are 7-day bins from day 0 and a week is "valid" with entries on at least 3 days, as in
the worsening verdict (docs/TREND_SPEC.md). Months are ``day // 30`` since day 0. Daily pain
is the mean of that day's entries. Findings about weeks, months and windows use the entries
from day 0 to ``as_of``; red flags, events and completeness use every entry given.

``symptom_spread(entries, events, trend, as_of, *, period_start=None, period_end=None)``
returns a JSON-ready dict (plain Python types, dates as ISO strings)::

    {
      "as_of": "2026-08-31",
      "day0": "2025-06-30" | None,            # None only when there are no entries
      "anchor": "surgery" | "first_entry" | None,
      "periods": {                            # None when there is no day 0
        "recent": {"start", "end", "days_logged"},        # as_of-41 .. as_of
        "best": {"start", "end", "days_logged",
                 "source": "post_op_best" | "first_6_weeks",
                 "label": "at best" | "in the first 6 weeks after surgery"},
      },
      "red_flags": {
        "entries": [{"date", "flags": [str], "descriptions": [str]}],   # every entry, in order
        "n_days": int,
        "sentence": str,                      # also when there were none
      },
      "new_symptoms": [{                      # by onset date
        "kind": "radiates" | "numb" | "tingling" | "weak",
        "region": "left-foot", "label": "left foot",
        "onset_date", "onset_day",            # first day logged in the onset week; days since day 0
        "last_seen",                          # last day logged
        "weeks_clear_before": int,            # valid weeks without it just before the onset
        "weeks_present": int, "weeks_since": int,   # valid weeks with it / valid weeks since onset
        "returned": bool,                     # it had been logged before the clear weeks
        "sentence": str,
      }],
      "reach": [{                             # changed limbs only (unchanged ones are omitted)
        "side": "left" | "right", "limb": "leg" | "arm",
        "kind": "radiation" | "numbness",     # numbness includes tingling
        "now": "left-foot" | None, "best": "left-thigh" | None,   # most distal region reached
        "direction": "further" | "retreating",
        "sentence": str,
      }],
      "back_leg": None | {                    # None with fewer than 5 entries rated by location
        "n_entries": int,                     # entries with a back or leg intensity
        "monthly": [{"month_index", "start", "back_median", "leg_median",
                     "back_days", "leg_days"}],
        "recent": {"back_median", "leg_median", "back_days", "leg_days"},
        "best": {"back_median", "leg_median", "back_days", "leg_days"},
        "dominant": "back" | "leg" | "similar" | None,       # in the recent window
        "sentence": str,
      },
      "events": [{                            # non-surgery events, and surgeries not at day 0,
        "date", "kind", "title", "day",       #   dated between the first and last entry
        "before_median", "after_median",      # None with fewer than 3 days on that side
        "before_days", "after_days",          # logged days in day-14..day-1 / day+1..day+14
        "change": float | None,
        "sentence": str,                      # ends "(descriptive, not causal)."
      }],
      "completeness": {"start", "end", "days_in_period", "days_logged", "share_logged",
                       "entries", "backfilled", "share_backfilled", "longest_gap_days",
                       "sentence"},
      "monthly": monthly_table(...),          # see below
      "sentences": [str],                     # red flags first, then the order above; new
                                              # symptoms of one kind along one limb share one
    }

Back pain of an entry is its highest intensity over regions of group "back"; leg pain over
group "leg"; a region without an intensity, or an entry without a back (leg) rating, gives
no back (leg) value, not zero. Back/leg medians are medians of daily means. Medians of
daily pain are floats; "worst" is the highest single score.

``region_month_counts(entries, day0)`` -> ``{"pain" | "radiates" | "numb_tingling" | "weak":
{region: {month_index: days present}}}`` (int month keys; days >= day 0 only).

``monthly_table(entries, day0)`` -> one row per month from the first to the last logged
month (days >= day 0), empty months included with ``days_logged`` 0 and None elsewhere::

    {"month_index", "start", "days_logged", "entries", "median", "mean", "worst",
     "radiation_share", "numbness_share", "back_median", "leg_median"}
"""

from __future__ import annotations

import datetime as dt
import statistics
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from tracker.analysis.trend import DAYS_PER_MONTH as MONTH_DAYS
from tracker.analysis.trend import MIN_DAYS_PER_BIN as MIN_DAYS_PER_WEEK
from tracker.analysis.trend import RECENT_DAYS, REF_WINDOW_DAYS, WEEK_DAYS, plain_date
from tracker.domain import RED_FLAGS, Entry, Event, plural
from tracker.regions import REGIONS, SIDES, farthest

CLEAR_WEEKS = 4
PERSIST_WEEKS = 2
FALLBACK_BEST_DAYS = REF_WINDOW_DAYS  # no post-op best yet: the first 6 weeks stand in
EVENT_WINDOW_DAYS = 14
MIN_EVENT_DAYS = 3
MIN_WINDOW_DAYS = 3
MIN_LOCATED_ENTRIES = 5
DOMINANCE_POINTS = 1.0
STALE_SYMPTOM_DAYS = 14
MAX_LISTED_DATES = 10

NEW_KINDS = ("radiates", "numb", "tingling", "weak")
# The figures of a monthly_table row (None in a month without entries).
MONTH_FIGURES = (
    "median",
    "mean",
    "worst",
    "radiation_share",
    "numbness_share",
    "back_median",
    "leg_median",
)
REACH_KINDS = {"radiation": ("radiates",), "numbness": ("numb", "tingling")}
LIMBS = ("leg", "arm")
MONTH_KINDS = {
    "pain": ("where",),
    "radiates": ("radiates",),
    "numb_tingling": ("numb", "tingling"),
    "weak": ("weak",),
}
_NEW_WORDS = {
    "radiates": ("radiating pain into", "Radiating pain"),
    "numb": ("numbness in", "Numbness"),
    "tingling": ("tingling in", "Tingling"),
    "weak": ("weakness in", "Weakness"),
}
_REACH_WORDS = {"radiation": "Radiation", "numbness": "Numbness or tingling"}
_EVENT_WORDS = {
    "medication-start": "medication started",
    "medication-stop": "medication stopped",
    "medication-change": "medication changed",
    "nerve-block": "nerve block",
    "physical-therapy": "physical therapy",
    "stimulator-trial": "stimulator trial",
    "stimulator-implant": "stimulator implant",
}
NOT_CAUSAL = "(descriptive, not causal)."


@dataclass(frozen=True)
class _Week:
    """One 7-day bin since day 0: valid or not, and where a symptom was first logged in it."""

    index: int
    valid: bool
    first_seen: dict[str, dt.date]


@dataclass(frozen=True)
class _Window:
    """An inclusive date range."""

    start: dt.date
    end: dt.date

    def holds(self, day: dt.date) -> bool:
        """Whether the day lies in the window."""
        return self.start <= day <= self.end


# ---------------------------------------------------------------- small shared helpers


def _score(value: float) -> str:
    """A 0-10 score with at most one decimal ("6", "5.5")."""
    text = f"{value:.1f}"
    return text[:-2] if text.endswith(".0") else text


def _median(values: Iterable[float]) -> float | None:
    """The median as a float, None for no values."""
    values = list(values)
    return float(statistics.median(values)) if values else None


def _daily_mean(values_by_day: dict[dt.date, list[float]]) -> dict[dt.date, float]:
    """Mean of each day's values."""
    return {day: sum(v) / len(v) for day, v in values_by_day.items() if v}


def daily_pain(entries: Iterable[Entry]) -> dict[dt.date, float]:
    """Mean overall pain of each logged day."""
    by_day: dict[dt.date, list[float]] = {}
    for entry in entries:
        by_day.setdefault(entry.day, []).append(entry.pain)
    return _daily_mean(by_day)


def _regions_of(entry: Entry, kinds: Sequence[str]) -> set[str]:
    """Regions an entry names under the given fields ("where" gives its sites' regions)."""
    names: set[str] = set()
    for kind in kinds:
        if kind == "where":
            names.update(site.region for site in entry.where)
        else:
            names.update(getattr(entry, kind))
    return names


def located_pain(entry: Entry, group: str) -> int | None:
    """Highest intensity over the entry's sites of one region group (None if none rated)."""
    values = [
        s.intensity
        for s in entry.where
        if s.intensity is not None and s.region in REGIONS and REGIONS[s.region].group == group
    ]
    return max(values) if values else None


def _located_daily(entries: Iterable[Entry], group: str) -> dict[dt.date, float]:
    """Daily mean of the back (or leg) intensity, over entries that rated it."""
    by_day: dict[dt.date, list[float]] = {}
    for entry in entries:
        value = located_pain(entry, group)
        if value is not None:
            by_day.setdefault(entry.day, []).append(value)
    return _daily_mean(by_day)


def _since_words(anchor: str | None) -> str:
    """What day 0 is, in words."""
    return "surgery" if anchor == "surgery" else "the diary began"


# ---------------------------------------------------------------- day 0 and windows


def _day0(entries: Sequence[Entry], trend: dict) -> tuple[dt.date | None, str | None]:
    """Day 0 and its anchor: the trend's surgery date, else the first entry."""
    if trend.get("surgery_date"):
        return dt.date.fromisoformat(trend["surgery_date"]), trend.get("anchor") or "surgery"
    if entries:
        return min(e.day for e in entries), "first_entry"
    return None, None


def _recent_window(as_of: dt.date) -> _Window:
    """The last 6 weeks: as_of-41 .. as_of."""
    return _Window(as_of - dt.timedelta(days=RECENT_DAYS - 1), as_of)


def _best_window(trend: dict, day0: dt.date, as_of: dt.date) -> tuple[_Window, str]:
    """The post-op best window widened to its bins, or the first 6 weeks when there is none."""
    centres = (trend.get("level") or {}).get("reference_window_centres")
    if centres:
        size = int(trend.get("bin_days") or WEEK_DAYS)
        first = int(centres[0] // size) * size
        last = int(centres[-1] // size) * size + size - 1
        return _Window(day0 + dt.timedelta(first), day0 + dt.timedelta(last)), "post_op_best"
    end = min(day0 + dt.timedelta(FALLBACK_BEST_DAYS - 1), as_of)
    return _Window(day0, end), "first_6_weeks"


def _best_label(source: str, anchor: str | None) -> str:
    """How the best period is named in a sentence."""
    if source == "post_op_best":
        return "at best"
    return f"in the first {FALLBACK_BEST_DAYS // WEEK_DAYS} weeks after {_since_words(anchor)}"


def _period_dict(window: _Window, entries: Sequence[Entry]) -> dict:
    """A window as JSON, with its logged days."""
    days = {e.day for e in entries if window.holds(e.day)}
    return {
        "start": window.start.isoformat(),
        "end": window.end.isoformat(),
        "days_logged": len(days),
    }


# ---------------------------------------------------------------- red flags


def red_flag_findings(entries: Sequence[Entry]) -> dict:
    """Every entry with red flags, and one sentence listing the days."""
    found = [
        {
            "date": e.day.isoformat(),
            "flags": list(e.red_flags),
            "descriptions": [RED_FLAGS.get(f, f) for f in e.red_flags],
        }
        for e in sorted(entries, key=lambda e: (e.day, e.logged_at))
        if e.red_flags
    ]
    return {
        "entries": found,
        "n_days": len({f["date"] for f in found}),
        "sentence": _red_flag_sentence(found),
    }


def _red_flag_sentence(found: list[dict]) -> str:
    """'Red-flag symptoms were logged on 2 days: 2 May 2026 (bladder); ...'."""
    if not found:
        return "No red-flag symptoms were logged in this period."
    by_day: dict[str, list[str]] = {}
    for item in found:
        flags = by_day.setdefault(item["date"], [])
        flags.extend(f for f in item["descriptions"] if f not in flags)
    parts = [
        f"{plain_date(dt.date.fromisoformat(day))} ({', '.join(flags)})"
        for day, flags in list(by_day.items())[:MAX_LISTED_DATES]
    ]
    more = len(by_day) - MAX_LISTED_DATES
    tail = f"; and {plural(more, 'more day')}" if more > 0 else ""
    return (
        f"Red-flag symptoms were logged on {plural(len(by_day), 'day')}: {'; '.join(parts)}{tail}."
    )


# ---------------------------------------------------------------- new symptoms


def _weeks(entries: Sequence[Entry], day0: dt.date, last_day: int, kind: str) -> list[_Week]:
    """Every week from day 0 to the as-of week, with validity and first sightings of a symptom."""
    logged: dict[int, set[dt.date]] = {}
    seen: dict[int, dict[str, dt.date]] = {}
    for entry in entries:
        index = (entry.day - day0).days // WEEK_DAYS
        logged.setdefault(index, set()).add(entry.day)
        for region in getattr(entry, kind):
            first = seen.setdefault(index, {})
            first[region] = min(first.get(region, entry.day), entry.day)
    return [
        _Week(i, len(logged.get(i, ())) >= MIN_DAYS_PER_WEEK, seen.get(i, {}))
        for i in range(last_day // WEEK_DAYS + 1)
    ]


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


def _new_symptom(
    weeks: list[_Week], region: str, kind: str, onset: tuple[int, int, bool], last_seen: dt.date
) -> dict:
    """One new-symptom finding, without its sentence."""
    position, clear, returned = onset
    since = [w for w in weeks[position:] if w.valid]
    first = weeks[position].first_seen[region]
    return {
        "kind": kind,
        "region": region,
        "label": REGIONS[region].label if region in REGIONS else region,
        "onset_date": first.isoformat(),
        "last_seen": last_seen.isoformat(),
        "weeks_clear_before": clear,
        "weeks_present": sum(region in w.first_seen for w in since),
        "weeks_since": len(since),
        "returned": returned,
    }


def _stale_note(item: dict, as_of: dt.date) -> str:
    """'; not logged since 5 May 2026' when a new symptom has not been logged for 2 weeks."""
    last = dt.date.fromisoformat(item["last_seen"])
    if (as_of - last).days < STALE_SYMPTOM_DAYS:
        return ""
    return f"; not logged since {plain_date(last)}"


def _new_symptom_sentence(item: dict, as_of: dt.date) -> str:
    """'New numbness in the left foot since about 3 August 2026 (present 6 of ...)'."""
    words, noun = _NEW_WORDS[item["kind"]]
    onset = plain_date(dt.date.fromisoformat(item["onset_date"]))
    if item["returned"]:
        head = f"{noun} returned in the {item['label']} about {onset}"
        if item["kind"] == "radiates":
            head = f"{noun} into the {item['label']} returned about {onset}"
    else:
        head = f"New {words} the {item['label']} since about {onset}"
    stale = _stale_note(item, as_of)
    return (
        f"{head} (present {item['weeks_present']} of the last {item['weeks_since']} weeks; "
        f"absent for the {item['weeks_clear_before']} weeks before{stale})."
    )


def new_symptoms(entries: Sequence[Entry], day0: dt.date, as_of: dt.date) -> list[dict]:
    """Radiation, numbness, tingling or weakness newly logged for 2+ weeks after 4+ clear weeks."""
    window = [e for e in entries if day0 <= e.day <= as_of]
    found = []
    for kind in NEW_KINDS:
        weeks = _weeks(window, day0, (as_of - day0).days, kind)
        last_seen: dict[str, dt.date] = {}
        for entry in window:
            for region in getattr(entry, kind):
                last_seen[region] = max(last_seen.get(region, entry.day), entry.day)
        for region in sorted(last_seen):
            onset = _latest_onset(weeks, region)
            if onset is not None:
                item = _new_symptom(weeks, region, kind, onset, last_seen[region])
                item["onset_day"] = (dt.date.fromisoformat(item["onset_date"]) - day0).days
                found.append(item | {"sentence": _new_symptom_sentence(item, as_of)})
    return sorted(found, key=lambda f: (f["onset_date"], NEW_KINDS.index(f["kind"]), f["region"]))


def _limb_key(item: dict) -> tuple[str, str | None, str | None]:
    """(kind, side, limb) of a new-symptom finding, for grouping a spreading symptom."""
    region = REGIONS.get(item["region"])
    return item["kind"], region and region.side, region and region.limb


def _grouped_part(item: dict, as_of: dt.date) -> str:
    """'the left calf since about 12 March 2026 (22 of 24 weeks)'."""
    onset = plain_date(dt.date.fromisoformat(item["onset_date"]))
    stale = _stale_note(item, as_of)
    return (
        f"the {item['label']} since about {onset} ({item['weeks_present']} of "
        f"{item['weeks_since']} weeks{stale})"
    )


def new_symptom_sentences(found: list[dict], as_of: dt.date) -> list[str]:
    """Page-1 sentences: one per finding, or one per limb when a new symptom spread along it."""
    groups: dict[tuple, list[dict]] = {}
    for item in found:
        key = _limb_key(item) if not item["returned"] and _limb_key(item)[2] else (id(item),)
        groups.setdefault(key, []).append(item)
    text = []
    for key, items in groups.items():
        if len(items) == 1:
            text.append(items[0]["sentence"])
            continue
        words = _NEW_WORDS[key[0]][0]
        parts = [_grouped_part(item, as_of) for item in items]
        clear = min(item["weeks_clear_before"] for item in items)
        text.append(
            f"New {words} the {key[1]} {key[2]}, region by region: "
            f"{', '.join(parts[:-1])} and {parts[-1]}; each absent for at least {clear} weeks "
            "before."
        )
    return text


# ---------------------------------------------------------------- reach down a limb


def _reached(entries: Sequence[Entry], window: _Window, kinds: Sequence[str]) -> set[str]:
    """Regions named under the given fields by entries in a window."""
    names: set[str] = set()
    for entry in entries:
        if window.holds(entry.day):
            names |= {n for n in _regions_of(entry, kinds) if n in REGIONS}
    return names


def _level(name: str | None) -> int:
    """How far down the limb a region lies; 0 for none."""
    return (REGIONS[name].level or 0) if name else 0


def _reach_sentence(item: dict, best_label: str) -> str:
    """'Radiation now reaches the left foot; at best it reached the left thigh (...)'."""
    what = _REACH_WORDS[item["kind"]]
    side, limb = item["side"], item["limb"]
    if item["now"]:
        now = f"{what} now reaches the {REGIONS[item['now']].label}"
    else:
        now = f"{what} no longer reaches the {side} {limb}"
    if item["best"]:
        best = f"{best_label} it reached the {REGIONS[item['best']].label}"
    else:
        best = f"{best_label} there was none"
    if item["direction"] == "further":
        why = f"spreading further down the {limb}"
    else:
        why = "retreating towards the spine, a good sign"
    return f"{now}; {best} ({why})."


def reach_changes(
    entries: Sequence[Entry], recent: _Window, best: _Window, best_label: str
) -> list[dict]:
    """Limbs where radiation or numbness now reaches further, or less far, than at best."""
    found = []
    for kind, fields in REACH_KINDS.items():
        now_names, best_names = _reached(entries, recent, fields), _reached(entries, best, fields)
        for side in SIDES:
            for limb in LIMBS:
                now, then = farthest(now_names, side, limb), farthest(best_names, side, limb)
                if _level(now) == _level(then):
                    continue
                direction = "further" if _level(now) > _level(then) else "retreating"
                item = {"side": side, "limb": limb, "kind": kind, "now": now, "best": then}
                item["direction"] = direction
                found.append(item | {"sentence": _reach_sentence(item, best_label)})
    return found


# ---------------------------------------------------------------- back pain vs leg pain


def _back_leg_summary(
    back: dict[dt.date, float], leg: dict[dt.date, float], window: _Window
) -> dict:
    """Medians and day counts of back and leg pain within a window."""
    b = [v for d, v in back.items() if window.holds(d)]
    g = [v for d, v in leg.items() if window.holds(d)]
    return {
        "back_median": _median(b),
        "leg_median": _median(g),
        "back_days": len(b),
        "leg_days": len(g),
    }


def _back_leg_monthly(back: dict, leg: dict, day0: dt.date) -> list[dict]:
    """Per-month medians of daily back and leg pain (one pass over the days)."""
    by_month: dict[int, tuple[dict, dict]] = {}
    for series, slot in ((back, 0), (leg, 1)):
        for day, value in series.items():
            by_month.setdefault((day - day0).days // MONTH_DAYS, ({}, {}))[slot][day] = value
    rows = []
    for m in sorted(by_month):
        start = day0 + dt.timedelta(m * MONTH_DAYS)
        window = _Window(start, start + dt.timedelta(MONTH_DAYS - 1))
        rows.append({"month_index": m, "start": start.isoformat()})
        rows[-1] |= _back_leg_summary(*by_month[m], window)
    return rows


def _dominant(summary: dict) -> str | None:
    """Which of back or leg pain is higher by at least a point ('similar' otherwise)."""
    back, leg = summary["back_median"], summary["leg_median"]
    if back is None or leg is None:
        return "back" if back is not None else ("leg" if leg is not None else None)
    if abs(leg - back) < DOMINANCE_POINTS:
        return "similar"
    return "leg" if leg > back else "back"


def _back_leg_sentence(recent: dict, best: dict, dominant: str | None, best_label: str) -> str:
    """Which pain dominates now, with the medians now and at best."""
    weeks = RECENT_DAYS // WEEK_DAYS
    back, leg = recent["back_median"], recent["leg_median"]
    if dominant is None:
        head = f"No back or leg pain was rated by location in the last {weeks} weeks"
    elif back is None or leg is None:
        value = back if back is not None else leg
        head = (
            f"Only {dominant} pain was rated in the last {weeks} weeks (median {_score(value)}/10)"
        )
    elif dominant == "similar":
        head = (
            f"Back and leg pain are similar in the last {weeks} weeks (back {_score(back)}/10, "
            f"leg {_score(leg)}/10, medians)"
        )
    else:
        other = "back" if dominant == "leg" else "leg"
        head = (
            f"{dominant.capitalize()} pain (median {_score(recent[dominant + '_median'])}/10) "
            f"now exceeds {other} pain ({_score(recent[other + '_median'])}/10) in the last "
            f"{weeks} weeks"
        )
    then = [
        f"{part} pain was {_score(best[part + '_median'])}/10"
        for part in (("leg", "back") if dominant == "leg" else ("back", "leg"))
        if best[part + "_median"] is not None
    ]
    tail = f"; {best_label} {' and '.join(then)}" if then else ""
    return f"{head}{tail}."


def back_leg_findings(
    entries: Sequence[Entry], day0: dt.date, recent: _Window, best: _Window, best_label: str
) -> dict | None:
    """Back pain against leg pain, by month and now against the best period."""
    rated = [
        e
        for e in entries
        if located_pain(e, "back") is not None or located_pain(e, "leg") is not None
    ]
    if len(rated) < MIN_LOCATED_ENTRIES:
        return None
    back, leg = _located_daily(rated, "back"), _located_daily(rated, "leg")
    now, then = _back_leg_summary(back, leg, recent), _back_leg_summary(back, leg, best)
    dominant = _dominant(now)
    return {
        "n_entries": len(rated),
        "monthly": _back_leg_monthly(back, leg, day0),
        "recent": now,
        "best": then,
        "dominant": dominant,
        "sentence": _back_leg_sentence(now, then, dominant, best_label),
    }


# ---------------------------------------------------------------- events


def _side_of(daily: dict[dt.date, float], day: dt.date, sign: int) -> list[float]:
    """Daily pain in the 14 days before (sign -1) or after (sign +1) a day, the day excluded."""
    days = (day + dt.timedelta(sign * k) for k in range(1, EVENT_WINDOW_DAYS + 1))
    return [daily[d] for d in days if d in daily]


def _event_sentence(ev: Event, item: dict) -> str:
    """Median daily pain before and after an event, or why there is too little to say."""
    head = f"{ev.title} ({_EVENT_WORDS.get(ev.kind, ev.kind)}, {plain_date(ev.day)})"
    nb, na = item["before_days"], item["after_days"]
    if item["change"] is None:
        return (
            f"{head}: too few days logged to compare pain before and after ({nb} of the "
            f"{EVENT_WINDOW_DAYS} days before, {na} of the {EVENT_WINDOW_DAYS} after; at least "
            f"{MIN_EVENT_DAYS} needed on each side) {NOT_CAUSAL}"
        )
    change = f"{item['change']:+.1f}".replace("+0.0", "0.0").replace("-0.0", "0.0")
    return (
        f"{head}: median daily pain {_score(item['before_median'])}/10 in the "
        f"{EVENT_WINDOW_DAYS} days before ({nb} days logged) and {_score(item['after_median'])}"
        f"/10 in the {EVENT_WINDOW_DAYS} days after ({na} days logged), a change of {change} "
        f"{NOT_CAUSAL}"
    )


def event_findings(
    entries: Sequence[Entry], events: Sequence[Event], day0: dt.date | None
) -> list[dict]:
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
        b, a = _median(before), _median(after)
        item = {
            "date": ev.day.isoformat(),
            "kind": ev.kind,
            "title": ev.title,
            "day": (ev.day - day0).days if day0 else None,
            "before_median": b if len(before) >= MIN_EVENT_DAYS else None,
            "after_median": a if len(after) >= MIN_EVENT_DAYS else None,
            "before_days": len(before),
            "after_days": len(after),
            "change": a - b if enough else None,
        }
        found.append(item | {"sentence": _event_sentence(ev, item)})
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
) -> dict:
    """Days logged and back-filled entries, first entry (or --since) to as_of (or --until)."""
    end = end or as_of
    start = start or min((e.day for e in entries), default=end)
    kept = [e for e in entries if start <= e.day <= end]
    days = sorted({e.day for e in kept})
    n_days = max(0, (end - start).days + 1)
    backfilled = sum(e.backfilled for e in kept)
    item = {
        "start": start.isoformat(),
        "end": end.isoformat(),
        "days_in_period": n_days,
        "days_logged": len(days),
        "share_logged": len(days) / n_days if n_days else 0.0,
        "entries": len(kept),
        "backfilled": backfilled,
        "share_backfilled": backfilled / len(kept) if kept else 0.0,
        "longest_gap_days": _longest_gap(days, start, end) if n_days else 0,
    }
    return item | {"sentence": _completeness_sentence(item)}


def _completeness_sentence(item: dict) -> str:
    """'Logged on 301 of 412 days (73 %); 12 entries were back-filled (...)'."""
    if not item["entries"]:
        return "No entries in this period."
    pct = round(100 * item["share_logged"])
    n = item["backfilled"]
    if n == 0:
        filled = "no entries were back-filled"
    else:
        filled = (
            f"{n} {'entry was' if n == 1 else 'entries were'} back-filled (typed on a later day)"
        )
    gap = item["longest_gap_days"]
    gap_text = f"; the longest gap without an entry was {plural(gap, 'day')}" if gap > 1 else ""
    return (
        f"Logged on {item['days_logged']} of {item['days_in_period']} days ({pct} %); "
        f"{filled}{gap_text}."
    )


# ---------------------------------------------------------------- by month


def _month_groups(entries: Iterable[Entry], day0: dt.date) -> dict[int, list[Entry]]:
    """Entries from day 0 on, grouped by month index day // 30."""
    months: dict[int, list[Entry]] = {}
    for entry in entries:
        if entry.day >= day0:
            months.setdefault((entry.day - day0).days // MONTH_DAYS, []).append(entry)
    return months


def region_month_counts(
    entries: Iterable[Entry], day0: dt.date
) -> dict[str, dict[str, dict[int, int]]]:
    """Pain sites, radiation, numbness+tingling, weakness: region -> month -> days present."""
    counts: dict[str, dict[str, dict[int, int]]] = {kind: {} for kind in MONTH_KINDS}
    for month, group in sorted(_month_groups(entries, day0).items()):
        for kind, fields in MONTH_KINDS.items():
            days: dict[str, set[dt.date]] = {}
            for entry in group:
                for region in _regions_of(entry, fields):
                    days.setdefault(region, set()).add(entry.day)
            for region, present in sorted(days.items()):
                counts[kind].setdefault(region, {})[month] = len(present)
    return {kind: dict(sorted(regions.items())) for kind, regions in counts.items()}


def _share_of_days(group: list[Entry], fields: Sequence[str], n_days: int) -> float:
    """Share of logged days on which any entry named a region under the fields."""
    return len({e.day for e in group if _regions_of(e, fields)}) / n_days


def _month_row(month: int, group: list[Entry], day0: dt.date) -> dict:
    """One row of the monthly table."""
    start = day0 + dt.timedelta(month * MONTH_DAYS)
    row: dict = {"month_index": month, "start": start.isoformat(), "days_logged": 0, "entries": 0}
    empty = dict.fromkeys(MONTH_FIGURES)
    if not group:
        return row | empty
    daily = list(daily_pain(group).values())
    return row | {
        "days_logged": len(daily),
        "entries": len(group),
        "median": _median(daily),
        "mean": sum(daily) / len(daily),
        "worst": max(e.pain for e in group),
        "radiation_share": _share_of_days(group, ("radiates",), len(daily)),
        "numbness_share": _share_of_days(group, ("numb", "tingling"), len(daily)),
        "back_median": _median(_located_daily(group, "back").values()),
        "leg_median": _median(_located_daily(group, "leg").values()),
    }


def monthly_table(entries: Iterable[Entry], day0: dt.date) -> list[dict]:
    """Per month since day 0: daily pain median/mean/worst, days logged, symptom shares."""
    months = _month_groups(entries, day0)
    if not months:
        return []
    return [_month_row(m, months.get(m, []), day0) for m in range(min(months), max(months) + 1)]


# ---------------------------------------------------------------- everything for the report


def _sentences(result: dict) -> list[str]:
    """Every sentence, red flags first, in report order."""
    text = [result["red_flags"]["sentence"]]
    text += new_symptom_sentences(result["new_symptoms"], dt.date.fromisoformat(result["as_of"]))
    text += [f["sentence"] for f in result["reach"]]
    text += [result["back_leg"]["sentence"]] if result["back_leg"] else []
    text += [f["sentence"] for f in result["events"]]
    return text + [result["completeness"]["sentence"]]


def _limb_findings(
    entries: Sequence[Entry], day0: dt.date, anchor: str | None, trend: dict, as_of: dt.date
) -> dict:
    """New symptoms, reach and back/leg pain: the findings that need day 0 and the windows."""
    recent = _recent_window(as_of)
    best, source = _best_window(trend, day0, as_of)
    label = _best_label(source, anchor)
    periods = {
        "recent": _period_dict(recent, entries),
        "best": _period_dict(best, entries) | {"source": source, "label": label},
    }
    enough = all(p["days_logged"] >= MIN_WINDOW_DAYS for p in periods.values())
    return {
        "periods": periods,
        "new_symptoms": new_symptoms(entries, day0, as_of),
        "reach": reach_changes(entries, recent, best, label) if enough else [],
        "back_leg": back_leg_findings(entries, day0, recent, best, label),
        "monthly": monthly_table(entries, day0),
    }


def symptom_spread(
    entries: Sequence[Entry],
    events: Sequence[Event],
    trend: dict,
    as_of: dt.date,
    *,
    period_start: dt.date | None = None,
    period_end: dt.date | None = None,
) -> dict:
    """All symptom-spread findings of a diary, JSON-ready (shape in the module docstring)."""
    day0, anchor = _day0(entries, trend)
    upto = [e for e in entries if e.day <= as_of and (day0 is None or e.day >= day0)]
    result: dict = {
        "as_of": as_of.isoformat(),
        "day0": day0.isoformat() if day0 else None,
        "anchor": anchor,
        "red_flags": red_flag_findings(entries),
    }
    empty = {"periods": None, "new_symptoms": [], "reach": [], "back_leg": None, "monthly": []}
    result |= _limb_findings(upto, day0, anchor, trend, as_of) if day0 else empty
    in_time = [e for e in entries if e.day <= as_of]
    result["events"] = event_findings(in_time, events, day0)
    result["completeness"] = completeness(entries, as_of, period_start, period_end)
    result["sentences"] = _sentences(result)
    return result
