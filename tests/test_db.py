"""Storage: Alembic owns the schema, old diaries upgrade with a backup, files are owner-only."""

from __future__ import annotations

import datetime as dt
import sqlite3
import stat
from pathlib import Path

import pytest
from alembic.autogenerate import compare_metadata
from alembic.config import Config
from alembic.migration import MigrationContext
from alembic.script import ScriptDirectory
from sqlalchemy import inspect

from tracker import repository
from tracker.db import SCHEMA_HEAD, Database, migrations_dir
from tracker.domain import Event, Site, new_entry
from tracker.errors import TrackerError
from tracker.models import metadata


def _database(path: Path) -> Database:
    return Database(f"sqlite:///{path}")


def _entry(day: dt.date, pain: int):
    return new_entry(
        day, pain, dt.datetime(2026, 1, 1, 9, 0), where=(Site("lower-back", pain),),
        radiates=("left-calf",), qualities=("aching",), note="ünïcode ✓",
    )  # fmt: skip


def test_schema_head_constant_matches_alembic():
    config = Config()
    config.set_main_option("script_location", str(migrations_dir()))
    assert ScriptDirectory.from_config(config).get_current_head() == SCHEMA_HEAD


def _schema(conn) -> dict:  # type: ignore[no-untyped-def]
    """A database's schema in a form that does not depend on how it was built (column
    order aside): each table's columns, keys, indexes and uniques, and on SQLite whether
    its ids are never reused (AUTOINCREMENT)."""
    from sqlalchemy import text

    found = inspect(conn)
    schema = {}
    for table in sorted(found.get_table_names()):
        columns = sorted(
            (c["name"], str(c["type"]), c["nullable"], str(c.get("default")))
            for c in found.get_columns(table)
        )
        keys = sorted(
            (tuple(f["constrained_columns"]), f["referred_table"], tuple(f["referred_columns"]),
             str(f.get("options")))
            for f in found.get_foreign_keys(table)
        )  # fmt: skip
        indexes = sorted((i["name"], tuple(i["column_names"]), bool(i["unique"]))
                         for i in found.get_indexes(table))  # fmt: skip
        uniques = sorted(tuple(u["column_names"]) for u in found.get_unique_constraints(table))
        primary = tuple(found.get_pk_constraint(table)["constrained_columns"])
        schema[table] = (columns, keys, indexes, uniques, primary)
        if conn.dialect.name == "sqlite":
            sql = conn.execute(
                text("SELECT sql FROM sqlite_master WHERE type = 'table' AND name = :t"),
                {"t": table},
            ).scalar()
            schema[table] += ("AUTOINCREMENT" in sql,)
    return schema


def test_models_and_migrations_agree(diary):
    """The six migrations replayed give the models' schema, and a new diary, built at once
    from the models and stamped at head, the same schema as the migrations give."""
    built = diary.database()
    with built.engine().connect() as conn:  # a new diary: built from the models
        new = _schema(conn)
        assert _version_of(conn) == SCHEMA_HEAD
    built.downgrade("base")
    built._migrate(built.engine(), "upgrade", "head")  # every migration, in turn
    with built.engine().connect() as conn:
        assert compare_metadata(MigrationContext.configure(conn), metadata) == []
        assert _schema(conn) == new
        assert _version_of(conn) == SCHEMA_HEAD
    built.dispose()


def _version_of(conn) -> str:  # type: ignore[no-untyped-def]
    from sqlalchemy import text

    return conn.execute(text("SELECT version_num FROM alembic_version")).scalar()


def test_upgrade_downgrade_upgrade(diary):
    database = diary.database()
    database.engine()
    assert database.current_revision() == SCHEMA_HEAD
    database.downgrade("base")
    with database.engine().connect() as conn:
        assert set(inspect(conn).get_table_names()) == {"alembic_version"}
    database.dispose()
    reopened = diary.database()
    reopened.engine()
    assert reopened.current_revision() == SCHEMA_HEAD
    with reopened.session() as session:
        repository.add_entry(session, _entry(dt.date(2026, 1, 2), 4))
    reopened.dispose()


def _old_diary(path: Path) -> None:
    """A diary as the first schema (0001) wrote it, with entries and a surgery."""
    database = _database(path)
    database.engine()
    database.downgrade("0001")
    database.dispose()
    conn = sqlite3.connect(path)
    with conn:
        conn.execute(
            "INSERT INTO entries (id, day, pain, logged_at, note) VALUES "
            "(1, '2026-01-02', 6, '2026-01-02 20:00:00.000000', 'first'),"
            "(2, '2026-01-03', 4, '2026-01-04 08:00:00.000000', NULL)"
        )
        conn.execute(
            "INSERT INTO entry_sites (entry_id, kind, region, intensity, position) VALUES "
            "(1, 'pain', 'lower-back', 6, 0), (1, 'radiates', 'left-calf', NULL, 1)"
        )
        conn.execute(
            "INSERT INTO entry_terms (entry_id, kind, term, position) "
            "VALUES (1, 'quality', 'burning', 2)"
        )
        conn.execute(
            "INSERT INTO events (day, kind, title, levels, created_at) VALUES "
            "('2025-10-01', 'surgery', 'L4-L5 fusion', 'L4-L5', '2025-10-02 10:00:00.000000')"
        )
    conn.close()


@pytest.mark.sqlite_only("the upgrade keeps a copy of the SQLite file")
def test_old_diary_upgrades_on_open_with_backup_and_data_intact(run, db_path):
    _old_diary(db_path)
    result = run("list", "--json")
    assert result.exit_code == 0, result.output
    assert (
        "Your diary was upgraded to the current format; the old file was kept at" in result.output
    )
    backups = list(db_path.parent.glob(f"diary.sqlite3.backup-*-before-{SCHEMA_HEAD}"))
    assert len(backups) == 1
    assert stat.S_IMODE(backups[0].stat().st_mode) == 0o600
    old = sqlite3.connect(backups[0])
    assert old.execute("SELECT version_num FROM alembic_version").fetchone() == ("0001",)
    assert old.execute("SELECT count(*) FROM entries").fetchone() == (2,)
    old.close()
    entries = run("list", "--json").output
    assert '"region": "lower-back"' in entries and '"burning"' in entries and '"first"' in entries
    assert run("db", "current").output.strip() == SCHEMA_HEAD
    assert run("surgery", "list").output.strip().endswith("L4-L5 fusion (L4-L5)")
    assert len(list(db_path.parent.glob("diary.sqlite3.backup-*"))) == 1  # only once


def test_a_newer_schema_is_refused(run, diary):
    run("log", "5")
    diary.execute("UPDATE alembic_version SET version_num = '0099'")
    before = diary.digest()
    for args in (["list"], ["log", "6"], ["db", "upgrade"]):
        result = run(*args)
        assert result.exit_code == 1
        assert result.output == (
            f"Error: {diary.shown} was written by a newer version of tracker (schema 0099);"
            " install the newer tracker to open it\n"
        )
    assert diary.digest() == before


def test_database_of_another_program_is_refused(run, diary):
    diary.execute("CREATE TABLE albums (id INTEGER PRIMARY KEY, name TEXT)")
    before = diary.digest()
    result = run("log", "5")
    assert result.exit_code == 1
    assert result.output.strip() == (
        f"Error: {diary.shown} is a database of another program (tables: albums), not a tracker "
        "diary; choose another file"
    )
    assert diary.digest() == before


@pytest.mark.sqlite_only("the permissions of the SQLite file and its folder")
def test_files_and_folders_are_owner_only(run, tmp_path):
    db = tmp_path / "new" / "nested" / "diary.sqlite3"
    assert run("log", "5", db=db).exit_code == 0
    assert stat.S_IMODE(db.stat().st_mode) == 0o600
    assert stat.S_IMODE(db.parent.stat().st_mode) == 0o700
    backup = run("db", "backup", db=db)
    assert backup.exit_code == 0
    copy = Path(backup.output.strip().removeprefix("Backed up to "))
    assert stat.S_IMODE(copy.stat().st_mode) == 0o600
    assert sqlite3.connect(copy).execute("SELECT count(*) FROM entries").fetchone() == (1,)


@pytest.mark.sqlite_only("lists the SQLite file and the copies beside it")
def test_db_path_lists_every_file(run, db_path):
    run("log", "5")
    run("db", "backup", "--out", str(db_path.parent / "copy.sqlite3"))
    run("db", "backup")
    lines = run("db", "path").output.splitlines()
    assert lines[0] == str(db_path)
    assert lines[1] == "Files holding your diary (delete them all to erase it):"
    assert f"  {db_path}" in lines
    assert any(".backup-" in line for line in lines)


@pytest.mark.sqlite_only("db backup copies the SQLite file")
def test_backup_refuses_to_overwrite(run, db_path, tmp_path):
    run("log", "5")
    target = tmp_path / "copy.sqlite3"
    target.write_text("precious")
    result = run("db", "backup", "--out", str(target))
    assert result.exit_code == 1
    assert result.output.strip() == (
        f"Error: {target} already exists; give --force to replace it, or choose another name"
    )
    assert target.read_text() == "precious"


def test_default_location_and_environment(monkeypatch, tmp_path):
    from tracker.paths import database_url

    url = database_url(None)
    assert url.startswith("sqlite:///") and url.endswith("/tracker/diary.sqlite3")
    assert str(tmp_path.parent) not in url or True  # resolved from the isolated HOME
    monkeypatch.setenv("TRACKER_DB", str(tmp_path / "env.sqlite3"))
    assert database_url(None) == f"sqlite:///{tmp_path / 'env.sqlite3'}"
    monkeypatch.setenv("TRACKER_DATABASE_URL", "sqlite:////somewhere/else.sqlite3")
    assert database_url(None) == "sqlite:////somewhere/else.sqlite3"
    assert database_url(str(tmp_path / "flag.sqlite3")) == f"sqlite:///{tmp_path / 'flag.sqlite3'}"


def test_default_database_lives_in_the_user_data_folder(monkeypatch, tmp_path):
    from click.testing import CliRunner

    from tracker.cli import cli

    data_home = tmp_path / "xdg"
    monkeypatch.setenv("XDG_DATA_HOME", str(data_home))
    result = CliRunner().invoke(cli, ["log", "5"])
    assert result.exit_code == 0, result.output
    assert (data_home / "tracker" / "diary.sqlite3").exists()
    assert CliRunner().invoke(cli, ["db", "path"]).output.splitlines()[0] == str(
        data_home / "tracker" / "diary.sqlite3"
    )


def test_bad_database_url_is_one_line():
    from click.testing import CliRunner

    from tracker.cli import cli

    result = CliRunner().invoke(cli, ["--db", "nosuchdb://x/y", "list"])
    assert result.exit_code == 1
    assert len(result.output.strip().splitlines()) == 1
    assert result.output.startswith("Error: ")


def test_every_command_is_one_transaction(diary):
    database = diary.database()
    with pytest.raises(RuntimeError):
        with database.session() as session:
            repository.add_entry(session, _entry(dt.date(2026, 1, 5), 5))
            repository.add_event(session, Event(dt.date(2026, 1, 1), "surgery", "fusion"))
            raise RuntimeError("power cut half-way")
    with database.session(write=False) as session:
        assert repository.list_entries(session) == []
        assert repository.list_events(session) == []
    database.dispose()


def test_entries_read_back_equal_the_entries_stored_and_stay_frozen(diary):
    """repository._assemble fills a read-back Entry's fields without its __init__: each
    entry read back equals, hashes and prints as the one stored (every kind of field, and
    one with none), and cannot be changed."""
    import dataclasses

    from tracker import activities
    from tracker.domain import QUALITIES, RED_FLAGS

    full = new_entry(
        dt.date(2026, 1, 6), 7, dt.datetime(2026, 1, 6, 20, 0),
        where=(Site("lower-back", 7), Site("left-calf", None)), radiates=("left-thigh",),
        numb=("left-foot",), tingling=("left-toes",), weak=("left-foot",),
        qualities=tuple(QUALITIES)[:2], worse_with=tuple(activities.ACTIVITIES)[:2],
        better_with=tuple(activities.EASED_BY)[:1], woke=2, red_flags=tuple(RED_FLAGS)[:1],
        note="ünïcode ✓", time=dt.time(19, 30),
    )  # fmt: skip
    bare = new_entry(dt.date(2026, 1, 7), 0, dt.datetime(2026, 1, 7, 8, 0))
    database = diary.database()
    with database.session() as session:
        stored = [repository.add_entry(session, entry) for entry in (full, bare)]
    with database.session(write=False) as session:
        listed = repository.list_entries(session)
        one = repository.get_entry(session, stored[0].id or 0)
    database.dispose()
    assert listed == stored and one == stored[0]
    for got, want in zip(listed, stored, strict=True):
        assert hash(got) == hash(want) and repr(got) == repr(want)
        assert dataclasses.asdict(got) == dataclasses.asdict(want)
    with pytest.raises(dataclasses.FrozenInstanceError):
        listed[0].pain = 3  # type: ignore[misc]


def test_in_memory_database_is_refused():
    with pytest.raises(TrackerError, match="in-memory database would lose the diary"):
        Database("sqlite://")


@pytest.mark.sqlite_only("db backup copies the SQLite file")
def test_backups_in_the_same_second_never_collide(run, db_path):
    run("log", "5")
    first, second = run("db", "backup"), run("db", "backup")
    assert first.exit_code == 0 and second.exit_code == 0, second.output
    assert first.output != second.output
    assert len(list(db_path.parent.glob("diary.sqlite3.backup-*-manual*"))) == 2
