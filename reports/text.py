"""Page 1's summary blocks, and wrapping and truncation of the report's text.

Sentences made from the analysis' results come from tracker.wording; this module lays them
out with the report's own headings.
"""

from __future__ import annotations

import datetime as dt
import textwrap
from collections.abc import Sequence
from dataclasses import dataclass, field

from tracker.analysis.spread import RedFlagEntry
from tracker.domain import Event, plural
from tracker.report_data import ReportData
from tracker.wording import (
    VERDICT_HEADLINES,
    completeness_sentence,
    date_range,
    red_flag_meaning,
    report_key_numbers,
    short_date,
    spread_findings,
    verdict_sentences,
)

MAX_EVENTS = 8
MAX_EVENT_CHARS = 140  # about a line and a half on page 1
MAX_FLAG_DATES = 6
MAX_FINDINGS = 16

EVENT_LABELS = {
    "surgery": "Surgery",
    "injection": "Injection",
    "nerve-block": "Nerve block",
    "medication-start": "Medication started",
    "medication-stop": "Medication stopped",
    "medication-change": "Medication changed",
    "physical-therapy": "Physical therapy",
    "stimulator-trial": "Stimulator trial",
    "stimulator-implant": "Stimulator implant",
    "other": "Other",
}


@dataclass
class Block:
    """One section of the summary page: a heading and its paragraphs (each wrapped later)."""

    kind: str  # "header", "red_flags", "verdict", "section"
    heading: str | None
    paragraphs: list[str] = field(default_factory=list)
    headline: str | None = None  # the verdict's headline, above its paragraphs
    closing: str | None = None  # below them: the red-flag advice, the verdict's numbers


# ---------------------------------------------------------------- small formatting helpers


def truncated(items: Sequence[str], limit: int, what: str = "more") -> list[str]:
    """At most `limit` items; the rest summarised as 'and N more'."""
    if len(items) <= limit:
        return list(items)
    return list(items[: limit - 1]) + [f"and {len(items) - limit + 1} {what}"]


def joined(items: Sequence[str], limit: int) -> str:
    """Items in one phrase, long lists cut short with 'and N more'."""
    shown = list(items[:limit])
    rest = len(items) - len(shown)
    text = ", ".join(shown)
    return f"{text} and {rest} more" if rest else text


def clip(text: str, width: int) -> str:
    """One line of at most `width` characters, cut at a space with '...'."""
    if len(text) <= width:
        return text
    return text[: width - 3].rsplit(" ", 1)[0] + "..."


def wrap(text: str, width: int) -> list[str]:
    """Lines of at most `width` characters, broken only at spaces (never inside '6-11')."""
    return textwrap.wrap(text, width, break_long_words=True, break_on_hyphens=False) or [""]


# Words in a title that already say what kind of event it is ("Physiotherapy" needs no
# "Physical therapy - " before it).
KIND_WORDS = {
    "surgery": ("surgery", "fusion", "decompression", "ectomy", "otomy", "plasty", "revision",
                "operation", "fixation", "replacement"),
    "injection": ("injection", "epidural", "infiltration"),
    "nerve-block": ("block",),
    "physical-therapy": ("physio", "therapy", "rehab", "exercise", "pilates", "hydro"),
    "stimulator-trial": ("stimulator", "scs"),
    "stimulator-implant": ("stimulator", "scs"),
    "other": ("",),  # an "other" event is named by its title alone
}  # fmt: skip
MEDICATION_VERBS = {
    "medication-start": "Started",
    "medication-stop": "Stopped",
    "medication-change": "Changed",
}


def event_label(event: Event) -> str:
    """An event in as few words as say it: 'L4-L5 decompression and fusion', 'Physiotherapy:
    8 sessions', 'Started pregabalin 75 mg twice daily', 'Nerve block: L3 medial branch
    (L3-L4)'; the kind only where the title does not already say it, levels only where the
    title does not already name them."""
    title = event.title.strip()
    lower = title.lower()
    if event.kind in MEDICATION_VERBS:
        text = f"{MEDICATION_VERBS[event.kind]} {title[:1].lower()}{title[1:]}"
    elif any(word in lower for word in KIND_WORDS.get(event.kind, ())):
        text = title
    else:
        text = f"{EVENT_LABELS.get(event.kind, event.kind)}: {title}"
    details = [level for level in event.levels if level.lower() not in lower]
    if event.side and event.side not in lower:
        details.append(event.side)
    return text + (f" ({', '.join(details)})" if details else "")


def event_line(event: Event) -> str:
    """'12 Mar 2025: L4-L5 fusion'."""
    return f"{short_date(event.day)}: {event_label(event)}"


# ---------------------------------------------------------------- the summary's sections


def header_block(data: ReportData) -> Block:
    """Title, patient, period covered, as-of and generated-on."""
    title = "Pain diary after spine surgery: appointment summary"
    lines = []
    if data.name:
        lines.append(f"Patient: {data.name}")
    lines.append(f"Period covered: {period_text(data)}")
    lines.append(
        f"Verdict as of {short_date(data.as_of)}. Generated on {short_date(data.generated_on)}."
    )
    return Block("header", title, lines)


def period_text(data: ReportData) -> str:
    """The period the report covers, in words."""
    first = data.period_start or (data.entries[0].day if data.entries else None)
    if first is None:
        return f"up to {short_date(data.period_end)} (no entries)"
    note = "" if data.period_start else " (from the first entry)"
    return f"{date_range(first, data.period_end)}{note}"


def red_flag_block(found: Sequence[RedFlagEntry]) -> Block | None:
    """Red-flag symptoms logged in the period, each with its dates; None if there were none."""
    days: dict[str, list[dt.date]] = {}
    for item in found:
        for flag in item.flags:
            days.setdefault(flag, [])
            if item.day not in days[flag]:
                days[flag].append(item.day)
    if not days:
        return None
    lines = []
    for flag in sorted(days, key=lambda f: max(days[f]), reverse=True):
        dates = sorted(days[flag], reverse=True)
        listed = joined([short_date(d) for d in dates], MAX_FLAG_DATES)
        meaning = red_flag_meaning(flag)
        lines.append(f"{meaning[0].upper()}{meaning[1:]}: {plural(len(dates), 'day')} ({listed}).")
    heading = "RED-FLAG SYMPTOMS LOGGED (most recent first)"
    return Block("red_flags", heading, lines, closing=REPORT_RED_FLAG_NOTE)


# The report is read by the clinician: what the patient was told, not an order to them (the
# patient's own advice, domain.RED_FLAG_ADVICE, is printed when the flag is logged).
REPORT_RED_FLAG_NOTE = (
    "These symptoms can signal a serious problem after spine surgery. When logging them the "
    "patient was advised to contact the surgeon at once, or emergency services."
)


def events_block(events: Sequence[Event]) -> Block:
    """Surgeries and other events, dated; long histories keep surgeries and the latest others."""
    if not events:
        return Block("section", "Surgeries and treatments", ["None recorded."])
    ordered = sorted(events, key=lambda e: (e.day, e.id or 0))
    keep = _events_to_show(ordered)
    lines = [clip(event_line(e), MAX_EVENT_CHARS) for e in ordered if id(e) in keep]
    hidden = len(ordered) - len(keep)
    if hidden:
        lines.append(f"and {plural(hidden, 'earlier event')} not listed here.")
    return Block("section", "Surgeries and treatments", lines)


def _events_to_show(ordered: list[Event]) -> set[int]:
    """All surgeries, then the most recent other events, up to MAX_EVENTS lines."""
    surgeries = [e for e in ordered if e.kind == "surgery"][-MAX_EVENTS:]
    others = [e for e in ordered if e.kind != "surgery"]
    room = max(0, MAX_EVENTS - len(surgeries) - (1 if len(ordered) > MAX_EVENTS else 0))
    chosen = surgeries + (others[-room:] if room else [])
    return {id(e) for e in chosen}


def completeness_block(data: ReportData) -> Block:
    """Entries, days logged out of the days in the period, back-filled entries, longest gap."""
    entries = data.entries
    if not entries:
        return Block("section", "How complete the diary is", ["No entries in this period."])
    text = (
        f"{plural(len(entries), 'entry', 'entries')}, the last on {short_date(entries[-1].day)}. "
        + completeness_sentence(data.spread.completeness)
    )
    return Block("section", "How complete the diary is", [text])


def verdict_block(data: ReportData) -> Block:
    """The verdict headline, its sentences and the key numbers behind it."""
    verdict = data.verdict
    return Block(
        "verdict",
        "Is the pain getting worse?",
        verdict_sentences(verdict),
        headline=VERDICT_HEADLINES[verdict.verdict],
        closing=report_key_numbers(verdict),
    )


def findings_block(data: ReportData) -> Block:
    """Where the pain is and how it has spread, as the spread analysis words it."""
    sentences = spread_findings(data.spread)  # red flags and completeness have their blocks
    heading = "Where it hurts, and how that has changed"
    located = any(e.where or e.radiates or e.numb or e.tingling or e.weak for e in data.entries)
    if not sentences and not located:
        return Block("section", heading, ["No places (pain, radiation, numbness) were logged."])
    if not sentences:
        return Block(
            "section",
            heading,
            ["No new symptoms, no change in how far down a limb pain or numbness reaches."],
        )
    return Block("section", heading, truncated(sentences, MAX_FINDINGS, "more findings"))


def summary_blocks(data: ReportData) -> list[Block]:
    """Page 1, top to bottom: header, red flags first, verdict, events, completeness, findings."""
    blocks = [header_block(data)]
    flags = red_flag_block(data.spread.red_flags)
    if flags:
        blocks.append(flags)
    blocks += [
        verdict_block(data),
        events_block(data.events),
        completeness_block(data),
        findings_block(data),
    ]
    return blocks
