"""benchmarks/bench_report.py measures every round it is asked for (each its own report:
`tracker report` refuses to overwrite one)."""

from __future__ import annotations

import importlib.util
from pathlib import Path

BENCH = Path(__file__).resolve().parent.parent / "benchmarks" / "bench_report.py"


def test_the_report_benchmark_runs_every_round(tmp_path, monkeypatch):
    spec = importlib.util.spec_from_file_location("bench_report", BENCH)
    assert spec and spec.loader
    bench = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(bench)
    monkeypatch.setattr(bench, "FLOOR_CODE", "pass")  # the floor's imports are not the point
    assert bench.make_diary(tmp_path / "diary-1y.sqlite3", 1) == 730
    floor, runs = bench.measure_rounds(tmp_path, [1], rounds=2)
    assert len(floor) == 2 and len(runs[1]) == 2  # a floor for each report
    assert all(seconds > 0 and peak > 0 and paired > 0 for seconds, peak, paired in runs[1])
    assert [paired for _, _, paired in runs[1]] == [seconds for seconds, _ in floor]
    assert sorted(p.name for p in tmp_path.glob("report-*.pdf")) == [
        "report-1y-round1.pdf",
        "report-1y-round2.pdf",
    ]
