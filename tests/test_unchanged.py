"""What a user sees stays as it was: `trend --json`, `trend` and the report's text, exactly.

The files in tests/fixtures/unchanged/ were written by the code before the analysis returned
typed results (issue 8), from the demo diary built for a fixed day. These tests run the same
commands through the real command group and compare every character of the printed sentences
and of each PDF page's text (pypdf), and the JSON with its key order, every string, integer and
null exactly and every float to within 1e-9 (the trend specification checks to the sixth
decimal; a new NumPy/SciPy release may move the last binary digit of a sum, which no user
sees). Only the report's "generated on" date (the clock's today) is replaced by a placeholder.

Regenerate only when a change is meant to alter what users see:
    python tests/test_unchanged.py
"""

from __future__ import annotations

import datetime as dt
import json
import math
import sys
from pathlib import Path

import pytest
from click.testing import CliRunner

ROOT = Path(__file__).resolve().parent.parent
if __name__ == "__main__":
    sys.path.insert(0, str(ROOT))

from tracker import clock  # noqa: E402
from tracker.cli import cli  # noqa: E402
from tracker.db import Database  # noqa: E402
from tracker.demo import build_demo_diary  # noqa: E402

FIXTURES = Path(__file__).parent / "fixtures" / "unchanged"
DEMO_TODAY = dt.date(2026, 8, 31)
GENERATED = "<generated on>"

# name -> (diary, trend options): a verdict of every kind, and the first-entry anchor.
TREND_CASES = {
    "before-surgery": ("demo", ["--as-of", "2025-06-15"]),
    "three-weeks": ("demo", ["--as-of", "2025-07-20"]),
    "two-months": ("demo", ["--as-of", "2025-08-31"]),
    "improving": ("demo", ["--as-of", "2025-10-31"]),
    "small-drift": ("demo", ["--as-of", "2025-12-31"]),
    "within-fluctuation": ("demo", ["--as-of", "2026-02-28"]),
    "worsening": ("demo", ["--as-of", "2026-08-31"]),
    "stale": ("demo", ["--as-of", "2026-11-30"]),
    "since": ("demo", ["--as-of", "2026-08-31", "--since", "2026-01-01"]),
    "no-surgery": ("no-surgery", ["--as-of", "2026-08-31"]),
    "no-surgery-improving": ("no-surgery", ["--as-of", "2025-10-31"]),
}
REPORT_CASES = {
    "worsening": ("demo", ["--as-of", "2026-08-31", "--name", "Alex Example"]),
    "three-weeks": ("demo", ["--as-of", "2025-07-20"]),
    "period": ("demo", ["--as-of", "2025-10-31", "--since", "2025-08-01", "--until", "2025-10-31"]),
    "no-surgery": ("no-surgery", ["--as-of", "2026-08-31"]),
    "before-surgery": ("demo", ["--as-of", "2025-06-15"]),
}


def build_diaries(folder: Path) -> dict[str, Path]:
    """The demo diary for DEMO_TODAY, and the same diary with its surgery deleted."""
    paths = {}
    for name in ("demo", "no-surgery"):
        path = folder / f"{name}.sqlite3"
        database = Database(f"sqlite:///{path}")
        with database.session() as session:
            build_demo_diary(session, DEMO_TODAY)
        database.dispose()
        paths[name] = path
    deleted = CliRunner().invoke(
        cli, ["--db", str(paths["no-surgery"]), "event", "delete", "1"], input="y\n"
    )
    assert deleted.exit_code == 0, deleted.output
    listed = CliRunner().invoke(cli, ["--db", str(paths["no-surgery"]), "event", "list"])
    assert "surgery" not in listed.output.lower().split("\n", 1)[-1], listed.output
    return paths


def run(db: Path, *args: str) -> str:
    """Output of one command through the real command group (it must succeed)."""
    result = CliRunner().invoke(cli, ["--db", str(db), *args])
    assert result.exit_code == 0, result.output
    return result.output


def report_text(db: Path, out: Path, options: list[str]) -> str:
    """Every page's text, pages separated by form feeds, the generated-on date masked."""
    from pypdf import PdfReader

    run(db, "report", "--out", str(out), *options)
    pages = [page.extract_text() or "" for page in PdfReader(out).pages]
    today = clock.today()  # the moment the tests run at (tests/support.py), or the real one
    return "\n\f\n".join(pages).replace(f"{today.day} {today:%b %Y}", GENERATED)


@pytest.fixture(scope="module")
def diaries(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    return build_diaries(tmp_path_factory.mktemp("unchanged"))


@pytest.mark.parametrize("case", sorted(TREND_CASES))
def test_trend_json_is_unchanged_to_the_last_digit(diaries: dict[str, Path], case: str) -> None:
    diary, options = TREND_CASES[case]
    expected = (FIXTURES / f"trend-{case}.json").read_text()
    assert_same_json(run(diaries[diary], "trend", "--json", *options), expected)


def _pairs(text: str) -> object:
    """JSON with every object as a list of (key, value) pairs, so that key order counts."""
    return json.loads(text, object_pairs_hook=list)


def _differences(got: object, want: object, where: str = "$") -> list[str]:
    """Where two parsed JSON values differ: floats beyond 1e-9, anything else at all."""
    if isinstance(want, float) and isinstance(got, float):
        close = math.isclose(got, want, rel_tol=1e-12, abs_tol=1e-9)
        return [] if close else [f"{where}: {got} != {want}"]
    if type(got) is not type(want):
        return [f"{where}: {got!r} != {want!r}"]
    if isinstance(want, list):
        assert isinstance(got, list)
        if len(got) != len(want):
            return [f"{where}: {len(got)} items != {len(want)}"]
        found: list[str] = []
        for index, (g, w) in enumerate(zip(got, want, strict=True)):
            if isinstance(w, tuple) and isinstance(g, tuple):  # an object's (key, value) pair
                if g[0] != w[0]:
                    return [f"{where}: key {g[0]!r} != {w[0]!r} (at position {index})"]
                found += _differences(g[1], w[1], f"{where}.{w[0]}")
            else:
                found += _differences(g, w, f"{where}[{index}]")
        return found
    return [] if got == want else [f"{where}: {got!r} != {want!r}"]


def assert_same_json(got: str, want: str) -> None:
    """The same JSON as the fixture: key order, strings, integers and nulls exactly, floats
    to within 1e-9 (see the module's docstring)."""
    differences = _differences(_pairs(got), _pairs(want))
    assert not differences, "\n".join(differences[:20])


def test_the_json_comparison_catches_a_change_in_the_sixth_decimal() -> None:
    want = '{"a": 1.2345678, "b": [1, "x", null]}'
    assert_same_json('{"a": 1.23456780000001, "b": [1, "x", null]}', want)
    for changed in (
        '{"a": 1.2345688, "b": [1, "x", null]}',
        '{"b": [1, "x", null], "a": 1.2345678}',
        '{"a": 1.2345678, "b": [1, "y", null]}',
        '{"a": 1.2345678, "b": [1, "x", 0]}',
    ):
        with pytest.raises(AssertionError):
            assert_same_json(changed, want)


@pytest.mark.parametrize("case", sorted(TREND_CASES))
def test_trend_sentences_are_unchanged(diaries: dict[str, Path], case: str) -> None:
    diary, options = TREND_CASES[case]
    expected = (FIXTURES / f"trend-{case}.txt").read_text()
    assert run(diaries[diary], "trend", *options) == expected


@pytest.mark.parametrize("case", sorted(REPORT_CASES))
def test_report_text_is_unchanged(diaries: dict[str, Path], tmp_path: Path, case: str) -> None:
    diary, options = REPORT_CASES[case]
    expected = (FIXTURES / f"report-{case}.txt").read_text()
    assert report_text(diaries[diary], tmp_path / "r.pdf", options) == expected


def write_fixtures() -> None:
    """Write every fixture from the code as it is now."""
    import tempfile

    FIXTURES.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory() as tmp:
        paths = build_diaries(Path(tmp))
        for case, (diary, options) in TREND_CASES.items():
            (FIXTURES / f"trend-{case}.json").write_text(
                run(paths[diary], "trend", "--json", *options)
            )
            (FIXTURES / f"trend-{case}.txt").write_text(run(paths[diary], "trend", *options))
        for case, (diary, options) in REPORT_CASES.items():
            text = report_text(paths[diary], Path(tmp) / f"{case}.pdf", options)
            (FIXTURES / f"report-{case}.txt").write_text(text)


if __name__ == "__main__":
    # At the moment the suite runs at (tests/support.py), as conftest.py sets it: the report
    # says how long before it was made its as-of day was.
    import os

    from support import NOW

    os.environ[clock.VARIABLE] = NOW.isoformat(timespec="seconds")
    write_fixtures()
