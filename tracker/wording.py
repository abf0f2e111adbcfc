"""Every sentence made from the analysis' results: the words patients and clinicians read.

The analysis (tracker/analysis/) returns numbers and codes; this module turns them into
English: the verdict's reason (printed by `tracker trend --json`), its plain-English sentences
and key numbers, the symptom-spread findings, day 0 in words, dates and numbers. Nothing
decides anything from the text of a sentence: read the typed results instead.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Iterable, Sequence

from tracker.analysis.calendar import (
    DAYS_PER_MONTH,
    MIN_DAYS_PER_BIN,
    RECENT_DAYS,
    WEEK_DAYS,
    DayZero,
    week_of,
)
from tracker.analysis.spread import (
    EVENT_WINDOW_DAYS,
    FALLBACK_BEST_DAYS,
    LAST_DAYS,
    MIN_EVENT_DAYS,
    BackLeg,
    Completeness,
    EventChange,
    NewSymptom,
    Reach,
    RedFlagEntry,
    Spread,
    is_stale,
)
from tracker.analysis.trend import (
    MAX_STALENESS_DAYS,
    MCID_ABS,
    MCID_FLOOR,
    MCID_REL,
    MIN_SPAN_DAYS,
    MIN_VALID_BINS,
    MannKendall,
    Reason,
    Verdict,
    highest_since_best,
    threshold,
)
from tracker.domain import RED_FLAGS, plural
from tracker.regions import REGIONS

# Said after every verdict (docs/method.md#disclaimer; the threshold: docs/clinical.md#mcid).
DISCLAIMER = (
    "A screening summary of self-reported scores, not a diagnosis. "
    "Threshold: 2 points or 30 % (Farrar 2001; Ostelo 2008)."
)
VERDICT_HEADLINES = {
    "worsening": "WORSENING: pain is clearly and lastingly worse",
    "stable": "STABLE: no clinically important worsening",
    "improving": "IMPROVING: pain has fallen steadily",
    "insufficient_data": "NOT ENOUGH DATA YET for a verdict",
}
RECENT_WEEKS = RECENT_DAYS // WEEK_DAYS
MAX_LISTED_DATES = 10
NOT_CAUSAL = "(descriptive, not causal)."
NEW_SYMPTOM_WORDS = {
    "radiates": ("radiating pain into", "Radiating pain"),
    "numb": ("numbness in", "Numbness"),
    "tingling": ("tingling in", "Tingling"),
    "weak": ("weakness in", "Weakness"),
}
_REACH_WORDS = {"radiation": "Radiation", "numbness": "Numbness", "tingling": "Tingling"}
_EVENT_WORDS = {
    "medication-start": "medication started",
    "medication-stop": "medication stopped",
    "medication-change": "medication changed",
    "nerve-block": "nerve block",
    "physical-therapy": "physical therapy",
    "stimulator-trial": "stimulator trial",
    "stimulator-implant": "stimulator implant",
}

DateFormat = str | Callable[[dt.date], str]


# ---------------------------------------------------------------- dates, numbers, day 0


def plain_date(day: dt.date) -> str:
    """A date in plain words, e.g. "12 March 2026"."""
    return f"{day.day} {day.strftime('%B')} {day.year}"


def short_date(day: dt.date) -> str:
    """A date as the report prints it: '12 Mar 2025'."""
    return f"{day.day} {day:%b %Y}"


def date_range(first: dt.date, last: dt.date) -> str:
    """'3 Feb - 14 Mar 2025' or '3 Feb 2024 - 14 Mar 2025'."""
    if first == last:
        return short_date(first)
    if first.year == last.year:
        return f"{first.day} {first:%b} - {short_date(last)}"
    return f"{short_date(first)} - {short_date(last)}"


def signed(x: float) -> str:
    """A signed number with one decimal ("+2.7", "-0.4", "0.0")."""
    text = f"{x:+.1f}"
    return "0.0" if text in ("+0.0", "-0.0") else text


def one_decimal(value: float) -> float:
    """A figure as the report prints it, one decimal (docs/method.md#wording-add-up)."""
    return float(f"{value:.1f}")


def printed_rise(now: float, best: float) -> float:
    """The difference of two levels as printed (6.68 and 3.04 print 6.7 and 3.0: +3.7)."""
    return round(one_decimal(now) - one_decimal(best), 1)


def per_month(value: float) -> str:
    """A rate a month as every page prints it: signed, one decimal ("+0.3"), or two where one
    would print a rise as none: 2.5 points over 57 months is "+0.04", not "0.0"
    (docs/method.md#wording-add-up)."""
    text = signed(value)
    if text == "0.0" and round(value, 2) != 0:
        return f"{value:+.2f}"
    return text


def score(value: float) -> str:
    """A 0-10 score with at most one decimal ("6", "5.5")."""
    text = f"{value:.1f}"
    return text[:-2] if text.endswith(".0") else text


def is_surgery(day0: DayZero | None) -> bool:
    """Whether day 0 is a surgery (else the first entry, or there is no day 0)."""
    return day0 is not None and day0.anchor == "surgery"


def since_words(day0: DayZero | None) -> str:
    """What day 0 is, in words: 'surgery' or 'the diary began'."""
    return "surgery" if is_surgery(day0) else "the diary began"


def after_day0(day0: DayZero | None) -> str:
    """'after surgery', or 'since the diary began' when no surgery is recorded."""
    return "after surgery" if is_surgery(day0) else "since the diary began"


def _months(days: float) -> str:
    """A duration in whole months, in words."""
    months = round(days / DAYS_PER_MONTH)
    return "less than a month" if months < 1 else f"about {months} month{'s' * (months != 1)}"


# ---------------------------------------------------------------- the verdict's reason


def _mk_text(mk: MannKendall) -> str:
    """Short statistics text for a Mann-Kendall result."""
    return f"Mann-Kendall S = {mk.s}, Hamed-Rao p = {mk.p_hr:.3g}"


def _reason_text(verdict: Verdict, reason: Reason) -> str:
    """One reason of the verdict, in the words of `trend --json`'s reason field."""
    code, trend, level = reason.code, verdict.trend, verdict.level
    if code == "few_bins":
        unit = "weekly" if verdict.bin_days == WEEK_DAYS else f"{verdict.bin_days}-day"
        return (
            f"only {reason.count} valid {unit} bins with entries on {MIN_DAYS_PER_BIN} "
            f"or more days (need {MIN_VALID_BINS})"
        )
    if code == "short_span":
        return f"entries span only {reason.count} days (need {MIN_SPAN_DAYS})"
    if code == "stale":
        return (
            f"the last entry is {reason.count} days before the as-of date "
            f"(more than {MAX_STALENESS_DAYS})"
        )
    if code == "no_entries":
        return "no pain entries between day 0 and the as-of date"
    assert trend is not None and level is not None  # every other reason follows the detectors
    if code in ("steady_rise", "steady_fall"):
        low, high = trend.ci95_per_30d
        return (
            f"steady {'rise' if code == 'steady_rise' else 'fall'} over the record: Theil-Sen "
            f"slope {trend.slope_per_30d:+.2f} points per 30 days "
            f"(95 % CI {low:+.2f} to {high:+.2f}), change {trend.change_over_record:+.2f} "
            f"points against a threshold of {trend.threshold:.2f} ({_mk_text(trend.mk)})"
        )
    best = level.best
    if code == "above_best":
        assert best is not None and level.post_ref_mk is not None
        return (
            f"current level {level.current_level:.2f} (median of the last "
            f"{RECENT_DAYS} days) is {best.delta:+.2f} points above the post-op best "
            f"{best.level:.2f} (bins centred on days {best.first_centre:g}-{best.last_centre:g}), "
            f"reaching the threshold of {best.threshold:.2f}; rising since the best "
            f"({_mk_text(level.post_ref_mk)})"
        )
    if code == "detectable_change":
        return (
            f"a statistically detectable change of {trend.change_over_record:+.2f} points "
            f"over the record, below the threshold of {trend.threshold:.2f} "
            f"({_mk_text(trend.mk)})"
        )
    if code == "within_fluctuation":
        assert best is not None
        return (
            f"the current level is {best.delta:+.2f} points above the post-op best, "
            f"within the patient's usual fluctuation (threshold {best.threshold:.2f})"
        )
    return (  # no_important_change
        f"no clinically important change: {trend.change_over_record:+.2f} points over "
        f"the record against a threshold of {trend.threshold:.2f}"
        + (f", {best.delta:+.2f} points from the post-op best" if best else "")
    )


def verdict_reason(verdict: Verdict) -> str:
    """The verdict's reasons joined by '; ' (the `reason` of `tracker trend --json`)."""
    return "; ".join(_reason_text(verdict, reason) for reason in verdict.reasons)


# ---------------------------------------------------------------- the verdict in plain English


def _trend_sentence(verdict: Verdict, verb: str) -> str:
    """Steady rise or fall: about so much a month, and the total change (no interval:
    docs/method.md#whole-record-line)."""
    trend = verdict.trend
    assert trend is not None
    centres = verdict.bins.centre_day
    months = max(1, round((centres[-1] - centres[0]) / DAYS_PER_MONTH))
    return (
        f"Pain has {verb} steadily since {since_words(verdict.day0)}: about "
        f"{per_month(trend.slope_per_30d)} points a month, {signed(trend.change_over_record)} "
        f"points over {months} month{'s' * (months != 1)}."
    )


def best_dates(verdict: Verdict) -> tuple[dt.date, dt.date] | None:
    """First and last day of the post-op best window (its bins' days), or None."""
    level = verdict.level
    if level is None or level.best is None:
        return None
    return _window_dates(verdict, level.best.first_centre, level.best.last_centre)


def _window_dates(
    verdict: Verdict, first_centre: float, last_centre: float
) -> tuple[dt.date, dt.date] | None:
    """First and last day of the bins from one centre to another, or None without day 0."""
    if verdict.day0 is None:
        return None
    half = (verdict.bin_days - 1) / 2
    day0 = verdict.day0.day
    return (
        day0 + dt.timedelta(days=int(first_centre - half)),
        day0 + dt.timedelta(days=int(last_centre + half)),
    )


def months_since_best(verdict: Verdict) -> int | None:
    """Whole 30-day months from the middle of the best window to the middle of the last
    6 weeks (at least 1), or None without a best."""
    level = verdict.level
    if level is None or level.best is None or verdict.as_of_day is None:
        return None
    best_mid = (level.best.first_centre + level.best.last_centre) / 2
    recent_mid = verdict.as_of_day - (RECENT_DAYS - 1) / 2
    return max(1, round((recent_mid - best_mid) / DAYS_PER_MONTH))


def rise_per_month(verdict: Verdict) -> float | None:
    """The printed rise from the best divided by the printed months since it."""
    level, months = verdict.level, months_since_best(verdict)
    if level is None or level.best is None or level.current_level is None or months is None:
        return None
    return printed_rise(level.current_level, level.best.level) / months


def _level_sentences(verdict: Verdict, fmt: Callable[[dt.date], str]) -> list[str]:
    """Worsening via L: now against the best since surgery, the low point's dates, the rise
    a month since then, and the onset (docs/method.md#whole-record-line)."""
    level, day0 = verdict.level, verdict.day0
    assert level is not None and level.best is not None and level.current_level is not None
    best, since = level.best, since_words(day0)
    rise = printed_rise(level.current_level, best.level)
    text = [
        f"Pain has been higher over the last {RECENT_WEEKS} weeks (median "
        f"{level.current_level:.1f}/10) than at its best after {since} "
        f"({best.level:.1f}/10, weeks {week_of(best.first_centre)}-{week_of(best.last_centre)}): "
        f"a rise of {signed(rise)} points."
    ]
    dates, months, rate = best_dates(verdict), months_since_best(verdict), rise_per_month(verdict)
    if dates is not None and months is not None and rate is not None:
        text.append(
            f"The low point was {date_range(*dates)}; from it to the last {RECENT_WEEKS} weeks, "
            f"about {plural(months, 'month')}, pain rose about {per_month(rate)} points a month."
        )
    if level.onset is not None and day0 is not None:
        when = day0.day + dt.timedelta(int(level.onset.day))
        step = level.onset.model == "step"
        verb = "rose fairly abruptly around" if step else "has been rising since about"
        text.append(f"It {verb} {fmt(when)} ({_months(level.onset.day)} after {since}).")
    eased = eased_from_peak(verdict)
    if eased:
        text.append(eased)
    return text


def eased_from_peak(verdict: Verdict) -> str | None:
    """'It was higher still at 6.5/10 (16 Feb - 16 May 2025); the last 6 weeks are 2.1 points
    below that.': said when the last 6 weeks are below the highest 6 weeks since the best by
    at least the change that matters (the verdict's threshold), so that a course easing from
    a peak is not read as still climbing."""
    level = verdict.level
    top = highest_since_best(verdict)
    if top is None or level is None or level.best is None or level.current_level is None:
        return None
    peak, first, last = top
    drop = printed_rise(peak, level.current_level)
    dates = _window_dates(verdict, first, last)
    if drop < one_decimal(level.best.threshold) or dates is None:
        return None
    start, end = dates
    return (
        f"It was higher still at {peak:.1f}/10 ({date_range(start, end)}); the last"
        f" {RECENT_WEEKS} weeks are {drop:.1f} points below that."
    )


def _stable_sentences(verdict: Verdict) -> list[str]:
    """Stable: the level now against the best, drift and usual ups and downs."""
    trend, level = verdict.trend, verdict.level
    assert trend is not None and level is not None
    text = [
        f"No clinically important worsening: pain changed by "
        f"{signed(trend.change_over_record)} points over the record (about "
        f"{signed(trend.slope_per_30d)} points a month)."
    ]
    if verdict.has("detectable_change"):
        text.append(
            f"This is a small but statistically detectable drift, below the "
            f"{trend.threshold:.1f}-point change that would matter clinically."
        )
    if level.best is not None:
        text.append(
            f"The last {RECENT_WEEKS} weeks (median {level.current_level:.1f}/10) "
            f"are {signed(printed_rise(level.current_level or 0.0, level.best.level))} points "
            "from the best after "
            f"{since_words(verdict.day0)} ({level.best.level:.1f}/10)."
        )
        if verdict.has("within_fluctuation"):
            text.append(
                f"That is within this patient's usual ups and downs: here a change must "
                f"reach {level.best.threshold:.1f} points to stand out from week-to-week noise."
            )
    return text


def insufficient_sentence(verdict: Verdict) -> str:
    """What a verdict needs and what there is, counted in the unit in use: the one sentence
    every page and `tracker trend` say (docs/method.md#wording-insufficient)."""
    if verdict.has("no_entries") or verdict.span_days is None:
        return (
            "Not enough data for a verdict: no pain scores logged since "
            f"{since_words(verdict.day0)}."
        )
    n_bins = len(verdict.bins.centre_day)
    if verdict.bin_days == WEEK_DAYS:
        return (
            f"Not enough data for a verdict yet: needs at least {MIN_VALID_BINS} weeks with "
            f"entries on {MIN_DAYS_PER_BIN} or more days, over at least {MIN_SPAN_DAYS // 7} "
            f"weeks; {plural(n_bins, 'usable week')} so far, over "
            f"{plural(verdict.span_days, 'day')}."
        )
    weeks = MIN_VALID_BINS * verdict.bin_days // WEEK_DAYS
    return (
        f"Not enough data for a verdict yet: needs at least {MIN_VALID_BINS} fourteen-day "
        f"periods with entries on {MIN_DAYS_PER_BIN} or more days, so at least {weeks} weeks; "
        f"{n_bins} so far, over {plural(verdict.span_days, 'day')} (fewer than 6 in 10 weeks "
        f"had {MIN_DAYS_PER_BIN} logged days, so weeks are pooled in pairs)."
    )


def _insufficient_sentences(verdict: Verdict, fmt: Callable[[dt.date], str]) -> list[str]:
    """Insufficient data: what is needed and what there is."""
    text = [insufficient_sentence(verdict)]
    if verdict.has("stale") and verdict.as_of is not None:
        text.append(f"No entries in the {MAX_STALENESS_DAYS} days before {fmt(verdict.as_of)}.")
    return text


def _date_formatter(date_format: DateFormat) -> Callable[[dt.date], str]:
    """A date formatter from a strftime pattern or a callable."""
    if callable(date_format):
        return date_format
    return lambda day: day.strftime(date_format)


def verdict_sentences(verdict: Verdict, date_format: DateFormat = plain_date) -> list[str]:
    """The verdict in plain English (without the disclaimer, which goes with every verdict)."""
    fmt = _date_formatter(date_format)
    if verdict.verdict == "insufficient_data":
        return _insufficient_sentences(verdict, fmt)
    if verdict.verdict == "worsening":
        if verdict.has("above_best"):  # not a steady line: fell to a best, then rose
            return _level_sentences(verdict, fmt)
        return [_trend_sentence(verdict, "risen")]
    if verdict.verdict == "improving":
        return [_trend_sentence(verdict, "fallen")]
    return _stable_sentences(verdict)


def describe_verdict(verdict: Verdict, date_format: DateFormat = plain_date) -> list[str]:
    """The verdict's sentences followed by the disclaimer, as `tracker trend` prints them."""
    return [*verdict_sentences(verdict, date_format), DISCLAIMER]


def threshold_rule(verdict: Verdict) -> str | None:
    """The one rule that set the rise that matters and the figures it weighed, e.g. "set by
    the 1-point floor, as 30 % of the best level is 0.9; twice this patient's usual
    week-to-week swing is 0.9" (docs/method.md#wording-add-up); None without a best."""
    level, noise = verdict.level, verdict.fluctuation
    if level is None or level.best is None or noise is None:
        return None
    ref = level.best.level
    clinical, share = threshold(ref), MCID_REL * ref
    pct = f"{MCID_REL:.0%}".replace("%", " %")
    if noise.mdc > clinical:
        return (
            f"set by twice this patient's usual week-to-week swing, larger than the "
            f"{clinical:.1f} points the clinical rule alone would need"
        )
    if share >= MCID_ABS:
        rule = f"set by the {MCID_ABS:.0f}-point cap, as {pct} of the best level is {share:.1f}"
    elif share <= MCID_FLOOR:
        rule = f"set by the {MCID_FLOOR:.0f}-point floor, as {pct} of the best level is {share:.1f}"
    else:
        rule = f"set by {pct} of the best level"
    return f"{rule}; twice this patient's usual week-to-week swing is {noise.mdc:.1f}"


def _rate_line(verdict: Verdict) -> str | None:
    """The rate behind the verdict: since the best when L fired, else over the record."""
    level, trend = verdict.level, verdict.trend
    if verdict.has("above_best") and level is not None and level.post_ref_mk is not None:
        rate = rise_per_month(verdict)
        assert rate is not None
        return (
            f"Since the best: about {per_month(rate)} points a month; Mann-Kendall p = "
            f"{level.post_ref_mk.p_hr:.3g} (Hamed-Rao, corrected for autocorrelation)."
        )
    if trend is None:
        return None
    return (
        f"Steady trend: {per_month(trend.slope_per_30d)} points a month; Mann-Kendall p = "
        f"{trend.mk.p_hr:.3g} (Hamed-Rao, corrected for autocorrelation)."
    )


def trend_key_numbers(verdict: Verdict) -> list[str]:
    """A few lines of the numbers behind a verdict, for `tracker trend`."""
    bins = "weeks" if verdict.bin_days == WEEK_DAYS else "14-day periods"
    lines = [
        f"Usable {bins}: {len(verdict.bins.centre_day)} (entries on 3 or more days each); "
        f"span {verdict.span_days or 0} days; {verdict.n_logged_days} days logged."
    ]
    level = verdict.level
    if level is not None and level.best is not None and level.current_level is not None:
        best = level.best
        lines.append(
            f"Last 6 weeks: median {level.current_level:.1f}/10; best "
            f"{after_day0(verdict.day0)}: {best.level:.1f}/10; change "
            f"{signed(printed_rise(level.current_level, best.level))} points; "
            f"{best.threshold:.1f} needed to matter, {threshold_rule(verdict)}."
        )
    rate = _rate_line(verdict)
    return lines + ([rate] if rate else [])


def report_key_numbers(verdict: Verdict) -> str | None:
    """The report's one-paragraph line of the numbers behind the verdict, every term explained."""
    level, trend = verdict.level, verdict.trend
    parts = []
    if level is not None and level.current_level is not None:
        parts.append(f"now (median of the last 6 weeks) {level.current_level:.1f}/10")
    if level is not None and level.best is not None:
        dates = best_dates(verdict)
        when = f" ({date_range(*dates)})" if dates else ""
        parts.append(f"best 6 weeks {after_day0(verdict.day0)} {level.best.level:.1f}/10{when}")
        parts.append(
            f"a rise must reach {level.best.threshold:.1f} points to matter clinically, "
            f"{threshold_rule(verdict)}"
        )
    if trend is not None and not verdict.has("above_best"):
        parts.append(f"overall trend {per_month(trend.slope_per_30d)} points a month")
    if not parts:
        return None
    return "In numbers: " + "; ".join(parts) + "."


# ---------------------------------------------------------------- symptom spread


def region_label(name: str) -> str:
    """A region's label ("left foot"), or its name when it is not a known region."""
    return REGIONS[name].label if name in REGIONS else name


def red_flag_meaning(flag: str) -> str:
    """What a red-flag code means, in the patient's words."""
    return RED_FLAGS.get(flag, flag)


def red_flags_sentence(found: tuple[RedFlagEntry, ...]) -> str:
    """'Red-flag symptoms were logged on 2 days: 2 May 2026 (bladder); ...'."""
    if not found:
        return "No red-flag symptoms were logged in this period."
    by_day: dict[dt.date, list[str]] = {}
    for item in found:
        flags = by_day.setdefault(item.day, [])
        flags.extend(m for m in map(red_flag_meaning, item.flags) if m not in flags)
    parts = [
        f"{plain_date(day)} ({', '.join(flags)})"
        for day, flags in list(by_day.items())[:MAX_LISTED_DATES]
    ]
    more = len(by_day) - MAX_LISTED_DATES
    tail = f"; and {plural(more, 'more day')}" if more > 0 else ""
    return (
        f"Red-flag symptoms were logged on {plural(len(by_day), 'day')}: {'; '.join(parts)}{tail}."
    )


def best_label(spread: Spread) -> str:
    """How the best period is named in a sentence: 'at best' or 'in the first 6 weeks ...'."""
    if spread.periods is not None and spread.periods.best_source == "post_op_best":
        return "at best"
    weeks = FALLBACK_BEST_DAYS // WEEK_DAYS
    return f"in the first {weeks} weeks after {since_words(spread.day0)}"


def _stale_note(item: NewSymptom, as_of: dt.date) -> str:
    """'; not logged since 5 May 2026' when a new symptom has not been logged for 2 weeks."""
    return f"; not logged since {plain_date(item.last_seen)}" if is_stale(item, as_of) else ""


def new_symptom_sentence(item: NewSymptom, as_of: dt.date) -> str:
    """'New numbness in the left foot since about 3 August 2026 (present 6 of ...)'."""
    words, noun = NEW_SYMPTOM_WORDS[item.kind]
    onset, label = plain_date(item.onset), region_label(item.region)
    if item.returned:
        head = f"{noun} returned in the {label} about {onset}"
        if item.kind == "radiates":
            head = f"{noun} into the {label} returned about {onset}"
    else:
        head = f"New {words} the {label} since about {onset}"
    return (
        f"{head} (present {item.weeks_present} of the {_usable_weeks(item, as_of)}; "
        f"absent for the {item.weeks_clear_before} weeks before{_stale_note(item, as_of)})."
    )


def _usable_weeks(item: NewSymptom, as_of: dt.date) -> str:
    """'37 usable weeks since, of about 40': weeks with 3 logged days, and weeks elapsed."""
    elapsed = max(1, round(((as_of - item.onset).days + 1) / WEEK_DAYS))
    return f"{plural(item.weeks_since, 'usable week')} since, of about {elapsed}"


def _limb_key(item: NewSymptom) -> tuple[str, str | None, str | None]:
    """(kind, side, limb) of a new-symptom finding, for grouping a spreading symptom."""
    region = REGIONS.get(item.region)
    return (item.kind, region.side, region.limb) if region else (item.kind, None, None)


def _grouped_part(item: NewSymptom, as_of: dt.date) -> str:
    """'the left calf since about 12 March 2026 (22 of 24 weeks)'."""
    return (
        f"the {region_label(item.region)} since about {plain_date(item.onset)} "
        f"({item.weeks_present} of {_usable_weeks(item, as_of)}{_stale_note(item, as_of)})"
    )


def new_symptom_sentences(found: tuple[NewSymptom, ...], as_of: dt.date) -> list[str]:
    """One sentence per finding, or one per limb when a new symptom spread along it."""
    groups: dict[tuple[str, str | None, str | None] | int, list[NewSymptom]] = {}
    for item in found:  # a returned symptom, or one off the limbs, stands alone
        limb = _limb_key(item)
        groups.setdefault(limb if not item.returned and limb[2] else id(item), []).append(item)
    text = []
    for items in groups.values():
        if len(items) == 1:
            text.append(new_symptom_sentence(items[0], as_of))
            continue
        kind, side, limb_name = _limb_key(items[0])
        words = NEW_SYMPTOM_WORDS[kind][0]
        parts = [_grouped_part(item, as_of) for item in items]
        clear = min(item.weeks_clear_before for item in items)
        text.append(
            f"New {words} the {side} {limb_name}, region by region: "
            f"{', '.join(parts[:-1])} and {parts[-1]}; each absent for at least {clear} weeks "
            "before."
        )
    return text


def new_symptoms_line(found: tuple[NewSymptom, ...], as_of: dt.date) -> str | None:
    """Every new symptom in one compact line (page 4, where the month panels of page 3
    already draw each place over time): the place, its onset, the weeks it was present of the
    usable weeks since and of the weeks elapsed, and the weeks clear before; a symptom
    that spread along a limb once, place by place. None when there is none."""
    if not found:
        return None
    groups: dict[tuple[str, str | None, str | None] | int, list[NewSymptom]] = {}
    for item in found:  # as new_symptom_sentences groups them
        limb = _limb_key(item)
        groups.setdefault(limb if not item.returned and limb[2] else id(item), []).append(item)
    said = []
    for items in groups.values():
        words, noun = NEW_SYMPTOM_WORDS[items[0].kind]
        parts = []
        for number, item in enumerate(items):
            region = REGIONS.get(item.region)
            label = region_label(item.region)
            if number and region is not None and region.side:
                label = label.removeprefix(f"{region.side} ")
            elapsed = max(1, round(((as_of - item.onset).days + 1) / WEEK_DAYS))
            weeks = f"{item.weeks_present} of {item.weeks_since}, of {elapsed}"
            when = f"about {short_date(item.onset)} ({weeks}{_stale_note(item, as_of)})"
            parts.append(f"{'the ' if not number else ''}{label} from {when}")
        clear = min(item.weeks_clear_before for item in items)
        if items[0].returned:
            head = f"{noun.lower()} returned in {parts[0]}"
        else:
            head = f"{words} {', '.join(parts)}"
        said.append(f"{head}, absent {clear} weeks before" if len(items) == 1 else
                    f"{head}, each absent {clear}+ weeks before")  # fmt: skip
    return (
        "New (weeks present of the usable weeks since, of the weeks elapsed): "
        + "; ".join(said)
        + "."
    )


def reach_sentence(item: Reach, best: str) -> str:
    """'Radiation now reaches the left foot; at best it reached the left thigh (...)'."""
    what = _REACH_WORDS[item.kind]
    if item.now:
        now = f"{what} now reaches the {REGIONS[item.now].label}"
    else:
        now = f"{what} no longer reaches the {item.side} {item.limb}"
    if item.best:
        then = f"{best} it reached the {REGIONS[item.best].label}"
    else:
        then = f"{best} there was none"
    if item.direction == "further":
        why = f"spreading further down the {item.limb}"
    else:
        why = "retreating towards the spine, a good sign"
    return f"{now}; {then} ({why})."


def reach_same_sentence(items: Sequence[Reach], best: str) -> str | None:
    """'Radiation reaches the left calf, numbness the left foot and tingling the left toes:
    as far down as at best.': the limbs reached as far down now as at best, in one sentence
    (page 1 answers how far down it reaches when nothing changed, too)."""
    if not items:
        return None
    parts = [
        f"{_REACH_WORDS[item.kind] if not n else _REACH_WORDS[item.kind].lower()}"
        f"{' reaches' if not n else ''} the {region_label(item.now)}"
        for n, item in enumerate(items)
        if item.now is not None
    ]
    if not parts:
        return None
    listed = parts[0] if len(parts) == 1 else f"{', '.join(parts[:-1])} and {parts[-1]}"
    return f"{listed}: as far down as {best}."


def back_leg_sentence(found: BackLeg, best_words: str) -> str:
    """Which pain dominates now, with the medians now and at best."""
    recent, best, dominant = found.recent, found.best, found.dominant
    back, leg = recent.back_median, recent.leg_median
    if dominant is None:
        head = f"No back or leg pain was rated by location in the last {RECENT_WEEKS} weeks"
    elif back is None or leg is None:
        value = back if back is not None else leg
        assert value is not None
        head = (
            f"Only {dominant} pain was rated in the last {RECENT_WEEKS} weeks "
            f"(median {score(value)}/10)"
        )
    elif dominant == "similar":
        head = (
            f"Back and leg pain are similar in the last {RECENT_WEEKS} weeks "
            f"(back {score(back)}/10, leg {score(leg)}/10, medians)"
        )
    else:
        high, low = (leg, back) if dominant == "leg" else (back, leg)
        other = "back" if dominant == "leg" else "leg"
        head = (
            f"{dominant.capitalize()} pain (median {score(high)}/10) now exceeds {other} pain "
            f"({score(low)}/10) in the last {RECENT_WEEKS} weeks"
        )
    medians = {"back": best.back_median, "leg": best.leg_median}
    then = [
        f"{part} pain was {score(value)}/10"
        for part in (("leg", "back") if dominant == "leg" else ("back", "leg"))
        if (value := medians[part]) is not None
    ]
    tail = f"; {best_words} {' and '.join(then)}" if then else ""
    return f"{head}{tail}."


def event_sentence(item: EventChange) -> str:
    """Median daily pain before and after an event, or why there is too little to say."""
    ev = item.event
    head = f"{ev.title} ({_EVENT_WORDS.get(ev.kind, ev.kind)}, {plain_date(ev.day)})"
    nb, na = item.before_days, item.after_days
    if item.change is None or item.before_median is None or item.after_median is None:
        return (
            f"{head}: too few days logged to compare pain before and after ({nb} of the "
            f"{EVENT_WINDOW_DAYS} days before, {na} of the {EVENT_WINDOW_DAYS} after; at least "
            f"{MIN_EVENT_DAYS} needed on each side) {NOT_CAUSAL}"
        )
    # The change of the medians as printed: 4.5 and 4.2 are "-0.3", as a reader would take
    # it, even where the unrounded difference rounds to -0.2 (docs/method.md#wording-add-up).
    change = signed(printed_rise(item.after_median, item.before_median))
    return (
        f"{head}: median daily pain {score(item.before_median)}/10 in the "
        f"{EVENT_WINDOW_DAYS} days before ({nb} days logged) and {score(item.after_median)}"
        f"/10 in the {EVENT_WINDOW_DAYS} days after ({na} days logged), a change of {change} "
        f"{NOT_CAUSAL}"
    )


def completeness_sentence(item: Completeness) -> str:
    """'Logged on 301 of 412 days (73 %); 12 entries were back-filled (...)'."""
    if not item.entries:
        return "No entries in this period."
    pct = round(100 * item.share_logged)
    n = item.backfilled
    if n == 0:
        filled = "no entries were back-filled"
    else:
        filled = (
            f"{n} {'entry was' if n == 1 else 'entries were'} back-filled (typed on a later day)"
        )
    gap = item.longest_gap_days
    gap_text = f"; the longest gap without an entry was {plural(gap, 'day')}" if gap > 1 else ""
    return (
        f"Logged on {item.days_logged} of {plural(item.days_in_period, 'day')} ({pct} %); "
        f"{filled}{gap_text}."
    )


def spread_findings(spread: Spread) -> list[str]:
    """Where it hurts and how that changed: new symptoms, reach, back/leg pain, events."""
    best = best_label(spread)
    text = new_symptom_sentences(spread.new_symptoms, spread.as_of)
    text += [reach_sentence(item, best) for item in spread.reach]
    same = reach_same_sentence(spread.reach_same, best)
    text += [same] if same else []
    text += [back_leg_sentence(spread.back_leg, best)] if spread.back_leg else []
    return text + [event_sentence(item) for item in spread.events]


def spread_sentences(spread: Spread) -> list[str]:
    """Every spread sentence in report order: red flags first, completeness last."""
    return [
        red_flags_sentence(spread.red_flags),
        *spread_findings(spread),
        completeness_sentence(spread.completeness),
    ]


# ---------------------------------------------------------------- the report's charts


def pain_chart_caption(verdict: Verdict, valid_weeks: int, n_flares: int) -> str:
    """The numbers behind the pain-over-time chart, in plain words (as page 1 prints them)."""
    level = verdict.level
    parts = [f"{plural(valid_weeks, 'week')} with entries on 3 or more days."]
    if level is not None and level.best is not None and level.current_level is not None:
        best = level.best
        parts.append(
            f"Last 6 weeks: median {level.current_level:.1f}/10; best 6 weeks "
            f"{after_day0(verdict.day0)} "
            f"(weeks {week_of(best.first_centre)}-{week_of(best.last_centre)}): {best.level:.1f}"
            f"/10; difference {signed(printed_rise(level.current_level, best.level))} points, "
            f"against {best.threshold:.1f} needed to matter clinically."
        )
    elif verdict.verdict != "insufficient_data":
        parts.append(
            f"There is not yet a 6-week stretch {after_day0(verdict.day0)} to compare with now."
        )
    rate = _rate_line(verdict)
    if rate and verdict.verdict != "insufficient_data":
        parts.append(rate.split(";")[0] + ".")
    if verdict.verdict == "insufficient_data":
        parts.append(insufficient_sentence(verdict))
    parts.append(
        f"{plural(n_flares, 'flare week')} marked." if n_flares else "No flare week marked."
    )
    return " ".join(parts)


# ---------------------------------------------------------------- page 1's headline


def _month_year(day: dt.date) -> str:
    """'Nov 2025'."""
    return f"{day:%b %Y}"


def worsening_since(verdict: Verdict) -> dt.date | None:
    """When the rise began: the onset if one was found, else the end of the best window."""
    level, day0 = verdict.level, verdict.day0
    if level is not None and level.onset is not None and day0 is not None:
        return day0.day + dt.timedelta(days=int(level.onset.day))
    dates = best_dates(verdict)
    return dates[1] if dates else None


def _verdict_phrase(verdict: Verdict, dominant: str | None) -> str:
    """'Leg-dominant worsening since Nov 2025', 'Stable', 'Too early for a verdict'."""
    lead = {"leg": "Leg-dominant ", "back": "Back-dominant ", "similar": "Back and leg "}
    prefix = lead.get(dominant or "", "")
    if verdict.verdict == "worsening":
        since = worsening_since(verdict)
        text = f"{prefix}worsening" + (f" since {_month_year(since)}" if since else "")
    elif verdict.verdict == "improving":
        text = f"{prefix}improving"
    elif verdict.verdict == "stable":
        text = f"{prefix}pain stable, no clinically important worsening"
    else:
        text = f"{prefix}pain; too early for a verdict" if prefix else "Too early for a verdict"
    return text[0].upper() + text[1:]


def _levels_phrase(verdict: Verdict, spread: Spread) -> str | None:
    """'leg 1 -> 7, back 3 -> 4 (medians, best 6 weeks -> last 6 weeks)', or overall pain."""
    found, level = spread.back_leg, verdict.level
    has_best = spread.periods is not None and spread.periods.best_source == "post_op_best"
    if found is not None and found.dominant is not None and not has_best:
        now = [
            f"{part} {score(value)}"
            for part in (("leg", "back") if found.dominant == "leg" else ("back", "leg"))
            if (value := getattr(found.recent, f"{part}_median")) is not None
        ]
        return ", ".join(now) + f" (medians, last {RECENT_WEEKS} weeks)"
    if found is not None and found.dominant is not None:
        parts = []
        for part in ("leg", "back") if found.dominant == "leg" else ("back", "leg"):
            then = getattr(found.best, f"{part}_median")
            now = getattr(found.recent, f"{part}_median")
            if now is None:
                continue
            parts.append(
                f"{part} {score(then)} -> {score(now)}"
                if then is not None
                else f"{part} {score(now)}"
            )
        if parts:  # the rule of each figure said where it is printed (issue 11, point 3)
            return (
                ", ".join(parts)
                + f" (medians, best {RECENT_WEEKS} weeks -> last {RECENT_WEEKS} weeks)"
            )
    if level is not None and level.best is not None and level.current_level is not None:
        return f"pain {level.best.level:.1f} -> {level.current_level:.1f}/10 (best -> now)"
    return None


def _reach_phrases(spread: Spread, roots: dict[str, list[str]] | None = None) -> list[str]:
    """'pain now radiates to the left foot (none at best)', 'numbness reaches the left big toe,
    in the L5 skin area (none at best)': `roots` gives, by side, the nerve roots whose skin
    areas the last 6 weeks' numb places lie in, said with the numbness of that side."""
    verbs = {
        "radiation": "pain now radiates to",
        "numbness": "numbness reaches",
        "tingling": "tingling reaches",
    }
    text = []
    for item in spread.reach:
        if item.kind == "tingling":  # the headline keeps to pain and numbness (a deficit)
            continue
        if item.now is None:
            text.append(
                f"{_REACH_WORDS[item.kind].lower()} no longer in the {item.side} {item.limb}"
            )
            continue
        then = f"at best the {region_label(item.best)}" if item.best else "none at best"
        found = (roots or {}).get(item.side, []) if item.kind == "numbness" else []
        area = f", in the {'/'.join(found)} skin area{'s' * (len(found) > 1)}" if found else ""
        text.append(f"{verbs[item.kind]} the {region_label(item.now)}{area} ({then})")
    return text


def numb_roots(spread: Spread) -> dict[str, list[str]]:
    """By side, the nerve roots (L4, L5, S1) whose skin areas hold the last 6 weeks' numb
    places."""
    periods = spread.periods
    if periods is None:
        return {}
    roots: dict[str, set[str]] = {}
    for name in periods.recent_shares.by_kind.get("numb", {}):
        region = REGIONS.get(name)
        if region is not None and region.root and region.side:
            roots.setdefault(region.side, set()).add(region.root)
    return {side: sorted(found) for side, found in sorted(roots.items())}


def skin_area_phrase(spread: Spread, said: Iterable[str] = ()) -> str | None:
    """'numbness in the left L5 skin area' from the last 6 weeks' numb places, or None; the
    sides in `said` are left out (the headline names their skin area with the numbness)."""
    areas = [
        f"{side} {root}"
        for side, roots in numb_roots(spread).items()
        if side not in said
        for root in roots
    ]
    if not areas:
        return None
    return f"numbness in the {', '.join(areas)} skin area{'s' * (len(areas) > 1)}"


def too_early_to_compare(spread: Spread) -> str | None:
    """Said instead of now against at best where the best period and the last 6 weeks
    overlap (a diary of under 12 weeks since day 0): 'Too early to compare now with a best
    period: all 35 days since surgery fall within the last 6 weeks.'"""
    periods = spread.periods
    if periods is None or periods.apart or spread.day0 is None:
        return None
    days = (spread.as_of - spread.day0.day).days + 1
    which = "the 1 day" if days == 1 else f"all {days} days"
    verb = "falls" if days == 1 else "fall"
    return (
        f"Too early to compare now with a best period: {which} since"
        f" {since_words(spread.day0)} {verb} within the last {RECENT_WEEKS} weeks."
    )


def last_days_sentence(spread: Spread) -> str | None:
    """'Last 7 days against the 14 days before them since surgery: leg 2 -> 6, back 2 -> 5
    (medians of daily pain).': a short diary's rise within its last 6 weeks, or None."""
    if spread.last_days is None or spread.day0 is None:
        return None
    now, before = spread.last_days
    parts = []
    for part in ("leg", "back"):
        a, b = getattr(before, f"{part}_median"), getattr(now, f"{part}_median")
        enough = min(getattr(before, f"{part}_days"), getattr(now, f"{part}_days"))
        if a is not None and b is not None and enough >= MIN_SHORT_DAYS:
            parts.append(f"{part} {score(a)} -> {score(b)}")
    if not parts:
        return None
    days = (spread.as_of - spread.day0.day).days + 1 - LAST_DAYS
    return (
        f"Last {LAST_DAYS} days against the {plural(days, 'day')} before them since"
        f" {since_words(spread.day0)}: {', '.join(parts)} (medians of daily pain)."
    )


MIN_SHORT_DAYS = 3  # days rated on each side for last_days_sentence


def where_it_hurt(spread: Spread) -> str | None:
    """'lower back (6/10), left calf; radiating to the left foot' over the last 6 weeks."""
    periods = spread.periods
    if periods is None or not periods.recent_shares.days_logged:
        return None
    shares = periods.recent_shares

    def names(kind: str) -> list[str]:
        found = shares.by_kind.get(kind, {})
        order = list(REGIONS)
        return sorted(found, key=lambda n: (-found[n], order.index(n) if n in order else 0))

    pain = [
        region_label(n) + (f" {score(shares.intensity[n])}/10" if n in shares.intensity else "")
        for n in names("pain")
    ]
    parts = [", ".join(pain[:4])] if pain else []
    for kind, words in (
        ("radiates", "radiating to"),
        ("numb", "numb in"),
        ("tingling", "tingling in"),
        ("weak", "weak in"),
    ):
        listed = [region_label(n) for n in names(kind)][:3]
        if listed:
            parts.append(f"{words} the {', '.join(listed)}")
    return "; ".join(parts) if parts else None


def surgeon_headline(verdict: Verdict, spread: Spread) -> str:
    """Page 1's one line in a surgeon's terms: which pain, the verdict and since when, by
    how much, how far down the limb pain and numbness reach now against at best, skin areas."""
    dominant = spread.back_leg.dominant if spread.back_leg else None
    parts = [_verdict_phrase(verdict, dominant)]
    levels = _levels_phrase(verdict, spread)
    roots = numb_roots(spread)
    reach = _reach_phrases(spread, roots)
    said = {item.side for item in spread.reach if item.kind == "numbness" and item.now}
    area = skin_area_phrase(spread, said)
    head = parts[0] + (f": {levels}" if levels else "")
    tail = reach + ([area] if area else [])
    if not tail and verdict.verdict == "insufficient_data":
        where = where_it_hurt(spread)
        tail = [f"where it hurts: {where}"] if where else []
    return head + ("; " + "; ".join(tail) if tail else "") + "."
