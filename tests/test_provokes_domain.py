"""Pure rules of issue 9 and 14: activities, nights woken, skin areas, the weekly check,
the new-weakness rule and the pain before surgery."""

from __future__ import annotations

import datetime as dt

import pytest

from tracker import activities, regions, weekly
from tracker.before_surgery import new_pain_before, parse_before_pain, parse_source
from tracker.domain import Site
from tracker.errors import TrackerError
from tracker.weekly import ClinicScore, Goal, WeeklyCheck, new_check, new_weakness

AT = dt.datetime(2026, 11, 2, 20, 0)

# ---------------------------------------------------------------- activities


@pytest.mark.parametrize(
    ("typed", "eased", "expected"),
    [
        (["walking", "standing"], False, ("standing", "walking")),  # vocabulary order
        (["sit"], True, ("sitting",)),
        (["Bending"], False, ("bending-forward",)),
        (["stairs"], False, ("walking",)),
        (["lying down"], True, ("lying",)),
        (["Lying_Down", "lie", "bed"], True, ("lying",)),  # repeats fold into one
        (["sneezing", "getting out of bed"], False, ("getting-up", "coughing")),
        (["leaning back", "twist"], False, ("bending-back", "twisting")),
        (["nothing"], True, ("nothing",)),
        (["Nothing helps"], True, ("nothing",)),
        ([], False, ()),
    ],
)
def test_activities_resolve_to_canonical_names_in_vocabulary_order(typed, eased, expected):
    assert activities.parse_activities(typed, eased=eased) == expected


def test_every_canonical_activity_is_accepted_both_ways():
    names = list(activities.ACTIVITIES)
    assert names == [
        "sitting", "standing", "walking", "bending-forward", "bending-back", "twisting",
        "lifting", "lying", "getting-up", "coughing",
    ]  # fmt: skip
    assert activities.parse_activities(names[::-1], eased=False) == tuple(names)
    assert activities.parse_activities(names, eased=True) == tuple(names)


@pytest.mark.parametrize(
    ("typed", "eased", "message"),
    [
        (["walkin"], False, "unknown activity 'walkin' for --worse-with (did you mean walking?);"),
        (["sittin"], True, "unknown activity 'sittin' for --better-with (did you mean sitting"),
        (["xyzzy"], False, "unknown activity 'xyzzy' for --worse-with; accepted: sitting,"),
        (["nothing"], False, "'nothing' is only for what eased the pain (--better-with)"),
        (["nothing", "sit"], True, "--better-with 'nothing' cannot go with sitting"),
    ],
)
def test_bad_activities_are_refused_with_the_closest_names(typed, eased, message):
    with pytest.raises(TrackerError) as caught:
        activities.parse_activities(typed, eased=eased)
    assert caught.value.message.startswith(message)
    if "accepted" in message or "did you mean" in message:
        assert caught.value.message.endswith("getting-up, coughing" + (", nothing" * eased))


@pytest.mark.parametrize(("typed", "value"), [("0", 0), ("3", 3), (" 20 ", 20), (7, 7)])
def test_woke_accepts_0_to_20(typed, value):
    assert activities.parse_woke(typed) == value


@pytest.mark.parametrize("typed", ["21", "-1", "two", "", "1.5", "100"])
def test_woke_refuses_anything_else(typed):
    with pytest.raises(TrackerError, match="give a whole number from 0 to 20"):
        activities.parse_woke(typed)


# ---------------------------------------------------------------- finer regions, skin areas


@pytest.mark.parametrize(
    ("typed", "expected"),
    [
        ("left sole", ("left-sole",)), ("L big toe", ("left-big-toe",)),
        ("right hamstring", ("right-back-thigh",)), ("both soles", ("left-sole", "right-sole")),
        ("instep left", ("left-top-of-foot",)), ("left top of the foot", ("left-top-of-foot",)),
        ("R outer shin", ("right-outer-shin",)), ("left inner shin", ("left-inner-shin",)),
        ("right little toe", ("right-little-toe",)), ("left front of thigh", ("left-front-thigh",)),
        ("left outside of foot", ("left-outer-foot",)),
        # existing names keep their meaning
        ("left foot", ("left-foot",)), ("left toes", ("left-toes",)), ("L calf", ("left-calf",)),
        ("left thigh", ("left-thigh",)), ("heel left", ("left-foot",)),
    ],
)  # fmt: skip
def test_finer_places_resolve(typed, expected):
    assert regions.resolve(typed) == expected


def test_finer_places_sit_after_their_parent_at_its_level_with_their_skin_area():
    leg = [n.removeprefix("left-") for n in regions.NAMES if n.startswith("left-")][:20]
    assert leg == [
        "si-joint", "buttock", "hip", "groin", "thigh", "front-thigh", "back-thigh", "knee",
        "calf", "shin", "outer-shin", "inner-shin", "ankle", "foot", "top-of-foot", "sole",
        "outer-foot", "toes", "big-toe", "little-toe",
    ]  # fmt: skip
    roots = {name: regions.skin_area(f"right-{name}") for name in leg}
    assert {n: r for n, r in roots.items() if r} == {
        "calf": "S1",  # the back of the calf
        "outer-shin": "L5", "inner-shin": "L4", "top-of-foot": "L5", "sole": "S1",
        "outer-foot": "S1", "big-toe": "L5", "little-toe": "S1",
    }  # fmt: skip
    for name in regions.NAMES:
        region = regions.REGIONS[name]
        if region.parent:
            parent = regions.REGIONS[region.parent]
            assert (region.level, region.side, region.group) == (
                parent.level, parent.side, parent.group,
            )  # fmt: skip
            assert regions.broader(name) == region.parent
        else:
            assert regions.broader(name) == name
    assert regions.farthest(["left-thigh", "left-big-toe"], "left", "leg") == "left-big-toe"
    assert regions.level("left-sole") == regions.level("left-foot")


def test_a_finer_place_without_a_side_asks_for_one():
    with pytest.raises(TrackerError, match="say which side for 'big toe': left-big-toe"):
        regions.resolve("big toe")


# ---------------------------------------------------------------- the weekly check


def test_a_full_check_keeps_every_answer():
    check = new_check(
        dt.date(2026, 11, 2), AT,
        interference=6, sleep_interference=4, walk_minutes=15, sit_minutes=45, stand_minutes=10,
        heel_walk="yes", toe_walk="not-tried", tripping="no", work="modified",
        change="a-little-worse", goals=weekly.parse_goals(["walk the dog=6", "Garden = 3"]),
        clinic_scores=weekly.parse_clinic_scores(["ODI=34", "promis-pi=61.5"]),
        same_as_before="partly",
    )  # fmt: skip
    assert check.week == "2026-W45"
    assert check.as_dict() == {
        "id": None, "date": "2026-11-02", "interference": 6, "sleep_interference": 4,
        "walk_minutes": 15, "sit_minutes": 45, "stand_minutes": 10, "heel_walk": "yes",
        "toe_walk": "not-tried", "tripping": "no", "work": "modified",
        "change": "a-little-worse", "goals": {"walk the dog": 6, "Garden": 3},
        "clinic_scores": {"odi": 34, "promis-pi": 61.5}, "same_as_before": "partly",
        "logged_at": "2026-11-02T20:00:00",
    }  # fmt: skip


def test_absent_answers_are_null_and_an_empty_check_is_refused():
    check = new_check(dt.date(2026, 11, 2), AT, walk_minutes=0)
    data = check.as_dict()
    assert data["walk_minutes"] == 0
    assert data["interference"] is None and data["goals"] == {} and data["same_as_before"] is None
    with pytest.raises(TrackerError, match="the weekly check has no answers"):
        new_check(dt.date(2026, 11, 2), AT)


@pytest.mark.parametrize(
    ("call", "message"),
    [
        (lambda: weekly.parse_minutes("601", "walk minutes"),
         "walk minutes '601' is not accepted; give a whole number of minutes from 0 to 600"),
        (lambda: weekly.parse_minutes("-5", "sit minutes"), "sit minutes '-5' is not accepted"),
        (lambda: weekly.parse_rating("11", "interference"),
         "interference '11' is not accepted; give a whole number from 0 (not at all) to 10"),
        (lambda: weekly.parse_goals(["walk the dog"]),
         "the goal 'walk the dog' has no score; write it as NAME=0-10"),
        (lambda: weekly.parse_goals(["walk the dog="]), "the goal 'walk the dog' has no score"),
        (lambda: weekly.parse_goals(["=5"]), "the goal '=5' has no name"),
        (lambda: weekly.parse_goals(["garden=11"]), "the goal 'garden': score '11' is not"),
        (lambda: weekly.parse_goals([f"g{i}=5" for i in range(6)]), "6 goals given; choose"),
        (lambda: weekly.parse_goals(["Garden=5", "garden=6"]), "the goal 'garden' is given twice"),
        (lambda: weekly.parse_clinic_scores(["eq5d=0.7"]),
         "unknown clinic score 'eq5d'; accepted: odi, promis-pi, promis-pf, zcq, rmdq"),
        (lambda: weekly.parse_clinic_scores(["rmdq=30"]),
         "clinic score rmdq '30' is not accepted; give the number the clinic gave, 0 to 24"),
        (lambda: weekly.parse_clinic_scores(["odi"]), "clinic score odi '' is not accepted"),
        (lambda: weekly.parse_clinic_scores(["odi=nan"]), "clinic score odi 'nan' is not"),
        (lambda: weekly.parse_choice("maybe", weekly.SAME_AS_BEFORE, "same-as-before"),
         "same-as-before 'maybe' is not accepted; give same, partly, different or no-pain"),
        (lambda: weekly.parse_choice("sometimes", weekly.WALK_TEST, "heel-walk"),
         "heel-walk 'sometimes' is not accepted; give yes, no or not-tried"),
        (lambda: weekly.parse_choice("better", weekly.CHANGE, "change"),
         "change 'better' is not accepted; give very-much-better, much-better,"),
    ],
)  # fmt: skip
def test_bad_weekly_answers_are_refused_in_one_line(call, message):
    with pytest.raises(TrackerError) as caught:
        call()
    assert caught.value.message.startswith(message)
    assert "\n" not in caught.value.message


@pytest.mark.parametrize(
    ("typed", "choices", "expected"),
    [
        ("Not tried", weekly.WALK_TEST, "not-tried"), ("Y", weekly.WALK_TEST, "yes"),
        ("not working", weekly.WORK, "not-working"), ("No pain", weekly.SAME_AS_BEFORE, "no-pain"),
        ("very much better", weekly.CHANGE, "very-much-better"),
    ],
)  # fmt: skip
def test_choices_accept_everyday_spellings(typed, choices, expected):
    assert weekly.parse_choice(typed, choices, "answer") == expected


def test_goal_names_are_kept_as_typed_and_clinic_scores_by_name():
    assert weekly.parse_goals(["Walk  the dog =6", "a=b=7"]) == (
        Goal("Walk the dog", 6), Goal("a=b", 7),
    )  # fmt: skip
    assert weekly.parse_clinic_scores(["odi=30", "zcq=2.5", "odi=34"]) == (
        ClinicScore("zcq", 2.5), ClinicScore("odi", 34.0),
    )  # fmt: skip


def test_values_built_in_code_obey_the_ranges():
    with pytest.raises(TrackerError):
        new_check(dt.date(2026, 11, 2), AT, walk_minutes=900)
    with pytest.raises(TrackerError):
        new_check(dt.date(2026, 11, 2), AT, heel_walk="maybe")
    with pytest.raises(TrackerError):
        new_check(dt.date(2026, 11, 2), AT, goals=(Goal("garden", 12),))


# ---------------------------------------------------------------- new weakness


def _check(day: str, **answers: str) -> WeeklyCheck:
    date = dt.date.fromisoformat(day)
    return new_check(date, dt.datetime.combine(date, dt.time(20)), **answers)


def test_a_heel_walk_failing_after_a_success_is_new_weakness():
    history = [_check("2026-10-05", heel_walk="yes"), _check("2026-10-12", heel_walk="not-tried")]
    assert new_weakness(_check("2026-10-19", heel_walk="no"), history) == ("heel_walk",)
    # already failing last week: not new
    history.append(_check("2026-10-19", heel_walk="no"))
    assert new_weakness(_check("2026-10-26", heel_walk="no"), history) == ()
    # never succeeded: nothing to compare with
    assert new_weakness(_check("2026-10-19", toe_walk="no"), []) == ()


def test_tripping_newly_yes_is_new_weakness_and_only_earlier_weeks_count():
    history = [_check("2026-10-05", tripping="no", toe_walk="yes")]
    now = _check("2026-10-12", tripping="yes", toe_walk="no")
    assert new_weakness(now, history) == ("toe_walk", "tripping")
    assert new_weakness(_check("2026-10-12", tripping="yes"), []) == ("tripping",)
    # the same week's earlier check (being replaced) does not count as "earlier"
    same_week = [_check("2026-10-13", toe_walk="yes")]
    assert new_weakness(_check("2026-10-15", toe_walk="no"), same_week) == ()
    repeat = [_check("2026-10-05", tripping="yes")]
    assert new_weakness(_check("2026-10-12", tripping="yes"), repeat) == ()


# ---------------------------------------------------------------- the pain before surgery


def test_pain_before_surgery():
    before = new_pain_before(
        7, (Site("left-calf", 8), Site("lower-back", 5)), ("left-calf",), ("left-big-toe",),
        "memory",
    )  # fmt: skip
    assert before.recorded
    assert before.as_dict() == {
        "before_pain": 7,
        "before_where": [
            {"region": "left-calf", "intensity": 8}, {"region": "lower-back", "intensity": 5},
        ],
        "before_radiates": ["left-calf"], "before_numb": ["left-big-toe"],
        "before_source": "memory",
    }  # fmt: skip
    assert not new_pain_before().recorded


@pytest.mark.parametrize(
    ("call", "message"),
    [
        (lambda: parse_before_pain("11"), "before-pain '11' is not accepted; give a whole number"),
        (lambda: parse_source("guess"), "before-source 'guess' is not accepted; give memory"),
        (lambda: new_pain_before(source="clinic"), "--before-source says where the pain before"),
    ],
)
def test_bad_pain_before_is_refused(call, message):
    with pytest.raises(TrackerError) as caught:
        call()
    assert caught.value.message.startswith(message)
