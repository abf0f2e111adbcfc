"""FHIR R4 resources for the weekly checks and the pain before each surgery (issues 9, 14).

No LOINC code was verified for our own weekly questions (they are our wording, not a
licensed instrument's), so they are coded in a code system of our own, shipped in the
Bundle as a CodeSystem resource with a stable canonical URL (docs/clinical.md#fhir-weekly).
The pain before surgery is a 0-10 pain score, so it also carries LOINC 72514-3.

- per weekly check, a panel Observation (category survey, code `weekly-check`) whose
  hasMember lists one Observation per answer: ratings as valueInteger, minutes as
  valueQuantity in UCUM `min`, the word answers as valueCodeableConcept from the same code
  system, each of the patient's own activities as valueInteger (its name in code.text),
  each clinic score as valueQuantity (the number the clinic gave);
- per surgery with the pain before recorded, Observations with partOf = the Procedure:
  the overall score (`pain-before-surgery`, valueInteger), one per place it hurt (bodySite,
  valueInteger when rated), one per place it radiated to and was numb (bodySite), and the
  source (memory or clinic) in note.
"""

from __future__ import annotations

import uuid
from collections.abc import Callable
from typing import Any

from tracker import weekly
from tracker.before_surgery import PainBefore
from tracker.domain import Event
from tracker.weekly import WeeklyCheck

CODE_SYSTEM_URL = "https://github.com/tracker/tracker/fhir/CodeSystem/tracker-weekly"
LOINC = "http://loinc.org"
PAIN_SCORE = {
    "system": LOINC,
    "code": "72514-3",
    "display": "Pain severity - 0-10 verbal numeric rating [Score] - Reported",
}
UCUM = "http://unitsofmeasure.org"
SURVEY = {
    "system": "http://terminology.hl7.org/CodeSystem/observation-category",
    "code": "survey",
    "display": "Survey",
}

# The questions, and every word answer, of the code system (display: what it means).
QUESTIONS: dict[str, str] = {
    "weekly-check": "Weekly check (tracker's own questions)",
    "interference": "How much pain got in the way of daily life this week, 0-10",
    "sleep_interference": "How much pain got in the way of sleep this week, 0-10",
    "walk_minutes": "Minutes able to walk before leg symptoms make one stop or slow down",
    "sit_minutes": "Minutes able to sit",
    "stand_minutes": "Minutes able to stand",
    "heel_walk": "Able to walk a few steps on the heels",
    "toe_walk": "Able to walk a few steps on the toes",
    "tripping": "Tripping or a slapping foot",
    "work": "Work status this week",
    "change": "Overall change since surgery (seven levels)",
    "same_as_before": "Is the pain now the pain before the operation?",
    "goal": "One of the patient's own activities, 0-10 (10 = as before the problem)",
    "clinic-score": "A score a clinic gave the patient",
    "pain-before-surgery": "Pain in the weeks before the surgery, 0-10",
    "pain-site-before-surgery": "Where it hurt in the weeks before the surgery",
    "radiation-before-surgery": "Where the pain travelled to in the weeks before the surgery",
    "numbness-before-surgery": "Where it was numb in the weeks before the surgery",
}
ANSWER_WORDS: dict[str, str] = {
    word: word.replace("-", " ")
    for word in dict.fromkeys(
        (*weekly.WALK_TEST, *weekly.TRIPPING, *weekly.WORK, *weekly.CHANGE, *weekly.SAME_AS_BEFORE)
    )
}
MINUTES = ("walk_minutes", "sit_minutes", "stand_minutes")
RATINGS = ("interference", "sleep_interference")

Urn = Callable[[str], str]


def code_system() -> dict:
    """The CodeSystem resource of our own codes (its URL is their system)."""
    concepts = [{"code": c, "display": d} for c, d in {**QUESTIONS, **ANSWER_WORDS}.items()]
    return {
        "resourceType": "CodeSystem",
        "id": str(uuid.uuid5(uuid.NAMESPACE_URL, CODE_SYSTEM_URL)),
        "url": CODE_SYSTEM_URL,
        "name": "TrackerWeekly",
        "title": "tracker: weekly check and pain before surgery",
        "status": "active",
        "content": "complete",
        "caseSensitive": True,
        "concept": concepts,
    }


def _ours(code: str, text: str | None = None) -> dict:
    concept: dict[str, Any] = {
        "coding": [{"system": CODE_SYSTEM_URL, "code": code, "display": QUESTIONS[code]}]
    }
    concept["text"] = text or QUESTIONS[code]
    return concept


def _observation(urn: str, code: dict, day: str, issued: str | None, patient: str) -> dict:
    observation = {
        "resourceType": "Observation",
        "id": urn.removeprefix("urn:uuid:"),
        "status": "final",
        "category": [{"coding": [SURVEY]}],
        "code": code,
        "subject": {"reference": patient},
        "effectiveDateTime": day,
    }
    if issued:
        observation["issued"] = issued
    return observation


def weekly_observations(check: WeeklyCheck, key: str, patient: str, urn: Urn) -> list[dict]:
    """The panel of one weekly check and an Observation for each answer."""
    day = check.day.isoformat()
    issued = check.logged_at.astimezone().isoformat(timespec="seconds")
    members = []
    for name in (*weekly.ANSWERS, "same_as_before"):
        value = getattr(check, name)
        if value is None:
            continue
        item = _observation(urn(f"week:{key}:{name}"), _ours(name), day, issued, patient)
        if name in RATINGS:
            item["valueInteger"] = value
        elif name in MINUTES:
            item["valueQuantity"] = {"value": value, "unit": "min", "system": UCUM, "code": "min"}
        else:
            item["valueCodeableConcept"] = {
                "coding": [
                    {"system": CODE_SYSTEM_URL, "code": value, "display": ANSWER_WORDS[value]}
                ],
                "text": value,
            }
        members.append(item)
    for goal in check.goals:
        item = _observation(
            urn(f"week:{key}:goal:{goal.name}"),
            _ours("goal", f"Own activity: {goal.name} (0-10)"),
            day,
            issued,
            patient,
        )
        item["valueInteger"] = goal.score
        members.append(item)
    for score in check.clinic_scores:
        what = weekly.CLINIC_SCORES[score.name][0]
        item = _observation(
            urn(f"week:{key}:clinic:{score.name}"),
            _ours("clinic-score", f"{score.name}: {what}"),
            day,
            issued,
            patient,
        )
        item["valueQuantity"] = {"value": weekly.number(score.value)}
        members.append(item)
    panel = _observation(urn(f"week:{key}"), _ours("weekly-check"), day, issued, patient)
    panel["hasMember"] = [{"reference": f"urn:uuid:{m['id']}"} for m in members]
    return [panel, *members]


SOURCE_WORDS = {"memory": "As the patient remembers it", "clinic": "From scores the clinic took"}


def before_observations(
    surgery: Event,
    before: PainBefore,
    key: str,
    patient: str,
    procedure: str,
    urn: Urn,
    body_site: Callable[[str], dict],
) -> list[dict]:
    """The pain before a surgery, as Observations that are part of its Procedure."""
    day = surgery.day.isoformat()
    found = []

    def add(name: str, code: dict, site: str | None = None, value: int | None = None) -> None:
        item = _observation(urn(f"before:{key}:{name}"), code, day, None, patient)
        item["partOf"] = [{"reference": procedure}]
        if site is not None:
            item["bodySite"] = body_site(site)
        if value is not None:
            item["valueInteger"] = value
        if before.source:
            item["note"] = [{"text": SOURCE_WORDS[before.source]}]
        found.append(item)

    if before.pain is not None:
        code = _ours("pain-before-surgery")
        code["coding"].append(PAIN_SCORE)
        add("pain", code, value=before.pain)
    for site in before.where:
        add(f"pain:{site.region}", _ours("pain-site-before-surgery"), site.region, site.intensity)
    for region in before.radiates:
        add(f"radiates:{region}", _ours("radiation-before-surgery"), region)
    for region in before.numb:
        add(f"numb:{region}", _ours("numbness-before-surgery"), region)
    return found
