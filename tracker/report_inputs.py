"""Gather what `tracker trend` and `tracker report` need from the diary (repository + analysis).

Imported only inside those commands: it pulls in numpy and scipy through the analysis.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from sqlalchemy.orm import Session

from reports.report_data import ReportData
from tracker import domain
from tracker import repository as repo
from tracker.analysis import spread as spread_analysis
from tracker.analysis import trend as trend_analysis
from tracker.errors import TrackerError


def surgery_days(session: Session) -> list[dt.date]:
    """Dates of every recorded surgery."""
    return [event.day for event in repo.list_events(session, kind="surgery")]


def trend_for(session: Session, as_of: dt.date, since: dt.date | None = None) -> dict:
    """The worsening verdict over (date, pain) pairs from `since` on, as of a date."""
    pairs = [(day, pain) for day, pain in repo.pain_by_day(session) if not since or day >= since]
    return trend_analysis.worsening_verdict(pairs, surgery_days(session), as_of)


def report_data(
    session: Session,
    *,
    today: dt.date,
    as_of: dt.date | None = None,
    since: dt.date | None = None,
    until: dt.date | None = None,
    name: str | None = None,
) -> ReportData:
    """Everything the appointment report shows, for entries from `since` to `until`."""
    as_of = as_of or today
    end = until or as_of
    if since and since > end:
        if until:
            raise TrackerError(f"--since {since} is after --until {until}; swap them")
        raise TrackerError(
            f"--since {since} is after the day the report ends ({end}, the --as-of day or"
            " today); give an earlier --since"
        )
    entries = tuple(repo.list_entries(session, since, end))
    events = tuple(repo.list_events(session))
    surgeries = [e.day for e in events if e.kind == "surgery"]
    pairs = [(e.day, e.pain) for e in entries]
    trend = trend_analysis.worsening_verdict(pairs, surgeries, as_of)
    weekly = trend_analysis.weekly_bins(pairs, surgeries, as_of)
    return ReportData(
        generated_on=today,
        as_of=as_of,
        period_start=since,
        period_end=end,
        name=domain.clean_text(name, "name", 100),
        entries=entries,
        events=events,
        day0=domain.surgery_day_zero(events, as_of),
        trend=trend,
        verdict_sentences=tuple(trend_analysis.describe_verdict(trend)),
        flare_centres=tuple(trend_analysis.flare_bin_centres(weekly)),
        spread=spread_analysis.symptom_spread(
            entries, events, trend, as_of, period_start=since, period_end=end
        ),
    )


def key_numbers(trend: dict) -> list[str]:
    """A few lines of the numbers behind a verdict, for `tracker trend`."""
    bins = "weeks" if trend.get("bin_days") == 7 else "14-day periods"
    lines = [
        f"Usable {bins}: {trend['n_valid_bins']} (entries on 3 or more days each); "
        f"span {trend['span_days'] or 0} days; {trend['n_logged_days']} days logged."
    ]
    level = trend.get("level") or {}
    if "current_level" in level and "reference_level" in level:
        lines.append(
            f"Last 6 weeks: median {level['current_level']:.1f}/10; best {_after(trend)}: "
            f"{level['reference_level']:.1f}/10; change {level['delta']:+.1f} points "
            f"(needs {level['threshold']:.1f} to matter)."
        )
    slope = trend.get("trend") or {}
    if "theil_sen_slope_per_30d" in slope:
        low, high = slope["theil_sen_ci95_per_30d"]
        lines.append(
            f"Steady trend: {slope['theil_sen_slope_per_30d']:+.2f} points a month "
            f"(95 % CI {low:+.2f} to {high:+.2f}); Mann-Kendall p = {slope['mk']['p_hr']:.3g} "
            "(Hamed-Rao, corrected for autocorrelation)."
        )
    return lines


def _after(trend: dict) -> str:
    """'after surgery', or 'since the diary began' when no surgery is recorded."""
    return "since the diary began" if trend.get("anchor") == "first_entry" else "after surgery"


def check_out_path(out: Path, suffix: str = ".pdf") -> Path:
    """An output file path whose folder exists and which is not itself a folder."""
    out = out.expanduser()
    if out.is_dir():
        raise TrackerError(f"{out} is a folder; give a file name, e.g. {out / ('report' + suffix)}")
    if not out.parent.is_dir():
        raise TrackerError(f"the folder {out.parent} does not exist; create it or choose another")
    return out


def png_folder(path: Path) -> Path:
    """The folder for chart PNGs: created if its parent exists."""
    path = path.expanduser()
    if path.exists() and not path.is_dir():
        raise TrackerError(f"{path} is a file, not a folder for the charts")
    if not path.parent.is_dir():
        raise TrackerError(f"the folder {path.parent} does not exist; create it or choose another")
    path.mkdir(mode=0o700, exist_ok=True)
    return path
