"""The weekly check: function, the nerve self-check, and whether it is the pain from before.

Our own plain questions (docs/clinical.md#function, #nerve-check, #pgic, #psfs,
#same-pain), never the wording of a licensed questionnaire. One check per ISO week. Pure:
validation and the new-weakness rule; no I/O.
"""

from __future__ import annotations

import datetime as dt
import math
import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, fields
from typing import Any

from tracker.errors import TrackerError, shown

RATING_MAX = 10
MINUTES_MAX = 600
MAX_GOALS = 5
MAX_GOAL_NAME = 60

# Each answer's accepted words, in the order a menu would show them.
WALK_TEST = ("yes", "no", "not-tried")  # could they walk on their heels / toes
TRIPPING = ("yes", "no")
WORK = ("full", "modified", "off", "not-working")
CHANGE = (  # Patient Global Impression of Change, docs/clinical.md#pgic
    "very-much-better",
    "much-better",
    "a-little-better",
    "no-change",
    "a-little-worse",
    "much-worse",
    "very-much-worse",
)
SAME_AS_BEFORE = ("same", "partly", "different", "no-pain")  # docs/clinical.md#same-pain

# Scores a clinic may give (the number only; never the questionnaire): name -> (what, low, high).
CLINIC_SCORES: dict[str, tuple[str, float, float]] = {
    "odi": ("Oswestry Disability Index, 0-100 %", 0, 100),
    "promis-pi": ("PROMIS Pain Interference T-score", 0, 100),
    "promis-pf": ("PROMIS Physical Function T-score", 0, 100),
    "zcq": ("Zurich Claudication Questionnaire score", 0, 100),
    "rmdq": ("Roland-Morris Disability Questionnaire, 0-24", 0, 24),
}

_ALIASES = {
    "y": "yes",
    "n": "no",
    "not-tried": "not-tried",
    "didnt-try": "not-tried",
    "not-tested": "not-tried",
    "untried": "not-tried",
    "nottried": "not-tried",
    "notworking": "not-working",
    "not-employed": "not-working",
    "retired": "not-working",
    "nopain": "no-pain",
    "none": "no-pain",
}


@dataclass(frozen=True)
class Goal:
    """One of the patient's own activities, rated 0-10 (10 = as before the problem)."""

    name: str
    score: int


@dataclass(frozen=True)
class ClinicScore:
    """A score a clinic gave the patient (odi=34)."""

    name: str
    value: float


@dataclass(frozen=True)
class WeeklyCheck:
    """One week's answers; None is a question not answered."""

    day: dt.date
    logged_at: dt.datetime
    interference: int | None = None
    sleep_interference: int | None = None
    walk_minutes: int | None = None
    sit_minutes: int | None = None
    stand_minutes: int | None = None
    heel_walk: str | None = None
    toe_walk: str | None = None
    tripping: str | None = None
    work: str | None = None
    change: str | None = None
    goals: tuple[Goal, ...] = ()
    clinic_scores: tuple[ClinicScore, ...] = ()
    same_as_before: str | None = None
    id: int | None = None

    @property
    def week(self) -> str:
        """The ISO week it belongs to, e.g. '2026-W48'."""
        return iso_week(self.day)

    def as_dict(self) -> dict:
        """The JSON shape of `tracker week list --json` (absent answers are null)."""
        return {
            "id": self.id,
            "date": self.day.isoformat(),
            **{name: getattr(self, name) for name in ANSWERS},
            "goals": {goal.name: goal.score for goal in self.goals},
            "clinic_scores": {s.name: number(s.value) for s in self.clinic_scores},
            "same_as_before": self.same_as_before,
            "logged_at": self.logged_at.isoformat(timespec="seconds"),
        }


# The single-valued answers, in the order they are asked and printed.
ANSWERS = (
    "interference",
    "sleep_interference",
    "walk_minutes",
    "sit_minutes",
    "stand_minutes",
    "heel_walk",
    "toe_walk",
    "tripping",
    "work",
    "change",
)


def iso_week(day: dt.date) -> str:
    year, week, _ = day.isocalendar()
    return f"{year}-W{week:02d}"


def number(value: float) -> int | float:
    """A score as JSON shows it: 34, not 34.0."""
    return int(value) if float(value).is_integer() else value


# ---------------------------------------------------------------- parsing what people type


def parse_rating(text: str | int, what: str) -> int:
    """A 0-10 rating (how much pain got in the way)."""
    return _whole(text, what, RATING_MAX, "from 0 (not at all) to 10 (completely)")


def parse_minutes(text: str | int, what: str) -> int:
    """Minutes from 0 to 600."""
    return _whole(text, what, MINUTES_MAX, f"of minutes from 0 to {MINUTES_MAX} (10 hours)")


def _whole(text: str | int, what: str, high: int, accepted: str) -> int:
    raw = str(text).strip()
    if not re.fullmatch(r"[+]?\d{1,4}", raw) or int(raw) > high:
        raise TrackerError(f"{what} '{shown(raw)}' is not accepted; give a whole number {accepted}")
    return int(raw)


def parse_choice(text: str, choices: Sequence[str], what: str) -> str:
    """One word from a short list (yes/no/not-tried, work, change, same-as-before)."""
    key = re.sub(r"[\s_']+", "-", text.strip().lower()).strip("-")
    key = key if key in choices else _ALIASES.get(key, key)
    if key not in choices:
        raise TrackerError(f"{what} '{shown(text.strip())}' is not accepted; give {_or(choices)}")
    return key


def _or(choices: Sequence[str]) -> str:
    return ", ".join(choices[:-1]) + " or " + choices[-1]


def parse_goals(texts: Iterable[str]) -> tuple[Goal, ...]:
    """Up to five "name=0-10" activities; names kept as typed (spaces tidied)."""
    goals: list[Goal] = []
    for text in texts:
        name, sep, score = text.rpartition("=")
        name = " ".join("".join(ch for ch in name if ch.isprintable()).split())
        if not sep or not score.strip():
            shown_name = shown((name or text).strip())
            raise TrackerError(
                f"the goal '{shown_name}' has no score; write it as NAME=0-10, e.g. "
                f'"{shown_name or "walk the dog"}=6" (10 = as before the problem)'
            )
        if not name:
            raise TrackerError(
                f"the goal '{shown(text.strip())}' has no name; write it as NAME=0-10, e.g. "
                '"walk the dog=6"'
            )
        if len(name) > MAX_GOAL_NAME:
            raise TrackerError(
                f"the goal '{shown(name)}' is {len(name)} characters long; keep it under "
                f"{MAX_GOAL_NAME}"
            )
        value = _whole(
            score,
            f"the goal '{shown(name)}': score",
            RATING_MAX,
            "from 0 to 10 (10 = as before the problem)",
        )
        if any(goal.name.casefold() == name.casefold() for goal in goals):
            raise TrackerError(f"the goal '{shown(name)}' is given twice; give each once")
        goals.append(Goal(name, value))
    if len(goals) > MAX_GOALS:
        raise TrackerError(
            f"{len(goals)} goals given; choose up to {MAX_GOALS} activities that matter most"
        )
    return tuple(goals)


def parse_clinic_scores(texts: Iterable[str]) -> tuple[ClinicScore, ...]:
    """Scores from the known list ("odi=34"), each within its scale; one per name."""
    scores: dict[str, ClinicScore] = {}
    for text in texts:
        raw_name, sep, raw_value = text.partition("=")
        name = re.sub(r"[\s_]+", "-", raw_name.strip().lower())
        if name not in CLINIC_SCORES:
            raise TrackerError(
                f"unknown clinic score '{shown(raw_name.strip())}'; accepted: "
                + ", ".join(CLINIC_SCORES)
                + " (write it as NAME=VALUE, e.g. odi=34)"
            )
        what, low, high = CLINIC_SCORES[name]
        try:
            value = float(raw_value.strip()) if sep else math.nan
        except ValueError:
            value = math.nan
        if not math.isfinite(value) or not low <= value <= high:
            raise TrackerError(
                f"clinic score {name} '{shown(raw_value.strip())}' is not accepted; give the "
                f"number the clinic gave, {number(low)} to {number(high)} ({what}), e.g. "
                f"{name}={number(round((low + high) / 3))}"
            )
        scores.pop(name, None)
        scores[name] = ClinicScore(name, round(value, 2))
    return tuple(scores.values())


# ---------------------------------------------------------------- building a check


def new_check(day: dt.date, logged_at: dt.datetime, **answers: Any) -> WeeklyCheck:
    """A validated weekly check; at least one question must be answered."""
    known = {f.name for f in fields(WeeklyCheck)} - {"day", "logged_at", "id"}
    unknown = set(answers) - known
    if unknown:
        raise TypeError(f"unknown weekly answers: {sorted(unknown)}")
    check = WeeklyCheck(day=day, logged_at=logged_at.replace(microsecond=0), **answers)
    _validate(check)
    if is_empty(check):
        raise TrackerError(
            "the weekly check has no answers; give at least one, e.g. 'tracker week "
            "--interference 4 --walk-minutes 20' (or run 'tracker week' on a terminal to be asked)"
        )
    return check


def is_empty(check: WeeklyCheck) -> bool:
    """No question answered."""
    return (
        all(getattr(check, name) is None for name in ANSWERS)
        and not check.goals
        and not check.clinic_scores
        and check.same_as_before is None
    )


def _validate(check: WeeklyCheck) -> None:
    """Values built in code (imports, the demo) obey the same ranges as typed ones."""
    for name in ("interference", "sleep_interference"):
        value = getattr(check, name)
        if value is not None:
            parse_rating(value, name.replace("_", " "))
    for name in ("walk_minutes", "sit_minutes", "stand_minutes"):
        value = getattr(check, name)
        if value is not None:
            parse_minutes(value, name.replace("_", " "))
    for name, choices in CHOICES.items():
        value = getattr(check, name)
        if value is not None and value not in choices:
            raise TrackerError(f"{name.replace('_', ' ')} '{shown(value)}' is not accepted")
    if len(check.goals) > MAX_GOALS:
        raise TrackerError(f"{len(check.goals)} goals; at most {MAX_GOALS}")
    for goal in check.goals:
        parse_goals([f"{goal.name}={goal.score}"])
    for score in check.clinic_scores:
        parse_clinic_scores([f"{score.name}={score.value}"])


CHOICES: dict[str, tuple[str, ...]] = {
    "heel_walk": WALK_TEST,
    "toe_walk": WALK_TEST,
    "tripping": TRIPPING,
    "work": WORK,
    "change": CHANGE,
    "same_as_before": SAME_AS_BEFORE,
}


# ---------------------------------------------------------------- the new-weakness rule

NERVE_TESTS = ("heel_walk", "toe_walk", "tripping")


def new_weakness(check: WeeklyCheck, earlier: Iterable[WeeklyCheck]) -> tuple[str, ...]:
    """Which nerve answers show new weakness (docs/clinical.md#nerve-check).

    A heel or toe walk that fails ("no") when the latest earlier answer was a success
    ("yes"), and tripping answered "yes" when it was not the latest earlier answer. Only
    checks of earlier ISO weeks count; "not-tried" and unanswered weeks are skipped.
    """
    before = sorted(
        (c for c in earlier if c.day < check.day and c.week != check.week),
        key=lambda c: (c.day, c.logged_at),
    )
    found: list[str] = []
    for name in NERVE_TESTS:
        now = getattr(check, name)
        answered = [getattr(c, name) for c in before if getattr(c, name) in ("yes", "no")]
        latest = answered[-1] if answered else None
        if name == "tripping":
            if now == "yes" and latest != "yes":
                found.append(name)
        elif now == "no" and latest == "yes":
            found.append(name)
    return tuple(found)
