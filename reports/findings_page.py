"""Page 4: every finding in full (new symptoms, reach, back and leg pain, each event's
before and after, back-filled days) and the months in one table."""

from __future__ import annotations

from matplotlib.figure import Figure

from reports import charts
from reports.style import BODY_PT, GREY, HEADING_PT, PT_H, SMALL_PT, Flow, new_page, page_title
from tracker.report_data import ReportData
from tracker.wording import short_date, spread_findings

MAX_BACKFILLED_DATES = 40


def findings_page(data: ReportData) -> Figure:
    """The findings in full, then month by month."""
    fig = new_page()
    y = page_title(
        fig,
        "What changed, in full, and month by month",
        "Each finding with the weeks it rests on; events compared on the 14 days either side "
        "(descriptive, not causal).",
    )
    flow = Flow(fig, y=y, bottom=60)
    findings = spread_findings(data.spread)
    if findings:
        flow.bullets(findings, SMALL_PT + 0.5)
    else:
        flow.text(
            "No new symptoms, no change in how far down a limb pain or numbness reaches.",
            BODY_PT,
            color=GREY,
        )
    days = data.spread.completeness.backfilled_days
    if days:
        listed = ", ".join(short_date(d) for d in days[:MAX_BACKFILLED_DATES])
        more = len(days) - MAX_BACKFILLED_DATES
        tail = f" and {more} more" if more > 0 else ""
        flow.space(2)
        flow.text(
            f"Back-filled (typed on a later day than the one they describe), entries for: "
            f"{listed}{tail}.",
            SMALL_PT,
            color="#333333",
        )
    flow.space(10)
    flow.text("Month by month", HEADING_PT, weight="bold")
    charts.monthly_table(fig, flow.y + 2, data, bottom=PT_H - 60)
    return fig
