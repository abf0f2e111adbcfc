"""Bearable's CSV export: symptom rows of one date and time of day become one diary entry.

Bearable writes one row per logged item: `date,weekday,time of day,category,rating/amount,
detail,notes`, every field quoted, newest first. Only `Symptom` rows carry symptoms; their
`detail` is `NAME (Severity)`, where NAME may hold parentheses itself (`Back (lower) pain
(Mild)`), so the severity is the last parenthesised group; several are joined with ` | `.

The mapping (stated in the README):

- severity -> intensity: Mild 2, Moderate 5, Severe 8 (Bearable's rating 1, 2, 3); the
  entry's overall pain is the highest; the original words are kept in the entry's note.
- a symptom is pain, numbness or tingling by its words (`pain`, `ache`, `sore`;
  `numb`, `numbness`; `tingling`, `pins and needles`); the remaining words name the place,
  through `BODY_WORDS` and then `tracker.regions.resolve` (`Leg pain (left)` -> left-thigh).
- not imported, but counted in the summary: every other category (mood, energy, sleep,
  food, medication, ...), symptoms that are not pain/numbness/tingling or name no place we
  know, symptoms rated None, and numbness or tingling in a part of a day with no pain.
"""

from __future__ import annotations

import datetime as dt
import re
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass, field

from tracker import domain, regions
from tracker.domain import Site
from tracker.errors import TrackerError
from tracker.io.common import BadRows, ImportBatch, Track, chronological, keyed, no_progress

HEADER = ("date", "weekday", "time of day", "category", "rating/amount", "detail", "notes")
MULTI = " | "
# Bearable severity -> (its rating, our 0-10 intensity)
SEVERITIES = {"mild": (1, 2), "moderate": (2, 5), "severe": (3, 8)}
ABSENT = "none"
# Parts of Bearable's day, in the order they come, as minutes after midnight (for sorting).
BUCKETS = {"all day": -1, "": -1, "pre": 300, "am": 540, "mid": 780, "pm": 1140}
# Words that say what a symptom is; the rest of its name says where.
KIND_WORDS = (
    ("pins and needles", "tingling"),
    ("tingling", "tingling"),
    ("tingly", "tingling"),
    ("numbness", "numb"),
    ("numb", "numb"),
    ("pain", "pain"),
    ("aches", "pain"),
    ("ache", "pain"),
    ("aching", "pain"),
    ("soreness", "pain"),
    ("sore", "pain"),
)
# Bearable's body words -> ours. Bearable does not say where on a leg or arm: we take the
# level nearest the spine, so that the report never claims a symptom reached further down.
BODY_WORDS = {
    "back": "lower-back",
    "back lower": "lower-back",
    "lower back": "lower-back",
    "low back": "lower-back",
    "back upper": "upper-back",
    "upper back": "upper-back",
    "back middle": "mid-back",
    "back mid": "mid-back",
    "middle back": "mid-back",
    "mid back": "mid-back",
    "leg": "thigh",
    "legs": "thigh",
    "arm": "upper-arm",
    "arms": "upper-arm",
}
SIDE_WORDS = {"left": "left", "right": "right", "both": "both", "bilateral": "both"}
_SEVERITY_RE = re.compile(r"^(?P<name>.*)\((?P<severity>[^()]*)\)\s*$")
_DATE_RE = re.compile(r"^(\d{1,2})(?:st|nd|rd|th)?\s+([a-z]{3,9})\.?,?\s+(\d{4})$")
_CLOCK_RE = re.compile(r"^([01]?\d|2[0-3]):([0-5]\d)$")
_MONTHS = ("jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec")


def is_bearable(header: Sequence[str]) -> bool:
    """Whether a CSV header is Bearable's export header."""
    return tuple(cell.strip().lower() for cell in header) == HEADER


@dataclass
class _Part:
    """One part of a day in Bearable: the symptom rows logged for it."""

    day: dt.date
    time: str
    rows: list[list[str]] = field(default_factory=list)
    symptoms: list[tuple[str, str, str | None]] = field(
        default_factory=list
    )  # name, words, severity
    notes: list[str] = field(default_factory=list)


def read_bearable(
    rows: list[list[str]], today: dt.date, now: dt.datetime, track: Track = no_progress
) -> ImportBatch:
    """Parse and validate a Bearable export (rows after the header, already split)."""
    batch = ImportBatch("bearable")
    parts: dict[tuple[dt.date, str], _Part] = {}
    bad = BadRows()
    for number, row in enumerate(track(rows, "Reading"), start=2):
        if not any(cell.strip() for cell in row):
            continue
        try:
            _read_row(row, today, parts, batch.not_imported)
        except TrackerError as exc:
            bad.add(f"row {number}", exc)
    bad.check()
    made = []
    for part in sorted(parts.values(), key=lambda p: (p.day, _minutes(p.time))):
        entry = _entry(part, now, batch.not_imported)
        if entry is not None:
            made.append(
                (entry, {"date": part.day.isoformat(), "time": part.time, "rows": part.rows})
            )
    keys = keyed("bearable", (content for _, content in made))
    batch.entries = [(entry, key) for (entry, _), key in zip(made, keys, strict=True)]
    batch.timed = [False] * len(batch.entries)
    return chronological(batch)


def _read_row(
    row: list[str], today: dt.date, parts: dict[tuple[dt.date, str], _Part], skipped: Counter[str]
) -> None:
    if len(row) != len(HEADER):
        raise TrackerError(f"it has {len(row)} fields, Bearable's header has {len(HEADER)}")
    date, _weekday, time, category, rating, detail, notes = (cell.strip() for cell in row)
    day = parse_bearable_date(date, today)
    if category.lower() not in ("symptom", "symptoms"):
        skipped[f"{category or 'uncategorised'} rows"] += 1
        return
    label = parse_time(time)
    part = parts.setdefault((day, label), _Part(day, label))
    part.rows.append([category, rating, detail, notes])
    part.symptoms.extend(_symptoms(detail, rating))
    if notes and notes not in part.notes:
        part.notes.append(notes)


def parse_bearable_date(text: str, today: dt.date) -> dt.date:
    """'22nd Sep 2020' (English month names, whatever the computer's language)."""
    match = _DATE_RE.match(text.strip().lower())
    month = _MONTHS.index(match.group(2)[:3]) + 1 if match and match.group(2)[:3] in _MONTHS else 0
    try:
        if not match or not month:
            raise ValueError
        day = dt.date(int(match.group(3)), month, int(match.group(1)))
    except ValueError:
        raise TrackerError(f"'{text[:40]}' is not a Bearable date like '22nd Sep 2020'") from None
    return domain.parse_date(day.isoformat(), today)


def parse_time(text: str) -> str:
    """A part of the day (pre, am, mid, pm, all day), a clock time as HH:MM, or '' for none."""
    key = " ".join(text.lower().split())
    if key in BUCKETS:
        return key
    match = _CLOCK_RE.match(key)
    if not match:
        raise TrackerError(
            f"time of day '{text[:20]}' is not Bearable's (pre, am, mid, pm, all day, a clock"
            " time like 23:32, or blank)"
        )
    return f"{int(match.group(1)):02d}:{match.group(2)}"


def _symptoms(detail: str, rating: str) -> list[tuple[str, str, str | None]]:
    """(name, original words, severity word) for each symptom named in a detail cell."""
    names = [part.strip() for part in detail.split(MULTI.strip()) if part.strip()]
    ratings = [part.strip() for part in rating.split(MULTI.strip())] if rating.strip() else []
    if not names:
        raise TrackerError("a Symptom row has no symptom in its detail")
    found = []
    for index, words in enumerate(names):
        match = _SEVERITY_RE.match(words)
        said = match.group("severity").strip().lower() if match else None
        if said not in SEVERITIES and said != ABSENT:  # '(left)' is part of the name
            match = said = None
        name = match.group("name").strip() if match else words
        given = ratings[index] if len(ratings) == len(names) else None
        found.append((name, words, _severity(said, given)))
    return found


def _severity(said: str | None, rating: str | None) -> str | None:
    """The severity word, checked against the rating; None when the symptom was absent."""
    by_rating = {str(r): word for word, (r, _) in SEVERITIES.items()} | {"0": ABSENT}
    if rating and rating not in by_rating:
        raise TrackerError(f"rating '{rating[:20]}' is not a Bearable symptom rating (0 to 3)")
    if said is None and not rating:
        raise TrackerError(
            "a symptom has neither a severity (None, Mild, Moderate, Severe) nor a rating"
        )
    word = said if said is not None else by_rating[rating or ""]
    if said is not None and rating and by_rating[rating] != said:
        raise TrackerError(f"rating {rating} does not match the severity '{said}'")
    return None if word == ABSENT else word


def classify(name: str) -> tuple[str, tuple[str, ...]] | None:
    """('pain' | 'numb' | 'tingling', canonical regions) for a Bearable symptom name, or None."""
    text = " ".join(re.sub(r"[()/,]", " ", name.lower()).split())
    said = next(((p, k) for p, k in KIND_WORDS if re.search(rf"\b{p}\b", text)), None)
    if said is None:
        return None
    phrase, kind = said
    text = re.sub(rf"\b{phrase}\b", " ", text)
    words = text.split()
    sides = [SIDE_WORDS[w] for w in words if w in SIDE_WORDS]
    body = " ".join(w for w in words if w not in SIDE_WORDS)
    if not body or len(set(sides)) > 1:
        return None
    place = BODY_WORDS.get(body, body)
    try:
        return kind, regions.resolve(f"{sides[0]} {place}" if sides else place)
    except TrackerError:
        return None


def _entry(part: _Part, now: dt.datetime, skipped: Counter[str]) -> domain.Entry | None:
    """The diary entry for one part of a day, or None when it holds no pain we can place."""
    where: dict[str, int] = {}
    numb: list[str] = []
    tingling: list[str] = []
    for name, _words, severity in part.symptoms:
        if severity is None:
            skipped["symptoms rated None"] += 1
            continue
        found = classify(name)
        if found is None:
            skipped[f"'{name}' (not pain, numbness or tingling at a place we know)"] += 1
            continue
        kind, names = found
        for region in names:
            if kind == "pain":
                where[region] = max(where.get(region, 0), SEVERITIES[severity][1])
            else:
                (numb if kind == "numb" else tingling).append(region)
    if not where:
        if numb or tingling:
            skipped["numbness or tingling in a part of a day with no pain"] += len(numb + tingling)
        return None
    return domain.new_entry(
        part.day,
        max(where.values()),
        now,
        where=tuple(Site(region, level) for region, level in where.items()),
        numb=tuple(dict.fromkeys(numb)),
        tingling=tuple(dict.fromkeys(tingling)),
        note=_note(part),
    )


def _note(part: _Part) -> str:
    """Bearable's own words for the entry, so nothing of what the patient wrote is lost."""
    when = f"Bearable, {part.time}" if part.time else "Bearable"
    text = f"{when}: " + "; ".join(words for _, words, _ in part.symptoms)
    if part.notes:
        text += "\n" + "\n".join(part.notes)
    return text if len(text) <= domain.MAX_NOTE else text[: domain.MAX_NOTE - 1] + "…"


def _minutes(label: str) -> int:
    """Where a part of the day or an 'HH:MM' time falls, in minutes after midnight."""
    if label in BUCKETS:
        return BUCKETS[label]
    hours, minutes = label.split(":")
    return int(hours) * 60 + int(minutes)
