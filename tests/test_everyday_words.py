"""Issue 12, words and dates: what a real person types is understood, or answered plainly."""

from __future__ import annotations

import datetime as dt
import json

import pytest
from support import NOW

from tracker import domain, regions
from tracker.errors import TrackerError

TODAY = dt.date(2026, 11, 25)  # a Wednesday


# ---------------------------------------------------------------- dates


@pytest.mark.parametrize(
    ("typed", "expected"),
    [
        ("3 days ago", dt.date(2026, 11, 22)),
        ("1 day ago", dt.date(2026, 11, 24)),
        ("a week ago", dt.date(2026, 11, 18)),
        ("2 weeks ago", dt.date(2026, 11, 11)),
        ("monday", dt.date(2026, 11, 23)),
        ("Last Monday", dt.date(2026, 11, 23)),
        ("last  tue", dt.date(2026, 11, 24)),
        ("wednesday", dt.date(2026, 11, 18)),  # today is Wednesday: the one before
        ("2026-1-5", dt.date(2026, 1, 5)),
        ("2026/01/05", dt.date(2026, 1, 5)),
        ("25/03/2026", dt.date(2026, 3, 25)),  # only one reading: the 25th cannot be a month
        ("03/25/2026", dt.date(2026, 3, 25)),
        ("05.05.2026", dt.date(2026, 5, 5)),  # both readings are the same day
    ],
)
def test_everyday_dates(typed, expected):
    assert domain.parse_date(typed, TODAY) == expected


def test_an_ambiguous_date_is_refused_with_both_readings_spelled_out():
    with pytest.raises(TrackerError) as caught:
        domain.parse_date("12/03/2026", TODAY)
    assert caught.value.message == (
        "'12/03/2026' could be 12 March 2026 (day first) or 3 December 2026 (month first);"
        " write 2026-03-12 or 2026-12-03, or set TRACKER_DATE_ORDER=dmy or mdy"
    )


def test_the_date_order_settles_an_ambiguous_date():
    assert domain.parse_date("12/03/2026", TODAY, "dmy") == dt.date(2026, 3, 12)
    with pytest.raises(TrackerError, match="2026-12-03 is in the future"):
        domain.parse_date("12/03/2026", TODAY, "mdy")
    assert domain.parse_date("11/03/2026", TODAY, "mdy") == dt.date(2026, 11, 3)
    with pytest.raises(TrackerError, match="is not a date read month first"):
        domain.parse_date("25/03/2026", TODAY, "mdy")


def test_a_set_of_dates_settles_its_own_order():
    assert domain.date_order_of(["01/02/2026", "25/02/2026"]) == "dmy"
    assert domain.date_order_of(["01/02/2026", "02/25/2026"]) == "mdy"
    assert domain.date_order_of(["01/02/2026", "2026-02-03"]) is None
    with pytest.raises(TrackerError, match="the dates mix two orders: '25/02/2026' is day first"):
        domain.date_order_of(["25/02/2026", "02/25/2026"])


@pytest.mark.parametrize(
    "typed", ["tomorrow", "26-1-1", "2026-02-30", "31/31/2026", "", "x days ago"]
)
def test_what_is_not_a_date_says_what_is(typed):
    with pytest.raises(TrackerError) as caught:
        domain.parse_date(typed, TODAY)
    assert "is not a date; use YYYY-MM-DD, 'today', 'yesterday', '3 days ago'" in (
        caught.value.message
    )


def test_relative_dates_are_never_in_the_future_nor_before_1900():
    with pytest.raises(TrackerError, match="too long ago"):
        domain.parse_date("99999 days ago", TODAY)


# ---------------------------------------------------------------- limbs and symptom words


@pytest.mark.parametrize(
    ("typed", "message"),
    [
        ("left leg", "say where on the left leg: thigh, knee, calf, shin, ankle, foot, toes"),
        ("Right arm", "say where on the right arm: shoulder, upper-arm, elbow, forearm, wrist"),
        ("both legs", "say where on both legs: thigh, knee, calf, shin, ankle, foot, toes"),
        ("leg", "say which side and where on the leg for 'leg': left-, right- or both- with"
                " thigh, knee, calf"),
        ("L leg", "say where on the left leg: thigh"),
        ("arms", "say which side and where on the arm"),
    ],
)  # fmt: skip
def test_a_whole_limb_is_answered_with_its_parts(typed, message):
    with pytest.raises(TrackerError) as caught:
        regions.resolve(typed)
    assert caught.value.message.startswith(message)
    assert "did you mean" not in caught.value.message


def test_a_typo_suggests_only_the_close_names():
    with pytest.raises(TrackerError) as caught:
        regions.resolve("lower bak")
    assert "did you mean lower-back?" in caught.value.message
    assert "forearm" not in caught.value.message


def test_symptom_words_say_how_to_give_them():
    with pytest.raises(TrackerError, match="sciatica is pain travelling down the leg: give where"):
        regions.resolve("sciatica")
    with pytest.raises(TrackerError, match="--radiates"):
        domain.FIELD["qualities"].parse(["sciatica"])
    with pytest.raises(TrackerError, match="pins and needles is recorded as tingling"):
        domain.FIELD["qualities"].parse(["pins and needles"])
    with pytest.raises(TrackerError, match="pins and needles is recorded as tingling"):
        domain.parse_sites(["pins and needles"])


def test_dull_is_recorded_as_aching_and_says_so():
    assert domain.FIELD["qualities"].parse(["dull", "burning"]) == ("aching", "burning")
    assert domain.quality_notes(["Dull"]) == [
        "'Dull' is recorded as aching (a dull, constant ache)."
    ]
    assert domain.quality_notes(["burning"]) == []


# ---------------------------------------------------------------- lists and levels


def test_lists_may_be_comma_separated_or_repeated_and_none_empties_them():
    qualities = domain.FIELD["qualities"]
    assert qualities.parse(["aching,burning", "sharp"]) == ("aching", "burning", "sharp")
    assert domain.parse_sites(["lower-back=6, left buttock=4"]) == (
        domain.Site("lower-back", 6), domain.Site("left-buttock", 4),
    )  # fmt: skip
    assert domain.parse_regions(["None"]) == ()
    assert domain.FIELD["qualities"].parse(["none"]) == ()
    with pytest.raises(TrackerError, match="'none' empties a list; give it alone"):
        domain.parse_regions(["none", "left-calf"])


@pytest.mark.parametrize(
    ("typed", "expected"),
    [
        ("L4-5", ("L4-L5",)),
        ("L4/5", ("L4-L5",)),
        ("l4 l5", ("L4-L5",)),
        ("L5S1", ("L5-S1",)),
        ("l4-5, L5/S1", ("L4-L5", "L5-S1")),
        ("C5-6", ("C5-C6",)),
        ("T12-L1", ("T12-L1",)),
    ],
)
def test_spinal_levels_are_written_one_way(typed, expected):
    assert domain.parse_levels(typed) == expected


@pytest.mark.parametrize("typed", ["L6-7", "L4", "L4-L5-S1", "X4-5"])
def test_impossible_spinal_levels_are_refused(typed):
    with pytest.raises(TrackerError, match="is not accepted; write levels like L4-L5"):
        domain.parse_levels(typed)


# ---------------------------------------------------------------- through the command group


def test_everyday_activities_are_said_as_what_they_are_recorded_as(run, stored):
    # "--worse-with driving, stairs" was saved as sitting, walking without a word.
    result = run("log", "5", "--worse-with", "driving, stairs", "--better-with", "lie down")
    assert result.exit_code == 0, result.output
    assert result.stdout.splitlines()[1:] == [
        "'driving' is recorded as sitting.",
        "'stairs' is recorded as walking.",
        "'lie down' is recorded as lying (lying down).",
    ]
    [entry] = stored()
    assert (entry["worse_with"], entry["better_with"]) == (["sitting", "walking"], ["lying"])
    edited = run("edit", "1", "--worse-with", "car")
    assert edited.stdout.splitlines()[-1] == "'car' is recorded as sitting."


def test_log_takes_comma_lists_none_and_everyday_words(run, stored):
    result = run(
        "log", "5", "--quality", "aching,burning", "--quality", "dull", "--radiates", "none",
        "--where", "lower-back=5,left-buttock",
    )  # fmt: skip
    assert result.exit_code == 0, result.output
    assert result.stdout.splitlines()[-1] == "'dull' is recorded as aching (a dull, constant ache)."
    [entry] = stored()
    assert entry["quality"] == ["aching", "burning"]
    assert entry["radiates"] == []
    assert [w["region"] for w in entry["where"]] == ["lower-back", "left-buttock"]
    edited = run("edit", "1", "--quality", "none", "--numb", "left-foot,left-toes")
    assert edited.exit_code == 0, edited.output
    assert stored()[0]["quality"] == [] and stored()[0]["numb"] == ["left-foot", "left-toes"]


def test_a_whole_limb_on_the_command_line_names_its_parts(run, diary):
    result = run("log", "5", "--radiates", "left leg")
    assert result.exit_code == 1
    assert result.output == (
        "Error: say where on the left leg: thigh, knee, calf, shin, ankle, foot, toes"
        " (e.g. left-calf)\n"
    )
    assert not diary.exists()


def test_surgery_levels_are_written_one_way(run):
    saved = run("surgery", "add", "2025-09-10", "--procedure", "fusion", "--levels", "L4-5, l5 s1")
    assert saved.stdout == "Saved surgery 1: 2025-09-10 surgery - fusion (L4-L5, L5-S1).\n"


def test_the_date_order_setting_reads_slashed_dates(run, stored, monkeypatch):
    refused = run("log", "5", "--date", "03/02/2026")
    assert refused.exit_code == 1
    assert refused.output.startswith("Error: --date: '03/02/2026' could be 3 February 2026")
    monkeypatch.setenv("TRACKER_DATE_ORDER", "mdy")
    assert run("log", "5", "--date", "03/02/2026").exit_code == 0
    assert stored()[0]["date"] == "2026-03-02"
    monkeypatch.setenv("TRACKER_DATE_ORDER", "ymd")
    wrong = run("log", "5", "--date", "03/02/2026")
    assert wrong.exit_code == 1
    assert "TRACKER_DATE_ORDER is 'ymd'; set it to dmy (day first) or mdy" in wrong.output


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["log", "11"], "Error: pain '11' is not accepted; give a whole number from 0"),
        (
            ["log", "5", "--where", "lower-back=11"],
            "Error: pain '11' for lower-back is not accepted; give a whole number from 0",
        ),
        (["show", "99999999999"], "Error: '99999999999' is not accepted; give a whole number"),
        (["list", "--limit", "x"], "Error: --limit: 'x' is not accepted"),
        (["export", "--format", "xml"], "Error: Invalid value for '--format': 'xml' is not one"),
    ],
)
def test_every_bad_value_exits_1_in_plain_words(run, args, message):
    result = run(*args)
    assert result.exit_code == 1, result.output
    assert result.output.startswith(message)
    assert "[PAIN]" not in result.output and "2,147,483,647" not in result.output
    assert len(result.output.splitlines()) == 1


def test_a_mistyped_command_still_exits_2(run):
    assert run("lgo", "5").exit_code == 2
    assert run("log", "5", "--wehre", "x").exit_code == 2


def test_one_entry_is_one_entry(run):
    run("log", "5")
    assert run("list").output.splitlines()[-1] == "1 of 1 entry shown."


def test_no_swap_them_when_only_one_date_was_given(run):
    run("log", "5")
    result = run("report", "--since", "2099-01-01")
    assert result.exit_code == 1
    assert "swap them" not in result.output
    assert "is after the day the report ends" in result.output


def test_answering_no_deletes_nothing_and_exits_0(run, stored):
    run("log", "5")
    result = run("delete", "1", input="n\n")
    assert result.exit_code == 0
    assert result.output.endswith("Nothing deleted.\n")
    assert len(stored()) == 1


def test_ctrl_c_at_a_question_starts_its_message_on_a_new_line(run):
    run("log", "5")
    result = run("delete", "1")  # no input: the question meets the end of input, like Ctrl-D
    assert result.exit_code == 1
    assert result.output.endswith("Delete this entry? [y/N]: ")  # the cursor stays on its line
    assert result.stderr == "\nError: cancelled; nothing was changed\n"


def test_an_import_whose_dates_settle_their_order_is_read_without_asking(run, stored, tmp_path):
    source = tmp_path / "old.csv"
    source.write_text("date,pain\n12/03/2026,5\n25/03/2026,6\n", encoding="utf-8")
    result = run("import", str(source))
    assert result.exit_code == 0, result.output
    assert [e["date"] for e in stored()] == ["2026-03-12", "2026-03-25"]


def test_an_import_of_ambiguous_dates_asks_for_the_order(run, stored, tmp_path):
    source = tmp_path / "old.csv"
    source.write_text("date,pain\n2025-01-02,4\n12/03/2025,5\n01/02/2025,6\n", encoding="utf-8")
    refused = run("import", str(source))
    assert refused.exit_code == 1
    assert refused.output.splitlines() == [
        "Error: 2 rows cannot be imported; nothing was imported:",
        "  row 3: '12/03/2025' could be 12 March 2025 (day first) or 3 December 2025 (month"
        " first); write 2025-03-12 or 2025-12-03, or set TRACKER_DATE_ORDER=dmy or mdy; or"
        " import with --day-first or --month-first",
        "  row 4: '01/02/2025' could be 1 February 2025 (day first) or 2 January 2025 (month"
        " first); write 2025-02-01 or 2025-01-02, or set TRACKER_DATE_ORDER=dmy or mdy; or"
        " import with --day-first or --month-first",
    ]
    assert run("import", str(source), "--dry-run", "--month-first").output.splitlines()[1:] == [
        "  2025-01-02  pain  4/10",
        "  2025-01-02  pain  6/10",
        "  2025-12-03  pain  5/10",
    ]
    assert run("import", str(source), "--day-first").exit_code == 0
    assert [e["date"] for e in stored()] == ["2025-01-02", "2025-02-01", "2025-03-12"]


def test_list_finds_entries_by_note_and_by_region(run):
    run("log", "6", "--where", "lower-back", "--note", "After the DRIVE")
    run("log", "4", "--radiates", "left-calf", "--note", "walked")
    run("log", "5", "--numb", "left-calf,left-foot")
    by_note = run("list", "--grep", "drive").output.splitlines()
    assert [line.split()[0] for line in by_note[1:-1]] == ["1"]
    by_region = run("list", "--region", "L calf").output.splitlines()
    assert [line.split()[0] for line in by_region[1:-1]] == ["2", "3"]
    assert by_region[-1] == "2 of 3 entries shown."
    both = run("list", "--grep", "walk", "--region", "left-calf", "--json").output
    assert [e["id"] for e in json.loads(both)] == [2]
    assert run("list", "--grep", "nothing like it").output == "No entries match, of 3 entries.\n"
    assert run("list", "--region", "left leg").exit_code == 1


# ---------------------------------------------------------------- logging like a habit


def test_log_same_repeats_the_last_entry_for_today_with_a_new_pain(run, stored):
    run(
        "log", "6", "--date", "yesterday", "--where", "lower-back=6,left-buttock=4",
        "--radiates", "left-calf", "--quality", "burning", "--red-flag", "fever", "--note", "x",
    )  # fmt: skip
    again = run("log", "same", "5")
    assert again.exit_code == 0, again.output
    assert again.output.startswith("Saved entry 2 for ")
    second = stored()[1]
    assert second["date"] == NOW.date().isoformat() and second["pain"] == 5
    assert second["where"] == [
        {"region": "lower-back", "intensity": 6}, {"region": "left-buttock", "intensity": 4},
    ]  # fmt: skip
    assert second["radiates"] == ["left-calf"] and second["quality"] == ["burning"]
    assert second["red_flags"] == [] and second["note"] is None  # never carried over
    assert "Note: lower-back=6 is above the overall pain 5/10" in again.output
    third = run("log", "again", "--numb", "left-foot")
    assert third.exit_code == 0, third.output
    assert stored()[2]["pain"] == 5 and stored()[2]["numb"] == ["left-foot"]


def test_log_same_on_an_empty_diary_says_what_to_do(run, db_path):
    result = run("log", "same")
    assert result.exit_code == 1
    assert result.output == (
        "Error: there is no entry yet to log the same as; log one: tracker log 5\n"
    )


def test_a_spot_above_the_overall_pain_is_noted_off_a_terminal(run, stored):
    result = run("log", "3", "--where", "lower-back=9")
    assert result.exit_code == 0
    assert result.stdout.splitlines()[-1] == (
        "Note: lower-back=9 is above the overall pain 3/10 (the overall pain is usually at"
        " least the worst spot); saved as given."
    )
    assert stored()[0]["where"] == [{"region": "lower-back", "intensity": 9}]
    assert "above the overall pain" not in run("log", "9", "--where", "lower-back=9").output


def test_a_spot_above_the_overall_pain_is_asked_about_on_a_terminal(run, stored, monkeypatch):
    from tracker.cli import asking

    monkeypatch.setattr(asking, "on_terminal", lambda: True)
    refused = run("log", "3", "--where", "lower-back=9", input="n\n")
    assert "Lower-back=9 is above the overall pain 3/10" in refused.output
    assert refused.exit_code == 0 and refused.output.endswith("Nothing saved.\n")
    assert stored() == []


def test_step_by_step_offers_the_last_places_without_their_scores(run, stored):
    run("log", "5", "--where", "lower-back=7")
    answers = "\n".join(["", "4", "", "", "", "", "", "", "", "", "", "-", ""]) + "\n"
    result = run("log", "--ask", input=answers)
    assert result.exit_code == 0, result.output
    assert "[lower-back]" in result.output and "lower-back=7]" not in result.output
    assert stored()[1]["where"] == [{"region": "lower-back", "intensity": None}]
