"""Helpers shared by test modules (imported as `support`: pytest puts tests/ on the path)."""

from __future__ import annotations

import datetime as dt
import math
import os
import subprocess
import sys
from pathlib import Path

NONET = Path(__file__).parent / "nonet"

# The moment every test runs at (conftest.py sets TRACKER_NOW to it, for subprocesses too):
# no test depends on the real date.
NOW = dt.datetime(2026, 11, 24, 21, 14, 5)
TODAY = NOW.date()

# The top-level fields of docs/method.md#output-top (always present) and of a Mann-Kendall result.
TOP_KEYS = {
    "verdict", "reason", "anchor", "surgery_date", "as_of", "as_of_day", "span_days",
    "n_logged_days", "bin_days", "weekly_valid_fraction", "n_valid_bins", "bins", "monthly",
}  # fmt: skip
MK_KEYS = {"n", "S", "var_s", "z", "p", "tau_a", "hr_factor_raw", "hr_factor_used", "z_hr", "p_hr"}


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


# ---------------------------------------------------------------- the two backends

# docs/data.md#storage: the same code runs on PostgreSQL. With TRACKER_TEST_POSTGRES_URL
# naming a server (an administrator's URL: .ci/run starts a private one), every test that
# opens a diary through the `diary` fixture runs twice, `[sqlite]` and `[postgres]`.
POSTGRES_SERVER = os.environ.get("TRACKER_TEST_POSTGRES_URL") or None
BACKENDS = ("sqlite", "postgres") if POSTGRES_SERVER else ("sqlite",)


class Diary:
    """The diary a test works on: a SQLite file, or a schema of its own on the server.

    `target` is what `--db` is given (the file's path, or the server URL whose search_path
    is the test's schema); `exists`, `digest` and `execute` look at the diary the same way
    on both, so a test says "nothing was written" once for both backends.
    """

    def __init__(self, backend: str, path: Path, url: str | None = None) -> None:
        self.backend = backend
        self.path = path
        self.url = url or f"sqlite:///{path}"
        self.target = url or str(path)
        self._engine: object | None = None

    @property
    def is_postgres(self) -> bool:
        return self.backend == "postgres"

    def __str__(self) -> str:
        return self.target

    @property
    def shown(self) -> str:
        """How tracker names this diary in its messages (a server's password hidden)."""
        return self.database().describe()

    def database(self):  # type: ignore[no-untyped-def]
        from tracker.db import Database

        return Database(self.url)

    def engine(self):  # type: ignore[no-untyped-def]
        """A plain engine on the diary (no tracker code in between), for looking and poking."""
        from sqlalchemy import create_engine

        if self._engine is None:
            self._engine = create_engine(self.url)
        return self._engine

    def tables(self) -> set[str]:
        from sqlalchemy import inspect

        if not self.is_postgres and not self.path.exists():
            return set()
        with self.engine().connect() as conn:
            return set(inspect(conn).get_table_names())

    def exists(self) -> bool:
        """Whether a diary was made: the file, or the schema's tables on the server."""
        if not self.is_postgres:
            return self.path.exists()
        return "alembic_version" in self.tables()

    def digest(self) -> str:
        """What the diary holds: the file's bytes, or every row of every table on the server."""
        import hashlib

        if not self.is_postgres:
            if not self.path.exists():
                return "absent"
            return hashlib.sha256(self.path.read_bytes()).hexdigest()
        from sqlalchemy import text

        hashed = hashlib.sha256()
        with self.engine().connect() as conn:
            # The schema's tables from the catalogue in one query (the fuzzer digests the
            # diary before every case: SQLAlchemy's inspector took several round trips).
            tables = conn.execute(
                text(
                    "SELECT table_name FROM information_schema.tables"
                    " WHERE table_schema = current_schema() ORDER BY table_name"
                )
            ).scalars()
            for table in list(tables):
                rows = conn.execute(text(f'SELECT * FROM "{table}" ORDER BY 1')).all()
                hashed.update(repr((table, sorted(map(repr, rows)))).encode())
        return hashed.hexdigest()

    def execute(self, sql: str, **params: object) -> list[tuple]:
        """Run SQL on the diary directly (a test's stand-in for another program), committed."""
        import datetime as dt

        from sqlalchemy import DateTime, bindparam, text

        statement = text(sql).bindparams(
            *(bindparam(k, type_=DateTime) for k, v in params.items() if isinstance(v, dt.datetime))
        )  # a moment stored as each backend stores one (SQLite: text; PostgreSQL: timestamp)
        with self.engine().begin() as conn:
            result = conn.execute(statement, params)
            return [tuple(row) for row in result] if result.returns_rows else []

    def dispose(self) -> None:
        if self._engine is not None:
            self._engine.dispose()  # type: ignore[attr-defined]
            self._engine = None


class PostgresServer:
    """The test server: one database per test session (each pytest-xdist worker its own),
    one fresh schema per test in it, all dropped when the session ends."""

    def __init__(self, admin_url: str) -> None:
        import uuid

        from sqlalchemy import create_engine
        from sqlalchemy.engine import make_url

        self.admin_url = make_url(admin_url)
        self.name = f"tracker_test_{os.getpid()}_{uuid.uuid4().hex[:8]}"
        self._admin = create_engine(self.admin_url, isolation_level="AUTOCOMMIT")
        self._created = False
        self._engine = None
        self.url = self.admin_url.set(database=self.name)

    def _start(self) -> None:
        from sqlalchemy import create_engine, text

        with self._admin.connect() as conn:
            conn.execute(text(f'CREATE DATABASE "{self.name}"'))
        self._created = True
        self._engine = create_engine(self.url, isolation_level="AUTOCOMMIT")

    def schema_url(self, schema: str | None = None) -> str:
        """The URL of a new, empty schema of its own (tracker makes its tables on first use)."""
        import uuid

        from sqlalchemy import text

        if not self._created:
            self._start()
        schema = schema or f"d_{uuid.uuid4().hex[:12]}"
        with self._engine.connect() as conn:  # type: ignore[union-attr]
            conn.execute(text(f'CREATE SCHEMA "{schema}"'))
        url = self.url.update_query_dict({"options": f"-csearch_path={schema}"})
        return url.render_as_string(hide_password=False)

    def database_url(self, name: str) -> str:
        return self.admin_url.set(database=name).render_as_string(hide_password=False)

    def close(self) -> None:
        from sqlalchemy import text

        if self._engine is not None:
            self._engine.dispose()
        if self._created:
            with self._admin.connect() as conn:
                conn.execute(text(f'DROP DATABASE IF EXISTS "{self.name}" WITH (FORCE)'))
        self._admin.dispose()


def text_sizes(page: object) -> list[float]:
    """The printed size in points of every non-blank piece of text on one pypdf page (its
    font size scaled by the text and current transformation matrices)."""
    sizes: list[float] = []

    def visit(text, cm, tm, font, size):  # type: ignore[no-untyped-def]
        if text.strip():
            sizes.append(size * math.hypot(tm[0], tm[1]) * math.hypot(cm[0], cm[1]))

    page.extract_text(visitor_text=visit)  # type: ignore[attr-defined]
    return sizes
