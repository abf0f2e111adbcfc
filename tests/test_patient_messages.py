"""What a new patient meets when they type a little wrong: `tracker med`, `dose`, `week`,
`response` and `summary` answer in one line, exit 1 for a bad value and 2 for a mistyped
command, write nothing, and never show a traceback."""

from __future__ import annotations

import json

import pytest


def _meds(run) -> list[dict]:
    result = run("med", "list", "--json")
    assert result.exit_code == 0, result.output
    return json.loads(result.output)


@pytest.mark.parametrize(
    ("name", "typed", "strength", "unit"),
    [
        ("pregabalin", ["75", "mg"], 75, "mg"),
        ("fentanyl", ["25", "mcg/h"], 25, "mcg/h"),
        ("buprenorphine", ["0.5", "MG"], 0.5, "mg"),
        ("pregabalin", ["10", "milligrams"], 10, "mg"),
    ],
)
def test_a_strength_typed_with_a_space_before_its_unit_is_accepted(
    run, name, typed, strength, unit
):
    result = run("med", "add", name, "--strength", *typed)
    assert result.exit_code == 0, result.output
    [medicine] = _meds(run)
    assert (medicine["strength"], medicine["unit"]) == (strength, unit)


def test_the_unit_may_come_apart_in_med_change_and_in_a_dose_too(run):
    assert run("med", "add", "oxycodone", "--strength", "5", "mg").exit_code == 0
    changed = run("med", "change", "oxycodone", "--strength", "10", "mg", "--date", "2026-11-24")
    assert changed.exit_code == 0, changed.output
    assert "5 mg -> 10 mg" in changed.output
    dose = run("dose", "oxycodone", "5", "mg", "--at", "08:00")
    assert dose.exit_code == 0, dose.output
    assert dose.output.startswith("Logged dose 1: oxycodone 5 mg on 2026-11-24 at 08:00.")


def test_a_word_after_the_number_that_is_no_unit_says_how_to_write_it(run, diary):
    result = run("med", "add", "pregabalin", "--strength", "75", "milligramz")
    assert result.exit_code == 2
    assert result.output == (
        "Error: '75 milligramz': write the strength with its unit as one word, 75mg, or in"
        " quotes, \"75 mg\" (units: mg, mcg, mcg/h) (see 'tracker med add --help')\n"
    )
    assert not diary.exists()


def test_a_strength_beyond_any_tablet_or_patch_is_refused_as_a_slip(run, diary):
    result = run("med", "add", "oxycodone", "--strength", "99999999999mg")
    assert result.exit_code == 1
    assert result.output == (
        "Error: strength '99999999999mg' is more than 10000 mg; give the strength of one tablet,"
        " capsule or patch (e.g. 75mg)\n"
    )  # it was saved as '1e+11 mg', and every dose of it counted 1.5e+11 MME
    assert not diary.exists()
    assert run("med", "add", "paracetamol", "--strength", "10000mg").exit_code == 0


def test_a_medicine_not_in_the_list_is_answered_with_the_command_that_adds_it(run):
    assert (
        run("med", "add", "oxycodone", "--strength", "5mg", "--date", "2026-11-20").exit_code == 0
    )
    dose = run("dose", "paracetamol")
    assert dose.exit_code == 1
    assert dose.output.endswith("Add it with: tracker med add paracetamol --strength AMOUNT\n")
    early = run("med", "stop", "oxycodone", "--date", "2026-11-01")
    assert early.exit_code == 1
    assert early.output.endswith(
        "give a day it was taken, or add it again: tracker med add oxycodone --strength AMOUNT\n"
    )


def test_a_response_to_an_id_that_is_no_number_names_the_event_id(run):
    result = run("response", "abc")
    assert result.exit_code == 1
    assert result.output == (
        "Error: event id 'abc' is not accepted; give the event's number as 'tracker event list'"
        " shows it, e.g. 3\n"
    )


def test_summary_weeks_beyond_ten_years_reads_like_every_other_bad_value(run):
    result = run("summary", "--weeks", "1000")
    assert result.exit_code == 1
    assert result.output == (
        "Error: --weeks: '1000' is more than 520 weeks (10 years); give 1 to 520\n"
    )  # was "Invalid value for --weeks: give at most 520 weeks (10 years)"


def test_a_goal_scored_out_of_range_says_which_goal_and_what_the_score_means(run, diary):
    result = run("week", "--goal", "walk=11")
    assert result.exit_code == 1
    assert result.output == (
        "Error: the goal 'walk': score '11' is not accepted; give a whole number from 0 to 10"
        " (10 = as before the problem)\n"
    )
    assert not diary.exists()


MISTAKES = [  # (command, exit code): 1 a bad value, 2 a mistyped command
    (["med", "add", "oxycodone"], 2),
    (["med", "add", "", "--strength", "5mg"], 1),
    (["med", "add", "oxycodone", "--strength", "-5mg"], 1),
    (["med", "add", "oxycodone", "--strength", "5kg"], 1),
    (["med", "add", "oxycodone", "--strength", "5mg", "--date", "tomorrow"], 1),
    (["med", "add", "oxycodone", "--strength", "5mg", "--date", "2026-13-01"], 1),
    (["med", "add", "tramadol", "--strength", "50", "milligramz"], 2),
    (["med", "change", "oxycodone", "--strength", "1e+11mg"], 1),
    (["med", "change", "oxycodone", "--strength", "5mg"], 1),  # the same strength
    (["med", "stop", "paracetamol"], 1),
    (["med", "lst"], 2),
    (["dose"], 2),
    (["dose", "oxy", "-5"], 1),
    (["dose", "oxycodone", "500mg"], 1),  # more than 10x the strength
    (["dose", "oxycodone", "5", "--at", "25:00"], 1),
    (["dose", "oxycodone", "--date", "next week"], 1),
    (["dose", "oxycodone", "5", "mg", "extra"], 2),
    (["week", "--interference", "11"], 1),
    (["week", "--walk-minutes", "700"], 1),
    (["week", "--heel-walk", "maybe"], 1),
    (["week", "--goal", "walk the dog"], 1),
    (["week", "--clinic-score", "xyz=3"], 1),
    (["week", "--clinic-score", "odi=500"], 1),
    (["week", "--date", "2030-01-01", "--interference", "3"], 1),
    (["week", "lst"], 2),
    (["week", "list", "--date", "x"], 2),
    (["response"], 2),
    (["response", "99"], 1),
    (["response", "1"], 1),  # a medication start: no response is judged for it
    (["summary", "--weeks", "0"], 1),
    (["summary", "--weeks", "2.5"], 1),
    (["summary", "--weks", "2"], 2),
]


@pytest.mark.parametrize(("args", "code"), MISTAKES, ids=[" ".join(a) for a, _ in MISTAKES])
def test_each_mistake_is_one_line_with_its_exit_code_and_writes_nothing(run, diary, args, code):
    assert run("med", "add", "oxycodone", "--strength", "5mg").exit_code == 0
    before = diary.digest()
    result = run(*args)
    assert result.exit_code == code, result.output
    assert result.exception is None or isinstance(result.exception, SystemExit)
    lines = result.output.splitlines()
    assert len(lines) == 1 and lines[0].startswith("Error: "), result.output
    assert "Traceback" not in result.output
    assert diary.digest() == before


def test_a_stopped_medicine_is_said_to_be_stopped_not_listed_as_taken_until_its_stop(run):
    assert run("med", "add", "gabapentin", "--strength", "300mg").exit_code == 0
    stopped = run("med", "stop", "gabapentin")
    assert stopped.output == "Stopped gabapentin 300 mg, scheduled: not taken from 2026-11-24 on.\n"
    for again in (["med", "stop", "gabapentin"], ["dose", "gabapentin"]):
        result = run(*again)
        assert result.exit_code == 1
        assert result.output == (
            "Error: gabapentin is not taken on 2026-11-24: it was stopped from 2026-11-24 on"
            " ('tracker med list --all' shows its history); if you take it again: tracker med"
            " add gabapentin --strength AMOUNT\n"
        )  # was: "your list has gabapentin from 2026-11-24 until 2026-11-24"


def test_after_an_injection_the_readings_due_say_to_rate_the_place_and_count_in_words(run):
    for back in range(9, 2, -1):  # the 7 logged days before it
        day = f"2026-11-{24 - back:02d}"
        assert run("log", "5", "--date", day, "--where", "lower-back=5").exit_code == 0
    added = run("event", "add", "2026-11-22", "injection", "epidural")
    assert added.exit_code == 0, added.output
    assert (
        "each day: tracker log PAIN --where PLACE=N, rating the place it was for (e.g."
        " lower-back=5, left-calf=6; for an earlier day: --date YYYY-MM-DD)"
    ) in " ".join(added.output.split())  # a bare 'tracker log PAIN' is no reading of the back
    assert run("log", "3", "--date", "2026-11-23", "--where", "lower-back=3").exit_code == 0
    assert run("log", "2", "--date", "2026-11-23", "--at", "12:00").exit_code == 0
    said = run("response", "1")
    assert said.exit_code == 0, said.output
    assert "(1 entry in that time could not be used: no time of day, or no back rating.)" in (
        said.output
    )  # was '1 entries'


def test_the_command_list_gives_each_commands_first_sentence_whole(run):
    # Click cut them at the terminal's width: "dose  Log one dose taken of a medicine in
    # your list (the amount:..."
    listed = run("--help").output.split("Commands:")[1]
    assert "..." not in listed
    assert "strength, unless given)." in " ".join(listed.split())


def test_the_help_speaks_the_patients_words(run):
    week = run("week", "--help")
    assert week.exit_code == 0
    assert "PGIC" not in week.output  # a questionnaire's abbreviation, not a patient's word
    assert "--change CHANGE" in week.output
    summary = run("summary", "--help")
    assert "--weeks N" in summary.output and "(1 to 520)" in summary.output


# What a new patient types in their first weeks, and the one line that says what to type.
FIRST_WEEK_SLIPS = [
    (  # Click's "Option '--where' requires an argument." said nothing of what to give
        ("log", "6", "--where"),
        "Error: --where needs a value after it: REGION[=N] (where it hurts, optionally with that"
        " spot's own 0-10 (e.g. lower-back=6)) (see 'tracker log --help')",
    ),
    (
        ("med", "add", "ibuprofen", "--strength"),
        "Error: --strength needs a value after it: TEXT (strength with unit: 75mg, 500mcg,"
        " 25mcg/h) (see 'tracker med add --help')",
    ),
    (
        ("log", "6", "sore", "after", "the", "drive"),
        "Error: give one pain, not 5 words; a note goes after --note, in quotes: e.g."
        " 'tracker log 6 --note \"sore after the drive\"' (see 'tracker log --help')",
    ),
    (
        ("log", "6", "lower-back", "lcalf=5"),
        "Error: give one pain, then the places after --where: e.g."
        " 'tracker log 6 --where lower-back --where left-calf=5' (see 'tracker log --help')",
    ),
    (
        ("log", "same", "6", "both feet"),
        "Error: give one pain, then the places after --where: e.g."
        " 'tracker log same 6 --where left-foot --where right-foot' (see 'tracker log --help')",
    ),
    (
        ("log", "6", "left-calff"),
        "Error: give one pain, then the places after --where; unknown region 'left-calff'; did"
        " you mean left-calf? ('tracker regions' lists all) (see 'tracker log --help')",
    ),
    (
        ("log", "6", "7"),
        "Error: give one pain from 0 to 10, not 2: e.g. 'tracker log 7'; a place's own pain is"
        " joined to it with '=', e.g. --where left-calf=5 (see 'tracker log --help')",
    ),
    (
        ("week", "--walk", "20"),
        "Error: No such option '--walk'. (Did you mean one of: '--walk-minutes', '--heel-walk',"
        " '--toe-walk'?) (see 'tracker week --help')",
    ),
    (
        ("event", "add", "nerve-block", "medial branch block", "--date", "today"),
        "Error: No such option '--date'. The date is written without '--date', in its place:"
        " 'tracker event add DATE KIND TITLE' (see 'tracker event add --help')",
    ),
    (
        ("surgery", "add", "2026-09-01", "L5-S1 discectomy", "--levels", "L5-S1"),
        "Error: 'L5-S1 discectomy': what was done goes after --procedure, in quotes: e.g."
        " 'tracker surgery add 2026-09-01 --levels L5-S1 --procedure \"L5-S1 discectomy\"'"
        " (see 'tracker surgery add --help')",
    ),
    (
        ("med", "add", "pregabalin", "75", "mg"),
        "Error: '75 mg': the strength goes after --strength: e.g."
        " 'tracker med add pregabalin --strength 75mg' (see 'tracker med add --help')",
    ),
]


@pytest.mark.parametrize(
    ("args", "line"), FIRST_WEEK_SLIPS, ids=[" ".join(a) for a, _ in FIRST_WEEK_SLIPS]
)
def test_a_first_week_slip_is_answered_with_what_to_type_instead(run, diary, args, line):
    result = run(*args)
    assert result.exit_code == 2
    assert result.output == line + "\n"
    assert not diary.exists()
