"""Times of day and procedures on the timeline (issue 10; issue 12 point 8): log --at,
event --at/--side/--levels/--days, event list --json, event edit, event delete asks."""

from __future__ import annotations

import datetime as dt
import json

import pytest

from tracker import times
from tracker.errors import TrackerError


def _ok(result):
    assert result.exit_code == 0, result.output
    return result.output


def _refused(result, *words):
    assert result.exit_code == 1, result.output
    errors = [line for line in result.output.splitlines() if line.startswith("Error:")]
    assert len(errors) == 1 and "Traceback" not in result.output, result.output
    for word in words:
        assert word in errors[0], errors[0]


def test_an_entry_about_today_is_at_the_time_typed_and_a_back_filled_one_has_none(run):
    _ok(run("log", "5"))
    _ok(run("log", "4", "--date", "yesterday"))
    _ok(run("log", "3", "--date", "yesterday", "--at", "8:05"))
    _ok(run("log", "6", "--at", "09:30"))
    entries = json.loads(_ok(run("list", "--json")))
    assert [(e["date"], e["time"], e["pain"]) for e in entries] == [
        ("2026-11-23", None, 4), ("2026-11-23", "08:05", 3),
        ("2026-11-24", "21:14", 5), ("2026-11-24", "09:30", 6),
    ]  # fmt: skip
    assert "  time       09:30" in _ok(run("show", "4"))


@pytest.mark.parametrize(
    ("args", "words"),
    [(("--at", "25:00"), ["--at", "'25:00'", "00:00 to 23:59"]),
     (("--at", "9"), ["'9' is not accepted", "HH:MM"]),
     (("--at", "21:15"), ["2026-11-24 21:15 is in the future", "it is now 2026-11-24 21:14"])],
)  # fmt: skip
def test_a_bad_or_future_time_is_refused_and_nothing_is_written(run, stored, args, words):
    _refused(run("log", "5", *args), *words)
    assert stored() == []


def test_edit_moves_an_entry_to_another_time_but_never_into_the_future(run):
    _ok(run("log", "5", "--date", "yesterday"))
    assert "time: (none) -> 22:00" in _ok(run("edit", "1", "--at", "22:00"))
    _refused(run("edit", "1", "--date", "today"), "2026-11-24 22:00 is in the future")
    assert json.loads(_ok(run("list", "--json")))[0]["time"] == "22:00"
    _ok(run("undo"))
    assert json.loads(_ok(run("list", "--json")))[0]["time"] is None


def test_events_carry_time_side_levels_and_a_trials_days(run):
    said = _ok(run("event", "add", "2026-11-20", "nerve-block", "medial branch block",
                   "--at", "09:00", "--side", "right", "--levels", "L4-5,L5-S1"))  # fmt: skip
    assert "2026-11-20 09:00 nerve-block - medial branch block (L4-L5, L5-S1), right side" in said
    _ok(run("event", "add", "2026-11-01", "stimulator-trial", "SCS trial", "--days", "7"))
    _ok(run("event", "add", "2026-10-01", "injection", "L5 epidural", "--side", "both"))
    listed = json.loads(_ok(run("event", "list", "--json")))
    assert listed[0] == {
        "id": 3, "date": "2026-10-01", "time": None, "kind": "injection",
        "title": "L5 epidural", "side": "both", "levels": [], "note": None,
    }  # fmt: skip
    assert listed[2] == {
        "id": 1, "date": "2026-11-20", "time": "09:00", "kind": "nerve-block",
        "title": "medial branch block", "side": "right", "levels": ["L4-L5", "L5-S1"],
        "note": None,
    }  # fmt: skip
    assert "SCS trial, 7 days" in _ok(run("event", "list"))


@pytest.mark.parametrize(
    ("args", "words"),
    [(("--side", "up"), ["--side", "'up'", "left, right or both"]),
     (("--days", "3"), ["--days is for a stimulator-trial"]),
     (("--at", "21:30"), ["2026-11-24 21:30 is in the future"]),
     (("--levels", "L9"), ["spinal level 'L9'"])],
)  # fmt: skip
def test_a_bad_event_option_is_refused_and_nothing_is_written(run, args, words):
    _ok(run("log", "5"))
    _refused(run("event", "add", "today", "injection", "ESI", *args), *words)
    assert json.loads(_ok(run("event", "list", "--json"))) == []


def test_event_edit_changes_what_is_given_and_undo_takes_it_back(run):
    _ok(run("event", "add", "2026-11-20", "nerve-block", "MBB", "--at", "09:00"))
    said = _ok(run("event", "edit", "1", "--at", "09:15", "--side", "left", "--note", "lidocaine"))
    assert "-> 2026-11-20 09:15 nerve-block - MBB, left side." in said
    edited = json.loads(_ok(run("event", "list", "--json")))[0]
    assert (edited["time"], edited["side"], edited["note"]) == ("09:15", "left", "lidocaine")
    _refused(run("event", "edit", "1", "--side", "left", "--at", "09:15"), "nothing to change")
    _refused(run("event", "edit", "9", "--side", "left"), "there is no event 9")
    _ok(run("undo"))
    assert json.loads(_ok(run("event", "list", "--json")))[0]["time"] == "09:00"


def test_event_delete_asks_first_and_no_deletes_nothing(run):
    _ok(run("event", "add", "2026-11-20", "injection", "ESI"))
    answered_no = run("event", "delete", "1", input="n\n")
    assert answered_no.exit_code == 0
    assert "Delete this event?" in answered_no.output
    assert answered_no.output.rstrip().endswith("Nothing deleted.")
    assert len(json.loads(_ok(run("event", "list", "--json")))) == 1
    assert "Deleted event 1" in _ok(run("event", "delete", "1", input="y\n"))
    _ok(run("event", "add", "2026-11-21", "injection", "ESI 2"))
    assert "Deleted event 2" in _ok(run("event", "delete", "2", "--yes"))
    assert json.loads(_ok(run("event", "list", "--json"))) == []


def test_times_are_read_on_the_24_hour_clock():
    assert times.parse_time("9:05") == dt.time(9, 5)
    assert times.parse_time("23:59") == dt.time(23, 59)
    for bad in ("24:00", "12:60", "noon", "9"):
        with pytest.raises(TrackerError):
            times.parse_time(bad)
    now = dt.datetime(2026, 11, 24, 21, 14)
    assert times.time_of(now.date(), None, now) == dt.time(21, 14)
    assert times.time_of(dt.date(2026, 11, 23), None, now) is None
    assert times.time_of(dt.date(2026, 11, 23), dt.time(23, 0), now) == dt.time(23, 0)
