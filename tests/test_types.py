"""The type check: mypy over tracker/ and reports/ (configured in pyproject.toml) is clean.

.ci/run runs mypy as a step of its own and then sets TRACKER_MYPY_CHECKED, so CI checks
once; everywhere else the suite runs it, so that a change that breaks a type is seen
before it lands, like a failing test.
"""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent


@pytest.mark.skipif(
    os.environ.get("TRACKER_MYPY_CHECKED") == "1", reason="mypy ran as its own step of .ci/run"
)
def test_mypy_finds_no_type_error_in_tracker_and_reports() -> None:
    done = subprocess.run(
        [sys.executable, "-m", "mypy"], cwd=ROOT, capture_output=True, text=True, check=False
    )
    assert done.returncode == 0, done.stdout + done.stderr
