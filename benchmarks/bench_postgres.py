"""Time `tracker log` on a PostgreSQL diary against its import floor, and against SQLite.

The floor is what any `tracker log` on PostgreSQL must pay before doing anything: starting
Python and importing click, SQLAlchemy's ORM and the driver (psycopg). Measured alternately
with SQLite's `tracker log` and its own floor (click and SQLAlchemy), on an empty diary and
a 10-year one (7,300 entries), so that machine noise hits them alike.

    TRACKER_TEST_POSTGRES_URL=postgresql+psycopg://postgres@/postgres?host=/tmp/pg&port=5432 \\
        python benchmarks/bench_postgres.py [--rounds 15]

The URL is an administrator's (as for the test suite): a database of the benchmark's own is
created on that server, and dropped at the end.
"""

from __future__ import annotations

import argparse
import os
import statistics
import sys
import tempfile
import uuid
from pathlib import Path

from bench_log import FLOOR, ROOT, make_diary, timed
from sqlalchemy import create_engine, text
from sqlalchemy.engine import make_url

PG_FLOOR = [sys.executable, "-c", "import click, sqlalchemy.orm, psycopg"]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rounds", type=int, default=15)
    parser.add_argument("--url", default=os.environ.get("TRACKER_TEST_POSTGRES_URL"))
    args = parser.parse_args()
    if not args.url:
        parser.error("give --url or set TRACKER_TEST_POSTGRES_URL (a PostgreSQL server)")
    admin = create_engine(args.url, isolation_level="AUTOCOMMIT")
    name = f"tracker_bench_{uuid.uuid4().hex[:8]}"
    with admin.connect() as conn:
        conn.execute(text(f'CREATE DATABASE "{name}"'))
    server = make_url(args.url).set(database=name)
    try:
        schemas = {}
        maker = create_engine(server, isolation_level="AUTOCOMMIT")
        with maker.connect() as conn:
            for schema in ("empty", "ten"):
                conn.execute(text(f'CREATE SCHEMA "{schema}"'))
                schemas[schema] = server.update_query_dict(
                    {"options": f"-csearch_path={schema}"}
                ).render_as_string(hide_password=False)
        maker.dispose()
        with tempfile.TemporaryDirectory() as tmp:
            sqlite = {"empty": Path(tmp, "empty.sqlite3"), "ten": Path(tmp, "ten.sqlite3")}
            for years, key in ((0, "empty"), (10, "ten")):
                make_diary(schemas[key], years)
                make_diary(sqlite[key], years)

            def log(db: str) -> list[str]:
                return [sys.executable, "-m", "tracker", "--db", db, "log", "5",
                        "--where", "lower-back=5", "--radiates", "left-calf"]  # fmt: skip

            commands = {
                "floor (click, sqlalchemy.orm, psycopg)": PG_FLOOR,
                "postgres, empty": log(schemas["empty"]),
                "postgres, 10 years": log(schemas["ten"]),
                "floor (click, sqlalchemy.orm)": FLOOR,
                "sqlite, empty": log(str(sqlite["empty"])),
                "sqlite, 10 years": log(str(sqlite["ten"])),
            }
            for command in commands.values():
                timed(command)  # warm the file cache
            times: dict[str, list[float]] = {key: [] for key in commands}
            for _ in range(args.rounds):
                for key, command in commands.items():
                    times[key].append(timed(command))
    finally:
        with admin.connect() as conn:
            conn.execute(text(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))
        admin.dispose()
    medians = {key: statistics.median(values) for key, values in times.items()}
    pg_floor = medians["floor (click, sqlalchemy.orm, psycopg)"]
    floor = medians["floor (click, sqlalchemy.orm)"]
    print(f"{'':<40} {'median':>8} {'vs its floor':>13}   (rounds: {args.rounds})")
    for key, median in medians.items():
        own = pg_floor if key.startswith("postgres") or "psycopg" in key else floor
        print(f"{key:<40} {median * 1000:7.1f}ms {median / own:12.2f}x")
    worst = max(medians["postgres, empty"], medians["postgres, 10 years"]) / pg_floor
    print(
        f"tracker log on PostgreSQL: worst {worst:.2f}x its import floor (SQLite's target:"
        f" within 1.25x); {medians['postgres, empty'] / medians['sqlite, empty']:.2f}x the"
        " time of the same log on SQLite"
    )


if __name__ == "__main__":
    sys.path.insert(0, str(ROOT))
    main()
