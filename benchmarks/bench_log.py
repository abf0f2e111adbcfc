"""Time `tracker log` against the floor of merely importing click and SQLAlchemy's ORM.

Target (issue 2): median within 1.25x of the floor, flat from an empty diary to a 10-year
one (7,300 entries). The floor and each diary size are measured alternately in one run, so
machine noise hits them alike.

    python benchmarks/bench_log.py [--rounds 15]
"""

from __future__ import annotations

import argparse
import datetime as dt
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

FLOOR = [sys.executable, "-c", "import click, sqlalchemy.orm"]


def make_diary(path: Path | str, years: int) -> None:
    """A diary with two entries a day for `years` years (0: an empty, initialised diary), in
    a SQLite file or at a database URL (benchmarks/bench_postgres.py)."""
    from tracker import repository
    from tracker.db import Database
    from tracker.domain import Site, new_entry

    database = Database(path if "://" in str(path) else f"sqlite:///{path}")
    today = dt.date.today()
    with database.session() as session:
        rows = []
        for offset in range(365 * years):
            day = today - dt.timedelta(days=365 * years - offset)
            for hour, pain in ((8, 4 + offset % 3), (20, 5 + offset % 4)):
                entry = new_entry(
                    day, pain, dt.datetime.combine(day, dt.time(hour)),
                    where=(Site("lower-back", pain), Site("left-calf", pain - 1)),
                    radiates=("left-calf",), numb=("left-foot",),
                )  # fmt: skip
                rows.append((entry, None))
        repository.add_entries(session, rows[: 7300 if years == 10 else None])
    database.dispose()


def timed(command: list[str]) -> float:
    start = time.perf_counter()
    subprocess.run(command, check=True, stdout=subprocess.DEVNULL, env=ENV, cwd=ROOT)
    return time.perf_counter() - start


ENV = dict(os.environ, PYTHONPATH=str(ROOT))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rounds", type=int, default=15)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        diaries = {"empty": Path(tmp, "empty.sqlite3"), "10 years": Path(tmp, "ten.sqlite3")}
        make_diary(diaries["empty"], 0)
        make_diary(diaries["10 years"], 10)
        commands = {"floor": FLOOR} | {
            name: [sys.executable, "-m", "tracker", "--db", str(path), "log", "5",
                   "--where", "lower-back=5", "--radiates", "left-calf"]
            for name, path in diaries.items()
        }  # fmt: skip
        for command in commands.values():
            timed(command)  # warm the file cache
        times: dict[str, list[float]] = {name: [] for name in commands}
        for _ in range(args.rounds):
            for name, command in commands.items():
                times[name].append(timed(command))
    floor = statistics.median(times["floor"])
    print(f"{'':<10} {'median':>8} {'ratio':>6}   (rounds: {args.rounds})")
    for name, values in times.items():
        median = statistics.median(values)
        print(f"{name:<10} {median * 1000:7.1f}ms {median / floor:6.2f}x")
    worst = max(statistics.median(v) for k, v in times.items() if k != "floor") / floor
    print(
        f"target: within 1.25x of the floor; worst {worst:.2f}x -> "
        + ("OK" if worst <= 1.25 else "MISSED")
    )


if __name__ == "__main__":
    main()
