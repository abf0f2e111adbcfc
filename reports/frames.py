"""The prepared numbers as pandas tables for drawing: daily and weekly pain, regions by month.

Conversions and layout only (breaks in lines, rows that fit a page): every figure was
computed before drawing started (tracker.report_data).
"""

from __future__ import annotations

import dataclasses
import datetime as dt
from collections.abc import Sequence

import numpy as np
import pandas as pd

from tracker.analysis.calendar import DAYS_PER_MONTH as MONTH_DAYS
from tracker.analysis.calendar import WEEK_DAYS
from tracker.analysis.series import WeekBackLeg, WeekMean
from tracker.analysis.spread import MONTH_FIGURES, MonthRow
from tracker.regions import NAMES

MAX_TABLE_ROWS = 34

# Symptom panels: title, key in Spread.region_months.
SYMPTOM_PANELS: tuple[tuple[str, str], ...] = (
    ("Pain", "pain"),
    ("Pain radiating into", "radiates"),
    ("Numbness", "numb"),
    ("Tingling", "tingling"),
    ("Weakness", "weak"),
)
REGION_ORDER = {name: i for i, name in enumerate(NAMES)}
TABLE_COLUMNS = ("days_logged", *MONTH_FIGURES)


def daily_series(daily: dict[dt.date, float]) -> pd.Series:
    """Mean overall pain per logged day (DatetimeIndex, sorted)."""
    if not daily:
        return pd.Series(dtype=float, index=pd.DatetimeIndex([], name="day"))
    days = sorted(daily)
    index = pd.DatetimeIndex(pd.to_datetime(days), name="day")
    return pd.Series([daily[d] for d in days], index=index, name="pain", dtype=float)


def _centres(index: pd.Series, day0: dt.date) -> pd.Series:
    """The middle day of each week, as a timestamp."""
    return pd.Timestamp(day0) + pd.to_timedelta(index * WEEK_DAYS + (WEEK_DAYS - 1) / 2, unit="D")


def weekly_frame(weeks: Sequence[WeekMean], day0: dt.date) -> pd.DataFrame:
    """Weeks anchored at day 0: index, centre date, mean, logged days, valid (>= 3 days)."""
    if not weeks:
        return pd.DataFrame(columns=["index", "centre", "mean", "n_days", "valid"])
    frame = pd.DataFrame(
        {
            "index": [w.index for w in weeks],
            "mean": [w.mean for w in weeks],
            "n_days": [w.n_days for w in weeks],
            "valid": [w.valid for w in weeks],
        }
    )
    frame["centre"] = _centres(frame["index"], day0)
    return frame


def broken_line(weeks: pd.DataFrame, column: str = "mean") -> tuple[np.ndarray, np.ndarray]:
    """x (dates) and y of valid weeks, with NaN breaks where weeks are missing or invalid."""
    valid = weeks[weeks["valid"] & weeks[column].notna()]
    if valid.empty:
        return np.array([], dtype="datetime64[ns]"), np.array([])
    full = pd.RangeIndex(int(valid["index"].min()), int(valid["index"].max()) + 1)
    series = valid.set_index("index").reindex(full)
    first = valid["centre"].iloc[0] - pd.Timedelta(days=float(valid["index"].iloc[0]) * WEEK_DAYS)
    x = first + pd.to_timedelta(full.to_numpy() * WEEK_DAYS, unit="D")
    return x.to_numpy(), series[column].to_numpy(dtype=float)


def back_leg_frame(weeks: Sequence[WeekBackLeg], day0: dt.date) -> pd.DataFrame:
    """Weekly back and leg pain (NaN where not rated): index, back, leg, n_days, centre, valid."""
    if not weeks:
        return pd.DataFrame()
    frame = pd.DataFrame(
        {
            "index": [w.index for w in weeks],
            "back": [np.nan if w.back is None else w.back for w in weeks],
            "leg": [np.nan if w.leg is None else w.leg for w in weeks],
            "n_days": [w.n_days for w in weeks],
            "valid": [w.valid for w in weeks],
        }
    )
    frame["centre"] = _centres(frame["index"], day0)
    return frame


def region_matrix(counts: dict[str, dict[int, int]], months: Sequence[int]) -> pd.DataFrame:
    """Days present per region (rows, proximal to distal) and month index (columns)."""
    if not counts or not months:
        return pd.DataFrame(index=pd.Index([], name="region"), columns=list(months), dtype=float)
    # Built from lists: pandas' from_dict of nested dicts took 5 ms a panel.
    order = sorted(counts, key=lambda name: REGION_ORDER.get(name, len(REGION_ORDER)))
    columns = list(months)
    values = [[float(counts[name].get(month, 0)) for month in columns] for name in order]
    return pd.DataFrame(values, index=pd.Index(order), columns=columns, dtype=float)


def top_rows(matrix: pd.DataFrame, limit: int) -> tuple[pd.DataFrame, list[str]]:
    """The `limit` regions with most days (kept in body order), and the names of those left
    out (body order)."""
    if len(matrix) <= limit:
        return matrix, []
    keep = set(matrix.sum(axis=1).nlargest(limit).index)
    return (
        matrix.loc[[name for name in matrix.index if name in keep]],
        [name for name in matrix.index if name not in keep],
    )


def monthly_frame(rows: Sequence[MonthRow], last: dt.date) -> pd.DataFrame:
    """The monthly rows as a table with 'label' (dates, cut at `last`) and 'since' columns."""
    if not rows:
        return pd.DataFrame()
    frame = pd.DataFrame([dataclasses.asdict(row) for row in rows])
    frame[list(TABLE_COLUMNS)] = frame[list(TABLE_COLUMNS)].astype(float)
    starts = pd.to_datetime(frame["start"])
    ends = (starts + pd.Timedelta(days=MONTH_DAYS - 1)).clip(upper=pd.Timestamp(last))
    frame["label"] = [
        f"{a.day} {a:%b %y} - {b.day} {b:%b %y}" for a, b in zip(starts, ends, strict=True)
    ]
    # Months are numbered from 1 (month 1: the first 30 days after day 0), as on every page
    # (docs/method.md#month-numbers); the analysis indexes them from 0.
    frame["since"] = (frame["month_index"].astype(int) + 1).astype(str)
    frame["year"] = starts.dt.year
    frame["days_elapsed"] = ((ends - starts).dt.days + 1).astype(int)
    frame["partial"] = frame["days_elapsed"] < MONTH_DAYS
    frame["folded"] = False
    return frame


def collapse_years(table: pd.DataFrame, limit: int = MAX_TABLE_ROWS) -> tuple[pd.DataFrame, int]:
    """Keep the latest months as rows and fold earlier ones into whole years to fit `limit`."""
    if len(table) <= limit:
        return table, 0
    years = 1
    while True:
        recent = table.iloc[len(table) - (limit - years) :]
        early = table.iloc[: len(table) - len(recent)]
        if early["year"].nunique() <= years or years >= limit - 1:
            break
        years += 1
    folded = [_year_row(year, rows) for year, rows in early.groupby("year")]
    return pd.concat([pd.DataFrame(folded), recent], ignore_index=True), len(early)


def _year_row(year: int, rows: pd.DataFrame) -> dict:
    """Months of one year folded into one row (day-weighted means, median of monthly medians)."""
    weights = rows["days_logged"].to_numpy(dtype=float)
    logged = weights > 0

    def weighted(column: str) -> float:
        values = rows[column].to_numpy(dtype=float)
        ok = logged & ~np.isnan(values)
        return float(np.average(values[ok], weights=weights[ok])) if ok.any() else np.nan

    return {
        "days_logged": float(weights.sum()),
        "median": float(rows["median"].median()),
        "mean": weighted("mean"),
        "worst": float(rows["worst"].max()),
        "radiation_share": weighted("radiation_share"),
        "numbness_share": weighted("numbness_share"),
        "tingling_share": weighted("tingling_share"),
        "back_median": float(rows["back_median"].median()),
        "leg_median": float(rows["leg_median"].median()),
        "back_days": int(rows["back_days"].sum()),
        "leg_days": int(rows["leg_days"].sum()),
        # The dates it spans: "2016 (7 months)" ran from 3 Jul 2016 to 28 Jan 2017.
        "label": f"{_dates(rows)} ({len(rows)} months)",
        "since": _span(rows["since"].iloc[0], rows["since"].iloc[-1]),
        "year": year,
        "days_elapsed": MONTH_DAYS * len(rows),
        "partial": False,
        "folded": True,
    }


def _dates(rows: pd.DataFrame) -> str:
    """'3 Jul 16 - 28 Jan 17': from the first month's first day to the last month's last."""
    first = pd.Timestamp(rows["start"].iloc[0])
    last = pd.Timestamp(rows["start"].iloc[-1]) + pd.Timedelta(days=MONTH_DAYS - 1)
    return f"{first.day} {first:%b %y} - {last.day} {last:%b %y}"


def _span(first: str, last: str) -> str:
    """'3-14', or one value when both ends agree."""
    return first if first == last else f"{first}-{last}"
