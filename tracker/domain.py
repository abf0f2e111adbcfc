"""The diary's domain: entries, events, vocabularies and the rules that validate them. No I/O."""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, replace

from tracker import regions
from tracker.errors import TrackerError, shown

PAIN_MIN, PAIN_MAX = 0, 10

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

RED_FLAG_ADVICE = (
    "These symptoms can signal a serious problem after spine surgery. Contact your "
    "surgeon now, or emergency services if you cannot."
)

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

SYMPTOM_KINDS = ("radiates", "numb", "tingling", "weak")
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


@dataclass(frozen=True)
class Entry:
    """One diary entry: how much it hurt on a day, where, and what came with it."""

    day: dt.date
    pain: int
    logged_at: dt.datetime
    where: tuple[Site, ...] = ()
    radiates: tuple[str, ...] = ()
    numb: tuple[str, ...] = ()
    tingling: tuple[str, ...] = ()
    weak: tuple[str, ...] = ()
    qualities: tuple[str, ...] = ()
    red_flags: tuple[str, ...] = ()
    note: str | None = None
    id: int | None = None

    @property
    def backfilled(self) -> bool:
        """Typed on a later day than the day it describes."""
        return self.logged_at.date() > self.day

    def as_dict(self) -> dict:
        """The JSON shape of `tracker list --json`."""
        return {
            "id": self.id,
            "date": self.day.isoformat(),
            "pain": self.pain,
            "where": [{"region": s.region, "intensity": s.intensity} for s in self.where],
            "radiates": list(self.radiates),
            "numb": list(self.numb),
            "tingling": list(self.tingling),
            "weak": list(self.weak),
            "quality": list(self.qualities),
            "red_flags": list(self.red_flags),
            "note": self.note,
            "logged_at": self.logged_at.isoformat(timespec="seconds"),
        }


@dataclass(frozen=True)
class Event:
    """A dated marker on the timeline: a surgery, an injection, a medication change..."""

    day: dt.date
    kind: str
    title: str
    note: str | None = None
    levels: tuple[str, ...] = ()
    id: int | None = None

    def as_dict(self) -> dict:
        return {
            "id": self.id,
            "date": self.day.isoformat(),
            "kind": self.kind,
            "title": self.title,
            "levels": list(self.levels),
            "note": self.note,
        }


@dataclass(frozen=True)
class EntryChanges:
    """What `tracker edit` was asked to change; None means leave as it is."""

    day: dt.date | None = None
    pain: int | None = None
    where: tuple[Site, ...] | None = None
    radiates: tuple[str, ...] | None = None
    numb: tuple[str, ...] | None = None
    tingling: tuple[str, ...] | None = None
    weak: tuple[str, ...] | None = None
    qualities: tuple[str, ...] | None = None
    red_flags: tuple[str, ...] | None = None
    note: str | None = None


# ---------------------------------------------------------------- parsing what people type


def parse_date(text: str, today: dt.date) -> dt.date:
    """ISO YYYY-MM-DD, 'today' or 'yesterday'; never in the future."""
    key = text.strip().lower()
    if key == "today":
        return today
    if key == "yesterday":
        return today - dt.timedelta(days=1)
    try:
        if not re.fullmatch(r"\d{4}-\d{2}-\d{2}", key):
            raise ValueError
        day = dt.date.fromisoformat(key)
    except ValueError:
        raise TrackerError(
            f"'{shown(text)}' is not a date; use YYYY-MM-DD, 'today' or 'yesterday'"
        ) from None
    if day > today:
        raise TrackerError(f"{day.isoformat()} is in the future; today is {today.isoformat()}")
    if day.year < 1900:
        raise TrackerError(f"{day.isoformat()} is too long ago; give a date from 1900 on")
    return day


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
    intensity = parse_pain(value) if sep else None
    return tuple(Site(region, intensity) for region in regions.resolve(name))


def parse_regions(texts: list[str] | tuple[str, ...]) -> tuple[str, ...]:
    """Canonical region names, in the order given, without repeats."""
    names: list[str] = []
    for text in texts:
        names.extend(regions.resolve(text))
    return tuple(dict.fromkeys(names))


def parse_sites(texts: list[str] | tuple[str, ...]) -> tuple[Site, ...]:
    """Located pain, one per region; a region given twice keeps the last intensity."""
    sites: dict[str, Site] = {}
    for text in texts:
        for site in parse_site(text):
            sites.pop(site.region, None)
            sites[site.region] = site
    return tuple(sites.values())


def parse_terms(
    texts: list[str] | tuple[str, ...], vocabulary: dict[str, str], what: str
) -> tuple[str, ...]:
    """Names from a fixed vocabulary (qualities, red flags), normalised and without repeats."""
    names: list[str] = []
    for text in texts:
        key = re.sub(r"[\s_]+", "-", text.strip().lower())
        if key not in vocabulary:
            raise TrackerError(
                f"unknown {what} '{shown(text)}'{_closest(key, vocabulary)}; accepted: "
                + ", ".join(vocabulary)
            )
        names.append(key)
    return tuple(dict.fromkeys(names))


def parse_event_kind(text: str) -> str:
    return parse_terms([text], EVENT_KINDS, "event kind")[0]


def parse_qualities(texts: list[str] | tuple[str, ...]) -> tuple[str, ...]:
    """Pain qualities (burning, shooting, ...)."""
    return parse_terms(texts, QUALITIES, "pain quality")


def parse_red_flags(texts: list[str] | tuple[str, ...]) -> tuple[str, ...]:
    """Red-flag symptoms (bladder, saddle-numbness, ...)."""
    return parse_terms(texts, RED_FLAGS, "red flag")


def parse_levels(text: str | None) -> tuple[str, ...]:
    """Spinal levels such as 'L4-L5,L5-S1'."""
    if not text:
        return ()
    levels = []
    for part in text.split(","):
        level = part.strip().upper().replace(" ", "").replace("/", "-")
        if not _LEVEL_RE.fullmatch(level):
            raise TrackerError(
                f"spinal level '{shown(part.strip())}' is not accepted; write levels like"
                " L4-L5 or L5-S1, separated by commas"
            )
        levels.append(level)
    return tuple(dict.fromkeys(levels))


def clean_text(text: str | None, what: str, limit: int) -> str | None:
    """Free text without control characters, at most `limit` characters; '' means none."""
    if text is None:
        return None
    cleaned = "".join(ch for ch in text if ch in "\n\t" or ch.isprintable()).strip()
    if len(cleaned) > limit:
        raise TrackerError(f"the {what} is {len(cleaned)} characters long; keep it under {limit}")
    return cleaned or None


def _closest(key: str, vocabulary: dict[str, str]) -> str:
    import difflib

    close = difflib.get_close_matches(key, list(vocabulary), n=1, cutoff=0.6)
    return f" (did you mean {close[0]}?)" if close else ""


# ---------------------------------------------------------------- building and changing entries


def new_entry(
    day: dt.date,
    pain: int,
    logged_at: dt.datetime,
    *,
    where: tuple[Site, ...] = (),
    radiates: tuple[str, ...] = (),
    numb: tuple[str, ...] = (),
    tingling: tuple[str, ...] = (),
    weak: tuple[str, ...] = (),
    qualities: tuple[str, ...] = (),
    red_flags: tuple[str, ...] = (),
    note: str | None = None,
) -> Entry:
    """A validated entry (values already parsed to canonical names)."""
    if not PAIN_MIN <= pain <= PAIN_MAX:
        raise TrackerError(f"pain {pain} is outside 0-10")
    return Entry(
        day=day,
        pain=pain,
        logged_at=logged_at.replace(microsecond=0),
        where=where,
        radiates=radiates,
        numb=numb,
        tingling=tingling,
        weak=weak,
        qualities=qualities,
        red_flags=red_flags,
        note=clean_text(note, "note", MAX_NOTE),
    )


def entry_from_text(
    day: dt.date,
    pain: int,
    logged_at: dt.datetime,
    *,
    where: list[str] | tuple[str, ...] = (),
    radiates: list[str] | tuple[str, ...] = (),
    numb: list[str] | tuple[str, ...] = (),
    tingling: list[str] | tuple[str, ...] = (),
    weak: list[str] | tuple[str, ...] = (),
    qualities: list[str] | tuple[str, ...] = (),
    red_flags: list[str] | tuple[str, ...] = (),
    note: str | None = None,
) -> Entry:
    """An entry from the words typed or read from a file: every list parsed and checked."""
    return new_entry(
        day,
        pain,
        logged_at,
        where=parse_sites(where),
        radiates=parse_regions(radiates),
        numb=parse_regions(numb),
        tingling=parse_regions(tingling),
        weak=parse_regions(weak),
        qualities=parse_qualities(qualities),
        red_flags=parse_red_flags(red_flags),
        note=note,
    )


def apply_changes(entry: Entry, changes: EntryChanges) -> tuple[Entry, list[str]]:
    """The edited entry and one plain line per field that changed."""
    updated = entry
    lines: list[str] = []
    names = {
        "day": "date",
        "pain": "pain",
        "where": "where",
        "radiates": "radiates",
        "numb": "numb",
        "tingling": "tingling",
        "weak": "weak",
        "qualities": "quality",
        "red_flags": "red flags",
        "note": "note",
    }
    for attr, label in names.items():
        value = getattr(changes, attr)
        if value is None:
            continue
        if attr == "note":
            value = clean_text(value, "note", MAX_NOTE)
        old = getattr(entry, attr)
        if value != old:
            updated = replace(updated, **{attr: value})
            lines.append(f"{label}: {describe_value(old)} -> {describe_value(value)}")
    return updated, lines


def describe_value(value: object) -> str:
    """How a field's value reads in a sentence."""
    if value is None or value == ():
        return "(none)"
    if isinstance(value, dt.date):
        return value.isoformat()
    if isinstance(value, tuple):
        return ", ".join(describe_site(v) if isinstance(v, Site) else str(v) for v in value)
    return str(value)


def plural(count: int, word: str, many: str | None = None) -> str:
    """'1 day', '3 days', '2 entries' (with many='entries')."""
    return f"{count} {word if count == 1 else (many or word + 's')}"


def describe_site(site: Site) -> str:
    return site.region if site.intensity is None else f"{site.region}={site.intensity}"


def new_event(
    day: dt.date, kind: str, title: str, note: str | None = None, levels: tuple[str, ...] = ()
) -> Event:
    """A validated timeline event."""
    if kind not in EVENT_KINDS:
        raise TrackerError(f"unknown event kind '{kind}'; accepted: {', '.join(EVENT_KINDS)}")
    cleaned = clean_text(title, "title", MAX_TITLE)
    if not cleaned:
        raise TrackerError(
            "the event needs a title, for example 'L4-L5 fusion' or 'gabapentin 300 mg'"
        )
    return Event(day, kind, cleaned, clean_text(note, "note", MAX_NOTE), levels)


def surgery_day_zero(events: list[Event] | tuple[Event, ...], as_of: dt.date) -> dt.date | None:
    """The latest surgery on or before as_of: day 0 for months-since-surgery."""
    days = [e.day for e in events if e.kind == "surgery" and e.day <= as_of]
    return max(days) if days else None
