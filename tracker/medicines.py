"""Medicines: regimens, doses and morphine milligram equivalents (MME). Pure rules, no I/O.

The MME factors are the CDC's (docs/clinical.md#mme): for comparing a day's opioid total
with another day's, never for switching one opioid for another.
"""

from __future__ import annotations

import datetime as dt
import difflib
import re
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field, replace

from tracker import times
from tracker.errors import TrackerError, shown

# Morphine milligram equivalents per mg (per mcg/h for the fentanyl patch). Source: CDC
# Clinical Practice Guideline for Prescribing Opioids for Pain, 2022, MMWR Recomm Rep
# 71(3), Table "Morphine milligram equivalent doses for commonly prescribed opioids";
# docs/clinical.md#mme.
MME_FACTORS: dict[str, float] = {
    "codeine": 0.15,
    "hydrocodone": 1.0,
    "hydromorphone": 5.0,
    "methadone": 4.7,
    "morphine": 1.0,
    "oxycodone": 1.5,
    "oxymorphone": 3.0,
    "tapentadol": 0.4,
    "tramadol": 0.2,
}
FENTANYL_PATCH_FACTOR = 2.4  # MME a day per mcg/h of a transdermal patch (same table)
MME_SOURCE = "CDC Clinical Practice Guideline for Prescribing Opioids for Pain, 2022 (MMWR 71(3))"
MME_CAVEAT = (
    "MME (CDC 2022 factors) is for comparing opioid totals, not for switching one opioid"
    " for another."
)

# Medicines with no MME (their doses are shown apart): docs/clinical.md#mme.
OTHER_INGREDIENTS: dict[str, str] = {
    "pregabalin": "gabapentinoid",
    "gabapentin": "gabapentinoid",
    "paracetamol": "analgesic",
    "ibuprofen": "NSAID",
    "naproxen": "NSAID",
    "diclofenac": "NSAID",
    "celecoxib": "NSAID",
    "etoricoxib": "NSAID",
    "duloxetine": "antidepressant (SNRI)",
    "amitriptyline": "antidepressant (tricyclic)",
    "nortriptyline": "antidepressant (tricyclic)",
    "cyclobenzaprine": "muscle relaxant",
    "methocarbamol": "muscle relaxant",
    "baclofen": "muscle relaxant",
    "tizanidine": "muscle relaxant",
    "diazepam": "benzodiazepine",
    "buprenorphine": "opioid (no CDC 2022 MME factor for every form; not counted)",
}
INGREDIENTS = (*MME_FACTORS, "fentanyl", *OTHER_INGREDIENTS)

# Brand names and common misspellings, to the ingredient (lower case, spaces as typed).
ALIASES: dict[str, str] = {
    # oxycodone
    "oxycontin": "oxycodone", "oxynorm": "oxycodone", "roxicodone": "oxycodone",
    "percocet": "oxycodone", "endone": "oxycodone", "xtampza": "oxycodone",
    "oxycodon": "oxycodone", "oxycodine": "oxycodone", "oxicodone": "oxycodone",
    "oxycodeine": "oxycodone", "oxy": "oxycodone",
    # hydrocodone
    "vicodin": "hydrocodone", "norco": "hydrocodone", "lortab": "hydrocodone",
    "hysingla": "hydrocodone", "zohydro": "hydrocodone", "hydrocodon": "hydrocodone",
    # hydromorphone
    "dilaudid": "hydromorphone", "palladone": "hydromorphone", "exalgo": "hydromorphone",
    "hydromorfone": "hydromorphone", "hydromorphon": "hydromorphone",
    # morphine
    "ms contin": "morphine", "mscontin": "morphine", "oramorph": "morphine",
    "sevredol": "morphine", "zomorph": "morphine", "kadian": "morphine", "morphin": "morphine",
    "morfine": "morphine", "morphene": "morphine",
    # codeine
    "tylenol 3": "codeine", "tylenol with codeine": "codeine", "co-codamol": "codeine",
    "cocodamol": "codeine", "codein": "codeine", "codiene": "codeine",
    # methadone
    "dolophine": "methadone", "methadose": "methadone", "physeptone": "methadone",
    "methadon": "methadone",
    # oxymorphone
    "opana": "oxymorphone", "oxymorphon": "oxymorphone",
    # tapentadol
    "nucynta": "tapentadol", "palexia": "tapentadol", "tapendatol": "tapentadol",
    # tramadol
    "ultram": "tramadol", "zydol": "tramadol", "tramal": "tramadol", "conzip": "tramadol",
    "tramadal": "tramadol", "tramadole": "tramadol", "tramodol": "tramadol",
    # fentanyl
    "duragesic": "fentanyl", "durogesic": "fentanyl", "fentanil": "fentanyl",
    "fentanyl patch": "fentanyl", "fentanyle": "fentanyl",
    # others
    "lyrica": "pregabalin", "pregabaline": "pregabalin", "pregablin": "pregabalin",
    "pregabalene": "pregabalin",
    "neurontin": "gabapentin", "gralise": "gabapentin", "gabapentine": "gabapentin",
    "gabapenten": "gabapentin", "gabapentin enacarbil": "gabapentin",
    "acetaminophen": "paracetamol", "tylenol": "paracetamol", "panadol": "paracetamol",
    "calpol": "paracetamol", "paracetemol": "paracetamol", "paracetamole": "paracetamol",
    "advil": "ibuprofen", "nurofen": "ibuprofen", "motrin": "ibuprofen", "ibuprofin": "ibuprofen",
    "ibuprophen": "ibuprofen", "aleve": "naproxen", "naprosyn": "naproxen",
    "voltaren": "diclofenac", "voltarol": "diclofenac", "celebrex": "celecoxib",
    "arcoxia": "etoricoxib", "cymbalta": "duloxetine", "elavil": "amitriptyline",
    "flexeril": "cyclobenzaprine", "robaxin": "methocarbamol", "lioresal": "baclofen",
    "zanaflex": "tizanidine", "valium": "diazepam",
    "butrans": "buprenorphine", "subutex": "buprenorphine", "suboxone": "buprenorphine",
}  # fmt: skip

UNITS = ("mg", "mcg", "mcg/h")
_UNIT_WORDS = {
    "mg": "mg", "milligram": "mg", "milligrams": "mg",
    "mcg": "mcg", "µg": "mcg", "ug": "mcg", "microgram": "mcg", "micrograms": "mcg",
    "mcg/h": "mcg/h", "mcg/hr": "mcg/h", "µg/h": "mcg/h", "ug/h": "mcg/h",
    "mcg/hour": "mcg/h",
}  # fmt: skip
MAX_DOSE_FACTOR = 10  # a dose above 10x the regimen's strength is refused as a slip
# A strength above this (in its own unit) is refused as a slip too: our own safeguard
# (docs/clinical.md#medications), far above any one tablet, capsule or patch (paracetamol's
# 1000 mg, fentanyl's 100 mcg/h).
MAX_STRENGTH = 10_000
MAX_NAME = 60
MAX_SCHEDULE = 200


def ingredient_of(name: str) -> str:
    """The ingredient a medicine's name stands for (brands and misspellings mapped);
    a name we do not know is its own ingredient (lower case)."""
    key = " ".join(name.strip().lower().split())
    return ALIASES.get(key, key)


def clean_name(text: str) -> str:
    name = " ".join("".join(ch for ch in text if ch.isprintable()).split())
    if not name:
        raise TrackerError("give the medicine's name, e.g. 'pregabalin' or 'OxyContin'")
    if len(name) > MAX_NAME:
        raise TrackerError(
            f"the medicine's name is {len(name)} characters; keep it under {MAX_NAME}"
        )
    return name


def parse_strength(text: str) -> tuple[float, str]:
    """'75mg', '10 mg', '25 mcg/h', '0.5 mg' -> (amount, unit); the unit is required."""
    found = re.fullmatch(r"\s*(\d+(?:[.,]\d+)?)\s*([^\d\s].*?)?\s*", text)
    if not found:
        raise TrackerError(
            f"strength '{shown(text)}' is not accepted; give an amount and a unit, e.g. 75mg,"
            f" 10 mg, 25mcg/h (units: {', '.join(UNITS)})"
        )
    amount = float(found.group(1).replace(",", "."))
    word = (found.group(2) or "").lower().replace(" ", "")
    if not word:
        raise TrackerError(
            f"strength '{shown(text)}' needs its unit: {', '.join(UNITS)} (e.g. {found.group(1)}mg)"
        )
    unit = _UNIT_WORDS.get(word)
    if unit is None:
        raise TrackerError(
            f"unknown unit '{shown(found.group(2))}'; accepted: {', '.join(UNITS)}"
            " (mcg/h for patches)"
        )
    if amount <= 0:
        raise TrackerError(f"strength '{shown(text)}' must be more than 0")
    if amount > MAX_STRENGTH:
        raise TrackerError(
            f"strength '{shown(text)}' is more than {MAX_STRENGTH} {unit}; give the strength of"
            " one tablet, capsule or patch (e.g. 75mg)"
        )
    return amount, unit


def is_unit(word: str) -> bool:
    """Whether a word is a unit a strength or dose may be given in ('mg', 'mcg/h', ...)."""
    return word.lower() in _UNIT_WORDS


def amount_text(amount: float, unit: str) -> str:
    """'75 mg', '0.5 mg', '25 mcg/h'."""
    return f"{amount:g} {unit}"


@dataclass(frozen=True)
class Regimen:
    """One medicine at one strength, from `started` until the day before `stopped`."""

    name: str
    ingredient: str
    strength: float
    unit: str
    as_needed: bool
    started: dt.date
    schedule: str | None = None
    stopped: dt.date | None = None
    id: int | None = None

    @property
    def opioid(self) -> bool:
        return self.ingredient in MME_FACTORS or self.ingredient == "fentanyl"

    @property
    def patch(self) -> bool:
        return self.unit == "mcg/h"

    def taken_on(self, day: dt.date) -> bool:
        return self.started <= day and (self.stopped is None or day < self.stopped)

    def describe(self) -> str:
        """'pregabalin 75 mg, twice daily' / 'OxyContin (oxycodone) 10 mg, as needed'."""
        name = (
            self.name
            if self.name.lower() == self.ingredient
            else f"{self.name} ({self.ingredient})"
        )
        return f"{name} {amount_text(self.strength, self.unit)}, {self.how}"

    @property
    def how(self) -> str:
        """'twice daily', 'as needed', 'as needed, up to 3 a day', 'patch', 'scheduled'."""
        how = "as needed" if self.as_needed else (self.schedule or "scheduled")
        if self.patch:
            how = f"patch, {self.schedule}" if self.schedule else "patch"
        if self.as_needed and self.schedule:
            how = f"as needed, {self.schedule}"
        return how

    def as_dict(self) -> dict:
        """The JSON shape of `tracker med list --json` (and of the JSON export)."""
        return {
            "id": self.id,
            "name": self.name,
            "ingredient": self.ingredient,
            "strength": self.strength,
            "unit": self.unit,
            "as_needed": self.as_needed,
            "schedule": self.schedule,
            "started": self.started.isoformat(),
            "stopped": self.stopped.isoformat() if self.stopped else None,
            "mme_factor": mme_factor(self.ingredient, self.unit),
        }


def mme_factor(ingredient: str, unit: str) -> float | None:
    """The CDC factor for this ingredient in this unit, or None (no MME)."""
    if ingredient == "fentanyl":
        return FENTANYL_PATCH_FACTOR if unit == "mcg/h" else None
    if unit == "mcg/h":
        return None
    return MME_FACTORS.get(ingredient)


def new_regimen(
    name: str,
    strength: str,
    started: dt.date,
    as_needed: bool = False,
    schedule: str | None = None,
) -> Regimen:
    """A checked regimen from what was typed."""
    cleaned = clean_name(name)
    amount, unit = parse_strength(strength)
    ingredient = ingredient_of(cleaned)
    if unit == "mcg/h" and ingredient != "fentanyl":
        raise TrackerError(
            f"mcg/h is the unit of a fentanyl patch; give {cleaned}'s strength in mg or mcg"
        )
    if unit == "mcg/h" and as_needed:
        raise TrackerError("a patch is worn, not taken as needed; leave out --as-needed")
    plan = " ".join((schedule or "").split()) or None
    if plan and len(plan) > MAX_SCHEDULE:
        raise TrackerError(f"the schedule is {len(plan)} characters; keep it under {MAX_SCHEDULE}")
    return Regimen(cleaned, ingredient, amount, unit, as_needed, started, plan)


@dataclass(frozen=True)
class Dose:
    """One dose taken, in its regimen's unit."""

    medication_id: int
    day: dt.date
    amount: float
    logged_at: dt.datetime
    time: dt.time | None = None
    id: int | None = None


def dose_amount(given: str | None, regimen: Regimen) -> float:
    """The amount of a dose: the regimen's strength unless given ('5', '5mg', '500 mcg');
    negative, zero or over MAX_DOSE_FACTOR x the strength is refused."""
    if given is None:
        return regimen.strength
    text = given.strip()
    number = re.fullmatch(r"[+-]?\d+(?:[.,]\d+)?", text)
    if number:
        amount, unit = float(text.replace(",", ".")), regimen.unit
    elif text.startswith("-"):
        amount, unit = -1.0, regimen.unit
    else:
        amount, unit = parse_strength(text)
    if amount <= 0:
        raise TrackerError(
            f"a dose of '{shown(given)}' is not accepted; give an amount more than 0"
            f" (e.g. {regimen.strength:g} {regimen.unit})"
        )
    amount = _in_unit(amount, unit, regimen)
    if amount > MAX_DOSE_FACTOR * regimen.strength:
        raise TrackerError(
            f"a dose of {amount_text(amount, regimen.unit)} is more than {MAX_DOSE_FACTOR}x"
            f" {regimen.name}'s strength ({amount_text(regimen.strength, regimen.unit)}); check"
            " the amount, or change the regimen: tracker med change NAME --strength AMOUNT"
        )
    return amount


def _in_unit(amount: float, unit: str, regimen: Regimen) -> float:
    if unit == regimen.unit:
        return amount
    if (unit, regimen.unit) == ("mcg", "mg"):
        return amount / 1000
    if (unit, regimen.unit) == ("mg", "mcg"):
        return amount * 1000
    raise TrackerError(
        f"{regimen.name} is taken in {regimen.unit}; give the dose in {regimen.unit}"
    )


def closest_names(text: str, names: Iterable[str]) -> list[str]:
    """The names nearest to what was typed (for 'not in your list' messages)."""
    known = list(dict.fromkeys(names))
    by_lower = {n.lower(): n for n in known}
    close = difflib.get_close_matches(text.strip().lower(), list(by_lower), n=3, cutoff=0.5)
    return [by_lower[c] for c in close]


def find_regimen(text: str, regimens: Sequence[Regimen], day: dt.date) -> Regimen:
    """The regimen taken on `day` that a typed name means (its name or its ingredient)."""
    key = " ".join(text.strip().lower().split())
    ingredient = ingredient_of(text)
    current = [r for r in regimens if r.taken_on(day)]
    by_name = [r for r in current if r.name.lower() == key]
    if by_name:
        return by_name[-1]
    by_ingredient = [r for r in current if r.ingredient == ingredient]
    if len(by_ingredient) == 1:
        return by_ingredient[0]
    if by_ingredient:
        raise TrackerError(
            f"'{shown(text)}' could be {' or '.join(r.describe() for r in by_ingredient)};"
            " give its name as in 'tracker med list'"
        )
    other_days = [r for r in regimens if r.name.lower() == key or r.ingredient == ingredient]
    latest = max(other_days, key=lambda r: r.started, default=None)
    if latest is not None and latest.stopped is not None and latest.stopped <= day:
        # "your list has gabapentin from 2026-12-02 until 2026-12-02" read as if taken that day
        raise TrackerError(
            f"{latest.name} is not taken on {day.isoformat()}: it was stopped from"
            f" {latest.stopped.isoformat()} on ('tracker med list --all' shows its history); if"
            f" you take it again: tracker med add {latest.name} --strength AMOUNT"
        )
    if other_days:
        spans = ", ".join(
            f"{r.name} from {r.started.isoformat()}"
            + (f" until {r.stopped.isoformat()}" if r.stopped else "")
            for r in other_days
        )
        raise TrackerError(
            f"'{shown(text)}' is not in your medicine list on {day.isoformat()} (your list has"
            f" {spans}); give a day it was taken, or add it again: tracker med add"
            f" {shown(text)} --strength AMOUNT"
        )
    names = [r.name for r in current]
    if not names:
        raise TrackerError(
            f"no medicine is in your list on {day.isoformat()}; add one first: tracker med add"
            f" {shown(text)} --strength AMOUNT"
        )
    close = closest_names(text, names + [r.ingredient for r in current])
    hint = f"; closest: {', '.join(close)}" if close else ""
    raise TrackerError(
        f"'{shown(text)}' is not in your medicine list on {day.isoformat()}{hint} (taking:"
        f" {', '.join(names)}). Add it with: tracker med add {shown(text)} --strength AMOUNT"
    )


# ---------------------------------------------------------------- a day's doses and MME


@dataclass(frozen=True)
class DoseTaken:
    """A dose with its regimen: what `med doses` lists."""

    regimen: Regimen
    day: dt.date
    amount: float  # in the regimen's unit; a patch: its mcg/h
    time: dt.time | None = None

    @property
    def amount_mg(self) -> float:
        if self.regimen.unit == "mcg":
            return self.amount / 1000
        if self.regimen.unit == "mcg/h":
            return self.amount * 24 / 1000  # a patch worn all day delivers this much
        return self.amount

    @property
    def mme(self) -> float:
        factor = mme_factor(self.regimen.ingredient, self.regimen.unit)
        if factor is None:
            return 0.0
        return self.amount * factor if self.regimen.patch else self.amount_mg * factor


@dataclass(frozen=True)
class DayDoses:
    """The doses of one day, and that day's opioid total in MME."""

    day: dt.date
    doses: tuple[DoseTaken, ...] = field(default=())

    @property
    def mme(self) -> float:
        return round(sum(d.mme for d in self.doses), 1)

    @property
    def as_needed(self) -> int:
        return sum(1 for d in self.doses if d.regimen.as_needed)

    def as_dict(self) -> dict:
        """The JSON shape of `tracker med doses --json` (docs/data.md#json-doses)."""
        return {
            "date": self.day.isoformat(),
            "mme": self.mme,
            "doses": [
                {
                    "medication": d.regimen.ingredient,
                    "amount_mg": round(d.amount_mg, 4),
                    "at": times.text(d.time),
                }
                for d in self.doses
            ],
        }


def days_of_doses(
    regimens: Sequence[Regimen],
    doses: Iterable[Dose],
    since: dt.date | None,
    until: dt.date,
) -> list[DayDoses]:
    """One DayDoses for every day from `since` to `until` that had a dose: the doses taken,
    and each day a fentanyl patch was worn (counted from its start until its stop)."""
    by_id = {r.id: r for r in regimens}
    days: dict[dt.date, list[DoseTaken]] = {}
    for dose in doses:
        if (since is None or dose.day >= since) and dose.day <= until:
            regimen = by_id[dose.medication_id]
            days.setdefault(dose.day, []).append(
                DoseTaken(regimen, dose.day, dose.amount, dose.time)
            )
    for regimen in regimens:
        if not regimen.patch:
            continue
        day = max(regimen.started, since) if since else regimen.started
        last = min(until, regimen.stopped - dt.timedelta(days=1)) if regimen.stopped else until
        while day <= last:
            days.setdefault(day, []).append(DoseTaken(regimen, day, regimen.strength))
            day += dt.timedelta(days=1)
    return [
        DayDoses(day, tuple(sorted(taken, key=lambda d: (d.time or dt.time.max, d.regimen.name))))
        for day, taken in sorted(days.items())
    ]


def mme_by_day(days: Iterable[DayDoses]) -> dict[dt.date, float]:
    return {d.day: d.mme for d in days}


def mean_daily_mme(mme: Mapping[dt.date, float], first: dt.date, last: dt.date) -> float:
    """The mean opioid total a calendar day from `first` to `last` (a day without doses
    counts 0), to one decimal (docs/clinical.md#report-medicines)."""
    n_days = (last - first).days + 1
    total = sum(value for day, value in mme.items() if first <= day <= last)
    return round(total / n_days, 1)


# ---------------------------------------------------------------- changing a regimen


def current_regimen(text: str, regimens: Sequence[Regimen], day: dt.date) -> Regimen:
    """The regimen a name means on `day` (for `med change` and `med stop`)."""
    return find_regimen(text, regimens, day)


def check_new(regimen: Regimen, regimens: Sequence[Regimen]) -> None:
    """A medicine already in the list is changed, not added again. (The same ingredient
    twice is normal when one is scheduled and one as needed: OxyContin and OxyNorm.)"""
    for other in regimens:
        overlaps = other.taken_on(regimen.started) or other.started >= regimen.started
        same = other.name.lower() == regimen.name.lower() or (
            other.ingredient == regimen.ingredient and other.as_needed == regimen.as_needed
        )
        if overlaps and same:
            raise TrackerError(
                f"{other.describe()} is already in your list (from {other.started.isoformat()});"
                f" change it with: tracker med change {other.name} --strength AMOUNT"
            )


def changed(regimen: Regimen, strength: str, day: dt.date) -> tuple[Regimen | None, Regimen]:
    """A new strength from `day`: (the old regimen, ended the day before, or None when it
    started that same day and is simply corrected; the regimen from `day` on)."""
    amount, unit = parse_strength(strength)
    if unit != regimen.unit and {unit, regimen.unit} != {"mg", "mcg"}:
        raise TrackerError(
            f"{regimen.name} is taken in {regimen.unit}; give the new strength in it"
        )
    if day < regimen.started:
        raise TrackerError(
            f"{regimen.name} {amount_text(regimen.strength, regimen.unit)} started on"
            f" {regimen.started.isoformat()}; a change must be on or after that day"
        )
    if (amount, unit) == (regimen.strength, regimen.unit):
        raise TrackerError(
            f"{regimen.name} is already {amount_text(amount, unit)}; nothing to change"
        )
    following = replace(regimen, strength=amount, unit=unit, started=day, id=None)
    if day == regimen.started:
        return None, replace(following, id=regimen.id)
    return replace(regimen, stopped=day), following


def stopped(regimen: Regimen, day: dt.date) -> Regimen:
    """The regimen ended: `day` is the first day without it."""
    if day < regimen.started:
        raise TrackerError(
            f"{regimen.name} started on {regimen.started.isoformat()}; it cannot stop before"
        )
    return replace(regimen, stopped=day)
