"""Page 1, a surgeon's header: the six answers a clinic visit turns on, on one page.

Top to bottom: who and what (surgery, period); one headline in a surgeon's terms; red
flags with their dates, or plainly none; whether it is worsening, since when and by how
much; the course in one compact chart with numbered events; what each treatment did; back
against leg pain and how far down the limb pain and numbness reach, now against at best;
how many days were logged; the disclaimer.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

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
from tracker.domain import RED_FLAGS, Event, plural
from tracker.provokes_wording import (
    BEFORE_AFTER_HEADINGS,
    before_after_findings,
    before_after_rows,
    before_after_title,
    nerve_sentence,
    nights_sentence,
    same_as_before_sentence,
    weakness_phrase,
)
from tracker.report_data import ReportData
from tracker.wording import (
    DISCLAIMER,
    VERDICT_HEADLINES,
    back_leg_sentence,
    best_label,
    completeness_sentence,
    date_range,
    reach_sentence,
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
COURSE_HEIGHT = 92.0
MAX_TREATMENT_ROWS = 7


def header_page(data: ReportData) -> Figure:
    """Page 1: the six answers."""
    fig = new_page()
    flow = Flow(fig, y=34.0, bottom=DISCLAIMER_ROOM + 28)
    _title(flow, data)
    _headline(flow, data)
    _red_flags(flow, data)
    _verdict(flow, data)
    numbers = _course(flow, data)
    _before_after(flow, data)
    _treatments(flow, data, numbers)
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
    parts.append(f"verdict as of {short_date(data.as_of)}")  # the footer says when generated
    flow.text(" | ".join(parts), SMALL_PT, color=GREY)
    flow.space(6)


def _period(data: ReportData) -> str:
    """The period the report covers, in words."""
    first = data.period_start or (data.entries[0].day if data.entries else None)
    if first is None:
        return f"up to {short_date(data.period_end)} (no entries)"
    return date_range(first, data.period_end)


def _headline(flow: Flow, data: ReportData) -> None:
    """The one headline, boxed; new weakness on the nerve self-check ends it."""
    top = flow.y
    flow.space(3)
    headline = surgeon_headline(data.verdict, data.spread)
    weakness = weakness_phrase(data.provokes.weekly.nerves) if data.provokes else None
    if weakness:
        headline = f"{headline.rstrip('.')}; {weakness}."
    flow.text(headline, HEADING_PT + 0.5, weight="bold")
    flow.box(top, HEADLINE_FACE, "#4A6F8A", width=1.0)
    flow.space(12)


def _red_flags(flow: Flow, data: ReportData) -> None:
    """The red flags logged, with their dates and the advice, or plainly none; beneath them
    the weekly nerve self-check (new weakness in red: it is the leg-weakness red flag) and
    the nights woken."""
    block = red_flag_block(data.spread.red_flags)
    nerves, weak = _nerve_lines(data)
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
    else:
        flow.text("! " + (block.heading or ""), HEADING_PT, weight="bold", color="#8A2A00")
        flow.bullets(block.paragraphs, BODY_PT)
    for number, line in enumerate(nerves):
        flow.space(1)
        if weak and number == 0:
            flow.text(line, SMALL_PT + 0.5, weight="bold", color="#8A2A00")
        else:
            flow.text(line, SMALL_PT, color="#333333")
    if weak:
        flow.text(
            f"New weakness can be {RED_FLAGS['leg-weakness']}, a red flag.",
            SMALL_PT + 0.5,
            weight="bold",
        )
    if block is not None:
        flow.text(block.closing or "", SMALL_PT + 0.5, weight="bold")
    if block is None and not weak:
        flow.box(top, CLEAR_FACE, "#5A8A5A", width=0.8)
    else:
        flow.box(top, RED_FLAG_FACE, VERMILLION, width=2.2)
    flow.space(8)


def _nerve_lines(data: ReportData) -> tuple[list[str], bool]:
    """The nerve self-check in one paragraph and the nights woken in another; and whether
    the self-check shows new weakness."""
    result = data.provokes
    if result is None:
        return [], False
    said = [line for n in result.weekly.nerves if (line := nerve_sentence(n))]
    lines = ["Nerve self-check (weekly): " + " ".join(said)] if said else []
    nights = nights_sentence(result)
    if nights:
        lines.append(nights)
    weak = any(n.new_failure is not None for n in result.weekly.nerves)
    return lines, weak


def _verdict(flow: Flow, data: ReportData) -> None:
    """Is it getting worse: the headline word, the sentences, and the numbers behind them."""
    verdict = data.verdict
    flow.text(
        f"Is it getting worse?  {VERDICT_HEADLINES[verdict.verdict]}", HEADING_PT, weight="bold"
    )
    for sentence in verdict_sentences(verdict):
        flow.text(sentence, BODY_PT)
    flow.space(4)


def _course(flow: Flow, data: ReportData) -> dict[int, tuple[int, Event]]:
    """The course in one compact chart; beneath it the key of the numbered events that the
    treatment table does not list (it gives the others their numbers). Returns the numbered
    events by event id."""
    if timeline.x_span(data) is None:
        return {}
    flow.space(16)  # the chart's legend sits above it
    keys = charts.compact_course(flow.fig, flow.y, COURSE_HEIGHT, data)
    flow.y += COURSE_HEIGHT + 28
    tabled = {id(c.event) for c in shown_treatments(data)}
    rest = [(n, e) for n, e in keys if id(e) not in tabled]
    if rest:
        timeline.event_key(flow, rest)
    flow.space(4)
    return {id(e): (n, e) for n, e in keys}


def _before_after(flow: Flow, data: ReportData) -> None:
    """The latest surgery's pain before against at best since and now (issue 14): the small
    table of `tracker trend`, the weekly "same pain as before?" answers beside it, and the
    neutral lines beneath."""
    result = data.before_after
    if result is None:
        return
    rows = before_after_rows(result)
    same = same_as_before_sentence(result.same_as_before)
    findings = before_after_findings(result)
    if not rows and not same:
        return
    flow.text(before_after_title(result), BODY_PT, weight="bold")
    top = flow.y
    row_h = SMALL_PT * 1.4
    if rows:
        _table_row(flow, BEFORE_AFTER_HEADINGS, weight="bold", color=GREY)
        rule = 1 - (flow.y - 2.5) / PT_H
        flow.fig.add_artist(
            Line2D(
                [flow.left / PT_W, (flow.left + BEFORE_AFTER_COLUMNS[-1]) / PT_W],
                [rule, rule],
                color=LIGHT_GREY,
                linewidth=0.6,
                transform=flow.fig.transFigure,
            )
        )
        for row in rows:
            _table_row(flow, row)
        flow.y += row_h * 0.2
    bottom = flow.y
    if same:
        side = Flow(flow.fig, y=top, left=flow.left + BEFORE_AFTER_SIDE, right=flow.right)
        side.bottom = flow.bottom
        side.text(same, SMALL_PT, color="#333333")
        bottom = max(bottom, side.y)
    flow.y = bottom + 2
    if findings:
        flow.text(" ".join(findings), SMALL_PT)
    flow.space(5)


BEFORE_AFTER_COLUMNS = (0.0, 175.0, 262.0, 312.0)  # right edges of the figure columns
BEFORE_AFTER_SIDE = 330.0  # where the weekly answers start, beside the table


def _table_row(flow: Flow, cells: Sequence[str], **style: Any) -> None:
    """One row of the before/after table: the label left-aligned, the figures right-aligned."""
    y = 1 - (flow.y + SMALL_PT) / PT_H
    for number, (x, cell) in enumerate(zip(BEFORE_AFTER_COLUMNS, cells, strict=True)):
        flow.fig.text(
            (flow.left + x) / PT_W,
            y,
            cell,
            fontsize=SMALL_PT,
            va="baseline",
            ha="left" if number == 0 else "right",
            **style,
        )
    flow.y += SMALL_PT * 1.4


def treatments(data: ReportData) -> list[EventChange]:
    """Every event but surgeries, each with its 14 days before and after, in date order."""
    return [c for c in data.spread.events if c.event.kind != "surgery"]


def shown_treatments(data: ReportData) -> list[EventChange]:
    """The treatments page 1's table lists: the latest MAX_TREATMENT_ROWS (page 4 lists the
    earlier ones)."""
    return treatments(data)[-MAX_TREATMENT_ROWS:]


TREATMENT_COLUMNS = (18.0, 30.0, 88.0, 335.0, 415.0)  # number, date, what, figures


def _treatments(flow: Flow, data: ReportData, numbers: dict[int, tuple[int, Event]]) -> None:
    """What each treatment did: median daily pain in the 14 days before and after; each row
    with the number and line style the course chart gives it."""
    rows = treatments(data)
    if not rows:
        return
    shown = shown_treatments(data)
    flow.text(
        "What each treatment did: median daily overall pain, 14 days before -> 14 days after "
        "(descriptive, not causal)",
        BODY_PT,
        weight="bold",
    )
    for change in shown:
        _treatment_row(flow, change, numbers.get(id(change.event)))
    if len(rows) > len(shown):
        flow.text(
            f"{plural(len(rows) - len(shown), 'earlier treatment')}: page 4.", SMALL_PT, color=GREY
        )
    flow.space(4)


def _treatment_row(flow: Flow, change: EventChange, number: tuple[int, Event] | None) -> None:
    """One row: the chart's number and line, date, what, before -> after, the change."""
    columns = TREATMENT_COLUMNS
    baseline = flow.y + SMALL_PT
    y = 1 - baseline / PT_H
    what = clip(event_label(change.event), chars_for(columns[3] - columns[2] - 6, SMALL_PT))
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
    cells = [str(number[0]) if number else "", short_date(change.event.day), what, *figures]
    for x, cell in zip(columns, cells, strict=True):
        flow.fig.text((flow.left + x) / PT_W, y, cell, fontsize=SMALL_PT, va="baseline")
    if number:
        _line_sample(flow, baseline, number[1])
    flow.y += SMALL_PT * 1.45


def _line_sample(flow: Flow, baseline: float, event: Event) -> None:
    """A short piece of the event's line on the charts, before its number."""
    y = 1 - (baseline - SMALL_PT * 0.3) / PT_H
    x0 = flow.left / PT_W
    flow.fig.add_artist(
        Line2D(
            [x0, x0 + 14 / PT_W],
            [y, y],
            transform=flow.fig.transFigure,
            **timeline.style_of(event),  # type: ignore[arg-type]
        )
    )


def _where(flow: Flow, data: ReportData) -> None:
    """Back against leg pain; how far down the limb pain, numbness and tingling reach now
    against at best; the skin areas. All of it or, where it does not fit, a pointer to page
    3 (which draws it): never cut short."""
    spread = data.spread
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
    size = SMALL_PT + 0.5
    need = BODY_PT * 1.5 + sum(flow.height_of(line, size, size * 1.1) + 1 for line in lines)
    if need > flow.room():
        if flow.lines_fit(SMALL_PT) >= 1 and data.entries:
            flow.text(
                "Where it hurts now against at best, place by place: page 3.", SMALL_PT, color=GREY
            )
            flow.space(3)
        return
    flow.text("Where it hurts now, against at best", BODY_PT, weight="bold")
    flow.bullets(lines, size)
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
