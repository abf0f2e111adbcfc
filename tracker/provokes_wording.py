"""The sentences of issues 9 and 14, made from the analysis's typed results.

No control flow anywhere depends on these words: the analysis returns numbers and codes
(tracker.analysis.provokes) and this module only reads them. Never a diagnosis: "a pattern
often seen with ...", always with the days it rests on (docs/clinical.md#movement).
"""

from __future__ import annotations

import datetime as dt

from tracker.analysis.provokes import (
    MIN_MONTH_DAYS,
    MONTH_DAYS,
    BeforeAfter,
    MeasureBeforeAfter,
    NerveCourse,
    PatternNote,
    Provokes,
    ReachBeforeAfter,
    SameAsBeforeAnswers,
)
from tracker.regions import REGIONS
from tracker.weekly import CLINIC_SCORES

# How each activity reads after "worse" / "eased by".
ACTIVITY_WORDS = {
    "sitting": "sitting",
    "standing": "standing",
    "walking": "walking",
    "bending-forward": "bending forward",
    "bending-back": "bending back",
    "twisting": "twisting",
    "lifting": "lifting",
    "lying": "lying down",
    "getting-up": "getting up",
    "coughing": "coughing or sneezing",
    "nothing": "nothing",
}
SCOPE_WORDS = {"all": "Pain", "back": "Back pain", "leg": "Leg pain"}
PATTERN_WORDS = {
    "stenosis": "spinal stenosis (neurogenic claudication)",
    "disc": "pain from a disc",
    "facet": "pain from the facet joints",
    "sacroiliac": "pain from the sacroiliac joint",
    "nerve-root": "an irritated nerve root",
    "fibrosis": "scar tissue around the nerve (epidural fibrosis)",
}
NERVE_WORDS = {"heel_walk": "Heel walk", "toe_walk": "Toe walk", "tripping": "Tripping"}
MEASURE_WORDS = {"overall": "Overall pain", "back": "Back pain", "leg": "Leg pain"}
SOURCE_WORDS = {"memory": "as remembered", "clinic": "from the clinic's scores"}


def plain_date(day: dt.date) -> str:
    """'12 March 2026'."""
    return f"{day.day} {day:%B} {day.year}"


def percent(share: float) -> str:
    """'80 %'."""
    return f"{round(100 * share)} %"


def score(value: float | None) -> str:
    """'6/10', '5.5/10', or a dash for no value."""
    if value is None:
        return "-"
    text = f"{value:.1f}"
    return (text[:-2] if text.endswith(".0") else text) + "/10"


def _and(words: list[str], joiner: str = "and") -> str:
    if len(words) <= 1:
        return "".join(words)
    return ", ".join(words[:-1]) + f" {joiner} " + words[-1]


def _activities(names: tuple[str, ...], joiner: str = "and") -> str:
    return _and([ACTIVITY_WORDS.get(n, n) for n in names], joiner)


def _span(first: dt.date, last: dt.date) -> str:
    return plain_date(first) if first == last else f"{plain_date(first)} to {plain_date(last)}"


def pattern_sentence(note: PatternNote) -> str:
    """One pattern note, with its share and the days it rests on."""
    # The dates are of the days that fit, not of the days answered: said apart, so that
    # "145 of 215 days, 6 March to 7 December" does not read as 215 days in that span.
    span = (
        f"on {plain_date(note.first)}"
        if note.first == note.last
        else f"the first {plain_date(note.first)}, the last {plain_date(note.last)}"
    )
    days = f"{note.days} of the {note.days_answered} days with movement answers; {span}"
    if note.code == "night":
        return (
            f"Woken by pain that nothing eased on {note.days} of the last "
            f"{note.days_answered} nights answered ({_span(note.first, note.last)}): night pain "
            "that no position eases is worth raising with the surgeon promptly."
        )
    if note.code == "fibrosis":
        head = (
            "Burning pain that nothing eased and no movement changed, from 6 weeks after surgery,"
        )
    elif note.code == "sacroiliac":
        head = f"One-sided pain worse {_activities(note.worse, 'or')}"
    else:  # any of the activities fits a day (docs/clinical.md#pattern-stenosis)
        head = f"{SCOPE_WORDS[note.scope]} worse {_activities(note.worse, 'or')}"
        if note.eased:
            head += f" and eased by {_activities(note.eased, 'or')}"
    return (
        f"{head} on {percent(note.share)} of days ({days}): a pattern often seen with "
        f"{PATTERN_WORDS[note.code]}."
    )


def _place(name: str) -> str:
    region = REGIONS[name]
    return region.label.removeprefix(f"{region.side} ") if region.side else region.label


def nerve_sentence(course: NerveCourse) -> str | None:
    """The nerve self-check in one line, with the date a failure first appeared."""
    if not course.answered:
        return None
    name = NERVE_WORDS[course.test]
    failed = "yes" if course.test == "tripping" else "failed"
    latest = {"yes": "yes" if course.test == "tripping" else "passed", "no": "no"}.get(
        course.latest or "", course.latest or "-"
    )
    if course.test != "tripping" and course.latest == "no":
        latest = "failed"
    text = f"{name}: {latest} on {plain_date(course.latest_date)}" if course.latest_date else name
    if course.failures:
        text += f"; {failed} in {course.failures} of {course.answered} weeks"
        text += f", first on {plain_date(course.first_failure)}" if course.first_failure else ""
    if course.new_failure:
        text += f"; new weakness from {plain_date(course.new_failure)}"
    return text + "."


def weakness_phrase(nerves: tuple[NerveCourse, ...]) -> str | None:
    """'heel walk failed since 25 October 2026' for each self-check that shows new weakness
    (a failure after earlier passes, or tripping newly yes); None when none does."""
    said = []
    for course in nerves:
        if course.new_failure is None:
            continue
        what = (
            "tripping"
            if course.test == "tripping"
            else f"{NERVE_WORDS[course.test].lower()} failed"
        )
        said.append(f"{what} since {plain_date(course.new_failure)}")
    return _and(said) if said else None


def _measure_line(m: MeasureBeforeAfter, surgery_date: dt.date) -> str | None:
    word = MEASURE_WORDS[m.measure]
    if m.finding == "never-relieved":
        return (
            f"{word} was never relieved: best after surgery {score(m.best_after)} vs "
            f"{score(m.before)} before."
        )
    if m.finding == "returned" and m.returned_month is not None:
        # The month of the best and the month it came back, each with its place in time: a
        # rise over months is not "N months at the best level" (docs/clinical.md#before-after).
        back_from = surgery_date + dt.timedelta(days=MONTH_DAYS * m.returned_month)
        when = (
            f"from month {_ordinal(m.returned_month)} ({plain_date(back_from)} on)"
            if m.returned_since
            else f"first in month {_ordinal(m.returned_month)} ({plain_date(back_from)}), not"
            " every month since"
        )
        return (
            f"{word} returned: {score(m.best_after)} at best (month {_ordinal(m.best_month)}), "
            f"within {_points(m.important)} of the {score(m.before)} before {when}; now "
            f"{score(m.now)}."
        )
    if m.finding == "relieved":
        return f"{word} is lower than before surgery: {score(m.now)} now vs {score(m.before)}."
    if m.finding == "new":
        return f"{word} is new since surgery: {score(m.now)} now; none recorded before."
    return None


def _ordinal(month: int | None) -> int | None:
    """Months after surgery as counted from 1 ("month 1" is its first 30 days), as the
    before/after table and its lines print them; the analysis counts them from 0."""
    return None if month is None else month + 1


def _points(value: float | None) -> str:
    """'2 points', '1.5 points', '1 point'."""
    text = f"{value:.1f}".removesuffix(".0") if value is not None else "-"
    return f"{text} point" if text == "1" else f"{text} points"


def _reach_word(name: str | None) -> str:
    return _place(name) if name else "-"


def same_as_before_sentence(answers: SameAsBeforeAnswers) -> str | None:
    """'Same pain as before the operation? 12 weekly answers since surgery: same 5 (42 %), ...'"""
    if not answers.total:
        return None
    parts = [
        f"{a} {answers.count(a)} ({percent(answers.count(a) / answers.with_pain)})"
        for a in ("same", "partly", "different")
        if answers.with_pain
    ]
    if answers.count("no-pain"):
        parts.append(f"no pain {answers.count('no-pain')}")
    first, last = answers.answers[0], answers.answers[-1]
    moved = ""
    if answers.total > 1 and first[1] != last[1]:
        moved = (
            f'; from "{first[1]}" ({plain_date(first[0])}) to "{last[1]}" ({plain_date(last[0])})'
        )
    weeks = "1 weekly answer" if answers.total == 1 else f"{answers.total} weekly answers"
    return (
        f"The same pain as before the operation? {weeks} since surgery: {', '.join(parts)}{moved}."
    )


def before_after_title(result: BeforeAfter) -> str:
    """'Before and after surgery (L4-L5 fusion, 2 October 2025; before, as remembered)'."""
    source = f", {SOURCE_WORDS[result.source]}" if result.source else ""
    return (
        f"Before and after surgery ({result.surgery_title}, {plain_date(result.surgery_date)}"
        f"; before{source})"
    )


BEFORE_AFTER_HEADINGS = ("", "before", "best month*", "now")
# What "best month" means, said beneath the table: not the headline's best 6 weeks, nor a
# month of the monthly table with fewer days rated (issue 11, point 3).
BEST_MONTH_NOTE = (
    f"* The lowest median of a 30-day month with at least {MIN_MONTH_DAYS} days rated "
    "(months from 1 = the first 30 days); the headline's best is the best 6 weeks. Now: the "
    "median of the last 6 weeks' daily pain (the verdict's is that of their weekly means)."
)


def before_after_rows(result: BeforeAfter) -> list[tuple[str, str, str, str]]:
    """The small table's rows: (what, before, best after, now), for overall, back and leg
    pain, then how far down each limb pain and numbness reached."""
    rows = []
    for m in result.measures:
        if m.before is None and m.now is None and m.best_after is None:
            continue
        best = score(m.best_after)
        if m.best_month is not None:
            best += f" (month {_ordinal(m.best_month)})"
        rows.append((MEASURE_WORDS[m.measure], score(m.before), best, score(m.now)))
    for r in result.reach:
        label = f"{r.side} {r.limb}: {'pain reaches' if r.kind == 'pain' else 'numb to'}"
        rows.append((label, _reach_word(r.before), _reach_word(r.best_after), _reach_word(r.now)))
    return rows


def before_after_findings(result: BeforeAfter, reach: bool = True) -> list[str]:
    """The neutral lines: each measure never relieved, returned, lower or new; pain or
    numbness now further down a limb than before (unless not `reach`: the table's rows
    show how far down each limb it reached)."""
    lines = [line for m in result.measures if (line := _measure_line(m, result.surgery_date))]
    if reach:
        lines += [line for r in result.reach if (line := _reach_line(r))]
    return lines


def before_after_lines(result: BeforeAfter) -> list[str]:
    """The small before / best after / now table, then the neutral lines, as text lines."""
    head = BEFORE_AFTER_HEADINGS
    lines = [
        before_after_title(result) + ":",
        f"  {head[0]:<22}{head[1]:>8}  {head[2]:>20}  {head[3]:>8}",
    ]
    rows = before_after_rows(result)
    lines += [f"  {a:<22}{b:>8}  {c:>20}  {d:>8}" for a, b, c, d in rows]
    if any(row[2].endswith(")") for row in rows):  # a best month is named
        lines.append(BEST_MONTH_NOTE)
    lines += before_after_findings(result)
    same = same_as_before_sentence(result.same_as_before)
    if same:
        lines.append(same)
    return lines


def _reach_line(r: ReachBeforeAfter) -> str | None:
    """Pain or numbness now further down a limb than before surgery (peripheralisation)."""
    depth = {None: 0} | {n: REGIONS[n].level or 0 for n in (r.before, r.now) if n}
    if r.now is None or depth[r.now] <= depth[r.before]:
        return None
    what = "Pain" if r.kind == "pain" else "Numbness"
    before = f"the {_place(r.before)}" if r.before else "nowhere on that limb"
    return (
        f"{what} now reaches the {_place(r.now)} of the {r.side} {r.limb}; before surgery {before}."
    )


# ---------------------------------------------------------------- the report's section (issue 9)

NIGHTS_MONTH_MIN = 7


def nights_sentence(result: Provokes) -> str | None:
    """'Woken by pain on 172 of 304 nights answered; in the last month 20 of 25, up to 3
    times a night.'"""
    if not result.nights_answered:
        return None
    text = f"Woken by pain on {result.nights_woken} of {result.nights_answered} nights answered"
    # The latest month with a fair number of nights answered (a month just begun says little).
    full = [n for n in result.nights if n.nights_answered >= NIGHTS_MONTH_MIN]
    last = full[-1] if full else result.nights[-1]
    if len(result.nights) > 1:
        text += (
            f"; in the 30 days from {plain_date(last.start)}, {last.nights_woken} of "
            f"{last.nights_answered}"
        )
    if last.most:
        text += f", up to {last.most} {'time' if last.most == 1 else 'times'} a night"
    return text + "."


WORK_WORDS = {
    "full": "full duties",
    "modified": "modified duties",
    "off": "off work",
    "not-working": "not working",
}


def _number(value: float) -> str:
    return f"{value:g}"


def _first_to_latest(values: list[str], unit: str = "") -> str:
    """'3 -> 6/10', or one value when it was answered once or never changed."""
    if len(values) == 1 or values[0] == values[-1]:
        return f"{values[-1]}{unit}"
    return f"{values[0]} -> {values[-1]}{unit}"


def weekly_line(result: Provokes) -> str | None:
    """The weekly function answers in one line, first -> latest answer of each question:
    how much pain got in the way of daily life and of sleep, work, the change since
    surgery, the patient's own activities (page 4; function_lines says each with its dates).
    None when none of them was answered."""
    weekly = result.weekly
    parts = []
    rated = [
        f"{what} {_first_to_latest([str(v) for _, v in points], '/10')}"
        for what, points in (
            ("pain got in the way of daily life", weekly.interference),
            ("of sleep", weekly.sleep_interference),
        )
        if points
    ]
    if rated:
        parts.append(" and ".join(rated) + " (0 = not at all, 10 = completely)")
    for question, word in (("work", "work"), ("change", "change since surgery")):
        answers = [getattr(c, question) for c in weekly.checks if getattr(c, question)]
        if answers:
            said = [
                WORK_WORDS.get(a, a) if question == "work" else a.replace("-", " ") for a in answers
            ]
            parts.append(f"{word}: {_first_to_latest(said)}")
    if weekly.goals:
        goals = ", ".join(
            f"{g.name} {g.first} -> {g.latest}" if g.ratings > 1 else f"{g.name} {g.latest}"
            for g in weekly.goals
        )
        text = f"own activities (10 = as before the problem): {goals}"
        if weekly.goal_average_change is not None:
            text += f" (average change {weekly.goal_average_change:+.1f})"
        parts.append(text)
    if not parts:
        return None
    checks = weekly.checks
    count = "1 weekly check" if len(checks) == 1 else f"{len(checks)} weekly checks"
    span = _span(checks[0].day, checks[-1].day)
    return f"Weekly answers, first -> latest ({count}, {span}): " + "; ".join(parts) + "."


def page_four_lines(result: Provokes) -> list[str]:
    """Page 4's bullets beneath its charts, told once: the pattern notes with the days they
    rest on, the weekly answers in one line, the clinic scores. The shares by month and
    since surgery, the nights woken and the minutes are charted above them; the nerve
    self-check and the nights are on page 1; numbness by skin area on pages 1 and 3."""
    lines = [pattern_sentence(note) for note in result.patterns if note.code != "night"]
    lines += [pattern_sentence(note) for note in result.patterns if note.code == "night"]
    weekly = weekly_line(result)
    if weekly:
        lines.append(weekly)
    for course in result.weekly.clinic_scores:
        points = ", ".join(f"{_number(v)} on {plain_date(d)}" for d, v in course.points)
        what = CLINIC_SCORES[course.name][0] if course.name in CLINIC_SCORES else course.name
        lines.append(f"Clinic score, {what}: {points}.")
    return lines
