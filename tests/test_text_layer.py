"""The report's cheap drawing: a page's one-line texts as one artist (reports.text_layer) and
daily dots as one path (reports.style.dots). Each must print what the matplotlib artist it
replaces prints, where it printed it, in the PDF and in the PNGs."""

from __future__ import annotations

import io
import shutil
import subprocess
from pathlib import Path

import numpy as np
import pytest
from matplotlib.backends.backend_agg import FigureCanvasAgg
from matplotlib.figure import Figure
from matplotlib.text import Text
from pypdf import PdfReader
from support import text_sizes

from reports.style import A4, CORE_FONTS, STYLE, dots
from reports.text_layer import TextLayer, axes_text, page_text

ALIGNMENTS = [
    (ha, va) for ha in ("left", "center", "right") for va in ("baseline", "top", "center", "bottom")
]


def _agg(fig: Figure):  # type: ignore[no-untyped-def]
    canvas = FigureCanvasAgg(fig)
    canvas.draw()
    return canvas.get_renderer()


@pytest.mark.parametrize(("ha", "va"), ALIGNMENTS)
def test_a_line_lands_where_a_matplotlib_text_does(ha: str, va: str) -> None:
    """The same words at the same point, aligned alike, take the same box to within half a
    point (the layer measures a line's height by "lp", as a Text without font tables)."""
    from matplotlib import pyplot as plt

    with plt.rc_context(STYLE):
        fig = Figure(figsize=A4, dpi=72)
        words = "Radiating % of days (median)"
        page_text(fig, 200.0, 300.0, words, 9.5, ha=ha, va=va, weight="bold")
        text = fig.text(200 / (A4[0] * 72), 1 - 300 / (A4[1] * 72), words, fontsize=9.5,
                        ha=ha, va=va, weight="bold")  # fmt: skip
        renderer = _agg(fig)
        [layer] = fig.findobj(TextLayer)
        [(said, box)] = layer.extents(renderer)
        want = text.get_window_extent(renderer)
    assert said == words
    assert box.width == pytest.approx(want.width, abs=0.01)
    assert box.height == pytest.approx(want.height, abs=0.5)
    for got, expected in ((box.x0, want.x0), (box.y0, want.y0), (box.y1, want.y1)):
        assert got == pytest.approx(expected, abs=0.5)


def test_lines_are_written_in_the_order_given_with_their_size_and_colour() -> None:
    """A table added row by row reads row by row in the PDF; sizes are the sizes given."""
    from matplotlib import pyplot as plt

    with plt.rc_context({**STYLE, **CORE_FONTS}):
        fig = Figure(figsize=A4)
        for row, y in enumerate((100.0, 120.0)):
            for column, x in enumerate((60.0, 200.0, 340.0)):
                page_text(fig, x, y, f"r{row}c{column}", 8.5, ha="right", color="#6B6B6B")
        buffer = io.BytesIO()
        fig.savefig(buffer, format="pdf")
    page = PdfReader(buffer).pages[0]
    assert page.extract_text().split() == ["r0c0", "r0c1", "r0c2", "r1c0", "r1c1", "r1c2"]
    assert {round(size, 3) for size in text_sizes(page)} == {8.5}
    grey = f"{0x6B / 255:.10f} g"  # #6B6B6B, the muted rows' grey, as the PDF sets it
    assert grey.encode() in page.get_contents().get_data()


def test_axes_lines_are_placed_in_data_coordinates() -> None:
    fig = Figure(figsize=(4, 3), dpi=100)
    ax = fig.add_axes((0.1, 0.1, 0.8, 0.8))
    ax.set_xlim(0, 10)
    ax.set_ylim(0, 10)
    axes_text(ax, 5.0, 5.0, "14", 8, ha="center", va="center", weight="bold")
    renderer = _agg(fig)
    [layer] = ax.findobj(TextLayer)
    [(_, box)] = layer.extents(renderer)
    centre = ax.transData.transform((5.0, 5.0))
    assert (box.x0 + box.x1) / 2 == pytest.approx(centre[0], abs=0.01)
    assert (box.y0 + box.y1) / 2 == pytest.approx(centre[1], abs=1.0)


def test_a_png_prints_the_line_where_the_pdf_does() -> None:
    """Agg counts y from the top: a line near the top of the page is inked near the top of
    the PNG, beside a Text with the same words (the first drawing of the PNGs printed
    every line upside down the page, and only looking at them showed it)."""
    fig = Figure(figsize=(4, 4), dpi=100)
    page_text(fig, 20.0, 40.0, "TOP LINE", 12, va="top")
    axes = fig.add_axes((0, 0, 1, 1))
    axes.set_axis_off()
    axes.set_xlim(0, 10)
    axes.set_ylim(0, 10)
    axes_text(axes, 8.0, 1.0, "88", 12, ha="center", va="center")
    canvas = FigureCanvasAgg(fig)
    canvas.draw()
    inked = np.argwhere(np.asarray(canvas.buffer_rgba())[..., :3].min(axis=2) < 128)
    rows, columns = inked[:, 0], inked[:, 1]
    top = rows < 200  # the upper half of the 400-pixel PNG
    # "TOP LINE" 40 to 52 points down from the top (56-72 pixels), from x = 20 pt
    assert 50 <= rows[top].min() and rows[top].max() <= 80 and columns[top].min() >= 25
    # "88" at (8, 1) in data: near the foot, at 80 % across
    assert 330 <= rows[~top].min() and rows[~top].max() <= 375
    assert 300 <= columns[~top].min() and columns[~top].max() <= 340


def test_an_unknown_alignment_is_refused() -> None:
    with pytest.raises(ValueError, match="ha is one of"):
        page_text(Figure(), 0, 0, "x", 8, ha="justify")


def _ink(pixels: np.ndarray) -> float:
    """How much darker than white an RGB image is, summed over its pixels: the same for a
    dot drawn crisp or softened over its edge pixels."""
    return float((255.0 - pixels[..., :3].astype(float)).sum())


def _scatter_and_dots(size: float) -> list[Figure]:
    rng = np.random.default_rng(3)
    x, y = np.arange(400.0), rng.uniform(1, 9, 400)
    figures = []
    for draw in ("scatter", "dots"):
        fig = Figure(figsize=(6, 3), dpi=100)
        ax = fig.add_axes((0, 0, 1, 1))
        ax.set_axis_off()
        if draw == "scatter":
            ax.scatter(x, y, s=size, color="#A8A8A8", linewidths=0)
        else:
            dots(ax, x, y, size, "#A8A8A8")
        ax.set_xlim(-5, 405)
        ax.set_ylim(0, 10)
        figures.append(fig)
    return figures


@pytest.mark.parametrize("size", [2.5, 5.0, 14.0])
def test_dots_paint_what_scatter_paints_in_a_png(size: float) -> None:
    """As much ink as ax.scatter's, within a tenth, at each size the report uses. Agg paints
    nothing for a stroke of no length, nor for a short one snapped to whole pixels: this
    test saw both."""
    inked = []
    for fig in _scatter_and_dots(size):
        canvas = FigureCanvasAgg(fig)
        canvas.draw()
        inked.append(_ink(np.asarray(canvas.buffer_rgba())))
    assert inked[0] > 0
    assert inked[1] == pytest.approx(inked[0], rel=0.1)


@pytest.mark.skipif(not shutil.which("pdftoppm"), reason="needs poppler's pdftoppm")
def test_dots_paint_what_scatter_paints_in_the_pdf(tmp_path: Path) -> None:
    """The PDF as printed (poppler at 300 dpi): as much ink as scatter's, within a tenth.
    (On screen at 100 dpi poppler softens the smallest dots more: 2.5 and 5 square points
    print about a fifth lighter there, 14 alike.)"""
    from PIL import Image

    inked = []
    for number, fig in enumerate(_scatter_and_dots(5.0)):
        pdf = tmp_path / f"{number}.pdf"
        fig.savefig(pdf)
        subprocess.run(["pdftoppm", "-r", "300", "-png", str(pdf), str(tmp_path / f"{number}")],
                       check=True)  # fmt: skip
        [png] = tmp_path.glob(f"{number}-*.png")
        inked.append(_ink(np.asarray(Image.open(png).convert("RGB"))))
    assert inked[0] > 0
    assert inked[1] == pytest.approx(inked[0], rel=0.1)


def test_dots_skip_missing_values_and_stand_in_the_legend_once() -> None:
    fig = Figure()
    ax = fig.add_axes((0.1, 0.1, 0.8, 0.8))
    dots(ax, [1.0, 2.0, np.nan, 4.0], [1.0, np.nan, 3.0, 4.0], 5.0, "#A8A8A8", label="daily")
    [collection] = ax.collections
    [outline] = collection.get_paths()
    assert len(outline.vertices) == 4  # two dots, a stroke each
    handles, labels = ax.get_legend_handles_labels()
    assert labels == ["daily"] and handles[0].get_marker() == "o"
    assert not [t for t in fig.findobj(Text) if t.get_text() == "daily"]
