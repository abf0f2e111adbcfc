"""FHIR R4 export: a Bundle of type collection for a clinic's record system.

The codes and where they come from: docs/clinical.md#codes.

- one anonymous Patient (R4 Procedure requires a subject; no name or identifier is sent);
- per entry, an Observation of the overall score: LOINC 72514-3, valueInteger,
  effectiveDateTime = the day, issued = when it was typed, note = the entry's note;
- per located pain, an Observation with bodySite (SNOMED CT code where regions.py has one,
  the region's words as text always) and, for a sided region, the laterality in the
  extension http://hl7.org/fhir/StructureDefinition/observation-structureLaterality (FHIR
  Extensions Pack; context Observation.bodySite, usable up to R5; extensible binding to
  ValueSet structure-laterality-vs: SNOMED 7771000 Left, 24028007 Right, 51440002 Right and
  left). The value carries that code and, as a second coding, the qualifier from
  regions.LATERALITY_SNOMED. With an intensity: LOINC 72514-3 and valueInteger; without:
  SNOMED 22253000 Pain (finding), no value. The overall Observation lists them in hasMember;
- per surgery, a Procedure: status completed, performedDateTime, code.text = procedure,
  note = spinal levels and the surgery's note.

- per injection, nerve block and stimulator trial or implant, a Procedure too, with its
  time when known, and a bodySite (lower back, SNOMED 37822005, for lumbar and sacral
  levels or none given; the levels as text) carrying the event's side in the laterality
  extension http://hl7.org/fhir/us/mcode/StructureDefinition/mcode-laterality-qualifier
  (mCODE; context includes Procedure.bodySite; required binding: SNOMED 7771000 Left,
  24028007 Right, 51440002 Right and left);
- per regimen, a MedicationStatement: medicationCodeableConcept.text the name (the
  ingredient as a second text when it differs), status active or completed,
  effectivePeriod from the start to the last day taken, dosage with asNeededBoolean, the
  schedule as text and the strength as a UCUM doseQuantity (mg, ug, ug/h);
- per dose, a MedicationAdministration (status completed, effectiveDateTime the day or
  the day and time, dosage.dose in UCUM, supportingInformation -> its MedicationStatement).
  MedicationAdministration, not Observation: FHIR R4 defines it as the record of a
  medicine being consumed or given, self-administration included; an Observation would
  describe a measurement.

fullUrls are urn:uuid, uuid5 from each resource's content and occurrence, so the same
diary always exports the same file.
"""

from __future__ import annotations

import datetime as dt
import json
import uuid
from collections.abc import Mapping, Sequence

from tracker import regions
from tracker.before_surgery import PainBefore
from tracker.domain import Entry, Event, Site
from tracker.io.common import (
    Track,
    check_identity,
    entry_identity,
    event_identity,
    keyed,
    no_progress,
)
from tracker.io.fhir_weekly import before_observations, code_system, weekly_observations
from tracker.medicines import Dose, Regimen
from tracker.weekly import WeeklyCheck

LOINC = "http://loinc.org"
SNOMED = "http://snomed.info/sct"
PAIN_SCORE = {
    "system": LOINC,
    "code": "72514-3",
    "display": "Pain severity - 0-10 verbal numeric rating [Score] - Reported",
}
PAIN_FINDING = {"system": SNOMED, "code": "22253000", "display": "Pain"}
SURVEY = {
    "system": "http://terminology.hl7.org/CodeSystem/observation-category",
    "code": "survey",
    "display": "Survey",
}
LATERALITY_URL = "http://hl7.org/fhir/StructureDefinition/observation-structureLaterality"
# The extension's value set (structure-laterality-vs), by side: docs/clinical.md#laterality.
LATERALITY_VS = {
    "left": ("7771000", "Left"),
    "right": ("24028007", "Right"),
    "bilateral": ("51440002", "Right and left"),
}
NAMESPACE = uuid.uuid5(uuid.NAMESPACE_URL, "https://github.com/tracker/fhir-export")


def write_fhir(
    entries: Sequence[Entry],
    events: Sequence[Event],
    track: Track = no_progress,
    checks: Sequence[WeeklyCheck] = (),
    befores: Mapping[int, PainBefore] | None = None,
    medicines: Sequence[tuple[Regimen, Sequence[Dose]]] = (),
) -> bytes:
    """The diary as a FHIR R4 Bundle (JSON, UTF-8); the weekly checks and the pain before
    each surgery as survey Observations, coded as tracker/io/fhir_weekly.py says."""
    befores = {k: b for k, b in (befores or {}).items() if b.recorded}
    entry_keys = keyed("fhir-entry", (entry_identity(e) for e in entries))
    surgeries = [e for e in events if e.kind == "surgery"]
    event_keys = keyed("fhir-event", (event_identity(e) for e in surgeries))
    patient = _urn("patient:" + "".join(entry_keys + event_keys))
    resources: list[dict] = [{"resourceType": "Patient", "id": _id(patient)}]
    for entry, key in track(list(zip(entries, entry_keys, strict=True)), "Exporting"):
        resources.extend(_observations(entry, key, patient))
    for ev, key in zip(surgeries, event_keys, strict=True):
        procedure = _procedure(ev, key, patient)
        resources.append(procedure)
        before = befores.get(ev.id or 0)
        if before is not None:
            resources.extend(
                before_observations(
                    ev, before, key, patient, f"urn:uuid:{procedure['id']}", _urn, body_site
                )
            )
    check_keys = keyed("fhir-week", (check_identity(c) for c in checks))
    for check, key in zip(checks, check_keys, strict=True):
        resources.extend(weekly_observations(check, key, patient, _urn))
    if checks or any(befores.get(ev.id or 0) for ev in surgeries):
        resources.insert(1, code_system())  # our own codes, with the Bundle that uses them
    procedures = [e for e in events if e.kind in PROCEDURE_KINDS]
    procedure_keys = keyed("fhir-procedure", (event_identity(e) for e in procedures))
    for ev, key in zip(procedures, procedure_keys, strict=True):
        resources.append(_treatment(ev, key, patient))
    regimen_keys = keyed("fhir-regimen", (r.as_dict() | {"id": None} for r, _ in medicines))
    for (regimen, doses), key in zip(medicines, regimen_keys, strict=True):
        statement = _statement(regimen, key, patient)
        resources.append(statement)
        for number, dose in enumerate(doses):
            resources.append(_administration(regimen, dose, f"{key}:{number}", statement, patient))
    bundle = {
        "resourceType": "Bundle",
        "type": "collection",
        "entry": [{"fullUrl": f"urn:uuid:{r['id']}", "resource": r} for r in resources],
    }
    # Compact: the C encoder is ten times faster than indenting, and machines read this file.
    text = json.dumps(bundle, ensure_ascii=False, separators=(",", ":"))
    return (text + "\n").encode("utf-8")


def _urn(name: str) -> str:
    return f"urn:uuid:{uuid.uuid5(NAMESPACE, name)}"


def _id(urn: str) -> str:
    return urn.removeprefix("urn:uuid:")


def _observations(entry: Entry, key: str, patient: str) -> list[dict]:
    """The overall score and one Observation per located pain."""
    sites = [_site_observation(entry, site, key, patient) for site in entry.where]
    overall = _observation(
        _urn(f"entry:{key}"), {"coding": [PAIN_SCORE], "text": "Pain (0-10)"}, entry, patient
    )
    overall["valueInteger"] = entry.pain
    if entry.note:
        overall["note"] = [{"text": entry.note}]
    if sites:
        overall["hasMember"] = [{"reference": f"urn:uuid:{s['id']}"} for s in sites]
    return [overall, *sites]


def _observation(urn: str, code: dict, entry: Entry, patient: str) -> dict:
    return {
        "resourceType": "Observation",
        "id": _id(urn),
        "status": "final",
        "category": [{"coding": [SURVEY]}],
        "code": code,
        "subject": {"reference": patient},
        "effectiveDateTime": entry.day.isoformat(),
        "issued": entry.logged_at.astimezone().isoformat(timespec="seconds"),
    }


def _site_observation(entry: Entry, site: Site, key: str, patient: str) -> dict:
    region = regions.REGIONS[site.region]
    if site.intensity is None:
        code = {"coding": [PAIN_FINDING], "text": f"Pain in {region.label}"}
    else:
        code = {"coding": [PAIN_SCORE], "text": f"Pain in {region.label} (0-10)"}
    observation = _observation(_urn(f"entry:{key}:site:{site.region}"), code, entry, patient)
    observation["bodySite"] = body_site(site.region)
    if site.intensity is not None:
        observation["valueInteger"] = site.intensity
    return observation


def body_site(name: str) -> dict:
    """A region as a CodeableConcept: SNOMED CT code if known, its words, its laterality."""
    region = regions.REGIONS[name]
    concept: dict = {}
    if region.side:
        code, display = LATERALITY_VS[region.side]
        qualifier, qualifier_display = regions.LATERALITY_SNOMED[region.side]
        concept["extension"] = [
            {
                "url": LATERALITY_URL,
                "valueCodeableConcept": {
                    "coding": [
                        {"system": SNOMED, "code": code, "display": display},
                        {"system": SNOMED, "code": qualifier, "display": qualifier_display},
                    ],
                    "text": region.side,
                },
            }
        ]
    if region.snomed:
        concept["coding"] = [
            {"system": SNOMED, "code": region.snomed, "display": region.snomed_display}
        ]
    concept["text"] = region.label
    return concept


def _procedure(event: Event, key: str, patient: str) -> dict:
    notes = []
    if event.levels:
        notes.append({"text": "Spinal levels: " + ", ".join(event.levels)})
    if event.note:
        notes.append({"text": event.note})
    procedure: dict[str, object] = {
        "resourceType": "Procedure",
        "id": _id(_urn(f"event:{key}")),
        "status": "completed",
        "code": {"text": event.title},
        "subject": {"reference": patient},
        "performedDateTime": event.day.isoformat(),
    }
    if notes:
        procedure["note"] = notes
    return procedure


# ---------------------------------------------------------------- treatments and medicines

PROCEDURE_KINDS = ("injection", "nerve-block", "stimulator-trial", "stimulator-implant")
MCODE_LATERALITY_URL = "http://hl7.org/fhir/us/mcode/StructureDefinition/mcode-laterality-qualifier"
LOWER_BACK = {"system": SNOMED, "code": "37822005", "display": "Lower back structure"}
SIDE_VS = {"left": "left", "right": "right", "both": "bilateral"}
UCUM = "http://unitsofmeasure.org"
UCUM_CODES = {"mg": "mg", "mcg": "ug", "mcg/h": "ug/h"}


def _moment(day: dt.date, time: dt.time | None) -> str:
    """A FHIR dateTime: the day alone, or with its time and the local offset."""
    if time is None:
        return day.isoformat()
    return dt.datetime.combine(day, time).astimezone().isoformat(timespec="seconds")


def _treatment(event: Event, key: str, patient: str) -> dict:
    """An injection, block or stimulator as a Procedure, its side on the bodySite."""
    site: dict = {}
    if event.side:
        code, display = LATERALITY_VS[SIDE_VS[event.side]]
        site["extension"] = [
            {
                "url": MCODE_LATERALITY_URL,
                "valueCodeableConcept": {
                    "coding": [{"system": SNOMED, "code": code, "display": display}],
                    "text": event.side,
                },
            }
        ]
    if all(level[0] in "LS" for level in event.levels):
        site["coding"] = [LOWER_BACK]
    levels = ", ".join(event.levels)
    site["text"] = f"spine at {levels}" if levels else "lower back"
    procedure: dict[str, object] = {
        "resourceType": "Procedure",
        "id": _id(_urn(f"procedure:{key}")),
        "status": "completed",
        "category": {"text": event.kind},
        "code": {"text": event.title},
        "subject": {"reference": patient},
        "performedDateTime": _moment(event.day, event.time),
        "bodySite": [site],
    }
    if event.note:
        procedure["note"] = [{"text": event.note}]
    return procedure


def _quantity(amount: float, unit: str) -> dict:
    return {"value": amount, "unit": unit, "system": UCUM, "code": UCUM_CODES[unit]}


def _medicine_concept(regimen: Regimen) -> dict:
    if regimen.name.lower() == regimen.ingredient:
        return {"text": regimen.name}
    return {"text": f"{regimen.name} ({regimen.ingredient})"}


def _statement(regimen: Regimen, key: str, patient: str) -> dict:
    period: dict[str, str] = {"start": regimen.started.isoformat()}
    if regimen.stopped is not None:
        period["end"] = max(regimen.started, regimen.stopped - dt.timedelta(days=1)).isoformat()
    dosage: dict[str, object] = {
        "asNeededBoolean": regimen.as_needed,
        "doseAndRate": [
            {"rateQuantity" if regimen.patch else "doseQuantity":
             _quantity(regimen.strength, regimen.unit)}
        ],
    }  # fmt: skip
    if regimen.schedule:
        dosage["text"] = regimen.schedule
    return {
        "resourceType": "MedicationStatement",
        "id": _id(_urn(f"regimen:{key}")),
        "status": "active" if regimen.stopped is None else "completed",
        "medicationCodeableConcept": _medicine_concept(regimen),
        "subject": {"reference": patient},
        "effectivePeriod": period,
        "dosage": [dosage],
    }


def _administration(regimen: Regimen, dose: Dose, key: str, statement: dict, patient: str) -> dict:
    return {
        "resourceType": "MedicationAdministration",
        "id": _id(_urn(f"dose:{key}")),
        "status": "completed",
        "medicationCodeableConcept": _medicine_concept(regimen),
        "subject": {"reference": patient},
        "supportingInformation": [{"reference": f"urn:uuid:{statement['id']}"}],
        "effectiveDateTime": _moment(dose.day, dose.time),
        "dosage": {"dose": _quantity(dose.amount, regimen.unit)},
    }
