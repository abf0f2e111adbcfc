"""Time `tracker export` (json, csv, fhir) and `tracker import` on a generated 10-year diary.

Run from the repository root:  python benchmarks/bench_io.py [--entries 7300]
Each command runs as its own process, as a patient would run it, so start-up is included.
The target is under 3 s each for 7,300 entries (two a day for ten years) with locations.
"""

from __future__ import annotations

import argparse
import datetime as dt
import os
import random
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from tracker import domain, regions  # noqa: E402
from tracker import repository as repo  # noqa: E402
from tracker.db import Database  # noqa: E402

TARGET_SECONDS = 3.0


def generate(count: int, seed: int = 7) -> list[domain.Entry]:
    """A plausible diary: two entries a day, back and leg pain, symptoms now and then."""
    rng = random.Random(seed)
    first = dt.date.today() - dt.timedelta(days=count // 2 + 1)
    leg = [n for n in regions.NAMES if regions.REGIONS[n].limb == "leg"]
    entries = []
    for index in range(count):
        day = first + dt.timedelta(days=index // 2)
        typed = dt.datetime.combine(day, dt.time(8 + 12 * (index % 2), rng.randrange(60)))
        pain = rng.randint(2, 8)
        where = [domain.Site("lower-back", pain)]
        where += [domain.Site(n, rng.randint(1, pain)) for n in rng.sample(leg, rng.randint(0, 2))]
        entries.append(
            domain.new_entry(
                day,
                pain,
                typed,
                where=tuple(where),
                radiates=tuple(rng.sample(leg, rng.randint(0, 2))),
                numb=tuple(rng.sample(leg, rng.randint(0, 1))),
                tingling=tuple(rng.sample(leg, rng.randint(0, 1))),
                qualities=tuple(rng.sample(list(domain.QUALITIES), rng.randint(0, 2))),
                note=rng.choice([None, None, None, "walked 20 min", "slept badly, 😴", "PT day"]),
            )
        )
    return entries


def build(path: Path, count: int) -> None:
    """Write the generated diary and one surgery into a new database file."""
    database = Database(f"sqlite:///{path}")
    with database.session() as session:
        repo.add_entries(session, [(entry, None) for entry in generate(count)])
        surgery = domain.new_event(
            dt.date.today() - dt.timedelta(days=count // 2 + 30),
            "surgery",
            "L4-L5 fusion",
            levels=("L4-L5",),
        )
        repo.add_event(session, surgery)
    database.dispose()


def timed(*args: str) -> float:
    """Seconds one `tracker` command takes as a fresh process."""
    env = dict(os.environ, PYTHONPATH=str(ROOT))
    start = time.perf_counter()
    subprocess.run(
        [sys.executable, "-m", "tracker", *args],
        check=True,
        env=env,
        stdout=subprocess.DEVNULL,
        cwd=ROOT,
    )
    return time.perf_counter() - start


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--entries", type=int, default=7300)
    count = parser.parse_args().entries
    with tempfile.TemporaryDirectory() as folder:
        tmp = Path(folder)
        diary = tmp / "diary.sqlite3"
        build(diary, count)
        print(f"diary: {count} entries with locations, 1 surgery")
        results = []
        for fmt in ("json", "csv", "fhir"):
            out = tmp / f"export.{fmt}"
            seconds = timed("--db", str(diary), "export", "--format", fmt, "--out", str(out))
            results.append((f"export {fmt}", seconds, out.stat().st_size))
        for fmt in ("json", "csv"):
            fresh = tmp / f"fresh-{fmt}.sqlite3"
            source = tmp / f"export.{fmt}"
            seconds = timed("--db", str(fresh), "import", str(source))
            results.append((f"import {fmt} (new diary)", seconds, source.stat().st_size))
        again = timed("--db", str(tmp / "fresh-json.sqlite3"), "import", str(tmp / "export.json"))
        results.append(("import json again (adds 0)", again, (tmp / "export.json").stat().st_size))
    for name, seconds, size in results:
        verdict = "ok" if seconds < TARGET_SECONDS else "SLOW"
        print(f"{name:<28} {seconds:6.2f} s  {size / 1e6:6.1f} MB  {verdict}")


if __name__ == "__main__":
    main()
