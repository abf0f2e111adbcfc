"""The pain a surgery was for (issue 14): the --before-* options of `surgery add` and
`surgery edit`, the questions the step-by-step `surgery add` asks, and how it reads."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any, TypeVar

import click

from tracker import before_surgery, domain
from tracker.before_surgery import PainBefore
from tracker.domain import Event
from tracker.errors import TrackerError

__all__ = ["PainBefore", "before_options", "given_changes", "merged", "ask_before", "describe"]

Command = TypeVar("Command", bound=Callable[..., Any])
CLEAR = ("none", "-", "")


def before_options(func: Command) -> Command:
    """--before-pain, --before-where, --before-radiates, --before-numb, --before-source."""
    options = (
        click.option(
            "--before-pain",
            metavar="N",
            help="How bad the pain was in the weeks before this surgery, 0-10.",
        ),
        click.option(
            "--before-where",
            multiple=True,
            metavar="REGION[=N]",
            help="Where it hurt before the surgery, optionally with its 0-10 (left-calf=8).",
        ),
        click.option(
            "--before-radiates",
            multiple=True,
            metavar="REGION",
            help="Where the pain travelled to before the surgery.",
        ),
        click.option(
            "--before-numb", multiple=True, metavar="REGION", help="Where it was numb before."
        ),
        click.option(
            "--before-source",
            metavar="memory|clinic",
            help="Where these come from: memory (yours) or clinic (scores taken before).",
        ),
    )
    for option in reversed(options):
        func = option(func)
    return func


def given_changes(given: dict[str, Any]) -> dict[str, Any]:
    """The parts of the pain before that were given as options, parsed ('none' clears one)."""
    changes: dict[str, Any] = {}
    pain = given.get("before_pain")
    if pain is not None:
        changes["pain"] = (
            None if pain.strip().lower() in CLEAR else before_surgery.parse_before_pain(pain)
        )
    if given.get("before_where"):
        changes["where"] = _sites(given["before_where"])
    if given.get("before_radiates"):
        changes["radiates"] = domain.parse_regions(given["before_radiates"])
    if given.get("before_numb"):
        changes["numb"] = domain.parse_regions(given["before_numb"])
    source = given.get("before_source")
    if source is not None:
        changes["source"] = (
            None if source.strip().lower() in CLEAR else before_surgery.parse_source(source)
        )
    return changes


def _sites(texts: tuple[str, ...] | list[str]) -> tuple[domain.Site, ...]:
    """Where it hurt before: regions, each with an optional 0-10 of the weeks before."""
    for item in domain.list_items(texts):
        _, sep, value = item.partition("=")
        if sep:
            before_surgery.parse_before_pain(value)  # the before-pain message, not log's
    return domain.parse_sites(texts)


def merged(current: PainBefore | None, changes: dict[str, Any]) -> PainBefore:
    """The pain before with these parts replaced, validated."""
    base = current or PainBefore()
    values: dict[str, Any] = {
        "pain": base.pain,
        "where": base.where,
        "radiates": base.radiates,
        "numb": base.numb,
        "source": base.source,
    }
    values.update(changes)
    nothing_left = not any(values[k] for k in ("where", "radiates", "numb"))
    if nothing_left and values["pain"] is None and "source" not in changes:
        values["source"] = None  # nothing left that the source it had describes
    return before_surgery.new_pain_before(**values)


def ask_before() -> PainBefore:
    """The step-by-step questions of `surgery add` about the weeks before the operation."""
    click.echo("The pain this surgery was for, in the weeks before it ('-' if you don't know).")
    pain = _ask("Pain then, 0 (none) to 10 (worst imaginable)", before_surgery.parse_before_pain)
    where = _ask("Where did it hurt (e.g. left-calf=8, lower-back=5)", lambda t: _sites([t]))
    radiates = _ask("Where did it travel to (e.g. left-calf)", lambda t: domain.parse_regions([t]))
    numb = _ask("Where was it numb", lambda t: domain.parse_regions([t]))
    before = PainBefore(pain, where or (), radiates or (), numb or ())
    source = None
    if before.recorded:
        source = _ask(
            "From your memory, or scores the clinic took (memory, clinic)",
            before_surgery.parse_source,
            "memory",
        )
    return before_surgery.new_pain_before(pain, where or (), radiates or (), numb or (), source)


def _ask(question: str, parse: Callable[[str], Any], default: str = "-") -> Any:
    def convert(text: str) -> Any:
        if text.strip().lower() in CLEAR:
            return None
        try:
            return parse(text)
        except TrackerError as exc:
            raise click.UsageError(exc.message) from None

    return click.prompt(question, default=default, value_proc=convert)


def describe(before: PainBefore) -> str:
    """'pain 7/10; where left-calf=8, lower-back=5; radiated to left-calf; as remembered'."""
    parts = []
    if before.pain is not None:
        parts.append(f"pain {before.pain}/10")
    if before.where:
        parts.append("where " + domain.describe_value(before.where))
    if before.radiates:
        parts.append("radiated to " + domain.describe_value(before.radiates))
    if before.numb:
        parts.append("numb " + domain.describe_value(before.numb))
    if before.source:
        parts.append(
            {"memory": "as remembered", "clinic": "from the clinic's scores"}[before.source]
        )
    return "; ".join(parts)


def changed_lines(old: PainBefore | None, new: PainBefore) -> list[str]:
    """One line per part of the pain before that changed: 'before-pain: (none) -> 7'."""
    old = old or PainBefore()
    lines = []
    for name in ("pain", "where", "radiates", "numb", "source"):
        a, b = getattr(old, name), getattr(new, name)
        if a != b:
            lines.append(f"before-{name}: {domain.describe_value(a)} -> {domain.describe_value(b)}")
    return lines


def surgery_dict(ev: Event, pain_before: PainBefore) -> dict:
    """A surgery as `tracker surgery list --json` prints it."""
    return {
        "id": ev.id,
        "date": ev.day.isoformat(),
        "procedure": ev.title,
        "levels": list(ev.levels),
        "note": ev.note,
        **pain_before.as_dict(),
    }
