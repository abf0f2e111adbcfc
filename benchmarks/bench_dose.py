"""Time `tracker dose` against the floor of merely importing click and SQLAlchemy's ORM.

`dose` is typed as often as `log` (several times a day), so it has the same budget: median
within 1.25x of the floor, on a diary with a year of doses (two regimens, 4 doses a day).
The floor and the command are measured alternately in one run, so noise hits them alike.

    python benchmarks/bench_dose.py [--rounds 15]
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
ENV = dict(os.environ, PYTHONPATH=str(ROOT))


def make_diary(path: Path, days: int) -> None:
    """A diary with pregabalin twice a day and oxycodone as needed twice a day for `days`."""
    from tracker import medicines, repository
    from tracker.db import Database

    database = Database(f"sqlite:///{path}")
    start = dt.date.today() - dt.timedelta(days=days)
    with database.session() as session:
        pregabalin = repository.add_regimen(
            session, medicines.new_regimen("pregabalin", "75mg", start, schedule="twice daily"),
            "bench",
        )  # fmt: skip
        oxycodone = repository.add_regimen(
            session, medicines.new_regimen("oxycodone", "5mg", start, as_needed=True), "bench"
        )
        for offset in range(days):
            day = start + dt.timedelta(days=offset)
            for regimen, hour in (
                (pregabalin, 8),
                (pregabalin, 20),
                (oxycodone, 9),
                (oxycodone, 18),
            ):
                assert regimen.id is not None
                stamp = dt.datetime.combine(day, dt.time(hour))
                dose = medicines.Dose(regimen.id, day, regimen.strength, stamp, dt.time(hour))
                repository.add_dose(session, dose, "bench")
    database.dispose()


def timed(command: list[str]) -> float:
    start = time.perf_counter()
    subprocess.run(command, check=True, stdout=subprocess.DEVNULL, env=ENV, cwd=ROOT)
    return time.perf_counter() - start


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rounds", type=int, default=15)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        diary = Path(tmp, "year.sqlite3")
        make_diary(diary, 365)
        commands = {
            "floor": FLOOR,
            "dose": [sys.executable, "-m", "tracker", "--db", str(diary), "dose", "oxycodone"],
        }
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
    ratio = statistics.median(times["dose"]) / floor
    print(
        f"target: within 1.25x of the floor; {ratio:.2f}x -> "
        + ("OK" if ratio <= 1.25 else "MISSED")
    )


if __name__ == "__main__":
    main()
