"""Pure rules: region names and aliases, dates, pain, levels, edits."""

from __future__ import annotations

import datetime as dt

import pytest

from tracker import domain, regions
from tracker.domain import Site
from tracker.errors import TrackerError

TODAY = dt.date(2026, 11, 24)


@pytest.mark.parametrize(
    ("typed", "expected"),
    [
        ("lower-back", ("lower-back",)), ("low back", ("lower-back",)), ("Lumbar", ("lower-back",)),
        ("L calf", ("left-calf",)), ("left lower leg", ("left-calf",)), ("R foot", ("right-foot",)),
        ("right_thigh", ("right-thigh",)), ("calf-left", ("left-calf",)), ("lcalf", ("left-calf",)),
        ("both feet", ("left-foot", "right-foot")),
        ("bilateral knees", ("left-knee", "right-knee")),
        ("coccyx", ("tailbone",)), ("saddle area", ("saddle",)), ("left SI", ("left-si-joint",)),
        ("  NECK ", ("neck",)), ("left lower back", ("lower-back",)), ("rt hand", ("right-hand",)),
    ],
)  # fmt: skip
def test_aliases_resolve_to_canonical_names(typed, expected):
    assert regions.resolve(typed) == expected


def test_every_canonical_name_resolves_to_itself():
    for name in regions.NAMES:
        assert regions.resolve(name) == (name,)


def test_vocabulary_matches_design():
    sided = {
        "si-joint",
        "buttock",
        "hip",
        "groin",
        "thigh",
        "knee",
        "calf",
        "shin",
        "ankle",
        "foot",
        "toes",
        "shoulder",
        "upper-arm",
        "elbow",
        "forearm",
        "wrist",
        "hand",
        "fingers",
    }
    finer = {"front-thigh", "back-thigh", "outer-shin", "inner-shin", "top-of-foot", "sole"}
    sided |= finer | {"outer-foot", "big-toe", "little-toe"}  # issue 9: skin areas
    expected = {"neck", "upper-back", "mid-back", "lower-back", "tailbone", "saddle"} | {
        f"{side}-{base}" for side in ("left", "right") for base in sided
    }  # fmt: skip
    assert set(regions.NAMES) == expected


def test_limbs_are_ordered_proximal_to_distal():
    leg = ["si-joint", "buttock", "hip", "groin", "thigh", "knee", "calf", "ankle", "foot", "toes"]
    levels = [regions.level(f"left-{name}") for name in leg]
    assert levels == sorted(levels) and len(set(levels)) == len(levels)
    assert regions.level("left-calf") == regions.level("left-shin")
    arm = ["shoulder", "upper-arm", "elbow", "forearm", "wrist", "hand", "fingers"]
    assert [regions.level(f"right-{n}") for n in arm] == list(range(1, 8))
    assert (
        regions.farthest(["left-thigh", "left-foot", "right-toes", "lower-back"], "left", "leg")
        == "left-foot"
    )
    assert regions.farthest(["lower-back"], "left", "leg") is None


@pytest.mark.parametrize(
    ("typed", "message"),
    [
        ("lowr back", "unknown region 'lowr back'; did you mean lower-back"),
        ("left calff", "did you mean left-calf"),
        ("calf", "say which side for 'calf': left-calf, right-calf or both-calf"),
        ("spleen", "unknown region 'spleen'; 'tracker regions' lists the names accepted"),
        ("", "a region name is empty"),
    ],
)
def test_unknown_regions_suggest_the_closest(typed, message):
    with pytest.raises(TrackerError) as caught:
        regions.resolve(typed)
    assert message in caught.value.message


def test_dates():
    assert domain.parse_date("today", TODAY) == TODAY
    assert domain.parse_date("Yesterday", TODAY) == dt.date(2026, 11, 23)
    assert domain.parse_date("2026-02-28", TODAY) == dt.date(2026, 2, 28)
    for bad in ("2026-02-30", "26-1-1", "tomorrow", "2026.01", ""):
        with pytest.raises(TrackerError, match="is not a date; use YYYY-MM-DD"):
            domain.parse_date(bad, TODAY)
    with pytest.raises(TrackerError, match="2026-11-25 is in the future; today is 2026-11-24"):
        domain.parse_date("2026-11-25", TODAY)


@pytest.mark.parametrize("text", ["0", "10", "7", " 3 ", "+4"])
def test_pain_accepts_whole_numbers_0_to_10(text):
    assert domain.parse_pain(text) == int(text)


@pytest.mark.parametrize("text", ["11", "-1", "5.5", "five", "", "1e1", "100"])
def test_pain_refuses_everything_else(text):
    with pytest.raises(TrackerError, match="give a whole number from 0"):
        domain.parse_pain(text)


def test_sites_and_levels():
    assert domain.parse_sites(["lower-back=6", "left buttock", "low back=7"]) == (
        Site("left-buttock", None), Site("lower-back", 7),
    )  # fmt: skip
    assert domain.parse_levels("l4-l5, L5/S1") == ("L4-L5", "L5-S1")
    with pytest.raises(TrackerError, match="spinal level 'L6-L7' is not accepted"):
        domain.parse_levels("L6-L7")


def test_apply_changes_lists_only_what_changed():
    entry = domain.new_entry(TODAY, 6, dt.datetime(2026, 11, 24, 9), where=(Site("lower-back", 6),))
    updated, lines = domain.apply_changes(entry, {"pain": 6, "radiates": ("left-calf",)})
    assert lines == ["radiates: (none) -> left-calf"]
    assert updated.radiates == ("left-calf",) and updated.pain == 6
    assert domain.apply_changes(entry, {"pain": 6})[1] == []


def test_backfilled_means_typed_on_a_later_day():
    late = domain.new_entry(dt.date(2026, 11, 20), 5, dt.datetime(2026, 11, 22, 8))
    same = domain.new_entry(dt.date(2026, 11, 22), 5, dt.datetime(2026, 11, 22, 23, 59))
    assert late.backfilled and not same.backfilled


def test_notes_lose_control_characters_and_have_a_limit():
    entry = domain.new_entry(TODAY, 5, dt.datetime(2026, 11, 24), note=" a\x1b[31mb\x00c ")
    assert entry.note == "a[31mbc"
    with pytest.raises(TrackerError, match="the note is 2001 characters long"):
        domain.new_entry(TODAY, 5, dt.datetime(2026, 11, 24), note="x" * 2001)


def test_day_zero_is_the_latest_surgery_on_or_before():
    events = [
        domain.new_event(dt.date(2024, 1, 1), "surgery", "discectomy"),
        domain.new_event(dt.date(2025, 6, 1), "surgery", "fusion"),
        domain.new_event(dt.date(2025, 7, 1), "injection", "ESI"),
    ]
    assert domain.surgery_day_zero(events, dt.date(2025, 12, 1)) == dt.date(2025, 6, 1)
    assert domain.surgery_day_zero(events, dt.date(2025, 1, 1)) == dt.date(2024, 1, 1)
    assert domain.surgery_day_zero(events, dt.date(2023, 1, 1)) is None


def test_the_field_table_describes_every_attribute_of_an_entry_once():
    """domain.FIELDS is the one list the rest of tracker reads: it must be whole and unambiguous."""
    import dataclasses

    attributes = [a.name for a in dataclasses.fields(domain.Entry)]
    assert [f.name for f in domain.FIELDS] == [
        name for name in attributes if name not in ("day", "pain", "logged_at", "time", "id")
    ]
    for part in ("option", "label", "column"):
        values = [getattr(f, part) for f in domain.FIELDS]
        assert len(set(values)) == len(values), part
    assert not {f.column for f in domain.FIELDS} & {"id", "date", "time", "pain", "logged_at"}
    stored = [(f.multiple and f.kind != domain.TERMS, f.kind == domain.TERMS, f.stored_as)
              for f in domain.FIELDS]  # fmt: skip
    assert len(set(stored)) == len(stored)  # one kind per field in each table
    for f in domain.FIELDS:
        assert (f.vocabulary is not None) == (f.kind == domain.TERMS), f.name
        assert getattr(domain.Entry(TODAY, 0, dt.datetime(2026, 1, 1)), f.name) == f.empty


def test_entry_from_text_parses_every_field_as_typed():
    entry = domain.entry_from_text(
        TODAY,
        6,
        dt.datetime(2026, 11, 24, 9, 30, 15, 999),
        where=["low back=6", "L calf", "lower-back=7"],
        radiates=["left thigh", "both feet"],
        numb=["left-foot", "left foot"],
        tingling=[],
        weak=["R ankle"],
        qualities=["Burning", "burning", "electric"],
        red_flags=["saddle numbness"],
        note="  a\x00 note  ",
    )
    assert entry.where == (Site("left-calf"), Site("lower-back", 7))
    assert entry.radiates == ("left-thigh", "left-foot", "right-foot")
    assert entry.numb == ("left-foot",) and entry.tingling == () and entry.weak == ("right-ankle",)
    assert entry.qualities == ("burning", "electric")
    assert entry.red_flags == ("saddle-numbness",)
    assert entry.note == "a note"
    assert entry.logged_at == dt.datetime(2026, 11, 24, 9, 30, 15)
    with pytest.raises(TrackerError, match="unknown pain quality 'dul'; accepted: aching"):
        domain.entry_from_text(TODAY, 6, dt.datetime(2026, 11, 24), qualities=["dul"])
