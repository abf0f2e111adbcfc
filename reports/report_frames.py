"""The report's numbers as pandas tables: daily and weekly pain, symptoms by region and month."""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence

import numpy as np
import pandas as pd

from tracker.analysis.spread import MONTH_FIGURES, located_pain
from tracker.analysis.trend import DAYS_PER_MONTH as MONTH_DAYS
from tracker.analysis.trend import MIN_DAYS_PER_BIN as MIN_DAYS_PER_WEEK
from tracker.analysis.trend import WEEK_DAYS
from tracker.domain import Entry
from tracker.regions import NAMES

MAX_TABLE_ROWS = 34

# Symptom panels: title, key in spread.region_month_counts, key in window_shares.
SYMPTOM_PANELS: tuple[tuple[str, str], ...] = (
    ("Pain", "pain"),
    ("Pain radiating into", "radiates"),
    ("Numbness or tingling", "numb_tingling"),
    ("Weakness", "weak"),
)
REGION_ORDER = {name: i for i, name in enumerate(NAMES)}
TABLE_COLUMNS = ("days_logged", *MONTH_FIGURES)


def daily_pain(entries: Sequence[Entry]) -> pd.Series:
    """Mean overall pain per logged day (DatetimeIndex, sorted)."""
    if not entries:
        return pd.Series(dtype=float, index=pd.DatetimeIndex([], name="day"))
    frame = pd.DataFrame(
        {"day": pd.to_datetime([e.day for e in entries]), "pain": [e.pain for e in entries]}
    )
    return frame.groupby("day")["pain"].mean().sort_index()


def weekly_means(daily: pd.Series, day0: dt.date) -> pd.DataFrame:
    """7-day bins anchored at day 0: index, centre date, mean, logged days, valid (>= 3 days)."""
    if daily.empty:
        return pd.DataFrame(columns=["index", "centre", "mean", "n_days", "valid"])
    offset = (daily.index - pd.Timestamp(day0)).days.to_numpy()
    index = np.floor_divide(offset, WEEK_DAYS)
    grouped = pd.DataFrame({"index": index, "pain": daily.to_numpy()}).groupby("index")["pain"]
    weeks = pd.DataFrame({"mean": grouped.mean(), "n_days": grouped.size()}).reset_index()
    centre_days = weeks["index"] * WEEK_DAYS + (WEEK_DAYS - 1) / 2
    weeks["centre"] = pd.Timestamp(day0) + pd.to_timedelta(centre_days, unit="D")
    weeks["valid"] = weeks["n_days"] >= MIN_DAYS_PER_WEEK
    return weeks


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


def back_leg_weekly(entries: Sequence[Entry], day0: dt.date) -> pd.DataFrame:
    """Weekly means of daily back and leg pain (each entry's highest rated back / leg site)."""
    days, backs, legs = [], [], []
    for entry in entries:
        back = located_pain(entry, "back")
        leg = located_pain(entry, "leg")
        if back is not None or leg is not None:
            days.append(entry.day)
            backs.append(np.nan if back is None else back)
            legs.append(np.nan if leg is None else leg)
    if not days:
        return pd.DataFrame()
    frame = pd.DataFrame({"day": pd.to_datetime(days), "back": backs, "leg": legs})
    daily = frame.groupby("day")[["back", "leg"]].mean()
    offset = (daily.index - pd.Timestamp(day0)).days.to_numpy()
    daily["index"] = np.floor_divide(offset, WEEK_DAYS)
    grouped = daily.groupby("index")
    weeks = grouped[["back", "leg"]].mean().join(grouped["back"].size().rename("n_days"))
    weeks = weeks.reset_index()
    weeks["centre"] = pd.Timestamp(day0) + pd.to_timedelta(
        weeks["index"] * WEEK_DAYS + (WEEK_DAYS - 1) / 2, unit="D"
    )
    weeks["valid"] = weeks["n_days"] >= MIN_DAYS_PER_WEEK
    return weeks


def region_matrix(counts: dict[str, dict[int, int]], months: Sequence[int]) -> pd.DataFrame:
    """Days present per region (rows, proximal to distal) and month index (columns)."""
    if not counts or not months:
        return pd.DataFrame(index=pd.Index([], name="region"), columns=list(months), dtype=float)
    frame = pd.DataFrame.from_dict(counts, orient="index").reindex(columns=list(months))
    frame = frame.fillna(0).astype(float)
    order = sorted(frame.index, key=lambda name: REGION_ORDER.get(name, len(REGION_ORDER)))
    return frame.loc[order]


def top_rows(matrix: pd.DataFrame, limit: int) -> tuple[pd.DataFrame, int]:
    """The `limit` regions with most days (kept in body order), and how many were left out."""
    if len(matrix) <= limit:
        return matrix, 0
    keep = set(matrix.sum(axis=1).nlargest(limit).index)
    return matrix.loc[[name for name in matrix.index if name in keep]], len(matrix) - limit


def window_shares(
    entries: Sequence[Entry], first: dt.date, last: dt.date
) -> tuple[int, dict[str, dict[str, float]]]:
    """Logged days in [first, last] and, per kind (pain, radiates, numb, weak), region shares."""
    inside = [e for e in entries if first <= e.day <= last]
    logged = len({e.day for e in inside})
    present: dict[str, dict[str, set[dt.date]]] = {}
    for entry in inside:
        named = {
            "pain": [s.region for s in entry.where],
            "radiates": entry.radiates,
            "numb": entry.numb + entry.tingling,
            "weak": entry.weak,
        }
        for kind, names in named.items():
            for region in names:
                present.setdefault(kind, {}).setdefault(region, set()).add(entry.day)
    shares = {
        kind: {region: len(days) / logged for region, days in found.items()}
        for kind, found in present.items()
    }
    return logged, shares


def monthly_frame(rows: Sequence[dict], last: dt.date) -> pd.DataFrame:
    """spread's monthly rows as a table with 'label' (dates, cut at `last`) and 'since' columns."""
    if not rows:
        return pd.DataFrame()
    frame = pd.DataFrame(list(rows))
    for column in TABLE_COLUMNS:
        if column not in frame:
            frame[column] = np.nan
    frame[list(TABLE_COLUMNS)] = frame[list(TABLE_COLUMNS)].astype(float)
    starts = pd.to_datetime(frame["start"])
    ends = (starts + pd.Timedelta(days=MONTH_DAYS - 1)).clip(upper=pd.Timestamp(last))
    frame["label"] = [
        f"{a.day} {a:%b %y} - {b.day} {b:%b %y}" for a, b in zip(starts, ends, strict=True)
    ]
    frame["since"] = frame["month_index"].astype(int).astype(str)
    frame["year"] = starts.dt.year
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
        "back_median": float(rows["back_median"].median()),
        "leg_median": float(rows["leg_median"].median()),
        "label": f"{year} ({len(rows)} months)",
        "since": _span(rows["since"].iloc[0], rows["since"].iloc[-1]),
        "year": year,
    }


def _span(first: str, last: str) -> str:
    """'3-14', or one value when both ends agree."""
    return first if first == last else f"{first}-{last}"
