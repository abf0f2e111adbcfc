"""Issue 12, nothing lost by mistake: ids never reused, undo, deletions kept, restore."""

from __future__ import annotations

import datetime as dt
import shutil
import sqlite3
from pathlib import Path

import pytest
from support import NOW, TODAY

from tracker import journal, models
from tracker.db import SCHEMA_HEAD

FIXTURE = Path(__file__).parent / "fixtures" / "diary-schema-0001.sqlite3"


def test_a_deleted_entrys_id_is_never_given_to_another(run):
    run("log", "3")
    run("log", "5")
    assert run("delete", "2", "--yes").exit_code == 0
    saved = run("log", "7")
    assert saved.output.startswith("Saved entry 3 ")
    shown = run("show", "2")
    assert shown.exit_code == 1
    assert shown.output.startswith("Error: entry 2 was deleted on ")
    assert "'tracker undo' takes back the latest changes" in shown.output


def test_every_table_has_never_reused_ids():
    for table in models.metadata.tables.values():
        assert table.kwargs.get("sqlite_autoincrement") is True, table.name


def test_every_table_with_entries_rows_joins_the_journal():
    assert {"entries", "events"} <= set(journal.TRACKED)


def test_undo_takes_back_a_log_an_edit_and_a_delete_one_at_a_time(run, stored):
    run("log", "6", "--where", "lower-back=6", "--quality", "burning")
    run("edit", "1", "--pain", "4", "--quality", "none")
    run("delete", "1", "--yes")
    assert stored() == []

    first = run("undo")
    assert first.exit_code == 0, first.output
    assert first.output.startswith(f"Undone: deleted entry 1 ({TODAY}, pain 4/10) (made ")
    assert f"Another 'tracker undo' would take back: edited entry 1 ({TODAY}" in (first.output)
    [entry] = stored()
    assert entry["pain"] == 4 and entry["quality"] == []

    edited = run("undo").output
    assert edited.startswith("Undone: edited entry 1")
    assert edited.splitlines()[1] == "The diary is back as it was before that change."
    [entry] = stored()
    assert entry["pain"] == 6 and entry["quality"] == ["burning"]
    assert entry["where"] == [{"region": "lower-back", "intensity": 6}]

    last = run("undo")
    assert last.output.startswith("Undone: logged entry 1")
    assert "Another 'tracker undo'" not in last.output
    assert stored() == []
    assert run("undo").output.startswith("Nothing to undo")


def test_undo_takes_back_a_whole_import(run, stored, tmp_path):
    run("log", "2")
    source = tmp_path / "old.csv"
    source.write_text("date,pain\n2026-01-02,5\n2026-01-03,6\n", encoding="utf-8")
    assert run("import", str(source)).exit_code == 0
    assert len(stored()) == 3
    undone = run("undo")
    assert undone.output.startswith("Undone: imported 2 entries and 0 events from old.csv")
    assert [e["pain"] for e in stored()] == [2]
    assert run("import", str(source)).output.startswith("Imported 2 entries")  # not "known"


def test_undo_takes_back_events_and_surgeries(run):
    run("surgery", "add", "2025-09-10", "--procedure", "fusion", "--levels", "L4-5")
    run("event", "add", "2026-01-05", "injection", "ESI")
    run("event", "delete", "2", "--yes")
    assert "ESI" not in run("event", "list").output
    assert run("undo").output.startswith("Undone: deleted event 2 (2026-01-05 injection - ESI)")
    assert "ESI" in run("event", "list").output
    run("undo")
    assert run("undo").output.startswith("Undone: added surgery 1 (2025-09-10 surgery - fusion)")
    assert run("surgery", "list").output.startswith("No surgeries recorded")


def test_deletions_are_kept_30_days_then_forgotten(run, diary, stored):
    run("log", "3")
    run("log", "4")
    run("delete", "1", "--yes")
    # the deletion, and the history, were made 31 days ago
    old = NOW - dt.timedelta(days=31)
    diary.execute("UPDATE entries SET deleted_at = :old WHERE id = 1", old=old)
    diary.execute("UPDATE changes SET made_at = :old", old=old)
    run("log", "5")  # any change forgets what is older than 30 days
    assert diary.execute("SELECT id FROM entries ORDER BY id") == [(2,), (3,)]
    assert diary.execute("SELECT count(*) FROM entry_sites WHERE entry_id = 1") == [(0,)]
    assert diary.execute("SELECT count(*) FROM changes") == [(1,)]
    assert run("undo").output.startswith("Undone: logged entry 3")
    assert run("undo").output.startswith("Nothing to undo")
    assert [e["pain"] for e in stored()] == [4]


@pytest.mark.sqlite_only("db restore copies SQLite files")
def test_db_restore_puts_a_backup_back_and_keeps_the_diary_as_it_was(run, db_path, tmp_path):
    run("log", "3")
    backup = tmp_path / "copy.sqlite3"
    assert run("db", "backup", "--out", str(backup)).exit_code == 0
    run("log", "8")
    restored = run("db", "restore", str(backup))
    assert restored.exit_code == 0, restored.output
    lines = restored.output.splitlines()
    assert lines[0] == f"Restored {backup}: your diary now holds 1 entry."
    assert lines[1].startswith(f"Your diary as it was is kept at {db_path}.backup-")
    kept = Path(lines[1].rsplit(" ", 1)[1])
    assert "8" in run("list", db=kept).output
    listing = run("list").output
    assert "    3" in listing and "    8" not in listing


@pytest.mark.sqlite_only("db restore copies SQLite files")
def test_db_restore_refuses_what_is_not_a_diary(run, db_path, tmp_path):
    run("log", "3")
    before = db_path.read_bytes()
    junk = tmp_path / "notes.txt"
    junk.write_text("hello", encoding="utf-8")
    refused = run("db", "restore", str(junk))
    assert refused.exit_code == 1
    assert refused.output == f"Error: {junk} is not a tracker diary (not an SQLite database file)\n"
    missing = run("db", "restore", str(tmp_path / "nope.sqlite3"))
    assert missing.exit_code == 1 and "does not exist" in missing.output
    assert db_path.read_bytes() == before
    assert not list(db_path.parent.glob("*.backup-*"))


@pytest.mark.sqlite_only("an old diary file (schema 0001)")
def test_an_old_diary_upgrades_keeping_every_entry_and_then_never_reuses_ids(run, db_path):
    shutil.copy(FIXTURE, db_path)
    conn = sqlite3.connect(db_path)
    count, top = conn.execute("SELECT count(*), max(id) FROM entries").fetchone()
    sites = conn.execute("SELECT count(*) FROM entry_sites").fetchone()[0]
    conn.close()
    listing = run("list", "--json")
    assert listing.exit_code == 0, listing.output
    assert run("db", "current").output.strip() == SCHEMA_HEAD
    conn = sqlite3.connect(db_path)
    assert conn.execute("SELECT count(*) FROM entries").fetchone()[0] == count
    assert conn.execute("SELECT count(*) FROM entry_sites").fetchone()[0] == sites
    conn.close()
    assert run("delete", str(top), "--yes").exit_code == 0
    assert run("log", "4").output.startswith(f"Saved entry {top + 1} ")
