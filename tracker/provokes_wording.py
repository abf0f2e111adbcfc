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
    MinutesCourse,
    NerveCourse,
    PatternNote,
    Provokes,
    ReachBeforeAfter,
    SameAsBeforeAnswers,
    ScopeDays,
    SkinAreaNumbness,
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
    span = _span(note.first, note.last)
    days = f"{note.days} of {note.days_answered} days with movement answers, {span}"
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
        head = f"One-sided pain worse {_activities(note.worse)}"
    else:
        head = f"{SCOPE_WORDS[note.scope]} worse {_activities(note.worse)}"
        if note.eased:
            head += f" and eased by {_activities(note.eased, 'or')}"
    return (
        f"{head} on {percent(note.share)} of days ({days}): a pattern often seen with "
        f"{PATTERN_WORDS[note.code]}."
    )


def _place(name: str) -> str:
    region = REGIONS[name]
    return region.label.removeprefix(f"{region.side} ") if region.side else region.label


def skin_area_sentence(area: SkinAreaNumbness) -> str:
    """'Numbness in the left L5 skin area: top of the foot, big toe (12 days, ...).'"""
    places = ", ".join(_place(p) for p in area.places)
    days = "1 day" if area.days == 1 else f"{area.days} days"
    return (
        f"Numbness in the {area.side} {area.root} skin area: {places} ({days}, "
        f"{_span(area.first, area.last)})."
    )


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
        return (
            f"{word} returned: {score(m.best_after)} at best (month {_ordinal(m.best_month)}), "
            f"within {_points(m.important)} of the {score(m.before)} before from month "
            f"{_ordinal(m.returned_month)} ({plain_date(back_from)} on); now {score(m.now)}."
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
    "(months from 1 = the first 30 days); the headline's best is the best 6 weeks."
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
SCOPE_DAYS_WORDS = {"all": "All days", "back": "Back-pain days", "leg": "Leg-pain days"}
MINUTES_WORDS = {
    "walk_minutes": "Walking before leg symptoms stop or slow you",
    "sit_minutes": "Sitting",
    "stand_minutes": "Standing",
}


def activity_line(days: ScopeDays) -> str | None:
    """'Leg-pain days (216 with movement answers): worse walking 80 %, standing 61 %; eased
    by sitting 75 %.' Activities by share, largest first; None with no answered day."""
    if not days.days_answered:
        return None

    def shares(which: str) -> str:
        counts = [
            (getattr(a, f"{which}_days"), a.activity)
            for a in days.activities
            if getattr(a, f"{which}_days")
        ]
        ordered = sorted(counts, key=lambda c: -c[0])
        return ", ".join(
            f"{ACTIVITY_WORDS.get(name, name)} {percent(n / days.days_answered)}"
            for n, name in ordered
        )

    worse, eased = shares("worse"), shares("eased")
    parts = [f"worse {worse}" if worse else "", f"eased by {eased}" if eased else ""]
    said = "; ".join(p for p in parts if p)
    return f"{SCOPE_DAYS_WORDS[days.scope]} ({days.days_answered} with movement answers): {said}."


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


def minutes_sentence(course: MinutesCourse) -> str | None:
    """'Walking before leg symptoms stop or slow you: 44 min on 20 July 2025, 15 min on 30
    August 2026 (51 weekly answers).'"""
    first, latest = course.first, course.latest
    if first is None or latest is None:
        return None
    text = f"{MINUTES_WORDS[course.measure]}: {first.minutes} min on {plain_date(first.day)}"
    if latest is not first:
        text += f", {latest.minutes} min on {plain_date(latest.day)}"
    answers = len(course.points)
    return text + f" ({answers} weekly {'answer' if answers == 1 else 'answers'})."


WORK_WORDS = {
    "full": "full duties",
    "modified": "modified duties",
    "off": "off work",
    "not-working": "not working",
}
INTERFERENCE_WORDS = {
    "interference": "Pain got in the way of daily life",
    "sleep_interference": "of sleep",
}


def _first_latest(points: tuple[tuple[dt.date, int], ...], unit: str = "/10") -> str:
    """'3/10 on 19 October 2025, 6/10 on 29 November 2026'."""
    (first_day, first), (last_day, last) = points[0], points[-1]
    text = f"{first}{unit} on {plain_date(first_day)}"
    if len(points) > 1:
        text += f", {last}{unit} on {plain_date(last_day)}"
    return text


def _number(value: float) -> str:
    return f"{value:g}"


def function_lines(result: Provokes) -> list[str]:
    """How daily life is going, from the weekly checks: how much pain got in the way of daily
    life and sleep, work, the change since surgery (first and latest answer), the patient's
    own activities and the scores a clinic gave, each with its dates."""
    weekly = result.weekly
    lines = []
    rated = [
        f"{INTERFERENCE_WORDS[name]}: {_first_latest(points)}"
        for name, points in (
            ("interference", weekly.interference),
            ("sleep_interference", weekly.sleep_interference),
        )
        if points
    ]
    if rated:
        lines.append("; ".join(rated) + " (0 = not at all, 10 = completely).")
    for question, word in (("work", "Work"), ("change", "Change since surgery")):
        answers = [(c.day, getattr(c, question)) for c in weekly.checks if getattr(c, question)]
        if not answers:
            continue

        def said(answer: str, question: str = question) -> str:
            return (
                WORK_WORDS.get(answer, answer) if question == "work" else answer.replace("-", " ")
            )

        (first_day, first), (last_day, last) = answers[0], answers[-1]
        text = f"{word}: {said(first)} on {plain_date(first_day)}"
        if last_day != first_day:
            text += f", {said(last)} on {plain_date(last_day)}"
        lines.append(
            text + f" ({len(answers)} weekly {'answer' if len(answers) == 1 else 'answers'})."
        )
    if weekly.goals:
        goals = ", ".join(
            f"{g.name} {g.first} -> {g.latest}" if g.ratings > 1 else f"{g.name} {g.latest}"
            for g in weekly.goals
        )
        first = min(g.first_date for g in weekly.goals)
        last = max(g.latest_date for g in weekly.goals)
        text = f"Own activities (0-10, 10 = as before the problem), {_span(first, last)}: {goals}"
        if weekly.goal_average_change is not None:
            text += f"; average change {weekly.goal_average_change:+.1f}"
        lines.append(text + ".")
    for course in weekly.clinic_scores:
        points = ", ".join(f"{_number(v)} on {plain_date(d)}" for d, v in course.points)
        what = CLINIC_SCORES[course.name][0] if course.name in CLINIC_SCORES else course.name
        lines.append(f"Clinic score, {what}: {points}.")
    return lines


def provokes_lines(result: Provokes, compact: bool = False) -> list[str]:
    """The report's section on what provokes it, line by line: the shares of days (all,
    back, leg), the pattern notes with their days, nights woken, the minutes, the nerve
    self-check, how daily life is going (function_lines), numbness by skin area. `compact`
    joins the minutes in one line and the nerve self-check in another, and leaves out the
    all-days shares when back-pain and leg-pain days each have theirs."""
    shares = {days.scope: line for days in result.overall if (line := activity_line(days))}
    if compact and "back" in shares and "leg" in shares:
        shares.pop("all", None)
    lines = list(shares.values())
    lines += [pattern_sentence(note) for note in result.patterns]
    lines += [line for line in (nights_sentence(result),) if line]
    minutes = [line for m in result.weekly.minutes if (line := minutes_sentence(m))]
    nerves = [line for n in result.weekly.nerves if (line := nerve_sentence(n))]
    if compact:
        minutes = [" ".join(minutes)] if minutes else []
        nerves = ["Nerve self-check: " + " ".join(nerves)] if nerves else []
    lines += minutes + nerves
    lines += function_lines(result)
    lines += [skin_area_sentence(area) for area in result.skin_areas]
    return lines
