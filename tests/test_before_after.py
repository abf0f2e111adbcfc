"""Issue 14's comparison in `tracker trend`'s text, and what the report is handed (ReportData):
the provokes analysis and the before/after table, from a diary built for the purpose."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

from support import TODAY

from tracker import repository as repo
from tracker.before_surgery import new_pain_before
from tracker.db import Database
from tracker.domain import Site, new_entry, new_event
from tracker.weekly import new_check

SURGERY = TODAY - dt.timedelta(days=200)


def _diary(path: Path, leg: list[int], before_leg: int | None = 7, checks=()) -> None:
    """A surgery 200 days ago and one entry a day since: leg pain as given (cycled)."""
    database = Database(f"sqlite:///{path}")
    with database.session() as session:
        surgery = repo.add_event(session, new_event(SURGERY, "surgery", "L5-S1 discectomy"))
        if before_leg is not None:
            before = new_pain_before(7, (Site("left-calf", before_leg), Site("lower-back", 3)),
                                     ("left-calf",), ("left-big-toe",), "memory")  # fmt: skip
            repo.set_pain_before(session, surgery.id, before)
        rows = []
        for n in range(1, 200):
            day = SURGERY + dt.timedelta(days=n)
            pain = leg[n % len(leg)] if len(leg) > 1 else leg[0]
            rows.append((new_entry(
                day, pain, dt.datetime.combine(day, dt.time(20)),
                where=(Site("left-calf", pain), Site("lower-back", 2)), radiates=("left-calf",),
                worse_with=("standing", "walking"), better_with=("sitting",), woke=1,
                numb=("left-big-toe",) if n > 150 else (),
            ), None))  # fmt: skip
        repo.add_entries(session, rows)
        for check in checks:
            repo.add_check(session, check)
    database.dispose()


def test_trend_text_says_leg_pain_was_never_relieved(run, db_path):
    _diary(db_path, [6])
    text = run("trend").output
    assert "Before and after surgery (L5-S1 discectomy" in text
    assert "Leg pain was never relieved: best after surgery 6/10 vs 7/10 before." in text
    assert "Back pain is lower than before surgery: 2/10 now vs 3/10." in text


def test_trend_text_says_when_leg_pain_returned(run, db_path):
    database_days = [1] * 120 + [6] * 80
    database = Database(f"sqlite:///{db_path}")
    with database.session() as session:
        surgery = repo.add_event(session, new_event(SURGERY, "surgery", "L5-S1 discectomy"))
        repo.set_pain_before(session, surgery.id, new_pain_before(where=(Site("left-calf", 7),)))
        rows = [
            (new_entry(SURGERY + dt.timedelta(days=n), p,
                       dt.datetime.combine(SURGERY + dt.timedelta(days=n), dt.time(20)),
                       where=(Site("left-calf", p),)), None)
            for n, p in enumerate(database_days[1:], start=1)
        ]  # fmt: skip
        repo.add_entries(session, rows)
    database.dispose()
    text = run("trend").output
    assert (
        "Leg pain returned: 1/10 at best (month 1), within 2 points of the 7/10 before from "
        "month 5 (5 September 2026 on); now 6/10."
    ) in text


def test_trend_text_gives_the_share_of_same_pain_answers(run, db_path):
    checks = [
        new_check(TODAY - dt.timedelta(days=7 * k), dt.datetime.combine(
            TODAY - dt.timedelta(days=7 * k), dt.time(20)), same_as_before=answer)
        for k, answer in enumerate(["same", "same", "partly", "different"])
    ]  # fmt: skip
    _diary(db_path, [6], checks=checks)
    text = run("trend").output
    assert (
        "The same pain as before the operation? 4 weekly answers since surgery: same 2 (50 %),"
        in text
    )
    assert 'from "different"' in text and 'to "same"' in text


def test_trend_text_without_a_pain_before_has_no_comparison_and_json_is_untouched(run, db_path):
    _diary(db_path, [6], before_leg=None)
    assert "Before and after surgery" not in run("trend").output
    with_json = json.loads(run("trend", "--json").output)
    assert "before_after" not in with_json and "verdict" in with_json


def test_report_data_hands_the_report_the_provokes_analysis_and_the_table(db_path):
    from tracker.report_inputs import report_data

    checks = [
        new_check(TODAY - dt.timedelta(days=21), dt.datetime(2026, 11, 3, 20), walk_minutes=30,
                  heel_walk="yes"),
        new_check(TODAY - dt.timedelta(days=7), dt.datetime(2026, 11, 17, 20), walk_minutes=10,
                  heel_walk="no"),
    ]  # fmt: skip
    _diary(db_path, [6], checks=checks)
    database = Database(f"sqlite:///{db_path}")
    with database.session(write=False) as session:
        data = report_data(session, today=TODAY)
    database.dispose()
    provokes = data.provokes
    assert provokes is not None and provokes.day0 == SURGERY
    leg = {s.scope: s for s in provokes.overall}["leg"]
    assert leg.worse_share("standing") == 1.0 and leg.eased_share("sitting") == 1.0
    assert [p.code for p in provokes.patterns] == ["stenosis"]
    assert provokes.nights_woken == provokes.nights_answered == 199
    walking = {m.measure: m for m in provokes.weekly.minutes}["walk_minutes"]
    assert [p.minutes for p in walking.points] == [30, 10]
    heel = {n.test: n for n in provokes.weekly.nerves}["heel_walk"]
    assert heel.first_failure == TODAY - dt.timedelta(days=7) == heel.new_failure
    [area] = provokes.skin_areas
    assert (area.root, area.side, area.places) == ("L5", "left", ("left-big-toe",))
    table = data.before_after
    assert table is not None and table.surgery_date == SURGERY
    leg_row = {m.measure: m for m in table.measures}["leg"]
    assert (leg_row.before, leg_row.best_after, leg_row.finding) == (7, 6.0, "never-relieved")


def test_report_data_without_a_pain_before_has_no_table(db_path):
    from tracker.report_inputs import report_data

    _diary(db_path, [5], before_leg=None)
    database = Database(f"sqlite:///{db_path}")
    with database.session(write=False) as session:
        data = report_data(session, today=TODAY)
    database.dispose()
    assert data.before_after is None and data.provokes is not None


def test_never_relieved_waits_until_three_months_after_surgery():
    from tracker.analysis.provokes import before_after

    surgery = dt.date(2026, 1, 1)
    entries = [
        new_entry(surgery + dt.timedelta(days=n), 6,
                  dt.datetime.combine(surgery + dt.timedelta(days=n), dt.time(20)),
                  where=(Site("left-calf", 6),))
        for n in range(1, 120)
    ]  # fmt: skip
    before = new_pain_before(7, (Site("left-calf", 7),))

    def leg(as_of: dt.date) -> str | None:
        result = before_after(entries, [], surgery, "discectomy", before, as_of)
        return {m.measure: m for m in result.measures}["leg"].finding

    assert leg(surgery + dt.timedelta(days=60)) is None
    assert leg(surgery + dt.timedelta(days=89)) is None
    assert leg(surgery + dt.timedelta(days=90)) == "never-relieved"
