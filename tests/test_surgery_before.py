"""Issue 14 end to end: the pain each surgery was for, in `surgery add`, `surgery edit` and
`surgery list [--json]`, asked step by step on a terminal, undoable, refused when wrong."""

from __future__ import annotations

import hashlib
import json
from pathlib import Path

import pytest

from tracker.cli import asking

BEFORE = [
    "--before-pain", "7", "--before-where", "left-calf=8", "--before-where", "lower-back=5",
    "--before-radiates", "left calf", "--before-numb", "left-big-toe", "--before-source",
    "memory",
]  # fmt: skip


def _digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest() if path.exists() else ""


def _surgeries(run) -> list[dict]:
    result = run("surgery", "list", "--json")
    assert result.exit_code == 0, result.output
    return json.loads(result.output)


def test_surgery_add_records_the_pain_before_and_list_json_shows_it(run):
    result = run("surgery", "add", "2026-03-02", "--procedure", "L4-L5 fusion", "--levels",
                 "L4-5", *BEFORE)  # fmt: skip
    assert result.exit_code == 0, result.output
    assert result.stdout.splitlines() == [
        "Saved surgery 1: 2026-03-02 surgery - L4-L5 fusion (L4-L5).",
        "  Pain before it: pain 7/10; where left-calf=8, lower-back=5; radiated to left-calf;"
        " numb left-big-toe; as remembered",
    ]
    assert _surgeries(run) == [
        {
            "id": 1, "date": "2026-03-02", "procedure": "L4-L5 fusion", "levels": ["L4-L5"],
            "note": None, "before_pain": 7,
            "before_where": [{"region": "left-calf", "intensity": 8},
                             {"region": "lower-back", "intensity": 5}],
            "before_radiates": ["left-calf"], "before_numb": ["left-big-toe"],
            "before_source": "memory",
        }
    ]  # fmt: skip
    listed = run("surgery", "list").stdout.splitlines()
    assert listed[0] == "   1  2026-03-02 surgery - L4-L5 fusion (L4-L5)"
    assert listed[1].startswith("        before: pain 7/10; where left-calf=8")


def test_a_surgery_without_the_pain_before_has_nulls_and_empty_lists(run):
    run("surgery", "add", "2025-01-10", "--procedure", "discectomy")
    [surgery] = _surgeries(run)
    assert (surgery["before_pain"], surgery["before_where"], surgery["before_radiates"]) == (
        None, [], [],
    )  # fmt: skip
    assert (surgery["before_numb"], surgery["before_source"]) == ([], None)


def test_surgery_edit_changes_the_surgery_and_its_pain_before_and_undo_takes_it_back(run):
    run("surgery", "add", "2026-03-02", "--procedure", "L4-L5 fusion")
    result = run(
        "surgery",
        "edit",
        "1",
        "--before-pain",
        "8",
        "--before-where",
        "left-calf=8",
        "--procedure",
        "L4-L5 decompression and fusion",
        "--before-source",
        "clinic",
    )
    assert result.exit_code == 0, result.output
    assert result.stdout.splitlines() == [
        "Updated surgery 1:",
        "  procedure: L4-L5 fusion -> L4-L5 decompression and fusion",
        "  before-pain: (none) -> 8",
        "  before-where: (none) -> left-calf=8",
        "  before-source: (none) -> clinic",
    ]
    [surgery] = _surgeries(run)
    assert (surgery["procedure"], surgery["before_pain"], surgery["before_source"]) == (
        "L4-L5 decompression and fusion", 8, "clinic",
    )  # fmt: skip
    cleared = run("surgery", "edit", "1", "--before-where", "none", "--before-pain", "none")
    assert cleared.exit_code == 0, cleared.output
    assert _surgeries(run)[0]["before_pain"] is None
    assert _surgeries(run)[0]["before_source"] is None  # nothing left that it describes
    assert run("undo").exit_code == 0
    assert _surgeries(run)[0]["before_where"] == [{"region": "left-calf", "intensity": 8}]
    assert run("undo").exit_code == 0
    assert _surgeries(run)[0]["procedure"] == "L4-L5 fusion"
    assert _surgeries(run)[0]["before_pain"] is None


def test_surgery_edit_of_something_else_or_nothing_is_refused(run):
    run("surgery", "add", "2026-03-02", "--procedure", "L4-L5 fusion", "--before-pain", "6")
    run("event", "add", "2026-05-01", "injection", "epidural steroid")
    other = run("surgery", "edit", "2", "--before-pain", "5")
    assert other.exit_code == 1
    assert "event 2 is an injection, not a surgery" in other.output
    same = run("surgery", "edit", "1", "--before-pain", "6")
    assert same.exit_code == 1 and "nothing to change" in same.output
    missing = run("surgery", "edit", "9", "--before-pain", "6")
    assert missing.exit_code == 1 and "there is no event 9" in missing.output


def test_step_by_step_surgery_add_on_a_terminal_asks_for_the_pain_before(run, monkeypatch):
    monkeypatch.setattr(asking, "on_terminal", lambda: True)
    answers = ["2026-03-02", "L4-L5 fusion", "L4-L5", "7", "left-calf=8, lower-back=5",
               "left-calf", "-", ""]  # fmt: skip
    result = run("surgery", "add", input="\n".join(answers) + "\n")
    assert result.exit_code == 0, result.output
    assert "Pain then, 0 (none) to 10 (worst imaginable) [-]:" in result.output
    [surgery] = _surgeries(run)
    assert (surgery["date"], surgery["procedure"], surgery["levels"]) == (
        "2026-03-02", "L4-L5 fusion", ["L4-L5"],
    )  # fmt: skip
    assert (surgery["before_pain"], surgery["before_radiates"], surgery["before_source"]) == (
        7, ["left-calf"], "memory",
    )  # fmt: skip


def test_step_by_step_reasks_a_before_pain_outside_0_10(run, monkeypatch):
    monkeypatch.setattr(asking, "on_terminal", lambda: True)
    answers = ["2026-03-02", "fusion", "", "12", "6", "-", "-", "-", ""]
    result = run("surgery", "add", input="\n".join(answers) + "\n")
    assert result.exit_code == 0, result.output
    assert "before-pain '12' is not accepted" in result.output
    assert _surgeries(run)[0]["before_pain"] == 6


def test_surgery_add_off_a_terminal_still_needs_the_date_and_procedure(run, db_path):
    result = run("surgery", "add", "2026-01-01")
    assert result.exit_code == 2 and "Missing option '--procedure'" in result.output
    assert not db_path.exists()


def test_surgery_list_on_a_missing_diary_refuses_and_creates_nothing(run, db_path):
    for args in (("surgery", "list"), ("surgery", "list", "--json")):
        result = run(*args)
        assert result.exit_code == 1 and "there is no diary at" in result.output
    assert not db_path.exists()


BAD = [
    (["--before-pain", "11"], "before-pain '11' is not accepted; give a whole number from 0"),
    (["--before-pain", "-1"], "before-pain '-1' is not accepted"),
    (["--before-where", "left-calf=12"], "before-pain '12' is not accepted"),
    (["--before-where", "left-clf"], "unknown region 'left-clf'"),
    (["--before-radiates", "calf"], "say which side for 'calf'"),
    (["--before-numb", "elbw"], "unknown region 'elbw'"),
    (["--before-source", "doctor"], "before-source 'doctor' is not accepted; give memory"),
    (["--before-source", "memory"], "--before-source says where the pain before surgery comes"),
]  # fmt: skip


@pytest.mark.parametrize(("options", "message"), BAD, ids=lambda v: str(v)[:30])
@pytest.mark.parametrize("command", ["add", "edit"])
def test_bad_pain_before_is_one_line_exit_1_and_writes_nothing(
    run, db_path, command, options, message
):
    run("surgery", "add", "2025-06-01", "--procedure", "discectomy")
    before = _digest(db_path)
    if command == "add":
        args = ["surgery", "add", "2026-03-02", "--procedure", "fusion", *options]
    else:
        args = ["surgery", "edit", "1", *options]
    result = run(*args)
    assert result.exit_code == 1, result.output
    lines = result.output.strip().splitlines()
    assert len(lines) == 1 and lines[0].startswith("Error: ") and message in lines[0], lines
    assert _digest(db_path) == before
