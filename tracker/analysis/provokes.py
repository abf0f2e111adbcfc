"""What provokes the pain, how far the patient can walk, nights woken, the weekly answers and
the nerve self-check, and the pain before surgery against the pain since (issues 9 and 14).

Pure functions over the domain's objects (standard library, the domain and the regions
only). They return frozen dataclasses of numbers, dates and codes; the sentences are made
from them elsewhere. Every threshold is named below and sourced in docs/clinical.md.

Day 0 is the latest surgery (or the first entry when none is recorded); months are 30-day
steps since day 0 and "now" is the last 6 weeks to the as-of date, as in the worsening
verdict (docs/method.md).
"""

from __future__ import annotations

import datetime as dt
import statistics
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import Protocol

from tracker.activities import ACTIVITIES, EASED_BY, NOTHING
from tracker.before_surgery import PainBefore
from tracker.domain import Site
from tracker.regions import REGIONS, SIDES, farthest
from tracker.weekly import ANSWERS, NERVE_TESTS, WeeklyCheck

# Calendar, as the verdict counts it (docs/method.md#constants).
MONTH_DAYS = 30
RECENT_DAYS = 42
# A clinically important change: 2 points or 30 %, at least 1 point (docs/clinical.md#mcid).
MCID_ABS, MCID_REL, MCID_FLOOR = 2.0, 0.30, 1.0
# A movement pattern is noted when it holds on at least this share of at least this many
# days with a movement answer (docs/clinical.md#pattern-thresholds: our own convention).
PATTERN_MIN_DAYS = 10
PATTERN_SHARE = 0.6
# Night pain that nothing eases: nights in the last 4 weeks (docs/clinical.md#pattern-night).
NIGHT_WINDOW_DAYS = 28
NIGHT_MIN_NIGHTS = 3
# Epidural fibrosis: from about 6 weeks after surgery (docs/clinical.md#pattern-fibrosis).
FIBROSIS_FROM_DAYS = 42
# "Never relieved" is said from 3 months after surgery: before that, the pain of the
# operation itself is still settling (docs/clinical.md#before-after: our own convention).
NEVER_RELIEVED_FROM_DAYS = 90
# A month counts towards "best after surgery" with this many logged days.
MIN_MONTH_DAYS = 7
MIN_RECENT_DAYS = 3
# What provokes it by month (docs/clinical.md#provokes-by-month, our own conventions): a
# month's share is given when it rests on at least MONTH_MIN_ANSWERED days with movement
# answers and that pain (nights answered, for nights woken); an activity has its own row
# when it made that pain worse, or eased it, on at least ROW_MIN_SHARE of the answered days
# since day 0, at most ROW_MAX each way, the most frequent first.
MONTH_MIN_ANSWERED = 7
ROW_MIN_SHARE = 0.20
ROW_MAX = 4
# The patient's own activities: a change of 3 in one, or 2 on average, matters
# (docs/clinical.md#psfs, Stratford 1995).
GOAL_CHANGE_ONE, GOAL_CHANGE_AVERAGE = 3, 2.0

SCOPES = ("all", "back", "leg")
EASED_BY_ORDER = {name: i for i, name in enumerate(EASED_BY)}
MEASURES = ("overall", "back", "leg")
SAME_ANSWERS = ("same", "partly", "different", "no-pain")


class DiaryEntry(Protocol):
    """What the analysis reads of an entry (tracker.domain.Entry has all of it)."""

    @property
    def day(self) -> dt.date: ...
    @property
    def pain(self) -> int: ...
    @property
    def where(self) -> tuple[Site, ...]: ...
    @property
    def radiates(self) -> tuple[str, ...]: ...
    @property
    def numb(self) -> tuple[str, ...]: ...
    @property
    def qualities(self) -> tuple[str, ...]: ...
    @property
    def worse_with(self) -> tuple[str, ...]: ...
    @property
    def better_with(self) -> tuple[str, ...]: ...
    @property
    def woke(self) -> int | None: ...


# ---------------------------------------------------------------- results


@dataclass(frozen=True)
class ActivityDays:
    """On how many answered days one activity made the pain worse, or eased it."""

    activity: str
    worse_days: int
    eased_days: int


@dataclass(frozen=True)
class ScopeDays:
    """Movement answers over days with pain of one kind: all days, back-pain or leg-pain days."""

    scope: str  # "all", "back" or "leg"
    days_answered: int  # days with at least one worse-with or better-with answer
    activities: tuple[ActivityDays, ...]  # those named at least once, in vocabulary order

    def worse_share(self, activity: str) -> float:
        """Share of answered days on which the activity made it worse (0 with no days)."""
        return _share(self.counts(activity).worse_days, self.days_answered)

    def eased_share(self, activity: str) -> float:
        return _share(self.counts(activity).eased_days, self.days_answered)

    def counts(self, activity: str) -> ActivityDays:
        """The days one activity made it worse and eased it (0 and 0 when never named)."""
        for item in self.activities:
            if item.activity == activity:
                return item
        return ActivityDays(activity, 0, 0)


@dataclass(frozen=True)
class MonthMovement:
    """One month since day 0: movement answers by scope."""

    month_index: int
    start: dt.date
    scopes: tuple[ScopeDays, ...]


@dataclass(frozen=True)
class PatternNote:
    """A pattern of answers that fits one in docs/clinical.md, with the days it rests on."""

    code: str  # "stenosis", "disc", "facet", "nerve-root", "sacroiliac", "fibrosis", "night"
    scope: str  # "all", "back" or "leg"
    days: int  # days that fit
    days_answered: int  # days it was judged on
    first: dt.date  # first and last day that fit
    last: dt.date
    worse: tuple[str, ...]  # activities seen on the days that fit, vocabulary order
    eased: tuple[str, ...]

    @property
    def share(self) -> float:
        return _share(self.days, self.days_answered)


@dataclass(frozen=True)
class NightsMonth:
    """Nights woken by pain in one month since day 0."""

    month_index: int
    start: dt.date
    nights_answered: int
    nights_woken: int  # nights with at least one waking
    times: int  # wakings in all
    most: int  # the most in one night


@dataclass(frozen=True)
class MinutesPoint:
    day: dt.date
    minutes: int


@dataclass(frozen=True)
class MinutesCourse:
    """Minutes the patient can walk (sit, stand) over time, from the weekly checks."""

    measure: str  # "walk_minutes", "sit_minutes", "stand_minutes"
    points: tuple[MinutesPoint, ...]

    @property
    def first(self) -> MinutesPoint | None:
        return self.points[0] if self.points else None

    @property
    def latest(self) -> MinutesPoint | None:
        return self.points[-1] if self.points else None


@dataclass(frozen=True)
class NerveCourse:
    """One part of the nerve self-check over the weeks (docs/clinical.md#nerve-check)."""

    test: str  # "heel_walk", "toe_walk", "tripping"
    answered: int  # weeks answered yes or no
    failures: int  # weeks failed ("no"; for tripping "yes")
    latest: str | None
    latest_date: dt.date | None
    first_failure: dt.date | None  # the first week it failed
    new_failure: dt.date | None  # the first failure after an earlier success (new weakness)


@dataclass(frozen=True)
class GoalCourse:
    """One of the patient's own activities: first and latest rating (10 = as before)."""

    name: str
    first: int
    first_date: dt.date
    latest: int
    latest_date: dt.date
    ratings: int

    @property
    def change(self) -> int:
        return self.latest - self.first

    @property
    def matters(self) -> bool:
        return self.ratings > 1 and abs(self.change) >= GOAL_CHANGE_ONE


@dataclass(frozen=True)
class ClinicCourse:
    name: str
    points: tuple[tuple[dt.date, float], ...]


@dataclass(frozen=True)
class Latest:
    """The latest answer to one weekly question, and when it was given."""

    question: str
    answer: str | int | None
    day: dt.date | None


@dataclass(frozen=True)
class SkinAreaNumbness:
    """Numbness in one nerve root's skin area on one side (docs/clinical.md#dermatomes)."""

    root: str  # "L4", "L5", "S1"
    side: str
    places: tuple[str, ...]  # canonical region names, limb order
    days: int
    first: dt.date
    last: dt.date


@dataclass(frozen=True)
class WeeklyAnswers:
    """The weekly checks in the period and what they add up to."""

    checks: tuple[WeeklyCheck, ...]
    latest: tuple[Latest, ...]  # every single-valued question, in the order asked
    interference: tuple[tuple[dt.date, int], ...]
    sleep_interference: tuple[tuple[dt.date, int], ...]
    minutes: tuple[MinutesCourse, ...]  # walk, sit, stand
    nerves: tuple[NerveCourse, ...]  # heel walk, toe walk, tripping
    goals: tuple[GoalCourse, ...]
    goal_average_change: float | None  # over goals rated at least twice
    clinic_scores: tuple[ClinicCourse, ...]


@dataclass(frozen=True)
class MonthCell:
    """One month of one row: on how many of the month's answered days (nights) it held."""

    month_index: int  # 30-day months since day 0, from 0 (printed from 1: "month 1")
    days: int
    answered: int

    @property
    def share(self) -> float | None:
        """The share of the answered days; None when too few were answered to say."""
        return self.days / self.answered if self.answered >= MONTH_MIN_ANSWERED else None


@dataclass(frozen=True)
class MonthsRow:
    """One activity that made one pain worse (or eased it), or nights woken, by month."""

    scope: str  # "back", "leg", "all"; "night" for nights woken
    direction: str  # "worse", "eased"; "woke" for nights woken
    activity: str | None  # None for nights woken
    days: int  # since day 0
    answered: int
    cells: tuple[MonthCell, ...]  # one per month of MovementMonths.months

    @property
    def share(self) -> float:
        return _share(self.days, self.answered)


@dataclass(frozen=True)
class ScopeMonths:
    """Back-pain (or leg-pain) days by month: the days answered, and the activity rows."""

    scope: str
    answered: tuple[int, ...]  # days with movement answers and this pain, per month
    rows: tuple[MonthsRow, ...]  # worse-with rows, then eased-by rows


@dataclass(frozen=True)
class MovementMonths:
    """What provokes it and what eases it, month by month, back against leg, and nights."""

    months: tuple[int, ...]  # every month index from the first answered to as_of's
    partial: int | None  # the as-of month when it has not had its 30 days yet
    scopes: tuple[ScopeMonths, ...]
    nights: MonthsRow | None  # nights woken by pain, of the nights answered


@dataclass(frozen=True)
class Provokes:
    """Everything the report's section on what provokes it shows."""

    day0: dt.date | None
    as_of: dt.date
    overall: tuple[ScopeDays, ...]  # all, back, leg: since day 0
    months: tuple[MonthMovement, ...]
    patterns: tuple[PatternNote, ...]
    nights: tuple[NightsMonth, ...]
    nights_answered: int
    nights_woken: int
    skin_areas: tuple[SkinAreaNumbness, ...]
    weekly: WeeklyAnswers
    by_month: MovementMonths | None = None  # None with no movement or night answer


# ---------------------------------------------------------------- the day's answers


@dataclass(frozen=True)
class _Day:
    day: dt.date
    worse: frozenset[str]
    eased: frozenset[str]
    scopes: frozenset[str]  # "all" plus "back" and/or "leg" when that pain was logged
    woke: int | None
    sides: frozenset[str]  # sides of the located pain
    burning: bool
    pain: float


def _days(entries: Iterable[DiaryEntry]) -> dict[dt.date, _Day]:
    """Each logged day's movement answers (the union of its entries) and kinds of pain."""
    grouped: dict[dt.date, list[DiaryEntry]] = {}
    for entry in entries:
        grouped.setdefault(entry.day, []).append(entry)
    days = {}
    for day, items in grouped.items():
        scopes = {"all"}
        sides: set[str] = set()
        for entry in items:
            for site in entry.where:
                region = REGIONS.get(site.region)
                if region is None:
                    continue
                if region.group in ("back", "leg"):
                    scopes.add(region.group)
                if region.side:
                    sides.add(region.side)
            for name in entry.radiates:
                region = REGIONS.get(name)
                if region is not None and region.group == "leg":
                    scopes.add("leg")
        woken = [e.woke for e in items if e.woke is not None]
        days[day] = _Day(
            day,
            frozenset(a for e in items for a in e.worse_with),
            frozenset(a for e in items for a in e.better_with),
            frozenset(scopes),
            max(woken) if woken else None,
            frozenset(sides),
            any("burning" in e.qualities for e in items),
            sum(e.pain for e in items) / len(items),
        )
    return days


def _answered(day: _Day) -> bool:
    return bool(day.worse or day.eased)


def _scope_days(days: Iterable[_Day], scope: str) -> ScopeDays:
    chosen = [d for d in days if scope in d.scopes and _answered(d)]
    counts = []
    for activity in EASED_BY:
        worse = sum(activity in d.worse for d in chosen)
        eased = sum(activity in d.eased for d in chosen)
        if worse or eased:
            counts.append(ActivityDays(activity, worse, eased))
    return ScopeDays(scope, len(chosen), tuple(counts))


def _share(part: int, whole: int) -> float:
    return part / whole if whole else 0.0


# ---------------------------------------------------------------- patterns (docs/clinical.md)


@dataclass(frozen=True)
class _Pattern:
    code: str
    scope: str
    worse: frozenset[str]  # any of these made it worse (empty: nothing asked of worse)
    eased: frozenset[str]  # and any of these eased it (empty: nothing asked of eased)
    one_side: bool = False


PATTERNS = (
    # Neurogenic claudication: leg pain worse standing or walking, eased by sitting or bending
    # forward (docs/clinical.md#pattern-stenosis; Katz 1995, Konno 2007).
    _Pattern(
        "stenosis",
        "leg",
        frozenset({"standing", "walking"}),
        frozenset({"sitting", "bending-forward"}),
    ),
    # Disc: worse sitting, bending forward, rising (docs/clinical.md#pattern-disc-facet-si).
    _Pattern("disc", "back", frozenset({"sitting", "bending-forward"}), frozenset()),
    # Facet joints: worse bending back or twisting, eased lying down (Laslett 2006).
    _Pattern("facet", "back", frozenset({"bending-back", "twisting"}), frozenset({"lying"})),
    # Sacroiliac joint: one side, on rising from sitting (Young 2003).
    _Pattern("sacroiliac", "all", frozenset({"getting-up"}), frozenset(), one_side=True),
    # Nerve root: leg pain on coughing or sneezing (docs/clinical.md#pattern-nerve-root).
    _Pattern("nerve-root", "leg", frozenset({"coughing"}), frozenset()),
)


def _fits(pattern: _Pattern, day: _Day) -> bool:
    if pattern.worse and not pattern.worse & day.worse:
        return False
    if pattern.eased and not pattern.eased & day.eased:
        return False
    return not pattern.one_side or len(day.sides) == 1


def _note(
    code: str, scope: str, fitting: list[_Day], judged: int, activities: set[str] | None = None
) -> PatternNote:
    worse = {a for d in fitting for a in d.worse}
    eased = {a for d in fitting for a in d.eased}
    if activities is not None:
        worse, eased = worse & activities, eased & activities
    return PatternNote(
        code,
        scope,
        len(fitting),
        judged,
        min(d.day for d in fitting),
        max(d.day for d in fitting),
        tuple(a for a in ACTIVITIES if a in worse),
        tuple(a for a in EASED_BY if a in eased),
    )


def pattern_notes(days: Sequence[_Day], day0: dt.date, as_of: dt.date) -> tuple[PatternNote, ...]:
    """The movement patterns of docs/clinical.md that the answers fit, with their days."""
    notes = []
    for pattern in PATTERNS:
        judged = [d for d in days if pattern.scope in d.scopes and _answered(d)]
        fitting = [d for d in judged if _fits(pattern, d)]
        if len(judged) >= PATTERN_MIN_DAYS and _share(len(fitting), len(judged)) >= PATTERN_SHARE:
            notes.append(
                _note(
                    pattern.code,
                    pattern.scope,
                    fitting,
                    len(judged),
                    set(pattern.worse | pattern.eased),
                )
            )
    # Scar tissue: burning pain that no position changes, from about 6 weeks after surgery.
    late = [d for d in days if (d.day - day0).days >= FIBROSIS_FROM_DAYS and _answered(d)]
    same = [d for d in late if d.burning and d.eased == {NOTHING} and not d.worse]
    if len(late) >= PATTERN_MIN_DAYS and _share(len(same), len(late)) >= PATTERN_SHARE:
        notes.append(_note("fibrosis", "all", same, len(late)))
    # Night pain that nothing eases, in the last 4 weeks.
    start = as_of - dt.timedelta(days=NIGHT_WINDOW_DAYS - 1)
    recent = [d for d in days if d.day >= start and d.woke is not None]
    nights = [d for d in recent if d.woke and NOTHING in d.eased]
    if len(nights) >= NIGHT_MIN_NIGHTS:
        notes.append(_note("night", "all", nights, len(recent)))
    return tuple(notes)


# ---------------------------------------------------------------- nights, skin areas


def _nights(days: Sequence[_Day], day0: dt.date) -> tuple[NightsMonth, ...]:
    months: dict[int, list[int]] = {}
    for day in days:
        if day.woke is not None:
            months.setdefault((day.day - day0).days // MONTH_DAYS, []).append(day.woke)
    return tuple(
        NightsMonth(
            index,
            day0 + dt.timedelta(days=index * MONTH_DAYS),
            len(values),
            sum(v > 0 for v in values),
            sum(values),
            max(values),
        )
        for index, values in sorted(months.items())
    )


def skin_areas(entries: Iterable[DiaryEntry]) -> tuple[SkinAreaNumbness, ...]:
    """Numbness in each nerve root's skin area, by side (places named, days, first, last)."""
    found: dict[tuple[str, str], tuple[set[str], set[dt.date]]] = {}
    for entry in entries:
        for name in entry.numb:
            region = REGIONS.get(name)
            if region is None or region.root is None or region.side is None:
                continue
            places, days = found.setdefault((region.root, region.side), (set(), set()))
            places.add(name)
            days.add(entry.day)
    order = list(REGIONS)
    return tuple(
        SkinAreaNumbness(
            root, side, tuple(sorted(places, key=order.index)), len(days), min(days), max(days)
        )
        for (root, side), (places, days) in sorted(found.items(), key=lambda kv: kv[0])
    )


# ---------------------------------------------------------------- by month


def _rows(
    scope: str, overall: ScopeDays, months: dict[int, ScopeDays], shown: tuple[int, ...]
) -> tuple[MonthsRow, ...]:
    """The rows of one pain: the activities that matter (ROW_MIN_SHARE, ROW_MAX), worse
    first, each way the most frequent first (ties in vocabulary order)."""
    rows = []
    for direction in ("worse", "eased"):
        counts = [
            (getattr(a, f"{direction}_days"), EASED_BY_ORDER[a.activity], a.activity)
            for a in overall.activities
            if not (direction == "worse" and a.activity == NOTHING)
        ]
        chosen = [
            c
            for c in sorted(counts, key=lambda c: (-c[0], c[1]))
            if c[0] and _share(c[0], overall.days_answered) >= ROW_MIN_SHARE
        ][:ROW_MAX]
        for days, _, activity in chosen:
            cells = []
            for index in shown:
                month = months.get(index)
                found = month.counts(activity) if month else None
                cells.append(
                    MonthCell(
                        index,
                        getattr(found, f"{direction}_days") if found else 0,
                        month.days_answered if month else 0,
                    )
                )
            rows.append(
                MonthsRow(scope, direction, activity, days, overall.days_answered, tuple(cells))
            )
    return tuple(rows)


def movement_months(
    overall: Sequence[ScopeDays],
    months: Sequence[MonthMovement],
    nights: Sequence[NightsMonth],
    day0: dt.date,
    as_of: dt.date,
) -> MovementMonths | None:
    """The by-month view of the shares (docs/clinical.md#provokes-by-month): back-pain and
    leg-pain days (all days when neither pain was located), the activities that matter to
    each, and nights woken; every month from the first with an answer to as_of's."""
    answered = [m.month_index for m in months] + [n.month_index for n in nights]
    if not answered:
        return None
    last = (as_of - day0).days // MONTH_DAYS
    shown = tuple(range(min(answered), max(last, max(answered)) + 1))
    partial = last if (as_of - day0).days % MONTH_DAYS < MONTH_DAYS - 1 else None
    by_scope = {s.scope: s for s in overall}
    located = [s for s in ("back", "leg") if by_scope[s].days_answered]
    scopes = []
    for scope in located or (["all"] if by_scope["all"].days_answered else []):
        per_month = {m.month_index: s for m in months for s in m.scopes if s.scope == scope}
        scopes.append(
            ScopeMonths(
                scope,
                tuple(per_month[i].days_answered if i in per_month else 0 for i in shown),
                _rows(scope, by_scope[scope], per_month, shown),
            )
        )
    night_row = None
    if nights:
        per_night = {n.month_index: n for n in nights}
        cells = tuple(
            MonthCell(i, per_night[i].nights_woken, per_night[i].nights_answered)
            if i in per_night
            else MonthCell(i, 0, 0)
            for i in shown
        )
        night_row = MonthsRow(
            "night",
            "woke",
            None,
            sum(n.nights_woken for n in nights),
            sum(n.nights_answered for n in nights),
            cells,
        )
    return MovementMonths(shown, partial, tuple(scopes), night_row)


# ---------------------------------------------------------------- the weekly checks


def _nerve_course(checks: Sequence[WeeklyCheck], test: str) -> NerveCourse:
    failed_word = "yes" if test == "tripping" else "no"
    answers = [(c.day, getattr(c, test)) for c in checks if getattr(c, test) in ("yes", "no")]
    first_failure = next((day for day, a in answers if a == failed_word), None)
    new_failure = None
    previous = None
    for day, answer in answers:
        if answer == failed_word and previous is not None and previous != failed_word:
            new_failure = day
            break
        if test == "tripping" and answer == "yes" and previous is None:
            new_failure = day  # tripping newly answered yes (docs/clinical.md#nerve-check)
            break
        previous = answer
    latest_check = next((c for c in reversed(checks) if getattr(c, test) is not None), None)
    return NerveCourse(
        test,
        len(answers),
        sum(a == failed_word for _, a in answers),
        getattr(latest_check, test) if latest_check else None,
        latest_check.day if latest_check else None,
        first_failure,
        new_failure,
    )


def _goal_courses(checks: Sequence[WeeklyCheck]) -> tuple[GoalCourse, ...]:
    ratings: dict[str, list[tuple[dt.date, str, int]]] = {}
    for check in checks:
        for goal in check.goals:
            ratings.setdefault(goal.name.casefold(), []).append((check.day, goal.name, goal.score))
    courses = []
    for values in ratings.values():
        first, latest = values[0], values[-1]
        courses.append(GoalCourse(latest[1], first[2], first[0], latest[2], latest[0], len(values)))
    return tuple(courses)


def weekly_answers(checks: Sequence[WeeklyCheck]) -> WeeklyAnswers:
    """What the weekly checks add up to (checks oldest first)."""
    checks = tuple(sorted(checks, key=lambda c: (c.day, c.logged_at)))
    latest = []
    for question in (*ANSWERS, "same_as_before"):
        last = next((c for c in reversed(checks) if getattr(c, question) is not None), None)
        latest.append(
            Latest(question, getattr(last, question) if last else None, last.day if last else None)
        )
    goals = _goal_courses(checks)
    rated = [g for g in goals if g.ratings > 1]
    clinic: dict[str, list[tuple[dt.date, float]]] = {}
    for check in checks:
        for score in check.clinic_scores:
            clinic.setdefault(score.name, []).append((check.day, score.value))
    return WeeklyAnswers(
        checks=checks,
        latest=tuple(latest),
        interference=_series(checks, "interference"),
        sleep_interference=_series(checks, "sleep_interference"),
        minutes=tuple(
            MinutesCourse(m, tuple(MinutesPoint(d, v) for d, v in _series(checks, m)))
            for m in ("walk_minutes", "sit_minutes", "stand_minutes")
        ),
        nerves=tuple(_nerve_course(checks, test) for test in NERVE_TESTS),
        goals=goals,
        goal_average_change=(sum(g.change for g in rated) / len(rated) if rated else None),
        clinic_scores=tuple(ClinicCourse(n, tuple(p)) for n, p in clinic.items()),
    )


def _series(checks: Sequence[WeeklyCheck], name: str) -> tuple[tuple[dt.date, int], ...]:
    return tuple((c.day, getattr(c, name)) for c in checks if getattr(c, name) is not None)


# ---------------------------------------------------------------- the section


def provokes(
    entries: Sequence[DiaryEntry],
    checks: Sequence[WeeklyCheck],
    day0: dt.date | None,
    as_of: dt.date,
) -> Provokes:
    """What provokes it, since day 0 (the first entry when there is no surgery) to as_of."""
    if day0 is None and entries:
        day0 = min(e.day for e in entries)
    anchor = day0 or as_of
    window = [e for e in entries if anchor <= e.day <= as_of]
    days = sorted(_days(window).values(), key=lambda d: d.day)
    months: dict[int, list[_Day]] = {}
    for day in days:
        months.setdefault((day.day - anchor).days // MONTH_DAYS, []).append(day)
    nights = _nights(days, anchor)
    overall = tuple(_scope_days(days, scope) for scope in SCOPES)
    movement = tuple(
        MonthMovement(
            index,
            anchor + dt.timedelta(days=index * MONTH_DAYS),
            tuple(_scope_days(items, scope) for scope in SCOPES),
        )
        for index, items in sorted(months.items())
        if any(_answered(d) for d in items)
    )
    return Provokes(
        day0=day0,
        as_of=as_of,
        overall=overall,
        months=movement,
        by_month=movement_months(overall, movement, nights, anchor, as_of),
        patterns=pattern_notes(days, anchor, as_of),
        nights=nights,
        nights_answered=sum(n.nights_answered for n in nights),
        nights_woken=sum(n.nights_woken for n in nights),
        skin_areas=skin_areas(window),
        weekly=weekly_answers([c for c in checks if anchor <= c.day <= as_of]),
    )


# ---------------------------------------------------------------- before and after (issue 14)


@dataclass(frozen=True)
class MeasureBeforeAfter:
    """Overall, back or leg pain: before surgery, at its best since, and now."""

    measure: str  # "overall", "back", "leg"
    before: int | None
    best_after: float | None  # the lowest monthly median since surgery
    best_month: int | None  # months since surgery of that median (0 = the first month)
    now: float | None  # median of the last 6 weeks
    important: float | None  # the change that matters, from the before level
    finding: str | None  # "never-relieved", "returned", "relieved", "new", or None
    returned_month: int | None  # the month it came back within `important` of before
    # Whether every month since returned_month stayed within it (then "from month N on");
    # else returned_month is the first month back and the later months dipped again.
    returned_since: bool = True


@dataclass(frozen=True)
class ReachBeforeAfter:
    """How far down one limb pain (or numbness) reached: before, at best since, now."""

    side: str
    limb: str
    kind: str  # "pain" (where it hurt or radiated) or "numbness"
    before: str | None  # the farthest region, None when it did not reach the limb
    best_after: str | None
    now: str | None


@dataclass(frozen=True)
class SameAsBeforeAnswers:
    """The weekly answers to "is it the pain you had before the operation?" since surgery."""

    answers: tuple[tuple[dt.date, str], ...]

    def count(self, answer: str) -> int:
        return sum(a == answer for _, a in self.answers)

    @property
    def total(self) -> int:
        return len(self.answers)

    @property
    def with_pain(self) -> int:
        """Answers other than no-pain: the denominator of same / partly / different."""
        return self.total - self.count("no-pain")


@dataclass(frozen=True)
class BeforeAfter:
    """The latest surgery's pain before against the pain since."""

    surgery_date: dt.date
    surgery_title: str
    source: str | None
    measures: tuple[MeasureBeforeAfter, ...]
    reach: tuple[ReachBeforeAfter, ...]
    same_as_before: SameAsBeforeAnswers
    recent_start: dt.date
    recent_days: int  # logged days in the last 6 weeks


def important_change(before: float) -> float:
    """2 points or 30 % of the level before, whichever is smaller, at least 1 point."""
    return max(MCID_FLOOR, min(MCID_ABS, MCID_REL * before))


def _located(entry: DiaryEntry, group: str) -> int | None:
    values = [
        s.intensity
        for s in entry.where
        if s.intensity is not None and s.region in REGIONS and REGIONS[s.region].group == group
    ]
    return max(values) if values else None


def _daily(entries: Iterable[DiaryEntry], measure: str) -> dict[dt.date, float]:
    by_day: dict[dt.date, list[float]] = {}
    for entry in entries:
        value = entry.pain if measure == "overall" else _located(entry, measure)
        if value is not None:
            by_day.setdefault(entry.day, []).append(value)
    return {day: sum(v) / len(v) for day, v in by_day.items()}


def _measure(
    measure: str, before: int | None, daily: dict[dt.date, float], day0: dt.date, as_of: dt.date
) -> MeasureBeforeAfter:
    recent_start = as_of - dt.timedelta(days=RECENT_DAYS - 1)
    recent = [v for d, v in daily.items() if d >= recent_start]
    now = float(statistics.median(recent)) if len(recent) >= MIN_RECENT_DAYS else None
    by_month: dict[int, list[float]] = {}
    for day, value in daily.items():
        by_month.setdefault((day - day0).days // MONTH_DAYS, []).append(value)
    medians = {
        m: float(statistics.median(v)) for m, v in by_month.items() if len(v) >= MIN_MONTH_DAYS
    }
    best_month = min(medians, key=lambda m: (medians[m], m)) if medians else None
    best = medians[best_month] if best_month is not None else None
    important = important_change(before) if before else None
    finding, returned, since = None, None, True
    if before is None or before == 0:
        if before == 0 and now is not None and now >= MCID_ABS:
            finding = "new"
    elif best is not None and important is not None:
        if best > before - important:
            # Said only once the operation has had time to work (docs/clinical.md#before-after).
            settled = (as_of - day0).days >= NEVER_RELIEVED_FROM_DAYS
            finding = "never-relieved" if settled else None
        else:
            assert best_month is not None  # best is set only together with best_month
            later = sorted(m for m in medians if m > best_month)
            # Back within `important` of the level before: strictly less than that below it.
            back = [m for m in later if medians[m] > before - important]
            returned = back[0] if back else None
            # The start of the run of months back within it that lasts to the latest month:
            # "from month 7 on" was said of months 8 and 9 well below it again.
            run = None
            for m in later:
                run = (run if run is not None else m) if medians[m] > before - important else None
            if returned is not None and (now is None or now > before - important):
                finding = "returned"
                since = run is not None
                returned = run if run is not None else returned
            elif now is not None and now <= before - important:
                finding = "relieved"
            else:
                returned = None
    return MeasureBeforeAfter(
        measure, before, best, best_month, now, important, finding, returned, since
    )


def _before_value(before: PainBefore, measure: str) -> int | None:
    if measure == "overall":
        return before.pain
    if not before.where:
        return None  # where it hurt was not recorded: back and leg are unknown
    values = [
        s.intensity
        for s in before.where
        if s.region in REGIONS and REGIONS[s.region].group == measure
    ]
    named = [s for s in before.where if s.region in REGIONS and REGIONS[s.region].group == measure]
    if not named:
        return 0  # recorded where it hurt, and this was not among the places
    rated = [v for v in values if v is not None]
    return max(rated) if rated else None


def _reach_of(names: Iterable[str], side: str, limb: str) -> str | None:
    return farthest(list(names), side, limb)


def _reach(
    entries: Sequence[DiaryEntry],
    before: PainBefore,
    day0: dt.date,
    as_of: dt.date,
) -> tuple[ReachBeforeAfter, ...]:
    recent_start = as_of - dt.timedelta(days=RECENT_DAYS - 1)
    found = []
    for kind in ("pain", "numbness"):

        def names(entry: DiaryEntry, kind: str = kind) -> set[str]:
            if kind == "numbness":
                return set(entry.numb)
            return {s.region for s in entry.where} | set(entry.radiates)

        before_names = (
            set(before.numb)
            if kind == "numbness"
            else {s.region for s in before.where} | set(before.radiates)
        )
        by_month: dict[int, set[str]] = {}
        month_days: dict[int, set[dt.date]] = {}
        for entry in entries:
            month = (entry.day - day0).days // MONTH_DAYS
            by_month.setdefault(month, set()).update(names(entry))
            month_days.setdefault(month, set()).add(entry.day)
        recent = {n for e in entries if e.day >= recent_start for n in names(e)}
        for limb in ("leg", "arm"):
            for side in SIDES:
                then = _reach_of(before_names, side, limb)
                reaches = [
                    _reach_of(by_month[m], side, limb)
                    for m in sorted(by_month)
                    if len(month_days[m]) >= MIN_MONTH_DAYS
                ]
                now = _reach_of(recent, side, limb)
                if then is None and now is None and not any(reaches):
                    continue
                best = min(reaches, key=_depth) if reaches else None
                found.append(ReachBeforeAfter(side, limb, kind, then, best, now))
    return tuple(found)


def _depth(name: str | None) -> int:
    return 0 if name is None else REGIONS[name].level or 0


def before_after(
    entries: Sequence[DiaryEntry],
    checks: Sequence[WeeklyCheck],
    surgery_date: dt.date,
    surgery_title: str,
    before: PainBefore,
    as_of: dt.date,
) -> BeforeAfter:
    """The pain before a surgery against the best since and now (docs/clinical.md#same-pain)."""
    since = [e for e in entries if surgery_date < e.day <= as_of]
    recent_start = as_of - dt.timedelta(days=RECENT_DAYS - 1)
    return BeforeAfter(
        surgery_date=surgery_date,
        surgery_title=surgery_title,
        source=before.source,
        measures=tuple(
            _measure(m, _before_value(before, m), _daily(since, m), surgery_date, as_of)
            for m in MEASURES
        ),
        reach=_reach(since, before, surgery_date, as_of),
        same_as_before=SameAsBeforeAnswers(
            tuple(
                (c.day, c.same_as_before)
                for c in sorted(checks, key=lambda c: c.day)
                if c.same_as_before and surgery_date < c.day <= as_of
            )
        ),
        recent_start=recent_start,
        recent_days=len({e.day for e in since if e.day >= recent_start}),
    )
