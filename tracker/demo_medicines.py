"""The demo diary's medicines (issue 12): what a surgeon sees in the treatment table's
medicines line and beneath the course chart.

A story that fits the pain: oxycodone 5 mg as needed after the operation, tapered to none
by week 4; nothing at the best time (months 3-4); pregabalin 75 mg twice daily from the
day the event says, each dose logged at 08:00 and 20:00; tramadol 50 mg as needed once the
leg pain returns, more doses as it rises. No dose is logged after the clock's now.
Deterministic for a seed.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import random

from tracker import clock
from tracker.demo import PREGABALIN_DAY, WORSENING_FROM, leg_level
from tracker.medicines import Dose, Regimen, new_regimen

OXYCODONE_DAYS = 28  # after surgery, tapering
PREGABALIN_AT = (dt.time(8, 0), dt.time(20, 0))  # twice daily, as the schedule says
TRAMADOL_FROM = WORSENING_FROM + 30  # a month into the rise


def demo_regimens(day0: dt.date, today: dt.date) -> list[Regimen]:
    """Oxycodone after surgery (stopped), pregabalin, tramadol as needed: those begun by today."""
    oxycodone = dataclasses.replace(
        new_regimen("oxycodone", "5 mg", day0, as_needed=True),
        stopped=day0 + dt.timedelta(days=OXYCODONE_DAYS),
    )
    regimens = [
        oxycodone,
        new_regimen(
            "pregabalin", "75 mg", day0 + dt.timedelta(PREGABALIN_DAY), schedule="twice daily"
        ),
        new_regimen("tramadol", "50 mg", day0 + dt.timedelta(TRAMADOL_FROM), as_needed=True),
    ]
    return [r for r in regimens if r.started <= today]


def demo_doses(regimens: list[Regimen], day0: dt.date, today: dt.date, seed: int = 7) -> list[Dose]:
    """The doses: oxycodone 4 a day tapering to none; tramadol by the leg pain; pregabalin
    at 08:00 and 20:00 (drawing no random numbers, so the others stay as they were)."""
    rng = random.Random(seed + 12)
    now = clock.now()
    doses = []
    for regimen in regimens:
        if regimen.id is None:
            continue
        if not regimen.as_needed:
            doses += _scheduled(regimen, regimen.id, today, now)
            continue
        day = regimen.started
        last = min(today, (regimen.stopped or today + dt.timedelta(days=1)) - dt.timedelta(days=1))
        while day <= last:
            since = (day - day0).days
            if regimen.ingredient == "oxycodone":
                count = round(4 * (1 - since / OXYCODONE_DAYS))
            else:
                leg = leg_level(since)
                count = 0 if leg < 3 else 1 if leg < 5 else 2 if leg < 6.2 else 3
                count = max(0, count - (rng.random() < 0.2))  # some days fewer
            for number in range(count):
                at = dt.time(8 + 5 * number, rng.choice((0, 15, 30, 45)))
                logged = dt.datetime.combine(day, at) + dt.timedelta(minutes=rng.randint(1, 40))
                if logged <= now:
                    doses.append(Dose(regimen.id, day, regimen.strength, logged, at))
            day += dt.timedelta(days=1)
    return doses


def _scheduled(regimen: Regimen, ident: int, today: dt.date, now: dt.datetime) -> list[Dose]:
    """A twice-daily regimen's doses, each logged at the time taken, up to now."""
    doses = []
    day = regimen.started
    while day <= today and regimen.taken_on(day):
        for at in PREGABALIN_AT:
            taken = dt.datetime.combine(day, at)
            if taken <= now:
                doses.append(Dose(ident, day, regimen.strength, taken, at))
        day += dt.timedelta(days=1)
    return doses
