"""Page 1, a surgeon's header: the six answers a clinic visit turns on, on one page.

Top to bottom: who and what (surgery, period); one headline in a surgeon's terms; red
flags with their dates, or plainly none; whether it is worsening, since when and by how
much; the course in one compact chart with numbered events; what each treatment did; back
against leg pain and how far down the limb pain and numbness reach, now against at best;
how many days were logged; the disclaimer.
"""

from __future__ import annotations

import datetime as dt
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
    new_page,
    text_width,
    wrap_to,
)
from reports.text import event_label, red_flag_block
from reports.text_layer import page_text
from tracker.analysis.treatments import Medicines, TreatmentRow
from tracker.domain import RED_FLAGS, Event, plural
from tracker.provokes_wording import (
    BEFORE_AFTER_HEADINGS,
    BEST_MONTH_NOTE,
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
    NOT_CAUSAL,
    VERDICT_HEADLINES,
    back_leg_sentence,
    best_label,
    completeness_sentence,
    date_range,
    last_days_sentence,
    reach_same_sentence,
    reach_sentence,
    short_date,
    surgeon_headline,
    too_early_to_compare,
    verdict_sentences,
    where_it_hurt,
)

RED_FLAG_FACE = "#FCE3D3"
STALE_AS_OF_DAYS = 28  # an --as-of further back than this is said in red beneath the title
CLEAR_FACE = "#EEF5EE"
HEADLINE_FACE = "#EAF2F8"
FOOTER_TOP = 806.0  # points from the page top: the page footer is below
COURSE_HEIGHT = 84.0
DOSE_STRIP = 18.0  # the MME and as-needed strip beneath the course chart, in points
DOSE_STRIP_TIGHT = 14.0
MAX_TREATMENT_ROWS = 7


def header_page(data: ReportData) -> Figure:
    """Page 1: the six answers; laid out tighter where they do not fit whole (a wide
    fallback font for a name, a long list of red flags, many treatments), never cut or
    overlapping: optional lines go first, then notes drop to 8 pt, then the treatment table
    keeps its latest rows (page 4 has the rest)."""
    for tight in range(TIGHTEST + 1):
        fig, flow = _layout(data, tight)
        if not flow.overflowed():
            break
    _CHOSEN[id(data)] = tight
    if len(_CHOSEN) > 8:  # one entry per report being drawn
        _CHOSEN.pop(next(iter(_CHOSEN)))
    return fig


TIGHTEST = 4
FEWER_ROWS = {4: 4}  # tightness -> treatment rows kept on page 1
NO_CHART = 3  # from this tightness page 1 points to page 2's course instead of charting it
_CHOSEN: dict[int, int] = {}  # id(ReportData) -> the tightness page 1 was drawn at


def _rows_kept(tight: int) -> int:
    return FEWER_ROWS.get(tight, MAX_TREATMENT_ROWS)


def _layout(data: ReportData, tight: int) -> tuple[Figure, Flow]:
    """Page 1 at one tightness (style.Flow.tight); returns the page and its flow."""
    fig = new_page()
    rule = _disclaimer_top()
    flow = Flow(fig, y=34.0, bottom=PT_H - rule + 6, tight=tight)
    _title(flow, data)
    _headline(flow, data)
    _red_flags(flow, data)
    _verdict(flow, data)
    numbers = _course(flow, data)
    _before_after(flow, data)
    _treatments(flow, data, numbers)
    _where(flow, data, reserve=flow.height_of(_logged_text(data), SMALL_PT) + 2)
    _logged(flow, data)
    _disclaimer(fig)
    return fig, flow


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
    stale = (data.generated_on - data.as_of).days
    if stale > STALE_AS_OF_DAYS:  # "now" ended long before the visit: not in quiet grey
        parts[-1] += f" ({plural(stale, 'day')} old)"
        flow.text(" | ".join(parts), flow.small, color="#8A2A00")
    else:
        flow.text(" | ".join(parts), flow.small, color=GREY)
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
        if weak:  # a surgeon skimming the box must not read "no red flags" first
            flow.text(WEAKNESS_LEAD, flow.small + 0.5, weight="bold", color="#8A2A00")
        flow.text(f"No red flags logged on {which} logged.", BODY_PT, weight="bold")
        # What was asked: dropped first where page 1 is tight, and for the line that leads
        # with new weakness.
        if not flow.tight and not weak:
            flow.text(
                "Each entry can record: " + ", ".join(f.replace("-", " ") for f in RED_FLAGS) + ".",
                flow.small,
                color="#333333",
            )
    else:
        flow.text("! " + (block.heading or ""), HEADING_PT, weight="bold", color="#8A2A00")
        flow.bullets(block.paragraphs, BODY_PT)
    for number, line in enumerate(nerves):
        flow.space(1)
        if weak and number == 0:
            flow.text(line, flow.small + 0.5, weight="bold", color="#8A2A00")
        else:
            flow.text(line, flow.small, color="#333333")
    if weak and block is not None:  # else the box's first line said it
        flow.text(
            f"New weakness can be {RED_FLAGS['leg-weakness']}, a red flag.",
            flow.small + 0.5,
            weight="bold",
        )
    if block is not None:
        flow.text(block.closing or "", flow.small + 0.5, weight="bold")
    if block is None and not weak:
        flow.box(top, CLEAR_FACE, "#5A8A5A", width=0.8)
    else:
        flow.box(top, RED_FLAG_FACE, VERMILLION, width=2.2)
    flow.space(8)


WEAKNESS_LEAD = (
    f"! New weakness on the weekly nerve self-check (below) can be {RED_FLAGS['leg-weakness']},"
    " a red flag."
)


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
    if flow.tight >= NO_CHART:
        flow.text("The course, charted with its numbered events: page 2.", flow.small, color=GREY)
        flow.space(4)
        return {}
    flow.space(16)  # the chart's legend sits above it
    strip = (
        (DOSE_STRIP if not flow.tight else DOSE_STRIP_TIGHT) if charts.has_dose_strip(data) else 0
    )
    # the strip takes its room from the chart; on a tight page, the chart is lower still
    height = COURSE_HEIGHT * 0.7 if flow.tight else COURSE_HEIGHT - strip - (2 if strip else 0)
    keys = charts.compact_course(flow.fig, flow.y, height, data, strip)
    flow.y += height + (strip + 2 if strip else 0) + 28
    tabled = {row.event_id for row in shown_treatments(data, flow.tight)}
    rest = [(n, e) for n, e in keys if e.id not in tabled]
    if rest:
        timeline.event_key(flow, rest, always=True)
    flow.space(4)
    return {e.id: (n, e) for n, e in keys if e.id is not None}


def _before_after(flow: Flow, data: ReportData) -> None:
    """The latest surgery's pain before against at best since and now (issue 14): the small
    table of `tracker trend`, the weekly "same pain as before?" answers beside it, and the
    neutral lines beneath."""
    result = data.before_after
    if result is None:
        return
    rows = before_after_rows(result)
    same = same_as_before_sentence(result.same_as_before)
    findings = before_after_findings(result, reach=False)  # the rows show how far down
    if not rows and not same:
        return
    flow.text(before_after_title(result), BODY_PT, weight="bold")
    top = flow.y
    row_h = flow.small * 1.4
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
        side.text(same, flow.small, color="#333333")
        bottom = max(bottom, side.y)
    flow.y = bottom + 2
    if any(row[2].endswith(")") for row in rows):  # a best month is named: say its rule
        findings = [BEST_MONTH_NOTE, *findings]
    if findings:
        flow.text(" ".join(findings), flow.small)
    flow.space(5)


BEFORE_AFTER_COLUMNS = (0.0, 175.0, 262.0, 312.0)  # right edges of the figure columns
BEFORE_AFTER_SIDE = 330.0  # where the weekly answers start, beside the table


def _table_row(flow: Flow, cells: Sequence[str], **style: Any) -> None:
    """One row of the before/after table: the label left-aligned, the figures right-aligned."""
    y = flow.y + flow.small
    for number, (x, cell) in enumerate(zip(BEFORE_AFTER_COLUMNS, cells, strict=True)):
        page_text(
            flow.fig,
            flow.left + x,
            y,
            cell,
            flow.small,
            ha="left" if number == 0 else "right",
            **style,
        )
    flow.y += flow.small * 1.4


def shown_treatments(data: ReportData, tight: int | None = None) -> tuple[TreatmentRow, ...]:
    """The treatments page 1's table lists: the latest MAX_TREATMENT_ROWS, fewer on a tight
    page (page 4 gives the earlier ones their 14 days before and after), but not the surgery
    that the before and after block above the table is about. `tight`: as page 1 was drawn
    for this data (the default), or the tightness being laid out."""
    if tight is None:
        tight = _CHOSEN.get(id(data), 0)
    rows = [row for row in data.treatments if not _in_before_after(row, data)]
    return tuple(rows[-_rows_kept(tight) :])


def earlier_treatments(data: ReportData) -> tuple[TreatmentRow, ...]:
    """The treatments page 1's table had no room for, in date order: page 4 lists them all,
    in the table's terms, and page 1 says how many."""
    shown = {row.event_id for row in shown_treatments(data)}
    return tuple(
        row
        for row in data.treatments
        if row.event_id not in shown and not _in_before_after(row, data)
    )


def treatment_sentence(row: TreatmentRow) -> str:
    """A row of page 1's treatment table as a sentence, for page 4: '25 Mar 2018, Epidural
    steroid: peak relief 75 %, lasted 5 days; responder (50 % threshold).'"""
    _, when, what, peak, lasted, verdict = _treatment_texts(row)
    if not row.verdict:  # a surgery with nothing to compare it on
        return f"{when}, {what}."
    if row.peak_relief is None:
        said = ""
    elif row.lasted is None:  # relief never reached the threshold
        said = f"peak relief {peak}; "
    else:
        said = f"peak relief {peak}, lasted {lasted}; "
    tail = f" {NOT_CAUSAL}" if row.response is None and verdict.startswith("median") else "."
    return f"{when}, {what}: {said}{verdict}{tail}"


def _in_before_after(row: TreatmentRow, data: ReportData) -> bool:
    """Whether the row is the surgery the before/after block describes."""
    result = data.before_after
    return (
        result is not None
        and row.kind == "surgery"
        and row.day == result.surgery_date
        and bool(before_after_rows(result))
    )


TREATMENT_HEADINGS = ("", "Date", "What (side, level, dose)", "Peak", "Lasted", "Verdict")
NUMBER_ROOM = 32.0  # the line sample and the chart's number (right-aligned)
GAP = 8.0


def _treatment_columns(flow: Flow, table: Sequence[Sequence[str]]) -> list[float]:
    """Left edges (points from the margin) of date, what, peak relief, lasted and verdict,
    sized to what they hold; what and the verdict share the rest (both wrap if they must)."""

    def widest(column: int) -> float:
        return max(text_width(row[column], flow.small, bold=i == 0) for i, row in enumerate(table))

    date, peak, lasted = widest(1) + GAP, widest(3) + GAP, widest(4) + GAP
    rest = flow.width - NUMBER_ROOM - date - peak - lasted
    what, verdict = widest(2) + GAP, widest(5)
    if what + verdict > rest:  # the verdict keeps at least 45 % of the room
        what = max(min(what, rest - verdict), rest * 0.45)
    edges = [NUMBER_ROOM, NUMBER_ROOM + date]
    for width in (what, peak, lasted):
        edges.append(edges[-1] + width)
    return edges  # date, what, peak, lasted, verdict


def _treatments(flow: Flow, data: ReportData, numbers: dict[int, tuple[int, Event]]) -> None:
    """What each treatment did (tracker.analysis.treatments): date, what, side/level/dose,
    peak relief, how long it lasted, verdict; each row with the number and line style the
    course chart gives it. Then the medicines now and the opioid load now against at best."""
    rows = [row for row in data.treatments if not _in_before_after(row, data)]
    if rows:
        shown = shown_treatments(data, flow.tight)
        flow.text("What each treatment did", BODY_PT, weight="bold")
        table = [TREATMENT_HEADINGS, *(_treatment_texts(row) for row in shown)]
        edges = _treatment_columns(flow, table)
        _treatment_cells(flow, edges, TREATMENT_HEADINGS, None, weight="bold", color=GREY)
        for row, texts in zip(shown, table[1:], strict=True):
            _treatment_cells(flow, edges, texts, numbers.get(row.event_id))
        earlier = len(rows) - len(shown)  # as many as page 4 lists (earlier_treatments)
        if earlier:
            flow.text(
                f"{plural(earlier, 'earlier treatment')}: page 4.",
                flow.small,
                color=GREY,
            )
        if not flow.tight:
            flow.text(
                # The verdict column names the threshold each was judged against.
                "Peak relief: from the pain before (an injection: its best day); other rows: "
                "median daily pain either side (descriptive, not causal).",
                flow.small,
                color=GREY,
            )
    medicines = medicines_lines(data.medicines, data.period_end)
    if medicines:
        flow.text(" ".join(medicines), flow.small)
    if rows or data.medicines:
        flow.space(4)


def _treatment_texts(row: TreatmentRow) -> tuple[str, ...]:
    """One row's cells: number (drawn apart), date, what with side/level/dose, peak relief,
    how long, verdict."""
    lower = row.what.lower()
    extra = [part for part in row.detail.split(", ") if part and part.lower() not in lower]
    what = row.what + (f" ({', '.join(extra)})" if extra else "")
    peak = "-" if row.peak_relief is None else f"{row.peak_relief:g} %"  # as tracker response
    return ("", short_date(row.day), what, peak, row.lasted or "-", row.verdict or "-")


def _treatment_cells(
    flow: Flow,
    edges: Sequence[float],
    cells: Sequence[str],
    number: tuple[int, Event] | None,
    **style: Any,
) -> None:
    """One row of the treatment table; what and the verdict wrap within their columns."""
    top = flow.y
    bold = style.get("weight") == "bold"
    rights = [*edges[1:], flow.width]
    lines_down = 1
    for column, cell in enumerate(cells[1:], start=1):
        left, right = edges[column - 1], rights[column - 1]
        lines = wrap_to(cell, right - left - GAP * 0.5, flow.small, bold)
        lines_down = max(lines_down, len(lines))
        for down, line in enumerate(lines):
            baseline = top + flow.small + down * flow.small * 1.25
            page_text(flow.fig, flow.left + left, baseline, line, flow.small, **style)
    if number:
        baseline = top + flow.small
        page_text(
            flow.fig, flow.left + NUMBER_ROOM - 5, baseline, str(number[0]), flow.small, ha="right"
        )
        _line_sample(flow, baseline, number[1])
    flow.y = top + flow.small * (1.25 * lines_down + 0.35)


def medicines_lines(medicines: Medicines | None, day: dt.date) -> list[str]:
    """'Medicines on 2 Dec 2026: tramadol 50 mg as needed (opioid, since 31 Mar 2026); ...'
    and the opioid load now against at best with the CDC caveat; nothing about MME without
    an opioid (no empty box)."""
    if medicines is None:
        return []
    lines = []
    if medicines.current:
        taken = "; ".join(
            f"{m.name} {m.strength} {m.schedule} ({'opioid, ' if m.opioid else ''}since "
            f"{short_date(m.since)})"
            for m in medicines.current
        )
        lines.append(f"Medicines on {short_date(day)}: {taken}.")
    else:
        lines.append(f"No medicines taken on {short_date(day)} (recorded ones had stopped).")
    figures = [v for v in (medicines.mme_now, medicines.mme_best) if v is not None]
    opioid_now = any(m.opioid for m in medicines.current)
    if figures and (opioid_now or any(figures)):
        text = "Opioids: "
        if medicines.mme_now is not None:
            text += f"{_mme(medicines.mme_now)} MME a day now (mean of the last 6 weeks)"
        if medicines.mme_best is not None:
            joiner = " vs " if medicines.mme_now is not None else ""
            text += f"{joiner}{_mme(medicines.mme_best)} at the best 6 weeks after surgery"
        lines.append(f"{text}. {medicines.caveat}")
    return lines


def _mme(value: float) -> str:
    """A mean MME a day with one decimal ('27.6', '0')."""
    return "0" if value == 0 else f"{value:.1f}"


def _line_sample(flow: Flow, baseline: float, event: Event) -> None:
    """A short piece of the event's line on the charts, before its number."""
    y = 1 - (baseline - flow.small * 0.3) / PT_H
    x0 = flow.left / PT_W
    flow.fig.add_artist(
        Line2D(
            [x0, x0 + 14 / PT_W],
            [y, y],
            transform=flow.fig.transFigure,
            **timeline.style_of(event),  # type: ignore[arg-type]
        )
    )


def _where(flow: Flow, data: ReportData, reserve: float) -> None:
    """Back against leg pain; how far down the limb pain, numbness and tingling reach now
    against at best (the skin areas are in the headline). All of it or, where it does not
    fit, a pointer to page 3 (which draws it): never cut short."""
    spread = data.spread
    best = best_label(spread)
    lines = [back_leg_sentence(spread.back_leg, best)] if spread.back_leg else []
    lines += [reach_sentence(item, best) for item in spread.reach]
    same = reach_same_sentence(spread.reach_same, best)
    lines += [same] if same else []
    early = too_early_to_compare(spread)
    if early:  # now alone: where it hurts and how far down it reaches, and the last days
        where = where_it_hurt(spread)
        last = last_days_sentence(spread)
        lines += [early] + ([f"Last 6 weeks: {where}."] if where else []) + ([last] if last else [])
    # The skin areas are not repeated here: the headline above names every one of them.
    if not lines:
        where = where_it_hurt(spread)
        lines.append(
            f"Last 6 weeks: {where}." if where else "No places (pain, radiation, numbness) logged."
        )
    size = flow.small + 0.5
    need = BODY_PT * 1.5 + sum(flow.height_of(line, size, size * 1.1) + 1 for line in lines)
    if need > flow.room() - reserve:
        if flow.room() - reserve >= flow.small * 1.5 and data.entries and not flow.tight:
            flow.text(
                "Where it hurts now against at best, place by place: page 3.",
                flow.small,
                color=GREY,
            )
            flow.space(3)
        return
    heading = "Where it hurts now" + ("" if early else ", against at best")
    flow.text(heading, BODY_PT, weight="bold")
    flow.bullets(lines, size)
    flow.space(3)


def _logged(flow: Flow, data: ReportData) -> None:
    """How many days were logged, back-filled entries, and what the overall score is."""
    flow.text(_logged_text(data), flow.small + (0.5 if not data.entries else 0), color="#333333")


def _logged_text(data: ReportData) -> str:
    item = data.spread.completeness
    if not item.entries:
        return "No entries in this period."
    text = f"{plural(item.entries, 'entry', 'entries')}. " + completeness_sentence(item)
    if item.backfilled:
        text += " Back-filled days are listed on page 4."
    return text + " " + charts.OVERALL_DEFINITION


def _disclaimer_top() -> float:
    """Where the disclaimer's rule goes (points from the top): just above the footer."""
    probe = Flow(Figure(), y=0.0)
    return FOOTER_TOP - 4 - probe.height_of(DISCLAIMER, SMALL_PT)


def _disclaimer(fig: Figure) -> None:
    """The screening disclaimer, always at the foot of the page."""
    flow = Flow(fig, y=_disclaimer_top(), bottom=PT_H - FOOTER_TOP - 2)
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
