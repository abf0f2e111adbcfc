"""What every dated chart of the report shares: one date span, one months-since-surgery axis,
one date format with its years, and the numbered events drawn and keyed the same way.

Every chart that runs over time (page 1's course, page 2's charts, page 3's months) takes
its x-axis from here, so an event's line sits at the same date on every page.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from typing import TypedDict

import matplotlib.dates as mdates
import numpy as np
import pandas as pd
from matplotlib.axes import Axes
from matplotlib.collections import LineCollection
from matplotlib.lines import Line2D
from matplotlib.ticker import Formatter, MaxNLocator

from reports import frames
from reports.style import (
    BLACK,
    BLUE,
    GREEN,
    GREY,
    MIN_PT,
    ORANGE,
    PT_H,
    PT_W,
    PURPLE,
    SMALL_PT,
    VERMILLION,
    Flow,
    chars_for,
    text_width,
)
from reports.text import clip, event_label
from reports.text_layer import axes_text
from tracker.analysis.calendar import DayZero
from tracker.domain import Event
from tracker.report_data import ReportData
from tracker.wording import is_surgery, short_date

MONTH = 30.4375
MAX_EVENT_KEYS = 14


class LineStyle(TypedDict):
    """How an event's vertical line is drawn."""

    color: str
    linestyle: str | tuple[float, tuple[float, ...]]
    linewidth: float


# One colour and line style per kind of event: no two kinds look alike.
EVENT_STYLE: dict[str, LineStyle] = {
    "surgery": {"color": BLACK, "linestyle": "-", "linewidth": 1.6},
    "injection": {"color": BLUE, "linestyle": "--", "linewidth": 1.1},
    "nerve-block": {"color": BLUE, "linestyle": (0, (1, 1.6)), "linewidth": 1.4},
    "medication-start": {"color": ORANGE, "linestyle": ":", "linewidth": 1.4},
    "medication-stop": {"color": ORANGE, "linestyle": ":", "linewidth": 1.4},
    "medication-change": {"color": ORANGE, "linestyle": ":", "linewidth": 1.4},
    "physical-therapy": {"color": GREEN, "linestyle": "-", "linewidth": 1.1},
    "stimulator-trial": {"color": PURPLE, "linestyle": "--", "linewidth": 1.1},
    "stimulator-implant": {"color": PURPLE, "linestyle": "-", "linewidth": 1.3},
}
OTHER_EVENT: LineStyle = {"color": GREY, "linestyle": "-.", "linewidth": 1.0}
BACK_STYLE = {"color": BLUE, "linestyle": "-", "marker": "o", "label": "back pain"}
LEG_STYLE = {"color": VERMILLION, "linestyle": "--", "marker": "s", "label": "leg pain"}


def style_of(event: Event) -> LineStyle:
    """The line style of an event's kind."""
    return EVENT_STYLE.get(event.kind, OTHER_EVENT)


def num(day: dt.date | pd.Timestamp) -> float:
    """A date as a matplotlib date number."""
    return float(mdates.date2num(pd.Timestamp(day)))


def nums(days: pd.DatetimeIndex | Sequence[dt.date]) -> np.ndarray:
    """Dates as matplotlib date numbers."""
    return np.asarray(mdates.date2num(pd.DatetimeIndex(days)), dtype=float)


def x_span(data: ReportData) -> tuple[float, float] | None:
    """The dates every chart shows: the period, widened to a recent surgery just before it;
    None when there is nothing to chart."""
    daily = frames.daily_series(data.daily_pain)
    if daily.empty or data.day0 is None:
        return None
    day0 = data.day0.day
    first = data.period_start or daily.index[0].date()
    if is_surgery(data.day0) and 0 <= (first - day0).days <= 120:
        first = day0
    last = max(data.period_end, daily.index[-1].date())
    pad = max(2.0, (last - first).days * 0.015)
    return num(first) - pad, num(last) + pad


class _DateLabels(Formatter):
    """Month names (days on short spans), with the year on the first tick and each January."""

    def __init__(self, short: bool) -> None:
        self.short = short

    def __call__(self, x: float, pos: int | None = None) -> str:
        day = mdates.num2date(x)
        text = f"{day.day} {day:%b}" if self.short else f"{day:%b}"
        first = pos == 0 or (day.month == 1 and (self.short is False or day.day == 1))
        return f"{text}\n{day.year}" if first else text


def _date_ticks(span: tuple[float, float]) -> tuple[mdates.AutoDateLocator, _DateLabels]:
    """Where the date axis puts its ticks over the span, and how it labels them."""
    short = span[1] - span[0] < 100
    locator = mdates.AutoDateLocator(minticks=4, maxticks=9)
    if not short:
        locator.intervald[mdates.MONTHLY] = [1, 2, 3, 6]
    return locator, _DateLabels(short)


def date_axis(ax: Axes, span: tuple[float, float], labels: bool = True) -> None:
    """The shared date axis: limits, ticks and labels with years."""
    ax.set_xlim(*span)
    locator, formatter = _date_ticks(span)
    ax.xaxis.set_major_locator(locator)
    ax.xaxis.set_major_formatter(formatter)
    ax.tick_params(axis="x", labelsize=SMALL_PT, labelbottom=labels)


def date_label_lines(span: tuple[float, float]) -> int:
    """How many lines the date axis's labels take over the span (a year adds one), from its
    locator and formatter alone (no axes made to ask)."""
    locator, formatter = _date_ticks(span)
    days = locator.tick_values(mdates.num2date(span[0]), mdates.num2date(span[1]))
    labels = formatter.format_ticks(list(days))
    return max((label.count("\n") + 1 for label in labels), default=1)


def months_axis(ax: Axes, day0: DayZero) -> None:
    """A top axis: months since surgery (or since the diary began)."""
    zero = num(day0.day)
    top = ax.secondary_xaxis(
        "top",
        functions=(
            lambda x: (np.asarray(x) - zero) / MONTH,
            lambda m: np.asarray(m) * MONTH + zero,
        ),
    )
    top.xaxis.set_major_locator(
        MaxNLocator(nbins=12, integer=True, steps=[1, 2, 3, 6, 10], min_n_ticks=1)
    )
    top.tick_params(labelsize=SMALL_PT)
    what = "surgery (" if is_surgery(day0) else "the first entry (no surgery recorded; "
    # Elapsed time on an axis, 0 at day 0; the tables' "month 1" is the span from 0 to 1
    # (docs/method.md#month-numbers), said here so that the two cannot be misread.
    top.set_xlabel(
        f"Months elapsed since {what}month 1 of the tables: 0 to 1)",
        fontsize=SMALL_PT,
        color=GREY,
        labelpad=2,
    )


def numbered_events(data: ReportData, span: tuple[float, float]) -> list[tuple[int, Event]]:
    """Events inside the charted dates, numbered in date order (surgeries always kept)."""
    shown = [e for e in data.events if span[0] <= num(e.day) <= span[1]]
    shown = sorted(shown, key=lambda e: (e.day, e.kind != "surgery"))
    if len(shown) > MAX_EVENT_KEYS:
        surgeries = [e for e in shown if e.kind == "surgery"]
        others = [e for e in shown if e.kind != "surgery"][-(MAX_EVENT_KEYS - len(surgeries)) :]
        shown = sorted(surgeries + others, key=lambda e: e.day)
    return list(enumerate(shown, start=1))


def event_lines(
    ax: Axes,
    keys: list[tuple[int, Event]],
    span: tuple[float, float],
    badge_y: float | None = None,
) -> None:
    """Each event's vertical line in its kind's style; numbered badges at badge_y (data
    coordinates, close ones stacked downwards) when given."""
    # One collection per kind's style, not an axvline each: a long diary's events, on every
    # chart and every layout page 2 tries, were a tenth of the report's drawing time.
    placed = [(number, num(event.day), style_of(event)) for number, event in keys]
    by_style: dict[tuple, list[float]] = {}
    for _, x, style in placed:
        by_style.setdefault((style["color"], style["linestyle"], style["linewidth"]), []).append(x)
    for (colour, linestyle, width), xs in by_style.items():
        ax.add_collection(
            LineCollection(
                [((x, 0.0), (x, 1.0)) for x in xs],
                colors=colour,
                linestyles=linestyle,
                linewidths=width,
                transform=ax.get_xaxis_transform(),  # x in dates, y the axes' full height
                zorder=1,
            ),
            autolim=False,
        )
    if badge_y is None:
        return
    last_x, row = None, 0
    badges = []
    for number, x, style in placed:
        close = last_x is not None and x - last_x < (span[1] - span[0]) * 0.025
        row = row + 1 if close else 0
        top, bottom = ax.get_ylim()[1], ax.get_ylim()[0]
        step = (top - bottom) * 0.075
        badges.append((x, badge_y - step * (row % 3), number, style["color"]))
        last_x = x
    _badges(ax, badges)


BADGE_PAD = 0.18  # ems around a badge's number, as matplotlib's "circle,pad=0.18" box


def _badges(ax: Axes, badges: list[tuple[float, float, int, str]]) -> None:
    """Small numbered circles at (x, y) in data coordinates, each edged in its event's
    colour: one collection of circles and the numbers on them (a Text with a circular box
    each cost a millisecond apiece, 28 on a 10-year report). A circle is as wide as its
    number, or a line of text tall (Helvetica's ascent and descent), and a pad each side."""
    if not badges:
        return
    diameters = [
        max(text_width(str(n), MIN_PT, bold=True), 0.925 * MIN_PT) + 2 * BADGE_PAD * MIN_PT
        for _, _, n, _ in badges
    ]
    ax.scatter(
        [x for x, _, _, _ in badges],
        [y for _, y, _, _ in badges],
        s=[d**2 for d in diameters],
        marker="o",
        facecolors="white",
        edgecolors=[colour for _, _, _, colour in badges],
        linewidths=0.9,
        zorder=7,
        clip_on=False,
    )
    for x, y, number, _ in badges:
        axes_text(ax, x, y, str(number), MIN_PT, ha="center", va="center", weight="bold")


def event_key(
    flow: Flow, keys: list[tuple[int, Event]], columns: int = 2, always: bool = False
) -> None:
    """The numbered events, one line each with a sample of its line, in columns (a short
    key in one column unless `always`)."""
    if not keys:
        flow.text("No surgeries or treatments recorded in this period.", SMALL_PT, color=GREY)
        return
    cols = min(columns, len(keys)) if always else 1 if len(keys) <= 3 else columns
    per = (len(keys) + cols - 1) // cols
    width = flow.width / cols
    top, bottom = flow.y, flow.y
    for c in range(cols):
        column = Flow(flow.fig, y=top, left=flow.left + c * width + 22, right=0, dry=flow.dry)
        column.right = PT_W - (flow.left + (c + 1) * width) + 6
        for number, event in keys[c * per : (c + 1) * per]:
            line = f"{number}  {short_date(event.day)}  {event_label(event)}"
            if flow.dry:
                column.text(clip(line, chars_for(column.width, SMALL_PT)), SMALL_PT)
                continue
            baseline = column.y + SMALL_PT * 0.95
            y = 1 - (baseline - SMALL_PT * 0.3) / PT_H
            x0 = (column.left - 20) / PT_W
            flow.fig.add_artist(
                Line2D(
                    [x0, x0 + 14 / PT_W],
                    [y, y],
                    transform=flow.fig.transFigure,
                    **style_of(event),  # type: ignore[arg-type]
                )
            )
            column.text(clip(line, chars_for(column.width, SMALL_PT)), SMALL_PT)
        bottom = max(bottom, column.y)
    flow.y = bottom


def has_back_leg(data: ReportData) -> bool:
    """Whether back or leg pain has a valid week to chart (a valid week has one or the other
    rated on its days)."""
    return data.day0 is not None and any(week.valid for week in data.weekly_back_leg)


def back_leg_lines(ax: Axes, data: ReportData, markers: bool = True, short: bool = False) -> bool:
    """Weekly back and leg pain as rated by place; False when neither has a valid week."""
    if not has_back_leg(data):
        return False
    assert data.day0 is not None
    weeks = frames.back_leg_frame(data.weekly_back_leg, data.day0.day)
    drawn = False
    for column, style in (("back", BACK_STYLE), ("leg", LEG_STYLE)):
        x, y = frames.broken_line(weeks, column)
        if len(x) and not np.all(np.isnan(y)):
            ax.plot(
                x,
                y,
                color=style["color"],
                linestyle=style["linestyle"],
                marker=style["marker"] if markers and len(x) < 80 else None,
                markersize=2.6,
                linewidth=1.5,
                label=style["label"] if short else f"{style['label']} (weekly average)",
                zorder=4,
            )
            drawn = True
    return drawn
