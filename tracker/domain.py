"""The diary's domain: entries, events, vocabularies and the rules that validate them. No I/O."""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass, field, fields, replace
from typing import Any, Final, Literal

from tracker import activities, regions
from tracker.errors import TrackerError, shown

PAIN_MIN, PAIN_MAX = 0, 10  # the 0-10 numeric rating scale: docs/clinical.md#pain-scale

# docs/clinical.md#qualities
QUALITIES: dict[str, str] = {
    "aching": "a dull, constant ache",
    "burning": "burning or hot pain",
    "sharp": "sharp pain",
    "stabbing": "stabbing pain",
    "shooting": "pain that shoots along a line",
    "electric": "electric-shock-like pain",
    "throbbing": "throbbing, pulsing pain",
    "cramping": "cramping or spasm",
}

# docs/clinical.md#red-flags: what each means, why it is urgent, and the sources.
RED_FLAGS: dict[str, str] = {
    "saddle-numbness": "numbness between the legs or around the back passage",
    "bladder": "new trouble passing or holding urine",
    "bowel": "loss of bowel control",
    "both-legs": "sciatica (leg pain) in both legs",
    "leg-weakness": "rapidly increasing leg weakness",
    "fever": "fever of 38.3 C / 101 F or more",
    "wound": "a wound that is red, hot, swollen, draining or opening",
    "calf-swelling": "calf pain or swelling (possible clot)",
}

# Printed word for word when one is logged (docs/clinical.md#red-flag-advice).
RED_FLAG_ADVICE = (
    "These symptoms can signal a serious problem after spine surgery. Contact your "
    "surgeon now, or emergency services if you cannot."
)

# docs/data.md#event; the treatments they stand for: docs/clinical.md#fbss.
EVENT_KINDS: dict[str, str] = {
    "surgery": "spine surgery",
    "injection": "injection (for example epidural steroid)",
    "nerve-block": "nerve block or radiofrequency procedure",
    "medication-start": "started a medication",
    "medication-stop": "stopped a medication",
    "medication-change": "changed a medication or its dose",
    "physical-therapy": "physical therapy / physiotherapy",
    "stimulator-trial": "spinal cord stimulator trial",
    "stimulator-implant": "spinal cord stimulator implant",
    "other": "anything else worth marking on the timeline",
}

_LEVEL_RE = re.compile(
    r"^(C[1-7]|T(?:[1-9]|1[0-2])|L[1-5]|S[1-5])-(C[1-7]|T(?:[1-9]|1[0-2])|L[1-5]|S[1-5])$"
)
MAX_NOTE = 2000
MAX_TITLE = 200


@dataclass(frozen=True)
class Site:
    """A place that hurts, optionally with its own 0-10 intensity."""

    region: str
    intensity: int | None = None


# ---------------------------------------------------------------- the fields of an entry

# How a field is typed, checked, stored and written. Every part of tracker that handles
# entries (parsing, `log`/`edit` options, the saved and `show` lines, the step-by-step
# questions, storage, CSV and JSON) goes through FIELDS and treats a field by its kind:
SITES: Final = "sites"  # located pain: REGION or REGION=N, one Site per region (entry_sites)
REGIONS: Final = "regions"  # body regions, in the order given, no repeats (entry_sites)
TERMS: Final = "terms"  # words from the field's vocabulary, no repeats (entry_terms)
TEXT: Final = "text"  # free text, at most MAX_NOTE characters (a column of entries)
NUMBER: Final = "number"  # a whole number, read by the field's `parser` (a column of entries)
FieldKind = Literal["sites", "regions", "terms", "text", "number"]
NO_NUMBER = ("", "-", "none", "(none)")  # what clears a NUMBER field (in `edit`, a question)


@dataclass(frozen=True)
class EntryField:
    """One thing an entry records besides its day, pain and typing time.

    Declared once, beside its attribute in Entry (see `entry_field`); FIELDS lists them.
    """

    kind: FieldKind
    help: str  # of the option of `log` and `edit`
    metavar: str | None = None  # of that option (default by kind: REGION, REGION[=N], TEXT)
    # Each of these four is the attribute's name unless given:
    option: str = ""  # the option of `log` and `edit`: "--red-flag" (else --NAME)
    label: str = ""  # in `show` and in the lines `edit` prints: "red flags"
    column: str = ""  # CSV column, and key in JSON and `list --json`: "quality"
    stored_as: str = ""  # entry_sites.kind, entry_terms.kind, or the column of entries
    summary: str | None = None  # what introduces it in the one-line summary; None: left out
    question: str | None = None  # what the step-by-step `log` asks
    preface: str | None = None  # printed before that question
    ask_previous: bool = True  # the previous entry's answer is the suggested one
    vocabulary: Mapping[str, str] | None = None  # TERMS: name -> what it means
    term: str = ""  # TERMS: one term, as error messages name it: "pain quality"
    # TERMS with words of their own (activities: aliases, 'nothing'): the list's items -> the
    # canonical terms; NUMBER: the text typed -> the number. None: the vocabulary's rule.
    parser: Callable[[Any], Any] | None = None
    unit: str = ""  # NUMBER: what it counts, its first word made plural: "time at night"
    name: str = ""  # the Entry attribute (filled in from the class)

    @property
    def multiple(self) -> bool:
        """A list (a repeatable option, a ';'-joined CSV cell), or one value (note, woke)."""
        return self.kind not in (TEXT, NUMBER)

    @property
    def empty(self) -> tuple[()] | None:
        """The value of a field that records nothing."""
        return () if self.multiple else None

    def parse(self, given: Sequence[str] | str | None) -> Any:
        """The checked, canonical value of what was typed or read: a text for a TEXT field,
        a list of texts for the others (each may name several regions or terms)."""
        if self.kind == TEXT:
            assert given is None or isinstance(given, str)
            return clean_text(given, self.label, MAX_NOTE)
        if self.kind == NUMBER:
            assert self.parser is not None and not isinstance(given, list | tuple)
            if given is None or (isinstance(given, str) and given.strip().lower() in NO_NUMBER):
                return None
            return self.parser(given)
        assert not isinstance(given, str), f"{self.name} takes a list of texts"
        texts = list(given or ())
        if self.kind == SITES:
            return parse_sites(texts)
        if self.kind == REGIONS:
            return parse_regions(texts)
        if self.parser is not None:
            return self.parser(list_items(texts))
        assert self.vocabulary is not None
        return parse_terms(texts, self.vocabulary, self.term)

    def said(self, value: Any) -> str:
        """The value as a sentence reads it: '2 times', 'standing, walking'."""
        if not self.unit or value is None:
            return describe_value(value)
        word, _, after = self.unit.partition(" ")
        return " ".join(filter(None, (plural(value, word), after)))


def entry_field(kind: FieldKind, **description: Any) -> Any:
    """An attribute of Entry and how it is handled (the attribute's default is empty)."""
    declared = EntryField(kind, **description)
    return field(default=declared.empty, metadata={"entry_field": declared})


@dataclass(frozen=True)
class Entry:
    """One diary entry: how much it hurt on a day, where, and what came with it.

    To add something an entry records: declare it here with `entry_field` (its kind, how
    it is labelled, stored and asked), then store it (README: "Adding a field").
    """

    day: dt.date
    pain: int
    logged_at: dt.datetime
    where: tuple[Site, ...] = entry_field(
        SITES,
        stored_as="pain",
        help="Where it hurts, optionally with that spot's own 0-10 (e.g. lower-back=6). "
        "Repeat for more.",
        summary="at ",
        question="Where does it hurt (e.g. lower-back=6, left-buttock)",
    )
    radiates: tuple[str, ...] = entry_field(
        REGIONS,
        help="Where the pain travels to (e.g. left-calf).",
        summary="radiates to ",
        question="Does it travel anywhere (e.g. left-calf)",
    )
    numb: tuple[str, ...] = entry_field(
        REGIONS,
        help="Where it is numb.",
        summary="numb ",
        question="Numb anywhere",
    )
    tingling: tuple[str, ...] = entry_field(
        REGIONS,
        help="Where it tingles (pins and needles).",
        summary="tingling ",
        question="Tingling / pins and needles anywhere",
    )
    weak: tuple[str, ...] = entry_field(
        REGIONS,
        help="Where it is weak.",
        summary="weak ",
        question="Weak anywhere",
    )
    qualities: tuple[str, ...] = entry_field(
        TERMS,
        label="quality",
        column="quality",
        stored_as="quality",
        option="--quality",
        metavar="Q",
        help="What the pain feels like: " + ", ".join(QUALITIES) + ".",
        summary="",
        question=f"What does it feel like ({', '.join(QUALITIES)})",
        vocabulary=QUALITIES,
        term="pain quality",
    )
    # What provokes it and what eases it, and nights woken (docs/clinical.md#movement).
    worse_with: tuple[str, ...] = entry_field(
        TERMS,
        label="worse with",
        option="--worse-with",
        metavar="ACTIVITY",
        help="What made it worse: " + ", ".join(activities.ACTIVITIES) + " (or everyday words:"
        " sit, bending, stairs, lying down).",
        summary="worse with ",
        question="What made it worse (e.g. standing, walking)",
        vocabulary=activities.ACTIVITIES,
        term="activity",
        parser=lambda items: activities.parse_activities(items, eased=False),
    )
    better_with: tuple[str, ...] = entry_field(
        TERMS,
        label="eased by",
        option="--better-with",
        metavar="ACTIVITY",
        help="What eased it: the same activities, or 'nothing'.",
        summary="eased by ",
        question="What eased it (e.g. sitting, lying; 'nothing')",
        vocabulary=activities.EASED_BY,
        term="activity",
        parser=lambda items: activities.parse_activities(items, eased=True),
    )
    woke: int | None = entry_field(
        NUMBER,
        metavar="N",
        help=f"Times pain woke you last night, 0-{activities.WOKE_MAX}.",
        summary="woke ",
        question="Times pain woke you last night (0-20)",
        parser=activities.parse_woke,
        unit="time at night",
    )
    red_flags: tuple[str, ...] = entry_field(
        TERMS,
        label="red flags",
        column="red_flags",
        stored_as="red_flag",
        option="--red-flag",
        metavar="FLAG",
        help="Urgent symptom: " + ", ".join(RED_FLAGS) + ".",
        summary="RED FLAGS: ",
        question="Any of these urgent symptoms",
        preface="Urgent symptoms: " + "; ".join(f"{k} = {v}" for k, v in RED_FLAGS.items()),
        ask_previous=False,  # asked afresh every time
        vocabulary=RED_FLAGS,
        term="red flag",
    )
    note: str | None = entry_field(
        TEXT,
        help="Anything else worth remembering (free text).",
        question="Note",
    )
    time: dt.time | None = None  # the time of day it describes (issue 10): log --at
    id: int | None = None

    @property
    def backfilled(self) -> bool:
        """Typed on a later day than the day it describes."""
        return self.logged_at.date() > self.day

    def as_dict(self) -> dict:
        """The JSON shape of `tracker list --json`."""
        shape: dict[str, Any] = {"id": self.id, "date": self.day.isoformat()}
        shape |= {"time": None if self.time is None else f"{self.time:%H:%M}", "pain": self.pain}
        for f in FIELDS:
            shape[f.column] = json_value(f, getattr(self, f.name))
        shape["logged_at"] = self.logged_at.isoformat(timespec="seconds")
        return shape


_METAVARS = {SITES: "REGION[=N]", REGIONS: "REGION", NUMBER: "N"}
# Every field of an entry beyond day, pain and logged_at, in the order they are shown.
FIELDS: tuple[EntryField, ...] = tuple(
    replace(
        declared,
        name=attribute.name,
        option=declared.option or f"--{attribute.name}",
        label=declared.label or attribute.name,
        column=declared.column or attribute.name,
        stored_as=declared.stored_as or attribute.name,
        metavar=declared.metavar or _METAVARS.get(declared.kind),
    )
    for attribute in fields(Entry)
    if (declared := attribute.metadata.get("entry_field"))
)
FIELD: dict[str, EntryField] = {f.name: f for f in FIELDS}
# The region lists that are symptoms besides the pain itself: radiates, numb, tingling, weak.
SYMPTOM_KINDS = tuple(f.name for f in FIELDS if f.kind == REGIONS)
TEXT_FIELDS = tuple(f for f in FIELDS if f.kind == TEXT)
NUMBER_FIELDS = tuple(f for f in FIELDS if f.kind == NUMBER)


def recorded(value: object) -> bool:
    """Whether a field's value says something (0 times woken does; an empty list does not)."""
    return value is not None and value != ()


def json_value(f: EntryField, value: Any) -> Any:
    """A field's value in JSON: sites as region/intensity objects, lists as lists."""
    if f.kind == SITES:
        return [{"region": site.region, "intensity": site.intensity} for site in value]
    if not f.multiple:
        return value
    return list(value)


@dataclass(frozen=True)
class Event:
    """A dated marker on the timeline: a surgery, an injection, a medication change..."""

    day: dt.date
    kind: str
    title: str
    note: str | None = None
    levels: tuple[str, ...] = ()
    time: dt.time | None = None  # when it was done: a block's readings count from it
    side: str | None = None  # left, right or both: where an injection or block was given
    days: int | None = None  # a stimulator trial's length
    id: int | None = None

    def as_dict(self) -> dict:
        """The JSON shape of `tracker event list --json` (docs/data.md#json-event)."""
        return {
            "id": self.id,
            "date": self.day.isoformat(),
            "time": None if self.time is None else f"{self.time:%H:%M}",
            "kind": self.kind,
            "title": self.title,
            "side": self.side,
            "levels": list(self.levels),
            "note": self.note,
        }


# ---------------------------------------------------------------- parsing what people type


DATE_ORDERS = {"dmy": "day first", "mdy": "month first"}


class AmbiguousDate(TrackerError):
    """A date such as 12/03/2026 that reads as two different days."""


WEEKDAYS = ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")
_DATE_WORDS = "YYYY-MM-DD, 'today', 'yesterday', '3 days ago' or a weekday ('last monday')"
_NUMERIC_DATE = re.compile(r"(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})")


def parse_date(text: str, today: dt.date, order: str | None = None) -> dt.date:
    """The one date parser: what people write for a day, never in the future.

    ISO ``2026-01-05`` (``2026-1-5`` too), ``today``, ``yesterday``, ``3 days ago``,
    ``2 weeks ago``, ``monday`` or ``last monday`` (the most recent one before today), and
    ``12/03/2026``-style dates when the day/month order is clear: from the numbers
    themselves (``25/03/2026``), or from `order` ("dmy" or "mdy").
    """
    key = " ".join(text.strip().lower().split())
    day = _relative_day(key, today)
    if day is None:
        day = _calendar_day(text, key, order)
    if day > today:
        raise TrackerError(f"{day.isoformat()} is in the future; today is {today.isoformat()}")
    if day.year < 1900:
        raise TrackerError(f"{day.isoformat()} is too long ago; give a date from 1900 on")
    return day


def _relative_day(key: str, today: dt.date) -> dt.date | None:
    """today, yesterday, N days/weeks ago, (last) weekday; None for anything else."""
    if key == "today":
        return today
    if key == "yesterday":
        return today - dt.timedelta(days=1)
    ago = re.fullmatch(r"(\d{1,5}|a|one) (day|days|week|weeks) ago", key)
    if ago:
        count = 1 if ago.group(1) in ("a", "one") else int(ago.group(1))
        days = count * (7 if ago.group(2).startswith("week") else 1)
        if days > 366 * 200:
            return dt.date(1, 1, 1)  # refused below as too long ago
        return today - dt.timedelta(days=days)
    name = key.removeprefix("last ")
    for number, weekday in enumerate(WEEKDAYS):
        if name in (weekday, weekday[:3]):
            back = (today.weekday() - number) % 7 or 7
            return today - dt.timedelta(days=back)
    return None


def _calendar_day(text: str, key: str, order: str | None) -> dt.date:
    iso = re.fullmatch(r"(\d{4})[-/](\d{1,2})[-/](\d{1,2})", key)
    if iso:
        return _valid_day(text, int(iso.group(1)), int(iso.group(2)), int(iso.group(3)))
    numeric = _NUMERIC_DATE.fullmatch(key)
    if not numeric:
        raise TrackerError(f"'{shown(text)}' is not a date; use {_DATE_WORDS}")
    first, second, year = (int(part) for part in numeric.groups())
    readings = _readings(first, second, year)
    if order in DATE_ORDERS:
        chosen = readings.get(order)
        if chosen is None:
            raise TrackerError(
                f"'{shown(text)}' is not a date read {DATE_ORDERS[order]} ({order}); "
                f"use {_DATE_WORDS}"
            )
        return chosen
    if not readings:
        raise TrackerError(f"'{shown(text)}' is not a date; use {_DATE_WORDS}")
    if len(set(readings.values())) == 1:
        return next(iter(readings.values()))
    dmy, mdy = readings["dmy"], readings["mdy"]
    raise AmbiguousDate(
        f"'{shown(text)}' could be {long_day(dmy)} (day first) or {long_day(mdy)} (month "
        f"first); write {dmy.isoformat()} or {mdy.isoformat()}, or set "
        "TRACKER_DATE_ORDER=dmy or mdy"
    )


def _readings(first: int, second: int, year: int) -> dict[str, dt.date]:
    """The valid days a DD/MM/YYYY or MM/DD/YYYY date can be, by order."""
    found: dict[str, dt.date] = {}
    for order, (day, month) in (("dmy", (first, second)), ("mdy", (second, first))):
        try:
            found[order] = dt.date(year, month, day)
        except ValueError:
            pass
    return found


def _valid_day(text: str, year: int, month: int, day: int) -> dt.date:
    try:
        return dt.date(year, month, day)
    except ValueError:
        raise TrackerError(f"'{shown(text)}' is not a date; use {_DATE_WORDS}") from None


def date_order_of(texts: Iterable[str]) -> str | None:
    """The day/month order a set of dates settles by itself ('dmy', 'mdy'), else None.

    A file whose dates include 25/03/2026 is day first; one with 03/25/2026 month first.
    Dates that could be either (12/03/2026) settle nothing; a file holding both kinds of
    unambiguous date is refused.
    """
    orders: dict[str, str] = {}
    for text in texts:
        numeric = _NUMERIC_DATE.fullmatch(text.strip())
        if not numeric:
            continue
        readings = _readings(int(numeric.group(1)), int(numeric.group(2)), int(numeric.group(3)))
        if len(readings) == 1:
            orders.setdefault(next(iter(readings)), text.strip())
    if len(orders) == 2:
        raise TrackerError(
            f"the dates mix two orders: '{shown(orders['dmy'])}' is day first, "
            f"'{shown(orders['mdy'])}' month first; make them one order"
        )
    return next(iter(orders), None)


def long_day(day: dt.date) -> str:
    """'12 March 2026': a date nobody can misread."""
    return f"{day.day} {day:%B %Y}"


def parse_pain(text: str | int) -> int:
    """A whole number from 0 to 10."""
    raw = str(text).strip()
    if not re.fullmatch(r"[+]?\d{1,2}", raw) or not PAIN_MIN <= int(raw) <= PAIN_MAX:
        raise TrackerError(
            f"pain '{shown(raw)}' is not accepted; give a whole number from 0 (no pain)"
            " to 10 (worst imaginable)"
        )
    return int(raw)


def parse_site(text: str) -> tuple[Site, ...]:
    """'lower-back=6' or 'left buttock' (intensity optional)."""
    name, sep, value = text.partition("=")
    try:
        intensity = parse_pain(value) if sep else None
    except TrackerError:
        place = shown(name.strip() or "lower-back")
        if re.fullmatch(r"[+-]?\d+", value.strip()):  # a number, out of range
            raise TrackerError(
                f"pain '{shown(value.strip())}' for {place} is not accepted; give a whole number"
                f" from 0 (no pain) to 10 (worst imaginable), e.g. {place}=6"
            ) from None
        raise TrackerError(
            f"the rating in '{shown(text)}' is not accepted; give the place and its pain from"
            f" 0 to 10 joined by '=', e.g. {place}=6, or the place alone"
        ) from None
    return tuple(Site(region, intensity) for region in regions.resolve(name))


def list_items(texts: list[str] | tuple[str, ...]) -> list[str]:
    """The items of a list option, given repeated or comma-separated; 'none' alone is empty."""
    items = [item.strip() for text in texts for item in text.split(",") if item.strip()]
    if any(item.lower() == "none" for item in items):
        if len(items) > 1:
            raise TrackerError("'none' empties a list; give it alone, or give the names")
        return []
    return items


def parse_regions(texts: list[str] | tuple[str, ...]) -> tuple[str, ...]:
    """Canonical region names, in the order given, without repeats."""
    names: list[str] = []
    for text in list_items(texts):
        names.extend(regions.resolve(text))
    return tuple(dict.fromkeys(names))


def _site_texts(texts: list[str] | tuple[str, ...]) -> list[str]:
    """The places of a --where list, one each: "left-calf=6 lower-back=4" is two rated
    places, not one."""
    items = []
    for text in list_items(texts):
        words = text.split()
        items.extend(words if len(words) > 1 and all("=" in w for w in words) else [text])
    return items


def twice_rated(texts: list[str] | tuple[str, ...]) -> str | None:
    """What is wrong when a place is typed twice with two ratings (`--where left-calf=5
    --where left-calf=4`, of which the diary keeps the last), or None. Asked of what is typed
    at `log` and `edit`; a file being imported keeps the last, as it always has."""
    rated: dict[str, int] = {}
    for site in (s for text in _site_texts(texts) for s in parse_site(text)):
        if site.intensity is None:
            continue
        if rated.get(site.region, site.intensity) != site.intensity:
            return (
                f"{site.region} is given twice, rated {rated[site.region]} and"
                f" {site.intensity}; give it once, with the rating meant"
            )
        rated[site.region] = site.intensity
    return None


def parse_sites(texts: list[str] | tuple[str, ...]) -> tuple[Site, ...]:
    """Located pain, one per region; a region given twice keeps the last intensity."""
    sites: dict[str, Site] = {}
    for text in _site_texts(texts):
        for site in parse_site(text):
            sites.pop(site.region, None)
            sites[site.region] = site
    return tuple(sites.values())


# Everyday words for a pain quality, and the canonical quality each is recorded as.
QUALITY_WORDS: dict[str, str] = {
    "dull": "aching", "ache": "aching", "achy": "aching", "sore": "aching",
    "hot": "burning", "scalding": "burning",
    "knife-like": "stabbing", "piercing": "stabbing",
    "shock": "electric", "shocks": "electric", "electric-shock": "electric",
    "electric-shocks": "electric", "zapping": "electric",
    "pulsing": "throbbing", "pounding": "throbbing",
    "cramp": "cramping", "cramps": "cramping", "spasm": "cramping", "spasms": "cramping",
}  # fmt: skip
# Symptoms that are not a quality of the pain: the option that records each.
_OTHER_SYMPTOM = {
    "tingling": "tingling is recorded with --tingling REGION (e.g. --tingling left-foot)",
    "pins-and-needles": "pins and needles is recorded as tingling: --tingling REGION"
    " (e.g. --tingling left-foot)",
    "numb": "numbness is recorded with --numb REGION (e.g. --numb left-foot)",
    "numbness": "numbness is recorded with --numb REGION (e.g. --numb left-foot)",
    "weak": "weakness is recorded with --weak REGION (e.g. --weak left-ankle)",
    "weakness": "weakness is recorded with --weak REGION (e.g. --weak left-ankle)",
    "sciatica": regions.SYMPTOM_WORDS["sciatica"],
    "radiating": "pain that travels is recorded with --radiates REGION (e.g. --radiates left-calf)",
}


def _term_key(text: str) -> str:
    return re.sub(r"[\s_]+", "-", text.strip().lower())


def parse_terms(
    texts: list[str] | tuple[str, ...], vocabulary: Mapping[str, str], what: str
) -> tuple[str, ...]:
    """Names from a fixed vocabulary (qualities, red flags), normalised and without repeats."""
    names: list[str] = []
    for text in list_items(texts):
        key = _term_key(text)
        if vocabulary is QUALITIES:
            if key in _OTHER_SYMPTOM:
                raise TrackerError(_OTHER_SYMPTOM[key])
            key = QUALITY_WORDS.get(key, key)
        if key not in vocabulary:
            raise TrackerError(
                f"unknown {what} '{shown(text)}'{_closest(key, vocabulary)}; accepted: "
                + ", ".join(vocabulary)
            )
        names.append(key)
    return tuple(dict.fromkeys(names))


def quality_notes(texts: list[str] | tuple[str, ...]) -> list[str]:
    """One line for each everyday word recorded as a canonical quality ('dull' -> aching)."""
    notes = []
    for text in list_items(texts):
        quality = QUALITY_WORDS.get(_term_key(text))
        if quality:
            notes.append(
                f"'{shown(text.strip())}' is recorded as {quality} ({QUALITIES[quality]})."
            )
    return list(dict.fromkeys(notes))


def recorded_as_notes(fields: dict) -> list[str]:
    """The everyday words of an entry's options recorded as canonical ones: qualities
    ('dull' -> aching) and activities ('driving' -> sitting), a line each."""
    notes = quality_notes(fields.get("qualities") or ())
    for name in ("worse_with", "better_with"):
        notes += activities.activity_notes(list_items(fields.get(name) or ()))
    return list(dict.fromkeys(notes))


def parse_event_kind(text: str) -> str:
    return parse_terms([text], EVENT_KINDS, "event kind")[0]


_LEVEL_WORDS = re.compile(r"([CTLS])(\d{1,2})\s*(?:[-/]|\s|TO)?\s*([CTLS])?\s*(\d{1,2})")


def parse_levels(text: str | None) -> tuple[str, ...]:
    """Spinal levels such as 'L4-L5,L5-S1'; 'L4-5', 'L4/5' and 'l4 l5' are L4-L5 too."""
    if not text:
        return ()
    levels = []
    for part in text.split(","):
        level = _level(part.strip().upper())
        if level is None:
            raise TrackerError(
                f"spinal level '{shown(part.strip())}' is not accepted; write levels like"
                " L4-L5 or L5-S1, separated by commas"
            )
        levels.append(level)
    return tuple(dict.fromkeys(levels))


def _level(text: str) -> str | None:
    words = _LEVEL_WORDS.fullmatch(text)
    if not words:
        return None
    upper = f"{words.group(1)}{int(words.group(2))}"
    lower = f"{words.group(3) or words.group(1)}{int(words.group(4))}"
    level = f"{upper}-{lower}"
    return level if _LEVEL_RE.fullmatch(level) else None


def clean_text(text: str | None, what: str, limit: int) -> str | None:
    """Free text without control characters, at most `limit` characters; '' means none."""
    if text is None:
        return None
    cleaned = "".join(ch for ch in text if ch in "\n\t" or ch.isprintable()).strip()
    if len(cleaned) > limit:
        raise TrackerError(f"the {what} is {len(cleaned)} characters long; keep it under {limit}")
    return cleaned or None


def _closest(key: str, vocabulary: Mapping[str, str]) -> str:
    import difflib

    close = difflib.get_close_matches(key, list(vocabulary), n=1, cutoff=0.6)
    return f" (did you mean {close[0]}?)" if close else ""


# ---------------------------------------------------------------- building and changing entries


def new_entry(day: dt.date, pain: int, logged_at: dt.datetime, **values: Any) -> Entry:
    """A validated entry; `values` are fields of FIELDS by name, already canonical (Site
    tuples, region names, vocabulary names); the note is cleaned here."""
    if not PAIN_MIN <= pain <= PAIN_MAX:
        raise TrackerError(f"pain {pain} is outside 0-10")
    for f in TEXT_FIELDS:
        if f.name in values:
            values[f.name] = clean_text(values[f.name], f.label, MAX_NOTE)
    for f in NUMBER_FIELDS:  # values built in code (imports, the demo) obey the same range
        if values.get(f.name) is not None:
            assert f.parser is not None
            values[f.name] = f.parser(values[f.name])
    return Entry(day=day, pain=pain, logged_at=logged_at.replace(microsecond=0), **values)


def entry_from_text(
    day: dt.date, pain: int, logged_at: dt.datetime, **given: Sequence[str] | str | None
) -> Entry:
    """An entry from the words typed or read from a file: every field parsed and checked
    (a list of texts per list field, a text or None for the note)."""
    return new_entry(
        day, pain, logged_at, **{name: FIELD[name].parse(v) for name, v in given.items()}
    )


# What `tracker edit` changes: a new value by name ("day", "pain" or a field of FIELDS);
# a name not given is left as it is.
EntryChanges = Mapping[str, Any]
EDITABLE = {"day": "date", "time": "time", "pain": "pain"} | {f.name: f.label for f in FIELDS}


def carried_over(previous: Entry) -> dict[str, list[str]]:
    """What `tracker log same` copies from the last entry, as the words `log` takes.

    Every list field the step-by-step log suggests again (where it hurts, with each spot's
    score, radiation, numbness, ..., qualities); never red flags (an urgent symptom is said
    anew) nor the note.
    """
    return {
        f.name: [describe_site(v) if f.kind == SITES else v for v in getattr(previous, f.name)]
        for f in FIELDS
        if f.multiple and f.ask_previous
    }


DOUBTFUL_YEARS = 5  # a day this long ago is more often a typo (2012 for 2021) than a memory


def doubtful_day(day: dt.date, today: dt.date, surgeries: Sequence[dt.date]) -> str | None:
    """Why a day given for an entry deserves a second look, or None: before the first
    recorded surgery, or more than DOUBTFUL_YEARS back."""
    first = min(surgeries, default=None)
    if first is not None and day < first:
        return f"{day.isoformat()} is before your first recorded surgery ({first.isoformat()})"
    if day < today - dt.timedelta(days=round(365.25 * DOUBTFUL_YEARS)):
        return f"{day.isoformat()} is more than {DOUBTFUL_YEARS} years ago"
    return None


def same_surgery(recorded: Event, new: Event) -> bool:
    """A surgery on the same day with the same procedure (any case or spacing)."""

    def said(text: str) -> str:
        return " ".join(text.casefold().split())

    return recorded.day == new.day and said(recorded.title) == said(new.title)


def spots_above(entry: Entry) -> tuple[Site, ...]:
    """The spots rated above the entry's overall pain (usually a slip of the finger)."""
    return tuple(s for s in entry.where if s.intensity is not None and s.intensity > entry.pain)


def apply_changes(entry: Entry, changes: EntryChanges) -> tuple[Entry, list[str]]:
    """The edited entry and one plain line per field that changed, in FIELDS order (the new
    values already parsed, as by EntryField.parse)."""
    updated = entry
    lines: list[str] = []
    for name, label in EDITABLE.items():
        if name not in changes:
            continue
        value = changes[name]
        old = getattr(entry, name)
        if value != old:
            updated = replace(updated, **{name: value})
            said = FIELD[name].said if name in FIELD else describe_value
            lines.append(f"{label}: {said(old)} -> {said(value)}")
    return updated, lines


def describe_value(value: object) -> str:
    """How a field's value reads in a sentence."""
    if value is None or value == ():
        return "(none)"
    if isinstance(value, dt.date):
        return value.isoformat()
    if isinstance(value, dt.time):
        return f"{value:%H:%M}"
    if isinstance(value, tuple):
        return ", ".join(describe_site(v) if isinstance(v, Site) else str(v) for v in value)
    return str(value)


def plural(count: int, word: str, many: str | None = None) -> str:
    """'1 day', '3 days', '2 entries' (with many='entries')."""
    return f"{count} {word if count == 1 else (many or word + 's')}"


def describe_site(site: Site) -> str:
    return site.region if site.intensity is None else f"{site.region}={site.intensity}"


SIDES = ("left", "right", "both")  # where a procedure was given: docs/data.md#event
MAX_TRIAL_DAYS = 60


def parse_side(text: str) -> str:
    key = text.strip().lower()
    key = {"l": "left", "r": "right", "bilateral": "both"}.get(key, key)
    if key not in SIDES:
        raise TrackerError(f"side '{shown(text)}' is not accepted; give left, right or both")
    return key


def new_event(
    day: dt.date,
    kind: str,
    title: str,
    note: str | None = None,
    levels: tuple[str, ...] = (),
    time: dt.time | None = None,
    side: str | None = None,
    days: int | None = None,
) -> Event:
    """A validated timeline event."""
    if kind not in EVENT_KINDS:
        raise TrackerError(f"unknown event kind '{kind}'; accepted: {', '.join(EVENT_KINDS)}")
    cleaned = clean_text(title, "title", MAX_TITLE)
    if not cleaned:
        raise TrackerError(
            "the event needs a title, for example 'L4-L5 fusion' or 'gabapentin 300 mg'"
        )
    if side is not None and side not in SIDES:
        raise TrackerError(f"side '{shown(side)}' is not accepted; give left, right or both")
    if days is not None and (kind != "stimulator-trial" or not 1 <= days <= MAX_TRIAL_DAYS):
        raise TrackerError(
            f"--days is a stimulator trial's length, 1 to {MAX_TRIAL_DAYS} days"
            if kind == "stimulator-trial"
            else "--days is for a stimulator-trial event (its length in days)"
        )
    return Event(day, kind, cleaned, clean_text(note, "note", MAX_NOTE), levels, time, side, days)


def surgery_day_zero(events: list[Event] | tuple[Event, ...], as_of: dt.date) -> dt.date | None:
    """The latest surgery on or before as_of: day 0 for months-since-surgery."""
    days = [e.day for e in events if e.kind == "surgery" and e.day <= as_of]
    return max(days) if days else None
