"""A realistic, made-up 14-month diary for trying the tracker and its report.

The story (months counted from 1, month 1 the first 30 days, as in the report): an L4-L5
decompression and fusion; high pain just after it, a good stretch at months 2-4 (about
3/10), then from month 6 a slow worsening to about 6-7/10 with new left-leg radiation
spreading from the buttock to the foot and left-foot tingling and numbness from months 7
and 8. Physiotherapy (month 2), pregabalin (month 8), a diagnostic medial branch block
(month 9, with its hourly readings) and an epidural steroid injection on the left at L5-S1
(month 10, relief fading after about 10 days) are on the timeline (the readings:
tracker.demo_treatments), and the medicines with their doses (tracker.demo_medicines).
About 85 % of days are logged, with a missed week, a holiday, some morning-and-evening
days and a few entries typed a day or two late. No red flags: the demo must not alarm a
newcomer. The same seed always writes the same diary.
"""

from __future__ import annotations

import datetime as dt
import math
import random
from typing import TYPE_CHECKING

from tracker import clock, repository
from tracker.domain import Entry, Event, Site, new_entry, new_event

if TYPE_CHECKING:
    from sqlalchemy.orm import Session

DEMO_MONTHS = 14
SURGERY = ("L4-L5 decompression and fusion", ("L4-L5",))
PHYSIO_DAY, PREGABALIN_DAY, INJECTION_DAY, MRI_DAY = 42, 213, 274, 345
FLARE_DAYS = range(35, 42)
MISSED_WEEK = range(196, 203)
HOLIDAY = range(318, 331)
WORSENING_FROM, WORSENING_TO = 150, 365
SKIP_CHANCE = 0.10
TWICE_CHANCE = 0.30
LATE_CHANCE = 0.03
LEG_PATH = ("left-buttock", "left-thigh", "left-calf", "left-foot")
REACH_FROM = (150, 195, 255, 315)  # day each LEG_PATH region starts being reached
TINGLING_FROM, NUMB_FROM = 185, 215
INJECTION_SIDE, INJECTION_LEVELS = "left", ("L5-S1",)

_NOTES_EARLY = (
    "Walked to the end of the road and back",
    "Wound healing well",
    "Slept badly, could not get comfortable",
    "Sitting is the worst",
    "Good day, did some gardening",
    "Stiff in the morning, easier by lunch",
)
_NOTES_LATE = (
    "Leg worse after standing in a queue",
    "Burning down the back of the left leg at night",
    "Had to stop walking after 10 minutes",
    "Foot feels like it is asleep",
    "Long car ride, paid for it later",
    "Could not sit through a film",
)
_EVENT_NOTES = {
    1: "Home from hospital",
    PHYSIO_DAY: "First physio session",
    PREGABALIN_DAY: "Started pregabalin 75 mg twice a day",
    INJECTION_DAY: "Injection this morning",
    HOLIDAY.stop: "Back from holiday",
}


def months_before(today: dt.date, months: int) -> dt.date:
    """The same day of the month `months` calendar months earlier (clamped to month end)."""
    year, month = divmod(today.year * 12 + today.month - 1 - months, 12)
    month += 1
    for day in range(today.day, 0, -1):
        try:
            return dt.date(year, month, day)
        except ValueError:
            continue
    raise AssertionError("unreachable")


def _ramp(day: int, start: int, end: int) -> float:
    """0 before start, rising linearly to 1 at end."""
    return min(1.0, max(0.0, (day - start) / (end - start)))


def _injection_effect(day: int) -> float:
    """Relief of about 2 points from day 2 after the injection, gone again by day 16."""
    since = day - INJECTION_DAY
    if since < 2 or since >= 16:
        return 0.0
    return -2.0 if since <= 9 else -2.0 * (16 - since) / 7


def _settling(day: int, tau: float) -> float:
    """Post-operative pain fading away over the first weeks (1 on day 0)."""
    return math.exp(-day / tau)


def back_level(day: int) -> float:
    """Expected lower-back pain: post-operative pain settling to ~3, a little rise later."""
    flare = 2.5 if day in FLARE_DAYS else 0.0
    return 2.9 + 3.8 * _settling(day, 18) + 1.0 * _ramp(day, WORSENING_FROM, WORSENING_TO) + flare


def leg_level(day: int) -> float:
    """Expected left-leg pain: minor early, rising from month 6 to ~6.5."""
    rise = 5.8 * _ramp(day, WORSENING_FROM, WORSENING_TO)
    return 1.2 + 0.8 * _settling(day, 15) + rise + _pregabalin(day) + _injection_effect(day)


def _pregabalin(day: int) -> float:
    """A modest, lasting easing of the leg pain once pregabalin is started."""
    return -0.5 * _ramp(day, PREGABALIN_DAY, PREGABALIN_DAY + 14)


def overall_level(day: int) -> float:
    """Expected overall pain: ~7 after surgery, ~3 at months 2-4, rising to ~6.5 by month 13."""
    flare = 2.5 if day in FLARE_DAYS else 0.0
    rise = 3.7 * _ramp(day, WORSENING_FROM, WORSENING_TO)
    return 3.0 + 3.8 * _settling(day, 18) + rise + flare + _pregabalin(day) + _injection_effect(day)


def _score(value: float) -> int:
    """A whole 0-10 score."""
    return int(min(10, max(0, round(value))))


def _logged_days(rng: random.Random, n_days: int) -> list[int]:
    """Days since surgery with entries: from day 1, skipping gaps and ~10 % of other days."""
    days = []
    for day in range(1, n_days + 1):
        if day in MISSED_WEEK or day in HOLIDAY:
            continue
        if 1 < day < n_days and rng.random() < SKIP_CHANCE:
            continue
        days.append(day)
    return days


def _reach(day: int) -> int:
    """How many regions down LEG_PATH radiation reaches on a day (0: none)."""
    reach = sum(day >= start for start in REACH_FROM)
    if INJECTION_DAY < day <= INJECTION_DAY + 14:
        reach -= 1
    return max(0, reach)


def _radiation(rng: random.Random, day: int) -> tuple[str, ...]:
    """Left-leg radiation, along the path from the buttock as far as it reaches today."""
    reach = _reach(day)
    if reach == 0 or rng.random() > 0.8:
        return ()
    if reach > 1 and rng.random() < 0.2:
        reach -= 1
    return LEG_PATH[:reach]


def _sensory(rng: random.Random, day: int) -> tuple[tuple[str, ...], tuple[str, ...]]:
    """(numb, tingling) regions of the left foot, from months 7 and 8 on."""
    tingling = ("left-foot",) if day >= TINGLING_FROM and rng.random() < 0.6 else ()
    numb: tuple[str, ...] = ()
    if day >= NUMB_FROM and rng.random() < 0.55:
        numb = ("left-foot", "left-toes") if rng.random() < 0.3 else ("left-foot",)
    return numb, tingling


def _leg_site(day: int) -> str:
    """Where the leg pain is rated: further down the leg as the months go on."""
    reach = _reach(day)
    return LEG_PATH[min(reach, 3) - 1] if reach >= 2 else "left-buttock"


def _sites(rng: random.Random, day: int, noise: float) -> tuple[Site, ...]:
    """Lower-back and left-leg pain rated separately (on most entries)."""
    if rng.random() > 0.85:
        return ()
    sites = [Site("lower-back", _score(back_level(day) + noise + rng.gauss(0, 0.5)))]
    leg = leg_level(day)
    if leg >= 2.5 or rng.random() < 0.3:
        sites.append(Site(_leg_site(day), _score(leg + noise + rng.gauss(0, 0.5))))
    return tuple(sites)


def _qualities(rng: random.Random, day: int) -> tuple[str, ...]:
    """Aching early; burning and shooting once the leg is involved."""
    if rng.random() > 0.8:
        return ()
    if day < WORSENING_FROM:
        return ("aching", "sharp") if rng.random() < 0.3 else ("aching",)
    picks = [
        q for q, p in (("aching", 0.5), ("burning", 0.6), ("shooting", 0.6)) if rng.random() < p
    ]
    if rng.random() < 0.15:
        picks.append("electric")
    return tuple(picks) or ("burning",)


def _note(rng: random.Random, day: int, first_of_day: bool) -> str | None:
    """A note on event days and on about one entry in ten."""
    if first_of_day and day in _EVENT_NOTES:
        return _EVENT_NOTES[day]
    if rng.random() < 0.1:
        return rng.choice(_NOTES_EARLY if day < WORSENING_FROM else _NOTES_LATE)
    return None


def _logged_at(rng: random.Random, when: dt.date, evening: bool, today: dt.date) -> dt.datetime:
    """When the entry was typed: that morning or evening, or now and then a day or two later."""
    hour = rng.randint(20, 21) if evening else rng.randint(7, 9)
    typed = dt.datetime.combine(when, dt.time(hour, rng.randint(0, 59)))
    late = rng.randint(1, 2)
    if when + dt.timedelta(late) < today and rng.random() < LATE_CHANCE:
        typed = dt.datetime.combine(when + dt.timedelta(late), dt.time(20, rng.randint(0, 59)))
    return min(typed, clock.now())  # never typed in the future


def _day_entries(
    rng: random.Random, day0: dt.date, day: int, today: dt.date, ar: float
) -> list[Entry]:
    """The entries of one logged day: a morning one, sometimes an evening one too."""
    when = day0 + dt.timedelta(day)
    slots = [False, True] if rng.random() < TWICE_CHANCE else [rng.random() < 0.4]
    entries = []
    for i, evening in enumerate(slots):
        noise = ar + (0.4 if evening else 0.0)
        numb, tingling = _sensory(rng, day)
        entries.append(
            new_entry(
                when,
                _score(overall_level(day) + noise + rng.gauss(0, 0.5)),
                _logged_at(rng, when, evening, today),
                where=_sites(rng, day, noise),
                radiates=_radiation(rng, day),
                numb=numb,
                tingling=tingling,
                qualities=_qualities(rng, day),
                note=_note(rng, day, i == 0),
            )
        )
    return entries


def demo_entries(today: dt.date, seed: int = 7) -> tuple[dt.date, list[Entry]]:
    """Day 0 (the surgery) and every entry of the demo diary, in date order."""
    day0 = months_before(today, DEMO_MONTHS)
    n_days = (today - day0).days
    # Separate streams, so that the diary's first months do not depend on its length.
    noise_rng, days_rng, rng = (random.Random(seed * 17 + k) for k in range(3))
    noise, previous = {}, 0.0
    for day in range(n_days + 1):  # day-to-day ups and downs carry over (AR(1))
        previous = 0.5 * previous + noise_rng.gauss(0, 0.5)
        noise[day] = previous
    entries = []
    for day in _logged_days(days_rng, n_days):
        entries.extend(_day_entries(rng, day0, day, today, noise[day]))
    from tracker.demo_movement import with_movement  # issue 9: what provokes it, nights
    from tracker.demo_treatments import with_treatment_readings  # issue 10: responses

    return day0, with_treatment_readings(with_movement(entries, day0, seed), day0, seed)


def demo_events(day0: dt.date, today: dt.date) -> list[Event]:
    """The surgery, physiotherapy, pregabalin, a diagnostic block, the injection and an MRI."""
    from tracker.demo_treatments import block_event

    title, levels = SURGERY
    events = [
        new_event(day0, "surgery", title, levels=levels),
        new_event(day0 + dt.timedelta(PHYSIO_DAY), "physical-therapy", "Physiotherapy: 8 sessions"),
        new_event(
            day0 + dt.timedelta(PREGABALIN_DAY), "medication-start", "Pregabalin 75 mg twice daily"
        ),
        block_event(day0),  # issue 10: a diagnostic block with its hourly readings
        new_event(
            day0 + dt.timedelta(INJECTION_DAY),
            "injection",
            "L5 transforaminal epidural steroid injection",
            levels=INJECTION_LEVELS,
            side=INJECTION_SIDE,  # its response is judged on the left leg's pain
        ),
        new_event(day0 + dt.timedelta(MRI_DAY), "other", "MRI lumbar spine"),
    ]
    return [e for e in events if e.day <= today]


def build_demo_diary(session: Session, today: dt.date, seed: int = 7) -> dict:
    """Write the demo diary through the repository; returns a short summary of it."""
    from tracker import demo_movement

    day0, entries = demo_entries(today, seed)
    events = demo_events(day0, today)
    repository.add_entries(session, ((e, None) for e in entries))
    for ev in events:
        saved = repository.add_event(session, ev)
        if ev.kind == "surgery" and saved.id is not None:  # issue 14: the pain it was for
            repository.set_pain_before(session, saved.id, demo_movement.pain_before())
    checks = demo_movement.weekly_checks(day0, today, seed)  # issue 9: the weekly checks
    for check in checks:
        repository.add_check(session, check)
    from tracker import demo_medicines  # issue 12: medicines and their doses

    regimens = [
        repository.add_regimen(session, r, f"demo: {r.describe()}")
        for r in demo_medicines.demo_regimens(day0, today)
    ]
    doses = demo_medicines.demo_doses(regimens, day0, today, seed)
    for dose in doses:
        repository.add_dose(session, dose, "demo: a dose")
    days = {e.day for e in entries}
    return {
        "entries": len(entries),
        "events": len(events),
        "surgery_date": day0.isoformat(),
        "first_day": min(days).isoformat(),
        "last_day": max(days).isoformat(),
        "days_logged": len(days),
        "backfilled": sum(e.backfilled for e in entries),
        "weekly_checks": len(checks),
        "regimens": len(regimens),
        "doses": len(doses),
    }
