"""Page 3, where it hurts: front and back outlines at best and now, each place filled by how
bad it was (its median 0-10 rating) and hatched where pain radiated, was numb, tingled or
was weak (finer places of the leg as their own parts, with the skin areas L4, L5, S1
beside the leg); the numbers behind them; and the places month by month (reports.region_months)."""

from __future__ import annotations

from collections.abc import Sequence

from matplotlib.axes import Axes
from matplotlib.collections import PatchCollection
from matplotlib.figure import Figure
from matplotlib.patches import Ellipse, Patch, Polygon

from reports.style import (
    BLACK,
    BLUE,
    BODY_PT,
    CHAR_EM,
    GREEN,
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
    chars_for,
    message,
    new_page,
    page_title,
)
from reports.text import clip, wrap
from reports.text_layer import page_text
from tracker.analysis.spread import Shares, Window
from tracker.domain import plural
from tracker.regions import NAMES, REGIONS, ROOTS
from tracker.report_data import ReportData
from tracker.wording import after_day0, date_range

# Severity: the median 0-10 a place was given on the days it hurt; light to dark,
# greyscale-safe. A place named without a rating gets its own pale fill.
PAIN_CLASSES = ((7.0, "#A63A12"), (4.0, "#EE7E45"), (0.0, "#FBC39A"))
PAIN_LABELS = ("pain rated 7-10", "pain rated 4-6", "pain rated 0-3")
UNRATED = "#F3ECE4"
HATCHES = {"radiates": "////", "numb": "....", "tingling": "---", "weak": "xx"}
# Each kind its own colour as well as its own pattern, so that overlaid on one small place
# (a foot that is numb and tingles) they stay apart; numbness in the skin areas' blue.
HATCH_COLOURS = {"radiates": BLACK, "numb": BLUE, "tingling": GREEN, "weak": BLACK}
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
BODY_SCALE = 1.0  # points per body unit
SUBTITLE = (
    "Fill: how bad each place was (the median 0-10 rating given to it); hatching: pain "
    "radiated, numb, tingling or weak there (on at least 1 logged day in 10). LEFT and RIGHT "
    "are the patient's."
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
# Finer places (docs/clinical.md#dermatomes) in the view that shows them: None where the
# place is its parent's whole shape in that view (the top of the foot is the foot seen from
# the front, the sole the foot seen from behind), else its own part of the parent (x > 0
# side, larger x lateral). A finer place not in a view is not drawn in it.
WHOLE = None
FINER_SHAPES: dict[str, dict[str, tuple | None]] = {
    "front-thigh": {"front": WHOLE},
    "back-thigh": {"back": WHOLE},
    "outer-shin": {"front": (_P, [(10, 51), (15, 51), (13.5, 18), (10, 18)])},
    "inner-shin": {"front": (_P, [(5, 51), (10, 51), (10, 18), (6.5, 18)])},
    "top-of-foot": {"front": WHOLE},
    "sole": {"back": WHOLE},
    "outer-foot": {
        view: (_P, [(11.3, 12.5), (14, 12.5), (15.5, 5), (12, 5)]) for view in ("front", "back")
    },
    "big-toe": {view: (_P, [(5.5, 5), (9.3, 5), (9.3, 1), (6, 1)]) for view in ("front", "back")},
    "little-toe": {
        view: (_P, [(12, 5), (15.5, 5), (15, 1), (12, 1)]) for view in ("front", "back")
    },
}
# Where a skin area's letters go beside a leg (body units): the lower leg, the foot.
ROOT_LABEL_Y = {"shin": 34.0, "calf": 34.0, "foot": 8.0, "toes": 8.0}
ROOT_LABEL_X = 17.5

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
    from reports.region_months import region_panels

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
    elif not periods.apart:  # under 12 weeks since day 0: the same days as the last 6 weeks
        best_title, best_note = f"First 6 weeks {since}", "too early to compare: the same days; "
    else:
        best_title, best_note = f"First 6 weeks {since}", "no best period yet; "
    windows = [
        _window(best_title, periods.best, periods.best_shares, best_note),
        _window("Last 6 weeks", periods.recent, periods.recent_shares),
    ]
    height = _draw_bodies(fig, y + 2, windows)
    _legend(fig, y + 40)
    flow = Flow(fig, y=y + 2 + height + 6)
    skin = skin_area_line(windows)
    if skin:
        flow.text(skin, SMALL_PT)
        flow.space(4)
    _share_table(flow, windows)
    flow.space(8)
    flow.text("Where it hurts, month by month", HEADING_PT, weight="bold")
    region_panels(fig, flow.y + 2, data, bottom=PT_H - 40)
    return fig


def _window(title: str, window: Window, shares: Shares, note: str = "") -> dict:
    """A period's title, its dates and logged days, and its region shares."""
    when = (
        f"{note}{date_range(window.start, window.end)}, {plural(shares.days_logged, 'day')} logged"
    )
    return {"title": title, "when": when, "logged": shares.days_logged, "shares": shares}


FINER_OF: dict[str, tuple[str, ...]] = {}
for _name, _region in REGIONS.items():
    if _region.parent:
        FINER_OF[_region.parent] = (*FINER_OF.get(_region.parent, ()), _name)


def _base(name: str) -> str:
    """A region's name without its side ("left-big-toe" -> "big-toe")."""
    return name.split("-", 1)[1] if REGIONS[name].side else name


def members(name: str, view: str) -> tuple[str, ...]:
    """The places a drawn shape stands for in a view: itself and the finer places that are
    its whole shape there (the front of the foot is the top of the foot)."""
    whole = [
        finer
        for finer in FINER_OF.get(name, ())
        if view in FINER_SHAPES[_base(finer)] and FINER_SHAPES[_base(finer)][view] is WHOLE
    ]
    return (name, *whole)


def parts(name: str, view: str) -> list[tuple[str, tuple]]:
    """The finer places drawn as their own part of a shape in a view (x > 0 side)."""
    found = []
    for finer in FINER_OF.get(name, ()):
        shape = FINER_SHAPES[_base(finer)].get(view)
        if shape is not None:
            found.append((finer, shape))
    return found


def _folded(shares: Shares, kind: str, names: Sequence[str]) -> float:
    """A drawn shape's share: the highest of the places it stands for."""
    return max(shares.of(kind, name) for name in names)


def _severity(shares: Shares, names: Sequence[str]) -> float | None:
    """A drawn shape's median rating (the highest of its places), None if unrated."""
    found = [shares.intensity[n] for n in names if n in shares.intensity]
    return max(found) if found else None


def _shown(shares: Shares, names: Sequence[str]) -> bool:
    """Whether anything was logged for the places (a fill or a hatch would show)."""
    return _folded(shares, "pain", names) > 0 or any(
        _folded(shares, kind, names) >= MIN_HATCH_SHARE for kind in HATCHES
    )


LIMBS, PARTS, ON_TOP = 0, 1, 2  # drawing layers, bottom to top


class _Layers:
    """Body patches batched into a few collections (one artist each), drawn bottom to top:
    limbs and back bands, the finer places' parts of them, then the parts that overlap."""

    def __init__(self) -> None:
        self.fills: dict[int, list[tuple[Patch, str]]] = {LIMBS: [], PARTS: [], ON_TOP: []}
        self.hatches: dict[int, dict[str, list[Patch]]] = {LIMBS: {}, PARTS: {}, ON_TOP: {}}

    def region(
        self, layer: int, names: Sequence[str], shape: tuple, shares: Shares, under: str
    ) -> str:
        """A shape's fill (by severity; `under` where it did not hurt) and hatches
        (radiation, numbness, tingling, weakness); returns the fill."""
        hurt = _folded(shares, "pain", names) > 0
        fill = _pain_fill(_severity(shares, names)) if hurt else under
        self.fills[layer].append((_make(shape), fill))
        for kind in HATCHES:
            if _folded(shares, kind, names) >= MIN_HATCH_SHARE:
                self.hatches[layer].setdefault(kind, []).append(_make(shape))
        return fill

    def draw(self, ax: Axes) -> None:
        """Each layer's fills, then its hatches."""
        for layer in (LIMBS, PARTS, ON_TOP):
            patches = [patch for patch, _ in self.fills[layer]]
            colours = [colour for _, colour in self.fills[layer]]
            ax.add_collection(
                PatchCollection(patches, facecolors=colours, edgecolors=OUTLINE, linewidths=0.6),
                autolim=False,
            )
            for kind, patches in self.hatches[layer].items():
                # An edge of width 0: with edgecolor "none" the PDF backend fades hatches.
                collection = PatchCollection(
                    patches,
                    facecolors="none",
                    edgecolors=HATCH_COLOURS[kind],
                    hatchcolor=HATCH_COLOURS[kind],
                    linewidths=0,
                    hatch=HATCHES[kind],
                )
                collection.set_hatch_linewidth(1.0)
                ax.add_collection(collection, autolim=False)


VIEW_TITLES = {"front": "Front (facing you)", "back": "Back (from behind)"}


def _draw_bodies(fig: Figure, top: float, windows: Sequence[dict]) -> float:
    """Two pairs of figures (front, back), each pair under its period's title; returns height."""
    scale = BODY_SCALE
    height = (BODY_TOP - BODY_BOTTOM) * scale
    pair_width = (BODY_CENTRES[1] - BODY_CENTRES[0]) * 2 * scale
    size = BODY_PT + 0.5
    titles = [wrap(w["title"], chars_for(pair_width, size, bold=True)) for w in windows]
    whens = [wrap(w["when"], chars_for(pair_width, SMALL_PT)) for w in windows]
    lines = max(len(t) for t in titles)
    head = 32 + (lines - 1) * size * 1.25 + (max(len(w) for w in whens) - 1) * SMALL_PT * 1.25
    ax = axes_at(fig, MARGIN, top + head, BODIES_WIDTH * scale, height)
    ax.set_xlim(0, BODIES_WIDTH)
    ax.set_ylim(BODY_BOTTOM, BODY_TOP)
    ax.axis("off")
    layers = _Layers()
    for i, window in enumerate(windows):
        pair = (BODY_CENTRES[2 * i] + BODY_CENTRES[2 * i + 1]) / 2 * scale + MARGIN
        for number, line in enumerate(titles[i]):
            page_text(
                fig,
                pair,
                top + number * size * 1.25,
                line,
                size,
                ha="center",
                va="top",
                weight="bold",
            )
        for number, line in enumerate(whens[i]):
            below = top + lines * size * 1.25 + 2 + number * SMALL_PT * 1.25
            page_text(fig, pair, below, line, SMALL_PT, ha="center", va="top", color=GREY)
        for j, view in enumerate(("front", "back")):
            _draw_body(ax, layers, view, window, BODY_CENTRES[2 * i + j])
    layers.draw(ax)
    return head + height


def _draw_body(ax: Axes, layers: _Layers, view: str, window: dict, dx: float) -> None:
    """One outline centred at x = dx: head and torso now, its regions into the layers, and
    the skin areas of its numb or tingling places beside the legs."""
    outline = [Ellipse((dx, 184), 22, 28), Polygon([(x + dx, y) for x, y in TORSO])]
    ax.add_collection(
        PatchCollection(outline, facecolors="white", edgecolors=OUTLINE, linewidths=0.8),
        autolim=False,
    )
    shares = window["shares"]
    roots: dict[tuple[str, float], set[str]] = {}
    for base in FRONT if view == "front" else BACK:
        for name, shape, sign in _placed(base, view, dx):
            layer = ON_TOP if base in OVERLAPPING else LIMBS
            names = members(name, view)
            fill = layers.region(layer, names, shape, shares, "white")
            for finer, part in parts(name, view):
                if _shown(shares, (finer,)):
                    layers.region(PARTS, (finer,), _moved(part, sign, dx), shares, fill)
                    names = (*names, finer)
            if base in ROOT_LABEL_Y:
                roots.setdefault((name.split("-", 1)[0], ROOT_LABEL_Y[base]), set()).update(
                    nerve_roots(shares, names)
                )
    _root_labels(ax, roots, view, dx)
    ax.text(dx, BODY_TOP, VIEW_TITLES[view], ha="center", va="top", fontsize=SMALL_PT, color=INK)
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


def nerve_roots(shares: Shares, names: Sequence[str]) -> set[str]:
    """The nerve roots (L4, L5, S1) whose skin areas hold the numb or tingling places among
    names (docs/clinical.md#dermatomes)."""
    return {
        root
        for name in names
        if (root := REGIONS[name].root)
        and max(shares.of("numb", name), shares.of("tingling", name)) >= MIN_HATCH_SHARE
    }


def _root_labels(ax: Axes, roots: dict[tuple[str, float], set[str]], view: str, dx: float) -> None:
    """'L5', 'L5 S1' beside the lower leg or foot, on the outer side of that leg."""
    left_sign = 1 if view == "front" else -1
    for (side, y), found in roots.items():
        if not found:
            continue
        sign = left_sign if side == "left" else -left_sign
        ax.text(
            dx + sign * ROOT_LABEL_X,
            y,
            " ".join(r for r in ROOTS if r in found),
            ha="left" if sign > 0 else "right",
            va="center",
            fontsize=MIN_PT,
            weight="bold",
            color=BLUE,
        )


def _placed(base: str, view: str, dx: float) -> list[tuple[str, tuple, int]]:
    """(canonical region, shape, side's sign) for a body part; sided parts give a left and a
    right shape."""
    if base in MIDLINE_SHAPES:
        return [(base, _moved(MIDLINE_SHAPES[base], 1, dx), 1)]
    # Front view: the patient's left is on the viewer's right; back view: on the left.
    left_sign = 1 if view == "front" else -1
    return [
        (f"{side}-{base}", _moved(LIMB_SHAPES[base], sign, dx), sign)
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
        Patch(
            facecolor="white",
            edgecolor=OUTLINE,
            hatch=HATCHES[k],
            hatchcolor=HATCH_COLOURS[k],
            label=HATCH_LABELS[k],
        )
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


def _place(name: str) -> str:
    """A place's label without its side ("left big toe" -> "big toe")."""
    region = REGIONS[name]
    return region.label.removeprefix(f"{region.side} ") if region.side else region.label


def _skin_phrase(shares: Shares) -> str:
    """Which skin areas the numb and the tingling places of the legs lie in, by side."""
    phrases = []
    for kind, word in (("numb", "numb"), ("tingling", "tingling")):
        areas: dict[tuple[str, str], list[str]] = {}
        several: list[str] = []
        for name in NAMES:
            region = REGIONS[name]
            if region.limb != "leg" or region.side is None:
                continue
            if shares.of(kind, name) < MIN_HATCH_SHARE:
                continue
            if region.root:
                areas.setdefault((region.side, region.root), []).append(_place(name))
            else:
                several.append(REGIONS[name].label)
        said = [
            f"the {side} {root} skin area ({', '.join(places)})"
            for (side, root), places in sorted(
                areas.items(), key=lambda kv: (kv[0][0], ROOTS.index(kv[0][1]))
            )
        ]
        if several:
            said.append(f"the {' and '.join(several)} (no single skin area)")
        if said:
            phrases.append(f"{word} in {', '.join(said)}")
    return "; ".join(phrases) if phrases else "no numb or tingling place on the legs"


def skin_area_line(windows: Sequence[dict]) -> str | None:
    """One sentence: the skin areas (dermatomes) of the numb and tingling places, now and at
    best (docs/clinical.md#dermatomes); None when neither period has any."""
    said = [(w["title"], _skin_phrase(w["shares"])) for w in windows]
    if all(phrase.startswith("no numb") for _, phrase in said):
        return None
    (best_title, best), (now_title, now) = said
    at_best = "the same" if best == now else best
    return (
        f"Skin areas (dermatomes, in blue beside the legs): {now_title.lower()}: {now}. "
        f"{best_title}: {at_best}."
    )


TABLE_HEADS = ("rated", "pain", "radiates", "numb", "tingling", "weak")
TABLE_KINDS = ("pain", "radiates", "numb", "tingling", "weak")
TABLE_LABEL_W, TABLE_GAP = 110.0, 14.0


def _column_widths(group: float) -> list[float]:
    """Each column's width within a period's group: its heading's or its widest cell's, the
    rest of the group shared out evenly."""
    natural = [max(len(h) * MIN_PT, 4 * SMALL_PT) * CHAR_EM for h in TABLE_HEADS]
    extra = max(0.0, (group - sum(natural)) / len(natural))
    return [width + extra for width in natural]


def _share_table(flow: Flow, windows: Sequence[dict]) -> None:
    """The numbers behind the drawing: per place and period, the median rating and the
    share of logged days with each symptom."""
    names = [
        n
        for n in NAMES
        if any(w["shares"].of(k, n) >= MIN_HATCH_SHARE for w in windows for k in TABLE_KINDS)
    ]
    if not names:
        flow.text(
            "No place was logged on at least 1 day in 10 in either period.", SMALL_PT, color=GREY
        )
        return
    shown = names[:MAX_TABLE_ROWS]
    fig, x0 = flow.fig, MARGIN
    group = (PT_W - 2 * MARGIN - TABLE_LABEL_W - TABLE_GAP) / 2
    widths = _column_widths(group)
    right_edges: list[float] = []
    for i in range(len(windows)):
        left = x0 + TABLE_LABEL_W + i * (group + TABLE_GAP)
        for width in widths:
            left += width
            right_edges.append(left)
    per = len(TABLE_HEADS)
    for i, window in enumerate(windows):
        first = x0 + TABLE_LABEL_W + i * (group + TABLE_GAP)
        title = clip(window["title"], chars_for(group, SMALL_PT, bold=True))
        page_text(
            fig, first + group / 2, flow.y, title, SMALL_PT, weight="bold", ha="center", va="top"
        )
    page_text(fig, x0, flow.y, "rated: median 0-10", MIN_PT, va="top")
    flow.space(8 + SMALL_PT)
    page_text(fig, x0, flow.y, "others: % of days", MIN_PT)
    for i, edge in enumerate(right_edges):
        page_text(fig, edge - 2, flow.y, TABLE_HEADS[i % per], MIN_PT, ha="right", color=GREY)
    flow.space(4)
    for name in shown:
        page_text(fig, x0, flow.y, REGIONS[name].label, SMALL_PT, va="top")
        for i, window in enumerate(windows):
            shares = window["shares"]
            cells = [f"{shares.intensity[name]:.1f}" if name in shares.intensity else "-"]
            cells += [
                f"{100 * shares.of(kind, name):.0f}" if shares.of(kind, name) else "-"
                for kind in TABLE_KINDS
            ]
            for k, cell in enumerate(cells):
                page_text(
                    fig, right_edges[per * i + k] - 2, flow.y, cell, SMALL_PT, ha="right", va="top"
                )
        flow.space(SMALL_PT * 1.4)
    if len(names) > len(shown):
        flow.text(f"and {plural(len(names) - len(shown), 'more place')}.", SMALL_PT, color=GREY)
