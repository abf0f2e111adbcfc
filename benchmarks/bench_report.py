"""Time `tracker report` on 1-, 3- and 10-year diaries against the floor of importing its libraries.

The floor is a Python process that only imports click, SQLAlchemy's ORM, pandas, scipy.stats
and matplotlib's PDF backend: what any report must pay before reading a single entry. Each
report is measured right after a floor of its own, and its ratio is taken within that pair;
the figures are the medians of the rounds (this machine's speed drifts by a fifth over
minutes, so floors and reports measured apart and their medians divided let the drift into
the ratio: 1.26 and 1.54 in two runs of the same code). Peak memory is the child's maximum
resident set size (from os.wait4). tracker's own modules are compiled to bytecode first, as
installing it does (the floor's libraries were compiled when installed).

Targets: the 10-year diary within 1.3x the floor (issue 11), peak under 300 MB, and the cost
above the floor growing no worse than linearly with the diary. Last measured (README, Speed),
2026-12-07: 1.07-1.27x in wall time over 16 runs (median 1.17x), 0.11-0.32 s above a 1.1-1.5 s
floor (1 year 1.00-1.06x, 3 years 0.99-1.11x), peak 221 MB; on the slower machine of
2026-12-03, 1.24-1.35x above a 3.5 s floor.

    python benchmarks/bench_report.py [--years 1 3 10] [--rounds 5]
"""

from __future__ import annotations

import argparse
import datetime as dt
import math
import os
import random
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

FLOOR_CODE = (
    "import click, sqlalchemy.orm, pandas, scipy.stats, matplotlib; matplotlib.use('Agg'); "
    "import matplotlib.pyplot; from matplotlib.backends.backend_pdf import PdfPages"
)
AS_OF = dt.date(2026, 6, 30)


def pain_level(day: int) -> float:
    """A course with a post-op dip, slow drifts and seasonal swings (0-10)."""
    settling = 3.0 * math.exp(-day / 20)
    drift = 1.5 * math.sin(day / 400) + day / 3650
    return 3.5 + settling + drift + 0.6 * math.sin(day / 45)


def make_diary(path: Path, years: int, seed: int = 1) -> int:
    """A diary of `years` years, two entries a day with locations; returns the entry count."""
    from tracker import repository
    from tracker.db import Database
    from tracker.domain import Site, new_entry, new_event

    rng = random.Random(seed)
    start = AS_OF - dt.timedelta(days=365 * years - 1)
    rows = []
    for offset in range(365 * years):
        day = start + dt.timedelta(days=offset)
        for hour in (8, 20):
            pain = max(0, min(10, round(pain_level(offset) + rng.gauss(0, 0.9))))
            leg = max(0, min(10, pain - rng.choice((0, 1, 2))))
            radiates = ("left-buttock", "left-thigh", "left-calf")[: rng.randint(0, 3)]
            numb = ("left-foot",) if rng.random() < 0.3 else ()
            entry = new_entry(
                day,
                pain,
                dt.datetime.combine(day, dt.time(hour)),
                where=(Site("lower-back", pain), Site("left-calf", leg)),
                radiates=radiates,
                numb=numb,
                tingling=("left-toes",) if rng.random() < 0.2 else (),
                qualities=("aching",) if hour == 8 else ("burning", "shooting"),
            )
            rows.append((entry, None))
    database = Database(f"sqlite:///{path}")
    with database.session() as session:
        repository.add_entries(session, rows)
        surgery = new_event(start, "surgery", "L4-L5 fusion", levels=("L4-L5",))
        repository.add_event(session, surgery)
        for month in range(3, 12 * years, 9):
            when = start + dt.timedelta(days=30 * month)
            repository.add_event(session, new_event(when, "injection", "Epidural steroid"))
    database.dispose()
    return len(rows)


def measure(command: list[str]) -> tuple[float, float]:
    """Wall time in seconds and peak resident memory in MB of one child process."""
    env = dict(os.environ, PYTHONPATH=str(ROOT))
    begin = time.perf_counter()
    child = subprocess.Popen(
        command, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, cwd=ROOT
    )
    _, status, usage = os.wait4(child.pid, 0)
    elapsed = time.perf_counter() - begin
    child.returncode = os.waitstatus_to_exitcode(status)
    if child.returncode != 0:
        raise SystemExit(f"{' '.join(command)} failed:\n{child.stderr.read().decode()}")
    child.stderr.close()
    return elapsed, usage.ru_maxrss / 1024  # KB on Linux


def report_command(db: Path, out: Path) -> list[str]:
    """`tracker report` on a diary, as of its last day."""
    return [
        sys.executable,
        "-m",
        "tracker",
        "--db",
        str(db),
        "report",
        "--out",
        str(out),
        "--as-of",
        AS_OF.isoformat(),
    ]


def main() -> None:
    """Build the diaries, measure each report paired with a floor, and print the table."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--years", type=int, nargs="+", default=[1, 3, 10])
    parser.add_argument("--rounds", type=int, default=5)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        sizes = {}
        for years in args.years:
            began = time.perf_counter()
            sizes[years] = make_diary(folder / f"diary-{years}y.sqlite3", years)
            print(
                f"built a {years}-year diary: {sizes[years]} entries "
                f"({time.perf_counter() - began:.1f} s)",
                flush=True,
            )
        floor, runs = measure_rounds(folder, args.years, args.rounds)
        print_table(floor, runs, sizes)


def compile_sources() -> None:
    """Write the bytecode of tracker's own modules, as installing it does (pip compiles what it
    installs, as it did the floor's libraries). Without it a shell or CI that sets
    PYTHONDONTWRITEBYTECODE makes every report compile all of them anew, about 0.25 s that
    no installed tracker pays."""
    import compileall

    for package in ("tracker", "reports"):
        compileall.compile_dir(ROOT / package, quiet=1)


def measure_rounds(folder: Path, years: list[int], rounds: int) -> tuple[list, dict]:
    """The floor and each diary's report, in pairs (a floor, then the report), `rounds`
    times: the floors measured, and for each diary size its (seconds, peak MB, the seconds
    of its pair's floor). Each round writes a report of its own: `tracker report` refuses to
    overwrite one (as a patient's would), so reusing the path stopped the benchmark after
    its first round."""
    floor_command = [sys.executable, "-c", FLOOR_CODE]
    compile_sources()
    measure(floor_command)  # warm the file cache and matplotlib's font cache
    floor: list = []
    runs: dict = {size: [] for size in years}
    for round_number in range(rounds):
        for size in years:
            floor.append(measure(floor_command))
            db = folder / f"diary-{size}y.sqlite3"
            out = folder / f"report-{size}y-round{round_number + 1}.pdf"
            runs[size].append((*measure(report_command(db, out)), floor[-1][0]))
        print(f"round {round_number + 1}/{rounds} done", flush=True)
    return floor, runs


def print_table(floor: list, runs: dict, sizes: dict) -> None:
    """Medians: the report's time, its ratio to the floor of its pair and what it costs
    above it; peak memory; and how the cost above the floor grows with the diary."""
    floor_s = statistics.median(t for t, _ in floor)
    floor_mb = max(m for _, m in floor)
    print(f"\nfloor (imports only): {floor_s:.2f} s, peak {floor_mb:.0f} MB")
    print(f"{'diary':>8} {'entries':>8} {'report s':>9} {'ratio':>6} {'peak MB':>8} {'extra s':>8}")
    extras = {}
    for years, samples in runs.items():
        seconds = statistics.median(t for t, _, _ in samples)
        ratio = statistics.median(t / paired for t, _, paired in samples)
        peak = max(m for _, m, _ in samples)
        extras[years] = statistics.median(t - paired for t, _, paired in samples)
        print(
            f"{years:>6} y {sizes[years]:>8} {seconds:>9.2f} {ratio:>6.2f} "
            f"{peak:>8.0f} {extras[years]:>8.2f}"
        )
    first, last = min(runs), max(runs)
    if first != last and extras[first] > 0:
        growth = extras[last] / extras[first]
        print(
            f"cost above the floor grew {growth:.1f}x for {sizes[last] / sizes[first]:.0f}x "
            "the entries"
        )


if __name__ == "__main__":
    main()
