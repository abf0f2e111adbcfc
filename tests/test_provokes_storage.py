"""Storage of issue 9 and 14: the migration from schema 0002, weekly checks and the pain
before surgery through the repository, on a real (temporary) diary."""

from __future__ import annotations

import datetime as dt
import shutil
import sqlite3
from pathlib import Path

import pytest

from tracker import repository as repo
from tracker.before_surgery import new_pain_before
from tracker.db import SCHEMA_HEAD, Database
from tracker.domain import Event, Site
from tracker.errors import TrackerError
from tracker.weekly import ClinicScore, Goal, new_check

FIXTURES = Path(__file__).parent / "fixtures"
OLD_TABLES = ("entries", "entry_sites", "entry_terms", "events")


def _rows(path: Path) -> dict[str, list[tuple]]:
    """Every row of every table schema 0002 had, in the columns it had."""
    conn = sqlite3.connect(path)
    conn.row_factory = sqlite3.Row
    old = sqlite3.connect(FIXTURES / "diary-schema-0002.sqlite3")
    found = {}
    for table in OLD_TABLES:
        columns = [row[1] for row in old.execute(f"PRAGMA table_info({table})")]
        query = f"SELECT {', '.join(columns)} FROM {table} ORDER BY 1"
        found[table] = [tuple(row) for row in conn.execute(query)]
    old.close()
    conn.close()
    return found


def test_a_schema_0002_diary_upgrades_with_every_row_intact(run, tmp_path):
    old = tmp_path / "old.sqlite3"
    shutil.copy(FIXTURES / "diary-schema-0002.sqlite3", old)
    before = _rows(old)
    assert len(before["entries"]) > 150 and len(before["events"]) == 3
    assert any(row[-1] for row in before["entries"])  # some rows carry import keys
    listed = run("list", "--json", db=old)
    assert listed.exit_code == 0, listed.output
    assert "Your diary was upgraded to the current format" in listed.output
    assert len(list(tmp_path.glob(f"old.sqlite3.backup-*-before-{SCHEMA_HEAD}"))) == 1
    assert _rows(old) == before
    conn = sqlite3.connect(old)
    assert conn.execute("SELECT version_num FROM alembic_version").fetchone() == (SCHEMA_HEAD,)
    assert conn.execute("SELECT count(*) FROM entries WHERE woke IS NOT NULL").fetchone() == (0,)
    for table in ("weekly_checks", "weekly_goals", "surgery_before", "surgery_before_sites"):
        assert conn.execute(f"SELECT count(*) FROM {table}").fetchone() == (0,)
    conn.close()
    assert "L5-S1 microdiscectomy (L5-S1)" in run("surgery", "list", db=old).output
    assert run("log", "4", db=old).exit_code == 0


@pytest.fixture
def database(db_path):
    database = Database(f"sqlite:///{db_path}")
    yield database
    database.dispose()


def _at(day: dt.date) -> dt.datetime:
    return dt.datetime.combine(day, dt.time(19, 30))


def test_weekly_checks_round_trip_through_the_diary(database):
    first = new_check(
        dt.date(2026, 10, 5), _at(dt.date(2026, 10, 5)),
        interference=5, walk_minutes=30, heel_walk="yes", work="full",
        goals=(Goal("walk the dog", 6), Goal("Gärtnern", 4)),
        clinic_scores=(ClinicScore("odi", 34), ClinicScore("zcq", 2.5)),
    )  # fmt: skip
    second = new_check(dt.date(2026, 10, 14), _at(dt.date(2026, 10, 14)), same_as_before="same")
    with database.session() as session:
        saved_second = repo.add_check(session, second)
        saved_first = repo.add_check(session, first, import_key="k" * 64)
    with database.session(write=False) as session:
        assert repo.list_checks(session) == [saved_first, saved_second]
        assert repo.list_checks(session, since=dt.date(2026, 10, 6)) == [saved_second]
        assert repo.check_in_week(session, "2026-W41") == saved_first
        assert repo.check_in_week(session, "2026-W40") is None
    again = new_check(dt.date(2026, 10, 7), _at(dt.date(2026, 10, 7)), walk_minutes=20)
    with database.session() as session:
        replaced = repo.replace_check(session, saved_first.id, again)
    with database.session(write=False) as session:
        assert repo.list_checks(session) == [replaced, saved_second]
        assert replaced.goals == () and replaced.walk_minutes == 20


def test_one_check_per_iso_week_is_kept_by_the_database(database):
    with database.session() as session:
        repo.add_check(
            session, new_check(dt.date(2026, 10, 5), _at(dt.date(2026, 10, 5)), work="off")
        )
    with pytest.raises(TrackerError, match="UNIQUE constraint failed: weekly_checks.week"):
        with database.session() as session:
            repo.add_check(
                session, new_check(dt.date(2026, 10, 11), _at(dt.date(2026, 10, 11)), work="full")
            )


def test_the_pain_before_a_surgery_round_trips_and_goes_with_it(database):
    before = new_pain_before(
        7,
        (Site("left-calf", 8), Site("lower-back", 5)),
        ("left-calf",),
        ("left-big-toe",),
        "clinic",
    )
    with database.session() as session:
        surgery = repo.add_event(session, Event(dt.date(2026, 3, 2), "surgery", "L4-L5 fusion"))
        other = repo.add_event(session, Event(dt.date(2025, 3, 2), "surgery", "discectomy"))
        repo.set_pain_before(session, surgery.id, before)
        repo.set_pain_before(session, other.id, new_pain_before(6))
    with database.session(write=False) as session:
        assert repo.pains_before(session) == {surgery.id: before, other.id: new_pain_before(6)}
    with database.session() as session:
        repo.set_pain_before(session, other.id, None)
        repo.delete_event(session, surgery.id)
    with database.session(write=False) as session:
        assert repo.pains_before(session) == {}
