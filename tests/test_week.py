"""`tracker week` and `tracker week list` end to end through the command group (issue 9;
`--same-as-before` issue 14)."""

from __future__ import annotations

import datetime as dt
import hashlib
import json
from pathlib import Path

import pytest

from tracker.cli import asking

FULL = [
    "--interference", "4", "--sleep-interference", "3", "--walk-minutes", "20",
    "--sit-minutes", "45", "--stand-minutes", "10", "--heel-walk", "yes", "--toe-walk",
    "not tried", "--tripping", "no", "--work", "modified", "--change", "a little better",
    "--goal", "walk the dog=6", "--goal", "Gardening = 3", "--clinic-score", "odi=34",
    "--clinic-score", "rmdq=7.5",
]  # fmt: skip


def _digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest() if path.exists() else ""


def _weeks(run) -> list[dict]:
    result = run("week", "list", "--json")
    assert result.exit_code == 0, result.output
    return json.loads(result.output)


def test_a_full_weekly_check_is_saved_and_listed_with_every_field(run):
    result = run("week", *FULL)
    assert result.exit_code == 0, result.output
    assert result.stdout.splitlines() == [
        "Saved the weekly check for the week of Mon 23 Nov 2026 (answered Tue 24 Nov 2026).",
        "  daily life 4/10; sleep 3/10; walk 20 min; sit 45 min; stand 10 min; heel walk yes;"
        " toe walk not-tried; tripping no; work modified; since surgery a-little-better;"
        " goals walk the dog=6, Gardening=3; clinic scores odi=34, rmdq=7.5",
    ]
    [check] = _weeks(run)
    assert check == {
        "id": 1, "date": "2026-11-24", "interference": 4, "sleep_interference": 3,
        "walk_minutes": 20, "sit_minutes": 45, "stand_minutes": 10, "heel_walk": "yes",
        "toe_walk": "not-tried", "tripping": "no", "work": "modified",
        "change": "a-little-better", "goals": {"walk the dog": 6, "Gardening": 3},
        "clinic_scores": {"odi": 34, "rmdq": 7.5}, "same_as_before": None,
        "logged_at": "2026-11-24T21:14:05",
    }  # fmt: skip
    table = run("week", "list").output.splitlines()
    assert table[0].startswith("2026-W48  2026-11-24  daily life 4/10; sleep 3/10;")
    assert table[-1] == "1 weekly check."


def test_absent_answers_are_null(run):
    assert run("week", "--walk-minutes", "15", "--date", "2026-11-10").exit_code == 0
    [check] = _weeks(run)
    assert check["walk_minutes"] == 15 and check["date"] == "2026-11-10"
    absent = [k for k, v in check.items() if v is None]
    assert set(absent) == {
        "interference", "sleep_interference", "sit_minutes", "stand_minutes", "heel_walk",
        "toe_walk", "tripping", "work", "change", "same_as_before",
    }  # fmt: skip
    assert (check["goals"], check["clinic_scores"]) == ({}, {})


def test_one_check_per_iso_week_a_second_needs_replace(run, db_path):
    run("week", "--interference", "5", "--date", "2026-11-23")  # Monday of 2026-W48
    before = _digest(db_path)
    again = run("week", "--interference", "2")
    assert again.exit_code == 1
    assert again.output == (
        "Error: a weekly check for the week of Mon 23 Nov 2026 is already recorded,"
        " answered on Mon 23 Nov 2026; give --replace to replace it\n"
    )
    assert _digest(db_path) == before
    replaced = run("week", "--interference", "2", "--replace")
    assert replaced.exit_code == 0, replaced.output
    assert replaced.output.startswith("Replaced the weekly check for the week of Mon 23 Nov 2026")
    [check] = _weeks(run)
    assert (check["interference"], check["date"]) == (2, "2026-11-24")
    assert run("week", "--interference", "7", "--date", "2026-11-22").exit_code == 0  # W47
    assert [c["date"] for c in _weeks(run)] == ["2026-11-22", "2026-11-24"]


def test_on_a_terminal_a_second_check_in_the_week_asks_before_replacing(run, monkeypatch):
    run("week", "--interference", "5")
    monkeypatch.setattr(asking, "on_terminal", lambda: True)
    kept = run("week", "--interference", "1", input="n\n")
    assert kept.exit_code == 0 and kept.output.endswith(
        "Replace it? [y/N]: n\nNothing saved: the check answered on 2026-11-24 is kept.\n"
    )
    assert _weeks(run)[0]["interference"] == 5
    done = run("week", "--interference", "1", input="y\n")
    assert done.exit_code == 0, done.output
    assert _weeks(run)[0]["interference"] == 1


def test_on_a_terminal_replacing_is_asked_before_the_questions(run, monkeypatch, db_path):
    run("week", "--interference", "5", "--walk-minutes", "30", "--date", "2026-11-23")
    monkeypatch.setattr(asking, "on_terminal", lambda: True)
    before = _digest(db_path)
    kept = run("week", input="n\n")
    assert kept.exit_code == 0, kept.output
    assert kept.output == (
        "A weekly check for the week of Mon 23 Nov 2026 is already recorded,"
        " answered on Mon 23 Nov 2026. Replace it? [y/N]: n\n"
        "Nothing saved: the check answered on 2026-11-23 is kept.\n"
    )  # not one question asked before it
    assert _digest(db_path) == before
    replaced = run("week", input="y\n" + "\n" * 2 + "15\n" + "\n" * 10)  # walk: the 3rd
    assert replaced.exit_code == 0, replaced.output
    asked = replaced.output.split("Replace it? [y/N]: y\n", 1)
    assert len(asked) == 2 and "daily life" in asked[1]  # the questions come after
    assert "[5]" in asked[1]  # this week's answers are the defaults
    [check] = _weeks(run)
    assert (check["interference"], check["walk_minutes"], check["date"]) == (5, 15, "2026-11-24")


def test_a_heel_walk_that_fails_after_a_success_prints_the_leg_weakness_advice(run):
    run("week", "--heel-walk", "yes", "--toe-walk", "yes", "--date", "2026-11-10")
    run("week", "--heel-walk", "not-tried", "--date", "2026-11-17")
    result = run("week", "--heel-walk", "no", "--toe-walk", "yes")
    assert result.exit_code == 0, result.output
    assert "URGENT: you could not walk on your heels this week" in result.output
    assert "Contact your surgeon now, or emergency services if you cannot." in result.output
    assert "Your weekly check has been saved." in result.output
    assert "toes this week" not in result.output
    assert _weeks(run)[-1]["heel_walk"] == "no"


def test_tripping_newly_yes_warns_and_a_failure_never_preceded_by_success_does_not(run):
    first = run("week", "--heel-walk", "no", "--tripping", "no", "--date", "2026-11-10")
    assert "URGENT" not in first.output  # no earlier success: not new weakness
    tripping = run("week", "--tripping", "yes", "--date", "2026-11-17")
    assert "URGENT: you are tripping, or a foot slaps down" in tripping.output
    still = run("week", "--tripping", "yes")
    assert "URGENT" not in still.output  # already said last week


def test_asking_on_a_terminal_uses_last_weeks_answers_as_defaults(run, monkeypatch):
    monkeypatch.setattr(asking, "on_terminal", lambda: True)
    first = ["4", "3", "20", "45", "10", "yes", "yes", "no", "full", "much better",
             "walk the dog=6, garden, weed=4", "odi=30"]  # fmt: skip
    result = run("week", "--date", "2026-11-17", input="\n".join(first) + "\n")
    assert result.exit_code == 0, result.output
    assert "Is the pain you have now" not in result.output  # no pain before surgery recorded
    asked = run("week", input="\n" * 5 + "15\n" + "\n" * 10)
    assert asked.exit_code == 0, asked.output
    assert "Minutes you can walk before leg symptoms make you stop or slow down [20]:" in (
        asked.output
    )
    assert "[walk the dog=6, garden, weed=4]:" in asked.output
    last, this = _weeks(run)
    assert this["goals"] == {"walk the dog": 6, "garden, weed": 4}
    assert this["walk_minutes"] == 20 and this["tripping"] == "no" and this["work"] == "full"
    assert this["change"] == "much-better"
    assert this["clinic_scores"] == {} and last["clinic_scores"] == {"odi": 30}
    assert asked.output.count("Minutes you can") == 3


def test_asking_reasks_a_bad_answer(run, monkeypatch):
    monkeypatch.setattr(asking, "on_terminal", lambda: True)
    answers = ["11", "4", "", "700", "30"] + [""] * 12
    result = run("week", input="\n".join(answers) + "\n")
    assert result.exit_code == 0, result.output
    assert "interference '11' is not accepted" in result.output
    assert "walk minutes '700' is not accepted" in result.output
    [check] = _weeks(run)
    assert (check["interference"], check["walk_minutes"]) == (4, 30)


def test_the_same_pain_question_is_asked_when_the_latest_surgery_has_its_pain_before(
    run, db_path, monkeypatch
):
    from tracker import repository as repo
    from tracker.before_surgery import new_pain_before
    from tracker.db import Database

    run("surgery", "add", "2026-03-02", "--procedure", "L4-L5 fusion")
    database = Database(f"sqlite:///{db_path}")
    with database.session() as session:
        repo.set_pain_before(session, 1, new_pain_before(pain=7))
    database.dispose()
    monkeypatch.setattr(asking, "on_terminal", lambda: True)
    result = run("week", input="\n" * 10 + "partly\n\n\n")
    assert result.exit_code == 0, result.output
    assert "Is the pain you have now the pain you had before the operation" in result.output
    assert _weeks(run)[0]["same_as_before"] == "partly"


def test_same_as_before_may_be_answered_without_a_pain_before(run):
    assert run("week", "--same-as-before", "different").exit_code == 0
    assert _weeks(run)[0]["same_as_before"] == "different"


def test_no_answers_off_a_terminal_is_a_usage_error_and_creates_nothing(run, db_path):
    result = run("week")
    assert result.exit_code == 2
    assert "give at least one answer" in result.output
    assert not db_path.exists()


def test_week_list_on_a_missing_diary_refuses_and_creates_nothing(run, db_path):
    result = run("week", "list")
    assert result.exit_code == 1
    assert result.output.startswith("Error: there is no diary at")
    assert not db_path.exists()


def test_undo_takes_back_a_weekly_check_and_a_replacement(run):
    run("week", "--interference", "5")
    run("week", "--interference", "2", "--replace")
    undone = run("undo")
    assert undone.exit_code == 0, undone.output
    assert "weekly check of 2026-W48" in undone.output
    assert _weeks(run)[0]["interference"] == 5
    run("undo")
    assert _weeks(run) == []


BAD = [
    (["--walk-minutes", "601"], "walk minutes '601' is not accepted; give a whole number of"
     " minutes from 0 to 600"),
    (["--sit-minutes", "-5"], "sit minutes '-5' is not accepted"),
    (["--interference", "11"], "interference '11' is not accepted; give a whole number from 0"),
    (["--goal", "walk the dog"], "the goal 'walk the dog' has no score; write it as NAME=0-10"),
    (["--goal", "walk=11"], "the goal 'walk': score '11' is not accepted"),
    (["--clinic-score", "eq5d=0.7"], "unknown clinic score 'eq5d'; accepted: odi, promis-pi,"
     " promis-pf, zcq, rmdq"),
    (["--clinic-score", "odi=140"], "clinic score odi '140' is not accepted"),
    (["--same-as-before", "maybe"], "same-as-before 'maybe' is not accepted; give same, partly,"
     " different or no-pain"),
    (["--heel-walk", "sometimes"], "heel walk 'sometimes' is not accepted; give yes, no or"
     " not-tried"),
    (["--work", "retired-ish"], "work 'retired-ish' is not accepted"),
    (["--change", "better"], "change 'better' is not accepted"),
    (["--date", "2030-01-01", "--interference", "3"], "is in the future"),
]  # fmt: skip


@pytest.mark.parametrize(("options", "message"), BAD, ids=lambda v: str(v)[:30])
def test_bad_answers_are_one_line_exit_1_and_write_nothing(run, db_path, options, message):
    run("week", "--interference", "4", "--date", "2026-11-10")
    before = _digest(db_path)
    result = run("week", *options)
    assert result.exit_code == 1, result.output
    lines = result.output.strip().splitlines()
    assert len(lines) == 1 and lines[0].startswith("Error: ") and message in lines[0], lines
    assert _digest(db_path) == before


def test_a_bad_answer_on_a_new_diary_creates_nothing(run, db_path):
    assert run("week", "--walk-minutes", "1000").exit_code == 1
    assert not db_path.exists()


def test_iso_weeks_follow_the_calendar_across_a_new_year(run):
    assert run("week", "--interference", "3", "--date", "2026-01-01").exit_code == 0
    assert run("week", "--interference", "3", "--date", "2025-12-29").exit_code == 1  # 2026-W01
    assert dt.date(2026, 1, 1).isocalendar()[:2] == (2026, 1)
