"""Body-region vocabulary: canonical names, sides, aliases, proximal-to-distal order, codes.

Canonical names are what is stored and printed (``lower-back``, ``left-calf``). Patients
may type aliases (``low back``, ``lumbar``, ``L calf``, ``left lower leg``, ``both feet``);
:func:`resolve` turns any of them into canonical names, or raises :class:`TrackerError`
naming the closest matches.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from tracker.errors import TrackerError, shown

SIDES = ("left", "right")


@dataclass(frozen=True)
class Region:
    """One place on the body a patient can name."""

    name: str
    label: str
    group: str  # "back", "leg", "arm" or "other": back pain vs leg pain series
    side: str | None = None  # "left", "right" or None for midline regions
    limb: str | None = None  # "leg" or "arm" for regions on a limb
    level: int | None = None  # proximal (1) to distal, within the limb
    snomed: str | None = None  # SNOMED CT body structure (docs/clinical.md#code-body-sites)
    snomed_display: str | None = None
    parent: str | None = None  # a finer place's broader region ("left-sole" -> "left-foot")
    root: str | None = None  # the nerve root whose skin area it is (L4, L5, S1), if any


# Midline regions: (name, label, group, aliases)
_MIDLINE: tuple[tuple[str, str, str, tuple[str, ...]], ...] = (
    ("neck", "neck", "back", ("cervical", "cervical-spine", "nape")),
    ("upper-back", "upper back", "back", ("upper-thoracic", "between-shoulder-blades")),
    ("mid-back", "mid back", "back", ("middle-back", "thoracic", "thoracic-spine")),
    (
        "lower-back",
        "lower back",
        "back",
        ("low-back", "lumbar", "lumbar-spine", "lowback", "lower-spine", "small-of-back"),
    ),
    ("tailbone", "tailbone", "back", ("coccyx", "sacrum", "sacral")),
    ("saddle", "saddle area", "other", ("saddle-area", "perineum", "perineal", "crotch")),
)

# Sided regions in proximal-to-distal order: (name, label, group, limb, level, aliases).
# Calf and shin share a level: both are the lower leg.
_SIDED: tuple[tuple[str, str, str, str, int, tuple[str, ...]], ...] = (
    ("si-joint", "sacroiliac joint", "back", "leg", 1, ("sacroiliac", "sacroiliac-joint", "si")),
    ("buttock", "buttock", "leg", "leg", 2, ("buttocks", "glute", "gluteal", "bottom", "butt")),
    ("hip", "hip", "leg", "leg", 3, ("hips",)),
    ("groin", "groin", "leg", "leg", 4, ()),
    ("thigh", "thigh", "leg", "leg", 5, ("thighs", "upper-leg", "hamstring")),
    ("knee", "knee", "leg", "leg", 6, ("knees",)),
    ("calf", "calf", "leg", "leg", 7, ("calves", "lower-leg", "back-of-leg")),
    ("shin", "shin", "leg", "leg", 7, ("shins",)),
    ("ankle", "ankle", "leg", "leg", 8, ("ankles",)),
    ("foot", "foot", "leg", "leg", 9, ("feet", "sole", "heel")),
    ("toes", "toes", "leg", "leg", 10, ("toe", "big-toe")),
    ("shoulder", "shoulder", "arm", "arm", 1, ("shoulders",)),
    ("upper-arm", "upper arm", "arm", "arm", 2, ("biceps", "triceps")),
    ("elbow", "elbow", "arm", "arm", 3, ("elbows",)),
    ("forearm", "forearm", "arm", "arm", 4, ("forearms", "lower-arm")),
    ("wrist", "wrist", "arm", "arm", 5, ("wrists",)),
    ("hand", "hand", "arm", "arm", 6, ("hands", "palm")),
    ("fingers", "fingers", "arm", "arm", 7, ("finger", "thumb")),
)

# ---------------------------------------------------------------- finer places (skin areas)
# Finer places on the leg where a nerve root's skin area matters (docs/clinical.md#dermatomes,
# Lee 2008): (name, label, parent, root, aliases). Each sits at its parent's level, right
# after it in the limb's order, so "how far down" means what it meant before; the parent
# keeps its name and meaning. Their aliases win over a parent's (typing "sole" or "big toe"
# now names the finer place, which is what the patient meant).
_FINER = (
    ("front-thigh", "front of the thigh", "thigh", None,
     ("front-of-thigh", "thigh-front", "front-of-the-thigh", "quad", "quads", "quadriceps")),
    ("back-thigh", "back of the thigh", "thigh", None,
     ("back-of-thigh", "thigh-back", "back-of-the-thigh", "hamstring", "hamstrings")),
    ("outer-shin", "outer shin", "shin", "L5",
     ("outside-of-shin", "outside-shin", "lateral-shin", "shin-outer", "outer-lower-leg")),
    ("inner-shin", "inner shin", "shin", "L4",
     ("inside-of-shin", "inside-shin", "medial-shin", "shin-inner", "inner-lower-leg")),
    ("top-of-foot", "top of the foot", "foot", "L5",
     ("top-of-the-foot", "foot-top", "top-foot", "instep", "dorsum")),
    ("sole", "sole", "foot", "S1", ("soles", "sole-of-foot", "sole-of-the-foot", "bottom-of-foot")),
    ("outer-foot", "outer foot", "foot", "S1",
     ("outside-of-foot", "outside-foot", "lateral-foot", "side-of-foot", "outer-edge-of-foot")),
    ("big-toe", "big toe", "toes", "L5", ("great-toe", "hallux", "first-toe", "big-toes")),
    ("little-toe", "little toe", "toes", "S1",
     ("small-toe", "pinky-toe", "baby-toe", "fifth-toe", "little-toes")),
)  # fmt: skip
# Broader regions that lie in one root's skin area (docs/clinical.md#dermatomes).
_ROOT_OF_REGION = {"calf": "S1"}  # the back of the calf
ROOTS = ("L4", "L5", "S1")

# SNOMED CT body structures, docs/clinical.md#code-body-sites (check them before relying on them).
_SNOMED = {
    "lower-back": ("37822005", "Lower back structure"),
    "lower-leg": ("30021000", "Structure of lower leg"),
    "leg": ("61685007", "Lower limb structure"),
    "arm": ("53120007", "Upper limb structure"),
}
# Laterality qualifiers: the second coding of a side in FHIR (docs/clinical.md#laterality).
LATERALITY_SNOMED = {
    "left": ("419161000", "Unilateral left"),
    "right": ("419465000", "Unilateral right"),
    "bilateral": ("51440002", "Right and left"),
}

_SIDE_WORDS = {
    "left": "left",
    "l": "left",
    "lt": "left",
    "lft": "left",
    "right": "right",
    "r": "right",
    "rt": "right",
    "rgt": "right",
}
_BOTH_WORDS = ("both", "bilateral", "both-sides")


# ---------------------------------------------------------------- limb and symptom words
# A whole limb is too coarse to follow (does the pain reach the knee or the toes?): naming
# one is answered with the parts of that limb. Symptom words typed as a place are answered
# with the option that records them.

LIMB_PARTS: dict[str, tuple[str, ...]] = {
    "leg": ("thigh", "knee", "calf", "shin", "ankle", "foot", "toes"),
    "arm": ("shoulder", "upper-arm", "elbow", "forearm", "wrist", "hand", "fingers"),
}
_LIMB_WORDS = {"leg": "leg", "legs": "leg", "whole-leg": "leg", "arm": "arm", "arms": "arm"}
_LIMB_WORDS |= {"whole-arm": "arm", "lower-limb": "leg", "upper-limb": "arm"}

SYMPTOM_WORDS: dict[str, str] = {
    "sciatica": (
        "sciatica is pain travelling down the leg: give where it reaches with --radiates"
        " (e.g. --radiates left-calf) and where it starts with --where (e.g. --where left-buttock)"
    ),
    "pins-and-needles": (
        "pins and needles is recorded as tingling: give the place with --tingling"
        " (e.g. --tingling left-foot)"
    ),
}
SYMPTOM_WORDS["pins-needles"] = SYMPTOM_WORDS["pins-and-needles"]


def _limb_message(text: str, side: str | None, limb: str) -> str:
    parts = ", ".join(LIMB_PARTS[limb])
    if side in SIDES:
        return f"say where on the {side} {limb}: {parts} (e.g. {side}-{LIMB_PARTS[limb][2]})"
    if side == "both":
        return f"say where on both {limb}s: {parts} (e.g. both-{LIMB_PARTS[limb][2]})"
    return (
        f"say which side and where on the {limb} for '{shown(text.strip())}': left-, right- or"
        f" both- with {parts} (e.g. left-{LIMB_PARTS[limb][2]})"
    )


def _build() -> tuple[dict[str, Region], dict[str, str], dict[str, str]]:
    regions: dict[str, Region] = {}
    midline_alias: dict[str, str] = {}
    sided_alias: dict[str, str] = {}  # base alias -> base name
    for name, label, group, aliases in _MIDLINE:
        code = _SNOMED.get(name)
        regions[name] = Region(
            name, label, group, snomed=code and code[0], snomed_display=code and code[1]
        )
        midline_alias[name] = name
        for alias in aliases:
            midline_alias[alias] = name
    finer = {parent: [row for row in _FINER if row[2] == parent] for _, _, parent, *_ in _FINER}
    for base, label, group, limb, level, aliases in _SIDED:
        code = _SNOMED["lower-leg" if base in ("calf", "shin") else limb]
        places: list[tuple[str, str, str | None, str | None]]  # name, words, parent, root
        places = [(base, label, None, _ROOT_OF_REGION.get(base))]
        places += [(name, words, base, root) for name, words, _, root, _ in finer.get(base, ())]
        for side in SIDES:
            for place, words, parent, root in places:
                name = f"{side}-{place}"
                regions[name] = Region(
                    name, f"{side} {words}", group, side, limb, level, code[0], code[1],
                    parent=f"{side}-{parent}" if parent else None, root=root,
                )  # fmt: skip
        sided_alias[base] = base
        for alias in aliases:
            sided_alias[alias] = base
    for name, _, _, _, aliases in _FINER:
        sided_alias[name] = name
        for alias in aliases:
            sided_alias[alias] = name
    return regions, midline_alias, sided_alias


REGIONS, _MIDLINE_ALIAS, _SIDED_ALIAS = _build()
NAMES: tuple[str, ...] = tuple(REGIONS)


def _normalise(text: str) -> str:
    text = text.strip().lower().replace("'", "")
    return re.sub(r"[\s_./]+", "-", text).strip("-")


def _split_side(key: str) -> tuple[str | None, str]:
    """'left-calf' -> ('left', 'calf'); 'l-calf' -> ('left', 'calf'); 'calf-left' too."""
    head, _, rest = key.partition("-")
    if rest and head in _SIDE_WORDS:
        return _SIDE_WORDS[head], rest
    if rest and head == "both":
        return "both", rest
    if key.startswith("bilateral-"):
        return "both", key[len("bilateral-") :]
    body, _, tail = key.rpartition("-")
    if body and tail in _SIDE_WORDS:
        return _SIDE_WORDS[tail], body
    if key[:1] in "lr" and key[1:] in _SIDED_ALIAS:  # "lcalf"
        return _SIDE_WORDS[key[0]], key[1:]
    return None, key


def resolve(text: str) -> tuple[str, ...]:
    """Canonical region names for what a patient typed ('both feet' gives two)."""
    key = _normalise(text)
    if not key:
        raise TrackerError("a region name is empty; see 'tracker regions' for the names")
    if key in _MIDLINE_ALIAS:
        return (_MIDLINE_ALIAS[key],)
    if key in SYMPTOM_WORDS:
        raise TrackerError(SYMPTOM_WORDS[key])
    side, base = _split_side(key)
    if base in _LIMB_WORDS:
        raise TrackerError(_limb_message(text, side, _LIMB_WORDS[base]))
    base_name = _SIDED_ALIAS.get(base)
    if base_name and side in SIDES:
        return (f"{side}-{base_name}",)
    if base_name and side == "both":
        return tuple(f"{s}-{base_name}" for s in SIDES)
    if base_name and side is None:
        raise TrackerError(
            f"say which side for '{shown(text.strip())}': left-{base_name}, right-{base_name}"
            f" or both-{base_name}"
        )
    if side is not None and base in _MIDLINE_ALIAS:
        return (_MIDLINE_ALIAS[base],)  # "left lower back" is still the lower back
    raise TrackerError(f"unknown region '{shown(text.strip())}'{_suggestion(key)}")


def resolve_one(text: str) -> str:
    """Exactly one canonical region name (for places that take a single region)."""
    names = resolve(text)
    if len(names) != 1:
        raise TrackerError(f"'{shown(text.strip())}' names {len(names)} regions; give one")
    return names[0]


def _suggestion(key: str) -> str:
    """The closest names only: those about as close as the best (never a far-off region)."""
    import difflib

    vocabulary = {name: name for name in REGIONS}
    for alias, name in _MIDLINE_ALIAS.items():
        vocabulary.setdefault(alias, name)
    for alias, base in _SIDED_ALIAS.items():
        for side in SIDES:
            vocabulary.setdefault(f"{side}-{alias}", f"{side}-{base}")
    scored = []
    for word, name in vocabulary.items():
        ratio = difflib.SequenceMatcher(None, key, word).ratio()
        if ratio >= 0.6:
            scored.append((ratio, name))
    scored.sort(key=lambda pair: -pair[0])
    best = scored[0][0] if scored else 0.0
    names = list(dict.fromkeys(name for ratio, name in scored if ratio >= best - 0.08))[:3]
    if names:
        return f"; did you mean {', '.join(names)}? ('tracker regions' lists all)"
    return "; 'tracker regions' lists the names accepted"


def aliases_of(name: str) -> tuple[str, ...]:
    """The other words accepted for a canonical region (without side prefixes)."""
    region = REGIONS[name]
    if region.side is None:
        return tuple(a for a, n in _MIDLINE_ALIAS.items() if n == name and a != name)
    base = name.split("-", 1)[1]
    return tuple(a for a, b in _SIDED_ALIAS.items() if b == base and a != base)


def broader(name: str) -> str:
    """The region a finer place lies within ("left-sole" -> "left-foot"); others are their own."""
    return REGIONS[name].parent or name


def skin_area(name: str) -> str | None:
    """The nerve root (L4, L5, S1) whose skin area a region is, None where none is given."""
    return REGIONS[name].root


def level(name: str) -> int | None:
    """How far down its limb a region lies (1 = nearest the spine), None off the limbs."""
    return REGIONS[name].level


def farthest(names: list[str] | tuple[str, ...] | set[str], side: str, limb: str) -> str | None:
    """The most distal region of one limb among names, or None if none lies on it."""
    on_limb = [n for n in names if REGIONS[n].side == side and REGIONS[n].limb == limb]
    if not on_limb:
        return None
    return max(on_limb, key=lambda n: (REGIONS[n].level or 0, n))
