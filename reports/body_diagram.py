"""Page 3, where it hurts: front and back outlines at best and now, each place filled by how
bad it was (its median 0-10 rating) and hatched where pain radiated, was numb, tingled or
was weak; the numbers behind them; and the places month by month (reports.charts)."""

from __future__ import annotations

from collections.abc import Sequence

from matplotlib.axes import Axes
from matplotlib.collections import PatchCollection
from matplotlib.figure import Figure
from matplotlib.patches import Ellipse, Patch, Polygon

from reports.style import (
    BLACK,
    BODY_PT,
    GREY,
    HEADING_PT,
    INK,
    MARGIN,
    MIN_PT,
    PT_H,
    PT_W,
    SMALL_PT,
    Flow,
    axes_at,
    message,
    new_page,
    page_title,
)
from tracker.analysis.spread import Shares, Window
from tracker.domain import plural
from tracker.regions import NAMES, REGIONS
from tracker.report_data import ReportData
from tracker.wording import after_day0, date_range

# Severity: the median 0-10 a place was given on the days it hurt; light to dark,
# greyscale-safe. A place named without a rating gets its own pale fill.
PAIN_CLASSES = ((7.0, "#A63A12"), (4.0, "#EE7E45"), (0.0, "#FBC39A"))
PAIN_LABELS = ("pain rated 7-10", "pain rated 4-6", "pain rated 0-3")
UNRATED = "#F3ECE4"
HATCHES = {"radiates": "////", "numb": "....", "tingling": "---", "weak": "xx"}
HATCH_LABELS = {
    "radiates": "pain radiated here",
    "numb": "numb (a deficit)",
    "tingling": "tingling",
    "weak": "weak",
}
MIN_HATCH_SHARE = 0.10
OVERLAPPING = {"hip", "groin", "buttock", "si-joint", "tailbone", "saddle"}  # drawn last
BODY_CENTRES = (42.0, 126.0, 222.0, 306.0)  # front and back at best, front and back now
BODIES_WIDTH, BODY_BOTTOM, BODY_TOP = 348.0, -14.0, 214.0
BODY_SCALE = 1.12  # points per body unit
SUBTITLE = (
    "Fill: how bad each place was (the median of the 0-10 ratings given to it); hatching: "
    "where pain radiated, was numb, tingled or was weak (on at least 1 logged day in 10). "
    "LEFT and RIGHT are the patient's."
)
MAX_TABLE_ROWS = 9
OUTLINE = "#7A7A7A"

# Shapes for one side of the body, x > 0 (mirrored for the other side); y: 0 feet .. 200 head.
_E = "ellipse"
_P = "polygon"
LIMB_SHAPES: dict[str, tuple] = {
    "shoulder": (_E, (23, 157), 10, 10),
    "upper-arm": (_P, [(20, 153), (28.5, 155), (31, 131), (25, 130)]),
    "elbow": (_E, (28, 127), 7.5, 7),
    "forearm": (_P, [(24.5, 124), (31.5, 124), (35, 104), (30, 103)]),
    "wrist": (_E, (32.5, 101), 6, 4),
    "hand": (_P, [(29.5, 99), (36, 99), (37, 90), (30, 90)]),
    "fingers": (_P, [(30, 90), (37, 90), (36, 82), (31, 82)]),
    "thigh": (_P, [(1.5, 100), (19, 102), (15.5, 60), (4.5, 60)]),
    "knee": (_E, (10, 56), 11, 9),
    "shin": (_P, [(5, 51), (15, 51), (13.5, 18), (6.5, 18)]),
    "calf": (_P, [(5, 51), (15, 51), (13.5, 18), (6.5, 18)]),
    "ankle": (_E, (10, 15), 7, 5),
    "foot": (_P, [(6, 12.5), (14, 12.5), (15.5, 5), (5.5, 5)]),
    "toes": (_P, [(5.5, 5), (15.5, 5), (15, 1), (6, 1)]),
    "hip": (_E, (18.5, 105), 7, 11),
    "groin": (_E, (7.5, 99), 8, 6),
    "buttock": (_E, (9.5, 100.5), 17, 17),
    "si-joint": (_E, (5.5, 113), 4.5, 6.5),
}
MIDLINE_SHAPES: dict[str, tuple] = {
    "neck": (_P, [(-6, 163), (6, 163), (6, 171), (-6, 171)]),
    "upper-back": (_P, [(-21, 146), (21, 146), (22, 160), (6, 164), (-6, 164), (-22, 160)]),
    "mid-back": (_P, [(-16.5, 128), (16.5, 128), (19, 146), (-19, 146)]),
    "lower-back": (_P, [(-17, 110), (17, 110), (16.5, 128), (-16.5, 128)]),
    "tailbone": (_P, [(-3, 109), (3, 109), (0, 100)]),
    "saddle": (_P, [(0, 97), (3.5, 93), (0, 89), (-3.5, 93)]),
}
FRONT = (
    "neck",
    "shoulder",
    "upper-arm",
    "elbow",
    "forearm",
    "wrist",
    "hand",
    "fingers",
    "thigh",
    "knee",
    "shin",
    "ankle",
    "foot",
    "toes",
    "hip",
    "groin",
    "saddle",
)
BACK = (
    "neck",
    "upper-back",
    "mid-back",
    "lower-back",
    "shoulder",
    "upper-arm",
    "elbow",
    "forearm",
    "wrist",
    "hand",
    "fingers",
    "thigh",
    "knee",
    "calf",
    "ankle",
    "foot",
    "buttock",
    "hip",
    "si-joint",
    "tailbone",
    "saddle",
)
TORSO = [
    (-6, 164),
    (6, 164),
    (22, 160),
    (19, 144),
    (16, 124),
    (19, 106),
    (19, 98),
    (-19, 98),
    (-19, 106),
    (-16, 124),
    (-19, 144),
    (-22, 160),
]


def body_diagram_page(data: ReportData) -> Figure:
    """Front and back at the post-op best beside the last 6 weeks, a legend, the numbers,
    and the places month by month."""
    from reports.charts import region_panels

    fig = new_page()
    y = page_title(fig, f"Where it hurts: at best {after_day0(data.day0)} and now", SUBTITLE)
    periods = data.spread.periods
    if periods is None or not data.entries:
        message(
            fig, "No entries since day 0 in this period, so there is no body diagram yet.", y=0.6
        )
        return fig
    since = after_day0(data.day0)
    if periods.best_source == "post_op_best":
        best_title, best_note = f"Best 6 weeks {since}", ""
    else:
        best_title, best_note = f"First 6 weeks {since}", "no best period yet; "
    windows = [
        _window(best_title, periods.best, periods.best_shares, best_note),
        _window("Last 6 weeks", periods.recent, periods.recent_shares),
    ]
    height = _draw_bodies(fig, y + 2, windows)
    _legend(fig, y + 40)
    flow = Flow(fig, y=y + 2 + height + 6)
    _share_table(flow, windows)
    flow.space(8)
    flow.text("Where it hurts, month by month", HEADING_PT, weight="bold")
    region_panels(fig, flow.y + 2, data, bottom=PT_H - 50)
    return fig


def _window(title: str, window: Window, shares: Shares, note: str = "") -> dict:
    """A period's title, its dates and logged days, and its region shares."""
    when = (
        f"{note}{date_range(window.start, window.end)}, {plural(shares.days_logged, 'day')} logged"
    )
    return {"title": title, "when": when, "logged": shares.days_logged, "shares": shares}


def _folded(shares: Shares, kind: str, name: str) -> float:
    """A drawn region's share: its own or that of any finer place within it (a numb big toe
    shows on the toes)."""
    values = [shares.of(kind, name)] + [shares.of(kind, finer) for finer in FINER_OF.get(name, ())]
    return max(values)


def _severity(shares: Shares, name: str) -> float | None:
    """A drawn region's median rating (the highest of it and its finer places), None if unrated."""
    found = [shares.intensity[n] for n in (name, *FINER_OF.get(name, ())) if n in shares.intensity]
    return max(found) if found else None


FINER_OF: dict[str, tuple[str, ...]] = {}
for _name, _region in REGIONS.items():
    if _region.parent:
        FINER_OF[_region.parent] = (*FINER_OF.get(_region.parent, ()), _name)


class _Layers:
    """Body patches batched into a few collections (one artist each), drawn bottom to top."""

    def __init__(self) -> None:
        self.fills: dict[bool, list[tuple[Patch, str]]] = {False: [], True: []}
        self.hatches: dict[bool, dict[str, list[Patch]]] = {False: {}, True: {}}

    def region(self, name: str, shape: tuple, window: dict) -> None:
        """A region's fill (by severity) and hatches (radiation, numbness, tingling, weakness)."""
        on_top = name.split("-", 1)[-1] in OVERLAPPING or name in OVERLAPPING
        shares = window["shares"]
        hurt = _folded(shares, "pain", name) > 0
        fill = _pain_fill(_severity(shares, name)) if hurt else "white"
        self.fills[on_top].append((_make(shape), fill))
        for kind in HATCHES:
            if _folded(shares, kind, name) >= MIN_HATCH_SHARE:
                self.hatches[on_top].setdefault(kind, []).append(_make(shape))

    def draw(self, ax: Axes) -> None:
        """Limbs and back bands, their hatches, then the parts that overlap them, theirs."""
        for on_top in (False, True):
            patches = [patch for patch, _ in self.fills[on_top]]
            colours = [colour for _, colour in self.fills[on_top]]
            ax.add_collection(
                PatchCollection(patches, facecolors=colours, edgecolors=OUTLINE, linewidths=0.6),
                autolim=False,
            )
            for kind, patches in self.hatches[on_top].items():
                # A black edge of width 0: with edgecolor "none" the PDF backend fades hatches.
                layer = PatchCollection(
                    patches, facecolors="none", edgecolors=BLACK, linewidths=0, hatch=HATCHES[kind]
                )
                layer.set_hatch_linewidth(1.0)
                ax.add_collection(layer, autolim=False)


def _draw_bodies(fig: Figure, top: float, windows: Sequence[dict]) -> float:
    """Two pairs of figures (front, back), each pair under its period's title; returns height."""
    scale = BODY_SCALE
    height = (BODY_TOP - BODY_BOTTOM) * scale
    ax = axes_at(fig, MARGIN, top + 32, BODIES_WIDTH * scale, height)
    ax.set_xlim(0, BODIES_WIDTH)
    ax.set_ylim(BODY_BOTTOM, BODY_TOP)
    ax.axis("off")
    layers = _Layers()
    for i, window in enumerate(windows):
        pair = (BODY_CENTRES[2 * i] + BODY_CENTRES[2 * i + 1]) / 2 * scale + MARGIN
        fig.text(
            pair / PT_W,
            1 - top / PT_H,
            window["title"],
            ha="center",
            va="top",
            fontsize=HEADING_PT - 0.5,
            weight="bold",
        )
        fig.text(
            pair / PT_W,
            1 - (top + 15) / PT_H,
            window["when"],
            ha="center",
            va="top",
            fontsize=SMALL_PT,
            color=GREY,
        )
        for j, view in enumerate(("front", "back")):
            _draw_body(ax, layers, view, window, BODY_CENTRES[2 * i + j])
    layers.draw(ax)
    return 32 + height


def _draw_body(ax: Axes, layers: _Layers, view: str, window: dict, dx: float) -> None:
    """One outline centred at x = dx: head and torso now, its regions into the layers."""
    outline = [Ellipse((dx, 184), 22, 28), Polygon([(x + dx, y) for x, y in TORSO])]
    ax.add_collection(
        PatchCollection(outline, facecolors="white", edgecolors=OUTLINE, linewidths=0.8),
        autolim=False,
    )
    for base in FRONT if view == "front" else BACK:
        for name, shape in _placed(base, view, dx):
            layers.region(name, shape, window)
    ax.text(dx, BODY_TOP, view.capitalize(), ha="center", va="top", fontsize=BODY_PT, color=INK)
    left_x = 24 if view == "front" else -24
    for x, side in ((left_x, "LEFT"), (-left_x, "RIGHT")):
        ax.text(dx + x, -11, side, ha="center", fontsize=SMALL_PT, weight="bold", color=INK)
    if not window["logged"]:
        ax.text(
            dx,
            140,
            "no entries\nin this period",
            ha="center",
            va="center",
            fontsize=SMALL_PT,
            color=GREY,
            zorder=5,
        )


def _placed(base: str, view: str, dx: float) -> list[tuple[str, tuple]]:
    """(canonical region, shape) for a body part; sided parts give a left and a right shape."""
    if base in MIDLINE_SHAPES:
        return [(base, _moved(MIDLINE_SHAPES[base], 1, dx))]
    # Front view: the patient's left is on the viewer's right; back view: on the left.
    left_sign = 1 if view == "front" else -1
    return [
        (f"{side}-{base}", _moved(LIMB_SHAPES[base], sign, dx))
        for side, sign in (("left", left_sign), ("right", -left_sign))
    ]


def _moved(shape: tuple, sign: int, dx: float) -> tuple:
    """A shape mirrored to one side (sign) and moved right by dx."""
    if shape[0] == _E:
        (x, y), w, h = shape[1], shape[2], shape[3]
        return (_E, (sign * x + dx, y), w, h)
    return (_P, [(sign * x + dx, y) for x, y in shape[1]])


def _make(shape: tuple) -> Patch:
    """A matplotlib patch from a shape tuple (styled by its collection)."""
    if shape[0] == _E:
        return Ellipse(shape[1], shape[2], shape[3])
    return Polygon(shape[1], closed=True)


def _pain_fill(rating: float | None) -> str:
    """The fill for a place that hurt, by its median rating (pale when never rated)."""
    if rating is None:
        return UNRATED
    for floor, colour in PAIN_CLASSES:
        if rating >= floor:
            return colour
    return PAIN_CLASSES[-1][1]


def _legend(fig: Figure, top: float) -> None:
    """What the fills and hatches mean, stacked to the right of the bodies."""
    handles = [
        Patch(facecolor=c, edgecolor=OUTLINE, label=label)
        for (_, c), label in zip(PAIN_CLASSES, PAIN_LABELS, strict=True)
    ]
    handles.append(Patch(facecolor=UNRATED, edgecolor=OUTLINE, label="pain, not rated"))
    handles.append(Patch(facecolor="white", edgecolor=OUTLINE, label="no pain logged"))
    handles += [
        Patch(facecolor="white", edgecolor=OUTLINE, hatch=HATCHES[k], label=HATCH_LABELS[k])
        for k in HATCHES
    ]
    fig.legend(
        handles=handles,
        loc="upper left",
        ncol=1,
        frameon=False,
        fontsize=SMALL_PT,
        bbox_to_anchor=((MARGIN + BODIES_WIDTH * BODY_SCALE + 8) / PT_W, 1 - top / PT_H),
        handlelength=2.0,
        handleheight=1.3,
        labelspacing=0.45,
    )


def _share_table(flow: Flow, windows: Sequence[dict]) -> None:
    """The numbers behind the drawing: per place and period, the median rating and the
    share of logged days with each symptom."""
    kinds = ("pain", "radiates", "numb", "tingling", "weak")
    heads = ["rated", "pain", "radiates", "numb", "tingling", "weak"]
    names = [
        n
        for n in NAMES
        if any(w["shares"].of(k, n) >= MIN_HATCH_SHARE for w in windows for k in kinds)
    ]
    if not names:
        flow.text(
            "No place was logged on at least 1 day in 10 in either period.", SMALL_PT, color=GREY
        )
        return
    shown = names[:MAX_TABLE_ROWS]
    fig, x0 = flow.fig, MARGIN
    label_w, gap = 104.0, 12.0
    col_w = (PT_W - 2 * MARGIN - label_w - gap) / (2 * len(heads))
    right_edges = [
        x0 + label_w + col_w * (i + 1) + (gap if i >= len(heads) else 0)
        for i in range(2 * len(heads))
    ]
    for i, window in enumerate(windows):
        first, last = right_edges[len(heads) * i] - col_w, right_edges[len(heads) * (i + 1) - 1]
        fig.text(
            (first + last) / 2 / PT_W,
            1 - flow.y / PT_H,
            f"{window['title']}: median rating, % of days",
            fontsize=SMALL_PT,
            weight="bold",
            ha="center",
            va="top",
        )
    flow.space(10 + SMALL_PT)
    for i, edge in enumerate(right_edges):
        fig.text(
            (edge - 3) / PT_W,
            1 - flow.y / PT_H,
            heads[i % len(heads)],
            fontsize=MIN_PT,
            ha="right",
            va="baseline",
            color=GREY,
        )
    flow.space(4)
    for name in shown:
        fig.text(x0 / PT_W, 1 - flow.y / PT_H, REGIONS[name].label, fontsize=SMALL_PT, va="top")
        for i, window in enumerate(windows):
            shares = window["shares"]
            cells = [f"{shares.intensity[name]:.1f}" if name in shares.intensity else "-"]
            cells += [
                f"{100 * shares.of(kind, name):.0f} %" if shares.of(kind, name) else "-"
                for kind in kinds
            ]
            for k, cell in enumerate(cells):
                fig.text(
                    (right_edges[len(heads) * i + k] - 3) / PT_W,
                    1 - flow.y / PT_H,
                    cell,
                    fontsize=SMALL_PT,
                    ha="right",
                    va="top",
                )
        flow.space(SMALL_PT * 1.4)
    if len(names) > len(shown):
        flow.text(f"and {plural(len(names) - len(shown), 'more place')}.", SMALL_PT, color=GREY)
