"""Page 3's lower half: pain, radiation, numbness, tingling and weakness, place by month, on
the dates of every other chart (reports.timeline), laid out so that no text overlaps
another: rows tall enough for their labels, the date labels' own lines counted, the rows
that do not fit left out and counted."""

from __future__ import annotations

import datetime as dt

import numpy as np
import pandas as pd
from matplotlib.axes import Axes
from matplotlib.cm import ScalarMappable
from matplotlib.figure import Figure

from reports import frames, timeline
from reports.charts import DAYS_CMAP
from reports.style import (
    BODY_PT,
    GREY,
    LIGHT_GREY,
    MARGIN,
    MIN_PT,
    PT_H,
    PT_W,
    SMALL_PT,
    axes_at,
    note_instead,
    shaded_cells,
    text_width,
)
from reports.text_layer import page_text
from reports.timeline import num
from tracker.analysis.calendar import DAYS_PER_MONTH as MONTH_DAYS
from tracker.regions import REGIONS
from tracker.report_data import ReportData

ROW_PT = 10.5  # a row holds its 8 pt label (about 9.4 pt from ascender to descender)
MIN_ROW_PT = 9.6  # rows are drawn this close, down from ROW_PT, before any place is left out
HEADER_PT = 14.0  # a panel's title above its rows
GAP_PT = 8.0  # between panels
MIN_GAP_PT = 4.0  # between panels, where every place would not fit otherwise
BAR_PT = 36.0  # the colour bar and its note
LABEL_W = 92.0  # room for the places' names left of the rows


def region_panels(fig: Figure, y: float, data: ReportData, bottom: float) -> float:
    """The five symptoms' places by month from y down (at most to bottom); returns the y
    below them."""
    monthly = data.spread.monthly
    span = timeline.x_span(data)
    if data.day0 is None or not monthly or span is None:
        return y
    day0 = data.day0.day
    counts = data.spread.region_months
    logged = pd.Series({r.month_index: r.days_logged for r in monthly}, dtype=float)
    matrices = [
        (title, frames.region_matrix(counts.get(key, {}), list(logged.index)))
        for title, key in frames.SYMPTOM_PANELS
    ]
    drawn = [(title, matrix) for title, matrix in matrices if not matrix.empty]
    empty = [title for title, matrix in matrices if matrix.empty]
    if not drawn:
        return note_instead(
            fig, y, "No places were logged (pain sites, radiation, numbness, tingling or weakness)."
        )
    ticks = 3.5 + 3.5 + timeline.date_label_lines(span) * SMALL_PT * 1.25  # length, pad, lines
    wanted = sum(len(m) for _, m in drawn)
    for gap in (GAP_PT, MIN_GAP_PT):  # closer panels before closer rows, rows before cuts
        fixed = len(drawn) * (HEADER_PT + gap) + ticks + (14 if empty else 0) + BAR_PT
        space = bottom - y - fixed
        if space >= wanted * ROW_PT:
            break
    row_pt = float(np.clip(space / max(wanted, 1), MIN_ROW_PT, ROW_PT))
    limits = _row_limits([len(m) for _, m in drawn], int(space // row_pt))
    keys = timeline.numbered_events(data, span)
    edges = _month_edges(logged.index, day0, data)
    image = None
    last_ax = None
    for (title, matrix), limit in zip(drawn, limits, strict=True):
        matrix, hidden = frames.top_rows(matrix, limit)
        page_text(fig, MARGIN, y, title, BODY_PT, weight="bold", va="top")
        if hidden:  # named, never just counted (a page with room draws every place)
            page_text(
                fig,
                MARGIN + text_width(title + "  ", BODY_PT, bold=True),
                y,
                "also logged here, fewer days (no room for its row): "
                + ", ".join(REGIONS[n].label if n in REGIONS else n for n in hidden),
                MIN_PT,
                color=GREY,
                va="top",
            )
        height = row_pt * len(matrix)
        ax = axes_at(fig, MARGIN + LABEL_W, y + HEADER_PT, PT_W - 2 * MARGIN - LABEL_W - 6, height)
        image = _heatmap(ax, matrix, logged, edges, span)
        timeline.event_lines(ax, keys, span)
        timeline.date_axis(ax, span, labels=False)
        y += HEADER_PT + height + gap
        last_ax = ax
    if last_ax is not None:
        last_ax.tick_params(axis="x", labelbottom=True)
        y += ticks - gap + 4
    if empty:
        nothing = f"None logged in this period: {', '.join(t.lower() for t in empty)}."
        page_text(fig, MARGIN, y, nothing, SMALL_PT, color=GREY, va="top")
        y += 14
    if image is not None:
        cax = axes_at(fig, MARGIN + LABEL_W, y + 6, 160, 8)
        _colour_key(cax)
        fig.text(
            (MARGIN + LABEL_W + 170) / PT_W,
            1 - (y + 10) / PT_H,
            "of the days logged that month;\nhatched: no entries; lines: the numbered events",
            fontsize=MIN_PT,
            va="center",
        )
        y += BAR_PT
    return y


def _row_limits(rows: list[int], room: int) -> list[int]:
    """Rows each panel may show: all where they fit in `room`, else the largest panels cut
    first (each keeps at least one row)."""
    limits = list(rows)
    while sum(limits) > max(room, len(rows)):
        largest = max(range(len(limits)), key=lambda i: limits[i])
        if limits[largest] <= 1:
            break
        limits[largest] -= 1
    return limits


def _month_edges(months: pd.Index, day0: dt.date, data: ReportData) -> np.ndarray:
    """Date numbers of each 30-day month's start, and the end of the last (cut at as-of:
    a partial month is drawn as wide as its days)."""
    starts = [num(day0 + dt.timedelta(days=int(m) * MONTH_DAYS)) for m in months]
    end = day0 + dt.timedelta(days=(int(months[-1]) + 1) * MONTH_DAYS)
    last = min(end, min(data.period_end, data.as_of) + dt.timedelta(days=1))
    return np.array([*starts, num(last)])


def _colour_key(ax: Axes) -> None:
    """The heat maps' colour scale, 0 to 100 % of the days logged: each of the colour map's
    steps a pixel of one image row, stretched to the key's width (what a colour bar draws,
    without its machinery: a colour bar, or its steps as cells, was a tenth of page 3's
    time)."""
    steps = DAYS_CMAP.N
    shares = ((np.arange(steps) + 0.5) / steps)[None, :]
    ax.imshow(shares, cmap=DAYS_CMAP, vmin=0.0, vmax=1.0, aspect="auto",
              extent=(0.0, 1.0, 0.0, 1.0), interpolation="none")  # fmt: skip
    ax.set_xlim(0.0, 1.0)
    ax.set_ylim(0.0, 1.0)
    ax.set_yticks([])
    ax.set_xticks([0, 0.25, 0.5, 0.75, 1.0], labels=["0", "25", "50", "75", "100 %"])
    ax.tick_params(axis="x", labelsize=MIN_PT)
    for spine in ax.spines.values():
        spine.set_visible(True)
        spine.set_linewidth(0.6)


def _heatmap(
    ax: Axes,
    matrix: pd.DataFrame,
    logged: pd.Series,
    edges: np.ndarray,
    span: tuple[float, float],
) -> ScalarMappable:
    """One panel: places by month, shaded by the share of logged days with the symptom."""
    with np.errstate(divide="ignore", invalid="ignore"):
        share = matrix.to_numpy() / logged.to_numpy()[None, :]
    rows = np.arange(len(matrix) + 1) - 0.5
    image = shaded_cells(ax, edges, rows, np.nan_to_num(share), DAYS_CMAP)
    for i, month_days in enumerate(logged.to_numpy()):
        if month_days == 0:
            ax.axvspan(
                edges[i],
                edges[i + 1],
                facecolor="#F2F2F2",
                edgecolor=LIGHT_GREY,
                hatch="////",
                linewidth=0,
            )
    ax.set_ylim(len(matrix) - 0.5, -0.5)
    ax.set_yticks(range(len(matrix)))
    ax.set_yticklabels(
        [REGIONS[n].label if n in REGIONS else n for n in matrix.index], fontsize=MIN_PT
    )
    ax.tick_params(axis="y", length=0)
    ax.hlines(np.arange(1, len(matrix)) - 0.5, *span, colors="white", linewidth=1.0)
    for side in ("top", "right", "left"):
        ax.spines[side].set_visible(False)
    return image
