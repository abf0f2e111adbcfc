"""Engine, one transaction per command, and the schema kept current by Alembic.

The only module that knows the database may be SQLite. Alembic is imported only when the
schema actually has to change, so everyday commands start fast.
"""

from __future__ import annotations

import gc
import os
import sqlite3
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from sqlalchemy import create_engine, event, inspect, text
from sqlalchemy.engine import URL, Connection, Engine, make_url
from sqlalchemy.exc import ArgumentError, DBAPIError, NoSuchModuleError
from sqlalchemy.orm import Session
from sqlalchemy.pool import ConnectionPoolEntry

from tracker import clock
from tracker.errors import TrackerError

# Every migration in alembic/versions, oldest first (a diary at any of them can be opened);
# the last is the current schema, and a test proves it is Alembic's head.
KNOWN_REVISIONS = ("0001", "0002", "0003", "0004", "0005", "0006")
SCHEMA_HEAD = KNOWN_REVISIONS[-1]
BUSY_TIMEOUT_MS = 15000
# The driver `pip install "tracker[postgres]"` installs; a plain postgresql:// URL uses it.
POSTGRES_DRIVER = "psycopg"
# Which package to install for a database driver that is missing (the driver's module name,
# as SQLAlchemy imports it, and what pip needs).
DRIVER_PACKAGES = {
    "psycopg": '"tracker[postgres]" (psycopg)',
    "psycopg2": "psycopg2-binary",
    "asyncpg": "asyncpg",
    "pg8000": "pg8000",
    "pymysql": "pymysql",
    "MySQLdb": "mysqlclient",
}
SQLITE_MAGIC = b"SQLite format 3\x00"


def sqlite_files(path: Path) -> tuple[Path, ...]:
    """A SQLite database file and the journal files SQLite may keep beside it."""
    return (path, Path(f"{path}-wal"), Path(f"{path}-shm"), Path(f"{path}-journal"))


def fresh_sqlite_database(path: Path, why: str) -> Database:
    """A new, empty diary at path, replacing an earlier one there (the demo's own diary)."""
    for old in sqlite_files(path):
        if old.is_dir():
            raise TrackerError(f"{old} is a folder; {why}")
        old.unlink(missing_ok=True)
    return Database(f"sqlite:///{path}")


def migrations_dir() -> Path:
    """Where the migration scripts are: inside the installed package, or alembic/ in a checkout."""
    here = Path(__file__).resolve().parent
    for candidate in (here / "migrations", here.parent / "alembic"):
        if (candidate / "env.py").is_file():
            return candidate
    raise TrackerError(
        "the database migrations are missing from this installation; reinstall tracker"
    )


class Database:
    """One diary database: a URL, its engine, and the guarantee that its schema is current."""

    def __init__(self, url: str) -> None:
        try:
            self.url = make_url(url)
        except ArgumentError:
            raise TrackerError(
                f"'{url}' is not a database URL; use e.g. sqlite:///path/diary.sqlite3"
            ) from None
        self.path: Path | None = None
        if self.url.get_backend_name() == "sqlite":
            database = self.url.database
            if not database or database == ":memory:":
                raise TrackerError("an in-memory database would lose the diary; give a file path")
            self.path = Path(database).expanduser().absolute()
            self.url = self.url.set(database=str(self.path))
        elif self.url.drivername == "postgresql":
            self.url = self.url.set(drivername=f"postgresql+{POSTGRES_DRIVER}")
        self._engine: Engine | None = None
        self.upgraded_from: tuple[str | None, Path | None] | None = None
        self.created = False  # this command made the diary (the command says so, once)
        self.read_only: str | None = None  # why the diary can be read but not changed

    @property
    def is_sqlite(self) -> bool:
        return self.path is not None

    def describe(self) -> str:
        return str(self.path) if self.path else self.url.render_as_string(hide_password=True)

    # ------------------------------------------------------------------ opening

    def exists(self) -> bool:
        """Whether the diary is there already: its file, or its tables on the server."""
        if self.path is not None:
            return self.path.exists()
        if self._engine is not None:
            return True
        engine = self._make_engine()
        try:
            revision, tables = self._read_state(engine)
        finally:
            engine.dispose()
        return revision is not None or bool(tables - {"alembic_version"})

    def engine(self, create: bool = True) -> Engine:
        """The engine, after checking the file and bringing the schema up to date.

        A missing diary file is created only when `create` (a command that writes); a read
        command on a diary that does not exist says so and creates nothing. A diary that
        cannot be written (read-only file or folder) is opened read-only: reading, reports,
        exports and backups work; a write says why it cannot.
        """
        if self._engine is None:
            current = False
            url = None
            if self.path is not None:
                if not self.path.exists() and not create and not self.path.is_symlink():
                    raise TrackerError(
                        f"there is no diary at {self.path} (nothing was created); check the"
                        " path (--db, TRACKER_DB), or start a diary with 'tracker log'"
                    )
                self.read_only = _check_sqlite_file(self.path)
                if not self.path.exists():
                    self.created = self._create_file(self.path)
                # Judge the file read-only first: a foreign or damaged file is never touched.
                revision, tables = _peek_sqlite(self.path)
                self._refuse_foreign(revision, tables)
                current = revision == SCHEMA_HEAD
                if self.read_only and not current:
                    raise TrackerError(
                        f"{self.path} is in an older format and {self.read_only}; make it"
                        " writable once so that tracker can bring it up to date"
                    )
                if self.read_only:
                    url = _read_only_url(self.path)
            self._engine = self._make_engine(url)
            try:
                if not current:
                    self._ensure_schema(self._engine, create)
            except BaseException:
                self._engine.dispose()
                self._engine = None
                raise
            if self.path is not None and not self.read_only:
                _owner_only(self.path)
        return self._engine

    def _create_file(self, path: Path) -> bool:
        """Build a new diary beside `path`, then link it into place in one step.

        Another tracker starting at the same moment must never find a half-made file (SQLite
        creates an empty one first, which we would refuse); linking never overwrites, so if
        two processes race, the first diary wins and the other copy is thrown away. Returns
        whether this process's diary is the one in place.
        """
        temp = path.with_name(f".{path.name}.new-{os.getpid()}")
        for leftover in sqlite_files(temp):
            leftover.unlink(missing_ok=True)
        engine = self._make_engine(self.url.set(database=str(temp)))
        try:
            self._migrate(engine, "upgrade", "head", build_new=True)
        finally:
            engine.dispose()
        try:
            os.link(temp, path)
            return True
        except FileExistsError:
            return False  # another process created the diary first; use theirs
        except OSError:  # a file system without hard links
            if path.exists():
                return False
            os.replace(temp, path)
            return True
        finally:
            temp.unlink(missing_ok=True)

    def _make_engine(self, url: URL | None = None) -> Engine:
        url = url or self.url
        if self.path is None:
            return self._server_engine(url)
        engine = create_engine(url, connect_args={"timeout": BUSY_TIMEOUT_MS / 1000})

        @event.listens_for(engine, "connect")
        def _on_connect(dbapi_connection: sqlite3.Connection, _record: ConnectionPoolEntry) -> None:
            dbapi_connection.isolation_level = None  # we issue BEGIN ourselves, below
            cursor = dbapi_connection.cursor()
            cursor.execute(f"PRAGMA busy_timeout = {BUSY_TIMEOUT_MS}")
            cursor.execute("PRAGMA foreign_keys = ON")
            if not self.read_only:  # a read-only diary is read as it is
                cursor.execute("PRAGMA journal_mode = WAL")
                cursor.execute("PRAGMA synchronous = NORMAL")
            cursor.close()

        @event.listens_for(engine, "begin")
        def _on_begin(connection: Connection) -> None:
            # Take the write lock at the start, so two processes never deadlock upgrading
            # a read lock; the second simply waits up to the busy timeout.
            mode = connection.get_execution_options().get("sqlite_begin", "IMMEDIATE")
            connection.exec_driver_sql(f"BEGIN {mode}")

        return engine

    def _server_engine(self, url: URL) -> Engine:
        """A database server's engine (PostgreSQL): its driver named if it is missing, and
        every write transaction serialised like SQLite's BEGIN IMMEDIATE (below)."""
        try:
            with _collector_paused():  # the dialect and its driver are imported here
                engine = create_engine(url, pool_pre_ping=True)
        except NoSuchModuleError:
            raise TrackerError(
                f"'{url.drivername}' in {self.describe()} is not a database tracker knows;"
                " use postgresql://user@host/database or sqlite:///path/diary.sqlite3"
            ) from None
        except ImportError as exc:
            module = (exc.name or "").split(".")[0] or url.get_driver_name()
            package = DRIVER_PACKAGES.get(module, module)
            raise TrackerError(
                f"the database driver for {url.get_backend_name()} ({module}) is not installed;"
                f" install it with: pip install {package}"
            ) from None
        if engine.dialect.name == "postgresql":

            @event.listens_for(engine, "begin")
            def _on_begin(connection: Connection) -> None:
                # SQLite lets one writer in at a time (BEGIN IMMEDIATE, waiting up to the
                # busy timeout); PostgreSQL would let two commands read the same state and
                # both act on it (two undos taking back one change, two imports of one
                # file). So a write takes this diary's lock first, keyed by its schema, and
                # waits for it as long as SQLite would; readers never wait.
                mode = connection.get_execution_options().get("sqlite_begin", "IMMEDIATE")
                if mode == "IMMEDIATE":
                    connection.exec_driver_sql(f"SET LOCAL lock_timeout = {BUSY_TIMEOUT_MS}")
                    connection.exec_driver_sql(
                        "SELECT pg_advisory_xact_lock(hashtext('tracker:' || current_schema()))"
                    )

        return engine

    def _ensure_schema(self, engine: Engine, create: bool = True) -> None:
        revision, tables = self._read_state(engine)
        if revision == SCHEMA_HEAD:
            return
        self._refuse_foreign(revision, tables)
        if revision is None and not create and self.path is None:
            # A server database without tracker's tables: a read creates nothing, as on SQLite.
            raise TrackerError(
                f"there is no diary at {self.describe()} (nothing was created); check the"
                " URL (--db, TRACKER_DATABASE_URL), or start a diary with 'tracker log'"
            )
        backup = None
        if revision is not None and self.path is not None:
            backup = self.backup(self._backup_name(f"before-{SCHEMA_HEAD}"))
        found = self._migrate(engine, "upgrade", "head", build_new=True)
        if found == SCHEMA_HEAD:
            return  # another tracker brought it up to date while this one waited
        self.upgraded_from = (found, backup)
        if found is None and self.path is None:
            self.created = True  # a server database: the diary's tables were made just now

    def _refuse_foreign(self, revision: str | None, tables: set[str]) -> None:
        """Refuse a database that is not a tracker diary, or one from a newer tracker."""
        if revision is None and tables - {"alembic_version"}:
            raise TrackerError(
                f"{self.describe()} is a database of another program (tables: "
                f"{', '.join(sorted(tables)[:5])}), not a tracker diary; choose another file"
            )
        if revision is not None and revision not in KNOWN_REVISIONS:
            raise TrackerError(
                f"{self.describe()} was written by a newer version of tracker (schema "
                f"{revision}); install the newer tracker to open it"
            )

    def _read_state(self, engine: Engine) -> tuple[str | None, set[str]]:
        try:
            with engine.connect().execution_options(sqlite_begin="DEFERRED") as conn:
                tables = set(inspect(conn).get_table_names())
                revision = None
                if "alembic_version" in tables:
                    revision = conn.execute(
                        text("SELECT version_num FROM alembic_version")
                    ).scalar()
                return revision, tables
        except DBAPIError as exc:
            if self.path is None:
                raise TrackerError(
                    f"cannot open the diary at {self.describe()}: {self._reason(exc)}"
                ) from None
            raise TrackerError(
                f"{self.describe()} cannot be read as a tracker diary: {_reason(exc)}"
            ) from None

    def downgrade(self, target: str) -> None:
        """Undo migrations (for tests and developers, not for patients)."""
        self._migrate(self.engine(), "downgrade", target)

    def _migrate(
        self, engine: Engine, direction: str, target: str, build_new: bool = False
    ) -> str | None:
        """Run migrations up or down to `target` in one transaction holding the write lock.
        With `build_new`, a database with no tracker tables yet gets the head schema built
        at once from tracker.models and stamped at head (Alembic's recipe for a database
        made from scratch): six migrations replayed, SQLite's table rebuilds among them,
        took 0.18 s of every new diary; tests/test_db.py checks the two schemas agree.

        Returns the revision found once the lock was held (None: an empty database)."""
        from alembic.config import Config

        from alembic import command

        config = Config()
        config.set_main_option("script_location", str(migrations_dir()))
        try:
            with engine.connect() as conn:
                # Foreign keys off while tables are rebuilt (SQLite's documented procedure),
                # so that a batch "copy and move" never cascades a delete into entry sites.
                raw = conn.connection.dbapi_connection
                assert raw is not None  # a checked-out connection always holds its DBAPI one
                if self.is_sqlite:
                    raw.execute("PRAGMA foreign_keys = OFF")
                with conn.begin():
                    # Holding the write lock now; Alembic reads the version again, so a
                    # process that waited for another's upgrade finds nothing left to do.
                    config.attributes["connection"] = conn
                    found = _version(conn)
                    if build_new and found is None and _no_tables(conn):
                        from tracker.models import metadata

                        metadata.create_all(conn)
                        command.stamp(config, "head")
                    else:
                        getattr(command, direction)(config, target)
                    if self.is_sqlite and conn.exec_driver_sql("PRAGMA foreign_key_check").first():
                        raise TrackerError(
                            "the upgrade would break links between entries; nothing was changed"
                        )
                if self.is_sqlite:
                    raw.execute("PRAGMA foreign_keys = ON")
        except DBAPIError as exc:
            raise TrackerError(
                f"could not bring {self.describe()} up to date: {self._reason(exc)}"
            ) from None
        return found

    def current_revision(self) -> str | None:
        return self._read_state(self.engine(create=False))[0]

    # ------------------------------------------------------------------ transactions

    @contextmanager
    def session(self, write: bool = True, create: bool | None = None) -> Iterator[Session]:
        """One transaction: everything inside lands together, or nothing does.

        A write session creates a missing diary unless create=False (a command that changes
        what is there: edit, delete, undo); a read session never creates one.
        """
        engine = self.engine(create=write if create is None else create)
        if write and self.read_only:
            raise TrackerError(
                f"{self.describe()} {self.read_only}: tracker can read it, report and export it,"
                " but not change it"
            )
        begin = "IMMEDIATE" if write else "DEFERRED"
        try:
            with engine.connect().execution_options(sqlite_begin=begin) as conn:
                with Session(bind=conn, expire_on_commit=False) as session:
                    with session.begin():
                        yield session
        except DBAPIError as exc:
            raise TrackerError(
                f"the diary at {self.describe()} could not be used: {self._reason(exc)}"
            ) from None

    def _reason(self, exc: BaseException) -> str:
        """Why the database failed, in one line, never with the URL's password in it."""
        reason = _reason(exc)
        password = self.url.password
        if password:
            reason = reason.replace(str(password), "***")
        return reason

    # ------------------------------------------------------------------ files

    def _backup_name(self, why: str) -> Path:
        assert self.path is not None
        stamp = clock.now().strftime("%Y%m%d-%H%M%S")
        name = self.path.with_name(f"{self.path.name}.backup-{stamp}-{why}")
        count = 1
        while name.exists():  # e.g. a second try within the same second: never collide
            count += 1
            name = self.path.with_name(f"{self.path.name}.backup-{stamp}-{why}-{count}")
        return name

    def backup(self, out: Path | None = None, force: bool = False) -> Path:
        """A consistent copy of the SQLite file (safe while others write), owner-only."""
        if self.path is None:
            raise TrackerError(
                "backup copies SQLite files; for another database use its own tools (e.g. pg_dump)"
            )
        target = Path(out) if out else self._backup_name("manual")
        if target.exists() and not (force and target.is_file()):
            raise TrackerError(
                f"{target} already exists; give --force to replace it, or choose another name"
            )
        if not target.parent.is_dir():
            raise TrackerError(f"the folder {target.parent} does not exist")
        # Written under a temporary name and renamed when complete, so a backup that was
        # interrupted (power cut, kill) never looks like a good one.
        partial = target.with_name(f".{target.name}.partial")
        try:
            source = sqlite3.connect(
                f"file:{self.path}?mode=ro", uri=True, timeout=BUSY_TIMEOUT_MS / 1000
            )
            try:
                partial.unlink(missing_ok=True)
                os.close(os.open(partial, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600))
                dest = sqlite3.connect(partial)
                try:
                    source.backup(dest)
                    dest.execute("PRAGMA journal_mode = DELETE")
                finally:
                    dest.close()
            finally:
                source.close()
            os.replace(partial, target)
        except (sqlite3.Error, OSError) as exc:
            partial.unlink(missing_ok=True)
            raise TrackerError(
                f"could not back up {self.path} to {target}: {_reason(exc)}"
            ) from None
        return target

    def restore(self, source: Path) -> Path | None:
        """Put a backup in place of the diary, after keeping a copy of the diary as it is.

        Returns where that copy is (None when there was no diary yet). The backup is checked
        first (a tracker diary, not from a newer tracker), and copied in under a temporary
        name, so an interrupted restore leaves the diary as it was.
        """
        if self.path is None:
            raise TrackerError(
                "restore copies SQLite files; for another database use its own tools"
                " (e.g. pg_restore)"
            )
        source = source.expanduser().absolute()
        if source.resolve() == self.path.resolve():
            raise TrackerError(f"{source} is the diary itself; give the backup file to restore")
        if not source.is_file() or not _read_header(source).startswith(SQLITE_MAGIC):
            raise TrackerError(f"{source} is not a tracker diary (not an SQLite database file)")
        revision, tables = _peek_sqlite(source)
        if revision is None:
            raise TrackerError(f"{source} is not a tracker diary backup; choose another file")
        self._refuse_foreign(revision, tables)
        kept = None
        if self.path.exists():
            kept = self.backup(self._backup_name("before-restore"))
        self.dispose()
        partial = self.path.with_name(f".{self.path.name}.restoring-{os.getpid()}")
        try:
            partial.unlink(missing_ok=True)
            os.close(os.open(partial, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600))
            reader = sqlite3.connect(f"file:{source}?mode=ro", uri=True)
            try:
                writer = sqlite3.connect(partial)
                try:
                    reader.backup(writer)
                    writer.execute("PRAGMA journal_mode = DELETE")
                finally:
                    writer.close()
            finally:
                reader.close()
            for journal_file in sqlite_files(self.path)[1:]:
                journal_file.unlink(missing_ok=True)
            os.replace(partial, self.path)
        except (sqlite3.Error, OSError) as exc:
            partial.unlink(missing_ok=True)
            raise TrackerError(f"could not restore {source}: {_reason(exc)}") from None
        return kept

    def files(self) -> list[Path]:
        """Every file that holds this diary: the database, its journal files, its backups."""
        if self.path is None:
            return []
        found = [*sqlite_files(self.path)]
        found += sorted(self.path.parent.glob(f"{self.path.name}.backup-*"))
        return [p for p in found if p.exists()]

    def dispose(self) -> None:
        if self._engine is not None:
            self._engine.dispose()
            self._engine = None


@contextmanager
def _collector_paused() -> Iterator[None]:
    """Import a driver (psycopg: some 40,000 objects) without the cyclic garbage collector
    rescanning them as they are made, then freeze them out of its way (as tracker.cli's
    main() does for the command line's own imports): `tracker log` on PostgreSQL starts
    faster by that much."""
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        gc.freeze()
        if was_enabled:
            gc.enable()


def _no_tables(conn: Connection) -> bool:
    """Whether the database holds no table but (perhaps) an empty alembic_version."""
    return set(inspect(conn).get_table_names()) <= {"alembic_version"}


def _version(conn: Connection) -> str | None:
    """The schema revision a connection's database is at (None: no tracker tables yet)."""
    if not inspect(conn).has_table("alembic_version"):
        return None
    return conn.execute(text("SELECT version_num FROM alembic_version")).scalar()


def _read_only_url(path: Path) -> URL:
    """SQLite opened read-only; immutable where not even its journal files can be made."""
    immutable = "&immutable=1" if not os.access(path.parent, os.W_OK) else ""
    return make_url(f"sqlite:///file:{path}?mode=ro{immutable}&uri=true")


def _check_sqlite_file(path: Path) -> str | None:
    """Refuse, with a plain message, anything that is not a diary we may open.

    Returns why an existing diary can only be read ("is read-only", "is in a read-only
    folder"), or None when it can be written.
    """
    if path.is_dir():
        raise TrackerError(f"{path} is a folder; give the path of a diary file")
    if path.exists():
        if not os.access(path, os.R_OK):
            raise TrackerError(f"{path} cannot be read (permission denied)")
        size = path.stat().st_size
        if size == 0:
            raise TrackerError(f"{path} is an empty file, not a tracker diary; choose another file")
        with path.open("rb") as handle:
            header = handle.read(100)
        if not header.startswith(SQLITE_MAGIC):
            raise TrackerError(f"{path} is not a tracker diary (not an SQLite database file)")
        if len(header) < 100 or size < 512 or _truncated(header, size):
            raise TrackerError(
                f"{path} is damaged (the file is shorter than the database it holds); "
                "restore a backup ('tracker db path' lists them)"
            )
        if not os.access(path, os.W_OK):
            return "is read-only"
        if not os.access(path.parent, os.W_OK):
            return f"is in a read-only folder ({path.parent})"
        return None
    parent = path.parent
    if not parent.exists():
        try:
            parent.mkdir(parents=True, mode=0o700)
        except OSError as exc:
            raise TrackerError(f"cannot create the folder {parent}: {exc.strerror}") from None
    if not os.access(parent, os.W_OK):
        raise TrackerError(f"cannot create a diary in {parent} (the folder is read-only)")
    return None  # a new diary, to be created: writable


def _read_header(path: Path) -> bytes:
    try:
        with path.open("rb") as handle:
            return handle.read(100)
    except OSError:
        return b""


def _truncated(header: bytes, size: int) -> bool:
    """Whether the file is shorter than its own header says (cut off by a crash or a copy)."""
    page_size = int.from_bytes(header[16:18], "big")
    page_size = 65536 if page_size == 1 else page_size
    if page_size < 512 or size % page_size:
        return True
    pages = int.from_bytes(header[28:32], "big")
    header_valid = header[24:28] == header[92:96]
    return header_valid and pages * page_size > size


def _peek_sqlite(path: Path) -> tuple[str | None, set[str]]:
    """The schema revision and table names of an existing file, opened read-only."""
    try:
        conn = sqlite3.connect(f"file:{path}?mode=ro", uri=True, timeout=BUSY_TIMEOUT_MS / 1000)
        try:
            tables = {
                r[0]
                for r in conn.execute(
                    "SELECT name FROM sqlite_master WHERE type='table' AND name NOT LIKE 'sqlite_%'"
                )
            }
            revision = None
            if "alembic_version" in tables:
                row = conn.execute("SELECT version_num FROM alembic_version").fetchone()
                revision = row[0] if row else None
            return revision, tables
        finally:
            conn.close()
    except sqlite3.Error as exc:
        raise TrackerError(f"{path} cannot be opened as a tracker diary: {_reason(exc)}") from None


def _owner_only(path: Path) -> None:
    for candidate in sqlite_files(path):
        try:
            if candidate.exists() and candidate.stat().st_mode & 0o077:
                candidate.chmod(0o600)
        except OSError:
            pass


def _reason(exc: BaseException) -> str:
    original = getattr(exc, "orig", None) or exc
    message = str(original).splitlines()[0] if str(original) else type(original).__name__
    server = _server_reason(message)
    if server:
        return server
    if "file is not a database" in message or "malformed" in message:
        return "the file is damaged or is not a database"
    if "database or disk is full" in message:
        return "the disk is full; free some space and try again (nothing was saved)"
    if "readonly" in message:
        return "the file is read-only"
    if "locked" in message:
        return "another program kept the diary busy too long; try again"
    return message


def _server_reason(message: str) -> str | None:
    """A PostgreSQL server's refusal in the patient's words (None: not a connection problem)."""
    if "password authentication failed" in message or "no password supplied" in message:
        user = message.split('for user "')[-1].split('"')[0] if 'for user "' in message else ""
        who = f' for the user "{user}"' if user else ""
        return f"the server refused the password{who}; check the user name and password"
    if "does not exist" in message and 'database "' in message:
        name = message.split('database "')[1].split('"')[0]
        return (
            f'the server has no database "{name}"; create it first (createdb {name})'
            " or correct the URL"
        )
    if "role" in message and "does not exist" in message:
        return f"the server does not know this user ({message.split('FATAL:')[-1].strip()})"
    if "connection to server" in message or "could not connect" in message:
        detail = message.split(" failed: ")[-1].strip()
        return f"cannot reach the PostgreSQL server (is it running? {detail})"
    if "canceling statement due to lock timeout" in message:
        return "another program kept the diary busy too long; try again"
    return None
