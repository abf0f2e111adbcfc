"""Every page of the report on three diaries: one entry, three weeks, and the demo.

Page 3 (where it hurts) is drawn and its text boxes measured: no two overlap. Every page of
each PDF keeps the 8 pt floor (issue 11, point 7).
"""

from __future__ import annotations

import datetime as dt
import shutil
from pathlib import Path

import pytest
from click.testing import CliRunner, Result
from pypdf import PdfReader
from support import TODAY, text_sizes

from tracker.cli import cli
from tracker.db import Database

DIARIES = ("one-entry", "three-weeks", "demo")


def invoke(db: Path, *args: str) -> Result:
    """The real command group on one diary."""
    return CliRunner().invoke(cli, ["--db", str(db), *args])


def _logged(result: Result) -> None:
    assert result.exit_code == 0, result.output


def _one_entry(db: Path) -> None:
    _logged(
        invoke(
            db, "log", "6", "--where", "lower-back=6", "--radiates", "left-calf", "--numb",
            "left-foot",
        )
    )  # fmt: skip


def _three_weeks(db: Path) -> None:
    """Three weeks after a surgery: back and leg pain, radiation, numbness and tingling in
    finer places of the left leg (skin areas L5 and S1)."""
    surgery = str(TODAY - dt.timedelta(days=20))
    _logged(invoke(db, "surgery", "add", surgery, "--procedure", "L5-S1 microdiscectomy",
                   "--before-pain", "7", "--before-where", "left-calf=7"))  # fmt: skip
    for back in range(20, 0, -1):
        _logged(
            invoke(
                db, "log", str(5 + back % 3), "--date", str(TODAY - dt.timedelta(days=back)),
                "--where", "lower-back=4", "--where", "left-calf=6", "--radiates", "left-calf",
                "--numb", "left-big-toe", "--numb", "left-top-of-foot",
                "--tingling", "left-sole", "--tingling", "left-outer-shin",
                "--woke", "1", "--worse-with", "sitting",
            )
        )  # fmt: skip
    _logged(invoke(db, "week", "--walk-minutes", "20", "--heel-walk", "yes",
                   "--same-as-before", "same"))  # fmt: skip


@pytest.fixture(scope="module", params=DIARIES)
def diary(request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory) -> dict:
    """One of the three diaries and its report (PDF)."""
    folder = tmp_path_factory.mktemp(request.param)
    if request.param == "demo":  # a copy of the run's demo diary (conftest.py)
        db = folder / "demo-diary.sqlite3"
        shutil.copy(request.getfixturevalue("demo_folder")[0] / "demo-diary.sqlite3", db)
    else:
        db = folder / "d.sqlite3"
        (_one_entry if request.param == "one-entry" else _three_weeks)(db)
    pdf = folder / "r.pdf"
    _logged(invoke(db, "report", "--out", str(pdf)))
    return {"name": request.param, "db": db, "pdf": pdf}


def _data(db: Path):  # type: ignore[no-untyped-def]
    """The report's inputs for a diary, as `tracker report` gathers them."""
    from tracker.report_inputs import report_data

    database = Database(f"sqlite:///{db}")
    try:
        with database.session(write=False) as session:
            return report_data(session, today=TODAY)
    finally:
        database.dispose()


def pdf_renderer(fig):  # type: ignore[no-untyped-def]
    """A renderer that measures text as the PDF prints it: Helvetica's metrics where the
    report uses the PDF core fonts (Agg would measure the DejaVu Sans it draws instead)."""
    import io

    from matplotlib.backends.backend_pdf import PdfFile, RendererPdf

    fig.set_dpi(72)
    width, height = fig.get_size_inches()
    file = PdfFile(io.BytesIO())
    file.newPage(width, height)
    return RendererPdf(file, 72, height, width)


def core_font_boxes(fig) -> list[tuple[str, object]]:  # type: ignore[no-untyped-def]
    """Text extents as the PDF prints them in Helvetica: widths from the PDF renderer (the
    core fonts' metrics), heights from Agg (matplotlib's Helvetica metrics count an
    apostrophe's height twice, about 1.4 em for a line with one)."""
    from matplotlib.transforms import Affine2D, Bbox

    to_points = 72 / fig.dpi  # Agg at the page's own dpi (at 72 its text snaps to whole points)
    tall = [(text, box.transformed(Affine2D().scale(to_points))) for text, box in text_boxes(fig)]
    wide = text_boxes(fig, pdf_renderer(fig))  # in points: the PDF's dpi is 72
    assert [t for t, _ in wide] == [t for t, _ in tall]
    return [
        (text, Bbox([[w.x0, h.y0], [w.x1, h.y1]]))  # type: ignore[attr-defined]
        for (text, w), (_, h) in zip(wide, tall, strict=True)
    ]


def text_boxes(fig, renderer=None) -> list[tuple[str, object]]:  # type: ignore[no-untyped-def]
    """Every visible, non-empty text of a drawn figure with its extent on the page (display
    units), tick labels and legend texts included; measured by Agg unless a renderer is
    given (pdf_renderer for the core fonts)."""
    from matplotlib.backends.backend_agg import FigureCanvasAgg
    from matplotlib.text import Text

    from reports.text_layer import TextLayer

    if renderer is None:
        renderer = FigureCanvasAgg(fig).get_renderer()
    fig.draw(renderer)
    boxes = []
    for text in fig.findobj(Text):
        if not text.get_visible() or not text.get_text().strip():
            continue
        axes = text.axes
        if axes is not None and not axes.get_visible():
            continue
        box = text.get_window_extent(renderer)
        if box.width <= 0 or box.height <= 0:
            continue
        boxes.append((text.get_text(), box))
    for layer in fig.findobj(TextLayer):  # the page's plain lines (reports.text_layer)
        boxes += [(text, box) for text, box in layer.extents(renderer) if box.width > 0]
    return boxes


def overlaps(fig, boxes=None) -> list[tuple[str, str]]:  # type: ignore[no-untyped-def]
    """Pairs of texts whose boxes overlap by more than half a point up and down and that
    are not at least a point apart side by side: texts on one line that touch ('% of days%
    of days') count too (the boxes measured by Agg unless given)."""
    found = []
    boxes = text_boxes(fig) if boxes is None else boxes
    pad, apart = 0.5 * fig.dpi / 72, 1.0 * fig.dpi / 72
    for i, (first, a) in enumerate(boxes):
        for second, b in boxes[i + 1 :]:
            if (
                min(a.x1, b.x1) - max(a.x0, b.x0) > -apart
                and min(a.y1, b.y1) - max(a.y0, b.y0) > pad
            ):
                found.append((first, second))
                if DEBUG:
                    print(first[:30], a.bounds, "|", second[:30], b.bounds)
    return found


DEBUG = False


def page_three(db: Path):  # type: ignore[no-untyped-def]
    """Page 3 as the report draws it (its fonts and sizes), not yet saved."""
    from reports.body_diagram import body_diagram_page
    from reports.pdf import _texts
    from reports.style import style_context

    data = _data(db)
    style, _ = style_context(_texts(data))
    with style:
        fig = body_diagram_page(data)
        text_boxes(fig)  # drawn in the report's style
    return fig, data


FALLBACK_NAME = "José Ñúñez 李"  # outside Latin-1: the PDF embeds DejaVu Sans and fallbacks


@pytest.mark.parametrize("layout", ["core-fonts", "fallback"])
def test_no_two_texts_overlap_on_any_page_in_either_font_layout(diary, layout):
    """Each page is laid out for the font it prints in: Helvetica (the PDF core fonts, measured
    with the PDF's own metrics) and, for a name Helvetica cannot print, DejaVu Sans with its
    fallbacks (measured as Agg draws them). No two texts overlap in either (issue 11 pt 6)."""
    import dataclasses

    from matplotlib import pyplot as plt

    from reports.pdf import PAGES, _texts
    from reports.style import style_context

    data = _data(diary["db"])
    if layout == "fallback":
        data = dataclasses.replace(data, name=FALLBACK_NAME)
    style, _ = style_context(_texts(data))
    with style:
        assert plt.rcParams["pdf.use14corefonts"] == (layout == "core-fonts")
        for number, (_, build) in enumerate(PAGES, start=1):
            fig = build(data)
            boxes = core_font_boxes(fig) if layout == "core-fonts" else text_boxes(fig)
            assert len(boxes) > 10, f"page {number}"
            assert overlaps(fig, boxes) == [], f"{diary['name']}, {layout}: page {number}"


def test_no_text_is_smaller_than_8_pt_on_any_page(diary):
    """Readable when printed: every piece of text on every page of each diary's report is at
    least 8 pt on A4 (the demo's check in test_report.py, on the short diaries too)."""
    reader = PdfReader(diary["pdf"])
    assert len(reader.pages) == 4
    for number, page in enumerate(reader.pages, start=1):
        assert [round(float(page.mediabox.width)), round(float(page.mediabox.height))] == [595, 842]
        sizes = text_sizes(page)
        assert len(sizes) > 10, f"{diary['name']}: page {number} has almost no text"
        assert min(sizes) >= 7.99, f"{diary['name']}: page {number} has {min(sizes):.1f} pt text"


SKIN_LINES = {
    "one-entry": "last 6 weeks: numb in the left foot (no single skin area). First 6 weeks since "
    "the diary began: the same.",
    "three-weeks": "last 6 weeks: numb in the left L5 skin area (top of the foot, big toe); "
    "tingling in the left L5 skin area (outer shin), the left S1 skin area (sole). First 6 weeks "
    "after surgery: the same.",
    "demo": "last 6 weeks: numb in the left L5 skin area (top of the foot, big toe)",
}


def test_page_three_names_the_skin_areas_of_the_numb_and_tingling_places(diary):
    text = " ".join((PdfReader(diary["pdf"]).pages[2].extract_text() or "").split())
    assert "Skin areas (dermatomes, in blue beside the legs): " in text
    assert SKIN_LINES[diary["name"]] in text


def test_skin_area_letters_sit_beside_the_leg_whose_place_is_in_them(diary):
    """Three weeks: numb top of the foot and big toe (L5), tingling outer shin (L5) and sole
    (S1), all on the left: L5 beside the lower leg and the foot seen from the front, S1 beside
    the foot seen from behind, in both periods; nothing beside the right leg."""
    from reports.body_diagram import BODY_CENTRES, ROOT_LABEL_X

    fig, _ = page_three(diary["db"])
    labels = [
        (t.get_text(), t.get_position())
        for ax in fig.axes
        for t in ax.texts
        if t.get_text() in ("L4", "L5", "S1", "L4 L5", "L5 S1", "L4 L5 S1")
    ]
    if diary["name"] == "one-entry":
        assert labels == []  # a numb foot spans several skin areas: no letters
        return
    front_left = {round(c + ROOT_LABEL_X) for c in BODY_CENTRES[0::2]}  # viewer's right
    back_left = {round(c - ROOT_LABEL_X) for c in BODY_CENTRES[1::2]}  # viewer's left
    places = {(text, round(x)) for text, (x, _) in labels}
    if diary["name"] == "three-weeks":
        assert places == {("L5", x) for x in front_left} | {("S1", x) for x in back_left}
        assert len(labels) == 6  # front: lower leg and foot; back: foot; in each period
    else:
        assert {text for text, _ in places} == {"L5"}
        assert {x for _, x in places} <= front_left


def test_numbness_and_tingling_are_drawn_apart_and_the_views_say_which_way_they_face(diary):
    from matplotlib.collections import PatchCollection

    fig, _ = page_three(diary["db"])
    hatched = {
        (c.get_hatch(), tuple(round(v, 3) for v in c.get_hatchcolor()[0]))
        for ax in fig.axes
        for c in ax.collections
        if isinstance(c, PatchCollection) and c.get_hatch()
    }
    kinds = {hatch for hatch, _ in hatched}
    assert "...." in kinds  # every diary has a numb place
    if diary["name"] != "one-entry":
        assert "---" in kinds
        colours = {hatch: colour for hatch, colour in hatched}
        assert colours["...."] != colours["---"]  # apart by colour as well as by pattern
    texts = [t.get_text() for ax in fig.axes for t in ax.texts]
    assert texts.count("Front (facing you)") == 2 and texts.count("Back (from behind)") == 2
    assert texts.count("LEFT") == 4 and texts.count("RIGHT") == 4


def test_page_three_draws_every_place_month_by_month(diary):
    """A surgeon complained of "1 less frequent places not shown" on a page with room: each
    place of each symptom logged is a row of its panel (rows drawn closer first)."""
    from reports.frames import SYMPTOM_PANELS
    from tracker.regions import REGIONS

    fig, data = page_three(diary["db"])
    names = {region.label for region in REGIONS.values()}
    labels = [
        t.get_text() for ax in fig.axes for t in ax.get_yticklabels() if t.get_text() in names
    ]
    places = [
        REGIONS[name].label
        for _, key in SYMPTOM_PANELS
        for name in data.spread.region_months.get(key, {})
    ]
    assert places and sorted(labels) == sorted(places)
    text = " ".join((PdfReader(diary["pdf"]).pages[2].extract_text() or "").split())
    assert "not shown" not in text and "no room" not in text


def test_a_place_left_out_for_room_is_named():
    import pandas as pd

    from reports.frames import top_rows

    matrix = pd.DataFrame({0: [5.0, 1.0, 3.0]}, index=["lower-back", "left-thigh", "left-calf"])
    kept, hidden = top_rows(matrix, 2)
    assert list(kept.index) == ["lower-back", "left-calf"] and hidden == ["left-thigh"]
    assert top_rows(matrix, 3)[1] == []


def test_a_flow_says_when_it_was_cut_short_and_what_it_had_to_spare():
    """What a drawn page's fitting reads: whether anything was cut short, and the least room
    left above either bottom."""
    from matplotlib.figure import Figure

    from reports.style import PT_H, Flow

    flow = Flow(Figure(), y=PT_H - 60 - 20)  # 20 points above the bottom
    assert flow.spare() == 20 and not flow.overflowed()
    flow.text("one\ntwo", 10)  # wrapped as one paragraph: at most one 13.5-point line fits
    flow.text(" ".join(["word"] * 400), 10)  # many lines, none of which fits
    assert flow.overflowed() and flow.cut
    roomy = Flow(Figure(), y=PT_H - 60 - 50)
    roomy.lower_bottom(40)
    roomy.text("a last note", 10)
    assert roomy.spare() == 50  # the room above the first bottom, not the lower one


def test_a_dry_flow_draws_nothing_cuts_nothing_and_says_how_far_past_the_bottom_it_ran():
    from matplotlib.figure import Figure

    from reports.style import PT_H, Flow

    fig = Figure()
    dry = Flow(fig, y=PT_H - 60 - 20, dry=True)
    drawn = Flow(Figure(), y=40.0)  # the same text with room for all of it
    for flow in (dry, drawn):
        flow.text(" ".join(["word"] * 400), 10)
        flow.bullets(["a first point", "a second"], 10)
        flow.box(0, "white", "black")
    assert not fig.texts and not fig.artists  # measured, not written
    assert not dry.cut
    assert not drawn.overflowed() and dry.y - (PT_H - 60 - 20) == pytest.approx(drawn.y - 40)
    assert dry.spare() == -(dry.y - (PT_H - 60))  # negative: exactly how far past the bottom


def test_page_two_takes_the_least_room_that_fits_measured_dry_as_it_is_drawn(diary):
    """Page 2 is drawn once: the dry measure gives the least room (in steps) with which
    everything beneath the pain charts fits, and the page drawn with it ends where the dry
    one said."""
    from reports import charts
    from reports.pdf import _texts
    from reports.style import style_context

    data = _data(diary["db"])
    style, _ = style_context(_texts(data))
    with style:
        room = charts._room_needed(data, 2)
        _, dry = charts._course_layout(data, room, 2, dry=True)
        _, drawn = charts._course_layout(data, room, 2)
        if dry is None or drawn is None:  # nothing to chart yet: no room taken
            assert diary["name"] == "one-entry" and room == 0
            return
        assert not drawn.overflowed() and drawn.y == pytest.approx(dry.y)
        if room >= charts.STEP:  # a step less would not have fitted
            assert charts._course_layout(data, room - charts.STEP, 2)[1].overflowed()


def test_shaded_cells_colour_as_the_colour_map_does_one_outline_per_colour():
    import numpy as np
    from matplotlib.figure import Figure

    from reports.charts import DAYS_CMAP
    from reports.style import shaded_cells

    ax = Figure().add_subplot()
    values = np.array([[0.0, 0.5, np.nan], [0.5, 1.0, 0.25]])
    scale = shaded_cells(ax, [0, 1, 2, 3], [0, 1, 2], values, DAYS_CMAP)
    (cells,) = ax.collections
    wanted = [DAYS_CMAP(v) for v in (0.0, 0.25, 0.5, 1.0)]  # each once, NaN not drawn
    assert np.allclose(cells.get_facecolors(), wanted)
    assert [len(p.vertices) for p in cells.get_paths()] == [5, 5, 10, 5]  # the two 0.5s: one
    assert np.allclose(scale.to_rgba(0.25), DAYS_CMAP(0.25))


@pytest.mark.parametrize("days", [3, 40, 99, 100, 400, 3650])
def test_date_label_lines_says_what_the_date_axis_draws(days):
    import matplotlib.dates as mdates
    from matplotlib.figure import Figure

    from reports import timeline

    start = mdates.date2num(dt.date(2025, 11, 20))
    span = (start, start + days)
    ax = Figure().add_subplot()
    timeline.date_axis(ax, span)
    labels = ax.xaxis.get_major_formatter().format_ticks(list(ax.xaxis.get_majorticklocs()))
    assert timeline.date_label_lines(span) == max(label.count("\n") + 1 for label in labels)


@pytest.mark.parametrize("as_of", ["2025-10-20", "2026-01-15", "2026-06-30", None])
def test_page_two_knows_its_legend_rows_before_it_draws_them(demo_folder, as_of):
    """The dry measure counts the course chart's legend from what _overall will draw: the
    same rows as the drawn legend, on the demo's course where the best is not yet known
    (3 weeks after surgery), where the whole-record line is drawn (improving), and where
    it is not (a rise after the best)."""
    from reports import charts
    from reports.style import new_page
    from reports.timeline import x_span
    from tracker.report_inputs import report_data

    database = Database(f"sqlite:///{demo_folder[0] / 'demo-diary.sqlite3'}")
    try:
        with database.session(write=False) as session:
            day = dt.date.fromisoformat(as_of) if as_of else None
            data = report_data(session, today=TODAY, as_of=day)
    finally:
        database.dispose()
    span = x_span(data)
    assert span is not None
    ax = new_page().add_subplot()
    charts._overall(ax, data, span)
    drawn = len(ax.get_legend_handles_labels()[0])
    assert charts._legend_rows(data) == (drawn + 1) // 2


def test_months_folded_into_a_row_give_the_dates_they_span():
    # A 10-year table folded "2016 (7 months)" for months running 3 Jul 2016 - 28 Jan 2017.
    from reports import frames
    from tracker.analysis.spread import MonthRow

    start = dt.date(2016, 7, 3)
    rows = [
        MonthRow(i, start + dt.timedelta(days=30 * i), 30, 30, 4.0, 4.0, 6, 0.5, 0.2, 0.1, 4, 3)
        for i in range(40)
    ]
    table, folded = frames.collapse_years(frames.monthly_frame(rows, dt.date(2019, 12, 1)), 20)
    first = table.iloc[0]
    assert folded > 0 and first["folded"]
    assert (first["since"], first["label"]) == ("1-7", "3 Jul 16 - 28 Jan 17 (7 months)")
