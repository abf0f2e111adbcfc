"""Medicines (issue 10): regimens, doses, MME, through the real command group; the pure
rules; the upgrade of a schema-0005 diary."""

from __future__ import annotations

import json
import shutil
import sqlite3
from pathlib import Path

import pytest
from support import TODAY

from tracker import medicines
from tracker.db import SCHEMA_HEAD
from tracker.errors import TrackerError
from tracker.medicines import MME_CAVEAT

FIXTURES = Path(__file__).parent / "fixtures"


def _ok(result):
    assert result.exit_code == 0, result.output
    return result.output


def _refused(result, *words):
    assert result.exit_code == 1, result.output
    lines = [line for line in result.output.splitlines() if line.startswith("Error:")]
    assert len(lines) == 1, result.output
    for word in words:
        assert word in lines[0], lines[0]
    assert "Traceback" not in result.output
    return lines[0]


def _rows(db_path: Path, table: str) -> int:
    if not db_path.exists():
        return 0
    conn = sqlite3.connect(db_path)
    try:
        return conn.execute(f"SELECT count(*) FROM {table}").fetchone()[0]
    except sqlite3.OperationalError:
        return 0
    finally:
        conn.close()


@pytest.fixture
def meds(run):
    _ok(run("med", "add", "pregabalin", "--strength", "75mg", "--schedule", "twice daily",
            "--date", "2026-11-01"))  # fmt: skip
    _ok(run("med", "add", "OxyNorm", "--strength", "5 mg", "--as-needed", "--date", "2026-11-01"))
    return run


# ---------------------------------------------------------------- regimens


def test_med_add_lists_the_regimen_and_marks_its_start_on_the_timeline(meds):
    listed = json.loads(_ok(meds("med", "list", "--json")))
    shown = [(r["name"], r["ingredient"], r["strength"], r["unit"], r["as_needed"]) for r in listed]
    assert shown == [
        ("pregabalin", "pregabalin", 75.0, "mg", False),
        ("OxyNorm", "oxycodone", 5.0, "mg", True),
    ]  # fmt: skip
    assert listed[0]["schedule"] == "twice daily" and listed[0]["started"] == "2026-11-01"
    assert (listed[0]["mme_factor"], listed[1]["mme_factor"]) == (None, 1.5)
    events = _ok(meds("event", "list"))
    assert "2026-11-01 medication-start - pregabalin 75 mg, twice daily" in events
    assert "medication-start - OxyNorm (oxycodone) 5 mg, as needed" in events
    text = _ok(meds("med", "list"))
    assert "OxyNorm (oxycodone) 5 mg, as needed  from 2026-11-01  [opioid: 1.5 MME per mg]" in text
    assert MME_CAVEAT in text  # every MME figure comes with the caveat


def test_adding_an_opioid_says_its_factor_and_the_caveat(run):
    said = _ok(run("med", "add", "OxyContin", "--strength", "10mg", "--schedule", "twice daily"))
    assert "oxycodone is an opioid: 1.5 MME per mg." in said and MME_CAVEAT in said


def test_a_misspelt_medicine_is_kept_and_the_known_name_it_is_closest_to_is_offered(run):
    said = _ok(run("med", "add", "tramadl", "--strength", "50mg", "--as-needed"))
    assert "'tramadl' is not in tracker's table of medicines" in said
    assert "if you meant tramadol, 'tracker undo' takes this back" in said
    unknown = _ok(run("med", "add", "zzqx", "--strength", "5mg"))
    assert "(if it is an opioid, check its spelling)" in unknown


@pytest.mark.parametrize(
    ("strength", "words"),
    [("5kg", ["unknown unit 'kg'", "mg, mcg, mcg/h"]), ("5", ["needs its unit", "mg, mcg"]),
     ("lots", ["not accepted", "75mg"]), ("0mg", ["more than 0"])],
)  # fmt: skip
def test_a_bad_strength_is_refused_and_nothing_is_written(run, db_path, strength, words):
    _refused(run("med", "add", "pregabalin", "--strength", strength), *words)
    assert _rows(db_path, "medications") == 0 and _rows(db_path, "events") == 0


def test_the_same_medicine_twice_is_refused_but_scheduled_and_as_needed_may_share_it(meds):
    _refused(meds("med", "add", "Lyrica", "--strength", "75mg"), "already in your list",
             "med change pregabalin")  # fmt: skip
    _ok(meds("med", "add", "OxyContin", "--strength", "10mg", "--schedule", "twice daily"))
    _refused(meds("dose", "oxycodone"), "could be", "OxyNorm", "OxyContin")
    assert "OxyNorm 5 mg" in _ok(meds("dose", "oxynorm", "--at", "08:00"))


def test_med_change_keeps_the_history_and_med_stop_ends_it(meds):
    said = _ok(meds("med", "change", "pregabalin", "--strength", "150mg", "--date", "2026-11-20"))
    assert "Changed pregabalin: 75 mg -> 150 mg, from 2026-11-20." in said
    _ok(meds("med", "stop", "oxynorm", "--date", "2026-11-22"))
    history = json.loads(_ok(meds("med", "list", "--json")))
    assert [(r["strength"], r["started"], r["stopped"]) for r in history] == [
        (75.0, "2026-11-01", "2026-11-20"),
        (5.0, "2026-11-01", "2026-11-22"),
        (150.0, "2026-11-20", None),
    ]
    now = _ok(meds("med", "list"))
    assert "pregabalin 150 mg" in now and "OxyNorm" not in now and "75 mg" not in now
    events = _ok(meds("event", "list"))
    assert "2026-11-20 medication-change - pregabalin 75 mg -> 150 mg" in events
    assert "2026-11-22 medication-stop - OxyNorm stopped (was 5 mg)" in events
    _refused(meds("dose", "oxynorm"), "OxyNorm is not taken on 2026-11-24: it was stopped")
    _ok(meds("dose", "oxynorm", "--date", "2026-11-21"))  # still taken that day


def test_a_change_before_the_start_or_to_the_same_strength_is_refused(meds, db_path):
    before = _rows(db_path, "events")
    _refused(meds("med", "change", "pregabalin", "--strength", "150mg", "--date", "2026-10-01"),
             "not in your medicine list on 2026-10-01")  # fmt: skip
    _refused(meds("med", "change", "pregabalin", "--strength", "75mg"), "already 75 mg")
    _refused(meds("med", "change", "pregabalin", "--strength", "75mcg/h"), "in mg")
    assert _rows(db_path, "events") == before and _rows(db_path, "medications") == 2


# ---------------------------------------------------------------- doses


def test_a_dose_defaults_to_the_strength_and_the_time_it_is_typed(meds):
    said = _ok(meds("dose", "oxynorm"))
    assert f"Logged dose 1: OxyNorm 5 mg on {TODAY} at 21:14." in said
    assert "Opioid total that day: 7.5 MME (morphine milligram equivalents" in said
    assert MME_CAVEAT in said
    _ok(meds("dose", "Lyrica", "--date", "yesterday"))  # a brand name finds the regimen
    _ok(meds("dose", "oxycodone", "10", "--at", "08:00"))
    _ok(meds("dose", "oxynorm", "2500mcg", "--at", "12:00"))
    days = json.loads(_ok(meds("med", "doses", "--json")))
    assert days == [
        {
            "date": "2026-11-23",
            "mme": 0,
            "doses": [{"medication": "pregabalin", "amount_mg": 75.0, "at": None}],
        },
        {
            "date": "2026-11-24",
            "mme": 26.2,
            "doses": [
                {"medication": "oxycodone", "amount_mg": 10.0, "at": "08:00"},
                {"medication": "oxycodone", "amount_mg": 2.5, "at": "12:00"},
                {"medication": "oxycodone", "amount_mg": 5.0, "at": "21:14"},
            ],
        },
    ]  # fmt: skip  (17.5 mg x 1.5 = 26.25, to one decimal)
    text = _ok(meds("med", "doses", "--since", "2026-11-24"))
    assert "2026-11-24  MME  26.2  OxyNorm 10 mg 08:00, 2.5 mg 12:00, 5 mg 21:14" in text
    assert "2026-11-23" not in text and MME_CAVEAT in text


@pytest.mark.parametrize(
    ("args", "words"),
    [(("dose", "oxynorm", "-5"), ["'-5' is not accepted", "more than 0"]),
     (("dose", "oxynorm", "0"), ["more than 0"]),
     (("dose", "oxynorm", "60"), ["60 mg is more than 10x", "5 mg"]),
     (("dose", "ibuprofen"), ["'ibuprofen' is not in your medicine list", "pregabalin, OxyNorm"]),
     (("dose", "pregabalen"), ["closest: pregabalin"]),
     (("dose", "oxynorm", "--at", "25:00"), ["--at", "'25:00'", "HH:MM"]),
     (("dose", "oxynorm", "--at", "22:00"), ["2026-11-24 22:00 is in the future"]),
     (("dose", "oxynorm", "5kg"), ["unknown unit 'kg'"]),
     (("dose", "oxynorm", "--date", "2026-10-31"), ["not in your medicine list on 2026-10-31"])],
)  # fmt: skip
def test_a_bad_dose_is_refused_with_one_line_and_nothing_written(meds, db_path, args, words):
    _refused(meds(*args), *words)
    assert _rows(db_path, "doses") == 0


def test_a_dose_well_above_the_strength_is_said_back(meds):
    # "tracker dose pregabalin 750mg" of a 150 mg regimen was saved without a word.
    said = _ok(meds("dose", "pregabalin", "225mg"))
    assert said.splitlines()[1] == (
        "Note: 225 mg is 3 times the 75 mg strength in your list; saved as given ('tracker"
        " undo' takes it back)."
    )
    assert "Note:" not in _ok(meds("dose", "pregabalin", "150mg"))


def test_a_dose_on_a_new_diary_creates_nothing(run, db_path):
    _refused(run("dose", "oxycodone"))
    assert not db_path.exists()


def test_a_fentanyl_patch_counts_every_day_it_is_worn(run):
    _ok(run("med", "add", "Durogesic", "--strength", "25 mcg/h", "--date", "2026-11-21"))
    _refused(run("dose", "fentanyl"), "is a patch", "no dose to log")
    _ok(run("med", "stop", "fentanyl", "--date", "2026-11-23"))
    days = json.loads(_ok(run("med", "doses", "--json")))
    assert [(d["date"], d["mme"], d["doses"][0]["amount_mg"]) for d in days] == [
        ("2026-11-21", 60.0, 0.6),
        ("2026-11-22", 60.0, 0.6),
    ]  # fmt: skip  (25 mcg/h x 2.4; 25 mcg/h x 24 h = 0.6 mg)
    _refused(run("med", "add", "pregabalin", "--strength", "75mcg/h"), "fentanyl patch")


def test_undo_takes_back_doses_and_medicine_changes_one_by_one(meds):
    _ok(meds("dose", "pregabalin", "--date", "2026-11-21"))
    _ok(meds("med", "change", "pregabalin", "--strength", "150mg", "--date", "2026-11-20"))
    said = _ok(meds("undo"))
    assert "Undone: changed pregabalin from 75 mg to 150 mg on 2026-11-20" in said
    assert "dose of pregabalin 75 mg on 2026-11-21" in said  # what the next undo takes back
    assert [r["strength"] for r in json.loads(_ok(meds("med", "list", "--json")))] == [75.0, 5.0]
    assert "medication-change" not in _ok(meds("event", "list"))
    _ok(meds("undo"))
    assert json.loads(_ok(meds("med", "doses", "--json"))) == []
    _ok(meds("med", "stop", "pregabalin"))
    _ok(meds("undo"))
    assert json.loads(_ok(meds("med", "list", "--json")))[0]["stopped"] is None
    assert "Undone: started OxyNorm" in _ok(meds("undo"))
    assert [r["name"] for r in json.loads(_ok(meds("med", "list", "--json")))] == ["pregabalin"]


# ---------------------------------------------------------------- the pure rules


@pytest.mark.parametrize(
    ("name", "ingredient"),
    [("OxyContin", "oxycodone"), ("oxycodon", "oxycodone"), ("Vicodin", "hydrocodone"),
     ("MS Contin", "morphine"), ("Lyrica", "pregabalin"), ("Tylenol 3", "codeine"),
     ("tramadal", "tramadol"), ("Nucynta", "tapentadol"), ("Duragesic", "fentanyl"),
     ("acetaminophen", "paracetamol"), ("Something New", "something new")],
)  # fmt: skip
def test_brand_names_and_misspellings_map_to_the_ingredient(name, ingredient):
    assert medicines.ingredient_of(name) == ingredient


@pytest.mark.parametrize(
    ("ingredient", "unit", "amount", "mme"),
    [("codeine", "mg", 30, 4.5), ("hydrocodone", "mg", 10, 10), ("hydromorphone", "mg", 4, 20),
     ("methadone", "mg", 10, 47), ("morphine", "mg", 30, 30), ("oxycodone", "mg", 10, 15),
     ("oxymorphone", "mg", 10, 30), ("tapentadol", "mg", 100, 40), ("tramadol", "mg", 50, 10),
     ("fentanyl", "mcg/h", 25, 60), ("pregabalin", "mg", 75, 0), ("oxycodone", "mcg", 5000, 7.5)],
)  # fmt: skip
def test_mme_uses_the_cdc_2022_factors(ingredient, unit, amount, mme):
    regimen = medicines.Regimen(ingredient, ingredient, amount, unit, False, TODAY, id=1)
    taken = medicines.DoseTaken(regimen, TODAY, amount)
    assert taken.mme == pytest.approx(mme)


def test_dose_amounts_convert_between_mg_and_mcg_and_refuse_slips():
    regimen = medicines.new_regimen("oxycodone", "5mg", TODAY)
    assert medicines.dose_amount(None, regimen) == 5
    assert medicines.dose_amount("2.5", regimen) == 2.5
    assert medicines.dose_amount("2,5 mg", regimen) == 2.5
    assert medicines.dose_amount("500mcg", regimen) == 0.5
    assert medicines.dose_amount("50", regimen) == 50  # 10x is the limit, not past it
    with pytest.raises(TrackerError, match="more than 10x"):
        medicines.dose_amount("50.5", regimen)
    with pytest.raises(TrackerError, match="more than 0"):
        medicines.dose_amount("-1", regimen)


# ---------------------------------------------------------------- an old diary upgrades


def test_a_schema_0005_diary_upgrades_with_every_row_intact(run, tmp_path):
    old = tmp_path / "old.sqlite3"
    shutil.copy(FIXTURES / "diary-schema-0005.sqlite3", old)
    tables = ("entries", "entry_sites", "entry_terms", "events", "weekly_checks",
              "report_runs", "changes")  # fmt: skip

    def rows(path: Path) -> dict[str, list[tuple]]:
        conn = sqlite3.connect(path)
        fixture = sqlite3.connect(FIXTURES / "diary-schema-0005.sqlite3")
        found = {}
        for table in tables:
            columns = [row[1] for row in fixture.execute(f"PRAGMA table_info({table})")]
            found[table] = conn.execute(
                f"SELECT {', '.join(columns)} FROM {table} ORDER BY 1"
            ).fetchall()
        fixture.close()
        conn.close()
        return found

    before = rows(old)
    assert len(before["entries"]) > 100 and len(before["events"]) == 4
    listed = run("list", "--json", db=old)
    assert listed.exit_code == 0, listed.output
    assert "Your diary was upgraded to the current format" in listed.output
    assert rows(old) == before
    conn = sqlite3.connect(old)
    assert conn.execute("SELECT version_num FROM alembic_version").fetchone() == (SCHEMA_HEAD,)
    assert conn.execute("SELECT count(*) FROM entries WHERE time IS NOT NULL").fetchone() == (0,)
    assert conn.execute("SELECT count(*) FROM events WHERE side IS NOT NULL").fetchone() == (0,)
    conn.close()
    entries = json.loads(listed.output[listed.output.index("[") :])
    assert len(entries) == len(before["entries"])
    _ok(run("med", "add", "pregabalin", "--strength", "75mg", "--date", "2025-06-01", db=old))
    _ok(run("dose", "pregabalin", "--date", "2025-06-02", db=old))
    assert "medication-start - pregabalin 75 mg" in _ok(run("event", "list", db=old))
    # ids are never reused after the upgrade: the deleted event's id (4) stays taken
    assert "Saved event 6" in _ok(run("event", "add", "2025-07-01", "other", "x", db=old))


def test_the_mme_table_in_docs_is_the_one_the_code_uses():
    text = (Path(__file__).parent.parent / "docs" / "clinical.md").read_text(encoding="utf-8")
    table = text.split('<a id="mme"></a>', 1)[1].split("A day's MME", 1)[0]
    rows = dict(
        (name.strip(), float(factor.split()[0]))
        for name, factor in (line.strip("|").split("|")[:2] for line in table.splitlines()
                             if line.startswith("| ") and "factor" not in line)
    )  # fmt: skip
    assert rows.pop("fentanyl, transdermal patch") == medicines.FENTANYL_PATCH_FACTOR
    assert rows == medicines.MME_FACTORS
