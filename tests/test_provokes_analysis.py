"""The analysis of issue 9 and 14: shares of days, pattern notes with their days, nights,
skin areas, the weekly answers, and the pain before surgery against the pain since."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

import pytest

from tracker.analysis import provokes as an
from tracker.before_surgery import new_pain_before
from tracker.domain import Site
from tracker.weekly import Goal, new_check

DAY0 = dt.date(2026, 1, 5)


@dataclass(frozen=True)
class Day:
    """An entry with only what the analysis reads (the domain's Entry has all of it)."""

    day: dt.date
    pain: int
    where: tuple[Site, ...] = ()
    radiates: tuple[str, ...] = ()
    numb: tuple[str, ...] = ()
    qualities: tuple[str, ...] = ()
    worse_with: tuple[str, ...] = ()
    better_with: tuple[str, ...] = ()
    woke: int | None = None


def _day(n: int) -> dt.date:
    return DAY0 + dt.timedelta(days=n)


def _leg_days(count: int, fitting: int, start: int = 1) -> list[Day]:
    """Leg-pain days: the first `fitting` worse standing/walking and eased by sitting."""
    days = []
    for n in range(count):
        fits = n < fitting
        days.append(
            Day(
                _day(start + n),
                6,
                where=(Site("left-calf", 6),),
                worse_with=("standing", "walking") if fits else ("sitting",),
                better_with=("sitting",) if fits else ("walking",),
            )
        )
    return days


def test_shares_of_days_by_scope_and_month():
    entries = _leg_days(20, 16) + [
        Day(_day(40), 4, where=(Site("lower-back", 4),), worse_with=("bending-back",)),
        Day(_day(41), 3),  # no movement answer: not counted
    ]
    result = an.provokes(entries, [], DAY0, _day(45))
    overall = {s.scope: s for s in result.overall}
    assert overall["all"].days_answered == 21
    assert overall["leg"].days_answered == 20 and overall["back"].days_answered == 1
    leg = overall["leg"]
    assert (leg.worse_share("standing"), leg.eased_share("sitting")) == (0.8, 0.8)
    assert leg.worse_share("sitting") == 0.2 and leg.worse_share("lifting") == 0.0
    assert [a.activity for a in leg.activities] == ["sitting", "standing", "walking"]
    assert [m.month_index for m in result.months] == [0, 1]
    month1 = {s.scope: s for s in result.months[1].scopes}
    assert month1["back"].worse_share("bending-back") == 1.0
    assert result.months[1].start == _day(30)


def test_the_stenosis_pattern_is_noted_with_the_days_it_rests_on():
    result = an.provokes(_leg_days(20, 16), [], DAY0, _day(30))
    (note,) = result.patterns
    assert (note.code, note.scope, note.days, note.days_answered) == ("stenosis", "leg", 16, 20)
    assert (note.first, note.last) == (_day(1), _day(16))
    assert (note.worse, note.eased) == (("standing", "walking"), ("sitting",))
    assert note.share == 0.8


@pytest.mark.parametrize(
    ("count", "fitting"),
    [(9, 9), (20, 11)],  # too few days; below 60 %
    ids=["nine-days", "55-percent"],
)
def test_no_pattern_below_its_thresholds(count, fitting):
    assert an.provokes(_leg_days(count, fitting), [], DAY0, _day(40)).patterns == ()


def test_other_patterns_and_night_pain_that_nothing_eases():
    back = [
        Day(
            _day(n),
            5,
            where=(Site("lower-back", 5),),
            worse_with=("bending-back", "twisting"),
            better_with=("lying",),
        )
        for n in range(1, 13)
    ]
    nights = [Day(_day(n), 7, woke=2, better_with=("nothing",)) for n in (50, 52, 55)]
    result = an.provokes(back + nights, [], DAY0, _day(56))
    codes = {n.code: n for n in result.patterns}
    assert set(codes) == {"facet", "night"}
    assert (codes["facet"].days, codes["facet"].days_answered) == (12, 12)
    assert (codes["night"].days, codes["night"].first) == (3, _day(50))
    assert result.nights_answered == 3 and result.nights_woken == 3
    assert [(m.month_index, m.times, m.most) for m in result.nights] == [(1, 6, 2)]


def test_burning_pain_the_same_in_every_position_after_six_weeks():
    days = [
        Day(_day(n), 6, qualities=("burning",), better_with=("nothing",)) for n in range(42, 54)
    ]
    early = [Day(_day(n), 6, qualities=("burning",), better_with=("nothing",)) for n in (5, 6)]
    notes = an.provokes(early + days, [], DAY0, _day(60)).patterns
    fibrosis = next(n for n in notes if n.code == "fibrosis")
    assert (fibrosis.days, fibrosis.days_answered, fibrosis.first) == (12, 12, _day(42))


def test_numbness_is_named_by_skin_area():
    entries = [
        Day(_day(3), 5, numb=("left-top-of-foot", "left-big-toe", "left-thigh")),
        Day(_day(4), 5, numb=("left-big-toe", "right-sole")),
    ]
    areas = an.skin_areas(entries)
    assert [(a.root, a.side, a.places, a.days, a.first, a.last) for a in areas] == [
        ("L5", "left", ("left-top-of-foot", "left-big-toe"), 2, _day(3), _day(4)),
        ("S1", "right", ("right-sole",), 1, _day(4), _day(4)),
    ]


def _week(n: int, **answers: object):
    day = _day(7 * n)
    return new_check(day, dt.datetime.combine(day, dt.time(20)), **answers)


def test_weekly_answers_walking_minutes_nerves_and_goals():
    checks = [
        _week(1, walk_minutes=40, heel_walk="yes", tripping="no", goals=(Goal("walk dog", 7),)),
        _week(2, walk_minutes=30, heel_walk="not-tried", work="modified"),
        _week(3, walk_minutes=15, heel_walk="no", tripping="no", goals=(Goal("Walk dog", 3),)),
        _week(4, walk_minutes=10, heel_walk="no", tripping="yes", interference=7),
    ]
    weekly = an.weekly_answers(checks[::-1])
    walk = weekly.minutes[0]
    assert walk.measure == "walk_minutes"
    assert [(p.day, p.minutes) for p in walk.points] == [
        (_day(7), 40), (_day(14), 30), (_day(21), 15), (_day(28), 10),
    ]  # fmt: skip
    heel, toe, tripping = weekly.nerves
    assert (heel.first_failure, heel.new_failure, heel.failures, heel.latest) == (
        _day(21), _day(21), 2, "no",
    )  # fmt: skip
    assert (toe.answered, toe.latest, toe.first_failure) == (0, None, None)
    assert (tripping.new_failure, tripping.latest_date) == (_day(28), _day(28))
    (goal,) = weekly.goals
    assert (goal.name, goal.first, goal.latest, goal.change, goal.matters) == (
        "Walk dog", 7, 3, -4, True,
    )  # fmt: skip
    assert weekly.goal_average_change == -4
    latest = {item.question: (item.answer, item.day) for item in weekly.latest}
    assert latest["work"] == ("modified", _day(14))
    assert latest["interference"] == (7, _day(28))
    assert latest["change"] == (None, None)


# ---------------------------------------------------------------- before and after


BEFORE = new_pain_before(
    8, (Site("left-calf", 8), Site("lower-back", 5)), ("left-calf",), (), "memory"
)


def _course(values: list[tuple[int, int, int]]) -> list[Day]:
    """One entry a day for 30 days per (overall, back, leg) value, month after month."""
    entries = []
    for month, (overall, back, leg) in enumerate(values):
        for n in range(30):
            entries.append(
                Day(
                    _day(1 + month * 30 + n),
                    overall,
                    where=(Site("lower-back", back), Site("left-calf", leg)),
                    radiates=("left-foot",) if leg > 4 else (),
                )
            )
    return entries


def _measures(result: an.BeforeAfter) -> dict[str, an.MeasureBeforeAfter]:
    return {m.measure: m for m in result.measures}


def test_leg_pain_never_relieved():
    entries = _course([(7, 2, 7), (6, 1, 7), (7, 1, 7)])
    result = an.before_after(entries, [], DAY0, "L5-S1 discectomy", BEFORE, _day(90))
    leg, back = _measures(result)["leg"], _measures(result)["back"]
    assert (leg.before, leg.best_after, leg.now, leg.finding) == (8, 7.0, 7.0, "never-relieved")
    assert (back.before, back.best_after, back.finding) == (5, 1.0, "relieved")
    assert _measures(result)["overall"].important == 2.0
    assert result.recent_days == 42


def test_pain_returned_from_the_month_it_came_back_to_stay():
    # Leg pain back within 2 points of the 8 before in month 5, below it again in months 6
    # and 7, back from month 8 on: the report said "from month 5 (... on)" of months 6-7.
    months = [(3, 2, 3), (2, 2, 1), (2, 2, 1), (3, 2, 2), (7, 3, 7), (3, 2, 3), (3, 2, 3),
              (7, 3, 7), (7, 3, 8)]  # fmt: skip
    result = an.before_after(_course(months), [], DAY0, "discectomy", BEFORE, _day(270))
    leg = _measures(result)["leg"]
    assert (leg.finding, leg.returned_month, leg.returned_since) == ("returned", 7, True)
    from tracker import provokes_wording as words

    line = next(t for t in words.before_after_findings(result) if t.startswith("Leg pain"))
    assert "within 2 points of the 8/10 before from month 8 (" in line


def test_leg_pain_returned_after_months_of_relief():
    entries = _course([(3, 2, 3), (2, 2, 1), (2, 2, 1), (3, 2, 2), (3, 2, 4), (7, 3, 7), (7, 3, 8)])
    result = an.before_after(entries, [], DAY0, "discectomy", BEFORE, _day(210))
    leg = _measures(result)["leg"]
    assert (leg.best_after, leg.best_month, leg.finding, leg.returned_month) == (
        1.0, 1, "returned", 5,
    )  # fmt: skip
    reach = {(r.side, r.kind): r for r in result.reach}
    assert (reach["left", "pain"].before, reach["left", "pain"].best_after) == (
        "left-calf", "left-calf",
    )  # fmt: skip
    assert reach["left", "pain"].now == "left-foot"


def test_a_pain_not_there_before_is_new():
    before = new_pain_before(7, (Site("left-calf", 7),))
    entries = _course([(5, 5, 1), (5, 5, 1)])
    back = _measures(an.before_after(entries, [], DAY0, "x", before, _day(60)))["back"]
    assert (back.before, back.now, back.finding) == (0, 5.0, "new")


def test_same_as_before_answers_since_surgery():
    checks = [
        _week(-1, same_as_before="same"),  # before surgery: not counted
        _week(2, same_as_before="different"),
        _week(3, same_as_before="different"),
        _week(4, same_as_before="partly"),
        _week(5, same_as_before="same"),
        _week(6, same_as_before="no-pain"),
        _week(7, interference=3),
    ]
    answers = an.before_after([], checks, DAY0, "x", BEFORE, _day(60)).same_as_before
    assert answers.total == 5 and answers.with_pain == 4
    assert [answers.count(a) for a in ("same", "partly", "different")] == [1, 1, 2]
    assert answers.answers[0] == (_day(14), "different")


def test_important_change_is_2_points_or_30_percent_at_least_1():
    assert [an.important_change(v) for v in (10, 7, 5, 2)] == [2.0, 2.0, 1.5, 1.0]


# ---------------------------------------------------------------- the sentences


def test_pattern_sentences_name_the_days_and_never_diagnose():
    from tracker import provokes_wording as words

    (note,) = an.provokes(_leg_days(20, 16), [], DAY0, _day(30)).patterns
    assert words.pattern_sentence(note) == (
        # "or": a day fits on any of them (the demo's page 4 said "standing and walking" of
        # days counted on either); the dates are of the days that fit, said apart
        "Leg pain worse standing or walking and eased by sitting on 80 % of days (16 of the 20 "
        "days with movement answers; the first 6 January 2026, the last 21 January 2026): a "
        "pattern often seen with spinal stenosis (neurogenic claudication)."
    )


def test_before_after_lines():
    from tracker import provokes_wording as words

    entries = _course([(7, 2, 7), (6, 1, 7), (7, 1, 7)])
    checks = [_week(2, same_as_before="different"), _week(9, same_as_before="same")]
    lines = words.before_after_lines(
        an.before_after(entries, checks, DAY0, "L5-S1 discectomy", BEFORE, _day(90))
    )
    assert (
        lines[0]
        == "Before and after surgery (L5-S1 discectomy, 5 January 2026; before, as remembered):"
    )
    assert lines[2].split() == ["Overall", "pain", "8/10", "6/10", "(month", "2)", "7/10"]
    assert "Leg pain was never relieved: best after surgery 7/10 vs 8/10 before." in lines
    assert (
        "Overall pain returned: 6/10 at best (month 2), within 2 points of the 8/10 before "
        "from month 3 (6 March 2026 on); now 7/10."
    ) in lines
    assert "Back pain is lower than before surgery: 1/10 now vs 5/10." in lines
    assert "Pain now reaches the foot of the left leg; before surgery the calf." in lines
    assert lines[-1] == (
        "The same pain as before the operation? 2 weekly answers since surgery: same 1 (50 %), "
        'partly 0 (0 %), different 1 (50 %); from "different" (19 January 2026) to "same" '
        "(9 March 2026)."
    )


# ---------------------------------------------------------------- by month (issue 9)


def _month_days(month: int, count: int, worse: tuple[str, ...], eased: tuple[str, ...],
                where: str = "left-calf", start: int = 0) -> list[Day]:  # fmt: skip
    return [
        Day(
            _day(30 * month + start + n),
            5,
            where=(Site(where, 5),),
            worse_with=worse,
            better_with=eased,
        )
        for n in range(count)
    ]


def test_by_month_gives_each_months_share_of_answered_days_back_against_leg():
    """Month 1 (index 0): 10 leg days worse walking, eased by sitting on 5; month 3 (index
    2): 8 leg days worse standing; back pain only in month 1 (7 days worse sitting)."""
    entries = (
        _month_days(0, 5, ("walking",), ("sitting",))
        + _month_days(0, 5, ("walking",), (), start=5)
        + _month_days(0, 7, ("sitting",), (), where="lower-back", start=10)
        + _month_days(2, 8, ("standing",), ())
    )
    by = an.provokes(entries, [], DAY0, _day(75)).by_month
    assert by is not None
    assert by.months == (0, 1, 2) and by.partial == 2  # day 75 is the 16th of month index 2
    back, leg = by.scopes
    assert (back.scope, back.answered) == ("back", (7, 0, 0))
    assert (leg.scope, leg.answered) == ("leg", (10, 0, 8))
    rows = {(r.direction, r.activity): r for r in leg.rows}
    # since day 0: walking 10 of 18 days, standing 8 of 18, sitting eased 5 of 18 (all >= 20 %)
    assert list(rows) == [("worse", "walking"), ("worse", "standing"), ("eased", "sitting")]
    walking = rows["worse", "walking"]
    assert (walking.days, walking.answered) == (10, 18)
    assert [c.share for c in walking.cells] == [1.0, None, 0.0]  # month 2: nothing answered
    assert [c.share for c in rows["worse", "standing"].cells] == [0.0, None, 1.0]
    assert [c.share for c in rows["eased", "sitting"].cells] == [0.5, None, 0.0]
    assert [(r.direction, r.activity) for r in back.rows] == [("worse", "sitting")]
    assert by.nights is None  # no night answered


def test_by_month_leaves_a_month_blank_below_7_answered_days():
    entries = _month_days(0, 7, ("walking",), ()) + _month_days(1, 6, ("walking",), ())
    by = an.provokes(entries, [], DAY0, _day(59)).by_month
    assert by is not None and by.partial is None  # day 59 closes month index 1
    (leg,) = by.scopes
    (walking,) = leg.rows
    assert [(c.days, c.answered, c.share) for c in walking.cells] == [(7, 7, 1.0), (6, 6, None)]
    assert an.MONTH_MIN_ANSWERED == 7


def test_by_month_rows_are_the_activities_that_matter_at_most_four_each_way():
    """An activity named on under 20 % of the answered days has no row; at most 4 each way,
    the most frequent first; 'nothing' eases nothing, but is a row when it is frequent."""
    worse = ("walking", "standing", "sitting", "lifting", "twisting")
    entries = _month_days(0, 8, worse, ("nothing",)) + _month_days(1, 2, ("coughing",), ())
    by = an.provokes(entries, [], DAY0, _day(59)).by_month
    assert by is not None
    (leg,) = by.scopes
    said = [(r.direction, r.activity) for r in leg.rows]
    assert said == [
        ("worse", "sitting"), ("worse", "standing"), ("worse", "walking"), ("worse", "twisting"),
        ("eased", "nothing"),
    ]  # fmt: skip
    # coughing: 2 of 10 days is 20 %, but the four most frequent come first
    assert all(r.share == 0.8 for r in leg.rows)


def test_by_month_falls_back_to_all_days_and_counts_nights_woken():
    entries = [Day(_day(n), 4, worse_with=("sitting",), woke=1 if n % 2 else 0) for n in range(10)]
    by = an.provokes(entries, [], DAY0, _day(20)).by_month
    assert by is not None
    (everyday,) = by.scopes
    assert everyday.scope == "all" and everyday.answered == (10,)
    assert by.nights is not None
    assert (by.nights.days, by.nights.answered) == (5, 10)
    assert [c.share for c in by.nights.cells] == [0.5]


def test_by_month_is_none_without_any_answer():
    assert an.provokes([Day(_day(1), 3)], [], DAY0, _day(5)).by_month is None
