"""tracker's own JSON: the whole diary, to move it or keep a backup; re-imports exactly."""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Mapping, Sequence
from dataclasses import replace
from typing import Any

from tracker import before_surgery, domain, medicines, regions, times, weekly
from tracker.before_surgery import PainBefore
from tracker.domain import Entry, Event, Site
from tracker.errors import TrackerError
from tracker.io.common import (
    BadRows,
    ImportBatch,
    Track,
    check_identity,
    chronological,
    entry_identity,
    event_identity,
    keyed,
    no_progress,
    parse_logged_at,
)
from tracker.medicines import Dose, Regimen

FORMAT_NAME = "tracker-diary"
FORMAT_VERSION = 1


def write_json(
    entries: Sequence[Entry],
    events: Sequence[Event],
    schema: str,
    track: Track = no_progress,
    checks: Sequence[weekly.WeeklyCheck] = (),
    befores: Mapping[int, PainBefore] | None = None,
    medicines: Sequence[tuple[Regimen, Sequence[Dose]]] = (),
) -> bytes:
    """The diary as UTF-8 JSON; ids are left out so that a fresh diary exports the same file.

    A surgery with its pain before recorded carries the before_* fields of `surgery list
    --json`; the weekly checks are those of `week list --json`, without their ids.
    """
    befores = befores or {}
    document = {
        "format": FORMAT_NAME,
        "format_version": FORMAT_VERSION,
        "schema": schema,
        "entries": [_entry_item(entry) for entry in track(entries, "Exporting")],
        "events": [_event_item(event, befores.get(event.id or 0)) for event in events],
        "weekly_checks": [check_identity(check) for check in checks],
        "medications": [_medicine_item(regimen, doses) for regimen, doses in medicines],
    }
    return (json.dumps(document, ensure_ascii=False, indent=2) + "\n").encode("utf-8")


def _entry_item(entry: Entry) -> dict:
    """An entry as the JSON export writes it: the fields of `tracker list --json`, no id."""
    item = entry.as_dict()
    del item["id"]
    return item


def _event_item(event: Event, before: PainBefore | None = None) -> dict:
    item = event.as_dict()
    del item["id"]
    if event.kind == "surgery" and before is not None and before.recorded:
        item.update(before.as_dict())
    if event.days is not None:  # a stimulator trial's length
        item["days"] = event.days
    return item


def _medicine_item(regimen: Regimen, doses: Sequence[Dose]) -> dict:
    """A regimen as `med list --json` shows it (no id, no factor), with its doses."""
    item = regimen.as_dict()
    del item["id"], item["mme_factor"]
    item["doses"] = [
        {
            "date": dose.day.isoformat(),
            "time": times.text(dose.time),
            "amount": dose.amount,
            "logged_at": dose.logged_at.isoformat(timespec="seconds"),
        }
        for dose in doses
    ]
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
    pains_before: list[PainBefore | None] = []
    for number, item in enumerate(events, start=1):
        event = _located(f"event {number}", _event, item, today, bad)
        if event is not None:
            batch.events.append((event, ""))
            pains_before.append(_located(f"event {number}", _pain_before, item, today, bad))
    weeks: dict[str, int] = {}
    for number, item in enumerate(_items(document, "weekly_checks"), start=1):
        check = _located(f"weekly check {number}", _check, item, today, bad)
        if check is None:
            continue
        if check.week in weeks:
            bad.add(
                f"weekly check {number}",
                TrackerError(f"a second check for {check.week} (weekly check {weeks[check.week]})"),
            )
            continue
        weeks[check.week] = number
        batch.checks.append((check, ""))
    for number, item in enumerate(_items(document, "medications"), start=1):
        medicine = _located(f"medication {number}", _medicine, item, today, bad)
        if medicine is not None:
            batch.medicines.append(medicine)
    bad.check()
    entry_keys = keyed("json", (entry_identity(e) for e, _ in batch.entries))
    event_keys = keyed("json-event", (event_identity(e) for e, _ in batch.events))
    batch.entries = [(e, k) for (e, _), k in zip(batch.entries, entry_keys, strict=True)]
    batch.events = [(e, k) for (e, _), k in zip(batch.events, event_keys, strict=True)]
    batch.befores = {
        key: before
        for (_, key), before in zip(batch.events, pains_before, strict=True)
        if before is not None and before.recorded
    }
    check_keys = keyed("json-week", (check_identity(c) for c, _ in batch.checks))
    batch.checks = [(c, k) for (c, _), k in zip(batch.checks, check_keys, strict=True)]
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


def _pain_before(item: dict, today: dt.date) -> PainBefore | None:
    """A surgery's before_* fields (absent in files written before issue 14)."""
    if not any(item.get(name) for name in BEFORE_FIELDS):
        return None
    if item.get("kind") != "surgery":
        raise TrackerError("only a surgery has the pain before it (before_* fields)")
    pain = item.get("before_pain")
    where = tuple(_site(site, "before_where") for site in _list(item, "before_where"))
    source = _optional_text(item, "before_source")
    return before_surgery.new_pain_before(
        None if pain is None else before_surgery.parse_before_pain(_number(item, "before_pain")),
        tuple({site.region: site for site in where}.values()),
        domain.parse_regions(_strings(item, "before_radiates")),
        domain.parse_regions(_strings(item, "before_numb")),
        None if source is None else before_surgery.parse_source(source),
    )


BEFORE_FIELDS = ("before_pain", "before_where", "before_radiates", "before_numb", "before_source")
_RATINGS = ("interference", "sleep_interference")
_MINUTES = ("walk_minutes", "sit_minutes", "stand_minutes")


def _check(item: dict, today: dt.date) -> weekly.WeeklyCheck:
    """A weekly check from its JSON shape (`week list --json` without the id)."""
    answers: dict[str, Any] = {}
    for name in (*weekly.ANSWERS, "same_as_before"):
        if item.get(name) is None:
            continue
        what = name.replace("_", " ")
        if name in _RATINGS:
            answers[name] = weekly.parse_rating(_number(item, name), what)
        elif name in _MINUTES:
            answers[name] = weekly.parse_minutes(_number(item, name), what)
        else:
            answers[name] = weekly.parse_choice(_text(item, name), weekly.CHOICES[name], what)
    goals = _mapping(item, "goals")
    answers["goals"] = weekly.parse_goals(f"{name}={_number(goals, name)}" for name in goals)
    scores = _mapping(item, "clinic_scores")
    for name, value in scores.items():
        if isinstance(value, bool) or not isinstance(value, int | float):
            raise TrackerError(f'the clinic score "{name}" is not a number')
    answers["clinic_scores"] = weekly.parse_clinic_scores(f"{n}={v}" for n, v in scores.items())
    return weekly.new_check(
        domain.parse_date(_text(item, "date"), today),
        parse_logged_at(_text(item, "logged_at")),
        **answers,
    )


def _mapping(item: dict, name: str) -> dict:
    value = item.get(name, {})
    if not isinstance(value, dict):
        raise TrackerError(f'"{name}" is not an object of names and numbers')
    return value


def _medicine(item: dict, today: dt.date) -> tuple[Regimen, list[Dose]]:
    """A regimen and its doses, checked as `med add` and `dose` check them."""
    strength = item.get("strength")
    if isinstance(strength, bool) or not isinstance(strength, int | float):
        raise TrackerError('"strength" is missing or is not a number')
    as_needed = item.get("as_needed", False)
    if not isinstance(as_needed, bool):
        raise TrackerError('"as_needed" is not true or false')
    regimen = medicines.new_regimen(
        _text(item, "name"),
        f"{strength:g}{_text(item, 'unit')}",
        domain.parse_date(_text(item, "started"), today),
        as_needed,
        _optional_text(item, "schedule"),
    )
    ingredient = _optional_text(item, "ingredient")
    stopped = _optional_text(item, "stopped")
    regimen = replace(
        regimen,
        ingredient=ingredient.strip().lower() if ingredient else regimen.ingredient,
        stopped=None if stopped is None else domain.parse_date(stopped, dt.date.max),
    )
    if regimen.stopped is not None and regimen.stopped < regimen.started:
        raise TrackerError('"stopped" is before "started"')
    doses = []
    for dose in _list(item, "doses"):
        if not isinstance(dose, dict):
            raise TrackerError('a "doses" item is not an object')
        amount = dose.get("amount")
        if isinstance(amount, bool) or not isinstance(amount, int | float):
            raise TrackerError('a dose\'s "amount" is missing or is not a number')
        doses.append(
            Dose(
                0,  # its regimen's id, known once stored
                domain.parse_date(_text(dose, "date"), today),
                medicines.dose_amount(f"{amount:g}", regimen),
                parse_logged_at(_text(dose, "logged_at")),
                _time(dose),
            )
        )
    return regimen, doses


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
