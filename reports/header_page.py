"""Page 1, a surgeon's header: the six answers a clinic visit turns on, on one page.

Top to bottom: who and what (surgery, period); one headline in a surgeon's terms; red
flags with their dates, or plainly none; whether it is worsening, since when and by how
much; the course in one compact chart with numbered events; what each treatment did; back
against leg pain and how far down the limb pain and numbness reach, now against at best;
how many days were logged; the disclaimer.
"""

from __future__ import annotations

from collections.abc import Sequence

from matplotlib.figure import Figure
from matplotlib.lines import Line2D

from reports import charts, timeline
from reports.style import (
    BODY_PT,
    GREY,
    HEADING_PT,
    LIGHT_GREY,
    MARGIN,
    PT_H,
    PT_W,
    SMALL_PT,
    TITLE_PT,
    VERMILLION,
    Flow,
    chars_for,
    new_page,
)
from reports.text import clip, event_label, red_flag_block
from tracker.analysis.spread import EventChange
from tracker.domain import RED_FLAGS, plural
from tracker.report_data import ReportData
from tracker.wording import (
    DISCLAIMER,
    VERDICT_HEADLINES,
    back_leg_sentence,
    best_label,
    completeness_sentence,
    date_range,
    reach_sentence,
    report_key_numbers,
    score,
    short_date,
    signed,
    skin_area_phrase,
    surgeon_headline,
    verdict_sentences,
    where_it_hurt,
)

RED_FLAG_FACE = "#FCE3D3"
CLEAR_FACE = "#EEF5EE"
HEADLINE_FACE = "#EAF2F8"
DISCLAIMER_ROOM = 52.0
COURSE_HEIGHT = 118.0
MAX_TREATMENT_ROWS = 7


def header_page(data: ReportData) -> Figure:
    """Page 1: the six answers."""
    fig = new_page()
    flow = Flow(fig, y=34.0, bottom=DISCLAIMER_ROOM + 28)
    _title(flow, data)
    _headline(flow, data)
    _red_flags(flow, data)
    _verdict(flow, data)
    _course(flow, data)
    _treatments(flow, data)
    _where(flow, data)
    _logged(flow, data)
    _disclaimer(fig)
    return fig


# ---------------------------------------------------------------- the parts


def _title(flow: Flow, data: ReportData) -> None:
    """Title, the patient, the surgery and the period in one grey line."""
    who = f": {data.name}" if data.name else ""
    flow.text(f"Pain diary after spine surgery{who}", TITLE_PT, weight="bold")
    surgeries = [e for e in data.events if e.kind == "surgery" and e.day <= data.as_of]
    parts = []
    if surgeries:
        last = surgeries[-1]
        parts.append(f"Surgery {short_date(last.day)}: {event_label(last)}")
    else:
        parts.append("No surgery recorded (months are counted from the first entry)")
    parts.append(f"diary {_period(data)}")
    flow.text(" | ".join(parts), SMALL_PT, color=GREY)
    flow.text(
        f"Verdict as of {short_date(data.as_of)}; generated {short_date(data.generated_on)}",
        SMALL_PT,
        color=GREY,
    )
    flow.space(9)


def _period(data: ReportData) -> str:
    """The period the report covers, in words."""
    first = data.period_start or (data.entries[0].day if data.entries else None)
    if first is None:
        return f"up to {short_date(data.period_end)} (no entries)"
    return date_range(first, data.period_end)


def _headline(flow: Flow, data: ReportData) -> None:
    """The one headline, boxed."""
    top = flow.y
    flow.space(3)
    flow.text(surgeon_headline(data.verdict, data.spread), HEADING_PT + 0.5, weight="bold")
    flow.box(top, HEADLINE_FACE, "#4A6F8A", width=1.0)
    flow.space(9)


def _red_flags(flow: Flow, data: ReportData) -> None:
    """The red flags logged, with their dates and the advice; or plainly none."""
    block = red_flag_block(data.spread.red_flags)
    top = flow.y
    flow.space(2)
    if block is None:
        days = data.spread.completeness.days_logged
        which = "the 1 day" if days == 1 else f"any of the {days} days"
        flow.text(f"No red flags logged on {which} logged.", BODY_PT, weight="bold")
        flow.text(
            "Each entry can record: " + ", ".join(f.replace("-", " ") for f in RED_FLAGS) + ".",
            SMALL_PT,
            color="#333333",
        )
        flow.box(top, CLEAR_FACE, "#5A8A5A", width=0.8)
    else:
        flow.text("! " + (block.heading or ""), HEADING_PT, weight="bold", color="#8A2A00")
        flow.bullets(block.paragraphs, BODY_PT)
        flow.text(block.closing or "", SMALL_PT + 0.5, weight="bold")
        flow.box(top, RED_FLAG_FACE, VERMILLION, width=2.2)
    flow.space(9)


def _verdict(flow: Flow, data: ReportData) -> None:
    """Is it getting worse: the headline word, the sentences, and the numbers behind them."""
    verdict = data.verdict
    flow.text(
        f"Is it getting worse?  {VERDICT_HEADLINES[verdict.verdict]}", HEADING_PT, weight="bold"
    )
    for sentence in verdict_sentences(verdict):
        flow.text(sentence, BODY_PT)
    closing = report_key_numbers(verdict)
    if closing:
        flow.text(closing, SMALL_PT, color="#333333")
    flow.space(4)


def _course(flow: Flow, data: ReportData) -> None:
    """The course in one compact chart, with the numbered events keyed beneath."""
    if timeline.x_span(data) is None:
        return
    flow.space(16)  # the chart's legend sits above it
    keys = charts.compact_course(flow.fig, flow.y, COURSE_HEIGHT, data)
    flow.y += COURSE_HEIGHT + 28
    if keys:
        timeline.event_key(flow, keys)
    flow.space(4)


def _treatments(flow: Flow, data: ReportData) -> None:
    """What each treatment did: median daily pain in the 14 days before and after."""
    rows = [c for c in data.spread.events if c.event.kind != "surgery"]
    if not rows or flow.lines_fit(SMALL_PT) < 4:
        return
    flow.text(
        "What each treatment did: median daily overall pain, 14 days before -> 14 days after "
        "(descriptive, not causal)",
        BODY_PT,
        weight="bold",
    )
    shown = rows[-MAX_TREATMENT_ROWS:]
    columns = (0.0, 62.0, 330.0, 410.0)
    for change in shown:
        if flow.lines_fit(SMALL_PT) < 1:
            break
        _treatment_row(flow, change, columns)
    if len(rows) > len(shown):
        flow.text(
            f"{plural(len(rows) - len(shown), 'earlier treatment')}: page 4.", SMALL_PT, color=GREY
        )
    flow.space(4)


def _treatment_row(flow: Flow, change: EventChange, columns: Sequence[float]) -> None:
    """One row: date, what, before -> after, the change."""
    y = 1 - (flow.y + SMALL_PT) / PT_H
    what = clip(event_label(change.event), chars_for(columns[2] - columns[1] - 6, SMALL_PT))
    if change.change is None or change.before_median is None or change.after_median is None:
        figures = [
            "too few days logged",
            f"{change.before_days} and {change.after_days} of 14",
        ]
    else:
        figures = [
            f"{score(change.before_median)} -> {score(change.after_median)}/10",
            f"{signed(change.change)} points",
        ]
    cells = [short_date(change.event.day), what, *figures]
    for x, cell in zip(columns, cells, strict=True):
        flow.fig.text((flow.left + x) / PT_W, y, cell, fontsize=SMALL_PT, va="baseline")
    flow.y += SMALL_PT * 1.45


def _where(flow: Flow, data: ReportData) -> None:
    """Back against leg pain; how far down the limb pain, numbness and tingling reach now
    against at best; the skin areas."""
    spread = data.spread
    if flow.lines_fit(BODY_PT) < 3:
        return
    flow.text("Where it hurts now, against at best", BODY_PT, weight="bold")
    best = best_label(spread)
    lines = [back_leg_sentence(spread.back_leg, best)] if spread.back_leg else []
    lines += [reach_sentence(item, best) for item in spread.reach]
    area = skin_area_phrase(spread)
    if area:
        lines.append(f"{area[0].upper()}{area[1:]} (last 6 weeks).")
    if not lines:
        where = where_it_hurt(spread)
        lines.append(
            f"Last 6 weeks: {where}." if where else "No places (pain, radiation, numbness) logged."
        )
    flow.bullets(lines, SMALL_PT + 0.5)
    flow.space(3)


def _logged(flow: Flow, data: ReportData) -> None:
    """How many days were logged, back-filled entries, and what the overall score is."""
    item = data.spread.completeness
    if not item.entries:
        flow.text("No entries in this period.", SMALL_PT + 0.5)
        return
    text = f"{plural(item.entries, 'entry', 'entries')}. " + completeness_sentence(item)
    if item.backfilled:
        text += " Back-filled days are listed on page 4."
    flow.text(text + " " + charts.OVERALL_DEFINITION, SMALL_PT, color="#333333")


def _disclaimer(fig: Figure) -> None:
    """The screening disclaimer, always at the foot of the page."""
    flow = Flow(fig, y=PT_H - DISCLAIMER_ROOM - 8, bottom=10)
    y = 1 - flow.y / PT_H
    fig.add_artist(
        Line2D(
            [MARGIN / PT_W, 1 - MARGIN / PT_W],
            [y, y],
            color=LIGHT_GREY,
            linewidth=0.8,
            transform=fig.transFigure,
        )
    )
    flow.space(4)
    flow.text(DISCLAIMER, SMALL_PT, style="italic", color="#333333")
