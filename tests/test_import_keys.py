"""Import keys do not move: a file imported by an earlier tracker still adds nothing.

tests/fixtures/import_keys/keys.json holds the keys (and FHIR ids) that tracker gave the
files beside it when the fixture was made (see make_keys.py there). A key that changed,
for example because a field was added to an entry, would import every old file again.
"""

from __future__ import annotations

import datetime as dt
import json
from dataclasses import replace
from pathlib import Path

import pytest
from support import Diary

from tracker import repository as repo
from tracker.io import export_diary, read_import

FIXTURE = Path(__file__).parent / "fixtures" / "import_keys"
KEYS = json.loads((FIXTURE / "keys.json").read_text(encoding="utf-8"))
FILES = ("diary.csv", "date_pain.csv", "diary.json", "bearable.csv")
TODAY = dt.date(2026, 6, 1)
NOW = dt.datetime(2026, 6, 1, 12, 0, 0)


def _batch(name: str, today: dt.date = TODAY, now: dt.datetime = NOW):  # type: ignore[no-untyped-def]
    return read_import((FIXTURE / name).read_bytes(), None, today, now)


@pytest.mark.parametrize("name", FILES)
def test_each_file_gets_the_keys_it_got_when_the_fixture_was_made(name):
    batch = _batch(name)
    assert batch.format == KEYS[name]["format"]
    assert [key for _, key in batch.entries] == KEYS[name]["entries"]
    assert [key for _, key in batch.events] == KEYS[name]["events"]


@pytest.mark.parametrize("name", FILES)
def test_keys_do_not_depend_on_the_day_or_the_time_of_the_import(name):
    later = _batch(name, dt.date(2030, 1, 2), dt.datetime(2030, 1, 2, 3, 4, 5))
    assert [key for _, key in later.entries] == KEYS[name]["entries"]


@pytest.mark.parametrize("name", ["diary.json", "diary.csv"])
def test_a_fhir_export_of_the_same_entries_has_the_same_ids(name):
    batch = _batch(name)
    bundle = json.loads(
        export_diary("fhir", [e for e, _ in batch.entries], [e for e, _ in batch.events], "")
    )
    # The resources of 2026 keep their ids; injections and blocks joined as Procedures with a
    # category in issue 10, after them.
    kept = [
        item["fullUrl"]
        for item in bundle["entry"]
        if not (item["resource"]["resourceType"] == "Procedure" and "category" in item["resource"])
    ]
    assert kept == KEYS[f"fhir of {name}"]["full_urls"]


def _stored_keys(diary: Diary) -> list[str]:
    rows = diary.execute("SELECT import_key FROM entries UNION ALL SELECT import_key FROM events")
    return sorted(key for (key,) in rows if key)


def test_the_diary_stores_exactly_the_fixture_keys(run, diary):
    for name in FILES:
        assert run("import", str(FIXTURE / name)).exit_code == 0
    expected = [key for name in FILES for key in KEYS[name]["entries"] + KEYS[name]["events"]]
    assert _stored_keys(diary) == sorted(expected)


@pytest.mark.parametrize("name", FILES)
def test_a_diary_holding_the_fixture_keys_imports_the_file_again_as_nothing(run, diary, name):
    """The diary an earlier tracker wrote: these keys, and entries corrected since (so only
    their keys can recognise them, not their content)."""
    assert run("log", "1", "--date", "2020-01-01").exit_code == 0  # creates the diary
    batch = _batch(name)
    database = diary.database()
    with database.session() as session:
        corrected = [replace(entry, note="corrected since") for entry, _ in batch.entries]
        repo.add_entries(session, zip(corrected, KEYS[name]["entries"], strict=True))
        for (event, _), key in zip(batch.events, KEYS[name]["events"], strict=True):
            repo.add_event(session, replace(event, note="corrected since"), key)
    database.dispose()
    again = run("import", str(FIXTURE / name))
    assert again.exit_code == 0, again.output
    fmt = {"csv": "CSV", "json": "JSON", "bearable": "Bearable CSV"}[KEYS[name]["format"]]
    skipped = len(KEYS[name]["entries"]) + len(KEYS[name]["events"])
    assert again.output.splitlines()[:2] == [
        f"Imported 0 entries and 0 events from {FIXTURE / name} ({fmt}).",
        f"Already in your diary, skipped: {skipped} (rows imported before, or the same entries).",
    ]


@pytest.mark.parametrize("name", FILES)
def test_keys_do_not_follow_the_shape_of_list_json(monkeypatch, name):
    """A field added to `tracker list --json` (Entry.as_dict) leaves every key as it was."""
    from tracker.domain import Entry, Event

    entry_shape, event_shape = Entry.as_dict, Event.as_dict
    monkeypatch.setattr(Entry, "as_dict", lambda self: {**entry_shape(self), "woke": None})
    monkeypatch.setattr(Event, "as_dict", lambda self: {**event_shape(self), "dose": None})
    batch = _batch(name)
    assert [key for _, key in batch.entries] == KEYS[name]["entries"]
    assert [key for _, key in batch.events] == KEYS[name]["events"]


def test_a_field_added_later_leaves_the_keys_of_entries_without_it(monkeypatch):
    """What entry_identity promises a new field: no value, no change to any key."""
    import dataclasses

    from tracker import domain
    from tracker.io import common

    added = dataclasses.replace(
        domain.FIELD["qualities"], name="worse_with", column="worse_with", label="worse with"
    )
    later = dataclasses.make_dataclass(
        "LaterEntry", [("worse_with", tuple, ())], bases=(domain.Entry,), frozen=True
    )
    batches = {name: _batch(name) for name in ("diary.csv", "diary.json")}
    monkeypatch.setattr(common, "FIELDS", (*domain.FIELDS, added))
    for name, batch in batches.items():
        timed = batch.timed
        without = [later(**vars(entry)) for entry, _ in batch.entries]
        contents = [common.entry_identity(e, t) for e, t in zip(without, timed, strict=True)]
        assert common.keyed(batch.format, contents) == KEYS[name]["entries"]
        with_it = [dataclasses.replace(e, worse_with=("sitting",)) for e in without]
        contents = [common.entry_identity(e, t) for e, t in zip(with_it, timed, strict=True)]
        assert all(c["worse_with"] == ["sitting"] for c in contents)
        assert set(common.keyed(batch.format, contents)).isdisjoint(KEYS[name]["entries"])
