"""Issue 12, nothing created or lost by mistake: read commands create nothing, a read-only
diary can still be read, --db after the command, and no file overwritten without --force."""

from __future__ import annotations

import hashlib
import os
from pathlib import Path

import pytest
from click.testing import CliRunner
from support import TODAY

import tracker.db
from tracker.cli import cli


def _digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


READS = [
    ["list"],
    ["show", "1"],
    ["trend"],
    ["summary"],
    ["export", "--format", "json"],
    ["db", "backup"],
    ["db", "current"],
    ["event", "list"],
    ["edit", "1", "--pain", "3"],
    ["delete", "1", "--yes"],
    ["undo"],
]


@pytest.mark.sqlite_only("a diary file that does not exist")
@pytest.mark.parametrize("args", READS, ids=lambda a: " ".join(a))
def test_a_command_on_a_diary_that_does_not_exist_says_so_and_creates_nothing(run, tmp_path, args):
    missing = tmp_path / "typo" / "diray.sqlite3"
    result = run(*args, db=missing)
    assert result.exit_code == 1, result.output
    assert result.output == (
        f"Error: there is no diary at {missing} (nothing was created); check the path (--db,"
        " TRACKER_DB), or start a diary with 'tracker log'\n"
    )
    assert not missing.parent.exists()


@pytest.mark.sqlite_only("a diary file that does not exist")
def test_report_on_a_diary_that_does_not_exist_writes_nothing(run, tmp_path):
    missing = tmp_path / "nope.sqlite3"
    result = run("report", "--out", str(tmp_path / "r.pdf"), db=missing)
    assert result.exit_code == 1 and "there is no diary at" in result.output
    assert sorted(p.name for p in tmp_path.iterdir()) == []


def test_a_write_on_a_new_path_creates_the_diary_and_says_so_once(run, diary):
    first = run("log", "5")
    assert first.exit_code == 0
    assert first.stderr == f"Created a new diary at {diary.shown}\n"
    assert diary.exists()
    assert run("log", "6").stderr == ""


def test_db_may_come_after_the_command(tmp_path):
    diary = tmp_path / "after.sqlite3"
    runner = CliRunner()
    assert runner.invoke(cli, ["log", "5", "--db", str(diary)]).exit_code == 0
    assert runner.invoke(cli, ["log", "6", f"--db={diary}"]).exit_code == 0
    listed = runner.invoke(cli, ["list", "--db", str(diary), "--json"])
    assert listed.exit_code == 0, listed.output
    assert listed.output.count('"pain"') == 2
    note = runner.invoke(cli, ["--db", str(diary), "log", "4", "--note", "x", "--", "--db"])
    assert note.exit_code != 0  # nothing after '--' is taken for --db


def _pretend_read_only(monkeypatch: pytest.MonkeyPatch, target: Path) -> None:
    """Make `target` unwritable even for root (who ignores permission bits)."""
    real_access = os.access

    def access(path: object, mode: int, *args: object, **kwargs: object) -> bool:
        if Path(str(path)) == target and mode & os.W_OK:
            return False
        return real_access(path, mode, *args, **kwargs)

    monkeypatch.setattr(tracker.db.os, "access", access)


@pytest.mark.sqlite_only("a read-only diary file")
def test_a_read_only_diary_can_be_read_reported_exported_and_backed_up(
    run, db_path, tmp_path, monkeypatch
):
    run("log", "5", "--where", "lower-back=5")
    db_path.chmod(0o400)
    _pretend_read_only(monkeypatch, db_path)
    before = _digest(db_path)
    try:
        assert '"pain": 5' in run("list", "--json").output
        assert run("show", "1").exit_code == 0
        exported = run("export", "--format", "csv", "--out", str(tmp_path / "d.csv"))
        assert exported.exit_code == 0, exported.output
        backup = run("db", "backup", "--out", str(tmp_path / "copy.sqlite3"))
        assert backup.exit_code == 0, backup.output
        made = run("report", "--out", str(tmp_path / "r.pdf"))
        assert made.exit_code == 0, made.output
        refused = run("log", "6")
        assert refused.exit_code == 1
        assert refused.output == (
            f"Error: {db_path} is read-only: tracker can read it, report and export it, but not"
            " change it\n"
        )
        assert _digest(db_path) == before
    finally:
        db_path.chmod(0o600)


@pytest.mark.sqlite_only("a diary file in a read-only folder")
def test_a_diary_in_a_read_only_folder_can_be_read(run, tmp_path, monkeypatch):
    folder = tmp_path / "locked"
    folder.mkdir()
    diary = folder / "diary.sqlite3"
    run("log", "5", db=diary)
    _pretend_read_only(monkeypatch, folder)
    assert run("list", db=diary).exit_code == 0
    refused = run("log", "6", db=diary)
    assert refused.exit_code == 1
    assert f"is in a read-only folder ({folder}): tracker can read it" in refused.output


@pytest.mark.parametrize(
    "args",
    [
        ["export", "--format", "csv", "--out", "{out}"],
        pytest.param(
            ["db", "backup", "--out", "{out}"],
            marks=pytest.mark.sqlite_only("db backup copies the SQLite file"),
        ),
        ["report", "--out", "{out}"],
    ],
    ids=lambda a: a[0],
)
def test_no_file_is_overwritten_without_force(run, tmp_path, args):
    run("log", "5")
    out = tmp_path / "existing.file"
    out.write_text("keep me", encoding="utf-8")
    filled = [a.format(out=out) for a in args]
    refused = run(*filled)
    assert refused.exit_code == 1
    assert refused.output == (
        f"Error: {out} already exists; give --force to replace it, or choose another name\n"
    )
    assert out.read_text(encoding="utf-8") == "keep me"
    forced = run(*filled, "--force")
    assert forced.exit_code == 0, forced.output
    assert out.read_bytes() != b"keep me"


def test_demo_wants_a_folder_not_a_report_name(run, tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    result = run("demo", "--out", "report.pdf")
    assert result.exit_code == 1
    assert result.output == (
        "Error: --out is the folder for the demo's diary, report and charts; 'report.pdf' looks"
        " like a file name: give a folder, e.g. --out tracker-demo\n"
    )
    assert list(tmp_path.iterdir()) == []


# ---------------------------------------------------------------- second looks at likely slips


def test_the_same_surgery_twice_is_refused_off_a_terminal_and_asked_on_one(run, monkeypatch):
    from tracker.cli import asking

    run("surgery", "add", "2025-09-10", "--procedure", "L4-L5 fusion")
    again = run("surgery", "add", "2025-09-10", "--procedure", "l4-l5  Fusion")
    assert again.exit_code == 1
    assert again.output == (
        "Error: surgery 1 is already recorded: 2025-09-10 surgery - L4-L5 fusion; give --yes"
        " to add another\n"
    )
    monkeypatch.setattr(asking, "on_terminal", lambda: True)
    asked = run("surgery", "add", "2025-09-10", "--procedure", "L4-L5 fusion", input="n\n")
    assert asked.exit_code == 0
    assert "Surgery 1 is already recorded: 2025-09-10 surgery - L4-L5 fusion. Add another?" in (
        asked.output
    )
    assert asked.output.endswith("Nothing added.\n")
    assert (
        run("surgery", "add", "2025-09-10", "--procedure", "L4-L5 fusion", "--yes").exit_code == 0
    )
    assert run("surgery", "add", "2025-09-11", "--procedure", "L4-L5 fusion").exit_code == 0
    assert len(run("surgery", "list").output.splitlines()) == 3


def test_a_day_before_the_first_surgery_or_years_back_gets_a_second_look(run, stored, monkeypatch):
    import datetime as dt

    from tracker.cli import asking

    run("surgery", "add", "2025-09-10", "--procedure", "fusion")
    noted = run("log", "5", "--date", "2025-09-01")
    assert noted.exit_code == 0
    assert noted.output.splitlines()[-1] == (
        "Note: 2025-09-01 is before your first recorded surgery (2025-09-10); saved as given."
    )
    monkeypatch.setattr(asking, "on_terminal", lambda: True)
    long_ago = (TODAY - dt.timedelta(days=6 * 365)).isoformat()
    refused = run("log", "5", "--date", long_ago, input="n\n")
    assert f"{long_ago} is before your first recorded surgery" in refused.output
    assert refused.output.endswith("Nothing saved.\n")
    assert len(stored()) == 1
    assert run("log", "5", "--date", "2025-10-01").output.startswith("Saved entry 2 ")


def test_the_doubtful_days():
    import datetime as dt

    from tracker import domain

    today = dt.date(2026, 11, 25)
    assert domain.doubtful_day(dt.date(2021, 11, 1), today, []) == (
        "2021-11-01 is more than 5 years ago"
    )
    assert domain.doubtful_day(dt.date(2022, 1, 1), today, []) is None
    assert domain.doubtful_day(dt.date(2025, 1, 1), today, [dt.date(2025, 6, 1)]) == (
        "2025-01-01 is before your first recorded surgery (2025-06-01)"
    )


# ---------------------------------------------------------------- imports that say all


def test_an_import_lists_every_bad_row_with_its_number_and_reason(run, tmp_path, diary):
    rows = ["date,pain,where", "2025-01-01,5,lower-back", "2025-01-02,11,", "2025-01-03,4,elbw"]
    rows += [f"2025-02-{day:02d},x," for day in range(1, 25)]
    source = tmp_path / "old.csv"
    source.write_text("\n".join(rows) + "\n", encoding="utf-8")
    result = run("import", str(source))
    assert result.exit_code == 1
    lines = result.output.splitlines()
    assert lines[0] == "Error: 26 rows cannot be imported; nothing was imported:"
    assert lines[1].startswith("  row 3: pain '11' is not accepted")
    assert lines[2].startswith("  row 4: unknown region 'elbw'")
    assert lines[3].startswith("  row 5: pain 'x' is not accepted")
    assert len(lines) == 1 + 20 + 1 and lines[-1] == "  ... and 6 more"
    assert not diary.exists()


def test_an_unknown_column_is_named(run, tmp_path):
    source = tmp_path / "old.csv"
    source.write_text("date,pain,mood\n2025-01-01,5,ok\n", encoding="utf-8")
    result = run("import", str(source))
    assert result.exit_code == 1
    assert result.output.startswith(
        "Error: the CSV has a column tracker does not know: 'mood'; accepted columns: id, date,"
    )


def test_a_dry_run_shows_every_field_that_would_be_stored(run, tmp_path):
    source = tmp_path / "full.csv"
    source.write_text(
        "date,pain,where,radiates,numb,tingling,weak,quality,red_flags,note,logged_at\n"
        "2025-01-01,5,lower-back=5,left-calf,left-foot,left-toes,left-ankle,burning,fever,"
        "long drive,2025-01-01T21:00:00\n",
        encoding="utf-8",
    )
    result = run("import", str(source), "--dry-run")
    assert result.exit_code == 0, result.output
    assert result.output.splitlines()[1] == (
        "  2025-01-01  pain  5/10  where lower-back=5; radiates left-calf; numb left-foot;"
        " tingling left-toes; weak left-ankle; quality burning; red flags fever; note long"
        " drive; typed 2025-01-01 21:00"
    )
