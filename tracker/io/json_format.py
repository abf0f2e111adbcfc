"""tracker's own JSON: the whole diary, to move it or keep a backup; re-imports exactly."""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Sequence
from dataclasses import replace
from typing import Any

from tracker import domain, regions, times
from tracker.domain import Entry, Event, Site
from tracker.errors import TrackerError
from tracker.io.common import (
    BadRows,
    ImportBatch,
    Track,
    chronological,
    entry_identity,
    event_identity,
    keyed,
    no_progress,
    parse_logged_at,
)

FORMAT_NAME = "tracker-diary"
FORMAT_VERSION = 1


def write_json(
    entries: Sequence[Entry], events: Sequence[Event], schema: str, track: Track = no_progress
) -> bytes:
    """The diary as UTF-8 JSON; ids are left out so that a fresh diary exports the same file."""
    document = {
        "format": FORMAT_NAME,
        "format_version": FORMAT_VERSION,
        "schema": schema,
        "entries": [_entry_item(entry) for entry in track(entries, "Exporting")],
        "events": [_event_item(event) for event in events],
    }
    return (json.dumps(document, ensure_ascii=False, indent=2) + "\n").encode("utf-8")


def _entry_item(entry: Entry) -> dict:
    """An entry as the JSON export writes it: the fields of `tracker list --json`, no id."""
    item = entry.as_dict()
    del item["id"]
    return item


def _event_item(event: Event) -> dict:
    item = event.as_dict()
    del item["id"]
    if event.days is not None:  # a stimulator trial's length
        item["days"] = event.days
    return item


def is_json(text: str) -> bool:
    """Whether the text looks like a JSON document (our only JSON format)."""
    return text.lstrip().startswith("{")


def read_json(text: str, today: dt.date, track: Track = no_progress) -> ImportBatch:
    """Parse and validate a tracker JSON export."""
    document = _load(text)
    entries = _items(document, "entries")
    events = _items(document, "events")
    batch = ImportBatch("json")
    bad = BadRows()
    for number, item in enumerate(track(entries, "Reading"), start=1):
        entry = _located(f"entry {number}", _entry, item, today, bad)
        if entry is not None:
            batch.entries.append((entry, ""))
    for number, item in enumerate(events, start=1):
        event = _located(f"event {number}", _event, item, today, bad)
        if event is not None:
            batch.events.append((event, ""))
    bad.check()
    entry_keys = keyed("json", (entry_identity(e) for e, _ in batch.entries))
    event_keys = keyed("json-event", (event_identity(e) for e, _ in batch.events))
    batch.entries = [(e, k) for (e, _), k in zip(batch.entries, entry_keys, strict=True)]
    batch.events = [(e, k) for (e, _), k in zip(batch.events, event_keys, strict=True)]
    batch.timed = [True] * len(batch.entries)
    return chronological(batch)


def _load(text: str) -> dict:
    try:
        document = json.loads(text)
    except json.JSONDecodeError as exc:
        raise TrackerError(
            f"the file is not valid JSON (line {exc.lineno}: {exc.msg}); nothing was imported"
        ) from None
    if not isinstance(document, dict) or document.get("format") != FORMAT_NAME:
        raise TrackerError(
            f'the JSON file is not a tracker export (it has no "format": "{FORMAT_NAME}");'
            " nothing was imported"
        )
    version = document.get("format_version")
    if not isinstance(version, int) or isinstance(version, bool) or version < 1:
        raise TrackerError('the JSON file has no valid "format_version"; nothing was imported')
    if version > FORMAT_VERSION:
        raise TrackerError(
            f"the JSON file was written by a newer tracker (format version {version}); install"
            " the newer tracker to import it"
        )
    return document


def _items(document: dict, name: str) -> list:
    items = document.get(name, [])
    if not isinstance(items, list):
        raise TrackerError(f'"{name}" in the JSON file is not a list; nothing was imported')
    return items


def _located(where: str, parse: Any, item: Any, today: dt.date, bad: BadRows) -> Any:
    """Run a parser on one item; its failure, naming the item, is kept in `bad` (None)."""
    try:
        if not isinstance(item, dict):
            raise TrackerError("it is not an object with named fields")
        return parse(item, today)
    except TrackerError as exc:
        bad.add(where, exc)
        return None


def _entry(item: dict, today: dt.date) -> Entry:
    entry = domain.new_entry(
        domain.parse_date(_text(item, "date"), today),
        domain.parse_pain(_number(item, "pain")),
        parse_logged_at(_text(item, "logged_at")),
        **{f.name: _field(item, f) for f in domain.FIELDS},
    )
    return replace(entry, time=_time(item))


def _time(item: dict) -> dt.time | None:
    """A time of day, "HH:MM" or null (absent in files written before issue 10)."""
    value = _optional_text(item, "time")
    return None if value is None else times.parse_time(value)


def _field(item: dict, f: domain.EntryField) -> Any:
    """A field of an entry from its JSON value (domain.json_value writes it)."""
    if f.kind == domain.TEXT:
        return _optional_text(item, f.column)
    if f.kind == domain.NUMBER:
        value = item.get(f.column)
        if value is None:
            return None
        if isinstance(value, bool) or not isinstance(value, int | str):
            raise TrackerError(f'"{f.column}" is not a whole number')
        return f.parse(str(value))
    if f.kind == domain.SITES:
        sites = tuple(_site(site, f.column) for site in _list(item, f.column))
        return tuple({site.region: site for site in sites}.values())
    return f.parse(_strings(item, f.column))


def _site(item: Any, column: str) -> Site:
    if not isinstance(item, dict):
        raise TrackerError(f'a "{column}" item is not an object with "region" and "intensity"')
    region = regions.resolve_one(_text(item, "region"))
    intensity = item.get("intensity")
    if intensity is None:
        return Site(region)
    return Site(region, domain.parse_pain(_number(item, "intensity")))


def _event(item: dict, today: dt.date) -> Event:
    levels = _strings(item, "levels")
    side = _optional_text(item, "side")
    days = item.get("days")
    if days is not None and (isinstance(days, bool) or not isinstance(days, int)):
        raise TrackerError('"days" is not a whole number')
    return domain.new_event(
        domain.parse_date(_text(item, "date"), today),
        domain.parse_event_kind(_text(item, "kind")),
        _text(item, "title"),
        _optional_text(item, "note"),
        domain.parse_levels(",".join(levels)),
        _time(item),
        None if side is None else domain.parse_side(side),
        days,
    )


def _text(item: dict, name: str) -> str:
    value = item.get(name)
    if not isinstance(value, str):
        raise TrackerError(f'"{name}" is missing or is not text')
    return value


def _optional_text(item: dict, name: str) -> str | None:
    value = item.get(name)
    if value is not None and not isinstance(value, str):
        raise TrackerError(f'"{name}" is not text')
    return value


def _number(item: dict, name: str) -> str:
    value = item.get(name)
    if isinstance(value, bool) or not isinstance(value, int | str):
        raise TrackerError(f'"{name}" is missing or is not a whole number')
    return str(value)


def _list(item: dict, name: str) -> list:
    value = item.get(name, [])
    if not isinstance(value, list):
        raise TrackerError(f'"{name}" is not a list')
    return value


def _strings(item: dict, name: str) -> list[str]:
    values = _list(item, name)
    if not all(isinstance(value, str) for value in values):
        raise TrackerError(f'"{name}" must list names as text')
    return values
