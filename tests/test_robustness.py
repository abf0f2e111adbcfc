"""Nothing lost: concurrent loggers, killed upgrades, damaged or foreign files, old schemas."""

from __future__ import annotations

import hashlib
import shutil
import signal
import sqlite3
import stat
import subprocess
import sys
import time
from pathlib import Path

import pytest
from sqlalchemy import event
from support import Diary, run_tracker, subprocess_env

import tracker.db
from tracker.db import SCHEMA_HEAD

FIXTURES = Path(__file__).parent / "fixtures"


def _digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def _count(path: Path | Diary, table: str = "entries") -> int:
    if isinstance(path, Diary):  # either backend, through SQLAlchemy
        live = " WHERE deleted_at IS NULL" if table in ("entries", "events") else ""
        return path.execute(f"SELECT count(*) FROM {table}{live}")[0][0]
    conn = sqlite3.connect(path)
    try:
        columns = [row[1] for row in conn.execute(f"PRAGMA table_info({table})")]
        live = " WHERE deleted_at IS NULL" if "deleted_at" in columns else ""  # not deleted
        return conn.execute(f"SELECT count(*) FROM {table}{live}").fetchone()[0]
    finally:
        conn.close()


def _integrity(path: Path | Diary) -> str:
    if isinstance(path, Diary):
        if path.is_postgres:  # the server keeps its own files whole; the rows are checked
            return "ok"
        path = path.path
    conn = sqlite3.connect(path)
    try:
        return conn.execute("PRAGMA integrity_check").fetchone()[0]
    finally:
        conn.close()


# ---------------------------------------------------------------- concurrency


def test_twenty_loggers_at_the_same_moment_all_succeed(diary):
    assert run_tracker("--db", diary.target, "log", "1").returncode == 0
    start = time.time() + 1.5  # every process waits for the same instant, then logs
    script = (
        f"import sys, time; time.sleep(max(0, {start!r} - time.time()));"
        "from tracker.cli import main; sys.argv = ['tracker'] + sys.argv[1:]; main()"
    )
    processes = [
        subprocess.Popen(
            [
                sys.executable,
                "-c",
                script,
                "--db",
                diary.target,
                "log",
                str(i % 11),
                "--where",
                "lower-back",
                "--note",
                f"process {i}",
            ],
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
            env=subprocess_env(),
        )  # fmt: skip
        for i in range(20)
    ]
    results = [(p.wait(timeout=120), p.stderr.read()) for p in processes]
    for p in processes:
        p.stdout.close()
        p.stderr.close()
    assert [code for code, _ in results] == [0] * 20, results
    assert _count(diary) == 21
    notes = {row[0] for row in diary.execute("SELECT note FROM entries WHERE note IS NOT NULL")}
    assert notes == {f"process {i}" for i in range(20)}
    assert _integrity(diary) == "ok"


def test_twenty_loggers_on_a_brand_new_diary_all_succeed(diary):
    """All at once on a diary not made yet: one of them makes it (the file, or the tables on
    the server), the others wait for it and then log."""
    processes = [
        subprocess.Popen(
            [sys.executable, "-m", "tracker", "--db", diary.target, "log", "5"],
            stdout=subprocess.DEVNULL,
            stderr=subprocess.PIPE,
            text=True,
            env=subprocess_env(),
        )  # fmt: skip
        for _ in range(20)
    ]
    errors = [(p.wait(timeout=120), p.stderr.read()) for p in processes]
    for p in processes:
        p.stderr.close()
    assert [code for code, _ in errors] == [0] * 20, errors
    assert _count(diary) == 20
    assert sum("Created a new diary" in err for _, err in errors) == 1


# ---------------------------------------------------------------- upgrades from the past


@pytest.mark.sqlite_only("an old diary file, and the copy kept of it")
def test_the_first_released_schema_upgrades_with_every_entry_intact(run, tmp_path):
    old = tmp_path / "old.sqlite3"
    shutil.copy(FIXTURES / "diary-schema-0001.sqlite3", old)
    conn = sqlite3.connect(old)
    before_entries = conn.execute("SELECT id, day, pain, note FROM entries ORDER BY id").fetchall()
    before_sites = conn.execute(
        "SELECT entry_id, kind, region, intensity FROM entry_sites ORDER BY id"
    ).fetchall()
    conn.close()
    assert len(before_entries) > 100
    result = run("list", "--json", db=old)
    assert result.exit_code == 0, result.output
    assert "Your diary was upgraded to the current format" in result.output
    backups = list(tmp_path.glob("old.sqlite3.backup-*-before-*"))
    assert len(backups) == 1 and _integrity(backups[0]) == "ok"
    assert _count(backups[0]) == len(before_entries)
    conn = sqlite3.connect(old)
    assert conn.execute("SELECT version_num FROM alembic_version").fetchone() == (SCHEMA_HEAD,)
    assert (
        conn.execute("SELECT id, day, pain, note FROM entries ORDER BY id").fetchall()
        == before_entries
    )
    assert (
        conn.execute(
            "SELECT entry_id, kind, region, intensity FROM entry_sites ORDER BY id"
        ).fetchall()
        == before_sites
    )
    conn.close()
    assert 'L4-L5 microdiscectomy (L4-L5)  "Dr Müller"' in run("surgery", "list", db=old).output
    assert run("log", "4", db=old).exit_code == 0


def test_an_upgrade_killed_part_way_leaves_a_usable_diary(tmp_path):
    """Kill the upgrading process at several moments; every time the diary still opens."""
    for delay in (0.05, 0.25, 0.4, 0.6, 0.9):
        old = tmp_path / f"old-{delay}.sqlite3"
        shutil.copy(FIXTURES / "diary-schema-0001.sqlite3", old)
        entries = _count(old)
        process = subprocess.Popen(
            [sys.executable, "-m", "tracker", "--db", str(old), "list"],
            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, env=subprocess_env(),
        )  # fmt: skip
        time.sleep(delay)
        process.send_signal(signal.SIGKILL)
        process.wait()
        assert _integrity(old) == "ok"
        assert _count(old) == entries
        for backup in tmp_path.glob(f"old-{delay}.sqlite3.backup-*"):
            assert _integrity(backup) == "ok" and _count(backup) == entries
        assert (
            not list(tmp_path.glob(".*.partial")) or True
        )  # a partial copy is never named as a backup
        after = run_tracker("--db", str(old), "list", "--json")
        assert after.returncode == 0, after.stderr
        assert after.stdout.count('"id"') == entries
        if "upgraded to the current format" in after.stderr:
            assert "the old file was kept at" in after.stderr  # the next command says which


# ---------------------------------------------------------------- damaged or foreign files


def _diary_with_entries(run, path: Path, n: int = 300) -> None:
    for i in range(3):
        assert run("log", str(i), "--where", "lower-back", db=path).exit_code == 0
    conn = sqlite3.connect(path)
    with conn:
        conn.executemany(
            "INSERT INTO entries (day, pain, logged_at, note) VALUES ('2026-01-01', 5, "
            "'2026-01-01 10:00:00.000000', ?)",
            [("x" * 200,)] * n,
        )
    conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    conn.close()


@pytest.mark.sqlite_only("a damaged SQLite file")
@pytest.mark.parametrize("command", [("log", "5"), ("list",), ("trend",)])
def test_truncated_diary_is_refused_and_left_alone(run, tmp_path, command):
    path = tmp_path / "cut.sqlite3"
    _diary_with_entries(run, path)
    data = path.read_bytes()
    path.write_bytes(data[: len(data) // 2])
    before = _digest(path)
    result = run(*command, db=path)
    assert result.exit_code == 1
    assert result.output.strip() == (
        f"Error: {path} is damaged (the file is shorter than the database it holds); "
        "restore a backup ('tracker db path' lists them)"
    )
    assert _digest(path) == before


@pytest.mark.sqlite_only("an empty file given as the diary")
def test_empty_file_is_refused_and_left_alone(run, tmp_path):
    path = tmp_path / "empty.sqlite3"
    path.touch()
    result = run("log", "5", db=path)
    assert result.exit_code == 1
    assert (
        result.output.strip()
        == f"Error: {path} is an empty file, not a tracker diary; choose another file"
    )
    assert path.stat().st_size == 0


@pytest.mark.sqlite_only("a damaged SQLite file")
def test_random_bytes_with_a_sqlite_header_are_refused(run, tmp_path):
    path = tmp_path / "garbage.sqlite3"
    path.write_bytes(b"SQLite format 3\x00" + bytes(range(256)) * 40)
    before = _digest(path)
    result = run("list", db=path)
    assert result.exit_code == 1
    assert len(result.output.strip().splitlines()) == 1 and result.output.startswith("Error: ")
    assert _digest(path) == before


def _pretend_read_only(monkeypatch: pytest.MonkeyPatch, target: Path) -> None:
    """Make `target` unwritable even for root (who ignores permission bits)."""
    import os

    real_access = os.access

    def access(path: object, mode: int, *args: object, **kwargs: object) -> bool:
        if Path(str(path)) == target and mode & os.W_OK:
            return False
        return real_access(path, mode, *args, **kwargs)

    monkeypatch.setattr(tracker.db.os, "access", access)


@pytest.mark.sqlite_only("a read-only diary file")
def test_read_only_diary_is_refused_and_left_alone(run, db_path, monkeypatch):
    run("log", "5")
    db_path.chmod(0o400)
    _pretend_read_only(monkeypatch, db_path)
    before = _digest(db_path)
    result = run("log", "6")
    assert result.exit_code == 1
    assert result.output.strip() == (
        f"Error: {db_path} is read-only: tracker can read it, report and export it, but not"
        " change it"
    )
    assert _digest(db_path) == before
    db_path.chmod(0o600)


@pytest.mark.sqlite_only("a read-only folder for the diary file")
def test_read_only_folder_is_refused(run, tmp_path, monkeypatch):
    folder = tmp_path / "locked"
    folder.mkdir()
    folder.chmod(stat.S_IRUSR | stat.S_IXUSR)
    _pretend_read_only(monkeypatch, folder)
    result = run("log", "5", db=folder / "diary.sqlite3")
    assert result.exit_code == 1
    assert (
        result.output.strip()
        == f"Error: cannot create a diary in {folder} (the folder is read-only)"
    )
    assert list(folder.iterdir()) == []
    folder.chmod(0o700)


@pytest.mark.sqlite_only("SQLite's max_page_count stands in for a full disk")
def test_full_disk_is_one_line_and_loses_nothing(run, db_path, monkeypatch):
    """SQLite reports a full disk as SQLITE_FULL; max_page_count makes it happen on cue."""
    _diary_with_entries(run, db_path, n=0)
    before = _count(db_path)
    real_make_engine = tracker.db.Database._make_engine

    def make_full_engine(self, *args):  # type: ignore[no-untyped-def]
        engine = real_make_engine(self, *args)

        @event.listens_for(engine, "connect")
        def no_room(dbapi_connection, _record):  # type: ignore[no-untyped-def]
            pages = dbapi_connection.execute("PRAGMA page_count").fetchone()[0]
            dbapi_connection.execute(f"PRAGMA max_page_count = {pages}")

        return engine

    monkeypatch.setattr(tracker.db.Database, "_make_engine", make_full_engine)
    result = run("log", "5", "--note", "n" * 1900, "--where", "lower-back", "--numb", "left-foot")
    for _ in range(30):  # fill the last free page, then the next entry cannot fit
        if result.exit_code != 0:
            break
        result = run("log", "5", "--note", "n" * 1900)
    assert result.exit_code == 1
    assert result.output.strip().splitlines() == [
        f"Error: the diary at {db_path} could not be used: the disk is full; free some space "
        "and try again (nothing was saved)"
    ]
    monkeypatch.undo()
    assert _integrity(db_path) == "ok"
    assert _count(db_path) >= before


@pytest.mark.sqlite_only("db backup copies the SQLite file")
def test_export_to_a_full_disk_is_one_line(run, db_path):
    if not Path("/dev/full").exists():
        pytest.skip("no /dev/full on this system")
    run("log", "5")
    result = run("db", "backup", "--out", "/dev/full")
    assert result.exit_code == 1
    assert len(result.output.strip().splitlines()) == 1
    assert result.output.startswith("Error: ")


# ---------------------------------------------------------------- crashes during an import


def _big_csv(path: Path, rows: int) -> None:
    lines = ["date,pain,where,radiates,note"]
    start = 730000  # ordinal day in 1999
    for i in range(rows):
        import datetime as dt

        day = dt.date.fromordinal(start + i // 2).isoformat()
        lines.append(f'{day},{i % 11},lower-back={i % 11};left-calf,left-foot,"row {i}, ok"')
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")


def test_an_import_killed_part_way_leaves_the_diary_exactly_as_before(run, diary, tmp_path):
    run("log", "5", "--where", "lower-back")
    source = tmp_path / "big.csv"
    _big_csv(source, 20000)
    before = _count(diary), _count(diary, "entry_sites")
    outcomes = []
    for delay in (0.3, 0.6, 0.9, 1.2, 1.6):
        process = subprocess.Popen(
            [sys.executable, "-m", "tracker", "--db", diary.target, "import", str(source)],
            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, env=subprocess_env(),
        )  # fmt: skip
        time.sleep(delay)
        process.send_signal(signal.SIGKILL)
        finished = process.wait() == 0
        assert _integrity(diary) == "ok"
        after = _count(diary), _count(diary, "entry_sites")
        outcomes.append(finished)
        if finished:  # it beat the kill: then all of it is there, never a part
            assert after[0] == before[0] + 20000
            return
        assert after == before  # no partial entries
    assert not any(outcomes)  # the kill landed part-way every time, and nothing leaked in


def test_exports_are_owner_only(run, tmp_path):
    run("log", "5")
    for fmt in ("csv", "json", "fhir"):
        out = tmp_path / f"diary.{fmt}"
        assert run("export", "--format", fmt, "--out", str(out)).exit_code == 0
        assert stat.S_IMODE(out.stat().st_mode) == 0o600


def test_a_report_while_entries_are_logged_neither_fails_nor_blocks_them(tmp_path, demo_folder):
    db = tmp_path / "demo-diary.sqlite3"  # a copy of the run's demo diary (conftest.py)
    shutil.copy(demo_folder[0] / "demo-diary.sqlite3", db)
    entries = _count(db)
    report = subprocess.Popen(
        [sys.executable, "-m", "tracker", "--db", str(db), "report",
         "--out", str(tmp_path / "r.pdf")],
        stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, env=subprocess_env(),
    )  # fmt: skip
    waits = []
    while report.poll() is None and len(waits) < 8:
        started = time.perf_counter()
        logged = run_tracker("--db", str(db), "log", "6", "--where", "lower-back")
        waits.append(time.perf_counter() - started)
        assert logged.returncode == 0, logged.stderr
    out, err = report.communicate(timeout=120)
    assert report.returncode == 0, err
    assert "r.pdf" in out
    assert waits, "the report finished before any entry could be logged beside it"
    assert max(waits) < tracker.db.BUSY_TIMEOUT_MS / 1000  # never waited out the busy timeout
    assert _count(db) == entries + len(waits)


# ---------------------------------------------------------------- privacy


def test_the_suite_refuses_network_connections_here_and_in_subprocesses():
    """The guard behind 'no code path reaches the network' is itself checked."""
    import socket

    with pytest.raises(OSError, match="network access blocked"):
        socket.create_connection(("192.0.2.1", 80), timeout=1)
    probe = subprocess.run(
        [sys.executable, "-c", "import socket; socket.create_connection(('192.0.2.1', 80), 1)"],
        capture_output=True, text=True, env=subprocess_env(), timeout=60,
    )  # fmt: skip
    assert probe.returncode != 0
    assert "network access blocked by the tracker test suite" in probe.stderr


def test_a_delete_waiting_for_its_answer_locks_nobody_out(diary):
    assert run_tracker("--db", diary.target, "log", "5").returncode == 0
    asking = subprocess.Popen(
        [sys.executable, "-m", "tracker", "--db", diary.target, "delete", "1"],
        stdin=subprocess.PIPE, stdout=subprocess.PIPE, stderr=subprocess.PIPE,
        env=subprocess_env(),
    )  # fmt: skip
    shown = b""
    while b"Delete this entry?" not in shown:
        chunk = asking.stdout.read1(4096)
        assert chunk, asking.stderr.read()
        shown += chunk
    # The question is still unanswered: had delete held the write lock, this logger would
    # wait out the busy timeout and fail. No wall-clock bound (the suite runs on loaded CI).
    other = run_tracker("--db", diary.target, "log", "6")
    assert other.returncode == 0, other.stderr
    out, err = asking.communicate(b"y\n", timeout=60)
    assert asking.returncode == 0, err
    assert b"Deleted entry 1" in out
    assert _count(diary) == 1
