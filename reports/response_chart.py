"""What a nerve block, an injection or a stimulator trial did, reading by reading (page 2):
the pain it was judged on against the hours (a block) or days (an injection, a trial) after
it, with the baseline and the relief threshold used, from tracker.analysis.response.judge's
results (ReportData.treatments, each judged row's response). Nothing is drawn, and no room
taken, when the diary has no judged procedure.
"""

from __future__ import annotations

import math
from collections.abc import Sequence

from matplotlib.axes import Axes
from matplotlib.figure import Figure

from reports.style import (
    BLUE,
    BODY_PT,
    GREEN,
    GREY,
    PT_W,
    SMALL_PT,
    Flow,
    axes_at,
)
from reports.text import EVENT_LABELS
from tracker.analysis.response import Response, after_text, daily_pain
from tracker.analysis.treatments import detail, judged_responses
from tracker.report_data import ReportData
from tracker.wording import short_date

PANEL_HEIGHT = 50.0  # the axes of one response chart, in points
COLUMN_GAP = 28.0
HOURS_DRAWN = 12  # a block's chart runs to 8 h, or to its last reading within 12 h
MAX_LISTED = 8  # a block's readings listed in words beneath its chart, up to this many


def responses_shown(data: ReportData, limit: int = 2) -> tuple[Response, ...]:
    """The responses page 2 charts: the latest judged block, the latest injection or trial
    (tracker.analysis.treatments.judged_responses), `limit` of them at most."""
    return judged_responses(data.treatments, limit)


def response_row(flow: Flow, data: ReportData, numbers: dict[int, int], limit: int = 2) -> None:
    """Up to two response charts side by side, each with its title above and its figures
    beneath; a single one has its figures beside it. `numbers`: the event numbers of the
    course charts, by event id."""
    if flow.dry:
        flow.y += row_height(flow, data, numbers, limit)
        return
    shown = responses_shown(data, limit)
    if not shown:
        return
    flow.text(ROW_HEADING, BODY_PT, weight="bold")
    flow.space(2)
    top, bottom = flow.y, flow.y
    for column, (left, width) in enumerate(_columns(flow)[: len(shown)]):
        response = shown[column]
        col = Flow(flow.fig, y=top, left=left, right=PT_W - left - width, bottom=flow.bottom)
        col.text(panel_title(response, numbers.get(response.event.id or -1)), SMALL_PT,
                 weight="bold")  # fmt: skip
        ax = axes_at(flow.fig, left + AXES_INDENT, col.y + 3, width - AXES_INDENT - 4,
                     PANEL_HEIGHT)  # fmt: skip
        draw_response(ax, response)
        col.y += PANEL_HEIGHT + _below_axes(response)
        bottom = max(bottom, col.y)
        if len(shown) == 1:  # its figures beside it, in the other column
            left, width = _columns(flow)[1]
            col = Flow(flow.fig, y=top, left=left, right=PT_W - left - width, bottom=flow.bottom)
        col.text(panel_caption(response), SMALL_PT, color="#333333")
        bottom = max(bottom, col.y)
    flow.y = bottom + 2


ROW_HEADING = "What each procedure did, reading by reading"
AXES_INDENT = 26.0  # room for the pain axis' ticks and label


def _columns(flow: Flow) -> list[tuple[float, float]]:
    """(left, width) in points of the two columns."""
    width = (flow.width - COLUMN_GAP) / 2
    return [(flow.left, width), (flow.left + width + COLUMN_GAP, width)]


def _below_axes(response: Response) -> float:
    """Room under the axes for its tick labels (and 'days after')."""
    return 20.0 if in_hours(response) else 29.0


def row_height(flow: Flow, data: ReportData, numbers: dict[int, int], limit: int = 2) -> float:
    """The points response_row takes in this flow (0 with nothing to chart)."""
    shown = responses_shown(data, limit)
    if not shown:
        return 0.0
    columns = _columns(flow)
    tall = 0.0
    for column, response in enumerate(shown):
        width = columns[column][1]
        probe = Flow(Figure(), y=0.0, left=0.0, right=PT_W - width)
        title = probe.height_of(panel_title(response, numbers.get(response.event.id or -1)),
                                SMALL_PT, bold=True)  # fmt: skip
        chart = title + PANEL_HEIGHT + _below_axes(response)
        caption = probe.height_of(panel_caption(response), SMALL_PT)
        tall = max(tall, max(chart, caption) if len(shown) == 1 else chart + caption)
    return flow.height_of(ROW_HEADING, BODY_PT, bold=True) + 2 + tall + 2


def in_hours(response: Response) -> bool:
    return not response.lasted_in_days


def panel_title(response: Response, number: int | None) -> str:
    """'3  Nerve block (left, L4-L5), 4 Nov 2026 09:00: back pain, hours after' (the
    number and the line style lead to its full name in the key above)."""
    event = response.event
    when = short_date(event.day) + (f" {event.time:%H:%M}" if event.time else "")
    by = "hours" if in_hours(response) else "days"
    first = f"{number}  " if number else ""
    what = EVENT_LABELS.get(event.kind, event.kind)
    where = detail(event)
    where = f" ({where})" if where else ""
    return f"{first}{what}{where}, {when}: {response.target} pain, {by} after"


def panel_caption(response: Response) -> str:
    """The figures the chart shows, in words: baseline, peak relief and when, how long
    relief of at least the threshold lasted, the verdict with its threshold."""
    from tracker.analysis.treatments import response_verdict

    assert response.baseline is not None and response.peak_relief_pct is not None
    assert response.peak_hours_after is not None
    after = after_text(response.peak_hours_after, not in_hours(response))
    best = "" if in_hours(response) else " on the best day"
    lasted = (
        f"relief of at least {response.threshold_pct} % lasted {response.lasted_text}"
        if response.reached
        else f"relief never reached {response.threshold_pct} %"
    )
    text = (
        f"Baseline {response.baseline:g}/10 (median of the 7 logged days before). "
        f"Peak relief {response.peak_relief_pct:g} %{best} ({after} after); "
        f"{lasted}: {response_verdict(response)}."
    )
    if in_hours(response) and len(response.readings) <= MAX_LISTED:
        hours = " / ".join(f"{round(r.hours_after, 1):g}" for r in response.readings)
        reliefs = " / ".join(f"{r.relief_pct:g}" for r in response.readings)
        text += f" Relief at {hours} h: {reliefs} %."
    if response.median_relief_pct is not None:
        text += f" Median daily relief over the trial {response.median_relief_pct:g} %."
    return text


def draw_response(ax: Axes, response: Response) -> None:
    """The readings' pain against hours or days after, the baseline (dashed) and the pain
    that is the threshold's relief (dotted), each labelled; the peak relief marked."""
    assert response.baseline is not None
    hours = in_hours(response)
    points = _points(response)
    xs, ys = [x for x, _ in points], [y for _, y in points]
    base = response.baseline
    line = base * (1 - response.threshold_pct / 100)
    right = _x_end(xs, hours)
    ax.set_xlim(0, right)
    ax.set_ylim(-0.3, 10.8)
    ax.axvline(0, color=BLUE, linestyle=(0, (1, 1.6)), linewidth=1.4, zorder=1)
    ax.hlines(base, 0, right, colors=GREY, linestyles="--", linewidth=1.0, zorder=2)
    ax.hlines(line, 0, right, colors=GREEN, linestyles=":", linewidth=1.4, zorder=2)
    ax.plot(xs, ys, color=BLUE, linewidth=1.3, marker="o", markersize=3.2, zorder=4, clip_on=True)
    assert response.peak_hours_after is not None
    px = response.peak_hours_after / (1.0 if hours else 24.0)
    py = next(y for x, y in points if x == px)
    early = px < right / 2  # the peak's label on its side, the lines' labels on the other
    label_x = right * (0.98 if early else 0.02)
    ha = "right" if early else "left"
    box = {"facecolor": "white", "edgecolor": "none", "pad": 0.6, "alpha": 0.85}
    ax.text(label_x, base + 0.35, f"baseline {base:g}/10", fontsize=SMALL_PT, ha=ha,
            va="bottom", color=GREY, bbox=box, zorder=5)  # fmt: skip
    ax.text(label_x, line - 0.35, f"{response.threshold_pct} % relief: {line:g}/10",
            fontsize=SMALL_PT, ha=ha, va="top", color="#00704F", bbox=box, zorder=5)  # fmt: skip
    ax.annotate(
        f"peak {response.peak_relief_pct:g} %" if px <= right else "",
        (px, py),
        xytext=(6 if early else -6, 0),
        textcoords="offset points",
        fontsize=SMALL_PT,
        ha="left" if early else "right",
        va="center",
        color=BLUE,
        bbox=box,
        zorder=6,
    )
    ax.set_yticks([0, 5, 10])
    ax.tick_params(labelsize=SMALL_PT)
    ax.set_xticks(_x_ticks(right, hours))
    ax.set_xticklabels([f"{t:g} h" if hours else f"{t:g}" for t in _x_ticks(right, hours)])
    if not hours:
        ax.set_xlabel("days after", fontsize=SMALL_PT, labelpad=1)
    ax.set_ylabel("Pain", fontsize=SMALL_PT, labelpad=1)
    ax.grid(axis="y", color="#E4E4E4", linewidth=0.6, zorder=0)


def _points(response: Response) -> list[tuple[float, float]]:
    """What the chart plots: a block's readings (hours after, pain); for an injection or a
    trial, judged day by day, each day's mean pain at its first reading (days after)."""
    if in_hours(response):
        return [(r.hours_after, r.pain) for r in response.readings]
    return [(hours / 24, pain) for hours, pain in daily_pain(response.readings).values()]


def _x_end(xs: Sequence[float], hours: bool) -> float:
    """The x-axis end: 8 hours (a block's readings are due up to 8 h) or the last reading."""
    last = max(xs, default=0.0)
    if hours:  # a reading the next morning is left to the words beneath (0-8 h stays legible)
        within = max((x for x in xs if x <= HOURS_DRAWN), default=0.0)
        return max(8.5, math.ceil(within) + 0.5)
    return max(7.0, math.ceil(last) + 1.0)


def _x_ticks(right: float, hours: bool) -> list[float]:
    step = 2 if right <= 10 else 4 if right <= 24 else 7 if right <= 50 else 14
    if not hours:
        step = 1 if right <= 8 else 2 if right <= 15 else 7
    return [float(t) for t in range(0, int(right) + 1, step)]
