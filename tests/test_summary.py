"""Issue 12, the diary at a glance: `tracker summary`, one line a week, and what changed
since the last appointment report."""

from __future__ import annotations

import datetime as dt
import json

from support import TODAY

from tracker.analysis import summary as glance
from tracker.domain import Entry, Site
from tracker.medicines import MME_CAVEAT

MONDAY = TODAY - dt.timedelta(days=TODAY.weekday())


def _day(weeks_back: int, weekday: int) -> str:
    return (MONDAY - dt.timedelta(weeks=weeks_back) + dt.timedelta(days=weekday)).isoformat()


def test_summary_prints_one_line_a_week_with_back_and_leg_pain(run):
    run("log", "6", "--date", _day(1, 0), "--where", "lower-back=6,left-calf=3")
    run("log", "4", "--date", _day(1, 0), "--where", "lower-back=4")
    run(
        "log",
        "8",
        "--date",
        _day(1, 2),
        "--where",
        "lower-back=8,left-calf=8",
        "--red-flag",
        "fever",
    )
    run("log", "2", "--date", _day(3, 6))
    result = run("summary", "--weeks", "4")
    assert result.exit_code == 0, result.output
    lines = result.output.splitlines()
    assert lines[0] == "Week of      Days Median  Back M-S  Leg M-S   Flags"
    assert len(lines) == 1 + 4 + 3
    week = MONDAY - dt.timedelta(weeks=1)
    assert lines[3] == f"{week:%a %d %b}     2    6.0  ▅·▇····   ▃·▇····   fever"
    assert lines[1].startswith(f"{MONDAY - dt.timedelta(weeks=3):%a %d %b}     1    2.0  ·······")
    assert lines[4].split()[3:5] == ["0", "-"]
    assert lines[5] == (
        "Back, Leg M-S: a mark a day, Monday to Sunday, taller for worse pain (0-10) at those"
        " places; · no rating."
    )  # what the marks mean, for a patient who has not seen them before
    assert lines[6].startswith("Verdict: ")
    assert lines[7].startswith("No appointment report made yet")


def test_summary_says_what_changed_since_the_last_report(run, tmp_path):
    run("log", "3", "--date", _day(2, 0), "--where", "lower-back=3")
    made = run("report", "--out", str(tmp_path / "r.pdf"), "--as-of", _day(2, 0))
    assert made.exit_code == 0, made.output
    run("log", "6", "--date", _day(1, 1), "--radiates", "left-calf")
    run("event", "add", _day(1, 2), "injection", "ESI")
    result = run("summary")
    assert result.output.splitlines()[-1] == (
        f"Since your last report ({_day(2, 0)}): 1 entry on 1 day; median pain 6.0 (3.0 in the"
        f" 28 days before); new: radiates left-calf; events: {_day(1, 2)} injection - ESI."
    )
    document = json.loads(run("summary", "--json", "--weeks", "3").output)
    assert [w["start"] for w in document["weeks"]] == [_day(2, 0), _day(1, 0), _day(0, 0)]
    assert document["weeks"][0]["median_pain"] == 3.0
    assert document["weeks"][0]["back"][0] == 3.0 and document["weeks"][0]["leg"] == [None] * 7
    assert document["verdict"] in ("worsening", "stable", "improving", "insufficient_data")
    since = document["since_last_report"]
    assert since["report_date"] == _day(2, 0) and since["entries"] == 1
    assert since["new"] == [{"kind": "radiates", "region": "left-calf"}]
    assert [e["title"] for e in since["events"]] == ["ESI"]


def test_summary_refuses_a_silly_number_of_weeks(run):
    run("log", "3")
    assert run("summary", "--weeks", "0").exit_code == 1
    assert run("summary", "--weeks", "9999").output.startswith("Error: ")


def test_a_sparkline_has_one_character_a_day():
    assert glance.sparkline([0, 5, 10, None]) == "▁▅█·"
    entry = Entry(dt.date(2026, 1, 5), 5, dt.datetime(2026, 1, 5, 9), where=(Site("left-calf", 7),))
    assert glance.weeks([entry], dt.date(2026, 1, 11), 1)[0].leg[0] == 7.0


def test_each_week_shows_its_doses_and_its_mean_mme_a_day(run):
    """Tramadol 50 mg is 10 MME (CDC 0.2 per mg). Last week: 3 tramadol and 2 pregabalin,
    30 MME over 7 days = 4.3 a day; this week (Monday and today, Tuesday): 1 tramadol, 10
    MME over 2 days = 5 a day; the week before: pregabalin only, no MME."""
    assert TODAY.weekday() == 1  # support.NOW is a Tuesday
    for args in (("tramadol", "--strength", "50mg", "--as-needed"),
                 ("pregabalin", "--strength", "75mg", "--schedule", "twice daily")):  # fmt: skip
        assert run("med", "add", *args, "--date", _day(3, 0)).exit_code == 0
    for weekday in (0, 2, 4):
        assert run("dose", "tramadol", "--date", _day(1, weekday)).exit_code == 0
    for weeks_back, weekday in ((1, 0), (1, 1), (2, 3)):
        assert run("dose", "pregabalin", "--date", _day(weeks_back, weekday)).exit_code == 0
    assert run("dose", "tramadol", "--date", _day(0, 0)).exit_code == 0
    run("log", "5", "--date", _day(1, 0))
    result = run("summary", "--weeks", "3")
    assert result.exit_code == 0, result.output
    lines = result.output.splitlines()
    assert lines[0] == ("Week of      Days Median  Back M-S  Leg M-S   Doses MME/day  Flags")
    assert lines[1].endswith("  ·······   ·······       1       -")
    assert lines[2].endswith("  ·······   ·······       5     4.3")
    assert lines[3].endswith("  ·······   ·······       1     5.0")
    assert MME_CAVEAT in lines[5]
    weeks = json.loads(run("summary", "--json", "--weeks", "3").output)["weeks"]
    assert [(w["doses"], w["as_needed_doses"], w["mean_mme"]) for w in weeks] == [
        (1, 0, None), (5, 3, 4.3), (1, 1, 5.0),
    ]  # fmt: skip


def test_since_the_last_report_counts_the_doses_and_the_opioid_load_against_before(run, tmp_path):
    """The line a patient reads before an appointment said nothing of the medicines: it now
    gives the doses taken since the last report and the mean MME a day, beside the 28 days
    before it, with the CDC caveat."""
    report_day = TODAY - dt.timedelta(days=10)
    first = report_day - dt.timedelta(days=27)
    assert run("med", "add", "oxycodone", "--strength", "5mg", "--as-needed",
               "--date", first.isoformat()).exit_code == 0  # fmt: skip
    assert run("med", "add", "pregabalin", "--strength", "75mg", "--schedule", "twice daily",
               "--date", first.isoformat()).exit_code == 0  # fmt: skip
    for offset in range(28):  # before the report: oxycodone 5 mg a day = 7.5 MME a day
        run("dose", "oxycodone", "--date", (first + dt.timedelta(days=offset)).isoformat())
    run("log", "3", "--date", report_day.isoformat())
    made = run("report", "--out", str(tmp_path / "r.pdf"), "--as-of", report_day.isoformat())
    assert made.exit_code == 0, made.output
    for offset in (1, 2, 3, 4, 5):  # since: 2 oxycodone a day on 5 of the 10 days = 7.5 a day
        day = (report_day + dt.timedelta(days=offset)).isoformat()
        run("dose", "oxycodone", "--date", day, "--at", "08:00")
        run("dose", "oxycodone", "--date", day, "--at", "20:00")
        run("dose", "pregabalin", "--date", day, "--at", "08:00")
    run("log", "6", "--date", (report_day + dt.timedelta(days=2)).isoformat())
    lines = run("summary", "--weeks", "1").output.splitlines()
    assert lines[-2] == (
        f"Since your last report ({report_day.isoformat()}): 1 entry on 1 day; median pain 6.0"
        " (3.0 in the 28 days before); 15 doses (10 as needed); opioids 7.5 MME a day"
        " (7.5 in the 28 days before)."
    )
    assert lines[-1] == MME_CAVEAT  # no week shown had an opioid, so the caveat comes here
    since = json.loads(run("summary", "--json").output)["since_last_report"]
    assert (since["doses"], since["as_needed_doses"]) == (15, 10)
    assert (since["mean_mme"], since["mean_mme_before"]) == (7.5, 7.5)
