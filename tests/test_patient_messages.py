"""What a new patient meets when they type a little wrong: `tracker med`, `dose`, `week`,
`response` and `summary` answer in one line, exit 1 for a bad value and 2 for a mistyped
command, write nothing, and never show a traceback."""

from __future__ import annotations

import json

import pytest


def _meds(run) -> list[dict]:
    result = run("med", "list", "--json")
    assert result.exit_code == 0, result.output
    return json.loads(result.output)


@pytest.mark.parametrize(
    ("name", "typed", "strength", "unit"),
    [
        ("pregabalin", ["75", "mg"], 75, "mg"),
        ("fentanyl", ["25", "mcg/h"], 25, "mcg/h"),
        ("buprenorphine", ["0.5", "MG"], 0.5, "mg"),
        ("pregabalin", ["10", "milligrams"], 10, "mg"),
    ],
)
def test_a_strength_typed_with_a_space_before_its_unit_is_accepted(
    run, name, typed, strength, unit
):
    result = run("med", "add", name, "--strength", *typed)
    assert result.exit_code == 0, result.output
    [medicine] = _meds(run)
    assert (medicine["strength"], medicine["unit"]) == (strength, unit)


def test_the_unit_may_come_apart_in_med_change_and_in_a_dose_too(run):
    assert run("med", "add", "oxycodone", "--strength", "5", "mg").exit_code == 0
    changed = run("med", "change", "oxycodone", "--strength", "10", "mg", "--date", "2026-11-24")
    assert changed.exit_code == 0, changed.output
    assert "5 mg -> 10 mg" in changed.output
    dose = run("dose", "oxycodone", "5", "mg", "--at", "08:00")
    assert dose.exit_code == 0, dose.output
    assert dose.output.startswith("Logged dose 1: oxycodone 5 mg on 2026-11-24 at 08:00.")


def test_a_word_after_the_number_that_is_no_unit_says_how_to_write_it(run, diary):
    result = run("med", "add", "pregabalin", "--strength", "75", "milligramz")
    assert result.exit_code == 2
    assert result.output == (
        "Error: '75 milligramz': write the strength with its unit as one word, 75mg, or in"
        " quotes, \"75 mg\" (units: mg, mcg, mcg/h) (see 'tracker med add --help')\n"
    )
    assert not diary.exists()
