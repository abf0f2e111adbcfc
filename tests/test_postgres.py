"""The same commands on PostgreSQL (DESIGN: nothing outside db.py may depend on SQLite).

Runs when TRACKER_TEST_POSTGRES_URL names a server (.ci/run starts a private one on a
Unix socket when PostgreSQL is installed); each test gets a database of its own.
"""

from __future__ import annotations

import json
import os
import uuid

import pytest
from click.testing import CliRunner
from sqlalchemy import create_engine, text
from sqlalchemy.engine import make_url

from tracker.cli import cli
from tracker.db import SCHEMA_HEAD

SERVER = os.environ.get("TRACKER_TEST_POSTGRES_URL")
pytestmark = pytest.mark.skipif(not SERVER, reason="TRACKER_TEST_POSTGRES_URL is not set")


@pytest.fixture
def pg_url():
    name = f"tracker_test_{uuid.uuid4().hex[:12]}"
    admin = create_engine(SERVER, isolation_level="AUTOCOMMIT")
    with admin.connect() as conn:
        conn.execute(text(f'CREATE DATABASE "{name}"'))
    yield make_url(SERVER).set(database=name).render_as_string(hide_password=False)
    with admin.connect() as conn:
        conn.execute(text(f'DROP DATABASE "{name}" WITH (FORCE)'))
    admin.dispose()


def test_the_diary_works_on_postgresql(pg_url, tmp_path):
    def run(*args: str):
        result = CliRunner().invoke(cli, ["--db", pg_url, *args])
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
