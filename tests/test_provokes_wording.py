"""The report's lines on what provokes it (tracker.provokes_wording), from the analysis's
typed results: shares of days, nights woken, minutes, the nerve self-check, skin areas."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from tracker import provokes_wording as words
from tracker.analysis import provokes as an
from tracker.domain import Site
from tracker.weekly import new_check

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
