"""The report's charts: pain over time, where it hurts month by month, and the monthly table."""

from __future__ import annotations

import datetime as dt
from typing import TypedDict

import matplotlib.dates as mdates
import numpy as np
import pandas as pd
from matplotlib.axes import Axes
from matplotlib.colors import LinearSegmentedColormap
from matplotlib.figure import Figure
from matplotlib.image import AxesImage
from matplotlib.lines import Line2D
from matplotlib.ticker import MaxNLocator

from reports import frames
from reports.style import (
    BLACK,
    BLUE,
    BODY_PT,
    GREEN,
    GREY,
    HEADING_PT,
    INK,
    LIGHT_GREY,
    MARGIN,
    MIN_PT,
    ORANGE,
    PT_H,
    PT_W,
    PURPLE,
    SMALL_PT,
    VERMILLION,
    Flow,
    axes_at,
    chars_for,
    message,
    new_page,
    page_title,
)
from reports.text import EVENT_LABELS, clip
from tracker.analysis.calendar import DAYS_PER_MONTH as MONTH_DAYS
from tracker.analysis.calendar import RECENT_DAYS, DayZero
from tracker.domain import Event, plural
from tracker.report_data import ReportData
from tracker.wording import after_day0, is_surgery, pain_chart_caption, per_month, short_date

MONTH = 30.4375
MAX_EVENT_KEYS = 14
MAX_PANEL_ROWS = 12
DAYS_CMAP = LinearSegmentedColormap.from_list(
    "days", ["#FFFFFF", "#C6DBEF", "#6BAED6", "#2171B5", "#08306B"]
)


class LineStyle(TypedDict):
    """How an event's vertical line is drawn."""

    color: str
    linestyle: str
    linewidth: float


EVENT_STYLE: dict[str, LineStyle] = {
    "surgery": {"color": BLACK, "linestyle": "-", "linewidth": 1.6},
    "injection": {"color": BLUE, "linestyle": "--", "linewidth": 1.0},
    "nerve-block": {"color": BLUE, "linestyle": "--", "linewidth": 1.0},
    "medication-start": {"color": ORANGE, "linestyle": ":", "linewidth": 1.3},
    "medication-stop": {"color": ORANGE, "linestyle": ":", "linewidth": 1.3},
    "medication-change": {"color": ORANGE, "linestyle": ":", "linewidth": 1.3},
}
OTHER_EVENT: LineStyle = {"color": GREEN, "linestyle": "-.", "linewidth": 1.0}


def _num(day: dt.date | pd.Timestamp) -> float:
    """A date as a matplotlib date number."""
    return float(mdates.date2num(pd.Timestamp(day)))


# ================================================================ pain over time


def pain_over_time_page(data: ReportData) -> Figure:
    """Daily and weekly pain, the current level against the post-op best, trend, flares, events."""
    fig = new_page()
    y = page_title(fig, "Pain over time", _pain_subtitle(data))
    daily = frames.daily_series(data.daily_pain)
    if daily.empty or data.day0 is None:
        message(fig, "No pain scores in this period, so there is nothing to chart yet.", y=0.6)
        return fig
    top, height = y + 26, 290.0
    ax = axes_at(fig, MARGIN + 22, top, PT_W - 2 * MARGIN - 30, height)
    day0 = data.day0.day
    weeks = frames.weekly_frame(data.weekly_pain, day0)
    span = x_span(data, daily, day0)
    _draw_pain(ax, data, daily, weeks, day0, span)
    keys = numbered_events(data, span)
    _draw_events(ax, keys, span)
    _months_axis(ax, day0, is_surgery(data.day0))
    handles, _ = ax.get_legend_handles_labels()
    rows = (len(handles) + 1) // 2
    ax.legend(
        loc="upper left",
        bbox_to_anchor=(0, -24 / height),
        ncol=2,
        frameon=False,
        fontsize=SMALL_PT,
        handlelength=2.6,
        columnspacing=1.5,
    )
    flow = Flow(fig, y=top + height + 30 + rows * 14)
    _event_key(flow, keys)
    flow.space(4)
    valid = int(weeks["valid"].sum()) if len(weeks) else 0
    flow.text(pain_chart_caption(data.verdict, valid, len(data.flare_centres)), BODY_PT)
    _back_leg_panel(fig, flow, data, day0, span, keys)
    return fig


def _pain_subtitle(data: ReportData) -> str:
    """What the chart shows, in one line."""
    return (
        "Each grey dot is one day's average score (0 = no pain, 10 = worst imaginable); the blue "
        "line joins weekly averages of weeks with entries on 3 or more days."
    )


def x_span(data: ReportData, daily: pd.Series, day0: dt.date) -> tuple[float, float]:
    """The date range shown: the period, widened to show a recent surgery just before it."""
    first = data.period_start or daily.index[0].date()
    if is_surgery(data.day0) and 0 <= (first - day0).days <= 120:
        first = day0
    last = max(
        data.period_end if data.period_start or data.entries else data.as_of, daily.index[-1].date()
    )
    pad = max(2.0, (last - first).days * 0.015)
    return _num(first) - pad, _num(last) + pad


def _draw_pain(
    ax: Axes,
    data: ReportData,
    daily: pd.Series,
    weeks: pd.DataFrame,
    day0: dt.date,
    span: tuple[float, float],
) -> None:
    """Points, weekly line, reference band, current level, Theil-Sen line and flares."""
    ax.scatter(
        daily.index,
        daily.to_numpy(),
        s=5 if len(daily) > 150 else 14,
        color="#A8A8A8",
        linewidths=0,
        label="daily average",
        zorder=2,
    )
    x, y = frames.broken_line(weeks)
    valid = int(weeks["valid"].sum()) if len(weeks) else 0
    if valid < 2:
        message(
            ax,
            "Not enough entries yet to chart weekly averages: that needs 2 or more weeks with "
            f"entries on 3 or more days ({valid} so far).",
            y=0.9,
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
    _draw_theil_sen(ax, data, day0)
    _draw_flares(ax, data, weeks, day0)
    ax.set_xlim(*span)
    ax.set_ylim(-0.3, 10.9)
    ax.set_yticks(range(0, 11, 2))
    ax.set_ylabel("Pain score (0-10)")
    ax.grid(axis="y", color="#E4E4E4", linewidth=0.6, zorder=0)
    locator = mdates.AutoDateLocator(minticks=4, maxticks=9)
    ax.xaxis.set_major_locator(locator)
    ax.xaxis.set_major_formatter(mdates.ConciseDateFormatter(locator))


def _draw_level(ax: Axes, data: ReportData, day0: dt.date) -> None:
    """The post-op best window and level, the rise that would matter, and the current level."""
    level = data.verdict.level
    as_of = _num(data.as_of)
    best = level.best if level else None
    if best is not None:
        ref = best.level
        half = (data.verdict.bin_days - 1) / 2
        start, end = _num(day0) + best.first_centre - half, _num(day0) + best.last_centre + half + 1
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
            label=f"best 6 weeks {after_day0(data.day0)} (median {ref:.1f})",
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
            label=f"best + {best.threshold:.1f}: a rise that matters",
        )
    if level is not None and level.current_level is not None:
        ax.hlines(
            level.current_level,
            as_of - RECENT_DAYS + 1,
            as_of,
            colors=VERMILLION,
            linewidth=3.2,
            zorder=5,
            label=f"last 6 weeks (median {level.current_level:.1f})",
        )


def _draw_theil_sen(ax: Axes, data: ReportData, day0: dt.date) -> None:
    """The steady-trend line: start level, slope per 30 days, over the valid bins."""
    trend = data.verdict.trend
    centres = data.verdict.bins.centre_day
    # Drawn as the course only when it is one: T fired or nothing did, never when the pain
    # fell to a best and rose again (docs/method.md#whole-record-line).
    if trend is None or len(centres) < 2 or data.verdict.has("above_best"):
        return
    t = np.array([centres[0], centres[-1]], dtype=float)
    y = trend.start_level + trend.slope_per_30d / 30 * (t - t[0])
    ax.plot(
        _num(day0) + t,
        np.clip(y, 0, 10),
        color=PURPLE,
        linestyle=(0, (6, 2, 1, 2)),
        linewidth=1.6,
        zorder=4,
        label=f"steady trend: {per_month(trend.slope_per_30d)} a month",
    )


def _draw_flares(ax: Axes, data: ReportData, weeks: pd.DataFrame, day0: dt.date) -> None:
    """A triangle above each flare week."""
    if not data.flare_centres:
        return
    means = dict(zip(weeks["index"], weeks["mean"], strict=True))
    x = [_num(day0) + c for c in data.flare_centres]
    y = [min(10.5, means.get(int(c // 7), 9.5) + 0.7) for c in data.flare_centres]
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


def numbered_events(data: ReportData, span: tuple[float, float]) -> list[tuple[int, Event]]:
    """Events inside the charted dates, numbered in date order (surgeries always kept)."""
    shown = [e for e in data.events if span[0] <= _num(e.day) <= span[1]]
    shown = sorted(shown, key=lambda e: (e.day, e.kind != "surgery"))
    if len(shown) > MAX_EVENT_KEYS:
        surgeries = [e for e in shown if e.kind == "surgery"]
        others = [e for e in shown if e.kind != "surgery"][-(MAX_EVENT_KEYS - len(surgeries)) :]
        shown = sorted(surgeries + others, key=lambda e: e.day)
    return list(enumerate(shown, start=1))


def _draw_events(ax: Axes, keys: list[tuple[int, Event]], span: tuple[float, float]) -> None:
    """Vertical event markers, numbered at the top (close ones stacked)."""
    last_x, row = None, 0
    for number, event in keys:
        x = _num(event.day)
        style = EVENT_STYLE.get(event.kind, OTHER_EVENT)
        ax.axvline(x, zorder=1, **style)
        row = row + 1 if last_x is not None and x - last_x < (span[1] - span[0]) * 0.025 else 0
        _event_badge(ax, x, 10.45 - 0.75 * (row % 3), number, style["color"])
        last_x = x


def _event_badge(ax: Axes, x: float, y: float, number: int, colour: str) -> None:
    """A small numbered circle (data coordinates)."""
    ax.text(
        x,
        y,
        str(number),
        ha="center",
        va="center",
        fontsize=MIN_PT,
        weight="bold",
        zorder=7,
        bbox={
            "boxstyle": "circle,pad=0.18",
            "facecolor": "white",
            "edgecolor": colour,
            "linewidth": 0.8,
        },
    )


def _months_axis(ax: Axes, day0: dt.date, surgery: bool) -> None:
    """A secondary top axis: months since surgery (or since the diary began)."""
    zero = _num(day0)
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
    what = "surgery" if surgery else "the first entry (no surgery recorded)"
    top.set_xlabel(f"Months since {what}", fontsize=SMALL_PT, color=GREY)


def _event_key(flow: Flow, keys: list[tuple[int, Event]]) -> None:
    """The numbered events under the chart, one line each, in two columns when there are many."""
    if not keys:
        flow.text("No surgeries or treatments recorded in this period.", SMALL_PT, color=GREY)
        return
    lines = [
        f"{n}  {short_date(e.day)}  {EVENT_LABELS.get(e.kind, e.kind)}: {e.title}" for n, e in keys
    ]
    if len(lines) <= 5:
        width = chars_for(flow.width, SMALL_PT)
        for line in lines:
            flow.text(clip(line, width), SMALL_PT)
        return
    half = (len(lines) + 1) // 2
    left = Flow(flow.fig, y=flow.y, right=PT_W / 2 + 6)
    right = Flow(flow.fig, y=flow.y, left=PT_W / 2 + 6)
    for column, chunk in ((left, lines[:half]), (right, lines[half:])):
        for line in chunk:
            column.text(clip(line, chars_for(column.width, SMALL_PT)), SMALL_PT)
    flow.y = max(left.y, right.y)


def _back_leg_panel(
    fig: Figure,
    flow: Flow,
    data: ReportData,
    day0: dt.date,
    span: tuple[float, float],
    keys: list[tuple[int, Event]],
) -> None:
    """Back and leg pain as rated by location, weekly; or why it is not shown."""
    weeks = frames.back_leg_frame(data.weekly_back_leg, day0)
    flow.space(10)
    flow.text("Back pain and leg pain, rated separately", HEADING_PT, weight="bold")
    if weeks.empty or not weeks["valid"].any():
        flow.text(
            "Not charted: back and leg pain need their own scores on 3 or more days of a week "
            "(log them as, for example, --where lower-back=6 --where left-calf=5).",
            BODY_PT,
            color=GREY,
        )
        return
    height = min(170.0, flow.room() - 40)
    if height < 80:
        flow.text(
            "Not charted here for lack of room; the monthly table (last page) gives back and leg "
            "pain medians month by month.",
            BODY_PT,
            color=GREY,
        )
        return
    ax = axes_at(fig, MARGIN + 22, flow.y + 4, PT_W - 2 * MARGIN - 30, height)
    for column, color, style, marker, label in (
        ("back", BLUE, "-", "o", "back pain (weekly average)"),
        ("leg", VERMILLION, "--", "s", "leg pain (weekly average)"),
    ):
        x, y = frames.broken_line(weeks, column)
        if len(x):
            ax.plot(
                x,
                y,
                color=color,
                linestyle=style,
                marker=marker if len(x) < 80 else None,
                markersize=2.6,
                linewidth=1.4,
                label=label,
            )
    for _, event in keys:
        ax.axvline(_num(event.day), zorder=1, **EVENT_STYLE.get(event.kind, OTHER_EVENT))
    ax.set_xlim(*span)
    ax.set_ylim(-0.3, 10.3)
    ax.set_yticks(range(0, 11, 2))
    ax.set_ylabel("Pain score (0-10)")
    ax.grid(axis="y", color="#E4E4E4", linewidth=0.6)
    locator = mdates.AutoDateLocator(minticks=4, maxticks=9)
    ax.xaxis.set_major_locator(locator)
    ax.xaxis.set_major_formatter(mdates.ConciseDateFormatter(locator))
    ax.legend(
        loc="upper left",
        ncol=2,
        fontsize=SMALL_PT,
        frameon=True,
        facecolor="white",
        edgecolor="none",
        framealpha=0.9,
    )


# ================================================================ where it hurts over time


def regions_over_time_page(data: ReportData) -> Figure:
    """Four panels (pain, radiation, numbness/tingling, weakness): regions by month."""
    fig, zero = new_page(), _since(data.day0)
    y = page_title(
        fig,
        "Where it hurts over time",
        (
            "Share of the days logged in each month on which a place was named (darker = more "
            f"often). Rows run from the spine down the limbs; 30-day months since {zero}. "
            "Numbered lines are the events of the pain-over-time chart; hatched columns are months "
            "without entries."
        ),
    )
    monthly = data.spread.monthly
    if data.day0 is None or not monthly:
        message(fig, "No entries in this period, so there is nothing to chart yet.", y=0.6)
        return fig
    day0 = data.day0.day
    counts = data.spread.region_months
    logged = pd.Series({r.month_index: r.days_logged for r in monthly}, dtype=float)
    panels = [
        (title, frames.region_matrix(counts[key], list(logged.index)))
        for title, key in frames.SYMPTOM_PANELS
    ]
    if all(matrix.empty for _, matrix in panels):
        message(
            fig,
            "No places were logged (pain sites, radiation, numbness or weakness), so "
            "there is nothing to chart. Log them with --where, --radiates, --numb, --weak.",
            y=0.6,
        )
        return fig
    span = x_span(data, frames.daily_series(data.daily_pain), day0)
    events = [
        (n, (e.day - day0).days / MONTH_DAYS - 0.5)
        for n, e in numbered_events(data, span)
        if e.day > day0
    ]
    since = "surgery" if is_surgery(data.day0) else "the first entry"
    _draw_region_panels(fig, y + 6, panels, logged, events, since)
    return fig


def _since(day0: DayZero | None) -> str:
    """What day 0 is, for page subtitles."""
    if day0 is not None and is_surgery(day0):
        return f"surgery on {short_date(day0.day)}"
    return "the first entry (no surgery recorded)"


def _draw_region_panels(
    fig: Figure,
    y: float,
    panels: list[tuple[str, pd.DataFrame]],
    logged: pd.Series,
    events: list[tuple[int, float]],
    since: str,
) -> None:
    """Stack the panels down the page, heights in proportion to their rows."""
    shown = [(t, *frames.top_rows(m, MAX_PANEL_ROWS)) for t, m in panels]
    rows = sum(len(m) for _, m, _ in shown if not m.empty)
    drawn = sum(1 for _, m, _ in shown if not m.empty)
    header, axis, bar = 20.0, 30.0, 50.0
    free = PT_H - 60 - bar - y - len(shown) * header - drawn * axis
    row_h = float(np.clip(free / max(rows, 1), 10, 26))
    image = None
    for title, matrix, hidden in shown:
        if matrix.empty:
            fig.text(
                MARGIN / PT_W,
                1 - y / PT_H,
                f"{title}: none logged in this period.",
                fontsize=BODY_PT,
                color=GREY,
                va="top",
            )
            y += header
            continue
        label = title + (f" ({hidden} less frequent places not shown)" if hidden else "")
        fig.text(
            MARGIN / PT_W, 1 - y / PT_H, label, fontsize=HEADING_PT - 1, weight="bold", va="top"
        )
        height = row_h * len(matrix)
        ax = axes_at(fig, MARGIN + 80, y + header, PT_W - 2 * MARGIN - 86, height)
        image = _heatmap(ax, matrix, logged, events, since, numbered=image is None)
        y += header + height + axis
    if image is not None:
        cax = axes_at(fig, MARGIN + 80, y + 6, 200, 9)
        colour_bar = fig.colorbar(image, cax=cax, orientation="horizontal")
        colour_bar.set_ticks([0, 0.25, 0.5, 0.75, 1.0], labels=["0", "25", "50", "75", "100 %"])
        colour_bar.ax.tick_params(labelsize=SMALL_PT)
        fig.text(
            (MARGIN + 290) / PT_W,
            1 - (y + 10) / PT_H,
            "of the days logged that month",
            fontsize=SMALL_PT,
            va="center",
        )


def _heatmap(
    ax: Axes,
    matrix: pd.DataFrame,
    logged: pd.Series,
    events: list[tuple[int, float]],
    since: str,
    numbered: bool,
) -> AxesImage:
    """One panel: regions by month, shaded by the share of logged days with the symptom."""
    from tracker.regions import REGIONS

    months = list(logged.index)
    with np.errstate(divide="ignore", invalid="ignore"):
        share = matrix.to_numpy() / logged.to_numpy()[None, :]
    image = ax.imshow(
        np.nan_to_num(share),
        aspect="auto",
        cmap=DAYS_CMAP,
        vmin=0,
        vmax=1,
        interpolation="nearest",
        extent=(months[0] - 0.5, months[-1] + 0.5, len(matrix) - 0.5, -0.5),
    )
    for month in logged.index[logged.to_numpy() == 0]:
        ax.axvspan(
            month - 0.5,
            month + 0.5,
            facecolor="#F2F2F2",
            edgecolor=LIGHT_GREY,
            hatch="////",
            linewidth=0,
        )
    if events:
        xs = [x for _, x in events]
        ax.vlines(xs, -0.5, len(matrix) - 0.5, colors=ORANGE, linestyles=(0, (3, 2)), linewidth=1.1)
    for number, x in events if numbered else ():
        ax.text(x, -0.5, str(number), ha="center", va="bottom", fontsize=MIN_PT, color=INK)
    ax.set_yticks(range(len(matrix)))
    ax.set_yticklabels(
        [REGIONS[n].label if n in REGIONS else n for n in matrix.index], fontsize=SMALL_PT
    )
    ax.tick_params(axis="y", length=0)
    ax.set_xlim(months[0] - 0.5, months[-1] + 0.5)
    if len(months) <= 15:
        ax.set_xticks(months)
    else:
        ax.xaxis.set_major_locator(MaxNLocator(nbins=14, integer=True, steps=[1, 2, 3, 6, 10]))
    ax.set_xlabel(f"months since {since}", fontsize=SMALL_PT, color=GREY, labelpad=1)
    separators = np.arange(1, len(matrix)) - 0.5
    ax.hlines(separators, months[0] - 0.5, months[-1] + 0.5, colors="white", linewidth=1.0)
    for side in ("top", "right", "left"):
        ax.spines[side].set_visible(False)
    return image


# ================================================================ the monthly table

TABLE_HEADINGS = (  # key, heading, alignment, width (points)
    ("since", "Month\nsince\n{day0}", "left", 44),
    ("label", "Dates", "left", 106),
    ("days_logged", "Days\nlogged", "right", 38),
    ("median", "Median\npain", "right", 40),
    ("mean", "Mean\npain", "right", 38),
    ("worst", "Worst\npain", "right", 38),
    ("radiation_share", "Radiating\n% of days", "right", 50),
    ("numbness_share", "Numb or\ntingling\n% of days", "right", 50),
    ("back_median", "Back\npain\n(median)", "right", 44),
    ("leg_median", "Leg\npain\n(median)", "right", 44),
)


def monthly_table_page(data: ReportData) -> Figure:
    """Month by month: pain median, mean and worst, days logged, radiation and numbness."""
    fig, zero = new_page(), _since(data.day0)
    y = page_title(
        fig,
        "Month by month",
        (
            f"30-day months counted from {zero}. Pain scores are 0-10; median and mean are "
            "of daily averages, worst is the highest single score. Shares are of the days logged "
            "that month. Back and leg pain are the scores given to those places."
        ),
    )
    table = frames.monthly_frame(data.spread.monthly, min(data.period_end, data.as_of))
    if table.empty:
        message(
            fig, "No entries since day 0 in this period, so there is no monthly table yet.", y=0.6
        )
        return fig
    table, folded = frames.collapse_years(table)
    day0_word = "surgery" if is_surgery(data.day0) else "day 0"
    columns = [
        (c[0], c[1].format(day0=day0_word), *c[2:])
        for c in TABLE_HEADINGS
        if c[0] not in ("back_median", "leg_median") or table[c[0]].notna().any()
    ]
    y = _draw_table(fig, y + 4, table, columns)
    _table_notes(fig, y, data, folded, len(columns) < len(TABLE_HEADINGS))
    return fig


def _draw_table(
    fig: Figure, y: float, table: pd.DataFrame, columns: list[tuple[str, str, str, int]]
) -> float:
    """Header and rows as aligned text with light banding; returns the y below it."""
    spare = (PT_W - 2 * MARGIN - sum(c[3] for c in columns)) / len(columns)
    edges = np.cumsum([0] + [c[3] + spare for c in columns])
    width = float(edges[-1])
    row_h = min(17.0, (PT_H - 110 - y - 40) / max(len(table), 1))
    size = SMALL_PT if row_h < 15 else BODY_PT
    muted = (table["days_logged"].fillna(0) == 0).to_list()
    y_rows = y + 36
    fig.add_artist(_hline(y_rows - 2, width))
    for number in range(0, len(table), 2):
        _band(fig, y_rows + number * row_h, row_h, width)
    rows = [
        (y_rows + (i + 0.5) * row_h, row, m)
        for i, ((_, row), m) in enumerate(zip(table.iterrows(), muted, strict=True))
    ]
    for (key, heading, align, _), left, right in zip(columns, edges[:-1], edges[1:], strict=True):
        x = MARGIN + (left + 3 if align == "left" else right - 3)
        fig.text(
            x / PT_W,
            1 - y / PT_H,
            heading,
            fontsize=MIN_PT,
            weight="bold",
            va="top",
            ha=align,
            linespacing=1.1,
        )
        for middle, row, grey in rows:
            fig.text(
                x / PT_W,
                1 - middle / PT_H,
                _cell(key, row),
                fontsize=size,
                va="center",
                ha=align,
                color=GREY if grey else INK,
            )
    y = y_rows + row_h * len(table)
    fig.add_artist(_hline(y, width))
    return y


def _cell(key: str, row: pd.Series) -> str:
    """One table cell as text; '-' for nothing logged."""
    value = row[key]
    if key in ("label", "since"):
        return str(value)
    if value is None or (isinstance(value, float) and np.isnan(value)):
        return "-"
    if key == "days_logged":
        return f"{int(value)}"
    if key.endswith("_share"):
        return f"{100 * value:.0f} %"
    return f"{value:.0f}" if key == "worst" else f"{value:.1f}"


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


def _table_notes(fig: Figure, y: float, data: ReportData, folded: int, no_split: bool) -> None:
    """What the table leaves out, said plainly."""
    flow = Flow(fig, y=y + 10)
    notes = []
    if folded:
        notes.append(
            f"The earliest {folded} months are folded into one row per calendar year (median of "
            "the monthly medians; means and shares weighted by days logged)."
        )
    day0 = data.day0
    before = sum(1 for e in data.entries if day0 and e.day < day0.day)
    if before:
        notes.append(
            f"{plural(before, 'entry', 'entries')} from before day 0 are not in the "
            "table (they appear on the pain-over-time chart)."
        )
    if no_split:
        notes.append(
            "A back or leg pain column appears once that pain is given its own score "
            "(for example --where lower-back=6 --where left-calf=5)."
        )
    notes.append("Months with no entries are shown with '-'.")
    flow.text(" ".join(notes), SMALL_PT, color=GREY)
