"""Issue 9 and 14 data in and out: the weekly checks and the pain before each surgery
round-trip through tracker's JSON byte for byte, and go to FHIR as survey Observations."""

from __future__ import annotations

import json
from pathlib import Path

import pytest


@pytest.fixture
def full(run) -> None:
    """A diary with entries that say what provoked the pain, weekly checks, a pain before."""
    steps = [
        ("surgery", "add", "2026-03-02", "--procedure", "L4-L5 fusion", "--levels", "L4-L5",
         "--before-pain", "8", "--before-where", "left-thigh=8", "--before-where",
         "lower-back=5", "--before-radiates", "left-calf", "--before-numb", "left-big-toe",
         "--before-source", "memory"),
        ("surgery", "add", "2024-05-02", "--procedure", "L5-S1 discectomy"),
        ("log", "6", "--date", "2026-11-20", "--where", "left-calf=6", "--worse-with",
         "standing,walking", "--better-with", "sitting", "--woke", "2"),
        ("log", "3", "--date", "2026-11-21", "--better-with", "nothing", "--woke", "0"),
        ("week", "--date", "2026-11-15", "--interference", "4", "--walk-minutes", "25",
         "--heel-walk", "yes", "--goal", "walk the dog=6", "--clinic-score", "rmdq=7.5",
         "--clinic-score", "odi=34", "--same-as-before", "different"),
        ("week", "--interference", "6", "--walk-minutes", "10", "--heel-walk", "no",
         "--toe-walk", "not-tried", "--tripping", "yes", "--work", "off", "--change",
         "a-little-worse", "--sleep-interference", "5", "--sit-minutes", "30",
         "--stand-minutes", "5", "--same-as-before", "same"),
    ]  # fmt: skip
    for step in steps:
        result = run(*step)
        assert result.exit_code == 0, (step, result.output)


def _listed(run, db: Path | None = None) -> tuple:
    shown = [
        json.loads(run(*args, db=db).stdout)
        for args in (("list", "--json"), ("week", "list", "--json"), ("surgery", "list", "--json"))
    ]
    for items in shown:
        for item in items:
            item.pop("id", None)
    return tuple(shown)


def test_json_round_trip_keeps_weekly_checks_and_pains_before_byte_for_byte(run, full, tmp_path):
    first = tmp_path / "first.json"
    fresh = tmp_path / "fresh.sqlite3"
    exported = run("export", "--format", "json", "--out", str(first))
    assert exported.stdout == (
        f"Exported 2 entries, 2 events and 2 weekly checks to {first} (JSON).\n"
    )
    document = json.loads(first.read_text())
    assert [c["date"] for c in document["weekly_checks"]] == ["2026-11-15", "2026-11-24"]
    assert document["weekly_checks"][0]["clinic_scores"] == {"rmdq": 7.5, "odi": 34}
    fusion = next(e for e in document["events"] if e["title"] == "L4-L5 fusion")
    assert fusion["before_pain"] == 8 and fusion["before_radiates"] == ["left-calf"]
    assert "before_pain" not in next(e for e in document["events"] if e["title"] != "L4-L5 fusion")
    result = run("import", str(first), db=fresh)
    assert result.exit_code == 0, result.output
    assert result.stdout == (
        f"Imported 2 entries, 2 events and 2 weekly checks from {first} (JSON).\n"
    )
    assert run("export", "--format", "json", db=fresh).stdout_bytes == first.read_bytes()
    assert _listed(run, fresh) == _listed(run)
    again = run("import", str(first), db=fresh)
    assert again.stdout.startswith("Imported 0 entries and 0 events from")
    assert "Already in your diary, skipped: 6" in again.stdout


def test_importing_a_week_the_diary_has_answered_keeps_the_diarys_check(run, full, tmp_path):
    exported = tmp_path / "diary.json"
    run("export", "--format", "json", "--out", str(exported))
    other = tmp_path / "other.sqlite3"
    run("week", "--interference", "1", db=other)  # this week, answered differently
    result = run("import", str(exported), db=other)
    assert result.exit_code == 0, result.output
    assert "1 weekly check from" in result.stdout
    weeks = json.loads(run("week", "list", "--json", db=other).stdout)
    assert [(w["date"], w["interference"]) for w in weeks] == [("2026-11-15", 4), ("2026-11-24", 1)]
    assert run("undo", db=other).exit_code == 0
    assert len(json.loads(run("week", "list", "--json", db=other).stdout)) == 1


@pytest.mark.parametrize(
    ("change", "message"),
    [
        (lambda d: d["weekly_checks"][0].update(walk_minutes=700),
         "weekly check 1: walk minutes '700' is not accepted"),
        (lambda d: d["weekly_checks"][0].update(date="2026-11-23"),
         "weekly check 2: a second check for 2026-W48"),
        (lambda d: d["weekly_checks"][0].update(clinic_scores={"eq5d": 1}),
         "weekly check 1: unknown clinic score 'eq5d'"),
        (lambda d: d["weekly_checks"][0].update(same_as_before="maybe"),
         "weekly check 1: same as before 'maybe' is not accepted"),
        (lambda d: d["events"][-1].update(before_pain=11), "before-pain '11' is not accepted"),
    ],
)  # fmt: skip
def test_a_bad_weekly_check_or_pain_before_in_a_file_imports_nothing(
    run, full, tmp_path, change, message
):
    path = tmp_path / "diary.json"
    run("export", "--format", "json", "--out", str(path))
    document = json.loads(path.read_text())
    change(document)
    path.write_text(json.dumps(document))
    fresh = tmp_path / "fresh.sqlite3"
    result = run("import", str(path), db=fresh)
    assert result.exit_code == 1
    assert message in result.output and "nothing was imported" in result.output
    assert not fresh.exists()


def test_fhir_has_the_weekly_answers_and_the_pain_before_as_valid_survey_observations(run, full):
    from fhir.resources.R4B.bundle import Bundle
    from fhir.resources.R4B.codesystem import CodeSystem
    from fhir.resources.R4B.observation import Observation
    from fhir.resources.R4B.patient import Patient
    from fhir.resources.R4B.procedure import Procedure

    from tracker.io.fhir_weekly import CODE_SYSTEM_URL

    result = run("export", "--format", "fhir")
    assert result.exit_code == 0, result.output
    document = json.loads(result.stdout)
    Bundle.model_validate(document)
    models = {"Observation": Observation, "Procedure": Procedure, "Patient": Patient,
              "CodeSystem": CodeSystem}  # fmt: skip
    resources = [item["resource"] for item in document["entry"]]
    for resource in resources:
        models[resource["resourceType"]].model_validate(resource)
    [system] = [r for r in resources if r["resourceType"] == "CodeSystem"]
    assert system["url"] == CODE_SYSTEM_URL
    known = {c["code"] for c in system["concept"]}
    ours = [
        r for r in resources if r["resourceType"] == "Observation"
        and r["code"]["coding"][0]["system"] == CODE_SYSTEM_URL
    ]  # fmt: skip
    for observation in ours:
        assert observation["category"][0]["coding"][0]["code"] == "survey"
        assert observation["code"]["coding"][0]["code"] in known
        value = observation.get("valueCodeableConcept")
        if value:
            assert value["coding"][0]["code"] in known
    panels = [o for o in ours if o["code"]["coding"][0]["code"] == "weekly-check"]
    assert [p["effectiveDateTime"] for p in panels] == ["2026-11-15", "2026-11-24"]
    members = {m["reference"][9:] for m in panels[1]["hasMember"]}
    answers = {o["code"]["coding"][0]["code"]: o for o in ours if o["id"] in members}
    assert answers["walk_minutes"]["valueQuantity"] == {
        "value": 10,
        "unit": "min",
        "system": "http://unitsofmeasure.org",
        "code": "min",
    }
    assert answers["heel_walk"]["valueCodeableConcept"]["coding"][0]["code"] == "no"
    assert answers["same_as_before"]["valueCodeableConcept"]["text"] == "same"
    assert answers["interference"]["valueInteger"] == 6
    fusion = next(r for r in resources if r["resourceType"] == "Procedure"
                  and r["code"]["text"] == "L4-L5 fusion")  # fmt: skip
    before = [o for o in ours if o.get("partOf") == [{"reference": f"urn:uuid:{fusion['id']}"}]]
    codes = [o["code"]["coding"][0]["code"] for o in before]
    assert codes == ["pain-before-surgery", "pain-site-before-surgery",
                     "pain-site-before-surgery", "radiation-before-surgery",
                     "numbness-before-surgery"]  # fmt: skip
    assert before[0]["valueInteger"] == 8
    assert before[0]["code"]["coding"][1]["code"] == "72514-3"
    assert before[1]["valueInteger"] == 8 and before[1]["bodySite"]["text"] == "left thigh"
    assert before[0]["note"] == [{"text": "As the patient remembers it"}]


def test_fhir_of_a_diary_without_weekly_answers_has_no_code_system_of_ours(run):
    run("log", "5")
    document = json.loads(run("export", "--format", "fhir").stdout)
    assert all(e["resource"]["resourceType"] != "CodeSystem" for e in document["entry"])
