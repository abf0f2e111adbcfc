"""The report's charts over time: the course (page 2, and its compact form on page 1), where
it hurts month by month (page 3) and the monthly table (page 4).

Every one takes its dates from reports.timeline, so events sit at one date on every page.
"""

from __future__ import annotations

import datetime as dt
import math
from collections.abc import Mapping, Sequence
from typing import Any

import numpy as np
import pandas as pd
from matplotlib.axes import Axes
from matplotlib.colors import LinearSegmentedColormap
from matplotlib.figure import Figure
from matplotlib.lines import Line2D

from reports import frames, response_chart, timeline
from reports.style import (
    BLACK,
    BLUE,
    BODY_PT,
    GREEN,
    GREY,
    HEADING_PT,
    INK,
    MARGIN,
    MIN_PT,
    ORANGE,
    PT_H,
    PT_W,
    PURPLE,
    SMALL_PT,
    Flow,
    axes_at,
    bars,
    dots,
    message,
    new_page,
    note_instead,
    page_title,
    text_width,
)
from reports.text_layer import page_text
from reports.timeline import num, nums
from tracker.analysis.calendar import RECENT_DAYS, REF_WINDOW_DAYS, DayZero
from tracker.analysis.provokes import MIN_MONTH_DAYS
from tracker.analysis.treatments import weekly_counts
from tracker.domain import plural
from tracker.report_data import ReportData
from tracker.wording import (
    after_day0,
    is_surgery,
    pain_chart_caption,
    per_month,
    report_key_numbers,
    short_date,
)

DAYS_CMAP = LinearSegmentedColormap.from_list(
    "days", ["#FFFFFF", "#C6DBEF", "#6BAED6", "#2171B5", "#08306B"]
)
OVERALL_DEFINITION = (
    "Overall pain is the patient's one 0-10 rating of their pain as a whole at the time of "
    "the entry (0 = no pain, 10 = worst imaginable); back and leg pain are the 0-10 ratings "
    "given to those places."
)


def _since(day0: DayZero | None) -> str:
    """What day 0 is, for page subtitles."""
    if day0 is not None and is_surgery(day0):
        return f"surgery on {short_date(day0.day)}"
    return "the first entry (no surgery recorded)"


def shown_flares(data: ReportData) -> list[float]:
    """Flare weeks to mark: none in the first 6 weeks after surgery, when pain is expected
    to be high and falling."""
    settle = REF_WINDOW_DAYS if is_surgery(data.day0) else 0
    return [c for c in data.flare_centres if c >= settle]


# ================================================================ the course (page 2)


def course_page(data: ReportData) -> Figure:
    """Overall pain day by day and week by week against the best and the last 6 weeks; back
    and leg pain beneath on the same dates; the numbered events on both; the opioids and
    as-needed doses beneath them; the response charts of the procedures judged. Where what
    is beneath does not fit, the two pain charts give it room, a few points at a time."""
    limits = (2, 1) if len(response_chart.responses_shown(data, 2)) == 2 else (2,)
    for limit in limits:
        room = _room_needed(data, limit)
        if room <= MAX_GIVEN or limit == limits[-1]:
            break
    for _ in range(6):  # the measure is exact; this only guards against a page cut short
        fig, flow = _course_layout(data, room, limit)
        if flow is None or not flow.overflowed():
            break
        room += STEP
    return fig


STEP = 15.0  # points the pain charts give up at a time
MAX_GIVEN = 120.0  # ... at most, with two response charts, before the second gives way


def _room_needed(data: ReportData, limit: int) -> float:
    """The least room, in whole steps, that the pain charts give up so that what is beneath
    them fits, from page 2 laid out dry with none given (each point given moves what is
    beneath up a point). Measuring this way instead of drawing the page again and again took
    a 10-year diary's page 2 from three layouts to one."""
    _, flow = _course_layout(data, 0.0, limit, dry=True)
    if flow is None:
        return 0.0
    return STEP * math.ceil(max(0.0, -flow.spare()) / STEP)


def _course_layout(
    data: ReportData, room: float, limit: int = 2, dry: bool = False
) -> tuple[Figure, Flow | None]:
    """Page 2 with `room` points taken from the pain charts for what is beneath them, and
    at most `limit` response charts. `dry`: only measured (Flow.dry), no chart drawn."""
    fig = new_page()
    y = page_title(
        fig,
        f"The course {after_day0(data.day0)}",
        "Grey dots: each day's average overall pain; blue line: weekly averages of weeks with "
        "entries on 3 or more days. " + OVERALL_DEFINITION,
    )
    span = timeline.x_span(data)
    if span is None or data.day0 is None:
        message(fig, "No pain scores in this period, so there is nothing to chart yet.", y=0.6)
        return fig, None
    keys = timeline.numbered_events(data, span)
    numbered = {e.id: n for n, e in keys if e.id is not None}
    key_rows = len(keys) if len(keys) <= 3 else (len(keys) + 1) // 2
    # a long key of events takes its room from the course chart (11 points a key row beyond
    # 3); what is beneath, from it and the back and leg chart
    height = (180.0 if _has_mme(data) else 250.0) - 11 * max(0, key_rows - 3) - room * 0.55
    top = y + 24
    rows = _legend_rows(data)
    if not dry:
        ax = axes_at(fig, MARGIN + 22, top, PT_W - 2 * MARGIN - 30, height)
        _overall(ax, data, span)
        ax.set_ylim(-0.3, 11.2)
        timeline.event_lines(ax, keys, span, badge_y=10.6)
        timeline.date_axis(ax, span)
        timeline.months_axis(ax, data.day0)
        ax.legend(
            loc="upper left",
            bbox_to_anchor=(0, -30 / height),
            ncol=2,
            frameon=False,
            fontsize=SMALL_PT,
            handlelength=2.6,
            columnspacing=1.5,
        )
    flow = Flow(fig, y=top + height + 36 + rows * 13, dry=dry)
    _back_leg_panel(fig, flow, data, span, keys, less=room * 0.45)
    _mme_panel(fig, flow, data, span, keys)
    flow.space(8)
    timeline.event_key(flow, keys)
    if response_chart.responses_shown(data):
        flow.space(6)
        response_chart.response_row(flow, data, numbered, limit)
    flow.space(6)
    valid = sum(1 for w in data.weekly_pain if w.valid)
    flow.text(pain_chart_caption(data.verdict, valid, len(shown_flares(data))), BODY_PT)
    numbers = report_key_numbers(data.verdict)
    if numbers:  # the rule that set the rise that matters, every term explained
        flow.lower_bottom(40)  # down to just above the footer
        flow.space(2)
        flow.text(numbers, SMALL_PT, color="#333333")
    return fig, flow


def _legend_rows(data: ReportData) -> int:
    """The rows of the course chart's legend, two entries a row: one for each line _overall
    draws, known without drawing them (page 2 is measured before it is drawn)."""
    level = data.verdict.level
    best = level is not None and level.best is not None
    entries = (
        True,  # the daily averages
        any(week.valid for week in data.weekly_pain),  # the weekly line
        best,  # the best 6 weeks
        best,  # ... and the rise that would matter
        level is not None and level.current_level is not None,  # the last 6 weeks
        _steady_line_shown(data),
        bool(shown_flares(data)),
    )
    return (sum(entries) + 1) // 2


def _overall(ax: Axes, data: ReportData, span: tuple[float, float]) -> None:
    """Points, weekly line, best band, current level, whole-record line (if it is the
    course) and flares."""
    assert data.day0 is not None
    day0 = data.day0.day
    daily = frames.daily_series(data.daily_pain)
    weeks = frames.weekly_frame(data.weekly_pain, day0)
    dots(
        ax,
        nums(daily.index),
        daily.to_numpy(),
        5 if len(daily) > 150 else 14,
        "#A8A8A8",
        label="daily average",
    )
    x, y = frames.broken_line(weeks)
    valid = int(weeks["valid"].sum()) if len(weeks) else 0
    if valid < 2:
        message(
            ax,
            "Not enough entries yet to chart weekly averages: that needs 2 or more weeks with "
            f"entries on 3 or more days ({valid} so far).",
            y=0.85,
        )
    if len(x):
        ax.plot(
            x,
            y,
            color=BLUE,
            linewidth=1.8 if len(x) < 120 else 1.0,
            label="weekly average",
            zorder=4,
            marker="o" if len(x) < 30 else None,
            markersize=3.5,
        )
    _draw_level(ax, data, day0)
    _draw_steady_line(ax, data, day0)
    _draw_flares(ax, data, weeks, day0)
    ax.set_yticks(range(0, 11, 2))
    ax.set_ylabel("Overall pain (0-10)")
    ax.grid(axis="y", color="#E4E4E4", linewidth=0.6, zorder=0)


def _draw_level(ax: Axes, data: ReportData, day0: dt.date, legend: bool = True) -> None:
    """The post-op best window and level, the rise that would matter, and the current level."""
    level = data.verdict.level
    as_of = num(data.as_of)
    best = level.best if level else None
    if best is not None:
        ref = best.level
        half = (data.verdict.bin_days - 1) / 2
        start, end = num(day0) + best.first_centre - half, num(day0) + best.last_centre + half + 1
        ax.fill_between(
            [start, end],
            ref - 0.3,
            ref + 0.3,
            facecolor=GREEN,
            alpha=0.35,
            edgecolor=GREEN,
            hatch="///",
            linewidth=0.8,
            zorder=3,
            label=(
                f"best 6 weeks {after_day0(data.day0)} (median {ref:.1f})"
                if legend
                else "_nolegend_"
            ),
        )
        ax.hlines(ref, end, as_of, colors=GREEN, linestyles="--", linewidth=1.0, zorder=3)
        ax.hlines(
            ref + best.threshold,
            end,
            as_of,
            colors=GREY,
            linestyles=":",
            linewidth=1.2,
            zorder=3,
            label=f"best + {best.threshold:.1f}: a rise that matters" if legend else "_nolegend_",
        )
    if level is not None and level.current_level is not None:
        ax.hlines(
            level.current_level,
            as_of - RECENT_DAYS + 1,
            as_of,
            colors=NOW_COLOUR,
            linewidth=4.0,
            alpha=NOW_ALPHA,
            zorder=2.5,  # beneath the pain lines: it was leg pain's colour, drawn over them
            label=f"last 6 weeks (median {level.current_level:.1f})" if legend else "_nolegend_",
        )


# The last 6 weeks' level: a dark band under the lines, apart from every pain line's colour.
NOW_COLOUR = BLACK
NOW_ALPHA = 0.4


def _draw_steady_line(ax: Axes, data: ReportData, day0: dt.date) -> None:
    """The whole-record Theil-Sen line, drawn only when it is the course: never when the
    pain fell to a best and rose again (docs/method.md#whole-record-line)."""
    trend = data.verdict.trend
    if trend is None or not _steady_line_shown(data):
        return
    centres = data.verdict.bins.centre_day
    t = np.array([centres[0], centres[-1]], dtype=float)
    y = trend.start_level + trend.slope_per_30d / 30 * (t - t[0])
    ax.plot(
        num(day0) + t,
        np.clip(y, 0, 10),
        color=PURPLE,
        linestyle=(0, (6, 2, 1, 2)),
        linewidth=1.6,
        zorder=4,
        label=f"steady trend: {per_month(trend.slope_per_30d)} a month",
    )


def _steady_line_shown(data: ReportData) -> bool:
    """Whether the whole-record line is the course: a trend over 2 or more bins, and no fall
    to a best followed by a rise."""
    verdict = data.verdict
    return (
        verdict.trend is not None
        and len(verdict.bins.centre_day) >= 2
        and not verdict.has("above_best")
    )


def _draw_flares(ax: Axes, data: ReportData, weeks: pd.DataFrame, day0: dt.date) -> None:
    """A triangle above each flare week after the first 6 post-op weeks."""
    centres = shown_flares(data)
    if not centres:
        return
    means = dict(zip(weeks["index"], weeks["mean"], strict=True))
    x = [num(day0) + c for c in centres]
    y = [min(10.0, means.get(int(c // 7), 9.0) + 0.7) for c in centres]
    ax.scatter(
        x,
        y,
        marker="v",
        s=34,
        color=ORANGE,
        edgecolors=BLACK,
        linewidths=0.6,
        zorder=6,
        label="flare week (2+ points above the weeks around it)",
    )


def _back_leg_panel(
    fig: Figure,
    flow: Flow,
    data: ReportData,
    span: tuple[float, float],
    keys: list,
    less: float = 0.0,
) -> None:
    """Back and leg pain as rated by place, weekly, on the same dates; or why not. `less`:
    points given up to what is drawn beneath."""
    flow.text("Back pain and leg pain, rated separately", HEADING_PT, weight="bold")
    height = (118.0 if _has_mme(data) else 130.0) - less
    if not timeline.has_back_leg(data):
        flow.text(
            "Not charted: back and leg pain need their own scores on 3 or more days of a week "
            "(log them as, for example, --where lower-back=6 --where left-calf=5).",
            BODY_PT,
            color=GREY,
        )
        return
    if flow.dry:
        flow.y += height + 30
        return
    ax = axes_at(fig, MARGIN + 22, flow.y + 4, PT_W - 2 * MARGIN - 30, height)
    timeline.back_leg_lines(ax, data)
    ax.set_ylim(-0.3, 10.3)
    timeline.event_lines(ax, keys, span)
    timeline.date_axis(ax, span)
    ax.set_yticks(range(0, 11, 2))
    ax.set_ylabel("Pain (0-10)")
    ax.grid(axis="y", color="#E4E4E4", linewidth=0.6)
    ax.legend(
        loc="upper left",
        ncol=2,
        fontsize=SMALL_PT,
        frameon=True,
        facecolor="white",
        edgecolor="none",
        framealpha=0.9,
    )
    flow.y += height + 30


def _has_mme(data: ReportData) -> bool:
    """Whether any opioid was taken in the period (an MME strip is drawn beneath)."""
    return data.medicines is not None and any(v > 0 for v in data.medicines.mme_by_day.values())


MME_HEIGHT = 46.0


def _mme_panel(
    fig: Figure, flow: Flow, data: ReportData, span: tuple[float, float], keys: list
) -> None:
    """The opioid load each day (MME, CDC factors) on the same dates, with the events; only
    when an opioid was taken (no empty box)."""
    if not _has_mme(data):
        return
    assert data.medicines is not None
    heading = "Opioids: MME a day" + (
        ", and as-needed doses a week" if _has_as_needed(data) else ""
    )
    flow.text(heading, BODY_PT, weight="bold")
    if not flow.dry:
        _mme_bars(axes_at(fig, MARGIN + 22, flow.y + 6, PT_W - 2 * MARGIN - 30, MME_HEIGHT),
                  data, span, keys)  # fmt: skip
    flow.y += MME_HEIGHT + 12
    counted = _as_needed_strip(fig, flow, data, span, keys)
    flow.text(
        f"Each bar: one day's opioid doses in MME. {counted}{data.medicines.caveat}",
        SMALL_PT,
        color=GREY,
    )


def _mme_bars(ax: Axes, data: ReportData, span: tuple[float, float], keys: list) -> None:
    """Each day's MME as a bar, with the events, on the course's dates."""
    assert data.medicines is not None
    days = sorted(data.medicines.mme_by_day.items())
    bars(ax, [num(d) for d, _ in days], [v for _, v in days], 1.0, PURPLE)
    top = max(v for _, v in days)
    ax.set_ylim(0, top * 1.15)
    step = 10 ** max(0, len(str(int(top))) - 1)  # 0 and the highest round value reached
    ax.set_yticks([0, max(step, int(top // step) * step)])
    ax.tick_params(axis="y", labelsize=SMALL_PT)
    ax.set_ylabel("MME", fontsize=SMALL_PT)
    ax.grid(axis="y", color="#E4E4E4", linewidth=0.6, zorder=0)
    timeline.event_lines(ax, keys, span)
    timeline.date_axis(ax, span, labels=False)


AS_NEEDED_HEIGHT = 24.0


def _has_as_needed(data: ReportData) -> bool:
    return _has_mme(data) and bool(data.medicines and data.medicines.as_needed_by_day)


def _as_needed_strip(
    fig: Figure, flow: Flow, data: ReportData, span: tuple[float, float], keys: list
) -> str:
    """Beneath the MME bars: the as-needed doses taken each week (weeks from day 0, as the
    weekly averages), on the same dates; returns the sentence that says what it counts."""
    if not _has_as_needed(data) or data.day0 is None:
        return ""
    assert data.medicines is not None
    by_day = data.medicines.as_needed_by_day
    last = min(data.period_end, data.as_of)
    weeks = weekly_counts(by_day, data.day0.day, last)
    if not weeks:
        return ""
    flow.y -= 3
    top = max(c for _, c in weeks)
    if not flow.dry:
        _as_needed_bars(axes_at(fig, MARGIN + 22, flow.y, PT_W - 2 * MARGIN - 30,
                                AS_NEEDED_HEIGHT), weeks, top, span, keys)  # fmt: skip
    flow.y += AS_NEEDED_HEIGHT + 4
    recent = sum(n for day, n in by_day.items() if 0 <= (last - day).days < RECENT_DAYS)
    names = ", ".join(data.medicines.as_needed_names)
    return (
        f"Grey bars beneath: as-needed doses a week ({names}), up to {top} a week; "
        f"{recent} in the last 6 weeks. "
    )


def _as_needed_bars(
    ax: Axes,
    weeks: tuple[tuple[dt.date, int], ...],
    top: int,
    span: tuple[float, float],
    keys: list,
) -> None:
    """The as-needed doses of each week as a grey bar, with the events, on the course's dates."""
    bars(ax, [num(w) + 3.5 for w, _ in weeks], [c for _, c in weeks], 6.0, "#8C8C8C")
    ax.set_ylim(0, max(top, 1) * 1.2)
    # The top's gridline without a number: a lone tick label beside the strip read as a
    # stray mark (and on the left it met the MME scale's 0 just above); the sentence
    # beneath gives the scale ("up to N a week").
    ax.set_yticks([top])
    ax.tick_params(axis="y", length=0, labelleft=False)
    ax.text(-0.012, 0.5, "doses", transform=ax.transAxes, fontsize=SMALL_PT, ha="right",
            va="center")  # fmt: skip
    ax.grid(axis="y", color="#E4E4E4", linewidth=0.6, zorder=0)
    timeline.event_lines(ax, keys, span)
    timeline.date_axis(ax, span, labels=False)


# ================================================================ the course, compact (page 1)


def has_dose_strip(data: ReportData) -> bool:
    """Whether page 1's course has its dose strip beneath: an opioid or an as-needed dose
    was taken in the period."""
    return _has_mme(data) or bool(data.medicines and data.medicines.as_needed_by_day)


DOSE_STRIP_LABEL = "MME a day"
AS_NEEDED_LABEL = "as-needed dose"


def compact_course(
    fig: Figure, top: float, height: float, data: ReportData, strip: float = 0.0
) -> list:
    """Page 1's course: weekly overall, back and leg pain, the best and the last 6 weeks,
    numbered events; beneath it, `strip` points high, the opioids' MME a day and dots on
    the days with as-needed doses, on the same dates. Returns the numbered events (for the
    key)."""
    span = timeline.x_span(data)
    if span is None or data.day0 is None:
        return []
    keys = timeline.numbered_events(data, span)
    ax = axes_at(fig, MARGIN + 20, top, PT_W - 2 * MARGIN - 26, height)
    if strip and has_dose_strip(data):
        _dose_strip(axes_at(fig, MARGIN + 20, top + height + 2, PT_W - 2 * MARGIN - 26, strip),
                    data, span, keys)  # fmt: skip
        timeline.date_axis(ax, span, labels=False)
    weeks = frames.weekly_frame(data.weekly_pain, data.day0.day)
    x, y = frames.broken_line(weeks)
    if len(x) >= 2:
        ax.plot(x, y, color="#8C8C8C", linewidth=1.2, label="overall (weekly)", zorder=3)
    else:  # too few weeks for a line: the days themselves
        daily = frames.daily_series(data.daily_pain)
        dots(ax, nums(daily.index), daily.to_numpy(), 14, "#8C8C8C", label="overall (daily)")
    timeline.back_leg_lines(ax, data, markers=False, short=True)
    _draw_level(ax, data, data.day0.day, legend=False)
    ax.set_ylim(-0.3, 11.4)
    timeline.event_lines(ax, keys, span, badge_y=10.7)
    if not (strip and has_dose_strip(data)):
        timeline.date_axis(ax, span)
    ax.set_yticks(range(0, 11, 2))
    ax.tick_params(axis="y", labelsize=SMALL_PT)
    ax.set_ylabel("Pain (0-10)", fontsize=SMALL_PT)
    ax.grid(axis="y", color="#E4E4E4", linewidth=0.6, zorder=0)
    handles, labels = ax.get_legend_handles_labels()
    level = data.verdict.level
    if level is not None and level.current_level is not None:
        handles.append(Line2D([], [], color=NOW_COLOUR, linewidth=4.0, alpha=NOW_ALPHA))
        labels.append("last 6 weeks")
    if level is not None and level.best is not None:
        handles.append(Line2D([], [], color=GREEN, linewidth=6, alpha=0.35))
        labels.append("best 6 weeks")
    if strip and data.medicines and data.medicines.as_needed_by_day:  # the strip's dots
        handles.append(Line2D([], [], color="#555555", marker="o", markersize=2.5, linewidth=0))
        labels.append(AS_NEEDED_LABEL)
    ax.legend(
        handles,
        labels,
        loc="lower left",
        bbox_to_anchor=(0, 1.0),
        ncol=len(handles),
        frameon=False,
        fontsize=SMALL_PT,
        handlelength=2.2 if len(handles) < 6 else 1.8,
        columnspacing=1.2 if len(handles) < 6 else 0.8,
        borderaxespad=0.2,
    )
    return keys


def _dose_strip(ax: Axes, data: ReportData, span: tuple[float, float], keys: list) -> None:
    """The thin strip beneath page 1's course: each day's opioid MME (bars, scale 0 to the
    highest day, said on the right) and a dot above on each day with an as-needed dose."""
    assert data.medicines is not None
    mme = sorted(data.medicines.mme_by_day.items())
    top = max((v for _, v in mme), default=0.0) or 1.0
    if any(v > 0 for _, v in mme):
        bars(ax, [num(d) for d, _ in mme], [v for _, v in mme], 1.0, PURPLE)
    days = [num(d) for d, n in data.medicines.as_needed_by_day.items() if n]
    if days:
        dots(ax, days, [top * 1.3] * len(days), 2.5, "#555555", zorder=4)
    ax.set_ylim(0, top * 1.5)
    ax.set_yticks([])
    for side in ("top", "right"):
        ax.spines[side].set_visible(False)
    ax.text(-0.008, 0.5, DOSE_STRIP_LABEL, transform=ax.transAxes, fontsize=MIN_PT, ha="right",
            va="center", linespacing=1.0)  # fmt: skip
    if any(v > 0 for _, v in mme):  # the scale: the highest day's MME, at its height
        ax.text(1.004, top, f"{top:g}", transform=ax.get_yaxis_transform(), fontsize=MIN_PT,
                ha="left", va="center", color=PURPLE)  # fmt: skip
    timeline.event_lines(ax, keys, span)
    timeline.date_axis(ax, span)


# ================================================================ where it hurts by month (page 3)


TABLE_HEADINGS = (  # key, heading, alignment, width (points)
    ("since", "Month\nsince\n{day0}", "left", 40),
    ("label", "Dates", "left", 104),
    ("days_logged", "Days\nlogged", "right", 34),
    ("median", "Median\npain", "right", 36),
    ("worst", "Worst\npain", "right", 34),
    ("radiation_share", "Radiating\n% of days", "right", 46),
    ("numbness_share", "Numb\n% of days", "right", 40),
    ("tingling_share", "Tingling\n% of days", "right", 42),
    ("back_median", "Back\npain\n(median)", "right", 40),
    ("leg_median", "Leg\npain\n(median)", "right", 40),
)


def table_rows_fit(y: float, bottom: float) -> int:
    """How many months the monthly table shows as rows between y and bottom (the earlier
    ones are folded into years)."""
    return max(6, int((bottom - y - 80) // 11))


def monthly_table(fig: Figure, y: float, data: ReportData, bottom: float) -> float:
    """Month by month: overall pain median and worst, days logged, radiation, numbness and
    tingling, back and leg pain; returns the y below the table and its notes."""
    table = frames.monthly_frame(data.spread.monthly, min(data.period_end, data.as_of))
    if table.empty:
        return note_instead(
            fig, y, "No entries since day 0 in this period, so there is no monthly table yet."
        )
    table, folded = frames.collapse_years(table, table_rows_fit(y, bottom))
    day0_word = "surgery" if is_surgery(data.day0) else "day 0"
    columns = [
        (c[0], c[1].format(day0=day0_word), *c[2:])
        for c in TABLE_HEADINGS
        if c[0] not in ("back_median", "leg_median") or table[c[0]].notna().any()
    ]
    # The rows as plain mappings, made once: a pandas row (iterrows) is a Series built anew
    # for every cell asked of it, 1 200 Series on a 10-year diary's table.
    rows = table.to_dict("records")
    y = _draw_table(fig, y, rows, columns, bottom)
    return _table_notes(fig, y, data, rows, folded, len(columns) < len(TABLE_HEADINGS))


def _column_widths(
    table: Sequence[Mapping[str, Any]], columns: list[tuple[str, str, str, int]]
) -> list[float]:
    """Each column as wide as its widest heading line or cell in the font drawn (DejaVu Sans
    is wider than Helvetica: fixed widths let '% of days' headings run into each other),
    and at least its set width."""
    widths = []
    for key, heading, _, least in columns:
        lines = [text_width(line, MIN_PT, bold=True) for line in heading.split("\n")]
        cells = [text_width(_cell(key, row), SMALL_PT) for row in table]
        widths.append(max(float(least), max(lines + cells) + 2 * CELL_PAD + 2))
    return widths


CELL_PAD = 3.0  # points between a column's edge and its text


def _draw_table(
    fig: Figure,
    y: float,
    table: Sequence[Mapping[str, Any]],
    columns: list[tuple[str, str, str, int]],
    bottom: float,
) -> float:
    """Header and rows as aligned text with light banding; returns the y below it."""
    widths = _column_widths(table, columns)
    spare = (PT_W - 2 * MARGIN - sum(widths)) / len(columns)
    edges = np.cumsum([0] + [w + spare for w in widths])
    width = float(edges[-1])
    row_h = float(np.clip((bottom - y - 80) / max(len(table), 1), 10.5, 14.0))
    size = SMALL_PT
    muted = [not row["days_logged"] or math.isnan(row["days_logged"]) for row in table]
    y_rows = y + 32
    fig.add_artist(_hline(y_rows - 2, width))
    for number in range(0, len(table), 2):
        _band(fig, y_rows + number * row_h, row_h, width)
    rows = [
        (y_rows + (i + 0.5) * row_h, row, m)
        for i, (row, m) in enumerate(zip(table, muted, strict=True))
    ]
    xs = [
        MARGIN + (left + CELL_PAD if align == "left" else right - CELL_PAD)
        for (_, _, align, _), left, right in zip(columns, edges[:-1], edges[1:], strict=True)
    ]
    # Line by line and row by row, so that the table's text is read (copied, extracted) as
    # it is printed: the headings' lines, then a month at a time.
    heads = [heading.split("\n") for _, heading, _, _ in columns]
    for down in range(max(len(lines) for lines in heads)):
        for (_, _, align, _), x, lines in zip(columns, xs, heads, strict=True):
            if down < len(lines):
                page_text(fig, x, y + down * HEAD_STEP, lines[down], MIN_PT, weight="bold",
                          va="top", ha=align)  # fmt: skip
    for middle, row, grey in rows:
        for (key, _, align, _), x in zip(columns, xs, strict=True):
            page_text(
                fig, x, middle, _cell(key, row), size, va="center", ha=align,
                color=GREY if grey else INK,
            )  # fmt: skip
    y = y_rows + row_h * len(table)
    fig.add_artist(_hline(y, width))
    return y


HEAD_STEP = MIN_PT  # points between the lines of a column heading (8 pt type, set solid)


def _cell(key: str, row: Mapping[str, Any]) -> str:
    """One table cell as text; '-' for nothing logged; a back or leg median in brackets
    when fewer than MIN_MONTH_DAYS days of the month gave that pain a score."""
    value = row[key]
    if key == "since":
        return str(value) + ("*" if row.get("partial") else "")
    if key == "label":
        return str(value)
    if value is None or (isinstance(value, float) and np.isnan(value)):
        return "-"
    if key == "days_logged":
        return f"{int(value)}"
    if key.endswith("_share"):
        return f"{100 * value:.0f} %"
    if key in FEW_RATED and not row.get("folded") and row.get(FEW_RATED[key], 0) < MIN_MONTH_DAYS:
        return f"({value:.1f})"
    return f"{value:.0f}" if key == "worst" else f"{value:.1f}"


# A back or leg median and the days it rests on.
FEW_RATED = {"back_median": "back_days", "leg_median": "leg_days"}


def _hline(y: float, width: float) -> Line2D:
    yy = 1 - y / PT_H
    return Line2D([MARGIN / PT_W, (MARGIN + width) / PT_W], [yy, yy], color=GREY, linewidth=0.8)


def _band(fig: Figure, y: float, height: float, width: float) -> None:
    """A light background behind one table row."""
    from matplotlib.patches import Rectangle

    fig.add_artist(
        Rectangle(
            (MARGIN / PT_W, 1 - (y + height) / PT_H),
            width / PT_W,
            height / PT_H,
            transform=fig.transFigure,
            facecolor="#F3F3F3",
            edgecolor="none",
            zorder=-1,
        )
    )


def _table_notes(
    fig: Figure,
    y: float,
    data: ReportData,
    table: Sequence[Mapping[str, Any]],
    folded: int,
    no_split: bool,
) -> float:
    """What the table leaves out, said plainly; returns the y below the notes."""
    flow = Flow(fig, y=y + 6, bottom=40)  # down to just above the footer
    notes = [
        f"Month 1 is the first 30 days after {_since(data.day0)}, as on every page (page 2's "
        "top axis counts months elapsed: month 1 is 0 to 1). Pain: the daily average of "
        "overall pain (0-10), worst the highest single score; shares: of the days logged."
    ]
    few = [
        word
        for key, word in (("back_median", "back"), ("leg_median", "leg"))
        if key in table[0] and any(_cell(key, row).startswith("(") for row in table)
    ]
    if few:
        needs = f" (page 1's best month needs {MIN_MONTH_DAYS})" if data.before_after else ""
        notes.append(
            f"In brackets: a {' or '.join(few)} median of fewer than {MIN_MONTH_DAYS} days "
            f"scored{needs}."
        )
    for row in (row for row in table if row.get("partial") is True):
        notes.append(
            f"* Month {row['since']} is partial: {row['days_elapsed']} of its 30 days so far."
        )
    if folded:
        notes.append(
            f"The earliest {folded} months are folded into one row for the months beginning in"
            " each calendar year, with the dates they span (median of the monthly medians;"
            " shares weighted by days logged)."
        )
    day0 = data.day0
    before = sum(1 for e in data.entries if day0 and e.day < day0.day)
    if before:
        notes.append(
            f"{plural(before, 'entry', 'entries')} from before day 0 are not in the "
            "table (they appear on the course chart, page 2)."
        )
    if no_split:
        notes.append(
            "A back or leg pain column appears once that pain is given its own score "
            "(for example --where lower-back=6 --where left-calf=5)."
        )
    notes.append("'-': no entries.")
    flow.text(" ".join(notes), SMALL_PT, color=GREY)
    return flow.y
