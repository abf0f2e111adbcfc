"""Page 4's charts of what provokes it (issue 9): a heat map of the share of days each activity
made back or leg pain worse or eased it, month by month, with the nights woken; and beneath
it, on the same month columns, the minutes the patient can walk, sit and stand (the weekly
check). Months are numbered from 1, as in the month table below them
(docs/method.md#month-numbers); the rules are in docs/clinical.md#provokes-by-month.
"""

from __future__ import annotations

import datetime as dt
import math

import numpy as np
from matplotlib.axes import Axes
from matplotlib.collections import PatchCollection
from matplotlib.figure import Figure
from matplotlib.patches import Rectangle
from matplotlib.ticker import MaxNLocator

from reports.charts import DAYS_CMAP
from reports.style import (
    BLUE,
    GREEN,
    GREY,
    INK,
    LIGHT_GREY,
    MARGIN,
    MIN_PT,
    PT_H,
    PT_W,
    VERMILLION,
    axes_at,
    shaded_cells,
    text_width,
)
from tracker.analysis.provokes import (
    MONTH_DAYS,
    MonthsRow,
    MovementMonths,
    Provokes,
)
from tracker.provokes_wording import ACTIVITY_WORDS

ROW_PT = 10.0  # a row holds its 8 pt label and figures (about 9.4 pt tall)
HEAD_PT = 12.0  # the month numbers above the columns
LABEL_W = 128.0  # the row labels, left of the columns
ALL_W = 30.0  # the right-hand column: the share since surgery
ALL_GAP = 6.0
NUMBERS_FROM_PT = 15.0  # cells narrower than this are shaded without their figure
SCOPE_WORDS = {
    "back": "Back-pain days answered",
    "leg": "Leg-pain days answered",
    "all": "Days answered",
}
MINUTES_STYLE = (  # weekly question, label, colour, line style, marker
    ("walk_minutes", "walking", VERMILLION, "-", "o"),
    ("sit_minutes", "sitting", BLUE, "--", "s"),
    ("stand_minutes", "standing", GREEN, ":", "^"),
)


def month_label(index: int, by: MovementMonths) -> str:
    """The printed number of a month index: from 1, starred when partial."""
    return f"{index + 1}{'*' if index == by.partial else ''}"


def _rows(by: MovementMonths) -> list[tuple[str, MonthsRow | None, tuple[int, ...] | None]]:
    """(label, row, days answered) in drawing order: each pain's days answered, then its
    activities; the nights woken last."""
    rows: list[tuple[str, MonthsRow | None, tuple[int, ...] | None]] = []
    for scope in by.scopes:
        rows.append((SCOPE_WORDS[scope.scope], None, scope.answered))
        for row in scope.rows:
            word = ACTIVITY_WORDS.get(row.activity or "", row.activity or "")
            lead = "worse" if row.direction == "worse" else "eased by"
            rows.append((f"{lead} {word}", row, None))
    if by.nights is not None and by.nights.answered:
        rows.append(("woken by pain (of nights)", by.nights, None))
    return rows


def heatmap_height(result: Provokes | None) -> float:
    """Points the heat map takes (month numbers, rows); 0 with nothing to draw."""
    by = result.by_month if result is not None else None
    if by is None:
        return 0.0
    return HEAD_PT + ROW_PT * len(_rows(by))


def movement_heatmap(fig: Figure, top: float, result: Provokes) -> float:
    """The heat map from `top` (points from the page top); returns the y below it."""
    by = result.by_month
    if by is None:
        return top
    rows = _rows(by)
    n = len(by.months)
    width = PT_W - 2 * MARGIN - LABEL_W - ALL_GAP - ALL_W
    cell = width / n
    ax = axes_at(fig, MARGIN + LABEL_W, top + HEAD_PT, width, ROW_PT * len(rows))
    ax.set_xlim(0, n)
    ax.set_ylim(len(rows), 0)
    ax.axis("off")
    total = axes_at(
        fig, MARGIN + LABEL_W + width + ALL_GAP, top + HEAD_PT, ALL_W, ROW_PT * len(rows)
    )
    total.set_xlim(0, 1)
    total.set_ylim(len(rows), 0)
    total.axis("off")
    numbers = cell >= NUMBERS_FROM_PT
    shares = np.full((len(rows), n), np.nan)  # NaN: a header row, or too few days answered
    totals = np.full((len(rows), 1), np.nan)
    hatched = []
    for y, (label, row, answered) in enumerate(rows):
        fig.text(
            (MARGIN + LABEL_W - 4) / PT_W,
            _row_y(ax, y),
            label,
            fontsize=MIN_PT,
            ha="right",
            va="center",
            weight="bold" if row is None else "normal",
            color=INK,
        )
        if row is None:  # a pain's days answered, month by month, in grey
            assert answered is not None
            for x, days in enumerate(answered):
                if numbers and days:
                    _figure(ax, x, y, str(days), GREY)
            _figure(total, 0, y, str(sum(answered)), GREY)
            if y:
                ax.axhline(y, color=LIGHT_GREY, linewidth=0.6)
            continue
        if row is by.nights:  # the nights apart from the pain below which they follow
            ax.axhline(y, color=LIGHT_GREY, linewidth=0.6)
        for x, month in enumerate(row.cells):
            if month.share is None:
                hatched.append(Rectangle((x, y), 1, 1))
                continue
            shares[y, x] = month.share
            if numbers:
                _figure(ax, x, y, f"{100 * month.share:.0f}", _ink(month.share))
        totals[y, 0] = row.share
        _figure(total, 0, y, f"{100 * row.share:.0f}", _ink(row.share))
    for axes, values in ((ax, shares), (total, totals)):
        shaded_cells(
            axes,
            np.arange(values.shape[1] + 1),
            np.arange(len(rows) + 1),
            values,
            DAYS_CMAP,
            edgecolor="white",
            linewidth=0.8,
        )
    if hatched:
        ax.add_collection(
            PatchCollection(
                hatched, facecolor="#F2F2F2", edgecolor=LIGHT_GREY, hatch="////", linewidth=0
            )
        )
    step = _label_step(by, cell)
    for x, index in enumerate(by.months):
        if x == n - 1 or (x % step == 0 and n - 1 - x >= step):  # the last always, apart
            ax.text(x + 0.5, -0.25, month_label(index, by), fontsize=MIN_PT, ha="center",
                    va="bottom", color=INK)  # fmt: skip
    total.text(0.5, -0.25, "all", fontsize=MIN_PT, ha="center", va="bottom", weight="bold")
    return top + HEAD_PT + ROW_PT * len(rows)


def _figure(ax: Axes, x: int, y: int, text: str, colour: str) -> None:
    """A cell's figure, centred in it."""
    ax.text(x + 0.5, y + 0.5, text, fontsize=MIN_PT, ha="center", va="center", color=colour)


def _ink(share: float) -> str:
    """White on the darker shades, ink on the lighter."""
    return "white" if share > 0.55 else INK


def _row_y(ax: Axes, y: int) -> float:
    """The figure y of the middle of row y of the heat map's axes."""
    box = ax.get_position()
    rows = ax.get_ylim()[0]
    return box.y1 - (y + 0.5) / rows * box.height


def _label_step(by: MovementMonths, cell: float) -> int:
    """Every how many months a month number is printed: all when they fit."""
    widest = max(text_width(month_label(i, by), MIN_PT) for i in by.months) + 4
    return max(1, math.ceil(widest / cell))


def minutes_chart(fig: Figure, top: float, height: float, result: Provokes) -> float:
    """Minutes the patient can walk, sit and stand before leg symptoms stop or slow them
    (the weekly check), on the heat map's month columns; returns the y below it."""
    by = result.by_month
    courses = {c.measure: c for c in result.weekly.minutes if c.points}
    if by is None or not courses or result.day0 is None:
        return top
    n = len(by.months)
    width = PT_W - 2 * MARGIN - LABEL_W - ALL_GAP - ALL_W
    ax = axes_at(fig, MARGIN + LABEL_W, top, width, height)
    first = by.months[0]
    ax.set_xlim(first, first + n)
    highest = 0
    for measure, label, colour, style, marker in MINUTES_STYLE:
        course = courses.get(measure)
        if course is None:
            continue
        x = np.array([_month_x(p.day, result.day0) for p in course.points])
        y = np.array([p.minutes for p in course.points], dtype=float)
        highest = max(highest, int(y.max()))
        began, latest = course.points[0].minutes, course.points[-1].minutes
        said = (
            f"{label} {began} min"
            if len(course.points) == 1
            else f"{label} {began} -> {latest} min"
        )
        ax.plot(x, y, color=colour, linestyle=style, linewidth=1.3, marker=marker,
                markersize=2.2, label=said)  # fmt: skip
    top_minutes = max(10, highest) * 1.12
    ax.set_ylim(0, top_minutes)
    ticks = MaxNLocator(nbins=3, integer=True, steps=[1, 2, 5, 10]).tick_values(0, top_minutes)
    ax.set_yticks([t for t in ticks if 0 <= t <= top_minutes])  # none beyond the axis
    ax.tick_params(axis="y", labelsize=MIN_PT, length=2, pad=1)
    ax.set_xticks(np.arange(first, first + n + 1), labels=[])
    ax.tick_params(axis="x", length=0)
    ax.grid(axis="x", color="#E4E4E4", linewidth=0.6)
    ax.grid(axis="y", color="#EEEEEE", linewidth=0.5)
    ax.set_axisbelow(True)
    for side in ("top", "right"):
        ax.spines[side].set_visible(False)
    fig.text(
        (MARGIN + LABEL_W - 22) / PT_W,
        1 - (top + height / 2) / PT_H,
        "Minutes before leg\nsymptoms stop or slow\nthe patient (weekly)",
        fontsize=MIN_PT,
        ha="right",
        va="center",
        linespacing=1.15,
    )
    ax.legend(
        loc="lower left",
        bbox_to_anchor=(0, 1.0),
        ncol=3,
        frameon=False,
        fontsize=MIN_PT,
        handlelength=2.4,
        columnspacing=1.4,
        borderaxespad=0.1,
        borderpad=0.1,
    )
    return top + height


def _month_x(day: dt.date, day0: dt.date) -> float:
    """A day on the month columns: month index m spans m to m + 1."""
    return ((day - day0).days + 0.5) / MONTH_DAYS
