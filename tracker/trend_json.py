"""The verdict as `tracker trend --json` prints it: docs/method.md#output, exactly.

Field names, nesting and order as the spec lists them; numbers at full float precision;
`fluctuation`, `trend` and `level` absent when the data are insufficient, and each optional
part of `level` absent until its step was reached (never null).
"""

from __future__ import annotations

from typing import Any

from tracker.analysis.trend import Level, MannKendall, Trend, Verdict
from tracker.wording import verdict_reason


def verdict_json(verdict: Verdict) -> dict[str, Any]:
    """The verdict as a JSON-ready dict (plain Python types, dates as ISO strings)."""
    day0, bins, monthly = verdict.day0, verdict.bins, verdict.monthly
    result: dict[str, Any] = {
        "verdict": verdict.verdict,
        "reason": verdict_reason(verdict),
        "anchor": day0.anchor if day0 else "first_entry",
        "surgery_date": day0.day.isoformat() if day0 else None,
        "as_of": verdict.as_of.isoformat() if verdict.as_of else None,
        "as_of_day": verdict.as_of_day,
        "span_days": verdict.span_days,
        "n_logged_days": verdict.n_logged_days,
        "bin_days": verdict.bin_days,
        "weekly_valid_fraction": verdict.weekly_valid_fraction,
        "n_valid_bins": len(bins.centre_day),
        "bins": {
            "centre_day": list(bins.centre_day),
            "mean": list(bins.mean),
            "n_days": list(bins.n_days),
        },
    }
    if verdict.fluctuation is not None:
        fluctuation = verdict.fluctuation
        result["fluctuation"] = {
            "weekly_noise_sd_robust": fluctuation.weekly_noise_sd_robust,
            "mdc": fluctuation.mdc,
            "lag1_autocorr_bins": fluctuation.lag1_autocorr_bins,
        }
    if verdict.trend is not None:
        result["trend"] = _trend(verdict.trend)
    if verdict.level is not None:
        result["level"] = _level(verdict.level)
    result["monthly"] = {
        "month_index": list(monthly.month_index),
        "median": list(monthly.median),
        "n_days": list(monthly.n_days),
    }
    return result


def mann_kendall_json(mk: MannKendall) -> dict[str, Any]:
    """`trend.mk` and `level.post_ref_mk`."""
    return {
        "n": mk.n,
        "S": mk.s,
        "var_s": mk.var_s,
        "z": mk.z,
        "p": mk.p,
        "tau_a": mk.tau_a,
        "hr_factor_raw": mk.hr_factor_raw,
        "hr_factor_used": mk.hr_factor_used,
        "z_hr": mk.z_hr,
        "p_hr": mk.p_hr,
    }


def _trend(trend: Trend) -> dict[str, Any]:
    """Detector T."""
    return {
        "mk": mann_kendall_json(trend.mk),
        "kendall_tau_b": trend.kendall_tau_b,
        "theil_sen_slope_per_30d": trend.slope_per_30d,
        "theil_sen_ci95_per_30d": list(trend.ci95_per_30d),
        "start_level": trend.start_level,
        "change_over_record": trend.change_over_record,
        "threshold": trend.threshold,
        "T_worse": trend.worse,
        "T_improve": trend.improve,
    }


def _level(level: Level) -> dict[str, Any]:
    """Detector L: each field present once its step was reached."""
    result: dict[str, Any] = {"n_recent_bins": level.n_recent_bins}
    if level.current_level is not None:
        result["current_level"] = level.current_level
    if level.best is not None:
        best = level.best
        result |= {
            "reference_level": best.level,
            "reference_window_centres": [best.first_centre, best.last_centre],
            "delta": best.delta,
            "threshold": best.threshold,
            "n_post_ref_bins": best.n_post_ref_bins,
        }
    if level.post_ref_mk is not None:
        result["post_ref_mk"] = mann_kendall_json(level.post_ref_mk)
    result["L_worse"] = level.worse
    if level.onset is not None:
        result["onset_day_estimate"] = level.onset.day
        result["onset_model"] = level.onset.model
    return result
