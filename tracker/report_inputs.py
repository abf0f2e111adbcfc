"""Gather what `tracker trend` and `tracker report` need from the diary (repository + analysis).

Imported only inside those commands: it pulls in numpy and scipy through the analysis.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from sqlalchemy.orm import Session

from tracker import domain, medicines
from tracker import repository as repo
from tracker.analysis import provokes, series, spread, treatments, trend
from tracker.analysis.calendar import WEEK_DAYS
from tracker.errors import TrackerError
from tracker.report_data import ReportData


def surgery_days(session: Session) -> list[dt.date]:
    """Dates of every recorded surgery."""
    return [event.day for event in repo.list_events(session, kind="surgery")]


def trend_for(session: Session, as_of: dt.date, since: dt.date | None = None) -> trend.Verdict:
    """The worsening verdict over (date, pain) pairs from `since` on, as of a date."""
    pairs = [(day, pain) for day, pain in repo.pain_by_day(session) if not since or day >= since]
    return trend.worsening_verdict(pairs, surgery_days(session), as_of)


def before_after_for(session: Session, as_of: dt.date) -> provokes.BeforeAfter | None:
    """The latest surgery on or before as_of against the pain it was for, if that is known."""
    surgeries = [e for e in repo.list_events(session, kind="surgery") if e.day <= as_of]
    if not surgeries:
        return None
    latest = max(surgeries, key=lambda e: (e.day, e.id or 0))
    before = repo.pains_before(session).get(latest.id or 0)
    if before is None or not before.recorded:
        return None
    entries = repo.list_entries(session, latest.day, as_of)
    checks = repo.list_checks(session, latest.day, as_of)
    return provokes.before_after(entries, checks, latest.day, latest.title, before, as_of)


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
    daily = series.daily_pain(entries)
    events = tuple(repo.list_events(session))
    surgeries = [e.day for e in events if e.kind == "surgery"]
    pairs = [(e.day, e.pain) for e in entries]
    verdict = trend.worsening_verdict(pairs, surgeries, as_of)
    day0, level = verdict.day0, verdict.level
    # Flares are found on weekly bins: the verdict's own when it used weeks (the same bins of
    # the same daily values), so they are not computed twice.
    weekly = (
        verdict.bins
        if verdict.bin_days == WEEK_DAYS
        else trend.weekly_bins(pairs, surgeries, as_of)
    )
    best = level.best if level else None
    # Each entry's back and leg pain, read once for the spread and the weekly lines.
    located = series.back_leg_daily(entries)
    found = spread.symptom_spread(
        entries,
        events,
        day0,
        as_of,
        best_centres=(best.first_centre, best.last_centre) if best else None,
        bin_days=verdict.bin_days,
        period_start=since,
        period_end=end,
        located=located,
    )
    before_after = before_after_for(session, as_of)
    # Treatments are judged on the entries around them, also those before --since.
    around = tuple(repo.list_entries(session, None, end)) if since else entries
    regimens = repo.list_regimens(session)
    doses = medicines.days_of_doses(regimens, repo.list_doses(session, None, end), None, end)
    mme = medicines.mme_by_day(doses)
    return ReportData(
        generated_on=today,
        as_of=as_of,
        period_start=since,
        period_end=end,
        name=domain.clean_text(name, "name", 100),
        entries=entries,
        events=events,
        day0=day0,
        verdict=verdict,
        flare_centres=tuple(trend.flare_bin_centres(weekly)),
        spread=found,
        daily_pain=daily,
        weekly_pain=series.weekly_pain(daily, day0.day) if day0 else (),
        weekly_back_leg=series.weekly_back_leg(entries, day0.day, located) if day0 else (),
        provokes=provokes.provokes(
            entries,
            repo.list_checks(session, since, end),
            max((day for day in surgeries if day <= as_of), default=None),
            min(as_of, end),
        ),
        before_after=before_after,
        treatments=treatments.treatment_rows(
            events,
            around,
            mme,
            changes=found.events,
            before_after=before_after,
            since=since,
            until=end,
        ),
        medicines=treatments.medicines_now(regimens, doses, found.periods, end, since),
    )


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
