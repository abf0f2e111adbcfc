"""Shared fixtures: a temporary diary, the real command group, and no network anywhere.

Every test that uses the diary (the `diary`, `run` or `stored` fixtures) runs on SQLite and,
when TRACKER_TEST_POSTGRES_URL names a server, a second time on PostgreSQL in a schema of
its own (`[postgres]` in its id). A test that is about the SQLite file itself (permissions,
WAL, backups of the file, hard links) says so: @pytest.mark.sqlite_only("why"). A test that
asks for `db_path` (the file) by name is taken to be about the file, and runs on SQLite
alone too; to look at or change the diary on both backends, use `diary` (tests/support.py:
diary.execute, diary.digest, diary.exists, diary.database()).
"""

from __future__ import annotations

import inspect
import os
import socket
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from click.testing import CliRunner, Result
from support import BACKENDS, NOW, POSTGRES_SERVER, Diary, PostgresServer

from tracker import clock
from tracker.cli import cli


def pytest_configure(config: pytest.Config) -> None:
    config.addinivalue_line(
        "markers",
        "sqlite_only(why): the test is about the SQLite file, so it never runs on PostgreSQL",
    )
    if os.environ.get("CI") == "true" and not POSTGRES_SERVER:
        raise pytest.UsageError(
            "CI runs every diary test on PostgreSQL too, and TRACKER_TEST_POSTGRES_URL is not"
            " set (.ci/run starts a private server and sets it)"
        )


def pytest_generate_tests(metafunc: pytest.Metafunc) -> None:
    """The backend parameter of every test that opens a diary (through `diary`)."""
    if "backend" in metafunc.fixturenames:
        metafunc.parametrize("backend", BACKENDS, indirect=True)


def pytest_collection_modifyitems(config: pytest.Config, items: list[pytest.Item]) -> None:
    """A test (or one of its parameters: pytest.param(..., marks=...)) marked sqlite_only
    runs on SQLite alone; its reason is required."""
    dropped = []
    for item in items:
        only = item.get_closest_marker("sqlite_only")
        if only is None and "db_path" in _own_arguments(item):
            only = pytest.mark.sqlite_only("it opens the SQLite file, db_path, itself").mark
        if only is None:
            continue
        if not (only.args and isinstance(only.args[0], str) and only.args[0].strip()):
            raise pytest.UsageError(f"{item.nodeid}: sqlite_only needs its reason")
        callspec = getattr(item, "callspec", None)
        if callspec is not None and callspec.params.get("backend") == "postgres":
            dropped.append(item)
    if dropped:
        config.hook.pytest_deselected(items=dropped)
        items[:] = [item for item in items if item not in dropped]


def _own_arguments(item: pytest.Item) -> set[str]:
    function = getattr(item, "obj", None)
    try:
        return set(inspect.signature(function).parameters) if function else set()
    except (TypeError, ValueError):
        return set()


@pytest.fixture
def backend(request: pytest.FixtureRequest) -> str:
    return request.param


@pytest.fixture(scope="session")
def postgres_server() -> Iterator[PostgresServer]:
    """A database of this test session's own on the test server (dropped at the end)."""
    if not POSTGRES_SERVER:
        pytest.skip("TRACKER_TEST_POSTGRES_URL is not set")
    server = PostgresServer(POSTGRES_SERVER)
    yield server
    server.close()


@pytest.fixture(autouse=True)
def no_network(monkeypatch: pytest.MonkeyPatch) -> None:
    """Every test runs with network connections refused (privacy promise)."""

    def refuse(self: socket.socket, address: object, *args: object) -> None:
        if self.family in (socket.AF_INET, socket.AF_INET6):
            raise OSError(f"network access blocked by the tracker test suite: {address!r}")
        return real_connect(self, address, *args)

    real_connect = socket.socket.connect
    monkeypatch.setattr(socket.socket, "connect", refuse)
    monkeypatch.setattr(socket.socket, "connect_ex", refuse)


@pytest.fixture(autouse=True, scope="session")
def fixed_clock() -> Iterator[None]:
    """Every test, and every tracker it starts, sees the clock stopped at support.NOW."""
    with pytest.MonkeyPatch.context() as patch:
        patch.setenv(clock.VARIABLE, NOW.isoformat())
        yield


@pytest.fixture(autouse=True)
def isolated_home(
    tmp_path_factory: pytest.TempPathFactory, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Tests never touch the real user data folder, nor the patient's environment settings."""
    home = tmp_path_factory.mktemp("home")
    monkeypatch.setenv("HOME", str(home))
    monkeypatch.setenv("XDG_DATA_HOME", str(home / ".local" / "share"))
    monkeypatch.setenv("XDG_CONFIG_HOME", str(home / ".config"))  # reminders are written here
    monkeypatch.delenv("TRACKER_DB", raising=False)
    monkeypatch.delenv("TRACKER_DATABASE_URL", raising=False)
    monkeypatch.delenv("TRACKER_DEBUG", raising=False)


@pytest.fixture(scope="session")
def demo_folder(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, str]:
    """`tracker demo` once for the whole run: its folder (the diary, its report, its charts)
    and what it printed. Read it; a test that changes the diary copies it first. Under
    pytest-xdist the workers share one build (the first builds it, under a lock)."""
    import fcntl

    shared = tmp_path_factory.getbasetemp()
    if os.environ.get("PYTEST_XDIST_WORKER"):
        shared = shared.parent  # the folder every worker's own temporary folder is in
    folder = shared / "shared-demo" / "tracker-demo"
    folder.parent.mkdir(exist_ok=True)
    with open(shared / "shared-demo.lock", "w") as lock:
        fcntl.flock(lock, fcntl.LOCK_EX)
        printed = folder.parent / "printed.txt"
        if not printed.exists():
            result = CliRunner().invoke(
                cli, ["--db", str(folder.parent / "unused.sqlite3"), "demo", "--out", str(folder)]
            )
            assert result.exit_code == 0, result.output
            printed.write_text(result.output, encoding="utf-8")
    return folder, printed.read_text(encoding="utf-8")


@pytest.fixture
def db_path(tmp_path: Path) -> Path:
    return tmp_path / "diary.sqlite3"


@pytest.fixture
def diary(backend: str, db_path: Path, request: pytest.FixtureRequest) -> Iterator[Diary]:
    """The test's diary: the file db_path, or (postgres) a fresh schema on the test server."""
    if backend == "postgres":
        server: PostgresServer = request.getfixturevalue("postgres_server")
        made = Diary(backend, db_path, server.schema_url())
    else:
        made = Diary(backend, db_path)
    yield made
    made.dispose()


@pytest.fixture
def run(diary: Diary) -> Callable[..., Result]:
    """Invoke the real command group on the test's diary: run("log", "5", ...)."""
    runner = CliRunner()

    def invoke(*args: str, input: str | None = None, db: Path | str | None = None) -> Result:
        return runner.invoke(cli, ["--db", str(db or diary.target), *args], input=input)

    return invoke


@pytest.fixture
def stored(diary: Diary) -> Iterator[Callable[[], list[dict]]]:
    """Read back what the diary holds, independently of the CLI's printing."""
    from tracker import repository
    from tracker.db import Database

    databases: list[Database] = []

    def read() -> list[dict]:
        if not diary.exists():
            return []  # no diary (a failed first command creates none): it holds nothing
        database = diary.database()
        databases.append(database)
        with database.session(write=False) as session:
            return [e.as_dict() for e in repository.list_entries(session)]

    yield read
    for database in databases:
        database.dispose()
