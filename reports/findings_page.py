"""Page 4: what provokes it month by month and how daily life is going (issue 9; charts in
reports/provokes_chart.py), what else changed that
page 1 does not say (new symptoms with the weeks they rest on, treatments page 1 had no
room for, back-filled days), and the months in one compact table."""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence

from matplotlib.figure import Figure

from reports import charts
from reports.header_page import earlier_treatments, treatment_sentence
from reports.provokes_chart import minutes_chart, movement_heatmap
from reports.style import BODY_PT, GREY, HEADING_PT, MIN_PT, PT_H, Flow, new_page, page_title
from tracker.analysis.provokes import MONTH_MIN_ANSWERED
from tracker.provokes_wording import page_four_lines
from tracker.report_data import ReportData
from tracker.wording import new_symptoms_line

MAX_BACKFILLED_DATES = 40
TABLE_ROOM = 190.0  # points kept for the monthly table's heading, first rows and notes


def findings_page(data: ReportData) -> Figure:
    """What provokes it month by month (a heat map, the minutes beneath it, the pattern
    notes and the weekly answers), what else changed, then month by month; tighter (a lower
    minutes chart, then the text at 8 pt) where otherwise the months would be folded into
    years or a paragraph cut short (a wide fallback font for a name)."""
    for tight in (0, 1, 2):
        fig, whole = _layout(data, tight, last=tight == 2)
        if whole:
            break
    return fig


MINUTES_PT = {0: 50.0, 1: 42.0, 2: 36.0}  # the minutes chart's height at each tightness
CAPTION = (
    "% of the month's days answered (grey) on which each activity made that pain worse or "
    "eased it; months since surgery from 1 (month 1 = the first 30 days; * partial); "
    "hatched: under {least} days (nights) answered; all: since surgery."
)


def _layout(data: ReportData, tight: int, last: bool) -> tuple[Figure, bool]:
    """The page at one tightness; and whether everything fitted whole. A page that is not
    the last try and does not fit is thrown away, so its table is not drawn (on a long
    diary it is most of the page's cost)."""
    fig = new_page()
    y = page_title(fig, "What provokes it, daily life, and month by month")
    flow = Flow(fig, y=y, bottom=60 + TABLE_ROOM, tight=tight)
    _provokes(flow, data)
    flow.space(6)
    _changed(flow, data)
    flow.bottom = 60
    flow.space(8)
    flow.text("Month by month", HEADING_PT, weight="bold")
    rows_fit = charts.table_rows_fit(flow.y + 2, PT_H - 60)
    whole = not flow.overflowed() and rows_fit >= len(data.spread.monthly)
    if whole or last:
        charts.monthly_table(fig, flow.y + 2, data, bottom=PT_H - 60)
    return fig, whole


def _provokes(flow: Flow, data: ReportData) -> None:
    """What provokes it: the heat map of the shares by month (back against leg, nights
    woken), the minutes walked, sat and stood beneath it on the same months, then the
    pattern notes with their days and the weekly answers in a line
    (tracker.provokes_wording.page_four_lines)."""
    flow.text("What provokes it, month by month", HEADING_PT, weight="bold")
    result = data.provokes
    lines = page_four_lines(result) if result is not None else []
    if result is None or (result.by_month is None and not lines):
        flow.text(
            "No movement, night or weekly answers in this period: the diary holds no answers"
            " to what made the pain worse or eased it, nights woken, or the weekly check.",
            BODY_PT,
            color=GREY,
        )
        return
    if result.by_month is not None:
        flow.text(CAPTION.format(least=MONTH_MIN_ANSWERED), MIN_PT, color=GREY)
        flow.y = movement_heatmap(flow.fig, flow.y + 1, result)
        if any(course.points for course in result.weekly.minutes):
            flow.space(12)  # the chart's key above it
            flow.y = minutes_chart(flow.fig, flow.y, MINUTES_PT[flow.tight], result)
        flow.space(6)
    flow.bullets(lines, flow.small)


def _changed(flow: Flow, data: ReportData) -> None:
    """New symptoms with the weeks they rest on, treatments page 1 did not list, and the
    back-filled days (page 1 already gives the reach, back against leg and the treatments)."""
    spread = data.spread
    new = new_symptoms_line(spread.new_symptoms, spread.as_of)
    # The treatments page 1 had no room for, in its table's terms (peak relief, how long,
    # the verdict), so that an injection here reads as one on page 1 does.
    earlier = earlier_treatments(data)
    flow.text("What else changed", HEADING_PT, weight="bold")
    if new:
        flow.bullets([new], flow.small)
    if earlier:
        flow.text(
            f"Earlier treatments ({len(earlier)}; page 1's table lists the latest)",
            flow.small,
            weight="bold",
        )
        flow.bullets([treatment_sentence(row) for row in earlier], flow.small)
    if not new and not earlier:
        flow.text(
            "No new symptoms (a new place, radiation, numbness or tingling) in this period.",
            flow.small,
            color=GREY,
        )
    days = spread.completeness.backfilled_days
    if days:
        listed_days = compact_dates(days[:MAX_BACKFILLED_DATES])
        more = len(days) - MAX_BACKFILLED_DATES
        tail = f" and {more} more" if more > 0 else ""
        flow.space(2)
        flow.text(
            f"Back-filled (typed on a later day than the one they describe), entries for "
            f"{listed_days}{tail}.",
            flow.small,
            color="#333333",
        )


def compact_dates(days: Sequence[dt.date]) -> str:
    """'3, 24, 25 Oct 2025; 23, 31 Jan, 3 Feb 2026': each month and year said once."""
    years: dict[int, dict[int, list[int]]] = {}
    for day in sorted(days):
        years.setdefault(day.year, {}).setdefault(day.month, []).append(day.day)
    said = []
    for year, months in years.items():
        parts = [
            f"{', '.join(str(d) for d in numbers)} {dt.date(year, month, 1):%b}"
            for month, numbers in months.items()
        ]
        said.append(f"{', '.join(parts)} {year}")
    return "; ".join(said)
