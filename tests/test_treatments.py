"""What each treatment did and the medicines now, for the report's page 1 (issue 11):
tracker.analysis.treatments on built entries (figures computed by hand), and the report's
data through the real command group on a temporary diary."""

from __future__ import annotations

import datetime as dt

import pytest
from support import TODAY

from tracker import repository
from tracker.analysis.provokes import BeforeAfter, MeasureBeforeAfter, SameAsBeforeAnswers
from tracker.analysis.spread import Periods, Shares, Window
from tracker.analysis.treatments import (
    MedicineNow,
    TreatmentRow,
    is_imaging,
    medicines_now,
    treatment_rows,
)
from tracker.domain import Entry, Event, Site, new_entry, new_event
from tracker.medicines import MME_CAVEAT, Dose, Regimen, days_of_doses, mme_by_day
from tracker.report_inputs import report_data

DAY = dt.date(2026, 6, 10)


def _entry(day: dt.date, pain: int, at: str | None = None, *sites: Site) -> Entry:
    time = dt.time.fromisoformat(at) if at else None
    typed = dt.datetime.combine(day, time or dt.time(20, 0))
    return new_entry(day, pain, typed, time=time, where=sites)


def _days_at(pain: int, last: dt.date, count: int, *sites: Site) -> list[Entry]:
    """One entry a day on the `count` days up to `last`."""
    return [_entry(last - dt.timedelta(days=k), pain, None, *sites) for k in range(count)]


def _event(kind: str, title: str, ident: int, day: dt.date = DAY, **given: object) -> Event:
    ev = new_event(day, kind, title, **given)  # type: ignore[arg-type]
    return Event(**{**ev.__dict__, "id": ident})


def _row(rows: tuple[TreatmentRow, ...], ident: int) -> TreatmentRow:
    (row,) = [r for r in rows if r.event_id == ident]
    return row


# ---------------------------------------------------------------- judged procedures


def test_the_worked_example_block_is_a_responder_with_its_peak_and_hours():
    """Seven days at 7, a block at 09:00, readings 1 at 10:00, 2 at 12:00, 6 at 16:00:
    relief 85.7 / 71.4 / 14.3 % at 1 / 3 / 7 h; at least 50 % for 3 h, at least 80 % for 1 h."""
    entries = _days_at(7, DAY - dt.timedelta(days=1), 7)
    entries += [_entry(DAY, 1, "10:00"), _entry(DAY, 2, "12:00"), _entry(DAY, 6, "16:00")]
    block = _event("nerve-block", "L5 diagnostic root block", 4, time=dt.time(9, 0))
    (row,) = treatment_rows([block], entries, {})
    assert row == TreatmentRow(
        4,
        DAY,
        "nerve-block",
        "L5 diagnostic root block",
        "",
        85.7,
        "3 h",
        "responder (50 % threshold; also at 80 %)",
    )  # fmt: skip  (a block judged at 50 % says whether it meets the 80 % many clinics ask)
    (strict,) = treatment_rows([block], entries, {}, threshold=80)
    assert (strict.lasted, strict.verdict) == ("1 h", "responder (80 % threshold)")
    (stricter,) = treatment_rows([block], entries, {}, threshold=90)
    assert stricter.verdict == "not a responder (90 % threshold)"


def test_an_injection_is_judged_in_days_on_the_leg_of_its_side():
    """Left calf 8 for a week; after the injection on the left: 2 (75 % relief) for 10
    days, then 7. Back pain (4) is not its target."""
    sites = (Site("lower-back", 4), Site("left-calf", 8))
    entries = _days_at(6, DAY - dt.timedelta(days=1), 7, *sites)
    for day in range(1, 16):
        leg = 2 if day <= 10 else 7
        when = DAY + dt.timedelta(days=day)
        entries.append(_entry(when, 5, None, Site("lower-back", 4), Site("left-calf", leg)))
    injection = _event(
        "injection", "L5 transforaminal epidural steroid injection", 7,
        side="left", levels=("L5-S1",),
    )  # fmt: skip
    (row,) = treatment_rows([injection], entries, {})
    assert row.what == "L5 transforaminal epidural steroid injection"
    assert row.detail == "left, L5-S1"
    assert (row.peak_relief, row.lasted, row.verdict) == (
        75.0,
        "10 days",
        "responder (50 % threshold)",
    )


def test_what_is_missing_is_the_verdict_when_a_procedure_cannot_be_judged():
    few = _days_at(7, DAY - dt.timedelta(days=1), 3)
    block = _event("nerve-block", "block", 1, time=dt.time(9, 0))
    (row,) = treatment_rows([block], few + [_entry(DAY, 2, "10:00")], {})
    assert row.verdict == "no baseline: 3 of the 7 days needed logged in the 28 days before"
    assert (row.peak_relief, row.lasted) == (None, None)
    week = _days_at(7, DAY - dt.timedelta(days=1), 7)
    (row,) = treatment_rows([block], week + [_entry(DAY, 2, "10:00")], {})
    assert row.verdict == "too few readings: 1 in the 8 h after it (2 needed)"
    timeless = _event("nerve-block", "block", 2)
    (row,) = treatment_rows([timeless], week, {})
    assert row.verdict == "no time of day: its readings cannot be placed in hours"


def test_a_trial_with_more_opioid_during_it_is_not_a_responder_and_says_why():
    """Pain 8 for a week, 3 during a 5-day trial (62.5 % relief); 15 MME a day before,
    more during it."""
    entries = _days_at(8, DAY - dt.timedelta(days=1), 7)
    entries += [_entry(DAY + dt.timedelta(days=d), 3, "20:00") for d in range(5)]
    trial = _event("stimulator-trial", "SCS trial", 3, days=5)
    before = {DAY - dt.timedelta(days=d): 15.0 for d in range(1, 8)}
    during = {DAY + dt.timedelta(days=d): 15.0 for d in range(5)}
    (row,) = treatment_rows([trial], entries, before | during)
    assert row.verdict == "responder (50 % threshold)" and row.lasted == "4 days"
    (row,) = treatment_rows([trial], entries, before | during | {DAY: 45.0})
    assert row.verdict == "not a responder (50 % threshold; opioids rose during it)"


# ---------------------------------------------------------------- the others


def test_other_treatments_get_the_14_day_comparison_and_imaging_no_row():
    """Pain 5 on the 14 days before, 3 and 4 by turns on the 14 after: median 5 -> 3.5."""
    entries = _days_at(5, DAY - dt.timedelta(days=1), 14)
    entries += [_entry(DAY + dt.timedelta(days=d), 3 + d % 2) for d in range(1, 15)]
    physio = _event("physical-therapy", "Physiotherapy: 8 sessions", 1)
    mri = _event("other", "MRI lumbar spine", 2)
    acupuncture = _event("other", "Acupuncture", 3)
    start = _event("medication-start", "pregabalin 75 mg, twice daily", 4)
    rows = treatment_rows([physio, mri, acupuncture, start], entries, {})
    assert [r.event_id for r in rows] == [1, 3, 4]
    assert _row(rows, 1).verdict == "median 5 -> 3.5/10, 14 days either side"
    assert _row(rows, 1).what == "Physiotherapy: 8 sessions"
    assert (_row(rows, 1).peak_relief, _row(rows, 1).lasted) == (None, None)
    assert _row(rows, 4).what == "Pregabalin 75 mg, twice daily started"
    assert is_imaging(mri) and not is_imaging(acupuncture)
    late = _event("physical-therapy", "Hydrotherapy", 5, DAY + dt.timedelta(days=12))
    (row,) = treatment_rows([late], entries, {})
    assert row.verdict == "too few days logged to compare (13 before, 2 after; 3 needed each side)"
    (row,) = treatment_rows([late], [], {})
    assert row.verdict == "no entries around it to compare"


def test_a_free_text_medicine_start_is_not_said_twice_and_rows_follow_the_period():
    entries = _days_at(5, DAY + dt.timedelta(days=14), 29)
    started = _event("medication-start", "Started gabapentin 300 mg", 1)
    earlier = _event("physical-therapy", "Physio", 2, DAY - dt.timedelta(days=3))
    later = _event("stimulator-implant", "SCS implant", 3, DAY + dt.timedelta(days=3))
    rows = treatment_rows([later, started, earlier], entries, {})
    assert [r.event_id for r in rows] == [2, 1, 3]  # in date order
    assert _row(rows, 1).what == "Started gabapentin 300 mg"
    kept = treatment_rows([later, started, earlier], entries, {}, since=DAY, until=DAY)
    assert [r.event_id for r in kept] == [1]


def test_the_latest_surgery_gets_its_before_and_after_and_no_14_day_comparison():
    surgery = _event("surgery", "L4-L5 decompression and fusion", 1, levels=("L4-L5",))
    older = _event("surgery", "L5-S1 discectomy", 2, DAY - dt.timedelta(days=400))
    overall = MeasureBeforeAfter("overall", 8, 3.0, 3, 6.5, 2.0, "returned", 9)
    result = BeforeAfter(
        DAY, surgery.title, "memory", (overall,), (), SameAsBeforeAnswers(()), DAY, 0
    )
    entries = _days_at(5, DAY + dt.timedelta(days=14), 29)
    rows = treatment_rows([surgery, older], entries, {}, before_after=result)
    assert _row(rows, 1).detail == "L4-L5"
    assert _row(rows, 1).verdict == "overall pain 8/10 before, best 3 (month 4), now 6.5"
    assert _row(rows, 2).verdict == ""
    assert _row(treatment_rows([surgery], entries, {}), 1).verdict == ""


# ---------------------------------------------------------------- medicines now


def _periods(best_source: str = "post_op_best") -> Periods:
    empty = Shares(0, {})
    recent = Window(DAY - dt.timedelta(days=41), DAY)  # 42 days
    best = Window(dt.date(2026, 1, 1), dt.date(2026, 1, 28))  # 28 days
    return Periods(recent, best, best_source, 0, 0, empty, empty)  # type: ignore[arg-type]


def _regimens() -> list[Regimen]:
    return [
        Regimen("Lyrica", "pregabalin", 75.0, "mg", False, dt.date(2025, 12, 1), "twice daily",
                id=1),
        Regimen("tramadol", "tramadol", 50.0, "mg", True, dt.date(2025, 12, 1), id=2),
        Regimen("oxycodone", "oxycodone", 5.0, "mg", True, dt.date(2025, 12, 1),
                stopped=dt.date(2026, 2, 1), id=3),
    ]  # fmt: skip


def test_medicines_now_lists_what_is_taken_and_the_mme_now_and_at_best():
    """Tramadol 50 mg is 10 MME (CDC factor 0.2): 21 doses in the last 42 days is 5.0 a day;
    at best, 7 tramadol doses and 4 oxycodone 5 mg (7.5 MME each) in 28 days is
    (70 + 30) / 28 = 3.6 a day. Pregabalin counts for no MME."""
    doses = [
        Dose(2, DAY - dt.timedelta(days=2 * k), 50.0, dt.datetime(2026, 1, 1)) for k in range(21)
    ]
    doses += [Dose(2, dt.date(2026, 1, 1 + 4 * k), 50.0, dt.datetime(2026, 1, 1)) for k in range(7)]
    doses += [Dose(3, dt.date(2026, 1, 2 + k), 5.0, dt.datetime(2026, 1, 1)) for k in range(4)]
    doses += [Dose(1, DAY, 75.0, dt.datetime(2026, 1, 1))]
    days = days_of_doses(_regimens(), doses, None, DAY)
    found = medicines_now(_regimens(), days, _periods(), DAY)
    assert found is not None
    assert found.current == (
        MedicineNow("Lyrica", "75 mg", "twice daily", dt.date(2025, 12, 1), False),
        MedicineNow("tramadol", "50 mg", "as needed", dt.date(2025, 12, 1), True),
    )
    assert (found.mme_now, found.mme_best) == (5.0, 3.6)
    assert found.mme_by_day == mme_by_day(days) and found.mme_by_day[DAY] == 10.0
    assert found.caveat == MME_CAVEAT
    since = medicines_now(_regimens(), days, _periods(), DAY, first_day=dt.date(2026, 2, 1))
    assert since is not None and min(since.mme_by_day) >= dt.date(2026, 2, 1)
    fallback = medicines_now(_regimens(), days, _periods("first_6_weeks"), DAY)
    assert fallback is not None and (fallback.mme_now, fallback.mme_best) == (5.0, None)
    unknown = medicines_now(_regimens(), days, None, DAY)
    assert unknown is not None and (unknown.mme_now, unknown.mme_best) == (None, None)
    assert medicines_now([], [], _periods(), DAY) is None


# ---------------------------------------------------------------- through the command group


def _ok(result):
    assert result.exit_code == 0, result.output
    return result.output


@pytest.fixture
def treated(run):
    """A diary typed as a patient would: a week at 7, a block at 09:00 with readings, an
    MRI, tramadol as needed with doses."""
    _ok(run("med", "add", "tramadol", "--strength", "50mg", "--as-needed", "--date",
            "2026-09-01"))  # fmt: skip
    for back in range(1, 8):
        day = (TODAY - dt.timedelta(days=back)).isoformat()
        _ok(run("log", "7", "--date", day))
        _ok(run("dose", "tramadol", "--date", day))
    _ok(run("event", "add", "today", "nerve-block", "L5 root block", "--at", "09:00",
            "--side", "left", "--levels", "L5-S1"))  # fmt: skip
    _ok(run("event", "add", "2026-11-20", "other", "MRI lumbar spine"))
    for pain, at in (("1", "10:00"), ("2", "12:00"), ("6", "16:00")):
        _ok(run("log", pain, "--at", at))
    return run


def test_the_report_data_carries_the_treatments_and_the_medicines(treated, diary):
    database = diary.database()
    try:
        with database.session(write=False) as session:
            data = report_data(session, today=TODAY)
            ids = {e.title: e.id for e in repository.list_events(session)}
    finally:
        database.dispose()
    assert [r.kind for r in data.treatments] == ["medication-start", "nerve-block"]
    block = _row(data.treatments, ids["L5 root block"])
    assert (block.detail, block.peak_relief, block.lasted) == ("left, L5-S1", 85.7, "3 h")
    assert block.verdict == "responder (50 % threshold; also at 80 %)"
    assert data.treatments[0].what == "Tramadol 50 mg, as needed started"
    assert data.medicines is not None
    (now,) = data.medicines.current
    assert (now.name, now.strength, now.schedule, now.opioid) == (
        "tramadol", "50 mg", "as needed", True,
    )  # fmt: skip
    # 7 doses of 10 MME over the 8 days of the last 6 weeks since day 0 (the first entry)
    assert data.medicines.mme_now == round(7 * 10 / 8, 1)
    assert data.medicines.mme_by_day == {
        TODAY - dt.timedelta(days=back): 10.0 for back in range(7, 0, -1)
    }


def test_a_recent_change_says_the_days_since_it_not_14_either_side():
    # "Pregabalin 75 mg -> 150 mg: median 5 -> 5/10, 14 days either side", 7 days after it.
    from tracker.analysis.spread import EventChange
    from tracker.analysis.treatments import change_verdict
    from tracker.domain import new_event

    change = new_event(TODAY, "medication-change", "Pregabalin 75 mg -> 150 mg")
    recent = EventChange(change, 60, 5.0, 5.0, 14, 7, 0.0, after_span=7)
    assert change_verdict(recent) == "median 5 -> 5/10, the 14 days before, the 7 days since"
    settled = EventChange(change, 60, 5.0, 4.0, 14, 14, -1.0)
    assert change_verdict(settled) == "median 5 -> 4/10, 14 days either side"
