"""Tests of the worsening verdict (docs/method.md, version 1) by value."""

from __future__ import annotations

import datetime as dt
import json
import math
import re

import numpy as np
import pytest
from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st
from scipy import stats
from support import MK_KEYS, TOP_KEYS

from tracker.analysis import trend
from tracker.analysis.calendar import DayZero
from tracker.analysis.trend import (
    Verdict,
    flare_bin_centres,
    hamed_rao_factor,
    mann_kendall,
    weekly_bins,
    worsening_verdict,
)
from tracker.trend_json import mann_kendall_json, verdict_json
from tracker.wording import DISCLAIMER, describe_verdict

DAY0 = dt.date(2025, 1, 6)
TREND_KEYS = {
    "mk",
    "kendall_tau_b",
    "theil_sen_slope_per_30d",
    "theil_sen_ci95_per_30d",
    "start_level",
    "change_over_record",
    "threshold",
    "T_worse",
    "T_improve",
}
LEVEL_KEYS = {
    "n_recent_bins",
    "current_level",
    "reference_level",
    "reference_window_centres",
    "delta",
    "threshold",
    "n_post_ref_bins",
    "post_ref_mk",
    "L_worse",
    "onset_day_estimate",
    "onset_model",
}


def judged(*args, **kwargs) -> tuple[Verdict, dict]:  # type: ignore[no-untyped-def]
    """The verdict, and the verdict as `tracker trend --json` prints it."""
    verdict = worsening_verdict(*args, **kwargs)
    return verdict, verdict_json(verdict)


def as_json(*args, **kwargs) -> dict:  # type: ignore[no-untyped-def]
    """The verdict as `tracker trend --json` prints it."""
    return judged(*args, **kwargs)[1]


def day(n: int) -> dt.date:
    """The date n days after DAY0."""
    return DAY0 + dt.timedelta(days=n)


def diary(level, days: int = 252, seed: int = 0, sd: float = 0.8, integer: bool = True):
    """One entry a day: level(day) plus Gaussian noise, clipped to 0-10."""
    rng = np.random.default_rng(seed)
    entries = []
    for d in range(days):
        value = float(np.clip(level(d) + rng.normal(0, sd), 0, 10))
        entries.append((day(d), float(round(value)) if integer else value))
    return entries


def weekly_levels(levels) -> list:
    """Seven identical daily entries for each weekly level."""
    return [(day(7 * w + k), float(v)) for w, v in enumerate(levels) for k in range(7)]


def assert_plain_json(value) -> None:
    """Only plain Python JSON types, no numpy scalars, no NaN."""
    if isinstance(value, dict):
        assert all(isinstance(k, str) for k in value)
        for v in value.values():
            assert_plain_json(v)
    elif isinstance(value, list):
        for v in value:
            assert_plain_json(v)
    else:
        assert value is None or type(value) in (str, int, float, bool), type(value)
        assert not (type(value) is float and math.isnan(value))


# --- verdicts on built series -------------------------------------------------------------


def test_flat_diary_is_stable_with_every_field():
    result = as_json(diary(lambda d: 4.0, seed=1), [DAY0])
    assert result["verdict"] == "stable"
    assert set(result) == TOP_KEYS | {"fluctuation", "trend", "level"}
    assert set(result["trend"]) == TREND_KEYS
    assert set(result["trend"]["mk"]) == MK_KEYS
    assert set(result["level"]) == LEVEL_KEYS - {"onset_day_estimate", "onset_model"}
    assert not result["trend"]["T_worse"] and not result["level"]["L_worse"]
    assert (result["anchor"], result["surgery_date"]) == ("surgery", "2025-01-06")
    assert (result["as_of"], result["as_of_day"], result["span_days"]) == ("2025-09-14", 251, 252)
    assert (result["bin_days"], result["n_valid_bins"], result["weekly_valid_fraction"]) == (
        7,
        36,
        1.0,
    )
    assert result["bins"]["centre_day"][:3] == [3.0, 10.0, 17.0]
    assert result["bins"]["n_days"] == [7] * 36
    assert result["monthly"]["month_index"] == list(range(9))
    assert result["monthly"]["n_days"] == [30] * 8 + [12]
    assert_plain_json(result)
    json.dumps(result)


def test_steady_rise_is_worsening_via_t_with_exact_numbers():
    entries = [(day(d), 2 + 0.02 * d) for d in range(252)]
    result = as_json(entries, [DAY0], as_of=day(276))
    mk, t = result["trend"]["mk"], result["trend"]
    assert result["verdict"] == "worsening"
    assert result["bins"]["mean"][:2] == [2.06, 2.2]
    assert (mk["n"], mk["S"], mk["var_s"]) == (36, 630, 5390.0)
    assert mk["z"] == pytest.approx(629 / math.sqrt(5390), abs=1e-12)
    assert mk["tau_a"] == 1.0 and mk["hr_factor_raw"] == 1.0 and mk["hr_factor_used"] == 1.0
    assert t["theil_sen_slope_per_30d"] == pytest.approx(0.6, abs=1e-9)
    assert t["theil_sen_ci95_per_30d"] == pytest.approx([0.6, 0.6], abs=1e-9)
    assert t["kendall_tau_b"] == pytest.approx(1.0)
    assert t["start_level"] == pytest.approx(2.06, abs=1e-9)
    assert t["change_over_record"] == pytest.approx(4.9, abs=1e-9)
    assert t["threshold"] == 1.0
    assert t["T_worse"] and not t["T_improve"]
    assert result["fluctuation"]["mdc"] == pytest.approx(0, abs=1e-9)
    # as-of 25 days after the last entry: only 2 recent bins, so L is not evaluated
    assert result["level"] == {"n_recent_bins": 2, "L_worse": False}
    assert "steady rise" in result["reason"] and "+0.60 points per 30 days" in result["reason"]


def v_shape(d: int) -> float:
    """Down from 7 to 3 by day 90, flat to day 170, then up to 7 by day 280."""
    if d < 90:
        return 7 - 4 * d / 90
    return 3.0 if d < 170 else 3 + 4 * (d - 170) / 110


def test_v_shape_is_worsening_via_l_with_onset_near_change_point():
    result = as_json(diary(v_shape, days=280, seed=2), [DAY0])
    level = result["level"]
    assert result["verdict"] == "worsening"
    assert level["L_worse"] and not result["trend"]["T_worse"]
    assert level["reference_level"] == pytest.approx(3, abs=0.6)
    assert 70 <= level["reference_window_centres"][0] <= 170
    assert level["delta"] >= level["threshold"]
    assert level["post_ref_mk"]["S"] > 0 and level["post_ref_mk"]["p_hr"] < trend.ALPHA
    assert level["onset_model"] == "hinge"
    assert abs(level["onset_day_estimate"] - 170) <= 21
    assert "post-op best" in result["reason"]


def test_step_rise_reports_a_step_onset():
    entries = diary(lambda d: 3.0 if d < 200 else 6.0, days=280, seed=4, sd=0.7)
    verdict, result = judged(entries, [DAY0])
    assert result["verdict"] == "worsening"
    assert result["level"]["onset_model"] == "step"
    assert abs(result["level"]["onset_day_estimate"] - 200) <= 10
    assert any("rose fairly abruptly around" in s for s in describe_verdict(verdict))


def test_single_flare_week_is_not_worsening_and_is_marked():
    entries = diary(lambda d: 7.0 if 140 <= d < 147 else 3.0, seed=5, sd=0.5)
    verdict = worsening_verdict(entries, [DAY0])
    assert verdict.verdict == "stable"
    assert flare_bin_centres(verdict.bins) == [143.0]
    assert flare_bin_centres(weekly_bins(entries, [DAY0])) == [143.0]


def test_sparse_logging_uses_fourteen_day_bins():
    entries = [(day(d), 4.0 + (d % 3)) for d in range(252) if d % 7 in (1, 4)]
    verdict, result = judged(entries, [DAY0])
    assert result["weekly_valid_fraction"] == 0.0
    assert result["bin_days"] == 14
    assert result["bins"]["centre_day"][:3] == [6.5, 20.5, 34.5]
    assert result["bins"]["n_days"] == [4] * 18
    assert result["verdict"] == "stable"
    with pytest.raises(ValueError):
        flare_bin_centres(verdict.bins)
    assert weekly_bins(entries, [DAY0]).centre_day == ()


def test_sparse_v_shape_is_worsening_with_fourteen_day_bins():
    entries = [e for e in diary(v_shape, days=280, seed=6) if e[0].weekday() in (0, 3)]
    result = as_json(entries, [DAY0])
    assert result["bin_days"] == 14 and result["verdict"] == "worsening"
    assert result["level"]["L_worse"] and result["level"]["n_recent_bins"] >= 2


def test_weekly_valid_fraction_at_threshold_keeps_weekly_bins():
    # 3 valid weeks of every 5 (0.6): weekly bins are kept
    entries = [(day(d), 4.0) for d in range(350) if (d // 7) % 5 < 3 or d % 7 == 0]
    result = as_json(entries, [DAY0])
    assert result["weekly_valid_fraction"] == pytest.approx(0.6)
    assert result["bin_days"] == 7


def test_small_drift_is_stable_with_detectable_change_note():
    verdict, result = judged(
        diary(lambda d: 3 + 0.8 * d / 252, seed=3, sd=0.3, integer=False), [DAY0]
    )
    assert result["verdict"] == "stable"
    assert result["trend"]["mk"]["p_hr"] < trend.ALPHA
    assert result["trend"]["change_over_record"] < result["trend"]["threshold"]
    assert result["reason"].startswith("a statistically detectable change of +0.77 points")
    assert any("statistically detectable drift" in s for s in describe_verdict(verdict))


def noisy_weeks(seed: int) -> list:
    """Weekly levels 3 + N(0, 1), 1.5 points higher in the last 6 weeks."""
    levels = 3 + np.round(np.random.default_rng(seed).normal(0, 1.0, 36), 1)
    levels[30:] += 1.5
    return weekly_levels(levels)


def test_rise_within_usual_fluctuation_is_stable_with_note():
    verdict, result = judged(noisy_weeks(13), [DAY0])
    level = result["level"]
    assert result["verdict"] == "stable"
    assert trend.threshold(level["reference_level"]) <= level["delta"] < level["threshold"]
    assert level["threshold"] == result["fluctuation"]["mdc"]
    assert result["reason"] == (
        "the current level is +1.75 points above the post-op best, "
        "within the patient's usual fluctuation (threshold 2.10)"
    )
    assert any("usual ups and downs" in s for s in describe_verdict(verdict))


def test_stable_notes_are_joined():
    verdict, result = judged(noisy_weeks(14), [DAY0])
    assert [r.code for r in verdict.reasons] == ["detectable_change", "within_fluctuation"]
    notes = result["reason"].split("; ")
    assert result["verdict"] == "stable" and len(notes) == 2
    assert notes[0].startswith("a statistically detectable change")
    assert notes[1].startswith("the current level is +2.15 points above")


def test_steady_fall_is_improving():
    result = as_json(diary(lambda d: 8 - 5 * d / 252, seed=7, sd=0.5), [DAY0])
    assert result["verdict"] == "improving"
    assert result["trend"]["T_improve"] and result["trend"]["mk"]["S"] < 0
    assert result["reason"].startswith("steady fall over the record")


# --- insufficient data ---------------------------------------------------------------------


def test_too_few_valid_bins_only():
    entries = [(day(d), 5.0) for d in range(49)] + [(day(60), 5.0)]
    result = as_json(entries, [DAY0])
    assert result["verdict"] == "insufficient_data"
    assert result["reason"] == "only 7 valid weekly bins with entries on 3 or more days (need 8)"
    assert {"fluctuation", "trend", "level"}.isdisjoint(result)
    assert result["weekly_valid_fraction"] == pytest.approx(7 / 9)


def test_span_too_short_only():
    result = as_json([(day(d), 5.0) for d in range(52)], [DAY0])
    assert (result["n_valid_bins"], result["span_days"]) == (8, 52)
    assert result["reason"] == "entries span only 52 days (need 56)"


def test_stale_diary_only():
    verdict, result = judged([(day(d), 5.0) for d in range(70)], [DAY0], as_of=day(98))
    assert result["as_of_day"] == 98
    assert result["reason"] == "the last entry is 29 days before the as-of date (more than 28)"
    text = describe_verdict(verdict)
    assert "No entries in the 28 days before 14 April 2025." in text


def test_not_stale_at_exactly_28_days():
    result = as_json([(day(d), 5.0) for d in range(70)], [DAY0], as_of=day(97))
    assert result["verdict"] == "stable"


def test_no_entries():
    for entries in ([], [(day(3), None), (day(4), 11)]):
        result = as_json(entries)
        assert result["verdict"] == "insufficient_data"
        assert result["reason"] == (
            "only 0 valid weekly bins with entries on 3 or more days (need 8); "
            "no pain entries between day 0 and the as-of date"
        )
        assert result["n_logged_days"] == 0 and result["monthly"]["month_index"] == []
        json.dumps(result)


def test_several_reasons_are_joined():
    verdict, result = judged([(day(d), 5.0) for d in range(21)], [DAY0], as_of=day(60))
    assert verdict.reasons == (  # codes and counts: the sentences are made from these
        trend.Reason("few_bins", 3),
        trend.Reason("short_span", 21),
        trend.Reason("stale", 40),
    )
    assert verdict.fluctuation is None and verdict.trend is None and verdict.level is None
    assert result["reason"].split("; ") == [
        "only 3 valid weekly bins with entries on 3 or more days (need 8)",
        "entries span only 21 days (need 56)",
        "the last entry is 40 days before the as-of date (more than 28)",
    ]


def test_sparse_insufficient_counts_fourteen_day_bins():
    entries = [(day(d), 5.0) for d in range(70) if d % 7 in (0, 3)]
    verdict, result = judged(entries, [DAY0])
    assert result["bin_days"] == 14
    assert result["reason"].startswith("only 5 valid 14-day bins")
    assert describe_verdict(verdict)[0] == (
        "Not enough data for a verdict yet: needs at least 8 fourteen-day periods with entries on "
        "3 or more days, so at least 16 weeks; 5 so far, over 67 days (fewer than 6 in 10 weeks "
        "had 3 logged days, so weeks are pooled in pairs)."
    )


# --- inputs --------------------------------------------------------------------------------


def test_daily_mean_of_several_entries():
    single = [(day(d), 3.0 + (d % 4)) for d in range(70)]
    several = [(when, v) for when, pain in single for v in (pain - 1, pain, pain + 1)]
    several += [(day(5), None), (day(6), float("nan")), (day(7), -1), (day(8), 10.5)]
    a, b = as_json(single, [DAY0]), as_json(several, [DAY0])
    assert a == b
    assert a["bins"]["mean"][0] == round(np.mean([3, 4, 5, 6, 3, 4, 5]), 6) == 4.285714
    assert a["monthly"]["median"][0] == 4.0


def test_no_surgery_anchors_on_first_entry():
    entries = [(day(d), 4.0) for d in range(10, 100)]
    verdict, result = judged(entries)
    assert verdict.day0 == DayZero(day(10), "first_entry")
    assert (result["anchor"], result["surgery_date"]) == ("first_entry", day(10).isoformat())
    assert (result["as_of_day"], result["bins"]["centre_day"][0]) == (89, 3.0)


def test_surgery_after_as_of_is_ignored():
    entries = [(day(d), 4.0) for d in range(100)]
    result = as_json(entries, [day(-30), DAY0, day(120)], as_of=day(99))
    assert (result["anchor"], result["surgery_date"]) == ("surgery", DAY0.isoformat())
    only_future = as_json(entries, [day(120)], as_of=day(99))
    assert only_future["anchor"] == "first_entry"


def test_entries_before_surgery_and_after_as_of_are_ignored():
    entries = [(day(d), 4.0 + d % 3) for d in range(100)]
    extra = [(day(-d), 10.0) for d in range(1, 40)] + [(day(120), 0.0)]
    assert as_json(entries + extra, [DAY0], as_of=day(99)) == as_json(entries, [DAY0])


def test_datetimes_are_accepted():
    entries = [(dt.datetime(2025, 1, 6, 8) + dt.timedelta(days=d), 4) for d in range(70)]
    assert as_json(entries, [DAY0])["as_of"] == "2025-03-16"


# --- Mann-Kendall and Hamed-Rao -----------------------------------------------------------


def test_mann_kendall_by_hand_with_ties():
    mk = mann_kendall_json(mann_kendall([1, 2, 2, 3, 1]))
    assert (mk["n"], mk["S"]) == (5, 2)
    assert mk["var_s"] == pytest.approx((5 * 4 * 15 - 2 * 9 - 2 * 9) / 18)
    assert mk["z"] == pytest.approx(1 / math.sqrt(264 / 18))
    assert mk["p"] == pytest.approx(2 * (1 - stats.norm.cdf(1 / math.sqrt(264 / 18))))
    assert mk["tau_a"] == 0.2
    # Sen slope 0.25; detrended ranks [2, 4, 3, 5, 1]; r = -.5, .2, -.4, .2: no lag kept
    assert mk["hr_factor_raw"] == 1.0 and mk["z_hr"] == mk["z"]


def test_hamed_rao_by_hand_on_alternating_series():
    mk = mann_kendall_json(mann_kendall([0, 1] * 5))
    assert (mk["S"], mk["var_s"]) == (5, pytest.approx(1650 / 18))
    # Sen slope 0; ranks 3, 8, ...; r_k = (-1)^k (10 - k) / 10; lags 1-3 kept
    expected = 1 + 2 / 720 * (-504 * 0.9 + 336 * 0.8 - 210 * 0.7)
    assert mk["hr_factor_raw"] == pytest.approx(expected, abs=1e-12)
    assert mk["hr_factor_used"] == 1.0 and mk["z_hr"] == mk["z"]


def test_mann_kendall_degenerate_series():
    assert mann_kendall_json(mann_kendall([4.0] * 6)) == {
        "n": 6,
        "S": 0,
        "var_s": 0.0,
        "z": 0.0,
        "p": 1.0,
        "tau_a": 0.0,
        "hr_factor_raw": 1.0,
        "hr_factor_used": 1.0,
        "z_hr": 0.0,
        "p_hr": 1.0,
    }
    two = mann_kendall_json(mann_kendall([1.0, 2.0]))
    assert two["hr_factor_raw"] is None and two["hr_factor_used"] == 1.0
    assert hamed_rao_factor([1.0]) is None


def cross_check_series():
    """Equally spaced series, white and autocorrelated, rounded like bin means."""
    out = []
    for seed, n, phi in [
        (1, 8, 0.0),
        (2, 12, 0.0),
        (3, 20, 0.7),
        (4, 30, 0.8),
        (5, 40, 0.5),
        (8, 30, 0.8),
        (10, 30, 0.8),
    ]:
        rng = np.random.default_rng(seed)
        x = np.zeros(n)
        for i in range(n):
            x[i] = (phi * x[i - 1] if i else 0) + rng.normal() + 0.03 * i
        out.append(np.round(4 + x, 6))
    out.append(np.array([3.0, 4, 4, 5, 3, 6, 5, 5, 7, 6, 6, 8]))
    return out


def spec_hr_factor(y) -> float:
    """The Hamed-Rao factor written out with plain loops, straight from the spec."""
    n = len(y)
    slopes = sorted((y[j] - y[i]) / (j - i) for i in range(n) for j in range(i + 1, n))
    b = float(np.median(slopes))
    ranks = stats.rankdata([np.round(float(y[i]) - (i + 1) * b, 6) for i in range(n)])
    mean = sum(ranks) / n
    c = [sum((ranks[i] - mean) * (ranks[i + k] - mean) for i in range(n - k)) / n for k in range(n)]
    bound = stats.norm.ppf(1 - 0.05 / 2) / math.sqrt(n)
    kept = [(k, c[k] / c[0]) for k in range(1, n) if abs(c[k] / c[0]) > bound]
    return 1 + 2 / (n * (n - 1) * (n - 2)) * sum(
        (n - k) * (n - k - 1) * (n - k - 2) * r for k, r in kept
    )


def rounding_changes_ranks(y) -> bool:
    """Whether rounding the detrended values to 6 decimals creates ties (pymannkendall skips it)."""
    n = len(y)
    b = np.median([(y[j] - y[i]) / (j - i) for i in range(n) for j in range(i + 1, n)])
    detrended = y - np.arange(1, n + 1) * b
    return bool(np.any(stats.rankdata(detrended) != stats.rankdata(np.round(detrended, 6))))


@pytest.mark.parametrize("y", cross_check_series())
def test_hamed_rao_matches_plain_loops(y):
    assert hamed_rao_factor(y) == pytest.approx(spec_hr_factor(y), abs=1e-12)


@pytest.mark.parametrize("y", cross_check_series())
def test_against_pymannkendall(y):
    pmk = pytest.importorskip("pymannkendall")
    ours, original = mann_kendall_json(mann_kendall(y)), pmk.original_test(y)
    hamed_rao = pmk.hamed_rao_modification_test(y)
    assert ours["S"] == original.s
    assert ours["var_s"] == pytest.approx(original.var_s, abs=1e-9)
    assert ours["z"] == pytest.approx(original.z, abs=1e-9)
    assert ours["p"] == pytest.approx(original.p, abs=1e-9)
    assert ours["tau_a"] == pytest.approx(original.Tau, abs=1e-9)
    if rounding_changes_ranks(y):  # the spec rounds detrended values so ties are exact
        return
    raw = hamed_rao.var_s / original.var_s
    assert ours["hr_factor_raw"] == pytest.approx(raw, abs=1e-9)
    if raw >= 1:
        assert ours["z_hr"] == pytest.approx(hamed_rao.z, abs=1e-9)
        assert ours["p_hr"] == pytest.approx(hamed_rao.p, abs=1e-9)


def test_cross_check_covers_inflated_and_deflated_factors():
    series = [y for y in cross_check_series() if not rounding_changes_ranks(y)]
    factors = [hamed_rao_factor(y) for y in series]
    assert len(series) >= 6
    assert any(f > 1 for f in factors) and any(f < 1 for f in factors)


def test_fluctuation_figures_by_formula():
    result = as_json(noisy_weeks(13), [DAY0])
    y = np.array(result["bins"]["mean"])
    dy = np.diff(y)
    sigma = 1.4826 * np.median(np.abs(dy - np.median(dy))) / math.sqrt(2)
    c = y - y.mean()
    fluctuation = result["fluctuation"]
    assert fluctuation["weekly_noise_sd_robust"] == pytest.approx(sigma, abs=1e-12)
    assert fluctuation["mdc"] == pytest.approx(2 * sigma, abs=1e-12)
    assert fluctuation["lag1_autocorr_bins"] == pytest.approx(c[:-1] @ c[1:] / (c @ c))


def test_onset_earliest_perfect_step():
    assert trend._onset(np.arange(6.0), np.array([0, 0, 0, 1, 1, 1.0])) == trend.Onset(2.0, "step")
    assert trend._onset(np.arange(6.0), np.array([1, 1, 1, 0, 0, 0.0])) is None


# --- wording -------------------------------------------------------------------------------


def test_describe_worsening_via_l():
    verdict, result = judged(diary(v_shape, days=280, seed=2), [DAY0])
    level = result["level"]
    text = describe_verdict(verdict)
    first, last = level["reference_window_centres"]
    now, best = f"{level['current_level']:.1f}", f"{level['reference_level']:.1f}"
    rise = round(float(now) - float(best), 1)  # the difference of the levels as printed
    assert text[0] == (
        f"Pain has been higher over the last 6 weeks (median {now}/10) "
        f"than at its best after surgery ({best}/10, weeks "
        f"{int(first // 7) + 1}-{int(last // 7) + 1}): a rise of +{rise:.1f} points."
    )
    low, high = DAY0 + dt.timedelta(days=first - 3), DAY0 + dt.timedelta(days=last + 3)
    months = round((result["as_of_day"] - 20.5 - (first + last) / 2) / 30)
    assert text[1] == (
        f"The low point was {low.day} {low:%b} - {high.day} {high:%b %Y}; from it to the last "
        f"6 weeks, about {months} months, pain rose about +{rise / months:.1f} points a month."
    )
    onset = DAY0 + dt.timedelta(days=int(level["onset_day_estimate"]))
    assert text[2] == (
        f"It has been rising since about {onset.day} {onset:%B %Y} "
        f"(about {round(level['onset_day_estimate'] / 30)} months after surgery)."
    )
    assert text[-1] == DISCLAIMER
    assert not any("steadily" in sentence for sentence in text)  # docs/method.md#whole-record-line
    assert describe_verdict(verdict, "%Y-%m-%d")[2].startswith(
        f"It has been rising since about {onset.isoformat()}"
    )


def test_describe_worsening_via_t():
    entries = [(day(d), 2 + 0.02 * d) for d in range(252)]
    text = describe_verdict(worsening_verdict(entries, [DAY0], as_of=day(276)))
    assert text == [
        "Pain has risen steadily since surgery: about +0.6 points a month, "
        "+4.9 points over 8 months.",
        DISCLAIMER,
    ]


def test_describe_improving_and_stable():
    verdict, result = judged(diary(lambda d: 8 - 5 * d / 252, seed=7, sd=0.5), [DAY0])
    t = result["trend"]
    assert describe_verdict(verdict)[0] == (
        f"Pain has fallen steadily since surgery: about {t['theil_sen_slope_per_30d']:+.1f} "
        f"points a month, {t['change_over_record']:+.1f} points over 8 months."
    )
    assert "CI" not in " ".join(describe_verdict(verdict))  # the interval stays in the JSON
    stable_verdict, stable = judged(diary(lambda d: 4.0, seed=1), [DAY0])
    text = describe_verdict(stable_verdict)
    assert text[0].startswith("No clinically important worsening: pain changed by ")
    level = stable["level"]
    assert f"(median {level['current_level']:.1f}/10)" in text[1]
    assert text[-1] == DISCLAIMER


def test_describe_insufficient_weekly_and_empty():
    text = describe_verdict(worsening_verdict([(day(d), 5.0) for d in range(35)], [DAY0]))
    assert text[0] == (
        "Not enough data for a verdict yet: needs at least 8 weeks with entries on 3 or more "
        "days, over at least 8 weeks; 5 usable weeks so far, over 35 days."
    )
    empty = describe_verdict(worsening_verdict([], [DAY0]))
    assert empty == [
        "Not enough data for a verdict: no pain scores logged since surgery.",
        DISCLAIMER,
    ]


def test_describe_anchor_first_entry():
    result = worsening_verdict(diary(v_shape, days=280, seed=2))
    assert "after the diary began" in describe_verdict(result)[0]


# --- property --------------------------------------------------------------------------------

pain_values = st.one_of(
    st.none(),
    st.just(float("nan")),
    st.sampled_from(["5", "five", "", True]),
    st.integers(-2, 12),
    st.floats(-1, 11, allow_nan=False),
)
diaries = st.lists(st.tuples(st.integers(0, 3000), pain_values), max_size=300)


@settings(max_examples=120, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(
    diaries,
    st.lists(st.integers(-100, 3100), max_size=3),
    st.one_of(st.none(), st.integers(-50, 3100)),
)
@example([], [], None)
@example([(5, 4)], [], None)
@example([(0, 3)] * 50, [0], None)
@example([(d, 5) for d in range(120)], [0], None)
@example([(d, 0) for d in range(120)], [], None)
@example([(d, 10) for d in range(120)], [0], 119)
@example([(d, d % 11) for d in range(0, 3000, 3)], [0], None)
@example([(d, 4) for d in range(60)] + [(d, 8) for d in range(2900, 2990)], [0], None)
@example([(d, 4 + (d > 200) * 3) for d in range(300)], [], None)
@example([(d, 5) for d in range(100)], [200], 300)  # every entry before the surgery
def test_never_raises_and_is_json(raw_entries, surgery_days, as_of_day):
    entries = [(day(d), pain) for d, pain in raw_entries]
    as_of = None if as_of_day is None else day(as_of_day)
    verdict, result = judged(entries, [day(s) for s in surgery_days], as_of)
    assert result["verdict"] in trend.VERDICTS
    assert_plain_json(result)
    assert json.loads(json.dumps(result)) == result
    text = describe_verdict(verdict)
    assert text[-1] == DISCLAIMER
    if result["bin_days"] == 7:
        assert set(flare_bin_centres(verdict.bins)) <= set(result["bins"]["centre_day"])


def _reference_window_by_mask(t, y, as_of_day, size):
    """The lowest 42-day window as method.md states it: a mask over all history bins."""
    history = t <= as_of_day - trend.RECENT_DAYS
    ht, hy = t[history], y[history]
    need = max(2, math.ceil(0.75 * trend.REF_WINDOW_DAYS / size))
    best = None
    for centre in ht:
        inside = (ht >= centre) & (ht < centre + trend.REF_WINDOW_DAYS)
        if inside.sum() < need:
            continue
        median = float(np.median(hy[inside]))
        if best is None or median < best[0] - trend.REFERENCE_TIE_EPS:
            best = (median, float(centre), float(ht[inside][-1]))
    return best


@settings(max_examples=300, deadline=None)
@given(
    size=st.sampled_from((7, 14, 30)),
    bins=st.lists(  # (bins since the one before, its value): mostly dense, some gaps
        st.tuples(st.sampled_from((1, 1, 1, 2, 3)), st.floats(0, 10).map(lambda v: round(v, 1))),
        max_size=90,
    ),
    as_of_bin=st.integers(0, 300),
)
def test_the_reference_window_is_the_masks_window_bit_for_bit(size, bins, as_of_bin):
    # The verdict finds each window as a slice by bisection (a 10-year diary has 520 weeks):
    # the same bins in the same order, so the same median, centres and ties, to the last bit.
    index = np.cumsum([gap for gap, _ in bins])
    t = np.array([i * size + (size - 1) / 2 for i in index], float)
    y = np.array([v for _, v in bins], float)
    as_of_day = as_of_bin * size
    assert trend._reference_window(t, y, as_of_day, size) == _reference_window_by_mask(
        t, y, as_of_day, size
    )


def test_a_rate_a_month_too_slow_for_one_decimal_prints_two():
    from tracker.wording import per_month

    assert [per_month(v) for v in (0.26, -0.4, 0.0, 0.044, -0.03, 0.096, 0.004)] == [
        "+0.3", "-0.4", "0.0", "+0.04", "-0.03", "+0.1", "0.0"
    ]  # fmt: skip


def test_a_slow_rise_from_a_best_long_ago_is_not_printed_as_none():
    # A best in the first year, then a rise of about 2 points over four years: well under 0.1
    # a month, which one decimal printed as "about 0.0 points a month" (the 10-year bench diary).
    def late_slow_rise(d: int) -> float:
        return 2.0 if d < 400 else 2.0 + 2.0 * (d - 400) / 1500

    verdict = worsening_verdict(diary(late_slow_rise, days=1900, seed=4, sd=0.5), [DAY0])
    text = describe_verdict(verdict)
    assert verdict.verdict == "worsening"
    low_point = next(line for line in text if line.startswith("The low point"))
    rate = re.search(r"pain rose about (\S+) points a month\.$", low_point)
    assert rate is not None and re.fullmatch(r"\+0\.0[1-9]", rate.group(1)), low_point


def test_a_course_easing_from_a_higher_peak_says_so_with_its_dates():
    # Best at 2 in the first months, up to 8 by day 300, easing to 5 by day 420: worse than
    # the best, and well below the peak, which the report did not say (10-year diary).
    def peak_then_easing(d: int) -> float:
        if d < 120:
            return 2.0
        return 2.0 + 6.0 * (d - 120) / 180 if d < 300 else 8.0 - 3.0 * (d - 300) / 120

    verdict = worsening_verdict(diary(peak_then_easing, days=421, seed=5, sd=0.4), [DAY0])
    assert verdict.verdict == "worsening"
    said = describe_verdict(verdict)
    line = next(text for text in said if text.startswith("It was higher still at "))
    peak, drop = re.search(
        r"at (\d+\.\d)/10 \(.*\); the last 6 weeks are (\d+\.\d) points", line
    ).groups()
    assert float(peak) >= 7.0
    now = float(f"{verdict.level.current_level:.1f}")  # as printed
    assert float(drop) == round(float(peak) - now, 1)  # the printed difference
    steady = worsening_verdict(diary(v_shape, days=280, seed=2), [DAY0])
    assert not any(text.startswith("It was higher still") for text in describe_verdict(steady))
