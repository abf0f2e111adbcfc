"""`tracker week`: the weekly check (function, the nerve self-check, the same pain as before
surgery?) and `tracker week list`. Our own plain questions (docs/clinical.md#function);
never the wording of a licensed questionnaire (docs/clinical.md#licensed)."""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from typing import Any

import click

from tracker import clock, domain, weekly
from tracker import repository as repo
from tracker.cli import asking
from tracker.cli.app import App, pass_app
from tracker.cli.lines import long_date
from tracker.cli.params import DATE
from tracker.errors import TrackerError
from tracker.weekly import WeeklyCheck


@dataclass(frozen=True)
class Question:
    """One weekly question: its option, what is asked on a terminal, how the answer is read."""

    name: str  # WeeklyCheck's attribute
    option: str
    metavar: str
    help: str
    asked: str
    parse: Callable[[str], Any]
    label: str  # in the saved line and `week list`
    unit: str = ""


def _rating(what: str) -> Callable[[str], int]:
    return lambda text: weekly.parse_rating(text, what)


def _minutes(what: str) -> Callable[[str], int]:
    return lambda text: weekly.parse_minutes(text, what)


def _choice(choices: Sequence[str], what: str) -> Callable[[str], str]:
    return lambda text: weekly.parse_choice(text, choices, what)


def _words(choices: Iterable[str]) -> str:
    return ", ".join(choices)


# In the order asked; the wording is our own (docs/clinical.md#function, #nerve-check, #pgic).
QUESTIONS = (
    Question("interference", "--interference", "N",
             "How much pain got in the way of daily life this week, 0-10.",
             "This week, how much did pain get in the way of your daily life, 0 (not at all)"
             " to 10 (completely)", _rating("interference"), "daily life"),
    Question("sleep_interference", "--sleep-interference", "N",
             "How much pain got in the way of sleep this week, 0-10.",
             "And of your sleep, 0-10", _rating("sleep interference"), "sleep"),
    Question("walk_minutes", "--walk-minutes", "N",
             "Minutes you can walk before leg symptoms make you stop or slow down, 0-600.",
             "Minutes you can walk before leg symptoms make you stop or slow down",
             _minutes("walk minutes"), "walk", " min"),
    Question("sit_minutes", "--sit-minutes", "N", "Minutes you can sit, 0-600.",
             "Minutes you can sit before pain makes you get up", _minutes("sit minutes"),
             "sit", " min"),
    Question("stand_minutes", "--stand-minutes", "N", "Minutes you can stand, 0-600.",
             "Minutes you can stand still", _minutes("stand minutes"), "stand", " min"),
    Question("heel_walk", "--heel-walk", "yes|no|not-tried",
             "Could you walk a few steps on your heels?",
             f"Can you walk a few steps on your heels ({_words(weekly.WALK_TEST)})",
             _choice(weekly.WALK_TEST, "heel walk"), "heel walk"),
    Question("toe_walk", "--toe-walk", "yes|no|not-tried",
             "Could you walk a few steps on your toes?",
             f"And on your toes ({_words(weekly.WALK_TEST)})",
             _choice(weekly.WALK_TEST, "toe walk"), "toe walk"),
    Question("tripping", "--tripping", "yes|no", "Tripping, or a foot that slaps down.",
             f"Do you trip, or does a foot slap down as you walk ({_words(weekly.TRIPPING)})",
             _choice(weekly.TRIPPING, "tripping"), "tripping"),
    Question("work", "--work", "|".join(weekly.WORK), "Work this week.",
             f"Work this week ({_words(weekly.WORK)})", _choice(weekly.WORK, "work"), "work"),
    Question("change", "--change", "CHANGE",
             "Since surgery, overall: " + ", ".join(weekly.CHANGE) + ".",
             f"Since your surgery, are you overall ({_words(weekly.CHANGE)})",
             _choice(weekly.CHANGE, "change"), "since surgery"),
)  # fmt: skip
SAME_QUESTION = Question(
    "same_as_before",
    "--same-as-before",
    "|".join(weekly.SAME_AS_BEFORE),
    "Is the pain now the pain you had before the operation?",
    "Is the pain you have now the pain you had before the operation "
    f"({_words(weekly.SAME_AS_BEFORE)})",
    _choice(weekly.SAME_AS_BEFORE, "same-as-before"),
    "same as before surgery",
)
BY_NAME = {q.name: q for q in (*QUESTIONS, SAME_QUESTION)}
GOALS_ASKED = (
    "Your own activities, each rated 0-10, 10 = as before the problem (e.g. walk the dog=6,"
    " gardening=3; up to 5)"
)
SCORES_ASKED = "Scores a clinic gave you this week (e.g. odi=34; " + _words(weekly.CLINIC_SCORES)
SCORES_ASKED += ")"


def _options(func: Callable[..., Any]) -> Callable[..., Any]:
    for q in reversed((*QUESTIONS, SAME_QUESTION)):
        func = click.option(q.option, q.name, metavar=q.metavar, help=q.help)(func)
    return func


@click.group("week", invoke_without_command=True)
@click.option("--date", "day", type=DATE, help="The day of the check (default today).")
@_options
@click.option(
    "--goal",
    "goals",
    multiple=True,
    metavar="NAME=N",
    help='One of your own activities rated 0-10 (10 = as before), e.g. "walk the dog=6"; up to 5.',
)
@click.option(
    "--clinic-score",
    "clinic_scores",
    multiple=True,
    metavar="NAME=VALUE",
    help="A score a clinic gave you: " + _words(weekly.CLINIC_SCORES) + " (e.g. odi=34).",
)
@click.option("--replace", is_flag=True, help="Replace this week's check if there is one.")
@click.option("--ask", is_flag=True, help="Ask each question (the default with no answers).")
@click.pass_context
def week(ctx: click.Context, day: dt.date | None, replace: bool, ask: bool, **given: Any) -> None:
    """The weekly check: how pain got in the way, how far you can walk, the nerves, work.

    One check a week (Monday to Sunday); a second in the same week asks first whether to
    replace the first (or give --replace). On a terminal with no answers given, it asks each
    question in one line, with last week's answers as defaults.

    \b
    Examples:
      tracker week --interference 4 --sleep-interference 3 --walk-minutes 20
      tracker week --heel-walk yes --toe-walk no --tripping no --work modified
      tracker week --change a-little-better --goal "walk the dog=6" --clinic-score odi=34
      tracker week                (on a terminal: asks)
      tracker week list --json
    """
    if ctx.invoked_subcommand is not None:
        if day or replace or ask or any(given.values()):
            raise click.UsageError("give the answers to 'tracker week' itself, not to 'list'")
        return
    app: App = ctx.obj
    today = clock.today()
    day = day or today
    answers = _answers(given)
    if not answers and not ask:
        if not asking.on_terminal():
            raise click.UsageError(
                "give at least one answer, e.g. 'tracker week --interference 4 --walk-minutes"
                " 20' (or run 'tracker week' on a terminal to be asked)"
            )
        ask = True
    earlier, same_week, before_recorded = _diary_state(app, day)
    if same_week is not None and not replace:
        # Asked before the questions, not after them: a patient who does not mean to
        # replace this week's check should not answer ten questions to be told so.
        said = (
            f"a weekly check for the week of {long_date(_monday(day))} is already recorded,"
            f" answered on {long_date(same_week.day)}"
        )
        if not asking.on_terminal():
            raise TrackerError(f"{said}; give --replace to replace it")
        if not click.confirm(f"{said[0].upper()}{said[1:]}. Replace it?"):
            click.echo(f"Nothing saved: the check answered on {same_week.day.isoformat()} is kept.")
            return
    if ask:  # replacing this week's check: its answers are the defaults
        answers = _ask(_defaults([*earlier, *([same_week] if same_week else [])]), before_recorded)
    check = weekly.new_check(day, clock.now(), **answers)
    with app.session() as session:
        current = repo.check_in_week(session, check.week)  # as it is now, not as asked
        if current is not None:
            saved = repo.replace_check(session, current.id or 0, check)
        else:
            saved = repo.add_check(session, check)
    verb = "Replaced" if current is not None else "Saved"
    # the week in words, not "2026-W49"
    click.echo(
        f"{verb} the weekly check for the week of {long_date(_monday(check.day))}"
        f" (answered {long_date(check.day)})."
    )
    click.echo(f"  {describe(saved)}")
    weak = weekly.new_weakness(saved, earlier)
    if weak:
        _warn_weakness(weak)


def _answers(given: dict[str, Any]) -> dict[str, Any]:
    """The answers given as options, parsed (TrackerError names the first bad one)."""
    answers: dict[str, Any] = {
        name: BY_NAME[name].parse(text)
        for name, text in given.items()
        if name in BY_NAME and text is not None
    }
    if given.get("goals"):
        answers["goals"] = weekly.parse_goals(given["goals"])
    if given.get("clinic_scores"):
        answers["clinic_scores"] = weekly.parse_clinic_scores(given["clinic_scores"])
    return answers


def _diary_state(app: App, day: dt.date) -> tuple[list[WeeklyCheck], WeeklyCheck | None, bool]:
    """The checks before this week, this week's check, and whether the latest surgery on or
    before the day has the pain before it recorded."""
    if not app.database.exists():
        return [], None, False
    with app.session(write=False) as session:
        checks = repo.list_checks(session)
        surgeries = [e for e in repo.list_events(session, kind="surgery") if e.day <= day]
        before = repo.pains_before(session) if surgeries else {}
    week = weekly.iso_week(day)
    earlier = [c for c in checks if c.week != week and c.day < day]
    same_week = next((c for c in checks if c.week == week), None)
    latest = max(surgeries, key=lambda e: (e.day, e.id or 0)) if surgeries else None
    recorded = latest is not None and latest.id in before and before[latest.id].recorded
    return earlier, same_week, recorded


def _monday(day: dt.date) -> dt.date:
    return day - dt.timedelta(days=day.weekday())


def _defaults(earlier: list[WeeklyCheck]) -> dict[str, Any]:
    """Last week's answers (the latest earlier answer to each question); clinic scores are
    never carried over (a score is the clinic's, on the day it was given)."""
    found: dict[str, Any] = {}
    for check in sorted(earlier, key=lambda c: (c.day, c.logged_at)):
        for name in BY_NAME:
            if getattr(check, name) is not None:
                found[name] = getattr(check, name)
        if check.goals:
            found["goals"] = check.goals
    return found


_GOAL_END = re.compile(r"(=\s*\d+)\s*,\s*")  # a comma after a score ends a goal


def _goal_texts(text: str) -> list[str]:
    """'walk the dog=6, garden, weed=4' -> ['walk the dog=6', 'garden, weed=4']."""
    return _GOAL_END.sub("\\1\0", text).split("\0")


def _ask(defaults: dict[str, Any], before_recorded: bool) -> dict[str, Any]:
    """Each question in one line; Enter keeps the answer in [brackets], '-' for none."""
    click.echo("Weekly check. Press Enter to keep the answer in [brackets]; '-' to leave one out.")
    questions = [*QUESTIONS, SAME_QUESTION] if before_recorded else list(QUESTIONS)
    answers: dict[str, Any] = {}
    for q in questions:
        value = _prompt(q.asked, defaults.get(q.name), q.parse)
        if value is not None:
            answers[q.name] = value
    goals = defaults.get("goals", ())
    shown = ", ".join(f"{g.name}={g.score}" for g in goals) or None
    answers["goals"] = (
        _prompt(GOALS_ASKED, shown, lambda text: weekly.parse_goals(_goal_texts(text))) or ()
    )
    answers["clinic_scores"] = (
        _prompt(SCORES_ASKED, None, lambda text: weekly.parse_clinic_scores(text.split(","))) or ()
    )
    return answers


def _prompt(question: str, default: Any, parse: Callable[[str], Any]) -> Any:
    def convert(text: str) -> Any:
        text = text.strip()
        if text in ("", "-", "none", "(none)"):
            return None
        try:
            return parse(text)
        except TrackerError as exc:
            raise click.UsageError(exc.message) from None

    shown = "-" if default is None else str(default)
    return click.prompt(question, default=shown, value_proc=convert)


def describe(check: WeeklyCheck) -> str:
    """'daily life 4/10; sleep 3/10; walk 20 min; heel walk yes; goals walk the dog=6'."""
    parts = []
    for q in (*QUESTIONS, SAME_QUESTION):
        value = getattr(check, q.name)
        if value is None:
            continue
        shown = f"{value}/10" if q.name.endswith("interference") else f"{value}{q.unit}"
        parts.append(f"{q.label} {shown}")
    if check.goals:
        parts.append("goals " + ", ".join(f"{g.name}={g.score}" for g in check.goals))
    if check.clinic_scores:
        parts.append(
            "clinic scores "
            + ", ".join(f"{s.name}={weekly.number(s.value)}" for s in check.clinic_scores)
        )
    return "; ".join(parts)


def _warn_weakness(tests: tuple[str, ...]) -> None:
    """The urgent leg-weakness advice (docs/clinical.md#nerve-check); the check is saved."""
    said = {
        "heel_walk": "you could not walk on your heels this week, after earlier weeks you could",
        "toe_walk": "you could not walk on your toes this week, after earlier weeks you could",
        "tripping": "you are tripping, or a foot slaps down, where earlier you were not",
    }
    click.echo("", err=True)
    click.secho("!" * 72, fg="red", bold=True, err=True)
    for test in tests:
        click.secho(f"  URGENT: {said[test]}", fg="red", bold=True, err=True)
    flag = domain.RED_FLAGS["leg-weakness"]
    click.secho(f"  New weakness can be {flag} (leg-weakness).", fg="red", bold=True, err=True)
    click.secho(f"  {domain.RED_FLAG_ADVICE}", fg="red", bold=True, err=True)
    click.secho("  Your weekly check has been saved.", err=True)
    click.secho("!" * 72, fg="red", bold=True, err=True)


@week.command("list")
@click.option("--json", "as_json", is_flag=True, help="Print the checks as JSON.")
@pass_app
def week_list(app: App, as_json: bool) -> None:
    """The weekly checks, oldest first.

    \b
    Examples:
      tracker week list
      tracker week list --json
    """
    with app.session(write=False) as session:
        checks = repo.list_checks(session)
    if as_json:
        import json

        click.echo(json.dumps([c.as_dict() for c in checks], ensure_ascii=False, indent=2))
        return
    if not checks:
        click.echo("No weekly checks yet. Answer one with: tracker week")
        return
    for check in checks:
        click.echo(f"{check.week}  {check.day.isoformat()}  {describe(check)}")
    click.echo(f"{domain.plural(len(checks), 'weekly check')}.")


COMMANDS = (week,)
