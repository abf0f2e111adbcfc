"""Shared fixtures: a temporary diary, the real command group, and no network anywhere."""

from __future__ import annotations

import socket
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from click.testing import CliRunner, Result
from support import NOW

from tracker import clock
from tracker.cli import cli


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


@pytest.fixture
def db_path(tmp_path: Path) -> Path:
    return tmp_path / "diary.sqlite3"


@pytest.fixture
def run(db_path: Path) -> Callable[..., Result]:
    """Invoke the real command group on the temporary diary: run("log", "5", ...)."""
    runner = CliRunner()

    def invoke(*args: str, input: str | None = None, db: Path | None = None) -> Result:
        return runner.invoke(cli, ["--db", str(db or db_path), *args], input=input)

    return invoke


@pytest.fixture
def stored(db_path: Path) -> Iterator[Callable[[], list[dict]]]:
    """Read back what the diary holds, independently of the CLI's printing."""
    from tracker import repository
    from tracker.db import Database

    databases: list[Database] = []

    def read() -> list[dict]:
        if not db_path.exists():
            return []  # no diary (a failed first command creates none): it holds nothing
        database = Database(f"sqlite:///{db_path}")
        databases.append(database)
        with database.session(write=False) as session:
            return [e.as_dict() for e in repository.list_entries(session)]

    yield read
    for database in databases:
        database.dispose()
