"""Everything the appointment report shows, gathered and computed before any drawing starts.

Built by tracker.report_inputs (from the diary), drawn by reports/ (which recomputes
nothing). Standard library and the analysis' result types only: no storage, no numpy.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from tracker.analysis.calendar import DayZero
from tracker.analysis.provokes import BeforeAfter, Provokes
from tracker.analysis.series import WeekBackLeg, WeekMean
from tracker.analysis.spread import Spread
from tracker.analysis.treatments import Medicines, TreatmentRow
from tracker.analysis.trend import Verdict
from tracker.domain import Entry, Event


@dataclass(frozen=True)
class ReportData:
    """The inputs of one report; built by the `tracker report` command, drawn by reports/."""

    generated_on: dt.date
    as_of: dt.date  # the verdict's as-of day (default: today)
    period_start: dt.date | None  # --since, or None for "from the first entry"
    period_end: dt.date  # --until, or as_of
    name: str | None  # --name: the patient's name as it should appear on the report
    entries: tuple[Entry, ...]  # entries within the period, sorted by day then typing time
    events: tuple[Event, ...]  # every event, surgeries included, sorted by day
    day0: DayZero | None  # the verdict's day 0: latest surgery on or before as_of, else first entry
    verdict: Verdict
    flare_centres: tuple[float, ...]  # flare weeks, as bin-centre days since day 0
    spread: Spread
    daily_pain: dict[dt.date, float]  # mean pain of each logged day of the period
    weekly_pain: tuple[WeekMean, ...]  # every week of the period with an entry, since day 0
    weekly_back_leg: tuple[WeekBackLeg, ...]  # weeks with back or leg pain rated by location
    # What provokes it (issue 9): shares of days each activity made the pain worse or eased
    # it (since day 0, by month, all / back / leg), pattern notes with their days, nights
    # woken, numbness by skin area, and the weekly answers (walking minutes over time, the
    # nerve self-check with the date a failure first appeared, goals, clinic scores).
    # Sentences for them: tracker.provokes_wording (page_four_lines; page 1: nerve_sentence,
    # nights_sentence); the charts: reports/provokes_chart.py.
    provokes: Provokes | None = None
    # The latest surgery's pain before against the best since and now (issue 14); None
    # when that surgery has no pain before recorded. Lines: provokes_wording.before_after_lines.
    before_after: BeforeAfter | None = None
    # What each treatment did (issue 11, page 1): a row per treatment up to the period's
    # end (imaging left out), judged by its response or compared 14 days either side; and
    # the medicines on the period's last day with the mean daily MME now and at best
    # (tracker.analysis.treatments; docs/data.md#report-treatments). None: no regimens.
    treatments: tuple[TreatmentRow, ...] = ()
    medicines: Medicines | None = None
