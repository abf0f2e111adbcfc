"""Start-up cost: `tracker --help` and `tracker log` load none of the heavy libraries."""

from __future__ import annotations

import json
import subprocess
import sys

from support import run_tracker, subprocess_env

HEAVY = ("pandas", "matplotlib", "numpy", "scipy", "alembic")

# Every everyday command in turn in one process, what is loaded told after each: a heavy
# library, once loaded, stays, so the first command after which it shows is the one that
# loaded it (one process, not one a command: the probes were 20 s of the suite).
SEQUENCE_PROBE = f"""
import json, sys
from tracker.cli import cli
for args in json.loads(sys.argv[1]):
    try:
        code = cli.main(args, standalone_mode=False)
    except SystemExit as done:  # --help ends with SystemExit(0) even outside standalone mode
        code = done.code
    loaded = [m for m in {HEAVY!r} if m in sys.modules]
    print(json.dumps({{"args": args, "code": code, "loaded": loaded}}), flush=True)
"""

EVERYDAY = [
    ("--help",), ("log", "--help"),
    ("log", "6", "--where", "lower-back=6", "--radiates", "left-calf"), ("list",), ("show", "1"),
    ("week", "--interference", "4", "--walk-minutes", "20", "--heel-walk", "yes"),
    ("week", "list", "--json"),
    ("dose", "oxycodone"), ("dose", "oxycodone", "10mg", "--at", "08:00"), ("dose", "--help"),
]  # fmt: skip


def _probes(*commands: list[str]) -> list[dict]:
    """Each command's exit code and the heavy libraries loaded after it, run in turn in one
    fresh process."""
    done = subprocess.run(
        [sys.executable, "-c", SEQUENCE_PROBE, json.dumps(list(commands))],
        capture_output=True, text=True, env=subprocess_env(), timeout=120,
    )  # fmt: skip
    assert done.returncode == 0, done.stderr
    return [json.loads(line) for line in done.stdout.splitlines() if line.startswith('{"args"')]


def _loaded_after(*args: str) -> dict:
    [probe] = _probes(list(args))
    return probe


def test_everyday_commands_load_no_heavy_library(db_path):
    """--help, log, list, show, week and dose, each on a diary that exists (its schema made
    by a first log, which needs Alembic, in a process of its own)."""
    created = run_tracker("--db", str(db_path), "log", "5")
    assert created.returncode == 0, created.stderr
    added = run_tracker("--db", str(db_path), "med", "add", "oxycodone", "--strength", "5mg")
    assert added.returncode == 0, added.stderr
    probes = _probes(*(["--db", str(db_path), *args] for args in EVERYDAY))
    assert [p["args"][2:] for p in probes] == [list(args) for args in EVERYDAY]
    for probe in probes:
        assert probe["code"] in (0, None), probe  # None: the command returned normally
        assert probe["loaded"] == [], f"{' '.join(probe['args'][2:])} loaded {probe['loaded']}"


def test_first_use_creates_the_schema_with_alembic(db_path):
    probe = _loaded_after("--db", str(db_path), "log", "5")
    assert probe["code"] in (0, None)  # None: the command returned normally
    assert "alembic" in probe["loaded"]  # the probe can see heavy imports when they happen
    assert "pandas" not in probe["loaded"]


def test_log_without_pain_on_a_terminal_asks_step_by_step(db_path):
    """On a real terminal (a pseudo-terminal here) `tracker log` alone starts asking."""
    import os
    import pty
    import select

    pid, fd = pty.fork()
    if pid == 0:  # the child: tracker on the terminal
        os.execve(
            sys.executable, [sys.executable, "-m", "tracker", "--db", str(db_path), "log"],
            subprocess_env(),
        )  # fmt: skip
    answers = [
        "",
        "7",
        "lower-back=7",
        "left-calf",
        "-",
        "-",
        "-",
        "burning",
        "walking",
        "sitting",
        "1",
        "-",
        "typed on a tty",
    ]
    transcript = b""
    for number, answer in enumerate(answers):
        while not transcript.rstrip().endswith(b":"):  # wait for the next question
            ready, _, _ = select.select([fd], [], [], 60)
            assert ready, transcript.decode(errors="replace")
            transcript += os.read(fd, 4096)
        if number == 3:  # mid-way through the questions, log from another terminal
            other = run_tracker("--db", str(db_path), "log", "3", "--note", "other terminal")
            assert other.returncode == 0, other.stderr  # the patient answering holds no lock
        os.write(fd, answer.encode() + b"\r")
        transcript = b""
    output = b""
    while True:
        try:
            chunk = os.read(fd, 4096)
        except OSError:
            break
        if not chunk:
            break
        output += chunk
    _, status = os.waitpid(pid, 0)
    assert os.waitstatus_to_exitcode(status) == 0, output.decode(errors="replace")
    assert b"Saved entry 2" in output and b"pain 7/10" in output
    listed = run_tracker("--db", str(db_path), "list", "--json")
    other, entry = sorted(json.loads(listed.stdout), key=lambda e: e["id"])
    assert (other["pain"], other["note"]) == (3, "other terminal")
    assert (entry["pain"], entry["radiates"], entry["quality"], entry["note"]) == (
        7, ["left-calf"], ["burning"], "typed on a tty",
    )  # fmt: skip
    assert (entry["worse_with"], entry["better_with"], entry["woke"]) == (
        ["walking"], ["sitting"], 1,
    )  # fmt: skip
