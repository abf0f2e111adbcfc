"""The "worsening over time" verdict of docs/TREND_SPEC.md (v1), as pure functions.

Runtime needs only numpy, scipy and the standard library; no I/O, no database.
"""

from __future__ import annotations

import datetime
import math
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass

import numpy as np
from scipy import stats

from tracker.domain import plural

ALPHA = 0.05
MIN_DAYS_PER_BIN = 3
WEEKLY_VALID_FRACTION = 0.6
MIN_VALID_BINS = 8
MIN_SPAN_DAYS = 56
MAX_STALENESS_DAYS = 28
RECENT_DAYS = 42
REF_WINDOW_DAYS = 42
MIN_POST_REF_BINS = 5
MCID_ABS, MCID_REL, MCID_FLOOR = 2.0, 0.30, 1.0
MDC_K = 2.0
DECIMALS = 6

WEEK_DAYS = 7
SPARSE_BIN_DAYS = 14
REFERENCE_TIE_EPS = 1e-12
ONSET_TIE_EPS = 1e-9
FLARE_POINTS = 2.0
FLARE_HALF_WINDOW_DAYS = 21
FLARE_TOLERANCE = 1e-9
DAYS_PER_MONTH = 30
VERDICTS = ("worsening", "stable", "improving", "insufficient_data")
DISCLAIMER = (
    "A screening summary of self-reported scores, not a diagnosis. "
    "Threshold: 2 points or 30 % (Farrar 2001; Ostelo 2008)."
)

Entry = tuple[datetime.date, float | int | None]
_NO_ENTRY = "no pain entries between day 0 and the as-of date"
_STALE = "the last entry is"


@dataclass(frozen=True)
class _Diary:
    """Daily values counted from day 0, with the anchor and as-of date."""

    anchor: str
    day0: datetime.date | None
    as_of: datetime.date | None
    days: dict[int, float]


@dataclass(frozen=True)
class _Bins:
    """Valid bins of one size, in time order."""

    size: int
    centre: np.ndarray
    mean: np.ndarray
    n_days: np.ndarray


def threshold(level: float) -> float:
    """Minimal clinically important change at a pain level: min(2, max(1, 0.3 x))."""
    return min(MCID_ABS, max(MCID_FLOOR, MCID_REL * level))


def _as_date(value: datetime.date) -> datetime.date:
    """A date from a date or datetime."""
    return value.date() if isinstance(value, datetime.datetime) else value


def _usable(entries: Iterable[Entry]) -> list[tuple[datetime.date, float]]:
    """Entries with a pain score in 0-10 (None, NaN and out-of-range dropped)."""
    kept = []
    for when, pain in entries:
        if pain is None or isinstance(pain, bool):
            continue
        try:
            value = float(pain)
        except (TypeError, ValueError):  # not a number: dropped like a missing value
            continue
        if not math.isnan(value) and 0.0 <= value <= 10.0:
            kept.append((_as_date(when), value))
    return kept


def _prepare(
    entries: Iterable[Entry], surgeries: Iterable[datetime.date], as_of: datetime.date | None
) -> _Diary:
    """Resolve as-of, day 0 and the daily means of the usable entries."""
    usable = _usable(entries)
    as_of = _as_date(as_of) if as_of is not None else None
    if as_of is None and usable:
        as_of = max(when for when, _ in usable)
    if as_of is not None:
        usable = [(when, value) for when, value in usable if when <= as_of]
    ops = sorted(_as_date(s) for s in surgeries if as_of is None or _as_date(s) <= as_of)
    if ops:
        anchor, day0 = "surgery", ops[-1]
    else:
        anchor, day0 = "first_entry", min((when for when, _ in usable), default=None)
    by_day: dict[int, list[float]] = {}
    for when, value in usable:
        if day0 is not None and when >= day0:
            by_day.setdefault((when - day0).days, []).append(value)
    days = {day: float(np.mean(values)) for day, values in sorted(by_day.items())}
    return _Diary(anchor, day0, as_of, days)


def _all_bins(days: dict[int, float], size: int) -> dict[int, list[float]]:
    """Daily values grouped by bin index day // size, in time order."""
    groups: dict[int, list[float]] = {}
    for day, value in days.items():
        groups.setdefault(day // size, []).append(value)
    return groups


def _valid_bins(days: dict[int, float], size: int) -> _Bins:
    """Bins with at least MIN_DAYS_PER_BIN logged days: centre, rounded mean, n_days."""
    valid = {i: v for i, v in _all_bins(days, size).items() if len(v) >= MIN_DAYS_PER_BIN}
    return _Bins(
        size,
        np.array([i * size + (size - 1) / 2 for i in valid], float),
        np.array([np.round(np.mean(v), DECIMALS) for v in valid.values()], float),
        np.array([len(v) for v in valid.values()], int),
    )


def _weekly_valid_fraction(days: dict[int, float]) -> float | None:
    """Valid weekly bins / weeks from the first to the last logged week (None if no entry)."""
    groups = _all_bins(days, WEEK_DAYS)
    if not groups:
        return None
    valid = sum(len(values) >= MIN_DAYS_PER_BIN for values in groups.values())
    return valid / (max(groups) - min(groups) + 1)


def _acf(x: np.ndarray) -> np.ndarray:
    """Sample ACF r_k = c_k / c_0 with c_k = sum (x_i - m)(x_{i+k} - m) / n; zeros if c_0 = 0."""
    n = len(x)
    centred = x - x.mean()
    c = np.array([np.dot(centred[: n - k], centred[k:]) / n for k in range(n)])
    return np.zeros(n) if c[0] == 0 else c / c[0]


def _z_score(s: int, var: float) -> float:
    """Continuity-corrected Mann-Kendall Z (0 when S = 0 or Var <= 0)."""
    if s == 0 or var <= 0:
        return 0.0
    return float((s - 1) / math.sqrt(var) if s > 0 else (s + 1) / math.sqrt(var))


def _p_value(z: float) -> float:
    """Two-sided normal p-value 2(1 - Phi(|z|))."""
    return float(2 * (1 - stats.norm.cdf(abs(z))))


def hamed_rao_factor(y: Sequence[float]) -> float | None:
    """Raw Hamed-Rao (1998) variance factor on detrended ranks; None when n < 3."""
    x = np.asarray(y, float)
    n = len(x)
    if n < 3:
        return None
    i, j = np.triu_indices(n, 1)
    b = float(np.median((x[j] - x[i]) / (j - i)))
    ranks = stats.rankdata(np.round(x - np.arange(1, n + 1) * b, DECIMALS))
    r = _acf(ranks)[1:]
    k = np.arange(1, n)
    kept = np.abs(r) > stats.norm.ppf(1 - ALPHA / 2) / math.sqrt(n)
    total = float(np.sum(((n - k) * (n - k - 1) * (n - k - 2) * r)[kept]))
    return 1 + 2 / (n * (n - 1) * (n - 2)) * total


def mann_kendall(y: Sequence[float]) -> dict:
    """Mann-Kendall test with tie correction and the Hamed-Rao variance correction."""
    x = np.asarray(y, float)
    n = len(x)
    s = int(sum(int(np.sign(x[i + 1 :] - x[i]).sum()) for i in range(n - 1)))
    _, counts = np.unique(x, return_counts=True)
    ties = int(np.sum(counts * (counts - 1) * (2 * counts + 5)))
    var_s = (n * (n - 1) * (2 * n + 5) - ties) / 18
    z = _z_score(s, var_s)
    raw = hamed_rao_factor(x)
    used = 1.0 if raw is None else max(1.0, raw)
    z_hr = _z_score(s, var_s * used)
    tau_a = s / (n * (n - 1) / 2) if n > 1 else 0.0
    return {
        "n": n,
        "S": s,
        "var_s": float(var_s),
        "z": z,
        "p": _p_value(z),
        "tau_a": float(tau_a),
        "hr_factor_raw": raw,
        "hr_factor_used": float(used),
        "z_hr": z_hr,
        "p_hr": _p_value(z_hr),
    }


def _fluctuation(y: np.ndarray) -> dict:
    """Robust week-to-week SD, MDC and lag-1 autocorrelation of the bin means."""
    dy = np.diff(y)
    mad = float(np.median(np.abs(dy - np.median(dy)))) if len(dy) else 0.0
    sigma_w = 1.4826 * mad / math.sqrt(2)
    lag1 = float(_acf(y)[1]) if len(y) >= 3 else None
    return {"weekly_noise_sd_robust": sigma_w, "mdc": MDC_K * sigma_w, "lag1_autocorr_bins": lag1}


def _finite_or_none(value: float) -> float | None:
    """A float, or None for NaN (kendalltau of a constant series)."""
    return None if math.isnan(value) else float(value)


def _detector_t(t: np.ndarray, y: np.ndarray, mdc: float) -> dict:
    """Detector T: Mann-Kendall plus Theil-Sen over the whole record."""
    mk = mann_kendall(y)
    slope, intercept, low, high = (float(v) for v in stats.theilslopes(y, t, 0.95))
    start = float(np.clip(intercept + slope * t[0], 0, 10))
    change = slope * float(t[-1] - t[0])
    thr = max(threshold(start), mdc)
    significant = mk["p_hr"] < ALPHA
    return {
        "mk": mk,
        "kendall_tau_b": _finite_or_none(stats.kendalltau(t, y).statistic),
        "theil_sen_slope_per_30d": 30 * slope,
        "theil_sen_ci95_per_30d": [30 * low, 30 * high],
        "start_level": start,
        "change_over_record": change,
        "threshold": thr,
        "T_worse": bool(significant and mk["S"] > 0 and change >= thr),
        "T_improve": bool(significant and mk["S"] < 0 and -change >= thr),
    }


def _reference_window(
    t: np.ndarray, y: np.ndarray, as_of_day: int, size: int
) -> tuple[float, float, float] | None:
    """Lowest 42-day window median among history bins: (median, first centre, last centre)."""
    history = t <= as_of_day - RECENT_DAYS
    ht, hy = t[history], y[history]
    need = max(2, math.ceil(0.75 * REF_WINDOW_DAYS / size))
    best = None
    for centre in ht:
        inside = (ht >= centre) & (ht < centre + REF_WINDOW_DAYS)
        if inside.sum() < need:
            continue
        median = float(np.median(hy[inside]))
        if best is None or median < best[0] - REFERENCE_TIE_EPS:
            best = (median, float(centre), float(ht[inside][-1]))
    return best


def _least_squares(x: np.ndarray, y: np.ndarray) -> tuple[float, float]:
    """Fit y = a + b x by least squares: (sum of squared errors, b)."""
    xm, ym = x.mean(), y.mean()
    b = float(np.sum((x - xm) * (y - ym)) / np.sum((x - xm) ** 2))
    return float(np.sum((y - (ym - b * xm) - b * x) ** 2)), b


def _onset(t: np.ndarray, y: np.ndarray) -> tuple[float, str] | None:
    """Best hinge or step change point (earliest wins ties); None unless its b > 0."""
    best = None
    for j in range(1, len(t) - 2):
        tau = t[j]
        models = (("hinge", np.maximum(0.0, t - tau)), ("step", (t > tau).astype(float)))
        for name, x in models:
            sse, b = _least_squares(x, y)
            if best is None or sse < best[0] - ONSET_TIE_EPS:
                best = (sse, b, float(tau), name)
    if best is None or best[1] <= 0:
        return None
    return best[2], best[3]


def _detector_l(t: np.ndarray, y: np.ndarray, as_of_day: int, size: int, mdc: float) -> dict:
    """Detector L: the current level against the best 42-day window since surgery."""
    recent = (t > as_of_day - RECENT_DAYS) & (t <= as_of_day)
    level: dict = {"n_recent_bins": int(recent.sum())}
    if recent.sum() < max(2, math.ceil(0.5 * RECENT_DAYS / size)):
        return level | {"L_worse": False}
    level["current_level"] = float(np.median(y[recent]))
    window = _reference_window(t, y, as_of_day, size)
    if window is None:
        return level | {"L_worse": False}
    reference, first, last = window
    delta = level["current_level"] - reference
    thr = max(threshold(reference), mdc)
    post = t >= first
    level |= {
        "reference_level": reference,
        "reference_window_centres": [first, last],
        "delta": delta,
        "threshold": thr,
        "n_post_ref_bins": int(post.sum()),
    }
    if post.sum() < MIN_POST_REF_BINS:
        return level | {"L_worse": False}
    mk = mann_kendall(y[post])
    level["post_ref_mk"] = mk
    level["L_worse"] = bool(delta >= thr and mk["p_hr"] < ALPHA and mk["S"] > 0)
    onset = _onset(t[post], y[post]) if level["L_worse"] else None
    if onset is not None:
        level["onset_day_estimate"], level["onset_model"] = onset
    return level


def _insufficient_reasons(diary: _Diary, bins: _Bins, as_of_day: int | None) -> list[str]:
    """Every insufficient-data reason that holds, in the spec's order."""
    reasons = []
    unit = "weekly" if bins.size == WEEK_DAYS else f"{bins.size}-day"
    if len(bins.centre) < MIN_VALID_BINS:
        reasons.append(
            f"only {len(bins.centre)} valid {unit} bins with entries on {MIN_DAYS_PER_BIN} "
            f"or more days (need {MIN_VALID_BINS})"
        )
    if diary.days:
        first, last = min(diary.days), max(diary.days)
        if last - first + 1 < MIN_SPAN_DAYS:
            reasons.append(f"entries span only {last - first + 1} days (need {MIN_SPAN_DAYS})")
        if as_of_day is not None and as_of_day - last > MAX_STALENESS_DAYS:
            reasons.append(
                f"{_STALE} {as_of_day - last} days before the as-of date "
                f"(more than {MAX_STALENESS_DAYS})"
            )
    else:
        reasons.append(_NO_ENTRY)
    return reasons


def _mk_text(mk: dict) -> str:
    """Short statistics text for a Mann-Kendall result."""
    return f"Mann-Kendall S = {mk['S']}, Hamed-Rao p = {mk['p_hr']:.3g}"


def _verdict(trend: dict, level: dict) -> tuple[str, str]:
    """Verdict and plain-English reason from detectors T and L (worsening wins)."""
    slope = trend["theil_sen_slope_per_30d"]
    low, high = trend["theil_sen_ci95_per_30d"]
    t_text = (
        f"steady {{}} over the record: Theil-Sen slope {slope:+.2f} points per 30 days "
        f"(95 % CI {low:+.2f} to {high:+.2f}), change {trend['change_over_record']:+.2f} "
        f"points against a threshold of {trend['threshold']:.2f} ({_mk_text(trend['mk'])})"
    )
    if trend["T_worse"] or level["L_worse"]:
        fired = [t_text.format("rise")] if trend["T_worse"] else []
        if level["L_worse"]:
            first, last = level["reference_window_centres"]
            fired.insert(
                0,
                f"current level {level['current_level']:.2f} (median of the last "
                f"{RECENT_DAYS} days) is {level['delta']:+.2f} points above the post-op best "
                f"{level['reference_level']:.2f} (bins centred on days {first:g}-{last:g}), "
                f"reaching the threshold of {level['threshold']:.2f}; rising since the best "
                f"({_mk_text(level['post_ref_mk'])})",
            )
        return "worsening", "; ".join(fired)
    if trend["T_improve"]:
        return "improving", t_text.format("fall")
    notes = []
    if trend["mk"]["p_hr"] < ALPHA:
        notes.append(
            f"a statistically detectable change of {trend['change_over_record']:+.2f} points "
            f"over the record, below the threshold of {trend['threshold']:.2f} "
            f"({_mk_text(trend['mk'])})"
        )
    if (
        "delta" in level
        and threshold(level["reference_level"]) <= level["delta"] < level["threshold"]
    ):
        notes.append(
            f"the current level is {level['delta']:+.2f} points above the post-op best, "
            f"within the patient's usual fluctuation (threshold {level['threshold']:.2f})"
        )
    if not notes:
        notes.append(
            f"no clinically important change: {trend['change_over_record']:+.2f} points over "
            f"the record against a threshold of {trend['threshold']:.2f}"
            + (f", {level['delta']:+.2f} points from the post-op best" if "delta" in level else "")
        )
    return "stable", "; ".join(notes)


def _monthly(days: dict[int, float]) -> dict:
    """Median daily value and logged days for every 30-day month with a logged day."""
    months: dict[int, list[float]] = {}
    for day, value in days.items():
        months.setdefault(day // DAYS_PER_MONTH, []).append(value)
    return {
        "month_index": list(months),
        "median": [float(np.median(values)) for values in months.values()],
        "n_days": [len(values) for values in months.values()],
    }


def _bins_dict(bins: _Bins) -> dict:
    """The valid bins as JSON-ready lists."""
    return {
        "centre_day": [float(c) for c in bins.centre],
        "mean": [float(m) for m in bins.mean],
        "n_days": [int(n) for n in bins.n_days],
    }


def worsening_verdict(
    entries: Iterable[Entry],
    surgeries: Iterable[datetime.date] = (),
    as_of: datetime.date | None = None,
) -> dict:
    """The TREND_SPEC verdict for a diary, as a JSON-ready dict."""
    diary = _prepare(entries, surgeries, as_of)
    fraction = _weekly_valid_fraction(diary.days)
    size = WEEK_DAYS if fraction is None or fraction >= WEEKLY_VALID_FRACTION else SPARSE_BIN_DAYS
    bins = _valid_bins(diary.days, size)
    as_of_day = (
        None if diary.day0 is None or diary.as_of is None else (diary.as_of - diary.day0).days
    )
    result: dict = {
        "verdict": "insufficient_data",
        "reason": "",
        "anchor": diary.anchor,
        "surgery_date": diary.day0.isoformat() if diary.day0 else None,
        "as_of": diary.as_of.isoformat() if diary.as_of else None,
        "as_of_day": as_of_day,
        "span_days": max(diary.days) - min(diary.days) + 1 if diary.days else None,
        "n_logged_days": len(diary.days),
        "bin_days": size,
        "weekly_valid_fraction": fraction,
        "n_valid_bins": len(bins.centre),
        "bins": _bins_dict(bins),
    }
    reasons = _insufficient_reasons(diary, bins, as_of_day)
    if reasons:
        result["reason"] = "; ".join(reasons)
        return result | {"monthly": _monthly(diary.days)}
    fluctuation = _fluctuation(bins.mean)
    trend = _detector_t(bins.centre, bins.mean, fluctuation["mdc"])
    level = _detector_l(bins.centre, bins.mean, as_of_day, size, fluctuation["mdc"])
    result["verdict"], result["reason"] = _verdict(trend, level)
    return result | {
        "fluctuation": fluctuation,
        "trend": trend,
        "level": level,
        "monthly": _monthly(diary.days),
    }


def weekly_bins(
    entries: Iterable[Entry],
    surgeries: Iterable[datetime.date] = (),
    as_of: datetime.date | None = None,
) -> dict:
    """Valid 7-day bins of a diary ({"bin_days": 7, "bins": {...}}), whatever the verdict used."""
    diary = _prepare(entries, surgeries, as_of)
    return {"bin_days": WEEK_DAYS, "bins": _bins_dict(_valid_bins(diary.days, WEEK_DAYS))}


def flare_bin_centres(result: dict) -> list[float]:
    """Centres of flare weeks: >= 2 points above the median of other valid weeks within 21 days."""
    if result.get("bin_days") != WEEK_DAYS:
        raise ValueError("flares are found on weekly bins: pass weekly_bins(...) for this diary")
    centre = np.asarray(result["bins"]["centre_day"], float)
    mean = np.asarray(result["bins"]["mean"], float)
    flares = []
    for i, c in enumerate(centre):
        near = np.abs(centre - c) <= FLARE_HALF_WINDOW_DAYS
        near[i] = False
        if near.any() and mean[i] - np.median(mean[near]) >= FLARE_POINTS - FLARE_TOLERANCE:
            flares.append(float(c))
    return flares


def plain_date(day: datetime.date) -> str:
    """A date in plain words, e.g. "12 March 2026"."""
    return f"{day.day} {day.strftime('%B')} {day.year}"


def _signed(x: float) -> str:
    """A signed number with one decimal ("+2.7", "-0.4", "0.0")."""
    text = f"{x:+.1f}"
    return "0.0" if text in ("+0.0", "-0.0") else text


def _week(centre: float) -> int:
    """1-based week since day 0 of a bin centre (day 38.5 -> week 6)."""
    return int(centre // WEEK_DAYS) + 1


def _since(result: dict) -> str:
    """What day 0 is, in words."""
    return "surgery" if result.get("anchor") == "surgery" else "the diary began"


def _months(days: float) -> str:
    """A duration in whole months, in words."""
    months = round(days / DAYS_PER_MONTH)
    return "less than a month" if months < 1 else f"about {months} month{'s' * (months != 1)}"


def _trend_sentence(result: dict, verb: str) -> str:
    """Steady rise or fall: slope per month with its CI, and the total change."""
    trend = result["trend"]
    low, high = trend["theil_sen_ci95_per_30d"]
    centres = result["bins"]["centre_day"]
    months = max(1, round((centres[-1] - centres[0]) / DAYS_PER_MONTH))
    return (
        f"Pain has {verb} steadily since {_since(result)}: about "
        f"{_signed(trend['theil_sen_slope_per_30d'])} points a month (95 % CI {_signed(low)} "
        f"to {_signed(high)}), {_signed(trend['change_over_record'])} points over {months} "
        f"month{'s' * (months != 1)}."
    )


def _level_sentences(result: dict, fmt: Callable[[datetime.date], str]) -> list[str]:
    """Worsening via L: now against the best since surgery, and the onset."""
    level = result["level"]
    first, last = level["reference_window_centres"]
    since = _since(result)
    text = [
        f"Pain has been higher over the last {RECENT_DAYS // WEEK_DAYS} weeks (median "
        f"{level['current_level']:.1f}/10) than at its best after {since} "
        f"({level['reference_level']:.1f}/10, weeks {_week(first)}-{_week(last)}): a rise of "
        f"{_signed(level['delta'])} points."
    ]
    if "onset_day_estimate" in level and result.get("surgery_date"):
        day = level["onset_day_estimate"]
        when = datetime.date.fromisoformat(result["surgery_date"]) + datetime.timedelta(int(day))
        step = level["onset_model"] == "step"
        verb = "rose fairly abruptly around" if step else "has been rising since about"
        text.append(f"It {verb} {fmt(when)} ({_months(day)} after {since}).")
    return text


def _stable_sentences(result: dict) -> list[str]:
    """Stable: the level now against the best, drift and usual ups and downs."""
    trend, level = result["trend"], result["level"]
    text = [
        f"No clinically important worsening: pain changed by "
        f"{_signed(trend['change_over_record'])} points over the record (about "
        f"{_signed(trend['theil_sen_slope_per_30d'])} points a month)."
    ]
    if trend["mk"]["p_hr"] < ALPHA:
        text.append(
            f"This is a small but statistically detectable drift, below the "
            f"{trend['threshold']:.1f}-point change that would matter clinically."
        )
    if "delta" in level:
        text.append(
            f"The last {RECENT_DAYS // WEEK_DAYS} weeks (median {level['current_level']:.1f}/10) "
            f"are {_signed(level['delta'])} points from the best after {_since(result)} "
            f"({level['reference_level']:.1f}/10)."
        )
        if threshold(level["reference_level"]) <= level["delta"] < level["threshold"]:
            text.append(
                f"That is within this patient's usual ups and downs: here a change must "
                f"reach {level['threshold']:.1f} points to stand out from week-to-week noise."
            )
    return text


def _insufficient_sentences(result: dict, fmt: Callable[[datetime.date], str]) -> list[str]:
    """Insufficient data: what is needed and what there is."""
    if _NO_ENTRY in result["reason"]:
        return [f"Not enough data for a verdict: no pain scores logged since {_since(result)}."]
    weekly = result["bin_days"] == WEEK_DAYS
    need = "weeks" if weekly else "fourteen-day periods"
    have = plural(result["n_valid_bins"], "usable week" if weekly else "usable 14-day period")
    if not weekly:
        have += " (entries too sparse for weeks)"
    text = [
        f"Not enough data for a verdict yet: needs at least {MIN_VALID_BINS} {need} with "
        f"entries on {MIN_DAYS_PER_BIN} or more days, over at least {MIN_SPAN_DAYS // 7} weeks; "
        f"{have} so far, over {plural(result['span_days'], 'day')}."
    ]
    if _STALE in result["reason"] and result.get("as_of"):
        as_of = fmt(datetime.date.fromisoformat(result["as_of"]))
        text.append(f"No entries in the {MAX_STALENESS_DAYS} days before {as_of}.")
    return text


def _date_formatter(
    date_format: str | Callable[[datetime.date], str],
) -> Callable[[datetime.date], str]:
    """A date formatter from a strftime pattern or a callable."""
    if callable(date_format):
        return date_format
    return lambda day: day.strftime(date_format)


def describe_verdict(
    result: dict, surgery_date_format: str | Callable[[datetime.date], str] = plain_date
) -> list[str]:
    """Plain-English sentences for a worsening_verdict result, ending with the disclaimer."""
    fmt = _date_formatter(surgery_date_format)
    verdict = result["verdict"]
    if verdict == "insufficient_data":
        text = _insufficient_sentences(result, fmt)
    elif verdict == "worsening":
        text = _level_sentences(result, fmt) if result["level"]["L_worse"] else []
        text += [_trend_sentence(result, "risen")] if result["trend"]["T_worse"] else []
    elif verdict == "improving":
        text = [_trend_sentence(result, "fallen")]
    else:
        text = _stable_sentences(result)
    return text + [DISCLAIMER]
