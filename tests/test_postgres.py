"""PostgreSQL itself (docs/data.md#storage): what only a server has.

Every diary test already runs on PostgreSQL too when TRACKER_TEST_POSTGRES_URL names a
server (tests/conftest.py, `[postgres]` in the ids). Here: a whole session on the server,
an old schema upgraded there, writers taking turns, and the ways a server can refuse
(down, wrong password, no such database, a missing driver): one line each, exit 1,
nothing written, the URL's password never printed.
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
import tempfile
import time
from collections.abc import Iterator
from pathlib import Path

import pytest
from click.testing import CliRunner
from sqlalchemy import create_engine, text
from sqlalchemy.engine import make_url
from support import POSTGRES_SERVER, Diary, subprocess_env

from tracker.cli import cli
from tracker.db import SCHEMA_HEAD

PASSWORD = "s3cret-Pa55word"  # never to be printed


def _tracker(db: str, *args: str) -> tuple[int, str]:
    result = CliRunner().invoke(cli, ["--db", db, *args])
    assert result.exception is None or isinstance(result.exception, SystemExit), result.output
    return result.exit_code, result.output


def _refused(db: str, *args: str) -> str:
    """The one line a refused command printed (exit 1, no password in it)."""
    code, output = _tracker(db, *args)
    assert code == 1, output
    assert len(output.splitlines()) == 1 and output.startswith("Error: "), output
    assert PASSWORD not in output and "Traceback" not in output
    return output.strip()


def _with_password(url: str, password: str = PASSWORD, **parts: object) -> str:
    return make_url(url).set(password=password, **parts).render_as_string(hide_password=False)


# ---------------------------------------------------------------- a diary on the server


@pytest.fixture
def pg(postgres_server) -> Diary:
    return Diary("postgres", Path("/nonexistent"), postgres_server.schema_url())


def test_the_diary_works_on_postgresql(pg, tmp_path):
    def run(*args: str):
        result = CliRunner().invoke(cli, ["--db", pg.target, *args])
        assert "Traceback" not in result.output
        return result

    assert run("log", "6", "--where", "lower-back=6", "--radiates", "left-calf").exit_code == 0
    assert run("log", "4", "--date", "yesterday", "--numb", "left-foot").exit_code == 0
    assert (
        run("surgery", "add", "2026-01-05", "--procedure", "fusion", "--levels", "L4-L5").exit_code
        == 0
    )
    assert run("edit", "1", "--pain", "5").output.splitlines()[1] == "  pain: 6 -> 5"
    entries = json.loads(run("list", "--json").output)
    assert [(e["pain"], e["where"], e["numb"]) for e in entries] == [
        (4, [], ["left-foot"]),
        (5, [{"region": "lower-back", "intensity": 6}], []),
    ]
    assert run("db", "current").output.strip() == SCHEMA_HEAD
    exported = tmp_path / "diary.json"
    assert run("export", "--format", "json", "--out", str(exported)).exit_code == 0
    assert "Imported 0 entries" in run("import", str(exported)).output  # recognised, not doubled
    assert run("delete", "2", "--yes").exit_code == 0
    assert run("trend", "--json").exit_code == 0
    assert run("report", "--out", str(tmp_path / "r.pdf")).exit_code == 0
    refused = run("log", "11")
    assert refused.exit_code == 1 and len(json.loads(run("list", "--json").output)) == 1
    backup = run("db", "backup")
    assert backup.exit_code == 1 and "pg_dump" in backup.output


def test_an_old_schema_on_the_server_upgrades_with_its_entries(pg):
    database = pg.database()
    database.engine()
    database.downgrade("0001")
    database.dispose()
    pg.execute(
        "INSERT INTO entries (id, day, pain, logged_at, note) VALUES "
        "(1, '2026-01-02', 6, '2026-01-02 20:00:00', 'first'),"
        "(2, '2026-01-03', 4, '2026-01-04 08:00:00', NULL)"
    )
    pg.execute("SELECT setval(pg_get_serial_sequence('entries', 'id'), 2)")
    pg.execute(
        "INSERT INTO entry_sites (entry_id, kind, region, intensity, position) VALUES "
        "(1, 'pain', 'lower-back', 6, 0), (1, 'radiates', 'left-calf', NULL, 1)"
    )
    result = CliRunner().invoke(cli, ["--db", pg.target, "list", "--json"])
    assert result.exit_code == 0, result.output
    assert result.stderr == (
        "Your diary was upgraded to the current format (on a database server: its own"
        " backups, e.g. pg_dump, keep the old one)\n"
    )
    listed = json.loads(result.stdout)
    assert [(e["pain"], e["note"]) for e in listed] == [(6, "first"), (4, None)]
    assert listed[0]["where"] == [{"region": "lower-back", "intensity": 6}]
    assert _tracker(pg.target, "db", "current") == (0, f"{SCHEMA_HEAD}\n")
    assert _tracker(pg.target, "delete", "2", "--yes")[0] == 0
    assert _tracker(pg.target, "log", "3")[1].startswith("Saved entry 3 ")  # 2 not reused


def test_writers_take_turns_on_the_server_and_readers_never_wait(pg):
    """SQLite lets one writer in at a time; on PostgreSQL an advisory lock does the same,
    so two commands never act on the same state (db.py, _server_engine)."""
    assert _tracker(pg.target, "log", "5")[0] == 0
    database = pg.database()
    with database.session() as session:  # a write in progress, holding the diary's lock
        session.execute(text("UPDATE entries SET note = 'first writer' WHERE id = 1"))
        # A reader goes straight through, and sees the diary as it was.
        code, listed = _tracker(pg.target, "list", "--json")
        assert code == 0 and json.loads(listed)[0]["note"] is None
        writer = subprocess.Popen(
            [sys.executable, "-m", "tracker", "--db", pg.target, "log", "6"],
            stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, env=subprocess_env(),
        )  # fmt: skip
        waiting = "SELECT count(*) FROM pg_locks WHERE locktype = 'advisory' AND NOT granted"
        deadline = time.monotonic() + 120
        while pg.execute(waiting) == [(0,)]:  # until the other writer waits for the lock
            assert writer.poll() is None, writer.communicate()
            assert time.monotonic() < deadline, "the second writer never reached the lock"
            time.sleep(0.05)
    out, err = writer.communicate(timeout=120)
    database.dispose()
    assert writer.returncode == 0, err
    assert out.startswith("Saved entry 2 ")
    assert pg.execute("SELECT id, note FROM entries ORDER BY id") == [
        (1, "first writer"),
        (2, None),
    ]


# ---------------------------------------------------------------- the server refuses


def test_a_server_that_is_down_is_one_line(tmp_path):
    nobody = tmp_path / "no-server-here"
    nobody.mkdir()
    url = f"postgresql://tracker:{PASSWORD}@/diary?host={nobody}&port=5999"
    for args in (["log", "5"], ["list"], ["db", "current"]):
        line = _refused(url, *args)
        assert "cannot reach the PostgreSQL server (is it running?" in line
        assert "tracker:***@" in line


def test_a_database_that_does_not_exist_is_named_and_not_created(postgres_server):
    url = _with_password(POSTGRES_SERVER, database="tracker_no_such_diary")
    for args in (["log", "5"], ["list"]):
        line = _refused(url, *args)
        assert line.endswith(
            'the server has no database "tracker_no_such_diary"; create it first'
            " (createdb tracker_no_such_diary) or correct the URL"
        )
    admin = create_engine(POSTGRES_SERVER)
    with admin.connect() as conn:
        names = conn.execute(text("SELECT datname FROM pg_database")).scalars().all()
    admin.dispose()
    assert "tracker_no_such_diary" not in names


def test_a_read_on_an_empty_server_database_creates_nothing(pg):
    line = _refused(pg.target, "list")
    assert line.startswith(f"Error: there is no diary at {pg.shown} (nothing was created)")
    assert pg.tables() == set()
    code, output = _tracker(pg.target, "log", "5")
    assert code == 0 and output.splitlines()[-1] == f"Created a new diary at {pg.shown}"


def test_db_path_names_the_server_without_the_password(pg):
    url = _with_password(pg.target, password="hunter2-not-shown")
    code, output = _tracker(url, "db", "path")
    assert code == 0
    assert "hunter2-not-shown" not in output and ":***@" in output


@pytest.mark.parametrize(
    ("url", "package"),
    [
        ("postgresql://me@/diary?host=/tmp", 'pip install "tracker[postgres]" (psycopg)'),
        ("postgresql+psycopg://me@/diary", 'pip install "tracker[postgres]" (psycopg)'),
        ("postgresql+psycopg2://me@/diary", "pip install psycopg2-binary"),
    ],
)
def test_a_missing_driver_names_the_package_to_install(monkeypatch, url, package):
    """Without the driver (pip install tracker, no [postgres]): which package, in one line."""
    for module in ("psycopg", "psycopg2"):
        monkeypatch.setitem(sys.modules, module, None)  # `import psycopg` now fails
    line = _refused(url, "log", "5")
    assert line.startswith("Error: the database driver for postgresql (")
    assert line.endswith(f"is not installed; install it with: {package}")


def test_a_database_tracker_does_not_know_is_one_line():
    line = _refused("cassandra://me@host/diary", "list")
    assert line == (
        "Error: 'cassandra' in cassandra://me@host/diary is not a database tracker knows; use"
        " postgresql://user@host/database or sqlite:///path/diary.sqlite3"
    )


# ---------------------------------------------------------------- a server asking for a password


def _bindir() -> Path | None:
    found = sorted(Path("/usr/lib/postgresql").glob("*/bin/initdb"))
    if found:
        return found[-1].parent
    on_path = shutil.which("initdb")
    return Path(on_path).parent if on_path else None


@pytest.fixture(scope="module")
def password_server() -> Iterator[str]:
    """A private server of this module's own that asks for a password (scram-sha-256), on a
    Unix socket only; its URL, with the right password. (The suite's server trusts local
    users, so a wrong password cannot be refused there.)"""
    bindir = _bindir()
    if bindir is None:
        if os.environ.get("CI") == "true":
            pytest.fail("CI has PostgreSQL installed (.ci/postgres.sh), but no initdb was found")
        pytest.skip("no PostgreSQL server programs (initdb) here")
    folder = Path(tempfile.mkdtemp(prefix="tracker-pw-pg-"))
    (folder / "pw").write_text(PASSWORD)
    as_server: list[str] = []
    if os.geteuid() == 0:  # initdb refuses to run as root: the server runs as postgres
        for path in (folder, folder / "pw"):
            shutil.chown(path, "postgres")
        as_server = ["runuser", "-u", "postgres", "--"]
    data = folder / "data"
    subprocess.run(
        [*as_server, str(bindir / "initdb"), "-D", str(data), "-U", "tracker", "--no-sync",
         "--auth=scram-sha-256", f"--pwfile={folder / 'pw'}"],
        check=True, capture_output=True,
    )  # fmt: skip
    options = f"-k {folder} -p 55433 -c listen_addresses='' -c fsync=off"
    subprocess.run(
        [*as_server, str(bindir / "pg_ctl"), "-D", str(data), "-w", "-l", str(folder / "log"),
         "-o", options, "start"],
        check=True, capture_output=True,
    )  # fmt: skip
    try:
        yield f"postgresql+psycopg://tracker:{PASSWORD}@/postgres?host={folder}&port=55433"
    finally:
        subprocess.run(
            [*as_server, str(bindir / "pg_ctl"), "-D", str(data), "-m", "immediate", "stop"],
            capture_output=True,
        )  # fmt: skip
        shutil.rmtree(folder, ignore_errors=True)


def test_a_wrong_password_is_one_line_and_never_printed(password_server):
    right = password_server
    assert _tracker(right, "log", "5")[0] == 0  # the right password: a diary on that server
    wrong = _with_password(right, password="not-" + PASSWORD)
    for args in (["log", "6"], ["list"], ["undo"]):
        line = _refused(wrong, *args)
        assert line.endswith(
            'the server refused the password for the user "tracker"; check the user name and'
            " password"
        )
        assert "not-" + PASSWORD not in line
    code, listed = _tracker(right, "list", "--json")
    assert code == 0 and [e["pain"] for e in json.loads(listed)] == [5]  # nothing written
