"""Page 4: what provokes it and how daily life is going (issue 9), what else changed that
page 1 does not say (new symptoms with the weeks they rest on, treatments page 1 had no
room for, back-filled days), and the months in one compact table."""

from __future__ import annotations

from matplotlib.figure import Figure

from reports import charts
from reports.header_page import shown_treatments
from reports.style import BODY_PT, GREY, HEADING_PT, PT_H, Flow, new_page, page_title
from tracker.provokes_wording import provokes_lines
from tracker.report_data import ReportData
from tracker.wording import event_sentence, new_symptom_sentences, short_date

MAX_BACKFILLED_DATES = 40
TABLE_ROOM = 190.0  # points kept for the monthly table's heading, first rows and notes


def findings_page(data: ReportData) -> Figure:
    """What provokes it and daily life, what else changed, then month by month; the text
    at the smallest size where otherwise the months would be folded into years or a
    paragraph cut short (a wide fallback font for a name)."""
    for tight in (0, 2):
        fig, whole = _layout(data, tight, last=tight == 2)
        if whole:
            break
    return fig


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
    """The section on what provokes it (tracker.provokes_wording): the shares of days, the
    pattern notes, nights woken; then the weekly answers, a paragraph for each question group
    (the minutes, the nerve self-check, work and change)."""
    flow.text("What provokes it and how daily life is going", HEADING_PT, weight="bold")
    result = data.provokes
    lines = provokes_lines(result, compact=True) if result is not None else []
    if not lines:
        flow.text(
            "No movement, night or weekly answers in this period (tracker log --worse-with, "
            "--better-with, --woke; tracker week).",
            BODY_PT,
            color=GREY,
        )
        return
    flow.bullets(lines, flow.small)


def _changed(flow: Flow, data: ReportData) -> None:
    """New symptoms with the weeks they rest on, treatments page 1 did not list, and the
    back-filled days (page 1 already gives the reach, back against leg and the treatments)."""
    spread = data.spread
    lines = new_symptom_sentences(spread.new_symptoms, spread.as_of)
    listed = {row.event_id for row in shown_treatments(data)}
    earlier = {row.event_id for row in data.treatments} - listed
    lines += [event_sentence(c) for c in spread.events if c.event.id in earlier]
    flow.text("What else changed", HEADING_PT, weight="bold")
    if lines:
        flow.bullets(lines, flow.small)
    else:
        flow.text(
            "No new symptoms (a new place, radiation, numbness or tingling) in this period.",
            flow.small,
            color=GREY,
        )
    days = spread.completeness.backfilled_days
    if days:
        listed_days = ", ".join(short_date(d) for d in days[:MAX_BACKFILLED_DATES])
        more = len(days) - MAX_BACKFILLED_DATES
        tail = f" and {more} more" if more > 0 else ""
        flow.space(2)
        flow.text(
            f"Back-filled (typed on a later day than the one they describe), entries for: "
            f"{listed_days}{tail}.",
            flow.small,
            color="#333333",
        )
