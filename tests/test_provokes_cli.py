"""Issue 9 end to end through the command group: what made the pain worse, what eased it,
and nights woken, in `log`, `log same`, `edit`, `show`, `list`, and refused when wrong."""

from __future__ import annotations

import hashlib
import json
from pathlib import Path

import pytest


def _digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest() if path.exists() else ""


def test_log_records_activities_by_alias_in_vocabulary_order_and_nights_woken(run, stored):
    result = run(
        "log", "6", "--where", "left-calf=6", "--worse-with", "stairs,standing",
        "--worse-with", "Bending", "--better-with", "sit", "--better-with", "lying down",
        "--woke", "2",
    )  # fmt: skip
    assert result.exit_code == 0, result.output
    assert result.output.splitlines()[0].endswith(
        "worse with standing, walking, bending-forward; eased by sitting, lying; "
        "woke 2 times at night."
    )
    [entry] = stored()
    assert entry["worse_with"] == ["standing", "walking", "bending-forward"]
    assert entry["better_with"] == ["sitting", "lying"]
    assert entry["woke"] == 2
    listed = json.loads(run("list", "--json").output)
    assert (listed[0]["worse_with"], listed[0]["better_with"], listed[0]["woke"]) == (
        ["standing", "walking", "bending-forward"], ["sitting", "lying"], 2,
    )  # fmt: skip


def test_an_entry_without_answers_has_empty_lists_and_null_woke_and_zero_is_kept(run, stored):
    run("log", "4")
    run("log", "4", "--woke", "0", "--better-with", "nothing")
    first, second = stored()
    assert (first["worse_with"], first["better_with"], first["woke"]) == ([], [], None)
    assert (second["better_with"], second["woke"]) == (["nothing"], 0)
    shown = run("show", "2").output.splitlines()
    assert "  eased by   nothing" in shown
    assert "  woke       0 times at night" in shown
    assert not any(line.startswith("  woke") for line in run("show", "1").output.splitlines())


def test_show_prints_what_made_it_worse_and_eased_it(run):
    run("log", "5", "--worse-with", "cough", "--better-with", "lie", "--woke", "1")
    lines = run("show", "1").output.splitlines()
    assert "  worse with coughing" in lines
    assert "  eased by   lying" in lines
    assert "  woke       1 time at night" in lines


def test_edit_replaces_clears_and_says_what_changed(run, stored):
    run("log", "5", "--worse-with", "walking", "--better-with", "sitting", "--woke", "3")
    result = run("edit", "1", "--worse-with", "standing,walking", "--woke", "none")
    assert result.exit_code == 0, result.output
    assert result.output.splitlines() == [
        "Updated entry 1:",
        "  worse with: walking -> standing, walking",
        "  woke: 3 times at night -> (none)",
    ]
    cleared = run("edit", "1", "--better-with", "none")
    assert "  eased by: sitting -> (none)" in cleared.output
    [entry] = stored()
    assert (entry["worse_with"], entry["better_with"], entry["woke"]) == (
        ["standing", "walking"], [], None,
    )  # fmt: skip
    undone = run("undo")
    assert undone.exit_code == 0, undone.output
    assert stored()[0]["better_with"] == ["sitting"]


def test_log_same_carries_activities_over_but_never_last_nights_wakings(run, stored):
    run("log", "6", "--where", "lower-back", "--worse-with", "sitting", "--better-with",
        "walking", "--woke", "2")  # fmt: skip
    assert run("log", "same", "5").exit_code == 0
    assert run("log", "same", "--woke", "1", "--worse-with", "lifting").exit_code == 0
    _, same, changed = stored()
    assert (same["worse_with"], same["better_with"], same["woke"]) == (
        ["sitting"], ["walking"], None,
    )  # fmt: skip
    assert (changed["worse_with"], changed["better_with"], changed["woke"]) == (
        ["lifting"], ["walking"], 1,
    )  # fmt: skip


def test_undo_takes_back_a_logged_entry_with_its_activities(run, stored):
    run("log", "6", "--worse-with", "standing", "--woke", "2")
    assert run("undo").exit_code == 0
    assert stored() == []


BAD = [
    (["--worse-with", "walkin"],
     "unknown activity 'walkin' for --worse-with (did you mean walking?); accepted: sitting,"),
    (["--better-with", "sittin"], "unknown activity 'sittin' for --better-with (did you mean"),
    (["--better-with", "bendng"], "(did you mean bending-forward, bending-back"),
    (["--worse-with", "nothing"], "'nothing' is only for what eased the pain (--better-with)"),
    (["--better-with", "nothing,sitting"], "--better-with 'nothing' cannot go with sitting"),
    (["--woke", "21"], "times woken '21' is not accepted; give a whole number from 0 to 20"),
    (["--woke", "-1"], "times woken '-1' is not accepted"),
    (["--woke", "two"], "times woken 'two' is not accepted"),
]  # fmt: skip


@pytest.mark.parametrize(("options", "message"), BAD, ids=lambda v: str(v)[:30])
@pytest.mark.parametrize("command", ["log", "edit"])
def test_bad_answers_are_one_line_exit_1_and_change_nothing(
    run, db_path, command, options, message
):
    run("log", "4", "--where", "lower-back")
    before = _digest(db_path)
    args = ["log", "5", *options] if command == "log" else ["edit", "1", *options]
    result = run(*args)
    assert result.exit_code == 1, result.output
    lines = result.output.strip().splitlines()
    assert len(lines) == 1 and lines[0].startswith("Error: ") and message in lines[0], lines
    assert _digest(db_path) == before


def test_a_bad_answer_on_a_new_diary_creates_nothing(run, db_path):
    result = run("log", "5", "--worse-with", "jogging")
    assert result.exit_code == 1
    assert not db_path.exists()
