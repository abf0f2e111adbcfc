"""The words of the appointment report: page-1 summary blocks, dates, wrapping and truncation."""

from __future__ import annotations

import datetime as dt
import textwrap
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field

from reports.report_data import ReportData
from tracker.domain import RED_FLAG_ADVICE, RED_FLAGS, Entry, Event, plural

DISCLAIMER_START = "A screening summary of self-reported scores"
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

VERDICT_HEADLINES = {
    "worsening": "WORSENING: pain is clearly and lastingly worse",
    "stable": "STABLE: no clinically important worsening",
    "improving": "IMPROVING: pain has fallen steadily",
    "insufficient_data": "NOT ENOUGH DATA YET for a verdict",
}


@dataclass
class Block:
    """One section of the summary page: a heading and its paragraphs (each wrapped later)."""

    kind: str  # "header", "red_flags", "verdict", "section", "disclaimer"
    heading: str | None
    paragraphs: list[str] = field(default_factory=list)


# ---------------------------------------------------------------- small formatting helpers


def after_day0(trend: dict) -> str:
    """'after surgery', or 'since the diary began' when no surgery is recorded."""
    return "since the diary began" if trend.get("anchor") == "first_entry" else "after surgery"


def short_date(day: dt.date) -> str:
    """A date as the report prints it: '12 Mar 2025'."""
    return f"{day.day} {day:%b %Y}"


def date_range(first: dt.date, last: dt.date) -> str:
    """'3 Feb - 14 Mar 2025' or '3 Feb 2024 - 14 Mar 2025'."""
    if first == last:
        return short_date(first)
    if first.year == last.year:
        return f"{first.day} {first:%b} - {short_date(last)}"
    return f"{short_date(first)} - {short_date(last)}"


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


def event_line(event: Event) -> str:
    """'12 Mar 2025  Surgery: L4-L5 fusion (L4-L5)'."""
    text = f"{short_date(event.day)}: {EVENT_LABELS.get(event.kind, event.kind)} - {event.title}"
    return text + (f" ({', '.join(event.levels)})" if event.levels else "")


def split_disclaimer(sentences: Iterable[str]) -> tuple[list[str], str | None]:
    """The verdict sentences without the disclaimer, and the disclaimer itself."""
    body, disclaimer = [], None
    for sentence in sentences:
        if sentence.startswith(DISCLAIMER_START):
            disclaimer = sentence
        else:
            body.append(sentence)
    return body, disclaimer


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


def red_flag_block(entries: Sequence[Entry]) -> Block | None:
    """Red-flag symptoms logged in the period, each with its dates; None if there were none."""
    days: dict[str, list[dt.date]] = {}
    for entry in entries:
        for flag in entry.red_flags:
            days.setdefault(flag, [])
            if entry.day not in days[flag]:
                days[flag].append(entry.day)
    if not days:
        return None
    lines = []
    for flag in sorted(days, key=lambda f: max(days[f]), reverse=True):
        dates = sorted(days[flag], reverse=True)
        listed = joined([short_date(d) for d in dates], MAX_FLAG_DATES)
        meaning = RED_FLAGS.get(flag, flag)
        lines.append(f"{meaning[0].upper()}{meaning[1:]}: {plural(len(dates), 'day')} ({listed}).")
    lines.append(RED_FLAG_ADVICE)
    return Block("red_flags", "RED-FLAG SYMPTOMS LOGGED (most recent first)", lines)


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
    sentence = (data.spread.get("completeness") or {}).get("sentence") or _completeness(data)
    text = (
        f"{plural(len(entries), 'entry', 'entries')}, the last on {short_date(entries[-1].day)}. "
        + sentence
    )
    return Block("section", "How complete the diary is", [text])


def _completeness(data: ReportData) -> str:
    """Days logged and back-filled entries, when the spread analysis gave no sentence."""
    first = data.period_start or data.entries[0].day
    span = (data.period_end - first).days + 1
    logged = len({e.day for e in data.entries})
    backfilled = sum(1 for e in data.entries if e.backfilled)
    return (
        f"Logged on {logged} of {span} days; {plural(backfilled, 'entry was', 'entries were')} "
        "back-filled (typed on a later day)."
    )


def verdict_block(data: ReportData) -> Block:
    """The verdict headline, its sentences and the key numbers behind it."""
    body, _ = split_disclaimer(data.verdict_sentences)
    verdict = data.trend.get("verdict", "insufficient_data")
    lines = [VERDICT_HEADLINES.get(verdict, verdict)] + body
    numbers = key_numbers(data.trend)
    if numbers:
        lines.append(numbers)
    return Block("verdict", "Is the pain getting worse?", lines)


def key_numbers(trend: dict) -> str | None:
    """A one-paragraph line of the numbers behind the verdict, every term explained."""
    level, slope = trend.get("level") or {}, (trend.get("trend") or {})
    parts = []
    if "current_level" in level:
        parts.append(f"now (median of the last 6 weeks) {level['current_level']:.1f}/10")
    if "reference_level" in level:
        parts.append(f"best 6 weeks {after_day0(trend)} {level['reference_level']:.1f}/10")
    if "threshold" in level:
        parts.append(
            f"a rise must reach {level['threshold']:.1f} points to matter clinically (the smaller "
            "of 2 points and 30 % of the best level, at least 1 point, and more than twice this "
            "patient's usual week-to-week swing)"
        )
    if "theil_sen_slope_per_30d" in slope:
        parts.append(f"overall trend {slope['theil_sen_slope_per_30d']:+.2f} points a month")
    if not parts:
        return None
    return "In numbers: " + "; ".join(parts) + "."


def findings_block(data: ReportData) -> Block:
    """Where the pain is and how it has spread, as the spread analysis words it."""
    spread = data.spread
    shown_elsewhere = {
        (spread.get("red_flags") or {}).get("sentence"),
        (spread.get("completeness") or {}).get("sentence"),
    }
    sentences = [s for s in spread.get("sentences", []) if s and s not in shown_elsewhere]
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


def disclaimer_text(data: ReportData) -> str:
    """The screening disclaimer (from the verdict wording), always printed."""
    _, disclaimer = split_disclaimer(data.verdict_sentences)
    return disclaimer or (
        "A screening summary of self-reported scores, not a diagnosis. "
        "Threshold: 2 points or 30 % (Farrar 2001; Ostelo 2008)."
    )


def summary_blocks(data: ReportData) -> list[Block]:
    """Page 1, top to bottom: header, red flags first, verdict, events, completeness, findings."""
    blocks = [header_block(data)]
    flags = red_flag_block(data.entries)
    if flags:
        blocks.append(flags)
    blocks += [
        verdict_block(data),
        events_block(data.events),
        completeness_block(data),
        findings_block(data),
    ]
    return blocks
