"""Hostile input: random argument lists to every command, and parsers that only raise our error.

The commands and their options are read from the real command group, so a command or option
added later is fuzzed with nothing to add here. Each case gets the command's own options
with hostile values (and the choices a Choice offers), bare flags, hostile positional
words and random text. The promise checked: no traceback, exit 0, 1 (a bad value) or 2 (a
mistyped command), one error line, and a command that failed changed nothing in the diary.

CI runs a fixed seed (a red build is a real, reproducible finding); TRACKER_FUZZ_EXAMPLES=5000
explores further with fresh random cases. With TRACKER_TEST_POSTGRES_URL set, the same
cases run on a PostgreSQL diary too (fewer: the diary's rows are compared each time).
"""

from __future__ import annotations

import datetime as dt
import os
import subprocess
from collections.abc import Iterator
from pathlib import Path

import click
import pytest
from click.testing import CliRunner
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from support import BACKENDS, Diary

from tracker import domain, regions, remind
from tracker.cli import cli
from tracker.errors import TrackerError


def _commands(
    group: click.Group, path: tuple[str, ...] = ()
) -> Iterator[tuple[tuple[str, ...], click.Command]]:
    """Every command line the group answers: the group itself, each group, each command."""
    yield path, group
    for name, command in sorted(group.commands.items()):
        if isinstance(command, click.Group):
            yield from _commands(command, (*path, name))
        else:
            yield (*path, name), command


ALL = dict(_commands(cli))
# The commands that draw a PDF take a second a case: fewer cases for them (a slow command
# added later is fuzzed with the others, only more slowly).
SLOW = {("report",), ("demo",)}
FAST = sorted(path for path in ALL if path not in SLOW)

HOSTILE = [
    "", " ", "5", "0", "10", "11", "-1", "5.5", "1e3", "99999999999999999999", "2147483648",
    "NaN", "today", "yesterday", "3 days ago", "monday", "2026-02-30", "2026-01-01",
    "0000-01-01", "9999-12-31", "12/03/2026", "20:00", "25:61", "lower-back=6", "left calf",
    "left leg", "both feet", "L calf=", "=5", "lower-back=", "lumbar=10", "burning", "bladder",
    "injection", "surgery", "csv", "json", "fhir", "bearable", "x" * 5000, "é" * 300, "💥🔥",
    "\x1b[31mred", "line\nbreak", "tab\there", "'; DROP TABLE entries; --",
    "../../etc/passwd", "/dev/null", "a path with spaces/x.csv", "--db=other.sqlite3",
    "--where=lower-back", "-5", "ｌｏｗｅｒ-ｂａｃｋ", "\u202eevil", "L4-L5", "L4-L5,L5-S1",
    "C9-C10", "1", "2", "none", "same", "again", "2026-W48", "75 mg", "mg", "pregabalin",
    "odi=40", "a,b,c", "1,2,3", "%", "_", "\\",
]  # fmt: skip


def _values(option: click.Option) -> list[str]:
    """What to give an option: hostile words, plus the words its type accepts."""
    kind = option.type
    choices = [str(c) for c in getattr(kind, "choices", ()) or ()]
    return choices + HOSTILE


def _arguments(command: click.Command) -> st.SearchStrategy[list[str]]:
    """Argument lists for one command, built from its own parameters."""
    options = [p for p in command.params if isinstance(p, click.Option)]
    names = sorted({name for p in options for name in (*p.opts, *p.secondary_opts)})
    pieces: list[st.SearchStrategy[list[str]]] = [
        st.sampled_from([*HOSTILE, "--", "-", "--help", "-h", "--db"]).map(lambda w: [w]),
        st.text(max_size=30).map(lambda w: [w]),
    ]
    if names:
        pieces.append(st.sampled_from(names).map(lambda w: [w]))  # bare, value or not
    for option in options:
        if option.is_flag or option.count:
            pieces.append(
                st.sampled_from([*option.opts, *option.secondary_opts]).map(lambda w: [w])
            )
        else:
            pieces.append(
                st.tuples(st.sampled_from(option.opts), st.sampled_from(_values(option))).map(list)
            )
    return st.lists(st.one_of(pieces), max_size=5).map(lambda chunks: sum(chunks, []))


def _case(paths: list[tuple[str, ...]]) -> st.SearchStrategy[tuple[tuple[str, ...], list[str]]]:
    return st.sampled_from(paths).flatmap(
        lambda path: st.tuples(st.just(path), _arguments(ALL[path]))
    )


@pytest.fixture(scope="module", params=BACKENDS)
def fuzz_diary(
    request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory
) -> Iterator[Diary]:
    """A diary with entries, a surgery, a medicine and a dose in it, on each backend."""
    folder = tmp_path_factory.mktemp("fuzz")
    url = None
    if request.param == "postgres":
        url = request.getfixturevalue("postgres_server").schema_url()
    diary = Diary(request.param, folder / "diary.sqlite3", url)
    runner = CliRunner()
    for args in (
        ["log", "5", "--where", "lower-back=5"],
        ["log", "6", "--date", "yesterday", "--radiates", "left-calf"],
        ["surgery", "add", "2025-01-01", "--procedure", "fusion", "--levels", "L4-L5"],
        ["event", "add", "2026-01-05", "injection", "L5 epidural"],
    ):
        result = runner.invoke(cli, ["--db", diary.target, *args])
        assert result.exit_code == 0, result.output
    yield diary
    diary.dispose()


@pytest.fixture(autouse=True)
def nothing_started(monkeypatch: pytest.MonkeyPatch) -> list[list[str]]:
    """`remind` would switch on a systemd timer or a crontab line: nothing is started here."""
    started: list[list[str]] = []

    def pretend(argv, stdin=None):  # type: ignore[no-untyped-def]
        started.append(list(argv))
        return subprocess.CompletedProcess(argv, 0, "", "")

    monkeypatch.setattr(remind, "run", pretend)
    return started


def _examples(default: int) -> int:
    return int(os.environ.get("TRACKER_FUZZ_EXAMPLES", default))


def _fuzz_one(diary: Diary, workdir: Path, path: tuple[str, ...], args: list[str]) -> None:
    before = diary.digest()
    cwd = os.getcwd()
    os.chdir(workdir)  # anything a command writes lands in a scratch folder
    try:
        result = CliRunner().invoke(cli, ["--db", diary.target, *path, *args], input="n\n")
    finally:
        os.chdir(cwd)
    case = (path, args, result.output)
    assert result.exception is None or isinstance(result.exception, SystemExit), case
    assert "Traceback" not in result.output, case
    assert "unexpected problem" not in result.output, case
    assert result.exit_code in (0, 1, 2), case
    if result.exit_code != 0:
        assert diary.digest() == before, case
        lines = [line for line in result.output.splitlines() if line.startswith("Error: ")]
        if "--ask" not in args:  # asking step by step re-asks after each wrong answer
            assert len(lines) == 1, case


def test_every_command_of_the_group_is_fuzzed():
    """Nothing to keep in step: the cases are drawn from the group as it is."""
    for path in ALL:
        assert path in FAST or path in SLOW
    assert {("log",), ("db", "backup"), ()} <= set(FAST)
    assert len(FAST) >= 20


def _fuzz_settings(examples: int):  # type: ignore[no-untyped-def]
    """Fixed seed in CI, so a red build always means a real, reproducible finding; set
    TRACKER_FUZZ_EXAMPLES=5000 locally to explore further with fresh random cases."""
    return settings(
        max_examples=_examples(examples),
        derandomize="TRACKER_FUZZ_EXAMPLES" not in os.environ,
        deadline=None,
        suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
    )


FAST_CASES = {"sqlite": 400, "postgres": 150}


def test_no_traceback_and_changes_only_on_success(fuzz_diary, tmp_path_factory):
    """Every other command with any arguments: one line and nothing written, or success.
    Fewer cases on PostgreSQL: the parsing under test is the same, and each case there
    opens a connection to the server (the storage paths are tested on both elsewhere)."""

    @_fuzz_settings(FAST_CASES[fuzz_diary.backend])
    @given(case=_case(FAST))
    def one_case(case: tuple[tuple[str, ...], list[str]]) -> None:
        _fuzz_one(fuzz_diary, tmp_path_factory.mktemp("cwd"), *case)

    one_case()


@_fuzz_settings(8)
@given(case=_case([("report",)]))
def test_report_never_traces_back(fuzz_diary, tmp_path_factory, case):
    """The same promise for the command that draws a PDF (fewer cases: each valid one draws
    a report, two seconds)."""
    _fuzz_one(fuzz_diary, tmp_path_factory.mktemp("cwd"), *case)


@pytest.fixture(scope="module")
def untouched_diary(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Diary]:
    """The diary `tracker demo` is given and must never open (SQLite: the demo builds a diary
    of its own, so the backend under it does not matter)."""
    diary = Diary("sqlite", tmp_path_factory.mktemp("demo-fuzz") / "diary.sqlite3")
    yield diary
    diary.dispose()


@_fuzz_settings(6)
@given(case=_case([("demo",)]))
def test_demo_never_traces_back(untouched_diary, tmp_path_factory, case):
    """tracker demo with any arguments: one line or a demo, never a traceback (each valid
    case builds the 14-month demo and its report)."""
    _fuzz_one(untouched_diary, tmp_path_factory.mktemp("cwd"), *case)


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
