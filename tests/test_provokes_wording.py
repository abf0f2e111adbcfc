"""The report's lines on what provokes it (tracker.provokes_wording), from the analysis's
typed results: nights woken, the nerve self-check, page 4's pattern notes and weekly line."""

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


def test_nights_woken_say_the_whole_and_the_latest_full_month():
    assert words.nights_sentence(_result()) == (
        "Woken by pain on 21 of 50 nights answered; in the 30 days from 4 February 2026, "
        "21 of 21, up to 2 times a night."
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


def test_page_four_says_the_weekly_answers_in_one_line_first_to_latest():
    assert words.weekly_line(_weekly_result()) == (
        "Weekly answers, first -> latest (4 weekly checks, 12 January 2026 to 2 February 2026): "
        "pain got in the way of daily life 3 -> 6/10 and of sleep 2 -> 5/10 (0 = not at all, "
        "10 = completely); work: modified duties -> off work; change since surgery: much "
        "better -> a little worse; own activities (10 = as before the problem): walk the dog "
        "6 -> 0, garden 6 -> 6 (average change -3.0)."
    )
    assert words.weekly_line(_result()) is None  # the minutes and nerves only: charted, page 1


def test_page_four_tells_each_fact_once_beside_its_charts():
    """The pattern notes with their days, the weekly line, the clinic scores; not the shares,
    nights, minutes, nerve self-check or skin areas (charted above, or on pages 1 and 3)."""
    lines = words.page_four_lines(_weekly_result())
    assert lines[0].startswith("Weekly answers, first -> latest")
    assert lines[1:] == [
        "Clinic score, Oswestry Disability Index, 0-100 %: 34 on 12 January 2026, 46 on 2 "
        "February 2026."
    ]
    result = _result()
    said = words.page_four_lines(result)
    assert said == [words.pattern_sentence(note) for note in result.patterns]
    assert said and "a pattern often seen with spinal stenosis" in said[0]
    assert not any(line.startswith(("Leg-pain days", "Woken", "Walking", "Numbness"))
                   for line in said)  # fmt: skip
