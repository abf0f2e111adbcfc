"""The report's lines on what provokes it (tracker.provokes_wording), from the analysis's
typed results: shares of days, nights woken, minutes, the nerve self-check, skin areas."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from tracker import provokes_wording as words
from tracker.analysis import provokes as an
from tracker.domain import Site
from tracker.weekly import ClinicScore, Goal, new_check

DAY0 = dt.date(2026, 1, 5)


@dataclass(frozen=True)
class Day:
    day: dt.date
    pain: int
    where: tuple[Site, ...] = ()
    radiates: tuple[str, ...] = ()
    numb: tuple[str, ...] = ()
    qualities: tuple[str, ...] = ()
    worse_with: tuple[str, ...] = ()
    better_with: tuple[str, ...] = ()
    woke: int | None = None


def _on(n: int) -> dt.date:
    return DAY0 + dt.timedelta(days=n)


def _result() -> an.Provokes:
    entries = [
        Day(_on(n), 6, where=(Site("left-calf", 6),),
            worse_with=("standing", "walking") if n % 5 else ("lifting",),
            better_with=("sitting",) if n % 5 else ("lying",),
            woke=2 if n >= 30 else 0, numb=("left-big-toe",) if n >= 40 else ())
        for n in range(1, 51)
    ]  # fmt: skip
    checks = [
        new_check(_on(7 * k), dt.datetime.combine(_on(7 * k), dt.time(20)),
                  walk_minutes=40 - 5 * k, heel_walk="yes" if k < 6 else "no")
        for k in range(1, 8)
    ]  # fmt: skip
    return an.provokes(entries, checks, DAY0, _on(50))


def test_the_share_of_days_reads_largest_first_by_kind_of_pain():
    leg = {s.scope: s for s in _result().overall}["leg"]
    assert words.activity_line(leg) == (
        "Leg-pain days (50 with movement answers): worse standing 80 %, walking 80 %, "
        "lifting 20 %; eased by sitting 80 %, lying down 20 %."
    )
    back = {s.scope: s for s in _result().overall}["back"]
    assert words.activity_line(back) is None  # no back pain located


def test_nights_woken_say_the_whole_and_the_latest_full_month():
    assert words.nights_sentence(_result()) == (
        "Woken by pain on 21 of 50 nights answered; in the 30 days from 4 February 2026, "
        "21 of 21, up to 2 times a night."
    )


def test_minutes_read_first_and_latest_with_their_dates():
    walk = {m.measure: m for m in _result().weekly.minutes}["walk_minutes"]
    assert words.minutes_sentence(walk) == (
        "Walking before leg symptoms stop or slow you: 35 min on 12 January 2026, 5 min on "
        "23 February 2026 (7 weekly answers)."
    )
    sit = {m.measure: m for m in _result().weekly.minutes}["sit_minutes"]
    assert words.minutes_sentence(sit) is None


def test_the_section_has_every_part_in_order_with_the_date_a_failure_appeared():
    lines = words.provokes_lines(_result())
    assert lines[0].startswith("All days (50 with movement answers)")
    assert lines[1].startswith("Leg-pain days")
    assert lines[2].startswith("Leg pain worse standing and walking and eased by sitting")
    assert "a pattern often seen with spinal stenosis" in lines[2]
    assert lines[3].startswith("Woken by pain")
    assert lines[4].startswith("Walking before leg symptoms")
    assert lines[5] == (
        "Heel walk: failed on 23 February 2026; failed in 2 of 7 weeks, first on 16 February"
        " 2026; new weakness from 16 February 2026."
    )
    assert lines[-1] == (
        "Numbness in the left L5 skin area: big toe (11 days, 14 February 2026 to 24 February"
        " 2026)."
    )


def _weekly_result() -> an.Provokes:
    """Four weekly checks with the function questions answered, goals and a clinic score."""
    checks = [
        new_check(_on(7 * k), dt.datetime.combine(_on(7 * k), dt.time(20)),
                  interference=2 + k, sleep_interference=1 + k,
                  work="modified" if k < 3 else "off",
                  change="much-better" if k < 3 else "a-little-worse",
                  goals=(Goal("walk the dog", 8 - 2 * k), Goal("garden", 6)),
                  clinic_scores=(ClinicScore("odi", 30 + 4 * k),) if k in (1, 4) else ())
        for k in range(1, 5)
    ]  # fmt: skip
    return an.provokes([Day(_on(1), 5)], checks, DAY0, _on(30))


def test_how_daily_life_is_going_reads_first_and_latest_answers_with_their_dates():
    assert words.function_lines(_weekly_result()) == [
        "Pain got in the way of daily life: 3/10 on 12 January 2026, 6/10 on 2 February 2026; "
        "of sleep: 2/10 on 12 January 2026, 5/10 on 2 February 2026 (0 = not at all, 10 = "
        "completely).",
        "Work: modified duties on 12 January 2026, off work on 2 February 2026 (4 weekly answers).",
        "Change since surgery: much better on 12 January 2026, a little worse on 2 February "
        "2026 (4 weekly answers).",
        "Own activities (0-10, 10 = as before the problem), 12 January 2026 to 2 February "
        "2026: walk the dog 6 -> 0, garden 6 -> 6; average change -3.0.",
        "Clinic score, Oswestry Disability Index, 0-100 %: 34 on 12 January 2026, 46 on 2 "
        "February 2026.",
    ]
    assert words.function_lines(_result()) == []  # no function questions answered


def test_the_compact_section_joins_each_question_group_and_keeps_every_fact():
    checks = [
        new_check(_on(7 * k), dt.datetime.combine(_on(7 * k), dt.time(20)),
                  walk_minutes=40 - 5 * k, sit_minutes=30, heel_walk="yes" if k < 3 else "no",
                  toe_walk="yes", tripping="no")
        for k in range(1, 5)
    ]  # fmt: skip
    back_and_leg = (Site("lower-back", 4), Site("left-calf", 6))
    entries = [Day(_on(n), 6, where=back_and_leg, worse_with=("walking",)) for n in range(1, 29)]
    result = an.provokes(entries, checks, DAY0, _on(30))
    full, compact = words.provokes_lines(result), words.provokes_lines(result, compact=True)
    assert full[0].startswith("All days") and compact[0].startswith("Back-pain days")
    assert len(compact) == len(full) - 1 - 1 - 2  # all days; sitting; toe walk and tripping
    assert "Walking before leg symptoms stop or slow you: 35 min on 12 January 2026" in compact[2]
    assert "Sitting: 30 min" in compact[2]
    assert compact[3].startswith("Nerve self-check: Heel walk: failed on 2 February 2026")
    assert compact[3].endswith(
        "Toe walk: passed on 2 February 2026. Tripping: no on 2 February 2026."
    )
    for line in full[1:]:
        assert line in " ".join(compact)
    # no back pain rated: the all-days shares stay
    assert words.provokes_lines(_result(), compact=True)[0].startswith("All days")


def test_new_weakness_is_named_with_the_date_it_began():
    assert words.weakness_phrase(_result().weekly.nerves) == (
        "heel walk failed since 16 February 2026"
    )
    assert words.weakness_phrase(_weekly_result().weekly.nerves) is None


def test_the_before_after_table_rows_are_the_ones_trend_prints():
    from tracker.before_surgery import PainBefore

    before = PainBefore(pain=8, where=(Site("left-calf", 8),), radiates=("left-calf",),
                        numb=(), source="memory")  # fmt: skip
    entries = [Day(_on(n), 3 if n < 60 else 7, where=(Site("left-calf", 3 if n < 60 else 7),))
               for n in range(1, 120)]  # fmt: skip
    result = an.before_after(entries, [], DAY0, "L5-S1 discectomy", before, _on(119))
    rows = words.before_after_rows(result)
    assert rows[0] == ("Overall pain", "8/10", "3/10 (month 1)", "7/10")
    printed = words.before_after_lines(result)
    assert printed[0] == words.before_after_title(result) + ":"
    assert (
        printed[0]
        == "Before and after surgery (L5-S1 discectomy, 5 January 2026; before, as remembered):"
    )
    for row in rows:
        assert " ".join(row) in " ".join(" ".join(line.split()) for line in printed)
    for line in words.before_after_findings(result):
        assert line in printed
    assert (
        "Leg pain returned: 3/10 at best (month 1), within 2 points of the 8/10 before "
        "from month 3 (6 March 2026 on); now 7/10."
    ) in printed
