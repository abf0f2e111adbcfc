"""The demo's response diaries (issue 10): readings after its two judged treatments.

- A diagnostic medial branch block on the left at L4-L5 and L5-S1 in month 9, at 10:00,
  with readings of the back (and the leg, which it does not treat) at 30 min, 1, 2, 4, 6
  and 8 hours, as `tracker event add ... nerve-block` asks for: the back pain eases by
  about three quarters for some hours and is back by the evening, while the leg pain does
  not change.
- The epidural steroid injection of tracker/demo.py: every entry in the 6 weeks after it
  rates the left leg (the place it treats), and the leg's relief fades after about 10
  days.

Kept apart from tracker/demo.py's pain story, which it only reads: its own random stream,
applied to the finished entries, so the rest of the diary is the same entry for entry.
Descriptive, never diagnostic: a block that eases the back for hours is what the clinician
weighs (docs/clinical.md#treatment-response).
"""

from __future__ import annotations

import datetime as dt
import random
from collections.abc import Sequence
from dataclasses import replace

from tracker import demo
from tracker.analysis.response import baseline_of, entries_before
from tracker.domain import Entry, Event, Site, new_entry, new_event

BLOCK_DAY = 240  # days after surgery: month 9 (from 1), between pregabalin and the injection
BLOCK_TIME = dt.time(10, 0)
BLOCK_TITLE = "Diagnostic medial branch block"
BLOCK_SIDE, BLOCK_LEVELS = "left", ("L4-L5", "L5-S1")
# Hours after the block, and the share of the back pain it took away then.
BLOCK_RELIEF = ((0.5, 0.5), (1, 0.75), (2, 0.75), (4, 0.6), (6, 0.3), (8, 0.0))
INJECTION_READING_DAYS = 42  # the 6 weeks of daily readings (response.INJECTION_DAYS)
INJECTION_FULL_DAYS = 8  # the leg's relief holds this many days ...
INJECTION_FADE_DAYS = 8  # ... then fades to nothing over this many more
INJECTION_RELIEF = 0.7  # the share of the leg pain it takes away at its best


def block_event(day0: dt.date) -> Event:
    """The demo's diagnostic medial branch block."""
    return new_event(
        day0 + dt.timedelta(BLOCK_DAY),
        "nerve-block",
        BLOCK_TITLE,
        note="Local anaesthetic only; rate the back at 30 min, 1, 2, 4, 6 and 8 h",
        levels=BLOCK_LEVELS,
        time=BLOCK_TIME,
        side=BLOCK_SIDE,
    )


def injection_relief(days_after: int) -> float:
    """The share of the leg pain the injection takes away, by days after it: from the day
    after, held for 8 days, then fading to nothing by day 16."""
    if days_after < 1:
        return 0.0
    if days_after <= INJECTION_FULL_DAYS:
        return INJECTION_RELIEF
    faded = (days_after - INJECTION_FULL_DAYS) / INJECTION_FADE_DAYS
    return max(0.0, INJECTION_RELIEF * (1 - faded))


def with_treatment_readings(entries: Sequence[Entry], day0: dt.date, seed: int = 7) -> list[Entry]:
    """The entries with the block's day of readings and the injection's leg readings."""
    rng = random.Random(seed * 43 + 5)
    block_day = day0 + dt.timedelta(BLOCK_DAY)
    injection_day = day0 + dt.timedelta(demo.INJECTION_DAY)
    leg_before = _baseline(entries, injection_day, "left leg")
    out: list[Entry] = []
    for entry in entries:
        if entry.day == block_day:
            continue  # the block's day is written below, reading by reading
        if entry.day == block_day + dt.timedelta(1) and not entry.backfilled:
            # the next morning is still in the block's window: at the time it was typed, as
            # `tracker log` gives an entry about today
            entry = replace(entry, time=entry.logged_at.time())
        days_after = (entry.day - injection_day).days
        if 0 < days_after <= INJECTION_READING_DAYS and leg_before is not None:
            entry = _with_leg(entry, leg_before, (entry.day - day0).days, days_after, rng)
        out.append(entry)
    if any(entry.day < block_day for entry in entries):
        morning = next((e for e in entries if e.day == block_day), None)
        out.extend(_block_day(entries, block_day, morning, rng))
    return sorted(out, key=lambda e: (e.day, e.time or dt.time.min, e.logged_at))


def _baseline(entries: Sequence[Entry], day: dt.date, target: str) -> float | None:
    """The target pain before `day` as `tracker response` takes its baseline."""
    return baseline_of(entries_before(day, entries), target)[0]


def _with_leg(entry: Entry, before: float, day: int, days_after: int, rng: random.Random) -> Entry:
    """The entry with the left leg rated: the pain before, less the injection's relief (the
    back as the entry had it, or as the story has it that day)."""
    leg = demo._score(before * (1 - injection_relief(days_after)) + rng.gauss(0, 0.3))
    back = tuple(s for s in entry.where if s.region == "lower-back")
    back = back or (Site("lower-back", demo._score(demo.back_level(day) + rng.gauss(0, 0.5))),)
    return replace(entry, where=(*back, Site(demo._leg_site(day), leg)))


def _block_day(
    entries: Sequence[Entry], day: dt.date, morning: Entry | None, rng: random.Random
) -> list[Entry]:
    """The block's day: the morning entry (before it), then a reading at each hour due."""
    back_before = _baseline(entries, day, "back") or 4.0
    leg_before = _baseline(entries, day, "left leg") or 4.0
    started = dt.datetime.combine(day, BLOCK_TIME)
    written: list[Entry] = []
    if morning is not None:
        at = dt.time(8, 15)
        typed = dt.datetime.combine(day, at)
        said = "Medial branch block at 10:00 today"
        written.append(replace(morning, time=at, logged_at=typed, note=said))
    for hours, relief in BLOCK_RELIEF:
        moment = started + dt.timedelta(hours=hours)
        back = demo._score(back_before * (1 - relief))
        leg = demo._score(leg_before + rng.gauss(0, 0.3))
        # the pain as a whole eases with the back, by part of the back's relief
        overall = demo._score(demo.overall_level(BLOCK_DAY) - 0.6 * (back_before - back))
        note = "Back much easier, leg the same" if hours == 1 else None
        written.append(
            new_entry(
                day,
                overall,
                moment,
                where=(Site("lower-back", back), Site(demo._leg_site(BLOCK_DAY), leg)),
                time=moment.time(),
                note=note,
            )
        )
    return written
