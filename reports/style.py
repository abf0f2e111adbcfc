"""The report's look: A4 pages, Okabe-Ito colours, font sizes, and a simple text flow."""

from __future__ import annotations

import functools
import math
import unicodedata
from collections.abc import Iterable, Sequence
from contextlib import AbstractContextManager
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

import matplotlib

matplotlib.use("Agg")

import matplotlib.pyplot as plt  # noqa: E402
import numpy as np  # noqa: E402
from matplotlib.axes import Axes  # noqa: E402
from matplotlib.cm import ScalarMappable  # noqa: E402
from matplotlib.collections import PathCollection, PolyCollection  # noqa: E402
from matplotlib.colors import Colormap, Normalize  # noqa: E402
from matplotlib.figure import Figure  # noqa: E402
from matplotlib.patches import Rectangle  # noqa: E402
from matplotlib.path import Path as Outline  # noqa: E402

from reports.text import wrap  # noqa: E402
from reports.text_layer import page_text  # noqa: E402

if TYPE_CHECKING:
    from matplotlib.typing import RcKeyType

A4 = (8.27, 11.69)  # inches, portrait
PT_W, PT_H = A4[0] * 72, A4[1] * 72
MARGIN = 50.0  # points, left and right
PNG_DPI = 150

# Okabe-Ito: distinguishable with every common colour-vision deficiency.
BLACK = "#000000"
ORANGE = "#E69F00"
SKY = "#56B4E9"
GREEN = "#009E73"
YELLOW = "#F0E442"
BLUE = "#0072B2"
VERMILLION = "#D55E00"
PURPLE = "#CC79A7"
GREY = "#6B6B6B"
LIGHT_GREY = "#BDBDBD"
INK = "#1A1A1A"

TITLE_PT = 15
HEADING_PT = 11.5
BODY_PT = 9.5
SMALL_PT = 8.5
MIN_PT = 8
CHAR_EM = 0.55  # average character width of DejaVu Sans, in ems, with a safety margin
BOLD_EM = 0.62

STYLE: dict[RcKeyType, Any] = {
    "font.family": "DejaVu Sans",
    "font.size": BODY_PT,
    "axes.titlesize": HEADING_PT,
    "axes.labelsize": BODY_PT,
    "xtick.labelsize": SMALL_PT,
    "ytick.labelsize": SMALL_PT,
    "legend.fontsize": SMALL_PT,
    "axes.spines.top": False,
    "axes.spines.right": False,
    "axes.edgecolor": GREY,
    "axes.linewidth": 0.8,
    "xtick.color": INK,
    "ytick.color": INK,
    "text.color": INK,
    "axes.labelcolor": INK,
    "hatch.linewidth": 1.0,
    "pdf.compression": 6,
    "path.simplify": True,
}


CORE_FONTS: dict[RcKeyType, Any] = {
    "pdf.use14corefonts": True,
    "font.family": "sans-serif",
    "font.sans-serif": ["Helvetica", "DejaVu Sans"],
    "axes.unicode_minus": False,
}


# A PNG of a page laid out for Helvetica is drawn in DejaVu Sans (no Helvetica to rasterise
# on most machines): these settings lay it out for the font it is drawn in.
PNG_FONTS: dict[RcKeyType, Any] = {
    "pdf.use14corefonts": False,
    "font.family": "DejaVu Sans",
    "axes.unicode_minus": True,
}


def new_page() -> Figure:
    """An empty A4 portrait page (draw inside `plt.rc_context(STYLE)`)."""
    return Figure(figsize=A4)


# Fonts tried in turn for a character the first lacks (matplotlib's font fallback): DejaVu
# Sans covers Latin, Greek and Cyrillic; Noto Sans CJK (Debian's fonts-noto-cjk) Chinese,
# Japanese and Korean names. Only those installed are used.
FALLBACK_FAMILIES = ("DejaVu Sans", "Noto Sans CJK JP", "Noto Sans CJK SC", "Noto Sans")


def installed_families(families: Iterable[str] = FALLBACK_FAMILIES) -> list[str]:
    """The families of the list that this machine has."""
    from matplotlib import font_manager

    names = {font.name for font in font_manager.fontManager.ttflist}
    return [family for family in families if family in names]


def uncovered(texts: Iterable[str], families: Sequence[str]) -> list[str]:
    """Characters of the texts that none of the families has a glyph for (beyond Latin-1,
    which every one of them covers)."""
    from matplotlib import font_manager
    from matplotlib.ft2font import FT2Font

    wanted = sorted({c for c in "".join(texts) if ord(c) > 0xFF and not c.isspace()})
    if not wanted:
        return []
    missing = set(wanted)
    for family in families:
        path = font_manager.findfont(
            font_manager.FontProperties(family=family), fallback_to_default=False
        )
        charmap = FT2Font(path).get_charmap()
        missing = {c for c in missing if ord(c) not in charmap}
        if not missing:
            break
    return [c for c in wanted if c in missing]


def style_context(texts: Iterable[str] = ()) -> tuple[AbstractContextManager[None], list[str]]:
    """The report's matplotlib settings for everything drawn and saved inside it, and the
    characters of the texts that no installed font can print.

    The PDF uses the standard Helvetica (not embedded: text costs a tenth as much to write)
    when every text fits its cp1252 encoding; otherwise DejaVu Sans, embedded, falling back
    to Noto Sans CJK and others for what it lacks (a name such as "José Ñúñez 李").
    """
    texts = list(texts)
    style = dict(STYLE)
    try:
        "".join(texts).encode("cp1252")
    except UnicodeEncodeError:
        families = installed_families()
        style["font.family"] = families or ["DejaVu Sans"]
        return plt.rc_context(style), uncovered(texts, families)
    style.update(CORE_FONTS)
    return plt.rc_context(style), []


@functools.cache
def _helvetica_widths(bold: bool) -> dict[str, int]:
    """Advance widths (thousandths of an em) of Helvetica's printable ASCII characters, from
    the font metrics matplotlib ships for the PDF core fonts."""
    name = "Helvetica-Bold.afm" if bold else "Helvetica.afm"
    path = Path(matplotlib.get_data_path()) / "fonts" / "pdfcorefonts" / name
    widths: dict[str, int] = {}
    names: dict[str, int] = {}
    for line in path.read_text(encoding="latin-1").splitlines():
        if not line.startswith("C "):
            continue
        fields = dict(part.strip().split(" ", 1) for part in line.split(";") if " " in part.strip())
        code, width = int(fields["C"]), int(fields["WX"])
        names[fields["N"]] = width
        if 32 <= code <= 126:
            widths[chr(code)] = width
    widths["'"] = names.get("quotesingle", widths["'"])  # printed upright, not curly
    widths["`"] = names.get("grave", widths["`"])
    return widths


WIDE = 720  # thousandths of an em: an unmeasured character counts as wider than most


def text_width(text: str, size: float, bold: bool = False) -> float:
    """Width in points of a text in the report's font: Helvetica's metrics (accented letters
    as their base letter), or DejaVu Sans's when the PDF falls back to it."""
    if plt.rcParams["pdf.use14corefonts"]:
        return _helvetica_width(text, size, bold)
    return _dejavu_width(text, size, bold)


class _Advances(dict):
    """Advance widths (thousandths of an em) of DejaVu Sans's characters, read on demand;
    a character it lacks (printed from a fallback font) counts as a full em."""

    def __init__(self, bold: bool) -> None:
        super().__init__()
        from matplotlib import font_manager, ft2font

        weight = "bold" if bold else "normal"
        path = font_manager.findfont(
            font_manager.FontProperties(family="DejaVu Sans", weight=weight)
        )
        self.font = ft2font.FT2Font(path)
        self.font.set_size(1000, 72)  # an em of 1000 pixels: advances in thousandths
        self.charmap = self.font.get_charmap()
        # LoadFlags from matplotlib 3.10; a plain constant before it
        flags = getattr(ft2font, "LoadFlags", None)
        self.flags = flags.NO_HINTING if flags else getattr(ft2font, "LOAD_NO_HINTING")  # noqa: B009

    def __missing__(self, char: str) -> float:
        if ord(char) not in self.charmap:
            width = 1000.0
        else:
            width = self.font.load_char(ord(char), flags=self.flags).linearHoriAdvance / 65536
        self[char] = width
        return width


@functools.cache
def _dejavu_advances(bold: bool) -> _Advances:
    return _Advances(bold)


def _dejavu_width(text: str, size: float, bold: bool) -> float:
    advances = _dejavu_advances(bold)
    return sum(advances[char] for char in text) * size / 1000


def _helvetica_width(text: str, size: float, bold: bool) -> float:
    widths = _helvetica_widths(bold)
    total = 0
    for char in text:
        width = widths.get(char)
        if width is None:
            base = unicodedata.normalize("NFKD", char)[:1]
            width = widths.get(base, WIDE)
        total += width
    return total * size / 1000


def wrap_to(text: str, width_pt: float, size: float, bold: bool = False) -> list[str]:
    """Lines no wider than width_pt, broken at spaces, measured in the font's metrics; a
    percent sign is kept with its number ('80 %' never starts a line with '%')."""
    room = width_pt * 0.985  # a little slack for rounding in the PDF
    lines: list[str] = []
    line = ""
    words: list[str] = []
    for word in text.split():
        if words and word[:1] == "%":
            words[-1] = f"{words[-1]} {word}"
        else:
            words.append(word)
    for word in words:
        candidate = f"{line} {word}" if line else word
        if not line or text_width(candidate, size, bold) <= room:
            line = candidate
        else:
            lines.append(line)
            line = word
    if line or not lines:
        lines.append(line)
    return lines


def chars_for(width_pt: float, size: float, bold: bool = False) -> int:
    """How many characters of running text fit in a width at a font size."""
    em = BOLD_EM if bold else CHAR_EM
    if plt.rcParams["pdf.use14corefonts"]:
        em -= 0.04  # Helvetica is narrower than DejaVu Sans
    return max(10, int(width_pt / (size * em)))


def page_title(fig: Figure, title: str, subtitle: str | None = None) -> float:
    """A page heading at the top left, and a grey subtitle; returns the y (points) below them."""
    flow = Flow(fig, y=40.0)
    flow.text(title, TITLE_PT, weight="bold")
    if subtitle:
        flow.space(2)
        flow.text(subtitle, BODY_PT, color=GREY)
    return flow.y + 6


def page_footer(fig: Figure, text: str) -> None:
    """A small grey footer line: report name, patient, page number."""
    page_text(fig, MARGIN, PT_H - 22, text, MIN_PT, color=GREY, va="bottom")


def message(ax_or_fig: Axes | Figure, text: str, x: float = 0.5, y: float = 0.5) -> None:
    """A centred, wrapped note where a chart would be: says what is missing and why."""
    lines = wrap(text, 70)
    transform = ax_or_fig.transAxes if isinstance(ax_or_fig, Axes) else ax_or_fig.transFigure
    ax_or_fig.text(
        x,
        y,
        "\n".join(lines),
        ha="center",
        va="center",
        fontsize=BODY_PT,
        color=GREY,
        transform=transform,
        linespacing=1.4,
    )


def note_instead(fig: Figure, y: float, text: str) -> float:
    """One grey line at y (points from the top) where a panel or table has nothing to draw,
    saying what is missing; returns the y below it."""
    page_text(fig, MARGIN, y, text, BODY_PT, color=GREY, va="top")
    return y + 20


def axes_at(fig: Figure, left: float, top: float, width: float, height: float) -> Axes:
    """Axes placed in points from the page's left and top edges."""
    return fig.add_axes((left / PT_W, 1 - (top + height) / PT_H, width / PT_W, height / PT_H))


@dataclass
class Flow:
    """Text laid out down a page, top to bottom, in points from the top-left corner."""

    fig: Figure
    y: float
    left: float = MARGIN
    right: float = MARGIN
    bottom: float = 60.0
    tight: int = 0  # 1: optional lines left out, charts lower; 2: also notes at MIN_PT
    cut: bool = False  # set when a paragraph did not fit whole
    spared: float | None = None  # the room left above the bottom before lower_bottom()
    # Measured, not drawn: nothing is written and nothing cut short, so a page laid out dry
    # ends with spare() negative by exactly the points it falls short (charts.course_page).
    dry: bool = False

    @property
    def small(self) -> float:
        """The size of notes and tables: SMALL_PT, or MIN_PT on the tightest pages."""
        return MIN_PT if self.tight >= 2 else SMALL_PT

    @property
    def width(self) -> float:
        """Usable width in points."""
        return PT_W - self.left - self.right

    def room(self) -> float:
        """Points left above the bottom margin."""
        return PT_H - self.bottom - self.y

    def lines_fit(self, size: float) -> int:
        """How many more lines of this size fit."""
        return max(0, int(self.room() // (size * 1.35)))

    def lines_of(
        self, text: str, size: float, indent: float = 0.0, bold: bool = False
    ) -> list[str]:
        """The lines a paragraph takes in this flow's width."""
        return wrap_to(text, self.width - indent, size, bold)

    def height_of(self, text: str, size: float, indent: float = 0.0, bold: bool = False) -> float:
        """The points a paragraph written by text() takes."""
        return len(self.lines_of(text, size, indent, bold)) * size * 1.3 + size * 0.2

    def text(self, text: str, size: float = BODY_PT, indent: float = 0.0, **style: Any) -> int:
        """Write a wrapped paragraph; returns the number of lines written."""
        lines = self.lines_of(text, size, indent, style.get("weight") == "bold")
        if self.dry:
            self.y += len(lines) * size * 1.3 + size * 0.2
            return len(lines)
        fit = self.lines_fit(size)
        if len(lines) > fit:  # never below the bottom: cut short, and say so
            self.cut = True
            lines = lines[:fit]
            if not lines:
                return 0
            lines[-1] = lines[-1].rstrip(".,;") + " ..."
        # One text per line, placed by its baseline: multi-line texts shift lines whose
        # glyphs (brackets, accents) reach further than others'.
        for number, line in enumerate(lines):
            baseline = self.y + size * (0.95 + 1.3 * number)
            page_text(self.fig, self.left + indent, baseline, line, size, **style)
        self.y += len(lines) * size * 1.3 + size * 0.2
        return len(lines)

    def bullets(self, items: Iterable[str], size: float = BODY_PT, mark: str = "\u2022") -> None:
        """A list: each item wrapped with a hanging indent."""
        for item in items:
            if self.dry:
                self.text(item, size, indent=size * 1.1)
                self.y += 1
                continue
            if self.lines_fit(size) < 1:
                break
            baseline = self.y + size * 0.95
            page_text(self.fig, self.left, baseline, mark, size)
            self.text(item, size, indent=size * 1.1)
            self.y += 1

    def space(self, points: float) -> None:
        """Vertical space."""
        self.y += points

    def overflowed(self) -> bool:
        """Whether something was cut short or drawn below the bottom."""
        return self.cut or self.room() < 0

    def lower_bottom(self, bottom: float) -> None:
        """Let what follows run down to `bottom` points from the page's foot (a last note
        just above the footer)."""
        self.spared = self.room()
        self.bottom = bottom

    def spare(self) -> float:
        """The points left to spare: above the bottom, and above the first bottom for what
        was written before lower_bottom()."""
        return self.room() if self.spared is None else min(self.room(), self.spared)

    def box(self, top: float, face: str, edge: str, width: float = 1.2) -> None:
        """A rectangle behind what was written since `top` (points from the page top)."""
        if self.dry:
            return
        pad = 7
        rect = Rectangle(
            ((self.left - pad) / PT_W, 1 - (self.y + pad * 0.4) / PT_H),
            (self.width + 2 * pad) / PT_W,
            (self.y - top + pad * 1.4) / PT_H,
            transform=self.fig.transFigure,
            facecolor=face,
            edgecolor=edge,
            linewidth=width,
            zorder=-1,
        )
        self.fig.add_artist(rect)


def bars(
    ax: Axes,
    xs: Sequence[float],
    heights: Sequence[float],
    width: float,
    color: str,
    zorder: float = 3,
) -> None:
    """Bars centred on `xs`, drawn as one collection: what `ax.bar` draws, without one
    Rectangle artist per bar (a 14-month MME chart has 400 of them, and page 2 is laid out
    several times to fit: that was a third of the demo's report time). The axes' limits are
    the caller's to set."""
    half = width / 2
    polygons = [
        ((x - half, 0.0), (x - half, h), (x + half, h), (x + half, 0.0))
        for x, h in zip(xs, heights, strict=True)
        if h
    ]
    ax.add_collection(
        PolyCollection(polygons, facecolors=color, edgecolors="none", zorder=zorder),
        autolim=False,
    )


def dots(
    ax: Axes,
    xs: Sequence[float] | np.ndarray,
    ys: Sequence[float] | np.ndarray,
    size: float,
    color: str,
    zorder: float = 2,
    label: str | None = None,
) -> None:
    """Round dots of `size` square points at (xs, ys): what `ax.scatter(xs, ys, s=size,
    linewidths=0)` draws, as one path. A PDF gets a scatter as one marker placed per point,
    each written out by Python (a 10-year diary's 3,650 daily dots took 0.07 s); here each
    dot is a stroke a ten-thousandth of the data's width long with round ends, as wide as
    the dot, and matplotlib writes the one path in C. (A stroke of no length would do for a
    PDF, but Agg paints nothing for it.) `label`: a legend entry, a dot of the same size."""
    x, y = np.asarray(xs, dtype=float), np.asarray(ys, dtype=float)
    keep = np.isfinite(x) & np.isfinite(y)
    x, y = x[keep], y[keep]
    if label is not None:  # an empty line that only stands in the legend
        ax.plot([], [], linestyle="none", marker="o", markersize=math.sqrt(size),
                markeredgewidth=0, color=color, label=label)  # fmt: skip
    if not len(x):
        return
    ends = np.repeat(np.column_stack([x, y]), 2, axis=0)
    ends[1::2, 0] += (float(x.max() - x.min()) or 1.0) * 1e-4
    outline = Outline(ends, np.tile([Outline.MOVETO, Outline.LINETO], len(x)))
    outline.should_simplify = False  # each stroke is shorter than simplifying keeps
    collection = PathCollection(
        [outline], facecolors="none", edgecolors=color, linewidths=math.sqrt(size), zorder=zorder
    )
    collection.set_capstyle("round")
    collection.set_snap(False)  # snapped to whole pixels, a stroke this short has no length
    ax.add_collection(collection, autolim=True)
    ax.autoscale_view()


def shaded_cells(
    ax: Axes,
    xs: Sequence[float] | np.ndarray,
    ys: Sequence[float] | np.ndarray,
    values: np.ndarray,
    cmap: Colormap,
    edgecolor: str = "none",
    linewidth: float = 0.0,
) -> ScalarMappable:
    """Cells between the edges `xs` (columns) and `ys` (rows), coloured by `values` (0 to 1,
    NaN: not drawn) on `cmap`: what `pcolormesh(xs, ys, values, vmin=0, vmax=1)` draws, in
    the same colours (the colour map's own steps), but as one outline per colour. A PDF
    draws a mesh cell by cell, each with its own colour state: a 10-year diary's monthly
    heat maps had about a thousand cells, a third of page 3's time. Returns the colour scale
    (for a colour bar)."""
    scale = ScalarMappable(norm=Normalize(0.0, 1.0), cmap=cmap)
    values = np.asarray(values, dtype=float)
    drawn = np.isfinite(values)
    shares = np.clip(np.where(drawn, values, 0.0), 0.0, 1.0)
    steps = np.minimum((shares * cmap.N).astype(int), cmap.N - 1)
    x_edges, y_edges = np.asarray(xs, dtype=float), np.asarray(ys, dtype=float)
    outlines, colours = [], []
    for step in np.unique(steps[drawn]):
        rows, columns = np.nonzero((steps == step) & drawn)
        x0, x1 = x_edges[columns], x_edges[columns + 1]
        y0, y1 = y_edges[rows], y_edges[rows + 1]
        corners = np.stack([x0, y0, x1, y0, x1, y1, x0, y1, x0, y0], axis=1).reshape(-1, 2)
        codes = np.tile(
            [Outline.MOVETO, Outline.LINETO, Outline.LINETO, Outline.LINETO, Outline.CLOSEPOLY],
            len(rows),
        )
        outlines.append(Outline(corners, codes))
        colours.append(cmap(int(step)))
    ax.add_collection(
        PathCollection(
            outlines, facecolors=colours, edgecolors=edgecolor, linewidths=linewidth, zorder=1
        ),
        autolim=False,
    )
    return scale
