"""README's tour works as written: every command of it, in order, on a new diary."""

from __future__ import annotations

import re
import shlex
import subprocess
from pathlib import Path

import pytest
from click.testing import CliRunner

from tracker import remind
from tracker.cli import cli

README = Path(__file__).resolve().parent.parent / "README.md"
# Left out, with the reason: they are proved elsewhere.
LEFT_OUT = {
    ("log",): "asks step by step on a terminal (test_cli_diary.py::test_log_asks_step_by_step)",
    ("demo", "--out", "demo/"): "builds 14 months and a report (test_demo.py)",
}
ANSWERS = {("delete", "2"): "y\n", ("event", "delete", "3"): "y\n"}  # the questions asked


def tour() -> list[list[str]]:
    """The commands of README's "A tour" block, continuation lines joined."""
    text = README.read_text(encoding="utf-8")
    block = re.search(r"## A tour\n.*?```sh\n(.*?)```", text, flags=re.S)
    assert block, "README has no tour"
    joined = block.group(1).replace("\\\n", " ")
    commands = []
    for line in joined.splitlines():
        words = shlex.split(line, comments=True)
        if words:
            assert words[0] == "tracker", line
            commands.append(words[1:])
    return commands


def test_the_tour_is_there_and_covers_the_everyday_commands():
    names = {words[0] for words in tour()}
    assert {"log", "list", "show", "edit", "delete", "undo", "summary", "remind"} <= names


def test_readme_first_screen_makes_tracker_a_command_without_the_venv_path():
    first = README.read_text(encoding="utf-8").split("## A tour")[0]
    assert ". .venv/bin/activate && pip install . && tracker demo" in first
    assert "pipx install ." in first


def test_the_tour_works_as_written(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    monkeypatch.setattr(remind, "scheduler", lambda: "systemd")
    started: list[list[str]] = []

    def fake(argv, stdin=None):  # nothing is switched on from a test
        started.append(list(argv))
        return subprocess.CompletedProcess(argv, 0, "", "")

    monkeypatch.setattr(remind, "run", fake)
    runner = CliRunner()
    for words in tour():
        if tuple(words) in LEFT_OUT:
            continue
        expanded = [str(Path(w).expanduser()) if w.startswith("~") else w for w in words]
        result = runner.invoke(cli, expanded, input=ANSWERS.get(tuple(words)))
        assert result.exit_code == 0, f"tracker {shlex.join(words)}\n{result.output}"
        assert "Error" not in result.output, f"tracker {shlex.join(words)}\n{result.output}"
    assert (tmp_path / "report.pdf").is_file() and (tmp_path / "diary.json").is_file()
    assert ["systemctl", "--user", "enable", "--now", "tracker-reminder.timer"] in started


@pytest.mark.parametrize("words", sorted(LEFT_OUT))
def test_what_the_tour_test_leaves_out_is_in_the_tour(words):
    assert list(words) in tour()
