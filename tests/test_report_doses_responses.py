"""The report's response charts and doses (issues 10 and 11): page 2 charts a nerve block's
readings hour by hour (the worked example of issue 10) and counts the as-needed doses a week
beneath the daily MME; page 1's course has the dose strip beneath it. End to end through the
command group, and the pure helpers they draw from."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

import pytest
from click.testing import CliRunner, Result
from pypdf import PdfReader
from support import TODAY, text_sizes

from tracker.analysis.response import Response
from tracker.analysis.treatments import TreatmentRow, judged_responses, weekly_counts
from tracker.cli import cli
from tracker.domain import new_event

BLOCK_DAY = TODAY - dt.timedelta(days=3)
INJECTION_DAY = BLOCK_DAY - dt.timedelta(days=12)


def invoke(db: Path, *args: str) -> Result:
    result = CliRunner().invoke(cli, ["--db", str(db), *args])
    assert result.exit_code == 0, result.output
    return result


def pages_of(pdf: Path) -> list[str]:
    return [" ".join((page.extract_text() or "").split()) for page in PdfReader(pdf).pages]


def _diary(db: Path, block: bool) -> None:
    """Three weeks after a surgery at back pain 7 with tramadol as needed (one dose a day,
    two every third day); with `block`, an epidural injection 12 days before the block and
    issue 10's worked example: a medial branch block at 09:00 and readings 1 at 10:00, 2 at
    12:00, 6 at 16:00."""
    start = BLOCK_DAY - dt.timedelta(days=20)
    invoke(db, "surgery", "add", str(start - dt.timedelta(days=1)), "--procedure",
           "L4-L5 decompression")  # fmt: skip
    invoke(db, "med", "add", "tramadol", "--strength", "50mg", "--as-needed", "--date",
           str(start))  # fmt: skip
    day = start
    while day < TODAY:
        if day != BLOCK_DAY:
            invoke(db, "log", "7", "--date", str(day), "--where", "lower-back=7")
        invoke(db, "dose", "tramadol", "--date", str(day), "--at", "08:00")
        if (day - start).days % 3 == 0:
            invoke(db, "dose", "tramadol", "--date", str(day), "--at", "18:00")
        day += dt.timedelta(days=1)
    if block:
        invoke(db, "event", "add", str(INJECTION_DAY), "injection", "epidural steroid injection",
               "--side", "left", "--levels", "L5-S1")  # fmt: skip
        invoke(db, "event", "add", str(BLOCK_DAY), "nerve-block", "medial branch block",
               "--at", "09:00", "--side", "left", "--levels", "L4-L5")  # fmt: skip
        for at, pain in (("10:00", "1"), ("12:00", "2"), ("16:00", "6")):
            invoke(db, "log", pain, "--date", str(BLOCK_DAY), "--at", at, "--where",
                   f"lower-back={pain}")  # fmt: skip


@pytest.fixture(scope="module")
def reports(tmp_path_factory: pytest.TempPathFactory) -> dict[str, dict]:
    """The report of a diary with the worked example's block, and of the same without it."""
    found = {}
    for name, block in (("block", True), ("no-block", False)):
        folder = tmp_path_factory.mktemp(name)
        db, pdf = folder / "d.sqlite3", folder / "r.pdf"
        _diary(db, block)
        invoke(db, "report", "--out", str(pdf))
        found[name] = {"db": db, "pdf": pdf, "pages": pages_of(pdf)}
    return found


def test_page_two_charts_the_worked_example_block_with_its_labelled_numbers(reports):
    second = reports["block"]["pages"][1]
    assert "What each procedure did, reading by reading" in second
    assert "Nerve block (left, L4-L5), " in second and "09:00: back pain, hours after" in second
    for label in ("baseline 7/10", "50 % relief: 3.5/10", "peak 85.7 %", "0 h", "8 h"):
        assert label in second, label
    assert (
        "Baseline 7/10 (median of the 7 logged days before). Peak relief "
        "85.7 % (1 h after); relief of at least 50 % lasted 3 h: "
        "responder (50 % threshold; also at 80 %). "
        "Relief at 1 / 3 / 7 h: 85.7 / 71.4 / 14.3 %."
    ) in second
    # the injection's chart beside it, by day (its readings: the daily entries after it)
    assert (
        f"Injection (left, L5-S1), {INJECTION_DAY.day} {INJECTION_DAY:%b %Y}: back pain, days"
        in (second)
    )
    assert "days after" in second
    # the figures are those of `tracker response`, and page 1's table prints the same peak
    events = json.loads(invoke(reports["block"]["db"], "event", "list", "--json").output)
    block = next(e for e in events if e["kind"] == "nerve-block")
    response = json.loads(invoke(reports["block"]["db"], "response", str(block["id"]),
                                 "--json").output)  # fmt: skip
    assert (response["baseline"], response["peak_relief_pct"]) == (7, 85.7)
    assert (
        "Medial branch block (left, L4-L5) 85.7 % 3 h responder (50 % threshold; also at 80 %)"
        in (reports["block"]["pages"][0])
    )


def test_without_a_judged_procedure_no_response_chart_is_drawn(reports):
    second = reports["no-block"]["pages"][1]
    assert "reading by reading" not in second and "baseline" not in second


def test_page_two_counts_the_as_needed_doses_a_week_beneath_the_mme(reports):
    """Doses: one a day, two every third day, from 20 days before the block to yesterday;
    the last 6 weeks hold all of them, the busiest week of 7 days at most 10."""
    second = reports["no-block"]["pages"][1]
    days = 23
    doses = days + len(range(0, days, 3))
    assert "Opioids: MME a day, and as-needed doses a week" in second
    found = [
        f"Grey bars beneath: as-needed doses a week (tramadol), up to {top} a week; {doses} in "
        "the last 6 weeks."
        for top in (9, 10)
    ]
    assert any(text in second for text in found), second
    assert "MME (CDC 2022 factors) is for comparing opioid totals" in second  # the caveat kept


def test_page_one_has_the_dose_strip_beneath_the_course(reports):
    """The strip's label left of it and the legend's entry for its dots (the PDF holds the
    chart's texts before the page's, so their order is not the page's)."""
    for name in ("block", "no-block"):
        first = reports[name]["pages"][0]
        assert "MME a day" in first and "as-needed dose" in first
        assert "Opioids: " in first and "MME (CDC 2022 factors)" in first


@pytest.mark.parametrize("name", ["block", "no-block"])
def test_the_pages_stay_four_a4_whole_and_at_least_8_pt(reports, name):
    reader = PdfReader(reports[name]["pdf"])
    assert len(reader.pages) == 4
    for number, page in enumerate(reader.pages, start=1):
        assert min(text_sizes(page)) >= 7.99, f"page {number}"
    for page in reports[name]["pages"]:
        assert " ..." not in page


@pytest.mark.parametrize("name", ["block", "no-block"])
def test_no_two_texts_overlap_on_pages_one_and_two(reports, name):
    from matplotlib import pyplot as plt
    from test_report_pages import overlaps, text_boxes

    from reports.pdf import PAGES
    from reports.style import PNG_FONTS, style_context
    from tracker.db import Database
    from tracker.report_inputs import report_data

    database = Database(f"sqlite:///{reports[name]['db']}")
    with database.session(write=False) as session:
        data = report_data(session, today=TODAY)
    database.dispose()
    style, _ = style_context()
    with style, plt.rc_context(PNG_FONTS):  # the font drawn is the font laid out for
        for number in (1, 2):
            fig = PAGES[number - 1][1](data)
            assert len(text_boxes(fig)) > 20
            assert overlaps(fig) == [], f"{name}: page {number}: {overlaps(fig)}"
            plt.close(fig)


# ---------------------------------------------------------------- the pure helpers


def test_weekly_counts_sum_days_into_weeks_from_the_anchor_with_empty_weeks_kept():
    anchor = dt.date(2026, 1, 1)
    by_day = {dt.date(2025, 12, 31): 1, dt.date(2026, 1, 2): 2, dt.date(2026, 1, 7): 3,
              dt.date(2026, 1, 20): 4, dt.date(2026, 3, 1): 9}  # fmt: skip
    weeks = weekly_counts(by_day, anchor, dt.date(2026, 1, 30))
    assert weeks == (
        (dt.date(2025, 12, 25), 1),
        (dt.date(2026, 1, 1), 5),
        (dt.date(2026, 1, 8), 0),
        (dt.date(2026, 1, 15), 4),
        (dt.date(2026, 1, 22), 0),
        (dt.date(2026, 1, 29), 0),
    )
    assert weekly_counts({}, anchor, dt.date(2026, 1, 30)) == ()
    assert weekly_counts({dt.date(2026, 3, 1): 1}, anchor, dt.date(2026, 1, 30)) == ()


def _judged(kind: str, day: dt.date, ident: int, peak: float | None) -> TreatmentRow:
    event = new_event(day, kind, "x", time=dt.time(9, 0) if kind == "nerve-block" else None)
    event = type(event)(**{**event.__dict__, "id": ident})
    response = Response(event, "back", "", 7.0, (), 50, peak_relief_pct=peak)
    return TreatmentRow(ident, day, kind, "x", "", peak, None, "", response)


def test_the_charted_responses_are_the_latest_judged_block_and_injection_in_date_order():
    day = dt.date(2026, 5, 1)
    rows = [
        _judged("nerve-block", day, 1, 60.0),
        _judged("injection", day + dt.timedelta(days=10), 2, 80.0),
        _judged("nerve-block", day + dt.timedelta(days=20), 3, 90.0),
        _judged("nerve-block", day + dt.timedelta(days=30), 4, None),  # not judged: not drawn
        TreatmentRow(5, day, "physical-therapy", "x", "", None, None, ""),
    ]
    assert [r.event.id for r in judged_responses(rows)] == [2, 3]
    assert [r.event.id for r in judged_responses(rows, limit=3)] == [1, 2, 3]
    assert [r.event.id for r in judged_responses(rows[:1])] == [1]
    assert judged_responses(rows[3:]) == ()
