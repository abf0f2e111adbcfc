"""Helpers shared by test modules (imported as `support`: pytest puts tests/ on the path)."""

from __future__ import annotations

import datetime as dt
import os
import subprocess
import sys
from pathlib import Path

NONET = Path(__file__).parent / "nonet"

# The moment every test runs at (conftest.py sets TRACKER_NOW to it, for subprocesses too):
# no test depends on the real date.
NOW = dt.datetime(2026, 11, 24, 21, 14, 5)
TODAY = NOW.date()

# The top-level fields of docs/method.md#output-top (always present) and of a Mann-Kendall result.
TOP_KEYS = {
    "verdict", "reason", "anchor", "surgery_date", "as_of", "as_of_day", "span_days",
    "n_logged_days", "bin_days", "weekly_valid_fraction", "n_valid_bins", "bins", "monthly",
}  # fmt: skip
MK_KEYS = {"n", "S", "var_s", "z", "p", "tau_a", "hr_factor_raw", "hr_factor_used", "z_hr", "p_hr"}


def subprocess_env(**extra: str) -> dict[str, str]:
    """Environment for a `python -m tracker` subprocess: this checkout first, network blocked."""
    env = dict(os.environ)
    root = str(Path(__file__).resolve().parent.parent)
    env["PYTHONPATH"] = os.pathsep.join(p for p in (str(NONET), root, env.get("PYTHONPATH")) if p)
    env.pop("TRACKER_DB", None)
    env.pop("TRACKER_DATABASE_URL", None)
    env.update(extra)
    return env


def run_tracker(*args: str, **kwargs: object) -> subprocess.CompletedProcess[str]:
    """Run tracker in a fresh Python process (for start-up cost, concurrency and crashes)."""
    return subprocess.run(
        [sys.executable, "-m", "tracker", *args],
        capture_output=True,
        text=True,
        env=subprocess_env(),
        timeout=120,
        **kwargs,  # type: ignore[arg-type]
    )
