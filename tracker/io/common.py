"""What every format shares: the import batch, import keys, row-numbered errors, progress."""

from __future__ import annotations

import datetime as dt
import hashlib
import json
from collections import Counter
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from typing import Any

from tracker.before_surgery import PainBefore
from tracker.domain import FIELDS, Entry, Event, json_value, recorded
from tracker.errors import TrackerError
from tracker.medicines import Dose, Regimen
from tracker.weekly import WeeklyCheck

# Wraps a sequence being read or written, e.g. in a progress bar; the label says what for.
Track = Callable[[Sequence[Any], str], Iterable[Any]]

ACCEPTED = (
    "accepted: tracker's own CSV or JSON export, a CSV with 'date,pain' columns,"
    " or a Bearable CSV export"
)


def no_progress(items: Sequence[Any], label: str) -> Iterable[Any]:
    """The default Track: no progress shown."""
    return items


@dataclass
class ImportBatch:
    """What a file holds, parsed and validated, with one import key per entry and event."""

    format: str  # "csv", "json" or "bearable"
    entries: list[tuple[Entry, str]] = field(default_factory=list)
    events: list[tuple[Event, str]] = field(default_factory=list)
    # entries whose typing time came from the file: they can be recognised in the diary
    timed: list[bool] = field(default_factory=list)
    # what the file held that is not imported, e.g. {"Mood rows": 12}
    not_imported: Counter[str] = field(default_factory=Counter)
    # weekly checks (tracker's JSON), with their import keys
    checks: list[tuple[WeeklyCheck, str]] = field(default_factory=list)
    # the pain before each surgery of `events` that has one, by the surgery's import key
    befores: dict[str, PainBefore] = field(default_factory=dict)
    # regimens with their doses (tracker's JSON): matched to the diary's by content on import
    medicines: list[tuple[Regimen, list[Dose]]] = field(default_factory=list)


def keyed(fmt: str, contents: Iterable[dict]) -> list[str]:
    """Import keys: sha256 of (format, normalised content, occurrence among identical ones)."""
    seen: Counter[str] = Counter()
    keys = []
    for content in contents:
        canonical = _canonical(content)
        keys.append(_key(fmt, canonical, seen[canonical]))
        seen[canonical] += 1
    return keys


def _canonical(content: dict) -> str:
    return json.dumps(content, sort_keys=True, ensure_ascii=False, separators=(",", ":"))


def _key(fmt: str, canonical: str, occurrence: int) -> str:
    text = f"{fmt}\n{canonical}\n{occurrence}"
    return hashlib.sha256(text.encode("utf-8")).hexdigest()[:64]


# The fields of an entry in the diary's first format, always part of its identity.
FIRST_FIELDS = ("where", "radiates", "numb", "tingling", "weak", "qualities", "red_flags", "note")


def entry_identity(entry: Entry, timed: bool = True) -> dict:
    """What an entry's import key is made of: its content, in a form fixed for good.

    This is not the shape of `tracker list --json` or of the JSON export, and must not
    follow them: the diary holds keys made from this form, and a changed form would import
    every old file again (tests/test_import_keys.py holds it to keys made in 2026). The
    fields of the first diary format are always present, as they were; a field added
    since (domain.FIELDS) joins only when it holds something, under its JSON name, so that
    an entry without it keeps its key. Without its typing time (a file that had none) an
    entry has no `logged_at` here.
    """
    content: dict[str, Any] = {
        "date": entry.day.isoformat(),
        "pain": entry.pain,
        "where": [{"region": s.region, "intensity": s.intensity} for s in entry.where],
        "radiates": list(entry.radiates),
        "numb": list(entry.numb),
        "tingling": list(entry.tingling),
        "weak": list(entry.weak),
        "quality": list(entry.qualities),
        "red_flags": list(entry.red_flags),
        "note": entry.note,
    }
    for f in FIELDS:
        value = getattr(entry, f.name)
        if f.name not in FIRST_FIELDS and recorded(value):
            content[f.column] = json_value(f, value)
    if entry.time is not None:  # joined when said (issue 10), like the fields added since
        content["time"] = f"{entry.time:%H:%M}"
    if timed:
        content["logged_at"] = entry.logged_at.isoformat(timespec="seconds")
    return content


def check_identity(check: WeeklyCheck) -> dict:
    """What a weekly check's import key is made of: its JSON shape without its id."""
    content = check.as_dict()
    del content["id"]
    return content


def event_identity(event: Event) -> dict:
    """What an event's import key is made of (fixed for good, as for entries: the parts
    added since, time, side and a trial's days, join only when said)."""
    content: dict[str, Any] = {
        "date": event.day.isoformat(),
        "kind": event.kind,
        "title": event.title,
        "levels": list(event.levels),
        "note": event.note,
    }
    if event.time is not None:
        content["time"] = f"{event.time:%H:%M}"
    if event.side is not None:
        content["side"] = event.side
    if event.days is not None:
        content["days"] = event.days
    return content


def fingerprints(entries: Iterable[Entry], events: Iterable[Event]) -> set[str]:
    """Keys by content (typing time included) of what a diary already holds."""
    found = set(keyed("entry", (entry_identity(e) for e in entries)))
    return found | set(keyed("event", (event_identity(e) for e in events)))


def not_yet_in_diary(batch: ImportBatch, keys_in_diary: set[str], held: set[str]) -> ImportBatch:
    """The batch without rows imported before (same import key) or already in the diary.

    An entry with its own typing time that matches a diary entry field for field, typing
    second included, is the same entry (a backup restored into the diary it came from).
    """
    timed_contents = [
        entry_identity(e) if t else None
        for (e, _), t in zip(batch.entries, batch.timed, strict=True)
    ]
    entry_prints = _prints("entry", timed_contents)
    event_prints = keyed("event", (event_identity(e) for e, _ in batch.events))
    kept = [
        (pair, timed)
        for pair, seen, timed in zip(batch.entries, entry_prints, batch.timed, strict=True)
        if pair[1] not in keys_in_diary and seen not in held
    ]
    events = [
        (event, key)
        for (event, key), seen in zip(batch.events, event_prints, strict=True)
        if key not in keys_in_diary and seen not in held
    ]
    entries = [pair for pair, _ in kept]
    checks = [(check, key) for check, key in batch.checks if key not in keys_in_diary]
    return ImportBatch(
        batch.format,
        entries,
        events,
        [t for _, t in kept],
        batch.not_imported,
        checks,
        {key: b for key, b in batch.befores.items() if any(key == k for _, k in events)},
        batch.medicines,
    )


def _prints(fmt: str, contents: list[dict | None]) -> list[str | None]:
    keys = iter(keyed(fmt, (c for c in contents if c is not None)))
    return [None if c is None else next(keys) for c in contents]


ROWS_LISTED = 20  # bad rows named one by one; beyond, a count


class BadRows:
    """Every bad row of a file, so that one import run says all that is wrong with it."""

    def __init__(self) -> None:
        self.problems: list[str] = []

    def add(self, where: str, exc: TrackerError) -> None:
        self.problems.append(f"{where}: {exc.message}")

    def check(self) -> None:
        """Raise, naming each bad row (the first 20, then how many more), if any was bad."""
        if not self.problems:
            return
        if len(self.problems) == 1:
            raise TrackerError(f"{self.problems[0]}; nothing was imported")
        listed = tuple(self.problems[:ROWS_LISTED])
        more = len(self.problems) - len(listed)
        raise TrackerError(
            f"{len(self.problems)} rows cannot be imported; nothing was imported:",
            listed + ((f"... and {more} more",) if more else ()),
        )


def chronological(batch: ImportBatch) -> ImportBatch:
    """Entries oldest first (a file may be newest first), keeping file order within a day."""
    rows = list(zip(batch.entries, batch.timed or [True] * len(batch.entries), strict=True))
    days = [entry.day for (entry, _), _ in rows]
    if any(a > b for a, b in zip(days, days[1:], strict=False)) and days[0] > days[-1]:
        rows.reverse()
    rows.sort(key=lambda row: (row[0][0].day, row[0][0].logged_at))
    batch.entries = [row for row, _ in rows]
    batch.timed = [timed for _, timed in rows]
    batch.events.sort(key=lambda pair: pair[0].day)
    return batch


def in_range(day: dt.date, since: dt.date | None, until: dt.date | None) -> bool:
    """Whether a day falls within optional inclusive bounds."""
    return (since is None or day >= since) and (until is None or day <= until)


def parse_logged_at(text: str) -> dt.datetime:
    """When an entry was typed: ISO date and time; a time with an offset becomes local time."""
    try:
        moment = dt.datetime.fromisoformat(text.strip())
    except ValueError:
        raise TrackerError(
            f"logged_at '{text[:40]}' is not a date and time; use YYYY-MM-DDTHH:MM:SS"
        ) from None
    if moment.tzinfo is not None:
        moment = moment.astimezone().replace(tzinfo=None)
    return moment.replace(microsecond=0)


def split_list(text: str) -> list[str]:
    """A multi-valued CSV cell ('a;b') as its items, blanks dropped."""
    return [item.strip() for item in text.split(";") if item.strip()]
