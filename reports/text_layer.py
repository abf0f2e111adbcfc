"""A page's plain one-line texts drawn as one artist: paragraph lines, table cells, footers.

A matplotlib Text is a whole artist with its own properties, layout and graphics state: made
and drawn, one costs about 0.2 ms beyond the glyphs it writes. A report's pages hold about
800 such lines (a 10-year diary's monthly table alone is 380 cells), so they are kept here
as plain records on one artist per page, which writes each through the renderer that draws
the page (`RendererBase.draw_text`, the call a Text ends in): the same glyphs, fonts and
sizes in the PDF and the PNGs, measured by the backend that writes them.

Lines are written in the order they were added, so a table added row by row is read row by
row when its text is copied or extracted (as one Text per cell column by column it was not).

Vertical alignment follows matplotlib's for one line: the line's box runs from the font's
descent below the baseline ("lp" measured, as a Text does without font tables) to its
ascent above it; "top" puts the top of that box at y, "center" its middle, "bottom" its
foot, "baseline" the baseline.
"""

from __future__ import annotations

import weakref
from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any, Literal

from matplotlib.artist import Artist
from matplotlib.axes import Axes
from matplotlib.backend_bases import RendererBase
from matplotlib.figure import Figure
from matplotlib.font_manager import FontProperties
from matplotlib.transforms import Affine2D, Bbox, Transform

H_ALIGN = {"left": 0.0, "center": 0.5, "right": 1.0}
V_ALIGN = ("baseline", "top", "center", "bottom")


@dataclass(frozen=True)
class Line:
    """One line of text at (x, y) in its layer's coordinates."""

    x: float
    y: float
    text: str
    size: float
    ha: str = "left"
    va: str = "baseline"
    weight: str = "normal"
    style: Literal["normal", "italic", "oblique"] = "normal"
    color: str = "#1A1A1A"


@dataclass(frozen=True)
class Placed:
    """A line as a renderer draws it: its font, and the left end of its baseline, its width,
    ascent and descent, in display units."""

    line: Line
    font: FontProperties
    x: float
    y: float
    width: float
    ascent: float
    descent: float


class TextLayer(Artist):
    """Plain one-line texts (module docstring) at positions in the layer's transform's
    coordinates: a page's in points from its top-left corner (page_text), an axes' in its
    data coordinates (axes_text)."""

    def __init__(self, transform: Transform, zorder: float = 3) -> None:
        super().__init__()
        self.set_transform(transform)
        self.set_zorder(zorder)  # 3: where matplotlib draws a figure's texts
        self.lines: list[Line] = []

    def placed(self, renderer: RendererBase, measure_all: bool = True) -> Iterator[Placed]:
        """Each line with its font and position for this renderer; a left-aligned line's
        width is measured only with measure_all (drawing it does not need it)."""
        fonts: dict[tuple[float, str, str], tuple[FontProperties, float, float]] = {}
        widths: dict[tuple[float, str, str, str], float] = {}  # cells repeat: "-", "0 %"
        if not self.lines:
            return
        points = self.get_transform().transform([(line.x, line.y) for line in self.lines])
        for line, (x, y) in zip(self.lines, points, strict=True):
            key = (line.size, line.weight, line.style)
            if key not in fonts:
                font = FontProperties(size=line.size, weight=line.weight, style=line.style)
                _, height, descent = renderer.get_text_width_height_descent("lp", font, False)
                fonts[key] = (font, height - descent, descent)
            font, ascent, descent = fonts[key]
            shift = H_ALIGN[line.ha]
            width = 0.0
            if shift or measure_all:
                measured = (*key, line.text)
                if measured not in widths:
                    size = renderer.get_text_width_height_descent(line.text, font, False)
                    widths[measured] = size[0]
                width = widths[measured]
            x -= width * shift
            if line.va == "top":
                y -= ascent
            elif line.va == "center":
                y -= (ascent - descent) / 2
            elif line.va == "bottom":
                y += descent
            yield Placed(line, font, float(x), float(y), width, ascent, descent)

    def draw(self, renderer: RendererBase) -> None:
        if not self.get_visible() or not self.lines:
            return
        renderer.open_group("text", gid=self.get_gid())
        gc = renderer.new_gc()
        # A raster backend (Agg) counts y down from the top, as Text.draw allows for.
        height = renderer.get_canvas_width_height()[1] if renderer.flipy() else None
        for placed in self.placed(renderer, measure_all=False):
            gc.set_foreground(placed.line.color)
            y = placed.y if height is None else height - placed.y
            renderer.draw_text(gc, placed.x, y, placed.line.text, placed.font, 0.0)
        gc.restore()
        renderer.close_group("text")
        self.stale = False

    def extents(self, renderer: RendererBase) -> list[tuple[str, Bbox]]:
        """Each non-blank line's box in display units (as Text.get_window_extent gives)."""
        return [
            (p.line.text, Bbox.from_bounds(p.x, p.y - p.descent, p.width, p.ascent + p.descent))
            for p in self.placed(renderer)
            if p.line.text.strip()
        ]


_LAYERS: weakref.WeakKeyDictionary[Artist, TextLayer] = weakref.WeakKeyDictionary()


def page_text(fig: Figure, x: float, y: float, text: str, size: float, **how: Any) -> None:
    """Write one line at (x, y) points from the page's top-left corner; `how`: ha, va,
    weight, style and color as for a matplotlib Text."""
    layer = _LAYERS.get(fig)
    if layer is None:
        width, height = fig.get_size_inches() * 72
        points = Affine2D().scale(1 / width, -1 / height).translate(0, 1) + fig.transFigure
        layer = _LAYERS[fig] = TextLayer(points)
        fig.add_artist(layer)
    _add(layer, Line(x, y, text, size, **how))


def axes_text(ax: Axes, x: float, y: float, text: str, size: float, **how: Any) -> None:
    """Write one line at (x, y) in the axes' data coordinates, above what the axes draws
    (zorder 8); `how` as for page_text."""
    layer = _LAYERS.get(ax)
    if layer is None:
        layer = _LAYERS[ax] = TextLayer(ax.transData, zorder=8)
        layer.set_clip_on(False)
        ax.add_artist(layer)
    _add(layer, Line(x, y, text, size, **how))


def _add(layer: TextLayer, line: Line) -> None:
    if line.ha not in H_ALIGN or line.va not in V_ALIGN:
        raise ValueError(
            f"alignment {line.ha}/{line.va}: ha is one of {sorted(H_ALIGN)}, "
            f"va one of {list(V_ALIGN)}"
        )
    layer.lines.append(line)
