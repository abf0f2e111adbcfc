"""Start-up cost: `tracker --help` and `tracker log` load none of the heavy libraries."""

from __future__ import annotations

import json
import subprocess
import sys

import pytest
from support import run_tracker, subprocess_env

HEAVY = ("pandas", "matplotlib", "numpy", "scipy", "alembic")

PROBE = f"""
import json, sys
from tracker.cli import cli
code = cli.main(sys.argv[1:], standalone_mode=False)
print(json.dumps({{"code": code, "loaded": [m for m in {HEAVY!r} if m in sys.modules]}}))
"""


def _loaded_after(*args: str) -> dict:
    done = subprocess.run(
        [sys.executable, "-c", PROBE, *args],
        capture_output=True, text=True, env=subprocess_env(), timeout=60,
    )  # fmt: skip
    assert done.returncode == 0, done.stderr
    return json.loads(done.stdout.strip().splitlines()[-1])


@pytest.mark.parametrize(
    "args",
    [("--help",), ("log", "--help"),
     ("log", "6", "--where", "lower-back=6", "--radiates", "left-calf"), ("list",), ("show", "1")],
    ids=["help", "log-help", "log", "list", "show"],
)  # fmt: skip
def test_everyday_commands_load_no_heavy_library(db_path, args):
    created = run_tracker("--db", str(db_path), "log", "5")  # creates the schema (needs Alembic)
    assert created.returncode == 0, created.stderr
    probe = _loaded_after("--db", str(db_path), *args)
    assert probe["code"] in (0, None)  # None: the command returned normally
    assert probe["loaded"] == []


def test_first_use_creates_the_schema_with_alembic(db_path):
    probe = _loaded_after("--db", str(db_path), "log", "5")
    assert probe["code"] in (0, None)  # None: the command returned normally
    assert "alembic" in probe["loaded"]  # the probe can see heavy imports when they happen
    assert "pandas" not in probe["loaded"]
