"""Page 1 of the appointment report: the one-minute summary, text only."""

from __future__ import annotations

from typing import TYPE_CHECKING

from matplotlib.figure import Figure

from reports.style import (
    BODY_PT,
    GREY,
    HEADING_PT,
    LIGHT_GREY,
    PT_H,
    PT_W,
    SMALL_PT,
    TITLE_PT,
    VERMILLION,
    Flow,
    chars_for,
    new_page,
)
from reports.text import Block, summary_blocks, wrap
from tracker.report_data import ReportData
from tracker.wording import DISCLAIMER

if TYPE_CHECKING:
    from matplotlib.lines import Line2D
    from matplotlib.transforms import Transform

RED_FLAG_FACE = "#FCE3D3"
VERDICT_FACE = "#EAF2F8"
DISCLAIMER_ROOM = 46.0
BULLET_INDENT = BODY_PT * 1.1


def summary_page(data: ReportData) -> Figure:
    """Title, red flags first, the verdict with numbers, events, completeness, findings."""
    fig = new_page()
    flow = Flow(fig, y=40.0, bottom=DISCLAIMER_ROOM + 30)
    for block in summary_blocks(data):
        _draw_block(flow, block)
        flow.space(9)
    _disclaimer(fig, DISCLAIMER)
    return fig


def _draw_block(flow: Flow, block: Block) -> None:
    """One block, styled by its kind."""
    if block.kind == "header":
        _header(flow, block)
    elif block.kind == "red_flags":
        _red_flags(flow, block)
    elif block.kind == "verdict":
        _verdict(flow, block)
    else:
        _section(flow, block)


def _header(flow: Flow, block: Block) -> None:
    """The report title and the lines under it, then a rule."""
    flow.text(block.heading or "", TITLE_PT, weight="bold")
    for line in block.paragraphs:
        flow.text(line, BODY_PT, color=GREY)
    flow.space(2)
    _rule(flow)


def _rule(flow: Flow) -> None:
    """A thin grey line across the text width."""
    y = 1 - flow.y / PT_H
    flow.fig.add_artist(
        _line(flow.left / PT_W, (PT_W - flow.right) / PT_W, y, flow.fig.transFigure)
    )


def _line(x0: float, x1: float, y: float, transform: Transform) -> Line2D:
    from matplotlib.lines import Line2D

    return Line2D([x0, x1], [y, y], color=LIGHT_GREY, linewidth=0.8, transform=transform)


def _red_flags(flow: Flow, block: Block) -> None:
    """Red flags in a highlighted box with a heavy border: they come first."""
    top = flow.y
    flow.space(2)
    flow.text("! " + (block.heading or ""), HEADING_PT, weight="bold", color="#8A2A00")
    flow.bullets(block.paragraphs, BODY_PT)
    flow.text(block.closing or "", BODY_PT, weight="bold")
    flow.box(top, RED_FLAG_FACE, VERMILLION, width=2.2)
    flow.space(10)


def _verdict(flow: Flow, block: Block) -> None:
    """The verdict headline and its sentences, boxed, in a larger size."""
    top = flow.y
    flow.space(2)
    flow.text(block.heading or "", HEADING_PT, weight="bold")
    flow.text(block.headline or "", HEADING_PT + 0.5, weight="bold")
    for sentence in block.paragraphs:
        flow.text(sentence, BODY_PT + 1)
    if block.closing:
        flow.space(2)
        flow.text(block.closing, SMALL_PT + 0.5, color="#333333")
    flow.box(top, VERDICT_FACE, "#4A6F8A", width=1.0)
    flow.space(8)


def _section(flow: Flow, block: Block) -> None:
    """A heading and a bulleted list (or one paragraph), cut short to the room left."""
    if flow.lines_fit(BODY_PT) < 2:
        return
    flow.text(block.heading or "", HEADING_PT, weight="bold")
    if len(block.paragraphs) == 1:
        flow.text(block.paragraphs[0], BODY_PT)
        return
    items = list(block.paragraphs)
    for number, item in enumerate(items):
        rest = len(items) - number
        need = len(wrap(item, chars_for(flow.width - BULLET_INDENT, BODY_PT)))
        if need + (1 if rest > 1 else 0) > flow.lines_fit(BODY_PT):
            flow.text(
                f"and {rest} more, not shown for lack of room",
                BODY_PT,
                color=GREY,
                indent=BULLET_INDENT,
            )
            return
        flow.bullets([item], BODY_PT)


def _disclaimer(fig: Figure, text: str) -> None:
    """The screening disclaimer, always at the foot of the page."""
    flow = Flow(fig, y=PT_H - DISCLAIMER_ROOM - 18, bottom=10)
    _rule(flow)
    flow.space(5)
    flow.text(text, SMALL_PT + 0.5, style="italic", color="#333333")
