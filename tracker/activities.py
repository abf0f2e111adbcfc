"""What provokes the pain and what eases it: the activity vocabulary, and nights woken.

Imaging is taken lying still while many spine problems flare only with movement, so each
entry may say which activities made the pain worse (`worse_with`) and which eased it
(`better_with`). Canonical names and their sources: docs/clinical.md#activities. Pure:
no I/O.
"""

from __future__ import annotations

import re

from tracker.errors import TrackerError, shown

# Canonical activities in the order they are stored and printed, with what each means.
ACTIVITIES: dict[str, str] = {
    "sitting": "sitting",
    "standing": "standing",
    "walking": "walking",
    "bending-forward": "bending forward",
    "bending-back": "bending backwards",
    "twisting": "twisting or turning",
    "lifting": "lifting or carrying",
    "lying": "lying down",
    "getting-up": "getting up from a chair or bed",
    "coughing": "coughing, sneezing or straining",
}
NOTHING = "nothing"  # "--better-with nothing": nothing eased it (docs/clinical.md#pattern-night)
EASED_BY: dict[str, str] = {**ACTIVITIES, NOTHING: "nothing eased it"}

# Everyday words, mapped to the closest canonical activity.
ALIASES: dict[str, str] = {
    "sit": "sitting", "sat": "sitting", "seated": "sitting", "sitting-down": "sitting",
    "chair": "sitting", "driving": "sitting", "drive": "sitting", "car": "sitting",
    "stand": "standing", "stood": "standing", "standing-still": "standing",
    "queueing": "standing", "queuing": "standing",
    "walk": "walking", "walks": "walking", "walked": "walking", "stairs": "walking",
    "climbing-stairs": "walking", "hiking": "walking", "shopping": "walking",
    "bending": "bending-forward", "bend": "bending-forward", "bend-forward": "bending-forward",
    "bending-over": "bending-forward", "stooping": "bending-forward", "stoop": "bending-forward",
    "leaning-forward": "bending-forward", "forward-bending": "bending-forward",
    "flexion": "bending-forward",
    "bend-back": "bending-back", "bending-backward": "bending-back",
    "bending-backwards": "bending-back", "leaning-back": "bending-back",
    "arching": "bending-back", "extension": "bending-back", "back-bending": "bending-back",
    "twist": "twisting", "turning": "twisting", "turn": "twisting", "rotating": "twisting",
    "rotation": "twisting",
    "lift": "lifting", "carrying": "lifting", "carry": "lifting",
    "lie": "lying", "lying-down": "lying", "lie-down": "lying", "lying-flat": "lying",
    "bed": "lying", "in-bed": "lying", "laying": "lying", "laying-down": "lying",
    "get-up": "getting-up", "getting-out-of-bed": "getting-up", "standing-up": "getting-up",
    "stand-up": "getting-up", "rising": "getting-up", "sit-to-stand": "getting-up",
    "getting-out-of-a-chair": "getting-up", "getting-up-from-a-chair": "getting-up",
    "cough": "coughing", "sneezing": "coughing", "sneeze": "coughing", "straining": "coughing",
    "strain": "coughing",
}  # fmt: skip
NOTHING_ALIASES = ("nothing-helps", "nothing-eases-it", "no-relief")
WOKE_MAX = 20


def _key(text: str) -> str:
    return re.sub(r"[\s_]+", "-", text.strip().lower()).strip("-")


def _lookup(key: str, eased: bool) -> str | None:
    if key in ACTIVITIES:
        return key
    if key in ALIASES:
        return ALIASES[key]
    if eased and (key == NOTHING or key in NOTHING_ALIASES):
        return NOTHING
    return None


def parse_activities(texts: list[str] | tuple[str, ...], *, eased: bool) -> tuple[str, ...]:
    """Canonical activities in vocabulary order, without repeats.

    `eased` is True for what eased the pain (`--better-with`), where `nothing` is accepted
    alone; False for what made it worse (`--worse-with`).
    """
    option = "--better-with" if eased else "--worse-with"
    found: set[str] = set()
    for text in texts:
        key = _key(text)
        name = _lookup(key, eased)
        if name is None:
            if key == NOTHING or key in NOTHING_ALIASES:
                raise TrackerError(
                    "'nothing' is only for what eased the pain (--better-with); leave "
                    "--worse-with out when nothing made it worse"
                )
            raise TrackerError(
                f"unknown activity '{shown(text.strip())}' for {option}{_suggestion(key, eased)}"
            )
        found.add(name)
    if NOTHING in found and len(found) > 1:
        others = ", ".join(a for a in ACTIVITIES if a in found)
        raise TrackerError(
            f"--better-with 'nothing' cannot go with {others}: give 'nothing' alone, or the "
            "activities that eased it"
        )
    vocabulary = EASED_BY if eased else ACTIVITIES
    return tuple(name for name in vocabulary if name in found)


def activity_notes(texts: list[str] | tuple[str, ...]) -> list[str]:
    """One line for each everyday word recorded as an activity of the list ('driving' ->
    sitting), so that none is changed without a word (a patient's "driving, stairs" was
    saved as sitting, walking, unsaid)."""
    notes = []
    for text in texts:
        key = _key(text)
        if key not in ACTIVITIES and key in ALIASES:
            name = ALIASES[key]
            meaning = ACTIVITIES[name]
            said = name if meaning == name else f"{name} ({meaning})"
            notes.append(f"'{shown(text.strip())}' is recorded as {said}.")
    return list(dict.fromkeys(notes))


def _suggestion(key: str, eased: bool) -> str:
    import difflib

    words = dict(ALIASES)
    words.update({name: name for name in ACTIVITIES})
    if eased:
        words[NOTHING] = NOTHING
    close = difflib.get_close_matches(key, list(words), n=6, cutoff=0.6)
    names = list(dict.fromkeys(words[c] for c in close))[:3]
    accepted = ", ".join(EASED_BY if eased else ACTIVITIES)
    hint = f" (did you mean {one_of(names)}?)" if names else ""
    return f"{hint}; accepted: {accepted}"


def one_of(names: list[str]) -> str:
    """'a', 'a or b', 'a, b or c'."""
    return names[0] if len(names) == 1 else ", ".join(names[:-1]) + " or " + names[-1]


def parse_woke(text: str | int) -> int:
    """Times woken by pain last night: a whole number from 0 to 20."""
    raw = str(text).strip()
    if not re.fullmatch(r"[+]?\d{1,2}", raw) or int(raw) > WOKE_MAX:
        raise TrackerError(
            f"times woken '{shown(raw)}' is not accepted; give a whole number from 0 to {WOKE_MAX}"
            " (times pain woke you last night)"
        )
    return int(raw)
