"""The diary end to end through the real command group: log, review, correct, events."""

from __future__ import annotations

import datetime as dt
import hashlib
import json
from pathlib import Path

import click
import pytest
from support import NOW, TODAY

from tracker.cli import cli


def _digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest() if path.exists() else "absent"


# ---------------------------------------------------------------- logging


def test_log_stores_every_field(run, stored):
    result = run(
        "log", "7", "--date", "2026-01-05",
        "--where", "lower-back=7", "--where", "left buttock=5",
        "--radiates", "L calf", "--numb", "left lower leg", "--numb", "left foot",
        "--tingling", "left-toes", "--weak", "left ankle",
        "--quality", "burning", "--quality", "Shooting", "--note", "after gardening",
    )  # fmt: skip
    assert result.exit_code == 0, result.output
    assert result.output.startswith("Saved entry 1 for Mon 5 Jan 2026: pain 7/10;")
    [entry] = stored()
    assert entry["date"] == "2026-01-05"
    assert entry["pain"] == 7
    assert entry["where"] == [
        {"region": "lower-back", "intensity": 7},
        {"region": "left-buttock", "intensity": 5},
    ]
    assert entry["radiates"] == ["left-calf"]
    assert entry["numb"] == ["left-calf", "left-foot"]
    assert entry["tingling"] == ["left-toes"]
    assert entry["weak"] == ["left-ankle"]
    assert entry["quality"] == ["burning", "shooting"]
    assert entry["red_flags"] == []
    assert entry["note"] == "after gardening"
    assert entry["logged_at"] == NOW.isoformat()


def test_log_defaults_to_today_and_allows_several_entries_a_day(run, stored):
    assert run("log", "3").exit_code == 0
    assert run("log", "6", "--date", "today").exit_code == 0
    entries = stored()
    assert [e["date"] for e in entries] == [TODAY.isoformat()] * 2
    assert [e["pain"] for e in entries] == [3, 6]


def test_backfilled_entry_is_marked(run):
    result = run("log", "4", "--date", "yesterday")
    assert result.exit_code == 0
    assert result.stdout.splitlines() == [
        "Saved entry 1 for Mon 23 Nov 2026: pain 4/10.",
        "(Back-filled: typed on 2026-11-24; the report counts it as such.)",
    ]
    listing = run("list")
    assert "* back-filled" in listing.output


def test_the_clock_is_read_in_one_place_and_can_be_set(run, stored, monkeypatch):
    """TRACKER_NOW stands for the computer's clock everywhere: today, typing times, dates."""
    monkeypatch.setenv("TRACKER_NOW", "2025-02-28T07:30:59")
    assert run("log", "5").output.startswith("Saved entry 1 for Fri 28 Feb 2025: pain 5/10.")
    assert run("log", "4", "--date", "yesterday").exit_code == 0
    future = run("log", "4", "--date", "2025-03-01")
    assert future.exit_code == 1
    assert future.output == "Error: --date: 2025-03-01 is in the future; today is 2025-02-28\n"
    assert [(e["date"], e["logged_at"]) for e in stored()] == [
        ("2025-02-27", "2025-02-28T07:30:59"),
        ("2025-02-28", "2025-02-28T07:30:59"),
    ]
    monkeypatch.setenv("TRACKER_NOW", "soon")
    result = run("log", "5")
    assert result.exit_code == 1
    assert result.output == (
        "Error: TRACKER_NOW 'soon' is not a date and time; use YYYY-MM-DDTHH:MM:SS,"
        " or unset it to use the computer's clock\n"
    )
    assert len(stored()) == 2


def test_red_flag_prints_urgent_advice_and_still_saves(run, stored):
    result = run("log", "8", "--red-flag", "bladder", "--red-flag", "saddle numbness")
    assert result.exit_code == 0
    assert "URGENT: new trouble passing or holding urine (bladder)" in result.output
    assert "URGENT: numbness between the legs or around the back passage" in result.output
    assert "Contact your surgeon now, or emergency services if you cannot." in result.output
    assert stored()[0]["red_flags"] == ["bladder", "saddle-numbness"]


def test_log_without_pain_off_a_terminal_is_a_usage_error(run, diary):
    result = run("log")
    assert result.exit_code == 2
    assert result.output.strip().splitlines() == [
        "Error: give the pain as a number from 0 to 10, e.g. 'tracker log 6' "
        "(see 'tracker log --help')"
    ]
    assert not diary.exists()


def test_log_asks_step_by_step(run, stored):
    answers = "\n".join(
        [
            "",
            "6",
            "lower-back=6, left buttock",
            "left calf",
            "-",
            "left foot",
            "-",
            "aching",
            "standing, stairs",
            "sit",
            "2",
            "-",
            "bad night",
            "",
        ]
    )
    result = run("log", "--ask", input=answers)
    assert result.exit_code == 0, result.output
    [entry] = stored()
    assert entry["pain"] == 6 and entry["date"] == TODAY.isoformat()
    assert entry["where"] == [
        {"region": "lower-back", "intensity": 6},
        {"region": "left-buttock", "intensity": None},
    ]
    assert entry["radiates"] == ["left-calf"]
    assert entry["tingling"] == ["left-foot"]
    assert entry["quality"] == ["aching"] and entry["note"] == "bad night"
    assert (entry["worse_with"], entry["better_with"], entry["woke"]) == (
        ["standing", "walking"], ["sitting"], 2,
    )  # fmt: skip


def test_asking_takes_no_for_none_and_rated_places_apart_by_spaces(run, stored):
    # A patient answered "no" to the urgent symptoms ("unknown red flag 'no'") and rated two
    # places with a space between them ("pain '6 lower-back=4' is not accepted"); and a
    # day chosen as yesterday was still asked its "Overall pain now".
    answers = ["yesterday", "5", "left-calf=6 lower-back=4", "no", "none", "-", "n", "", "",
               "", "-", "no", ""]  # fmt: skip
    result = run("log", "--ask", input="\n".join(answers) + "\n")
    assert result.exit_code == 0, result.output
    assert "Overall pain that day, everything together" in result.output
    assert "Overall pain now" not in result.output and "unknown" not in result.output
    [entry] = stored()
    assert entry["date"] == (TODAY - dt.timedelta(days=1)).isoformat()
    assert entry["where"] == [
        {"region": "left-calf", "intensity": 6},
        {"region": "lower-back", "intensity": 4},
    ]
    assert (entry["radiates"], entry["numb"], entry["weak"], entry["red_flags"]) == (
        [], [], [], []
    )  # fmt: skip


def test_rated_places_apart_by_spaces_in_one_where_are_two_places(run, stored):
    result = run("log", "5", "--where", "left-calf=6 lower-back=4")
    assert result.exit_code == 0, result.output
    assert stored()[0]["where"] == [
        {"region": "left-calf", "intensity": 6},
        {"region": "lower-back", "intensity": 4},
    ]


def test_asking_offers_the_last_entry_as_default_and_reasks_on_typos(run, stored):
    run("log", "5", "--where", "lower-back", "--radiates", "left-thigh", "--worse-with",
        "sitting", "--better-with", "lying", "--woke", "1")  # fmt: skip
    answers = ["", "eleven", "4", "", "", "", "", "", "", "walkng", "", "", "21", "",
               "lumbar-ish", "-", ""]  # fmt: skip
    result = run("log", "--ask", input="\n".join(answers) + "\n")
    assert result.exit_code == 0, result.output
    assert "pain 'eleven' is not accepted" in result.output
    assert "unknown activity 'walkng' for --worse-with (did you mean walking?)" in result.output
    assert "times woken '21' is not accepted" in result.output
    assert "unknown red flag 'lumbar-ish'" in result.output
    assert "What made it worse (e.g. standing, walking) [sitting]:" in result.output
    assert "Times pain woke you last night (0-20) [1]:" in result.output
    second = stored()[1]
    assert second["pain"] == 4
    assert second["where"] == [{"region": "lower-back", "intensity": None}]
    assert second["radiates"] == ["left-thigh"]
    assert (second["worse_with"], second["better_with"], second["woke"]) == (
        ["sitting"], ["lying"], 1,
    )  # fmt: skip


# ---------------------------------------------------------------- bad input changes nothing


BAD_LOGS = [
    (["log", "11"], 1, "pain '11' is not accepted; give a whole number from 0 (no pain) to 10"),
    (["log", "5.5"], 1, "pain '5.5' is not accepted"),
    (["log", "--", "-1"], 1, "pain '-1' is not accepted"),
    (["log", "abc"], 1, "pain 'abc' is not accepted"),
    (["log", "5", "--where", "lowr back"], 1, "unknown region 'lowr back'; did you mean lower"),
    (["log", "5", "--where", "calf"], 1, "say which side for 'calf': left-calf, right-calf"),
    (["log", "5", "--where", "lower-back=12"], 1, "pain '12' for lower-back is not accepted"),
    (["log", "5", "--where", "left-calf="], 1,
     "the rating in 'left-calf=' is not accepted; give the place and its pain from 0 to 10"
     " joined by '=', e.g. left-calf=6, or the place alone"),  # fmt: skip
    (["log", "5", "--quality", "burnin"], 1, "pain quality 'burnin' (did you mean burning?)"),
    (["log", "5", "--red-flag", "fevr"], 1, "unknown red flag 'fevr' (did you mean fever?)"),
    (["log", "5", "--date", "2026-13-01"], 1, "'2026-13-01' is not a date; use YYYY-MM-DD"),
    (["log", "5", "--date", "5/3/2026"], 1, "--date: '5/3/2026' could be 5 March 2026 (day first)"),
    (["log", "5", "--date", (TODAY + dt.timedelta(days=2)).isoformat()], 1, "is in the future"),
    (["log", "5", "--note", "x" * 2100], 1, "the note is 2100 characters long"),
    (["show", "99"], 1, "there is no entry 99; 'tracker list' shows the ids"),
    (["edit", "99", "--pain", "3"], 1, "there is no entry 99"),
    (["delete", "99", "--yes"], 1, "there is no entry 99"),
    (["show", "abc"], 1, "'abc' is not accepted; give a whole number from 1"),
    (["event", "add", "2026-01-01", "injectin", "ESI"], 1, "unknown event kind 'injectin'"),
    (["event", "add", "2026-01-01", "injection", "  "], 1, "the event needs a title"),
    (["event", "delete", "42"], 1, "there is no event 42"),
    (["surgery", "add", "2026-01-01", "--procedure", "fusion", "--levels", "L9-L10"], 1,
     "spinal level 'L9-L10' is not accepted"),
    (["surgery", "add", "2026-01-01"], 2, "Missing option '--procedure'"),
    (["list", "--limit", "0"], 1, "'0' is not accepted"),
    (["list", "--since", "2026-05-01", "--until", "2026-04-01"], 1, "is after --until"),
    (["frobnicate"], 2, "No such command 'frobnicate'"),
]  # fmt: skip


@pytest.mark.parametrize(("args", "code", "message"), BAD_LOGS, ids=lambda v: str(v)[:40])
def test_bad_input_is_one_line_and_changes_nothing(run, diary, args, code, message):
    run("log", "4", "--where", "lower-back")
    before = diary.digest()
    result = run(*args)
    assert result.exit_code == code, result.output
    lines = result.output.strip().splitlines()
    assert len(lines) == 1, result.output
    assert lines[0].startswith("Error: ") and message in lines[0]
    assert "Traceback" not in result.output
    assert diary.digest() == before


def test_bad_input_on_a_new_diary_creates_no_file(run, diary):
    result = run("log", "6", "--where", "lowerback")
    assert result.exit_code == 1
    assert not diary.exists()


def test_an_empty_db_option_is_refused_not_ignored():
    from click.testing import CliRunner

    result = CliRunner().invoke(cli, ["--db", "", "log", "5"])
    assert result.exit_code == 1
    assert result.output.startswith("Error: Invalid value for --db: is empty;")


def test_non_database_file_is_refused_unchanged(run, tmp_path):
    notes = tmp_path / "notes.txt"
    notes.write_text("my shopping list\n" * 100)
    before = _digest(notes)
    result = run("log", "5", db=notes)
    assert result.exit_code == 1
    assert (
        result.output.strip()
        == f"Error: {notes} is not a tracker diary (not an SQLite database file)"
    )
    assert _digest(notes) == before


def test_folder_as_database_is_refused(run, tmp_path):
    result = run("list", db=tmp_path)
    assert result.exit_code == 1
    assert result.output.strip() == f"Error: {tmp_path} is a folder; give the path of a diary file"


@pytest.mark.sqlite_only("the file's read permission")
def test_unreadable_database_is_refused(run, db_path, monkeypatch):
    import os

    import tracker.db

    run("log", "5")
    before = _digest(db_path)
    real_access = os.access
    # The suite may run as root, who can read anything; pretend the permission is missing.
    monkeypatch.setattr(
        tracker.db.os, "access", lambda p, mode: False if mode == os.R_OK else real_access(p, mode)
    )
    result = run("list")
    assert result.exit_code == 1
    assert result.output.strip() == f"Error: {db_path} cannot be read (permission denied)"
    assert _digest(db_path) == before


# ---------------------------------------------------------------- reviewing


def test_list_table_and_json(run):
    run("log", "3", "--date", "2026-02-01", "--where", "lower-back=3")
    run("log", "6", "--date", "2026-02-03", "--radiates", "left-calf", "--note", "long walk")
    run("log", "5", "--date", "2026-02-05")
    table = run("list").output.splitlines()
    assert table[0].split() == ["ID", "Date", "Pain", "Where", "/", "symptoms"]
    assert table[1].split()[:3] == ["1", "2026-02-01*", "3"]  # typed later: back-filled
    assert 'radiates to left-calf  "long walk"' in table[2]
    assert table[-1] == "3 of 3 entries shown. * back-filled (typed on a later day)."
    window = json.loads(
        run("list", "--since", "2026-02-02", "--until", "2026-02-04", "--json").output
    )
    assert [e["id"] for e in window] == [2]
    assert set(window[0]) == {
        "id", "date", "time", "pain", "where", "radiates", "numb", "tingling", "weak",
        "quality", "worse_with", "better_with", "woke", "red_flags", "note", "logged_at",
    }  # fmt: skip
    latest = json.loads(run("list", "--limit", "2", "--json").output)
    assert [e["id"] for e in latest] == [2, 3]


def test_list_on_an_empty_diary_says_how_to_start(run):
    run("log", "5")
    run("undo")  # a diary that exists, with no entry left
    result = run("list")
    assert result.exit_code == 0
    assert result.output.strip() == "No entries yet. Log one with: tracker log 5 --where lower-back"


def test_show_prints_the_whole_entry(run):
    run(
        "log",
        "6",
        "--date",
        "2026-03-01",
        "--where",
        "lower-back=6",
        "--quality",
        "aching",
        "--note",
        "hm",
    )
    lines = run("show", "1").output.splitlines()
    assert lines[0] == "Entry 1: Sun 1 Mar 2026"
    assert "  pain       6/10" in lines
    assert "  where      lower-back=6" in lines
    assert "  quality    aching" in lines
    assert "  note       hm" in lines


# ---------------------------------------------------------------- correcting


def test_edit_prints_what_changed_and_stores_it(run, stored):
    run("log", "6", "--date", "2026-03-01", "--where", "lower-back=6", "--radiates", "left-calf")
    result = run(
        "edit",
        "1",
        "--pain",
        "5",
        "--radiates",
        "none",
        "--numb",
        "both feet",
        "--date",
        "2026-03-02",
    )
    assert result.exit_code == 0, result.output
    assert result.output.splitlines() == [
        "Updated entry 1:",
        "  date: 2026-03-01 -> 2026-03-02",
        "  pain: 6 -> 5",
        "  radiates: left-calf -> (none)",
        "  numb: (none) -> left-foot, right-foot",
    ]
    [entry] = stored()
    assert (entry["date"], entry["pain"], entry["radiates"], entry["numb"]) == (
        "2026-03-02", 5, [], ["left-foot", "right-foot"],
    )  # fmt: skip
    assert entry["where"] == [{"region": "lower-back", "intensity": 6}]


def test_edit_that_changes_nothing_is_an_error(run, diary):
    run("log", "6", "--where", "lower-back")
    before = diary.digest()
    result = run("edit", "1", "--pain", "6", "--where", "low back")
    assert result.exit_code == 1
    assert (
        result.output.strip()
        == "Error: nothing to change: entry 1 already says that (see 'tracker show 1')"
    )
    assert diary.digest() == before
    # no option at all: not "already says that", as if a change had been asked for
    bare = run("edit", "1")
    assert bare.exit_code == 2
    assert bare.output.strip() == (
        "Error: give at least one thing to change, e.g. 'tracker edit 1 --pain 5' or '--where "
        "lower-back=5' (see 'tracker edit --help')"
    )
    assert diary.digest() == before


def test_edit_can_clear_the_note(run, stored):
    run("log", "6", "--note", "typo")
    assert run("edit", "1", "--note", "").exit_code == 0
    assert stored()[0]["note"] is None


def test_delete_asks_first(run, stored):
    run("log", "6")
    refused = run("delete", "1", input="n\n")
    assert refused.exit_code == 0
    assert "Delete this entry?" in refused.output
    assert refused.output.endswith("Nothing deleted.\n")
    assert len(stored()) == 1
    confirmed = run("delete", "1", input="y\n")
    assert confirmed.exit_code == 0
    assert "Deleted entry 1" in confirmed.output
    assert stored() == []


def test_delete_yes_skips_the_question(run, stored):
    run("log", "6")
    result = run("delete", "1", "--yes")
    assert result.output.strip() == f"Deleted entry 1 ({TODAY.isoformat()}, pain 6/10)."
    assert stored() == []


# ---------------------------------------------------------------- surgeries and events


def test_surgeries_and_events(run):
    result = run(
        "surgery", "add", "2025-09-10", "--procedure", "L4-L5 fusion", "--levels", "l4-l5, L5/S1"
    )
    assert (
        result.stdout.strip()
        == "Saved surgery 1: 2025-09-10 surgery - L4-L5 fusion (L4-L5, L5-S1)."
    )
    run("event", "add", "2026-01-20", "injection", "L5 epidural steroid", "--note", "Dr Ng")
    run("event", "add", "2026-02-01", "Medication Start", "pregabalin 75 mg")
    assert (
        run("surgery", "list").output.strip()
        == "1  2025-09-10 surgery - L4-L5 fusion (L4-L5, L5-S1)"
    )
    events = run("event", "list").output.splitlines()
    assert [line.split()[:3] for line in events] == [
        ["1", "2025-09-10", "surgery"],
        ["2", "2026-01-20", "injection"],
        ["3", "2026-02-01", "medication-start"],
    ]
    assert events[1].endswith('"Dr Ng"')
    assert run("event", "delete", "2", "--yes").exit_code == 0
    assert len(run("event", "list").output.splitlines()) == 2


def test_empty_event_lists(run):
    run("log", "5")
    assert "No surgeries recorded" in run("surgery", "list").output
    assert "No events recorded" in run("event", "list").output


# ---------------------------------------------------------------- vocabulary and help


def test_regions_lists_vocabulary_in_limb_order(run):
    output = run("regions").output
    assert "lower-back" in output and "lumbar" in output
    leg = output.split("Leg (")[1].split("Arm (")[0]
    order = [line.split()[0] for line in leg.splitlines()[1:] if line.strip()]
    assert order[:4] == ["si-joint", "buttock", "hip", "groin"]
    assert order.index("thigh") < order.index("knee") < order.index("calf") < order.index("foot")
    assert "Red flags: saddle-numbness" in output


def _all_commands(group: click.Group, prefix: tuple[str, ...] = ()):
    for name, command in group.commands.items():
        yield (*prefix, name), command
        if isinstance(command, click.Group):
            yield from _all_commands(command, (*prefix, name))


@pytest.mark.parametrize("path", [p for p, _ in _all_commands(cli)], ids=" ".join)
def test_every_command_has_help(run, path):
    result = run(*path, "--help")
    assert result.exit_code == 0
    command = dict(_all_commands(cli))[path]
    assert command.help and len(command.help.strip()) > 10
    assert "Usage: tracker" in result.output


def test_an_event_is_stamped_by_the_clock(run, diary):
    assert run("event", "add", "2026-02-14", "injection", "L5 epidural steroid").exit_code == 0
    [(stamped,)] = diary.execute("SELECT created_at FROM events")
    # SQLite hands back the stored text, PostgreSQL a timestamp (without a time zone): the
    # same moment, the clock's, on both.
    moment = stamped if isinstance(stamped, dt.datetime) else dt.datetime.fromisoformat(stamped)
    assert moment == NOW


def test_a_place_rated_twice_is_refused_and_nothing_is_written(run, diary):
    # "--where left-calf=5 --where left-calf=4" kept the 4 without a word.
    run("log", "5")
    before = diary.digest()
    for args in (("log", "6", "--where", "left-calf=5", "--where", "left-calf=4"),
                 ("edit", "1", "--where", "left-calf=5,left-calf=3")):  # fmt: skip
        result = run(*args)
        assert result.exit_code == 1
        assert result.output.startswith("Error: left-calf is given twice, rated 5 and ")
        assert result.output.strip().endswith("give it once, with the rating meant")
    assert diary.digest() == before
    same = run("log", "6", "--where", "left-calf=5", "--where", "left calf")  # one rating
    assert same.exit_code == 0, same.output


def test_a_second_entry_for_a_day_is_said_with_the_first(run, stored):
    first = run("log", "3", "--date", "yesterday")
    assert "already had" not in first.output
    second = run("log", "6", "--date", "yesterday")
    day = TODAY - dt.timedelta(days=1)
    assert f"Note: {day:%a} {day.day} {day:%b %Y} already had 1 entry (pain 3), and this one is" \
        " kept beside it: the report takes the day's average" in second.output  # fmt: skip
    assert [e["pain"] for e in stored()] == [3, 6]
