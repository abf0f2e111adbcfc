"""Everything the appointment report shows, gathered before any drawing starts."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

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
    day0: dt.date | None  # latest surgery on or before as_of (None: no surgery recorded)
    trend: dict  # tracker.analysis.trend.worsening_verdict(...) output (TREND_SPEC "Output")
    verdict_sentences: tuple[str, ...]  # tracker.analysis.trend.describe_verdict(trend)
    flare_centres: tuple[float, ...]  # flare weeks, as bin-centre days since the trend's day 0
    spread: dict  # tracker.analysis.spread.symptom_spread(...) output
