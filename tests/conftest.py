"""Shared fixtures: a temporary diary, the real command group, and no network anywhere."""

from __future__ import annotations

import os
import socket
import subprocess
import sys
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from click.testing import CliRunner, Result

from tracker.cli import cli

NONET = Path(__file__).parent / "nonet"


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


@pytest.fixture(autouse=True)
def isolated_home(
    tmp_path_factory: pytest.TempPathFactory, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Tests never touch the real user data folder, nor the patient's environment settings."""
    home = tmp_path_factory.mktemp("home")
    monkeypatch.setenv("HOME", str(home))
    monkeypatch.setenv("XDG_DATA_HOME", str(home / ".local" / "share"))
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


def subprocess_env(**extra: str) -> dict[str, str]:
    """Environment for a `python -m tracker` subprocess: this checkout first, network blocked."""
    env = dict(os.environ)
    root = str(Path(__file__).resolve().parent.parent)
    env["PYTHONPATH"] = os.pathsep.join(p for p in (str(NONET), root, env.get("PYTHONPATH")) if p)
    env.pop("TRACKER_DB", None)
    env.pop("TRACKER_DATABASE_URL", None)
    env.update(extra)
    return env


def run_tracker(*args: str, **kwargs: object) -> subprocess.CompletedProcess[str]:
    """Run tracker in a fresh Python process (for start-up cost, concurrency and crashes)."""
    return subprocess.run(
        [sys.executable, "-m", "tracker", *args],
        capture_output=True,
        text=True,
        env=subprocess_env(),
        timeout=120,
        **kwargs,  # type: ignore[arg-type]
    )


@pytest.fixture
def stored(db_path: Path) -> Iterator[Callable[[], list[dict]]]:
    """Read back what the diary holds, independently of the CLI's printing."""
    from tracker import repository
    from tracker.db import Database

    databases: list[Database] = []

    def read() -> list[dict]:
        database = Database(f"sqlite:///{db_path}")
        databases.append(database)
        with database.session(write=False) as session:
            return [e.as_dict() for e in repository.list_entries(session)]

    yield read
    for database in databases:
        database.dispose()
