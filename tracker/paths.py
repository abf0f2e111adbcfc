"""Where the diary lives: --db, then TRACKER_DATABASE_URL, then TRACKER_DB, then the data folder."""

from __future__ import annotations

import os
from pathlib import Path

DB_FILENAME = "diary.sqlite3"


def default_db_path() -> Path:
    """The platform's per-user data folder (e.g. ~/.local/share/tracker on Linux)."""
    from platformdirs import user_data_path

    return user_data_path("tracker", appauthor=False) / DB_FILENAME


def database_url(db_option: str | None) -> str:
    """The SQLAlchemy URL of the diary this command works on."""
    if db_option:
        return db_option if "://" in db_option else _sqlite_url(Path(db_option))
    if os.environ.get("TRACKER_DATABASE_URL"):
        return os.environ["TRACKER_DATABASE_URL"]
    if os.environ.get("TRACKER_DB"):
        return _sqlite_url(Path(os.environ["TRACKER_DB"]))
    return _sqlite_url(default_db_path())


def _sqlite_url(path: Path) -> str:
    return f"sqlite:///{path.expanduser().absolute()}"
