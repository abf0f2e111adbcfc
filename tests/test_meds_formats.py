"""Medicines, times of day and event sides in every format (issue 10): the JSON export
round-trips them exactly, the CSV carries the time of day, FHIR has a MedicationStatement
per regimen, a MedicationAdministration per dose and a Procedure with laterality per
block or injection, valid R4 (fhir.resources)."""

from __future__ import annotations

import csv
import io
import json

import pytest


def _ok(result):
    assert result.exit_code == 0, result.output
    return result.output


@pytest.fixture
def diary(run):
    _ok(run("log", "6", "--date", "2026-11-20", "--at", "08:30", "--where", "lower-back=6"))
    _ok(run("log", "5", "--date", "2026-11-21"))
    _ok(run("med", "add", "Lyrica", "--strength", "75mg", "--schedule", "twice daily",
            "--date", "2026-11-01"))  # fmt: skip
    _ok(run("med", "add", "OxyNorm", "--strength", "5mg", "--as-needed", "--date", "2026-11-01"))
    _ok(run("med", "add", "fentanyl", "--strength", "12mcg/h", "--date", "2026-11-10"))
    _ok(run("dose", "oxynorm", "--date", "2026-11-20", "--at", "09:00"))
    _ok(run("dose", "oxynorm", "2.5", "--date", "2026-11-21"))
    _ok(run("dose", "lyrica", "--date", "2026-11-21", "--at", "20:00"))
    _ok(run("med", "change", "lyrica", "--strength", "150mg", "--date", "2026-11-22"))
    _ok(run("event", "add", "2026-11-18", "nerve-block", "right L4-L5 medial branch block",
            "--at", "09:00", "--side", "right", "--levels", "L4-L5"))  # fmt: skip
    _ok(run("event", "add", "2026-11-02", "injection", "L5 epidural", "--side", "both"))
    _ok(run("event", "add", "2026-11-05", "stimulator-trial", "SCS trial", "--days", "6"))
    return run


def test_json_export_round_trips_medicines_times_and_sides_exactly(diary, tmp_path):
    out = tmp_path / "diary.json"
    said = _ok(diary("export", "--format", "json", "--out", str(out)))
    assert "With 4 medicine regimens and 3 doses." in said
    document = json.loads(out.read_text(encoding="utf-8"))
    lyrica = document["medications"][0]
    assert lyrica == {
        "name": "Lyrica", "ingredient": "pregabalin", "strength": 75.0, "unit": "mg",
        "as_needed": False, "schedule": "twice daily", "started": "2026-11-01",
        "stopped": "2026-11-22",
        "doses": [{"date": "2026-11-21", "time": "20:00", "amount": 75.0,
                   "logged_at": "2026-11-24T21:14:05"}],
    }  # fmt: skip
    block = next(e for e in document["events"] if e["kind"] == "nerve-block")
    assert (block["time"], block["side"], block["levels"]) == ("09:00", "right", ["L4-L5"])
    trial = next(e for e in document["events"] if e["kind"] == "stimulator-trial")
    assert trial["days"] == 6
    assert document["entries"][0]["time"] == "08:30"

    fresh = tmp_path / "fresh.sqlite3"
    imported = _ok(diary("import", str(out), db=fresh))
    assert "Medicines: added 4 regimens and 3 doses." in imported
    again = tmp_path / "again.json"
    _ok(diary("export", "--format", "json", "--out", str(again), db=fresh))
    assert again.read_bytes() == out.read_bytes()
    assert _ok(diary("med", "doses", "--json", db=fresh)) == _ok(diary("med", "doses", "--json"))
    # importing the same file again adds nothing, into the new diary or the one it came from
    for db in (fresh, None):
        twice = _ok(diary("import", str(out), db=db) if db else diary("import", str(out)))
        assert "Medicines: added 0 regimens and 0 doses" in twice
    assert len(json.loads(_ok(diary("med", "list", "--json")))) == 4
    dry = _ok(diary("import", str(out), "--dry-run", db=tmp_path / "dry.sqlite3"))
    assert "Medicines: would add 4 regimens and 3 doses." in dry
    assert not (tmp_path / "dry.sqlite3").exists()


def test_a_bad_medicine_in_a_json_file_is_named_and_nothing_is_imported(diary, tmp_path):
    out = tmp_path / "diary.json"
    _ok(diary("export", "--format", "json", "--out", str(out)))
    document = json.loads(out.read_text(encoding="utf-8"))
    document["medications"][1]["unit"] = "kg"
    document["medications"][1]["doses"][0]["amount"] = -5
    out.write_text(json.dumps(document), encoding="utf-8")
    fresh = tmp_path / "fresh.sqlite3"
    result = diary("import", str(out), db=fresh)
    assert result.exit_code == 1
    assert "medication 2: unknown unit 'kg'" in result.output
    assert not fresh.exists()


def test_csv_carries_the_time_of_day_and_reads_it_back(diary, tmp_path):
    out = tmp_path / "diary.csv"
    _ok(diary("export", "--format", "csv", "--out", str(out)))
    rows = list(csv.DictReader(io.StringIO(out.read_text(encoding="utf-8"))))
    assert [(r["date"], r["time"]) for r in rows] == [("2026-11-20", "08:30"), ("2026-11-21", "")]
    fresh = tmp_path / "fresh.sqlite3"
    _ok(diary("import", str(out), db=fresh))
    times = [e["time"] for e in json.loads(_ok(diary("list", "--json", db=fresh)))]
    assert times == ["08:30", None]
    rows[0]["time"] = "25:00"
    bad = tmp_path / "bad.csv"
    with bad.open("w", newline="", encoding="utf-8") as handle:
        writer = csv.DictWriter(handle, fieldnames=list(rows[0]))
        writer.writeheader()
        writer.writerows(rows)
    result = diary("import", str(bad), db=tmp_path / "bad.sqlite3")
    assert result.exit_code == 1 and "row 2: time '25:00' is not accepted" in result.output


def test_fhir_has_statements_administrations_and_sided_procedures_valid_r4(diary):
    from fhir.resources.R4B.bundle import Bundle
    from fhir.resources.R4B.medicationadministration import MedicationAdministration
    from fhir.resources.R4B.medicationstatement import MedicationStatement
    from fhir.resources.R4B.procedure import Procedure

    document = json.loads(_ok(diary("export", "--format", "fhir")))
    Bundle.model_validate(document)
    resources = [item["resource"] for item in document["entry"]]
    statements = [r for r in resources if r["resourceType"] == "MedicationStatement"]
    given = [r for r in resources if r["resourceType"] == "MedicationAdministration"]
    procedures = [r for r in resources if r["resourceType"] == "Procedure"]
    for resource in statements:
        MedicationStatement.model_validate(resource)
    for resource in given:
        MedicationAdministration.model_validate(resource)
    for resource in procedures:
        Procedure.model_validate(resource)
    assert len(statements) == 4 and len(given) == 3 and len(procedures) == 3
    lyrica = statements[0]
    assert lyrica["medicationCodeableConcept"] == {"text": "Lyrica (pregabalin)"}
    assert lyrica["status"] == "completed"
    assert lyrica["effectivePeriod"] == {"start": "2026-11-01", "end": "2026-11-21"}
    dose = lyrica["dosage"][0]
    assert dose["text"] == "twice daily" and dose["asNeededBoolean"] is False
    assert dose["doseAndRate"][0]["doseQuantity"] == {
        "value": 75.0, "unit": "mg", "system": "http://unitsofmeasure.org", "code": "mg"
    }  # fmt: skip
    patch = next(s for s in statements if s["medicationCodeableConcept"]["text"] == "fentanyl")
    assert patch["status"] == "active"
    assert patch["dosage"][0]["doseAndRate"][0]["rateQuantity"]["code"] == "ug/h"
    first = given[0]
    assert first["effectiveDateTime"].startswith("2026-11-21T20:00:00")
    assert first["dosage"]["dose"]["value"] == 75.0
    assert first["supportingInformation"] == [{"reference": f"urn:uuid:{lyrica['id']}"}]
    later = next(g for g in given if g["dosage"]["dose"]["value"] == 2.5)
    assert later["effectiveDateTime"] == "2026-11-21"  # no time: the day alone
    block = next(p for p in procedures if p["category"] == {"text": "nerve-block"})
    assert block["performedDateTime"].startswith("2026-11-18T09:00:00")
    site = block["bodySite"][0]
    assert site["coding"][0]["code"] == "37822005" and site["text"] == "spine at L4-L5"
    laterality = site["extension"][0]
    assert laterality["url"].endswith("mcode-laterality-qualifier")
    assert laterality["valueCodeableConcept"]["coding"][0]["code"] == "24028007"  # right
    both = next(p for p in procedures if p["category"] == {"text": "injection"})
    assert both["bodySite"][0]["extension"][0]["valueCodeableConcept"]["coding"][0]["code"] == (
        "51440002"
    )
