"""The demo diary's movement, weekly checks and pain before surgery (issues 9 and 14).

Kept apart from tracker/demo.py's pain story, which it only reads: its own random stream,
so the entries' days and pain scores (and with them the verdict) are exactly as before.
The story it adds: before the operation the left leg hurt 8/10 and the back 5/10, the
pain running down to the left calf. Just after surgery, sitting is what hurts and lying
or walking eases it; from month 6 (counted from 1), as the leg pain comes back, the leg
is worse standing and walking and eased by sitting or bending forward (on about three
days in four), and
nights are broken more often; the numb foot is numb on its top and in the big toe (the L5
skin area). The weekly checks: walking minutes fall from about 45 to
under 10 as the leg pain rises; the heel walk that worked fails in the last weeks; "is it
the pain from before?" moves from "different" to "partly" to "same".
"""

from __future__ import annotations

import datetime as dt
import random
from collections.abc import Iterable
from dataclasses import replace

from tracker.before_surgery import PainBefore, new_pain_before
from tracker.demo import WORSENING_FROM, leg_level
from tracker.domain import Entry, Site
from tracker.weekly import Goal, WeeklyCheck, new_check

# The pain the operation was for (issue 14's demo): left leg 8, back 5, to the left calf.
BEFORE_PAIN = 8
BEFORE_WHERE = (Site("lower-back", 5), Site("left-thigh", 8))
BEFORE_RADIATES = ("left-buttock", "left-thigh", "left-calf")
# The numb places, named as finely as the patient can (the L5 skin area, at the same level
# of the leg as the broader places: how far down it reaches is unchanged).
FINER_NUMB = {"left-foot": "left-top-of-foot", "left-toes": "left-big-toe"}
CHECKS_FROM = 14  # the first weekly check, days after surgery
HEEL_WALK_FAILS_FROM = 42  # days before the end of the diary when the heel walk fails
SAME_PARTLY_FROM, SAME_FROM = WORSENING_FROM + 30, WORSENING_FROM + 100
STENOSIS_SHARE = 0.75  # leg days worse standing/walking and eased by sitting/bending


def pain_before() -> PainBefore:
    """The pain in the weeks before the demo's surgery, as the patient remembers it."""
    return new_pain_before(BEFORE_PAIN, BEFORE_WHERE, BEFORE_RADIATES, (), "memory")


def with_movement(entries: Iterable[Entry], day0: dt.date, seed: int = 7) -> list[Entry]:
    """The entries with what made the pain worse, what eased it, and nights woken."""
    rng = random.Random(seed * 31 + 9)
    moved = []
    for entry in entries:
        day = (entry.day - day0).days
        worse, eased = _movement(rng, day)
        woke = _woke(rng, day) if entry.logged_at.hour < 12 or rng.random() < 0.5 else None
        numb = tuple(dict.fromkeys(FINER_NUMB.get(region, region) for region in entry.numb))
        moved.append(replace(entry, worse_with=worse, better_with=eased, woke=woke, numb=numb))
    return moved


def _movement(rng: random.Random, day: int) -> tuple[tuple[str, ...], tuple[str, ...]]:
    """(worse with, eased by) on one day, in vocabulary order; nothing on about 1 day in 5."""
    worse: tuple[str, ...]
    eased: tuple[str, ...]
    if rng.random() < 0.2:
        return (), ()
    if day < WORSENING_FROM:  # after the operation: sitting hurts, lying or walking eases
        worse = ("sitting",) if rng.random() < 0.7 else ("sitting", "bending-forward")
        eased = ("walking",) if rng.random() < 0.4 else ("lying",)
        return worse, eased
    if rng.random() < STENOSIS_SHARE:  # the leg: worse upright, eased by sitting or stooping
        worse = ("standing", "walking") if rng.random() < 0.7 else ("walking",)
        eased = ("sitting",) if rng.random() < 0.7 else ("sitting", "bending-forward")
        return worse, eased
    return ("lifting",) if rng.random() < 0.5 else ("getting-up",), ("lying",)


def _woke(rng: random.Random, day: int) -> int:
    """Times woken by pain: about once a night early on, up to 2-3 later."""
    mean = 1.0 if day < 21 else 0.3 + 0.15 * max(0.0, leg_level(day) - 1.5)
    return min(20, max(0, round(rng.gauss(mean, 0.6))))


def weekly_checks(day0: dt.date, today: dt.date, seed: int = 7) -> list[WeeklyCheck]:
    """One check a week, on Sunday evenings, from two weeks after surgery."""
    rng = random.Random(seed * 43 + 5)
    first = day0 + dt.timedelta(days=CHECKS_FROM)
    first += dt.timedelta(days=(6 - first.weekday()) % 7)  # that week's Sunday
    checks = []
    day = first
    while day <= today:
        if rng.random() > 0.1:  # a week or two missed
            checks.append(_check(rng, day, (day - day0).days, (today - day).days))
        day += dt.timedelta(days=7)
    return checks


def _check(rng: random.Random, when: dt.date, day: int, to_end: int) -> WeeklyCheck:
    leg = leg_level(day)
    walk = max(5, round(55 - 6.5 * leg + rng.gauss(0, 3)))
    heel = "no" if to_end < HEEL_WALK_FAILS_FROM else "yes"
    same = "different" if day < SAME_PARTLY_FROM else "partly" if day < SAME_FROM else "same"
    change = (
        "much-better" if leg < 2.5 else "a-little-better" if leg < 4 else "no-change"
        if leg < 5.5 else "a-little-worse"
    )  # fmt: skip
    return new_check(
        when,
        dt.datetime.combine(when, dt.time(20, rng.randint(0, 59))),
        interference=_score(1.5 + 0.8 * leg + rng.gauss(0, 0.7)),
        sleep_interference=_score(0.8 + 0.7 * leg + rng.gauss(0, 0.7)),
        walk_minutes=walk,
        sit_minutes=max(10, round(25 + 3 * leg + rng.gauss(0, 5))),
        stand_minutes=max(3, round(40 - 5 * leg + rng.gauss(0, 3))),
        heel_walk=heel,
        toe_walk="yes",
        tripping="no",
        work="modified" if day < 60 or leg < 4 else "off",
        change=change,
        goals=(
            Goal("walk the dog", _score(9.5 - leg + rng.gauss(0, 0.5))),
            Goal("garden for an hour", _score(8.5 - leg + rng.gauss(0, 0.5))),
        ),
        same_as_before=same,
    )


def _score(value: float) -> int:
    return int(min(10, max(0, round(value))))
