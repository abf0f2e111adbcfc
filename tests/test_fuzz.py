"""Hostile input: random argument lists to every command, and parsers that only raise our error."""

from __future__ import annotations

import datetime as dt
import hashlib
import os
from pathlib import Path

import pytest
from click.testing import CliRunner
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from tracker import domain, regions
from tracker.cli import cli
from tracker.errors import TrackerError

COMMANDS = [
    ("log",), ("list",), ("show",), ("edit",), ("delete",), ("regions",),
    ("surgery", "add"), ("surgery", "list"), ("event", "add"), ("event", "list"),
    ("event", "delete"), ("trend",), ("export",), ("import",),
    ("db", "path"), ("db", "current"), ("db", "backup"), ("db", "upgrade"),
]  # fmt: skip

OPTIONS = [
    "--date", "--where", "--radiates", "--numb", "--tingling", "--weak", "--quality",
    "--red-flag", "--note", "--since", "--until", "--limit", "--json", "--yes", "--pain",
    "--procedure", "--levels", "--as-of", "--format", "--out", "--dry-run", "--ask", "--db",
    "--help", "-h", "--", "-",
]  # fmt: skip

HOSTILE = [
    "", " ", "5", "0", "10", "11", "-1", "5.5", "1e3", "99999999999999999999", "NaN",
    "today", "yesterday", "2026-02-30", "2026-01-01", "0000-01-01", "9999-12-31",
    "lower-back=6", "left calf", "both feet", "L calf=", "=5", "lower-back=", "lumbar=10",
    "burning", "bladder", "injection", "surgery", "csv", "json", "fhir", "bearable",
    "x" * 5000, "é" * 300, "💥🔥", "\x00", "\x1b[31mred", "line\nbreak", "tab\there",
    "'; DROP TABLE entries; --", "../../etc/passwd", "/dev/null", "a path with spaces/x.csv",
    "--db=/tmp/other.sqlite3", "--where=lower-back", "-5", "ｌｏｗｅｒ-ｂａｃｋ", "\u202eevil",
    "L4-L5", "L4-L5,L5-S1", "C9-C10", "1", "2", "none",
]  # fmt: skip

tokens = st.one_of(st.sampled_from(OPTIONS), st.sampled_from(HOSTILE), st.text(max_size=30))


def _digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest() if path.exists() else "absent"


@pytest.fixture(scope="module")
def fuzz_diary(tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("fuzz")
    path = folder / "diary.sqlite3"
    runner = CliRunner()
    for args in (["log", "5", "--where", "lower-back=5"], ["log", "6", "--date", "yesterday"],
                 ["surgery", "add", "2025-01-01", "--procedure", "fusion"]):  # fmt: skip
        assert runner.invoke(cli, ["--db", str(path), *args]).exit_code == 0
    return path


@settings(
    # Fixed seed in CI, so a red build always means a real, reproducible finding; set
    # TRACKER_FUZZ_EXAMPLES=5000 locally to explore further with fresh random cases.
    max_examples=int(os.environ.get("TRACKER_FUZZ_EXAMPLES", "300")),
    derandomize="TRACKER_FUZZ_EXAMPLES" not in os.environ,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
@given(command=st.sampled_from(COMMANDS), args=st.lists(tokens, max_size=6))
def test_no_traceback_and_changes_only_on_success(fuzz_diary, tmp_path_factory, command, args):
    workdir = tmp_path_factory.mktemp("cwd")
    before = _digest(fuzz_diary)
    cwd = os.getcwd()
    os.chdir(workdir)  # anything a command writes lands in a scratch folder
    try:
        result = CliRunner().invoke(cli, ["--db", str(fuzz_diary), *command, *args], input="n\n")
    finally:
        os.chdir(cwd)
    assert result.exception is None or isinstance(result.exception, SystemExit), result.output
    assert "Traceback" not in result.output
    assert "unexpected problem" not in result.output, result.output
    assert result.exit_code in (0, 1, 2), result.output
    if result.exit_code != 0:
        assert _digest(fuzz_diary) == before, (command, args, result.output)
        lines = [line for line in result.output.splitlines() if line.startswith("Error: ")]
        if "--ask" not in args:  # asking step by step re-asks after each wrong answer
            assert len(lines) == 1, result.output


@settings(
    max_examples=int(os.environ.get("TRACKER_FUZZ_EXAMPLES", "12")),
    derandomize="TRACKER_FUZZ_EXAMPLES" not in os.environ,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
@given(command=st.sampled_from([("report",), ("demo",)]), args=st.lists(tokens, max_size=4))
def test_slow_commands_never_trace_back(fuzz_diary, tmp_path_factory, command, args):
    """The same promise for the commands that draw a PDF (fewer cases: each takes a second)."""
    test_no_traceback_and_changes_only_on_success.hypothesis.inner_test(
        fuzz_diary, tmp_path_factory, command, args
    )


@given(st.text(max_size=40))
def test_date_parsing_raises_only_our_error(text):
    try:
        day = domain.parse_date(text, dt.date(2026, 11, 24))
    except TrackerError:
        return
    assert isinstance(day, dt.date) and day <= dt.date(2026, 11, 24)


@given(st.text(max_size=40))
def test_region_parsing_raises_only_our_error(text):
    try:
        names = regions.resolve(text)
    except TrackerError as exc:
        assert "\n" not in exc.message
        return
    assert names and all(name in regions.REGIONS for name in names)


@given(st.text(max_size=20))
def test_pain_and_site_parsing_raise_only_our_error(text):
    for parse in (domain.parse_pain, domain.parse_site, domain.parse_levels):
        try:
            parse(text)
        except TrackerError:
            pass
