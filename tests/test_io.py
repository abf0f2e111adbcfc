"""tracker export / import end to end: what lands in files, what lands in the diary."""

from __future__ import annotations

import csv
import datetime as dt
import io
import json
import shutil
import sys
from pathlib import Path

import pytest
from click.testing import CliRunner
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from support import NOW, TODAY, Diary

from tracker import domain, regions
from tracker import repository as repo
from tracker.cli import cli
from tracker.db import SCHEMA_HEAD, Database
from tracker.domain import Entry, Event, Site

FIXTURES = Path(__file__).parent / "fixtures"
BEARABLE = FIXTURES / "io_bearable.csv"
BOM_CRLF = FIXTURES / "io_diary_bom_crlf.csv"
HEADER = (
    "id,date,time,pain,where,radiates,numb,tingling,weak,quality,worse_with,better_with,woke,"
    "red_flags,note,logged_at"
)
NOTE = 'Боль, "очень" сильная\nвторой день 🔥'


def _database(diary: Path | Diary) -> Database:
    return diary.database() if isinstance(diary, Diary) else Database(f"sqlite:///{diary}")


def _store(diary: Path | Diary, entries: list[Entry], events: list[Event] = ()) -> None:
    """Put entries and events straight into a diary, with the typing times we choose."""
    database = _database(diary)
    with database.session() as session:
        repo.add_entries(session, [(entry, None) for entry in entries])
        for event in events:
            repo.add_event(session, event)
    database.dispose()


def _diary(diary: Path | Diary) -> tuple[list[dict], list[dict]]:
    """Entries and events as stored, without ids (they are the diary's own numbering)."""
    database = _database(diary)
    with database.session(write=False) as session:
        entries = [e.as_dict() for e in repo.list_entries(session)]
        events = [e.as_dict() for e in repo.list_events(session)]
    database.dispose()
    for item in entries + events:
        del item["id"]
    return entries, events


def _entry(day: str, pain: int, typed: str, **fields: object) -> Entry:
    return domain.new_entry(
        dt.date.fromisoformat(day), pain, dt.datetime.fromisoformat(typed), **fields
    )


SAMPLE = [
    _entry(
        "2025-03-01",
        6,
        "2025-03-01T08:15:00",
        where=(Site("lower-back", 6), Site("left-calf")),
        radiates=("left-thigh", "left-calf"),
        numb=("left-foot",),
        tingling=("left-toes",),
        weak=("right-ankle",),
        qualities=("burning", "electric"),
        worse_with=("standing", "walking"),
        better_with=("sitting",),
        woke=2,
        red_flags=("fever",),
        note=NOTE,
    ),
    _entry("2025-03-01", 6, "2025-03-01T08:15:00", where=(Site("lower-back", 6),), woke=0),
    _entry("2025-03-01", 6, "2025-03-01T08:15:00", where=(Site("lower-back", 6),)),
    _entry("2025-02-27", 3, "2025-03-02T20:00:00", where=(Site("neck", 3),), note="a, b"),
]
SURGERY = domain.new_event(dt.date(2024, 11, 5), "surgery", "L4-L5 fusion", "Dr Ruiz", ("L4-L5",))
INJECTION = domain.new_event(dt.date(2025, 2, 1), "injection", "L5 epidural steroid")


@pytest.fixture
def sample(diary: Diary) -> Diary:
    _store(diary, SAMPLE, [SURGERY, INJECTION])
    return diary


# ---------------------------------------------------------------- export


def test_csv_export_has_the_documented_columns_and_values(run, sample):
    result = run("export", "--format", "csv")
    assert result.exit_code == 0, result.output
    rows = list(csv.reader(io.StringIO(result.output, newline="")))
    assert ",".join(rows[0]) == HEADER
    assert len(rows) == 5
    assert rows[1] == ["4", "2025-02-27", "", "3", "neck=3", "", "", "", "", "", "", "", "", "",
                       "a, b", "2025-03-02T20:00:00"]  # fmt: skip
    assert rows[2] == [
        "1", "2025-03-01", "", "6", "lower-back=6;left-calf", "left-thigh;left-calf", "left-foot",
        "left-toes", "right-ankle", "burning;electric", "standing;walking", "sitting", "2",
        "fever", NOTE, "2025-03-01T08:15:00",
    ]  # fmt: skip
    assert rows[3][10:13] == ["", "", "0"]  # woken 0 times is said, unlike not answered


def test_export_to_a_file_says_what_it_wrote_and_matches_standard_output(run, sample, tmp_path):
    out = tmp_path / "diary.json"
    result = run("export", "--format", "json", "--out", str(out))
    assert result.exit_code == 0, result.output
    assert result.output == f"Exported 4 entries and 2 events to {out} (JSON).\n"
    assert out.read_bytes() == run("export", "--format", "json").stdout_bytes


def test_export_since_until_keeps_only_those_days(run, sample):
    result = run("export", "--format", "json", "--since", "2025-02-28", "--until", "2025-03-01")
    document = json.loads(result.output)
    assert [e["date"] for e in document["entries"]] == ["2025-03-01"] * 3
    assert document["events"] == []
    bad = run("export", "--format", "csv", "--since", "2025-03-02", "--until", "2025-03-01")
    assert bad.exit_code == 1
    assert bad.output == "Error: --since 2025-03-02 is after --until 2025-03-01; swap them\n"


def test_json_export_holds_everything(run, sample):
    document = json.loads(run("export", "--format", "json").output)
    assert document["format"] == "tracker-diary"
    assert document["format_version"] == 1
    assert document["schema"] == SCHEMA_HEAD
    first = document["entries"][1]
    assert first == {
        "date": "2025-03-01", "time": None, "pain": 6,
        "where": [{"region": "lower-back", "intensity": 6},
                  {"region": "left-calf", "intensity": None}],
        "radiates": ["left-thigh", "left-calf"], "numb": ["left-foot"], "tingling": ["left-toes"],
        "weak": ["right-ankle"], "quality": ["burning", "electric"],
        "worse_with": ["standing", "walking"], "better_with": ["sitting"], "woke": 2,
        "red_flags": ["fever"], "note": NOTE, "logged_at": "2025-03-01T08:15:00",
    }  # fmt: skip
    assert document["entries"][2]["woke"] == 0 and document["entries"][3]["woke"] is None
    assert document["events"] == [
        {"date": "2024-11-05", "time": None, "kind": "surgery", "title": "L4-L5 fusion",
         "side": None, "levels": ["L4-L5"], "note": "Dr Ruiz"},
        {"date": "2025-02-01", "time": None, "kind": "injection", "title": "L5 epidural steroid",
         "side": None, "levels": [], "note": None},
    ]  # fmt: skip


def test_json_round_trip_into_an_empty_diary_is_byte_identical(run, sample, tmp_path):
    first = tmp_path / "first.json"
    fresh = tmp_path / "fresh.sqlite3"
    run("export", "--format", "json", "--out", str(first))
    result = run("import", str(first), db=fresh)
    assert result.exit_code == 0, result.output
    assert result.stdout == f"Imported 4 entries and 2 events from {first} (JSON).\n"
    assert run("export", "--format", "json", db=fresh).stdout_bytes == first.read_bytes()
    assert _diary(fresh) == _diary(sample)


def test_csv_round_trip_into_an_empty_diary_keeps_every_field(run, sample, tmp_path):
    exported = tmp_path / "diary.csv"
    fresh = tmp_path / "fresh.sqlite3"
    run("export", "--format", "csv", "--out", str(exported))
    assert run("import", str(exported), db=fresh).exit_code == 0
    assert _diary(fresh)[0] == _diary(sample)[0]
    assert run("export", "--format", "csv", db=fresh).stdout_bytes == exported.read_bytes()


# ---------------------------------------------------------------- FHIR


def test_fhir_bundle_is_valid_r4_and_maps_scores_sites_and_surgeries(run, sample):
    from fhir.resources.R4B.bundle import Bundle
    from fhir.resources.R4B.observation import Observation
    from fhir.resources.R4B.patient import Patient
    from fhir.resources.R4B.procedure import Procedure

    result = run("export", "--format", "fhir")
    assert result.exit_code == 0, result.output
    document = json.loads(result.output)
    bundle = Bundle.model_validate(document)
    assert bundle.type == "collection"
    models = {"Observation": Observation, "Procedure": Procedure, "Patient": Patient}
    resources = [item["resource"] for item in document["entry"]]
    for resource in resources:
        models[resource["resourceType"]].model_validate(resource)
    urls = [item["fullUrl"] for item in document["entry"]]
    assert len(set(urls)) == len(urls) and all(u.startswith("urn:uuid:") for u in urls)
    assert all(
        item["fullUrl"] == f"urn:uuid:{item['resource']['id']}" for item in document["entry"]
    )

    observations = [r for r in resources if r["resourceType"] == "Observation"]
    overall = [o for o in observations if "bodySite" not in o]
    sited = [o for o in observations if "bodySite" in o]
    assert len(overall) == 4 and len(sited) == 5
    first = overall[1]
    assert first["code"]["coding"][0]["code"] == "72514-3"
    assert first["code"]["coding"][0]["system"] == "http://loinc.org"
    assert first["valueInteger"] == 6
    assert first["effectiveDateTime"] == "2025-03-01"
    assert first["issued"].startswith("2025-03-01T08:15:00")
    assert first["note"] == [{"text": NOTE}]
    assert len(first["hasMember"]) == 2

    back, calf = (o for o in sited if o["id"] in {m["reference"][9:] for m in first["hasMember"]})
    assert back["bodySite"]["coding"][0]["code"] == "37822005"
    assert back["valueInteger"] == 6 and "extension" not in back["bodySite"]
    assert calf["bodySite"]["coding"][0]["code"] == "30021000"
    assert calf["code"]["coding"][0]["code"] == "22253000"  # pain there, no intensity given
    assert "valueInteger" not in calf
    laterality = calf["bodySite"]["extension"][0]
    assert laterality["url"] == (
        "http://hl7.org/fhir/StructureDefinition/observation-structureLaterality"
    )
    codes = [c["code"] for c in laterality["valueCodeableConcept"]["coding"]]
    assert codes == ["7771000", regions.LATERALITY_SNOMED["left"][0]]
    neck = next(o for o in sited if o["bodySite"]["text"] == "neck")
    assert "coding" not in neck["bodySite"]  # no SNOMED code given for the neck: text only

    (procedure,) = [  # the surgery; the injection is a treatment Procedure, with a category
        r for r in resources if r["resourceType"] == "Procedure" and "category" not in r
    ]
    assert procedure["status"] == "completed"
    assert procedure["performedDateTime"] == "2024-11-05"
    assert procedure["code"] == {"text": "L4-L5 fusion"}
    assert procedure["note"] == [{"text": "Spinal levels: L4-L5"}, {"text": "Dr Ruiz"}]
    assert run("export", "--format", "fhir").stdout_bytes == result.stdout_bytes  # reproducible


# ---------------------------------------------------------------- our CSV, and plain date,pain


def test_csv_with_bom_crlf_quoted_newlines_emoji_newest_first(run, stored):
    result = run("import", str(BOM_CRLF))
    assert result.exit_code == 0, result.output
    assert result.stdout == f"Imported 3 entries and 0 events from {BOM_CRLF} (CSV).\n"
    entries = stored()
    assert [(e["id"], e["date"]) for e in entries] == [
        (1, "2025-03-01"), (2, "2025-03-02"), (3, "2025-03-03")
    ]  # fmt: skip
    assert entries[2]["note"] == NOTE
    assert entries[2]["where"] == [
        {"region": "lower-back", "intensity": 7}, {"region": "left-buttock", "intensity": 5}
    ]  # fmt: skip
    assert entries[2]["quality"] == ["burning", "electric"]
    assert entries[1]["note"] == "comma, inside"
    assert entries[1]["logged_at"] == "2025-03-04T08:00:00"


def test_date_pain_csv_keeps_identical_rows_and_a_second_import_adds_nothing(run, stored, tmp_path):
    source = tmp_path / "old.csv"
    source.write_text("date,pain\n2025-01-02,5\n2025-01-02,5\n2025-01-01,3\n", encoding="utf-8")
    first = run("import", str(source))
    assert first.exit_code == 0, first.output
    assert first.output.startswith("Imported 3 entries")
    entries = stored()
    assert [(e["id"], e["date"], e["pain"]) for e in entries] == [
        (1, "2025-01-01", 3),
        (2, "2025-01-02", 5),
        (3, "2025-01-02", 5),
    ]  # fmt: skip  (newest first in the file: stored oldest first)
    assert all(e["logged_at"] == NOW.isoformat() for e in entries)  # stamped at the import
    second = run("import", str(source))
    assert second.exit_code == 0
    assert second.output.splitlines()[0] == f"Imported 0 entries and 0 events from {source} (CSV)."
    assert len(stored()) == 3
    source.write_text(source.read_text() + "2025-01-02,5\n", encoding="utf-8")
    assert run("import", str(source)).output.startswith("Imported 1 entry ")  # the third copy
    assert len(stored()) == 4


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("date,pain\n2025-01-01,5\n2025-01-02,5\n2025-01-03,11\n",
         "row 4: pain '11' is not accepted; give a whole number from 0 (no pain) to 10 (worst"
         " imaginable); nothing was imported"),
        ("date,pain,where\n2025-01-01,5,lower-back\n2025-01-02,5,elbw\n",
         "row 3: unknown region 'elbw'"),
        ("date,pain\n2025-01-01,5\n2099-01-01,5\n", "row 3: 2099-01-01 is in the future"),
        ('date,pain,note\n2025-01-01,5,"two\nlines"\n01/02/2025,4,x\n',
         "row 3: '01/02/2025' could be 1 February 2025 (day first)"),
        ("date,pain\n2025-01-01,5,extra\n", "row 2: it has 3 fields, the header has 2"),
    ],
)  # fmt: skip
def test_a_bad_row_stops_the_import_and_nothing_is_written(run, diary, tmp_path, text, message):
    assert run("log", "4").exit_code == 0
    before = diary.digest()
    source = tmp_path / "bad.csv"
    source.write_text(text, encoding="utf-8")
    result = run("import", str(source))
    assert result.exit_code == 1
    assert result.output.startswith(f"Error: {message}")
    assert len(result.output.splitlines()) == 1
    assert diary.digest() == before


# ---------------------------------------------------------------- Bearable


def test_bearable_export_becomes_entries_and_a_summary(run, stored):
    result = run("import", str(BEARABLE))
    assert result.exit_code == 0, result.output
    assert result.stdout == (
        f"Imported 7 entries and 0 events from {BEARABLE} (Bearable CSV).\n"
        "Counted, not imported (8):\n"
        "      1  'Nausea' (not pain, numbness or tingling at a place we know)\n"
        "      1  Energy rows\n"
        "      1  Food rows\n"
        "      1  Medication rows\n"
        "      1  Mood rows\n"
        "      1  Sleep rows\n"
        "      1  numbness or tingling in a part of a day with no pain\n"
        "      1  symptoms rated None\n"
    )
    entries = stored()
    summary = [(e["date"], e["pain"], [(s["region"], s["intensity"]) for s in e["where"]],
                e["numb"], e["tingling"]) for e in entries]  # fmt: skip
    assert summary == [
        ("2020-09-21", 5, [("lower-back", 5)], [], []),
        ("2020-09-22", 2, [("neck", 2)], [], []),  # blank time of day
        ("2020-09-22", 8, [("lower-back", 5), ("right-hip", 8)], [], []),
        ("2020-09-24", 5, [("lower-back", 5)], [], ["right-hand"]),  # 3:04, ' | ' values
        ("2020-09-24", 5, [("neck", 5)], ["left-foot"], []),  # 23:32
        ("2020-09-25", 8, [("left-thigh", 8), ("lower-back", 2)], [], []),
        ("2020-10-01", 2, [("right-thigh", 2)], [], []),  # no severity word: rating 1
    ]
    assert entries[5]["note"] == (
        "Bearable, pm: Leg pain (left) (Severe); Back (lower) pain (Mild)\nafter gardening, sore"
    )
    assert entries[3]["note"] == (
        "Bearable, 03:04: Back (lower) pain (Moderate); Tingling (right hand) (Mild)\n"
        "line one\nline two"
    )
    assert entries[4]["note"].endswith("日本語のメモ 😀")
    again = run("import", str(BEARABLE))
    assert again.output.startswith("Imported 0 entries")
    assert len(stored()) == 7


@pytest.mark.parametrize(
    ("name", "expected"),
    [
        ("Back pain", ("pain", ("lower-back",))),
        ("Back (lower) pain", ("pain", ("lower-back",))),
        ("Back (upper) pain", ("pain", ("upper-back",))),
        ("Back (middle) pain", ("pain", ("mid-back",))),
        ("Neck pain", ("pain", ("neck",))),
        ("Leg pain (left)", ("pain", ("left-thigh",))),
        ("Arm pain (right)", ("pain", ("right-upper-arm",))),
        ("Aching legs (both)", ("pain", ("left-thigh", "right-thigh"))),
        ("Numbness (left foot)", ("numb", ("left-foot",))),
        ("Pins and needles (right hand)", ("tingling", ("right-hand",))),
        ("Headache", None),
        ("Knee pain", None),  # no side: not guessed
        ("Nausea", None),
    ],
)
def test_bearable_symptom_names_map_as_the_readme_says(name, expected):
    from tracker.io.bearable import classify

    assert classify(name) == expected


@pytest.mark.parametrize(
    ("row", "message"),
    [
        ('"31st Sep 2020","x","am","Symptom","1","Neck pain (Mild)",""', "row 3: '31st Sep 2020'"),
        ('"2nd Sep 2020","x","noon","Symptom","1","Neck pain (Mild)",""', "row 3: time of day"),
        ('"2nd Sep 2020","x","am","Symptom","","Neck pain (Extreme)",""',
         "row 3: a symptom has neither"),
        ('"2nd Sep 2020","x","am","Symptom","3","Neck pain (Mild)",""',
         "row 3: rating 3 does not match the severity 'mild'"),
        ('"2nd Sep 2020","x","am","Symptom","1","",""', "row 3: a Symptom row has no symptom"),
    ],
)  # fmt: skip
def test_a_bad_bearable_row_is_named(run, stored, tmp_path, row, message):
    source = tmp_path / "bearable.csv"
    good = '"1st Sep 2020","Tuesday","am","Symptom","1","Neck pain (Mild)",""'
    source.write_text(BEARABLE.read_text().splitlines()[0] + f"\n{good}\n{row}\n")
    result = run("import", str(source))
    assert result.exit_code == 1
    assert result.output.startswith(f"Error: {message}"), result.output
    assert stored() == []


# ---------------------------------------------------------------- detection, dry run, duplicates


@pytest.mark.parametrize(
    "content",
    [b"name,age\nAda,36\n", b'{"hello": "world"}', b"", b"\x00\xff\xfe garbage", b"[1, 2]"],
)
def test_a_file_in_no_known_format_is_refused_in_one_line(run, tmp_path, content):
    source = tmp_path / "mystery.txt"
    source.write_bytes(content)
    result = run("import", str(source))
    assert result.exit_code == 1
    assert len(result.output.splitlines()) == 1
    assert result.output.startswith("Error: ")
    if content in (b"name,age\nAda,36\n", b"", b"[1, 2]"):
        assert "Bearable" in result.output and "'date,pain'" in result.output


def test_a_forced_format_that_does_not_fit_is_refused(run):
    result = run("import", str(BOM_CRLF), "--format", "bearable")
    assert result.exit_code == 1
    assert result.output.startswith("Error: the CSV header is not Bearable's")


def test_dry_run_shows_what_would_be_imported_and_writes_nothing(run, diary, tmp_path):
    fresh = tmp_path / "never.sqlite3"
    result = run("import", str(BEARABLE), "--dry-run", db=fresh)
    assert result.exit_code == 0, result.output
    lines = result.output.splitlines()
    assert lines[0] == (
        f"Dry run: {BEARABLE} (Bearable CSV) would add 7 entries and 0 events; nothing was written."
    )
    assert lines[1] == (
        "  2020-09-21  pain  5/10  where lower-back=5; note Bearable, am: Back (lower) pain"
        " (Moderate)"
    )
    assert not fresh.exists()
    assert run("log", "3").exit_code == 0
    before = diary.digest()
    assert "would add 3 entries" in run("import", str(BOM_CRLF), "--dry-run").output
    assert diary.digest() == before


def test_a_backup_restored_into_its_own_diary_adds_nothing(run, sample, tmp_path):
    backup = tmp_path / "backup.json"
    run("export", "--format", "json", "--out", str(backup))
    result = run("import", str(backup))
    assert result.exit_code == 0
    assert result.output.splitlines() == [
        f"Imported 0 entries and 0 events from {backup} (JSON).",
        "Already in your diary, skipped: 6 (rows imported before, or the same entries).",
    ]


def test_a_damaged_json_entry_is_named(run, sample, tmp_path):
    document = json.loads(run("export", "--format", "json").output)
    document["entries"][2]["where"] = [{"region": "lower-back", "intensity": 12}]
    source = tmp_path / "edited.json"
    source.write_text(json.dumps(document), encoding="utf-8")
    result = run("import", str(source), db=tmp_path / "fresh.sqlite3")
    assert result.exit_code == 1
    assert result.output.startswith("Error: entry 3: pain '12' is not accepted")


def test_progress_bar_only_on_a_terminal(monkeypatch):
    from tracker.cli import data as cli_data

    class Terminal(io.StringIO):
        def isatty(self) -> bool:
            return True

    items = list(range(cli_data.PROGRESS_FROM))
    assert cli_data._progress(items, "Reading") is items  # not a terminal: untouched, silent
    terminal = Terminal()
    monkeypatch.setattr(sys, "stderr", terminal)
    assert list(cli_data._progress(items, "Reading")) == items
    assert "Reading" in terminal.getvalue()
    assert cli_data._progress(items[:10], "Reading") == items[:10]  # short: no bar


# ---------------------------------------------------------------- any diary survives the trip

_NAMES = list(regions.NAMES)
_days = st.dates(min_value=dt.date(2015, 1, 1), max_value=TODAY)
_regions = st.lists(st.sampled_from(_NAMES), unique=True, max_size=3).map(tuple)


@st.composite
def _entries(draw: st.DrawFn) -> Entry:
    day = draw(_days)
    sites = draw(st.lists(st.tuples(st.sampled_from(_NAMES), st.none() | st.integers(0, 10)),
                          max_size=3, unique_by=lambda s: s[0]))  # fmt: skip
    return domain.new_entry(
        day,
        draw(st.integers(0, 10)),
        dt.datetime.combine(day, dt.time()) + dt.timedelta(seconds=draw(st.integers(0, 3 * 86400))),
        where=tuple(Site(region, level) for region, level in sites),
        radiates=draw(_regions),
        numb=draw(_regions),
        tingling=draw(_regions),
        weak=draw(_regions),
        qualities=tuple(draw(st.lists(st.sampled_from(list(domain.QUALITIES)), unique=True))),
        red_flags=tuple(draw(st.lists(st.sampled_from(list(domain.RED_FLAGS)), unique=True))),
        note=draw(st.none() | st.text(max_size=30)),
    )


@pytest.fixture(scope="module")
def empty_diary(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("template") / "empty.sqlite3"
    Database(f"sqlite:///{path}").engine().dispose()
    return path


@settings(
    max_examples=25, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(entries=st.lists(_entries(), max_size=6).map(lambda es: es + es[:1]))
def test_any_diary_survives_json_and_csv_round_trips(empty_diary, tmp_path_factory, entries):
    folder = tmp_path_factory.mktemp("trip")
    paths = {name: folder / f"{name}.sqlite3" for name in ("source", "json", "csv")}
    for path in paths.values():
        shutil.copy(empty_diary, path)
    _store(paths["source"], entries)
    runner = CliRunner()

    def tracker(db: Path, *args: str) -> bytes:
        result = runner.invoke(cli, ["--db", str(db), *args])
        assert result.exit_code == 0, result.output
        return result.stdout_bytes

    for fmt in ("json", "csv"):
        exported = folder / f"diary.{fmt}"
        exported.write_bytes(tracker(paths["source"], "export", "--format", fmt))
        tracker(paths[fmt], "import", str(exported))
        assert _diary(paths[fmt])[0] == _diary(paths["source"])[0]
        tracker(paths[fmt], "import", str(exported))  # again: adds nothing
        assert len(_diary(paths[fmt])[0]) == len(entries)
    json_again = tracker(paths["json"], "export", "--format", "json")
    assert json_again == (folder / "diary.json").read_bytes()
