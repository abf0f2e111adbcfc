"""How entries and events read on the terminal: the one-line summary, the full details, the
long date, a clipped note, the red-flag warning. The fields come from domain.FIELDS."""

from __future__ import annotations

import datetime as dt

import click

from tracker import domain
from tracker.domain import Entry, Event


def long_date(day: dt.date) -> str:
    """'Tue 3 Mar 2026'."""
    return f"{day:%a} {day.day} {day:%b %Y}"


def summary(entry: Entry) -> str:
    """'pain 6/10; at lower-back=6; radiates to left-calf; burning; RED FLAGS: fever'."""
    parts = [f"pain {entry.pain}/10"]
    for f in domain.FIELDS:
        value = getattr(entry, f.name)
        if f.summary is not None and domain.recorded(value):
            parts.append(f.summary + f.said(value))
    return "; ".join(parts)


def details(entry: Entry) -> str:
    """Every field of an entry, one per line (`tracker show`, and before `delete`)."""
    lines = [
        f"Entry {entry.id}: {long_date(entry.day)}",
        f"  pain       {entry.pain}/10",
    ]
    if entry.time is not None:
        lines.append(f"  time       {entry.time:%H:%M}")
    for f in domain.FIELDS:
        value = getattr(entry, f.name)
        if domain.recorded(value):
            lines.append(f"  {f.label:<10} {f.said(value)}")
    typed = f"  typed      {entry.logged_at:%Y-%m-%d %H:%M}"
    lines.append(typed + (" (back-filled)" if entry.backfilled else ""))
    return "\n".join(lines)


def clip(text: str, limit: int) -> str:
    """Text on one line, cut to `limit` characters with an ellipsis."""
    flat = " ".join(text.split())
    return flat if len(flat) <= limit else flat[: limit - 1] + "…"


def event_line(ev: Event) -> str:
    """'2026-02-14 injection - L5 epidural steroid (L4-L5)'."""
    when = f" {ev.time:%H:%M}" if ev.time is not None else ""
    text = f"{ev.day.isoformat()}{when} {ev.kind} - {ev.title}"
    if ev.levels:
        text += f" ({', '.join(ev.levels)})"
    if ev.side:
        text += f", {ev.side} side" if ev.side != "both" else ", both sides"
    if ev.days:
        text += f", {ev.days} days"
    return text


def warn_red_flags(flags: tuple[str, ...]) -> None:
    """The urgent advice, prominently on standard error; the entry is saved all the same."""
    click.echo("", err=True)
    click.secho("!" * 72, fg="red", bold=True, err=True)
    for flag in flags:
        click.secho(f"  URGENT: {domain.RED_FLAGS[flag]} ({flag})", fg="red", bold=True, err=True)
    click.secho(f"  {domain.RED_FLAG_ADVICE}", fg="red", bold=True, err=True)
    click.secho("  Your entry has been saved.", err=True)
    click.secho("!" * 72, fg="red", bold=True, err=True)
