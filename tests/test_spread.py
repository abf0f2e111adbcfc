"""Symptom-spread findings (tracker.analysis.spread) and their sentences (tracker.wording)."""

from __future__ import annotations

import datetime as dt

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from tracker.analysis.calendar import DayZero
from tracker.analysis.spread import (
    BackLegSummary,
    Completeness,
    EventChange,
    MonthRow,
    NewSymptom,
    Reach,
    RedFlagEntry,
    Spread,
    Window,
    completeness,
    monthly_table,
    region_month_counts,
    symptom_spread,
)
from tracker.domain import Entry, Site, new_entry, new_event
from tracker.regions import REGIONS
from tracker.wording import (
    _reach_phrases,
    back_leg_sentence,
    best_label,
    completeness_sentence,
    event_sentence,
    last_days_sentence,
    new_symptom_sentence,
    new_symptoms_line,
    numb_roots,
    reach_same_sentence,
    reach_sentence,
    red_flags_sentence,
    skin_area_phrase,
    spread_sentences,
    too_early_to_compare,
)

DAY0 = dt.date(2025, 1, 6)
AS_OF_DAY = 83  # the last day of week 11
SURGERY = DayZero(DAY0, "surgery")


def day(n: int) -> dt.date:
    return DAY0 + dt.timedelta(days=n)


def entry(n: int, pain: int = 4, late: int = 0, hour: int = 9, **fields: object) -> Entry:
    """An entry for day n, typed that day at `hour` (or `late` days later)."""
    typed = dt.datetime.combine(day(n + late), dt.time(hour))
    return new_entry(day(n), pain, typed, **fields)  # type: ignore[arg-type]


def weekly_diary(weeks: int, symptom_weeks: set[int], kind: str, region: str) -> list[Entry]:
    """Entries on 4 days of every week; the symptom on each of them in symptom_weeks."""
    entries = []
    for week in range(weeks):
        for d in range(4):
            fields = {kind: (region,)} if week in symptom_weeks else {}
            entries.append(entry(week * 7 + d, **fields))
    return entries


def spread(
    entries: list[Entry],
    best: tuple[float, float] | None = None,
    as_of: int = AS_OF_DAY,
    events=(),  # type: ignore[no-untyped-def]
    bin_days: int = 7,
) -> Spread:
    """The findings with day 0 at DAY0 and, when given, the verdict's best bin centres."""
    return symptom_spread(
        entries, list(events), SURGERY, day(as_of), best_centres=best, bin_days=bin_days
    )


BEST = (10.0, 17.0)  # a post-op best window over weeks 1-2


# ---------------------------------------------------------------- new symptoms


def test_new_numbness_after_clear_weeks_is_reported_with_its_numbers() -> None:
    result = spread(weekly_diary(12, set(range(6, 12)), "numb", "left-foot"))
    [found] = result.new_symptoms
    assert found == NewSymptom(
        kind="numb",
        region="left-foot",
        onset=day(42),
        onset_day=42,
        last_seen=day(80),
        weeks_clear_before=6,
        weeks_present=6,
        weeks_since=6,
        returned=False,
    )
    sentence = new_symptom_sentence(found, result.as_of)
    assert sentence == (
        "New numbness in the left foot since about 17 February 2025 (present 6 of "
        "the 6 usable weeks since, of about 6; absent for the 6 weeks before)."
    )
    assert sentence in spread_sentences(result)


@pytest.mark.parametrize(
    ("clear", "present", "detected"),
    [(4, 2, True), (3, 2, False), (4, 1, False), (8, 1, False), (0, 12, False)],
)
def test_new_symptom_needs_four_clear_weeks_then_two_weeks(
    clear: int, present: int, detected: bool
) -> None:
    weeks = set(range(clear, clear + present))
    result = spread(weekly_diary(12, weeks, "tingling", "right-hand"))
    assert bool(result.new_symptoms) is detected


def test_present_from_the_start_is_not_new() -> None:
    result = spread(weekly_diary(12, set(range(12)), "radiates", "left-calf"))
    assert result.new_symptoms == ()


def test_one_week_then_gone_is_not_new() -> None:
    result = spread(weekly_diary(12, {6}, "weak", "left-ankle"))
    assert result.new_symptoms == ()


def test_a_week_with_too_few_logged_days_does_not_count_as_persisting() -> None:
    entries = weekly_diary(7, set(), "numb", "left-foot")
    entries += [entry(7 * 7, numb=("left-foot",)), entry(7 * 7 + 1, numb=("left-foot",))]
    entries += [entry(8 * 7 + d, numb=("left-foot",)) for d in range(4)]
    entries += [entry(9 * 7 + d) for d in range(4)]
    assert spread(entries).new_symptoms == ()  # week 7 has 2 logged days: one valid week
    entries += [entry(7 * 7 + 2, numb=("left-foot",))]  # week 7 now valid: two valid weeks
    [found] = spread(entries).new_symptoms
    assert (found.onset_day, found.weeks_clear_before) == (49, 7)
    assert (found.weeks_present, found.weeks_since) == (2, 3)


def test_a_symptom_back_after_clear_weeks_is_reported_as_returned_and_stale() -> None:
    result = spread(weekly_diary(16, {0, 1, 6, 7, 8}, "numb", "left-foot"), as_of=16 * 7 - 1)
    [found] = result.new_symptoms
    assert found.returned is True
    assert new_symptom_sentence(found, result.as_of) == (
        "Numbness returned in the left foot about 17 February 2025 (present 3 of the 10 usable "
        "weeks since, of about 10; absent for the 4 weeks before; not logged since 6 March 2025)."
    )


def test_radiation_spreading_down_a_limb_shares_one_page_one_sentence() -> None:
    entries = []
    for week in range(14):
        path = ("left-buttock", "left-thigh", "left-calf")[: max(0, (week - 4) // 3)]
        entries += [entry(week * 7 + d, radiates=path) for d in range(4)]
    result = spread(entries, as_of=14 * 7 - 1)
    assert [f.region for f in result.new_symptoms] == ["left-buttock", "left-thigh"]
    assert spread_sentences(result)[1] == (
        "New radiating pain into the left leg, region by region: the left buttock since about "
        "24 February 2025 (7 of 7 usable weeks since, of about 7) and the left thigh since about "
        "17 March 2025 (4 of 4 usable weeks since, of about 4); each absent for at least 7 weeks "
        "before."
    )


def test_page_four_says_every_new_symptom_in_one_line_with_its_weeks() -> None:
    """The compact line keeps each finding's onset, weeks present of the usable weeks since
    and of the weeks elapsed, and the clear weeks before; a spread along a limb once."""
    entries = []
    for week in range(14):
        path = ("left-buttock", "left-thigh", "left-calf")[: max(0, (week - 4) // 3)]
        entries += [entry(week * 7 + d, radiates=path) for d in range(4)]
    result = spread(entries, as_of=14 * 7 - 1)
    assert new_symptoms_line(result.new_symptoms, result.as_of) == (
        "New (weeks present of the usable weeks since, of the weeks elapsed): radiating pain "
        "into the left buttock from about 24 Feb 2025 (7 of 7, of 7), thigh from about 17 Mar "
        "2025 (4 of 4, of 4), each absent 7+ weeks before."
    )
    back = spread(weekly_diary(16, {0, 1, 6, 7, 8}, "numb", "left-foot"), as_of=16 * 7 - 1)
    assert new_symptoms_line(back.new_symptoms, back.as_of) == (
        "New (weeks present of the usable weeks since, of the weeks elapsed): numbness "
        "returned in the left foot from about 17 Feb 2025 (3 of 10, of 10; not logged since 6 "
        "March 2025), absent 4 weeks before."
    )
    assert new_symptoms_line((), back.as_of) is None


# ---------------------------------------------------------------- reach


def reach_diary(best: dict[str, tuple[str, ...]], now: dict[str, tuple[str, ...]]) -> list[Entry]:
    """4 days a week for 12 weeks; symptoms in weeks 1-2 (the best) and 6-11 (the last 6)."""
    entries = []
    for week in range(12):
        fields = best if week in (1, 2) else now if week >= 6 else {}
        entries += [entry(week * 7 + d, **fields) for d in range(4)]
    return entries


def test_radiation_reaching_further_names_both_regions() -> None:
    entries = reach_diary({"radiates": ("left-thigh",)}, {"radiates": ("left-foot",)})
    result = spread(entries, best=BEST)
    assert result.periods is not None
    assert result.periods.best == Window(day(7), day(20))
    assert (result.periods.best_days, result.periods.best_source) == (8, "post_op_best")
    assert best_label(result) == "at best"
    [found] = result.reach
    assert found == Reach("left", "leg", "radiation", "left-foot", "left-thigh", "further")
    assert reach_sentence(found, best_label(result)) == (
        "Radiation now reaches the left foot; at best it reached the left thigh "
        "(spreading further down the leg)."
    )


def test_numbness_retreating_is_called_a_good_sign_and_tingling_is_kept_apart() -> None:
    entries = reach_diary(
        {"numb": ("right-fingers",), "tingling": ("right-hand",)}, {"numb": ("right-elbow",)}
    )
    numbness, tingling = spread(entries, best=BEST).reach
    assert (numbness.kind, numbness.direction) == ("numbness", "retreating")
    assert reach_sentence(numbness, "at best") == (
        "Numbness now reaches the right elbow; at best it reached the right fingers "
        "(retreating towards the spine, a good sign)."
    )
    # numbness is a deficit, tingling is not: never merged (docs/method.md#spread-reach)
    assert (tingling.kind, tingling.now, tingling.best) == ("tingling", None, "right-hand")


def test_the_headline_names_the_skin_area_with_the_numbness_it_belongs_to() -> None:
    # page 1 read "numbness reaches the left big toe (none at best); numbness in the left L5
    # skin area": one finding told twice. The area now goes with that side's numbness.
    entries = reach_diary({}, {"numb": ("left-big-toe", "left-top-of-foot", "right-sole")})
    result = spread(entries, best=BEST)
    assert numb_roots(result) == {"left": ["L5"], "right": ["S1"]}
    phrases = _reach_phrases(result, numb_roots(result))
    assert "numbness reaches the left big toe, in the L5 skin area (none at best)" in phrases
    assert skin_area_phrase(result) == "numbness in the left L5, right S1 skin areas"
    assert skin_area_phrase(result, said={"left"}) == "numbness in the right S1 skin area"
    assert skin_area_phrase(result, said={"left", "right"}) is None


def test_reach_absent_at_best_and_gone_now() -> None:
    entries = reach_diary({"radiates": ("right-thigh",)}, {"radiates": ("left-calf",)})
    sentences = [reach_sentence(f, "at best") for f in spread(entries, best=BEST).reach]
    assert sentences == [
        "Radiation now reaches the left calf; at best there was none (spreading further down "
        "the leg).",
        "Radiation no longer reaches the right leg; at best it reached the right thigh "
        "(retreating towards the spine, a good sign).",
    ]


def test_reach_at_the_same_level_is_not_a_change_and_is_said_once() -> None:
    # The 10-year diary's page 1 said nothing of how far down pain and numbness reach, as
    # they reached as far as at best: one of the six answers missing. Said, in one line.
    entries = reach_diary(
        {"radiates": ("left-calf",), "numb": ("left-foot",)},
        {"radiates": ("left-shin", "left-hip"), "numb": ("left-foot",), "tingling": ("left-toes",)},
    )
    result = spread(entries, best=BEST)
    assert [(r.kind, r.direction) for r in result.reach] == [("tingling", "further")]
    assert result.reach_same == (
        Reach("left", "leg", "radiation", "left-shin", "left-calf", "same"),
        Reach("left", "leg", "numbness", "left-foot", "left-foot", "same"),
    )
    assert reach_same_sentence(result.reach_same, best_label(result)) == (
        "Radiation reaches the left shin and numbness the left foot: as far down as at best."
    )
    assert reach_same_sentence((), "at best") is None


def test_a_diary_of_under_12_weeks_is_not_compared_with_a_best_that_is_now() -> None:
    # Five weeks after surgery, leg pain rising with radiation to the foot: the first 6
    # weeks and the last 6 are the same days, and page 1 read "similar ... in the first 6
    # weeks after surgery back pain was 3/10" and "as far down as in the first 6 weeks".
    entries = [
        entry(d, 3, where=(Site("lower-back", 3), Site("left-calf", 2 + d // 6)),
              radiates=("left-thigh", "left-foot"), numb=("left-big-toe",))
        for d in range(14, 35)
    ]  # fmt: skip
    result = spread(entries, as_of=34)
    assert result.periods is not None and not result.periods.apart
    assert result.periods.recent == Window(DAY0, day(34))  # not from before the surgery
    assert result.reach == () and result.reach_same == ()
    assert result.back_leg is not None
    assert (result.back_leg.best.back_median, result.back_leg.best.leg_median) == (None, None)
    assert too_early_to_compare(result) == (
        "Too early to compare now with a best period: all 35 days since surgery fall within "
        "the last 6 weeks."
    )
    assert back_leg_sentence(result.back_leg, best_label(result)).endswith("in the last 6 weeks.")
    # the rise within those weeks is said, the last 7 days against the days before them
    assert last_days_sentence(result) == (
        "Last 7 days against the 28 days before them since surgery: leg 5 -> 7, back 3 -> 3"
        " (medians of daily pain)."
    )
    later = spread([*entries, *(entry(d, 4) for d in range(35, 100))], as_of=99)
    assert later.last_days is None and last_days_sentence(later) is None
    assert later.periods is not None and later.periods.apart
    assert too_early_to_compare(later) is None


def test_without_a_best_window_the_first_six_weeks_are_used_and_named() -> None:
    entries = reach_diary({"radiates": ("left-thigh",)}, {"radiates": ("left-foot",)})
    result = spread(entries)
    assert result.periods is not None and result.periods.best_source == "first_6_weeks"
    assert result.periods.best.end == day(41)
    assert reach_sentence(result.reach[0], best_label(result)) == (
        "Radiation now reaches the left foot; in the first 6 weeks after surgery it reached "
        "the left thigh (spreading further down the leg)."
    )


def test_fourteen_day_bins_widen_the_best_window_to_whole_bins() -> None:
    result = spread(reach_diary({}, {}), best=(6.5, 20.5), bin_days=14)
    assert result.periods is not None and result.periods.best == Window(day(0), day(27))


# ---------------------------------------------------------------- back pain and leg pain


def located(n: int, back: int | None, leg: int | None, pain: int = 5) -> Entry:
    sites = []
    if back is not None:
        sites.append(Site("lower-back", back))
    if leg is not None:
        sites += [Site("left-calf", leg), Site("left-thigh", max(0, leg - 2))]
    return entry(n, pain, where=tuple(sites))


def test_back_and_leg_medians_and_which_dominates() -> None:
    entries = [located(d, 3, 2) for d in range(7, 21)]  # the best: back 3, leg 2
    entries += [located(d, 4, 6) for d in range(42, 84)]  # the last 6 weeks: back 4, leg 6
    entries += [located(50, None, 8, pain=8), entry(51, where=(Site("left-calf"),))]
    found = spread(entries, best=BEST)
    result = found.back_leg
    assert result is not None and result.n_entries == 57
    assert result.recent == BackLegSummary(4.0, 6.0, 42, 42)
    assert result.best == BackLegSummary(3.0, 2.0, 14, 14)
    assert result.dominant == "leg"
    assert back_leg_sentence(result, best_label(found)) == (
        "Leg pain (median 6/10) now exceeds back pain (4/10) in the last 6 weeks; at best leg "
        "pain was 2/10 and back pain was 3/10."
    )
    month1 = found.monthly[1]
    assert month1.month_index == 1 and month1.start == day(30)
    assert (month1.back_median, month1.leg_median) == (4.0, 6.0)
    assert [m.month_index for m in found.monthly] == [0, 1, 2]


def test_back_leg_daily_means_and_similar_levels() -> None:
    entries = [located(d, 5, 5) for d in range(42, 84)]
    entries += [located(60, 3, 7, pain=6)]  # same day: daily means 4 and 6, medians unchanged
    result = spread(entries).back_leg
    assert result is not None
    assert (result.recent.back_median, result.dominant) == (5.0, "similar")
    assert back_leg_sentence(result, "at best").startswith(
        "Back and leg pain are similar in the last 6 weeks (back 5/10, leg 5/10, medians)"
    )


def test_back_leg_is_absent_with_too_few_located_ratings() -> None:
    entries = [located(d, 3, 4) for d in range(4)] + [entry(d) for d in range(4, 40)]
    assert spread(entries).back_leg is None


# ---------------------------------------------------------------- red flags


def test_red_flags_are_listed_by_date_and_come_first() -> None:
    entries = weekly_diary(12, set(), "numb", "left-foot")
    entries += [
        entry(10, 8, hour=20, red_flags=("bladder", "saddle-numbness")),
        entry(10, 8, hour=21, red_flags=("bladder",)),
        entry(30, 9, red_flags=("fever",)),
    ]
    result = spread(entries)
    assert result.red_flags == (
        RedFlagEntry(day(10), ("bladder", "saddle-numbness")),
        RedFlagEntry(day(10), ("bladder",)),
        RedFlagEntry(day(30), ("fever",)),
    )
    assert (
        red_flags_sentence(result.red_flags)
        == spread_sentences(result)[0]
        == (
            "Red-flag symptoms were logged on 2 days: 16 January 2025 (new trouble passing or "
            "holding urine, numbness between the legs or around the back passage); 5 February 2025 "
            "(fever of 38.3 C / 101 F or more)."
        )
    )


def test_no_red_flags_is_said_first_too() -> None:
    result = spread(weekly_diary(12, set(), "numb", "left-foot"))
    assert result.red_flags == ()
    assert spread_sentences(result)[0] == "No red-flag symptoms were logged in this period."


# ---------------------------------------------------------------- events


def test_event_before_and_after_medians() -> None:
    entries = [entry(d, 6) for d in range(30, 44)] + [entry(44, 9)]
    entries += [entry(d, 3) for d in range(45, 55)] + [entry(45, 5, hour=20)]
    injection = new_event(day(44), "injection", "L5 transforaminal epidural steroid injection")
    surgery = new_event(DAY0, "surgery", "L4-L5 fusion", levels=("L4-L5",))
    outside = new_event(day(200), "medication-start", "Pregabalin 75 mg")
    [found] = spread(entries, events=[surgery, injection, outside]).events
    assert found == EventChange(injection, 44, 6.0, 3.0, 14, 10, -3.0, after_span=10)
    assert event_sentence(found) == (
        "L5 transforaminal epidural steroid injection (injection, 19 February "
        "2025): median daily pain 6/10 in the 14 days before (14 days logged) and 3/10 in the "
        "14 days after (10 days logged), a change of -3.0 (descriptive, not causal)."
    )


def test_an_events_change_is_the_difference_of_the_medians_as_printed() -> None:
    # The 10-year report printed "4.5/10 ... 4.2/10, a change of -0.2": 4.45 and 4.24
    # round to 4.5 and 4.2, whose difference a reader takes as -0.3.
    injection = new_event(day(44), "injection", "Epidural steroid")
    found = EventChange(injection, 44, 4.45, 4.24, 14, 14, 4.24 - 4.45)
    assert "4.5/10 in the 14 days before" in event_sentence(found)
    assert "4.2/10 in the 14 days after (14 days logged), a change of -0.3 " in (
        event_sentence(found)
    )
    same = EventChange(injection, 44, 5.0, 5.04, 14, 14, 0.04)
    assert "a change of 0.0 " in event_sentence(same)


def test_event_with_too_few_days_on_one_side_says_so() -> None:
    entries = [entry(d, 5) for d in range(20, 40)] + [entry(41, 4), entry(43, 4)]
    ev = new_event(day(40), "medication-start", "Pregabalin 75 mg twice daily")
    [found] = spread(entries, events=[ev], as_of=45).events
    assert (found.before_days, found.after_days, found.change) == (14, 2, None)
    assert found.after_median is None
    assert event_sentence(found) == (
        "Pregabalin 75 mg twice daily (medication started, 15 February 2025): too few days "
        "logged to compare pain before and after (14 of the 14 days before, 2 of the 14 after; "
        "at least 3 needed on each side) (descriptive, not causal)."
    )


def test_an_earlier_surgery_within_the_diary_is_an_event() -> None:
    entries = [entry(d, 5) for d in range(-20, 40)]
    earlier = new_event(day(-10), "surgery", "L5-S1 discectomy")
    [found] = spread(entries, events=[earlier, new_event(DAY0, "surgery", "fusion")]).events
    assert (found.day, found.before_days, found.after_days) == (-10, 10, 14)


# ---------------------------------------------------------------- completeness


def test_completeness_counts_days_backfilled_entries_and_the_longest_gap() -> None:
    entries = [entry(d) for d in range(0, 10)] + [entry(3, hour=21)]
    entries += [entry(d, late=2) for d in (20, 21)] + [entry(25, late=1)]
    result = completeness(entries, day(29))
    assert result == Completeness(
        day(0), day(29), 30, 13, 13 / 30, 14, 3, 3 / 14, 10, (day(20), day(21), day(25))
    )
    assert completeness_sentence(result) == (
        "Logged on 13 of 30 days (43 %); 3 entries were back-filled (typed on a "
        "later day); the longest gap without an entry was 10 days."
    )


def test_completeness_over_the_since_until_span() -> None:
    entries = [entry(d) for d in range(5, 15)]
    result = symptom_spread(
        entries, [], SURGERY, day(20), period_start=day(0), period_end=day(14)
    ).completeness
    assert (result.days_in_period, result.days_logged, result.longest_gap_days) == (15, 10, 5)
    assert completeness_sentence(result) == (
        "Logged on 10 of 15 days (67 %); no entries were back-filled; the longest gap without "
        "an entry was 5 days."
    )
    assert completeness_sentence(completeness([], day(20))) == "No entries in this period."
    assert completeness([entry(0), entry(1)], day(20)).longest_gap_days == 19  # up to as-of


# ---------------------------------------------------------------- by month


def test_monthly_table_numbers() -> None:
    entries = [
        entry(0, 6, where=(Site("lower-back", 6),)),
        entry(0, 8, hour=20, radiates=("left-thigh",)),  # day 0: daily mean 7, worst 8
        entry(1, 4, tingling=("left-foot",), where=(Site("lower-back", 4), Site("left-calf", 2))),
        entry(2, 3),
        entry(-3, 10),  # before day 0: not in the table
        entry(65, 2, numb=("left-foot",)),
    ]
    rows = monthly_table(entries, DAY0)
    assert [r.month_index for r in rows] == [0, 1, 2]
    assert rows[0] == MonthRow(
        month_index=0,
        start=DAY0,
        days_logged=3,
        entries=4,
        median=4.0,
        mean=pytest.approx(14 / 3),
        worst=8,
        radiation_share=pytest.approx(1 / 3),
        numbness_share=0.0,
        tingling_share=pytest.approx(1 / 3),
        back_median=5.0,
        leg_median=2.0,
        back_days=2,
        leg_days=1,
    )
    assert rows[1] == MonthRow(1, day(30), 0, 0)  # a month without entries: no figures
    assert (rows[2].median, rows[2].numbness_share, rows[2].back_median) == (
        2.0,
        1.0,
        None,
    )


def test_region_month_counts_counts_days_per_kind() -> None:
    entries = [
        entry(0, where=(Site("lower-back", 5),), radiates=("left-thigh",)),
        entry(0, hour=20, radiates=("left-thigh",)),
        entry(1, numb=("left-foot",), tingling=("left-toes",)),
        entry(2, tingling=("left-foot",), weak=("left-ankle",)),
        entry(31, radiates=("left-thigh", "left-calf")),
        entry(-1, radiates=("left-foot",)),
    ]
    assert region_month_counts(entries, DAY0) == {
        "pain": {"lower-back": {0: 1}},
        "radiates": {"left-calf": {1: 1}, "left-thigh": {0: 1, 1: 1}},
        "numb": {"left-foot": {0: 1}},
        "tingling": {"left-foot": {0: 1}, "left-toes": {0: 1}},
        "weak": {"left-ankle": {0: 1}},
    }


# ---------------------------------------------------------------- the whole result


def test_the_sentences_come_red_flags_first_and_completeness_last() -> None:
    entries = reach_diary({"radiates": ("left-thigh",)}, {"radiates": ("left-foot",)})
    entries += [entry(70, red_flags=("wound",))]
    ev = new_event(day(30), "physical-therapy", "Physiotherapy")
    result = spread(entries, best=BEST, events=[ev])
    sentences = spread_sentences(result)
    assert sentences[0].startswith("Red-flag symptoms were logged on 1 day")
    assert sentences[1:] == [
        new_symptom_sentence(result.new_symptoms[0], result.as_of),
        reach_sentence(result.reach[0], "at best"),
        event_sentence(result.events[0]),
        completeness_sentence(result.completeness),
    ]
    assert result.day0 == SURGERY
    assert result.region_months["radiates"]["left-foot"] == {1: 12, 2: 12}


def test_without_a_day_zero_there_are_no_periods_or_months() -> None:
    entries = [entry(d + 3) for d in range(30)]
    result = symptom_spread(entries, [], DayZero(day(3), "first_entry"), day(40))
    assert best_label(result) == "in the first 6 weeks after the diary began"
    empty = symptom_spread([], [], None, day(40))
    assert empty.periods is None and empty.monthly == () and empty.region_months == {}
    assert spread_sentences(empty) == [
        "No red-flag symptoms were logged in this period.",
        "No entries in this period.",
    ]


_LIMB_REGIONS = sorted(n for n, r in REGIONS.items() if r.limb == "leg" and r.side == "left")


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(
    st.lists(
        st.tuples(
            st.integers(-10, 120),
            st.integers(0, 10),
            st.sampled_from(["radiates", "numb", "tingling", "weak"]),
            st.lists(st.sampled_from(_LIMB_REGIONS), max_size=3),
        ),
        max_size=150,
    )
)
def test_any_diary_gives_consistent_findings(rows: list) -> None:
    entries = [entry(n, pain, **{kind: tuple(dict.fromkeys(r))}) for n, pain, kind, r in rows]
    result = symptom_spread(entries, [], SURGERY, day(120))
    for found in result.new_symptoms:
        assert found.weeks_clear_before >= 4
        assert 2 <= found.weeks_present <= found.weeks_since
        assert found.onset_day >= 0
    for reach in result.reach:
        assert reach.direction in ("further", "retreating")
    assert 0 <= result.completeness.share_logged <= 1
    assert all(sentence.endswith(".") for sentence in spread_sentences(result))


def test_every_symptom_field_of_an_entry_is_followed_for_new_symptoms() -> None:
    """A new region field (domain.FIELDS) must be given its new-symptom words here too."""
    from tracker.analysis.spread import NEW_KINDS
    from tracker.domain import SYMPTOM_KINDS
    from tracker.wording import NEW_SYMPTOM_WORDS

    assert set(NEW_KINDS) == set(SYMPTOM_KINDS) == set(NEW_SYMPTOM_WORDS)
