"""The "worsening over time" verdict of docs/method.md (version 1), as pure functions.

Runtime needs only numpy, scipy and the standard library; no I/O, no database. The verdict is
numbers and codes only (a frozen `Verdict`): its sentences are made by tracker.wording, its
JSON (docs/method.md#output) by tracker.trend_json.
"""

from __future__ import annotations

import datetime
import math
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass, replace
from typing import Literal

import numpy as np
from scipy import stats

from tracker.analysis.calendar import (
    DAYS_PER_MONTH,
    MIN_DAYS_PER_BIN,
    RECENT_DAYS,
    REF_WINDOW_DAYS,
    WEEK_DAYS,
    DayZero,
    day_zero,
)

# Every constant's meaning and source: docs/method.md#constants.
ALPHA = 0.05
WEEKLY_VALID_FRACTION = 0.6
MIN_VALID_BINS = 8
MIN_SPAN_DAYS = 56
MAX_STALENESS_DAYS = 28
MIN_POST_REF_BINS = 5
MCID_ABS, MCID_REL, MCID_FLOOR = 2.0, 0.30, 1.0  # docs/method.md#threshold, clinical.md#mcid
MDC_K = 2.0
DECIMALS = 6

SPARSE_BIN_DAYS = 14
REFERENCE_TIE_EPS = 1e-12
ONSET_TIE_EPS = 1e-9
FLARE_POINTS = 2.0  # docs/method.md#flares
FLARE_HALF_WINDOW_DAYS = 21
FLARE_TOLERANCE = 1e-9

VerdictCode = Literal["worsening", "stable", "improving", "insufficient_data"]
VERDICTS: tuple[VerdictCode, ...] = ("worsening", "stable", "improving", "insufficient_data")
# Why the verdict is what it is, in the order the reason lists them:
#   worsening: "above_best" (detector L fired), "steady_rise" (detector T fired);
#   improving: "steady_fall"; stable: "detectable_change" (significant but below the
#   threshold), "within_fluctuation" (a rise that clears the MCID but not the MDC), else
#   "no_important_change"; insufficient_data: "few_bins", "short_span", "stale", "no_entries".
ReasonCode = Literal[
    "above_best",
    "steady_rise",
    "steady_fall",
    "detectable_change",
    "within_fluctuation",
    "no_important_change",
    "few_bins",
    "short_span",
    "stale",
    "no_entries",
]
OnsetModel = Literal["hinge", "step"]

Entry = tuple[datetime.date, float | int | None]


@dataclass(frozen=True)
class Reason:
    """One reason for the verdict; `count` is the figure an insufficient-data reason names."""

    code: ReasonCode
    count: int | None = None  # valid bins (few_bins), span days, days since the last entry


@dataclass(frozen=True)
class Bins:
    """The valid bins of one size, in time order: centre day, rounded mean, logged days."""

    size: int
    centre_day: tuple[float, ...]
    mean: tuple[float, ...]
    n_days: tuple[int, ...]


@dataclass(frozen=True)
class Monthly:
    """Every 30-day month since day 0 with a logged day: median daily value, logged days."""

    month_index: tuple[int, ...]
    median: tuple[float, ...]
    n_days: tuple[int, ...]


@dataclass(frozen=True)
class MannKendall:
    """A Mann-Kendall test with tie correction and the Hamed-Rao variance correction."""

    n: int
    s: int
    var_s: float
    z: float
    p: float
    tau_a: float
    hr_factor_raw: float | None
    hr_factor_used: float
    z_hr: float
    p_hr: float


@dataclass(frozen=True)
class Fluctuation:
    """Robust week-to-week SD, the MDC (2 x SD) and the lag-1 autocorrelation of the bins."""

    weekly_noise_sd_robust: float
    mdc: float
    lag1_autocorr_bins: float | None


@dataclass(frozen=True)
class Trend:
    """Detector T: Mann-Kendall plus Theil-Sen over the whole record."""

    mk: MannKendall
    kendall_tau_b: float | None
    slope_per_30d: float
    ci95_per_30d: tuple[float, float]
    start_level: float
    change_over_record: float
    threshold: float
    worse: bool
    improve: bool


@dataclass(frozen=True)
class PostOpBest:
    """The lowest 42-day window before the last 6 weeks, and the current level against it."""

    level: float
    first_centre: float
    last_centre: float
    delta: float
    threshold: float
    n_post_ref_bins: int


@dataclass(frozen=True)
class Onset:
    """When the rise since the best began (descriptive): a bin-centre day and its model."""

    day: float
    model: OnsetModel


@dataclass(frozen=True)
class Level:
    """Detector L; each optional part is there once its step was reached."""

    n_recent_bins: int
    worse: bool
    current_level: float | None = None
    best: PostOpBest | None = None
    post_ref_mk: MannKendall | None = None
    onset: Onset | None = None


@dataclass(frozen=True)
class Verdict:
    """The verdict of a diary (docs/method.md#verdict); fluctuation, trend, level if sufficient."""

    verdict: VerdictCode
    reasons: tuple[Reason, ...]
    day0: DayZero | None
    as_of: datetime.date | None
    as_of_day: int | None
    span_days: int | None
    n_logged_days: int
    weekly_valid_fraction: float | None
    bins: Bins
    monthly: Monthly
    fluctuation: Fluctuation | None = None
    trend: Trend | None = None
    level: Level | None = None

    @property
    def bin_days(self) -> int:
        """7, or 14 when fewer than 6 weeks in 10 were valid."""
        return self.bins.size

    def has(self, code: ReasonCode) -> bool:
        """Whether one of the reasons has this code."""
        return any(reason.code == code for reason in self.reasons)


@dataclass(frozen=True)
class _Diary:
    """Daily values counted from day 0, with day 0 and the as-of date."""

    day0: DayZero | None
    as_of: datetime.date | None
    days: dict[int, float]


@dataclass(frozen=True)
class _Bins:
    """Valid bins of one size, in time order, as arrays for the statistics."""

    size: int
    centre: np.ndarray
    mean: np.ndarray
    n_days: np.ndarray

    def public(self) -> Bins:
        return Bins(
            self.size,
            tuple(float(c) for c in self.centre),
            tuple(float(m) for m in self.mean),
            tuple(int(n) for n in self.n_days),
        )


def threshold(level: float) -> float:
    """Minimal clinically important change at a pain level: min(2, max(1, 0.3 x))."""
    return min(MCID_ABS, max(MCID_FLOOR, MCID_REL * level))


def _as_date(value: datetime.date) -> datetime.date:
    """A date from a date or datetime."""
    return value.date() if isinstance(value, datetime.datetime) else value


def _mean(values: list[float]) -> np.float64:
    """np.mean of a list of floats, bit for bit: the same sum (np.add.reduce, numpy's own
    pairwise summation) over the same count, as numpy's mean computes it, without the
    several microseconds its wrapper costs a call: the verdict takes one per logged day."""
    return np.float64(np.add.reduce(np.asarray(values, dtype=float)) / len(values))


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
    day0 = day_zero((_as_date(s) for s in surgeries), (when for when, _ in usable), as_of)
    by_day: dict[int, list[float]] = {}
    for when, value in usable:
        if day0 is not None and when >= day0.day:
            by_day.setdefault((when - day0.day).days, []).append(value)
    days = {day: float(_mean(values)) for day, values in sorted(by_day.items())}
    return _Diary(day0, as_of, days)


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
        np.array([np.round(_mean(v), DECIMALS) for v in valid.values()], float),
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


def hamed_rao_factor(y: Sequence[float] | np.ndarray) -> float | None:
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


def mann_kendall(y: Sequence[float] | np.ndarray) -> MannKendall:
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
    return MannKendall(
        n=n,
        s=s,
        var_s=float(var_s),
        z=z,
        p=_p_value(z),
        tau_a=float(tau_a),
        hr_factor_raw=raw,
        hr_factor_used=float(used),
        z_hr=z_hr,
        p_hr=_p_value(z_hr),
    )


def _fluctuation(y: np.ndarray) -> Fluctuation:
    """Robust week-to-week SD, MDC and lag-1 autocorrelation of the bin means."""
    dy = np.diff(y)
    mad = float(np.median(np.abs(dy - np.median(dy)))) if len(dy) else 0.0
    sigma_w = 1.4826 * mad / math.sqrt(2)
    lag1 = float(_acf(y)[1]) if len(y) >= 3 else None
    return Fluctuation(sigma_w, MDC_K * sigma_w, lag1)


def _finite_or_none(value: float) -> float | None:
    """A float, or None for NaN (kendalltau of a constant series)."""
    return None if math.isnan(value) else float(value)


def _detector_t(t: np.ndarray, y: np.ndarray, mdc: float) -> Trend:
    """Detector T: Mann-Kendall plus Theil-Sen over the whole record."""
    mk = mann_kendall(y)
    slope, intercept, low, high = (float(v) for v in stats.theilslopes(y, t, 0.95))
    start = float(np.clip(intercept + slope * t[0], 0, 10))
    change = slope * float(t[-1] - t[0])
    thr = max(threshold(start), mdc)
    significant = mk.p_hr < ALPHA
    return Trend(
        mk=mk,
        kendall_tau_b=_finite_or_none(stats.kendalltau(t, y).statistic),
        slope_per_30d=30 * slope,
        ci95_per_30d=(30 * low, 30 * high),
        start_level=start,
        change_over_record=change,
        threshold=thr,
        worse=bool(significant and mk.s > 0 and change >= thr),
        improve=bool(significant and mk.s < 0 and -change >= thr),
    )


def _reference_window(
    t: np.ndarray, y: np.ndarray, as_of_day: int, size: int
) -> tuple[float, float, float] | None:
    """Lowest 42-day window median among history bins: (median, first centre, last centre).

    The centres t ascend, so the bins of the window from centre i, t[i] <= t < t[i] + 42, are
    the slice i:end with end found by bisection: the same bins, in the same order, as a mask
    over all of them gives, for a fraction of the time (a 10-year diary has 520 weeks).
    """
    history = t <= as_of_day - RECENT_DAYS
    best = None
    for window in _window_medians(t[history], y[history], size):
        if best is None or window[0] < best[0] - REFERENCE_TIE_EPS:
            best = window
    return best


def _window_medians(
    ht: np.ndarray, hy: np.ndarray, size: int
) -> Iterator[tuple[float, float, float]]:
    """(median, first centre, last centre) of each 42-day window of bins from a bin's centre
    on, t[i] <= t < t[i] + 42, with at least 75 % of its bins (the centres ascend)."""
    need = max(2, math.ceil(0.75 * REF_WINDOW_DAYS / size))
    ends = np.searchsorted(ht, ht + REF_WINDOW_DAYS, side="left")
    for i, end in enumerate(ends.tolist()):
        if end - i >= need:
            yield float(np.median(hy[i:end])), float(ht[i]), float(ht[end - 1])


def _least_squares(x: np.ndarray, y: np.ndarray) -> tuple[float, float]:
    """Fit y = a + b x by least squares: (sum of squared errors, b)."""
    xm, ym = x.mean(), y.mean()
    b = float(np.sum((x - xm) * (y - ym)) / np.sum((x - xm) ** 2))
    return float(np.sum((y - (ym - b * xm) - b * x) ** 2)), b


def _onset(t: np.ndarray, y: np.ndarray) -> Onset | None:
    """Best hinge or step change point (earliest wins ties); None unless its b > 0."""
    best: tuple[float, float, float, OnsetModel] | None = None
    for j in range(1, len(t) - 2):
        tau = t[j]
        models: tuple[tuple[OnsetModel, np.ndarray], ...] = (
            ("hinge", np.maximum(0.0, t - tau)),
            ("step", (t > tau).astype(float)),
        )
        for name, x in models:
            sse, b = _least_squares(x, y)
            if best is None or sse < best[0] - ONSET_TIE_EPS:
                best = (sse, b, float(tau), name)
    if best is None or best[1] <= 0:
        return None
    return Onset(best[2], best[3])


def _detector_l(t: np.ndarray, y: np.ndarray, as_of_day: int, size: int, mdc: float) -> Level:
    """Detector L: the current level against the best 42-day window since surgery."""
    recent = (t > as_of_day - RECENT_DAYS) & (t <= as_of_day)
    n_recent = int(recent.sum())
    if recent.sum() < max(2, math.ceil(0.5 * RECENT_DAYS / size)):
        return Level(n_recent, worse=False)
    current = float(np.median(y[recent]))
    window = _reference_window(t, y, as_of_day, size)
    if window is None:
        return Level(n_recent, worse=False, current_level=current)
    reference, first, last = window
    delta = current - reference
    thr = max(threshold(reference), mdc)
    post = t >= first
    best = PostOpBest(reference, first, last, delta, thr, int(post.sum()))
    if post.sum() < MIN_POST_REF_BINS:
        return Level(n_recent, worse=False, current_level=current, best=best)
    mk = mann_kendall(y[post])
    worse = bool(delta >= thr and mk.p_hr < ALPHA and mk.s > 0)
    onset = _onset(t[post], y[post]) if worse else None
    return Level(n_recent, worse, current, best, mk, onset)


def _insufficient_reasons(diary: _Diary, bins: _Bins, as_of_day: int | None) -> list[Reason]:
    """Every insufficient-data reason that holds, in the spec's order."""
    reasons = []
    if len(bins.centre) < MIN_VALID_BINS:
        reasons.append(Reason("few_bins", len(bins.centre)))
    if diary.days:
        first, last = min(diary.days), max(diary.days)
        if last - first + 1 < MIN_SPAN_DAYS:
            reasons.append(Reason("short_span", last - first + 1))
        if as_of_day is not None and as_of_day - last > MAX_STALENESS_DAYS:
            reasons.append(Reason("stale", as_of_day - last))
    else:
        reasons.append(Reason("no_entries"))
    return reasons


def within_fluctuation(level: Level) -> bool:
    """A rise from the best that clears the MCID but not the patient's usual fluctuation."""
    best = level.best
    return best is not None and threshold(best.level) <= best.delta < best.threshold


def _verdict(trend: Trend, level: Level) -> tuple[VerdictCode, list[Reason]]:
    """Verdict and its reasons from detectors T and L (worsening wins)."""
    if trend.worse or level.worse:
        fired = [Reason("above_best")] if level.worse else []
        return "worsening", fired + ([Reason("steady_rise")] if trend.worse else [])
    if trend.improve:
        return "improving", [Reason("steady_fall")]
    notes = [Reason("detectable_change")] if trend.mk.p_hr < ALPHA else []
    if within_fluctuation(level):
        notes.append(Reason("within_fluctuation"))
    return "stable", notes or [Reason("no_important_change")]


def _monthly(days: dict[int, float]) -> Monthly:
    """Median daily value and logged days for every 30-day month with a logged day."""
    months: dict[int, list[float]] = {}
    for day, value in days.items():
        months.setdefault(day // DAYS_PER_MONTH, []).append(value)
    return Monthly(
        tuple(months),
        tuple(float(np.median(values)) for values in months.values()),
        tuple(len(values) for values in months.values()),
    )


def worsening_verdict(
    entries: Iterable[Entry],
    surgeries: Iterable[datetime.date] = (),
    as_of: datetime.date | None = None,
) -> Verdict:
    """The verdict (docs/method.md#steps) for a diary."""
    diary = _prepare(entries, surgeries, as_of)
    fraction = _weekly_valid_fraction(diary.days)
    size = WEEK_DAYS if fraction is None or fraction >= WEEKLY_VALID_FRACTION else SPARSE_BIN_DAYS
    bins = _valid_bins(diary.days, size)
    as_of_day = (
        None if diary.day0 is None or diary.as_of is None else (diary.as_of - diary.day0.day).days
    )
    reasons = _insufficient_reasons(diary, bins, as_of_day)
    insufficient = Verdict(
        "insufficient_data",
        tuple(reasons),
        day0=diary.day0,
        as_of=diary.as_of,
        as_of_day=as_of_day,
        span_days=max(diary.days) - min(diary.days) + 1 if diary.days else None,
        n_logged_days=len(diary.days),
        weekly_valid_fraction=fraction,
        bins=bins.public(),
        monthly=_monthly(diary.days),
    )
    if reasons:
        return insufficient
    assert as_of_day is not None  # there are logged days, so day 0 and as-of exist
    fluctuation = _fluctuation(bins.mean)
    trend = _detector_t(bins.centre, bins.mean, fluctuation.mdc)
    level = _detector_l(bins.centre, bins.mean, as_of_day, size, fluctuation.mdc)
    verdict, why = _verdict(trend, level)
    return replace(
        insufficient,
        verdict=verdict,
        reasons=tuple(why),
        fluctuation=fluctuation,
        trend=trend,
        level=level,
    )


def weekly_bins(
    entries: Iterable[Entry],
    surgeries: Iterable[datetime.date] = (),
    as_of: datetime.date | None = None,
) -> Bins:
    """Valid 7-day bins of a diary, whatever bin size the verdict used."""
    diary = _prepare(entries, surgeries, as_of)
    return _valid_bins(diary.days, WEEK_DAYS).public()


def highest_since_best(verdict: Verdict) -> tuple[float, float, float] | None:
    """The highest 42-day window median between the post-op best and the last 6 weeks:
    (median, first centre, last centre), windows as the reference window's (step 7.2) but
    the highest; None without a best or without such a window. Descriptive only, not part
    of the verdict: the report says when the last 6 weeks are well below it (a 10-year diary
    called "worsening since Jun 2023" had eased for over a year from a higher peak)."""
    level = verdict.level
    if level is None or level.best is None or verdict.as_of_day is None:
        return None
    t = np.asarray(verdict.bins.centre_day, float)
    y = np.asarray(verdict.bins.mean, float)
    between = (t > level.best.last_centre) & (t <= verdict.as_of_day - RECENT_DAYS)
    windows = list(_window_medians(t[between], y[between], verdict.bin_days))
    return max(windows, key=lambda w: w[0]) if windows else None  # the first of equal ones


def flare_bin_centres(bins: Bins) -> list[float]:
    """Centres of flare weeks: >= 2 points above the median of other valid weeks within 21 days."""
    if bins.size != WEEK_DAYS:
        raise ValueError("flares are found on weekly bins: pass weekly_bins(...) for this diary")
    centre = np.asarray(bins.centre_day, float)
    mean = np.asarray(bins.mean, float)
    flares = []
    for i, c in enumerate(centre):
        near = np.abs(centre - c) <= FLARE_HALF_WINDOW_DAYS
        near[i] = False
        if near.any() and mean[i] - np.median(mean[near]) >= FLARE_POINTS - FLARE_TOLERANCE:
            flares.append(float(c))
    return flares
